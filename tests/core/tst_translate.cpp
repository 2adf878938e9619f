// core/trace: the per-thread memo of translated texts follows translators as they are
// installed and removed, on the thread that asks and on others.

#include "dmarc/Author.h"
#include "trace/Translate.h"

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

QTEST_GUILESS_MAIN(TestTranslate)
#include "tst_translate.moc"
