// The Scenarios menu's data: every bundled sample is listed with a lesson of its own (in
// English and Japanese), and the options a sample's .json fixes reach the engine through
// applySampleOptions(), so the scenario shows what its lesson describes.
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
};

QTEST_GUILESS_MAIN(tst_Scenarios)
#include "tst_scenarios.moc"
