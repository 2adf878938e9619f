#pragma once

#include "trace/Source.h"
#include "trace/Step.h"

#include <QList>
#include <QPair>
#include <Qsci/qsciscintilla.h>

class QTimer;

namespace ms::ui {

class MessageLexer;

// A read-only view of one Source's bytes. Text mode shows the bytes as they are (the
// Scintilla document holds exactly the Source bytes, so a document position IS a Source
// offset); hex mode shows 16 bytes per line with an ASCII column and maps positions back.
class SourceView : public QsciScintilla
{
    Q_OBJECT
public:
    enum class Mode { Text, Hex };

    explicit SourceView(Mode mode = Mode::Text, QWidget* parent = nullptr);

    // The step highlight as the eye sees it: its fill blended over the paper (what text
    // under a highlight must contrast with), and the fill colour and alpha themselves.
    static QColor highlightFill(bool dark);
    static QColor highlightColor(bool dark);
    static QColor paperColor(bool dark);
    static constexpr int kHighlightAlpha = 110;

    // headerEnd >= 0 turns on header colouring and folding (message-like sources).
    void setSource(const Source& source, qint64 headerEnd = -1);
    const QString& sourceId() const { return m_sourceId; }
    const QByteArray& bytes() const { return m_bytes; }
    Mode mode() const { return m_mode; }

    // Highlights the given byte ranges of this source and scrolls to the first one.
    void highlight(const QList<Span>& spans);
    // What the editor's highlight indicator covers now, as Source byte ranges
    // (read back from Scintilla: used by tests and by "copy source").
    QList<QPair<qint64, qint64>> highlightedRanges() const;
    QByteArray highlightedBytes() const;

    // Source offset of a document position and back (identity in text mode).
    qint64 offsetAt(qint64 docPos) const;
    qint64 docPosOf(qint64 offset) const;

    // Simulates/handles a click on a byte: emits byteActivated(offset).
    void activateOffset(qint64 offset);

    // Puts the caret and scroll position back after a highlight (a click must not scroll).
    void restoreView(qint64 caretPos, int firstLine);

    void setDark(bool dark);
    void setFontPointSize(int pt);

    // Large sources load into the editor from the event loop, ~15 ms of appending per turn (a
    // hidden view only once it is shown), so a 25 MB message never stalls the GUI thread;
    // setSource() again cancels a load in progress.
    bool isLoaded() const { return m_loadedTo >= m_bytes.size(); }
    void ensureLoaded(); // the rest, now (tests, reading back highlights)
    bool loadNextChunk(); // one chunk now (tests: the states in between); true once loaded

signals:
    void byteActivated(const QString& sourceId, qint64 offset);
    void loaded();

protected:
    void showEvent(QShowEvent* e) override;

private:
    void onCursorMoved();
    void fillIndicator(qint64 from, qint64 length);
    void applyLook();
    void useStyles(bool styles); // a document with or without a style byte per text byte
    void startLoading();
    void loadSlice(); // one event-loop turn's worth
    void loadFor(qint64 budgetNs); // budgetNs < 0: the rest
    void appendChunk();
    qint64 documentLength() const; // of the editor text once loaded

    Mode m_mode;
    QString m_sourceId;
    QByteArray m_bytes;
    MessageLexer* m_lexer = nullptr;
    QList<Span> m_spans;
    bool m_programmatic = false;
    qint64 m_ignorePos = -1; // a caret position we set ourselves (not a user's click)
    bool m_dark = false;
    int m_pointSize = 10;
    qint64 m_loadedTo = 0; // bytes of m_bytes in the editor so far
    bool m_allocated = false; // the editor's buffer is sized for the whole source
    QTimer* m_loadTimer = nullptr;
};

} // namespace ms::ui
