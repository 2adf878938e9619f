#include "spf/Spf.h"

#include "dns/RecordCodec.h"
#include "spf/Ip.h"
#include "spf/Lint.h"
#include "spf/Macro.h"
#include "spf/Record.h"
#include "trace/Translate.h"
#include "verify/BatchMemo.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <charconv>
#include <optional>

namespace ms::spf {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::spf::Spf", text);
}

QString L1(const QByteArray& b)
{
    return QString::fromLatin1(b);
}

const QString kRfcCheckHost = QStringLiteral("RFC 7208 4");

// What one check_host() call produced.
struct HostResult {
    Status status = Status::Neutral;
    QString reason;
    QString explanation;
    bool explanationFromRecord = false;
};

enum class Role { Top, Include, Redirect };

// Outcome of one mechanism.
enum class Match { No, Yes, TempError, PermError };

class Evaluator
{
public:
    Evaluator(const SpfRequest& request, dns::Resolver& resolver, IpAddress ip, QString ipText,
        QByteArray sender, QByteArray localPart, QByteArray senderDomain)
        : m_req(request)
        , m_dns(resolver)
        , m_ip(ip)
        , m_ipText(std::move(ipText))
        , m_sender(std::move(sender))
        , m_local(std::move(localPart))
        , m_senderDomain(std::move(senderDomain))
        , m_nextSource(request.firstSourceIndex)
        , m_explain(request.explain)
    {
        m_timer.start();
    }

    HostResult checkHost(const QByteArray& domain, Step& parent, int depth, Role role);

    SpfCounters counters;
    QList<Source> sources;

private:
    struct Aborted {
        Status status;
        QString reason;
    };

    bool outOfTime() const
    {
        return (m_req.cancelled && m_req.cancelled->load(std::memory_order_relaxed))
            || (m_req.timeBudgetMs > 0 && m_timer.elapsed() > m_req.timeBudgetMs);
    }
    std::optional<dns::Answer> query(const QByteArray& name, dns::Type type, Step& parent);
    ParsedRecord parsedRecord(const QByteArray& text) const;
    void addCounters(Step& s) const;
    QByteArray expand(const MacroString& macros, const QByteArray& text, const QString& source,
        qint64 offset, const QByteArray& domain, bool explanation, Step& parent,
        bool* failed = nullptr);
    QByteArray targetName(
        const Term& t, const QString& source, const QByteArray& domain, Step& parent);
    QList<QByteArray> validatedNames(Step& parent, const QByteArray& preferUnder);
    Match evalMechanism(const Term& t, const QString& source, const QByteArray& domain, Step& step,
        int depth, QString* why);
    Match matchAddresses(const QByteArray& name, int cidr4, int cidr6, Step& step, bool countVoid,
        QString* why, bool* hadAddress = nullptr);
    bool countVoid(Step& step, QString* why);
    QString explain(const ParsedRecord& rec, const QString& source, const QByteArray& domain,
        Step& parent, bool* fromRecord);

    const SpfRequest& m_req;
    dns::Resolver& m_dns;
    IpAddress m_ip;
    QString m_ipText; // m_ip.toString(): the reasons quote it
    QByteArray m_sender, m_local, m_senderDomain;
    int m_nextSource;
    const bool m_explain; // false: no steps, texts or sources (summary-only runs)
    QElapsedTimer m_timer;
    std::optional<QList<QByteArray>> m_ptrNames; // %{p}: validated names, computed once
};

QString mechanismRfc(Mechanism m)
{
    switch (m) {
    case Mechanism::All: return QStringLiteral("RFC 7208 5.1");
    case Mechanism::Include: return QStringLiteral("RFC 7208 5.2");
    case Mechanism::A: return QStringLiteral("RFC 7208 5.3");
    case Mechanism::Mx: return QStringLiteral("RFC 7208 5.4");
    case Mechanism::Ptr: return QStringLiteral("RFC 7208 5.5");
    case Mechanism::Ip4:
    case Mechanism::Ip6: return QStringLiteral("RFC 7208 5.6");
    case Mechanism::Exists: return QStringLiteral("RFC 7208 5.7");
    }
    return QStringLiteral("RFC 7208 5");
}

// parseRecord(), shared through the batch's memo (when the request has one) by the record's
// text: a batch meets the same few records for thousands of messages. The syntax errors are
// translated, so the key carries the translation count.
ParsedRecord Evaluator::parsedRecord(const QByteArray& text) const
{
    if (!m_req.memo || text.size() > 4096)
        return parseRecord(text);
    char generation[24];
    const auto [end, ec]
        = std::to_chars(generation, generation + sizeof generation, translationGeneration());
    Q_UNUSED(ec); // 24 bytes hold any unsigned 64-bit number
    QByteArray key;
    key.reserve(text.size() + 32);
    key.append("spf-record/").append(generation, end - generation).append('/').append(text);
    if (const auto hit = std::static_pointer_cast<const ParsedRecord>(m_req.memo->find(key)))
        return *hit;
    auto rec = std::make_shared<const ParsedRecord>(parseRecord(text));
    const qint64 cost = 512 + 3 * text.size() + qint64(rec->terms.size()) * qint64(sizeof(Term));
    m_req.memo->insert(key, rec, cost);
    return *rec;
}

QString counterText(int n, int limit)
{
    return QStringLiteral("%1/%2").arg(n).arg(limit);
}

void Evaluator::addCounters(Step& s) const
{
    if (!m_explain)
        return;
    s.addFact(tr("DNS-querying terms"), counterText(counters.dnsTerms, m_req.dnsTermLimit));
    s.addFact(tr("void lookups"), counterText(counters.voidLookups, m_req.voidLookupLimit));
}

std::optional<dns::Answer> Evaluator::query(const QByteArray& name, dns::Type type, Step& parent)
{
    if (outOfTime()) {
        if (m_explain)
            parent.add(Step(QStringLiteral("spf.limit"), Status::TempError,
                tr("evaluation stopped: time budget used up or cancelled"),
                tr("RFC 7208 4.6.4 lets a checker bound the time check_host() takes; "
                   "beyond it the result is temperror."),
                QStringLiteral("RFC 7208 4.6.4")));
        return std::nullopt;
    }
    QByteArray q = name;
    if (q.endsWith('.'))
        q.chop(1);
    dns::Answer a = m_dns.resolve(q, type);
    ++counters.queries;
    if (m_explain)
        parent.add(dns::answerStep(a));
    QString why;
    if (a.outcome == dns::Outcome::Malformed && !dns::normalizeName(q, &why)) {
        // Not a transient failure: the name cannot be asked at all (a space or control byte
        // from a macro expansion). It cannot exist, so it is treated like NXDOMAIN
        // (RFC 7208 4.3, 4.8), never as a temperror that would repeat forever.
        if (m_explain)
            parent.add(Step(QStringLiteral("spf.target.invalid"), Status::Info,
                tr("\"%1\" cannot be asked (%2): treated as a name that does not exist")
                    .arg(QString::fromLatin1(q.left(300)), why),
                {}, QStringLiteral("RFC 7208 4.3, 4.8")));
        a.outcome = dns::Outcome::NxDomain;
        a.records.clear();
    }
    return a;
}

bool Evaluator::countVoid(Step& step, QString* why)
{
    ++counters.voidLookups;
    if (counters.voidLookups > m_req.voidLookupLimit) {
        *why = tr("more than %1 void lookups (answers with no records or NXDOMAIN)")
                   .arg(m_req.voidLookupLimit);
        if (m_explain)
            step.add(Step(QStringLiteral("spf.limit"), Status::PermError,
                tr("void-lookup limit exceeded (%1)")
                    .arg(counterText(counters.voidLookups, m_req.voidLookupLimit)),
                tr("RFC 7208 4.6.4: SPF implementations SHOULD limit void lookups to two; "
                   "exceeding the limit produces permerror."),
                QStringLiteral("RFC 7208 4.6.4")));
        return false;
    }
    return true;
}

QByteArray Evaluator::expand(const MacroString& macros, const QByteArray& text,
    const QString& source, qint64 offset, const QByteArray& domain, bool explanation, Step& parent,
    bool* failed)
{
    if (failed)
        *failed = false;
    if (!macros.hasMacros()) {
        QByteArray out;
        for (const MacroToken& t : macros.tokens)
            out += t.text;
        return out;
    }
    // Macros are rare; without explanations the steps go to a scratch step that is dropped.
    Step scratch;
    Step& s = !m_explain ? scratch
                         : parent.add(Step(QStringLiteral("spf.macro"), Status::Info, {},
                             tr("Macros are expanded before use (RFC 7208 7): each %{...} is "
                                "replaced by its value, split on its delimiters, reversed "
                                "with 'r', cut to the right-most N parts, and URL-escaped "
                                "when the letter is upper case."),
                             QStringLiteral("RFC 7208 7")));
    if (!source.isEmpty())
        s.addSpan(source, offset, text.size());
    QByteArray out;
    constexpr qsizetype kMaxOutput = 16 * 1024; // bounds hostile explanation strings
    for (const MacroToken& t : macros.tokens) {
        if (out.size() > kMaxOutput)
            break;
        if (t.kind != MacroToken::Kind::Macro) {
            out += t.text;
            if (t.kind == MacroToken::Kind::Escape) {
                Step& e = s.add(Step(QStringLiteral("spf.macro.escape"), Status::Info,
                    tr("%1 → \"%2\"").arg(L1(text.mid(t.offset, t.length)), L1(t.text)),
                    tr("%% is a percent sign, %_ a space, %- a URL-encoded space "
                       "(RFC 7208 7.1)."),
                    QStringLiteral("RFC 7208 7.1")));
                if (!source.isEmpty())
                    e.addSpan(source, offset + t.offset, t.length);
            }
            continue;
        }
        Step& m = s.add(Step(QStringLiteral("spf.macro.letter"), Status::Info, {},
            macroLetterMeaning(t.letter), QStringLiteral("RFC 7208 7.3")));
        if (!source.isEmpty())
            m.addSpan(source, offset + t.offset, t.length);
        QByteArray value;
        switch (t.letter) {
        case 's': value = m_sender; break;
        case 'l': value = m_local; break;
        case 'o': value = m_senderDomain; break;
        case 'd': value = domain; break;
        case 'i': value = m_ip.dotted(); break;
        case 'v': value = m_ip.v6 ? "ip6" : "in-addr"; break;
        case 'h': value = m_req.helo.toUtf8(); break;
        case 'c': value = m_ipText.toLatin1(); break;
        case 'r':
            value = m_req.receiver.isEmpty() ? QByteArray("unknown") : m_req.receiver.toUtf8();
            break;
        case 't': {
            const QDateTime now = m_req.now.isValid() ? m_req.now : QDateTime::currentDateTimeUtc();
            value = QByteArray::number(now.toSecsSinceEpoch());
            break;
        }
        case 'p': {
            const QList<QByteArray> names = validatedNames(m, domain);
            value = names.isEmpty() ? QByteArray("unknown") : names.first();
            break;
        }
        default: break;
        }
        const QByteArray result = transformMacro(t, value);
        m.title = tr("%1 → \"%2\"").arg(L1(t.text), L1(result));
        m.addFact(tr("value"), QString::fromUtf8(value));
        if (t.digits > 0)
            m.addFact(tr("right-most parts"), QString::number(t.digits));
        if (t.reverse)
            m.addFact(tr("reversed"), tr("yes"));
        if (!t.delimiters.isEmpty())
            m.addFact(tr("delimiters"), L1(t.delimiters));
        if (t.urlEscape)
            m.addFact(tr("URL-escaped"), tr("yes (upper-case letter)"));
        out += result;
    }
    if (out.size() > kMaxOutput) {
        out.truncate(kMaxOutput);
        s.add(Step(QStringLiteral("spf.macro.truncated"), Status::Warning,
            tr("expansion cut at %1 bytes").arg(kMaxOutput),
            tr("The expansion grew beyond any sensible length; the rest is dropped so "
               "that a hostile record cannot use unbounded memory.")));
        if (failed)
            *failed = true;
    }
    s.title = tr("expand \"%1\" → \"%2\"").arg(L1(text), QString::fromUtf8(out.left(300)));
    if (!explanation) {
        bool cut = false;
        QByteArray name = out;
        if (name.endsWith('.'))
            name.chop(1);
        const QByteArray t = truncateDomain(name, &cut);
        if (cut) {
            s.add(Step(QStringLiteral("spf.macro.truncated"), Status::Info,
                tr("longer than 253 characters: left-most labels removed → %1").arg(L1(t)),
                tr("When an expanded domain name exceeds 253 characters, labels are removed "
                   "from the left until it fits (RFC 7208 7.3)."),
                QStringLiteral("RFC 7208 7.3")));
            out = t;
        }
    }
    return out;
}

QByteArray Evaluator::targetName(
    const Term& t, const QString& source, const QByteArray& domain, Step& parent)
{
    if (t.domainSpec.isEmpty())
        return domain;
    QByteArray name = expand(t.macros, t.domainSpec, source, t.domainOffset, domain, false, parent);
    if (name.endsWith('.'))
        name.chop(1);
    return truncateDomain(name);
}

QList<QByteArray> Evaluator::validatedNames(Step& parent, const QByteArray& preferUnder)
{
    // RFC 7208 7.3 (%{p}) with the 5.5 validation: the PTR names of the client whose
    // forward lookup returns the client address. Computed once per evaluation.
    if (!m_ptrNames) {
        QList<QByteArray> names;
        Step scratch; // without explanations: dropped
        Step& s = !m_explain ? scratch
                             : parent.add(Step(QStringLiteral("spf.ptr.validate"), Status::Info,
                                 tr("find a validated domain name for %1").arg(m_ipText),
                                 tr("Reverse lookup, then a forward lookup of each name (at most "
                                    "10); a name is validated when it resolves back to the "
                                    "client address (RFC 7208 5.5)."),
                                 QStringLiteral("RFC 7208 5.5, 7.3")));
        const auto a = query(m_ip.reverseName(), dns::Type::PTR, s);
        if (a && a->outcome == dns::Outcome::Ok) {
            const QList<dns::Record> ptrs = a->ofType(dns::Type::PTR);
            counters.maxPtrNames = std::max(counters.maxPtrNames, int(ptrs.size()));
            for (int i = 0; i < ptrs.size() && i < 10; ++i) {
                const QByteArray name = ptrs[i].target;
                const auto f = query(name, m_ip.v6 ? dns::Type::AAAA : dns::Type::A, s);
                if (!f || f->outcome != dns::Outcome::Ok)
                    continue;
                for (const dns::Record& r : f->ofType(m_ip.v6 ? dns::Type::AAAA : dns::Type::A)) {
                    const auto addr = IpAddress::fromRecord(r.address);
                    if (addr && addr->v6 == m_ip.v6 && addr->matches(m_ip, m_ip.bits())) {
                        names.append(name.toLower());
                        break;
                    }
                }
            }
            if (ptrs.size() > 10)
                s.add(Step(QStringLiteral("spf.limit"), Status::Info,
                    tr("%1 PTR names: only the first 10 are used").arg(ptrs.size()), {},
                    QStringLiteral("RFC 7208 4.6.4")));
        }
        s.addFact(tr("validated names"), names.isEmpty() ? tr("(none)") : L1(names.join(", ")));
        m_ptrNames = names;
    }
    // Prefer the domain itself, then a subdomain of it, then any validated name.
    const QByteArray d = preferUnder.toLower();
    for (const QByteArray& n : *m_ptrNames) {
        if (n == d)
            return { n };
    }
    for (const QByteArray& n : *m_ptrNames) {
        if (n.endsWith("." + d))
            return { n };
    }
    return *m_ptrNames;
}

Match Evaluator::matchAddresses(const QByteArray& name, int cidr4, int cidr6, Step& step,
    bool voidCounts, QString* why, bool* hadAddress)
{
    const dns::Type type = m_ip.v6 ? dns::Type::AAAA : dns::Type::A;
    const int prefix = m_ip.v6 ? (cidr6 < 0 ? 128 : cidr6) : (cidr4 < 0 ? 32 : cidr4);
    const auto a = query(name, type, step);
    if (!a) {
        *why = tr("time budget used up");
        return Match::TempError;
    }
    if (a->isTemporaryError()) {
        *why = tr("the %1 lookup for %2 failed (%3)")
                   .arg(dns::typeName(type), L1(name), dns::outcomeName(a->outcome));
        return Match::TempError;
    }
    const QList<dns::Record> recs = a->ofType(type);
    if (hadAddress)
        *hadAddress = !recs.isEmpty();
    if (recs.isEmpty()) {
        if (voidCounts && !countVoid(step, why))
            return Match::PermError;
        *why = tr("%1 has no %2 record").arg(L1(name), dns::typeName(type));
        return Match::No;
    }
    for (const dns::Record& r : recs) {
        const auto addr = IpAddress::fromRecord(r.address);
        if (addr && m_ip.matches(*addr, prefix)) {
            *why = tr("%1 is within %2/%3 (%4 of %5)")
                       .arg(m_ipText, addr->toString())
                       .arg(prefix)
                       .arg(dns::typeName(type), L1(name));
            return Match::Yes;
        }
    }
    *why = tr("none of the %1 addresses of %2 matches %3 with prefix /%4")
               .arg(recs.size())
               .arg(L1(name), m_ipText)
               .arg(prefix);
    return Match::No;
}

Match Evaluator::evalMechanism(const Term& t, const QString& source, const QByteArray& domain,
    Step& step, int depth, QString* why)
{
    if (causesDnsQuery(t.mechanism)) {
        ++counters.dnsTerms;
        if (counters.dnsTerms > m_req.dnsTermLimit) {
            *why = tr("more than %1 DNS-querying terms").arg(m_req.dnsTermLimit);
            if (m_explain)
                step.add(Step(QStringLiteral("spf.limit"), Status::PermError,
                    tr("DNS lookup limit exceeded (%1)")
                        .arg(counterText(counters.dnsTerms, m_req.dnsTermLimit)),
                    tr("RFC 7208 4.6.4: include, a, mx, ptr, exists and redirect may be used "
                       "at most 10 times in one evaluation, includes counted; beyond that "
                       "the result is permerror."),
                    QStringLiteral("RFC 7208 4.6.4")));
            return Match::PermError;
        }
    }
    QString invalid;
    auto checkName = [&](const QByteArray& name) {
        if (isValidDnsName(name, &invalid))
            return true;
        *why = tr("\"%1\" is not a valid domain name (%2): treated as a name that does not "
                  "exist, no query is sent")
                   .arg(L1(name.left(300)), invalid);
        if (m_explain)
            step.add(Step(QStringLiteral("spf.target.invalid"), Status::Info, *why, {},
                QStringLiteral("RFC 7208 4.3, 4.8")));
        return false;
    };

    switch (t.mechanism) {
    case Mechanism::All: *why = tr("\"all\" always matches"); return Match::Yes;
    case Mechanism::Ip4:
    case Mechanism::Ip6: {
        const bool v6 = t.mechanism == Mechanism::Ip6;
        const int prefix = v6 ? (t.cidr6 < 0 ? 128 : t.cidr6) : (t.cidr4 < 0 ? 32 : t.cidr4);
        if (m_ip.v6 != v6) {
            *why = v6 ? tr("the client is IPv4: ip6 never matches it")
                      : tr("the client is IPv6: ip4 never matches it");
            return Match::No;
        }
        const bool yes = m_ip.matches(t.network, prefix);
        char16_t network[IpAddress::kMaxText];
        *why = fill(yes ? tr("%1 is within %2/%3") : tr("%1 is not within %2/%3"),
            { m_ipText, QStringView(network, t.network.writeText(network)), Decimal(prefix) });
        return yes ? Match::Yes : Match::No;
    }
    case Mechanism::A: {
        const QByteArray name = targetName(t, source, domain, step);
        if (m_explain)
            step.addFact(tr("target"), L1(name));
        if (!checkName(name))
            return Match::No;
        return matchAddresses(name, t.cidr4, t.cidr6, step, true, why);
    }
    case Mechanism::Exists: {
        const QByteArray name = targetName(t, source, domain, step);
        if (m_explain)
            step.addFact(tr("target"), L1(name));
        if (!checkName(name))
            return Match::No;
        // RFC 7208 5.7: always an A query, whatever the client's address family.
        const auto a = query(name, dns::Type::A, step);
        if (!a || a->isTemporaryError()) {
            *why = tr("the A lookup for %1 failed").arg(L1(name));
            return Match::TempError;
        }
        if (a->ofType(dns::Type::A).isEmpty()) {
            if (!countVoid(step, why))
                return Match::PermError;
            *why = tr("%1 has no A record").arg(L1(name));
            return Match::No;
        }
        *why = tr("%1 has an A record").arg(L1(name));
        return Match::Yes;
    }
    case Mechanism::Mx: {
        const QByteArray name = targetName(t, source, domain, step);
        if (m_explain)
            step.addFact(tr("target"), L1(name));
        if (!checkName(name))
            return Match::No;
        const auto a = query(name, dns::Type::MX, step);
        if (!a || a->isTemporaryError()) {
            *why = tr("the MX lookup for %1 failed").arg(L1(name));
            return Match::TempError;
        }
        QList<dns::Record> mx = a->ofType(dns::Type::MX);
        if (mx.isEmpty()) {
            if (!countVoid(step, why))
                return Match::PermError;
            *why = tr("%1 has no MX record").arg(L1(name));
            return Match::No;
        }
        counters.maxMxNames = std::max(counters.maxMxNames, int(mx.size()));
        if (m_explain)
            step.addFact(tr("MX names"), counterText(int(mx.size()), 10));
        if (mx.size() > 10) {
            *why = tr("%1 has %2 MX records: more than 10").arg(L1(name)).arg(mx.size());
            if (m_explain)
                step.add(Step(QStringLiteral("spf.limit"), Status::PermError,
                    tr("MX limit exceeded (%1)").arg(counterText(int(mx.size()), 10)),
                    tr("RFC 7208 4.6.4: the evaluation of an mx mechanism must not look "
                       "up more than 10 address records; if it would, the result is "
                       "permerror."),
                    QStringLiteral("RFC 7208 4.6.4")));
            return Match::PermError;
        }
        std::stable_sort(mx.begin(), mx.end(),
            [](const dns::Record& x, const dns::Record& y) { return x.preference < y.preference; });
        for (const dns::Record& r : mx) {
            if (r.target.isEmpty() || r.target == ".") {
                if (m_explain)
                    step.add(Step(QStringLiteral("spf.mx.null"), Status::Info,
                        tr("MX %1 \".\" (null MX): no host to look up").arg(r.preference), {},
                        QStringLiteral("RFC 7505")));
                continue;
            }
            QString sub;
            const Match m = matchAddresses(r.target, t.cidr4, t.cidr6, step, false, &sub);
            if (m == Match::Yes || m == Match::TempError || m == Match::PermError) {
                *why = sub;
                return m;
            }
        }
        *why = tr("no address of the %1 MX hosts of %2 matches %3")
                   .arg(mx.size())
                   .arg(L1(name), m_ipText);
        return Match::No;
    }
    case Mechanism::Ptr: {
        const QByteArray name = targetName(t, source, domain, step).toLower();
        if (m_explain)
            step.addFact(tr("target"), L1(name));
        const auto a = query(m_ip.reverseName(), dns::Type::PTR, step);
        if (!a) {
            *why = tr("time budget used up");
            return Match::TempError;
        }
        if (a->isTemporaryError()) {
            // RFC 7208 5.5: a DNS error on the PTR lookup makes the mechanism not match.
            *why = tr("the PTR lookup failed: ptr does not match (RFC 7208 5.5)");
            return Match::No;
        }
        const QList<dns::Record> ptrs = a->ofType(dns::Type::PTR);
        if (ptrs.isEmpty()) {
            if (!countVoid(step, why))
                return Match::PermError;
            *why = tr("%1 has no PTR record").arg(m_ipText);
            return Match::No;
        }
        counters.maxPtrNames = std::max(counters.maxPtrNames, int(ptrs.size()));
        if (m_explain)
            step.addFact(tr("PTR names"), counterText(int(ptrs.size()), 10));
        if (m_explain && ptrs.size() > 10)
            step.add(Step(QStringLiteral("spf.limit"), Status::Info,
                tr("%1 PTR names: only the first 10 are used").arg(ptrs.size()),
                tr("RFC 7208 4.6.4: PTR records beyond the first 10 must be ignored."),
                QStringLiteral("RFC 7208 4.6.4")));
        for (int i = 0; i < ptrs.size() && i < 10; ++i) {
            const QByteArray host = ptrs[i].target.toLower();
            if (host != name && !host.endsWith("." + name)) {
                if (m_explain)
                    step.add(Step(QStringLiteral("spf.ptr.skip"), Status::Info,
                        tr("%1 is not %2 or below it: not validated").arg(L1(host), L1(name))));
                continue;
            }
            QString sub;
            bool had = false;
            const Match m = matchAddresses(host, -1, -1, step, false, &sub, &had);
            if (m == Match::Yes) {
                *why = tr("%1 resolves back to %2 and is %3 or below it (validated name)")
                           .arg(L1(host), m_ipText, L1(name));
                return Match::Yes;
            }
            // RFC 7208 5.5: a DNS error on a forward lookup skips that name.
        }
        *why = tr("no validated PTR name of %1 is %2 or below it").arg(m_ipText, L1(name));
        return Match::No;
    }
    case Mechanism::Include: {
        const QByteArray name = targetName(t, source, domain, step);
        if (m_explain)
            step.addFact(tr("target"), L1(name));
        const HostResult r = checkHost(name, step, depth + 1, Role::Include);
        // RFC 7208 5.2 table.
        switch (r.status) {
        case Status::Pass:
            *why = tr("the included policy of %1 gives pass").arg(L1(name));
            return Match::Yes;
        case Status::Fail:
        case Status::SoftFail:
        case Status::Neutral:
            *why = tr("the included policy of %1 gives %2: no match")
                       .arg(L1(name), statusName(r.status));
            return Match::No;
        case Status::TempError:
            *why = tr("the included policy of %1 gives temperror: %2").arg(L1(name), r.reason);
            return Match::TempError;
        case Status::None:
            *why = tr("%1 has no SPF record: an include of it is a permerror (RFC 7208 5.2)")
                       .arg(L1(name));
            return Match::PermError;
        default:
            *why = tr("the included policy of %1 gives permerror: %2").arg(L1(name), r.reason);
            return Match::PermError;
        }
    }
    }
    return Match::No;
}

QString Evaluator::explain(const ParsedRecord& rec, const QString& source, const QByteArray& domain,
    Step& parent, bool* fromRecord)
{
    *fromRecord = false;
    if (rec.exp < 0)
        return m_req.defaultExplanation;
    const Term& t = rec.terms[rec.exp];
    Step scratch; // without explanations: dropped
    Step& s = !m_explain ? scratch
                         : parent.add(Step(QStringLiteral("spf.explanation"), Status::Info,
                             tr("explanation from %1").arg(L1(t.text)),
                             tr("On fail, the exp= modifier names a TXT record whose text, "
                                "after macro expansion, tells the sender why (RFC 7208 6.2). "
                                "Any problem fetching or expanding it means no explanation; "
                                "the result is unchanged. This lookup is not counted."),
                             QStringLiteral("RFC 7208 6.2")));
    s.addSpan(source, t.offset, t.length);
    auto ignore = [&](const QString& why) {
        s.status = Status::Warning;
        s.title = tr("exp= ignored: %1").arg(why);
        return m_req.defaultExplanation;
    };
    QByteArray name = expand(t.macros, t.domainSpec, source, t.domainOffset, domain, false, s);
    if (name.endsWith('.'))
        name.chop(1);
    QString invalid;
    if (!isValidDnsName(name, &invalid))
        return ignore(
            tr("\"%1\" is not a valid domain name (%2)").arg(L1(name.left(300)), invalid));
    const auto a = query(name, dns::Type::TXT, s);
    if (!a || a->isTemporaryError())
        return ignore(tr("the TXT lookup for %1 failed").arg(L1(name)));
    const QList<dns::Record> txt = a->ofType(dns::Type::TXT);
    if (txt.isEmpty())
        return ignore(tr("%1 has no TXT record").arg(L1(name)));
    if (txt.size() > 1)
        return ignore(
            tr("%1 has %2 TXT records; exactly one is required").arg(L1(name)).arg(txt.size()));
    const QByteArray text = txt.first().text();
    QString src;
    if (m_explain) {
        src = QStringLiteral("%1/%2/explanation").arg(m_req.sourcePrefix).arg(m_nextSource++);
        sources.append(Source {
            src, tr("SPF explanation (%1)").arg(L1(name)), Source::Kind::DnsAnswer, text });
    }
    s.addSpan(src, 0, text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) >= 0x80) {
            s.add(Step(QStringLiteral("spf.explanation.invalid"), Status::Warning,
                tr("non-ASCII byte at offset %1").arg(i), {}, QStringLiteral("RFC 7208 6.2"))
                      .addSpan(src, i, 1));
            return ignore(tr("the explanation text is not US-ASCII"));
        }
    }
    const MacroString ms = parseMacroString(text, MacroUse::Explanation);
    if (!ms.ok()) {
        s.add(Step(QStringLiteral("spf.explanation.invalid"), Status::Warning, ms.error, {},
            QStringLiteral("RFC 7208 6.2, 7.1"))
                  .addSpan(src, ms.errorOffset, 1));
        return ignore(tr("the explanation text has a macro syntax error"));
    }
    const QByteArray out = expand(ms, text, src, 0, domain, true, s);
    *fromRecord = true;
    s.status = Status::Info;
    s.title = tr("explanation: \"%1\"").arg(QString::fromLatin1(out.left(500)));
    return QString::fromLatin1(out);
}

HostResult Evaluator::checkHost(const QByteArray& rawDomain, Step& parent, int depth, Role role)
{
    QByteArray domain = rawDomain;
    if (domain.endsWith('.'))
        domain.chop(1);
    // Without explanations nothing is added to `s` (a local that is dropped) or below it.
    Step quiet;
    Step& s = !m_explain
        ? quiet
        : parent.add(Step(QStringLiteral("spf.check_host"), Status::Neutral,
            tr("check_host(%1, %2, %3)")
                .arg(m_ipText, L1(domain.left(300)), QString::fromUtf8(m_sender.left(300))),
            {}, kRfcCheckHost));
    if (m_explain) {
        s.addFact(tr("domain"), L1(domain));
        if (role != Role::Top)
            s.addFact(tr("reached by"), role == Role::Include ? tr("include") : tr("redirect"));
        s.addFact(tr("depth"), QString::number(depth));
    }
    auto finish = [&](Status st, const QString& reason, const QString& detail = {}) {
        if (m_explain) {
            s.status = st;
            s.title += QStringLiteral(" → ") + statusName(st);
            s.detail = detail.isEmpty() ? reason : detail;
            addCounters(s);
        }
        HostResult r;
        r.status = st;
        r.reason = reason;
        return r;
    };

    // Recursion is also bounded by the 10-term limit; this guards against a broken limit.
    if (depth > 32)
        return finish(Status::PermError, tr("include/redirect nesting too deep"));

    // RFC 7208 4.3: malformed or single-label domains give "none" at once.
    QString invalid;
    if (domain.startsWith('['))
        return finish(Status::None,
            tr("\"%1\" is an address literal, not a domain name").arg(L1(domain)),
            tr("RFC 7208 4.3: check_host() returns none for a domain that is not a "
               "valid multi-label domain name."));
    if (!isValidDnsName(domain, &invalid))
        return finish(Status::None,
            tr("\"%1\" is not a valid domain name: %2").arg(L1(domain.left(300)), invalid),
            tr("RFC 7208 4.3: a malformed domain (label over 63 characters, empty "
               "label, ...) gives none without any DNS query."));
    if (!domain.contains('.'))
        return finish(Status::None,
            tr("\"%1\" is not a fully qualified (multi-label) domain name").arg(L1(domain)),
            tr("RFC 7208 4.3: a single-label name gives none."));

    // RFC 7208 4.4: the TXT records of the domain.
    const auto answer = query(domain, dns::Type::TXT, s);
    if (!answer)
        return finish(Status::TempError, tr("time budget used up"));
    if (answer->outcome == dns::Outcome::NxDomain)
        return finish(Status::None, fill(tr("%1 does not exist (NXDOMAIN)"), Latin1Text(domain)),
            tr("RFC 7208 4.3: a name that does not exist has no SPF policy: none."));
    if (answer->isTemporaryError())
        return finish(Status::TempError,
            tr("the TXT lookup for %1 failed (%2)")
                .arg(L1(domain), dns::outcomeName(answer->outcome)),
            tr("RFC 7208 4.4: a DNS error other than NXDOMAIN while fetching the record "
               "gives temperror."));

    // RFC 7208 4.5: exactly one record beginning with "v=spf1". Type SPF (99) is never asked.
    QList<QByteArray> records;
    int others = 0;
    for (const dns::Record& r : answer->ofType(dns::Type::TXT)) {
        const QByteArray text = r.text();
        if (isSpfRecord(text))
            records.append(text);
        else
            ++others;
    }
    if (m_explain && others > 0)
        s.add(Step(QStringLiteral("spf.record.other"), Status::Info,
            tr("%1 other TXT record(s) ignored (not \"v=spf1\")").arg(others), {},
            QStringLiteral("RFC 7208 4.5")));
    QList<QString> ids;
    for (const QByteArray& text : records) {
        if (!m_explain)
            break;
        const QString id
            = QStringLiteral("%1/%2/record").arg(m_req.sourcePrefix).arg(m_nextSource++);
        sources.append(Source {
            id, fill(tr("SPF record of %1"), Latin1Text(domain)), Source::Kind::DnsAnswer, text });
        ids.append(id);
    }
    if (records.isEmpty())
        return finish(Status::None, fill(tr("%1 publishes no SPF record"), Latin1Text(domain)),
            tr("RFC 7208 4.5: no TXT record begins with \"v=spf1\": the result is none."));
    if (records.size() > 1) {
        for (int i = 0; m_explain && i < records.size(); ++i)
            s.add(Step(QStringLiteral("spf.record"), Status::PermError,
                tr("record %1 of %2: %3")
                    .arg(i + 1)
                    .arg(records.size())
                    .arg(L1(records[i].left(200))),
                {}, QStringLiteral("RFC 7208 4.5"))
                      .addSpan(ids[i], 0, records[i].size()));
        if (m_explain)
            s.add(lintMultipleRecords(domain, records.size()));
        return finish(Status::PermError,
            tr("%1 publishes %2 SPF records; exactly one is allowed")
                .arg(L1(domain))
                .arg(records.size()),
            tr("RFC 7208 4.5: more than one record beginning with \"v=spf1\" is a permerror."));
    }

    const QString source = m_explain ? ids.first() : QString();
    const ParsedRecord rec = parsedRecord(records.first());
    if (m_explain) {
        Step& recStep = s.add(Step(QStringLiteral("spf.record"), Status::Info,
            tr("record: %1").arg(QString::fromLatin1(rec.text.left(500))),
            tr("The SPF record as fetched (the TXT strings joined without "
               "spaces, RFC 7208 3.3). Each term is highlighted as it is "
               "evaluated."),
            QStringLiteral("RFC 7208 4.5, 4.6")));
        recStep.addSpan(source, 0, rec.text.size());
        recStep.addFact(tr("length"), QString::number(rec.text.size()));
        recStep.addFact(tr("terms"), QString::number(rec.terms.size()));
        if (!rec.ok()) {
            recStep.status = Status::PermError;
            recStep.add(Step(QStringLiteral("spf.syntax"), Status::PermError, rec.error,
                tr("A syntax error anywhere in the record makes it unusable: the result "
                   "is permerror, nothing in the record is evaluated (RFC 7208 4.6)."),
                rec.errorRfc)
                            .addSpan(source, rec.errorOffset, rec.errorLength));
        } else {
            for (Step& l : lintRecord(rec, source, *answer))
                recStep.add(std::move(l));
        }
    }
    if (!rec.ok())
        return finish(Status::PermError,
            tr("syntax error in the record of %1: %2").arg(L1(domain), rec.error));

    // RFC 7208 4.6.2: mechanisms in order; the first match decides.
    std::optional<Status> decided;
    QString decidedReason;
    int matched = -1;
    for (int i = 0; i < rec.terms.size(); ++i) {
        const Term& t = rec.terms[i];
        if (t.kind != Term::Kind::Mechanism)
            continue;
        if (decided) {
            if (m_explain)
                s.add(Step(QStringLiteral("spf.term"), Status::Info,
                    tr("%1: not evaluated (an earlier term matched)").arg(L1(t.text)))
                          .addSpan(source, t.offset, t.length));
            continue;
        }
        Step quietTerm;
        Step& ts = !m_explain ? quietTerm
                              : s.add(Step(QStringLiteral("spf.term"), Status::Info, {}, {},
                                  mechanismRfc(t.mechanism)));
        if (m_explain) {
            ts.addSpan(source, t.offset, t.length);
            ts.addFact(tr("mechanism"), mechanismName(t.mechanism));
            ts.addFact(tr("qualifier"),
                QStringLiteral("%1 (%2)").arg(QString(QLatin1Char(qualifierChar(t.qualifier))),
                    statusName(qualifierStatus(t.qualifier))));
        }
        QString why;
        const Match m = evalMechanism(t, source, domain, ts, depth, &why);
        addCounters(ts);
        if (m_explain)
            ts.detail = why;
        switch (m) {
        case Match::Yes:
            ts.status = qualifierStatus(t.qualifier);
            if (m_explain)
                ts.title = tr("%1: match → %2").arg(L1(t.text), statusName(ts.status));
            decided = ts.status;
            decidedReason = fill(tr("%1 matched in the record of %2: %3"),
                { Latin1Text(t.text), Latin1Text(domain), why });
            matched = i;
            break;
        case Match::No:
            if (m_explain)
                ts.title = tr("%1: no match").arg(L1(t.text));
            break;
        case Match::TempError:
        case Match::PermError:
            ts.status = m == Match::TempError ? Status::TempError : Status::PermError;
            if (m_explain)
                ts.title = tr("%1: %2").arg(L1(t.text), statusName(ts.status));
            // Adding siblings below may reallocate s.children and invalidate ts.
            const Status stopped = ts.status;
            for (int j = i + 1; m_explain && j < rec.terms.size(); ++j) {
                if (rec.terms[j].kind == Term::Kind::Mechanism)
                    s.add(Step(QStringLiteral("spf.term"), Status::Info,
                        tr("%1: not evaluated (evaluation stopped)").arg(L1(rec.terms[j].text)))
                              .addSpan(source, rec.terms[j].offset, rec.terms[j].length));
            }
            return finish(
                stopped, tr("%1 in the record of %2: %3").arg(L1(t.text), L1(domain), why));
        }
    }

    if (decided) {
        HostResult r = finish(*decided, decidedReason);
        Q_UNUSED(matched);
        if (*decided == Status::Fail && role != Role::Include) {
            r.explanation = explain(rec, source, domain, s, &r.explanationFromRecord);
        }
        return r;
    }

    // RFC 7208 6.1: no mechanism matched; follow redirect= if present.
    if (rec.redirect >= 0) {
        const Term& t = rec.terms[rec.redirect];
        Step quietTerm;
        Step& ts = !m_explain ? quietTerm
                              : s.add(Step(QStringLiteral("spf.term"), Status::Info,
                                  tr("%1: no mechanism matched, the policy of another domain is "
                                     "used")
                                      .arg(L1(t.text)),
                                  tr("RFC 7208 6.1: redirect= replaces this record's result by the "
                                     "target's; a target without an SPF record is a permerror. "
                                     "The target's exp= is used, this record's is not."),
                                  QStringLiteral("RFC 7208 6.1")));
        if (m_explain)
            ts.addSpan(source, t.offset, t.length);
        ++counters.dnsTerms;
        if (counters.dnsTerms > m_req.dnsTermLimit) {
            ts.status = Status::PermError;
            if (m_explain)
                ts.add(Step(QStringLiteral("spf.limit"), Status::PermError,
                    tr("DNS lookup limit exceeded (%1)")
                        .arg(counterText(counters.dnsTerms, m_req.dnsTermLimit)),
                    {}, QStringLiteral("RFC 7208 4.6.4")));
            addCounters(ts);
            return finish(
                Status::PermError, tr("more than %1 DNS-querying terms").arg(m_req.dnsTermLimit));
        }
        const QByteArray target = targetName(t, source, domain, ts);
        if (m_explain)
            ts.addFact(tr("target"), L1(target));
        HostResult r = checkHost(target, ts, depth + 1, Role::Redirect);
        addCounters(ts);
        if (r.status == Status::None) {
            ts.status = Status::PermError;
            return finish(Status::PermError,
                tr("redirect target %1 has no SPF record (RFC 7208 6.1)").arg(L1(target)));
        }
        ts.status = r.status;
        HostResult out = finish(r.status, tr("via redirect to %1: %2").arg(L1(target), r.reason));
        out.explanation = r.explanation;
        out.explanationFromRecord = r.explanationFromRecord;
        return out;
    }
    return finish(Status::Neutral,
        tr("no term of the record of %1 matched: default result neutral").arg(L1(domain)),
        tr("RFC 7208 4.7: when no mechanism matches and there is no redirect=, the "
           "result is neutral."));
}

} // namespace

SpfEvaluation evaluate(const SpfRequest& req, dns::Resolver& resolver)
{
    SpfEvaluation ev;
    ev.helo = req.helo.trimmed();
    ev.mailFrom = req.mailFrom.trimmed();
    ev.identity = req.identity == SpfRequest::Identity::Helo ? QStringLiteral("helo")
                                                             : QStringLiteral("mailfrom");
    ev.step = Step(
        QStringLiteral("spf.evaluation"), Status::None, {}, {}, QStringLiteral("RFC 7208 2.3, 4"));
    Step& root = ev.step;

    // The <sender> and <domain> of check_host() (RFC 7208 2.3, 2.4, 4.3).
    QString mf = ev.mailFrom;
    if (mf.startsWith(u'<') && mf.endsWith(u'>'))
        mf = mf.mid(1, mf.size() - 2).trimmed();
    // Views of `mf` or `ev.helo` (both outlive them): only ev.domain and ev.sender are made.
    QStringView local, dom;
    QString identityNote;
    if (req.identity == SpfRequest::Identity::Helo || mf.isEmpty()) {
        local = u"postmaster";
        dom = ev.helo;
        identityNote = req.identity == SpfRequest::Identity::Helo
            ? tr("HELO identity: <sender> is postmaster@ the HELO name (RFC 7208 2.3)")
            : tr("null reverse-path: the MAIL FROM identity is postmaster@ the HELO name (RFC 7208 "
                 "2.4)");
    } else {
        const qsizetype at = mf.lastIndexOf(u'@');
        local = at < 0 ? QStringView() : QStringView(mf).left(at);
        dom = at < 0 ? QStringView(mf) : QStringView(mf).sliced(at + 1);
        if (local.isEmpty()) {
            local = u"postmaster";
            identityNote = tr("no local-part: \"postmaster\" is used (RFC 7208 4.3)");
        }
    }
    if (dom.endsWith(u'.'))
        dom.chop(1);
    // Shared with the HELO name or the MAIL FROM when it is all of it, as before.
    const auto whole = [&dom](const QString& s) {
        return dom.size() == s.size() && dom.data() == s.constData();
    };
    ev.domain = whole(ev.helo) ? ev.helo : whole(mf) ? mf : dom.toString();
    ev.sender.reserve(local.size() + 1 + dom.size()); // one allocation, not a temporary's too
    ev.sender += local;
    ev.sender += u'@';
    ev.sender += dom;

    const auto ip = IpAddress::parse(req.ip);
    Step quietInput; // without explanations: dropped
    Step& input = !req.explain
        ? quietInput
        : root.add(Step(QStringLiteral("spf.input"), Status::Info, tr("inputs"),
            tr("check_host(<ip>, <domain>, <sender>) with the HELO name "
               "for %{h} (RFC 7208 4.1)."),
            QStringLiteral("RFC 7208 4.1")));
    if (req.explain) {
        input.addFact(tr("client IP"), req.ip);
        input.addFact(tr("HELO"), ev.helo);
        input.addFact(
            tr("MAIL FROM"), ev.mailFrom.isEmpty() ? tr("(null reverse-path)") : ev.mailFrom);
        input.addFact(tr("identity"), ev.identity);
        input.addFact(tr("sender"), ev.sender);
        input.addFact(tr("domain"), ev.domain);
        if (!identityNote.isEmpty())
            input.addFact(tr("note"), identityNote);
    }

    auto done = [&](Status st) {
        ev.result = st;
        root.status = st;
        if (!req.explain)
            return ev; // the check shows its own root step; this one is not used
        root.title = tr("SPF %1 identity %2: %3")
                         .arg(ev.identity == QLatin1String("helo") ? tr("HELO") : tr("MAIL FROM"),
                             ev.domain.isEmpty() ? tr("(no domain)") : ev.domain, statusName(st));
        root.detail = ev.reason;
        root.addFact(tr("result"), statusName(st));
        return ev;
    };

    if (!ip) {
        ev.inputProblem = req.ip.trimmed().isEmpty()
            ? tr("the client IP address is unknown: enter it (--ip, or the envelope panel)")
            : tr("\"%1\" is not an IPv4 or IPv6 address: correct it (--ip, or the envelope panel)")
                  .arg(req.ip);
        ev.reason = ev.inputProblem;
        input.status = Status::Warning;
        input.detail = ev.inputProblem;
        return done(Status::None);
    }
    {
        // The envelope's text when it is already the canonical one (the usual case): shared,
        // not a new string for every evaluation.
        char16_t text[IpAddress::kMaxText];
        const QStringView canonical(text, ip->writeText(text));
        ev.clientIp = req.ip == canonical ? req.ip : canonical.toString();
    }
    if (ev.domain.isEmpty()) {
        ev.inputProblem = req.identity == SpfRequest::Identity::Helo || mf.isEmpty()
            ? tr("the HELO name is unknown: enter it (--helo, or the envelope panel)")
            : tr("the MAIL FROM address has no domain: enter it (--mail-from, or the envelope "
                 "panel)");
        ev.reason = ev.inputProblem;
        input.status = Status::Warning;
        input.detail = ev.inputProblem;
        return done(Status::None);
    }

    // <sender> in UTF-8 from its two parts, each converted once.
    const QByteArray localBytes = local.toUtf8();
    const QByteArray domainBytes = dom.toUtf8();
    QByteArray senderBytes;
    senderBytes.reserve(localBytes.size() + 1 + domainBytes.size());
    senderBytes += localBytes;
    senderBytes += '@';
    senderBytes += domainBytes;
    Evaluator e(req, resolver, *ip, ev.clientIp, senderBytes, localBytes, domainBytes);
    const HostResult r = e.checkHost(domainBytes, root, 0, Role::Top);
    ev.counters = e.counters;
    ev.sources = e.sources;
    ev.reason = r.reason;
    if (r.status == Status::Fail) {
        ev.explanation = r.explanation;
        ev.explanationFromRecord = r.explanationFromRecord;
    }
    if (req.explain) {
        for (Step& l : lintCounters(ev.counters, req.dnsTermLimit, req.voidLookupLimit))
            root.add(std::move(l));
    }
    if (req.explain) {
        root.addFact(tr("DNS-querying terms"),
            QStringLiteral("%1/%2").arg(ev.counters.dnsTerms).arg(req.dnsTermLimit));
        root.addFact(tr("void lookups"),
            QStringLiteral("%1/%2").arg(ev.counters.voidLookups).arg(req.voidLookupLimit));
        if (!ev.explanation.isEmpty())
            root.addFact(tr("explanation"), ev.explanation);
    }
    return done(r.status);
}

} // namespace ms::spf
