#include "Scenarios.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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

QStringList zonesFor(const QString& messagePath)
{
    const QFileInfo fi(messagePath);
    const QString same
        = fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral(".zone");
    if (QFileInfo::exists(same))
        return { same };
    // A sample in its own folder: every zone file there belongs to it.
    const QDir dir = fi.absoluteDir();
    if (dir.entryList({ QStringLiteral("*.eml") }, QDir::Files).size() == 1) {
        QStringList out;
        for (const QString& z :
            dir.entryList({ QStringLiteral("*.zone") }, QDir::Files, QDir::Name))
            out << dir.absoluteFilePath(z);
        return out;
    }
    return {};
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
        for (const Lesson& l : kLessons) {
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
