#pragma once

#include "dkim/Dkim.h"
#include "report/Report.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace ms::ui {

class StepTreeModel;

// A line diff: each output line is {op, text} with op ' ' (same), '-' (left only),
// '+' (right only). LCS over lines; large inputs fall back to a bounded greedy diff.
struct DiffLine {
    char op = ' ';
    QString text;
};
QList<DiffLine> diffLines(const QStringList& left, const QStringList& right);
// The engine's unified lines ("  same", "- sent", "+ received") as DiffLines.
QList<DiffLine> fromUnified(const QStringList& unified);

// One row of a side-by-side view. op: ' ' same, '~' changed (both sides), '-' only left,
// '+' only right. Line numbers are 1-based, 0 where that side has no line.
struct SideBySideRow {
    char op = ' ';
    int leftLine = 0, rightLine = 0;
    QString left, right;
};
// Pairs each run of removed lines with the added lines that follow it.
QList<SideBySideRow> sideBySide(const QList<DiffLine>& diff);

// What a diff of canonical lines says in plain words: "3 lines added at the end",
// "header fields changed: subject". For headers, `headers` names the fields.
QString describeDiff(const QList<DiffLine>& diff, bool headers);

// Two messages side by side (typically the sent and the received copy). The engine's
// dkim::compareCopies matches the DKIM signatures of both copies; for each one the dialog
// shows the canonical header block and canonical body that were hashed, side by side, what
// changed in plain words, and the received copy's DKIM verdict with its forensic finding.
// A "Steps" tab shows the comparison's step tree; a "Whole message" tab diffs the raw
// header fields and body.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    using Entry = std::pair<QString, std::shared_ptr<const Report>>;
    CompareDialog(const QList<Entry>& reports, QWidget* parent = nullptr);

    void setSides(int left, int right);
    QString diffText() const; // everything shown, as plain text (tests, copying)
    QString summaryText() const; // the per-signature summary lines
    const dkim::CompareResult& comparison() const { return m_result; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    void refresh();
    void refreshWhole();
    QWidget* signaturePage(const dkim::CompareSignature& cs, const QString& verdictLine,
        const QString& sentCanonHeader, const QString& sentCanonBody);

    QList<Entry> m_reports;
    QComboBox* m_left;
    QComboBox* m_right;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    QComboBox* m_what; // whole-message tab: header fields or body
    QTextBrowser* m_wholeView;
    QTreeView* m_stepView;
    StepTreeModel* m_stepModel;
    dkim::CompareResult m_result;
    QString m_wholePlain;
    QString m_sigPlain;
};

} // namespace ms::ui
