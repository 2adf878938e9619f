#pragma once

#include "AppSettings.h"
#include "Engine.h"
#include "EnvelopePanel.h"
#include "report/Report.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QTreeView;
class QListWidget;
class QLabel;
class QProgressBar;
class QToolButton;
class QLineEdit;
class QTableView;
class QSortFilterProxyModel;
class QDockWidget;
class QMenu;
class QToolBar;

namespace ms::ui {

class StepTreeModel;
class DnsLogModel;
class SourceTabs;
class DetailPane;
class VerdictBar;
class WhatIfPanel;
class VerifyRunner;
struct VerifyResult;

// One opened message and everything the user did to it.
struct Document {
    int id = 0;
    QString path; // file on disk ("" for pasted text)
    QString title; // list label
    QByteArray bytes;
    QStringList zones; // offline DNS answers for this message
    EnvelopePanel::Overrides envelope;
    QList<WhatIfRecord> whatIf;
    std::optional<QList<dns::Answer>> replay; // reopened evidence bundle
    std::optional<AppSettings> bundleSettings; // the settings the bundle was made with
    QDateTime replayTime;
    QDateTime fixedTime; // evaluation time fixed for this message (samples, --time)
    // S/MIME decryption key chosen by the user: kept in memory for this message only, never
    // saved in settings or evidence bundles.
    QString pkcs12File;
    QByteArray pkcs12Password;
    bool lookupsApproved = false; // the privacy preview was accepted
    bool forceOffline = false; // the user chose "verify offline" in the preview
    std::shared_ptr<const Report> report;
    std::shared_ptr<const Report> previous;
    QStringList changes; // vs. the previous run
    QStringList notes; // resolver problems
    QString resolverDescription;
    bool running = false;
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a message file (an mbox asks which message) and verifies it. Returns the
    // document id, or -1. Zones answer its DNS offline.
    int openFile(
        const QString& path, const QStringList& zones = {}, const QDateTime& evaluationTime = {});
    int openBytes(const QByteArray& bytes, const QString& title, const QStringList& zones = {},
        const QString& path = {}, const QDateTime& evaluationTime = {});
    int openEvidenceBundle(const QString& path, QString* error = nullptr);
    bool saveEvidenceBundle(const QString& path, QString* error = nullptr);

    void reverify();
    void setOffline(bool offline);
    void setLanguage(const QString& language);
    bool selectStep(const StepPath& path);
    void showDocument(int id);

    // "Decrypt with PKCS#12…": asks for the key file and its password, then re-verifies the
    // current message with them (in the background). Returns false when nothing was chosen.
    struct Pkcs12Choice {
        QString file;
        QByteArray password;
    };
    using Pkcs12Prompt = std::function<std::optional<Pkcs12Choice>(QWidget* parent)>;
    void setPkcs12Prompt(Pkcs12Prompt prompt) { m_pkcs12Prompt = std::move(prompt); }
    bool decryptWithPkcs12();
    // Encrypted parts of the current report that were not opened (0 = none); *error gets
    // the last decryption error, if any.
    static int undecryptedParts(const Report& r, QString* error = nullptr);

    // Keyboard: moves the focus to the next (or previous) pane: messages, steps, source,
    // details, DNS log, envelope, what-if. Bound to F6 / Shift+F6.
    void focusNextPane(bool backwards = false);
    QList<QWidget*> panes() const;

    int currentDocumentId() const { return m_current; }
    const Document* document(int id) const;
    const Document* currentDocument() const { return document(m_current); }
    StepTreeModel* stepModel() const { return m_model; }
    SourceTabs* sourceTabs() const { return m_sources; }
    QTreeView* stepTree() const { return m_tree; }
    WhatIfPanel* whatIfPanel() const { return m_whatIf; }
    EnvelopePanel* envelopePanel() const { return m_envelope; }
    const AppSettings& settings() const { return m_settings; }
    void applySettings(const AppSettings& s);

    // For the screenshot script: bring a named view to the front.
    bool showView(const QString& name);

signals:
    void verificationFinished(int documentId);
    void verificationStarted(int documentId);

protected:
    void changeEvent(QEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;
    void closeEvent(QCloseEvent* e) override;

private:
    Document* doc(int id);
    void createActions();
    void createDocks();
    void retranslate();
    void updateRecentMenu();
    void updateScenariosMenu();
    void updateDnsIndicator();
    void startVerification(int id);
    void pumpQueue();
    VerifyRequest requestFor(const Document& d) const;
    void onFinished(int id, std::shared_ptr<const VerifyResult> result);
    void onPreview(int id, const QStringList& names);
    void onStepSelected();
    void onByteActivated(const QString& sourceId, qint64 offset);
    void updateMessageList();
    void updateStatus();
    void openDialog();
    void pasteDialog();
    void exportReport(const QString& kind);
    void copySummary(bool markdown);
    void compareDialog();
    void settingsDialog();
    void applyPalette();
    void updateDecryptBar();
    void focusPane(QWidget* pane);

    AppSettings m_settings;
    QList<Document> m_docs;
    int m_nextId = 1;
    int m_current = -1;
    QList<int> m_queue;
    VerifyRunner* m_runner;
    bool m_syncingSelection = false;

    StepTreeModel* m_model;
    DnsLogModel* m_dnsModel;
    QSortFilterProxyModel* m_dnsProxy;
    QTreeView* m_tree;
    SourceTabs* m_sources;
    DetailPane* m_detail;
    VerdictBar* m_verdict;
    WhatIfPanel* m_whatIf;
    EnvelopePanel* m_envelope;
    QListWidget* m_messages;
    QTableView* m_dnsTable;
    QLineEdit* m_dnsFilter;
    QLabel* m_statusVerdict;
    QLabel* m_dnsIndicator;
    QLabel* m_resolverLabel;
    QProgressBar* m_progress;
    QToolButton* m_cancelButton;
    QDockWidget* m_messagesDock;
    QDockWidget* m_detailDock;
    QDockWidget* m_dnsDock;
    QDockWidget* m_envelopeDock;
    QDockWidget* m_whatIfDock;
    QToolBar* m_toolbar;
    QWidget* m_decryptBar;
    QLabel* m_decryptLabel;
    QToolButton* m_decryptButton;
    Pkcs12Prompt m_pkcs12Prompt;

    struct Actions;
    std::unique_ptr<Actions> m_a;
};

} // namespace ms::ui
