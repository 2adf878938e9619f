#pragma once

#include "Engine.h"

#include <QWidget>

class QTableWidget;
class QTextBrowser;

namespace ms::ui {

// What-if DNS: records the user adds or overrides on top of the real answers (an overlay),
// re-verification at once, and the list of results that changed. Drafts save as a
// master file, so they also work with `mailscope-cli --zone`.
class WhatIfPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfPanel(QWidget* parent = nullptr);

    QList<WhatIfRecord> records() const; // enabled, complete rows
    void setRecords(const QList<WhatIfRecord>& records);
    void addRecord(const WhatIfRecord& r);
    void setChanges(const QStringList& changes); // shown after a what-if run
    QStringList changes() const { return m_changes; }

    bool saveDrafts(const QString& path, QString* error = nullptr) const;
    bool loadDrafts(const QString& path, QString* error = nullptr);
    QTableWidget* table() const { return m_table; }

signals:
    void reverifyRequested();

private:
    void addRow(const WhatIfRecord& r);

    QTableWidget* m_table;
    QTextBrowser* m_changesView;
    QStringList m_changes;
};

} // namespace ms::ui
