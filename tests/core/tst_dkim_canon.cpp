// RFC 6376 3.2 tag-lists and 3.4 canonicalization, pinned by RFC examples and edge cases.
#include "dkim/Canon.h"
#include "dkim/CanonScan.h"
#include "dkim/TagList.h"
#include "message/Message.h"

#include <QtTest>

using namespace ms::dkim;

class TestDkimCanon : public QObject
{
    Q_OBJECT
    // The vector scan both ways: AVX2 (where the CPU has it, else the baseline again) and
    // the SSE2 baseline every x86-64 CPU has.
    static void scanVariants()
    {
        QTest::addColumn<bool>("avx2");
        QTest::newRow("AVX2 scan") << true;
        QTest::newRow("SSE2 scan") << false;
    }

private slots:
    void tagList_data();
    void tagList();
    void tagListSpans();
    void tagListDuplicate();
    void emptyB_data();
    void emptyB();
    void headerRelaxed_data();
    void headerRelaxed();
    void body_data();
    void body();
    void bodyStreamingAnyChunking();
    void bodyLineBoundaries();
    void bodyMatchesLineByLineReference_data() { scanVariants(); }
    void bodyMatchesLineByLineReference();
    void bodyMailLikeLines_data() { scanVariants(); }
    void bodyMailLikeLines();
    void headerList();
    void qpDecode();
    void selectBottomUp();
};

void TestDkimCanon::tagList_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("dump"); // name=value|...
    QTest::newRow("RFC 6376 3.2 basic") << QByteArray("v=1; a=rsa-sha256; d=example.net") << true
                                        << QByteArray("v=1|a=rsa-sha256|d=example.net");
    QTest::newRow("RFC 6376 3.2 trailing semicolon")
        << QByteArray("v=1; a=x;") << true << QByteArray("v=1|a=x");
    QTest::newRow("RFC 6376 3.2 FWS around tags and =")
        << QByteArray(" v = 1 ;\r\n\t a\r\n =  x y \r\n ;") << true << QByteArray("v=1|a=x y");
    QTest::newRow("RFC 6376 3.2 empty value is not omitted")
        << QByteArray("p=; v=DKIM1") << true << QByteArray("p=|v=DKIM1");
    QTest::newRow("RFC 6376 3.2 tag names are case-sensitive")
        << QByteArray("V=1; v=2") << true << QByteArray("V=1|v=2");
    QTest::newRow("RFC 6376 3.2 no =")
        << QByteArray("v=1; abc; d=x") << false << QByteArray("v=1|d=x");
    QTest::newRow("RFC 6376 3.2 name starts with digit")
        << QByteArray("1a=2") << false << QByteArray("");
    QTest::newRow("RFC 6376 3.2 control char in value")
        << QByteArray("a=x\x01y") << false << QByteArray("a=x\x01y");
    QTest::newRow("RFC 6376 3.2 8-bit value tolerated")
        << QByteArray("n=caf\xc3\xa9") << true << QByteArray("n=caf\xc3\xa9");
    QTest::newRow("empty") << QByteArray("") << true << QByteArray("");
    QTest::newRow("double semicolon is a note")
        << QByteArray("a=1;;b=2") << true << QByteArray("a=1|b=2");
}

void TestDkimCanon::tagList()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, dump);
    const TagList l = TagList::parse(text);
    QCOMPARE(l.isValid(), valid);
    QByteArrayList parts;
    for (const Tag& t : l.tags())
        parts.append(t.name + '=' + t.value);
    QCOMPARE(parts.join('|'), dump);
}

void TestDkimCanon::tagListSpans()
{
    const QByteArray text = "v=1;  bh = abc ; b=\r\n xyz";
    const TagList l = TagList::parse(text, 100);
    const Tag* bh = l.find("bh");
    QVERIFY(bh);
    QCOMPARE(text.mid(bh->valueOffset - 100, bh->valueLength), QByteArray("abc"));
    QCOMPARE(text.mid(bh->offset - 100, bh->length), QByteArray("bh = abc"));
    const Tag* b = l.find("b");
    QCOMPARE(b->value, QByteArray("xyz"));
    QCOMPARE(text.mid(b->valueOffset - 100, b->valueLength), QByteArray("xyz"));
    QCOMPARE(b->rawValueEnd - 100, text.size());
}

void TestDkimCanon::tagListDuplicate()
{
    const TagList l = TagList::parse("v=1; d=a.example; d=b.example");
    QVERIFY(!l.isValid());
    QCOMPARE(l.duplicate(), QByteArray("d"));
    QCOMPARE(l.value("d"), QByteArray("a.example"));
}

void TestDkimCanon::emptyB_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("RFC 6376 3.7 b= last, folded")
        << QByteArray("DKIM-Signature: v=1; bh=abc=;\r\n b=AAAA\r\n  BBBB=\r\n")
        << QByteArray("DKIM-Signature: v=1; bh=abc=;\r\n b=\r\n");
    QTest::newRow("RFC 6376 3.7 b= in the middle keeps bh=")
        << QByteArray("DKIM-Signature: b = AAAA ; bh=xyz; d=x\r\n")
        << QByteArray("DKIM-Signature: b =; bh=xyz; d=x\r\n");
    QTest::newRow("no b tag") << QByteArray("X: a=1\r\n") << QByteArray("X: a=1\r\n");
    QTest::newRow("ARC-Seal b=") << QByteArray("ARC-Seal: i=1; b=abc; cv=none")
                                 << QByteArray("ARC-Seal: i=1; b=; cv=none");
}

void TestDkimCanon::emptyB()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, expected);
    QCOMPARE(emptyTagValue(field, "b"), expected);
}

void TestDkimCanon::headerRelaxed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("relaxed");
    // RFC 6376 3.4.5 example 1 (header part)
    QTest::newRow("RFC 6376 3.4.5 A") << QByteArray("A: X\r\n") << QByteArray("a:X\r\n");
    QTest::newRow("RFC 6376 3.4.5 B folded")
        << QByteArray("B : Y\t\r\n\tZ  \r\n") << QByteArray("b:Y Z\r\n");
    QTest::newRow("RFC 6376 3.4.2 WSP around colon")
        << QByteArray("Subject \t:\t  hi   there \r\n") << QByteArray("subject:hi there\r\n");
    QTest::newRow("RFC 6376 3.4.2 empty value")
        << QByteArray("X-Empty:   \r\n") << QByteArray("x-empty:\r\n");
    QTest::newRow("RFC 6376 3.4.2 8-bit bytes kept")
        << QByteArray("Subject: caf\xc3\xa9  ok\r\n") << QByteArray("subject:caf\xc3\xa9 ok\r\n");
    QTest::newRow("RFC 6376 3.4.2 no final CRLF") << QByteArray("To: a") << QByteArray("to:a\r\n");
    QTest::newRow("RFC 6376 3.4.2 bare CR is not WSP")
        << QByteArray("X: a\rb\r\n") << QByteArray("x:a\rb\r\n");
}

void TestDkimCanon::headerRelaxed()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, relaxed);
    QCOMPARE(canonHeaderRelaxed(raw), relaxed);
    QCOMPARE(canonHeader(Canon::Simple, raw), raw.endsWith("\r\n") ? raw : raw + "\r\n");
}

void TestDkimCanon::body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("simple");
    QTest::addColumn<QByteArray>("relaxed");
    QTest::newRow("RFC 6376 3.4.5 example body")
        << QByteArray(" C \r\nD \t E\r\n\r\n\r\n") << QByteArray(" C \r\nD \t E\r\n")
        << QByteArray(" C\r\nD E\r\n");
    QTest::newRow("RFC 6376 3.4.3 empty body")
        << QByteArray() << QByteArray("\r\n") << QByteArray();
    QTest::newRow("RFC 6376 3.4.3 only CRLFs")
        << QByteArray("\r\n\r\n") << QByteArray("\r\n") << QByteArray();
    QTest::newRow("RFC 6376 3.4.3 no final CRLF")
        << QByteArray("abc") << QByteArray("abc\r\n") << QByteArray("abc\r\n");
    QTest::newRow("RFC 6376 3.4.4 whitespace-only trailing lines") << QByteArray(
        "a\r\n  \r\n\t\r\n") << QByteArray("a\r\n  \r\n\t\r\n") << QByteArray("a\r\n");
    QTest::newRow("RFC 6376 3.4.4 inner empty lines kept")
        << QByteArray("a\r\n\r\n \r\nb\r\n") << QByteArray("a\r\n\r\n \r\nb\r\n")
        << QByteArray("a\r\n\r\n\r\nb\r\n");
    QTest::newRow("RFC 6376 3.4.3 bare CR and LF are data")
        << QByteArray("a\rb\nc \r\n") << QByteArray("a\rb\nc \r\n") << QByteArray("a\rb\nc\r\n");
    QTest::newRow("RFC 6376 3.4.4 trailing whitespace without CRLF")
        << QByteArray("a\r\n   ") << QByteArray("a\r\n   \r\n") << QByteArray("a\r\n");
    QTest::newRow("8-bit bytes") << QByteArray("\xff\xfe  x\r\n") << QByteArray("\xff\xfe  x\r\n")
                                 << QByteArray("\xff\xfe x\r\n");
}

void TestDkimCanon::body()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, simple);
    QFETCH(QByteArray, relaxed);
    QCOMPARE(canonBody(Canon::Simple, body), simple);
    QCOMPARE(canonBody(Canon::Relaxed, body), relaxed);
}

void TestDkimCanon::bodyStreamingAnyChunking()
{
    const QByteArray body = "Hi  there \r\n\r\n\tx\r\n \r\ny\rz\r\n\r\n \r\n";
    for (Canon c : { Canon::Simple, Canon::Relaxed }) {
        const QByteArray whole = canonBody(c, body);
        for (int size = 1; size <= 5; ++size) {
            BodyCanonicalizer b(c);
            for (int i = 0; i < body.size(); i += size)
                b.feed(QByteArrayView(body).sliced(i, qMin<qsizetype>(size, body.size() - i)));
            b.finish();
            QCOMPARE(b.output(), whole);
        }
    }
}

void TestDkimCanon::bodyLineBoundaries()
{
    const QByteArray body = "one  \r\n\r\ntwo\r\n\r\n\r\n";
    BodyCanonicalizer b(Canon::Relaxed);
    b.feed(body);
    b.finish();
    QCOMPARE(b.output(), QByteArray("one\r\n\r\ntwo\r\n"));
    QCOMPARE(b.lines().size(), 3);
    QCOMPARE(b.lines()[0].inOffset, 0);
    QCOMPARE(b.lines()[0].inLength, 7);
    QCOMPARE(b.lines()[0].outLength, 5);
    QCOMPARE(b.lines()[2].inOffset, 9);
    QCOMPARE(b.lines()[2].outOffset, 7);
    QCOMPARE(b.ignoredTrailingLines(), 2);
    QCOMPARE(b.ignoredTrailingOffset(), 14);
    QCOMPARE(b.ignoredTrailingLength(), 4);
    QVERIFY(!b.addedFinalCrlf());
}

namespace {

// RFC 6376 3.4.3/3.4.4 written the plain way (split at CRLF, rewrite each line, drop the
// empty lines at the end), to check the streaming canonicalizer's fast paths against.
QByteArray referenceBody(Canon c, const QByteArray& body)
{
    QList<QByteArray> lines;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype nl = body.indexOf("\r\n", pos);
        if (nl < 0)
            break;
        lines.append(body.mid(pos, nl - pos));
        pos = nl + 2;
    }
    if (pos < body.size())
        lines.append(body.mid(pos));
    if (c == Canon::Relaxed) {
        for (QByteArray& l : lines) {
            QByteArray out;
            bool wsp = false;
            for (char ch : std::as_const(l)) {
                if (ch == ' ' || ch == '\t') {
                    wsp = true;
                    continue;
                }
                if (wsp)
                    out.append(' ');
                wsp = false;
                out.append(ch);
            }
            l = out;
        }
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    QByteArray out;
    for (const QByteArray& l : std::as_const(lines))
        out += l + "\r\n";
    if (out.isEmpty() && c == Canon::Simple)
        out = "\r\n";
    return out;
}

} // namespace

void TestDkimCanon::bodyMatchesLineByLineReference()
{
    QFETCH(bool, avx2);
    setCanonScanAvx2Allowed(avx2);
    const auto restore = qScopeGuard([] { setCanonScanAvx2Allowed(true); });
    // Random bodies over the bytes that matter (WSP, CR, LF, others), with lines longer
    // than the canonicalizer's 16 KiB staging buffer, fed in random chunks.
    quint32 x = 7;
    auto next = [&x](quint32 m) {
        x = x * 1664525u + 1013904223u;
        return (x >> 8) % m;
    };
    static const char alphabet[] = { 'a', 'b', ' ', ' ', '\t', '\r', '\n', 'z' };
    for (int round = 0; round < 300; ++round) {
        QByteArray body;
        const int parts = int(next(40));
        for (int i = 0; i < parts; ++i) {
            const quint32 kind = next(10);
            if (kind == 0)
                body += QByteArray(int(next(40000)), 'x'); // a very long run
            else if (kind == 1)
                body += QByteArray(int(next(20000)), ' ') + "y"; // a very long WSP run
            else if (kind < 5)
                body += "\r\n";
            else
                body += alphabet[next(sizeof alphabet)];
        }
        for (Canon c : { Canon::Simple, Canon::Relaxed }) {
            const QByteArray want = referenceBody(c, body);
            BodyCanonicalizer b(c, BodyCanonicalizer::KeepAll);
            QByteArray sunk;
            BodyCanonicalizer viaSink(
                c, BodyCanonicalizer::KeepNothing, [&sunk](QByteArrayView v) { sunk += v; });
            for (qsizetype i = 0; i < body.size();) {
                const qsizetype n = qMin<qsizetype>(1 + next(30000), body.size() - i);
                b.feed(QByteArrayView(body).sliced(i, n));
                viaSink.feed(QByteArrayView(body).sliced(i, n));
                i += n;
            }
            b.finish();
            viaSink.finish();
            QCOMPARE(b.output(), want);
            QCOMPARE(sunk, want);
            QCOMPARE(viaSink.outputSize(), want.size());
            QVERIFY(viaSink.output().isEmpty());
            // The line table covers the output exactly.
            qint64 at = 0;
            for (const CanonLine& l : b.lines()) {
                QCOMPARE(l.outOffset, at);
                at += l.outLength;
            }
            QCOMPARE(at, qint64(want.size()));
        }
    }
}

void TestDkimCanon::bodyMailLikeLines()
{
    QFETCH(bool, avx2);
    setCanonScanAvx2Allowed(avx2);
    const auto restore = qScopeGuard([] { setCanonScanAvx2Allowed(true); });
    // Bodies as mail has them (base64 and text lines, single spaces, trailing WSP, empty
    // lines, lines starting with WSP), where the vectorised scan writes most CRLFs itself:
    // the hashing canonicalizer (no line records) must give the reference bytes and the
    // same line count as the one keeping line records, in any chunking (RFC 6376 3.4.3,
    // 3.4.4).
    quint32 x = 11;
    auto next = [&x](quint32 m) {
        x = x * 1664525u + 1013904223u;
        return (x >> 8) % m;
    };
    static const char* const lines[] = { "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w",
        "Hello world, this is a line of text with single spaces.", "", "trailing  \t ",
        " leading space", "\tleading tab and  two  spaces", "x", "--boundary-1234567890" };
    for (int round = 0; round < 400; ++round) {
        QByteArray body;
        const int count = int(next(60));
        for (int i = 0; i < count; ++i)
            body += QByteArray(lines[next(sizeof lines / sizeof *lines)]) + "\r\n";
        if (next(4) == 0)
            body += "no final CRLF";
        for (Canon c : { Canon::Simple, Canon::Relaxed }) {
            const QByteArray want = referenceBody(c, body);
            BodyCanonicalizer all(c, BodyCanonicalizer::KeepAll);
            BodyCanonicalizer out(c, BodyCanonicalizer::KeepOutput);
            for (qsizetype i = 0; i < body.size();) {
                const qsizetype n = qMin<qsizetype>(1 + next(700), body.size() - i);
                all.feed(QByteArrayView(body).sliced(i, n));
                out.feed(QByteArrayView(body).sliced(i, n));
                i += n;
            }
            all.finish();
            out.finish();
            QCOMPARE(out.output(), want);
            QCOMPARE(all.output(), want);
            QCOMPARE(out.lineCount(), all.lineCount());
            QCOMPARE(out.lineCount(), qint64(all.lines().size()));
            QCOMPARE(out.ignoredTrailingLines(), all.ignoredTrailingLines());
            QCOMPARE(out.ignoredTrailingOffset(), all.ignoredTrailingOffset());
            QCOMPARE(out.addedFinalCrlf(), all.addedFinalCrlf());
        }
    }
}

void TestDkimCanon::headerList()
{
    QCOMPARE(splitHeaderList("Received : From : To\r\n :Subject"),
        (QList<QByteArray> { "Received", "From", "To", "Subject" }));
}

void TestDkimCanon::qpDecode()
{
    QCOMPARE(decodeDkimQuotedPrintable("From:foo=40bar.example|To:a=3Db =\r\n x"),
        QByteArray("From:foo@bar.example|To:a=b=x"));
}

void TestDkimCanon::selectBottomUp()
{
    const ms::Message m = ms::Message::parse("Received: r1\r\nFrom: a\r\nReceived: r2\r\n"
                                             "Subject: s\r\n\r\nbody\r\n");
    QCOMPARE(m.headers().size(), 4);
    // RFC 6376 5.4.2: bottom-up; a name listed more often than it occurs selects nothing.
    const auto sel
        = selectHeaders(m.headers(), { "received", "From", "Received", "received", "to" });
    QCOMPARE(sel.size(), 5);
    QCOMPARE(sel[0].fieldIndex, 2);
    QCOMPARE(sel[1].fieldIndex, 1);
    QCOMPARE(sel[2].fieldIndex, 0);
    QCOMPARE(sel[3].fieldIndex, -1);
    QCOMPARE(sel[4].fieldIndex, -1);
    // the excluded field (the signature itself) is never taken
    const auto ex = selectHeaders(m.headers(), { "received" }, 2);
    QCOMPARE(ex[0].fieldIndex, 0);
}

QTEST_GUILESS_MAIN(TestDkimCanon)
#include "tst_dkim_canon.moc"
