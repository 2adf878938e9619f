#pragma once

#include "AppSettings.h"
#include "BatchRunner.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ms::ui {

class BatchChart;
class BatchFilterProxy;
class BatchModel;

// File › Batch verify: verifies a folder (recursive, Maildir) or an mbox in the background
// and lists one summary row per message, with result filters, search, charts and CSV export.
// Any row opens in the workbench. Uses the workbench's settings: DNS server, the offline
// switch, the session's zone files.
class BatchWindow : public QWidget
{
    Q_OBJECT
public:
    struct Session {
        AppSettings settings;
        QStringList zones; // zone files open in the workbench session
    };
    using SessionProvider = std::function<Session()>;

    explicit BatchWindow(SessionProvider session, QWidget* parent = nullptr);
    ~BatchWindow() override;

    // Starts verifying inputs (folders, files, mbox). Asks before live DNS lookups unless
    // the settings allow them or DNS is offline/from zone files. Returns false if declined.
    bool start(const QStringList& inputs);
    void cancel();
    bool isRunning() const;

    // Extra zone files for this batch, on top of the session's.
    void setExtraZones(const QStringList& zones);
    QStringList extraZones() const { return m_extraZones; }

    // Writes the rows shown (filtered, in view order) as CSV, atomically.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    // Reads the message of a row (index of the table's model) and asks the workbench to open it.
    bool openRow(const QModelIndex& index);

    BatchModel* model() const { return m_model; }
    BatchFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    BatchChart* resultsChart() const { return m_resultsChart; }
    BatchChart* reasonsChart() const { return m_reasonsChart; }
    QString statusText() const;

signals:
    void openMessage(const QByteArray& bytes, const QString& title, const QStringList& zones,
        const QString& path, const QDateTime& evaluationTime);
    void batchFinished(bool cancelled);

protected:
    void changeEvent(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;

private:
    void retranslate();
    void chooseFolder();
    void chooseMbox();
    void chooseZones();
    void exportDialog();
    void applyFilter();
    void onProgress(int done, int total);
    void onFinished(bool cancelled, int done, int total);
    void updateSummary();
    void fillResultCombo();

    SessionProvider m_session;
    BatchRunner* m_runner;
    BatchModel* m_model;
    BatchFilterProxy* m_proxy;
    BatchRequest m_request; // of the current/last run (to reopen its messages)
    QStringList m_extraZones;
    QStringList m_notes;
    QString m_stateText;
    bool m_cancelled = false;

    QPushButton* m_folderButton;
    QPushButton* m_mboxButton;
    QPushButton* m_zonesButton;
    QPushButton* m_exportButton;
    QPushButton* m_cancelButton;
    QLabel* m_settingsLabel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_checkLabel;
    QComboBox* m_checkCombo;
    QLabel* m_resultLabel;
    QComboBox* m_resultCombo;
    QLineEdit* m_search;
    QPushButton* m_clearFilters;
    QTableView* m_table;
    BatchChart* m_resultsChart;
    BatchChart* m_reasonsChart;
};

} // namespace ms::ui
