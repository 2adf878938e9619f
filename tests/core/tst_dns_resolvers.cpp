// Overlay ("what if"), cache, offline mode and the time budget.
#include "common/DnsMisbehaving.h"
#include "dns/LiveResolver.h"
#include "dns/Recorder.h"
#include "dns/Resolvers.h"
#include "dns/ZoneResolver.h"

#include <QElapsedTimer>
#include <QtTest>

#include <thread>

using namespace ms::dns;

namespace {
const QByteArray kZone = R"($ORIGIN example.com.
$TTL 300
@        IN TXT   "v=spf1 -all"
@        IN MX    10 mx
mx       IN A     192.0.2.1
www      IN CNAME example.com.
sel._domainkey IN TXT "v=DKIM1; p=old"
)";

// Counts the queries that reach it.
class CountingResolver : public Resolver
{
public:
    explicit CountingResolver(ResolverPtr inner)
        : m_inner(std::move(inner))
    {
    }
    Answer resolve(const QByteArray& name, Type type) override
    {
        ++count;
        return m_inner->resolve(name, type);
    }
    QString describe() const override { return QStringLiteral("counting"); }
    std::atomic_int count { 0 };

private:
    ResolverPtr m_inner;
};

// A live resolver asking a server that never answers: 5 s a try, 3 tries.
ResolverPtr slowResolver(const mstest::DnsBlackHole& hole)
{
    LiveOptions lo;
    lo.servers = { hole.server() };
    lo.timeoutMs = 5000;
    lo.retries = 2;
    return std::make_shared<LiveResolver>(lo);
}

} // namespace

class TstDnsResolvers : public QObject
{
    Q_OBJECT

private slots:
    void overlayReplacesAndRemoves()
    {
        auto base = ZoneResolver::fromText(kZone);
        OverlayResolver o(base);
        QVERIFY(o.isEmpty());
        QCOMPARE(o.resolve("sel._domainkey.example.com", Type::TXT).records.first().text(),
            QByteArray("v=DKIM1; p=old"));

        QStringList errors;
        QVERIFY(o.setRecords("sel._domainkey.example.com. IN TXT \"v=DKIM1; p=new\"\n"
                             "new.example.com. 60 IN TXT \"added\" \n",
            &errors));
        QVERIFY(errors.isEmpty());
        Answer a = o.resolve("SEL._domainkey.example.com", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Ok);
        QCOMPARE(a.records.size(), 1);
        QCOMPARE(a.records.first().text(), QByteArray("v=DKIM1; p=new"));
        QCOMPARE(a.server, QString("overlay"));
        QCOMPARE(o.resolve("new.example.com", Type::TXT).records.first().ttl, 60u);
        // Other types and names still come from the base.
        QCOMPARE(o.resolve("example.com", Type::MX).server, QString("zone:text"));

        o.removeType("example.com", Type::TXT);
        QCOMPARE(o.resolve("example.com", Type::TXT).outcome, Outcome::NoData);
        QCOMPARE(o.resolve("example.com", Type::MX).outcome, Outcome::Ok);

        o.removeName("mx.example.com");
        a = o.resolve("mx.example.com", Type::A);
        QCOMPARE(a.outcome, Outcome::NxDomain);
        QCOMPARE(a.rcode, 3);

        QCOMPARE(o.changes().size(), 4);
        QVERIFY(o.changes().last().contains("NXDOMAIN"));
        o.clear();
        QCOMPARE(o.resolve("mx.example.com", Type::A).outcome, Outcome::Ok);
    }

    void overlayCnameAndErrors()
    {
        auto base = ZoneResolver::fromText(kZone);
        OverlayResolver o(base);
        QVERIFY(o.setRecords("alias IN CNAME mx\nloop IN CNAME loop\n", nullptr, "example.com"));
        Answer a = o.resolve("alias.example.com", Type::A);
        QCOMPARE(a.outcome, Outcome::Ok);
        QCOMPARE(a.records.size(), 2);
        QCOMPARE(a.records[0].type, Type::CNAME);
        QCOMPARE(a.records[1].addressString(), QString("192.0.2.1"));
        QCOMPARE(a.qname, QByteArray("alias.example.com"));
        QCOMPARE(o.resolve("loop.example.com", Type::A).outcome, Outcome::ServFail);

        QStringList errors;
        QVERIFY(!o.setRecords("bad IN A 1.2.3\n", &errors, "example.com"));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().startsWith("overlay:1:"));
    }

    void cacheAnswersOnceAndIsThreadSafe()
    {
        auto counting = std::make_shared<CountingResolver>(ZoneResolver::fromText(kZone));
        auto cache = std::make_shared<CachingResolver>(counting);
        QCOMPARE(cache->resolve("example.com", Type::TXT).outcome, Outcome::Ok);
        QCOMPARE(cache->resolve("EXAMPLE.com.", Type::TXT).outcome, Outcome::Ok);
        QCOMPARE(cache->resolve("example.com", Type::MX).outcome, Outcome::Ok);
        QCOMPARE(cache->resolve("nx.example.com", Type::MX).outcome, Outcome::NxDomain);
        QCOMPARE(cache->resolve("nx.example.com", Type::MX).outcome, Outcome::NxDomain);
        QCOMPARE(counting->count.load(), 3);
        QCOMPARE(cache->hits(), 2);

        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([cache] {
                for (int i = 0; i < 100; ++i)
                    cache->resolve("n" + QByteArray::number(i % 10) + ".example.com", Type::A);
            });
        for (auto& th : threads)
            th.join();
        QVERIFY(counting->count.load() <= 3 + 40);
        cache->clear();
        cache->resolve("example.com", Type::TXT);
        QVERIFY(counting->count.load() >= 4);
    }

    void cacheIsBounded()
    {
        auto counting = std::make_shared<CountingResolver>(ZoneResolver::fromText(kZone));
        CachingResolver cache(counting, 5);
        for (int i = 0; i < 50; ++i)
            cache.resolve("n" + QByteArray::number(i) + ".example.com", Type::A);
        QCOMPARE(counting->count.load(), 50);
    }

    void offline()
    {
        OfflineResolver off;
        const Answer a = off.resolve("Example.COM", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Offline);
        QCOMPARE(a.qname, QByteArray("example.com"));
        QCOMPARE(a.error, QString("offline mode: no DNS query was sent"));
        QVERIFY(a.isTemporaryError());
        QCOMPARE(answerStep(a).status, ms::Status::Warning);
    }

    void budgetStopsQueries()
    {
        auto counting = std::make_shared<CountingResolver>(ZoneResolver::fromText(kZone));
        std::atomic_bool cancel { false };
        BudgetResolver b(counting, 200, &cancel);
        QCOMPARE(b.resolve("example.com", Type::TXT).outcome, Outcome::Ok);
        cancel = true;
        Answer a = b.resolve("example.com", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Cancelled);
        QVERIFY(a.error.contains("cancelled"));
        cancel = false;
        QTest::qWait(250);
        QVERIFY(b.exhausted());
        a = b.resolve("example.com", Type::TXT);
        QCOMPARE(a.outcome, Outcome::Cancelled);
        QVERIFY(a.error.contains("200 ms"));
        QCOMPARE(counting->count.load(), 1);
    }

    // The budget also cuts a live query that is waiting on a silent server.
    void budgetCutsLiveWait_data()
    {
        QTest::addColumn<int>("budgetMs");
        QTest::newRow("300 ms") << 300;
        // The budget's number appears in the server's address text ("127.0.0.1:port").
        QTest::newRow("27 ms, a number inside 127.0.0.1") << 27;
    }

    void budgetCutsLiveWait()
    {
        QFETCH(int, budgetMs);
        mstest::DnsBlackHole hole;
        auto rec = std::make_shared<Recorder>(slowResolver(hole));
        BudgetResolver b(rec, budgetMs);
        QElapsedTimer t;
        t.start();
        const Answer a = b.resolve("example.com", Type::TXT);
        QVERIFY2(t.elapsed() < 1500, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(a.outcome, Outcome::Cancelled);
        QVERIFY2(a.error.contains(QStringLiteral("time budget of %1 ms").arg(budgetMs)),
            qPrintable(a.error));
        QCOMPARE(rec->transcript().size(), 1);
    }

    // A cancel flag set from another thread during the wait.
    void cancelCutsLiveWait()
    {
        mstest::DnsBlackHole hole;
        std::atomic_bool cancel { false };
        BudgetResolver b(slowResolver(hole), 60000, &cancel);
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel = true;
        });
        QElapsedTimer t;
        t.start();
        const Answer c = b.resolve("example.com", Type::TXT);
        canceller.join();
        QCOMPARE(c.outcome, Outcome::Cancelled);
        QVERIFY(t.elapsed() < 1500);
    }
};

QTEST_GUILESS_MAIN(TstDnsResolvers)
#include "tst_dns_resolvers.moc"
