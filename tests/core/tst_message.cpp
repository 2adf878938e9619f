// core/message: RFC 5322 parsing with offsets, line-ending normalization, real-world input.

#include "common/TestUtil.h"
#include "message/Message.h"

#include <QTest>
#include <QThread>

using namespace ms;
using mstest::hasNote;

namespace {

// Every byte of bytes() that came from the original maps onto the same byte value.
void checkOffsetMap(const Message& m)
{
    const QByteArray& b = m.bytes();
    const QByteArray& o = m.original();
    for (qsizetype i = 0; i < b.size(); ++i) {
        const qint64 oi = m.originalOffset(i);
        QVERIFY2(oi >= 0 && oi <= o.size(), qPrintable(QString::number(i)));
        if (oi < o.size() && b[i] != '\r')
            QCOMPARE(o[oi], b[i]);
    }
}

} // namespace

class TestMessage : public QObject
{
    Q_OBJECT

private slots:
    void lineEndings_data();
    void lineEndings();
    void folding();
    void unfoldedRuns_data();
    void unfoldedRuns();
    void obsWhitespaceBeforeColon();
    void fieldsAndFirst();
    void headerOnly();
    void emptyBody();
    void mboxFromLine();
    void showOriginalPaste();
    void byteOrderMark();
    void fieldCounts();
    void notAHeaderLine_data();
    void notAHeaderLine();
    void parseStep();
    void sharedCopies();
    void structureOnFirstUse();
    void rfc2047_data();
    void rfc2047();
    void decodedField();
};

void TestMessage::lineEndings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("endings");
    QTest::addColumn<bool>("normalized");

    QTest::newRow("rfc5322-2.1-crlf")
        << QByteArray("A: 1\r\nB: 2\r\n\r\nbody\r\n") << QByteArray("A: 1\r\nB: 2\r\n\r\nbody\r\n")
        << int(LineEndings::Crlf) << false;
    QTest::newRow("lf-only") << QByteArray("A: 1\nB: 2\n\nbody\n")
                             << QByteArray("A: 1\r\nB: 2\r\n\r\nbody\r\n") << int(LineEndings::Lf)
                             << true;
    QTest::newRow("mixed") << QByteArray("A: 1\r\nB: 2\n\r\nbody\nmore\r\n")
                           << QByteArray("A: 1\r\nB: 2\r\n\r\nbody\r\nmore\r\n")
                           << int(LineEndings::Mixed) << true;
    // Bare CR is kept as data (not a line break), with a warning.
    QTest::newRow("bare-cr-kept") << QByteArray("A: 1\rx\r\n\r\nb\rc\r\n")
                                  << QByteArray("A: 1\rx\r\n\r\nb\rc\r\n") << int(LineEndings::Crlf)
                                  << false;
    QTest::newRow("no-final-newline")
        << QByteArray("A: 1\r\n\r\nbody") << QByteArray("A: 1\r\n\r\nbody\r\n")
        << int(LineEndings::Crlf) << true;
    QTest::newRow("lf-no-final-newline")
        << QByteArray("A: 1\n\nbody") << QByteArray("A: 1\r\n\r\nbody\r\n") << int(LineEndings::Lf)
        << true;
}

void TestMessage::lineEndings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(int, endings);
    QFETCH(bool, normalized);
    const Message m = Message::parse(input);
    QCOMPARE(m.original(), input);
    QCOMPARE(m.bytes(), expected);
    QCOMPARE(int(m.lineEndings()), endings);
    QCOMPARE(m.isNormalized(), normalized);
    checkOffsetMap(m);
    QCOMPARE(m.originalOffset(m.bytes().size()), qint64(input.size()));
    QVERIFY(!m.headers().isEmpty());
    QVERIFY(m.hasBody());
    if (endings == int(LineEndings::Lf))
        QVERIFY(hasNote(m, QStringLiteral("LF line endings"), Status::Info));
    if (endings == int(LineEndings::Mixed))
        QVERIFY(hasNote(m, QStringLiteral("mixes CRLF"), Status::Warning));
    if (input.contains("\rx"))
        QVERIFY(hasNote(m, QStringLiteral("carriage return"), Status::Warning));
    if (!input.endsWith('\n'))
        QVERIFY(hasNote(m, QStringLiteral("no line ending"), Status::Info));
}

void TestMessage::folding()
{
    // RFC 5322 2.2.3: a field may be folded; unfolding removes the CRLFs only.
    const QByteArray in = "Subject: hello\r\n  world\r\n\tagain\r\nTo: a@example.org\r\n\r\nx\r\n";
    const Message m = Message::parse(in);
    QCOMPARE(m.headers().size(), 2);
    const HeaderField& f = m.headers().at(0);
    QCOMPARE(f.name, QByteArrayView("Subject"));
    QCOMPARE(f.raw, QByteArrayView("Subject: hello\r\n  world\r\n\tagain\r\n"));
    QCOMPARE(f.value, QByteArrayView(" hello\r\n  world\r\n\tagain"));
    QCOMPARE(f.offset, qint64(0));
    QCOMPARE(f.valueOffset, qint64(8));
    QCOMPARE(f.index, 0);
    QCOMPARE(f.unfolded(), QByteArray(" hello  world\tagain"));
    QCOMPARE(f.decoded(), QStringLiteral("hello  world\tagain"));
    const HeaderField& t = m.headers().at(1);
    QCOMPARE(t.index, 1);
    QCOMPARE(t.offset, qint64(f.raw.size()));
    QCOMPARE(m.bytes().mid(t.offset, t.raw.size()), QByteArray("To: a@example.org\r\n"));
    QCOMPARE(m.headerEnd(), qint64(in.indexOf("\r\n\r\n") + 2));
    QCOMPARE(m.bodyOffset(), qint64(in.indexOf("\r\n\r\n") + 4));
    QCOMPARE(m.body(), QByteArrayView("x\r\n"));
}

void TestMessage::unfoldedRuns_data()
{
    // RFC 5322 2.2.3: every CRLF in a value is folding and goes; a lone CR or LF stays.
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("RFC 5322 2.2.3 no folding") << QByteArray(" plain") << QByteArray(" plain");
    QTest::newRow("RFC 5322 2.2.3 one fold") << QByteArray(" a\r\n b") << QByteArray(" a b");
    QTest::newRow("RFC 5322 2.2.3 folds in a row")
        << QByteArray("\r\n\r\n x\r\n\ty") << QByteArray(" x\ty");
    QTest::newRow("lone CR kept") << QByteArray("a\rb\r") << QByteArray("a\rb\r");
    QTest::newRow("lone LF kept") << QByteArray("a\nb") << QByteArray("a\nb");
    QTest::newRow("CR before CRLF") << QByteArray("a\r\r\n b") << QByteArray("a\r b");
    QTest::newRow("CRLF at the end") << QByteArray("a\r\n") << QByteArray("a");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestMessage::unfoldedRuns()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    HeaderField f;
    f.value = value;
    QCOMPARE(f.unfolded(), expected);
}

void TestMessage::obsWhitespaceBeforeColon()
{
    // RFC 5322 4.5.8: obsolete syntax allows whitespace between the name and the colon.
    const Message m = Message::parse("Subject : old style\r\n\r\n");
    QCOMPARE(m.headers().size(), 1);
    QCOMPARE(m.headers().at(0).name, QByteArrayView("Subject"));
    QVERIFY(m.headers().at(0).nameIs("subject"));
    QCOMPARE(m.headers().at(0).value, QByteArrayView(" old style"));
}

void TestMessage::fieldsAndFirst()
{
    const Message m = Message::parse("Received: a\r\nreceived: b\r\nX: 1\r\nRECEIVED: c\r\n\r\n");
    const auto rs = m.fields("Received");
    QCOMPARE(rs.size(), 3);
    QCOMPARE(rs.at(0)->value, QByteArrayView(" a"));
    QCOMPARE(rs.at(2)->value, QByteArrayView(" c"));
    QCOMPARE(rs.at(2)->index, 3);
    QVERIFY(m.first("x"));
    QCOMPARE(m.first("x")->value, QByteArrayView(" 1"));
    QVERIFY(!m.first("Missing"));
    QVERIFY(m.fields("Missing").isEmpty());
}

void TestMessage::headerOnly()
{
    const QByteArray in = "From: a@example.org\nSubject: hi\n";
    const Message m = Message::parse(in);
    QVERIFY(!m.hasBody());
    QCOMPARE(m.headers().size(), 2);
    QCOMPARE(m.bodyOffset(), qint64(m.bytes().size()));
    QCOMPARE(m.headerEnd(), qint64(m.bytes().size()));
    QVERIFY(m.body().isEmpty());
    QVERIFY(hasNote(m, QStringLiteral("body is not available"), Status::Info));
    QCOMPARE(m.parseStep().fact(QStringLiteral("body")), QStringLiteral("not available"));
}

void TestMessage::emptyBody()
{
    const Message m = Message::parse("From: a@example.org\r\n\r\n");
    QVERIFY(m.hasBody());
    QVERIFY(m.body().isEmpty());
    QCOMPARE(m.bodyOffset(), qint64(m.bytes().size()));
}

void TestMessage::mboxFromLine()
{
    const QByteArray in = "From sender@example.org Sat Jan  3 01:05:34 2026\nFrom: a@example.org\n"
                          "Subject: s\n\nbody\n";
    const Message m = Message::parse(in);
    QVERIFY(m.bytes().startsWith("From: a@example.org\r\n"));
    QCOMPARE(m.headers().size(), 2);
    QVERIFY(hasNote(m, QStringLiteral("mbox separator"), Status::Info));
    checkOffsetMap(m);
    QCOMPARE(m.originalOffset(0), qint64(in.indexOf("From:")));
    const Step s = m.parseStep();
    QCOMPARE(s.fact(QStringLiteral("mbox separator")),
        QStringLiteral("From sender@example.org Sat Jan  3 01:05:34 2026"));
    // "From :" with whitespace is a header field (obs syntax), not a separator.
    const Message h = Message::parse("From : a@example.org\r\n\r\n");
    QCOMPARE(h.headers().size(), 1);
    QVERIFY(!h.isNormalized());
}

void TestMessage::showOriginalPaste()
{
    // Leading blank lines, uniform indentation, no final newline: as copied from a viewer.
    const QByteArray in = "\n\n    Received: from a by b;\n      Sat, 3 Jan 2026 01:05:34 +0000\n"
                          "    From: a@example.org\n    Subject: hi\n\n    Hello\n    World";
    const Message m = Message::parse(in);
    QCOMPARE(m.bytes(),
        QByteArray("Received: from a by b;\r\n  Sat, 3 Jan 2026 01:05:34 +0000\r\n"
                   "From: a@example.org\r\nSubject: hi\r\n\r\nHello\r\nWorld\r\n"));
    QCOMPARE(m.headers().size(), 3);
    QVERIFY(m.hasBody());
    QCOMPARE(m.body(), QByteArrayView("Hello\r\nWorld\r\n"));
    QVERIFY(hasNote(m, QStringLiteral("leading"), Status::Info));
    QVERIFY(hasNote(m, QStringLiteral("indented"), Status::Info));
    QVERIFY(hasNote(m, QStringLiteral("no line ending"), Status::Info));
    checkOffsetMap(m);
    QCOMPARE(m.originalOffset(0), qint64(in.indexOf("Received")));
    QCOMPARE(m.originalOffset(m.bytes().indexOf("World")), qint64(in.indexOf("World")));
}

void TestMessage::fieldCounts()
{
    // RFC 5322 3.6: exactly one From and one Date; a second From is a spoofing trick.
    const Message m = Message::parse("From: a@example.org\r\nFrom: b@example.net\r\n"
                                     "Subject: caf\xe9\r\n\r\n");
    QVERIFY(hasNote(m, QStringLiteral("2 From fields"), Status::Warning));
    QVERIFY(hasNote(m, QStringLiteral("no Date field"), Status::Info));
    QVERIFY(hasNote(m, QStringLiteral("not UTF-8"), Status::Warning));
    for (const ParseNote& n : m.notes()) {
        if (n.text.contains(QLatin1String("2 From fields")))
            QCOMPARE(n.spans.at(0).offset, m.headers().at(1).offset);
    }
    const Message ok = Message::parse("From: a@example.org\r\nDate: Sat, 3 Jan 2026 01:05:34 "
                                      "+0000\r\nSubject: caf\xc3\xa9\r\n\r\n");
    QVERIFY(ok.notes().isEmpty());
    QCOMPARE(ok.parseStep().status, Status::Info);
}

void TestMessage::byteOrderMark()
{
    const QByteArray in = "\xEF\xBB\xBF\nFrom: a@example.org\n\nx\n";
    const Message m = Message::parse(in);
    QCOMPARE(m.headers().size(), 1);
    QVERIFY(m.bytes().startsWith("From: "));
    QVERIFY(hasNote(m, QStringLiteral("byte order mark"), Status::Info));
    QCOMPARE(m.originalOffset(0), qint64(4));
    checkOffsetMap(m);
}

void TestMessage::notAHeaderLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("fields");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    QTest::newRow("rfc5322-2.1-missing-blank-line")
        << QByteArray("From: a@example.org\r\nSubject: x\r\nHello there\r\nbye\r\n") << 2
        << QByteArray("Hello there\r\nbye\r\n") << int(Status::Warning);
    QTest::newRow("no-headers-at-all")
        << QByteArray("just some text\r\n") << 0 << QByteArray("just some text\r\n")
        << int(Status::PermError);
    QTest::newRow("leading-continuation")
        << QByteArray("\x01\x02 garbage\r\n") << 0 << QByteArray("\x01\x02 garbage\r\n")
        << int(Status::PermError);
}

void TestMessage::notAHeaderLine()
{
    QFETCH(QByteArray, input);
    QFETCH(int, fields);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const Message m = Message::parse(input);
    QCOMPARE(m.headers().size(), fields);
    QVERIFY(m.hasBody());
    QCOMPARE(m.body().toByteArray(), body);
    QCOMPARE(int(m.parseStep().status), status);
}

void TestMessage::parseStep()
{
    const Message m = Message::parse("From: a@example.org\nSubject: =?utf-8?q?caf=C3=A9?=\n\nx\n");
    const Step s = m.parseStep();
    QCOMPARE(s.kind, QStringLiteral("message.parse"));
    QCOMPARE(s.fact(QStringLiteral("line endings")), QStringLiteral("LF"));
    QCOMPARE(s.fact(QStringLiteral("normalized to CRLF")), QStringLiteral("yes"));
    QCOMPARE(s.fact(QStringLiteral("header fields")), QStringLiteral("2"));
    QCOMPARE(s.fact(QStringLiteral("body")), QStringLiteral("3 bytes"));
    QCOMPARE(s.spans.size(), 1);
    QCOMPARE(s.spans.at(0), (Span { QStringLiteral("message"), 0, m.bytes().size() }));
    const Step* headers = nullptr;
    for (const Step& c : s.children) {
        if (c.kind == QLatin1String("message.headers"))
            headers = &c;
    }
    QVERIFY(headers);
    QCOMPARE(headers->children.size(), size_t(2));
    QCOMPARE(headers->children.at(1).detail, QStringLiteral("caf\u00e9"));
    QCOMPARE(headers->children.at(1).spans.at(0).offset, m.headers().at(1).offset);
    // Clicking a byte of the Subject field finds the field's step.
    const auto path = deepestStepAt(s, u"message", m.headers().at(1).valueOffset + 2);
    QVERIFY(path);
    QCOMPARE(stepAt(s, *path)->title, QStringLiteral("Subject"));
    QCOMPARE(m.source().id, QStringLiteral("message"));
    QCOMPARE(m.source().bytes, m.bytes());
    QCOMPARE(m.originalSource().id, QStringLiteral("original"));
    QCOMPARE(m.originalSource().bytes, m.original());
}

void TestMessage::sharedCopies()
{
    const Message m = Message::parse("A: 1\r\n\r\nbody\r\n");
    // CRLF input needs no copy: bytes() shares original().
    QCOMPARE(m.bytes().constData(), m.original().constData());
    Message copy = m;
    QCOMPARE(copy.bytes().constData(), m.bytes().constData());
    QCOMPARE(copy.headers().at(0).name.data(), m.headers().at(0).name.data());
    Message moved = std::move(copy);
    QCOMPARE(moved.headers().size(), 1);
    QCOMPARE(copy.headers().size(), 0); // a moved-from Message is empty, not broken
    const Message def;
    QVERIFY(def.bytes().isEmpty());
    QVERIFY(!def.hasBody());
}

void TestMessage::structureOnFirstUse()
{
    // The MIME tree is made when first asked for (mime(), notes(), parseStep()); its notes
    // come after parsing's own, whichever is asked first, and copies share the one result.
    const QByteArray text("Subject: a\r\nSubject: b\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n"
                          "--x\r\n\r\npart one\r\n");
    const auto texts = [](const QList<ParseNote>& notes) {
        QStringList t;
        for (const ParseNote& n : notes)
            t << n.text;
        return t;
    };
    const Message byNotes = Message::parse(text);
    const QStringList expected = texts(byNotes.notes());
    QCOMPARE(expected.size(), 4); // parsing's own (no From, no Date, two Subject), then MIME's
    QVERIFY(expected.at(2).contains(QLatin1String("2 Subject")));
    QVERIFY(expected.at(3).contains(QLatin1String("--x--")));
    QCOMPARE(byNotes.mime().children.size(), 1);

    const Message byTree = Message::parse(text);
    const Message copy = byTree;
    QList<QThread*> threads;
    QStringList seen[4];
    for (int i = 0; i < 4; ++i) {
        threads << QThread::create([&, i] {
            const Message& m = i % 2 ? copy : byTree;
            if (i < 2)
                (void)m.mime();
            seen[i] = texts(m.notes());
        });
    }
    for (QThread* t : threads)
        t->start();
    for (QThread* t : threads) {
        t->wait();
        delete t;
    }
    for (const QStringList& s : seen)
        QCOMPARE(s, expected);
    QCOMPARE(&copy.mime(), &byTree.mime());
}

void TestMessage::rfc2047_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray("hello") << QStringLiteral("hello");
    QTest::newRow("rfc2047-4.1-b") << QByteArray("=?UTF-8?B?Y2Fmw6k=?=") << QStringLiteral("café");
    QTest::newRow("rfc2047-4.2-q-underscore")
        << QByteArray("=?iso-8859-1?q?caf=E9_au_lait?=") << QStringLiteral("café au lait");
    QTest::newRow("rfc2047-6.2-adjacent-joined")
        << QByteArray("=?utf-8?q?a?= =?utf-8?q?b?=") << QStringLiteral("ab");
    QTest::newRow("rfc2047-6.2-text-between-kept")
        << QByteArray("=?utf-8?q?a?= and =?utf-8?q?b?=") << QStringLiteral("a and b");
    QTest::newRow("split-multibyte-across-words")
        << QByteArray("=?utf-8?B?w6k=?= =?utf-8?q?=C3?= =?utf-8?q?=A9?=") << QStringLiteral("éé");
    QTest::newRow("rfc2231-5-language") << QByteArray("=?utf-8*en?q?hi?=") << QStringLiteral("hi");
    QTest::newRow("malformed-bad-base64-kept")
        << QByteArray("x =?utf-8?B?***?= y") << QStringLiteral("x =?utf-8?B?***?= y");
    QTest::newRow("malformed-bad-q-kept")
        << QByteArray("=?utf-8?q?a=Z?=") << QStringLiteral("=?utf-8?q?a=Z?=");
    QTest::newRow("malformed-unknown-encoding-kept")
        << QByteArray("=?utf-8?x?abc?=") << QStringLiteral("=?utf-8?x?abc?=");
    QTest::newRow("unterminated-kept")
        << QByteArray("=?utf-8?q?abc") << QStringLiteral("=?utf-8?q?abc");
    QTest::newRow("unknown-charset-kept") << QByteArray("=?x-no-such-charset?q?abc?=")
                                          << QStringLiteral("=?x-no-such-charset?q?abc?=");
    QTest::newRow("rfc2047-charset-iso-8859-2")
        << QByteArray("=?ISO-8859-2?Q?Pozdrawiam_=B1?=") << QStringLiteral("Pozdrawiam \u0105");
    QTest::newRow("rfc2047-truncated-multibyte-replaced")
        << QByteArray("=?utf-8?q?caf=C3?=") << QStringLiteral("caf\ufffd");
    QTest::newRow("rfc6532-utf8-raw") << QByteArray("caf\xc3\xa9") << QStringLiteral("café");
}

void TestMessage::rfc2047()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(decodeRfc2047(input), expected);
}

void TestMessage::decodedField()
{
    const Message m = Message::parse("Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n =?utf-8?q?_aus?=\r\n"
                                     " Berlin\r\n\r\n");
    QCOMPARE(m.headers().at(0).decoded(), QStringLiteral("Grüße aus Berlin"));
}

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
