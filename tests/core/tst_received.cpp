// core/message: Received fields (RFC 5321 4.4) as hops, for the formats of the common MTAs.
// The lines are written for these tests in each MTA's shape (documentation addresses).

#include "message/Message.h"

#include <QTest>

using namespace ms;

namespace {

QString spanText(const Message& m, const ReceivedHop& hop, const QString& name)
{
    const qsizetype i = hop.spanNames.indexOf(name);
    if (i < 0)
        return {};
    const Span& s = hop.spans.at(i);
    return QString::fromLatin1(m.bytes().mid(s.offset, s.length));
}

} // namespace

class TestReceived : public QObject
{
    Q_OBJECT

private slots:
    void formats_data();
    void formats();
    void spans();
    void chainOrder();
    void dates_data();
    void dates();
    void hostile();
    void clientAddress_data();
    void clientAddress();
    void dateSeparator_data();
    void dateSeparator();
};

void TestReceived::formats_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QString>("rdns");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("by");
    QTest::addColumn<QString>("with");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("forAddr");
    QTest::addColumn<QString>("tlsVersion");
    QTest::addColumn<QString>("tlsCipher");

    QTest::newRow("postfix-tls13")
        << QByteArray("Received: from mail.example.net (mail.example.net [192.0.2.7])\r\n"
                      "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n"
                      "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest "
                      "SHA256)\r\n"
                      "\t(No client certificate requested)\r\n"
                      "\tby mx.example.org (Postfix) with ESMTPS id 4Q1zXk2Lm9z9sWq\r\n"
                      "\tfor <bob@example.org>; Sat,  3 Jan 2026 01:05:34 +0000 (UTC)\r\n")
        << "postfix"
        << "mail.example.net"
        << "mail.example.net"
        << "192.0.2.7"
        << "mx.example.org"
        << "ESMTPS"
        << "4Q1zXk2Lm9z9sWq"
        << "bob@example.org"
        << "TLSv1.3"
        << "TLS_AES_256_GCM_SHA384";
    QTest::newRow("postfix-unknown-rdns-helo-differs")
        << QByteArray("Received: from laptop.local (unknown [198.51.100.23])\r\n"
                      "\tby mx.example.org (Postfix) with ESMTP id 7A1B2C3D4E\r\n"
                      "\tfor <bob@example.org>; Sat, 3 Jan 2026 01:05:34 +0000 (UTC)\r\n")
        << "postfix"
        << "laptop.local"
        << ""
        << "198.51.100.23"
        << "mx.example.org"
        << "ESMTP"
        << "7A1B2C3D4E"
        << "bob@example.org"
        << ""
        << "";
    QTest::newRow("postfix-ipv6") << QByteArray(
        "Received: from mail6.example.net (mail6.example.net [IPv6:2001:DB8::25])\r\n"
        "\tby mx.example.org (Postfix) with ESMTPS id 4Q1zXk;\r\n"
        "\tSat, 3 Jan 2026 01:05:34 +0000 (UTC)\r\n")
                                  << "postfix"
                                  << "mail6.example.net"
                                  << "mail6.example.net"
                                  << "2001:db8::25"
                                  << "mx.example.org"
                                  << "ESMTPS"
                                  << "4Q1zXk"
                                  << ""
                                  << ""
                                  << "";
    QTest::newRow("postfix-local-pickup")
        << QByteArray("Received: by mail.example.net (Postfix, from userid 1000)\r\n"
                      "\tid 2B3C4D5E6F; Sat, 3 Jan 2026 01:05:30 +0000 (UTC)\r\n")
        << "postfix"
        << ""
        << ""
        << ""
        << "mail.example.net"
        << ""
        << "2B3C4D5E6F"
        << ""
        << ""
        << "";
    QTest::newRow("exim-tls13") << QByteArray(
        "Received: from mail.example.net ([192.0.2.7] helo=smtp.example.net)\r\n"
        "\tby mx.example.org with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384\r\n"
        "\t(Exim 4.96)\r\n"
        "\t(envelope-from <alice@example.net>)\r\n"
        "\tid 1rKz9Q-000Abc-2x\r\n"
        "\tfor bob@example.org; Sat, 03 Jan 2026 01:05:34 +0000\r\n")
                                << "exim"
                                << "smtp.example.net"
                                << "mail.example.net"
                                << "192.0.2.7"
                                << "mx.example.org"
                                << "esmtps"
                                << "1rKz9Q-000Abc-2x"
                                << "bob@example.org"
                                << "TLSv1.3"
                                << "TLS_AES_256_GCM_SHA384";
    QTest::newRow("exim-old-tls-and-port")
        << QByteArray("Received: from mail.example.net ([192.0.2.7]:51234)\r\n"
                      "\tby mx.example.org with esmtps (TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256)\r\n"
                      "\t(Exim 4.89) (envelope-from <alice@example.net>)\r\n"
                      "\tid 1aBcDe-0001Fg-Hi; Sat, 03 Jan 2026 01:05:34 +0000\r\n")
        << "exim"
        << "mail.example.net"
        << "mail.example.net"
        << "192.0.2.7"
        << "mx.example.org"
        << "esmtps"
        << "1aBcDe-0001Fg-Hi"
        << ""
        << "TLSv1.2"
        << "ECDHE-RSA-AES256-GCM-SHA384";
    QTest::newRow("exim-no-rdns") << QByteArray(
        "Received: from [198.51.100.9] (helo=client.example.net)\r\n"
        "\tby mx.example.org with esmtp (Exim 4.96)\r\n"
        "\tid 1aBcDe-0001Fg-Hj; Sat, 03 Jan 2026 01:05:34 +0000\r\n")
                                  << "exim"
                                  << "client.example.net"
                                  << ""
                                  << "198.51.100.9"
                                  << "mx.example.org"
                                  << "esmtp"
                                  << "1aBcDe-0001Fg-Hj"
                                  << ""
                                  << ""
                                  << "";
    QTest::newRow("sendmail-tls13")
        << QByteArray("Received: from mail.example.net (mail.example.net [192.0.2.7])\r\n"
                      "\tby mx.example.org (8.17.1/8.17.1) with ESMTPS id 5031Y5xQ012345\r\n"
                      "\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO)\r\n"
                      "\tfor <bob@example.org>; Sat, 3 Jan 2026 01:05:34 GMT\r\n")
        << "sendmail"
        << "mail.example.net"
        << "mail.example.net"
        << "192.0.2.7"
        << "mx.example.org"
        << "ESMTPS"
        << "5031Y5xQ012345"
        << "bob@example.org"
        << "TLSv1.3"
        << "TLS_AES_256_GCM_SHA384";
    QTest::newRow("sendmail-may-be-forged")
        << QByteArray("Received: from helo.example.com (rdns.example.net [203.0.113.5] (may be "
                      "forged))\r\n"
                      "\tby mx.example.org (8.15.2/8.15.2/Debian-22) with ESMTP id 5031Y5xR0;\r\n"
                      "\tSat, 3 Jan 2026 01:05:34 +0100\r\n")
        << "sendmail"
        << "helo.example.com"
        << "rdns.example.net"
        << "203.0.113.5"
        << "mx.example.org"
        << "ESMTP"
        << "5031Y5xR0"
        << ""
        << ""
        << "";
    QTest::newRow("exchange-tls12-internal") << QByteArray(
        "Received: from AM0PR01MB1234.eurprd01.prod.exchangelabs.com\r\n"
        " (2603:10a6:208:1::12) by DB9PR01MB5678.eurprd01.prod.exchangelabs.com\r\n"
        " (2603:10a6:10:2::34) with Microsoft SMTP Server (version=TLS1_2,\r\n"
        " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7270.24; Sat, 3 "
        "Jan 2026\r\n 01:05:34 +0000\r\n") << "exchange"
                                             << "AM0PR01MB1234.eurprd01.prod.exchangelabs.com"
                                             << ""
                                             << "2603:10a6:208:1::12"
                                             << "DB9PR01MB5678.eurprd01.prod.exchangelabs.com"
                                             << "Microsoft SMTP Server"
                                             << "15.20.7270.24"
                                             << ""
                                             << "TLSv1.2"
                                             << "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
    QTest::newRow("exchange-frontend-ipv4")
        << QByteArray("Received: from mail.example.net (192.0.2.7) by\r\n"
                      " AM4PEPF00000001.mail.protection.outlook.com (10.167.16.1) with Microsoft "
                      "SMTP\r\n Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id "
                      "15.20.7270.24 via Frontend Transport; Sat, 3 Jan 2026 01:05:34 +0000\r\n")
        << "exchange"
        << "mail.example.net"
        << ""
        << "192.0.2.7"
        << "AM4PEPF00000001.mail.protection.outlook.com"
        << "Microsoft SMTP Server"
        << "15.20.7270.24"
        << ""
        << "TLSv1.3"
        << "TLS_AES_256_GCM_SHA384";
    QTest::newRow("gmail-tls13") << QByteArray(
        "Received: from mail.example.net (mail.example.net. [192.0.2.7])\r\n"
        "        by mx.google.com with ESMTPS id "
        "a640c23a62f3a-a2c1b2d3e4fsi123456.2026.01.03.01.05.34\r\n"
        "        for <bob@example.com>\r\n"
        "        (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128);\r\n"
        "        Sat, 03 Jan 2026 01:05:34 -0800 (PST)\r\n")
                                 << "gmail"
                                 << "mail.example.net"
                                 << "mail.example.net"
                                 << "192.0.2.7"
                                 << "mx.google.com"
                                 << "ESMTPS"
                                 << "a640c23a62f3a-a2c1b2d3e4fsi123456.2026.01.03.01.05.34"
                                 << "bob@example.com"
                                 << "TLSv1.3"
                                 << "TLS_AES_128_GCM_SHA256";
    QTest::newRow("gmail-google-transport-security")
        << QByteArray("Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. "
                      "[209.85.220.41])\r\n"
                      "        by mx.google.com with SMTPS id d9443c01a7336-1d2e3f4a5b6sor1;\r\n"
                      "        Sat, 03 Jan 2026 01:05:34 -0800 (PST)\r\n")
        << "gmail"
        << "mail-sor-f41.google.com"
        << "mail-sor-f41.google.com"
        << "209.85.220.41"
        << "mx.google.com"
        << "SMTPS"
        << "d9443c01a7336-1d2e3f4a5b6sor1"
        << ""
        << ""
        << "";
    QTest::newRow("qmail-helo") << QByteArray(
        "Received: from unknown (HELO client.example.net) (198.51.100.77)\r\n"
        "  by mail.example.org with SMTP; 3 Jan 2026 01:05:34 -0000\r\n")
                                << "unknown"
                                << "client.example.net"
                                << ""
                                << "198.51.100.77"
                                << "mail.example.org"
                                << "SMTP"
                                << ""
                                << ""
                                << ""
                                << "";
    QTest::newRow("lmtp-delivery") << QByteArray("Received: from mx.example.org\r\n"
                                                 "\tby imap.example.org with LMTP\r\n"
                                                 "\tid kJ1bCz; Sat, 03 Jan 2026 01:05:35 +0000\r\n")
                                   << "unknown"
                                   << "mx.example.org"
                                   << ""
                                   << ""
                                   << "imap.example.org"
                                   << "LMTP"
                                   << "kJ1bCz"
                                   << ""
                                   << ""
                                   << "";
}

void TestReceived::formats()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, format);
    QFETCH(QString, helo);
    QFETCH(QString, rdns);
    QFETCH(QString, ip);
    QFETCH(QString, by);
    QFETCH(QString, with);
    QFETCH(QString, id);
    QFETCH(QString, forAddr);
    QFETCH(QString, tlsVersion);
    QFETCH(QString, tlsCipher);
    const Message m = Message::parse(field + "Subject: x\r\n\r\n");
    QCOMPARE(m.hops().size(), 1);
    const ReceivedHop& hop = m.hops().at(0);
    QCOMPARE(hop.fieldIndex, 0);
    QCOMPARE(hop.format, format);
    QCOMPARE(hop.fromHelo, helo);
    QCOMPARE(hop.fromRdns, rdns);
    QCOMPARE(hop.fromIp, ip);
    QCOMPARE(hop.by, by);
    QCOMPARE(hop.with, with);
    QCOMPARE(hop.id, id);
    QCOMPARE(hop.forAddr, forAddr);
    QCOMPARE(hop.tlsVersion, tlsVersion);
    QCOMPARE(hop.tlsCipher, tlsCipher);
    QVERIFY(hop.date.isValid());
    QCOMPARE(hop.spans.size(), hop.spanNames.size());
    QCOMPARE(hop.spans.at(0).offset, m.headers().at(0).offset);
}

void TestReceived::spans()
{
    const QByteArray field
        = "Received: from mail.example.net (mail.example.net [192.0.2.7])\r\n"
          "\tby mx.example.org (8.17.1/8.17.1) with ESMTPS id 5031Y5xQ012345\r\n"
          "\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO)\r\n"
          "\tfor <bob@example.org>; Sat, 3 Jan 2026 01:05:34 GMT\r\n";
    const Message m = Message::parse(field + "\r\n");
    const ReceivedHop& hop = m.hops().at(0);
    QCOMPARE(spanText(m, hop, QStringLiteral("from")),
        QStringLiteral("from mail.example.net (mail.example.net [192.0.2.7])"));
    QCOMPARE(spanText(m, hop, QStringLiteral("by")),
        QStringLiteral("by mx.example.org (8.17.1/8.17.1)"));
    QCOMPARE(spanText(m, hop, QStringLiteral("tls")),
        QStringLiteral("(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO)"));
    QCOMPARE(spanText(m, hop, QStringLiteral("for")), QStringLiteral("for <bob@example.org>"));
    QCOMPARE(
        spanText(m, hop, QStringLiteral("date")), QStringLiteral("Sat, 3 Jan 2026 01:05:34 GMT"));
    QCOMPARE(spanText(m, hop, QStringLiteral("field")), QString::fromLatin1(field));
    // The parse step shows each hop with its spans.
    const Step s = m.parseStep();
    const Step* chain = nullptr;
    for (const Step& c : s.children) {
        if (c.kind == QLatin1String("message.received"))
            chain = &c;
    }
    QVERIFY(chain);
    QCOMPARE(chain->children.size(), size_t(1));
    QCOMPARE(chain->children.at(0).fact(QStringLiteral("TLS version")), QStringLiteral("TLSv1.3"));
    QCOMPARE(chain->children.at(0).fact(QStringLiteral("format")), QStringLiteral("sendmail"));
}

void TestReceived::chainOrder()
{
    const Message m = Message::parse(
        "Received: from mx.example.org by imap.example.org with LMTP id a; Sat, 3 Jan 2026 "
        "01:05:36 +0000\r\n"
        "Subject: between\r\n"
        "Received: from mail.example.net (mail.example.net [192.0.2.7]) by mx.example.org "
        "(Postfix) with ESMTPS id b; Sat, 3 Jan 2026 01:05:34 +0000\r\n"
        "\r\n");
    QCOMPARE(m.hops().size(), 2);
    QCOMPARE(m.hops().at(0).by, QStringLiteral("imap.example.org"));
    QCOMPARE(m.hops().at(1).fieldIndex, 2);
    QVERIFY(m.hops().at(0).date > m.hops().at(1).date);
}

void TestReceived::dates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime utc(QDate(2026, 1, 3), QTime(1, 5, 34), Qt::UTC);
    QTest::newRow("rfc5322-3.3") << QByteArray("Sat, 03 Jan 2026 01:05:34 +0000") << utc;
    QTest::newRow("rfc5322-3.3-no-day-name") << QByteArray("3 Jan 2026 01:05:34 +0000") << utc;
    QTest::newRow("rfc5322-3.3-offset")
        << QByteArray("Fri, 2 Jan 2026 17:05:34 -0800 (PST)") << utc;
    QTest::newRow("rfc5322-4.3-obs-zone") << QByteArray("Fri, 2 Jan 2026 20:05:34 EST") << utc;
    QTest::newRow("rfc5322-4.3-two-digit-year") << QByteArray("3 Jan 26 01:05:34 GMT") << utc;
    QTest::newRow("rfc5322-4.3-no-seconds") << QByteArray(
        "3 Jan 2026 01:05 +0000") << QDateTime(QDate(2026, 1, 3), QTime(1, 5, 0), Qt::UTC);
    QTest::newRow("garbage") << QByteArray("yesterday, around noon") << QDateTime();
    QTest::newRow("invalid-day") << QByteArray("32 Jan 2026 01:05:34 +0000") << QDateTime();
}

void TestReceived::dates()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const QDateTime got = parseRfc5322Date(text);
    QCOMPARE(got.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(got.toUTC(), expected);
}

void TestReceived::hostile()
{
    // A megabyte of comments and words: bounded work, no crash.
    QByteArray field = "Received: from a (";
    field.append(QByteArray(200000, '('));
    field.append(" by b with c id d; ");
    field.append(QByteArray(200000, 'x'));
    field.append("\r\nReceived: ; ; ;\r\nReceived: (\r\nReceived: from\r\nReceived: [\r\n\r\n");
    const Message m = Message::parse(field);
    QCOMPARE(m.hops().size(), 5);
    for (const ReceivedHop& h : m.hops())
        QCOMPARE(h.spans.size(), h.spanNames.size());
    (void)m.parseStep();
    (void)m.guessEnvelope();
}

void TestReceived::clientAddress_data()
{
    static const char kNulAfterAddress[] = "mail.example.net (mail.example.net [192.0.2.7\0junk])";
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QString>("ip");
    QTest::newRow("RFC 5321 4.1.3 IPv4 literal in the comment")
        << QByteArray("mail.example.net (mail.example.net [192.0.2.7])") << "192.0.2.7";
    QTest::newRow("RFC 5321 4.1.3 IPv6 literal, tag and hex case")
        << QByteArray("mail.example.net (mail.example.net [IPv6:2001:DB8::1])") << "2001:db8::1";
    QTest::newRow("IPv6 tag in lower case")
        << QByteArray("mail.example.net ([ipv6:2001:db8::2])") << "2001:db8::2";
    QTest::newRow("literal without its closing bracket")
        << QByteArray("mail.example.net ([192.0.2.8 helo=x)") << "192.0.2.8";
    QTest::newRow("bracketed text that is no address")
        << QByteArray("mail.example.net (mail.example.net [not-an-address])") << "";
    QTest::newRow("address followed by a NUL byte")
        << QByteArray::fromRawData(kNulAfterAddress, sizeof(kNulAfterAddress) - 1) << "";
    QTest::newRow("Exchange bare address")
        << QByteArray("host.example.net (192.0.2.9)") << "192.0.2.9";
    QTest::newRow("literal in place of the name")
        << QByteArray("[198.51.100.3] (helo=client)") << "198.51.100.3";
    QTest::newRow("keywords in upper case") << QByteArray(
        "mail.example.net (mail.example.net [192.0.2.10]) BY mx.example.org WITH "
        "SMTP") << "192.0.2.10";
}

void TestReceived::clientAddress()
{
    QFETCH(QByteArray, from);
    QFETCH(QString, ip);
    const QByteArray field = "Received: from " + from
        + (from.contains("BY") ? QByteArray() : QByteArray(" by mx.example.org with ESMTP"))
        + "; Sat, 3 Jan 2026 01:05:34 +0000\r\n";
    const Message m = Message::parse(field + "Subject: x\r\n\r\n");
    QCOMPARE(m.hops().size(), 1);
    QCOMPARE(m.hops().at(0).fromIp, ip);
    QCOMPARE(m.hops().at(0).by, QStringLiteral("mx.example.org"));
    // The envelope guess parses the same hop its own way (without id, for and date).
    QCOMPARE(m.guessEnvelope().clientIp.value, ip);
}

// RFC 5321 4.4: the date follows the last ";" that is not inside a comment, a quoted string,
// an address literal or angle brackets.
void TestReceived::dateSeparator_data()
{
    QTest::addColumn<QByteArray>("clauses");
    QTest::addColumn<QString>("forAddr");
    QTest::newRow("plain") << QByteArray("from a.example (a.example [192.0.2.1]) by b.example "
                                         "id x for <u@b.example>")
                           << "u@b.example";
    QTest::newRow("semicolon in a comment")
        << QByteArray("from a.example (a; b) by b.example id x for <u@b.example>") << "u@b.example";
    QTest::newRow("semicolon in a nested comment")
        << QByteArray("from a.example (a (b; c) d) by b.example for <u@b.example>")
        << "u@b.example";
    QTest::newRow("semicolon in angle brackets")
        << QByteArray("from a.example by b.example for <u;v@b.example>") << "u;v@b.example";
    QTest::newRow("semicolon in a quoted string")
        << QByteArray("from a.example by b.example for <\"u;v\"@b.example>") << "\"u;v\"@b.example";
    QTest::newRow("escaped quote in a quoted string")
        << QByteArray("from a.example by b.example for <\"u\\\";v\"@b.example>")
        << "\"u\\\";v\"@b.example";
    QTest::newRow("semicolon in an address literal")
        << QByteArray("from a.example ([192.0.2.1;x]) by b.example for <u@b.example>")
        << "u@b.example";
}

void TestReceived::dateSeparator()
{
    QFETCH(QByteArray, clauses);
    QFETCH(QString, forAddr);
    const Message m
        = Message::parse("Received: " + clauses + "; Sat, 3 Jan 2026 01:05:34 +0000\r\n\r\n");
    QCOMPARE(m.hops().size(), 1);
    QCOMPARE(m.hops().at(0).forAddr, forAddr);
    QCOMPARE(m.hops().at(0).date, QDateTime(QDate(2026, 1, 3), QTime(1, 5, 34), Qt::UTC));
}

QTEST_GUILESS_MAIN(TestReceived)
#include "tst_received.moc"
