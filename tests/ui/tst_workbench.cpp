// The main window end to end on the bundled samples (offline, from their zone files):
// open, select a step and read the editor's highlight back, click a byte, what-if DNS,
// offline mode sending nothing, evidence bundle round trip, Japanese, compare.
#include "CompareDialog.h"
#include "DnsLogModel.h"
#include "Engine.h"
#include "I18n.h"
#include "MainWindow.h"
#include "Scenarios.h"
#include "SourceTabs.h"
#include "SourceView.h"
#include "StepTreeModel.h"
#include "VerdictBar.h"
#include "WhatIfPanel.h"
#include "common/TestUtil.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <arpa/inet.h>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ms;
using namespace ms::ui;

namespace {

QString sample(const QString& name)
{
    return mstest::samplesDir() + QLatin1Char('/') + name + QLatin1Char('/') + name
        + QStringLiteral(".eml");
}

// Opens a file and waits for its verification.
int openAndWait(MainWindow& w, const QString& path, const QStringList& zones)
{
    QSignalSpy done(&w, &MainWindow::verificationFinished);
    const int id = w.openFile(path, zones, sampleTime(path));
    if (id < 0)
        return -1;
    while (true) {
        for (const QList<QVariant>& args : std::as_const(done)) {
            if (args.at(0).toInt() == id)
                return id;
        }
        if (!done.wait(120000))
            return -1;
    }
}

// First step (tree order) whose spans point into `source`, with its path.
std::optional<StepPath> firstStepWithSpan(const Step& root, const QString& source)
{
    std::optional<StepPath> found;
    StepPath path;
    std::function<void(const Step&)> walk = [&](const Step& s) {
        if (found)
            return;
        if (!path.isEmpty()) {
            for (const Span& sp : s.spans) {
                if (sp.source == source && sp.length > 0) {
                    found = path;
                    return;
                }
            }
        }
        for (int i = 0; i < int(s.children.size()); ++i) {
            path.append(i);
            walk(s.children[size_t(i)]);
            path.removeLast();
        }
    };
    walk(root);
    return found;
}

// A DNS "server" on 127.0.0.1 that never answers and counts the datagrams reaching it.
class CountingUdpServer
{
public:
    CountingUdpServer()
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0)
            return;
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len);
        m_port = ntohs(a.sin_port);
    }
    ~CountingUdpServer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    int received()
    {
        char buf[4096];
        while (::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT) >= 0)
            ++m_count;
        return m_count;
    }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    int m_count = 0;
};

} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void openSampleSelectStepHighlightsBytes();
    void clickByteSelectsDeepestStep();
    void dnsLogShowsTranscript();
    void whatIfReverifyChangesResult();
    void offlineModeSendsNoQuery();
    void evidenceBundleReplaysSameReport();
    void languageSwitchShowsJapanese();
    void compareTwoMessages();

private:
    QTemporaryDir m_settingsDir;
};

void TestWorkbench::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("MailscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workbench"));
    if (!QFileInfo::exists(sample(QStringLiteral("good"))))
        QFAIL("resources/samples/good is missing");
}

void TestWorkbench::init()
{
    QSettings().clear();
    applyLanguage(QStringLiteral("en"));
}

void TestWorkbench::openSampleSelectStepHighlightsBytes()
{
    MainWindow w;
    w.show();
    const QString path = sample(QStringLiteral("good"));
    const int id = openAndWait(w, path, zonesFor(path));
    QVERIFY(id > 0);
    const Document* d = w.document(id);
    QVERIFY(d && d->report);
    QVERIFY(d->notes.isEmpty());

    auto* tree = w.findChild<QTreeView*>(QStringLiteral("stepTree"));
    QVERIFY(tree);
    QCOMPARE(tree->model(), w.stepModel());
    QVERIFY(w.stepModel()->rowCount() >= 1);

    // A step with bytes in the message: select it in the tree, read the editor back.
    const auto path1 = firstStepWithSpan(d->report->root, QStringLiteral("message"));
    QVERIFY(path1);
    const Step* s = stepAt(d->report->root, *path1);
    tree->setCurrentIndex(w.stepModel()->indexOf(*path1));
    auto* raw = w.findChild<SourceView*>(QStringLiteral("rawMessageView"));
    QVERIFY(raw);
    QCOMPARE(w.sourceTabs()->currentView(), raw);
    QList<QPair<qint64, qint64>> expected;
    for (const Span& sp : s->spans) {
        if (sp.source == QLatin1String("message") && sp.length > 0)
            expected.append({ sp.offset, sp.length });
    }
    std::sort(expected.begin(), expected.end());
    // Adjacent spans merge into one run in the editor.
    QList<QPair<qint64, qint64>> merged;
    for (const auto& r : expected) {
        if (!merged.isEmpty() && merged.last().first + merged.last().second >= r.first)
            merged.last().second
                = std::max(merged.last().first + merged.last().second, r.first + r.second)
                - merged.last().first;
        else
            merged.append(r);
    }
    QCOMPARE(raw->highlightedRanges(), merged);

    // The status bar carries the verdict in words.
    auto* status = w.findChild<QLabel*>(QStringLiteral("statusVerdict"));
    QVERIFY(status->text().startsWith(QStringLiteral("Verdict: ")));
    // The detail pane explains the selected step.
    QVERIFY(w.findChild<QWidget*>(QStringLiteral("detailPane")));
}

void TestWorkbench::clickByteSelectsDeepestStep()
{
    MainWindow w;
    w.show();
    const QString path = sample(QStringLiteral("good"));
    const int id = openAndWait(w, path, zonesFor(path));
    QVERIFY(id > 0);
    const Report& r = *w.document(id)->report;
    auto* raw = w.findChild<SourceView*>(QStringLiteral("rawMessageView"));
    QVERIFY(raw);
    // Every header field start: the selected step is the deepest covering step.
    int checked = 0;
    const QByteArray bytes = raw->bytes();
    for (qint64 off = 0; off < bytes.size() && checked < 20; ++off) {
        if (off != 0 && bytes.at(off - 1) != '\n')
            continue;
        const auto want = deepestStepAt(r.root, QStringLiteral("message"), off + 2);
        if (!want || want->isEmpty())
            continue;
        raw->activateOffset(off + 2);
        QCOMPARE(w.stepModel()->pathOf(w.stepTree()->currentIndex()), *want);
        ++checked;
    }
    QVERIFY2(checked > 0, "no step covers any header byte");
}

void TestWorkbench::dnsLogShowsTranscript()
{
    MainWindow w;
    const QString path = sample(QStringLiteral("good"));
    const int id = openAndWait(w, path, zonesFor(path));
    QVERIFY(id > 0);
    const Report& r = *w.document(id)->report;
    auto* table = w.findChild<QTableView*>(QStringLiteral("dnsLog"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), int(r.dns.size()));
    if (r.dns.isEmpty())
        QFAIL("no check asked DNS (SPF/DKIM/DMARC not registered yet)");
    // Every answer came from the zone file, none from the network.
    for (const dns::Answer& a : r.dns)
        QVERIFY2(a.outcome != dns::Outcome::Timeout && a.outcome != dns::Outcome::Unreachable,
            qPrintable(QString::fromLatin1(a.qname)));
    // Filtering by a name keeps only its rows; selecting a row selects the asking step.
    auto* filter = w.findChild<QLineEdit*>(QStringLiteral("dnsFilter"));
    filter->setText(QString::fromLatin1(r.dns.first().qname));
    QVERIFY(table->model()->rowCount() >= 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    const QModelIndex cur = w.stepTree()->currentIndex();
    QVERIFY(cur.isValid());
    QCOMPARE(cur.data(StepTreeModel::KindRole).toString(), QStringLiteral("dns.query"));
}

void TestWorkbench::whatIfReverifyChangesResult()
{
    MainWindow w;
    const QString path = sample(QStringLiteral("good"));
    const int id = openAndWait(w, path, zonesFor(path));
    QVERIFY(id > 0);
    const Report before = *w.document(id)->report;
    const CheckResult* spf = before.check(QStringLiteral("spf"));
    if (!spf || !before.outcomes.spf)
        QFAIL("the SPF check is not registered yet");
    QCOMPARE(spf->status, Status::Pass);
    // What if the envelope domain's SPF record rejected everything?
    WhatIfRecord rec;
    rec.name = before.outcomes.spf->domain;
    rec.type = QStringLiteral("TXT");
    rec.value = QStringLiteral("\"v=spf1 -all\"");
    w.whatIfPanel()->setRecords({ rec });
    QSignalSpy done(&w, &MainWindow::verificationFinished);
    QMetaObject::invokeMethod(w.whatIfPanel(), "reverifyRequested");
    QVERIFY(done.wait(120000));
    const Document* d = w.document(id);
    QCOMPARE(d->report->check(QStringLiteral("spf"))->status, Status::Fail);
    QVERIFY(d->changes.contains(QStringLiteral("SPF: pass → fail")));
    // The panel shows the change, and the tree marks the changed check.
    QCOMPARE(w.whatIfPanel()->changes(), d->changes);
    bool marked = false;
    for (int i = 0; i < w.stepModel()->rowCount(); ++i)
        marked = marked || w.stepModel()->index(i, 0).data(StepTreeModel::ChangedRole).toBool();
    QVERIFY(marked);
    // The answer is the overlay's.
    bool overlaid = false;
    for (const dns::Answer& a : d->report->dns) {
        if (a.qname == rec.name.toLatin1() && a.qtype == dns::Type::TXT)
            overlaid = overlaid || a.records.value(0).text() == "v=spf1 -all";
    }
    QVERIFY(overlaid);
}

void TestWorkbench::offlineModeSendsNoQuery()
{
    // A DNS "server" we own: a UDP socket that counts what reaches it.
    CountingUdpServer server;
    QVERIFY(server.port() != 0);
    const QString addr = QStringLiteral("127.0.0.1:%1").arg(server.port());

    const QString path = sample(QStringLiteral("good"));
    VerifyRequest req;
    req.bytes = mstest::readFile(path);
    req.fileName = path;
    req.options.timeMode = VerifyOptions::TimeMode::Fixed;
    req.options.fixedTime = sampleTime(path);
    req.dnsServer = addr;
    req.dnsTimeoutMs = 200;
    const QStringList wouldAsk = previewQueries(req, nullptr);
    if (wouldAsk.isEmpty())
        QFAIL("no check asks DNS yet (SPF/DKIM/DMARC not registered)");

    // Through the window, offline: nothing reaches the server.
    {
        AppSettings s = AppSettings::load();
        s.dnsServer = addr;
        s.dnsTimeoutMs = 200;
        s.offline = true;
        s.save();
        MainWindow w;
        QVERIFY(w.settings().offline);
        QSignalSpy done(&w, &MainWindow::verificationFinished);
        const int id
            = w.openBytes(req.bytes, QStringLiteral("offline"), {}, {}, req.options.fixedTime);
        QVERIFY(done.wait(60000));
        const Report& r = *w.document(id)->report;
        QVERIFY(!r.dns.isEmpty());
        for (const dns::Answer& a : r.dns)
            QCOMPARE(a.outcome, dns::Outcome::Offline);
        QTest::qWait(100);
        QCOMPARE(server.received(), 0);
        auto* indicator = w.findChild<QLabel*>(QStringLiteral("liveDnsIndicator"));
        QVERIFY(indicator->text().contains(QStringLiteral("Offline")));
    }
    // The same request live does reach it (so the check above can fail).
    req.offline = false;
    runVerification(req, nullptr, {});
    QVERIFY(server.received() > 0);
}

void TestWorkbench::evidenceBundleReplaysSameReport()
{
    QTemporaryDir dir;
    MainWindow w;
    const QString path = sample(QStringLiteral("good"));
    const int id = openAndWait(w, path, zonesFor(path));
    QVERIFY(id > 0);
    const QString bundle = dir.filePath(QStringLiteral("good.msev"));
    QString err;
    QVERIFY2(w.saveEvidenceBundle(bundle, &err), qPrintable(err));
    const Report original = *w.document(id)->report;

    MainWindow w2;
    QSignalSpy done(&w2, &MainWindow::verificationFinished);
    const int id2 = w2.openEvidenceBundle(bundle, &err);
    QVERIFY2(id2 > 0, qPrintable(err));
    QVERIFY(done.wait(60000));
    const Report& replayed = *w2.document(id2)->report;
    QCOMPARE(replayed.evaluationTime, original.evaluationTime);
    // Everything is the same except the line that says where the DNS answers came from
    // (the zone file then, the saved transcript now).
    auto withoutResolver = [](const Report& r, QString* resolverLine) {
        QStringList lines = toText(r).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (lines[i].trimmed().startsWith(QLatin1String("- dns: "))) {
                *resolverLine = lines.takeAt(i).trimmed();
                break;
            }
        }
        return lines.join(QLatin1Char('\n'));
    };
    QString before, after;
    const QString originalText = withoutResolver(original, &before);
    // Replayed answers name their provenance ("server: replay:zone:good.zone"); the answers
    // themselves must be identical.
    const QString replayedText
        = withoutResolver(replayed, &after)
              .replace(QLatin1String("- server: replay:"), QLatin1String("- server: "));
    const QStringList ol = originalText.split(QLatin1Char('\n'));
    const QStringList rl = replayedText.split(QLatin1Char('\n'));
    for (int i = 0; i < qMin(ol.size(), rl.size()); ++i)
        QVERIFY2(ol[i] == rl[i], qPrintable(ol[i] + QLatin1String(" <> ") + rl[i]));
    QCOMPARE(replayedText, originalText);
    QVERIFY2(after.contains(QLatin1String("replay")), qPrintable(after));
    QCOMPARE(replayed.dns.size(), original.dns.size());

    // A damaged bundle is refused with a reason.
    QFile f(dir.filePath(QStringLiteral("bad.msev")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"schema\": \"something-else\"}");
    f.close();
    QCOMPARE(w2.openEvidenceBundle(f.fileName(), &err), -1);
    QVERIFY(!err.isEmpty());
}

void TestWorkbench::languageSwitchShowsJapanese()
{
    MainWindow w;
    const QString path = sample(QStringLiteral("good"));
    QVERIFY(openAndWait(w, path, zonesFor(path)) > 0);
    QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    QSignalSpy done(&w, &MainWindow::verificationFinished);
    w.setLanguage(QStringLiteral("ja"));
    QCOMPARE(currentLanguage(), QStringLiteral("ja"));
    QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("ファイル(&F)"));
    QVERIFY(done.wait(60000)); // re-verified so the report's texts follow
    auto* status = w.findChild<QLabel*>(QStringLiteral("statusVerdict"));
    QVERIFY2(status->text().startsWith(QStringLiteral("判定: ")), qPrintable(status->text()));
    QCOMPARE(w.stepModel()->headerData(StepTreeModel::StatusColumn, Qt::Horizontal).toString(),
        QStringLiteral("結果"));
    w.setLanguage(QStringLiteral("en"));
    QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    QVERIFY(done.wait(60000));
}

void TestWorkbench::compareTwoMessages()
{
    const QString a = sample(QStringLiteral("good"));
    const QString b = sample(QStringLiteral("mailing-list"));
    if (!QFileInfo::exists(b))
        QFAIL("resources/samples/mailing-list is missing");
    MainWindow w;
    const int ida = openAndWait(w, a, zonesFor(a));
    const int idb = openAndWait(w, b, zonesFor(b));
    QVERIFY(ida > 0 && idb > 0);
    CompareDialog dlg({ { QStringLiteral("good"), w.document(ida)->report },
        { QStringLiteral("list"), w.document(idb)->report } });
    QVERIFY(dlg.findChild<QWidget*>(QStringLiteral("compareView")));
    const QString diff = dlg.diffText();
    QVERIFY(diff.contains(QStringLiteral("\n- ")) || diff.startsWith(QStringLiteral("- ")));
    QVERIFY(diff.contains(QStringLiteral("\n+ ")) || diff.startsWith(QStringLiteral("+ ")));
    // The same message against itself: no difference.
    dlg.setSides(0, 0);
    QVERIFY(!dlg.diffText().contains(QStringLiteral("\n+ ")));
    // The line diff itself.
    const QList<DiffLine> d
        = diffLines({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") },
            { QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d") });
    QCOMPARE(d.size(), 4);
    QCOMPARE(d[1].op, '-');
    QCOMPARE(d[1].text, QStringLiteral("b"));
    QCOMPARE(d[3].op, '+');
}

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
