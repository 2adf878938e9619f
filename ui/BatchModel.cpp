#include "BatchModel.h"

#include "StatusStyle.h"

#include <QFileInfo>

#include <algorithm>

namespace ms::ui {

namespace {

// Worst first, so an ascending sort puts the problems at the top.
int severityRank(std::optional<Status> s)
{
    if (!s)
        return 100;
    switch (*s) {
    case Status::Fail: return 0;
    case Status::PermError: return 1;
    case Status::TempError: return 2;
    case Status::SoftFail: return 3;
    case Status::Policy: return 4;
    case Status::Warning: return 5;
    case Status::Neutral: return 6;
    case Status::None: return 7;
    case Status::Info: return 8;
    case Status::Pass: return 9;
    }
    return 50;
}

QByteArray csvField(const QString& s)
{
    QByteArray b = s.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace('"', "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

} // namespace

QString batchCheckTitle(int check)
{
    static const char* const titles[] = { "SPF", "DKIM", "DMARC", "ARC", "S/MIME", "TLS" };
    return QString::fromLatin1(titles[check]);
}

QString BatchRow::reasonText() const
{
    if (!inputError.isEmpty())
        return inputError;
    QStringList parts;
    for (const auto& [check, reason] : failures)
        parts << check.toUpper() + QStringLiteral(": ") + reason;
    if (parts.isEmpty() && verdict != Status::Pass)
        return verdictReason;
    return parts.join(QStringLiteral("; "));
}

BatchModel::BatchModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int BatchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BatchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchModel::columnTitle(int column)
{
    switch (column) {
    case FileColumn: return tr("File");
    case SubjectColumn: return tr("Subject");
    case FromColumn: return tr("From");
    case VerdictColumn: return tr("Verdict");
    case ReasonColumn: return tr("Failure reason");
    default: break;
    }
    if (column >= FirstCheckColumn && column < ReasonColumn)
        return batchCheckTitle(column - FirstCheckColumn);
    return {};
}

QVariant BatchModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, o, role);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return columnTitle(section);
    return {};
}

QVariant BatchModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const BatchRow& r = m_rows[index.row()];
    const int col = index.column();
    if (role == RowIndexRole)
        return index.row();

    std::optional<Status> status;
    bool isStatusCell = false;
    if (col == VerdictColumn && r.inputError.isEmpty()) {
        status = r.verdict;
        isStatusCell = true;
    } else if (col >= FirstCheckColumn && col < ReasonColumn) {
        status = r.checks[size_t(col - FirstCheckColumn)];
        isStatusCell = true;
    }

    if (isStatusCell) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            // "—" says "this check did not run" in text, not only by an empty cell.
            return status ? StatusStyle::text(*status) : QStringLiteral("—");
        case Qt::ToolTipRole:
            return status ? StatusStyle::explanation(*status) : tr("Not checked.");
        case Qt::ForegroundRole:
            if (status)
                return StatusStyle::color(*status, StatusStyle::isDark());
            return {};
        case Qt::BackgroundRole:
            if (status && *status != Status::None)
                return StatusStyle::background(*status, StatusStyle::isDark());
            return {};
        case Qt::DecorationRole:
            if (status)
                return StatusStyle::icon(*status);
            return {};
        case StatusRole: return status ? int(*status) : -1;
        case SortRole: return severityRank(status);
        default: return {};
        }
    }

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (col) {
        case FileColumn:
            return r.offset >= 0
                ? QFileInfo(r.path).fileName() + r.name.mid(r.name.lastIndexOf(QLatin1Char('#')))
                : QFileInfo(r.path).fileName();
        case SubjectColumn: return r.subject;
        case FromColumn: return r.from;
        case VerdictColumn: return tr("unreadable");
        case ReasonColumn: return r.reasonText();
        default: return {};
        }
    case Qt::ToolTipRole:
        if (col == FileColumn)
            return r.name;
        if (col == ReasonColumn || col == SubjectColumn || col == FromColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::ForegroundRole:
        if (!r.inputError.isEmpty() && (col == VerdictColumn || col == ReasonColumn))
            return StatusStyle::color(Status::PermError, StatusStyle::isDark());
        return {};
    case SortRole:
        if (col == FileColumn)
            return r.index;
        if (col == VerdictColumn)
            return -1; // unreadable sorts before every result
        return data(index, Qt::DisplayRole).toString().toLower();
    case StatusRole: return -1;
    default: return {};
    }
}

void BatchModel::clear()
{
    beginResetModel();
    m_rows.clear();
    for (auto& c : m_counts)
        c.clear();
    m_verdicts.clear();
    m_reasons.clear();
    m_inputErrors = 0;
    endResetModel();
    emit countsChanged();
}

void BatchModel::append(const QList<BatchRow>& rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    for (const BatchRow& r : rows) {
        m_rows.append(r);
        if (!r.inputError.isEmpty()) {
            ++m_inputErrors;
            ++m_reasons[tr("input") + QLatin1Char('\t') + r.inputError];
            continue;
        }
        ++m_verdicts[r.verdict];
        for (size_t c = 0; c < kBatchChecks.size(); ++c) {
            if (r.checks[c])
                ++m_counts[c][*r.checks[c]];
        }
        for (const auto& [check, reason] : r.failures)
            ++m_reasons[check.toUpper() + QLatin1Char('\t') + reason];
    }
    endInsertRows();
    emit countsChanged();
}

QList<std::pair<QString, int>> BatchModel::topReasons(int n) const
{
    QList<std::pair<QString, int>> list;
    for (auto it = m_reasons.begin(); it != m_reasons.end(); ++it) {
        QString label = it.key();
        label.replace(QLatin1Char('\t'), QStringLiteral(": "));
        list.append({ label, it.value() });
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (list.size() > n)
        list.resize(n);
    return list;
}

QByteArray BatchModel::csv(const QList<int>& rowOrder) const
{
    // Stable English column names and result words: a CSV is read by programs.
    QByteArray out = "file,subject,from,verdict";
    for (const char* c : kBatchChecks)
        out += ',' + QByteArray(c);
    out += ",reason\r\n";
    for (int i : rowOrder) {
        const BatchRow& r = m_rows[i];
        QList<QByteArray> f;
        f << csvField(r.name) << csvField(r.subject) << csvField(r.from);
        f << (r.inputError.isEmpty() ? statusName(r.verdict).toUtf8() : QByteArray("error"));
        for (const auto& s : r.checks)
            f << (s ? statusName(*s).toUtf8() : QByteArray());
        f << csvField(r.reasonText());
        out += f.join(',') + "\r\n";
    }
    return out;
}

void BatchModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

BatchFilterProxy::BatchFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BatchModel::SortRole);
    setDynamicSortFilter(true);
}

void BatchFilterProxy::setResultFilter(int check, std::optional<Status> status)
{
    if (status)
        m_results.insert(check, *status);
    else
        m_results.remove(check);
    invalidateFilter();
}

std::optional<Status> BatchFilterProxy::resultFilter(int check) const
{
    const auto it = m_results.constFind(check);
    if (it == m_results.cend())
        return std::nullopt;
    return *it;
}

void BatchFilterProxy::clearResultFilters()
{
    m_results.clear();
    invalidateFilter();
}

void BatchFilterProxy::setSearchText(const QString& text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void BatchFilterProxy::setOnlyProblems(bool on)
{
    m_onlyProblems = on;
    invalidateFilter();
}

bool BatchFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto* m = static_cast<const BatchModel*>(sourceModel());
    const BatchRow& r = m->row(sourceRow);
    for (auto it = m_results.cbegin(); it != m_results.cend(); ++it) {
        if (!r.inputError.isEmpty())
            return false;
        const std::optional<Status> s
            = it.key() < 0 ? std::optional(r.verdict) : r.checks[size_t(it.key())];
        if (!s || *s != it.value())
            return false;
    }
    if (m_onlyProblems && r.inputError.isEmpty() && r.failures.isEmpty())
        return false;
    if (!m_search.isEmpty()) {
        const auto has
            = [&](const QString& s) { return s.contains(m_search, Qt::CaseInsensitive); };
        if (!has(r.name) && !has(r.subject) && !has(r.from) && !has(r.reasonText()))
            return false;
    }
    return true;
}

bool BatchFilterProxy::lessThan(const QModelIndex& a, const QModelIndex& b) const
{
    const QVariant va = a.data(BatchModel::SortRole);
    const QVariant vb = b.data(BatchModel::SortRole);
    if (va.typeId() == QMetaType::QString || vb.typeId() == QMetaType::QString) {
        const int c = QString::localeAwareCompare(va.toString(), vb.toString());
        if (c != 0)
            return c < 0;
    } else if (va.toInt() != vb.toInt()) {
        return va.toInt() < vb.toInt();
    }
    // Ties keep input order, so sorting by a result groups rows without shuffling them.
    return sourceModel()->index(a.row(), 0).data(BatchModel::SortRole).toInt()
        < sourceModel()->index(b.row(), 0).data(BatchModel::SortRole).toInt();
}

} // namespace ms::ui
