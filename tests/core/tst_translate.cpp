// core/trace: the per-thread memo of translated texts follows translators as they are
// installed and removed, on the thread that asks and on others.

#include "dmarc/Author.h"
#include "dns/ZoneResolver.h"
#include "spf/Spf.h"
#include "trace/Translate.h"
#include "verify/BatchMemo.h"

#include <QTest>
#include <QThreadPool>
#include <QTranslator>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

using namespace ms;

namespace {

// Marks every text it translates, so the test sees which translator answered.
class MarkingTranslator : public QTranslator
{
public:
    explicit MarkingTranslator(QString mark)
        : m_mark(std::move(mark))
    {
    }
    QString translate(const char*, const char* sourceText, const char*, int) const override
    {
        return m_mark + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }

private:
    QString m_mark;
};

// A text an engine function translates: the problem DMARC reports for "From: <>".
QString engineText()
{
    const dmarc::AddressList l = dmarc::parseAddressList("<>", QStringLiteral("message"), 0);
    return l.problems.value(0);
}

const char* const kContext = "ms::dmarc";
const char* const kText = "An empty address \"<>\" was found.";

} // namespace

class TestTranslate : public QObject
{
    Q_OBJECT

public:
    TestTranslate()
    {
        m_worker.setMaxThreadCount(1);
        m_worker.setExpiryTimeout(-1);
    }

private slots:
    void followsTranslators_data();
    void followsTranslators();
    void sameTextOtherContext();
    void spfRecordMemo();
    void fillsLikeMultiArg_data();
    void fillsLikeMultiArg();
    void decimalLikeNumber_data();
    void decimalLikeNumber();
    void latin1TextLikeFromLatin1_data();
    void latin1TextLikeFromLatin1();

private:
    // One worker thread that lives through the whole test, so its memo outlives each change
    // (QThreadPool::waitForDone() would end the thread, and its memo with it).
    QThreadPool m_worker;
    QString onWorker(const std::function<QString()>& f)
    {
        return QtConcurrent::run(&m_worker, f).result();
    }
};

void TestTranslate::followsTranslators_data()
{
    QTest::addColumn<bool>("worker");
    QTest::newRow("asking thread") << false;
    QTest::newRow("other thread, memo filled before the change") << true;
}

void TestTranslate::followsTranslators()
{
    QFETCH(bool, worker);
    auto ask = [&](const std::function<QString()>& f) { return worker ? onWorker(f) : f(); };
    const QString plain = QString::fromUtf8(kText);

    // Filled with the untranslated text first (twice: the second answer is the memo's).
    QCOMPARE(ask(engineText), plain);
    QCOMPARE(ask(engineText), plain);
    QCOMPARE(ask([] { return ms::translate(kContext, kText); }), plain);

    MarkingTranslator first(QStringLiteral("[1]"));
    QVERIFY(QCoreApplication::installTranslator(&first));
    QCOMPARE(ask(engineText), QStringLiteral("[1]") + plain);
    QCOMPARE(ask([] { return ms::translate(kContext, kText); }), QStringLiteral("[1]") + plain);

    // The newest translator answers first (QCoreApplication's order).
    MarkingTranslator second(QStringLiteral("[2]"));
    QVERIFY(QCoreApplication::installTranslator(&second));
    QCOMPARE(ask(engineText), QStringLiteral("[2]") + plain);

    QVERIFY(QCoreApplication::removeTranslator(&second));
    QCOMPARE(ask(engineText), QStringLiteral("[1]") + plain);
    QVERIFY(QCoreApplication::removeTranslator(&first));
    QCOMPARE(ask(engineText), plain);
    QCOMPARE(ask([] { return ms::translate(kContext, kText); }), plain);
}

// The memo is keyed by context and text: one text under two contexts is two entries.
void TestTranslate::sameTextOtherContext()
{
    class OneContext : public QTranslator
    {
    public:
        QString translate(
            const char* context, const char* sourceText, const char*, int) const override
        {
            return qstrcmp(context, "A") == 0 ? QStringLiteral("A:") + QString::fromUtf8(sourceText)
                                              : QString();
        }
        bool isEmpty() const override { return false; }
    } t;
    QVERIFY(QCoreApplication::installTranslator(&t));
    static const char text[] = "shared text";
    QCOMPARE(ms::translate("A", text), QStringLiteral("A:shared text"));
    QCOMPARE(ms::translate("B", text), QStringLiteral("shared text"));
    QCOMPARE(ms::translate("A", text), QStringLiteral("A:shared text"));
    QVERIFY(QCoreApplication::removeTranslator(&t));
    QCOMPARE(ms::translate("A", text), QStringLiteral("shared text"));
}

// A batch shares parsed SPF records through its memo (they carry translated syntax errors):
// a translator change must reach the error of a record parsed before it.
void TestTranslate::spfRecordMemo()
{
    auto zone = dns::ZoneResolver::fromText(
        "$TTL 300\nexample.com. IN TXT \"v=spf1 ip4:192.0.2.1 bogus -all\"\n");
    BatchMemo memo;
    auto reason = [&] {
        spf::SpfRequest req;
        req.ip = QStringLiteral("192.0.2.9");
        req.mailFrom = QStringLiteral("a@example.com");
        req.helo = QStringLiteral("mail.example.com");
        req.explain = false;
        req.memo = &memo;
        const spf::SpfEvaluation ev = spf::evaluate(req, *zone);
        return std::make_pair(ev.result, ev.reason);
    };
    const auto [plainResult, plain] = reason();
    QCOMPARE(plainResult, Status::PermError); // RFC 7208 4.6: a syntax error
    QCOMPARE(memo.size(), 1);
    QCOMPARE(reason().second, plain);
    QCOMPARE(memo.hits(), 1); // the second time from the memo
    QVERIFY(!plain.contains(QLatin1String("[1]")));
    MarkingTranslator marking(QStringLiteral("[1]"));
    QVERIFY(QCoreApplication::installTranslator(&marking));
    const QString marked = reason().second;
    // The sentence and the record's own error (after the colon) both come translated.
    QVERIFY2(marked.startsWith(QLatin1String("[1]")), qPrintable(marked));
    QVERIFY2(marked.contains(QLatin1String(": [1]")), qPrintable(marked));
    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QCOMPARE(reason().second, plain);
}

// ms::fill() gives what QString's multi-argument arg() gives, on its own fast path for plain
// %1..%9 markers and through arg() for anything else.
void TestTranslate::fillsLikeMultiArg_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* text, QStringList args, const char* out) {
        QTest::newRow(name) << QString::fromUtf8(text) << args << QString::fromUtf8(out);
    };
    row("one marker", "Reason: %1.", { "body changed" }, "Reason: body changed.");
    row("marker first and last", "%1 and %1", { "x" }, "x and x");
    row("two in order", "server %1 for %2", { "192.0.2.1", "example.com" },
        "server 192.0.2.1 for example.com");
    // A translation may put the markers the other way round.
    row("two reordered", "%2 のために %1", { "a", "b" }, "b のために a");
    row("three", "%1 matched in %2: %3", { "ip4:192.0.2.0/24", "example.com", "inside" },
        "ip4:192.0.2.0/24 matched in example.com: inside");
    // Lowest markers first, whatever their numbers; a higher one without an argument stays.
    row("numbers with gaps", "%3 then %5", { "a", "b" }, "a then b");
    row("more markers than arguments", "%1 %2 %3", { "a" }, "a %2 %3");
    // An argument is never scanned again (chained .arg() would put "b" into "%2").
    row("argument holding a marker", "%1 / %2", { "x%2y", "b" }, "x%2y / b");
    row("empty argument", "[%1]", { "" }, "[]");
    row("long text, marker past 8 units", "0123456789abcdef%1", { "z" }, "0123456789abcdefz");
    // The rest goes to QString::arg: a two-digit marker, %L1, a lone '%', '%%'.
    row("two-digit marker", "%10 and %1", { "a" }, "%10 and a");
    row("locale marker", "%L1 items", { "5" }, "5 items");
    row("lone percent", "100% of %1", { "mail" }, "100% of mail");
    row("percent at the end", "%1 is 5%", { "x" }, "x is 5%");
}

void TestTranslate::fillsLikeMultiArg()
{
    QFETCH(QString, text);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QString filled;
    switch (args.size()) {
    case 1: filled = fill(text, args.at(0)); break;
    case 2: filled = fill(text, { args.at(0), args.at(1) }); break;
    case 3: filled = fill(text, { args.at(0), args.at(1), args.at(2) }); break;
    default: QFAIL("rows have one to three arguments");
    }
    QCOMPARE(filled, expected);
    // Qt's own multi-argument fill agrees on every row.
    const QString qt = args.size() == 1 ? text.arg(args.at(0))
        : args.size() == 2              ? text.arg(args.at(0), args.at(1))
                                        : text.arg(args.at(0), args.at(1), args.at(2));
    QCOMPARE(filled, qt);
}

// ms::Decimal: the text of QString::number(), made on the stack.
void TestTranslate::decimalLikeNumber_data()
{
    QTest::addColumn<qint64>("n");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("one digit") << qint64(7);
    QTest::newRow("hop number") << qint64(12);
    QTest::newRow("negative") << qint64(-1);
    QTest::newRow("largest") << std::numeric_limits<qint64>::max();
    QTest::newRow("smallest (its magnitude overflows qint64)")
        << std::numeric_limits<qint64>::min();
}

void TestTranslate::decimalLikeNumber()
{
    QFETCH(qint64, n);
    QCOMPARE(QStringView(Decimal(n)).toString(), QString::number(n));
    QCOMPARE(fill(QStringLiteral("hop %1 of %2"), { Decimal(n), Decimal(n + 0) }),
        QStringLiteral("hop %1 of %2").arg(n).arg(n));
}

// ms::Latin1Text: the text of QString::fromLatin1(), on the stack up to 128 bytes.
void TestTranslate::latin1TextLikeFromLatin1_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("domain") << QByteArray("example.com");
    QTest::newRow("high bytes") << QByteArray("caf\xe9 \xff\x80");
    QTest::newRow("127 bytes") << QByteArray(127, 'a');
    QTest::newRow("128 bytes, the stack's size") << QByteArray(128, 'b');
    QTest::newRow("129 bytes, on the heap") << QByteArray(129, 'c');
    QTest::newRow("long record") << QByteArray(5000, '\xe9');
}

void TestTranslate::latin1TextLikeFromLatin1()
{
    QFETCH(QByteArray, bytes);
    const Latin1Text text(bytes);
    QCOMPARE(QStringView(text).toString(), QString::fromLatin1(bytes));
    QCOMPARE(
        fill(QStringLiteral("[%1]"), text), QStringLiteral("[%1]").arg(QString::fromLatin1(bytes)));
}

QTEST_GUILESS_MAIN(TestTranslate)
#include "tst_translate.moc"
