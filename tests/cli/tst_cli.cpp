// mailscope-cli as a user runs it: every option, every exit code, bad input, the JSON
// schema, jsonl streaming order, mbox and Maildir input, CSV and the summary.
#include "common/CliRunner.h"
#include "common/TestUtil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

using Run = mstest::CliRun;

Run cli(const QStringList& args)
{
    return mstest::runCli(args);
}

QStringList offline(const QString& name)
{
    return { QStringLiteral("--offline"), QStringLiteral("--zone"),
        mstest::sampleFile(name, QStringLiteral("zone")), QStringLiteral("--time"),
        QStringLiteral("2024-06-01T12:00:00Z") };
}

QStringList allZones()
{
    QStringList z { QStringLiteral("--offline"), QStringLiteral("--time"),
        QStringLiteral("2024-06-01T12:00:00Z") };
    for (const char* s : { "good", "mailing-list", "lookalike", "revoked-key" })
        z << QStringLiteral("--zone")
          << mstest::sampleFile(QLatin1String(s), QStringLiteral("zone"));
    return z;
}

QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> list;
    for (const QByteArray& line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(line, &e);
        if (e.error != QJsonParseError::NoError || !d.isObject())
            return {};
        list << d.object();
    }
    return list;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const char* kGood[] = { "--ip", "192.0.2.10", "--helo", "mail.example.com" };

// The CLI reading its standard input from a file.
Run cliWithStdin(const QStringList& args, const QString& stdinFile)
{
    return mstest::runCli(args, {}, { stdinFile, {} });
}

// The CLI with its standard output on /dev/full, where every write fails with ENOSPC: a full
// disk under a redirected batch.
Run cliIntoFullDisk(const QStringList& args)
{
    return mstest::runCli(args, {}, { {}, QStringLiteral("/dev/full") });
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(mstest::cliPath()).isExecutable(), qPrintable(mstest::cliPath()));
    }

    void helpAndVersion()
    {
        Run r = cli({ QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("verify"));
        QVERIFY(r.out.contains("Exit codes"));
        QVERIFY(r.err.isEmpty());
        r = cli({ QStringLiteral("--version") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("mailscope-cli " MAILSCOPE_VERSION));

        r = cli({ QStringLiteral("verify"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        for (const char* opt : { "--format", "--zone", "--offline", "--dns-server", "--ip",
                 "--helo", "--mail-from", "--checks", "--threads", "--save-dns", "--replay-dns",
                 "--time", "--dmarc-discovery", "--trusted-sealer", "--trusted-authserv",
                 "--summary", "Exit codes" })
            QVERIFY2(r.out.contains(opt), opt);
        r = cli({ QStringLiteral("spf"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--mail-from"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString eml = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml"));
        QTest::newRow("no arguments") << QStringList {} << QByteArray("Usage");
        QTest::newRow("unknown command")
            << QStringList { "frobnicate" } << QByteArray("unknown command");
        QTest::newRow("verify without input")
            << QStringList { "verify", "--offline" } << QByteArray("no input");
        QTest::newRow("unknown option")
            << QStringList { "verify", "--bogus", eml } << QByteArray("bogus");
        QTest::newRow("bad format")
            << QStringList { "verify", "--format", "xml", eml } << QByteArray("xml");
        QTest::newRow("unknown check")
            << QStringList { "verify", "--checks", "dkim,bimi", eml } << QByteArray("bimi");
        QTest::newRow("threads zero")
            << QStringList { "verify", "--threads", "0", eml } << QByteArray("--threads");
        QTest::newRow("threads text")
            << QStringList { "verify", "--threads", "many", eml } << QByteArray("--threads");
        QTest::newRow("bad time") << QStringList { "verify", "--time", "yesterday", eml }
                                  << QByteArray("--time");
        QTest::newRow("bad discovery") << QStringList { "verify", "--dmarc-discovery", "dns", eml }
                                       << QByteArray("--dmarc-discovery");
        QTest::newRow("missing option value")
            << QStringList { "verify", eml, "--zone" } << QByteArray("zone");
        QTest::newRow("spf without ip")
            << QStringList { "spf", "--helo", "x.example" } << QByteArray("--ip");
        QTest::newRow("spf bad identity") << QStringList { "spf", "--ip", "192.0.2.1", "--identity",
            "from" } << QByteArray("--identity");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Run r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void inputErrors()
    {
        QTemporaryDir tmp;
        const QString empty = tmp.filePath(QStringLiteral("empty.eml"));
        QVERIFY(writeFile(empty, {}));
        QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("nothing-here")));
        const QString good = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml"));

        // Missing file: exit 3, named on stderr, nothing on stdout.
        Run r = cli(QStringList { QStringLiteral("verify") } + offline(QStringLiteral("good"))
            + QStringList { tmp.filePath(QStringLiteral("missing.eml")) });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("missing.eml"));
        QVERIFY(r.err.contains("no such file"));
        QVERIFY(r.out.isEmpty());

        // Empty file.
        r = cli(QStringList { QStringLiteral("verify") } + offline(QStringLiteral("good"))
            + QStringList { empty });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("empty file"));

        // A directory without messages.
        r = cli(QStringList { QStringLiteral("verify") } + offline(QStringLiteral("good"))
            + QStringList { tmp.filePath(QStringLiteral("nothing-here")) });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("no messages"));

        // Not a regular file.
        const QString fifo = tmp.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        r = cli(QStringList { QStringLiteral("verify") } + offline(QStringLiteral("good"))
            + QStringList { fifo });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("not a regular file"));

        // One bad input among good ones: the good one is still verified, the code says 3.
        r = cli(QStringList {
                    QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("jsonl") }
            + offline(QStringLiteral("good")) + QStringList { good, empty });
        QCOMPARE(r.code, 3);
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].value(QLatin1String("file")).toString(), good);

        // A zone file that cannot be read.
        r = cli({ QStringLiteral("verify"), QStringLiteral("--offline"), QStringLiteral("--zone"),
            tmp.filePath(QStringLiteral("nope.zone")), good });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("nope.zone"));
    }

    void unreadableDirectory()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: permissions cannot make a directory unreadable");
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/a.eml"), "From: a@b\r\n\r\nx\r\n"));
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0) == 0);
        const Run r
            = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--offline"), dir });
        ::chmod(QFile::encodeName(dir).constData(), 0700);
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("cannot read directory"));
    }

    void garbageIsReportedNotFatal()
    {
        QTemporaryDir tmp;
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char((i * 7919) & 0xff));
        const QString path = tmp.filePath(QStringLiteral("junk.eml"));
        QVERIFY(writeFile(path, junk));
        const Run r = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
                              QStringLiteral("json") }
            + offline(QStringLiteral("good")) + QStringList { path });
        QVERIFY2(r.code == 0 || r.code == 1 || r.code == 4, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("file")).toString(), path);
        QVERIFY(o.contains(QLatin1String("steps")));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QStringList envelope;
        for (const char* a : kGood)
            envelope << QLatin1String(a);
        QTest::newRow("0 good: everything passes") << "good" << envelope << 0;
        QTest::newRow("1 lookalike: DMARC fails") << "lookalike" << QStringList {} << 1;
        QTest::newRow("1 revoked-key: DKIM fails") << "revoked-key" << QStringList {} << 1;
    }

    void exitCodes()
    {
        QFETCH(QString, sample);
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        const Run r = cli(QStringList { QStringLiteral("verify") } + offline(sample) + extra
            + QStringList { mstest::sampleFile(sample, QStringLiteral("eml")) });
        QVERIFY2(r.code == code, r.out.constData());
        QVERIFY(r.out.contains("verdict: "));
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no progress bar: stderr is not a terminal
    }

    void temporaryWhenDnsOffline()
    {
        // Offline with no zone: the key lookups cannot be answered, a temporary error (4).
        const Run r = cli({ QStringLiteral("verify"), QStringLiteral("--offline"),
            QStringLiteral("--checks"), QStringLiteral("dkim"),
            mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")) });
        QCOMPARE(r.code, 4);
        QVERIFY(r.out.contains("temperror"));
    }

    void jsonSchema()
    {
        QStringList args { QStringLiteral("verify"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--mail-from"),
            QStringLiteral("alice@example.com") };
        for (const char* a : kGood)
            args << QLatin1String(a);
        const Run r = cli(args + offline(QStringLiteral("good"))
            + QStringList { mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")) });
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QLatin1String("schema")).toString(), QStringLiteral("mailscope-report/2"));
        for (const char* m :
            { "file", "evaluation_time", "envelope", "verdict", "steps", "sources", "dns" })
            QVERIFY2(o.contains(QLatin1String(m)), m);
        QCOMPARE(o.value(QLatin1String("evaluation_time")).toString(),
            QStringLiteral("2024-06-01T12:00:00Z"));
        const QJsonObject env = o.value(QLatin1String("envelope")).toObject();
        QCOMPARE(env.value(QLatin1String("client_ip"))
                     .toObject()
                     .value(QLatin1String("value"))
                     .toString(),
            QStringLiteral("192.0.2.10"));
        QVERIFY(env.value(QLatin1String("helo"))
                    .toObject()
                    .value(QLatin1String("overridden"))
                    .toBool());
        QCOMPARE(env.value(QLatin1String("mail_from"))
                     .toObject()
                     .value(QLatin1String("value"))
                     .toString(),
            QStringLiteral("alice@example.com"));
        // Schema /2: the envelope is said once, not again inside the SPF object.
        const QJsonObject spf = o.value(QLatin1String("spf")).toObject();
        QVERIFY(spf.value(QLatin1String("evaluated")).toBool());
        QVERIFY(!spf.contains(QLatin1String("envelope")));
        // DKIM: one object per signature with the documented members.
        const QJsonArray dkim = o.value(QLatin1String("dkim")).toArray();
        QCOMPARE(dkim.size(), 1);
        for (const char* m : { "domain", "selector", "algorithm", "result" })
            QVERIFY2(dkim.at(0).toObject().contains(QLatin1String(m)), m);
        QCOMPARE(dkim.at(0).toObject().value(QLatin1String("domain")).toString(),
            QStringLiteral("example.com"));
        QCOMPARE(dkim.at(0).toObject().value(QLatin1String("result")).toString(),
            QStringLiteral("pass"));
        QCOMPARE(
            o.value(QLatin1String("verdict")).toObject().value(QLatin1String("result")).toString(),
            QStringLiteral("pass"));
        QCOMPARE(o.value(QLatin1String("steps")).toObject().value(QLatin1String("kind")).toString(),
            QStringLiteral("report"));
        QCOMPARE(o.value(QLatin1String("sources"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
            QStringLiteral("message"));
        QVERIFY(!o.value(QLatin1String("dns")).toArray().isEmpty());
    }

    void checksOption()
    {
        const Run r = cli(
            QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
                QStringLiteral("jsonl"), QStringLiteral("--checks"), QStringLiteral("DKIM") }
            + offline(QStringLiteral("good"))
            + QStringList { mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")) });
        QCOMPARE(r.code, 0);
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines[0].contains(QLatin1String("dkim")));
        for (const char* other : { "spf", "arc", "dmarc", "smime", "tls", "authres" })
            QVERIFY2(!lines[0].contains(QLatin1String(other)), other);
        QVERIFY(!lines[0].contains(QLatin1String("steps"))); // jsonl is lean unless --steps
    }

    void timeOption()
    {
        const QString eml = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml"));
        Run r = cli({ QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--offline"), QStringLiteral("--time"), QStringLiteral("date"), eml });
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(QLatin1String("evaluation_time"))
                     .toString(),
            QStringLiteral("2024-06-01T11:59:40Z"));
        r = cli({ QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--offline"), QStringLiteral("--time"),
            QStringLiteral("2030-01-02T03:04:05+02:00"), eml });
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(QLatin1String("evaluation_time"))
                     .toString(),
            QStringLiteral("2030-01-02T01:04:05Z"));
    }

    void trustAndDiscoveryOptionsAccepted()
    {
        const Run r
            = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--trusted-sealer"),
                      QStringLiteral("lists.example.net"), QStringLiteral("--trusted-authserv"),
                      QStringLiteral("mx.example.com,mx2.example.com"),
                      QStringLiteral("--dmarc-discovery"), QStringLiteral("psl") }
                + offline(QStringLiteral("mailing-list"))
                + QStringList {
                    mstest::sampleFile(QStringLiteral("mailing-list"), QStringLiteral("eml")) });
        QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
        QVERIFY(r.out.contains("mailing-list.eml"));
    }

    void directoryOrderAndThreads()
    {
        // 24 messages in a directory: jsonl lines come in name order whatever the thread
        // count, and the results do not depend on it.
        QTemporaryDir tmp;
        const char* names[] = { "good", "mailing-list", "lookalike", "revoked-key" };
        QStringList expectedOrder;
        for (int i = 0; i < 24; ++i) {
            const QString name = QStringLiteral("m%1.eml").arg(i, 3, 10, QLatin1Char('0'));
            QVERIFY(
                QFile::copy(mstest::sampleFile(QLatin1String(names[i % 4]), QStringLiteral("eml")),
                    tmp.filePath(name)));
            expectedOrder << tmp.filePath(name);
        }
        auto runWith = [&](const QString& threads) {
            return cli(QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
                           QStringLiteral("jsonl"), QStringLiteral("--threads"), threads }
                + allZones() + QStringList { tmp.path() });
        };
        const Run one = runWith(QStringLiteral("1"));
        const Run two = runWith(QStringLiteral("2"));
        QCOMPARE(one.code, 1);
        QCOMPARE(two.code, 1);
        const auto a = jsonLines(one.out), b = jsonLines(two.out);
        QCOMPARE(a.size(), 24);
        QCOMPARE(b.size(), 24);
        for (int i = 0; i < 24; ++i) {
            QCOMPARE(
                a[i].value(QLatin1String("file")).toString(), QDir::cleanPath(expectedOrder[i]));
            QCOMPARE(b[i].value(QLatin1String("file")).toString(),
                a[i].value(QLatin1String("file")).toString());
            QCOMPARE(b[i].value(QLatin1String("verdict")), a[i].value(QLatin1String("verdict")));
            QCOMPARE(b[i].value(QLatin1String("dkim")), a[i].value(QLatin1String("dkim")));
        }
        QVERIFY(one.err.isEmpty());
    }

    void jsonArrayForSeveral()
    {
        const Run r = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
                              QStringLiteral("json") }
            + allZones()
            + QStringList { mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")),
                mstest::sampleFile(QStringLiteral("lookalike"), QStringLiteral("eml")) });
        const QJsonDocument d = QJsonDocument::fromJson(r.out);
        QVERIFY(d.isArray());
        QCOMPARE(d.array().size(), 2);
        QCOMPARE(d.array().at(1).toObject().value(QLatin1String("schema")).toString(),
            QStringLiteral("mailscope-report/2"));
    }

    void mboxInput()
    {
        QTemporaryDir tmp;
        QByteArray mbox;
        const char* names[] = { "good", "mailing-list", "lookalike", "revoked-key" };
        for (const char* n : names) {
            QByteArray m
                = mstest::readFile(mstest::sampleFile(QLatin1String(n), QStringLiteral("eml")));
            m.replace("\r\n", "\n");
            mbox += "From sender@example.com Sat Jun  1 12:00:00 2024\n" + m + "\n";
        }
        const QString path = tmp.filePath(QStringLiteral("archive.mbox"));
        QVERIFY(writeFile(path, mbox));
        const Run r = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
                              QStringLiteral("jsonl") }
            + allZones() + QStringList { path });
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(lines[i].value(QLatin1String("file")).toString(),
                QStringLiteral("%1#%2").arg(path).arg(i + 1));
        // The first message (good) keeps its valid signature through mbox storage.
        QCOMPARE(lines[0]
                     .value(QLatin1String("dkim"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("result"))
                     .toString(),
            QStringLiteral("pass"));
        QCOMPARE(lines[2]
                     .value(QLatin1String("dmarc"))
                     .toObject()
                     .value(QLatin1String("result"))
                     .toString(),
            QStringLiteral("fail"));
    }

    void maildirInput()
    {
        QTemporaryDir tmp;
        const QDir root(tmp.path());
        for (const char* sub : { "cur", "new", "tmp" })
            QVERIFY(root.mkdir(QLatin1String(sub)));
        QVERIFY(QFile::copy(mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")),
            root.filePath(QStringLiteral("cur/1717243190.1.host:2,S"))));
        QVERIFY(QFile::copy(mstest::sampleFile(QStringLiteral("lookalike"), QStringLiteral("eml")),
            root.filePath(QStringLiteral("new/1717243191.2.host"))));
        // tmp/ holds deliveries in progress: never read.
        QVERIFY(writeFile(root.filePath(QStringLiteral("tmp/partial")), "From: half"));
        const Run r = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
                              QStringLiteral("jsonl") }
            + allZones() + QStringList { tmp.path() });
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].value(QLatin1String("file")).toString().contains(QLatin1String("/new/")));
        QVERIFY(lines[1].value(QLatin1String("file")).toString().contains(QLatin1String("/cur/")));
        QCOMPARE(r.code, 1);
    }

    void csvOutput()
    {
        const Run r = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
                              QStringLiteral("csv") }
            + allZones()
            + QStringList { mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")),
                mstest::sampleFile(QStringLiteral("revoked-key"), QStringLiteral("eml")) });
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QByteArray("file,verdict,spf,dkim,arc,dmarc,smime,tls,authres,reason"));
        QVERIFY(lines[1].startsWith(
            mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")).toUtf8() + ','));
        QVERIFY(lines[2].contains(",fail,"));
        QCOMPARE(lines[1].count(',') >= 9, true);
    }

    void summary()
    {
        QStringList inputs;
        for (const char* n : { "good", "mailing-list", "lookalike", "revoked-key" })
            inputs << mstest::sampleFile(QLatin1String(n), QStringLiteral("eml"));
        Run r = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--summary") }
            + allZones() + inputs);
        QVERIFY(r.out.contains("Summary: 4 message(s)"));
        // Counts per result, results by name, checks in report order.
        QVERIFY(r.out.contains("  verdict: fail 3, pass 1\n"
                               "  spf: pass 4\n"
                               "  dkim: fail 1, pass 2, permerror 1\n"
                               "  arc: none 3, pass 1\n"
                               "  dmarc: fail 3, pass 1\n"));
        QVERIFY(r.out.contains("Most common failure reasons:"));

        r = cli(QStringList { QStringLiteral("verify"), QStringLiteral("--summary"),
                    QStringLiteral("--format"), QStringLiteral("jsonl") }
            + allZones() + inputs);
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 5);
        const QJsonObject s = lines.last().value(QLatin1String("summary")).toObject();
        QCOMPARE(
            s.value(QLatin1String("schema")).toString(), QStringLiteral("mailscope-summary/1"));
        QCOMPARE(s.value(QLatin1String("messages")).toInt(), 4);
        const QJsonObject dkim
            = s.value(QLatin1String("checks")).toObject().value(QLatin1String("dkim")).toObject();
        QCOMPARE(dkim,
            (QJsonObject { { QStringLiteral("fail"), 1 }, { QStringLiteral("pass"), 2 },
                { QStringLiteral("permerror"), 1 } }));
        QCOMPARE(s.value(QLatin1String("verdicts")).toObject(),
            (QJsonObject { { QStringLiteral("fail"), 3 }, { QStringLiteral("pass"), 1 } }));
        QVERIFY(!s.value(QLatin1String("failure_reasons")).toArray().isEmpty());
    }

    void saveThenReplayDns()
    {
        // --save-dns records what the zone answered; --replay-dns with no zone at all then
        // gives the same report, byte for byte in the text format.
        QTemporaryDir tmp;
        const QString transcript = tmp.filePath(QStringLiteral("dns.json"));
        const QString eml
            = mstest::sampleFile(QStringLiteral("mailing-list"), QStringLiteral("eml"));
        const QStringList common { QStringLiteral("verify"), QStringLiteral("--time"),
            QStringLiteral("2024-06-01T12:00:00Z"), QStringLiteral("--ip"),
            QStringLiteral("198.51.100.25"), QStringLiteral("--helo"),
            QStringLiteral("lists.example.net") };
        const Run first = cli(common
            + QStringList { QStringLiteral("--offline"), QStringLiteral("--zone"),
                mstest::sampleFile(QStringLiteral("mailing-list"), QStringLiteral("zone")),
                QStringLiteral("--save-dns"), transcript, eml });
        QVERIFY2(first.code == 0 || first.code == 1, first.err.constData());
        const QJsonObject saved = QJsonDocument::fromJson(mstest::readFile(transcript)).object();
        QCOMPARE(
            saved.value(QLatin1String("schema")).toString(), QStringLiteral("mailscope-dns/1"));
        const Run second
            = cli(common + QStringList { QStringLiteral("--replay-dns"), transcript, eml });
        QCOMPARE(second.code, first.code);
        QByteArray a = first.out, b = second.out;
        // Only where the answers came from may differ: "zone:x.zone" became
        // "replay:zone:x.zone", and the resolver's description line.
        auto dropDnsLine = [](QByteArray t) {
            QList<QByteArray> lines = t.split('\n');
            lines.removeIf([](const QByteArray& l) { return l.trimmed().startsWith("- dns: "); });
            return lines.join('\n').replace("- server: replay:", "- server: ");
        };
        QVERIFY(b.contains("- server: replay:zone:"));
        QCOMPARE(dropDnsLine(b), dropDnsLine(a));

        // A transcript that is not one: input error.
        const QString bad = tmp.filePath(QStringLiteral("bad.json"));
        QVERIFY(writeFile(bad, "{\"schema\": 7}"));
        const Run r = cli({ QStringLiteral("verify"), QStringLiteral("--replay-dns"), bad, eml });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("--replay-dns"));
    }

    void dnsServerOption()
    {
        const QString eml = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml"));
        Run r = cli({ QStringLiteral("verify"), QStringLiteral("--dns-server"),
            QStringLiteral("not a server"), eml });
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--dns-server"));
        // Nobody listens on this port: DNS fails temporarily, exit 4, within the budget.
        QElapsedTimer t;
        t.start();
        r = cli({ QStringLiteral("verify"), QStringLiteral("--dns-server"),
            QStringLiteral("127.0.0.1:9"), QStringLiteral("--time-budget"), QStringLiteral("3000"),
            QStringLiteral("--checks"), QStringLiteral("dkim"), eml });
        QCOMPARE(r.code, 4);
        QVERIFY(r.out.contains("temperror"));
        QVERIFY(t.elapsed() < 30000);
    }

    void compareCommand()
    {
        QTemporaryDir tmp;
        const QString sent = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml"));
        QByteArray changed = mstest::readFile(sent);
        changed += "--\r\nSent through the list\r\n";
        const QString received = tmp.filePath(QStringLiteral("received.eml"));
        QVERIFY(writeFile(received, changed));

        Run r = cli({ QStringLiteral("compare"), sent, sent });
        QCOMPARE(r.code, 0);
        r = cli({ QStringLiteral("compare"), QStringLiteral("--format"), QStringLiteral("json"),
            sent, received });
        QCOMPARE(r.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(
            o.value(QLatin1String("schema")).toString(), QStringLiteral("mailscope-compare/1"));
        const QJsonObject sig = o.value(QLatin1String("signatures")).toArray().at(0).toObject();
        QCOMPARE(sig.value(QLatin1String("domain")).toString(), QStringLiteral("example.com"));
        QVERIFY(sig.value(QLatin1String("header_same")).toBool());
        QVERIFY(!sig.value(QLatin1String("body_same")).toBool());
        QVERIFY(QJsonDocument(sig.value(QLatin1String("body_diff")).toArray())
                    .toJson()
                    .contains("+ Sent through the list"));

        QCOMPARE(cli({ QStringLiteral("compare"), sent }).code, 2);
        QCOMPARE(
            cli({ QStringLiteral("compare"), sent, tmp.filePath(QStringLiteral("nope.eml")) }).code,
            3);
    }

    void honoursJapaneseLocale()
    {
        // The CLI picks its language from the locale, like the GUI (issue 7).
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("ja_JP.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("ja_JP.UTF-8"));
        p.setProcessEnvironment(env);
        const QString good
            = mstest::sampleFile(QStringLiteral("revoked-key"), QStringLiteral("eml"));
        p.start(mstest::cliPath(),
            QStringList { QStringLiteral("verify") } + offline(QStringLiteral("revoked-key"))
                + QStringList { good });
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        // Some Japanese text (kana/kanji) must be in the report.
        bool japanese = false;
        for (const QChar c : out) {
            if (c.unicode() >= 0x3040 && c.unicode() <= 0x9FFF) {
                japanese = true;
                break;
            }
        }
        QVERIFY2(japanese, qPrintable(out.left(2000)));
        // And the same command in the C locale is English only.
        const Run en = cli(QStringList { QStringLiteral("verify") }
            + offline(QStringLiteral("revoked-key")) + QStringList { good });
        for (const QChar c : QString::fromUtf8(en.out))
            QVERIFY(!(c.unicode() >= 0x3040 && c.unicode() <= 0x9FFF));
    }

    void zoneAloneIsOffline()
    {
        // --zone without --offline still sends no live query: every DNS answer in the
        // report comes from the zone file, and names outside it are NXDOMAIN, not live.
        const QString zone = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("zone"));
        Run r = cli({ QStringLiteral("verify"), QStringLiteral("--zone"), zone,
            QStringLiteral("--time"), QStringLiteral("2024-06-01T12:00:00Z"),
            QStringLiteral("--format"), QStringLiteral("json"),
            mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")) });
        QCOMPARE(r.code, 0);
        const QJsonArray dns
            = QJsonDocument::fromJson(r.out).object().value(QLatin1String("dns")).toArray();
        QVERIFY(!dns.isEmpty());
        for (const QJsonValue& a : dns) {
            const QString server = a.toObject().value(QLatin1String("server")).toString();
            QVERIFY2(server.startsWith(QLatin1String("zone:")), qPrintable(server));
        }
    }

    // "-": one message from standard input (a pipe from an MTA filter or formail), in its
    // place among the other inputs.
    void standardInput()
    {
        const QString good = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml"));
        const QStringList jsonl { QStringLiteral("verify"), QStringLiteral("--format"),
            QStringLiteral("jsonl") };
        Run r = cliWithStdin(jsonl + offline(QStringLiteral("good")) + QStringList { "-" }, good);
        QCOMPARE(r.code, 0);
        QList<QJsonObject> lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].value(QLatin1String("file")).toString(), QStringLiteral("-"));
        // The same results as the file itself gives (all but its name and the DNS timings).
        const Run fromFile = cli(jsonl + offline(QStringLiteral("good")) + QStringList { good });
        QJsonObject a = lines[0], b = jsonLines(fromFile.out).value(0);
        for (QJsonObject* o : { &a, &b }) {
            o->remove(QLatin1String("file"));
            o->remove(QLatin1String("dns"));
        }
        QVERIFY(b.contains(QLatin1String("verdict")));
        QCOMPARE(a, b);

        // Among files, in argument order.
        r = cliWithStdin(
            jsonl + offline(QStringLiteral("good")) + QStringList { good, "-", good }, good);
        QCOMPARE(r.code, 0);
        lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].value(QLatin1String("file")).toString(), good);
        QCOMPARE(lines[1].value(QLatin1String("file")).toString(), QStringLiteral("-"));
        QCOMPARE(lines[2].value(QLatin1String("file")).toString(), good);

        // Nothing on standard input: an input error, like an empty file.
        r = cliWithStdin(QStringList { QStringLiteral("verify") } + offline(QStringLiteral("good"))
                + QStringList { "-" },
            QStringLiteral("/dev/null"));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("-: empty file"), r.err.constData());
    }

    // Exit code 5: output that could not be written is never taken for a clean run.
    void outputFailure_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("codeIfWritten"); // the code the same run gives into a pipe
        const QString zone = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("zone"));
        const QString eml = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml"));
        QTest::newRow("--help") << QStringList { QStringLiteral("--help") } << 0;
        QTest::newRow("verify, one message, text") << (QStringList { QStringLiteral("verify") }
            + offline(QStringLiteral("good")) + QStringList { eml })
                                                   << 0;
        QTest::newRow("verify, one message, json")
            << (QStringList {
                    QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("json") }
                   + offline(QStringLiteral("good")) + QStringList { eml })
            << 0;
        QTest::newRow("spf, a fail") << QStringList { QStringLiteral("spf"), QStringLiteral("--ip"),
            QStringLiteral("198.51.100.1"), QStringLiteral("--mail-from"),
            QStringLiteral("alice@example.com"), QStringLiteral("--offline"),
            QStringLiteral("--zone"), zone }
                                     << 1;
    }

    void outputFailure()
    {
        QFETCH(QStringList, args);
        QFETCH(int, codeIfWritten);
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        QCOMPARE(cli(args).code, codeIfWritten);
        const Run r = cliIntoFullDisk(args);
        QCOMPARE(r.code, 5);
        QVERIFY2(
            r.err.contains("cannot write the output: No space left on device"), r.err.constData());
    }

    // A batch whose output cannot be written stops taking messages: the empty files sorted
    // after 600 good messages are never reached, so none of them is reported.
    void outputFailureStopsBatch_data()
    {
        QTest::addColumn<QString>("threads");
        QTest::newRow("1 thread") << QStringLiteral("1");
        QTest::newRow("2 threads") << QStringLiteral("2");
    }

    void outputFailureStopsBatch()
    {
        QFETCH(QString, threads);
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        QTemporaryDir tmp;
        QFile sample(mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QByteArray good = sample.readAll();
        for (int i = 0; i < 600; ++i)
            QVERIFY(writeFile(
                tmp.filePath(QStringLiteral("a%1.eml").arg(i, 4, 10, QLatin1Char('0'))), good));
        for (int i = 0; i < 20; ++i)
            QVERIFY(writeFile(
                tmp.filePath(QStringLiteral("z%1.eml").arg(i, 2, 10, QLatin1Char('0'))), {}));
        const QStringList args = QStringList { QStringLiteral("verify"), QStringLiteral("--format"),
            QStringLiteral("jsonl"), QStringLiteral("--threads"), threads }
            + offline(QStringLiteral("good")) + QStringList { tmp.path() };

        // Into a pipe, every message is verified and every empty file reported (on stderr,
        // and as an error line of its own).
        Run r = cli(args);
        QCOMPARE(r.code, 3);
        QCOMPARE(jsonLines(r.out).size(), 620);
        QCOMPARE(r.err.count("empty file"), qsizetype(20));

        r = cliIntoFullDisk(args);
        QCOMPARE(r.code, 5);
        QVERIFY2(
            r.err.contains("cannot write the output: No space left on device"), r.err.constData());
        QCOMPARE(r.err.count("empty file"), qsizetype(0));
    }

    void spfCommand()
    {
        const QString zone = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("zone"));
        Run r = cli({ QStringLiteral("spf"), QStringLiteral("--ip"), QStringLiteral("192.0.2.10"),
            QStringLiteral("--helo"), QStringLiteral("mail.example.com"),
            QStringLiteral("--mail-from"), QStringLiteral("alice@example.com"),
            QStringLiteral("--offline"), QStringLiteral("--zone"), zone, QStringLiteral("--format"),
            QStringLiteral("json") });
        QCOMPARE(r.code, 0);
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("spf")).toObject().value(QLatin1String("result")).toString(),
            QStringLiteral("pass"));
        QCOMPARE(o.value(QLatin1String("spf")).toObject().value(QLatin1String("domain")).toString(),
            QStringLiteral("example.com"));

        r = cli({ QStringLiteral("spf"), QStringLiteral("--ip"), QStringLiteral("198.51.100.1"),
            QStringLiteral("--mail-from"), QStringLiteral("alice@example.com"),
            QStringLiteral("--offline"), QStringLiteral("--zone"), zone });
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains("[fail]"));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
