#include "HexView.h"

#include "SourceView.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace ms::ui {

namespace {
constexpr int kPerRow = HexView::kBytesPerRow;
// "00000000  " + 16 * "xx " + " " (after 8 bytes) + " |" + 16 ascii + "|"
constexpr int kAddr = 10;
constexpr int kAscii = kAddr + kPerRow * 3 + 1 + 2;
constexpr int kRowLen = kAscii + kPerRow + 1;
constexpr int kMarginPx = 4;

int hexColumn(int byteCol)
{
    return kAddr + byteCol * 3 + (byteCol >= 8 ? 1 : 0);
}
} // namespace

HexView::HexView(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    verticalScrollBar()->setSingleStep(1);
    connect(
        verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(),
        qOverload<>(&QWidget::update));
    updateMetrics();
}

QByteArray HexView::rowText(const QByteArray& b, qint64 row)
{
    static const char digits[] = "0123456789abcdef";
    QByteArray line(kRowLen, ' ');
    const qint64 off = row * kPerRow;
    if (row < 0 || off >= b.size())
        return {};
    char* p = line.data();
    for (int d = 7; d >= 0; --d)
        p[7 - d] = digits[(off >> (4 * d)) & 15];
    p[kAscii - 1] = '|';
    for (int c = 0; c < kPerRow && off + c < b.size(); ++c) {
        const auto v = uchar(b.at(off + c));
        p[hexColumn(c)] = digits[v >> 4];
        p[hexColumn(c) + 1] = digits[v & 15];
        p[kAscii + c] = (v >= 0x20 && v < 0x7f) ? char(v) : '.';
    }
    p[kRowLen - 1] = '|';
    return line;
}

QByteArray HexView::rowText(qint64 row) const
{
    return rowText(m_bytes, row);
}

qint64 HexView::rowCount() const
{
    return (m_bytes.size() + kPerRow - 1) / kPerRow;
}

qint64 HexView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int HexView::visibleRowCount() const
{
    return qMax(1, (viewport()->height() + m_lineHeight - 1) / m_lineHeight);
}

void HexView::setFirstVisibleRow(qint64 row)
{
    verticalScrollBar()->setValue(
        int(qBound(qint64(0), row, qint64(verticalScrollBar()->maximum()))));
}

QByteArray HexView::visibleText() const
{
    QByteArray out;
    const qint64 first = firstVisibleRow();
    const qint64 last = qMin(rowCount(), first + visibleRowCount());
    for (qint64 r = first; r < last; ++r)
        out += rowText(r) + '\n';
    return out;
}

void HexView::setSource(const Source& source)
{
    m_sourceId = source.id;
    m_bytes = source.bytes;
    m_ranges.clear();
    m_caret = 0;
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
}

void HexView::highlight(const QList<Span>& spans, bool scroll)
{
    m_ranges.clear();
    for (const Span& sp : spans) {
        if (sp.source != m_sourceId || sp.length <= 0 || sp.offset < 0
            || sp.offset >= m_bytes.size())
            continue;
        m_ranges.append({ sp.offset, qMin<qint64>(sp.length, m_bytes.size() - sp.offset) });
    }
    std::sort(m_ranges.begin(), m_ranges.end());
    // Merge overlapping and touching ranges: one run is one box on screen.
    QList<QPair<qint64, qint64>> merged;
    for (const auto& r : std::as_const(m_ranges)) {
        if (!merged.isEmpty() && r.first <= merged.last().first + merged.last().second) {
            auto& m = merged.last();
            m.second = qMax(m.first + m.second, r.first + r.second) - m.first;
        } else {
            merged.append(r);
        }
    }
    m_ranges = merged;
    if (scroll && !m_ranges.isEmpty()) {
        m_caret = m_ranges.first().first;
        setFirstVisibleRow(m_caret / kPerRow - 3);
        horizontalScrollBar()->setValue(0);
    }
    viewport()->update();
}

QByteArray HexView::highlightedBytes() const
{
    QByteArray out;
    for (const auto& r : m_ranges)
        out += m_bytes.mid(r.first, r.second);
    return out;
}

void HexView::setDark(bool dark)
{
    m_dark = dark;
    viewport()->update();
}

void HexView::setFontPointSize(int pt)
{
    m_pointSize = qBound(6, pt, 40);
    updateMetrics();
}

void HexView::updateMetrics()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSize(m_pointSize);
    setFont(f);
    viewport()->setFont(f);
    const QFontMetricsF fm(f);
    // The average over a run of digits: a fixed-pitch font's advance need not be whole pixels.
    m_charWidth = fm.horizontalAdvance(QString(kRowLen, QLatin1Char('0'))) / kRowLen;
    m_lineHeight = qMax(1, qCeil(fm.lineSpacing()));
    m_ascent = qCeil(fm.ascent());
    updateScrollBars();
    viewport()->update();
}

void HexView::updateScrollBars()
{
    const int fullRows = qMax(1, viewport()->height() / m_lineHeight);
    const qint64 maxFirst = qMax<qint64>(0, rowCount() - fullRows);
    verticalScrollBar()->setRange(0, int(qMin<qint64>(maxFirst, INT_MAX)));
    verticalScrollBar()->setPageStep(fullRows);
    const int width = qCeil(2 * kMarginPx + kRowLen * m_charWidth);
    horizontalScrollBar()->setRange(0, qMax(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(qCeil(m_charWidth));
}

void HexView::resizeEvent(QResizeEvent* e)
{
    QAbstractScrollArea::resizeEvent(e);
    updateScrollBars();
}

qreal HexView::columnX(int col) const
{
    return kMarginPx + col * m_charWidth - horizontalScrollBar()->value();
}

QRect HexView::cellRect(qint64 offset, bool ascii) const
{
    const qint64 row = offset / kPerRow - firstVisibleRow();
    const int c = int(offset % kPerRow);
    return QRectF(columnX(ascii ? kAscii + c : hexColumn(c)), qreal(row * m_lineHeight),
        (ascii ? 1 : 2) * m_charWidth, m_lineHeight)
        .toRect();
}

qint64 HexView::offsetAt(const QPoint& pos) const
{
    if (m_bytes.isEmpty() || pos.y() < 0)
        return -1;
    const qint64 row = firstVisibleRow() + pos.y() / m_lineHeight;
    if (row >= rowCount())
        return -1;
    const int col = int((pos.x() + horizontalScrollBar()->value() - kMarginPx) / m_charWidth);
    int byteCol = 0;
    if (col >= kAscii && col < kAscii + kPerRow) {
        byteCol = col - kAscii;
    } else {
        for (int c = kPerRow - 1; c >= 0; --c) {
            if (col >= hexColumn(c)) {
                byteCol = c;
                break;
            }
        }
    }
    return qMin<qint64>(row * kPerRow + byteCol, m_bytes.size() - 1);
}

void HexView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const QColor paper = SourceView::paperColor(m_dark);
    const QColor ink = m_dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(Qt::black);
    const QColor addrInk = m_dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60);
    const QColor caretLine = m_dark ? QColor(0x2c, 0x2c, 0x34) : QColor(0xf4, 0xf4, 0xfa);
    QColor fill = SourceView::highlightColor(m_dark);
    fill.setAlpha(SourceView::kHighlightAlpha);
    const QColor outline = m_dark ? QColor(0xff, 0xd0, 0x40) : QColor(0xc0, 0x80, 0x00);
    p.fillRect(viewport()->rect(), paper);

    const qint64 first = firstVisibleRow();
    const qint64 last = qMin(rowCount(), first + visibleRowCount());
    // The first highlighted range that may reach into the rows in view.
    auto range = std::lower_bound(m_ranges.cbegin(), m_ranges.cend(), first * kPerRow,
        [](const QPair<qint64, qint64>& r, qint64 off) { return r.first + r.second <= off; });
    for (qint64 row = first; row < last; ++row) {
        const qreal y = qreal((row - first) * m_lineHeight);
        const qint64 rowStart = row * kPerRow;
        const qint64 rowEnd = qMin<qint64>(rowStart + kPerRow, m_bytes.size());
        if (m_caret >= rowStart && m_caret < rowEnd)
            p.fillRect(QRectF(0, y, viewport()->width(), m_lineHeight), caretLine);
        for (auto r = range; r != m_ranges.cend() && r->first < rowEnd; ++r) {
            const qint64 a = qMax(r->first, rowStart), b = qMin(r->first + r->second, rowEnd);
            if (a >= b)
                continue;
            const int ca = int(a - rowStart), cb = int(b - rowStart) - 1;
            const QRectF hexBox(QPointF(columnX(hexColumn(ca)), y),
                QPointF(columnX(hexColumn(cb) + 2), y + m_lineHeight));
            const QRectF asciiBox(QPointF(columnX(kAscii + ca), y),
                QPointF(columnX(kAscii + cb + 1), y + m_lineHeight));
            for (const QRectF& box : { hexBox, asciiBox }) {
                p.fillRect(box, fill);
                p.setPen(outline);
                p.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
            }
        }
        while (range != m_ranges.cend() && range->first + range->second <= rowEnd)
            ++range;
        if (hasFocus() && m_caret >= rowStart && m_caret < rowEnd) {
            const int c = int(m_caret - rowStart);
            p.setPen(ink);
            p.drawRect(QRectF(columnX(hexColumn(c)), y, 2 * m_charWidth, m_lineHeight)
                           .adjusted(0.5, 0.5, -0.5, -0.5));
            p.drawRect(QRectF(columnX(kAscii + c), y, m_charWidth, m_lineHeight)
                           .adjusted(0.5, 0.5, -0.5, -0.5));
        }
        const QByteArray text = rowText(row);
        p.setPen(addrInk);
        p.drawText(QPointF(columnX(0), y + m_ascent), QString::fromLatin1(text.left(kAddr)));
        p.setPen(ink);
        p.drawText(QPointF(columnX(kAddr), y + m_ascent), QString::fromLatin1(text.mid(kAddr)));
    }
}

void HexView::setCaret(qint64 offset)
{
    if (m_bytes.isEmpty())
        return;
    m_caret = qBound<qint64>(0, offset, m_bytes.size() - 1);
    viewport()->update();
}

void HexView::ensureVisible(qint64 offset)
{
    const qint64 row = offset / kPerRow;
    const int fullRows = qMax(1, viewport()->height() / m_lineHeight);
    if (row < firstVisibleRow())
        setFirstVisibleRow(row);
    else if (row >= firstVisibleRow() + fullRows)
        setFirstVisibleRow(row - fullRows + 1);
}

void HexView::moveCaretTo(qint64 offset)
{
    if (m_bytes.isEmpty())
        return;
    const qint64 to = qBound<qint64>(0, offset, m_bytes.size() - 1);
    setCaret(to);
    ensureVisible(to);
    activateOffset(to);
}

void HexView::activateOffset(qint64 offset)
{
    if (offset < 0 || offset >= m_bytes.size())
        return;
    emit byteActivated(m_sourceId, offset);
}

void HexView::mousePressEvent(QMouseEvent* e)
{
    if (e->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(e);
    const qint64 off = offsetAt(e->position().toPoint());
    if (off >= 0)
        moveCaretTo(off);
}

void HexView::keyPressEvent(QKeyEvent* e)
{
    const qint64 page = qint64(qMax(1, viewport()->height() / m_lineHeight)) * kPerRow;
    const bool ctrl = e->modifiers() & Qt::ControlModifier;
    qint64 to = -1;
    switch (e->key()) {
    case Qt::Key_Left: to = m_caret - 1; break;
    case Qt::Key_Right: to = m_caret + 1; break;
    case Qt::Key_Up: to = m_caret - kPerRow; break;
    case Qt::Key_Down: to = m_caret + kPerRow; break;
    case Qt::Key_PageUp: to = m_caret - page; break;
    case Qt::Key_PageDown: to = m_caret + page; break;
    case Qt::Key_Home: to = ctrl ? 0 : m_caret - m_caret % kPerRow; break;
    case Qt::Key_End:
        to = ctrl ? m_bytes.size() - 1 : m_caret - m_caret % kPerRow + kPerRow - 1;
        break;
    default: return QAbstractScrollArea::keyPressEvent(e);
    }
    // Up/Down/Page past either end stay in the same column where it exists.
    if (to < 0 && (e->key() == Qt::Key_Up || e->key() == Qt::Key_PageUp))
        to = m_caret % kPerRow;
    moveCaretTo(to);
}

void HexView::focusInEvent(QFocusEvent* e)
{
    QAbstractScrollArea::focusInEvent(e);
    viewport()->update();
}

void HexView::focusOutEvent(QFocusEvent* e)
{
    QAbstractScrollArea::focusOutEvent(e);
    viewport()->update();
}

} // namespace ms::ui
