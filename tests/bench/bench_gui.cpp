// The GUI against the engine on one huge message (issue 8): a 25 MB message with three DKIM
// signatures is opened through MainWindow::openFile (what File › Open does) and timed until
// the step tree shows the complete trace; the same file is verified by the core alone as the
// CLI does (parse + Verifier with DNS from the zone file). Reports both times, their ratio
// (target <= 2x) and the longest gap of a 10 ms QTimer on the GUI thread (target <= 100 ms)
// while the workbench loads and verifies, fills the raw view, shows the hex view and fills a
// canonical body view when they are brought to the front, and scrolls to a highlight at the
// end (raw view in front, then the hex view in front); each
// gap also with the GUI thread's CPU time in it (the wall gap includes waiting for a core on
// a loaded machine). BENCH_GUI_GAPS=1 lists every gap over 50 ms. A small main printing figures:
// timings belong in benchmarks, not in pass/fail tests. Build in a Release or RelWithDebInfo tree.
//   bench_gui [--size MB] [--runs N]
// The batch view's engine on a folder (a bench corpus): BatchRunner from start to its
// finished signal, messages per second, and the longest event-loop gap meanwhile.
//   bench_gui --batch DIR --zone FILE [--threads N] [--runs N]
#include "BatchRunner.h"
#include "HexView.h"
#include "MainWindow.h"
#include "SourceTabs.h"
#include "SourceView.h"
#include "StepTreeModel.h"
#include "bench/MailText.h"
#include "common/DkimSigner.h"
#include "common/TestKeys.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Verdict.h"
#include "verify/Verifier.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>
#include <time.h>

using namespace ms;

namespace {

QByteArray makeBody(qsizetype size)
{
    return msbench::mailLikeBody(size, 7, false);
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

const QDateTime kTime = QDateTime::fromSecsSinceEpoch(1780000000, Qt::UTC);

struct Corpus {
    QString message;
    QString zone;
    qint64 bytes = 0;
};

Corpus makeCorpus(const QString& dir, qsizetype size)
{
    QByteArray msg = mstest::sampleMessage(makeBody(size));
    QList<QPair<QByteArray, QByteArray>> txt;
    // Three signers as a real message collects them: author domain, ESP, mailing list, with
    // different keys and canonicalizations (each hashes the whole body once).
    struct Signer {
        const char* domain;
        const char* selector;
        const char* canon;
        const crypto::PrivateKey* key;
    };
    const Signer signers[] = { { "example.com", "s2024", "relaxed/relaxed", &mstest::rsaKey(2048) },
        { "esp.example.net", "esp1", "relaxed/simple", &mstest::otherRsaKey() },
        { "lists.example.org", "ed", "simple/simple", &mstest::ed25519Key() } };
    for (const Signer& s : signers) {
        mstest::DkimSignOptions o;
        o.domain = s.domain;
        o.selector = s.selector;
        o.canon = s.canon;
        o.algorithm = s.key == &mstest::ed25519Key() ? "ed25519-sha256" : "rsa-sha256";
        o.timestamp = kTime.toSecsSinceEpoch() - 60;
        msg = mstest::dkimSign(msg, *s.key, o);
        txt.append(
            { QByteArray(s.selector) + "._domainkey." + s.domain, mstest::dkimKeyRecord(*s.key) });
    }
    QByteArray zone = "$TTL 300\n";
    for (const auto& [name, value] : txt) {
        zone += name + ". IN TXT";
        for (qsizetype i = 0; i < value.size(); i += 200)
            zone += " \"" + value.mid(i, 200) + '"';
        zone += '\n';
    }
    zone += "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n";
    zone += "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject\"\n";
    Corpus c;
    c.message = dir + QStringLiteral("/huge.eml");
    c.zone = dir + QStringLiteral("/huge.zone");
    QFile m(c.message), z(c.zone);
    if (!m.open(QIODevice::WriteOnly) || m.write(msg) != msg.size() || !z.open(QIODevice::WriteOnly)
        || z.write(zone) != zone.size())
        return {};
    c.bytes = msg.size();
    return c;
}

// The CLI's path: read the file, parse, verify with the zone file (offline), all checks.
double cliOnce(const Corpus& c, QString* dkim)
{
    QElapsedTimer t;
    t.start();
    QFile f(c.message);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const Message message = Message::parse(f.readAll());
    VerifyOptions o;
    o.timeMode = VerifyOptions::TimeMode::Fixed;
    o.fixedTime = kTime;
    Verifier v(o, dns::ZoneResolver::fromFiles({ c.zone }));
    const Report r = v.verify(message, c.message);
    const double ms = t.nsecsElapsed() / 1e6;
    if (const CheckResult* d = r.check(QStringLiteral("dkim")))
        *dkim = statusName(d->status) + QStringLiteral(" — ") + d->summary;
    return ms;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readAll().split(' ').value(0).toDouble();
}

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The longest event-loop gap of one phase, by the wall clock and in GUI-thread CPU time (on a
// shared machine the wall gap includes time the thread waited for a core; the CPU time is
// what the GUI thread itself spent, the part this code can change).
struct Gap {
    double wallMs = 0;
    double cpuMs = 0; // the GUI thread's CPU time during that gap
    double maxCpuMs = 0; // the most CPU time in any one gap of the phase
};

// Samples the event loop with a 10 ms timer: every timeout closes a gap.
class GapWatch
{
public:
    GapWatch()
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(10);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { tick(); });
    }
    void start(QElapsedTimer* clock)
    {
        m_clock = clock;
        m_wall.start();
        m_cpu = threadCpuNs();
        m_ticker.start();
    }
    // Closes the current gap and starts a new phase; returns the phase just ended.
    Gap phase()
    {
        tick();
        const Gap g = m_gap;
        m_gap = {};
        return g;
    }
    void stop() { m_ticker.stop(); }

private:
    void tick()
    {
        const double wall = m_wall.nsecsElapsed() / 1e6;
        const qint64 cpuNow = threadCpuNs();
        const double cpu = (cpuNow - m_cpu) / 1e6;
        if (wall > m_gap.wallMs)
            m_gap = { wall, cpu, std::max(m_gap.maxCpuMs, cpu) };
        m_gap.maxCpuMs = std::max(m_gap.maxCpuMs, cpu);
        if (wall > 50 && qEnvironmentVariableIsSet("BENCH_GUI_GAPS"))
            std::printf("  gap %.0f ms (GUI thread CPU %.0f ms) ending at %.0f ms\n", wall, cpu,
                m_clock ? m_clock->nsecsElapsed() / 1e6 : 0);
        m_wall.restart();
        m_cpu = cpuNow;
    }
    QTimer m_ticker;
    QElapsedTimer m_wall;
    QElapsedTimer* m_clock = nullptr;
    qint64 m_cpu = 0;
    Gap m_gap;
};

struct GuiRun {
    double ms = -1;
    double viewMs = -1; // until the raw message view holds every byte (it fills from the loop)
    Gap verify; // File › Open until the tree holds the finished report
    Gap view; // then until the raw message view is complete
    Gap hex; // the hex tab brought to the front until it is complete
    Gap body; // the first canonical body tab likewise
    Gap jump; // a highlight near the end of the message (the view scrolls and styles there)
    Gap hexJump; // the same with the hex view in front
    double hexMs = -1, bodyMs = -1;
    int steps = 0;
    double load = -1;
    Gap worst() const
    {
        Gap w;
        double maxCpu = 0;
        for (const Gap& g : { verify, view, hex, body, jump, hexJump }) {
            if (g.wallMs > w.wallMs)
                w = g;
            maxCpu = std::max(maxCpu, g.maxCpuMs);
        }
        w.maxCpuMs = maxCpu; // over every phase, not only the one with the longest wall gap
        return w;
    }
};

// Runs the event loop until the view holds all its bytes; returns the time it took.
double waitLoaded(ui::SourceView* v)
{
    QElapsedTimer t;
    t.start();
    while (v && !v->isLoaded())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return t.nsecsElapsed() / 1e6;
}

// Runs the event loop for `ms` (paint, layout and whatever else was queued).
void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

void showTab(ui::SourceTabs* tabs, QWidget* page)
{
    if (page)
        tabs->tabs()->setCurrentWidget(page);
}

// File › Open's path until the tree shows the finished report, with a 10 ms timer watching
// the event loop; then the raw view until complete, the hex and a canonical-body view brought
// to the front, and a highlight near the end of the message.
GuiRun guiOnce(const Corpus& c)
{
    GuiRun run;
    run.load = loadAverage();
    ui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    QCoreApplication::processEvents();

    QElapsedTimer t;
    GapWatch watch;
    QEventLoop loop;
    int id = -1;
    bool done = false;
    QObject::connect(&w, &ui::MainWindow::verificationFinished, [&](int doc) {
        if (doc == id || id < 0) {
            done = true;
            if (qEnvironmentVariableIsSet("BENCH_GUI_GAPS"))
                std::printf("  finished at %.0f ms\n", t.nsecsElapsed() / 1e6);
            // Let whatever the finished report queued (layout, paint) run before stopping.
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
        }
    });
    t.start();
    watch.start(&t);
    id = w.openFile(c.message, { c.zone }, kTime);
    if (!done)
        loop.exec();
    run.ms = t.nsecsElapsed() / 1e6;
    run.verify = watch.phase();
    // The tree is complete; the message view keeps filling from the event loop.
    ui::SourceTabs* tabs = w.sourceTabs();
    ui::SourceView* raw = tabs->viewFor(QStringLiteral("message"));
    waitLoaded(raw);
    run.viewMs = t.nsecsElapsed() / 1e6;
    run.view = watch.phase();

    // The hex view formats only the rows in view: complete once it has painted.
    {
        QElapsedTimer h;
        h.start();
        showTab(tabs, tabs->hexView());
        QCoreApplication::processEvents();
        run.hexMs = h.nsecsElapsed() / 1e6;
        settle(300);
    }
    run.hex = watch.phase();

    ui::SourceView* body = tabs->viewFor(QStringLiteral("dkim/1/body"));
    showTab(tabs, body);
    run.bodyMs = waitLoaded(body);
    run.body = watch.phase();

    const qint64 end = raw ? raw->bytes().size() : 0;
    if (raw) {
        showTab(tabs, raw);
        settle(300);
        watch.phase(); // the tab switch is not the highlight's
        tabs->highlight({ Span { QStringLiteral("message"), end - 200, 100 } });
        settle(300);
    }
    run.jump = watch.phase();
    if (raw && tabs->hexView()) {
        showTab(tabs, tabs->hexView());
        settle(300);
        watch.phase();
        tabs->highlight({ Span { QStringLiteral("message"), end - 1000, 100 } });
        settle(300);
    }
    run.hexJump = watch.phase();
    watch.stop();
    run.steps = w.stepModel()->rowCount();
    return run;
}

// One batch over a folder, offline with DNS from `zone`, as the batch view runs it.
struct BatchRun {
    double ms = 0;
    int rows = 0;
    int failedRows = 0; // input errors
    Gap gap;
};

BatchRun batchOnce(const QString& dir, const QString& zone, int threads)
{
    ui::BatchRunner runner;
    ui::BatchRequest request;
    request.inputs = { dir };
    request.base.zoneFiles = { zone };
    request.base.offline = true;
    request.base.options.checks = QStringList { QStringLiteral("dkim") };
    request.threads = threads;
    BatchRun r;
    QObject::connect(&runner, &ui::BatchRunner::rowsReady, [&r](const QList<ui::BatchRow>& rows) {
        r.rows += int(rows.size());
        for (const ui::BatchRow& row : rows)
            r.failedRows += row.inputError.isEmpty() ? 0 : 1;
    });
    QEventLoop loop;
    QObject::connect(&runner, &ui::BatchRunner::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    GapWatch watch;
    clock.start();
    watch.start(&clock);
    runner.start(request);
    loop.exec();
    r.ms = clock.nsecsElapsed() / 1e6;
    r.gap = watch.phase();
    watch.stop();
    return r;
}

int batchMain(const QString& dir, const QString& zone, int threads, int runs)
{
    QList<double> times, gaps;
    int rows = 0;
    for (int i = 0; i < runs; ++i) {
        const BatchRun b = batchOnce(dir, zone, threads);
        QThreadPool::globalInstance()->waitForDone();
        times << b.ms;
        gaps << b.gap.wallMs;
        rows = b.rows;
        std::printf("run %d (load average %.1f): %d rows (%d input errors) in %.0f ms, "
                    "%.0f messages/s; longest event-loop gap %.0f ms (GUI CPU %.0f ms)\n",
            i + 1, loadAverage(), b.rows, b.failedRows, b.ms, b.ms > 0 ? b.rows * 1000 / b.ms : 0,
            b.gap.wallMs, b.gap.cpuMs);
        std::fflush(stdout);
    }
    const double m = median(times);
    std::printf("median: %.0f ms for %d messages, %.0f messages/s (%d threads); longest "
                "event-loop gap %.0f ms\n",
        m, rows, m > 0 ? rows * 1000 / m : 0, threads > 0 ? threads : QThread::idealThreadCount(),
        *std::max_element(gaps.begin(), gaps.end()));
    return rows > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("MailscopeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui"));

    qsizetype sizeMb = 25;
    int runs = 3;
    int threads = 0;
    QString batchDir, batchZone;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--size"))
            sizeMb = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--batch"))
            batchDir = args[i + 1];
        else if (args[i] == QLatin1String("--zone"))
            batchZone = args[i + 1];
        else if (args[i] == QLatin1String("--threads"))
            threads = std::max(0, args[i + 1].toInt());
    }
    if (!batchDir.isEmpty())
        return batchMain(batchDir, batchZone, threads, runs);

    QTemporaryDir dir;
    const Corpus c = makeCorpus(dir.path(), sizeMb * 1000 * 1000);
    if (c.bytes == 0) {
        std::fprintf(stderr, "bench_gui: cannot write the corpus\n");
        return 1;
    }
    std::printf("message: %.1f MB, 3 DKIM signatures (rsa relaxed, rsa relaxed/simple, "
                "ed25519 simple)\n",
        c.bytes / 1e6);

    QList<double> cli, gui, gaps, cpuGaps;
    QString dkim;
    for (int i = 0; i < runs; ++i) {
        cli << cliOnce(c, &dkim);
        // The workbench starts its own pool threads, as the application does (below the GUI
        // thread's priority): none left over from the core's run.
        QThreadPool::globalInstance()->waitForDone();
        const GuiRun g = guiOnce(c);
        gui << g.ms;
        const Gap worst = g.worst();
        gaps << worst.wallMs;
        cpuGaps << worst.maxCpuMs;
        auto fmt = [](const Gap& x) {
            return QStringLiteral("%1 ms (CPU %2)")
                .arg(x.wallMs, 0, 'f', 0)
                .arg(x.cpuMs, 0, 'f', 0);
        };
        std::printf("run %d (load average %.1f): core %.0f ms, workbench %.0f ms (%d top-level "
                    "steps); raw view complete at %.0f ms, hex view in %.0f ms, canonical body "
                    "in %.0f ms\n"
                    "  longest event-loop gap (GUI-thread CPU in it): verify %s, raw view %s, "
                    "hex %s, canonical body %s, highlight at the end %s (in the hex view %s); "
                    "most CPU in one gap %.0f ms\n",
            i + 1, g.load, cli.last(), g.ms, g.steps, g.viewMs, g.hexMs, g.bodyMs,
            qPrintable(fmt(g.verify)), qPrintable(fmt(g.view)), qPrintable(fmt(g.hex)),
            qPrintable(fmt(g.body)), qPrintable(fmt(g.jump)), qPrintable(fmt(g.hexJump)),
            worst.maxCpuMs);
        std::fflush(stdout);
    }
    const double mc = median(cli), mg = median(gui);
    std::printf("dkim: %s\n", qPrintable(dkim));
    std::printf("median: core (CLI path) %.0f ms, workbench %.0f ms, ratio %.2fx (target <= 2x)\n",
        mc, mg, mc > 0 ? mg / mc : 0);
    std::printf("longest event-loop gap: %.0f ms (median of runs %.0f ms; target <= 100 ms); "
                "most GUI-thread CPU in one gap: %.0f ms (median %.0f ms); load average now "
                "%.1f\n",
        *std::max_element(gaps.begin(), gaps.end()), median(gaps),
        *std::max_element(cpuGaps.begin(), cpuGaps.end()), median(cpuGaps), loadAverage());
    return 0;
}
