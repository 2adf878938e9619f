#include "dmarc/Discovery.h"

#include "dmarc/Psl.h"
#include "dns/RecordCodec.h"
#include "trace/Translate.h"

#include <QCoreApplication>

namespace ms::dmarc {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::dmarc", text);
}

int labelCount(const QString& d)
{
    return d.isEmpty() ? 0 : int(d.count(QLatin1Char('.'))) + 1;
}

// The last n labels of d.
// The last n labels of d, empty labels counted as labels (d itself when it has no more).
QString lastLabels(const QString& d, int n)
{
    if (n <= 0)
        return {};
    qsizetype pos = d.size();
    for (int i = 0; i < n; ++i) {
        if (pos == 0)
            return d;
        pos = d.lastIndexOf(QLatin1Char('.'), pos - 1);
        if (pos < 0)
            return d;
    }
    return d.mid(pos + 1);
}

} // namespace

Lookups::Lookups(dns::Resolver& resolver, const std::atomic_bool* cancelled)
    : m_resolver(resolver)
    , m_cancelled(cancelled)
{
}

bool Lookups::cancelled() const
{
    return m_cancelled && m_cancelled->load(std::memory_order_relaxed);
}

dns::Answer Lookups::txt(const QString& name, bool* fresh)
{
    return resolve(name, dns::Type::TXT, fresh);
}

dns::Answer Lookups::resolve(const QString& name, dns::Type type, bool* fresh)
{
    const QString lower = name.toLower();
    QString key;
    key.reserve(lower.size() + 2);
    key += QChar(ushort(type));
    key += QChar(u' ');
    key += lower;
    const auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd()) {
        if (fresh)
            *fresh = false;
        return *it;
    }
    if (fresh)
        *fresh = true;
    dns::Answer a;
    if (cancelled()) {
        a.qname = lower.toLatin1();
        a.qtype = type;
        a.outcome = dns::Outcome::Cancelled;
        a.error = tr("The verification was cancelled before this query.");
    } else {
        a = m_resolver.resolve(lower.toUtf8(), type);
        ++m_queries;
    }
    m_cache.insert(key, a);
    return a;
}

const PolicyQuery* Lookups::knownPolicy(const QString& domain, Spec spec) const
{
    const QHash<QString, PolicyQuery>& h = m_policies[spec == Spec::Rfc9989 ? 0 : 1];
    const auto it = h.constFind(domain);
    return it == h.constEnd() ? nullptr : &*it;
}

void Lookups::rememberPolicy(const QString& domain, Spec spec, const PolicyQuery& q)
{
    m_policies[spec == Spec::Rfc9989 ? 0 : 1].insert(domain, q);
}

QString Lookups::addSource(const QString& title, const QByteArray& bytes)
{
    Source s;
    s.id = QStringLiteral("dmarc/record/%1").arg(m_sources.size() + 1);
    s.title = title;
    s.kind = Source::Kind::DnsAnswer;
    s.bytes = bytes;
    m_sources.append(s);
    return s.id;
}

namespace {

// A batch sees the same few DMARC records for thousands of messages: summary-only runs parse
// each once per thread (parseRecord depends on nothing but the text and the spec). Bounded:
// short records only, at most kEntries per spec, then the cache starts over.
Record parseRecordCached(const QByteArray& text, Spec spec)
{
    constexpr qsizetype kMaxText = 2048;
    constexpr qsizetype kEntries = 256;
    if (text.size() > kMaxText)
        return parseRecord(text, spec);
    thread_local QHash<QByteArray, Record> cache[2];
    QHash<QByteArray, Record>& c = cache[spec == Spec::Rfc9989 ? 0 : 1];
    const auto it = c.constFind(text);
    if (it != c.constEnd())
        return *it;
    if (c.size() >= kEntries)
        c.clear();
    return *c.insert(text, parseRecord(text, spec));
}

// queryPolicy() without steps, texts or sources: the same answer, records and flags.
PolicyQuery queryPolicyQuietly(Lookups& dns, const QString& domain, Spec spec)
{
    if (const PolicyQuery* known = dns.knownPolicy(domain, spec))
        return *known;
    PolicyQuery q;
    q.domain = domain;
    q.answer = dns.txt(QStringLiteral("_dmarc.") + domain);
    if (q.answer.isTemporaryError()) {
        q.tempError = true;
    } else {
        for (const dns::Record& rec : q.answer.records) {
            if (rec.type != dns::Type::TXT)
                continue;
            const QByteArray text = rec.text();
            if (!startsWithDmarcVersion(text))
                continue;
            if (++q.dmarcRecords == 1)
                q.record = parseRecordCached(text, spec);
        }
        if (q.dmarcRecords != 1)
            q.record.reset();
    }
    dns.rememberPolicy(domain, spec, q);
    return q;
}

} // namespace

PolicyQuery queryPolicy(Lookups& dns, const QString& domain, Spec spec)
{
    if (!dns.explain())
        return queryPolicyQuietly(dns, domain, spec);
    PolicyQuery q;
    q.domain = domain;
    const QString name = QStringLiteral("_dmarc.") + domain;
    bool fresh = true;
    q.answer = dns.txt(name, &fresh);
    const QString rfc = spec == Spec::Rfc9989 ? QStringLiteral("RFC 9989 4.10")
                                              : QStringLiteral("RFC 7489 6.6.3");
    q.step = Step(QStringLiteral("dmarc.query"), Status::Info, name, {}, rfc);
    q.step.addFact(tr("domain"), domain);
    Step dnsStep = dns::answerStep(q.answer);
    if (!fresh)
        dnsStep.detail += QLatin1Char(' ')
            + tr("(Asked once in this evaluation; the same answer "
                 "is shown wherever it is used.)");
    q.step.add(std::move(dnsStep));
    if (q.answer.isTemporaryError()) {
        q.tempError = true;
        q.step.status = Status::TempError;
        q.step.title = tr("%1: the DNS gave no definite answer").arg(name);
        q.step.detail = tr("A temporary DNS error leaves DMARC undetermined (RFC 9989 5.3.6): it "
                           "can neither pass nor fail.");
        return q;
    }
    const QString dnsSource = q.answer.transcriptIndex >= 0
        ? QStringLiteral("dns/%1").arg(q.answer.transcriptIndex)
        : QString();
    qint64 lineOffset = 0;
    QList<Record> dmarc;
    int txtIndex = 0;
    for (const dns::Record& rec : q.answer.records) {
        const QByteArray line = dns::recordLine(rec).toUtf8();
        const qint64 thisOffset = lineOffset;
        lineOffset += line.size() + 1;
        if (rec.type != dns::Type::TXT)
            continue;
        ++txtIndex;
        const QByteArray text = rec.text();
        if (!startsWithDmarcVersion(text)) {
            Step other(QStringLiteral("dmarc.record.other"), Status::Info,
                tr("TXT record %1 is not a DMARC record: discarded").arg(txtIndex),
                tr("Only records starting with \"v=DMARC1\" count (RFC 9989 4.10 step 2)."), rfc);
            other.addFact(tr("record"), QString::fromUtf8(text.left(512)));
            if (!dnsSource.isEmpty())
                other.addSpan(dnsSource, thisOffset, line.size());
            q.step.add(std::move(other));
            continue;
        }
        const Record r = parseRecord(text, spec);
        const QString src = dns.addSource(tr("DMARC record %1").arg(name), text);
        q.step.add(recordStep(r, spec, domain, src, dnsSource, thisOffset, line));
        dmarc.append(r);
    }
    q.dmarcRecords = int(dmarc.size());
    if (dmarc.size() == 1) {
        q.record = dmarc.first();
        q.step.title = tr("%1: DMARC record found").arg(name);
        q.step.status = Status::Info;
    } else if (dmarc.size() > 1) {
        q.step.status = Status::Warning;
        q.step.title = tr("%1: %2 DMARC records, so none counts").arg(name).arg(dmarc.size());
        q.step.detail = spec == Spec::Rfc9989
            ? tr("RFC 9989 4.10 step 2: when several DMARC records are "
                 "returned for one name, they are all discarded.")
            : tr("RFC 7489 6.6.3: when several DMARC records remain, policy "
                 "discovery terminates and DMARC is not applied.");
    } else {
        q.step.title = q.answer.outcome == dns::Outcome::NxDomain
            ? tr("%1: no such name, no DMARC record").arg(name)
            : tr("%1: no DMARC record").arg(name);
    }
    return q;
}

QStringList treeWalkNames(const QString& start)
{
    QStringList names;
    if (start.isEmpty())
        return names;
    names << start;
    const int x = labelCount(start);
    // Step 4: drop one label, or shorten to 7 labels when there are 8 or more.
    int next = x >= 8 ? 7 : x - 1;
    for (; next >= 1; --next)
        names << lastLabels(start, next);
    return names;
}

TreeWalk treeWalk(Lookups& dns, const QString& start)
{
    TreeWalk w;
    w.start = start;
    const bool explain = dns.explain();
    if (explain) {
        w.step = Step(QStringLiteral("dmarc.treewalk"), Status::Info,
            tr("DNS Tree Walk from %1").arg(start),
            tr("Ask for a DMARC record at the domain and then at each parent, at most 8 "
               "queries (a name of 8 or more labels is shortened to 7 after the first), "
               "stopping at a record with psd=y or psd=n."),
            QStringLiteral("RFC 9989 4.10"));
    }
    const QStringList names = treeWalkNames(start);
    if (explain && labelCount(start) >= 8)
        w.step.addFact(tr("shortcut"),
            tr("%1 has %2 labels: after the first query the walk jumps to 7 labels")
                .arg(start)
                .arg(labelCount(start)));
    for (const QString& n : names) {
        PolicyQuery q = queryPolicy(dns, n, Spec::Rfc9989);
        if (explain)
            w.step.add(q.step);
        const bool stop = q.record && (q.record->psd == u'y' || q.record->psd == u'n');
        w.queries.append(std::move(q));
        if (w.queries.last().tempError) {
            w.tempError = true;
            break;
        }
        if (stop) {
            if (explain)
                w.step.add(Step(QStringLiteral("dmarc.treewalk.stop"), Status::Info,
                    tr("psd=%1 at %2: the walk stops here")
                        .arg(w.queries.last().record->psd)
                        .arg(n),
                    {}, QStringLiteral("RFC 9989 4.10 step 6")));
            break;
        }
        if (dns.cancelled())
            break;
    }
    if (explain)
        w.step.addFact(tr("queries"), QString::number(w.queries.size()));

    // RFC 9989 4.10.2: from the longest name with a record to the shortest.
    QString shortestWithRecord;
    for (int i = 0; i < w.queries.size(); ++i) {
        const PolicyQuery& q = w.queries[i];
        if (!q.record)
            continue;
        shortestWithRecord = q.domain;
        if (q.record->psd == u'n') {
            w.orgDomain = q.domain;
            if (explain)
                w.orgRule = tr("The record at %1 says psd=n: %1 is the Organizational Domain "
                               "(RFC 9989 4.10.2 rule 1).")
                                .arg(q.domain);
            break;
        }
        if (q.record->psd == u'y' && q.domain != start) {
            w.orgDomain = lastLabels(start, labelCount(q.domain) + 1);
            w.psdIndex = i;
            if (explain)
                w.orgRule = tr("The record at %1 says psd=y (a public suffix domain): the "
                               "Organizational Domain is the name one label below it, %2 (RFC "
                               "9989 4.10.2 rule 2).")
                                .arg(q.domain, w.orgDomain);
            break;
        }
    }
    if (w.orgDomain.isEmpty()) {
        if (!shortestWithRecord.isEmpty()) {
            w.orgDomain = shortestWithRecord;
            if (explain)
                w.orgRule = tr("%1 is the name with the fewest labels that has a DMARC record: "
                               "it is the Organizational Domain (RFC 9989 4.10.2 rule 3).")
                                .arg(shortestWithRecord);
        } else {
            w.orgDomain = start;
            if (explain)
                w.orgRule = tr("No DMARC record was found on the way up, so %1 is its own "
                               "Organizational Domain (RFC 9989 4.10.2).")
                                .arg(start);
        }
    }
    if (!explain)
        return w;
    if (w.tempError) {
        w.step.status = Status::TempError;
        w.orgRule = tr("A DNS error stopped the walk; the Organizational Domain is undetermined.");
    }
    w.step.addFact(tr("organizational domain"), w.orgDomain);
    w.step.add(
        Step(QStringLiteral("dmarc.orgdomain"), w.tempError ? Status::TempError : Status::Info,
            tr("Organizational Domain: %1").arg(w.orgDomain), w.orgRule,
            QStringLiteral("RFC 9989 4.10.2")));
    return w;
}

QString methodName(Discovery::Method m)
{
    return m == Discovery::Method::TreeWalk ? QStringLiteral("tree-walk") : QStringLiteral("psl");
}

Discovery discover(Lookups& dns, const QString& author, Discovery::Method method)
{
    Discovery d;
    d.method = method;
    d.spec = method == Discovery::Method::TreeWalk ? Spec::Rfc9989 : Spec::Rfc7489;
    d.author = author;
    // Summary-only runs build no step and no explanation (only the step shows it).
    const bool explain = dns.explain();
    auto explainAs = [&](auto text) {
        if (explain)
            d.explanation = text();
    };
    if (method == Discovery::Method::TreeWalk) {
        if (explain)
            d.step = Step(QStringLiteral("dmarc.discovery"), Status::Info,
                tr("Policy discovery (RFC 9989 DNS Tree Walk)"), {},
                QStringLiteral("RFC 9989 4.10.1"));
        TreeWalk w = treeWalk(dns, author);
        d.orgDomain = w.orgDomain;
        const PolicyQuery* authorQ = w.queries.isEmpty() ? nullptr : &w.queries.first();
        if (authorQ && authorQ->record) {
            d.where = Discovery::Where::Author;
            d.policyDomain = author;
            d.record = authorQ->record;
            explainAs([&] {
                return tr("The author domain %1 publishes its own DMARC record.").arg(author);
            });
        } else if (w.tempError) {
            d.tempError = true;
            explainAs(
                [&] { return tr("A DNS error stopped the tree walk before a policy was found."); });
        } else {
            for (const PolicyQuery& q : w.queries) {
                if (q.record && q.domain == w.orgDomain) {
                    d.where = Discovery::Where::OrgDomain;
                    d.policyDomain = q.domain;
                    d.record = q.record;
                    explainAs([&] {
                        return tr("No record at %1; the record of its Organizational "
                                  "Domain %2 applies.")
                            .arg(author, q.domain);
                    });
                }
            }
            if (!d.record && w.psdIndex) {
                const PolicyQuery& q = w.queries[*w.psdIndex];
                d.where = Discovery::Where::Psd;
                d.policyDomain = q.domain;
                d.record = q.record;
                explainAs([&] {
                    return tr("Neither %1 nor its Organizational Domain %2 has a record; the "
                              "record of the public suffix domain %3 (psd=y) applies.")
                        .arg(author, w.orgDomain, q.domain);
                });
            }
            if (!d.record)
                explainAs([&] {
                    return tr("No DMARC record applies to %1: DMARC does not apply to this "
                              "message (RFC 9989 4.10.1).")
                        .arg(author);
                });
        }
        if (explain)
            d.step.add(std::move(w.step));
    } else {
        if (explain)
            d.step = Step(QStringLiteral("dmarc.discovery"), Status::Info,
                tr("Policy discovery (RFC 7489, Public Suffix List)"), {},
                QStringLiteral("RFC 7489 6.6.3"));
        PolicyQuery q = queryPolicy(dns, author, Spec::Rfc7489);
        if (explain)
            d.step.add(q.step);
        d.orgDomain = organizationalDomain(author);
        Step org;
        if (explain)
            org = Step(QStringLiteral("dmarc.orgdomain"), Status::Info,
                tr("Organizational Domain of %1: %2").arg(author, d.orgDomain),
                tr("The registrable domain by the Public Suffix List (%1).").arg(pslDescription()),
                QStringLiteral("RFC 7489 3.2"));
        if (q.tempError) {
            d.tempError = true;
            explainAs([&] {
                return tr("A DNS error at %1 leaves the policy undetermined.").arg(author);
            });
        } else if (q.dmarcRecords > 1) {
            d.severalRecords = true;
            explainAs([&] {
                return tr("Several DMARC records at %1: discovery terminates (RFC 7489 6.6.3).")
                    .arg(author);
            });
        } else if (q.record) {
            d.where = Discovery::Where::Author;
            d.policyDomain = author;
            d.record = q.record;
            explainAs([&] {
                return tr("The author domain %1 publishes its own DMARC record.").arg(author);
            });
        } else {
            if (explain)
                d.step.add(org);
            if (d.orgDomain != author) {
                PolicyQuery oq = queryPolicy(dns, d.orgDomain, Spec::Rfc7489);
                if (explain)
                    d.step.add(oq.step);
                if (oq.tempError) {
                    d.tempError = true;
                    explainAs([&] {
                        return tr("A DNS error at %1 leaves the policy undetermined.")
                            .arg(d.orgDomain);
                    });
                } else if (oq.dmarcRecords > 1) {
                    d.severalRecords = true;
                    explainAs([&] {
                        return tr("Several DMARC records at %1: discovery terminates (RFC "
                                  "7489 6.6.3).")
                            .arg(d.orgDomain);
                    });
                } else if (oq.record) {
                    d.where = Discovery::Where::OrgDomain;
                    d.policyDomain = d.orgDomain;
                    d.record = oq.record;
                    explainAs([&] {
                        return tr("No record at %1; the record of its Organizational Domain "
                                  "%2 applies.")
                            .arg(author, d.orgDomain);
                    });
                }
            }
            if (!d.record && !d.tempError && !d.severalRecords)
                explainAs([&] {
                    return tr("No DMARC record at %1 or its Organizational Domain %2: DMARC "
                              "does not apply (RFC 7489 6.6.3).")
                        .arg(author, d.orgDomain);
                });
        }
        if (explain && d.where == Discovery::Where::Author)
            d.step.add(org);
    }
    if (!explain)
        return d;
    d.step.detail = d.explanation;
    d.step.status = d.tempError ? Status::TempError : Status::Info;
    if (!d.policyDomain.isEmpty())
        d.step.addFact(tr("policy domain"), d.policyDomain);
    d.step.addFact(tr("organizational domain"), d.orgDomain);
    return d;
}

QString orgDomainOf(
    Lookups& dns, const QString& domain, Discovery::Method method, Step* step, bool* tempError)
{
    if (tempError)
        *tempError = false;
    if (!dns.explain())
        step = nullptr;
    if (method == Discovery::Method::Psl) {
        const QString org = organizationalDomain(domain);
        if (step)
            step->add(Step(QStringLiteral("dmarc.orgdomain"), Status::Info,
                tr("Organizational Domain of %1: %2").arg(domain, org),
                tr("The registrable domain by the Public Suffix List (%1).").arg(pslDescription()),
                QStringLiteral("RFC 7489 3.2")));
        return org;
    }
    TreeWalk w = treeWalk(dns, domain);
    if (tempError)
        *tempError = w.tempError;
    const QString org = w.orgDomain;
    if (step)
        step->add(std::move(w.step));
    return org;
}

} // namespace ms::dmarc
