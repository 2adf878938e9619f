// The orchestrator: resolver chain, evaluation time, envelope overrides, stage order,
// parallelism, cancellation, the time budget and a check that throws. Checks here are
// small test entries passed to Verifier's table constructor: a throwing or blocking check
// is not something a real protocol check can be made to do on purpose.
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "verify/Verifier.h"

#include <QMutex>
#include <QTest>
#include <QThread>

#include <stdexcept>

using namespace ms;

namespace {

const QByteArray kMessage = "Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n"
                            "\tby mx.example.net (Postfix) with ESMTPS id 4VsXk23Qz1\r\n"
                            "\tfor <carol@example.net>; Sat, 01 Jun 2024 11:59:45 +0000 (UTC)\r\n"
                            "Return-Path: <alice@example.com>\r\n"
                            "From: Alice <alice@example.com>\r\n"
                            "To: carol@example.net\r\n"
                            "Subject: hello\r\n"
                            "Date: Sat, 01 Jun 2024 11:59:40 +0000\r\n"
                            "\r\n"
                            "Hi.\r\n";

CheckEntry entry(const QString& name, int stage, CheckFunction f)
{
    return CheckEntry { name, stage, std::move(f) };
}

CheckResult simple(const QString& name, Status s)
{
    CheckResult r;
    r.name = name;
    r.status = s;
    r.summary = statusName(s);
    r.step = Step(name, s, name);
    return r;
}

dns::ResolverPtr zone()
{
    return dns::ZoneResolver::fromText("example.com. 3600 IN TXT \"v=spf1 -all\"\n");
}

VerifyOptions fixedOptions()
{
    VerifyOptions o;
    o.timeMode = VerifyOptions::TimeMode::Fixed;
    o.fixedTime = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
    return o;
}

} // namespace

class tst_Verifier : public QObject
{
    Q_OBJECT

private slots:
    void structureAndOrder()
    {
        const QList<CheckEntry> table = {
            // Listed out of report order on purpose: the report follows allCheckNames().
            entry(QStringLiteral("dmarc"), 2,
                [](const CheckContext& ctx) {
                    const bool sawSpf = ctx.earlier && ctx.earlier->spf
                        && ctx.earlier->spf->status == Status::Pass;
                    CheckResult r
                        = simple(QStringLiteral("dmarc"), sawSpf ? Status::Pass : Status::Fail);
                    DmarcOutcome d;
                    d.status = r.status;
                    d.fromDomain = QStringLiteral("example.com");
                    r.outcomes.dmarc = d;
                    return r;
                }),
            entry(QStringLiteral("spf"), 1,
                [](const CheckContext&) {
                    CheckResult r = simple(QStringLiteral("spf"), Status::Pass);
                    r.sources.append(Source { QStringLiteral("spf/1/record"),
                        QStringLiteral("record"), Source::Kind::Text, "v=spf1 -all" });
                    SpfOutcome o;
                    o.status = Status::Pass;
                    r.outcomes.spf = o;
                    return r;
                }),
            entry(QStringLiteral("dkim"), 1,
                [](const CheckContext&) -> CheckResult { throw std::runtime_error("boom"); }),
        };
        const Verifier v(fixedOptions(), zone(), table);
        const Report r = v.verify(Message::parse(kMessage), QStringLiteral("m.eml"));
        QCOMPARE(r.file, QStringLiteral("m.eml"));
        QCOMPARE(r.checks.size(), 3);
        QCOMPARE(r.checks[0].name, QStringLiteral("spf"));
        QCOMPARE(r.checks[1].name, QStringLiteral("dkim"));
        QCOMPARE(r.checks[2].name, QStringLiteral("dmarc"));
        // The throwing check became a permerror naming it; the others are unaffected.
        QCOMPARE(r.checks[1].status, Status::PermError);
        QVERIFY(r.checks[1].summary.contains(QLatin1String("internal error in dkim")));
        QVERIFY(r.checks[1].step.detail.contains(QLatin1String("boom")));
        QCOMPARE(r.checks[2].status, Status::Pass); // stage 2 saw stage 1
        QVERIFY(r.outcomes.dmarc && r.outcomes.spf);

        QCOMPARE(r.root.kind, QStringLiteral("report"));
        QCOMPARE(int(r.root.children.size()), 4);
        QCOMPARE(r.root.children[0].kind, QStringLiteral("message.parse"));
        QCOMPARE(r.root.children[1].kind, QStringLiteral("spf"));
        QCOMPARE(r.root.children[3].kind, QStringLiteral("dmarc"));
        QCOMPARE(r.root.status, Status::Pass); // the verdict: DMARC pass
        QCOMPARE(r.sources.first().id, QStringLiteral("message"));
        QVERIFY(r.source(QStringLiteral("spf/1/record")));
        QVERIFY(!r.source(QStringLiteral("original"))); // CRLF input: nothing normalized
        QVERIFY(r.check(QStringLiteral("dkim")));
        QVERIFY(!r.check(QStringLiteral("arc")));
    }

    void originalSourceWhenNormalized()
    {
        QByteArray lf = kMessage;
        lf.replace("\r\n", "\n");
        const Verifier v(fixedOptions(), zone(), {});
        const Report r = v.verify(Message::parse(lf), QString());
        QCOMPARE(r.sources.size(), 2);
        QCOMPARE(r.sources[0].id, QStringLiteral("message"));
        QCOMPARE(r.sources[1].id, QStringLiteral("original"));
        QCOMPARE(r.sources[1].bytes, lf);
    }

    void checksSubset()
    {
        VerifyOptions o = fixedOptions();
        o.checks = { QStringLiteral("dkim") };
        const QList<CheckEntry> table = {
            entry(QStringLiteral("spf"), 1,
                [](const CheckContext&) { return simple(QStringLiteral("spf"), Status::Pass); }),
            entry(QStringLiteral("dkim"), 1,
                [](const CheckContext&) { return simple(QStringLiteral("dkim"), Status::Fail); }),
        };
        const Report r = Verifier(o, zone(), table).verify(Message::parse(kMessage), QString());
        QCOMPARE(r.checks.size(), 1);
        QCOMPARE(r.checks[0].name, QStringLiteral("dkim"));
        QCOMPARE(r.root.children.size(), size_t(2));
    }

    // SPF is the envelope's only reader (RFC 7208 2.4): without it no guess is made and
    // no report format shows one.
    void envelopeOnlyWithSpf_data()
    {
        QTest::addColumn<QStringList>("checks");
        QTest::addColumn<bool>("hasEnvelope");
        QTest::newRow("all checks") << QStringList() << true;
        QTest::newRow("spf") << QStringList { QStringLiteral("spf") } << true;
        QTest::newRow("dkim only") << QStringList { QStringLiteral("dkim") } << false;
        QTest::newRow("dkim,dmarc")
            << QStringList { QStringLiteral("dkim"), QStringLiteral("dmarc") } << false;
    }
    void envelopeOnlyWithSpf()
    {
        QFETCH(QStringList, checks);
        QFETCH(bool, hasEnvelope);
        VerifyOptions o = fixedOptions();
        o.checks = checks;
        const Message m = Message::parse(kMessage);
        QVERIFY(!m.guessEnvelope().clientIp.value.isEmpty()); // there is something to guess
        const Report r = Verifier(o, zone()).verify(m, QStringLiteral("m.eml"));
        QCOMPARE(r.hasEnvelope, hasEnvelope);
        QCOMPARE(r.envelope.clientIp.value.isEmpty(), !hasEnvelope);
        QCOMPARE(toJson(r).contains(QStringLiteral("envelope")), hasEnvelope);
        QCOMPARE(toJsonLine(r).contains("\"envelope\":"), hasEnvelope);
        QCOMPARE(toText(r).contains(QStringLiteral("\nclient-ip: ")), hasEnvelope);
        QCOMPARE(toHtml(r).contains(QStringLiteral("Client IP")), hasEnvelope);
    }

    void envelopeOverrides()
    {
        VerifyOptions o = fixedOptions();
        o.clientIp = QStringLiteral("198.51.100.1");
        o.mailFrom = QStringLiteral("<>");
        QString seenIp, seenHelo;
        const QList<CheckEntry> table
            = { entry(QStringLiteral("spf"), 1, [&](const CheckContext& ctx) {
                  seenIp = ctx.envelope.clientIp.value;
                  seenHelo = ctx.envelope.helo.value;
                  return simple(QStringLiteral("spf"), Status::None);
              }) };
        const Message m = Message::parse(kMessage);
        const Report r = Verifier(o, zone(), table).verify(m, QString());
        QCOMPARE(seenIp, QStringLiteral("198.51.100.1"));
        QCOMPARE(r.envelope.clientIp.value, QStringLiteral("198.51.100.1"));
        QVERIFY(r.envelope.clientIp.overridden);
        QCOMPARE(r.envelope.clientIp.reason, QStringLiteral("given by the user"));
        QCOMPARE(r.envelope.mailFrom.value, QStringLiteral("<>"));
        QVERIFY(r.envelope.mailFrom.overridden);
        // Not overridden: whatever the message's guess says, unchanged.
        QCOMPARE(r.envelope.helo.value, m.guessEnvelope().helo.value);
        QCOMPARE(seenHelo, m.guessEnvelope().helo.value);
        QVERIFY(!r.envelope.helo.overridden);
    }

    void evaluationTime_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QDateTime>("expected"); // invalid = about now
        QTest::addColumn<bool>("noted");
        const QDateTime fixed(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
        QTest::newRow("fixed") << int(VerifyOptions::TimeMode::Fixed) << kMessage << fixed << false;
        QTest::newRow("message-date")
            << int(VerifyOptions::TimeMode::MessageDate) << kMessage
            << QDateTime(QDate(2024, 6, 1), QTime(11, 59, 40), Qt::UTC) << false;
        QByteArray noDate = kMessage;
        noDate.replace("Date: Sat, 01 Jun 2024 11:59:40 +0000\r\n", "");
        QTest::newRow("message-date-missing")
            << int(VerifyOptions::TimeMode::MessageDate) << noDate << QDateTime() << true;
        QByteArray badDate = kMessage;
        badDate.replace("Sat, 01 Jun 2024 11:59:40 +0000", "yesterday-ish");
        QTest::newRow("message-date-unreadable")
            << int(VerifyOptions::TimeMode::MessageDate) << badDate << QDateTime() << true;
        QTest::newRow("now") << int(VerifyOptions::TimeMode::Now) << kMessage << QDateTime()
                             << false;
    }

    void evaluationTime()
    {
        QFETCH(int, mode);
        QFETCH(QByteArray, message);
        QFETCH(QDateTime, expected);
        QFETCH(bool, noted);
        VerifyOptions o = fixedOptions();
        o.timeMode = VerifyOptions::TimeMode(mode);
        QDateTime seen;
        const QList<CheckEntry> table
            = { entry(QStringLiteral("dkim"), 1, [&](const CheckContext& ctx) {
                  seen = ctx.evaluationTime;
                  return simple(QStringLiteral("dkim"), Status::None);
              }) };
        const Report r = Verifier(o, zone(), table).verify(Message::parse(message), QString());
        QCOMPARE(seen, r.evaluationTime);
        QCOMPARE(r.evaluationTime.timeSpec(), Qt::UTC);
        if (expected.isValid())
            QCOMPARE(r.evaluationTime, expected);
        else
            QVERIFY(qAbs(r.evaluationTime.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(!r.root.detail.isEmpty(), noted);
    }

    void dnsTranscript()
    {
        const QList<CheckEntry> table
            = { entry(QStringLiteral("spf"), 1, [](const CheckContext& ctx) {
                  CheckResult r = simple(QStringLiteral("spf"), Status::Fail);
                  const dns::Answer a = ctx.dns.resolve("example.com", dns::Type::TXT);
                  const dns::Answer b = ctx.dns.resolve("nowhere.example", dns::Type::TXT);
                  r.step.add(dns::answerStep(a));
                  r.step.add(dns::answerStep(b));
                  return r;
              }) };
        const Report r
            = Verifier(fixedOptions(), zone(), table).verify(Message::parse(kMessage), QString());
        QCOMPARE(r.dns.size(), 2);
        QCOMPARE(r.dns[0].qname, QByteArray("example.com"));
        QCOMPARE(r.dns[0].outcome, dns::Outcome::Ok);
        QCOMPARE(r.dns[0].transcriptIndex, 0);
        QCOMPARE(r.dns[1].outcome, dns::Outcome::NxDomain);
        QVERIFY(r.source(QStringLiteral("dns/0")));
        QVERIFY(!r.cancelled);
    }

    void parallelStageOne()
    {
        // Both checks wait for each other: only concurrent execution lets both see 2.
        std::atomic_int arrived { 0 };
        auto meet = [&](const QString& name) {
            return entry(name, 1, [&arrived, name](const CheckContext&) {
                ++arrived;
                QDeadlineTimer t(5000);
                while (arrived.load() < 2 && !t.hasExpired())
                    QThread::msleep(1);
                return simple(name, arrived.load() >= 2 ? Status::Pass : Status::Fail);
            });
        };
        VerifyOptions o = fixedOptions();
        o.parallelChecks = true;
        const Report r
            = Verifier(o, zone(), { meet(QStringLiteral("spf")), meet(QStringLiteral("dkim")) })
                  .verify(Message::parse(kMessage), QString());
        QCOMPARE(r.checks[0].status, Status::Pass);
        QCOMPARE(r.checks[1].status, Status::Pass);
    }

    void sequentialInBatchMode()
    {
        // Batch mode: the caller's thread runs every check (its pool already has the cores).
        QList<QThread*> threads;
        QMutex m;
        auto rec = [&](const QString& name) {
            return entry(name, 1, [&, name](const CheckContext&) {
                QMutexLocker l(&m);
                threads << QThread::currentThread();
                return simple(name, Status::Pass);
            });
        };
        VerifyOptions o = fixedOptions();
        o.parallelChecks = false;
        Verifier(o, zone(),
            { rec(QStringLiteral("spf")), rec(QStringLiteral("dkim")), rec(QStringLiteral("arc")) })
            .verify(Message::parse(kMessage), QString());
        QCOMPARE(threads.size(), 3);
        for (QThread* t : threads)
            QCOMPARE(t, QThread::currentThread());
    }

    void progressReported()
    {
        QList<int> done;
        QMutex m;
        const QList<CheckEntry> table = {
            entry(QStringLiteral("spf"), 1,
                [](const CheckContext&) { return simple(QStringLiteral("spf"), Status::Pass); }),
            entry(QStringLiteral("dkim"), 1,
                [](const CheckContext&) { return simple(QStringLiteral("dkim"), Status::Pass); }),
            entry(QStringLiteral("dmarc"), 2,
                [](const CheckContext&) { return simple(QStringLiteral("dmarc"), Status::Pass); }),
        };
        Verifier(fixedOptions(), zone(), table)
            .verify(Message::parse(kMessage), QString(), nullptr,
                [&](int n, int total, const QString&) {
                    QMutexLocker l(&m);
                    QCOMPARE(total, 3);
                    done << n;
                });
        std::sort(done.begin(), done.end());
        QCOMPARE(done, (QList<int> { 1, 2, 3 }));
    }

    void cancelledBeforeStart()
    {
        std::atomic_bool cancel { true };
        bool ran = false;
        const QList<CheckEntry> table = { entry(QStringLiteral("spf"), 1, [&](const CheckContext&) {
            ran = true;
            return simple(QStringLiteral("spf"), Status::Pass);
        }) };
        const Report r = Verifier(fixedOptions(), zone(), table)
                             .verify(Message::parse(kMessage), QString(), &cancel);
        QVERIFY(!ran);
        QVERIFY(r.cancelled);
        QCOMPARE(r.checks.size(), 1);
        QCOMPARE(r.checks[0].status, Status::TempError);
        QCOMPARE(r.root.status, Status::TempError);
    }

    void timeBudget()
    {
        VerifyOptions o = fixedOptions();
        o.timeBudgetMs = 5;
        dns::Answer seen;
        const QList<CheckEntry> table
            = { entry(QStringLiteral("spf"), 1, [&](const CheckContext& ctx) {
                  QThread::msleep(30);
                  seen = ctx.dns.resolve("example.com", dns::Type::TXT);
                  return simple(QStringLiteral("spf"), Status::TempError);
              }) };
        const Report r = Verifier(o, zone(), table).verify(Message::parse(kMessage), QString());
        QCOMPARE(seen.outcome, dns::Outcome::Cancelled);
        QVERIFY2(seen.error.contains(QLatin1String("time budget")), qPrintable(seen.error));
        QVERIFY(r.cancelled);
        QCOMPARE(r.dns.size(), 1); // the refused query is still in the transcript
    }

    void realChecksOnSample()
    {
        // The product's own check table on a real sample: whatever is implemented runs,
        // nothing crashes, and the tree has one child per check after the message.
        const QString dir = QStringLiteral(MAILSCOPE_SAMPLES_DIR) + QStringLiteral("/good/");
        QFile f(dir + QStringLiteral("good.eml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto resolver = dns::ZoneResolver::fromFiles({ dir + QStringLiteral("good.zone") });
        const Report r
            = Verifier(fixedOptions(), resolver).verify(Message::parse(f.readAll()), QString());
        QCOMPARE(qsizetype(r.root.children.size()), r.checks.size() + 1);
        for (const CheckResult& c : r.checks)
            QVERIFY2(c.status != Status::PermError
                    || !c.summary.contains(QLatin1String("internal error")),
                qPrintable(c.summary));
    }

    void leanReportSameResults()
    {
        // A lean report (batch output without a step tree) leaves out the message's parse
        // step, the root's facts and the root's copies of the checks' steps, and nothing
        // else: same checks (each with its step), statuses, summaries, JSON, outcomes and
        // DNS transcript as the full report.
        const QString dir = QStringLiteral(MAILSCOPE_SAMPLES_DIR) + QStringLiteral("/good/");
        QFile f(dir + QStringLiteral("good.eml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Message m = Message::parse(f.readAll());
        const auto resolver = dns::ZoneResolver::fromFiles({ dir + QStringLiteral("good.zone") });
        const Verifier full(fixedOptions(), resolver);
        Verifier lean(fixedOptions(), resolver);
        QVERIFY(!lean.lean());
        lean.setLean(true);
        QVERIFY(lean.lean());
        const Report a = full.verify(m, QStringLiteral("good.eml"));
        const Report b = lean.verify(m, QStringLiteral("good.eml"));
        QVERIFY(a.checks.size() >= 2);
        QCOMPARE(b.checks.size(), a.checks.size());
        for (qsizetype i = 0; i < a.checks.size(); ++i) {
            QCOMPARE(b.checks[i].name, a.checks[i].name);
            QCOMPARE(b.checks[i].status, a.checks[i].status);
            QCOMPARE(b.checks[i].summary, a.checks[i].summary);
            QCOMPARE(b.checks[i].jsonValue(), a.checks[i].jsonValue());
        }
        QCOMPARE(b.root.status, a.root.status);
        QCOMPARE(b.dns.size(), a.dns.size());
        QCOMPARE(b.envelope.clientIp.value, a.envelope.clientIp.value);
        QCOMPARE(a.root.children.front().kind, QStringLiteral("message.parse"));
        QCOMPARE(qsizetype(a.root.children.size()), a.checks.size() + 1);
        QVERIFY(b.root.children.empty());
        for (qsizetype i = 0; i < a.checks.size(); ++i) {
            QCOMPARE(b.checks[i].step.kind, a.checks[i].step.kind);
            QCOMPARE(b.checks[i].step.status, a.checks[i].step.status);
        }
        QVERIFY(!a.root.facts.isEmpty());
        QVERIFY(b.root.facts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Verifier)
#include "tst_verifier.moc"
