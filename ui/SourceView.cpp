#include "SourceView.h"

#include "MessageLexer.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QApplication>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QTimer>

namespace ms::ui {

namespace {

// QScintilla's accessible for an editor answers every caret move (a highlight, a click, a key)
// by counting the characters from the start of the document to the caret: a 260 ms walk
// with the caret at the end of a 25 MB message, inside the next paint. Qt creates and caches
// an accessible for every widget that sends an accessibility event (shown, named, focused)
// even when no assistive technology is running. So while none runs, source views get a
// plain widget accessible (role, name, description, state); once one starts, the cached
// plain ones are dropped and QScintilla's full text interface is created on demand.
QAccessibleInterface* plainWhileInactive(const QString&, QObject* object)
{
    if (QAccessible::isActive())
        return nullptr;
    if (auto* v = qobject_cast<SourceView*>(object))
        return new QAccessibleWidget(v, QAccessible::EditableText);
    return nullptr;
}

class AccessibilityObserver : public QAccessible::ActivationObserver
{
public:
    void accessibilityActiveChanged(bool active) override
    {
        if (!active)
            return;
        for (QWidget* w : QApplication::allWidgets()) {
            if (!qobject_cast<SourceView*>(w))
                continue;
            const QAccessible::Id id
                = QAccessible::uniqueId(QAccessible::queryAccessibleInterface(w));
            if (id)
                QAccessible::deleteAccessibleInterface(id);
        }
    }
};

void installAccessibleFactory()
{
    // After QScintilla's own factory (installed by the first editor's constructor): factories
    // are asked latest first.
    static AccessibilityObserver observer;
    static const bool installed = [] {
        QAccessible::installFactory(plainWhileInactive);
        QAccessible::installActivationObserver(&observer);
        return true;
    }();
    Q_UNUSED(installed);
}

constexpr int kHighlight = 8; // indicator number for step highlights
constexpr int kHexPerLine = 16;
// "00000000  " + 16 * "xx " + " " (after 8 bytes) + " |" + 16 ascii + "|\n"
constexpr int kHexAddr = 10;
constexpr int kHexAscii = kHexAddr + kHexPerLine * 3 + 1 + 2;
constexpr int kHexLineLen = kHexAscii + kHexPerLine + 2;
// Sources up to this size load at once; larger ones from the event loop: chunks of kChunk
// bytes (hex: kHexChunk source bytes, about 4.9 times larger in the editor) until kTurnBudget
// is spent, then the event loop runs (paint, input, timers) before the next turn.
constexpr qint64 kLoadAtOnce = 512 * 1024;
constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kHexChunk = 16 * 1024; // a multiple of kHexPerLine
constexpr qint64 kTurnBudgetNs = 15 * 1000 * 1000;
constexpr int kFirstTurnDelayMs = 20;

int hexColumnPos(int col)
{
    return kHexAddr + col * 3 + (col >= 8 ? 1 : 0);
}

// Lines of the hex dump for b[from, from + n) (from a multiple of kHexPerLine), written straight
// into one buffer (a hex chunk is ~80 KB of text; no allocation per line).
QByteArray hexDump(const QByteArray& b, qint64 from, qint64 n)
{
    static const char digits[] = "0123456789abcdef";
    const qint64 stop = qMin<qint64>(b.size(), from + n);
    const qint64 lines = (stop - from + kHexPerLine - 1) / kHexPerLine;
    QByteArray out(lines * kHexLineLen, ' ');
    char* line = out.data();
    for (qint64 off = from; off < stop; off += kHexPerLine, line += kHexLineLen) {
        for (int d = 7; d >= 0; --d)
            line[7 - d] = digits[(off >> (4 * d)) & 15];
        line[kHexAscii - 1] = '|';
        for (int c = 0; c < kHexPerLine && off + c < stop; ++c) {
            const auto v = uchar(b.at(off + c));
            line[hexColumnPos(c)] = digits[v >> 4];
            line[hexColumnPos(c) + 1] = digits[v & 15];
            line[kHexAscii + c] = (v >= 0x20 && v < 0x7f) ? char(v) : '.';
        }
        line[kHexLineLen - 2] = '|';
        line[kHexLineLen - 1] = '\n';
    }
    return out;
}
} // namespace

QColor SourceView::highlightColor(bool dark)
{
    // Dark: a deep amber fill (the bright outline marks the range) so that every syntax
    // colour on it keeps a 4.5:1 contrast; light: a pale yellow.
    return dark ? QColor(0x68, 0x4e, 0x00) : QColor(0xff, 0xc8, 0x00);
}

QColor SourceView::paperColor(bool dark)
{
    return dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
}

QColor SourceView::highlightFill(bool dark)
{
    const QColor f = highlightColor(dark), p = paperColor(dark);
    const double a = kHighlightAlpha / 255.0;
    auto mix = [a](int x, int y) { return int(x * a + y * (1 - a) + 0.5); };
    return QColor(mix(f.red(), p.red()), mix(f.green(), p.green()), mix(f.blue(), p.blue()));
}

SourceView::SourceView(Mode mode, QWidget* parent)
    : QsciScintilla(parent)
    , m_mode(mode)
{
    installAccessibleFactory();
    setUtf8(true);
    setReadOnly(true);
    setWrapMode(QsciScintilla::WrapNone);
    setMarginLineNumbers(0, m_mode == Mode::Text);
    setMarginWidth(0, m_mode == Mode::Text ? QStringLiteral("00000") : QString());
    setMarginWidth(1, 0);
    setCaretLineVisible(true);
    indicatorDefine(QsciScintilla::FullBoxIndicator, kHighlight);
    setIndicatorDrawUnder(true, kHighlight);
    SendScintilla(SCI_INDICSETALPHA, kHighlight, kHighlightAlpha);
    SendScintilla(SCI_INDICSETOUTLINEALPHA, kHighlight, 255);
    connect(this, &QsciScintilla::cursorPositionChanged, this, &SourceView::onCursorMoved);
    // Read-only: no undo history (it would hold a second copy of every loaded byte).
    SendScintilla(SCI_SETUNDOCOLLECTION, 0UL);
    // No SCN_MODIFIED notifications: QScintilla 2.13 answers each one with
    // SCI_POSITIONRELATIVE(0, position) and a QString of the inserted text for accessibility,
    // a walk from the start of the document per insertion, even with no accessibility
    // client: appending 1 MB to a 20 MB document cost ~0.5-1 s, nearly all of it there. A
    // read-only view needs none of them (nothing here listens to textChanged()).
    SendScintilla(SCI_SETMODEVENTMASK, 0UL);
    useStyles(m_mode == Mode::Text);
    m_loadTimer = new QTimer(this);
    m_loadTimer->setInterval(0);
    connect(m_loadTimer, &QTimer::timeout, this, &SourceView::loadSlice);
    applyLook();
}

void SourceView::useStyles(bool styles)
{
    const bool has = (SendScintilla(SCI_GETDOCUMENTOPTIONS) & SC_DOCUMENTOPTION_STYLES_NONE) == 0;
    if (has == styles)
        return;
    // A view without colouring (hex, canonical bodies, DNS answers) needs no style byte per
    // text byte: half the memory for a large source, half the buffer to allocate. The
    // document's own settings (code page, EOL mode, undo, read-only) go with it: set again.
    const long eol = SendScintilla(SCI_GETEOLMODE);
    const bool ro = isReadOnly();
    const long created = SendScintilla(SCI_CREATEDOCUMENT, 0UL,
        long(styles ? SC_DOCUMENTOPTION_DEFAULT : SC_DOCUMENTOPTION_STYLES_NONE));
    SendScintilla(SCI_SETDOCPOINTER, 0UL, reinterpret_cast<void*>(created));
    SendScintilla(SCI_RELEASEDOCUMENT, 0UL, reinterpret_cast<void*>(created)); // the editor's now
    SendScintilla(SCI_SETEOLMODE, (unsigned long)eol);
    setUtf8(true);
    SendScintilla(SCI_SETUNDOCOLLECTION, 0UL);
    setReadOnly(ro);
}

void SourceView::applyLook()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSize(m_pointSize);
    setFont(f);
    setMarginsFont(f);
    if (m_lexer) {
        m_lexer->setDark(m_dark);
        // The area past the end of each line uses the lexer's default paper.
        m_lexer->setDefaultPaper(m_dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white));
        m_lexer->setDefaultColor(m_dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(Qt::black));
        m_lexer->setFont(f);
        QFont bold = f;
        bold.setBold(true);
        m_lexer->setFont(bold, MessageLexer::HeaderName);
    } else {
        setPaper(paperColor(m_dark));
        setColor(m_dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(Qt::black));
    }
    setMarginsBackgroundColor(m_dark ? QColor(0x2a, 0x2a, 0x2a) : QColor(0xf0, 0xf0, 0xf0));
    setMarginsForegroundColor(m_dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60));
    setCaretLineBackgroundColor(m_dark ? QColor(0x2c, 0x2c, 0x34) : QColor(0xf4, 0xf4, 0xfa));
    setCaretForegroundColor(m_dark ? Qt::white : Qt::black);
    setIndicatorForegroundColor(highlightColor(m_dark), kHighlight);
    setIndicatorOutlineColor(
        m_dark ? QColor(0xff, 0xd0, 0x40) : QColor(0xc0, 0x80, 0x00), kHighlight);
    setFoldMarginColors(m_dark ? QColor(0x2a, 0x2a, 0x2a) : QColor(0xf0, 0xf0, 0xf0),
        m_dark ? QColor(0x2a, 0x2a, 0x2a) : QColor(0xf0, 0xf0, 0xf0));
}

void SourceView::setDark(bool dark)
{
    m_dark = dark;
    applyLook();
}

void SourceView::setFontPointSize(int pt)
{
    m_pointSize = qBound(6, pt, 40);
    applyLook();
}

void SourceView::setSource(const Source& source, qint64 headerEnd)
{
    m_programmatic = true;
    m_sourceId = source.id;
    m_bytes = source.bytes;
    m_spans.clear();
    // The document first: a lexer's state lives with the document it colours.
    if (m_mode == Mode::Text)
        useStyles(headerEnd >= 0);
    if (m_mode == Mode::Text && headerEnd >= 0) {
        if (!m_lexer)
            m_lexer = new MessageLexer(this);
        m_lexer->setDocument(m_bytes, headerEnd);
        setLexer(m_lexer);
        setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    } else if (m_lexer) {
        setLexer(nullptr);
        setFolding(QsciScintilla::NoFoldStyle);
    }
    applyLook();
    m_loadTimer->stop();
    m_loadedTo = 0;
    m_allocated = false;
    setReadOnly(false);
    SendScintilla(SCI_CLEARALL);
    setReadOnly(true);
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    SendScintilla(SCI_GOTOPOS, 0);
    m_ignorePos = 0;
    m_programmatic = false;
    if (m_bytes.size() <= kLoadAtOnce)
        ensureLoaded();
    else if (isVisible())
        startLoading();
    // else: showEvent() starts loading when the tab is first shown.
}

void SourceView::showEvent(QShowEvent* e)
{
    QsciScintilla::showEvent(e);
    if (!isLoaded() && !m_loadTimer->isActive())
        startLoading();
}

void SourceView::startLoading()
{
    // The first turn sizes the buffer (tens of ms for 25 MB: zeroed text and style pages).
    // Not in the turn that builds and first paints the new views (a report's arrival): after
    // a pause, so the event loop runs in between.
    m_loadTimer->start(m_allocated ? 0 : kFirstTurnDelayMs);
}

qint64 SourceView::documentLength() const
{
    if (m_mode == Mode::Text)
        return m_bytes.size();
    return (m_bytes.size() + kHexPerLine - 1) / kHexPerLine * kHexLineLen;
}

void SourceView::appendChunk()
{
    // Append the raw bytes (NULs and invalid UTF-8 included) so positions equal offsets. A
    // chunk may end inside a UTF-8 sequence or between CR and LF: Scintilla stores bytes
    // and joins the line when the rest arrives.
    if (m_mode == Mode::Hex) {
        const qint64 n = qMin<qint64>(kHexChunk, m_bytes.size() - m_loadedTo);
        const QByteArray shown = hexDump(m_bytes, m_loadedTo, n);
        SendScintilla(SCI_APPENDTEXT, (unsigned long)shown.size(), shown.constData());
        m_loadedTo += n;
    } else {
        const qint64 n = qMin<qint64>(kChunk, m_bytes.size() - m_loadedTo);
        SendScintilla(SCI_APPENDTEXT, (unsigned long)n, m_bytes.constData() + m_loadedTo);
        m_loadedTo += n;
    }
}

void SourceView::loadSlice()
{
    if (m_loadTimer->interval() != 0)
        m_loadTimer->setInterval(0);
    loadFor(kTurnBudgetNs);
}

void SourceView::loadFor(qint64 budgetNs)
{
    if (isLoaded()) {
        m_loadTimer->stop();
        return;
    }
    // Chunks until the turn's budget is spent (budgetNs < 0: all of it), so the event loop
    // gets control back every ~15 ms however loaded the machine is.
    QElapsedTimer turn;
    turn.start();
    const bool wasProgrammatic = m_programmatic;
    m_programmatic = true;
    setReadOnly(false);
    // One buffer for the whole text up front: growing it while appending copies everything
    // loaded so far (a 0.1-0.3 s stall each time once the document is tens of MB). Making
    // it (zeroed pages for text and styles) is a turn of its own.
    if (!m_allocated) {
        m_allocated = true;
        SendScintilla(SCI_ALLOCATE, (unsigned long)(documentLength() + 1));
        if (budgetNs > 0) {
            setReadOnly(true);
            m_programmatic = wasProgrammatic;
            return;
        }
    }
    do {
        appendChunk();
    } while (!isLoaded() && (budgetNs < 0 || turn.nsecsElapsed() < budgetNs));
    setReadOnly(true);
    m_programmatic = wasProgrammatic;
    if (!isLoaded())
        return;
    m_loadTimer->stop();
    if (m_mode == Mode::Text) {
        const int digits = QString::number(lines()).size() + 1;
        setMarginWidth(0, QString(digits, QLatin1Char('0')));
    }
    // Highlights asked for while loading apply now.
    if (!m_spans.isEmpty()) {
        const QList<Span> spans = m_spans;
        highlight(spans);
    }
    emit loaded();
}

void SourceView::ensureLoaded()
{
    loadFor(-1);
}

bool SourceView::loadNextChunk()
{
    loadFor(0);
    return isLoaded();
}

qint64 SourceView::offsetAt(qint64 docPos) const
{
    if (m_mode == Mode::Text)
        return docPos;
    const qint64 line = docPos / kHexLineLen;
    const int col = int(docPos % kHexLineLen);
    int byteCol = 0;
    if (col >= kHexAscii && col < kHexAscii + kHexPerLine) {
        byteCol = col - kHexAscii;
    } else {
        for (int c = kHexPerLine - 1; c >= 0; --c) {
            if (col >= hexColumnPos(c)) {
                byteCol = c;
                break;
            }
        }
    }
    return qMin<qint64>(line * kHexPerLine + byteCol, qMax<qint64>(0, m_bytes.size() - 1));
}

qint64 SourceView::docPosOf(qint64 offset) const
{
    if (m_mode == Mode::Text)
        return offset;
    return (offset / kHexPerLine) * kHexLineLen + hexColumnPos(int(offset % kHexPerLine));
}

void SourceView::fillIndicator(qint64 from, qint64 length)
{
    if (length <= 0)
        return;
    SendScintilla(SCI_INDICATORFILLRANGE, (unsigned long)from, (long)length);
}

void SourceView::highlight(const QList<Span>& spans)
{
    if (!isLoaded()) {
        // Applied when the last slice is in (see loadSlice()).
        m_spans.clear();
        for (const Span& sp : spans) {
            if (sp.source == m_sourceId)
                m_spans.append(sp);
        }
        return;
    }
    m_programmatic = true;
    m_spans.clear();
    const long docLen = SendScintilla(SCI_GETLENGTH);
    SendScintilla(SCI_SETINDICATORCURRENT, kHighlight);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, docLen);
    qint64 first = -1;
    for (const Span& sp : spans) {
        if (sp.source != m_sourceId || sp.length <= 0 || sp.offset < 0)
            continue;
        const qint64 off = qMin<qint64>(sp.offset, m_bytes.size());
        const qint64 len = qMin<qint64>(sp.length, m_bytes.size() - off);
        if (len <= 0)
            continue;
        m_spans.append(sp);
        if (m_mode == Mode::Text) {
            fillIndicator(off, len);
        } else {
            for (qint64 i = off; i < off + len; ++i) {
                fillIndicator(docPosOf(i), 2);
                const qint64 line = i / kHexPerLine;
                fillIndicator(line * kHexLineLen + kHexAscii + i % kHexPerLine, 1);
            }
        }
        if (first < 0 || off < first)
            first = off;
    }
    if (first >= 0) {
        const qint64 pos = docPosOf(first);
        const int line = int(SendScintilla(SCI_LINEFROMPOSITION, (unsigned long)pos));
        ensureLineVisible(line);
        SendScintilla(SCI_GOTOPOS, (unsigned long)pos);
        // Scintilla reports caret moves later (when it repaints): remember this one is ours.
        m_ignorePos = pos;
        // Keep some context above the highlight.
        setFirstVisibleLine(qMax(0, line - 3));
    }
    m_programmatic = false;
}

QList<QPair<qint64, qint64>> SourceView::highlightedRanges() const
{
    const_cast<SourceView*>(this)->ensureLoaded();
    QList<QPair<qint64, qint64>> out;
    const long docLen = SendScintilla(SCI_GETLENGTH);
    long pos = 0;
    while (pos < docLen) {
        const long end = SendScintilla(SCI_INDICATOREND, kHighlight, pos);
        const bool on = SendScintilla(SCI_INDICATORVALUEAT, kHighlight, pos) != 0;
        const long stop = end <= pos ? docLen : end;
        if (on) {
            if (m_mode == Mode::Text) {
                out.append({ pos, stop - pos });
            } else if (pos % kHexLineLen < kHexAscii) {
                // Only count the hex column (the ASCII column repeats the same bytes).
                const qint64 a = offsetAt(pos), b = offsetAt(stop - 1);
                if (!out.isEmpty() && out.last().first + out.last().second == a)
                    out.last().second += b - a + 1;
                else
                    out.append({ a, b - a + 1 });
            }
        }
        pos = stop;
    }
    return out;
}

QByteArray SourceView::highlightedBytes() const
{
    QByteArray out;
    for (const auto& r : highlightedRanges())
        out += m_bytes.mid(r.first, r.second);
    return out;
}

void SourceView::restoreView(qint64 caretPos, int firstLine)
{
    m_programmatic = true;
    SendScintilla(SCI_GOTOPOS, (unsigned long)caretPos);
    setFirstVisibleLine(firstLine);
    m_ignorePos = -1;
    m_programmatic = false;
}

void SourceView::activateOffset(qint64 offset)
{
    if (offset < 0 || offset >= m_bytes.size())
        return;
    emit byteActivated(m_sourceId, offset);
}

void SourceView::onCursorMoved()
{
    if (m_programmatic || m_bytes.isEmpty())
        return;
    const qint64 pos = SendScintilla(SCI_GETCURRENTPOS);
    if (pos == m_ignorePos) {
        m_ignorePos = -1;
        return;
    }
    m_ignorePos = -1;
    activateOffset(offsetAt(qMin<qint64>(pos, SendScintilla(SCI_GETLENGTH) - 1)));
}

} // namespace ms::ui
