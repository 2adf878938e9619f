#include "StepTreeModel.h"

#include "StatusStyle.h"

#include <QBrush>
#include <QFont>

#include <functional>

namespace ms::ui {

StepTreeModel::StepTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void StepTreeModel::setReport(std::shared_ptr<const Report> report)
{
    beginResetModel();
    m_report = std::move(report);
    m_nodes.clear();
    if (m_report)
        indexTree(m_report->root);
    endResetModel();
}

void StepTreeModel::setPrevious(std::shared_ptr<const Report> previous)
{
    m_previous = std::move(previous);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void StepTreeModel::indexTree(const Step& s)
{
    for (int i = 0; i < int(s.children.size()); ++i) {
        const Step& c = s.children[size_t(i)];
        m_nodes.insert(&c, Node { &s, i });
        indexTree(c);
    }
}

const Step* StepTreeModel::root() const
{
    return m_report ? &m_report->root : nullptr;
}

const Step* StepTreeModel::step(const QModelIndex& index) const
{
    if (!index.isValid())
        return root();
    return static_cast<const Step*>(index.internalPointer());
}

StepPath StepTreeModel::pathOf(const QModelIndex& index) const
{
    StepPath path;
    const Step* s = index.isValid() ? step(index) : nullptr;
    while (s && s != root()) {
        auto it = m_nodes.constFind(s);
        if (it == m_nodes.constEnd())
            break;
        path.prepend(it->row);
        s = it->parent;
    }
    return path;
}

QModelIndex StepTreeModel::indexOf(const StepPath& path, int column) const
{
    QModelIndex idx;
    for (int row : path) {
        idx = index(row, 0, idx);
        if (!idx.isValid())
            return {};
    }
    return idx.isValid() ? idx.siblingAtColumn(column) : idx;
}

QModelIndex StepTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    const Step* p = step(parent);
    if (!p || row < 0 || column < 0 || column >= ColumnCount || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, const_cast<Step*>(&p->children[size_t(row)]));
}

QModelIndex StepTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    auto it = m_nodes.constFind(step(child));
    if (it == m_nodes.constEnd() || it->parent == root())
        return {};
    auto pit = m_nodes.constFind(it->parent);
    if (pit == m_nodes.constEnd())
        return {};
    return createIndex(pit->row, 0, const_cast<Step*>(it->parent));
}

int StepTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Step* p = step(parent);
    return p ? int(p->children.size()) : 0;
}

int StepTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant StepTreeModel::data(const QModelIndex& index, int role) const
{
    const Step* s = index.isValid() ? step(index) : nullptr;
    if (!s)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: return s->title;
        case StatusColumn: return StatusStyle::text(s->status);
        case RfcColumn: return s->rfc;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == TitleColumn)
            return StatusStyle::icon(s->status);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(StatusStyle::color(s->status, StatusStyle::isDark()));
        return {};
    case Qt::FontRole:
        if (data(index, ChangedRole).toBool()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = StatusStyle::text(s->status) + QStringLiteral(" — ")
            + StatusStyle::explanation(s->status);
        if (!s->rfc.isEmpty())
            tip += QLatin1Char('\n') + s->rfc;
        if (data(index, ChangedRole).toBool())
            tip += QLatin1Char('\n') + tr("Changed since the previous verification.");
        return tip;
    }
    case Qt::AccessibleTextRole: return tr("%1: %2").arg(StatusStyle::text(s->status), s->title);
    case StatusRole: return int(s->status);
    case StatusNameRole: return statusName(s->status);
    case KindRole: return s->kind;
    case RfcRole: return s->rfc;
    case DetailRole: return s->detail;
    case SpansRole: {
        QVariantList l;
        for (const Span& sp : s->spans)
            l.append(QVariant::fromValue(sp));
        return l;
    }
    case FactsRole: {
        QVariantList l;
        for (const Fact& f : s->facts)
            l.append(QStringList { f.key, f.value });
        return l;
    }
    case PathRole: {
        QVariantList l;
        for (int i : pathOf(index))
            l.append(i);
        return l;
    }
    case ChangedRole: {
        if (!m_previous)
            return false;
        const Step* old = stepAt(m_previous->root, pathOf(index));
        return old && old->kind == s->kind && old->status != s->status;
    }
    }
    return {};
}

QVariant StepTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Step");
    case StatusColumn: return tr("Result");
    case RfcColumn: return tr("Rule");
    }
    return {};
}

QHash<int, QByteArray> StepTreeModel::roleNames() const
{
    QHash<int, QByteArray> r = QAbstractItemModel::roleNames();
    r.insert(StatusRole, "status");
    r.insert(StatusNameRole, "statusName");
    r.insert(KindRole, "kind");
    r.insert(RfcRole, "rfc");
    r.insert(SpansRole, "spans");
    r.insert(DetailRole, "detail");
    r.insert(FactsRole, "facts");
    r.insert(PathRole, "path");
    r.insert(ChangedRole, "changed");
    return r;
}

QString StepTreeModel::dump(const QModelIndex& from) const
{
    QString out;
    std::function<void(const QModelIndex&, int)> walk = [&](const QModelIndex& idx, int depth) {
        const Step* s = step(idx);
        if (idx.isValid() && s) {
            out += QString(depth * 2, QLatin1Char(' ')) + statusName(s->status) + QLatin1Char(' ')
                + s->title;
            if (!s->rfc.isEmpty())
                out += QStringLiteral(" [") + s->rfc + QLatin1Char(']');
            out += QLatin1Char('\n');
            ++depth;
        }
        for (int r = 0; r < rowCount(idx); ++r)
            walk(index(r, 0, idx), depth);
    };
    walk(from.siblingAtColumn(0), 0);
    return out;
}

} // namespace ms::ui
