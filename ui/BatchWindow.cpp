#include "BatchWindow.h"

#include "BatchChart.h"
#include "BatchModel.h"
#include "StatusStyle.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ms::ui {

namespace {

const Status kFilterStatuses[] = { Status::Pass, Status::Fail, Status::SoftFail, Status::Neutral,
    Status::None, Status::Policy, Status::TempError, Status::PermError };

} // namespace

BatchWindow::BatchWindow(SessionProvider session, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_session(std::move(session))
    , m_runner(new BatchRunner(this))
    , m_model(new BatchModel(this))
    , m_proxy(new BatchFilterProxy(this))
{
    setObjectName(QStringLiteral("batchWindow"));
    m_proxy->setSourceModel(m_model);

    m_folderButton = new QPushButton(this);
    m_folderButton->setObjectName(QStringLiteral("batchOpenFolder"));
    m_mboxButton = new QPushButton(this);
    m_mboxButton->setObjectName(QStringLiteral("batchOpenMbox"));
    m_zonesButton = new QPushButton(this);
    m_zonesButton->setObjectName(QStringLiteral("batchZones"));
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("batchExportCsv"));
    m_exportButton->setEnabled(false);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("batchCancel"));
    m_cancelButton->setEnabled(false);
    m_settingsLabel = new QLabel(this);
    m_settingsLabel->setObjectName(QStringLiteral("batchSettings"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("batchProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("batchStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_checkLabel = new QLabel(this);
    m_checkCombo = new QComboBox(this);
    m_checkCombo->setObjectName(QStringLiteral("batchCheckFilter"));
    m_checkLabel->setBuddy(m_checkCombo);
    m_resultLabel = new QLabel(this);
    m_resultCombo = new QComboBox(this);
    m_resultCombo->setObjectName(QStringLiteral("batchResultFilter"));
    m_resultLabel->setBuddy(m_resultCombo);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("batchSearch"));
    m_search->setClearButtonEnabled(true);
    m_clearFilters = new QPushButton(this);
    m_clearFilters->setObjectName(QStringLiteral("batchClearFilters"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("batchTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BatchModel::FileColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    QHeaderView* h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(true);
    h->resizeSection(BatchModel::FileColumn, 170);
    h->resizeSection(BatchModel::SubjectColumn, 200);
    h->resizeSection(BatchModel::FromColumn, 190);
    for (int c = BatchModel::VerdictColumn; c < BatchModel::ReasonColumn; ++c)
        h->resizeSection(c, 92);

    m_resultsChart = new BatchChart(BatchChart::Mode::Results, m_model, this);
    m_resultsChart->setObjectName(QStringLiteral("batchResultsChart"));
    m_reasonsChart = new BatchChart(BatchChart::Mode::Reasons, m_model, this);
    m_reasonsChart->setObjectName(QStringLiteral("batchReasonsChart"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_folderButton);
    top->addWidget(m_mboxButton);
    top->addWidget(m_zonesButton);
    top->addWidget(m_settingsLabel, 1);
    top->addWidget(m_exportButton);
    auto* prog = new QHBoxLayout;
    prog->addWidget(m_progress, 1);
    prog->addWidget(m_cancelButton);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_checkLabel);
    filters->addWidget(m_checkCombo);
    filters->addWidget(m_resultLabel);
    filters->addWidget(m_resultCombo);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_clearFilters);

    auto* charts = new QWidget(this);
    auto* chartsLayout = new QHBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_resultsChart, 1);
    chartsLayout->addWidget(m_reasonsChart, 1);
    // Every bar stays readable: the splitter may not squeeze the charts below their height.
    charts->setMinimumHeight(m_resultsChart->sizeHint().height());
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(charts);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(prog);
    layout->addWidget(m_status);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    connect(m_folderButton, &QPushButton::clicked, this, &BatchWindow::chooseFolder);
    connect(m_mboxButton, &QPushButton::clicked, this, &BatchWindow::chooseMbox);
    connect(m_zonesButton, &QPushButton::clicked, this, &BatchWindow::chooseZones);
    connect(m_exportButton, &QPushButton::clicked, this, &BatchWindow::exportDialog);
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchWindow::cancel);
    connect(m_checkCombo, &QComboBox::currentIndexChanged, this, &BatchWindow::applyFilter);
    connect(m_resultCombo, &QComboBox::currentIndexChanged, this, &BatchWindow::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &BatchFilterProxy::setSearchText);
    connect(m_search, &QLineEdit::textChanged, this, &BatchWindow::updateSummary);
    connect(m_clearFilters, &QPushButton::clicked, this, [this] {
        m_resultCombo->setCurrentIndex(0);
        m_search->clear();
    });
    // activated: double-click or Enter.
    connect(m_table, &QAbstractItemView::activated, this, &BatchWindow::openRow);
    connect(m_resultsChart, &BatchChart::resultClicked, this, [this](int check, Status s) {
        m_checkCombo->setCurrentIndex(m_checkCombo->findData(check));
        m_resultCombo->setCurrentIndex(m_resultCombo->findData(int(s)));
    });
    connect(m_reasonsChart, &BatchChart::reasonClicked, this, [this](const QString& reason) {
        const qsizetype colon = reason.indexOf(QStringLiteral(": "));
        m_search->setText(colon > 0 ? reason.mid(colon + 2) : reason);
    });

    connect(m_runner, &BatchRunner::rowsReady, m_model, &BatchModel::append);
    connect(m_runner, &BatchRunner::rowsReady, this, &BatchWindow::updateSummary);
    connect(m_runner, &BatchRunner::progress, this, &BatchWindow::onProgress);
    connect(m_runner, &BatchRunner::finished, this, &BatchWindow::onFinished);
    connect(m_runner, &BatchRunner::notes, this, [this](const QStringList& n) {
        m_notes << n;
        updateSummary();
    });

    retranslate();
    resize(1200, 760);
}

BatchWindow::~BatchWindow() = default;

void BatchWindow::retranslate()
{
    setWindowTitle(tr("Batch verify — Mailscope"));
    m_folderButton->setText(tr("Open &folder…"));
    m_folderButton->setToolTip(
        tr("Verify every message in a folder and its subfolders (Maildir cur/ and new/ too)."));
    m_mboxButton->setText(tr("Open &mbox…"));
    m_mboxButton->setToolTip(tr("Verify every message of an mbox file."));
    m_zonesButton->setText(tr("&Zone files…"));
    m_zonesButton->setToolTip(
        tr("Answer DNS from these master files (offline), in addition to the session's."));
    m_exportButton->setText(tr("&Export CSV…"));
    m_exportButton->setToolTip(tr("Save the rows shown, in the order shown, as CSV."));
    m_cancelButton->setText(tr("&Cancel"));
    m_cancelButton->setToolTip(tr("Stop the batch; the messages verified so far stay listed."));
    m_checkLabel->setText(tr("C&heck:"));
    m_resultLabel->setText(tr("&Result:"));
    m_search->setPlaceholderText(tr("Search file, subject, from, reason…"));
    m_search->setAccessibleName(tr("Search"));
    m_clearFilters->setText(tr("Clear filters"));
    m_table->setAccessibleName(tr("Messages of the batch"));
    m_resultsChart->setAccessibleName(tr("Results per check"));
    m_reasonsChart->setAccessibleName(tr("Most common failure reasons"));

    const QVariant check = m_checkCombo->currentData();
    m_checkCombo->blockSignals(true);
    m_checkCombo->clear();
    m_checkCombo->addItem(tr("Verdict"), -1);
    for (int c = 0; c < int(kBatchChecks.size()); ++c)
        m_checkCombo->addItem(batchCheckTitle(c), c);
    m_checkCombo->setCurrentIndex(qMax(0, m_checkCombo->findData(check)));
    m_checkCombo->blockSignals(false);
    fillResultCombo();
    m_model->retranslate();
    updateSummary();
}

void BatchWindow::fillResultCombo()
{
    const QVariant result = m_resultCombo->currentData();
    m_resultCombo->blockSignals(true);
    m_resultCombo->clear();
    m_resultCombo->addItem(tr("Any result"), -1);
    for (Status s : kFilterStatuses)
        m_resultCombo->addItem(StatusStyle::icon(s), StatusStyle::text(s), int(s));
    m_resultCombo->setCurrentIndex(qMax(0, m_resultCombo->findData(result)));
    m_resultCombo->blockSignals(false);
}

void BatchWindow::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void BatchWindow::closeEvent(QCloseEvent* e)
{
    cancel();
    QWidget::closeEvent(e);
}

bool BatchWindow::isRunning() const
{
    return m_runner->isRunning();
}

void BatchWindow::setExtraZones(const QStringList& zones)
{
    m_extraZones = zones;
    updateSummary();
}

bool BatchWindow::start(const QStringList& inputs)
{
    if (inputs.isEmpty())
        return false;
    const Session session = m_session ? m_session() : Session {};
    const AppSettings& s = session.settings;
    BatchRequest req;
    req.inputs = inputs;
    req.base.options = s.verifyOptions();
    req.base.zoneFiles = session.zones;
    for (const QString& z : m_extraZones) {
        if (!req.base.zoneFiles.contains(z))
            req.base.zoneFiles << z;
    }
    req.base.offline = s.offline;
    req.base.dnsServer = s.dnsServer;
    req.base.dnsTimeoutMs = s.dnsTimeoutMs;
    // A batch sends no mail anywhere on its own: no MTA-STS fetch, no live SMTP check.
    req.base.options.tlsFetchMtaStsPolicy = false;
    req.base.options.tlsLiveSmtpCheck = false;
    if (usesLiveDns(req.base) && !s.alwaysAllowLookups) {
        QMessageBox box(QMessageBox::Question, tr("Batch verify"),
            tr("Verifying these messages asks live DNS (%1) about the domains in every "
               "message: the DNS operators of those domains can see that the messages are "
               "being checked.")
                .arg(s.dnsServer.isEmpty() ? tr("system resolver") : s.dnsServer),
            QMessageBox::NoButton, this);
        QPushButton* live = box.addButton(tr("Ask live DNS"), QMessageBox::AcceptRole);
        QPushButton* offline = box.addButton(tr("Verify offline"), QMessageBox::ActionRole);
        box.addButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == offline)
            req.base.offline = true;
        else if (box.clickedButton() != live)
            return false;
    }
    m_request = req;
    m_notes.clear();
    m_cancelled = false;
    m_model->clear();
    m_exportButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setRange(0, 0);
    m_stateText = tr("Listing messages…");
    m_runner->start(req);
    updateSummary();
    return true;
}

void BatchWindow::cancel()
{
    if (!m_runner->isRunning())
        return;
    m_cancelled = true;
    m_runner->cancel();
    m_cancelButton->setEnabled(false);
    m_stateText = tr("Cancelling…");
    updateSummary();
}

void BatchWindow::onProgress(int done, int total)
{
    if (total < 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1 of %2 messages").arg(done).arg(total));
    if (!m_cancelled)
        m_stateText = tr("Verifying: %1 of %2 messages…").arg(done).arg(total);
    updateSummary();
}

void BatchWindow::onFinished(bool cancelled, int done, int total)
{
    m_cancelButton->setEnabled(false);
    m_exportButton->setEnabled(m_model->rowCount() > 0);
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
    m_stateText = cancelled ? tr("Cancelled: %1 of %2 messages verified.").arg(done).arg(total)
                            : tr("Done: %n message(s) verified.", nullptr, done);
    updateSummary();
    emit batchFinished(cancelled);
}

QString BatchWindow::statusText() const
{
    return m_status->text();
}

void BatchWindow::updateSummary()
{
    const Session session = m_session ? m_session() : Session {};
    const int zones = int(session.zones.size() + m_extraZones.size());
    QString dns;
    if (zones > 0)
        dns = tr("DNS: zone files (%n)", nullptr, zones);
    else if (session.settings.offline)
        dns = tr("DNS: offline");
    else
        dns = tr("DNS: live (%1)")
                  .arg(session.settings.dnsServer.isEmpty() ? tr("system resolver")
                                                            : session.settings.dnsServer);
    m_settingsLabel->setText(dns);
    QString text = m_stateText;
    if (m_model->rowCount() > 0) {
        const int shown = m_proxy->rowCount();
        const QString rows = shown == m_model->rowCount()
            ? tr("%n message(s) listed.", nullptr, m_model->rowCount())
            : tr("%1 of %2 messages shown (filtered).").arg(shown).arg(m_model->rowCount());
        text = text.isEmpty() ? rows : text + QLatin1Char(' ') + rows;
    }
    if (!m_notes.isEmpty())
        text += QStringLiteral("  ⚠ ") + m_notes.join(QStringLiteral("; "));
    if (text.isEmpty())
        text = tr("Open a folder, a Maildir or an mbox file to verify every message in it.");
    m_status->setText(text);
}

void BatchWindow::applyFilter()
{
    m_proxy->clearResultFilters();
    const int check = m_checkCombo->currentData().toInt();
    const int status = m_resultCombo->currentData().toInt();
    if (status >= 0)
        m_proxy->setResultFilter(check, Status(status));
    updateSummary();
}

void BatchWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Batch verify a folder"));
    if (!dir.isEmpty())
        start({ dir });
}

void BatchWindow::chooseMbox()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Batch verify an mbox file"), QString(),
        tr("Mailboxes (*.mbox *.mbx mbox);;All files (*)"));
    if (!f.isEmpty())
        start({ f });
}

void BatchWindow::chooseZones()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Zone files for the batch"),
        QString(), tr("Zone files (*.zone *.db *.txt);;All files (*)"));
    if (!files.isEmpty())
        setExtraZones(files);
}

bool BatchWindow::exportCsv(const QString& path, QString* error) const
{
    QList<int> order;
    order.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        order << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    const QByteArray csv = m_model->csv(order);
    if (f.write(csv) != csv.size() || !f.commit()) {
        if (error)
            *error = f.errorString();
        f.cancelWriting();
        return false;
    }
    return true;
}

void BatchWindow::exportDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), QStringLiteral("batch.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString err;
    if (!exportCsv(path, &err))
        QMessageBox::warning(this, tr("Export CSV"), tr("Cannot write %1: %2").arg(path, err));
}

bool BatchWindow::openRow(const QModelIndex& index)
{
    if (!index.isValid())
        return false;
    const QModelIndex src = index.model() == m_proxy ? m_proxy->mapToSource(index) : index;
    if (!src.isValid() || src.model() != m_model)
        return false;
    const BatchRow& row = m_model->row(src.row());
    if (!row.inputError.isEmpty())
        return false;
    BatchJob job { row.path, row.name, row.offset, row.length, row.file };
    QByteArray bytes;
    QString err;
    if (!readBatchJob(job, &bytes, &err)) {
        QMessageBox::warning(this, tr("Open message"), tr("Cannot open %1: %2").arg(row.name, err));
        return false;
    }
    const BatchJobSetup setup = batchJobSetup(m_request, row.path);
    QString title = QFileInfo(row.path).fileName();
    if (row.offset >= 0)
        title += QStringLiteral(" #") + row.name.mid(row.name.lastIndexOf(QLatin1Char('#')) + 1);
    emit openMessage(
        bytes, title, setup.zones, QFileInfo(row.path).absoluteFilePath(), setup.fixedTime);
    return true;
}

} // namespace ms::ui
