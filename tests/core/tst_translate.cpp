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

QTEST_GUILESS_MAIN(TestTranslate)
#include "tst_translate.moc"
