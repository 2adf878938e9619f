// The main window end to end on the bundled samples (offline, from their zone files):
// open, select a step and read the editor's highlight back, click a byte, what-if DNS,
// offline mode sending nothing, evidence bundle round trip, Japanese, compare, PDF export,
// palette contrast, keyboard-only use and accessible names, S/MIME decryption with PKCS#12.
#include "AppSettings.h"
#include "CompareDialog.h"
#include "Dialogs.h"
#include "DnsLogModel.h"
#include "Engine.h"
#include "Exporter.h"
#include "HexView.h"
#include "I18n.h"
#include "MainWindow.h"
#include "MessageLexer.h"
#include "Scenarios.h"
#include "SourceTabs.h"
#include "SourceView.h"
#include "StatusStyle.h"
#include "StepTreeModel.h"
#include "VerdictBar.h"
#include "WhatIfPanel.h"
#include "common/DkimSigner.h"
#include "common/SmimeCa.h"
#include "common/TestKeys.h"
#include "common/TestUtil.h"
#include "report/Verdict.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
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

// openAndWait() on a bundled sample with its own zone file.
int openSample(MainWindow& w, const QString& name)
{
    const QString path = mstest::sampleFile(name);
    return openAndWait(w, path, zonesFor(path));
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

// A master file with one TXT record (split into 255-byte strings).
QString writeTxtZone(const QTemporaryDir& dir, const QByteArray& name, const QByteArray& txt)
{
    QByteArray strings;
    for (qsizetype i = 0; i < txt.size(); i += 255)
        strings += '"' + txt.mid(i, 255) + "\" ";
    const QString path = dir.filePath(QStringLiteral("test.zone"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("$TTL 300\n" + name + ". IN TXT " + strings + "\n");
    return path;
}

std::shared_ptr<const Report> verifyBytes(
    const QByteArray& bytes, const QStringList& zones, const QDateTime& time)
{
    VerifyRequest req;
    req.bytes = bytes;
    req.fileName = QStringLiteral("test.eml");
    req.zoneFiles = zones;
    req.offline = true;
    req.options.timeMode = VerifyOptions::TimeMode::Fixed;
    req.options.fixedTime = time;
    return std::make_shared<const Report>(runVerification(req, nullptr, {}).report);
}

// The step's spans into `source`, merged the way the editor shows adjacent runs.
QList<QPair<qint64, qint64>> mergedSpans(const Step& s, const QString& source)
{
    QList<QPair<qint64, qint64>> in, out;
    for (const Span& sp : s.spans) {
        if (sp.source == source && sp.length > 0)
            in.append({ sp.offset, sp.length });
    }
    std::sort(in.begin(), in.end());
    for (const auto& r : in) {
        if (!out.isEmpty() && out.last().first + out.last().second >= r.first)
            out.last().second = std::max(out.last().first + out.last().second, r.first + r.second)
                - out.last().first;
        else
            out.append(r);
    }
    return out;
}

// Interactive widgets (anything that can take the keyboard focus) without an accessible
// name, as "Class#objectName" lines. The name is what a screen reader announces: set
// explicitly, or derived by Qt from a button's text or a form label (buddy).
QStringList widgetsWithoutAccessibleName(QWidget* top)
{
    QStringList bad;
    QList<QWidget*> all = top->findChildren<QWidget*>();
    all.prepend(top);
    for (QWidget* w : std::as_const(all)) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isEnabled())
            continue;
        // The parts inside a combo box or spin box (its line edit, its popup list) are
        // announced as the composite widget, which carries the name.
        bool inner = false;
        for (QWidget* p = w->parentWidget(); p && p != top && !inner; p = p->parentWidget())
            inner = qobject_cast<QComboBox*>(p) || qobject_cast<QAbstractSpinBox*>(p);
        if (inner)
            continue;
        QString name = w->accessibleName();
        if (name.isEmpty()) {
            if (QAccessibleInterface* ai = QAccessible::queryAccessibleInterface(w))
                name = ai->text(QAccessible::Name);
        }
        if (name.trimmed().isEmpty()) {
            QString parents;
            for (QWidget* p = w->parentWidget(); p && p != top; p = p->parentWidget())
                parents += QLatin1Char('<') + QString::fromLatin1(p->metaObject()->className())
                    + QLatin1Char('#') + p->objectName();
            bad << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#')
                    + w->objectName() + parents;
        }
    }
    return bad;
}

} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void openSampleSelectStepHighlightsBytes();
    void clickByteSelectsDeepestStep();
    void hexTabShowsStepBytes();
    void dnsLogShowsTranscript();
    void whatIfReverifyChangesResult();
    void offlineModeSendsNoQuery();
    void evidenceBundleReplaysSameReport();
    void languageSwitchShowsJapanese();
    void compareTwoMessages();
    void compareSentAndReceivedPerSignature();
    void exportPdf();
    void paletteContrast_data();
    void paletteContrast();
    void accessibleNames();
    void keyboardOnlyOpenSelectHighlight();
    void f6CyclesPanes();
    void decryptWithPkcs12();

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
    if (!QFileInfo::exists(mstest::sampleFile(QStringLiteral("good"))))
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
    const int id = openSample(w, QStringLiteral("good"));
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

// With the hex tab in front, selecting a step highlights its message bytes there (the tab
// stays), "copy source" copies them, and a click on a byte selects the deepest step there.
void TestWorkbench::hexTabShowsStepBytes()
{
    MainWindow w;
    w.show();
    const int id = openSample(w, QStringLiteral("good"));
    QVERIFY(id > 0);
    const Report& r = *w.document(id)->report;
    HexView* hex = w.sourceTabs()->hexView();
    QVERIFY(hex);
    QVERIFY(w.showView(QStringLiteral("hexView")));
    QCOMPARE(w.sourceTabs()->tabs()->currentWidget(), hex);
    const auto stepPath = firstStepWithSpan(r.root, QStringLiteral("message"));
    QVERIFY(stepPath);
    auto* tree = w.findChild<QTreeView*>(QStringLiteral("stepTree"));
    tree->setCurrentIndex(w.stepModel()->indexOf(*stepPath));
    QCOMPARE(w.sourceTabs()->tabs()->currentWidget(), hex);
    QByteArray want;
    qint64 first = -1;
    for (const auto& range : hex->highlightedRanges()) {
        want += hex->bytes().mid(range.first, range.second);
        if (first < 0)
            first = range.first;
    }
    QVERIFY(!want.isEmpty());
    const Step* s = stepAt(r.root, *stepPath);
    for (const Span& sp : s->spans) {
        if (sp.source == QLatin1String("message") && sp.length > 0)
            QVERIFY(want.contains(hex->bytes().mid(sp.offset, sp.length)));
    }
    QCOMPARE(hex->caret(), first);
    auto* copy = w.findChild<QAction*>(QStringLiteral("copySourceAction"));
    QVERIFY(copy);
    copy->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(hex->highlightedBytes()));

    // A click on the first byte of the body selects the deepest step there.
    const qint64 body = hex->bytes().indexOf("\r\n\r\n") + 4;
    hex->setFirstVisibleRow(body / 16);
    QTest::mouseClick(hex->viewport(), Qt::LeftButton, {}, hex->cellRect(body).center());
    const auto deepest = deepestStepAt(r.root, QStringLiteral("message"), body);
    QVERIFY(deepest);
    QCOMPARE(w.stepModel()->pathOf(tree->currentIndex()), *deepest);
    QCOMPARE(w.sourceTabs()->tabs()->currentWidget(), hex);
    QCOMPARE(hex->firstVisibleRow(), body / 16); // the view the user clicked in did not move
}

void TestWorkbench::clickByteSelectsDeepestStep()
{
    MainWindow w;
    w.show();
    const int id = openSample(w, QStringLiteral("good"));
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
    const int id = openSample(w, QStringLiteral("good"));
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
    const int id = openSample(w, QStringLiteral("good"));
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

    const QString path = mstest::sampleFile(QStringLiteral("good"));
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
    const int id = openSample(w, QStringLiteral("good"));
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
    QVERIFY(openSample(w, QStringLiteral("good")) > 0);
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
    const QString a = mstest::sampleFile(QStringLiteral("good"));
    const QString b = mstest::sampleFile(QStringLiteral("mailing-list"));
    if (!QFileInfo::exists(b))
        QFAIL("resources/samples/mailing-list is missing");
    MainWindow w;
    const int ida = openAndWait(w, a, zonesFor(a));
    const int idb = openAndWait(w, b, zonesFor(b));
    QVERIFY(ida > 0 && idb > 0);
    CompareDialog dlg({ { QStringLiteral("good"), w.document(ida)->report },
        { QStringLiteral("list"), w.document(idb)->report } });
    QVERIFY(dlg.findChild<QWidget*>(QStringLiteral("compareView")));
    // Side-by-side rows: "~ left | right" changed, "- left | " and "+  | right" one side only.
    static const QRegularExpression changed(QStringLiteral("(^|\n)[-+~] "));
    QVERIFY2(dlg.diffText().contains(changed), qPrintable(dlg.diffText()));
    // The same message against itself: no difference.
    dlg.setSides(0, 0);
    QVERIFY2(!dlg.diffText().contains(changed), qPrintable(dlg.diffText()));
    // The line diff itself.
    const QList<DiffLine> d
        = diffLines({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") },
            { QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d") });
    QCOMPARE(d.size(), 4);
    QCOMPARE(d[1].op, '-');
    QCOMPARE(d[1].text, QStringLiteral("b"));
    QCOMPARE(d[3].op, '+');
}

void TestWorkbench::compareSentAndReceivedPerSignature()
{
    // A signed message, and the copy a mailing list delivered: a tag in the Subject and a
    // footer after the body.
    QTemporaryDir dir;
    const auto& key = mstest::rsaKey(2048);
    const QByteArray sent = mstest::dkimSign(
        mstest::sampleMessage("Hello,\r\n\r\nthe figures are attached.\r\n"), key);
    QByteArray received = sent;
    received.replace("Subject: Quarterly report", "Subject: [team] Quarterly report");
    received += "-- \r\nteam mailing list\r\nhttps://lists.example.org/team\r\n";
    const QString zone
        = writeTxtZone(dir, "sel._domainkey.example.com", mstest::dkimKeyRecord(key));
    const QDateTime t = QDateTime::fromString(QStringLiteral("2026-06-01T12:00:00Z"), Qt::ISODate);
    const auto rs = verifyBytes(sent, { zone }, t);
    const auto rr = verifyBytes(received, { zone }, t);
    QCOMPARE(rs->outcomes.dkim.size(), 1);
    QCOMPARE(rs->outcomes.dkim[0].status, Status::Pass);
    QCOMPARE(rr->outcomes.dkim[0].status, Status::Fail);

    CompareDialog dlg(
        { { QStringLiteral("sent.eml"), rs }, { QStringLiteral("received.eml"), rr } });
    // The engine matched the one signature and found both parts changed.
    QCOMPARE(dlg.comparison().signatures.size(), 1);
    const dkim::CompareSignature& cs = dlg.comparison().signatures[0];
    QCOMPARE(cs.domain, QStringLiteral("example.com"));
    QVERIFY(!cs.headerSame);
    QVERIFY(!cs.bodySame);
    // One tab per signature, then "Whole message" and "Steps".
    QCOMPARE(dlg.tabs()->count(), 3);
    QCOMPARE(dlg.tabs()->tabText(0), QStringLiteral("d=example.com s=sel"));
    QWidget* page = dlg.tabs()->widget(0);
    auto* header = page->findChild<QTextBrowser*>(QStringLiteral("compareCanonHeader"));
    auto* body = page->findChild<QTextBrowser*>(QStringLiteral("compareCanonBody"));
    QVERIFY(header && body);
    // Side by side: the sent line beside the received line.
    QVERIFY2(header->toPlainText().contains(QStringLiteral("subject:Quarterly report")),
        qPrintable(header->toPlainText()));
    QVERIFY(header->toPlainText().contains(QStringLiteral("subject:[team] Quarterly report")));
    QVERIFY(body->toPlainText().contains(QStringLiteral("team mailing list")));
    const QString diff = dlg.diffText();
    QVERIFY2(diff.contains(QStringLiteral("~ subject:Quarterly report | subject:[team] Quarterly "
                                          "report")),
        qPrintable(diff));
    QVERIFY(diff.contains(QStringLiteral("+  | team mailing list")));
    // The change named in plain words, with the received copy's forensic finding.
    const QString sum = dlg.summaryText();
    QVERIFY2(sum.contains(QStringLiteral("header: changed fields: subject")), qPrintable(sum));
    QVERIFY2(sum.contains(QStringLiteral("body: 3 line(s) added at the end")), qPrintable(sum));
    QVERIFY2(sum.contains(QStringLiteral("(body-appended)")), qPrintable(sum));
    QVERIFY(!rr->outcomes.dkim[0].finding.isEmpty());
    QVERIFY(sum.contains(rr->outcomes.dkim[0].finding));
    auto* forensics = page->findChild<QLabel*>(QStringLiteral("compareForensics"));
    QVERIFY(forensics->text().contains(QStringLiteral("Sent copy: DKIM pass")));
    QVERIFY(forensics->text().contains(QStringLiteral("Received copy: DKIM fail (body-appended)")));
    // The comparison's step tree.
    auto* steps = dlg.findChild<QTreeView*>(QStringLiteral("compareSteps"));
    QVERIFY(steps);
    const QModelIndex top = steps->model()->index(0, 0);
    QCOMPARE(top.data(StepTreeModel::KindRole).toString(), QStringLiteral("dkim.compare"));
    const QModelIndex sig = steps->model()->index(0, 0, top);
    QCOMPARE(
        sig.data(StepTreeModel::KindRole).toString(), QStringLiteral("dkim.compare.signature"));
    QCOMPARE(Status(sig.data(StepTreeModel::StatusRole).toInt()), Status::Fail);
    QCOMPARE(steps->model()->rowCount(sig), 2); // header and body differences

    // The sent copy against itself: same everywhere.
    dlg.setSides(0, 0);
    QVERIFY(dlg.comparison().signatures[0].headerSame);
    QVERIFY(dlg.comparison().signatures[0].bodySame);
    QVERIFY2(dlg.summaryText().contains(QStringLiteral("header: unchanged; body: unchanged")),
        qPrintable(dlg.summaryText()));
    // Only the body changed (a footer, no tag): the header part says unchanged.
    QByteArray footerOnly = sent + "--\r\nfooter\r\n";
    const auto rf = verifyBytes(footerOnly, { zone }, t);
    CompareDialog dlg2({ { QStringLiteral("sent"), rs }, { QStringLiteral("footer"), rf } });
    QVERIFY2(
        dlg2.summaryText().contains(QStringLiteral("header: unchanged; body: 2 line(s) added")),
        qPrintable(dlg2.summaryText()));
}

void TestWorkbench::exportPdf()
{
    MainWindow w;
    const QString path = mstest::sampleFile(QStringLiteral("mailing-list"));
    const int id = openAndWait(w, path, zonesFor(path));
    QVERIFY(id > 0);
    const Report& r = *w.document(id)->report;
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("report.pdf"));
    // An older file at the path is replaced as a whole.
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents");
    }
    QString err;
    QVERIFY2(writePdf(r, out, &err), qPrintable(err));
    const QByteArray pdf = mstest::readFile(out);
    QVERIFY(pdf.startsWith("%PDF-1."));
    QVERIFY2(pdf.size() > 20000, QByteArray::number(pdf.size()).constData());
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY(pdf.contains("startxref"));
    // Pages: the tree and the DNS transcript need more than one page of A4.
    static const QRegularExpression pageRe(QStringLiteral("/Type\\s*/Page[^s]"));
    const int pages = int(QString::fromLatin1(pdf).count(pageRe));
    QVERIFY2(pages >= 2, QByteArray::number(pages).constData());
    static const QRegularExpression countRe(QStringLiteral("/Type\\s*/Pages.*?/Count\\s+(\\d+)"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto m = countRe.match(QString::fromLatin1(pdf));
    QVERIFY(m.hasMatch());
    QCOMPARE(m.captured(1).toInt(), pages);
    // The document title carries the file and the verdict (UTF-16BE in the Info dictionary).
    const Verdict v = overallVerdict(r);
    const QString title
        = QStringLiteral("Mailscope report: %1 — %2").arg(r.file, StatusStyle::text(v.status));
    QByteArray utf16;
    for (QChar c : title) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xff));
    }
    QVERIFY2(
        pdf.contains(utf16) || pdf.contains(utf16.toHex().toUpper()) || pdf.contains(utf16.toHex()),
        "the verdict is not in the PDF title");
    // A path that cannot be written: a clear error, nothing left behind.
    QVERIFY(!writePdf(r, dir.filePath(QStringLiteral("no/such/dir/r.pdf")), &err));
    QVERIFY(!err.isEmpty());
}

void TestWorkbench::paletteContrast_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette, WCAG 2.1 1.4.3") << false;
    QTest::newRow("dark palette, WCAG 2.1 1.4.3") << true;
}

void TestWorkbench::paletteContrast()
{
    QFETCH(bool, dark);
    MainWindow w;
    AppSettings s = w.settings();
    s.darkPalette = dark;
    w.applySettings(s);
    QCOMPARE(StatusStyle::isDark(), dark);
    QVERIFY(openSample(w, QStringLiteral("mailing-list")) > 0);
    QStringList bad;
    auto need = [&](const QString& what, const QColor& fg, const QColor& bg) {
        const double cr = StatusStyle::contrastRatio(fg, bg);
        if (cr < 4.5)
            bad << QStringLiteral("%1: %2 on %3 = %4")
                       .arg(what, fg.name(), bg.name())
                       .arg(cr, 0, 'f', 2);
    };
    const QPalette pal = QApplication::palette();
    const Status all[]
        = { Status::None, Status::Pass, Status::Fail, Status::SoftFail, Status::Neutral,
              Status::Policy, Status::TempError, Status::PermError, Status::Info, Status::Warning };
    for (Status st : all) {
        const QString n = statusName(st);
        need(n + QStringLiteral(" badge"), StatusStyle::color(st, dark),
            StatusStyle::background(st, dark));
        // Status words in the tree, the detail pane and the status bar.
        for (auto role : { QPalette::Base, QPalette::AlternateBase, QPalette::Window })
            need(n + QStringLiteral(" text on palette role %1").arg(int(role)),
                StatusStyle::color(st, dark), pal.color(role));
    }
    // The badges as painted (including "not run").
    const auto badges = w.findChild<VerdictBar*>(QStringLiteral("verdictBar"))->badges();
    QCOMPARE(badges.size(), 7);
    for (QLabel* b : badges)
        need(b->objectName(), b->property("foreground").value<QColor>(),
            b->property("background").value<QColor>());
    // Plain text and diff fills.
    need(QStringLiteral("text"), pal.color(QPalette::Text), pal.color(QPalette::Base));
    need(QStringLiteral("window text"), pal.color(QPalette::WindowText),
        pal.color(QPalette::Window));
    for (char op : { '-', '+' })
        need(QStringLiteral("diff %1").arg(op), pal.color(QPalette::Text),
            StatusStyle::diffBackground(op, dark));
    need(QStringLiteral("line numbers"), StatusStyle::lineNumberColor(dark),
        pal.color(QPalette::Base));
    // The message lexer's syntax colours on its paper.
    MessageLexer lexer;
    lexer.setDark(dark);
    for (int style = 0; style < MessageLexer::StyleCount; ++style) {
        need(QStringLiteral("lexer style %1").arg(style), lexer.defaultColor(style),
            lexer.defaultPaper(style));
        // The same text under the step highlight (what a selected step shows).
        need(QStringLiteral("lexer style %1 highlighted").arg(style), lexer.defaultColor(style),
            SourceView::highlightFill(dark));
    }
    QCOMPARE(lexer.defaultPaper(0), SourceView::paperColor(dark));
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    s.darkPalette = false;
    w.applySettings(s);
}

void TestWorkbench::accessibleNames()
{
    MainWindow w;
    w.show();
    QVERIFY(openSample(w, QStringLiteral("mailing-list")) > 0);
    // Bring every dock and source tab up once, so lazily made widgets exist.
    for (const char* v : { "dns", "envelope", "whatif" })
        w.showView(QLatin1String(v));
    w.whatIfPanel()->setRecords({ WhatIfRecord { QStringLiteral("example.com"),
        QStringLiteral("TXT"), 300, QStringLiteral("\"v=spf1 -all\""), true } });
    QStringList bad = widgetsWithoutAccessibleName(&w);
    // The dialogs.
    const Document* d = w.currentDocument();
    CompareDialog cmp({ { QStringLiteral("a"), d->report }, { QStringLiteral("b"), d->report } });
    bad << widgetsWithoutAccessibleName(&cmp);
    PasteDialog paste;
    bad << widgetsWithoutAccessibleName(&paste);
    SettingsDialog settings(w.settings());
    bad << widgetsWithoutAccessibleName(&settings);
    PrivacyDialog privacy({ QStringLiteral("example.com TXT") });
    bad << widgetsWithoutAccessibleName(&privacy);
    MboxPickerDialog picker({ MboxEntry {}, MboxEntry {} });
    bad << widgetsWithoutAccessibleName(&picker);
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    // Every menu opens with Alt+its mnemonic (its items are then reached with the arrow keys);
    // the frequent actions have shortcuts of their own.
    QStringList unreachable;
    for (QAction* menu : w.menuBar()->actions()) {
        if (!menu->text().contains(QLatin1Char('&')))
            unreachable << menu->text();
    }
    QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(QLatin1Char('\n'))));
    // The named shortcuts.
    const QList<std::pair<const char*, QKeySequence>> keys = {
        { "openAction", QKeySequence::Open },
        { "pasteAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V) },
        { "compareAction", QKeySequence(Qt::CTRL | Qt::Key_D) },
        { "focusWhatIfAction", QKeySequence(Qt::ALT | Qt::Key_6) },
        { "exportPdfAction", QKeySequence::Print },
        { "exportHtmlAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H) },
        { "offlineAction", QKeySequence(Qt::CTRL | Qt::Key_L) },
        { "focusTreeAction", QKeySequence(Qt::ALT | Qt::Key_1) },
        { "focusSourceAction", QKeySequence(Qt::ALT | Qt::Key_2) },
        { "focusDetailAction", QKeySequence(Qt::ALT | Qt::Key_3) },
        { "nextPaneAction", QKeySequence(Qt::Key_F6) },
    };
    QSet<QKeySequence> seen;
    for (QAction* a : w.findChildren<QAction*>()) {
        if (a->shortcut().isEmpty())
            continue;
        QVERIFY2(!seen.contains(a->shortcut()),
            qPrintable(QStringLiteral("shortcut used twice: ") + a->shortcut().toString()));
        seen.insert(a->shortcut());
    }
    for (const auto& [name, key] : keys) {
        auto* a = w.findChild<QAction*>(QLatin1String(name));
        QVERIFY2(a, name);
        QCOMPARE(a->shortcut(), key);
    }
}

void TestWorkbench::keyboardOnlyOpenSelectHighlight()
{
    MainWindow w;
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const QString path = mstest::sampleFile(QStringLiteral("good"));
    // Ctrl+O opens the file dialog; type the path into it and press Return.
    bool typed = false;
    QTimer poll;
    poll.setInterval(50);
    int ticks = 0;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto* fd = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!fd)
            return;
        if (++ticks > 200) { // never hang the test on a dialog we could not drive
            fd->reject();
            return;
        }
        auto* name = fd->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        // Type only once the dialog is the active window with the name field focused, as for
        // a user: without focus, QFileDialog keeps the directories its autocompletion
        // selected on the way (/work, /work/main, ...) and Return then opens one of them
        // instead of accepting the file.
        if (typed || !name || !name->isVisible() || !fd->isActiveWindow())
            return;
        if (!name->hasFocus()) {
            name->setFocus(Qt::TabFocusReason);
            return;
        }
        typed = true;
        QTest::keyClicks(name, path);
        QTest::keyClick(name, Qt::Key_Return);
    });
    poll.start();
    QSignalSpy done(&w, &MainWindow::verificationFinished);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &w, Qt::Key_O,
        Qt::ControlModifier);
    poll.stop();
    QVERIFY(typed);
    QVERIFY(done.count() > 0 || done.wait(120000));
    const Document* d = w.currentDocument();
    QVERIFY(d && d->report);
    QCOMPARE(QFileInfo(d->path).fileName(), QStringLiteral("good.eml"));
    // The file dialog has closed: the main window is the active one again.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));

    // Alt+1: the step tree; arrow keys down until a step with bytes in the message.
    QTest::keyClick(
        QApplication::focusWidget() ? QApplication::focusWidget() : &w, Qt::Key_1, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), w.stepTree());
    QTest::keyClick(w.stepTree(), Qt::Key_Home);
    auto* raw = w.findChild<SourceView*>(QStringLiteral("rawMessageView"));
    QVERIFY(raw);
    const Step* chosen = nullptr;
    for (int i = 0; i < 60 && !chosen; ++i) {
        const Step* s = w.stepModel()->step(w.stepTree()->currentIndex());
        if (s && !s->kind.startsWith(QLatin1String("message"))
            && !mergedSpans(*s, QStringLiteral("message")).isEmpty())
            chosen = s;
        else
            QTest::keyClick(w.stepTree(), Qt::Key_Down);
        if (i == 5) // open the checks' children too
            QTest::keyClick(w.stepTree(), Qt::Key_Right);
    }
    QVERIFY2(chosen, "no step with message bytes reached by the arrow keys");
    QCOMPARE(raw->highlightedRanges(), mergedSpans(*chosen, QStringLiteral("message")));
    // Alt+2 goes to the bytes, where the highlight is.
    QTest::keyClick(w.stepTree(), Qt::Key_2, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(raw));
}

void TestWorkbench::f6CyclesPanes()
{
    MainWindow w;
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(openSample(w, QStringLiteral("good")) > 0);
    w.stepTree()->setFocus();
    const QList<QWidget*> panes = w.panes();
    QVERIFY(panes.size() >= 6);
    auto paneOf = [&](QWidget* f) {
        for (int i = 0; i < panes.size(); ++i) {
            if (f && (panes[i] == f || panes[i]->isAncestorOf(f)))
                return i;
        }
        return -1;
    };
    const int start = paneOf(QApplication::focusWidget());
    QCOMPARE(start, int(panes.indexOf(w.stepTree())));
    // F6 visits every pane once and comes back; Shift+F6 goes back.
    QSet<int> visited;
    for (int i = 0; i < panes.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &w, Qt::Key_F6);
        const int at = paneOf(QApplication::focusWidget());
        QVERIFY2(at >= 0,
            qPrintable(QStringLiteral("focus left the panes after F6 #%1: %2")
                           .arg(i)
                           .arg(QApplication::focusWidget() ? QString::fromLatin1(
                                    QApplication::focusWidget()->metaObject()->className())
                                                            : QStringLiteral("none"))));
        QCOMPARE(at, (start + i + 1) % int(panes.size()));
        visited.insert(at);
    }
    QCOMPARE(visited.size(), panes.size());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &w, Qt::Key_F6,
        Qt::ShiftModifier);
    QCOMPARE(
        paneOf(QApplication::focusWidget()), (start + int(panes.size()) - 1) % int(panes.size()));
}

void TestWorkbench::decryptWithPkcs12()
{
    // A message encrypted for Bob, and Bob's key as a PKCS#12 file.
    QTemporaryDir dir;
    mstest::TestCa ca;
    mstest::CertOptions bobOpts;
    bobOpts.commonName = QStringLiteral("Bob Example");
    bobOpts.emails = { QStringLiteral("bob@example.org") };
    const mstest::TestIdentity bob = ca.issue(bobOpts);
    const QByteArray secret = "The launch code is 4711-SECRET-PLAINTEXT.";
    const QByteArray entity = "Content-Type: text/plain; charset=utf-8\r\n\r\n" + secret + "\r\n";
    const QByteArray msg = mstest::pkcs7Mime(
        "From: Alice <alice@example.com>\r\nTo: Bob <bob@example.org>\r\nSubject: secret\r\n"
        "Date: Mon, 1 Jun 2026 09:59:00 +0000\r\nMessage-ID: <enc-1@example.com>\r\n",
        mstest::cmsEncrypt(entity, { bob }), "enveloped-data");
    const QString p12 = dir.filePath(QStringLiteral("bob.p12"));
    const QByteArray password = "c0rrect-h0rse";
    {
        QFile f(p12);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bob.pkcs12(password));
    }

    AppSettings s = AppSettings::load();
    s.offline = true;
    s.save();
    MainWindow w;
    w.show();
    QSignalSpy done(&w, &MainWindow::verificationFinished);
    const int id = w.openBytes(msg, QStringLiteral("encrypted.eml"));
    QVERIFY(done.wait(60000));
    auto* bar = w.findChild<QWidget*>(QStringLiteral("decryptBar"));
    auto* action = w.findChild<QAction*>(QStringLiteral("decryptAction"));
    QVERIFY(bar && action);
    QCOMPARE(MainWindow::undecryptedParts(*w.document(id)->report), 1);
    QVERIFY(bar->isVisibleTo(&w));
    QVERIFY(action->isEnabled());

    // The prompt is a hook: first a wrong password, then the right one.
    QByteArray answer = "wrong";
    int asked = 0;
    w.setPkcs12Prompt([&](QWidget*) -> std::optional<MainWindow::Pkcs12Choice> {
        ++asked;
        return MainWindow::Pkcs12Choice { p12, answer };
    });
    action->trigger();
    QVERIFY(done.wait(60000));
    QCOMPARE(asked, 1);
    QString error;
    QCOMPARE(MainWindow::undecryptedParts(*w.document(id)->report, &error), 1);
    QVERIFY(!error.isEmpty());
    auto* label = w.findChild<QLabel*>(QStringLiteral("decryptLabel"));
    QVERIFY2(label->text().contains(QStringLiteral("did not open")), qPrintable(label->text()));

    answer = password;
    action->trigger();
    QVERIFY(done.wait(60000));
    const Report& r = *w.document(id)->report;
    QCOMPARE(MainWindow::undecryptedParts(r), 0);
    QVERIFY(!bar->isVisibleTo(&w));
    QVERIFY(!action->isEnabled());
    bool decrypted = false;
    std::function<void(const Step&)> walk = [&](const Step& st) {
        decrypted
            = decrypted || (st.kind == QLatin1String("smime.decrypt") && st.status == Status::Pass);
        for (const Step& c : st.children)
            walk(c);
    };
    walk(r.root);
    QVERIFY(decrypted);

    // Neither the password nor the decrypted text is written anywhere: not in the settings,
    // not in an evidence bundle.
    QString err;
    const QString bundle = dir.filePath(QStringLiteral("enc.msev"));
    QVERIFY2(w.saveEvidenceBundle(bundle, &err), qPrintable(err));
    QSettings().sync();
    QStringList files = { bundle };
    QDirIterator it(m_settingsDir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    for (const QString& f : std::as_const(files)) {
        const QByteArray bytes = mstest::readFile(f);
        QVERIFY2(!bytes.contains(password), qPrintable(f));
        QVERIFY2(!bytes.contains("4711-SECRET"), qPrintable(f));
    }
}

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
