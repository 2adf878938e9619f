// The live resolver against a real authoritative server (NSD, started by the test on
// 127.0.0.1) and against sockets that never answer or are closed.
#include "common/DnsMisbehaving.h"
#include "common/NsdServer.h"
#include "common/TestUtil.h"
#include "dns/LiveResolver.h"
#include "dns/RecordCodec.h"
#include "dns/ZoneResolver.h"

#include <QElapsedTimer>
#include <QtTest>

#include <thread>

using namespace ms::dns;

Q_DECLARE_METATYPE(ms::dns::Outcome)
Q_DECLARE_METATYPE(ms::dns::Type)

class TstDnsLive : public QObject
{
    Q_OBJECT

private:
    mstest::NsdServer m_nsd;
    QByteArray m_liveZone;
    QByteArray m_otherZone;
    std::shared_ptr<ZoneResolver> m_zone;

    LiveOptions options(int ednsSize = 1232) const
    {
        LiveOptions o;
        o.servers = { m_nsd.server() };
        o.timeoutMs = 2000;
        o.retries = 1;
        o.recursionDesired = false;
        o.ednsBufferSize = ednsSize;
        return o;
    }

    static QByteArray bigTxt()
    {
        // 16 strings of 250 bytes: a 4,000-byte TXT record, more than any UDP buffer here.
        QByteArray line = "big IN TXT (";
        for (int i = 0; i < 16; ++i)
            line += " \"" + QByteArray(1, char('a' + i)) + QByteArray(249, 'x') + "\"";
        return line + " )\n";
    }

    static QByteArray manyTxt()
    {
        // 30 records: over 512 bytes, so without EDNS the UDP answer is truncated.
        QByteArray out;
        for (int i = 0; i < 30; ++i)
            out += "many IN TXT \"record number " + QByteArray::number(i).rightJustified(2, '0')
                + " of a long RRset\"\n";
        return out;
    }

private slots:
    void initTestCase()
    {
        if (mstest::NsdServer::nsdPath().isEmpty())
            QFAIL("nsd is not installed: install nsd (apt-get install nsd)");
        m_liveZone = mstest::readFile(mstest::testDataDir() + "/dns/live.test.zone") + bigTxt()
            + manyTxt();
        m_otherZone = mstest::readFile(mstest::testDataDir() + "/dns/other.test.zone");
        QVERIFY(!m_liveZone.isEmpty() && !m_otherZone.isEmpty());
        m_nsd.addZone("live.test", m_liveZone);
        m_nsd.addZone("other.test", m_otherZone);
        m_nsd.addMissingZone("broken.test");
        QString error;
        QVERIFY2(m_nsd.start(&error), qPrintable(error));

        m_zone = std::make_shared<ZoneResolver>();
        m_zone->addText(m_liveZone, "live.test.zone");
        m_zone->addText(m_otherZone, "other.test.zone");
        QVERIFY2(m_zone->errors().isEmpty(), qPrintable(m_zone->errors().join('\n')));
    }

    void cleanupTestCase() { m_nsd.stop(); }

    void answers_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<Type>("type");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("rcode");

        QTest::newRow("TXT at apex") << QByteArray("live.test") << Type::TXT << Outcome::Ok << 0;
        QTest::newRow("RFC 2308 2.1 NXDOMAIN")
            << QByteArray("nope.live.test") << Type::TXT << Outcome::NxDomain << 3;
        QTest::newRow("RFC 2308 2.2 NODATA")
            << QByteArray("mx1.live.test") << Type::TXT << Outcome::NoData << 0;
        QTest::newRow("empty non-terminal NODATA")
            << QByteArray("b.deep.live.test") << Type::A << Outcome::NoData << 0;
        QTest::newRow("multi-string TXT")
            << QByteArray("multi.live.test") << Type::TXT << Outcome::Ok << 0;
        QTest::newRow("A") << QByteArray("mx1.live.test") << Type::A << Outcome::Ok << 0;
        QTest::newRow("AAAA") << QByteArray("mx1.live.test") << Type::AAAA << Outcome::Ok << 0;
        QTest::newRow("MX") << QByteArray("live.test") << Type::MX << Outcome::Ok << 0;
        QTest::newRow("RFC 1034 3.6.2 CNAME in zone")
            << QByteArray("www.live.test") << Type::TXT << Outcome::Ok << 0;
        QTest::newRow("CNAME to another zone is chased")
            << QByteArray("ext.live.test") << Type::TXT << Outcome::Ok << 0;
        QTest::newRow("case-insensitive owner")
            << QByteArray("MIXED.Live.Test.") << Type::TXT << Outcome::Ok << 0;
        QTest::newRow("4 KB TXT") << QByteArray("big.live.test") << Type::TXT << Outcome::Ok << 0;
        QTest::newRow("30-record RRset")
            << QByteArray("many.live.test") << Type::TXT << Outcome::Ok << 0;
    }

    // Live answers from NSD equal the ZoneResolver's answers for the same zone text.
    void answers()
    {
        QFETCH(QByteArray, name);
        QFETCH(Type, type);
        QFETCH(Outcome, outcome);
        QFETCH(int, rcode);

        LiveResolver live(options());
        const Answer a = live.resolve(name, type);
        QVERIFY2(a.outcome == outcome,
            qPrintable(outcomeName(a.outcome) + QStringLiteral(": ") + a.error));
        QCOMPARE(a.rcode, rcode);
        QCOMPARE(a.server, m_nsd.server().toString());
        QVERIFY(!a.authenticData); // NSD does not validate

        const Answer z = m_zone->resolve(name, type);
        QCOMPARE(outcomeName(z.outcome), outcomeName(a.outcome));
        QCOMPARE(z.records.size(), a.records.size());
        for (int i = 0; i < a.records.size(); ++i) {
            QCOMPARE(a.records[i].name, z.records[i].name);
            QCOMPARE(a.records[i].type, z.records[i].type);
            QCOMPARE(a.records[i].ttl, z.records[i].ttl);
            QCOMPARE(a.records[i].presentation, z.records[i].presentation);
            QCOMPARE(a.records[i].rdata.toHex(), z.records[i].rdata.toHex());
            QCOMPARE(a.records[i].strings, z.records[i].strings);
        }
    }

    void multiStringTxt()
    {
        LiveResolver live(options());
        const Answer a = live.resolve("multi.live.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
        QCOMPARE(a.records.size(), 1);
        QCOMPARE(a.records[0].strings, (QList<QByteArray> { "first ", "second ", "third" }));
        QCOMPARE(a.records[0].text(), QByteArray("first second third"));
    }

    void truncationFallsBackToTcp_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<int>("edns");
        QTest::addColumn<int>("textSize");
        QTest::newRow("RFC 7766 5 4 KB TXT over EDNS 1232")
            << QByteArray("big.live.test") << 1232 << 4000;
        QTest::newRow("RFC 1035 4.2.1 no EDNS, 512-byte limit")
            << QByteArray("many.live.test") << 0 << -1;
    }

    void truncationFallsBackToTcp()
    {
        QFETCH(QByteArray, name);
        QFETCH(int, edns);
        QFETCH(int, textSize);
        LiveResolver live(options(edns));
        const Answer a = live.resolve(name, Type::TXT);
        QVERIFY2(a.outcome == Outcome::Ok, qPrintable(a.error));
        QVERIFY(a.viaTcp);
        if (textSize > 0)
            QCOMPARE(a.records.first().text().size(), textSize);
        else
            QCOMPARE(a.records.size(), 30);
        QCOMPARE(ms::dns::answerStep(a).fact("transport").left(3), QString("TCP"));

        // A big EDNS buffer takes the whole answer over UDP.
        LiveResolver wide(options(8192));
        const Answer w = wide.resolve(name, Type::TXT);
        QCOMPARE(w.outcome, Outcome::Ok);
        QVERIFY(!w.viaTcp);
        QCOMPARE(w.records.size(), a.records.size());
    }

    void truncatedWithoutTcpFallback()
    {
        LiveOptions o = options(0);
        o.tcpFallback = false;
        LiveResolver live(o);
        const Answer a = live.resolve("big.live.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Truncated);
        QVERIFY(a.error.contains("truncated"));
        QVERIFY(a.isTemporaryError());
    }

    void servfailForUnloadedZone()
    {
        LiveResolver live(options());
        const Answer a = live.resolve("anything.broken.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::ServFail);
        QCOMPARE(a.rcode, 2);
        QVERIFY(a.error.contains("SERVFAIL"));
        QCOMPARE(answerStep(a).status, ms::Status::TempError);
    }

    void refusedOutsideZones()
    {
        LiveResolver live(options());
        const Answer a = live.resolve("example.com", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Refused);
        QVERIFY(a.error.contains("REFUSED"));
    }

    void timeoutOnSilentSocket()
    {
        mstest::DnsBlackHole hole;
        QVERIFY(hole.port() != 0);
        LiveOptions o;
        o.servers = { hole.server() };
        o.timeoutMs = 300;
        o.retries = 1;
        LiveResolver live(o);
        QElapsedTimer t;
        t.start();
        const Answer a = live.resolve("live.test", Type::TXT);
        const qint64 ms = t.elapsed();
        QCOMPARE(a.outcome, Outcome::Timeout);
        QVERIFY2(ms >= 550 && ms < 3000, qPrintable(QString::number(ms)));
        QVERIFY(a.error.contains("no answer"));
        QVERIFY(a.elapsedUs >= 550'000);
        QCOMPARE(answerStep(a).fact("outcome"), QString("timeout"));
    }

    void unreachableOnClosedPort()
    {
        LiveOptions o;
        o.servers = { { QStringLiteral("127.0.0.1"), mstest::closedUdpPort() } };
        o.timeoutMs = 1000;
        o.retries = 0;
        LiveResolver live(o);
        QElapsedTimer t;
        t.start();
        const Answer a = live.resolve("live.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Unreachable);
        QVERIFY(!a.error.isEmpty());
        QVERIFY(t.elapsed() < 900); // ICMP port unreachable, not a timeout
    }

    void secondServerAnswersWhenFirstIsSilent()
    {
        mstest::DnsBlackHole hole;
        LiveOptions o = options();
        o.servers = { hole.server(), m_nsd.server() };
        o.timeoutMs = 300;
        LiveResolver live(o);
        const Answer a = live.resolve("live.test", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
        QCOMPARE(a.server, m_nsd.server().toString());
    }

    void ipv6Server()
    {
        // NSD listens on IPv4 only here; ::1 gives unreachable or a timeout, never a crash.
        LiveOptions o;
        o.servers = { *ServerAddress::parse(QStringLiteral("[::1]:%1").arg(m_nsd.port())) };
        o.timeoutMs = 300;
        o.retries = 0;
        LiveResolver live(o);
        const Answer a = live.resolve("live.test", Type::TXT);
        QVERIFY(a.outcome == Outcome::Unreachable || a.outcome == Outcome::Timeout);
        QCOMPARE(a.server.left(5), QString("[::1]"));
    }

    void serverAddressParsing()
    {
        QCOMPARE(ServerAddress::parse("192.0.2.1")->toString(), QString("192.0.2.1:53"));
        QCOMPARE(ServerAddress::parse("192.0.2.1:5353")->port, quint16(5353));
        QCOMPARE(ServerAddress::parse("::1")->toString(), QString("[::1]:53"));
        QCOMPARE(
            ServerAddress::parse("[2001:db8::1]:853")->toString(), QString("[2001:db8::1]:853"));
        QString err;
        QVERIFY(!ServerAddress::parse("dns.example.com", &err));
        QVERIFY(!err.isEmpty());
        QVERIFY(!ServerAddress::parse("1.2.3.4:0"));
        QVERIFY(!ServerAddress::parse("1.2.3.4:99999"));
        QVERIFY(!ServerAddress::parse("[::1"));
    }

    void resolvConf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("resolv.conf");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# comment\nsearch example.com\nnameserver 127.0.0.1\nnameserver ::1\n"
                "nameserver bogus\nnameserver 192.0.2.53\nnameserver 192.0.2.54\n");
        f.close();
        const auto servers = LiveResolver::readResolvConf(path);
        QCOMPARE(servers.size(), 3);
        QCOMPARE(servers[1].toString(), QString("[::1]:53"));
        QCOMPARE(servers[2].toString(), QString("192.0.2.53:53"));

        LiveOptions o;
        o.resolvConf = dir.filePath("missing");
        LiveResolver none(o);
        QVERIFY(none.servers().isEmpty());
        QVERIFY(!none.configError().isEmpty());
        const Answer a = none.resolve("example.com", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Unreachable);
        QCOMPARE(a.error, none.configError());
    }

    void concurrentQueries()
    {
        auto live = std::make_shared<LiveResolver>(options());
        std::atomic_int bad { 0 };
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([live, &bad] {
                for (int i = 0; i < 25; ++i) {
                    const Answer a
                        = live->resolve(i % 2 ? "multi.live.test" : "nope.live.test", Type::TXT);
                    if (a.outcome != (i % 2 ? Outcome::Ok : Outcome::NxDomain))
                        ++bad;
                }
            });
        }
        for (auto& th : threads)
            th.join();
        QCOMPARE(bad.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TstDnsLive)
#include "tst_dns_live.moc"
