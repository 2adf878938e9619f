#pragma once

#include "report/Report.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QTabWidget;
class QComboBox;

namespace ms::ui {

class HexView;
class SourceView;

// The tabbed byte views of one report: the raw message (and the original file when line
// endings were normalized), a hex view, each check's sources (canonical header/body of
// every signature, ...), and one tab per group of many small sources (DNS answers, MIME
// parts, DER blobs) with a chooser. Routes highlights to the view that holds the bytes.
class SourceTabs : public QWidget
{
    Q_OBJECT
public:
    explicit SourceTabs(QWidget* parent = nullptr);

    void setReport(std::shared_ptr<const Report> report);
    // Highlights the spans in every view that shows their source and brings the first
    // span's view to the front (unless the current tab already shows one of them).
    void highlight(const QList<Span>& spans);

    SourceView* viewFor(const QString& sourceId) const; // nullptr if none shows it now
    SourceView* currentView() const; // nullptr on the hex tab (see hexView())
    HexView* hexView() const { return m_hex; }
    QTabWidget* tabs() const { return m_tabs; }

    void setDark(bool dark);
    void setFontPointSize(int pt);

signals:
    void byteActivated(const QString& sourceId, qint64 offset);

private:
    struct Group {
        QWidget* page = nullptr;
        QComboBox* chooser = nullptr;
        SourceView* view = nullptr;
        QStringList ids;
    };
    SourceView* addView(
        const Source& s, qint64 headerEnd, const QString& title, const QString& objectName);
    void showInGroup(Group& g, const QString& id);

    QTabWidget* m_tabs;
    std::shared_ptr<const Report> m_report;
    QHash<QString, SourceView*> m_views; // source id → dedicated view
    QHash<int, Group> m_groups; // Source::Kind → grouped tab
    HexView* m_hex = nullptr;
    QList<Span> m_lastSpans;
    bool m_dark = false;
    int m_pointSize = 10;
};

} // namespace ms::ui
