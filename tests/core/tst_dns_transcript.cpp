// Transcripts: save → load → replay gives identical answers; hostile files are refused.
#include "common/NsdServer.h"
#include "common/TestUtil.h"
#include "dns/LiveResolver.h"
#include "dns/Recorder.h"
#include "dns/Transcript.h"
#include "dns/ZoneResolver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ms::dns;

namespace {
void compareAnswers(const Answer& a, const Answer& b, bool sameServer)
{
    QCOMPARE(a.qname, b.qname);
    QCOMPARE(a.qtype, b.qtype);
    QCOMPARE(outcomeName(a.outcome), outcomeName(b.outcome));
    QCOMPARE(a.rcode, b.rcode);
    QCOMPARE(a.authenticData, b.authenticData);
    QCOMPARE(a.viaTcp, b.viaTcp);
    QCOMPARE(a.elapsedUs, b.elapsedUs);
    QCOMPARE(a.error, b.error);
    if (sameServer)
        QCOMPARE(a.server, b.server);
    else
        QCOMPARE("replay:" + b.server, a.server);
    QCOMPARE(a.records.size(), b.records.size());
    for (int i = 0; i < a.records.size(); ++i) {
        const Record& x = a.records[i];
        const Record& y = b.records[i];
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.type, y.type);
        QCOMPARE(x.ttl, y.ttl);
        QCOMPARE(x.rdata, y.rdata);
        QCOMPARE(x.strings, y.strings);
        QCOMPARE(x.address, y.address);
        QCOMPARE(x.target, y.target);
        QCOMPARE(x.preference, y.preference);
        QCOMPARE(x.presentation, y.presentation);
    }
}

QList<QPair<QByteArray, Type>> questions()
{
    return { { "example.com", Type::TXT }, { "example.com", Type::MX },
        { "mx1.example.com", Type::A }, { "mx1.example.com", Type::AAAA },
        { "mx1.example.com", Type::TXT }, { "nope.example.com", Type::TXT },
        { "alias.example.com", Type::MX }, { "loop1.example.com", Type::TXT },
        { "brisbane._domainkey.example.com", Type::TXT }, { "_dmarc.example.com", Type::TXT },
        { "a..b", Type::TXT } };
}
} // namespace

class TstDnsTranscript : public QObject
{
    Q_OBJECT

private slots:
    void roundTripFromZone()
    {
        QStringList errors;
        auto zone = ZoneResolver::fromFiles({ mstest::testDataDir() + "/dns/multi.zone" }, &errors);
        QVERIFY(errors.isEmpty());
        Recorder rec(zone);
        for (const auto& [name, type] : questions())
            rec.resolve(name, type);
        // Failures with every field set, as a live resolver records them.
        QList<Answer> original = rec.transcript();
        Answer t;
        t.qname = "slow.example.net";
        t.qtype = Type::TXT;
        t.outcome = Outcome::Timeout;
        t.server = "[2001:db8::53]:53";
        t.elapsedUs = 4000123;
        t.error = "no answer from [2001:db8::53]:53 within 2000 ms";
        t.transcriptIndex = int(original.size());
        original << t;
        Answer tcp = original.first();
        tcp.viaTcp = true;
        tcp.authenticData = true;
        tcp.transcriptIndex = int(original.size());
        original << tcp;

        QTemporaryDir dir;
        const QString path = dir.filePath("dns.json");
        QString error;
        QVERIFY2(saveTranscriptFile(original, path, &error), qPrintable(error));
        const QJsonObject json = QJsonDocument::fromJson(mstest::readFile(path)).object();
        QCOMPARE(json.value("schema").toString(), QString("mailscope-dns/1"));
        QCOMPARE(json.value("answers").toArray().size(), original.size());

        const auto loaded = loadTranscriptFile(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->size(), original.size());
        for (int i = 0; i < original.size(); ++i) {
            compareAnswers(loaded->at(i), original[i], true);
            QCOMPARE(loaded->at(i).transcriptIndex, original[i].transcriptIndex);
        }
        // Saving what was loaded gives the same bytes.
        QCOMPARE(saveTranscript(*loaded), saveTranscript(original));

        auto replay = ReplayResolver::fromFile(path, &error);
        QVERIFY2(replay, qPrintable(error));
        for (int i = 0; i < original.size() - 1; ++i)
            compareAnswers(
                replay->resolve(original[i].qname, original[i].qtype), original[i], false);
        // The same question recorded twice replays in recorded order, then repeats.
        QCOMPARE(replay->resolve("example.com", Type::TXT).viaTcp, true);
        QCOMPARE(replay->resolve("example.com", Type::TXT).viaTcp, true);

        const Answer unknown = replay->resolve("never-asked.example.com", Type::TXT);
        QCOMPARE(unknown.outcome, Outcome::Offline);
        QVERIFY(unknown.error.contains("not in the replayed DNS transcript"));
        QVERIFY(unknown.error.contains("never-asked.example.com"));
        QCOMPARE(replay->resolve("example.com", Type::A).outcome, Outcome::Offline);
    }

    void roundTripFromLiveNsd()
    {
        if (mstest::NsdServer::nsdPath().isEmpty())
            QFAIL("nsd is not installed: install nsd (apt-get install nsd)");
        mstest::NsdServer nsd;
        nsd.addZone("live.test", mstest::readFile(mstest::testDataDir() + "/dns/live.test.zone"));
        QString error;
        QVERIFY2(nsd.start(&error), qPrintable(error));
        LiveOptions o;
        o.servers = { nsd.server() };
        o.recursionDesired = false;
        Recorder rec(std::make_shared<LiveResolver>(o));
        rec.resolve("live.test", Type::TXT);
        rec.resolve("multi.live.test", Type::TXT);
        rec.resolve("mx1.live.test", Type::AAAA);
        rec.resolve("www.live.test", Type::MX);
        rec.resolve("nope.live.test", Type::A);
        nsd.stop();
        const QList<Answer> original = rec.transcript();
        const auto loaded = loadTranscript(saveTranscript(original), &error);
        QVERIFY2(loaded, qPrintable(error));
        ReplayResolver replay(*loaded);
        for (const auto& a : original)
            compareAnswers(replay.resolve(a.qname, a.qtype), a, false);
    }

    void hostileFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errorPart");
        const QByteArray rec = R"({"name":"x.test","typeCode":16,"ttl":1,"rdata":"%1"})";
        auto answer = [](const QByteArray& records, const QByteArray& extra = {}) {
            return R"({"schema":"mailscope-dns/1","answers":[{"qname":"x.test","qtypeCode":16,)"
                   R"("outcome":"ok","rcode":0)"
                + extra + R"(,"records":[)" + records + "]}]}";
        };
        QTest::newRow("empty") << QByteArray() << "not valid JSON";
        QTest::newRow("garbage") << QByteArray("\x00\xff{{{", 5) << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        QTest::newRow("wrong schema")
            << QByteArray(R"({"schema":"mailscope-report/2"})") << "not a DNS transcript";
        QTest::newRow("no answers")
            << QByteArray(R"({"schema":"mailscope-dns/1"})") << "no \"answers\"";
        QTest::newRow("bad outcome")
            << QByteArray(R"({"schema":"mailscope-dns/1","answers":[{"qname":"x.test",)"
                          R"("qtypeCode":16,"outcome":"great"}]})")
            << "unknown outcome";
        QTest::newRow("bad qname")
            << QByteArray(R"({"schema":"mailscope-dns/1","answers":[{"qname":"",)"
                          R"("qtypeCode":16,"outcome":"ok"}]})")
            << "invalid qname";
        QTest::newRow("rdata not base64")
            << answer(QByteArray(rec).replace("%1", "!!!")) << "not base64";
        QTest::newRow("TXT rdata with a lying length") << answer(QByteArray(rec).replace("%1",
            QByteArray("\x09"
                       "abc")
                .toBase64())) << "record 1";
        QTest::newRow("A rdata of 3 bytes")
            << answer(QByteArray(rec)
                          .replace("%1", QByteArray("abc").toBase64())
                          .replace("\"typeCode\":16", "\"typeCode\":1"))
            << "record 1";
        QTest::newRow("negative TTL")
            << answer(QByteArray(rec).replace("%1", "").replace("\"ttl\":1", "\"ttl\":-5"))
            << "invalid type or TTL";
        QByteArray many;
        for (int i = 0; i < 5000; ++i)
            many += (i ? "," : "") + QByteArray(rec).replace("%1", "AWE=");
        QTest::newRow("too many records") << answer(many) << "more than 4096 records";
    }

    void hostileFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, errorPart);
        QString error;
        const auto loaded = loadTranscript(json, &error);
        QVERIFY(!loaded);
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!ReplayResolver::fromFile("/nonexistent/dns.json", &error));
        QVERIFY(error.contains("/nonexistent/dns.json"));
    }
};

QTEST_GUILESS_MAIN(TstDnsTranscript)
#include "tst_dns_transcript.moc"
