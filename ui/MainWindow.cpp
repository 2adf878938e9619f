#include "MainWindow.h"

#include "BatchWindow.h"
#include "CompareDialog.h"
#include "DetailPane.h"
#include "Dialogs.h"
#include "DnsLogModel.h"
#include "EvidenceBundle.h"
#include "Exporter.h"
#include "HexView.h"
#include "I18n.h"
#include "Scenarios.h"
#include "SourceTabs.h"
#include "SourceView.h"
#include "StatusStyle.h"
#include "StepTreeModel.h"
#include "VerdictBar.h"
#include "VerifyRunner.h"
#include "WhatIfPanel.h"
#include "report/Verdict.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ms::ui {

struct MainWindow::Actions {
    QMenu* file = nullptr;
    QMenu* edit = nullptr;
    QMenu* view = nullptr;
    QMenu* verify = nullptr;
    QMenu* scenarios = nullptr;
    QMenu* help = nullptr;
    QMenu* recent = nullptr;
    QMenu* exportMenu = nullptr;
    QAction* open = nullptr;
    QAction* paste = nullptr;
    QAction* batch = nullptr;
    QAction* openBundle = nullptr;
    QAction* saveBundle = nullptr;
    QAction* exportHtml = nullptr;
    QAction* exportPdf = nullptr;
    QAction* exportJson = nullptr;
    QAction* closeDoc = nullptr;
    QAction* quit = nullptr;
    QAction* copyStep = nullptr;
    QAction* copyValue = nullptr;
    QAction* copySource = nullptr;
    QAction* copySummaryText = nullptr;
    QAction* copySummaryMd = nullptr;
    QAction* reverify = nullptr;
    QAction* cancel = nullptr;
    QAction* offline = nullptr;
    QAction* compare = nullptr;
    QAction* settings = nullptr;
    QAction* dark = nullptr;
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* expandAll = nullptr;
    QAction* collapseAll = nullptr;
    QAction* about = nullptr;
    QAction* focusTree = nullptr;
    QAction* focusSource = nullptr;
    QAction* focusMessages = nullptr;
    QAction* focusDetail = nullptr;
    QAction* focusDns = nullptr;
    QAction* focusEnvelope = nullptr;
    QAction* focusWhatIf = nullptr;
    QAction* nextPane = nullptr;
    QAction* prevPane = nullptr;
    QAction* decrypt = nullptr;
};

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_settings(AppSettings::load())
    , m_runner(new VerifyRunner(this))
    , m_model(new StepTreeModel(this))
    , m_dnsModel(new DnsLogModel(this))
    , m_dnsProxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_sources(new SourceTabs(this))
    , m_detail(new DetailPane(this))
    , m_verdict(new VerdictBar(this))
    , m_whatIf(new WhatIfPanel(this))
    , m_envelope(new EnvelopePanel(this))
    , m_messages(new QListWidget(this))
    , m_dnsTable(new QTableView(this))
    , m_dnsFilter(new QLineEdit(this))
    , m_statusVerdict(new QLabel(this))
    , m_dnsIndicator(new QLabel(this))
    , m_resolverLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
    , m_decryptBar(new QWidget(this))
    , m_decryptLabel(new QLabel(m_decryptBar))
    , m_decryptButton(new QToolButton(m_decryptBar))
    , m_a(std::make_unique<Actions>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/mailscope.png")));

    m_tree->setObjectName(QStringLiteral("stepTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(StepTreeModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(
        StepTreeModel::StatusColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(StepTreeModel::RfcColumn, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_sources->setObjectName(QStringLiteral("sourceTabs"));
    m_detail->setObjectName(QStringLiteral("detailPane"));
    m_verdict->setObjectName(QStringLiteral("verdictBar"));
    m_whatIf->setObjectName(QStringLiteral("whatIfPanel"));
    m_envelope->setObjectName(QStringLiteral("envelopePanel"));
    m_messages->setObjectName(QStringLiteral("messageList"));
    m_dnsTable->setObjectName(QStringLiteral("dnsLog"));
    m_dnsFilter->setObjectName(QStringLiteral("dnsFilter"));
    m_statusVerdict->setObjectName(QStringLiteral("statusVerdict"));
    m_dnsIndicator->setObjectName(QStringLiteral("liveDnsIndicator"));
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));

    // Centre: verdict badges, the step tree, the byte views.
    auto* centre = new QWidget(this);
    auto* cl = new QVBoxLayout(centre);
    cl->setContentsMargins(2, 2, 2, 2);
    cl->addWidget(m_verdict);
    // Shown when the message has an encrypted part that was not opened.
    m_decryptBar->setObjectName(QStringLiteral("decryptBar"));
    m_decryptLabel->setObjectName(QStringLiteral("decryptLabel"));
    m_decryptLabel->setWordWrap(true);
    m_decryptLabel->setTextFormat(Qt::PlainText);
    m_decryptButton->setObjectName(QStringLiteral("decryptButton"));
    m_decryptButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    {
        auto* dl = new QHBoxLayout(m_decryptBar);
        dl->setContentsMargins(4, 2, 4, 2);
        dl->addWidget(m_decryptLabel, 1);
        dl->addWidget(m_decryptButton);
    }
    m_decryptBar->setVisible(false);
    cl->addWidget(m_decryptBar);
    auto* split = new QSplitter(Qt::Vertical, centre);
    split->setObjectName(QStringLiteral("centreSplitter"));
    split->addWidget(m_tree);
    split->addWidget(m_sources);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    cl->addWidget(split, 1);
    setCentralWidget(centre);

    m_dnsProxy->setSourceModel(m_dnsModel);
    m_dnsProxy->setFilterKeyColumn(-1);
    m_dnsProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_dnsTable->setModel(m_dnsProxy);
    m_dnsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_dnsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_dnsTable->setSortingEnabled(true);
    m_dnsTable->sortByColumn(DnsLogModel::Index, Qt::AscendingOrder); // query order
    m_dnsTable->verticalHeader()->hide();
    m_dnsTable->horizontalHeader()->setSectionResizeMode(DnsLogModel::Answer, QHeaderView::Stretch);
    {
        // The queried name is what a reader scans for: room for a typical
        // "selector._domainkey.example.com"; the short columns get what their values need.
        const QFontMetrics fm = m_dnsTable->fontMetrics();
        const auto chars = [&fm](int n) { return fm.horizontalAdvance(QLatin1Char('x')) * n + 16; };
        QHeaderView* h = m_dnsTable->horizontalHeader();
        h->resizeSection(DnsLogModel::Index, chars(4));
        h->resizeSection(DnsLogModel::Name, chars(34));
        h->resizeSection(DnsLogModel::Type, chars(6));
        h->resizeSection(DnsLogModel::Ttl, chars(7));
        h->resizeSection(DnsLogModel::Ad, chars(5));
        h->resizeSection(DnsLogModel::Time, chars(8));
    }
    m_dnsTable->setWordWrap(false);
    m_dnsFilter->setClearButtonEnabled(true);
    connect(m_dnsFilter, &QLineEdit::textChanged, m_dnsProxy,
        &QSortFilterProxyModel::setFilterFixedString);
    connect(m_dnsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& cur) {
            if (!cur.isValid() || m_syncingSelection)
                return;
            const int row = m_dnsProxy->mapToSource(cur).row();
            const StepPath p = m_dnsModel->queryStepPath(row);
            if (!p.isEmpty())
                selectStep(p);
        });

    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_statusVerdict->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusVerdict, 1);
    statusBar()->addPermanentWidget(m_resolverLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

    createActions();
    createDocks();
    m_decryptButton->setDefaultAction(m_a->decrypt);
    // Tab order follows the reading order: messages, verdicts, steps, bytes, details, DNS.
    QWidget* chain[] = { m_messages, m_verdict, m_tree, m_sources, m_detail, m_dnsFilter,
        m_dnsTable, m_envelope, m_whatIf };
    for (size_t i = 0; i + 1 < std::size(chain); ++i)
        setTabOrder(chain[i], chain[i + 1]);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MainWindow::onStepSelected);
    connect(m_sources, &SourceTabs::byteActivated, this, &MainWindow::onByteActivated);
    connect(m_verdict, &VerdictBar::checkClicked, this, [this](const QString& check) {
        const Report* r = m_model->report().get();
        if (!r)
            return;
        for (int i = 0; i < int(r->root.children.size()); ++i) {
            const Step& s = r->root.children[size_t(i)];
            if (s.kind.section(QLatin1Char('.'), 0, 0) == check) {
                selectStep({ i });
                m_tree->expand(m_model->indexOf({ i }));
                m_tree->setFocus();
                return;
            }
        }
    });
    connect(m_messages, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_docs.size() && m_docs[row].id != m_current)
            showDocument(m_docs[row].id);
    });
    connect(m_runner, &VerifyRunner::progress, this,
        [this](int, int done, int total, const QString& what) {
            m_progress->setRange(0, qMax(1, total));
            m_progress->setValue(done);
            m_progress->setFormat(what.isEmpty() ? QStringLiteral("%p%") : what);
        });
    connect(m_runner, &VerifyRunner::finished, this, &MainWindow::onFinished);
    connect(m_runner, &VerifyRunner::previewFinished, this, &MainWindow::onPreview);
    connect(m_envelope, &EnvelopePanel::reverifyRequested, this, [this] {
        if (Document* d = doc(m_current)) {
            d->envelope = m_envelope->overrides();
            startVerification(d->id);
        }
    });
    connect(m_envelope, &EnvelopePanel::resetRequested, this, [this] {
        if (Document* d = doc(m_current)) {
            d->envelope = {};
            startVerification(d->id);
        }
    });
    connect(m_whatIf, &WhatIfPanel::reverifyRequested, this, [this] {
        if (Document* d = doc(m_current)) {
            d->whatIf = m_whatIf->records();
            startVerification(d->id);
        }
    });

    applySettings(m_settings);
    retranslate();
    resize(1280, 860);
}

MainWindow::~MainWindow() = default;

Document* MainWindow::doc(int id)
{
    for (Document& d : m_docs) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

const Document* MainWindow::document(int id) const
{
    for (const Document& d : m_docs) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

void MainWindow::createActions()
{
    Actions& a = *m_a;
    auto make = [this](const char* objName, const QKeySequence& key = {}) {
        auto* act = new QAction(this);
        act->setObjectName(QLatin1String(objName));
        if (!key.isEmpty())
            act->setShortcut(key);
        return act;
    };
    a.open = make("openAction", QKeySequence::Open);
    a.paste = make("pasteAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    a.batch = make("batchAction", QKeySequence(Qt::CTRL | Qt::Key_B));
    // File > Batch verify: one window, same settings and session zone files as the workbench.
    connect(a.batch, &QAction::triggered, this, [this] {
        auto* batch = findChild<BatchWindow*>(QString(), Qt::FindDirectChildrenOnly);
        if (!batch) {
            batch = new BatchWindow(
                [this] {
                    BatchWindow::Session s { m_settings, {} };
                    for (const Document& d : std::as_const(m_docs)) {
                        for (const QString& z : d.zones) {
                            if (!s.zones.contains(z))
                                s.zones << z;
                        }
                    }
                    return s;
                },
                this);
            connect(batch, &BatchWindow::openMessage, this,
                [this](const QByteArray& bytes, const QString& title, const QStringList& zones,
                    const QString& path, const QDateTime& time) {
                    openBytes(bytes, title, zones, path, time);
                    raise();
                    activateWindow();
                });
        }
        batch->show();
        batch->raise();
        batch->activateWindow();
    });
    a.openBundle = make("openBundleAction");
    a.saveBundle = make("saveBundleAction", QKeySequence(Qt::CTRL | Qt::Key_S));
    a.exportHtml = make("exportHtmlAction");
    a.exportPdf = make("exportPdfAction");
    a.exportJson = make("exportJsonAction");
    a.closeDoc = make("closeAction", QKeySequence::Close);
    a.quit = make("quitAction", QKeySequence::Quit);
    a.copyStep = make("copyStepAction", QKeySequence::Copy);
    a.copyValue = make("copyValueAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    a.copySource = make("copySourceAction", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    a.copySummaryText = make("copySummaryTextAction");
    a.copySummaryMd = make("copySummaryMarkdownAction");
    a.reverify = make("reverifyAction", QKeySequence::Refresh);
    a.cancel = make("cancelAction", QKeySequence(Qt::Key_Escape));
    a.offline = make("offlineAction", QKeySequence(Qt::CTRL | Qt::Key_L));
    a.offline->setCheckable(true);
    a.compare = make("compareAction", QKeySequence(Qt::CTRL | Qt::Key_D));
    a.settings = make("settingsAction", QKeySequence::Preferences);
    a.dark = make("darkAction");
    a.dark->setCheckable(true);
    a.zoomIn = make("zoomInAction", QKeySequence::ZoomIn);
    a.zoomOut = make("zoomOutAction", QKeySequence::ZoomOut);
    a.expandAll = make("expandAllAction", QKeySequence(Qt::CTRL | Qt::Key_E));
    a.collapseAll = make("collapseAllAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    a.about = make("aboutAction");
    a.focusTree = make("focusTreeAction", QKeySequence(Qt::ALT | Qt::Key_1));
    a.focusSource = make("focusSourceAction", QKeySequence(Qt::ALT | Qt::Key_2));
    a.focusDetail = make("focusDetailAction", QKeySequence(Qt::ALT | Qt::Key_3));
    a.focusDns = make("focusDnsAction", QKeySequence(Qt::ALT | Qt::Key_4));
    a.focusEnvelope = make("focusEnvelopeAction", QKeySequence(Qt::ALT | Qt::Key_5));
    a.focusWhatIf = make("focusWhatIfAction", QKeySequence(Qt::ALT | Qt::Key_6));
    a.focusMessages = make("focusMessagesAction", QKeySequence(Qt::ALT | Qt::Key_0));
    a.nextPane = make("nextPaneAction", QKeySequence(Qt::Key_F6));
    a.prevPane = make("previousPaneAction", QKeySequence(Qt::SHIFT | Qt::Key_F6));
    a.decrypt = make("decryptAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    a.decrypt->setEnabled(false);
    a.exportHtml->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    a.exportPdf->setShortcut(QKeySequence::Print);
    a.exportJson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    a.open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    a.reverify->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    a.cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    a.cancel->setEnabled(false);
    a.copyStep->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tree->addAction(a.copyStep);
    m_tree->addAction(a.copyValue);
    m_tree->addAction(a.copySource);

    connect(a.open, &QAction::triggered, this, &MainWindow::openDialog);
    connect(a.paste, &QAction::triggered, this, &MainWindow::pasteDialog);
    connect(a.openBundle, &QAction::triggered, this, [this] {
        const QString p = QFileDialog::getOpenFileName(
            this, tr("Open evidence bundle"), QString(), tr("Evidence bundles (*.msev *.json)"));
        QString err;
        if (!p.isEmpty() && openEvidenceBundle(p, &err) < 0)
            QMessageBox::warning(this, tr("Open evidence bundle"), err);
    });
    connect(a.saveBundle, &QAction::triggered, this, [this] {
        if (!currentDocument() || !currentDocument()->report)
            return;
        const QString p = QFileDialog::getSaveFileName(this, tr("Save evidence bundle"),
            currentDocument()->title + QStringLiteral(".msev"), tr("Evidence bundles (*.msev)"));
        QString err;
        if (!p.isEmpty() && !saveEvidenceBundle(p, &err))
            QMessageBox::warning(this, tr("Save evidence bundle"), err);
    });
    connect(
        a.exportHtml, &QAction::triggered, this, [this] { exportReport(QStringLiteral("html")); });
    connect(
        a.exportPdf, &QAction::triggered, this, [this] { exportReport(QStringLiteral("pdf")); });
    connect(
        a.exportJson, &QAction::triggered, this, [this] { exportReport(QStringLiteral("json")); });
    connect(a.closeDoc, &QAction::triggered, this, [this] {
        const int row = m_messages->currentRow();
        if (row < 0 || row >= m_docs.size() || m_docs[row].running)
            return;
        m_docs.removeAt(row);
        updateMessageList();
        showDocument(m_docs.isEmpty() ? -1 : m_docs[qMin(row, int(m_docs.size()) - 1)].id);
    });
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.copyStep, &QAction::triggered, this, [this] {
        const QModelIndex idx = m_tree->currentIndex();
        if (!idx.isValid())
            return;
        QString text = m_model->dump(idx);
        if (const Step* s = m_model->step(idx); s && !s->detail.isEmpty())
            text += QLatin1Char('\n') + s->detail + QLatin1Char('\n');
        QApplication::clipboard()->setText(text);
    });
    connect(a.copyValue, &QAction::triggered, this,
        [this] { QApplication::clipboard()->setText(m_detail->selectedValue()); });
    connect(a.copySource, &QAction::triggered, this, [this] {
        QByteArray hl, all;
        if (SourceView* v = m_sources->currentView()) {
            hl = v->highlightedBytes();
            all = v->bytes();
        } else if (HexView* h = m_sources->hexView();
                   h && m_sources->tabs()->currentWidget() == h) {
            hl = h->highlightedBytes();
            all = h->bytes();
        } else {
            return;
        }
        QApplication::clipboard()->setText(QString::fromUtf8(hl.isEmpty() ? all : hl));
    });
    connect(a.copySummaryText, &QAction::triggered, this, [this] { copySummary(false); });
    connect(a.copySummaryMd, &QAction::triggered, this, [this] { copySummary(true); });
    connect(a.reverify, &QAction::triggered, this, &MainWindow::reverify);
    connect(a.cancel, &QAction::triggered, m_runner, &VerifyRunner::cancel);
    connect(m_cancelButton, &QToolButton::clicked, m_runner, &VerifyRunner::cancel);
    connect(a.offline, &QAction::toggled, this, [this](bool on) { setOffline(on); });
    connect(a.compare, &QAction::triggered, this, &MainWindow::compareDialog);
    connect(a.settings, &QAction::triggered, this, &MainWindow::settingsDialog);
    connect(a.dark, &QAction::toggled, this, [this](bool on) {
        m_settings.darkPalette = on;
        m_settings.save();
        applyPalette();
    });
    connect(a.zoomIn, &QAction::triggered, this, [this] {
        m_settings.fontSize = qMin(40, m_settings.fontSize + 1);
        m_sources->setFontPointSize(m_settings.fontSize);
        m_settings.save();
    });
    connect(a.zoomOut, &QAction::triggered, this, [this] {
        m_settings.fontSize = qMax(6, m_settings.fontSize - 1);
        m_sources->setFontPointSize(m_settings.fontSize);
        m_settings.save();
    });
    connect(a.expandAll, &QAction::triggered, m_tree, &QTreeView::expandAll);
    connect(a.collapseAll, &QAction::triggered, m_tree, &QTreeView::collapseAll);
    connect(a.focusTree, &QAction::triggered, this, [this] { focusPane(m_tree); });
    connect(a.focusSource, &QAction::triggered, this, [this] { focusPane(m_sources); });
    connect(a.focusDetail, &QAction::triggered, this, [this] { focusPane(m_detail); });
    connect(a.focusDns, &QAction::triggered, this, [this] { focusPane(m_dnsTable); });
    connect(a.focusEnvelope, &QAction::triggered, this, [this] { focusPane(m_envelope); });
    connect(a.focusWhatIf, &QAction::triggered, this, [this] { focusPane(m_whatIf); });
    connect(a.focusMessages, &QAction::triggered, this, [this] { focusPane(m_messages); });
    connect(a.nextPane, &QAction::triggered, this, [this] { focusNextPane(false); });
    connect(a.prevPane, &QAction::triggered, this, [this] { focusNextPane(true); });
    connect(a.decrypt, &QAction::triggered, this, &MainWindow::decryptWithPkcs12);
    connect(a.about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Mailscope"),
            tr("<h3>Mailscope %1</h3><p>Shows step by step why an e-mail passes or "
               "fails SPF, DKIM, ARC, DMARC and S/MIME, and what TLS protected it "
               "on the way.</p><p>GPL-3.0-or-later.</p>")
                .arg(QStringLiteral(MAILSCOPE_VERSION)));
    });

    a.file = menuBar()->addMenu(QString());
    a.file->addAction(a.open);
    a.file->addAction(a.paste);
    a.file->addAction(a.batch);
    a.recent = a.file->addMenu(QString());
    a.file->addSeparator();
    a.file->addAction(a.openBundle);
    a.file->addAction(a.saveBundle);
    a.exportMenu = a.file->addMenu(QString());
    a.exportMenu->addAction(a.exportHtml);
    a.exportMenu->addAction(a.exportPdf);
    a.exportMenu->addAction(a.exportJson);
    a.file->addSeparator();
    a.file->addAction(a.closeDoc);
    a.file->addAction(a.quit);
    a.edit = menuBar()->addMenu(QString());
    a.edit->addAction(a.copyStep);
    a.edit->addAction(a.copyValue);
    a.edit->addAction(a.copySource);
    a.edit->addSeparator();
    a.edit->addAction(a.copySummaryText);
    a.edit->addAction(a.copySummaryMd);
    a.edit->addSeparator();
    a.edit->addAction(a.settings);
    a.view = menuBar()->addMenu(QString());
    a.view->addAction(a.expandAll);
    a.view->addAction(a.collapseAll);
    a.view->addAction(a.focusMessages);
    a.view->addAction(a.focusTree);
    a.view->addAction(a.focusSource);
    a.view->addAction(a.focusDetail);
    a.view->addAction(a.focusDns);
    a.view->addAction(a.focusEnvelope);
    a.view->addAction(a.focusWhatIf);
    a.view->addAction(a.nextPane);
    a.view->addAction(a.prevPane);
    a.view->addSeparator();
    a.view->addAction(a.zoomIn);
    a.view->addAction(a.zoomOut);
    a.view->addAction(a.dark);
    a.view->addSeparator();
    a.verify = menuBar()->addMenu(QString());
    a.verify->addAction(a.reverify);
    a.verify->addAction(a.cancel);
    a.verify->addAction(a.offline);
    a.verify->addAction(a.decrypt);
    a.verify->addSeparator();
    a.verify->addAction(a.compare);
    a.scenarios = menuBar()->addMenu(QString());
    a.scenarios->setObjectName(QStringLiteral("scenariosMenu"));
    a.help = menuBar()->addMenu(QString());
    a.help->addAction(a.about);

    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(QStringLiteral("mainToolbar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolbar->addAction(a.open);
    m_toolbar->addAction(a.paste);
    m_toolbar->addAction(a.reverify);
    m_toolbar->addAction(a.cancel);
    m_toolbar->addSeparator();
    m_toolbar->addAction(a.offline);
    m_toolbar->addWidget(m_dnsIndicator);
    m_toolbar->addSeparator();
    m_toolbar->addAction(a.compare);
}

void MainWindow::createDocks()
{
    auto dock = [this](QWidget* w, const char* name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(w);
        addDockWidget(area, d);
        m_a->view->addAction(d->toggleViewAction());
        return d;
    };
    m_messagesDock = dock(m_messages, "messagesDock", Qt::LeftDockWidgetArea);
    m_detailDock = dock(m_detail, "detailDock", Qt::RightDockWidgetArea);
    auto* dnsPage = new QWidget(this);
    auto* dl = new QVBoxLayout(dnsPage);
    dl->setContentsMargins(2, 2, 2, 2);
    dl->addWidget(m_dnsFilter);
    dl->addWidget(m_dnsTable);
    m_dnsDock = dock(dnsPage, "dnsDock", Qt::BottomDockWidgetArea);
    m_envelopeDock = dock(m_envelope, "envelopeDock", Qt::BottomDockWidgetArea);
    m_whatIfDock = dock(m_whatIf, "whatIfDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_dnsDock, m_envelopeDock);
    tabifyDockWidget(m_envelopeDock, m_whatIfDock);
    m_dnsDock->raise();
    resizeDocks({ m_messagesDock, m_detailDock }, { 220, 340 }, Qt::Horizontal);
    resizeDocks({ m_dnsDock }, { 200 }, Qt::Vertical);
}

void MainWindow::retranslate()
{
    Actions& a = *m_a;
    a.file->setTitle(tr("&File"));
    a.edit->setTitle(tr("&Edit"));
    a.view->setTitle(tr("&View"));
    a.verify->setTitle(tr("&Verify"));
    a.scenarios->setTitle(tr("&Scenarios"));
    a.help->setTitle(tr("&Help"));
    a.recent->setTitle(tr("Open &recent"));
    a.exportMenu->setTitle(tr("&Export report"));
    a.open->setText(tr("&Open…"));
    a.paste->setText(tr("&Paste headers…"));
    a.batch->setText(tr("&Batch verify…"));
    a.openBundle->setText(tr("Open evidence &bundle…"));
    a.saveBundle->setText(tr("&Save evidence bundle…"));
    a.exportHtml->setText(tr("&HTML…"));
    a.exportPdf->setText(tr("&PDF…"));
    a.exportJson->setText(tr("&JSON…"));
    a.closeDoc->setText(tr("&Close message"));
    a.quit->setText(tr("&Quit"));
    a.copyStep->setText(tr("Copy &step"));
    a.copyValue->setText(tr("Copy &value"));
    a.copySource->setText(tr("Copy source &bytes"));
    a.copySummaryText->setText(tr("Copy summary as &text"));
    a.copySummaryMd->setText(tr("Copy summary as &Markdown"));
    a.reverify->setText(tr("&Re-verify"));
    a.cancel->setText(tr("&Cancel"));
    a.offline->setText(tr("&Offline"));
    a.offline->setToolTip(tr("Offline: no DNS query leaves this computer"));
    a.compare->setText(tr("&Compare two messages…"));
    a.settings->setText(tr("S&ettings…"));
    a.dark->setText(tr("&Dark palette"));
    a.zoomIn->setText(tr("Larger source font"));
    a.zoomOut->setText(tr("Smaller source font"));
    a.expandAll->setText(tr("E&xpand all steps"));
    a.collapseAll->setText(tr("Co&llapse all steps"));
    a.focusTree->setText(tr("Go to the step &tree"));
    a.focusSource->setText(tr("Go to the &source view"));
    a.focusMessages->setText(tr("Go to the &message list"));
    a.focusDetail->setText(tr("Go to the &details"));
    a.focusDns->setText(tr("Go to the &DNS log"));
    a.focusEnvelope->setText(tr("Go to the &envelope"));
    a.focusWhatIf->setText(tr("Go to &what-if DNS"));
    a.nextPane->setText(tr("&Next pane"));
    a.prevPane->setText(tr("&Previous pane"));
    a.decrypt->setText(tr("&Decrypt with PKCS#12…"));
    a.decrypt->setToolTip(tr("Open the encrypted part with your key (PKCS#12 file and "
                             "password). Decrypted content stays in memory only."));
    a.about->setText(tr("&About Mailscope"));
    m_toolbar->setWindowTitle(tr("Main toolbar"));
    m_messagesDock->setWindowTitle(tr("Messages"));
    m_detailDock->setWindowTitle(tr("Details"));
    m_dnsDock->setWindowTitle(tr("DNS log"));
    m_envelopeDock->setWindowTitle(tr("Envelope"));
    m_whatIfDock->setWindowTitle(tr("What-if DNS"));
    m_dnsFilter->setPlaceholderText(tr("Filter DNS queries (name, type, answer, result…)"));
    m_cancelButton->setText(tr("Cancel"));
    m_tree->setAccessibleName(tr("Verification steps"));
    m_messages->setAccessibleName(tr("Opened messages"));
    m_dnsTable->setAccessibleName(tr("DNS log"));
    m_dnsFilter->setAccessibleName(tr("Filter the DNS log"));
    m_verdict->setAccessibleName(tr("Verdicts per check"));
    m_progress->setAccessibleName(tr("Verification progress"));
    m_cancelButton->setAccessibleName(tr("Cancel the verification"));
    m_decryptButton->setAccessibleName(a.decrypt->text().remove(QLatin1Char('&')));
    m_decryptButton->setAccessibleDescription(a.decrypt->toolTip());
    m_tree->setAccessibleDescription(
        tr("Each step of the verification; select one to see its bytes and explanation."));
    m_messages->setAccessibleDescription(tr("Messages you opened, with their verdict."));
    m_dnsTable->setAccessibleDescription(tr("Every DNS query of the verification."));
    updateDecryptBar();
    // Models re-read their headers and status words.
    emit m_model->headerDataChanged(Qt::Horizontal, 0, StepTreeModel::ColumnCount - 1);
    emit m_dnsModel->headerDataChanged(Qt::Horizontal, 0, DnsLogModel::ColumnCount - 1);
    m_verdict->setReport(m_model->report().get());
    m_detail->setStep(
        m_tree->currentIndex().isValid() ? m_model->step(m_tree->currentIndex()) : nullptr);
    updateRecentMenu();
    updateScenariosMenu();
    updateDnsIndicator();
    updateStatus();
    setWindowTitle(
        currentDocument() ? tr("%1 — Mailscope").arg(currentDocument()->title) : tr("Mailscope"));
}

void MainWindow::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::updateRecentMenu()
{
    m_a->recent->clear();
    for (const QString& f : std::as_const(m_settings.recentFiles)) {
        QAction* act = m_a->recent->addAction(QFileInfo(f).fileName());
        act->setToolTip(f);
        connect(act, &QAction::triggered, this, [this, f] { openFile(f, zonesFor(f)); });
    }
    m_a->recent->setEnabled(!m_settings.recentFiles.isEmpty());
}

void MainWindow::updateScenariosMenu()
{
    QMenu* m = m_a->scenarios;
    m->clear();
    const QList<Scenario> list = scenarios();
    if (list.isEmpty()) {
        m->addAction(tr("(no bundled samples found)"))->setEnabled(false);
        return;
    }
    for (const Scenario& s : list) {
        QAction* act = m->addAction(s.title);
        act->setObjectName(QStringLiteral("scenario_") + s.id);
        act->setToolTip(s.lesson);
        act->setStatusTip(s.lesson);
        connect(act, &QAction::triggered, this, [this, s] {
            const int id = openFile(s.message, s.zones);
            if (id >= 0 && !s.lesson.isEmpty()) {
                auto* box = new QMessageBox(
                    QMessageBox::Information, s.title, s.lesson, QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("lessonBox"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->setModal(false);
                box->show();
            }
        });
    }
}

void MainWindow::updateDnsIndicator()
{
    const Document* d = currentDocument();
    VerifyRequest r;
    if (d)
        r = requestFor(*d);
    else
        r.offline = m_settings.offline;
    const bool live = d ? usesLiveDns(r) : !m_settings.offline;
    m_a->offline->blockSignals(true);
    m_a->offline->setChecked(m_settings.offline);
    m_a->offline->blockSignals(false);
    if (live) {
        m_dnsIndicator->setText(tr("● Live DNS on"));
        m_dnsIndicator->setToolTip(tr("Verification sends DNS queries; the domains' servers can "
                                      "see them."));
        m_dnsIndicator->setStyleSheet(
            QStringLiteral("QLabel{color:%1;font-weight:bold;padding:0 6px;}")
                .arg(StatusStyle::color(Status::Warning, StatusStyle::isDark()).name()));
    } else {
        m_dnsIndicator->setText(d && !d->zones.isEmpty() ? tr("○ Offline (zone files)")
                : d && d->replay                         ? tr("○ Offline (replay)")
                                                         : tr("○ Offline"));
        m_dnsIndicator->setToolTip(tr("No DNS query leaves this computer."));
        m_dnsIndicator->setStyleSheet(QStringLiteral("QLabel{padding:0 6px;}"));
    }
    m_dnsIndicator->setAccessibleName(m_dnsIndicator->text());
}

void MainWindow::applySettings(const AppSettings& s)
{
    const bool langChanged = s.language != m_settings.language;
    m_settings = s;
    m_sources->setFontPointSize(s.fontSize);
    m_a->dark->blockSignals(true);
    m_a->dark->setChecked(s.darkPalette);
    m_a->dark->blockSignals(false);
    applyPalette();
    if (langChanged)
        setLanguage(s.language);
    updateDnsIndicator();
}

void MainWindow::applyPalette()
{
    const bool dark = m_settings.darkPalette;
    QPalette p;
    if (dark) {
        qApp->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        p.setColor(QPalette::Window, QColor(0x25, 0x25, 0x26));
        p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2c));
        p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x30, 0x30));
        p.setColor(QPalette::ToolTipText, QColor(0xf0, 0xf0, 0xf0));
        p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        p.setColor(QPalette::Button, QColor(0x33, 0x33, 0x35));
        p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x79, 0xb8, 0xff));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    } else {
        p = QApplication::style()->standardPalette();
    }
    QApplication::setPalette(p);
    m_sources->setDark(dark);
    m_verdict->setReport(m_model->report().get());
    updateDnsIndicator();
}

void MainWindow::setLanguage(const QString& language)
{
    m_settings.language = language;
    m_settings.save();
    applyLanguage(language); // posts LanguageChange → retranslate()
    retranslate();
    // Texts inside the report come from the engine at verification time: re-run.
    if (currentDocument() && currentDocument()->report)
        reverify();
}

void MainWindow::setOffline(bool offline)
{
    m_settings.offline = offline;
    m_settings.save();
    updateDnsIndicator();
}

VerifyRequest MainWindow::requestFor(const Document& d) const
{
    VerifyRequest r;
    const AppSettings& s = d.bundleSettings ? *d.bundleSettings : m_settings;
    r.bytes = d.bytes;
    r.fileName = d.path.isEmpty() ? d.title : d.path;
    r.options = s.verifyOptions();
    // A bundled scenario's own options (trusted sealer, S/MIME trust file, time), so it shows
    // what its lesson says; only for files inside the samples folder, never a user's .json.
    if (isBundledSample(d.path))
        applySampleOptions(d.path, r.options);
    r.zoneFiles = d.zones;
    r.offline = m_settings.offline || d.forceOffline;
    r.dnsServer = s.dnsServer;
    r.dnsTimeoutMs = s.dnsTimeoutMs;
    r.whatIf = d.whatIf;
    if (d.fixedTime.isValid()) {
        r.options.timeMode = VerifyOptions::TimeMode::Fixed;
        r.options.fixedTime = d.fixedTime;
    }
    if (d.replay) {
        r.replay = d.replay;
        r.options.timeMode = VerifyOptions::TimeMode::Fixed;
        r.options.fixedTime = d.replayTime;
    }
    if (!d.pkcs12File.isEmpty()) {
        r.options.pkcs12File = d.pkcs12File;
        r.options.pkcs12Password = d.pkcs12Password;
    }
    r.options.clientIp = d.envelope.clientIp;
    r.options.helo = d.envelope.helo;
    r.options.mailFrom = d.envelope.mailFrom;
    return r;
}

int MainWindow::openFile(
    const QString& path, const QStringList& zones, const QDateTime& evaluationTime)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(
            this, tr("Open message"), tr("Cannot open %1: %2").arg(path, f.errorString()));
        return -1;
    }
    QByteArray bytes = f.readAll();
    if (path.endsWith(QLatin1String(".msev"))) {
        QString err;
        const int id = openEvidenceBundle(path, &err);
        if (id < 0)
            QMessageBox::warning(this, tr("Open evidence bundle"), err);
        return id;
    }
    QString title = QFileInfo(path).fileName();
    // An mbox with several messages: ask which one.
    if (bytes.startsWith("From ")) {
        const QList<MboxEntry> entries = splitMbox(bytes);
        if (entries.size() > 1) {
            MboxPickerDialog picker(entries, this);
            if (picker.exec() != QDialog::Accepted || picker.selected() < 0)
                return -1;
            const MboxEntry& e = entries[picker.selected()];
            bytes = bytes.mid(e.offset, e.length);
            title += QStringLiteral(" #%1").arg(picker.selected() + 1);
        }
    }
    m_settings.addRecent(QFileInfo(path).absoluteFilePath());
    m_settings.save();
    updateRecentMenu();
    return openBytes(bytes, title, zones, QFileInfo(path).absoluteFilePath(),
        evaluationTime.isValid() ? evaluationTime : sampleTime(path));
}

int MainWindow::openBytes(const QByteArray& bytes, const QString& title, const QStringList& zones,
    const QString& path, const QDateTime& evaluationTime)
{
    Document d;
    d.id = m_nextId++;
    d.path = path;
    d.title = title;
    d.bytes = bytes;
    d.zones = zones;
    d.fixedTime = evaluationTime;
    m_docs.append(d);
    updateMessageList();
    showDocument(d.id);
    startVerification(d.id);
    return d.id;
}

void MainWindow::reverify()
{
    if (currentDocument())
        startVerification(m_current);
}

void MainWindow::startVerification(int id)
{
    Document* d = doc(id);
    if (!d)
        return;
    d->running = true;
    m_queue.removeAll(id);
    m_queue.append(id);
    updateMessageList();
    pumpQueue();
}

void MainWindow::pumpQueue()
{
    if (m_runner->isRunning() || m_queue.isEmpty()) {
        updateStatus();
        return;
    }
    const int id = m_queue.takeFirst();
    Document* d = doc(id);
    if (!d) {
        pumpQueue();
        return;
    }
    const VerifyRequest r = requestFor(*d);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancelButton->setVisible(true);
    m_a->cancel->setEnabled(true);
    if (usesLiveDns(r) && !d->lookupsApproved && !m_settings.alwaysAllowLookups) {
        m_runner->startPreview(id, r);
    } else {
        emit verificationStarted(id);
        m_runner->start(id, r);
    }
    updateStatus();
}

void MainWindow::onPreview(int id, const QStringList& names)
{
    Document* d = doc(id);
    if (!d)
        return pumpQueue();
    PrivacyDialog dlg(names, this);
    if (dlg.exec() == QDialog::Accepted) {
        d->lookupsApproved = true;
        if (dlg.alwaysAllow()) {
            m_settings.alwaysAllowLookups = true;
            m_settings.save();
        }
    } else {
        d->forceOffline = true;
    }
    emit verificationStarted(id);
    m_runner->start(id, requestFor(*d));
    updateDnsIndicator();
}

void MainWindow::onFinished(int id, std::shared_ptr<const VerifyResult> result)
{
    Document* d = doc(id);
    if (d && result) {
        auto report = std::make_shared<const Report>(result->report);
        if (d->report) {
            d->previous = d->report;
            d->changes = reportChanges(*d->previous, *report);
        }
        d->report = report;
        d->notes = result->notes;
        d->resolverDescription = result->resolverDescription;
        d->running = false;
        if (id == m_current)
            showDocument(id);
    }
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_a->cancel->setEnabled(false);
    updateMessageList();
    emit verificationFinished(id);
    pumpQueue();
}

void MainWindow::updateMessageList()
{
    m_messages->blockSignals(true);
    m_messages->clear();
    for (const Document& d : std::as_const(m_docs)) {
        auto* item = new QListWidgetItem(m_messages);
        QString text = d.title;
        if (d.report) {
            const Verdict v = overallVerdict(*d.report);
            item->setIcon(StatusStyle::icon(v.status));
            text += QStringLiteral("\n") + StatusStyle::text(v.status);
            item->setToolTip(v.reason);
        }
        if (d.running)
            text += QStringLiteral(" ") + tr("(verifying…)");
        item->setText(text);
        item->setData(Qt::UserRole, d.id);
        item->setData(Qt::AccessibleTextRole, text);
        if (d.id == m_current)
            m_messages->setCurrentItem(item);
    }
    m_messages->blockSignals(false);
}

void MainWindow::showDocument(int id)
{
    m_current = id;
    const Document* d = document(id);
    m_syncingSelection = true;
    m_model->setReport(d ? d->report : nullptr);
    m_model->setPrevious(d ? d->previous : nullptr);
    m_dnsModel->setReport(d ? d->report : nullptr);
    m_sources->setReport(d ? d->report : nullptr);
    m_verdict->setReport(d && d->report ? d->report.get() : nullptr);
    m_syncingSelection = false;
    if (d && d->report) {
        m_envelope->setEnvelope(d->report->envelope);
        // Open the checks; expand the path to every failure so the reason is in view.
        m_tree->expandToDepth(0);
        std::function<void(const QModelIndex&)> openBad = [&](const QModelIndex& parent) {
            for (int r = 0; r < m_model->rowCount(parent); ++r) {
                const QModelIndex idx = m_model->index(r, 0, parent);
                const auto s = Status(idx.data(StepTreeModel::StatusRole).toInt());
                if (s == Status::Fail || s == Status::PermError || s == Status::TempError) {
                    m_tree->expand(idx);
                    openBad(idx);
                }
            }
        };
        openBad({});
    }
    m_whatIf->setRecords(d ? d->whatIf : QList<WhatIfRecord> {});
    if (d && d->previous)
        m_whatIf->setChanges(d->changes);
    m_detail->setStep(nullptr);
    updateDecryptBar();
    for (int i = 0; i < m_messages->count(); ++i) {
        if (m_messages->item(i)->data(Qt::UserRole).toInt() == id) {
            m_messages->blockSignals(true);
            m_messages->setCurrentRow(i);
            m_messages->blockSignals(false);
        }
    }
    setWindowTitle(d ? tr("%1 — Mailscope").arg(d->title) : tr("Mailscope"));
    updateDnsIndicator();
    updateStatus();
}

void MainWindow::updateStatus()
{
    const Document* d = currentDocument();
    if (!d) {
        m_statusVerdict->setText(
            tr("Open a message (File › Open, drag and drop) or paste headers."));
        m_resolverLabel->clear();
        return;
    }
    if (d->running && !d->report) {
        m_statusVerdict->setText(tr("Verifying %1…").arg(d->title));
        return;
    }
    if (!d->report)
        return;
    const Verdict v = overallVerdict(*d->report);
    QString text = tr("Verdict: %1").arg(StatusStyle::text(v.status));
    if (!v.reason.isEmpty())
        text += QStringLiteral(" — ") + v.reason;
    if (d->report->cancelled)
        text += QStringLiteral(" ") + tr("(cancelled: incomplete)");
    if (!d->notes.isEmpty())
        text += QStringLiteral("  ⚠ ") + d->notes.join(QStringLiteral("; "));
    m_statusVerdict->setText(text);
    m_statusVerdict->setToolTip(text);
    m_statusVerdict->setAccessibleName(text);
    const QColor c = StatusStyle::color(v.status, StatusStyle::isDark());
    m_statusVerdict->setStyleSheet(
        QStringLiteral("QLabel{color:%1;font-weight:bold;}").arg(c.name()));
    m_resolverLabel->setText(tr("DNS: %1").arg(d->resolverDescription));
}

bool MainWindow::selectStep(const StepPath& path)
{
    const QModelIndex idx = m_model->indexOf(path);
    if (!idx.isValid())
        return false;
    QModelIndex p = idx.parent();
    while (p.isValid()) {
        m_tree->expand(p);
        p = p.parent();
    }
    m_tree->setCurrentIndex(idx);
    m_tree->scrollTo(idx);
    return true;
}

void MainWindow::onStepSelected()
{
    const QModelIndex idx = m_tree->currentIndex();
    const Step* s = idx.isValid() ? m_model->step(idx) : nullptr;
    m_detail->setStep(s);
    if (!s)
        return;
    if (!m_syncingSelection)
        m_sources->highlight(s->spans);
    // Keep the DNS log in step with a dns.query step.
    if (s->kind == QLatin1String("dns.query")) {
        bool ok = false;
        const int i = s->fact(QStringLiteral("time.transcript-index")).toInt(&ok);
        if (ok) {
            const QModelIndex src = m_dnsModel->index(i, 0);
            const QModelIndex prox = m_dnsProxy->mapFromSource(src);
            if (prox.isValid()) {
                m_syncingSelection = true;
                m_dnsTable->setCurrentIndex(prox);
                m_syncingSelection = false;
            }
        }
    }
}

void MainWindow::onByteActivated(const QString& sourceId, qint64 offset)
{
    const Report* r = m_model->report().get();
    if (!r)
        return;
    const auto path = deepestStepAt(r->root, sourceId, offset);
    if (!path)
        return;
    const QModelIndex idx = m_model->indexOf(*path);
    if (!idx.isValid() || idx == m_tree->currentIndex())
        return;
    // Select without moving the view the user clicked in; show the step's bytes in place.
    m_syncingSelection = true;
    selectStep(*path);
    m_syncingSelection = false;
    if (const Step* s = m_model->step(idx)) {
        if (SourceView* v = m_sources->viewFor(sourceId)) {
            const int first = v->firstVisibleLine();
            const long pos = v->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS);
            v->highlight(s->spans);
            v->restoreView(pos, first);
        }
        // The hex view shows the step's bytes too, without moving.
        if (HexView* h = m_sources->hexView(); h && h->sourceId() == sourceId)
            h->highlight(s->spans, false);
    }
}

void MainWindow::openDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open message"), QString(),
        tr("Messages (*.eml *.msg *.txt *.mbox *.msev);;All files (*)"));
    for (const QString& f : files)
        openFile(f, zonesFor(f));
}

void MainWindow::pasteDialog()
{
    PasteDialog dlg(this);
    if (dlg.exec() != QDialog::Accepted)
        return;
    const QByteArray bytes = dlg.message();
    if (bytes.trimmed().isEmpty())
        return;
    openBytes(bytes, tr("Pasted headers"));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    if (e->mimeData()->hasUrls())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e)
{
    for (const QUrl& u : e->mimeData()->urls()) {
        if (u.isLocalFile())
            openFile(u.toLocalFile(), zonesFor(u.toLocalFile()));
    }
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    m_runner->cancel();
    m_settings.save();
    QMainWindow::closeEvent(e);
}

void MainWindow::exportReport(const QString& kind)
{
    const Document* d = currentDocument();
    if (!d || !d->report)
        return;
    QString filter = kind == QLatin1String("pdf") ? tr("PDF files (*.pdf)")
        : kind == QLatin1String("json")           ? tr("JSON files (*.json)")
                                                  : tr("HTML files (*.html)");
    const QString base = QFileInfo(d->title).completeBaseName();
    const QString p = QFileDialog::getSaveFileName(
        this, tr("Export report"), base + QLatin1Char('.') + kind, filter);
    if (p.isEmpty())
        return;
    QString err;
    bool ok = kind == QLatin1String("pdf") ? writePdf(*d->report, p, &err)
        : kind == QLatin1String("json")    ? writeJson(*d->report, p, &err)
                                           : writeHtml(*d->report, p, &err);
    if (!ok)
        QMessageBox::warning(this, tr("Export report"), err);
    else
        statusBar()->showMessage(tr("Report written to %1").arg(p), 5000);
}

void MainWindow::copySummary(bool markdown)
{
    const Document* d = currentDocument();
    if (!d || !d->report)
        return;
    QApplication::clipboard()->setText(
        summary(*d->report, markdown ? SummaryFormat::Markdown : SummaryFormat::PlainText));
    statusBar()->showMessage(tr("Summary copied."), 3000);
}

bool MainWindow::saveEvidenceBundle(const QString& path, QString* error)
{
    const Document* d = currentDocument();
    if (!d || !d->report) {
        if (error)
            *error = tr("No verified message to save.");
        return false;
    }
    EvidenceBundle b;
    b.file = d->path;
    b.title = d->title;
    b.message = d->bytes;
    b.evaluationTime = d->report->evaluationTime;
    b.clientIp = d->envelope.clientIp;
    b.helo = d->envelope.helo;
    b.mailFrom = d->envelope.mailFrom;
    b.whatIf = d->whatIf;
    b.zones = d->zones;
    b.settings = d->bundleSettings ? *d->bundleSettings : m_settings;
    b.report = toJson(*d->report);
    b.dns = d->report->dns;
    return writeFile(path, b.toBytes(), error);
}

int MainWindow::openEvidenceBundle(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return -1;
    }
    auto b = EvidenceBundle::fromBytes(f.readAll(), error);
    if (!b)
        return -1;
    Document d;
    d.id = m_nextId++;
    d.path = b->file;
    d.title = tr("%1 (evidence)").arg(b->title.isEmpty() ? QFileInfo(path).fileName() : b->title);
    d.bytes = b->message;
    d.envelope.clientIp = b->clientIp;
    d.envelope.helo = b->helo;
    d.envelope.mailFrom = b->mailFrom;
    // The what-if records are already in the transcript's answers: replay them as they were.
    d.replay = b->dns;
    d.replayTime = b->evaluationTime;
    d.bundleSettings = b->settings;
    m_docs.append(d);
    updateMessageList();
    showDocument(d.id);
    startVerification(d.id);
    return d.id;
}

void MainWindow::compareDialog()
{
    QList<std::pair<QString, std::shared_ptr<const Report>>> reports;
    for (const Document& d : std::as_const(m_docs)) {
        if (d.report)
            reports.append({ d.title, d.report });
    }
    if (reports.size() < 2) {
        QMessageBox::information(this, tr("Compare two messages"),
            tr("Open two copies of a message first (for example the sent "
               "copy and the received copy)."));
        return;
    }
    auto* dlg = new CompareDialog(reports, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->show();
}

void MainWindow::settingsDialog()
{
    SettingsDialog dlg(m_settings, this);
    if (dlg.exec() != QDialog::Accepted)
        return;
    const AppSettings s = dlg.settings();
    applySettings(s);
    m_settings.save();
}

bool MainWindow::showView(const QString& name)
{
    if (name == QLatin1String("dns")) {
        m_dnsDock->raise();
        return true;
    }
    if (name == QLatin1String("envelope")) {
        m_envelopeDock->raise();
        return true;
    }
    if (name == QLatin1String("whatif")) {
        m_whatIfDock->raise();
        return true;
    }
    QTabWidget* tabs = m_sources->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->objectName() == name) {
            tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

int MainWindow::undecryptedParts(const Report& r, QString* error)
{
    // The S/MIME check records one "smime.decrypt" step per encrypted entity: Info when no key
    // was given, PermError when the key did not open it.
    int n = 0;
    std::function<void(const Step&)> walk = [&](const Step& s) {
        if (s.kind == QLatin1String("smime.decrypt")
            && (s.status == Status::Info || s.status == Status::PermError)) {
            ++n;
            if (error && s.status == Status::PermError)
                *error = s.detail;
        }
        for (const Step& c : s.children)
            walk(c);
    };
    if (const CheckResult* c = r.check(QStringLiteral("smime")))
        walk(c->step);
    return n;
}

void MainWindow::updateDecryptBar()
{
    const Document* d = currentDocument();
    QString error;
    const int n = d && d->report ? undecryptedParts(*d->report, &error) : 0;
    m_a->decrypt->setEnabled(n > 0 && !d->running);
    m_decryptBar->setVisible(n > 0);
    if (n == 0)
        return;
    QString text = tr("This message is encrypted (%n part(s) not opened). Give your PKCS#12 key "
                      "to decrypt it in memory and verify what is inside.",
        nullptr, n);
    if (!error.isEmpty())
        text += QLatin1Char('\n') + tr("The key did not open it: %1").arg(error);
    m_decryptLabel->setText(text);
    m_decryptLabel->setAccessibleName(text);
    const bool dark = StatusStyle::isDark();
    const Status s = error.isEmpty() ? Status::Info : Status::Warning;
    m_decryptBar->setStyleSheet(
        QStringLiteral("#decryptBar{background:%1;border:1px solid %2;border-radius:4px;}"
                       "#decryptLabel{color:%2;}")
            .arg(StatusStyle::background(s, dark).name(), StatusStyle::color(s, dark).name()));
}

bool MainWindow::decryptWithPkcs12()
{
    Document* d = doc(m_current);
    if (!d || !d->report)
        return false;
    Pkcs12Prompt prompt = m_pkcs12Prompt;
    if (!prompt) {
        prompt = [](QWidget* parent) -> std::optional<Pkcs12Choice> {
            const QString title = tr("Decrypt with PKCS#12");
            const QString file = QFileDialog::getOpenFileName(
                parent, title, QString(), tr("PKCS#12 keys (*.p12 *.pfx);;All files (*)"));
            if (file.isEmpty())
                return std::nullopt;
            bool ok = false;
            const QString pw = QInputDialog::getText(parent, title,
                tr("Password for %1:").arg(QFileInfo(file).fileName()), QLineEdit::Password,
                QString(), &ok);
            if (!ok)
                return std::nullopt;
            return Pkcs12Choice { file, pw.toUtf8() };
        };
    }
    const std::optional<Pkcs12Choice> choice = prompt(this);
    if (!choice || choice->file.isEmpty())
        return false;
    // Kept with this message in memory only; the decrypted content never touches the disk.
    d->pkcs12File = choice->file;
    d->pkcs12Password = choice->password;
    startVerification(d->id);
    return true;
}

QList<QWidget*> MainWindow::panes() const
{
    QList<QWidget*> out;
    auto open = [](QDockWidget* dock) { return dock->toggleViewAction()->isChecked(); };
    if (open(m_messagesDock))
        out << m_messages;
    out << m_tree << m_sources;
    if (open(m_detailDock))
        out << m_detail;
    if (open(m_dnsDock))
        out << m_dnsTable;
    if (open(m_envelopeDock))
        out << m_envelope;
    if (open(m_whatIfDock))
        out << m_whatIf;
    return out;
}

void MainWindow::focusPane(QWidget* pane)
{
    for (QDockWidget* dock :
        { m_messagesDock, m_detailDock, m_dnsDock, m_envelopeDock, m_whatIfDock }) {
        if (dock->isAncestorOf(pane)) {
            dock->show();
            dock->raise();
        }
    }
    QWidget* target = pane;
    if (pane == m_sources)
        target = m_sources->tabs()->currentWidget();
    if (target && target->focusPolicy() == Qt::NoFocus) {
        // A container: its first focusable child in tab order.
        QWidget* w = target->nextInFocusChain();
        target = nullptr;
        for (int guard = 0; w && w != pane && guard < 500; ++guard, w = w->nextInFocusChain()) {
            if (pane->isAncestorOf(w) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)
                && w->isVisibleTo(this)) {
                target = w;
                break;
            }
        }
    }
    if (target)
        target->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::focusNextPane(bool backwards)
{
    const QList<QWidget*> list = panes();
    if (list.isEmpty())
        return;
    QWidget* f = QApplication::focusWidget();
    int at = -1;
    for (int i = 0; i < list.size(); ++i) {
        if (f && (list[i] == f || list[i]->isAncestorOf(f)))
            at = i;
    }
    const int n = int(list.size());
    const int next = at < 0 ? (backwards ? n - 1 : 0) : (at + (backwards ? n - 1 : 1)) % n;
    focusPane(list[next]);
}

} // namespace ms::ui
