// The vectorised line-ending scan of Message::parse (16 bytes at a time) against a plain
// byte-by-byte reference, on random inputs made of the bytes that matter (CR, LF, NUL)
// at every length around the block size and with every alignment of a CRLF across block
// edges: counts, the LF/CRLF/mixed verdict and the first bare CR and NUL must agree.

#include "message/Message.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ms;

namespace {

struct Counts {
    qint64 crlf = 0, lf = 0, bareCr = 0, nul = 0, firstBareCr = -1, firstNul = -1;
};

Counts reference(const QByteArray& b)
{
    Counts c;
    const qint64 n = b.size();
    for (qint64 i = 0; i < n; ++i) {
        if (b[i] == '\n') {
            if (i > 0 && b[i - 1] == '\r')
                ++c.crlf;
            else
                ++c.lf;
        } else if (b[i] == '\r') {
            if (i + 1 >= n || b[i + 1] != '\n') {
                ++c.bareCr;
                if (c.firstBareCr < 0)
                    c.firstBareCr = i;
            }
        } else if (b[i] == '\0') {
            ++c.nul;
            if (c.firstNul < 0)
                c.firstNul = i;
        }
    }
    return c;
}

QString fact(const Step& s, const QString& key)
{
    for (const Fact& f : s.facts) {
        if (f.key == key)
            return f.value;
    }
    return {};
}

const ParseNote* noteWith(const Message& m, const char* text)
{
    for (const ParseNote& n : m.notes()) {
        if (n.text.contains(QLatin1String(text)))
            return &n;
    }
    return nullptr;
}

} // namespace

class TestMessageScan : public QObject
{
    Q_OBJECT

private slots:
    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray head = "From: a@example.com\r\nSubject: x\r\n\r\n";
        QRandomGenerator rng(6376);
        static const char alphabet[] = { 'a', 'b', ' ', '\r', '\n', '\0' };
        // RFC 5322 2.1: CRLF only; bare CR, bare LF and NUL in every position.
        for (int len = 0; len < 80; ++len) {
            for (int round = 0; round < 6; ++round) {
                QByteArray b = head;
                for (int i = 0; i < len; ++i) {
                    const quint32 r = rng.bounded(100);
                    // Mostly text and CRLF, so CRLFs straddle the 16-byte edges often.
                    if (r < 50)
                        b += 'x';
                    else if (r < 80)
                        b += "\r\n";
                    else
                        b += alphabet[rng.bounded(int(sizeof alphabet))];
                }
                QTest::addRow("RFC 5322 2.1 len %d round %d", len, round) << b;
            }
        }
        QByteArray longLf = head;
        for (int i = 0; i < 5000; ++i)
            longLf += (i % 3 == 0) ? "line\n" : "line\r\n";
        QTest::newRow("RFC 5322 2.1 mixed, long (many 255-block rounds)") << longLf;
        QTest::newRow("RFC 5322 2.1 CR at the very end") << head + QByteArray(40, 'y') + '\r';
        QTest::newRow("RFC 5322 2.1 LF first") << QByteArray("\nFrom: a@b\n\nbody body body\n");
    }

    void lineEndings()
    {
        QFETCH(QByteArray, bytes);
        const Counts c = reference(bytes);
        const Message m = Message::parse(bytes);
        const LineEndings expected = c.crlf > 0 && c.lf == 0 ? LineEndings::Crlf
            : c.lf > 0 && c.crlf == 0                        ? LineEndings::Lf
            : c.lf > 0 && c.crlf > 0                         ? LineEndings::Mixed
                                                             : LineEndings::None;
        QCOMPARE(int(m.lineEndings()), int(expected));
        const Step s = m.parseStep();
        QCOMPARE(fact(s, QStringLiteral("bare CR")),
            c.bareCr > 0 ? QString::number(c.bareCr) : QString());
        QCOMPARE(
            fact(s, QStringLiteral("NUL bytes")), c.nul > 0 ? QString::number(c.nul) : QString());
        if (c.bareCr > 0) {
            const ParseNote* n = noteWith(m, "carriage return");
            QVERIFY(n);
            QCOMPARE(n->spans.value(0).offset, c.firstBareCr);
        }
        if (c.nul > 0) {
            const ParseNote* n = noteWith(m, "NUL");
            QVERIFY(n);
            QCOMPARE(n->spans.value(0).offset, c.firstNul);
        }
        if (expected == LineEndings::Mixed) {
            const ParseNote* n = noteWith(m, "mixes CRLF");
            QVERIFY(n);
            QVERIFY2(
                n->text.contains(QStringLiteral("CRLF (%1)").arg(c.crlf)), qPrintable(n->text));
            QVERIFY2(n->text.contains(QStringLiteral("LF (%1)").arg(c.lf)), qPrintable(n->text));
        } else if (expected == LineEndings::Lf) {
            const ParseNote* n = noteWith(m, "LF line endings");
            QVERIFY(n);
            QVERIFY2(n->text.contains(QStringLiteral("(%1 lines)").arg(c.lf)), qPrintable(n->text));
        }
    }
};

QTEST_GUILESS_MAIN(TestMessageScan)
#include "tst_message_scan.moc"
