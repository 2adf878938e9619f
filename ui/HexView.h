#pragma once

#include "trace/Source.h"
#include "trace/Step.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QPair>

namespace ms::ui {

// The hex view of a (possibly huge) source: 16 bytes per row with an ASCII column, in the
// classic layout "00000010  46 72 6f 6d ...  |From: a@example.|". Only the rows in view are
// formatted and painted (a 25 MB message would be a 122 MB text otherwise), so showing,
// scrolling and highlighting cost the same at any size and any position. Step highlights
// cover the hex cells and the ASCII cells of their bytes; a click or the keyboard moves a
// caret over the bytes and reports the byte (byteActivated), as the text views do.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int kBytesPerRow = 16;

    explicit HexView(QWidget* parent = nullptr);

    void setSource(const Source& source);
    const QString& sourceId() const { return m_sourceId; }
    const QByteArray& bytes() const { return m_bytes; }

    // Highlights the spans of this source; scroll: bring the first one into view (three rows
    // of context above it) and put the caret on it.
    void highlight(const QList<Span>& spans, bool scroll = true);
    // Highlighted byte ranges {offset, length}, sorted and merged.
    const QList<QPair<qint64, qint64>>& highlightedRanges() const { return m_ranges; }
    QByteArray highlightedBytes() const;

    // One row as shown (without a line end); row r holds bytes [16r, 16r + 16).
    QByteArray rowText(qint64 row) const;
    static QByteArray rowText(const QByteArray& bytes, qint64 row);
    qint64 rowCount() const;
    qint64 firstVisibleRow() const;
    int visibleRowCount() const; // rows that fit (the last one may be cut)
    void setFirstVisibleRow(qint64 row);
    // The text of the rows in view, one line each ("\n"-terminated): what a user reads now.
    QByteArray visibleText() const;

    // The byte under a viewport position (-1: none), and where a byte's hex cell is drawn.
    qint64 offsetAt(const QPoint& viewportPos) const;
    // Where a byte is drawn, in viewport coordinates: its hex cell or its ASCII cell.
    QRect cellRect(qint64 offset, bool ascii = false) const;

    qint64 caret() const { return m_caret; }
    void setCaret(qint64 offset); // by the program: no byteActivated
    void activateOffset(qint64 offset); // emits byteActivated(sourceId, offset)

    void setDark(bool dark);
    void setFontPointSize(int pt);

signals:
    void byteActivated(const QString& sourceId, qint64 offset);

protected:
    void paintEvent(QPaintEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void focusInEvent(QFocusEvent* e) override;
    void focusOutEvent(QFocusEvent* e) override;

private:
    void updateMetrics();
    void updateScrollBars();
    void moveCaretTo(qint64 offset); // by the user: scrolls to it and reports the byte
    void ensureVisible(qint64 offset);
    qreal columnX(int col) const; // x of a text column in the viewport

    QString m_sourceId;
    QByteArray m_bytes;
    QList<QPair<qint64, qint64>> m_ranges;
    qint64 m_caret = 0;
    bool m_dark = false;
    int m_pointSize = 10;
    qreal m_charWidth = 8;
    int m_lineHeight = 16;
    int m_ascent = 12;
};

} // namespace ms::ui
