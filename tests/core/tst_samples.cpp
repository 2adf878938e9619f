// The bundled scenarios (resources/samples/<name>/): each one, verified offline with the
// options its <name>.json fixes (time, trusted sealers, S/MIME trust files, discovery),
// must give the results its "expect" object states. And tools/gen_samples.py must
// reproduce every committed sample byte for byte from the keys in tests/data/samples-keys.
#include "common/TestUtil.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ms;
using mstest::toStrings;

namespace {

QJsonObject sidecar(const QString& dir, const QString& name)
{
    return QJsonDocument::fromJson(
        mstest::readFile(dir + QLatin1Char('/') + name + QStringLiteral(".json")))
        .object();
}

// The same reading of the sidecar as the GUI's scenario loader (ui/Scenarios.cpp).
VerifyOptions optionsFrom(const QJsonObject& j, const QString& dir)
{
    VerifyOptions o;
    o.parallelChecks = false;
    o.timeMode = VerifyOptions::TimeMode::Fixed;
    o.fixedTime
        = QDateTime::fromString(j.value(QLatin1String("time")).toString(), Qt::ISODate).toUTC();
    o.trustedArcSealers = toStrings(j.value(QLatin1String("trusted_sealers")));
    o.trustedAuthservIds = toStrings(j.value(QLatin1String("trusted_authserv")));
    for (const QString& f : toStrings(j.value(QLatin1String("smime_trust"))))
        o.smimeTrustFiles << QDir(dir).absoluteFilePath(f);
    o.smimeUseSystemStore = j.value(QLatin1String("smime_system_store")).toBool(true);
    if (j.value(QLatin1String("dmarc_discovery")).toString() == QLatin1String("psl"))
        o.dmarcDiscovery = VerifyOptions::DmarcDiscovery::Psl;
    return o;
}

Report run(const QString& dir, const QString& name, const VerifyOptions& o)
{
    const QString base = dir + QLatin1Char('/') + name;
    QStringList errors;
    auto resolver = dns::ZoneResolver::fromFiles({ base + QStringLiteral(".zone") }, &errors);
    if (!errors.isEmpty())
        qWarning("%s", qPrintable(errors.join(QLatin1Char('\n'))));
    return Verifier(o, resolver)
        .verify(Message::parse(mstest::readFile(base + QStringLiteral(".eml"))), name);
}

bool hasStep(const Step& s, const QString& kind, const QString& status)
{
    if (s.kind == kind && statusName(s.status) == status)
        return true;
    for (const Step& c : s.children) {
        if (hasStep(c, kind, status))
            return true;
    }
    return false;
}

QString checkStatus(const Report& r, const QString& name)
{
    const CheckResult* c = r.check(name);
    return c ? statusName(c->status) : QStringLiteral("(not run)");
}

} // namespace

class tst_Samples : public QObject
{
    Q_OBJECT

private slots:
    void expected_data()
    {
        QTest::addColumn<QString>("name");
        const QDir samples(mstest::samplesDir());
        const QStringList names = samples.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        // Issue 7 "Learning": the nine lesson scenarios plus the all-pass one.
        QVERIFY2(names.size() >= 10, qPrintable(names.join(QLatin1Char(' '))));
        for (const QString& n : names)
            QTest::newRow(qPrintable(n)) << n;
    }

    void expected()
    {
        QFETCH(QString, name);
        const QString dir = mstest::samplesDir() + QLatin1Char('/') + name;
        for (const char* ext : { ".eml", ".zone", ".json" })
            QVERIFY2(QFileInfo::exists(dir + QLatin1Char('/') + name + QLatin1String(ext)),
                qPrintable(name + QLatin1String(ext)));
        QVERIFY2(QFileInfo::exists(dir + QStringLiteral("/README.md")), "no lesson");
        const QJsonObject j = sidecar(dir, name);
        QVERIFY2(
            QDateTime::fromString(j.value(QLatin1String("time")).toString(), Qt::ISODate).isValid(),
            "the sample must fix its evaluation time");
        const QJsonObject expect = j.value(QLatin1String("expect")).toObject();
        const QJsonObject checks = expect.value(QLatin1String("checks")).toObject();
        QVERIFY2(!checks.isEmpty(), "the sample states no expected results");

        const VerifyOptions o = optionsFrom(j, dir);
        const Report r = run(dir, name, o);
        QCOMPARE(r.evaluationTime, o.fixedTime);
        for (auto it = checks.begin(); it != checks.end(); ++it)
            QCOMPARE(checkStatus(r, it.key()), it.value().toString());

        const Outcomes& out = r.outcomes;
        const QJsonObject spf = expect.value(QLatin1String("spf")).toObject();
        if (!spf.isEmpty()) {
            QVERIFY(out.spf);
            QCOMPARE(out.spf->domain, spf.value(QLatin1String("domain")).toString());
        }
        const QJsonArray dkim = expect.value(QLatin1String("dkim")).toArray();
        if (!dkim.isEmpty()) {
            QCOMPARE(out.dkim.size(), dkim.size());
            for (qsizetype i = 0; i < dkim.size(); ++i) {
                const QJsonObject d = dkim[i].toObject();
                QCOMPARE(
                    statusName(out.dkim[i].status), d.value(QLatin1String("status")).toString());
                QCOMPARE(out.dkim[i].domain, d.value(QLatin1String("domain")).toString());
                QCOMPARE(out.dkim[i].testing, d.value(QLatin1String("testing")).toBool(false));
            }
        }
        const QJsonObject arc = expect.value(QLatin1String("arc")).toObject();
        if (!arc.isEmpty()) {
            QVERIFY(out.arc);
            QCOMPARE(out.arc->instances, arc.value(QLatin1String("instances")).toInt());
            QCOMPARE(out.arc->sealers, toStrings(arc.value(QLatin1String("sealers"))));
        }
        const QJsonObject dmarc = expect.value(QLatin1String("dmarc")).toObject();
        if (!dmarc.isEmpty()) {
            QVERIFY(out.dmarc);
            QCOMPARE(out.dmarc->policy, dmarc.value(QLatin1String("policy")).toString());
            QCOMPARE(
                out.dmarc->policyDomain, dmarc.value(QLatin1String("policyDomain")).toString());
            if (dmarc.contains(QLatin1String("fromDomain")))
                QCOMPARE(
                    out.dmarc->fromDomain, dmarc.value(QLatin1String("fromDomain")).toString());
            QCOMPARE(out.dmarc->overriddenByArc,
                dmarc.value(QLatin1String("overriddenByArc")).toBool(false));
        }
        const QJsonObject smime = expect.value(QLatin1String("smime")).toObject();
        if (!smime.isEmpty()) {
            QVERIFY(out.smime);
            QCOMPARE(out.smime->reason, smime.value(QLatin1String("reason")).toString());
            QVERIFY2(out.smime->signer.contains(smime.value(QLatin1String("signer")).toString()),
                qPrintable(out.smime->signer));
        }
        for (const QString& s : toStrings(expect.value(QLatin1String("steps")))) {
            const QString kind = s.section(QLatin1Char(':'), 0, 0);
            const QString status = s.section(QLatin1Char(':'), 1);
            QVERIFY2(hasStep(r.root, kind, status), qPrintable(s));
        }

        // The other DMARC discovery method must come to the same policy where the sample
        // says so (RFC 9989 tree walk vs RFC 7489 Public Suffix List).
        if (expect.value(QLatin1String("same_with_psl_discovery")).toBool()) {
            VerifyOptions psl = o;
            psl.dmarcDiscovery = o.dmarcDiscovery == VerifyOptions::DmarcDiscovery::Psl
                ? VerifyOptions::DmarcDiscovery::TreeWalk
                : VerifyOptions::DmarcDiscovery::Psl;
            const Report r2 = run(dir, name, psl);
            QVERIFY(r2.outcomes.dmarc);
            QCOMPARE(statusName(r2.outcomes.dmarc->status), statusName(out.dmarc->status));
            QCOMPARE(r2.outcomes.dmarc->policy, out.dmarc->policy);
            QCOMPARE(r2.outcomes.dmarc->policyDomain, out.dmarc->policyDomain);
            // And the two runs really took different routes.
            QVERIFY(toText(r2) != toText(r));
        }
    }

    // The scenarios are meant to be stable: the same verdicts whatever day it is and
    // whatever the options would say without the sidecar's time.
    void timeIsWhatTheSampleSays()
    {
        const QString dir = mstest::samplesDir() + QStringLiteral("/smime-expired");
        const QJsonObject j = sidecar(dir, QStringLiteral("smime-expired"));
        VerifyOptions o = optionsFrom(j, dir);
        // A year earlier the certificate was valid: S/MIME passes, so the sample's failure
        // really comes from the validity period.
        o.fixedTime = o.fixedTime.addYears(-1);
        const Report r = run(dir, QStringLiteral("smime-expired"), o);
        QCOMPARE(checkStatus(r, QStringLiteral("smime")), QStringLiteral("pass"));
        // And without the trust file the chain does not end in a trust anchor.
        VerifyOptions untrusted = optionsFrom(j, dir);
        untrusted.smimeTrustFiles.clear();
        const Report u = run(dir, QStringLiteral("smime-expired"), untrusted);
        QCOMPARE(checkStatus(u, QStringLiteral("smime")), QStringLiteral("fail"));
        QVERIFY(u.outcomes.smime && u.outcomes.smime->reason != QLatin1String("expired"));
    }

    // Without the trusted sealer the forwarding scenario's DMARC failure stands.
    void forwardingNeedsTrustedSealer()
    {
        const QString dir = mstest::samplesDir() + QStringLiteral("/forwarding");
        VerifyOptions o = optionsFrom(sidecar(dir, QStringLiteral("forwarding")), dir);
        o.trustedArcSealers.clear();
        const Report r = run(dir, QStringLiteral("forwarding"), o);
        QVERIFY(r.outcomes.dmarc);
        QCOMPARE(statusName(r.outcomes.dmarc->status), QStringLiteral("fail"));
        QVERIFY(!r.outcomes.dmarc->overriddenByArc);
    }

    // tools/gen_samples.py rebuilds every committed file byte for byte.
    void generatorIsDeterministic()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (python.isEmpty() || openssl.isEmpty())
            QSKIP("python3 or openssl is not installed: cannot run tools/gen_samples.py");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString keys = mstest::testDataDir() + QStringLiteral("/samples-keys");
        const QString tmpKeys = tmp.filePath(QStringLiteral("tests/data/samples-keys"));
        QVERIFY(QDir().mkpath(tmpKeys));
        const QStringList pems = QDir(keys).entryList({ QStringLiteral("*.pem") }, QDir::Files);
        QVERIFY(!pems.isEmpty());
        for (const QString& k : pems)
            QVERIFY(QFile::copy(keys + QLatin1Char('/') + k, tmpKeys + QLatin1Char('/') + k));

        QProcess p;
        p.start(python,
            { mstest::sourceDir() + QStringLiteral("/tools/gen_samples.py"),
                QStringLiteral("--root"), tmp.path() });
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        // No key was missing (a new one would be generated and change the samples).
        QCOMPARE(QDir(tmpKeys).entryList({ QStringLiteral("*.pem") }, QDir::Files), pems);

        const QString committed = mstest::samplesDir();
        const QString made = tmp.filePath(QStringLiteral("resources/samples"));
        QStringList files;
        QDirIterator it(committed, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(committed).relativeFilePath(it.next());
        QDirIterator it2(made, QDir::Files, QDirIterator::Subdirectories);
        while (it2.hasNext()) {
            const QString f = QDir(made).relativeFilePath(it2.next());
            QVERIFY2(files.contains(f), qPrintable(f + QStringLiteral(" is not committed")));
        }
        for (const QString& f : std::as_const(files)) {
            const QByteArray want = mstest::readFile(committed + QLatin1Char('/') + f);
            const QByteArray got = mstest::readFile(made + QLatin1Char('/') + f);
            QVERIFY2(got == want, qPrintable(f + QStringLiteral(" differs from the generator's")));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Samples)
#include "tst_samples.moc"
