// Summary-only runs (VerifyOptions::summaryOnly, batch JSON lines and CSV) of SPF, DMARC and
// ARC build no sub-steps, translated step texts or sources: the results, reasons, JSON and
// outcomes must be exactly those of a full run. Pinned here for every case of the OpenSPF
// suites (spf::evaluate with and without explanations), a DMARC matrix of authors, methods,
// SPF/DKIM inputs and record shapes (dmarc::evaluate), and every bundled sample and golden
// message through full and lean Verifiers (CheckResult by CheckResult).
#include "common/SpfSuiteResolver.h"
#include "common/TestUtil.h"
#include "dmarc/Dmarc.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "spf/Spf.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ms;

namespace {

QString factsText(const Step& s)
{
    QStringList out;
    for (const Fact& f : s.facts)
        out << f.key + QLatin1Char('=') + f.value;
    return out.join(QLatin1Char('\n'));
}

// The root step a summary-only run keeps: everything but the sub-steps and spans.
void compareRoot(const Step& lean, const Step& full)
{
    QCOMPARE(lean.kind, full.kind);
    QCOMPARE(lean.status, full.status);
    QCOMPARE(lean.title, full.title);
    QCOMPARE(lean.detail, full.detail);
    QCOMPARE(lean.rfc, full.rfc);
    QCOMPARE(factsText(lean), factsText(full));
}

// Zone of the DMARC matrix: one family of names per record shape.
const char* kDmarcZone = R"(
$TTL 300
example.com.              IN A   192.0.2.1
_dmarc.example.com.       IN TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:a@example.com"
mail.example.com.         IN A   192.0.2.2
strict.example.           IN A   192.0.2.10
_dmarc.strict.example.    IN TXT "v=DMARC1; p=reject; adkim=s; aspf=s"
mail.strict.example.      IN A   192.0.2.11
other.example.            IN A   192.0.2.20
pfx.example.              IN A   192.0.2.30
_dmarc.psdtld.            IN TXT "v=DMARC1; p=quarantine; psd=y"
child.psdtld.             IN A   192.0.2.40
orgn.example.             IN A   192.0.2.50
_dmarc.orgn.example.      IN TXT "v=DMARC1; p=none"
_dmarc.sub.orgn.example.  IN TXT "v=DMARC1; p=reject; psd=n"
a.sub.orgn.example.       IN A   192.0.2.52
_dmarc.testing.example.   IN TXT "v=DMARC1; p=reject; t=y; pct=50"
_dmarc.pct.example.       IN TXT "v=DMARC1; p=quarantine; pct=20; t=n"
_dmarc.two.example.       IN TXT "v=DMARC1; p=reject"
_dmarc.two.example.       IN TXT "v=DMARC1; p=none"
_dmarc.nop.example.       IN TXT "v=DMARC1; adkim=s"
_dmarc.badp.example.      IN TXT "v=DMARC1; p=block; rua=mailto:a@badp.example"
_dmarc.badpnorua.example. IN TXT "v=DMARC1; p=block"
_dmarc.mixed.example.     IN TXT "v=spf1 -all"
_dmarc.mixed.example.     IN TXT "v=DMARC1; p=quarantine"
l1.l2.l3.l4.l5.l6.l7.l8.l9.example.com. IN A 192.0.2.99
_dmarc.corp.example.      IN TXT "v=DMARC1; p=reject; sp=none"
_dmarc.mail.corp.example. IN TXT "v=DMARC1; p=quarantine"
x.mail.corp.example.      IN A   192.0.2.80
_dmarc.shop.co.uk.        IN TXT "v=DMARC1; p=reject"
_dmarc.co.uk.             IN TXT "v=DMARC1; p=none; psd=y"
_dmarc.loop.example.      IN CNAME _dmarc.loop.example.
loop.example.             IN A   192.0.2.90
)";

void compareRows(const QList<dmarc::AlignmentRow>& a, const QList<dmarc::AlignmentRow>& b)
{
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].identifier, b[i].identifier);
        QCOMPARE(a[i].domain, b[i].domain);
        QCOMPARE(a[i].selector, b[i].selector);
        QCOMPARE(a[i].authResult, b[i].authResult);
        QCOMPARE(a[i].strict, b[i].strict);
        QCOMPARE(a[i].aligned, b[i].aligned);
        QCOMPARE(a[i].counts, b[i].counts);
        QCOMPARE(a[i].tempError, b[i].tempError);
        QCOMPARE(a[i].reason, b[i].reason);
    }
}

void compareDiscovery(const dmarc::Discovery& a, const dmarc::Discovery& b)
{
    QCOMPARE(a.method, b.method);
    QCOMPARE(a.orgDomain, b.orgDomain);
    QCOMPARE(a.policyDomain, b.policyDomain);
    QCOMPARE(a.where, b.where);
    QCOMPARE(a.record.has_value(), b.record.has_value());
    if (a.record)
        QCOMPARE(a.record->text, b.record->text);
    QCOMPARE(a.tempError, b.tempError);
    QCOMPARE(a.severalRecords, b.severalRecords);
}

struct Sample {
    QString name;
    QString eml;
    QString zone;
    QDateTime time;
};

// Bundled samples (resources/samples/<name>/<name>.eml) and golden messages.
QList<Sample> messages()
{
    QList<Sample> out;
    auto add = [&](const QString& name, const QString& base) {
        Sample s;
        s.name = name;
        s.eml = base + QStringLiteral(".eml");
        s.zone = base + QStringLiteral(".zone");
        s.time = mstest::sampleTime(base);
        if (QFile::exists(s.eml) && QFile::exists(s.zone))
            out.append(s);
    };
    const QDir samples(mstest::samplesDir());
    for (const QString& d : samples.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        add(d, samples.filePath(d) + QLatin1Char('/') + d);
    const QDir golden(mstest::testDataDir() + QStringLiteral("/golden"));
    for (const QString& f : golden.entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name))
        add(f, golden.filePath(QFileInfo(f).completeBaseName()));
    return out;
}

// The checks write their JSON text directly, members in QJsonObject's order: the text must
// be exactly what QJsonDocument writes for the same value.
QByteArray canonical(const QByteArray& text)
{
    const QJsonDocument d = QJsonDocument::fromJson(text);
    return d.toJson(QJsonDocument::Compact);
}

} // namespace

class tst_ChecksSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spfSuiteWithoutExplanations_data()
    {
        QTest::addColumn<QJsonObject>("zonedata");
        QTest::addColumn<QJsonObject>("testcase");
        const QString dir = mstest::conformanceDir();
        if (dir.isEmpty())
            QSKIP("no conformance data: set MAILSCOPE_CONFORMANCE_DIR or provide "
                  "../shared/conformance");
        int rows = 0;
        for (const char* file : { "rfc7208-tests.yml", "rfc4408-tests.yml" }) {
            const QString path = dir + QStringLiteral("/spf/") + QLatin1String(file);
            if (!QFile::exists(path))
                continue;
            QString error;
            const QJsonArray docs = mstest::loadYamlDocuments(path, &error);
            if (docs.isEmpty())
                QFAIL(
                    qPrintable(error.isEmpty() ? QStringLiteral("%1 is empty").arg(path) : error));
            for (const mstest::SpfSuiteCase& c : mstest::spfSuiteCases(docs)) {
                QTest::newRow(qPrintable(
                    QLatin1String(file) + QLatin1Char('/') + c.scenario + QLatin1Char('/') + c.id))
                    << c.zonedata << c.testcase;
                ++rows;
            }
        }
        if (rows == 0)
            QSKIP("the conformance data has no SPF suite");
    }

    void spfSuiteWithoutExplanations()
    {
        // Both identities of every suite case: the same result, reason, explanation and
        // counters; the quiet evaluation has only its root step and no sources.
        QFETCH(QJsonObject, zonedata);
        QFETCH(QJsonObject, testcase);
        for (const auto identity :
            { spf::SpfRequest::Identity::MailFrom, spf::SpfRequest::Identity::Helo }) {
            spf::SpfRequest req = mstest::spfSuiteRequest(testcase);
            req.identity = identity;
            mstest::SpfSuiteResolver fullDns(zonedata), leanDns(zonedata);
            const spf::SpfEvaluation full = spf::evaluate(req, fullDns);
            req.explain = false;
            const spf::SpfEvaluation lean = spf::evaluate(req, leanDns);
            QCOMPARE(lean.result, full.result);
            QCOMPARE(lean.identity, full.identity);
            QCOMPARE(lean.domain, full.domain);
            QCOMPARE(lean.sender, full.sender);
            QCOMPARE(lean.clientIp, full.clientIp);
            QCOMPARE(lean.reason, full.reason);
            QCOMPARE(lean.explanation, full.explanation);
            QCOMPARE(lean.explanationFromRecord, full.explanationFromRecord);
            QCOMPARE(lean.inputProblem, full.inputProblem);
            QCOMPARE(lean.counters.dnsTerms, full.counters.dnsTerms);
            QCOMPARE(lean.counters.voidLookups, full.counters.voidLookups);
            QCOMPARE(lean.counters.maxMxNames, full.counters.maxMxNames);
            QCOMPARE(lean.counters.maxPtrNames, full.counters.maxPtrNames);
            QCOMPARE(lean.counters.queries, full.counters.queries);
            QCOMPARE(lean.step.status, full.step.status);
            QVERIFY(lean.step.title.isEmpty());
            QVERIFY(lean.step.facts.isEmpty());
            QVERIFY(lean.step.children.empty());
            QVERIFY(lean.sources.isEmpty());
            QVERIFY(!full.step.children.empty());
        }
    }

    void dmarcMatrixWithoutExplanations()
    {
        QStringList errors;
        const auto zone = dns::ZoneResolver::fromText(kDmarcZone, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        const QStringList authors = { QStringLiteral("example.com"),
            QStringLiteral("mail.example.com"), QStringLiteral("nx.example.com"),
            QStringLiteral("strict.example"), QStringLiteral("mail.strict.example"),
            QStringLiteral("pfx.example"), QStringLiteral("child.psdtld"),
            QStringLiteral("a.sub.orgn.example"), QStringLiteral("testing.example"),
            QStringLiteral("pct.example"), QStringLiteral("two.example"),
            QStringLiteral("nop.example"), QStringLiteral("badp.example"),
            QStringLiteral("badpnorua.example"), QStringLiteral("mixed.example"),
            QStringLiteral("l1.l2.l3.l4.l5.l6.l7.l8.l9.example.com"),
            QStringLiteral("x.mail.corp.example"), QStringLiteral("shop.co.uk"),
            QStringLiteral("www.shop.co.uk"), QStringLiteral("loop.example") };
        const QStringList domains = { QString(), QStringLiteral("example.com"),
            QStringLiteral("mail.example.com"), QStringLiteral("other.example"),
            QStringLiteral("mail.strict.example"), QStringLiteral("sub.orgn.example"),
            QStringLiteral("corp.example"), QStringLiteral("loop.example") };
        const QList<Status> statuses = { Status::Pass, Status::Fail, Status::SoftFail };
        int cases = 0;
        for (const QString& author : authors) {
            for (const int method : { 0, 1 }) {
                for (qsizetype i = 0; i < domains.size(); ++i) {
                    for (const Status st : statuses) {
                        dmarc::Inputs in;
                        if (i % 3 != 2) {
                            SpfOutcome spf;
                            spf.status = st;
                            spf.domain = domains[i];
                            in.spf = spf;
                        }
                        in.dkimEvaluated = i % 4 != 3;
                        if (in.dkimEvaluated) {
                            in.dkim.append({ st == Status::Pass ? Status::Fail : Status::Pass,
                                domains[(i + 3) % domains.size()], QStringLiteral("s1"),
                                QStringLiteral("rsa-sha256"), {}, {}, {}, false });
                            if (i % 2)
                                in.dkim.append({ st, author, QStringLiteral("s2"),
                                    QStringLiteral("ed25519-sha256"), {}, {}, {}, false });
                        }
                        const auto m = dmarc::Discovery::Method(method);
                        const dmarc::Evaluation full
                            = dmarc::evaluate(author, in, *zone, m, nullptr, true, true);
                        const dmarc::Evaluation lean
                            = dmarc::evaluate(author, in, *zone, m, nullptr, false, false);
                        const QString tag = QStringLiteral("%1 method %2 domain %3 status %4")
                                                .arg(author)
                                                .arg(method)
                                                .arg(domains[i], statusName(st));
                        QVERIFY2(lean.jsonText == full.jsonText,
                            qPrintable(tag + QStringLiteral(": ") + QString::fromUtf8(lean.jsonText)
                                + QStringLiteral(" vs ") + QString::fromUtf8(full.jsonText)));
                        QCOMPARE(QJsonDocument::fromJson(lean.jsonText).object(), full.json);
                        QVERIFY(lean.json.isEmpty());
                        QCOMPARE(lean.jsonText, canonical(lean.jsonText));
                        QCOMPARE(lean.result, full.result);
                        QCOMPARE(lean.reason, full.reason);
                        QCOMPARE(lean.policyTag, full.policyTag);
                        QCOMPARE(lean.policy, full.policy);
                        QCOMPARE(lean.disposition, full.disposition);
                        QCOMPARE(lean.authorExists, full.authorExists);
                        QCOMPARE(lean.differs, full.differs);
                        QCOMPARE(lean.otherResult, full.otherResult);
                        QCOMPARE(lean.otherPolicy, full.otherPolicy);
                        QCOMPARE(lean.otherPolicyTag, full.otherPolicyTag);
                        QCOMPARE(lean.other.has_value(), full.other.has_value());
                        if (full.other)
                            compareDiscovery(*lean.other, *full.other);
                        compareDiscovery(lean.discovery, full.discovery);
                        compareRows(lean.alignment, full.alignment);
                        compareRoot(lean.step, full.step);
                        QVERIFY(lean.step.children.empty());
                        QVERIFY(lean.sources.isEmpty());
                        ++cases;
                    }
                }
            }
        }
        QCOMPARE(cases, int(authors.size() * 2 * domains.size() * statuses.size()));
    }

    void verifierChecksForEveryMessage()
    {
        // Whole messages through the Verifier, full and lean: each check's status, summary,
        // JSON, outcomes and root step agree; lean SPF, DMARC and ARC keep no sub-steps and
        // no sources (ARC only without ARC fields, its common case in a batch).
        const QList<Sample> all = messages();
        QVERIFY2(all.size() >= 8, "bundled samples not found");
        int arcFree = 0, arcChains = 0, overrides = 0, spfEvaluated = 0, spfNotEvaluated = 0;
        QStringList sealers; // every ARC sealer seen: trusted in the second round
        for (int round = 0; round < 2; ++round) {
            for (const Sample& s : all) {
                const auto resolver = dns::ZoneResolver::fromFiles({ s.zone });
                VerifyOptions o;
                if (round == 1)
                    o.trustedArcSealers = sealers;
                o.timeMode = VerifyOptions::TimeMode::Fixed;
                o.fixedTime = s.time;
                o.parallelChecks = false;
                o.checks = QStringList { QStringLiteral("spf"), QStringLiteral("dkim"),
                    QStringLiteral("arc"), QStringLiteral("dmarc") };
                const Verifier full(o, resolver);
                Verifier lean(o, resolver);
                lean.setLean(true);
                const Message m = Message::parse(mstest::readFile(s.eml));
                const Report a = full.verify(m, s.name);
                const Report b = lean.verify(m, s.name);
                QCOMPARE(b.checks.size(), a.checks.size());
                for (qsizetype i = 0; i < a.checks.size(); ++i) {
                    const CheckResult& x = a.checks[i];
                    const CheckResult& y = b.checks[i];
                    const QByteArray what = (s.name + QLatin1Char('/') + x.name).toUtf8();
                    QVERIFY2(y.name == x.name, what.constData());
                    QVERIFY2(y.status == x.status, what.constData());
                    QVERIFY2(y.summary == x.summary, what.constData());
                    QVERIFY2(y.jsonValue() == x.jsonValue(), what.constData());
                    if (!y.jsonText.isEmpty())
                        QCOMPARE(y.jsonText, canonical(y.jsonText));
                    if (x.name == u"spf")
                        ++(y.jsonValue().toObject().value(QLatin1String("evaluated")).toBool()
                                ? spfEvaluated
                                : spfNotEvaluated);
                    QCOMPARE(y.outcomes.spf.has_value(), x.outcomes.spf.has_value());
                    if (x.outcomes.spf) {
                        QCOMPARE(y.outcomes.spf->status, x.outcomes.spf->status);
                        QCOMPARE(y.outcomes.spf->domain, x.outcomes.spf->domain);
                        QCOMPARE(y.outcomes.spf->reason, x.outcomes.spf->reason);
                        QCOMPARE(y.outcomes.spf->clientIp, x.outcomes.spf->clientIp);
                        QCOMPARE(y.outcomes.spf->identity, x.outcomes.spf->identity);
                    }
                    QCOMPARE(y.outcomes.dmarc.has_value(), x.outcomes.dmarc.has_value());
                    if (x.outcomes.dmarc) {
                        QCOMPARE(y.outcomes.dmarc->status, x.outcomes.dmarc->status);
                        QCOMPARE(y.outcomes.dmarc->policy, x.outcomes.dmarc->policy);
                        QCOMPARE(y.outcomes.dmarc->policyDomain, x.outcomes.dmarc->policyDomain);
                        QCOMPARE(y.outcomes.dmarc->disposition, x.outcomes.dmarc->disposition);
                        QCOMPARE(y.outcomes.dmarc->reason, x.outcomes.dmarc->reason);
                        QCOMPARE(
                            y.outcomes.dmarc->overriddenByArc, x.outcomes.dmarc->overriddenByArc);
                    }
                    QCOMPARE(y.outcomes.arc.has_value(), x.outcomes.arc.has_value());
                    if (x.outcomes.arc) {
                        sealers += x.outcomes.arc->sealers;
                        QCOMPARE(y.outcomes.arc->status, x.outcomes.arc->status);
                        QCOMPARE(y.outcomes.arc->instances, x.outcomes.arc->instances);
                        QCOMPARE(y.outcomes.arc->oldestPass, x.outcomes.arc->oldestPass);
                        QCOMPARE(y.outcomes.arc->reason, x.outcomes.arc->reason);
                        QCOMPARE(y.outcomes.arc->sealers, x.outcomes.arc->sealers);
                    }
                    compareRoot(y.step, x.step);
                    const bool noArc = x.name == u"arc" && x.outcomes.arc
                        && x.outcomes.arc->instances == 0 && x.status == Status::None;
                    if (x.name == u"arc")
                        ++(noArc ? arcFree : arcChains);
                    if (x.name == u"dmarc" && round == 1
                        && x.jsonValue().toObject().contains(QLatin1String("arc_override")))
                        ++overrides;
                    if (x.name == u"spf" || x.name == u"dmarc" || noArc) {
                        QVERIFY2(y.step.children.empty(), what.constData());
                        QVERIFY2(y.sources.isEmpty(), what.constData());
                        QVERIFY2(!x.step.children.empty(), what.constData());
                    }
                }
            }
        }
        QVERIFY(arcFree > 0);
        QVERIFY(arcChains > 0);
        QVERIFY(overrides > 0); // the ARC override path ran with trusted sealers
        QVERIFY(spfEvaluated > 0);
        QVERIFY(spfNotEvaluated > 0);
    }
};

QTEST_GUILESS_MAIN(tst_ChecksSummary)
#include "tst_checks_summary.moc"
