// core/message: splitting mbox files (RFC 4155) for the message picker.

#include "message/Message.h"

#include <QTest>

using namespace ms;

class TestMessageMbox : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void entriesParse();
};

void TestMessageMbox::split_data()
{
    QTest::addColumn<QByteArray>("mbox");
    QTest::addColumn<QStringList>("fromLines");
    QTest::addColumn<QStringList>("subjects");
    QTest::addColumn<QList<QByteArray>>("messages");
    QTest::addColumn<QList<int>>("quoted");

    QTest::newRow("rfc4155-lf")
        << QByteArray("From alice@example.net Sat Jan  3 01:05:34 2026\n"
                      "From: alice@example.net\nSubject: =?utf-8?q?caf=C3=A9?=\n\none\n"
                      ">From the start\n\n"
                      "From bob@example.net Sat Jan  3 02:00:00 2026\n"
                      "From: bob@example.net\nSubject: two\n\nFrom here on, not a separator\n"
                      ">>From mboxrd\n")
        << QStringList { "From alice@example.net Sat Jan  3 01:05:34 2026",
               "From bob@example.net Sat Jan  3 02:00:00 2026" }
        << QStringList { QStringLiteral("café"), "two" }
        << QList<QByteArray> { "From: alice@example.net\nSubject: "
                               "=?utf-8?q?caf=C3=A9?=\n\none\n>From the start\n",
               "From: bob@example.net\nSubject: two\n\nFrom here on, not a separator\n"
               ">>From mboxrd\n" }
        << QList<int> { 1, 1 };
    QTest::newRow("rfc4155-crlf") << QByteArray(
        "From a@example.net Sat Jan  3 01:05:34 2026\r\nSubject: a\r\n\r\nx\r\n\r\n"
        "From b@example.net Sat Jan  3 01:05:35 2026\r\nSubject: b\r\n\r\ny\r\n")
                                  << QStringList { "From a@example.net Sat Jan  3 01:05:34 2026",
                                         "From b@example.net Sat Jan  3 01:05:35 2026" }
                                  << QStringList { "a", "b" }
                                  << QList<QByteArray> { "Subject: a\r\n\r\nx\r\n",
                                         "Subject: b\r\n\r\ny\r\n" }
                                  << QList<int> { 0, 0 };
    QTest::newRow("not-an-mbox") << QByteArray("Subject: single\r\n\r\nbody\r\n")
                                 << QStringList { "" } << QStringList { "single" }
                                 << QList<QByteArray> { "Subject: single\r\n\r\nbody\r\n" }
                                 << QList<int> { 0 };
    QTest::newRow("empty") << QByteArray() << QStringList {} << QStringList {}
                           << QList<QByteArray> {} << QList<int> {};
}

void TestMessageMbox::split()
{
    QFETCH(QByteArray, mbox);
    QFETCH(QStringList, fromLines);
    QFETCH(QStringList, subjects);
    QFETCH(QList<QByteArray>, messages);
    QFETCH(QList<int>, quoted);
    const QList<MboxEntry> entries = splitMbox(mbox);
    QCOMPARE(entries.size(), fromLines.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries[i].fromLine, fromLines[i]);
        QCOMPARE(entries[i].subject, subjects[i]);
        QCOMPARE(mbox.mid(entries[i].offset, entries[i].length), messages[i]);
        QCOMPARE(entries[i].quotedFromLines, quoted[i]);
    }
}

void TestMessageMbox::entriesParse()
{
    // Each entry parses as a message of its own; a whole mbox given to parse() keeps the
    // first message's header and notes the separator line.
    const QByteArray mbox = "From a@example.net Sat Jan  3 01:05:34 2026\nSubject: a\n\nx\n\n"
                            "From b@example.net Sat Jan  3 01:05:35 2026\nSubject: b\n\ny\n";
    const QList<MboxEntry> entries = splitMbox(mbox);
    QCOMPARE(entries.size(), 2);
    const Message second = Message::parse(mbox.mid(entries[1].offset, entries[1].length));
    QCOMPARE(second.headers().at(0).decoded(), QStringLiteral("b"));
    QCOMPARE(second.body(), QByteArrayView("y\r\n"));
    const Message whole = Message::parse(mbox);
    QCOMPARE(whole.headers().size(), 1);
    QVERIFY(!whole.parseStep().fact(QStringLiteral("mbox separator")).isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageMbox)
#include "tst_message_mbox.moc"
