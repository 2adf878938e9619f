// The GUI against the engine on one huge message (issue 8): a 25 MB message with three DKIM
// signatures is opened through MainWindow::openFile (what File › Open does) and timed until
// the step tree shows the complete trace; the same file is verified by the core alone as the
// CLI does (parse + Verifier with DNS from the zone file). Reports both times, their ratio
// (target <= 2x) and the longest gap of a 10 ms QTimer on the GUI thread while the workbench
// loads and verifies (target <= 100 ms). A small main printing figures: timings belong in
// benchmarks, not in pass/fail tests. Build in a Release or RelWithDebInfo tree.
//   bench_gui [--size MB] [--runs N]
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
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>

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

struct GuiRun {
    double ms = -1;
    double maxGapMs = 0;
    double viewMs = -1; // until the raw message view holds every byte (it fills in slices)
    int steps = 0;
};

// File › Open's path until the tree shows the finished report, with a 10 ms timer watching
// the event loop.
GuiRun guiOnce(const Corpus& c)
{
    GuiRun run;
    ui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    QCoreApplication::processEvents();

    QElapsedTimer gap;
    qint64 maxGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        maxGap = std::max(maxGap, gap.nsecsElapsed());
        gap.restart();
    });

    QEventLoop loop;
    int id = -1;
    bool done = false;
    QObject::connect(&w, &ui::MainWindow::verificationFinished, [&](int doc) {
        if (doc == id || id < 0) {
            done = true;
            // Let whatever the finished report queued (layout, paint) run before stopping.
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
        }
    });
    QElapsedTimer t;
    gap.start();
    ticker.start();
    t.start();
    id = w.openFile(c.message, { c.zone }, kTime);
    if (!done)
        loop.exec();
    run.ms = t.nsecsElapsed() / 1e6;
    // The tree is complete; the message view keeps filling from the event loop.
    if (ui::SourceView* v = w.sourceTabs()->viewFor(QStringLiteral("message"))) {
        while (!v->isLoaded())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    run.viewMs = t.nsecsElapsed() / 1e6;
    ticker.stop();
    maxGap = std::max(maxGap, gap.nsecsElapsed());
    run.maxGapMs = maxGap / 1e6;
    run.steps = w.stepModel()->rowCount();
    return run;
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
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--size"))
            sizeMb = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }

    QTemporaryDir dir;
    const Corpus c = makeCorpus(dir.path(), sizeMb * 1000 * 1000);
    if (c.bytes == 0) {
        std::fprintf(stderr, "bench_gui: cannot write the corpus\n");
        return 1;
    }
    std::printf("message: %.1f MB, 3 DKIM signatures (rsa relaxed, rsa relaxed/simple, "
                "ed25519 simple)\n",
        c.bytes / 1e6);

    QList<double> cli, gui, gaps;
    QString dkim;
    for (int i = 0; i < runs; ++i) {
        cli << cliOnce(c, &dkim);
        const GuiRun g = guiOnce(c);
        gui << g.ms;
        gaps << g.maxGapMs;
        std::printf("run %d: core %.0f ms, workbench %.0f ms (%d top-level steps; message view "
                    "filled at %.0f ms), longest event-loop gap %.0f ms\n",
            i + 1, cli.last(), g.ms, g.steps, g.viewMs, g.maxGapMs);
        std::fflush(stdout);
    }
    const double mc = median(cli), mg = median(gui);
    std::printf("dkim: %s\n", qPrintable(dkim));
    std::printf("median: core (CLI path) %.0f ms, workbench %.0f ms, ratio %.2fx (target <= 2x)\n",
        mc, mg, mc > 0 ? mg / mc : 0);
    std::printf("longest event-loop gap: %.0f ms (median of runs %.0f ms; target <= 100 ms)\n",
        *std::max_element(gaps.begin(), gaps.end()), median(gaps));
    return 0;
}
