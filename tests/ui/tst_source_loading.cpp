// SourceView's loading of large sources from the event loop (issue 8): whatever the bytes
// (invalid UTF-8, NULs, lone CRs, CRLF split between two chunks, a multi-MB header line), the
// editor ends up holding exactly the source's bytes (text) or its hex dump (hex), the header
// colouring never runs past the text loaded so far, highlights asked for while loading land
// once it is complete, and a new source (opening another message) cancels a load in progress.
// The message's hex view formats only the rows in view: any row of a large source, a span at
// its very end (scrolled to, painted, read back), clicks and keys over its bytes.
#include "HexView.h"
#include "MessageLexer.h"
#include "SourceTabs.h"
#include "SourceView.h"
#include "VerifyRunner.h"

#include <QAccessible>
#include <QApplication>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QThreadPool>
#include <QtTest>

using namespace ms;
using namespace ms::ui;

namespace {

constexpr qint64 kChunkBoundary = 64 * 1024; // SourceView's chunk size, to put seams on it

// What the editor holds, byte for byte.
QByteArray documentBytes(const SourceView& v)
{
    const auto len = qsizetype(v.SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    const auto* p = reinterpret_cast<const char*>(
        v.SendScintilla(QsciScintillaBase::SCI_GETCHARACTERPOINTER));
    return QByteArray(p, len);
}

// A message of about `size` bytes with everything a text view must survive.
QByteArray hostileMessage(qsizetype size, quint32 seed)
{
    QByteArray m = "From: a@example.com\r\nSubject: =?utf-8?q?x?=\r\n folded\r\nX-Bin: \xff\xfe"
                   "\x00\x01\r\n\r\n";
    m.append('\0'); // a NUL right at the start of the body
    QRandomGenerator rng(seed);
    while (m.size() < size) {
        switch (rng.bounded(6)) {
        case 0: // random bytes: invalid UTF-8, NULs, lone CRs and LFs
            for (int i = 0; i < 200; ++i)
                m.append(char(rng.bounded(256)));
            break;
        case 1:
            m += "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xa7 line\r\n"; // valid UTF-8
            break;
        case 2: m += "bare LF line\n"; break;
        case 3: m += "lone CR\rthen text\r\n"; break;
        case 4: m += "\xc3\r\n\xe2\x82\r\n\xed\xa0\x80 surrogate, \xc0\xaf overlong\r\n"; break;
        default: m += "plain text line of a mail body, long enough to look like one\r\n";
        }
    }
    // Seams on chunk boundaries: a CRLF split between two chunks, a UTF-8 sequence split
    // between the next two.
    m[2 * kChunkBoundary - 1] = '\r';
    m[2 * kChunkBoundary] = '\n';
    m[3 * kChunkBoundary - 1] = '\xe2';
    m[3 * kChunkBoundary] = '\x82';
    m[3 * kChunkBoundary + 1] = '\xac';
    return m;
}

// A header field far longer than a chunk, so the view is coloured while its line is cut.
QByteArray longHeaderMessage(qsizetype lineBytes)
{
    QByteArray m = "Received: from a\r\n\tby b\r\nX-Long: ";
    QByteArray value(lineBytes, 'v');
    for (qsizetype i = 1000; i + 2 < value.size(); i += 7919)
        value.replace(i, 3, "\xe2\x82\xac"); // multi-byte UTF-8 sprinkled through it
    m += value + "\r\n continued\r\nSubject: after\r\n\r\nbody\r\n";
    return m;
}

qint64 headerEndOf(const QByteArray& m)
{
    const qint64 sep = m.indexOf("\r\n\r\n");
    return sep < 0 ? m.size() : sep + 2;
}

Source messageSource(const QByteArray& bytes)
{
    Source s;
    s.id = QStringLiteral("message");
    s.kind = Source::Kind::Message;
    s.bytes = bytes;
    return s;
}

// The hex view's text for the bytes (the test's own rendering of the documented layout).
QByteArray hexLine(const QByteArray& b, qint64 off)
{
    QByteArray line = QByteArray::number(off, 16).rightJustified(8, '0') + "  ";
    QByteArray ascii;
    for (int c = 0; c < 16; ++c) {
        if (c == 8)
            line += ' ';
        if (off + c < b.size()) {
            const auto v = uchar(b[off + c]);
            line += QByteArray::number(v, 16).rightJustified(2, '0') + ' ';
            ascii += (v >= 0x20 && v < 0x7f) ? char(v) : '.';
        } else {
            line += "   ";
            ascii += ' ';
        }
    }
    return line + " |" + ascii + "|\n";
}

std::shared_ptr<const Report> reportFor(const QByteArray& bytes)
{
    auto r = std::make_shared<Report>();
    r->root = Step(QStringLiteral("report"), Status::Info, QStringLiteral("report"));
    r->sources = { messageSource(bytes) };
    return r;
}

} // namespace

class TestSourceLoading : public QObject
{
    Q_OBJECT
private slots:
    void textHoldsExactBytes_data();
    void textHoldsExactBytes();
    void hexShowsEveryByte();
    void loadsFromEventLoop();
    void highlightAskedWhileLoading();
    void newSourceCancelsLoad();
    void openingAnotherMessageCancelsLoad();
    void hexViewRows();
    void hexViewShowsSpanAtEnd();
    void hexViewClickAndKeys();
    void accessibleWithoutScreenReader();
    void verificationBelowGuiPriority();
};

void TestSourceLoading::textHoldsExactBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("lexer");
    QTest::newRow("invalid-utf8-nul-cr-crlf-lf") << hostileMessage(3'000'000, 1) << true;
    QTest::newRow("invalid-utf8-nul-cr-crlf-lf-plain") << hostileMessage(1'500'000, 2) << false;
    QTest::newRow("3mb-header-line") << longHeaderMessage(3'000'000) << true;
    QTest::newRow("no-line-end-at-all") << QByteArray(1'000'000, '\0') << true;
}

// Loaded chunk by chunk, with the header colouring forced over everything loaded so far
// between chunks (what a repaint does when the end of the loaded text is in view): the editor
// holds exactly the source bytes, and the colouring never went past them (Scintilla aborts
// when a lexer styles beyond the end of the document).
void TestSourceLoading::textHoldsExactBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, lexer);
    SourceView v;
    v.resize(600, 400);
    v.setSource(messageSource(bytes), lexer ? headerEndOf(bytes) : -1);
    QVERIFY(!v.isLoaded()); // hidden: nothing loads until shown
    QCOMPARE(v.SendScintilla(QsciScintillaBase::SCI_GETLENGTH), 0L);
    int chunks = 0;
    while (!v.loadNextChunk()) {
        ++chunks;
        const long len = v.SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
        QVERIFY(len > 0 && len < bytes.size());
        QCOMPARE(documentBytes(v), bytes.left(len));
        v.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0UL, -1L);
        QVERIFY(v.SendScintilla(QsciScintillaBase::SCI_GETENDSTYLED) <= len);
    }
    QVERIFY(chunks >= 10); // it did load in pieces
    QCOMPARE(documentBytes(v), bytes);
    QCOMPARE(v.bytes(), bytes);
    if (lexer) {
        v.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0UL, -1L);
        QCOMPARE(v.SendScintilla(QsciScintillaBase::SCI_GETENDSTYLED), long(bytes.size()));
        const qint64 headerEnd = headerEndOf(bytes);
        if (bytes.startsWith("From: ") || bytes.startsWith("Received: ")) {
            QCOMPARE(v.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, 0UL),
                long(MessageLexer::HeaderName));
            QCOMPARE(v.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, (unsigned long)headerEnd),
                long(MessageLexer::Body));
            QCOMPARE(
                v.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, (unsigned long)bytes.size() - 1),
                long(MessageLexer::Body));
        }
    }
    // Offsets are document positions: a highlight of the last bytes reads back the same.
    v.highlight({ Span { QStringLiteral("message"), bytes.size() - 7, 7 } });
    QCOMPARE(v.highlightedBytes(), bytes.right(7));
}

void TestSourceLoading::hexShowsEveryByte()
{
    const QByteArray bytes = hostileMessage(700'001, 3); // not a multiple of 16
    SourceView hex(SourceView::Mode::Hex);
    hex.setSource(messageSource(bytes));
    int chunks = 0;
    while (!hex.loadNextChunk())
        ++chunks;
    QVERIFY(chunks >= 10);
    const QByteArray doc = documentBytes(hex);
    const qint64 lines = (bytes.size() + 15) / 16;
    QCOMPARE(doc.count('\n'), lines);
    for (qint64 off : { qint64(0), qint64(16 * 1024 - 16), qint64(16 * 1024),
             qint64(2 * kChunkBoundary - 16), (lines - 1) * 16 }) {
        const qint64 pos = hex.docPosOf(off) - 10; // the start of its line
        const QByteArray want = hexLine(bytes, off);
        QCOMPARE(doc.mid(pos, want.size()), want);
        QCOMPARE(hex.offsetAt(hex.docPosOf(off)), off);
    }
    hex.highlight({ Span { QStringLiteral("message"), bytes.size() - 5, 5 } });
    QCOMPARE(hex.highlightedBytes(), bytes.right(5));
}

// A shown view fills itself from the event loop and says so once.
void TestSourceLoading::loadsFromEventLoop()
{
    const QByteArray bytes = hostileMessage(6'000'000, 4);
    SourceView v;
    v.resize(600, 400);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QSignalSpy loaded(&v, &SourceView::loaded);
    v.setSource(messageSource(bytes), headerEndOf(bytes));
    QVERIFY(!v.isLoaded()); // not in one go
    QTRY_VERIFY_WITH_TIMEOUT(v.isLoaded(), 60000);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(documentBytes(v), bytes);
    // Line numbers fit the last line's number.
    const int lines = v.lines();
    QVERIFY(v.SendScintilla(QsciScintillaBase::SCI_GETMARGINWIDTHN, 0UL)
        >= v.SendScintilla(QsciScintillaBase::SCI_TEXTWIDTH, QsciScintillaBase::STYLE_LINENUMBER,
            QByteArray::number(lines).constData()));
}

void TestSourceLoading::highlightAskedWhileLoading()
{
    const QByteArray bytes = hostileMessage(2'000'000, 5);
    SourceView v;
    v.resize(600, 400);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    v.setSource(messageSource(bytes), headerEndOf(bytes));
    v.loadNextChunk();
    QVERIFY(!v.isLoaded());
    const qint64 off = bytes.size() - 100;
    v.highlight({ Span { QStringLiteral("message"), off, 40 } });
    QTRY_VERIFY_WITH_TIMEOUT(v.isLoaded(), 60000);
    const auto ranges = v.highlightedRanges();
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(ranges[0].first, off);
    QCOMPARE(ranges[0].second, 40);
    // The view scrolled to it.
    const long line = v.SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, (unsigned long)off);
    QVERIFY(v.firstVisibleLine() <= line);
    QVERIFY(line < v.firstVisibleLine() + v.SendScintilla(QsciScintillaBase::SCI_LINESONSCREEN));
}

// setSource() in the middle of a load starts over with the new bytes: nothing of the first
// source is left in the editor, and only the second load reports completion.
void TestSourceLoading::newSourceCancelsLoad()
{
    const QByteArray first = hostileMessage(3'000'000, 6);
    const QByteArray second = longHeaderMessage(2'000'000);
    SourceView v;
    v.resize(600, 400);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QSignalSpy loaded(&v, &SourceView::loaded);
    v.setSource(messageSource(first), headerEndOf(first));
    v.loadNextChunk();
    v.loadNextChunk();
    QVERIFY(!v.isLoaded());
    v.setSource(messageSource(second), headerEndOf(second));
    QCOMPARE(v.SendScintilla(QsciScintillaBase::SCI_GETLENGTH), 0L);
    QTRY_VERIFY_WITH_TIMEOUT(v.isLoaded(), 60000);
    QCOMPARE(documentBytes(v), second);
    QCOMPARE(loaded.size(), 1);
    // And back to a small source, loaded at once.
    v.setSource(messageSource("A\xff\0Z"_qba), -1);
    QVERIFY(v.isLoaded());
    QCOMPARE(documentBytes(v), "A\xff\0Z"_qba);
}

// Opening another message while the first one's views are still filling: the tabs show the
// new message only, complete.
void TestSourceLoading::openingAnotherMessageCancelsLoad()
{
    const QByteArray first = hostileMessage(4'000'000, 7);
    const QByteArray second = hostileMessage(3'000'000, 8);
    SourceTabs tabs;
    tabs.resize(800, 600);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    tabs.setReport(reportFor(first));
    SourceView* v1 = tabs.viewFor(QStringLiteral("message"));
    QVERIFY(v1);
    QVERIFY(!v1->isLoaded());
    QPointer<SourceView> old(v1);
    tabs.setReport(reportFor(second));
    SourceView* v2 = tabs.viewFor(QStringLiteral("message"));
    QVERIFY(v2 && v2 != v1);
    QTRY_VERIFY_WITH_TIMEOUT(v2->isLoaded(), 60000);
    QTRY_VERIFY(old.isNull()); // the first message's view is gone, not loading on
    QCOMPARE(documentBytes(*v2), second);
    // The hex view shows the new message when brought to the front.
    tabs.tabs()->setCurrentWidget(tabs.hexView());
    QCOMPARE(tabs.hexView()->bytes(), second);
    QVERIFY(tabs.hexView()->visibleText().startsWith(hexLine(second, 0)));
}

// The hex view formats rows on demand: any row of a large source, the last (partial) one
// included, is the documented layout of exactly its bytes.
void TestSourceLoading::hexViewRows()
{
    const QByteArray bytes = hostileMessage(700'001, 3); // not a multiple of 16
    HexView hex;
    hex.setSource(messageSource(bytes));
    const qint64 rows = (bytes.size() + 15) / 16;
    QCOMPARE(hex.rowCount(), rows);
    for (qint64 row :
        { qint64(0), qint64(1), qint64(1023), qint64(1024), rows / 2, rows - 2, rows - 1 }) {
        QByteArray want = hexLine(bytes, row * 16);
        want.chop(1); // rowText() has no line end
        QCOMPARE(hex.rowText(row), want);
    }
    QVERIFY(hex.rowText(rows).isEmpty());
    QVERIFY(hex.rowText(-1).isEmpty());
}

// A span at the very end of a 25 MB source: the view scrolls there (three rows of context),
// shows those rows' bytes, paints the highlight over exactly the span's cells, and reads the
// span back.
void TestSourceLoading::hexViewShowsSpanAtEnd()
{
    QByteArray bytes = hostileMessage(25'000'000, 9);
    bytes.resize(25'000'007);
    const qint64 off = bytes.size() - 37, len = 30;
    SourceTabs tabs;
    tabs.resize(900, 600);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    tabs.setReport(reportFor(bytes));
    HexView* hex = tabs.hexView();
    QVERIFY(hex);
    tabs.tabs()->setCurrentWidget(hex);
    QVERIFY(QTest::qWaitForWindowExposed(hex));
    tabs.highlight({ Span { QStringLiteral("message"), off, len } });
    QCOMPARE(tabs.tabs()->currentWidget(), hex); // the hex view shows the span: it stays
    QCOMPARE(hex->highlightedRanges().size(), 1);
    QCOMPARE(hex->highlightedRanges()[0], (QPair<qint64, qint64>(off, len)));
    QCOMPARE(hex->highlightedBytes(), bytes.mid(off, len));
    // Three rows of context above it, as far as the end of the source lets it scroll.
    QCOMPARE(
        hex->firstVisibleRow(), qMin<qint64>(off / 16 - 3, hex->verticalScrollBar()->maximum()));
    QVERIFY(hex->verticalScrollBar()->maximum() > 1'500'000);
    QCOMPARE(hex->caret(), off);
    const QByteArray shown = hex->visibleText();
    for (qint64 o = off; o < off + len; o += 16)
        QVERIFY2(shown.contains(hexLine(bytes, o / 16 * 16)), shown.constData());
    QVERIFY(shown.contains(hexLine(bytes, (bytes.size() - 1) / 16 * 16)));

    // Painted: the span's cells carry the highlight fill, a byte before it does not.
    const QImage img = hex->viewport()->grab().toImage();
    auto fillPixels = [&](qint64 o) {
        const QColor want = SourceView::highlightFill(false);
        const QRect r = hex->cellRect(o).intersected(img.rect());
        int n = 0;
        for (int y = r.top(); y <= r.bottom(); ++y) {
            for (int x = r.left(); x <= r.right(); ++x) {
                const QColor c = img.pixelColor(x * img.width() / hex->viewport()->width(),
                    y * img.height() / hex->viewport()->height());
                // (over the caret line's pale background the blend differs by a few units)
                if (qAbs(c.red() - want.red()) <= 8 && qAbs(c.green() - want.green()) <= 8
                    && qAbs(c.blue() - want.blue()) <= 8)
                    ++n;
            }
        }
        return n;
    };
    QVERIFY(fillPixels(off + 5) > 10);
    QVERIFY(fillPixels(off + len - 1) > 10);
    QCOMPARE(fillPixels(off - 1), 0);
    QCOMPARE(fillPixels(off + len), 0);
}

// A click on a byte (hex or ASCII column) and the keyboard report the byte under the caret,
// as the text views do; the view follows the caret to the end of the source.
void TestSourceLoading::hexViewClickAndKeys()
{
    const QByteArray bytes = hostileMessage(3'000'000, 10);
    HexView hex;
    hex.resize(700, 300);
    hex.setSource(messageSource(bytes));
    hex.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hex));
    QSignalSpy spy(&hex, &HexView::byteActivated);
    QTest::mouseClick(hex.viewport(), Qt::LeftButton, {}, hex.cellRect(37).center());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].toString(), QStringLiteral("message"));
    QCOMPARE(spy[0][1].toLongLong(), 37);
    QCOMPARE(hex.offsetAt(hex.cellRect(37).center()), 37);
    hex.setFocus();
    QTest::keyClick(&hex, Qt::Key_Right);
    QCOMPARE(spy.last()[1].toLongLong(), 38);
    QTest::keyClick(&hex, Qt::Key_Down);
    QCOMPARE(spy.last()[1].toLongLong(), 54);
    QTest::keyClick(&hex, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(spy.last()[1].toLongLong(), bytes.size() - 1);
    QCOMPARE(hex.caret(), bytes.size() - 1);
    QVERIFY(hex.visibleText().contains(hexLine(bytes, (bytes.size() - 1) / 16 * 16)));
    // The ASCII column maps to the same bytes.
    const qint64 third = hex.firstVisibleRow() * 16 + 3;
    QTest::mouseClick(hex.viewport(), Qt::LeftButton, {}, hex.cellRect(third, true).center());
    QCOMPARE(spy.last()[1].toLongLong(), third);
}

// With no assistive technology running, a source view's accessible is a plain widget one
// (QScintilla's counts the characters from the start of the document on every caret move:
// 0.26 s at the end of 25 MB); it still has the view's name and role. (Once a screen reader
// starts, the view gets QScintilla's full text interface: this platform cannot turn
// accessibility on, so that path is not exercised here.)
void TestSourceLoading::accessibleWithoutScreenReader()
{
    QVERIFY(!QAccessible::isActive());
    SourceView v;
    v.setAccessibleName(QStringLiteral("Message"));
    v.setSource(messageSource("From: a@example.com\r\n\r\nbody\r\n"), 21);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QAccessibleInterface* plain = QAccessible::queryAccessibleInterface(&v);
    QVERIFY(plain);
    QVERIFY(!plain->textInterface());
    QCOMPARE(plain->role(), QAccessible::EditableText);
    QCOMPARE(plain->text(QAccessible::Name), QStringLiteral("Message"));
    // The caret at the end of the source, as a highlight puts it: still the plain one.
    v.highlight({ Span { QStringLiteral("message"), 23, 4 } });
    QCOMPARE(QAccessible::queryAccessibleInterface(&v)->role(), QAccessible::EditableText);
    QVERIFY(!QAccessible::queryAccessibleInterface(&v)->textInterface());
}

// The workbench's verification threads (and the checks they run in parallel, from the
// global pool) run below the GUI thread, so that with every core busy the event loop still
// gets one at once.
void TestSourceLoading::verificationBelowGuiPriority()
{
    VerifyRunner runner;
    QCOMPARE(QThreadPool::globalInstance()->threadPriority(), QThread::LowPriority);
    QThreadPool::globalInstance()->waitForDone(); // threads of earlier tests are gone
    QThread::Priority seen = QThread::InheritPriority;
    QThreadPool::globalInstance()->start([&seen] { seen = QThread::currentThread()->priority(); });
    QThreadPool::globalInstance()->waitForDone();
    QCOMPARE(seen, QThread::LowPriority);
}

QTEST_MAIN(TestSourceLoading)
#include "tst_source_loading.moc"
