// Hostile DNS: a deliberately misbehaving server on 127.0.0.1 (tests/common/DnsMisbehaving)
// and hostile zone text. Every case ends with the right outcome, a clear error, in bounded
// time, without a crash.
#include "common/DnsMisbehaving.h"
#include "dns/LiveResolver.h"
#include "dns/RecordCodec.h"
#include "dns/Resolvers.h"
#include "dns/ZoneResolver.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

#include <ctime>

using namespace ms::dns;

Q_DECLARE_METATYPE(ms::dns::Outcome)

namespace {
// Parsing bounds are CPU bounds: wall time on a loaded machine (or under ASan) says nothing.
qint64 cpuMs()
{
    return qint64(std::clock()) * 1000 / CLOCKS_PER_SEC;
}
} // namespace

class TstDnsHostile : public QObject
{
    Q_OBJECT

private:
    mstest::DnsMisbehaving m_server { true };
    mstest::DnsMisbehaving m_noTcp { false };
    static constexpr int kTimeoutMs = 400;

    LiveOptions options(const ServerAddress& s, int timeoutMs = kTimeoutMs) const
    {
        LiveOptions o;
        o.servers = { s };
        o.timeoutMs = timeoutMs;
        o.retries = 0;
        return o;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_noTcp.start(&error), qPrintable(error));
    }

    void misbehaviour_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QString>("errorPart");
        QTest::addColumn<int>("records");

        QTest::newRow("RFC 1035 4.1.1 REFUSED")
            << QByteArray("refused.bad.test") << Outcome::Refused << "REFUSED" << 0;
        QTest::newRow("RFC 1035 4.1.1 SERVFAIL")
            << QByteArray("servfail.bad.test") << Outcome::ServFail << "SERVFAIL" << 0;
        QTest::newRow("NOTIMP") << QByteArray("notimp.bad.test") << Outcome::ServFail << "NOTIMP"
                                << 0;
        QTest::newRow("RFC 6891 6.2.2 FORMERR without OPT, retried without EDNS")
            << QByteArray("formerr.bad.test") << Outcome::FormErr << "FORMERR" << 0;
        QTest::newRow("RFC 5452 wrong ID")
            << QByteArray("wrongid.bad.test") << Outcome::Malformed << "wrong ID" << 0;
        QTest::newRow("RFC 5452 wrong question name")
            << QByteArray("wrongname.bad.test") << Outcome::Malformed << "different question" << 0;
        QTest::newRow("wrong question type")
            << QByteArray("wrongtype.bad.test") << Outcome::Malformed << "different question" << 0;
        QTest::newRow("QR bit clear")
            << QByteArray("notresponse.bad.test") << Outcome::Malformed << "QR bit" << 0;
        QTest::newRow("garbage after a valid ID")
            << QByteArray("garbage.bad.test") << Outcome::Malformed << "does not parse" << 0;
        QTest::newRow("5-byte answer") << QByteArray("short.bad.test") << Outcome::Malformed
                                       << "shorter than a DNS header" << 0;
        QTest::newRow("silent server")
            << QByteArray("silent.bad.test") << Outcome::Timeout << "no answer" << 0;
        QTest::newRow("slow server")
            << QByteArray("slow.bad.test") << Outcome::Timeout << "no answer" << 0;
        QTest::newRow("RFC 5452 spoofed answer first, genuine second")
            << QByteArray("spoof.bad.test") << Outcome::Ok << "" << 1;
        QTest::newRow("RFC 5452 records for other owners ignored")
            << QByteArray("injected.bad.test") << Outcome::Ok << "" << 1;
        QTest::newRow("RFC 1034 3.6.2 CNAME loop")
            << QByteArray("loop.bad.test") << Outcome::ServFail << "CNAME loop" << 2;
        QTest::newRow("40-link CNAME chain") << QByteArray("chain.bad.test") << Outcome::ServFail
                                             << "CNAME chain longer" << kMaxCnameChain;
        QTest::newRow("CNAME without target data is chased")
            << QByteArray("chase.bad.test") << Outcome::Ok << "" << 2;
        QTest::newRow("RFC 7766 truncated, TCP closes without answer")
            << QByteArray("truncated.bad.test") << Outcome::Truncated << "TCP failed" << 0;
        QTest::newRow("RFC 7766 huge answer over TCP")
            << QByteArray("huge.bad.test") << Outcome::Ok << "" << 240;
        QTest::newRow("4000-byte UDP answer")
            << QByteArray("bigudp.bad.test") << Outcome::Ok << "" << 1;
    }

    void misbehaviour()
    {
        QFETCH(QByteArray, name);
        QFETCH(Outcome, outcome);
        QFETCH(QString, errorPart);
        QFETCH(int, records);

        LiveResolver live(options(m_server.server()));
        QElapsedTimer t;
        t.start();
        const Answer a = live.resolve(name, Type::TXT);
        const qint64 ms = t.elapsed();
        QVERIFY2(a.outcome == outcome,
            qPrintable(outcomeName(a.outcome) + QStringLiteral(": ") + a.error));
        if (!errorPart.isEmpty())
            QVERIFY2(a.error.contains(errorPart), qPrintable(a.error));
        else
            QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QCOMPARE(a.records.size(), records);
        // Bounded: at most two exchanges (EDNS fallback, or UDP then TCP) plus slack.
        QVERIFY2(ms < 2 * kTimeoutMs + 1000, qPrintable(QString::number(ms)));
        QCOMPARE(a.server, m_server.server().toString());
        const ms::Step s = answerStep(a);
        QCOMPARE(s.fact("outcome"), outcomeName(outcome));
        if (!errorPart.isEmpty())
            QVERIFY(s.fact("error").contains(errorPart));
        for (const auto& r : a.records) {
            QVERIFY(!r.text().contains("spoofed"));
            QVERIFY(!r.text().contains("injected"));
        }
    }

    void hugeAnswerContent()
    {
        LiveResolver live(options(m_server.server()));
        const Answer a = live.resolve("huge.bad.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
        QVERIFY(a.viaTcp);
        QCOMPARE(a.records.first().text().size(), 245);
        const Answer b = live.resolve("bigudp.bad.test", Type::TXT);
        QVERIFY(!b.viaTcp);
        QCOMPARE(b.records.first().text(), QByteArray(4000, 'b'));
        QCOMPARE(b.records.first().strings.size(), 16);
    }

    void chaseFollowsThroughSecondQuery()
    {
        LiveResolver live(options(m_server.server()));
        const Answer a = live.resolve("chase.bad.test", Type::TXT);
        QCOMPARE(a.records[0].type, Type::CNAME);
        QCOMPARE(a.records[1].text(), QByteArray("ok target.bad.test"));
        QCOMPARE(a.qname, QByteArray("chase.bad.test"));
    }

    void truncatedWithoutTcpListener()
    {
        LiveResolver live(options(m_noTcp.server()));
        QElapsedTimer t;
        t.start();
        const Answer a = live.resolve("truncated.bad.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Truncated);
        QVERIFY2(a.error.contains("TCP"), qPrintable(a.error));
        QVERIFY(a.isTemporaryError());
        QVERIFY(t.elapsed() < kTimeoutMs + 1000);
    }

    void slowServerWithinTimeout()
    {
        LiveResolver live(options(m_server.server(), 2000));
        const Answer a = live.resolve("slow.bad.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
    }

    void retriesAreBounded()
    {
        LiveOptions o = options(m_server.server(), 200);
        o.retries = 2;
        LiveResolver live(o);
        const int before = m_server.udpQueries();
        QElapsedTimer t;
        t.start();
        const Answer a = live.resolve("silent.bad.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Timeout);
        QVERIFY(t.elapsed() >= 550 && t.elapsed() < 2000);
        QCOMPARE(m_server.udpQueries() - before, 3);
    }

    void formerrRetriesWithoutEdns()
    {
        LiveResolver live(options(m_server.server()));
        const int before = m_server.udpQueries();
        QCOMPARE(live.resolve("formerr.bad.test", Type::TXT).outcome, Outcome::FormErr);
        QCOMPARE(m_server.udpQueries() - before, 2);
        LiveOptions plain = options(m_server.server());
        plain.ednsBufferSize = 0;
        LiveResolver noEdns(plain);
        const int before2 = m_server.udpQueries();
        QCOMPARE(noEdns.resolve("formerr.bad.test", Type::TXT).outcome, Outcome::FormErr);
        QCOMPARE(m_server.udpQueries() - before2, 1);
    }

    void queryFlags_data()
    {
        QTest::addColumn<int>("edns");
        QTest::addColumn<bool>("dnssecOk");
        QTest::addColumn<bool>("rd");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("RFC 6891 default EDNS 1232")
            << 1232 << false << true << QByteArray("rd=1 ad=1 edns=1232 do=0");
        QTest::newRow("RFC 3225 DO bit")
            << 4096 << true << true << QByteArray("rd=1 ad=1 edns=4096 do=1");
        QTest::newRow("no EDNS, no recursion")
            << 0 << false << false << QByteArray("rd=0 ad=1 edns=0 do=0");
    }

    void queryFlags()
    {
        QFETCH(int, edns);
        QFETCH(bool, dnssecOk);
        QFETCH(bool, rd);
        QFETCH(QByteArray, expected);
        LiveOptions o = options(m_server.server());
        o.ednsBufferSize = edns;
        o.dnssecOk = dnssecOk;
        o.recursionDesired = rd;
        LiveResolver live(o);
        const Answer a = live.resolve("echo.bad.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
        QCOMPARE(a.records.first().text(), expected);
        QVERIFY(!a.authenticData);
    }

    void adFlagReported()
    {
        LiveResolver live(options(m_server.server()));
        const Answer a = live.resolve("ad.bad.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
        QVERIFY(a.authenticData);
        QCOMPARE(answerStep(a).fact("ad"), QString("yes"));
    }

    void fixtureAnswersNormally()
    {
        LiveResolver live(options(m_server.server()));
        const Answer a = live.resolve("hello.bad.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
        QCOMPARE(a.records.first().text(), QByteArray("ok hello.bad.test"));
        QCOMPARE(live.resolve("hello.bad.test", Type::A).outcome, Outcome::NoData);
    }

    void garbageZoneText()
    {
        QByteArray junk(1 << 20, Qt::Uninitialized);
        auto* gen = QRandomGenerator::global();
        for (auto& c : junk)
            c = char(gen->generate() & 0xff);
        const qint64 cpuStart = cpuMs();
        QStringList errors;
        const QList<Record> recs = ZoneResolver::parse(junk, "junk", {}, &errors);
        QVERIFY(cpuMs() - cpuStart < 20000);
        QVERIFY(!errors.isEmpty());
        QVERIFY(errors.size() <= 201);
        Q_UNUSED(recs);
    }

    void hugeZoneText()
    {
        QByteArray text = "$ORIGIN big.test.\n";
        for (int i = 0; i < 50000; ++i)
            text += "h" + QByteArray::number(i) + " IN A 192.0.2." + QByteArray::number(i % 250)
                + "\n";
        const qint64 cpuStart = cpuMs();
        QStringList errors;
        auto z = ZoneResolver::fromText(text, &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(z->recordCount(), 50000);
        QCOMPARE(z->resolve("h49999.big.test", Type::A).outcome, Outcome::Ok);
        QVERIFY(cpuMs() - cpuStart < 30000);
    }

    // Names no resolver may send (RFC 1035 2.3.4 limits, empty labels, spaces, control
    // bytes): every resolver answers Malformed without asking, and keeps a bounded,
    // lower-cased qname so the transcript still shows what was wanted.
    void hostileNames()
    {
        std::shared_ptr<ZoneResolver> z = ZoneResolver::fromText("x.test. IN TXT \"x\"\n");
        auto live = std::make_shared<LiveResolver>(options(m_server.server()));
        auto overlay = std::make_shared<OverlayResolver>(z);
        for (const QByteArray& n : { QByteArray(), QByteArray("."), QByteArray(".."),
                 QByteArray(300, 'A'), QByteArray("a\nb.test"), QByteArray("a b.test"),
                 QByteArray("\0x.test", 7), QByteArray(64, 'l') + ".test" }) {
            for (const ResolverPtr& r :
                { ResolverPtr(z), ResolverPtr(live), ResolverPtr(overlay) }) {
                const Answer a = r->resolve(n, Type::TXT);
                QCOMPARE(a.outcome, Outcome::Malformed);
                QVERIFY2(a.error.startsWith("not asked"), qPrintable(r->describe()));
                QVERIFY(a.records.isEmpty());
                QVERIFY(a.qname.size() <= kMaxNameLength + 2);
                QCOMPARE(a.qname, a.qname.toLower());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstDnsHostile)
#include "tst_dns_hostile.moc"
