#include "tls/Tls.h"

#include "tls/LiveCheck.h"
#include "tls/MtaSts.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <libpsl.h>

#include <algorithm>
#include <arpa/inet.h>

namespace ms::tls {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tls", text, disambiguation, n);
}

constexpr int kMaxHops = 100;
constexpr int kMaxMx = 5;

QString normalizeVersion(QString v)
{
    v = v.trimmed();
    // "TLS1_2" (Exchange, Gmail), "TLS1.3" (Exim), "TLSv1" (old Postfix)
    static const QRegularExpression re(QStringLiteral("^(?:TLS|tls)v?([0-9])(?:[._]([0-9]))?$"));
    const QRegularExpressionMatch m = re.match(v);
    if (m.hasMatch())
        return QStringLiteral("TLSv%1.%2")
            .arg(m.captured(1), m.captured(2).isEmpty() ? QStringLiteral("0") : m.captured(2));
    return v;
}

struct ProtocolInfo {
    bool tls = false, auth = false, known = false;
    QString meaning;
};

ProtocolInfo protocolInfo(const QString& withValue)
{
    ProtocolInfo p;
    const QString w = withValue.toUpper();
    static const QRegularExpression re(
        QStringLiteral("^(UTF8)?(E?SMTP|LMTP)(S?)(A?)$")); // RFC 3848, RFC 6531
    const QRegularExpressionMatch m = re.match(w);
    if (m.hasMatch()) {
        p.known = true;
        p.tls = !m.captured(3).isEmpty();
        p.auth = !m.captured(4).isEmpty();
        const QString base = m.captured(2) == QLatin1String("LMTP") ? tr("LMTP (local delivery)")
            : m.captured(2) == QLatin1String("SMTP")                ? tr("SMTP without extensions")
                                                                    : tr("Extended SMTP");
        p.meaning = base + (p.tls ? tr(", with STARTTLS") : tr(", no TLS"))
            + (p.auth ? tr(", authenticated (SMTP AUTH)") : QString())
            + (m.captured(1).isEmpty() ? QString() : tr(", internationalized (SMTPUTF8)"));
        if (m.captured(2) == QLatin1String("SMTP") && (p.tls || p.auth))
            p.meaning = base; // "SMTPS"-like values are not registered; don't over-read
        return p;
    }
    if (w == QLatin1String("HTTPS") || w == QLatin1String("HTTP")) {
        p.known = true;
        p.tls = w == QLatin1String("HTTPS");
        p.meaning
            = p.tls ? tr("submitted over HTTPS (webmail/API)") : tr("submitted over plain HTTP");
        return p;
    }
    if (w.startsWith(QLatin1String("MICROSOFT SMTP SERVER"))) {
        p.known = true;
        p.meaning = tr("Exchange/Microsoft 365 transport; TLS is in the version= clause");
        return p;
    }
    if (w == QLatin1String("LOCAL") || w == QLatin1String("UUCP") || w == QLatin1String("MAPI")) {
        p.known = true;
        p.meaning = tr("local hand-off (%1), not a network hop").arg(withValue);
        return p;
    }
    if (!w.isEmpty())
        p.meaning = tr("unregistered protocol name %1").arg(withValue);
    return p;
}

psl_ctx_t* pslContext()
{
    static psl_ctx_t* ctx = [] {
#ifdef MAILSCOPE_PSL_FILE
        psl_ctx_t* c = psl_latest(MAILSCOPE_PSL_FILE);
#else
        psl_ctx_t* c = psl_latest(nullptr);
#endif
        return c ? c : const_cast<psl_ctx_t*>(psl_builtin());
    }();
    return ctx;
}

QString registrable(const QString& host)
{
    const QByteArray h = host.toLower().toUtf8();
    if (h.isEmpty() || !h.contains('.'))
        return {};
    const char* r = psl_registrable_domain(pslContext(), h.constData());
    return r ? QString::fromUtf8(r) : QString();
}

QString headerValue(const Message& m, QByteArrayView name)
{
    const HeaderField* f = m.first(name);
    return f ? QString::fromUtf8(f->unfolded()).trimmed() : QString();
}

QString domainOfAddress(const QString& value)
{
    QString v = value;
    const qsizetype lt = v.indexOf(QLatin1Char('<'));
    if (lt >= 0) {
        const qsizetype gt = v.indexOf(QLatin1Char('>'), lt);
        v = v.mid(lt + 1, gt > lt ? gt - lt - 1 : -1);
    } else {
        v = v.section(QLatin1Char(','), 0, 0);
    }
    v = v.trimmed();
    const qsizetype at = v.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    QString d = v.mid(at + 1).trimmed().toLower();
    if (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    static const QRegularExpression ok(QStringLiteral("^[a-z0-9_.-]+\\.[a-z0-9-]+$"));
    return ok.match(d).hasMatch() && d.size() <= 253 ? d : QString();
}

QString hopName(const HopFacts& f, const ReceivedHop& h)
{
    return tr("Hop #%1: %2 → %3")
        .arg(f.index + 1)
        .arg(
            f.client.isEmpty() ? tr("(local)") : f.client, h.by.isEmpty() ? tr("(unnamed)") : h.by);
}

// TXT lookup with a record-version filter; returns the matching record texts.
QList<QByteArray> txtRecords(const dns::Answer& a, QByteArrayView prefix)
{
    QList<QByteArray> out;
    for (const dns::Record& r : a.ofType(dns::Type::TXT)) {
        const QByteArray t = r.text();
        if (t.startsWith(prefix.toByteArray()))
            out.append(t);
    }
    return out;
}

QString tagValue(const QByteArray& record, QByteArrayView tag)
{
    for (const QByteArray& part : record.split(';')) {
        const QByteArray p = part.trimmed();
        const qsizetype eq = p.indexOf('=');
        if (eq > 0 && p.left(eq).trimmed() == tag.toByteArray())
            return QString::fromUtf8(p.mid(eq + 1).trimmed());
    }
    return {};
}

} // namespace

HopTls hopTls(const Message& message, const ReceivedHop& hop)
{
    HopTls t;
    t.with = hop.with;
    t.version = normalizeVersion(hop.tlsVersion);
    t.cipher = hop.tlsCipher;
    const QList<HeaderField>& headers = message.headers();
    const HeaderField* field = hop.fieldIndex >= 0 && hop.fieldIndex < headers.size()
        ? &headers[hop.fieldIndex]
        : nullptr;
    if (field) {
        // Latin-1 keeps byte offsets, so matches map straight back to the message.
        const QString v = QString::fromLatin1(field->value.data(), field->value.size());
        const qint64 base = field->valueOffset;
        if (t.with.isEmpty()) {
            static const QRegularExpression withRe(
                QStringLiteral("\\bwith\\s+(Microsoft SMTP Server|[A-Za-z0-9][A-Za-z0-9_.-]*)"),
                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = withRe.match(v);
            if (m.hasMatch())
                t.with = m.captured(1);
        }
        static const QRegularExpression clauses[] = {
            // Postfix: (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) ...)
            QRegularExpression(QStringLiteral("\\(using\\s+(TLSv?[0-9.]+|SSLv[23])\\s+with\\s+"
                                              "cipher\\s+([A-Za-z0-9_-]+)"),
                QRegularExpression::CaseInsensitiveOption),
            // Sendmail, Gmail, Exchange: version=TLSv1.3 cipher=... / version=TLS1_2, cipher=
            QRegularExpression(QStringLiteral("\\bversion=(TLS[v0-9._]+|SSLv[23])[,;\\s]+cipher=("
                                              "[A-Za-z0-9_-]+)"),
                QRegularExpression::CaseInsensitiveOption),
            // Exim 4.9x: with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384
            QRegularExpression(QStringLiteral("\\((TLS1\\.[0-3])\\)\\s+tls\\s+([A-Za-z0-9_-]+)"),
                QRegularExpression::CaseInsensitiveOption),
            // older Exim: (TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256)
            QRegularExpression(QStringLiteral("\\((TLSv?1(?:\\.[0-3])?|SSLv3):([A-Za-z0-9_-]+):"
                                              "[0-9]+\\)"),
                QRegularExpression::CaseInsensitiveOption),
        };
        for (const QRegularExpression& re : clauses) {
            const QRegularExpressionMatch m = re.match(v);
            if (!m.hasMatch())
                continue;
            if (t.version.isEmpty())
                t.version = normalizeVersion(m.captured(1));
            if (t.cipher.isEmpty())
                t.cipher = m.captured(2);
            t.clause = Span { QStringLiteral("message"), base + m.capturedStart(0),
                m.capturedLength(0) };
            break;
        }
    }
    const ProtocolInfo p = protocolInfo(t.with);
    t.protocolMeaning = p.meaning;
    t.protocolSaysTls = p.tls;
    t.protocolSaysAuth = p.auth;
    t.tls = p.tls || !t.version.isEmpty();
    t.known = p.known || !t.version.isEmpty();
    return t;
}

bool isPrivateAddress(const QString& ip)
{
    const QByteArray text = ip.trimmed().toLatin1();
    unsigned char b[16] = {};
    if (inet_pton(AF_INET, text.constData(), b) == 1) {
        const quint32 v = quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3];
        return (v >> 24) == 10 // 10/8 (RFC 1918)
            || (v >> 20) == ((172u << 4) | 1u) // 172.16/12
            || (v >> 16) == ((192u << 8) | 168u) // 192.168/16
            || (v >> 22) == ((100u << 2) | 1u) // 100.64/10 (RFC 6598)
            || (v >> 24) == 127 // loopback
            || (v >> 16) == ((169u << 8) | 254u) // link-local
            || v == 0;
    }
    if (inet_pton(AF_INET6, text.constData(), b) != 1)
        return false;
    bool zeroTen = true;
    for (int i = 0; i < 10; ++i)
        zeroTen = zeroTen && b[i] == 0;
    if (zeroTen && b[10] == 0 && b[11] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 1)
        return true; // ::1
    if (zeroTen && b[10] == 0xff && b[11] == 0xff) // ::ffff:a.b.c.d
        return isPrivateAddress(
            QStringLiteral("%1.%2.%3.%4").arg(b[12]).arg(b[13]).arg(b[14]).arg(b[15]));
    return (b[0] & 0xfe) == 0xfc // fc00::/7 (RFC 4193)
        || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80); // fe80::/10
}

bool isInternalHop(const ReceivedHop& hop, QString* why)
{
    auto say = [&](const QString& s) {
        if (why)
            *why = s;
        return true;
    };
    if (!hop.fromIp.isEmpty() && isPrivateAddress(hop.fromIp))
        return say(tr("the client address %1 is private or loopback").arg(hop.fromIp));
    const QString from = hop.fromRdns.isEmpty() ? hop.fromHelo : hop.fromRdns;
    if (from.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return say(tr("the client is localhost"));
    if (hop.fromIp.isEmpty() && from.isEmpty())
        return say(tr("no client recorded: a local hand-off"));
    const QString a = registrable(from), b = registrable(hop.by);
    if (!a.isEmpty() && a == b && hop.fromIp.isEmpty())
        return say(tr("client and receiver are both in %1").arg(a));
    if (!a.isEmpty() && a == b && !hop.fromRdns.isEmpty())
        return say(tr("client (by reverse DNS) and receiver are both in %1").arg(a));
    if (why)
        *why = tr("the client %1 is on the Internet").arg(hop.fromIp.isEmpty() ? from : hop.fromIp);
    return false;
}

QString hopClient(const ReceivedHop& h)
{
    return h.fromRdns.isEmpty() ? (h.fromHelo.isEmpty() ? h.fromIp : h.fromHelo) : h.fromRdns;
}

QList<HopFacts> hopFacts(const Message& message, int maxHops)
{
    QList<HopFacts> out;
    const QList<ReceivedHop>& hops = message.hops();
    for (int i = 0; i < hops.size() && i < maxHops; ++i) {
        HopFacts f;
        f.index = i;
        f.client = hopClient(hops[i]);
        f.internal = isInternalHop(hops[i], &f.internalWhy);
        f.tls = hopTls(message, hops[i]);
        out.append(std::move(f));
    }
    return out;
}

namespace {

struct DomainRole {
    QString domain;
    QStringList roles;
};

Step lookupStep(const QString& kind, const QString& title, const dns::Answer& a, const QString& rfc)
{
    Step s(kind, Status::Info, title, QString(), rfc);
    s.add(dns::answerStep(a));
    return s;
}

// The domains whose TLS policies matter: the sender (From) and the recipient (Delivered-To,
// else X-Original-To, else To).
QList<DomainRole> policyDomains(const Message& m)
{
    QList<DomainRole> domains;
    auto addDomain = [&](const QString& d, const QString& role) {
        if (d.isEmpty())
            return;
        for (DomainRole& x : domains) {
            if (x.domain == d) {
                if (!x.roles.contains(role))
                    x.roles.append(role);
                return;
            }
        }
        domains.append({ d, { role } });
    };
    addDomain(domainOfAddress(headerValue(m, "From")), tr("sender"));
    QString rcpt = domainOfAddress(headerValue(m, "Delivered-To"));
    if (rcpt.isEmpty())
        rcpt = domainOfAddress(headerValue(m, "X-Original-To"));
    if (rcpt.isEmpty())
        rcpt = domainOfAddress(headerValue(m, "To"));
    addDomain(rcpt, tr("recipient"));
    return domains;
}

QJsonObject domainEvidence(const CheckContext& ctx, const DomainRole& d, Step& parent,
    QMap<QString, QList<dns::Record>>& tlsaByHost, QList<Source>& sources)
{
    Step& ds = parent.add(Step(QStringLiteral("tls.domain"), Status::Info,
        tr("%1 (%2)").arg(d.domain, d.roles.join(QStringLiteral(", "))),
        tr("What the domain publishes about receiving mail over TLS.")));
    QJsonObject j { { QStringLiteral("domain"), d.domain },
        { QStringLiteral("roles"), QJsonArray::fromStringList(d.roles) } };
    const QByteArray name = d.domain.toUtf8();

    // MTA-STS (RFC 8461 3.1); the policy file comes after the MX hosts are known.
    int stsIndex = -1;
    bool stsUsable = false;
    QString stsId;
    qsizetype stsRecords = 0;
    QJsonObject mj;
    if (!ctx.isCancelled()) {
        const dns::Answer a = ctx.dns.resolve("_mta-sts." + name, dns::Type::TXT);
        const QList<QByteArray> recs = txtRecords(a, "v=STSv1");
        stsRecords = recs.size();
        Step s = lookupStep(
            QStringLiteral("tls.mta-sts"), QString(), a, QStringLiteral("RFC 8461 3.1"));
        mj.insert(QStringLiteral("outcome"), dns::outcomeName(a.outcome));
        if (recs.size() == 1 && !isValidMtaStsId(tagValue(recs[0], "id"))) {
            s.status = Status::PermError;
            s.title = tr("MTA-STS record with an invalid id (\"%1\")").arg(tagValue(recs[0], "id"));
            s.detail = tr("The id must be 1 to 32 letters and digits (RFC 8461 3.1); senders "
                          "ignore a record without a valid id, so the domain has no MTA-STS "
                          "and no policy is fetched.");
            mj.insert(QStringLiteral("record"), QString::fromUtf8(recs[0]));
            mj.insert(QStringLiteral("idValid"), false);
        } else if (recs.size() == 1) {
            stsUsable = true;
            stsId = tagValue(recs[0], "id");
            s.status = Status::Pass;
            s.title = tr("MTA-STS announced (id=%1)").arg(tagValue(recs[0], "id"));
            s.detail = tr("Senders that support MTA-STS fetch the policy from "
                          "https://mta-sts.%1/.well-known/mta-sts.txt and, in enforce mode, "
                          "deliver only over authenticated TLS (RFC 8461 3.2, 5).")
                           .arg(d.domain);
            mj.insert(QStringLiteral("record"), QString::fromUtf8(recs[0]));
            mj.insert(QStringLiteral("id"), tagValue(recs[0], "id"));
            mj.insert(QStringLiteral("idValid"), true);
        } else if (recs.size() > 1) {
            s.status = Status::PermError;
            s.title = tr("%n MTA-STS records: none is used", nullptr, int(recs.size()));
            s.detail = tr("More than one v=STSv1 TXT record means no policy (RFC 8461 3.1).");
        } else if (a.isTemporaryError()) {
            s.status = Status::TempError;
            s.title = tr("MTA-STS lookup failed");
        } else {
            s.status = Status::None;
            s.title = tr("No MTA-STS");
            s.detail = tr("No _mta-sts TXT record: senders fall back to opportunistic TLS.");
        }
        mj.insert(QStringLiteral("policyFetched"), false);
        stsIndex = int(ds.children.size());
        ds.add(std::move(s));
    }
    // TLS-RPT (RFC 8460 3)
    if (!ctx.isCancelled()) {
        const dns::Answer a = ctx.dns.resolve("_smtp._tls." + name, dns::Type::TXT);
        const QList<QByteArray> recs = txtRecords(a, "v=TLSRPTv1");
        Step s
            = lookupStep(QStringLiteral("tls.tls-rpt"), QString(), a, QStringLiteral("RFC 8460 3"));
        QJsonObject rj { { QStringLiteral("outcome"), dns::outcomeName(a.outcome) } };
        if (recs.size() == 1) {
            s.status = Status::Pass;
            s.title = tr("TLS reporting to %1").arg(tagValue(recs[0], "rua"));
            s.detail = tr("Senders report TLS failures when delivering to this domain "
                          "(RFC 8460 3).");
            rj.insert(QStringLiteral("record"), QString::fromUtf8(recs[0]));
            rj.insert(QStringLiteral("rua"), tagValue(recs[0], "rua"));
        } else if (recs.size() > 1) {
            s.status = Status::PermError;
            s.title = tr("%n TLS-RPT records: none is used", nullptr, int(recs.size()));
        } else if (a.isTemporaryError()) {
            s.status = Status::TempError;
            s.title = tr("TLS-RPT lookup failed");
        } else {
            s.status = Status::None;
            s.title = tr("No TLS-RPT");
        }
        j.insert(QStringLiteral("tlsRpt"), rj);
        ds.add(std::move(s));
    }
    // MX and DANE (RFC 7672 2.2)
    QStringList mxNames;
    if (!ctx.isCancelled()) {
        const dns::Answer a = ctx.dns.resolve(name, dns::Type::MX);
        QList<dns::Record> mx = a.ofType(dns::Type::MX);
        std::stable_sort(mx.begin(), mx.end(),
            [](const dns::Record& x, const dns::Record& y) { return x.preference < y.preference; });
        QList<QPair<QByteArray, int>> hosts;
        for (const dns::Record& r : mx) {
            if (hosts.size() < kMaxMx && !r.target.isEmpty())
                hosts.append({ r.target, r.preference });
        }
        Step s
            = lookupStep(QStringLiteral("tls.mx"), QString(), a, QStringLiteral("RFC 7672 2.2.1"));
        if (a.outcome == dns::Outcome::NoData) {
            hosts.append({ name, 0 }); // implicit MX (RFC 5321 5.1)
            s.title = tr("No MX: mail goes to %1 itself (RFC 5321 5.1)").arg(d.domain);
        } else {
            s.title = tr("%n MX host(s)", nullptr, int(mx.size()));
        }
        s.addFact(tr("MX answer DNSSEC-validated"), a.authenticData ? tr("yes") : tr("no"));
        for (const auto& host : hosts)
            mxNames.append(QString::fromUtf8(host.first));
        QJsonArray mxJson;
        int daneHosts = 0;
        for (const auto& [host, pref] : hosts) {
            if (ctx.isCancelled())
                break;
            const dns::Answer t = ctx.dns.resolve("_25._tcp." + host, dns::Type::TLSA);
            const QList<dns::Record> tlsa = t.ofType(dns::Type::TLSA);
            tlsaByHost.insert(
                QString::fromUtf8(host), t.authenticData ? tlsa : QList<dns::Record>());
            Step h(QStringLiteral("tls.dane"), Status::None, QString(), QString(),
                QStringLiteral("RFC 7672 2.2"));
            QJsonArray recs;
            for (const dns::Record& r : tlsa)
                recs.append(r.presentation);
            if (!tlsa.isEmpty() && t.authenticData && a.authenticData) {
                h.status = Status::Pass;
                h.title = tr(
                    "%1: DANE TLSA (%n record(s), DNSSEC-validated)", nullptr, int(tlsa.size()))
                              .arg(QString::fromUtf8(host));
                h.detail = tr("Senders that validate DNSSEC must use TLS and accept only a "
                              "certificate that matches these records (RFC 7672 2.2).");
                ++daneHosts;
            } else if (!tlsa.isEmpty()) {
                h.status = Status::Warning;
                h.title
                    = tr("%1: TLSA records, but not DNSSEC-validated").arg(QString::fromUtf8(host));
                h.detail = tr("DANE needs the MX and TLSA answers to be validated (AD flag); "
                              "without it senders ignore the records (RFC 7672 2.2, 2.2.1). "
                              "The resolver in use did not set AD%1.")
                               .arg(a.authenticData ? QString() : tr(" (not even for the MX)"));
            } else if (t.isTemporaryError()) {
                h.status = Status::TempError;
                h.title = tr("%1: TLSA lookup failed").arg(QString::fromUtf8(host));
            } else {
                h.title = tr("%1: no DANE").arg(QString::fromUtf8(host));
            }
            h.addFact(tr("AD flag"), t.authenticData ? tr("yes") : tr("no"));
            h.add(dns::answerStep(t));
            s.add(std::move(h));
            mxJson.append(QJsonObject { { QStringLiteral("host"), QString::fromUtf8(host) },
                { QStringLiteral("preference"), pref },
                { QStringLiteral("tlsaOutcome"), dns::outcomeName(t.outcome) },
                { QStringLiteral("tlsaAd"), t.authenticData }, { QStringLiteral("tlsa"), recs },
                { QStringLiteral("dane"),
                    !tlsa.isEmpty() && t.authenticData && a.authenticData } });
        }
        s.status = daneHosts > 0 ? Status::Pass : Status::Info;
        j.insert(QStringLiteral("mxAd"), a.authenticData);
        j.insert(QStringLiteral("mx"), mxJson);
        ds.add(std::move(s));
    }
    // The MTA-STS policy file (RFC 8461 3.3), only on request and only with a valid record.
    if (stsIndex >= 0) {
        Step& sts = ds.children[size_t(stsIndex)];
        if (!ctx.options.tlsFetchMtaStsPolicy) {
            if (stsUsable)
                sts.add(Step(QStringLiteral("tls.mta-sts.policy"), Status::Info,
                    tr("Policy file not fetched"),
                    tr("Fetching https://mta-sts.%1/.well-known/mta-sts.txt is off unless "
                       "you ask for it.")
                        .arg(d.domain)));
        } else if (!stsUsable && stsRecords > 0) {
            sts.add(Step(QStringLiteral("tls.mta-sts.policy"), Status::Info,
                tr("Policy file not fetched: no valid MTA-STS record"),
                tr("Senders look for the policy only when exactly one valid _mta-sts TXT "
                   "record announces it (RFC 8461 3.1, 5.1)."),
                QStringLiteral("RFC 8461 3.1")));
        } else if (stsUsable && !ctx.isCancelled()) {
            MtaStsFetch f = fetchMtaStsPolicy(ctx, d.domain, stsId, mxNames);
            sts.add(std::move(f.step));
            sources.append(f.sources);
            for (auto it = f.json.constBegin(); it != f.json.constEnd(); ++it)
                mj.insert(it.key(), it.value());
        }
        j.insert(QStringLiteral("mtaSts"), mj);
    }
    return j;
}

} // namespace

namespace {

// The per-hop part of the check: one step per Received hop, newest first.
struct HopsEvidence {
    Step step; // "tls.hops"
    QJsonArray json;
    TlsOutcome outcome; // hops, hopsWithTls
    int internetHops = 0, internetWithoutTls = 0;
    QString firstPlain; // the first Internet-facing hop without TLS
};

HopsEvidence hopsEvidence(const Message& m)
{
    Step hopsStep(QStringLiteral("tls.hops"), Status::Info, QString(),
        tr("Newest hop first. Each receiving server wrote one Received field; the "
           "protocol name says whether STARTTLS was used (RFC 3848)."),
        QStringLiteral("RFC 3848"));
    HopsEvidence e;
    QJsonArray& hopsJson = e.json;
    TlsOutcome& o = e.outcome;
    const QList<ReceivedHop>& hops = m.hops();
    for (const HopFacts& f : hopFacts(m, kMaxHops)) {
        const ReceivedHop& h = hops[f.index];
        const HopTls& t = f.tls;
        const bool internal = f.internal;
        const QString& internalWhy = f.internalWhy;
        ++o.hops;
        if (t.tls)
            ++o.hopsWithTls;
        Status st = Status::Info;
        QString title;
        if (t.tls) {
            st = Status::Pass;
            title
                = tr("%1: TLS%2")
                      .arg(hopName(f, h),
                          t.version.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(t.version));
        } else if (!t.known) {
            st = Status::None;
            title = tr("%1: transport not recorded").arg(hopName(f, h));
        } else if (internal) {
            st = Status::Info;
            title = tr("%1: no TLS (internal hop)").arg(hopName(f, h));
        } else {
            st = Status::Warning;
            title = tr("%1: NOT encrypted").arg(hopName(f, h));
        }
        if (!internal && t.known) {
            ++e.internetHops;
            if (!t.tls) {
                ++e.internetWithoutTls;
                if (e.firstPlain.isEmpty())
                    e.firstPlain = hopName(f, h);
            }
        }
        Step hs(QStringLiteral("tls.hop"), st, title,
            t.tls ? tr("The receiving server recorded an encrypted connection.")
                  : (t.known ? tr("The receiving server recorded no TLS for this hop: the "
                                  "message crossed it in clear text.")
                             : tr("This Received field does not say which protocol was "
                                  "used.")),
            QStringLiteral("RFC 3848"));
        hs.spans = h.spans.mid(0, 1);
        if (!t.with.isEmpty())
            hs.addFact(tr("with"), t.with);
        if (!t.protocolMeaning.isEmpty())
            hs.addFact(tr("Protocol"), t.protocolMeaning);
        if (!t.version.isEmpty())
            hs.addFact(tr("TLS version"), t.version);
        if (!t.cipher.isEmpty())
            hs.addFact(tr("Cipher"), t.cipher);
        hs.addFact(tr("Hop"),
            internal ? tr("internal: %1").arg(internalWhy)
                     : tr("Internet-facing: %1").arg(internalWhy));
        if (!h.format.isEmpty())
            hs.addFact(tr("Format"), h.format);
        if (t.clause.length > 0) {
            Step c(QStringLiteral("tls.hop.clause"), Status::Info, tr("TLS clause"),
                tr("Where the server wrote the TLS version and cipher."));
            c.spans.append(t.clause);
            hs.add(std::move(c));
        }
        if (t.version == QLatin1String("TLSv1.0") || t.version == QLatin1String("TLSv1.1")
            || t.version.startsWith(QLatin1String("SSL")))
            hs.add(Step(QStringLiteral("tls.hop.version"), Status::Warning,
                tr("%1 is deprecated").arg(t.version),
                tr("TLS 1.0 and 1.1 are deprecated (RFC 8996)."), QStringLiteral("RFC 8996")));
        hopsStep.add(std::move(hs));
        hopsJson.append(
            QJsonObject { { QStringLiteral("index"), f.index + 1 }, { QStringLiteral("by"), h.by },
                { QStringLiteral("from"), h.fromRdns.isEmpty() ? h.fromHelo : h.fromRdns },
                { QStringLiteral("fromIp"), h.fromIp }, { QStringLiteral("with"), t.with },
                { QStringLiteral("protocol"), t.protocolMeaning }, { QStringLiteral("tls"), t.tls },
                { QStringLiteral("known"), t.known }, { QStringLiteral("version"), t.version },
                { QStringLiteral("cipher"), t.cipher }, { QStringLiteral("internal"), internal },
                { QStringLiteral("internalReason"), internalWhy },
                { QStringLiteral("status"), statusName(st) } });
    }
    hopsStep.title = tr("%n hop(s), %1 with TLS", nullptr, o.hops).arg(o.hopsWithTls);
    e.step = std::move(hopsStep);
    return e;
}

} // namespace

CheckResult check(const CheckContext& ctx)
{
    // Per hop first, then what the domains publish, then (only on request) the live probe.
    HopsEvidence hopsEv = hopsEvidence(ctx.message);
    TlsOutcome o = hopsEv.outcome;
    CheckResult r = beginCheck(QStringLiteral("tls"), tr("TLS"),
        tr("How the message travelled: TLS per hop as the receiving servers recorded "
           "it, and what the domains publish about TLS."),
        QStringLiteral("RFC 3848"));

    const QList<DomainRole> domains = policyDomains(ctx.message);
    Step domainsStep(QStringLiteral("tls.domains"), Status::Info,
        tr("MTA-STS, TLS-RPT and DANE of %n domain(s)", nullptr, int(domains.size())),
        tr("Published policies that make senders insist on TLS."));
    QJsonArray domainsJson;
    QMap<QString, QList<dns::Record>> tlsaByHost;
    for (const DomainRole& d : domains)
        domainsJson.append(domainEvidence(ctx, d, domainsStep, tlsaByHost, r.sources));

    // Live probe (explicit only).
    QJsonValue liveJson = QJsonValue::Null;
    Step liveStep;
    bool haveLive = false;
    if (ctx.options.tlsLiveSmtpCheck && !ctx.isCancelled()) {
        LiveResult live = liveCheck(ctx, ctx.options.tlsLiveSmtpHost, tlsaByHost);
        liveStep = std::move(live.step);
        liveJson = live.json;
        r.sources.append(live.sources);
        haveLive = true;
    }

    // Verdict.
    if (o.hops == 0) {
        r.status = Status::None;
        o.reason = QStringLiteral("no-hops");
        r.summary = tr("none: the message has no Received fields to tell how it travelled");
    } else if (hopsEv.internetWithoutTls > 0) {
        r.status = Status::Fail;
        o.reason = QStringLiteral("hop-without-tls");
        r.summary
            = tr("fail: %1 was not encrypted (%n of %2 hops used TLS)", nullptr, o.hopsWithTls)
                  .arg(hopsEv.firstPlain)
                  .arg(o.hops);
    } else if (o.hopsWithTls > 0) {
        r.status = Status::Pass;
        o.reason = hopsEv.internetHops > 0 ? QStringLiteral("all-internet-hops-tls")
                                           : QStringLiteral("tls-recorded");
        r.summary
            = tr("pass: every Internet-facing hop used TLS (%n of %1 hops)", nullptr, o.hopsWithTls)
                  .arg(o.hops);
    } else {
        r.status = Status::None;
        o.reason = QStringLiteral("not-recorded");
        r.summary = tr("none: the Received fields do not record TLS (%n hop(s))", nullptr, o.hops);
    }
    o.status = r.status;
    r.outcomes.tls = o;
    r.step.status = r.status;
    r.step.title = tr("TLS: %1").arg(r.summary);
    r.step.add(std::move(hopsEv.step));
    r.step.add(std::move(domainsStep));
    if (haveLive)
        r.step.add(std::move(liveStep));
    r.json = QJsonObject { { QStringLiteral("result"), statusName(r.status) },
        { QStringLiteral("status"), statusName(r.status) },
        { QStringLiteral("summary"), r.summary }, { QStringLiteral("reason"), o.reason },
        { QStringLiteral("hops"), hopsEv.json }, { QStringLiteral("hopsWithTls"), o.hopsWithTls },
        { QStringLiteral("domains"), domainsJson }, { QStringLiteral("live"), liveJson } };
    return r;
}

} // namespace ms::tls
