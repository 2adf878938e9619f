#include "tls/MtaSts.h"

#include "crypto/TlsClient.h"
#include "crypto/X509Certificate.h"
#include "tls/LiveCheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <openssl/x509_vfy.h>

#include <utility>

namespace ms::tls {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tls", text, disambiguation, n);
}

constexpr int kMaxAddresses = 4; // addresses of the policy host tried in turn
constexpr int kMaxPolicyLines = 1000;
constexpr qint64 kMaxAgeLimit = 31557600; // one year (RFC 8461 3.2)
const QByteArray kPolicyPath = "/.well-known/mta-sts.txt";

} // namespace

bool isValidMtaStsId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9]{1,32}$"));
    return re.match(id).hasMatch();
}

MtaStsPolicy parseMtaStsPolicy(const QByteArray& body)
{
    MtaStsPolicy p;
    qint64 pos = 0;
    int lines = 0;
    bool sawVersion = false, sawMode = false, sawMaxAge = false;
    while (pos < body.size()) {
        if (++lines > kMaxPolicyLines) {
            p.problems.append(tr("more than %1 lines").arg(kMaxPolicyLines));
            break;
        }
        qsizetype nl = body.indexOf('\n', pos);
        if (nl < 0)
            nl = body.size();
        QByteArray line = body.mid(pos, nl - pos);
        const qint64 lineOffset = pos;
        pos = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            p.problems.append(tr("line %1 is not \"key: value\": %2")
                                  .arg(lines)
                                  .arg(QString::fromUtf8(line.left(60))));
            continue;
        }
        MtaStsField f;
        f.key = QString::fromUtf8(line.left(colon)).trimmed().toLower();
        f.value = QString::fromUtf8(line.mid(colon + 1)).trimmed();
        f.offset = lineOffset;
        f.length = line.size();
        p.fields.append(f);
        // version, mode and max_age stand once; a repeated one is ignored.
        auto first = [&](bool& seen) {
            if (seen)
                p.notes.append(tr("a second %1 field is ignored").arg(f.key));
            return !std::exchange(seen, true);
        };
        if (f.key == QLatin1String("version")) {
            if (!first(sawVersion))
                continue;
            p.version = f.value;
            if (f.value != QLatin1String("STSv1"))
                p.problems.append(tr("version is \"%1\", not STSv1").arg(f.value));
        } else if (f.key == QLatin1String("mode")) {
            if (!first(sawMode))
                continue;
            p.mode = f.value;
            if (f.value != QLatin1String("enforce") && f.value != QLatin1String("testing")
                && f.value != QLatin1String("none"))
                p.problems.append(tr("mode is \"%1\", not enforce, testing or none").arg(f.value));
        } else if (f.key == QLatin1String("max_age")) {
            if (!first(sawMaxAge))
                continue;
            static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
            bool ok = digits.match(f.value).hasMatch();
            const qint64 v = ok ? f.value.toLongLong(&ok) : -1;
            if (!ok)
                p.problems.append(tr("max_age \"%1\" is not a number of seconds").arg(f.value));
            else if (v > kMaxAgeLimit)
                p.problems.append(
                    tr("max_age %1 is more than the allowed %2 seconds").arg(v).arg(kMaxAgeLimit));
            else
                p.maxAge = v;
        } else if (f.key == QLatin1String("mx")) {
            static const QRegularExpression pattern(
                QStringLiteral("^(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,62})\\.)*[A-Za-z0-9_]"
                               "[A-Za-z0-9_-]{0,62}\\.?$"));
            if (!pattern.match(f.value).hasMatch() || f.value.size() > 255)
                p.problems.append(tr("mx \"%1\" is not a host name or *.domain").arg(f.value));
            else
                p.mx.append(f.value.toLower());
        } else {
            p.notes.append(tr("unknown field \"%1\" is ignored").arg(f.key));
        }
    }
    if (!sawVersion)
        p.problems.append(tr("the version field is missing"));
    if (!sawMode)
        p.problems.append(tr("the mode field is missing"));
    if (!sawMaxAge)
        p.problems.append(tr("the max_age field is missing"));
    if (p.mx.isEmpty() && sawMode && p.mode != QLatin1String("none"))
        p.problems.append(tr("no mx field: every mode but none needs at least one"));
    p.valid = p.problems.isEmpty();
    return p;
}

bool mxPatternMatches(const QString& pattern, const QString& host)
{
    QString p = pattern.trimmed().toLower();
    QString h = host.trimmed().toLower();
    if (p.endsWith(QLatin1Char('.')))
        p.chop(1);
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    if (p.isEmpty() || h.isEmpty())
        return false;
    if (!p.startsWith(QLatin1String("*.")))
        return p == h;
    // The wildcard stands for exactly one label, the left-most one.
    const qsizetype dot = h.indexOf(QLatin1Char('.'));
    return dot > 0 && h.mid(dot + 1) == p.mid(2);
}

namespace {

MtaStsFetch fetchOnce(const CheckContext& ctx, const QString& domain, const QStringList& mxHosts)
{
    MtaStsFetch out;
    const QString host = QStringLiteral("mta-sts.") + domain;
    const quint16 port = ctx.options.tlsMtaStsPort ? ctx.options.tlsMtaStsPort : 443;
    const QString url = port == 443
        ? QStringLiteral("https://%1%2").arg(host, QString::fromLatin1(kPolicyPath))
        : QStringLiteral("https://%1:%2%3")
              .arg(host)
              .arg(port)
              .arg(QString::fromLatin1(kPolicyPath));
    Step& top = out.step;
    top = Step(QStringLiteral("tls.mta-sts.policy"), Status::Info, QString(),
        tr("Mailscope fetched the policy as a sending MTA would: over HTTPS from the "
           "mta-sts host, with a trusted certificate for that name, no redirects, a size "
           "and time limit (RFC 8461 3.3)."),
        QStringLiteral("RFC 8461 3.3"));
    top.addFact(tr("URL"), url);
    QJsonObject fetchJson { { QStringLiteral("url"), url } };
    QString reason;
    auto finish = [&](Status st, const QString& code, const QString& title) {
        top.status = st;
        top.title = title;
        reason = code;
    };

    // 1. Where the policy host is (RFC 8461 3.3: an ordinary HTTPS host).
    HostAddresses where = resolveHostAddresses(ctx, host, QStringLiteral("tls.mta-sts.address"),
        QStringLiteral("RFC 8461 3.3"), kMaxAddresses);
    const QStringList addresses = where.addresses;
    const bool temporary = where.temporary;
    top.add(std::move(where.step));
    fetchJson.insert(QStringLiteral("addresses"), QJsonArray::fromStringList(addresses));

    QJsonObject policyJson;
    QJsonArray mxJson;
    bool fetched = false;
    if (ctx.isCancelled()) {
        finish(Status::TempError, QStringLiteral("cancelled"), tr("Policy fetch cancelled"));
    } else if (addresses.isEmpty()) {
        finish(temporary ? Status::TempError : Status::Fail, QStringLiteral("no-address"),
            tr("Policy host %1 has no address: senders treat the domain as without "
               "MTA-STS")
                .arg(host));
    } else {
        // 2. HTTPS: the chain is judged before the request goes out.
        crypto::TrustStore trust;
        trust.useSystemStore(true);
        QStringList trustNotes;
        for (const QString& f : ctx.options.tlsTrustFiles) {
            QString error;
            if (trust.addPemFile(f, &error) <= 0)
                trustNotes.append(error.isEmpty() ? f : error);
        }
        crypto::ChainResult chain;
        bool nameOk = false;
        bool judged = false;
        const QDateTime now = QDateTime::currentDateTimeUtc(); // a fetch is about now
        const crypto::ChainJudge judge = [&](const QList<crypto::Certificate>& peer, QString* why) {
            judged = true;
            if (peer.isEmpty()) {
                *why = tr("the server sent no certificate");
                return false;
            }
            chain = trust.verify(
                peer.first(), peer.mid(1), now, crypto::TrustStore::Purpose::TlsServer);
            nameOk = peer.first().matchesHost(host);
            if (!chain.trusted)
                *why = tr("the certificate chain is not trusted");
            else if (!nameOk)
                *why = tr("the certificate does not name %1").arg(host);
            return chain.trusted && nameOk;
        };
        crypto::HttpsResponse resp;
        for (const QString& a : addresses) {
            resp = crypto::httpsGet(a, port, host, kPolicyPath, kMaxMtaStsPolicyBytes,
                ctx.options.tlsMtaStsTimeoutMs, judge, ctx.cancelled);
            if (resp.connected || ctx.isCancelled())
                break;
        }
        Step conn(QStringLiteral("tls.mta-sts.connect"),
            resp.tlsEstablished ? Status::Pass : Status::Fail,
            resp.tlsEstablished
                ? tr("TLS with %1 (%2, %3)").arg(resp.address, resp.protocol, resp.cipher)
                : (resp.connected ? tr("TLS handshake with %1 failed").arg(resp.address)
                                  : tr("Could not connect to %1").arg(host)),
            resp.tlsEstablished ? QString() : resp.error, QStringLiteral("RFC 8461 3.3"));
        conn.addFact(tr("Time"), tr("%1 ms").arg(resp.elapsedMs));
        if (!resp.transcript.isEmpty())
            conn.add(Step(QStringLiteral("tls.mta-sts.transcript"), Status::Info,
                tr("HTTP transcript (%n line(s))", nullptr, int(resp.transcript.size())),
                resp.transcript.join(QLatin1Char('\n'))));
        if (!resp.connected)
            conn.status = Status::TempError;
        top.add(std::move(conn));
        fetchJson.insert(QStringLiteral("address"), resp.address);
        fetchJson.insert(QStringLiteral("tls"), resp.tlsEstablished);
        fetchJson.insert(QStringLiteral("protocol"), resp.protocol);
        fetchJson.insert(QStringLiteral("transcript"), QJsonArray::fromStringList(resp.transcript));
        if (!resp.error.isEmpty())
            fetchJson.insert(QStringLiteral("error"), resp.error);

        if (judged) {
            const bool expired = chain.hasProblem(X509_V_ERR_CERT_HAS_EXPIRED);
            const bool ok = chain.trusted && nameOk;
            Step cs(QStringLiteral("tls.mta-sts.certificate"), ok ? Status::Pass : Status::Fail,
                ok ? tr("Certificate valid for %1").arg(host)
                   : (!chain.trusted ? (expired ? tr("Certificate of %1 has EXPIRED").arg(host)
                                                : tr("Certificate of %1 NOT trusted").arg(host))
                                     : tr("Certificate does NOT name %1").arg(host)),
                tr("The policy host's certificate must chain to a trusted root and name the "
                   "mta-sts host (RFC 8461 3.3); otherwise the policy is not used and nothing "
                   "is requested."),
                QStringLiteral("RFC 8461 3.3"));
            QStringList problems;
            for (const crypto::ChainProblem& pr : chain.problems)
                problems.append(QStringLiteral("%1 (depth %2)").arg(pr.text).arg(pr.depth));
            if (!problems.isEmpty())
                cs.addFact(tr("Problems"), problems.join(QStringLiteral("; ")));
            cs.addFact(tr("Name matches"), nameOk ? tr("yes") : tr("no"));
            if (!trustNotes.isEmpty())
                cs.addFact(tr("Trust files not read"), trustNotes.join(QStringLiteral("; ")));
            fetchJson.insert(QStringLiteral("chain"),
                addChainSteps(cs, QStringLiteral("tls.mta-sts.cert"), resp.peerChain,
                    QStringLiteral("tls/mta-sts/%1/cert").arg(domain),
                    tr("MTA-STS host certificate: %1"), out.sources));
            top.add(std::move(cs));
            fetchJson.insert(QStringLiteral("trusted"), chain.trusted);
            fetchJson.insert(QStringLiteral("expired"), expired);
            fetchJson.insert(QStringLiteral("nameMatches"), nameOk);
            fetchJson.insert(QStringLiteral("chainProblems"), QJsonArray::fromStringList(problems));
            if (!ok)
                finish(Status::Fail,
                    !chain.trusted ? (expired ? QStringLiteral("certificate-expired")
                                              : QStringLiteral("certificate-untrusted"))
                                   : QStringLiteral("name-mismatch"),
                    tr("Policy not fetched: %1").arg(resp.chainRejection));
        }
        fetchJson.insert(QStringLiteral("requestSent"), resp.requestSent);

        if (!resp.connected) {
            finish(Status::TempError, QStringLiteral("connect-failed"),
                tr("Policy host %1 could not be reached: %2").arg(host, resp.error));
        } else if (!resp.tlsEstablished) {
            finish(Status::Fail, QStringLiteral("handshake-failed"),
                tr("TLS with %1 failed: %2").arg(host, resp.error));
        } else if (resp.requestSent) {
            // 3. The HTTP answer.
            const QByteArray type = resp.header("content-type");
            const QByteArray mediaType = type.split(';').value(0).trimmed().toLower();
            fetchJson.insert(QStringLiteral("httpStatus"), resp.status);
            fetchJson.insert(QStringLiteral("contentType"), QString::fromLatin1(type));
            fetchJson.insert(QStringLiteral("bytes"), resp.body.size());
            Step http(QStringLiteral("tls.mta-sts.http"), Status::Pass,
                resp.statusLine.isEmpty() ? tr("No HTTP answer") : resp.statusLine, QString(),
                QStringLiteral("RFC 8461 3.3"));
            if (!type.isEmpty())
                http.addFact(tr("Content-Type"), QString::fromLatin1(type));
            http.addFact(tr("Size"), tr("%n byte(s)", nullptr, int(resp.body.size())));
            if (resp.status == 0) {
                http.status = Status::Fail;
                http.detail = resp.error;
                finish(Status::Fail, QStringLiteral("http-error"),
                    tr("Policy not fetched: %1").arg(resp.error));
            } else if (resp.status >= 300 && resp.status < 400) {
                const QString location = QString::fromUtf8(resp.header("location").left(300));
                http.status = Status::Fail;
                http.detail = tr("The server redirects to %1. Senders MUST NOT follow "
                                 "redirects for MTA-STS policies (RFC 8461 3.3), so this "
                                 "domain has no usable policy.")
                                  .arg(location.isEmpty() ? tr("(no Location)") : location);
                fetchJson.insert(QStringLiteral("location"), location);
                finish(Status::Fail, QStringLiteral("redirect"),
                    tr("Policy not fetched: HTTP %1 redirect refused").arg(resp.status));
            } else if (resp.status != 200) {
                http.status = Status::Fail;
                http.detail = tr("Only 200 OK delivers a policy (RFC 8461 3.3).");
                finish(Status::Fail, QStringLiteral("http-status"),
                    tr("Policy not fetched: HTTP %1").arg(resp.status));
            } else if (resp.bodyTooLarge) {
                http.status = Status::Fail;
                http.detail = tr("The policy is larger than %1 KiB; Mailscope stopped reading, "
                                 "as senders limit the size (RFC 8461 3.3).")
                                  .arg(kMaxMtaStsPolicyBytes / 1024);
                finish(Status::Fail, QStringLiteral("too-large"),
                    tr("Policy not used: larger than %1 KiB").arg(kMaxMtaStsPolicyBytes / 1024));
            } else if (!resp.complete) {
                http.status = Status::TempError;
                http.detail = resp.error;
                finish(Status::TempError, QStringLiteral("incomplete"),
                    tr("Policy not fetched completely: %1").arg(resp.error));
            } else if (mediaType != "text/plain") {
                http.status = Status::Fail;
                http.detail = tr("The policy must be served as text/plain; senders check this "
                                 "so that a file uploaded by somebody else is not taken for a "
                                 "policy (RFC 8461 3.3).");
                finish(Status::Fail, QStringLiteral("content-type"),
                    tr("Policy not used: Content-Type %1 is not text/plain")
                        .arg(type.isEmpty() ? tr("(none)") : QString::fromLatin1(type)));
            } else {
                fetched = true;
            }
            top.add(std::move(http));
        }

        if (fetched) {
            // 4. The policy itself.
            const QString sourceId = QStringLiteral("tls/mta-sts/%1/policy").arg(domain);
            out.sources.append({ sourceId, tr("MTA-STS policy of %1").arg(domain),
                Source::Kind::Text, resp.body });
            out.policy = parseMtaStsPolicy(resp.body);
            const MtaStsPolicy& p = *out.policy;
            Step ps(QStringLiteral("tls.mta-sts.policy-file"),
                p.valid ? Status::Pass : Status::PermError,
                p.valid ? tr(
                    "Policy: mode %1, max_age %2 s, %n mx pattern(s)", nullptr, int(p.mx.size()))
                              .arg(p.mode)
                              .arg(p.maxAge)
                        : tr("Policy is malformed: %1").arg(p.problems.first()),
                p.problems.isEmpty() ? QString() : p.problems.join(QStringLiteral("; ")),
                QStringLiteral("RFC 8461 3.2"));
            ps.addSpan(sourceId, 0, resp.body.size());
            for (const MtaStsField& f : p.fields) {
                Step fs(QStringLiteral("tls.mta-sts.field"), Status::Info,
                    QStringLiteral("%1: %2").arg(f.key, f.value.left(200)));
                fs.addSpan(sourceId, f.offset, f.length);
                ps.add(std::move(fs));
            }
            for (const QString& n : p.notes)
                ps.add(Step(QStringLiteral("tls.mta-sts.note"), Status::Info, n));
            top.add(std::move(ps));
            policyJson = QJsonObject { { QStringLiteral("valid"), p.valid },
                { QStringLiteral("version"), p.version }, { QStringLiteral("mode"), p.mode },
                { QStringLiteral("maxAge"), p.maxAge },
                { QStringLiteral("mx"), QJsonArray::fromStringList(p.mx) },
                { QStringLiteral("problems"), QJsonArray::fromStringList(p.problems) },
                { QStringLiteral("source"), sourceId } };
            if (!p.valid) {
                finish(Status::PermError, QStringLiteral("malformed-policy"),
                    tr("Policy of %1 is malformed: %2").arg(domain, p.problems.first()));
            } else {
                // 5. Each MX against the patterns (RFC 8461 4.1).
                int notMatching = 0;
                Step mxStep(QStringLiteral("tls.mta-sts.mx"), Status::Pass, QString(),
                    tr("A sender applying the policy delivers only to MX hosts that match an "
                       "mx pattern; \"*.\" stands for exactly one left-most label "
                       "(RFC 8461 4.1)."),
                    QStringLiteral("RFC 8461 4.1"));
                for (const QString& mx : mxHosts) {
                    QString matched;
                    for (const QString& pat : p.mx) {
                        if (mxPatternMatches(pat, mx)) {
                            matched = pat;
                            break;
                        }
                    }
                    if (matched.isEmpty())
                        ++notMatching;
                    mxStep.add(Step(QStringLiteral("tls.mta-sts.mx-host"),
                        matched.isEmpty() ? Status::Fail : Status::Pass,
                        matched.isEmpty() ? tr("%1 matches NO mx pattern").arg(mx)
                                          : tr("%1 matches %2").arg(mx, matched),
                        QString(), QStringLiteral("RFC 8461 4.1")));
                    mxJson.append(QJsonObject { { QStringLiteral("host"), mx },
                        { QStringLiteral("matches"), !matched.isEmpty() },
                        { QStringLiteral("pattern"), matched } });
                }
                const bool enforce = p.mode == QLatin1String("enforce");
                if (notMatching > 0)
                    mxStep.status = enforce
                        ? Status::Fail
                        : (p.mode == QLatin1String("testing") ? Status::Warning : Status::Info);
                mxStep.title = notMatching > 0
                    ? tr("%n MX host(s) NOT covered by the policy", nullptr, notMatching)
                    : tr("Every MX host (%n) matches the policy", nullptr, int(mxHosts.size()));
                top.add(std::move(mxStep));
                if (p.mode == QLatin1String("none")) {
                    finish(Status::Info, QStringLiteral("mode-none"),
                        tr("Policy of %1: mode none (MTA-STS switched off)").arg(domain));
                } else if (notMatching > 0) {
                    finish(enforce ? Status::Fail : Status::Warning, QStringLiteral("mx-mismatch"),
                        enforce ? tr("Policy of %1 (enforce) does not cover %n MX host(s): senders "
                                     "enforcing it will not deliver there",
                            nullptr, notMatching)
                                      .arg(domain)
                                : tr("Policy of %1 (testing) does not cover %n MX host(s): senders "
                                     "report it but still deliver",
                                    nullptr, notMatching)
                                      .arg(domain));
                } else {
                    finish(Status::Pass, QStringLiteral("ok"),
                        tr("Policy of %1: %2, every MX covered").arg(domain, p.mode));
                }
            }
        }
    }
    out.json = QJsonObject { { QStringLiteral("policyFetched"), fetched },
        { QStringLiteral("policyStatus"), statusName(top.status) },
        { QStringLiteral("policyReason"), reason }, { QStringLiteral("fetch"), fetchJson },
        { QStringLiteral("policy"), fetched ? QJsonValue(policyJson) : QJsonValue::Null },
        { QStringLiteral("mxCheck"), mxJson } };
    return out;
}

} // namespace

std::optional<MtaStsPolicyCache::Entry> MtaStsPolicyCache::find(
    const QString& key, const QDateTime& now) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd() || it->fetchedAt.secsTo(now) >= it->maxAge()
        || now < it->fetchedAt)
        return std::nullopt;
    return *it;
}

void MtaStsPolicyCache::insert(const QString& key, Entry entry)
{
    const QMutexLocker lock(&m_mutex);
    // A run over more domains than this starts over rather than growing without bound.
    if (m_entries.size() >= kMaxEntries && !m_entries.contains(key))
        m_entries.clear();
    m_entries.insert(key, std::move(entry));
}

int MtaStsPolicyCache::size() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

MtaStsFetch fetchMtaStsPolicy(
    const CheckContext& ctx, const QString& domain, const QString& id, const QStringList& mxHosts)
{
    MtaStsPolicyCache* cache = ctx.options.mtaStsCache.get();
    if (!cache)
        return fetchOnce(ctx, domain, mxHosts);
    // Everything the fetched result depends on: the policy (domain, id), where it was asked
    // (port), what was trusted, and which MX hosts were held against it.
    const QString key
        = QStringList { domain.toLower(), id, QString::number(ctx.options.tlsMtaStsPort),
              ctx.options.tlsTrustFiles.join(QLatin1Char('|')), mxHosts.join(QLatin1Char('|')) }
              .join(QLatin1Char('\n'));
    const QDateTime now = QDateTime::currentDateTimeUtc(); // a policy's age is about now
    if (std::optional<MtaStsPolicyCache::Entry> hit = cache->find(key, now)) {
        MtaStsFetch out = std::move(hit->fetch);
        out.step.addFact(tr("Fetched"),
            tr("%1, for an earlier message of this run; kept for max_age %2 s (RFC 8461 3.3)")
                .arg(hit->fetchedAt.toString(Qt::ISODate))
                .arg(hit->maxAge()));
        out.json.insert(QStringLiteral("cached"), true);
        out.json.insert(QStringLiteral("fetchedAt"), hit->fetchedAt.toString(Qt::ISODate));
        return out;
    }
    MtaStsFetch out = fetchOnce(ctx, domain, mxHosts);
    // Only a policy that was fetched and parsed is kept; failures are tried again, as a
    // sender would (RFC 8461 3.3: a failed fetch leaves the cached policy, if any, in use).
    if (out.policy && out.policy->valid && out.policy->maxAge > 0)
        cache->insert(key, { out, now });
    out.json.insert(QStringLiteral("cached"), false);
    return out;
}

} // namespace ms::tls
