// The same SPF policies evaluated live against a real DNS server (NSD, tests/common/
// NsdServer) and offline from the zone file: the step trees must be the same, apart from
// the facts that belong to the transport (server, TTL, AD flag, timings, transcript index).

#include "common/NsdServer.h"
#include "common/SpfTestUtil.h"
#include "common/TestUtil.h"
#include "dns/LiveResolver.h"
#include "dns/ZoneResolver.h"
#include "spf/Spf.h"

#include <QTest>

using namespace ms;

class TestSpfLive : public QObject
{
    Q_OBJECT

private:
    mstest::NsdServer m_nsd;
    std::shared_ptr<dns::ZoneResolver> m_zone;
    std::unique_ptr<dns::LiveResolver> m_live;

private slots:
    void initTestCase()
    {
        if (mstest::NsdServer::nsdPath().isEmpty())
            QFAIL("nsd is not installed: install nsd (apt-get install nsd)");
        const QByteArray zone = mstest::readFile(mstest::testDataDir() + "/spf/policy.test.zone");
        const QByteArray reverse
            = mstest::readFile(mstest::testDataDir() + "/spf/2.0.192.in-addr.arpa.zone");
        QVERIFY(!zone.isEmpty() && !reverse.isEmpty());
        m_nsd.addZone("policy.test", zone);
        m_nsd.addZone("2.0.192.in-addr.arpa", reverse);
        QString error;
        QVERIFY2(m_nsd.start(&error), qPrintable(error));
        QStringList errors;
        m_zone = dns::ZoneResolver::fromText(zone + reverse, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        dns::LiveOptions o;
        o.servers = { m_nsd.server() };
        o.recursionDesired = false;
        o.timeoutMs = 2000;
        m_live = std::make_unique<dns::LiveResolver>(o);
    }

    void cleanupTestCase() { m_nsd.stop(); }

    void sameTree_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("mailFrom");
        QTest::addColumn<QString>("helo");
        QTest::addColumn<QString>("expected");
        const QString helo = QStringLiteral("mail.policy.test");
        QTest::newRow("RFC 7208 5.6 ip4") << "192.0.2.5"
                                          << "a@policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 5.3 a through a CNAME") << "203.0.113.7"
                                                        << "a@policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 5.4 mx second host") << "198.51.100.11"
                                                     << "a@policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 5.4 mx IPv6") << "2001:db8::10"
                                              << "a@policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 5.2 include, 6.1 redirect") << "203.0.113.200"
                                                            << "a@policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 5.2 include ip6") << "2001:db8:feed::1"
                                                  << "a@policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 5.7 exists with %{ir}") << "198.51.9.9"
                                                        << "a@policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 4.7 softfail") << "192.0.2.200"
                                               << "a@policy.test" << helo << "softfail";
        QTest::newRow("RFC 7208 6.2 fail with exp") << "192.0.2.200"
                                                    << "Bob@strict.policy.test" << helo << "fail";
        QTest::newRow("RFC 7208 5.5 ptr validated") << "192.0.2.25"
                                                    << "Bob@strict.policy.test" << helo << "pass";
        QTest::newRow("RFC 7208 4.5 two records") << "192.0.2.5"
                                                  << "a@multi.policy.test" << helo << "permerror";
        QTest::newRow("RFC 7208 4.6.4 void lookups") << "192.0.2.5"
                                                     << "a@void.policy.test" << helo << "permerror";
        QTest::newRow("RFC 7208 4.3 NXDOMAIN") << "192.0.2.5"
                                               << "a@nx.policy.test" << helo << "none";
        QTest::newRow("RFC 7208 2.4 null MAIL FROM") << "192.0.2.25"
                                                     << "" << helo << "pass";
    }

    void sameTree()
    {
        QFETCH(QString, ip);
        QFETCH(QString, mailFrom);
        QFETCH(QString, helo);
        QFETCH(QString, expected);
        spf::SpfRequest req;
        req.ip = ip;
        req.mailFrom = mailFrom;
        req.helo = helo;
        req.receiver = QStringLiteral("mx.receiver.example");
        req.now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        const spf::SpfEvaluation live = spf::evaluate(req, *m_live);
        const spf::SpfEvaluation offline = spf::evaluate(req, *m_zone);
        QCOMPARE(statusName(offline.result), expected);
        QCOMPARE(statusName(live.result), expected);
        QCOMPARE(live.explanation, offline.explanation);
        QCOMPARE(live.counters.queries, offline.counters.queries);
        const QString a = mstest::spfTreeText(live.step);
        const QString b = mstest::spfTreeText(offline.step);
        if (a != b) {
            const QStringList la = a.split(u'\n'), lb = b.split(u'\n');
            for (int i = 0; i < std::max(la.size(), lb.size()); ++i) {
                if (la.value(i) != lb.value(i)) {
                    QFAIL(
                        qPrintable(QStringLiteral("trees differ at line %1:\n live: %2\n zone: %3")
                                       .arg(i + 1)
                                       .arg(la.value(i), lb.value(i))));
                }
            }
        }
        QCOMPARE(live.sources.size(), offline.sources.size());
        for (int i = 0; i < live.sources.size(); ++i) {
            QCOMPARE(live.sources[i].id, offline.sources[i].id);
            QCOMPARE(live.sources[i].bytes, offline.sources[i].bytes);
        }
    }
};

QTEST_GUILESS_MAIN(TestSpfLive)
#include "tst_spf_live.moc"
