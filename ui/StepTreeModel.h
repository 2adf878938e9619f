#pragma once

#include "report/Report.h"
#include "trace/Step.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>

Q_DECLARE_METATYPE(ms::Span)

namespace ms::ui {

// The one model over a Report's step tree. Every view (tree, detail pane, source
// highlighting, tests) reads steps through these roles.
class StepTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, StatusColumn, RfcColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(ms::Status)
        StatusNameRole, // "pass", "fail", ... (stable, untranslated)
        KindRole, // "dkim.signature"
        RfcRole, // "RFC 6376 3.5"
        SpansRole, // QVariantList of ms::Span
        DetailRole, // plain-language explanation
        FactsRole, // QVariantList of QStringList{key, value}
        PathRole, // QVariantList of int: child path from the root
        ChangedRole, // bool: status differs from the previous run
    };
    Q_ENUM(Role)

    explicit StepTreeModel(QObject* parent = nullptr);

    void setReport(std::shared_ptr<const Report> report);
    // Steps whose status differs from the same path/kind in `previous` get ChangedRole.
    void setPrevious(std::shared_ptr<const Report> previous);
    std::shared_ptr<const Report> report() const { return m_report; }

    const Step* step(const QModelIndex& index) const;
    StepPath pathOf(const QModelIndex& index) const; // path from Report::root
    QModelIndex indexOf(const StepPath& path, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A printed tree for tests and "copy step": indented "status title [rfc]" lines.
    QString dump(const QModelIndex& from = {}) const;

private:
    struct Node {
        const Step* parent = nullptr;
        int row = 0;
    };
    void indexTree(const Step& s);
    const Step* root() const;

    std::shared_ptr<const Report> m_report;
    std::shared_ptr<const Report> m_previous;
    QHash<const Step*, Node> m_nodes;
};

} // namespace ms::ui
