#include "Scenarios.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ms::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Scenarios)
};

struct Lesson {
    QStringList keys; // all must appear in the sample's name
    const char* title;
    const char* text;
};

// The bundled scenarios by their exact name: what happened, the step that shows it, the
// RFC rule, and what to do about it. Each sample's README.md has the long version.
const Lesson kBundled[] = {
    { { QStringLiteral("forwarding") },
        QT_TRANSLATE_NOOP("Scenarios", "Forwarding breaks SPF; ARC carries the result"),
        QT_TRANSLATE_NOOP("Scenarios",
            "A plain forwarder re-sent the message from its own server and kept the "
            "original envelope sender, so SPF for example.org fails at the final receiver "
            "(RFC 7208 5.1), and without a DKIM signature DMARC fails too (p=reject). The "
            "forwarder sealed what it saw on arrival with ARC: its "
            "ARC-Authentication-Results record spf=pass and dmarc=pass. Look at the ARC "
            "chain and at the DMARC step \"A receiver trusting alumni.example.edu could "
            "override the DMARC failure\" (RFC 8617 7.2), shown when that sealer is trusted, "
            "as the scenario's options say. "
            "Postmasters: trust only sealers you know. Senders: sign with DKIM, which "
            "survives plain forwarding; SPF never does.") },
    { { QStringLiteral("spf-lookup-limit") },
        QT_TRANSLATE_NOOP("Scenarios", "SPF over the DNS lookup limit"),
        QT_TRANSLATE_NOOP("Scenarios",
            "Every include, a, mx, ptr, exists and redirect costs one DNS lookup, nested "
            "includes too, and RFC 7208 4.6.4 allows ten per evaluation. bigcorp.example's "
            "record needs eleven: mx (1), the office include (2) with its three includes "
            "(3-5), crm (6) with its a: term (7), helpdesk (8), newsletter (9), payroll (10) "
            "and finally the include listing the company's own servers (11). SPF stops "
            "there with permerror, before the term that would have matched. Look at the "
            "SPF step \"DNS lookup limit exceeded\". DMARC still passes thanks to DKIM. "
            "Postmasters: drop unused services and replace includes of fixed ranges with "
            "ip4:/ip6: terms.") },
    { { QStringLiteral("testing-key") },
        QT_TRANSLATE_NOOP("Scenarios", "A DKIM key in testing mode"),
        QT_TRANSLATE_NOOP("Scenarios",
            "startup.example's key record carries t=y: the domain is testing DKIM (RFC 6376 "
            "3.6.1). The signature verifies and DMARC passes; the DKIM key step shows the "
            "warning \"The domain is testing DKIM (t=y)\". Receivers must not treat mail "
            "from a testing signer differently from unsigned mail, even when its signature "
            "fails, so a failure would not count against the message. Postmasters: remove "
            "t=y once your reports show that all your mail is signed and verifies.") },
    { { QStringLiteral("smime-expired") },
        QT_TRANSLATE_NOOP("Scenarios", "An expired S/MIME certificate"),
        QT_TRANSLATE_NOOP("Scenarios",
            "The S/MIME signature is intact and the certificate chains to the firm's own CA "
            "(a trust certificate in the scenario's options: smime-expired-ca.pem), but the "
            "certificate was valid only until 2024-05-01 and the message was sent on "
            "2024-06-01. With no signingTime in the signature, validity is judged at the "
            "evaluation time: see the S/MIME step \"Certificates are not valid at the "
            "evaluation time\" (RFC 5280 6.1.3). SPF, DKIM and DMARC pass, so the sender is "
            "probably genuine. Help desk: ask the sender to renew the certificate.") },
    { { QStringLiteral("strict-alignment") },
        QT_TRANSLATE_NOOP("Scenarios", "A strict-alignment failure"),
        QT_TRANSLATE_NOOP("Scenarios",
            "DKIM (d=mail.corp.example) and SPF (bounce@mail.corp.example) both pass for a "
            "subdomain of the From domain corp.example. Relaxed alignment only needs the "
            "same organizational domain and would accept that; corp.example's record asks "
            "for strict alignment (adkim=s; aspf=s), where the domains must be identical "
            "(RFC 7489 3.1.1, 3.1.2). Look at the DMARC alignment steps. Postmasters: sign "
            "with d=corp.example, or relax the record if subdomain mail is legitimate.") },
    { { QStringLiteral("missing-dmarc-record") },
        QT_TRANSLATE_NOOP("Scenarios", "No DMARC record: the organizational domain's policy"),
        QT_TRANSLATE_NOOP("Scenarios",
            "news.shop.example publishes no DMARC record. DMARC then uses the record of the "
            "organizational domain shop.example, found by the DNS tree walk (RFC 9989 4.10) "
            "or with the Public Suffix List (RFC 7489 6.6.3, Settings > DMARC discovery): "
            "both give shop.example here. Its record says p=none; sp=quarantine, and for a "
            "subdomain sp= applies. The newsletter service's DKIM and SPF pass for its own "
            "domain esp.example, which does not align, so DMARC fails and quarantine "
            "applies. Look at the DMARC steps \"Policy discovery\" and \"Policy: "
            "sp=quarantine\".") },
    { { QStringLiteral("dual-signature") },
        QT_TRANSLATE_NOOP("Scenarios", "Two DKIM signatures: RSA and Ed25519"),
        QT_TRANSLATE_NOOP("Scenarios",
            "greenmail.example signs each message twice, with RSA (s=rsa2024) and with "
            "Ed25519 (s=ed2024, a=ed25519-sha256, RFC 8463). Both verify, so DKIM and DMARC "
            "pass. Look at the two key-record steps: the Ed25519 record says k=ed25519 and "
            "its p= is the bare 32-byte key, 44 base64 characters against about 400 for "
            "RSA-2048. A verifier that does not know Ed25519 ignores that signature as an "
            "unknown algorithm and judges by the RSA one (RFC 6376 3.3). Postmasters: sign "
            "with both and keep RSA until your receivers verify Ed25519.") },
};

// Keyed by words in the sample's file name, so lessons follow the samples' naming.
const Lesson kLessons[] = {
    { { QStringLiteral("list") }, QT_TRANSLATE_NOOP("Scenarios", "A mailing list breaks DKIM"),
        QT_TRANSLATE_NOOP("Scenarios",
            "The list added a footer to the body and a tag to the Subject. The "
            "author's DKIM signature covered both, so its body hash no longer matches. "
            "Look at the DKIM step: Mailscope finds where the signed body ended and "
            "what was added after signing.") },
    { { QStringLiteral("forward") },
        QT_TRANSLATE_NOOP("Scenarios", "Forwarding breaks SPF; ARC carries the result"),
        QT_TRANSLATE_NOOP("Scenarios",
            "A forwarder re-sent the message from its own server, so SPF for the "
            "original domain fails. The forwarder sealed what it saw with ARC; if you "
            "trust that sealer, its recorded pass can stand in for the broken one.") },
    { { QStringLiteral("arc") }, QT_TRANSLATE_NOOP("Scenarios", "An ARC chain"),
        QT_TRANSLATE_NOOP("Scenarios",
            "Each intermediary added an ARC set (seal, message signature, results). "
            "Follow the chain from the oldest instance to the newest and see where a "
            "result was recorded.") },
    { { QStringLiteral("look") },
        QT_TRANSLATE_NOOP("Scenarios", "A look-alike domain fails alignment"),
        QT_TRANSLATE_NOOP("Scenarios",
            "SPF and DKIM pass — for the sender's own look-alike domain. DMARC asks "
            "whether a passing domain matches the From domain; it does not, so DMARC "
            "fails. Passing checks alone prove nothing about the From address.") },
    { { QStringLiteral("lookup") }, QT_TRANSLATE_NOOP("Scenarios", "SPF over the lookup limit"),
        QT_TRANSLATE_NOOP("Scenarios",
            "Every include, a, mx, ptr, exists and redirect costs one DNS lookup; "
            "RFC 7208 allows ten. The record's includes exceed that, so SPF ends in "
            "permerror however the address would have matched.") },
    { { QStringLiteral("limit") }, QT_TRANSLATE_NOOP("Scenarios", "SPF over the lookup limit"),
        QT_TRANSLATE_NOOP("Scenarios",
            "Every include, a, mx, ptr, exists and redirect costs one DNS lookup; "
            "RFC 7208 allows ten. The record's includes exceed that, so SPF ends in "
            "permerror however the address would have matched.") },
    { { QStringLiteral("revoked") }, QT_TRANSLATE_NOOP("Scenarios", "A revoked DKIM key"),
        QT_TRANSLATE_NOOP("Scenarios",
            "The key record still exists but its p= is empty: the domain revoked the "
            "key. Signatures made with it must fail, even though the bytes are intact.") },
    { { QStringLiteral("testing") }, QT_TRANSLATE_NOOP("Scenarios", "A DKIM key in testing mode"),
        QT_TRANSLATE_NOOP("Scenarios",
            "The key carries t=y: the domain is testing DKIM and asks receivers not to "
            "treat failures differently from unsigned mail.") },
    { { QStringLiteral("smime") }, QT_TRANSLATE_NOOP("Scenarios", "An S/MIME signature"),
        QT_TRANSLATE_NOOP("Scenarios",
            "The content is signed with the sender's certificate. The signature may be "
            "intact while the certificate has expired or is not trusted: the tree "
            "shows each question separately.") },
    { { QStringLiteral("strict") }, QT_TRANSLATE_NOOP("Scenarios", "A strict-alignment failure"),
        QT_TRANSLATE_NOOP("Scenarios",
            "DKIM passes for a subdomain of the From domain. Relaxed alignment would "
            "accept that, but the DMARC record asks for strict alignment (adkim=s), "
            "so the domains must be identical.") },
    { { QStringLiteral("org") },
        QT_TRANSLATE_NOOP("Scenarios", "No DMARC record: the organizational domain's policy"),
        QT_TRANSLATE_NOOP("Scenarios",
            "The From domain has no DMARC record of its own. DMARC then looks for the "
            "organizational domain's record, and its policy (sp= or p=) applies.") },
    { { QStringLiteral("dmarc") }, QT_TRANSLATE_NOOP("Scenarios", "DMARC"),
        QT_TRANSLATE_NOOP("Scenarios",
            "DMARC ties SPF and DKIM to the From domain and publishes what a receiver "
            "should do when neither aligned check passes.") },
    { { QStringLiteral("good") }, QT_TRANSLATE_NOOP("Scenarios", "Everything passes"),
        QT_TRANSLATE_NOOP("Scenarios",
            "A message as it should be: SPF authorizes the sending server, the DKIM "
            "signature verifies, and both align with the From domain, so DMARC passes.") },
    { { QStringLiteral("pass") }, QT_TRANSLATE_NOOP("Scenarios", "Everything passes"),
        QT_TRANSLATE_NOOP("Scenarios",
            "A message as it should be: SPF authorizes the sending server, the DKIM "
            "signature verifies, and both align with the From domain, so DMARC passes.") },
    { { QStringLiteral("dkim") }, QT_TRANSLATE_NOOP("Scenarios", "DKIM"),
        QT_TRANSLATE_NOOP("Scenarios",
            "Follow the signature from its tags to the canonical header and body bytes "
            "that were hashed, the key lookup and the signature check.") },
    { { QStringLiteral("spf") }, QT_TRANSLATE_NOOP("Scenarios", "SPF"),
        QT_TRANSLATE_NOOP("Scenarios",
            "Follow the SPF evaluation term by term: which mechanism matched the "
            "client address, and which DNS lookups it took.") },
};

QString readLesson(const QFileInfo& eml)
{
    const QString base = eml.absolutePath() + QLatin1Char('/');
    for (const QString& name : { eml.completeBaseName() + QStringLiteral(".md"),
             eml.completeBaseName() + QStringLiteral(".txt"), QStringLiteral("README.md") }) {
        QFile f(base + name);
        if (f.open(QIODevice::ReadOnly))
            return QString::fromUtf8(f.read(8192)).trimmed();
    }
    return {};
}
} // namespace

QString samplesDir()
{
    const QString env = qEnvironmentVariable("MAILSCOPE_SAMPLES");
    if (!env.isEmpty() && QFileInfo(env).isDir())
        return env;
    const QString installed
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/mailscope/samples");
    if (QFileInfo(installed).isDir())
        return QDir(installed).canonicalPath();
#ifdef MAILSCOPE_SOURCE_SAMPLES
    if (QFileInfo(QStringLiteral(MAILSCOPE_SOURCE_SAMPLES)).isDir())
        return QStringLiteral(MAILSCOPE_SOURCE_SAMPLES);
#endif
    return {};
}

namespace {

QString samplesPrefix()
{
    const QString samples = samplesDir();
    return samples.isEmpty() ? QString() : QDir(samples).canonicalPath() + QLatin1Char('/');
}

bool isUnder(const QString& prefix, const QString& path)
{
    return !prefix.isEmpty() && !path.isEmpty()
        && QFileInfo(path).canonicalFilePath().startsWith(prefix);
}

// The zone file named after the message, if there is one.
QString sameNameZone(const QFileInfo& fi)
{
    const QString same
        = fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral(".zone");
    return QFileInfo::exists(same) ? same : QString();
}

// A sample in its own folder: every zone file there belongs to it.
QStringList folderZones(const QDir& dir)
{
    QStringList out;
    if (dir.entryList({ QStringLiteral("*.eml") }, QDir::Files).size() == 1) {
        for (const QString& z :
            dir.entryList({ QStringLiteral("*.zone") }, QDir::Files, QDir::Name))
            out << dir.absoluteFilePath(z);
    }
    return out;
}

} // namespace

bool isBundledSample(const QString& path)
{
    return isUnder(samplesPrefix(), path);
}

QStringList zonesFor(const QString& messagePath)
{
    const QFileInfo fi(messagePath);
    if (const QString same = sameNameZone(fi); !same.isEmpty())
        return { same };
    return folderZones(fi.absoluteDir());
}

QStringList SampleFolders::zonesFor(const QString& messagePath)
{
    const QFileInfo fi(messagePath);
    if (const QString same = sameNameZone(fi); !same.isEmpty())
        return { same };
    const QString folder = fi.absolutePath();
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_folderZones.constFind(folder);
        if (it != m_folderZones.cend())
            return it.value();
    }
    // Listed outside the lock; two threads may list one folder once each, with one answer.
    QStringList zones = folderZones(fi.absoluteDir());
    QMutexLocker lock(&m_mutex);
    m_folderZones.insert(folder, zones);
    return zones;
}

bool SampleFolders::isBundledSample(const QString& path)
{
    QString prefix;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_samplesKnown) {
            m_samplesPrefix = samplesPrefix();
            m_samplesKnown = true;
        }
        prefix = m_samplesPrefix;
    }
    return isUnder(prefix, path);
}

QDateTime sampleTime(const QString& messagePath)
{
    const QFileInfo fi(messagePath);
    QFile f(fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.read(65536)).object();
    QDateTime t = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

bool applySampleOptions(const QString& messagePath, VerifyOptions& o)
{
    const QFileInfo fi(messagePath);
    QFile f(fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject j = QJsonDocument::fromJson(f.read(65536)).object();
    if (j.isEmpty())
        return false;
    const QDateTime t = sampleTime(messagePath);
    if (t.isValid()) {
        o.timeMode = VerifyOptions::TimeMode::Fixed;
        o.fixedTime = t;
    }
    auto addAll = [&j](const char* key, QStringList& to, const QDir* relativeTo) {
        for (const QJsonValue& v : j.value(QLatin1String(key)).toArray()) {
            const QString s
                = relativeTo ? relativeTo->absoluteFilePath(v.toString()) : v.toString();
            if (!v.toString().isEmpty() && !to.contains(s))
                to << s;
        }
    };
    const QDir dir = fi.absoluteDir();
    addAll("trusted_sealers", o.trustedArcSealers, nullptr);
    addAll("trusted_authserv", o.trustedAuthservIds, nullptr);
    addAll("smime_trust", o.smimeTrustFiles, &dir);
    if (j.contains(QLatin1String("smime_system_store")))
        o.smimeUseSystemStore = j.value(QLatin1String("smime_system_store")).toBool(true);
    const QString discovery = j.value(QLatin1String("dmarc_discovery")).toString();
    if (discovery == QLatin1String("psl"))
        o.dmarcDiscovery = VerifyOptions::DmarcDiscovery::Psl;
    else if (discovery == QLatin1String("treewalk"))
        o.dmarcDiscovery = VerifyOptions::DmarcDiscovery::TreeWalk;
    return true;
}

QList<Scenario> scenarios()
{
    QList<Scenario> out;
    const QString dir = samplesDir();
    if (dir.isEmpty())
        return out;
    QDirIterator it(dir, { QStringLiteral("*.eml") }, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString& f : files) {
        const QFileInfo fi(f);
        Scenario s;
        s.message = fi.absoluteFilePath();
        s.id = fi.completeBaseName();
        if (s.id == QLatin1String("message"))
            s.id = fi.absoluteDir().dirName();
        s.zones = zonesFor(f);
        const QString name = s.id.toLower();
        for (const Lesson& l : kBundled) {
            if (name == l.keys.constFirst()) {
                s.title = Tr::tr(l.title);
                s.lesson = Tr::tr(l.text);
                break;
            }
        }
        for (const Lesson& l : kLessons) {
            if (!s.lesson.isEmpty())
                break;
            bool all = true;
            for (const QString& k : l.keys)
                all = all && name.contains(k);
            if (all) {
                s.title = Tr::tr(l.title);
                s.lesson = Tr::tr(l.text);
                break;
            }
        }
        const QString own = readLesson(fi);
        if (s.lesson.isEmpty())
            s.lesson = own;
        if (s.title.isEmpty()) {
            s.title = s.id;
            s.title.replace(QLatin1Char('-'), QLatin1Char(' '))
                .replace(QLatin1Char('_'), QLatin1Char(' '));
        }
        out << s;
    }
    return out;
}

} // namespace ms::ui
