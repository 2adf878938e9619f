#pragma once

#include "report/Report.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QTextBrowser;
class QLabel;

namespace ms::ui {

// A line diff: each output line is {op, text} with op ' ' (same), '-' (left only),
// '+' (right only). LCS over lines; large inputs fall back to a bounded greedy diff.
struct DiffLine {
    char op = ' ';
    QString text;
};
QList<DiffLine> diffLines(const QStringList& left, const QStringList& right);

// Two messages side by side (typically the sent and the received copy): the header
// fields, and for each DKIM signature the canonical header block and canonical body that
// were hashed, as diffs, with each side's DKIM result and forensic finding.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    using Entry = std::pair<QString, std::shared_ptr<const Report>>;
    CompareDialog(const QList<Entry>& reports, QWidget* parent = nullptr);

    void setSides(int left, int right);
    QString diffText() const; // the shown diffs as plain text (for tests and copying)

private:
    void refresh();

    QList<Entry> m_reports;
    QComboBox* m_left;
    QComboBox* m_right;
    QComboBox* m_what;
    QTextBrowser* m_view;
    QLabel* m_summary;
    QString m_plain;
};

} // namespace ms::ui
