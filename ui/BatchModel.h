#pragma once

#include "trace/Step.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSortFilterProxyModel>
#include <QString>

#include <array>
#include <optional>

namespace ms::ui {

// What the batch view keeps of one verified message: a summary and where to find the
// message again. Never the message or its report.
struct BatchRow {
    int index = 0; // input order
    QString name; // "path" or "path#3"
    QString path;
    QByteArray file; // the path as the file system spells it (BatchJob::file)
    qint64 offset = -1, length = -1; // mbox message
    QString subject, from; // decoded for display
    Status verdict = Status::None;
    QString verdictReason;
    std::array<std::optional<Status>, 6> checks; // kBatchChecks order; nullopt = not run
    QList<std::pair<QString, QString>> failures; // check name, plain-words reason
    QString inputError; // the message could not be read

    QString reasonText() const; // the "Failure reason" column
};

// The checks that get a column, in column order (authres is a comparison, not a result).
inline constexpr std::array<const char*, 6> kBatchChecks
    = { "spf", "dkim", "dmarc", "arc", "smime", "tls" };
QString batchCheckTitle(int check); // "SPF", "DKIM", ... (protocol names: not translated)

class BatchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        FileColumn,
        SubjectColumn,
        FromColumn,
        VerdictColumn,
        FirstCheckColumn, // SPF
        ReasonColumn = FirstCheckColumn + int(kBatchChecks.size()),
        ColumnCount
    };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(Status) of a result cell; -1 where none
        SortRole,
        RowIndexRole, // the row's position in the model (stable across proxies)
    };

    explicit BatchModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    void clear();
    void append(const QList<BatchRow>& rows);
    const BatchRow& row(int r) const { return m_rows[r]; }
    const QList<BatchRow>& rows() const { return m_rows; }

    // Counts kept as rows arrive (for the charts and the summary).
    const QMap<Status, int>& resultCounts(int check) const { return m_counts[size_t(check)]; }
    const QMap<Status, int>& verdictCounts() const { return m_verdicts; }
    QList<std::pair<QString, int>> topReasons(int n) const; // "check: reason", count
    int inputErrors() const { return m_inputErrors; }

    // CSV of the given rows (RFC 4180: CRLF, quoted where needed), in the given order.
    QByteArray csv(const QList<int>& rowOrder) const;
    static QString columnTitle(int column);

    void retranslate(); // headers and status words follow the language

signals:
    void countsChanged();

private:
    QList<BatchRow> m_rows;
    std::array<QMap<Status, int>, kBatchChecks.size()> m_counts;
    QMap<Status, int> m_verdicts;
    QHash<QString, int> m_reasons;
    int m_inputErrors = 0;
};

// Sorting and filtering: one result filter per check column, and free text over file,
// subject, from and reason.
class BatchFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit BatchFilterProxy(QObject* parent = nullptr);

    // check: index into kBatchChecks, or -1 for the overall verdict; nullopt clears it.
    void setResultFilter(int check, std::optional<Status> status);
    std::optional<Status> resultFilter(int check) const;
    void clearResultFilters();
    void setSearchText(const QString& text);
    // Only rows that failed to read, or only rows with some failure reason.
    void setOnlyProblems(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& parent) const override;
    bool lessThan(const QModelIndex& a, const QModelIndex& b) const override;

private:
    QHash<int, Status> m_results;
    QString m_search;
    bool m_onlyProblems = false;
};

} // namespace ms::ui
