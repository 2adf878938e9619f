#include "DnsLogModel.h"

#include "StatusStyle.h"

#include <QBrush>

#include <functional>
#include <limits>

namespace ms::ui {

DnsLogModel::DnsLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DnsLogModel::setReport(std::shared_ptr<const Report> report)
{
    beginResetModel();
    m_report = std::move(report);
    m_queryPaths.clear();
    m_askedBy.clear();
    if (m_report) {
        const int n = int(m_report->dns.size());
        m_queryPaths.resize(n);
        m_askedBy.resize(n);
        StepPath path;
        std::function<void(const Step&, const Step*)> walk
            = [&](const Step& s, const Step* parent) {
                  if (s.kind == QLatin1String("dns.query")) {
                      bool ok = false;
                      const int i = s.fact(QStringLiteral("time.transcript-index")).toInt(&ok);
                      if (ok && i >= 0 && i < n && m_queryPaths[i].isEmpty()) {
                          m_queryPaths[i] = path;
                          if (parent)
                              m_askedBy[i] = parent->title;
                      }
                  }
                  for (int c = 0; c < int(s.children.size()); ++c) {
                      path.append(c);
                      walk(s.children[size_t(c)], &s);
                      path.removeLast();
                  }
              };
        walk(m_report->root, nullptr);
    }
    endResetModel();
}

StepPath DnsLogModel::queryStepPath(int row) const
{
    return row >= 0 && row < m_queryPaths.size() ? m_queryPaths[row] : StepPath {};
}

int DnsLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_report ? 0 : int(m_report->dns.size());
}

int DnsLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DnsLogModel::data(const QModelIndex& index, int role) const
{
    if (!m_report || !index.isValid() || index.row() >= m_report->dns.size())
        return {};
    const dns::Answer& a = m_report->dns.at(index.row());
    if (role == StepPathRole) {
        QVariantList l;
        for (int i : queryStepPath(index.row()))
            l.append(i);
        return l;
    }
    if (role == OutcomeRole)
        return dns::outcomeName(a.outcome);
    if (role == Qt::ForegroundRole && index.column() == Rcode) {
        const Status s = a.outcome == dns::Outcome::Ok ? Status::Pass
            : a.isTemporaryError()                     ? Status::TempError
            : a.outcome == dns::Outcome::Offline       ? Status::Warning
                                                       : Status::Neutral;
        return QBrush(StatusStyle::color(s, StatusStyle::isDark()));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Index: return index.row();
    case Name: return QString::fromLatin1(a.qname);
    case Type: return dns::typeName(a.qtype);
    case Answer: {
        QStringList parts;
        for (const dns::Record& r : a.records)
            parts << (r.presentation.isEmpty() ? QString::fromLatin1(r.text()) : r.presentation);
        if (parts.isEmpty())
            return a.error.isEmpty() ? QStringLiteral("—") : a.error;
        return parts.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(" | "));
    }
    case Rcode:
        return a.outcome == dns::Outcome::Ok || a.outcome == dns::Outcome::NoData
                || a.outcome == dns::Outcome::NxDomain
            ? dns::outcomeName(a.outcome).toUpper()
            : dns::outcomeName(a.outcome);
    case Ttl: {
        if (a.records.isEmpty())
            return QString();
        quint32 ttl = std::numeric_limits<quint32>::max();
        for (const dns::Record& r : a.records)
            ttl = std::min(ttl, r.ttl);
        return ttl;
    }
    case Ad: return a.authenticData ? tr("yes") : tr("no");
    case Time: return tr("%1 ms").arg(double(a.elapsedUs) / 1000.0, 0, 'f', 1);
    case Server: return a.server;
    case AskedBy: return m_askedBy.value(index.row());
    }
    return {};
}

QVariant DnsLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Index: return tr("#");
    case Name: return tr("Name");
    case Type: return tr("Type");
    case Answer: return tr("Answer");
    case Rcode: return tr("Result");
    case Ttl: return tr("TTL");
    case Ad: return tr("AD");
    case Time: return tr("Time");
    case Server: return tr("Server");
    case AskedBy: return tr("Asked by");
    }
    return {};
}

} // namespace ms::ui
