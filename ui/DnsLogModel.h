#pragma once

#include "report/Report.h"

#include <QAbstractTableModel>

#include <memory>

namespace ms::ui {

// The DNS transcript of a report as a table; each row knows the step that asked.
class DnsLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Index, Name, Type, Answer, Rcode, Ttl, Ad, Time, Server, AskedBy, ColumnCount };
    enum Role { StepPathRole = Qt::UserRole + 1, OutcomeRole };

    explicit DnsLogModel(QObject* parent = nullptr);
    void setReport(std::shared_ptr<const Report> report);

    // Path (from Report::root) of the dns.query step of a transcript row, if any.
    StepPath queryStepPath(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Report> m_report;
    QList<StepPath> m_queryPaths; // per transcript row
    QStringList m_askedBy;
};

} // namespace ms::ui
