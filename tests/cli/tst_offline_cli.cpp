// "Offline mode makes no network traffic at all" (issue 10), proven from outside: the CLI
// (--offline, and --zone alone) and the GUI (--offline --quit-after-load, offscreen) run
// on a message whose checks ask DNS, watched two ways: under strace (system calls; skipped
// where ptrace is not allowed) and with the netwatch library preloaded (every socket(),
// connect() and send*() through libc). No AF_INET/AF_INET6 socket may be created and
// nothing may be connected or sent to an Internet address. A control run with a DNS
// server on 127.0.0.1 shows that each way of watching does see such traffic.
#include "common/DnsMisbehaving.h"
#include "common/TestUtil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

enum class Watch { Strace, Preload };

struct Traced {
    int exitCode = -1;
    QByteArray out, err;
    QStringList calls; // every traced system call line
};

// The calls that create or use an Internet socket.
QStringList internetCalls(const QStringList& calls)
{
    static const QRegularExpression re(QStringLiteral("AF_INET6?\\b|sin6?_family=AF_INET"));
    QStringList hits;
    for (const QString& c : calls) {
        if (re.match(c).hasMatch())
            hits << c;
    }
    return hits;
}

} // namespace

Q_DECLARE_METATYPE(Watch)

class TestOfflineCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_strace;
    QString m_straceProblem; // why strace cannot trace here, or empty

    static void addWatchRows(const char* what)
    {
        QTest::newRow(qPrintable(QStringLiteral("strace: %1").arg(QLatin1String(what))))
            << Watch::Strace;
        QTest::newRow(qPrintable(QStringLiteral("preload: %1").arg(QLatin1String(what))))
            << Watch::Preload;
    }

    Traced traced(Watch watch, const QString& program, const QStringList& args)
    {
        Traced t;
        const QString log = m_dir.filePath(QStringLiteral("trace-%1.log").arg(++m_runs));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        asan += asan.isEmpty() ? QString() : QStringLiteral(":");
        // A settings folder of our own: the GUI must not read the user's.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        if (watch == Watch::Strace) {
            // LeakSanitizer stops the world with ptrace, which is taken by strace here.
            env.insert(QStringLiteral("ASAN_OPTIONS"), asan + QStringLiteral("detect_leaks=0"));
            p.setProcessEnvironment(env);
            p.start(m_strace,
                QStringList { QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-e"),
                    QStringLiteral("trace=socket,connect,sendto,sendmsg,sendmmsg"),
                    QStringLiteral("-o"), log, program }
                    + args);
        } else {
            env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(MAILSCOPE_NETWATCH_PATH));
            env.insert(QStringLiteral("MS_NETWATCH_LOG"), log);
            // ASan wants its runtime first among the preloaded libraries; the program has it
            // linked in, which is enough.
            env.insert(
                QStringLiteral("ASAN_OPTIONS"), asan + QStringLiteral("verify_asan_link_order=0"));
            p.setProcessEnvironment(env);
            p.start(program, args);
        }
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
            return t;
        }
        t.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        t.out = p.readAllStandardOutput();
        t.err = p.readAllStandardError();
        for (const QByteArray& line : mstest::readFile(log).split('\n')) {
            if (!line.trimmed().isEmpty())
                t.calls << QString::fromUtf8(line);
        }
        return t;
    }
    int m_runs = 0;

    // The report asked DNS (so offline mode had something to refuse) and every answer
    // came from a zone file or was refused as offline.
    static void checkAskedOffline(const QByteArray& json, bool expectZoneAnswers)
    {
        const QJsonObject report = QJsonDocument::fromJson(json).object();
        const QJsonArray dns = report.value(QStringLiteral("dns")).toArray();
        QVERIFY2(!dns.isEmpty(), "the checks asked no DNS question: the test would prove nothing");
        int offline = 0;
        for (const QJsonValue& v : dns) {
            const QString outcome = v.toObject().value(QStringLiteral("outcome")).toString();
            offline += outcome == QLatin1String("offline") ? 1 : 0;
        }
        if (!expectZoneAnswers)
            QCOMPARE(offline, int(dns.size()));
        else
            QVERIFY2(offline < dns.size(), "no answer came from the zone file");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(MAILSCOPE_NETWATCH_PATH)),
            "the netwatch preload library is not built");
        m_strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
        QVERIFY2(!m_strace.isEmpty(), "strace is not installed (tools/dev.sh installs it)");
        // Containers often forbid ptrace; then only the preloaded library watches.
        QProcess probe;
        probe.start(m_strace,
            { QStringLiteral("-f"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                QStringLiteral("true") });
        QVERIFY(probe.waitForFinished(60000));
        if (probe.exitCode() != 0) {
            m_straceProblem = QStringLiteral("strace cannot trace processes on this machine "
                                             "(ptrace not permitted?): %1")
                                  .arg(QString::fromUtf8(probe.readAllStandardError().trimmed()));
        }
    }

    void init()
    {
        if (QTest::currentDataTag() && QByteArray(QTest::currentDataTag()).startsWith("strace")
            && !m_straceProblem.isEmpty())
            QSKIP(qPrintable(m_straceProblem + QStringLiteral(" (the preload rows still run)")));
    }

    // Each way of watching sees Internet traffic when there is some: a CLI run against a
    // DNS server on 127.0.0.1.
    void controlRunSeesTraffic_data()
    {
        QTest::addColumn<Watch>("watch");
        addWatchRows("DNS server on 127.0.0.1");
    }

    void controlRunSeesTraffic()
    {
        QFETCH(Watch, watch);
        mstest::DnsBlackHole hole;
        const Traced t = traced(watch, mstest::cliPath(),
            { QStringLiteral("verify"), QStringLiteral("--dns-server"),
                QStringLiteral("127.0.0.1:%1").arg(hole.port()), QStringLiteral("--time-budget"),
                QStringLiteral("1500"), QStringLiteral("--format"), QStringLiteral("json"),
                mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")) });
        QVERIFY2(t.exitCode >= 0, t.err.constData());
        const QStringList hits = internetCalls(t.calls);
        QVERIFY2(!hits.isEmpty(), qPrintable(t.calls.join(QLatin1Char('\n'))));
    }

    void cli_data()
    {
        QTest::addColumn<Watch>("watch");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("zoneAnswers");
        const QString zone = mstest::sampleFile(QStringLiteral("good"), QStringLiteral("zone"));
        for (const Watch w : { Watch::Strace, Watch::Preload }) {
            const char* by = w == Watch::Strace ? "strace" : "preload";
            QTest::addRow("%s: --offline", by)
                << w << QStringList { QStringLiteral("--offline") } << false;
            QTest::addRow("%s: --zone alone", by)
                << w << QStringList { QStringLiteral("--zone"), zone } << true;
            QTest::addRow("%s: --offline and --zone", by)
                << w << QStringList { QStringLiteral("--offline"), QStringLiteral("--zone"), zone }
                << true;
        }
    }

    void cli()
    {
        QFETCH(Watch, watch);
        QFETCH(QStringList, options);
        QFETCH(bool, zoneAnswers);
        // good.eml: SPF (Received: client IP), DKIM (key record), DMARC, TLS evidence and
        // a From domain outside the zone file, so some names are never answered locally.
        const Traced t = traced(watch, mstest::cliPath(),
            QStringList { QStringLiteral("verify") } + options
                + QStringList { QStringLiteral("--format"), QStringLiteral("json"),
                    QStringLiteral("--time"), QStringLiteral("2024-06-01T12:00:00Z"),
                    mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")) });
        QVERIFY2(t.exitCode >= 0 && t.exitCode != 2 && t.exitCode != 3, t.err.constData());
        checkAskedOffline(t.out, zoneAnswers);
        const QStringList hits = internetCalls(t.calls);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void gui_data()
    {
        QTest::addColumn<Watch>("watch");
        addWatchRows("GUI --offline");
    }

    void gui()
    {
        QFETCH(Watch, watch);
        const QString gui = QStringLiteral(MAILSCOPE_BINARY_DIR "/app/mailscope");
        if (!QFile::exists(gui))
            QSKIP("the GUI program is not built (MAILSCOPE_BUILD_GUI=OFF, or its target was not "
                  "built)");
        const Traced t = traced(watch, gui,
            { QStringLiteral("--offline"), QStringLiteral("--quit-after-load"),
                QStringLiteral("--time"), QStringLiteral("2024-06-01T12:00:00Z"),
                mstest::sampleFile(QStringLiteral("good"), QStringLiteral("eml")) });
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QVERIFY2(t.out.contains("verification finished"), t.out.constData());
        const QStringList hits = internetCalls(t.calls);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestOfflineCli)
#include "tst_offline_cli.moc"
