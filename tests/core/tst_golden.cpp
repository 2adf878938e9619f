// Golden dumps: every sample scenario (resources/samples/<name>/) and every
// tests/data/golden/<case>.eml, verified offline against its zone file at a fixed time,
// printed with toText() and compared with the stored .expected text.
// MAILSCOPE_UPDATE_GOLDEN=1 rewrites the .expected files instead of comparing.
#include "common/TestUtil.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ms;
using mstest::toStrings;

namespace {

// Per-case options from the sidecar JSON: time, envelope, checks, trust lists.
VerifyOptions optionsFrom(const QString& jsonPath)
{
    VerifyOptions o;
    o.timeMode = VerifyOptions::TimeMode::Fixed;
    o.fixedTime = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
    o.parallelChecks = false;
    const QJsonObject j = QJsonDocument::fromJson(mstest::readFile(jsonPath)).object();
    if (j.contains(QLatin1String("time")))
        o.fixedTime
            = QDateTime::fromString(j.value(QLatin1String("time")).toString(), Qt::ISODate).toUTC();
    if (j.contains(QLatin1String("ip")))
        o.clientIp = j.value(QLatin1String("ip")).toString();
    if (j.contains(QLatin1String("helo")))
        o.helo = j.value(QLatin1String("helo")).toString();
    if (j.contains(QLatin1String("mail_from")))
        o.mailFrom = j.value(QLatin1String("mail_from")).toString();
    o.checks = toStrings(j.value(QLatin1String("checks")));
    o.trustedArcSealers = toStrings(j.value(QLatin1String("trusted_sealers")));
    o.trustedAuthservIds = toStrings(j.value(QLatin1String("trusted_authserv")));
    if (j.value(QLatin1String("dmarc_discovery")).toString() == QLatin1String("psl"))
        o.dmarcDiscovery = VerifyOptions::DmarcDiscovery::Psl;
    return o;
}

} // namespace

class tst_Golden : public QObject
{
    Q_OBJECT

private slots:
    void dump_data()
    {
        QTest::addColumn<QString>("eml");
        QTest::addColumn<QString>("zone"); // may not exist: then DNS knows nothing
        QTest::addColumn<QString>("options"); // may not exist
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("name"); // the file name the report shows

        const QString golden = mstest::testDataDir() + QStringLiteral("/golden");
        const QDir samples(mstest::samplesDir());
        const QStringList sampleNames
            = samples.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(sampleNames.size() >= 4, "resources/samples should hold at least four scenarios");
        for (const QString& s : sampleNames) {
            const QString base = samples.filePath(s) + QLatin1Char('/') + s;
            QTest::newRow(qPrintable(QStringLiteral("sample/") + s))
                << base + QStringLiteral(".eml") << base + QStringLiteral(".zone")
                << base + QStringLiteral(".json")
                << golden + QStringLiteral("/samples/") + s + QStringLiteral(".expected")
                << QStringLiteral("samples/%1.eml").arg(s);
        }
        const QStringList cases
            = QDir(golden).entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name);
        for (const QString& c : cases) {
            const QString base = golden + QLatin1Char('/') + QFileInfo(c).completeBaseName();
            QTest::newRow(qPrintable(QFileInfo(c).completeBaseName()))
                << base + QStringLiteral(".eml") << base + QStringLiteral(".zone")
                << base + QStringLiteral(".json") << base + QStringLiteral(".expected") << c;
        }
    }

    void dump()
    {
        QFETCH(QString, eml);
        QFETCH(QString, zone);
        QFETCH(QString, options);
        QFETCH(QString, expected);
        QFETCH(QString, name);

        QFile f(eml);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(eml));
        std::shared_ptr<dns::ZoneResolver> resolver;
        if (QFileInfo::exists(zone)) {
            QStringList errors;
            resolver = dns::ZoneResolver::fromFiles({ zone }, &errors);
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        } else {
            resolver = std::make_shared<dns::ZoneResolver>();
        }
        const Verifier verifier(optionsFrom(options), resolver);
        const QString text = toText(verifier.verify(Message::parse(f.readAll()), name));

        if (qEnvironmentVariableIntValue("MAILSCOPE_UPDATE_GOLDEN") == 1) {
            QDir().mkpath(QFileInfo(expected).path());
            QFile out(expected);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(text.toUtf8());
            qInfo("rewrote %s", qPrintable(expected));
            return;
        }
        QVERIFY2(QFileInfo::exists(expected),
            qPrintable(
                QStringLiteral("%1 is missing; run with MAILSCOPE_UPDATE_GOLDEN=1 and review it")
                    .arg(expected)));
        const QStringList want
            = QString::fromUtf8(mstest::readFile(expected)).split(QLatin1Char('\n'));
        const QStringList got = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < std::min(want.size(), got.size()); ++i) {
            if (want[i] != got[i]) {
                QFAIL(qPrintable(
                    QStringLiteral("%1 line %2 differs:\n  expected: %3\n  actual:   %4\n"
                                   "(MAILSCOPE_UPDATE_GOLDEN=1 rewrites after review)")
                        .arg(expected)
                        .arg(i + 1)
                        .arg(want[i], got[i])));
            }
        }
        QCOMPARE(got.size(), want.size());
    }

    // The dump must not depend on how many threads ran the checks.
    void parallelSameAsSequential()
    {
        const QString base = mstest::samplesDir() + QStringLiteral("/mailing-list/mailing-list");
        QFile f(base + QStringLiteral(".eml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Message m = Message::parse(f.readAll());
        auto resolver = dns::ZoneResolver::fromFiles({ base + QStringLiteral(".zone") });
        VerifyOptions o = optionsFrom(base + QStringLiteral(".json"));
        const QString sequential = toText(Verifier(o, resolver).verify(m, QStringLiteral("x")));
        o.parallelChecks = true;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(toText(Verifier(o, resolver).verify(m, QStringLiteral("x"))), sequential);
    }
};

QTEST_GUILESS_MAIN(tst_Golden)
#include "tst_golden.moc"
