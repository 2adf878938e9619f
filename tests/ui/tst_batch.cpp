// The batch view end to end on the bundled samples (offline, from their zone files): a folder
// (recursive, with a Maildir) and an mbox give one row per message with the engine's results;
// sort, result filters and search; Cancel stops early and leaves whole rows only; a row opens
// the right message in the workbench; CSV export is atomic and exact; the GUI thread keeps
// running its timers while a batch verifies.
#include "AppSettings.h"
#include "BatchChart.h"
#include "BatchModel.h"
#include "BatchWindow.h"
#include "I18n.h"
#include "MainWindow.h"
#include "Scenarios.h"
#include "StatusStyle.h"
#include "common/TestUtil.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Verdict.h"
#include "verify/Verifier.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ms;
using namespace ms::ui;

namespace {

const QStringList kSamples = { QStringLiteral("good"), QStringLiteral("lookalike"),
    QStringLiteral("mailing-list"), QStringLiteral("revoked-key") };

QStringList allZones()
{
    QStringList zones;
    for (const QString& s : kSamples)
        zones << zonesFor(mstest::sampleFile(s));
    return zones;
}

QDateTime sampleClock()
{
    return QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
}

AppSettings testSettings()
{
    AppSettings s;
    s.offline = true; // never live DNS in tests; the zone files answer
    s.timeMode = VerifyOptions::TimeMode::Fixed;
    s.fixedTime = sampleClock();
    return s;
}

bool copyFile(const QString& from, const QString& to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(from, to);
}

// What the engine itself says about a message with the same zones and time (the CLI path).
Report engineReport(const QByteArray& bytes, const QString& name)
{
    auto resolver = dns::ZoneResolver::fromFiles(allZones());
    VerifyOptions o = testSettings().verifyOptions();
    o.tlsFetchMtaStsPolicy = false;
    o.tlsLiveSmtpCheck = false;
    Verifier v(o, resolver);
    return v.verify(Message::parse(bytes), name);
}

bool waitFinished(BatchWindow& w, int timeoutMs = 300000)
{
    QSignalSpy spy(&w, &BatchWindow::batchFinished);
    if (!w.isRunning())
        return true;
    return spy.wait(timeoutMs);
}

int findRow(const BatchModel& m, const QString& nameEnd)
{
    for (int r = 0; r < m.rowCount(); ++r) {
        if (m.row(r).name.endsWith(nameEnd))
            return r;
    }
    return -1;
}

std::optional<Status> cell(const BatchModel& m, int row, const char* check)
{
    for (size_t i = 0; i < kBatchChecks.size(); ++i) {
        if (QLatin1String(kBatchChecks[i]) == QLatin1String(check))
            return m.row(row).checks[i];
    }
    return std::nullopt;
}

} // namespace

class TestBatch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void folderWithMaildirGivesEngineResults();
    void mboxGivesOneRowPerMessage();
    void sortFilterAndSearch();
    void chartsDescribeTheDistribution();
    void cancelStopsEarlyWithWholeRows();
    void openRowInWorkbench();
    void csvExportIsAtomicAndExact();
    void guiThreadKeepsTicking();
    void bundledScenarioUsesItsOptions();

private:
    QString makeFolder();
    QString makeMbox();
    QString makeBigFolder(int copies);
    std::unique_ptr<BatchWindow> makeWindow();

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_data;
};

void TestBatch::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_data.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("MailscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_batch"));
    for (const QString& s : kSamples) {
        if (!QFileInfo::exists(mstest::sampleFile(s)))
            QFAIL(qPrintable(QStringLiteral("resources/samples/%1 is missing").arg(s)));
    }
}

void TestBatch::init()
{
    QSettings().clear();
    applyLanguage(QStringLiteral("en"));
}

// folder/a/good.eml, folder/b/lookalike.eml, folder/maildir/{new/1.mailing-list,
// cur/2.revoked-key:2,S, tmp/partial}: tmp/ must be skipped (partial deliveries).
QString TestBatch::makeFolder()
{
    const QString root = m_data.filePath(QStringLiteral("folder"));
    if (QFileInfo::exists(root))
        return root;
    bool ok = copyFile(
        mstest::sampleFile(QStringLiteral("good")), root + QStringLiteral("/a/good.eml"));
    ok = ok
        && copyFile(mstest::sampleFile(QStringLiteral("lookalike")),
            root + QStringLiteral("/b/lookalike.eml"));
    ok = ok
        && copyFile(mstest::sampleFile(QStringLiteral("mailing-list")),
            root + QStringLiteral("/maildir/new/1.mailing-list"));
    ok = ok
        && copyFile(mstest::sampleFile(QStringLiteral("revoked-key")),
            root + QStringLiteral("/maildir/cur/2.revoked-key:2,S"));
    ok = ok
        && copyFile(mstest::sampleFile(QStringLiteral("good")),
            root + QStringLiteral("/maildir/tmp/3.partial"));
    return ok ? root : QString();
}

QString TestBatch::makeMbox()
{
    const QString path = m_data.filePath(QStringLiteral("samples.mbox"));
    if (QFileInfo::exists(path))
        return path;
    QByteArray mbox;
    for (const QString& s : kSamples) {
        QByteArray m = mstest::readFile(mstest::sampleFile(s));
        if (!m.endsWith('\n'))
            m += '\n';
        mbox += "From sender@example.com Sat Jun  1 12:00:00 2024\n" + m + '\n';
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(mbox) != mbox.size())
        return {};
    return path;
}

QString TestBatch::makeBigFolder(int copies)
{
    const QString root = m_data.filePath(QStringLiteral("big%1").arg(copies));
    if (QFileInfo::exists(root))
        return root;
    QDir().mkpath(root);
    const QByteArray bytes = mstest::readFile(mstest::sampleFile(QStringLiteral("good")));
    for (int i = 0; i < copies; ++i) {
        QFile f(root + QStringLiteral("/m%1.eml").arg(i, 5, 10, QLatin1Char('0')));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
    }
    return root;
}

std::unique_ptr<BatchWindow> TestBatch::makeWindow()
{
    auto w = std::make_unique<BatchWindow>([] {
        return BatchWindow::Session { testSettings(), {} };
    });
    w->setExtraZones(allZones());
    return w;
}

void TestBatch::folderWithMaildirGivesEngineResults()
{
    const QString folder = makeFolder();
    QVERIFY(!folder.isEmpty());
    auto w = makeWindow();
    w->show();
    QVERIFY(w->start({ folder }));
    QVERIFY(waitFinished(*w));
    const BatchModel& m = *w->model();
    QCOMPARE(m.rowCount(), 4); // tmp/ skipped

    const int good = findRow(m, QStringLiteral("/a/good.eml"));
    const int look = findRow(m, QStringLiteral("/b/lookalike.eml"));
    const int list = findRow(m, QStringLiteral("/maildir/new/1.mailing-list"));
    const int revoked = findRow(m, QStringLiteral("/maildir/cur/2.revoked-key:2,S"));
    QVERIFY(good >= 0 && look >= 0 && list >= 0 && revoked >= 0);
    // Input order: a, b, then the Maildir's new/ before cur/.
    QVERIFY(m.row(good).index < m.row(look).index);
    QVERIFY(m.row(look).index < m.row(list).index);
    QVERIFY(m.row(list).index < m.row(revoked).index);

    // What each sample teaches (resources/samples/*/README.md).
    QCOMPARE(m.row(good).subject, QStringLiteral("Quarterly figures"));
    QCOMPARE(m.row(good).from, QStringLiteral("Alice Example <alice@example.com>"));
    QCOMPARE(m.row(good).verdict, Status::Pass);
    QCOMPARE(cell(m, good, "spf"), std::optional(Status::Pass));
    QCOMPARE(cell(m, good, "dkim"), std::optional(Status::Pass));
    QCOMPARE(cell(m, good, "dmarc"), std::optional(Status::Pass));
    QVERIFY(m.row(good).reasonText().isEmpty());
    QCOMPARE(cell(m, look, "dkim"), std::optional(Status::Pass));
    QCOMPARE(cell(m, look, "spf"), std::optional(Status::Pass));
    QCOMPARE(cell(m, look, "dmarc"), std::optional(Status::Fail));
    QVERIFY(m.row(look).reasonText().startsWith(QStringLiteral("DMARC: ")));
    QCOMPARE(cell(m, revoked, "dkim"), std::optional(Status::PermError));
    QVERIFY(cell(m, list, "arc").has_value());

    // Every cell is what the engine says for that file (the CLI's path through the core).
    for (int r = 0; r < m.rowCount(); ++r) {
        const BatchRow& row = m.row(r);
        const Report rep = engineReport(mstest::readFile(row.path), row.name);
        QCOMPARE(row.verdict, overallVerdict(rep).status);
        for (size_t i = 0; i < kBatchChecks.size(); ++i) {
            const CheckResult* c = rep.check(QLatin1String(kBatchChecks[i]));
            QCOMPARE(row.checks[i], c ? std::optional(c->status) : std::nullopt);
        }
    }
    // The table says it in words, with the status colour beside them.
    const QModelIndex dmarcCell
        = m.index(look, BatchModel::FirstCheckColumn + 2); // spf, dkim, dmarc
    QCOMPARE(m.headerData(dmarcCell.column(), Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("DMARC"));
    QCOMPARE(dmarcCell.data().toString(), QStringLiteral("fail"));
    QCOMPARE(dmarcCell.data(Qt::ForegroundRole).value<QColor>(),
        StatusStyle::color(Status::Fail, StatusStyle::isDark()));
    QVERIFY2(w->statusText().contains(QStringLiteral("4 message")), qPrintable(w->statusText()));
}

void TestBatch::mboxGivesOneRowPerMessage()
{
    const QString mbox = makeMbox();
    QVERIFY(!mbox.isEmpty());
    auto w = makeWindow();
    QVERIFY(w->start({ mbox }));
    QVERIFY(waitFinished(*w));
    const BatchModel& m = *w->model();
    QCOMPARE(m.rowCount(), 4);
    const QByteArray all = mstest::readFile(mbox);
    for (int i = 0; i < 4; ++i) {
        const int r = findRow(m, QStringLiteral("#%1").arg(i + 1));
        QVERIFY(r >= 0);
        const BatchRow& row = m.row(r);
        QCOMPARE(row.path, mbox);
        QVERIFY(row.offset >= 0 && row.length > 0);
        // The row keeps where its message is, and the engine agrees on that message.
        const QByteArray bytes = all.mid(row.offset, row.length);
        const Message msg = Message::parse(bytes);
        QVERIFY(msg.first("Subject"));
        QCOMPARE(row.subject, msg.first("Subject")->decoded());
        const Report rep = engineReport(bytes, row.name);
        QCOMPARE(row.verdict, overallVerdict(rep).status);
        QCOMPARE(cell(m, r, "dmarc"), std::optional(rep.check(QStringLiteral("dmarc"))->status));
    }
    QCOMPARE(cell(m, findRow(m, QStringLiteral("#1")), "dmarc"), std::optional(Status::Pass));
    QCOMPARE(cell(m, findRow(m, QStringLiteral("#2")), "dmarc"), std::optional(Status::Fail));
    // The file column shows the mbox name and the message number.
    QCOMPARE(m.index(findRow(m, QStringLiteral("#3")), BatchModel::FileColumn).data().toString(),
        QStringLiteral("samples.mbox#3"));
}

void TestBatch::sortFilterAndSearch()
{
    auto w = makeWindow();
    QVERIFY(w->start({ makeFolder() }));
    QVERIFY(waitFinished(*w));
    QTableView* t = w->table();
    QAbstractItemModel* view = t->model();
    QCOMPARE(view->rowCount(), 4);
    auto nameAt = [&](int r) {
        return view->index(r, BatchModel::FileColumn).data(Qt::ToolTipRole).toString();
    };

    // Default: input order. Descending by file reverses it.
    QVERIFY(nameAt(0).endsWith(QStringLiteral("good.eml")));
    t->sortByColumn(BatchModel::FileColumn, Qt::DescendingOrder);
    QVERIFY(nameAt(0).endsWith(QStringLiteral("revoked-key:2,S")));
    // By DMARC result, worst first: the lookalike fails DMARC.
    t->sortByColumn(BatchModel::FirstCheckColumn + 2, Qt::AscendingOrder);
    QCOMPARE(
        view->index(0, BatchModel::FirstCheckColumn + 2).data().toString(), QStringLiteral("fail"));
    QVERIFY(nameAt(0).endsWith(QStringLiteral("lookalike.eml")));
    // By subject, alphabetically.
    t->sortByColumn(BatchModel::SubjectColumn, Qt::AscendingOrder);
    QStringList subjects;
    for (int r = 0; r < view->rowCount(); ++r)
        subjects << view->index(r, BatchModel::SubjectColumn).data().toString();
    QStringList sorted = subjects;
    std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) {
        return a.toLower().localeAwareCompare(b.toLower()) < 0;
    });
    QCOMPARE(subjects, sorted);

    // Filter by result per check, through the widgets.
    auto* check = w->findChild<QComboBox*>(QStringLiteral("batchCheckFilter"));
    auto* result = w->findChild<QComboBox*>(QStringLiteral("batchResultFilter"));
    QVERIFY(check && result);
    check->setCurrentIndex(check->findData(1)); // DKIM
    result->setCurrentIndex(result->findData(int(Status::Pass)));
    int dkimPass = 0;
    for (const BatchRow& r : w->model()->rows())
        dkimPass += r.checks[1] == Status::Pass;
    QVERIFY(dkimPass >= 2); // good, lookalike
    QCOMPARE(view->rowCount(), dkimPass);
    for (int r = 0; r < view->rowCount(); ++r)
        QCOMPARE(view->index(r, BatchModel::FirstCheckColumn + 1).data().toString(),
            QStringLiteral("pass"));
    // Two filters at once (proxy API): DKIM pass and DMARC fail = the lookalike only.
    w->proxy()->setResultFilter(2, Status::Fail);
    QCOMPARE(view->rowCount(), 1);
    QVERIFY(nameAt(0).endsWith(QStringLiteral("lookalike.eml")));
    w->proxy()->clearResultFilters();
    result->setCurrentIndex(0);
    QCOMPARE(view->rowCount(), 4);

    // Free text: subject, sender, file name, reason; case-insensitive.
    auto* search = w->findChild<QLineEdit*>(QStringLiteral("batchSearch"));
    QVERIFY(search);
    search->setText(QStringLiteral("quarterly"));
    QCOMPARE(view->rowCount(), 1);
    QVERIFY(nameAt(0).endsWith(QStringLiteral("good.eml")));
    search->setText(QStringLiteral("REVOKED-KEY"));
    QCOMPARE(view->rowCount(), 1);
    search->setText(QStringLiteral("no such text anywhere"));
    QCOMPARE(view->rowCount(), 0);
    QVERIFY(w->statusText().contains(QStringLiteral("0 of 4")));
    search->clear();
    QCOMPARE(view->rowCount(), 4);
}

void TestBatch::chartsDescribeTheDistribution()
{
    auto w = makeWindow();
    w->show();
    QVERIFY(w->start({ makeFolder(), makeMbox() }));
    QVERIFY(waitFinished(*w));
    const BatchModel& m = *w->model();
    int dmarcFail = 0, dmarcPass = 0;
    for (const BatchRow& r : m.rows()) {
        dmarcFail += r.checks[2] == Status::Fail;
        dmarcPass += r.checks[2] == Status::Pass;
    }
    QCOMPARE(m.resultCounts(2).value(Status::Fail), dmarcFail);
    const QString text = w->resultsChart()->summaryText();
    QVERIFY2(text.contains(QStringLiteral("DMARC: pass %1").arg(dmarcPass)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("fail %1").arg(dmarcFail)), qPrintable(text));
    QCOMPARE(w->resultsChart()->accessibleDescription(), text);
    // The reasons chart lists the lookalike's DMARC reason with its count.
    const QString reasons = w->reasonsChart()->summaryText();
    const int look = findRow(m, QStringLiteral("lookalike.eml"));
    QVERIFY2(reasons.contains(QStringLiteral("DMARC: ") + m.row(look).failures.value(0).second),
        qPrintable(reasons));
    QCOMPARE(m.topReasons(100).size() >= 2, true);
    // For looking at it: MAILSCOPE_BATCH_SCREENSHOT=out.png (run under xvfb-run with xcb).
    const QString shot = qEnvironmentVariable("MAILSCOPE_BATCH_SCREENSHOT");
    if (!shot.isEmpty()) {
        w->resize(1360, 820);
        QTest::qWait(300);
        QVERIFY(w->grab().save(shot));
    }
    // The charts paint without trouble at any size.
    for (const QSize s : { QSize(500, 240), QSize(120, 40) }) {
        w->resultsChart()->resize(s);
        w->reasonsChart()->resize(s);
        QVERIFY(!w->resultsChart()->grab().isNull());
        QVERIFY(!w->reasonsChart()->grab().isNull());
    }
    // Clicking a segment filters the table by that check and result.
    emit w->resultsChart()->resultClicked(2, Status::Fail);
    QCOMPARE(w->table()->model()->rowCount(), dmarcFail);
}

void TestBatch::cancelStopsEarlyWithWholeRows()
{
    const int copies = 600;
    const QString folder = makeBigFolder(copies);
    QVERIFY(!folder.isEmpty());
    auto w = makeWindow();
    QSignalSpy finished(w.get(), &BatchWindow::batchFinished);
    QVERIFY(w->start({ folder }));
    // Cancel as soon as the first results are shown.
    QTRY_VERIFY_WITH_TIMEOUT(w->model()->rowCount() > 0 || !w->isRunning(), 120000);
    QVERIFY(w->isRunning());
    w->cancel();
    QVERIFY(finished.count() == 1 || finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    const BatchModel& m = *w->model();
    QVERIFY2(m.rowCount() < copies, qPrintable(QString::number(m.rowCount())));
    QVERIFY(m.rowCount() > 0);
    // Only whole rows, each message once, each the sample's result.
    QSet<int> seen;
    for (const BatchRow& r : m.rows()) {
        QVERIFY(!seen.contains(r.index));
        seen.insert(r.index);
        QVERIFY(r.inputError.isEmpty());
        QCOMPARE(r.verdict, Status::Pass);
        QCOMPARE(r.checks[1], std::optional(Status::Pass));
    }
    int total = 0;
    for (int n : m.verdictCounts())
        total += n;
    QCOMPARE(total, m.rowCount()); // the counts agree with the table
    QVERIFY(w->statusText().startsWith(
        QStringLiteral("Cancelled: %1 of %2").arg(m.rowCount()).arg(copies)));
    // Nothing arrives after the end.
    const int rows = m.rowCount();
    QTest::qWait(300);
    QCOMPARE(m.rowCount(), rows);
    QVERIFY(!w->isRunning());
}

void TestBatch::openRowInWorkbench()
{
    MainWindow mw;
    mw.applySettings(testSettings());
    QAction* act = mw.findChild<QAction*>(QStringLiteral("batchAction"));
    QVERIFY(act);
    QCOMPARE(act->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    act->trigger();
    auto* w = mw.findChild<BatchWindow*>();
    QVERIFY(w);
    QVERIFY(w->isVisible());
    w->setExtraZones(allZones());
    const QString mbox = makeMbox();
    QVERIFY(w->start({ mbox }));
    QVERIFY(waitFinished(*w));
    QCOMPARE(w->model()->rowCount(), 4);

    // Select the lookalike (#2) in the view and press Enter.
    QAbstractItemModel* view = w->table()->model();
    int viewRow = -1;
    for (int r = 0; r < view->rowCount(); ++r) {
        if (view->index(r, BatchModel::FileColumn).data().toString().endsWith(QStringLiteral("#2")))
            viewRow = r;
    }
    QVERIFY(viewRow >= 0);
    const BatchRow row
        = w->model()->row(view->index(viewRow, 0).data(BatchModel::RowIndexRole).toInt());
    QSignalSpy started(&mw, &MainWindow::verificationStarted);
    QSignalSpy done(&mw, &MainWindow::verificationFinished);
    w->table()->setFocus();
    w->table()->setCurrentIndex(view->index(viewRow, 0));
    QTest::keyClick(w->table(), Qt::Key_Return);
    const Document* d = mw.currentDocument();
    QVERIFY(d);
    QCOMPARE(d->title, QStringLiteral("samples.mbox #2"));
    QCOMPARE(d->bytes, mstest::readFile(mbox).mid(row.offset, row.length));
    QCOMPARE(d->zones, allZones());
    const int id = d->id;
    QTRY_VERIFY_WITH_TIMEOUT(mw.document(id)->report != nullptr, 120000);
    // The workbench agrees with the row.
    const Report& rep = *mw.document(id)->report;
    QCOMPARE(overallVerdict(rep).status, row.verdict);
    QCOMPARE(rep.check(QStringLiteral("dmarc"))->status, *row.checks[2]);
    QCOMPARE(rep.check(QStringLiteral("dkim"))->status, *row.checks[1]);

    // A double click opens too (another document).
    const int before = mw.currentDocumentId();
    QVERIFY(w->openRow(view->index(0, BatchModel::SubjectColumn)));
    QVERIFY(mw.currentDocumentId() != before);
}

void TestBatch::csvExportIsAtomicAndExact()
{
    auto w = makeWindow();
    QVERIFY(w->start({ makeFolder() }));
    QVERIFY(waitFinished(*w));
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("batch.csv"));
    QString err;
    QVERIFY2(w->exportCsv(path, &err), qPrintable(err));
    QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList { "batch.csv" });
    const QList<QByteArray> lines = mstest::readFile(path).split('\n');
    QCOMPARE(lines.size(), 1 + 4 + 1); // header, rows, the empty piece after the last CRLF
    QCOMPARE(
        lines[0], QByteArray("file,subject,from,verdict,spf,dkim,dmarc,arc,smime,tls,reason\r"));
    const BatchModel& m = *w->model();
    const BatchRow& good = m.row(findRow(m, QStringLiteral("good.eml")));
    const QString goodLine
        = QStringLiteral("%1,Quarterly figures,Alice Example <alice@example.com>,"
                         "pass,pass,pass,pass,%2,%3,%4,\r")
              .arg(good.name, statusName(*good.checks[3]), statusName(*good.checks[4]),
                  statusName(*good.checks[5]));
    QCOMPARE(QString::fromUtf8(lines[1]), goodLine);
    // A reason with a comma or quote is quoted (RFC 4180).
    const BatchRow& look = m.row(findRow(m, QStringLiteral("lookalike.eml")));
    QVERIFY(lines[2].startsWith(look.name.toUtf8() + ','));
    QVERIFY(lines[2].contains(",fail,")); // dmarc
    // Filtered: only the rows shown, in the order shown.
    w->proxy()->setResultFilter(2, Status::Fail);
    QVERIFY(w->exportCsv(path, &err));
    const QList<QByteArray> filtered = mstest::readFile(path).split('\n');
    int dmarcFail = 0;
    for (const BatchRow& r : m.rows())
        dmarcFail += r.checks[2] == Status::Fail;
    QVERIFY(dmarcFail >= 1);
    QCOMPARE(filtered.size(), 1 + dmarcFail + 1);
    QCOMPARE(filtered[1], lines[2]); // the lookalike is the first DMARC failure
    for (int i = 1; i <= dmarcFail; ++i)
        QVERIFY(filtered[i].contains(",fail,"));
    // An unwritable destination fails cleanly and leaves nothing behind.
    const QString bad = out.filePath(QStringLiteral("missing-dir/batch.csv"));
    QVERIFY(!w->exportCsv(bad, &err));
    QVERIFY(!err.isEmpty());
    QVERIFY(!QFileInfo::exists(bad));
}

void TestBatch::guiThreadKeepsTicking()
{
    const QString folder = makeBigFolder(300);
    QVERIFY(!folder.isEmpty());
    auto w = makeWindow();
    w->show();
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, [&] { ticks += w->isRunning() ? 1 : 0; });
    timer.start();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(w->start({ folder }));
    QVERIFY(waitFinished(*w));
    const qint64 ms = clock.elapsed();
    QCOMPARE(w->model()->rowCount(), 300);
    // The timer fired while the batch ran: the verification is off the GUI thread. (How
    // long the longest stall is belongs to the benchmark, bench_gui.)
    QVERIFY2(ticks >= 3, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(ms)));
}

// A bundled scenario verified in a batch gets its sidecar's options (here the S/MIME trust
// file of smime-expired), exactly as the workbench does; without them the reason differs.
void TestBatch::bundledScenarioUsesItsOptions()
{
    const QString dir = mstest::samplesDir() + QStringLiteral("/smime-expired");
    const QString eml = dir + QStringLiteral("/smime-expired.eml");
    QVERIFY2(QFileInfo::exists(eml), qPrintable(eml));
    QVERIFY(isBundledSample(eml));
    auto w = makeWindow();
    QVERIFY(w->start({ dir }));
    QVERIFY(waitFinished(*w));
    const BatchModel& m = *w->model();
    const int r = findRow(m, QStringLiteral("smime-expired.eml"));
    QVERIFY(r >= 0);

    auto smimeSummary = [&](bool withSampleOptions) {
        auto resolver = dns::ZoneResolver::fromFiles(zonesFor(eml));
        VerifyOptions o = testSettings().verifyOptions();
        if (withSampleOptions)
            applySampleOptions(eml, o);
        Verifier v(o, resolver);
        const Report rep = v.verify(Message::parse(mstest::readFile(eml)), eml);
        const CheckResult* c = rep.check(QStringLiteral("smime"));
        return c ? c->summary : QString();
    };
    const QString with = smimeSummary(true), without = smimeSummary(false);
    QVERIFY(!with.isEmpty());
    QVERIFY2(with != without, qPrintable(with));
    QString rowSmime;
    for (const auto& [check, reason] : m.row(r).failures) {
        if (check == QLatin1String("smime"))
            rowSmime = reason;
    }
    QCOMPARE(rowSmime, with);
}

QTEST_MAIN(TestBatch)
#include "tst_batch.moc"
