#include "MessageLexer.h"

#include <QFontDatabase>
#include <Qsci/qsciscintilla.h>

namespace ms::ui {

MessageLexer::MessageLexer(QObject* parent)
    : QsciLexerCustom(parent)
{
}

void MessageLexer::setDocument(const QByteArray& bytes, qint64 headerEnd)
{
    m_bytes = bytes;
    m_headerEnd = qBound<qint64>(0, headerEnd, bytes.size());
}

void MessageLexer::setDark(bool dark)
{
    m_dark = dark;
    for (int s = 0; s < StyleCount; ++s) {
        setColor(defaultColor(s), s);
        setPaper(defaultPaper(s), s);
    }
}

const char* MessageLexer::language() const
{
    return "RFC5322";
}

QString MessageLexer::description(int style) const
{
    switch (style) {
    case Default: return tr("Default");
    case HeaderName: return tr("Header name");
    case Colon: return tr("Colon");
    case HeaderValue: return tr("Header value");
    case Continuation: return tr("Folded continuation");
    case Body: return tr("Body");
    case MboxFrom: return tr("mbox separator");
    }
    return {};
}

QColor MessageLexer::defaultColor(int style) const
{
    switch (style) {
    case HeaderName: return m_dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x00, 0x3d, 0x99);
    case Colon: return m_dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60);
    case HeaderValue: return m_dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x20, 0x20, 0x20);
    case Continuation: return m_dark ? QColor(0xc8, 0xb0, 0xe8) : QColor(0x5b, 0x2c, 0x8f);
    case Body: return m_dark ? QColor(0xcf, 0xcf, 0xcf) : QColor(0x30, 0x30, 0x30);
    case MboxFrom: return m_dark ? QColor(0xf2, 0xc0, 0x4c) : QColor(0x8a, 0x5a, 0x00);
    }
    return m_dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(Qt::black);
}

QColor MessageLexer::defaultPaper(int) const
{
    return m_dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
}

QFont MessageLexer::defaultFont(int style) const
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (style == HeaderName)
        f.setBold(true);
    return f;
}

void MessageLexer::styleText(int start, int end)
{
    QsciScintilla* ed = editor();
    if (!ed || m_bytes.isEmpty())
        return;
    // Always restyle from the start of the first line: a line's style depends only on
    // the line itself and on whether it lies in the header block.
    const int firstLine = int(ed->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, start));
    const int lastLine = int(ed->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, end));
    qint64 pos = ed->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, firstLine);
    startStyling(int(pos));
    // Never style past the text the editor holds: a large source is still loading (its last
    // line may be cut short), and Scintilla aborts on styling beyond its end.
    const qint64 size
        = qMin<qint64>(m_bytes.size(), ed->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    for (int line = firstLine; line <= lastLine && pos < size; ++line) {
        if (pos >= m_headerEnd) {
            // The body is plain text in style 0 (Body), which every inserted byte already
            // has, at the base fold level every line is created with: nothing to write, only
            // move the styled mark past the lines asked for. A jump to the end of a 25 MB
            // body then costs nothing instead of 25 million style writes (~0.1-0.3 s).
            const qint64 stop = lastLine + 1 < ed->lines()
                ? ed->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, lastLine + 1)
                : size;
            startStyling(int(qMin(stop, size)));
            break;
        }
        const qint64 eol = m_bytes.indexOf('\n', pos);
        const qint64 next = eol < 0 || eol >= size ? size : eol + 1;
        const qint64 len = next - pos;
        const char* p = m_bytes.constData() + pos;
        int level = QsciScintillaBase::SC_FOLDLEVELBASE;
        if (pos == 0 && len >= 5 && qstrncmp(p, "From ", 5) == 0) {
            setStyling(int(len), MboxFrom);
        } else if (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
            setStyling(int(len), Continuation);
            level += 1;
        } else {
            qint64 colon = -1;
            for (qint64 i = 0; i < len; ++i) {
                if (p[i] == ':') {
                    colon = i;
                    break;
                }
                if (p[i] == '\r' || p[i] == '\n')
                    break;
            }
            if (colon > 0) {
                setStyling(int(colon), HeaderName);
                setStyling(1, Colon);
                setStyling(int(len - colon - 1), HeaderValue);
                // A field with continuation lines gets a fold point (the next line may not
                // be loaded yet: its first byte is known anyway).
                const bool complete = eol >= 0 && eol < size;
                if (complete && next < m_bytes.size() && next < m_headerEnd
                    && (m_bytes.at(next) == ' ' || m_bytes.at(next) == '\t'))
                    level |= QsciScintillaBase::SC_FOLDLEVELHEADERFLAG;
            } else {
                setStyling(int(len), Default);
            }
        }
        ed->SendScintilla(QsciScintillaBase::SCI_SETFOLDLEVEL, line, level);
        pos = next;
    }
}

} // namespace ms::ui
