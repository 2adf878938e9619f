// The Scenarios menu's data: every bundled sample is listed with a lesson of its own (in
// English and Japanese), and the options a sample's .json fixes reach the engine through
// applySampleOptions(), so the scenario shows what its lesson describes. Which zone files
// belong to a message, asked once (zonesFor) or for a whole batch (SampleFolders, which reads
// each folder once), gives the same answer.
#include "I18n.h"
#include "Scenarios.h"
#include "common/TestUtil.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ms;
using namespace ms::ui;

namespace {

Report verifySample(const QString& name)
{
    const QString eml = mstest::sampleFile(name);
    VerifyOptions o;
    o.parallelChecks = false;
    if (!applySampleOptions(eml, o))
        return {};
    auto resolver = dns::ZoneResolver::fromFiles(zonesFor(eml));
    return Verifier(o, resolver).verify(Message::parse(mstest::readFile(eml)), name);
}

} // namespace

class tst_Scenarios : public QObject
{
    Q_OBJECT

private slots:
    void init() { applyLanguage(QStringLiteral("en")); }
    void cleanupTestCase() { applyLanguage(QStringLiteral("en")); }

    // Issue 7 "Learning": nine lesson scenarios and the all-pass one, each its own lesson.
    void everySampleHasItsOwnLesson()
    {
        qputenv("MAILSCOPE_SAMPLES", mstest::samplesDir().toUtf8());
        const QList<Scenario> list = scenarios();
        QStringList ids;
        QSet<QString> titles, lessons;
        for (const Scenario& s : list) {
            ids << s.id;
            QVERIFY2(!s.lesson.isEmpty(), qPrintable(s.id));
            QVERIFY2(!s.zones.isEmpty(), qPrintable(s.id));
            titles.insert(s.title);
            lessons.insert(s.lesson);
        }
        for (const char* id : { "good", "mailing-list", "forwarding", "lookalike",
                 "spf-lookup-limit", "revoked-key", "testing-key", "smime-expired",
                 "strict-alignment", "missing-dmarc-record", "dual-signature" })
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        QCOMPARE(titles.size(), list.size());
        QCOMPARE(lessons.size(), list.size());
    }

    // The lessons go through tr(): in Japanese every one of them is translated.
    void lessonsAreTranslated()
    {
        qputenv("MAILSCOPE_SAMPLES", mstest::samplesDir().toUtf8());
        const QList<Scenario> en = scenarios();
        QCOMPARE(applyLanguage(QStringLiteral("ja")), QStringLiteral("ja"));
        const QList<Scenario> ja = scenarios();
        QCOMPARE(ja.size(), en.size());
        for (qsizetype i = 0; i < en.size(); ++i) {
            QVERIFY2(ja[i].lesson != en[i].lesson, qPrintable(en[i].id));
            QVERIFY2(ja[i].title != en[i].title, qPrintable(en[i].id));
        }
    }

    void optionsFromTheSidecar()
    {
        VerifyOptions o;
        o.trustedArcSealers = { QStringLiteral("already.example") };
        QVERIFY(applySampleOptions(mstest::sampleFile(QStringLiteral("forwarding")), o));
        QCOMPARE(o.timeMode, VerifyOptions::TimeMode::Fixed);
        QCOMPARE(o.fixedTime, QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC));
        QCOMPARE(o.trustedArcSealers,
            QStringList(
                { QStringLiteral("already.example"), QStringLiteral("alumni.example.edu") }));

        VerifyOptions s;
        QVERIFY(applySampleOptions(mstest::sampleFile(QStringLiteral("smime-expired")), s));
        QCOMPARE(s.smimeTrustFiles.size(), 1);
        QVERIFY(QFileInfo(s.smimeTrustFiles[0]).isAbsolute());
        QVERIFY(QFileInfo::exists(s.smimeTrustFiles[0]));
        QVERIFY(!s.smimeUseSystemStore);

        VerifyOptions none;
        QVERIFY(!applySampleOptions(QStringLiteral("/nonexistent/x.eml"), none));
        QCOMPARE(none.timeMode, VerifyOptions::TimeMode::Now);
    }

    // What the lessons promise, through the scenario loader's options.
    void scenariosShowWhatTheLessonSays()
    {
        const Report fwd = verifySample(QStringLiteral("forwarding"));
        QVERIFY(fwd.outcomes.dmarc);
        QVERIFY(fwd.outcomes.dmarc->overriddenByArc);
        const Report smime = verifySample(QStringLiteral("smime-expired"));
        QVERIFY(smime.outcomes.smime);
        QCOMPARE(smime.outcomes.smime->reason, QStringLiteral("expired"));
        const Report spf = verifySample(QStringLiteral("spf-lookup-limit"));
        QVERIFY(spf.outcomes.spf);
        QCOMPARE(spf.outcomes.spf->status, Status::PermError);
    }

    // Rows: a layout of files in a temporary folder, the message asked about, and the zone
    // files (names) that belong to it.
    void zonesOfAMessage_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("same-name zone") << QStringList { "a.eml", "a.zone", "b.eml", "b.zone" }
                                        << "a.eml" << QStringList { "a.zone" };
        QTest::newRow("own folder: every zone, sorted") << QStringList { "msg.eml", "z2.zone",
            "z1.zone", "notes.txt" } << "msg.eml" << QStringList { "z1.zone", "z2.zone" };
        QTest::newRow("shared folder: none")
            << QStringList { "a.eml", "b.eml", "z.zone" } << "a.eml" << QStringList {};
        QTest::newRow("same-name zone in a shared folder") << QStringList { "a.eml", "b.eml",
            "b.zone", "z.zone" } << "b.eml" << QStringList { "b.zone" };
        QTest::newRow("no zone at all")
            << QStringList { "only.eml" } << "only.eml" << QStringList {};
        QTest::newRow(".EML counts as a message (QDir filters ignore case)")
            << QStringList { "a.eml", "B.EML", "z.zone" } << "a.eml" << QStringList {};
    }
    void zonesOfAMessage()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, message);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString& f : files) {
            QFile out(dir.filePath(f));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("x\n");
        }
        QStringList want;
        for (const QString& e : expected)
            want << dir.filePath(e);
        const QString path = dir.filePath(message);
        QCOMPARE(zonesFor(path), want);
        SampleFolders folders;
        QCOMPARE(folders.zonesFor(path), want);
        QCOMPARE(folders.zonesFor(path), want); // from what it kept
    }

    // A batch's SampleFolders reads a folder once: a message added later does not make it
    // list the folder again (zonesFor, asked afresh, sees the change).
    void batchReadsEachFolderOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char* f : { "one.eml", "k.zone" }) {
            QFile out(dir.filePath(QLatin1String(f)));
            QVERIFY(out.open(QIODevice::WriteOnly));
        }
        SampleFolders folders;
        const QString one = dir.filePath(QStringLiteral("one.eml"));
        const QStringList own { dir.filePath(QStringLiteral("k.zone")) };
        QCOMPARE(folders.zonesFor(one), own);
        QFile second(dir.filePath(QStringLiteral("two.eml")));
        QVERIFY(second.open(QIODevice::WriteOnly));
        second.close();
        QCOMPARE(zonesFor(one), QStringList {});
        QCOMPARE(folders.zonesFor(one), own);
        QCOMPARE(folders.zonesFor(second.fileName()), own);
    }

    void bundledSamplesAreRecognized()
    {
        SampleFolders folders;
        const QString eml = mstest::sampleFile(QStringLiteral("forwarding"));
        QVERIFY(isBundledSample(eml));
        QVERIFY(folders.isBundledSample(eml));
        QTemporaryDir dir;
        const QString outside = dir.filePath(QStringLiteral("x.eml"));
        QVERIFY(!isBundledSample(outside));
        QVERIFY(!folders.isBundledSample(outside));
    }
};

QTEST_GUILESS_MAIN(tst_Scenarios)
#include "tst_scenarios.moc"
