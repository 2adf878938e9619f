// core/message: the guessed SMTP envelope (client IP, HELO, MAIL FROM) and its reasons.

#include "message/Message.h"

#include <QTest>

using namespace ms;

namespace {

const QByteArray kExternal
    = "Received: from mail.example.net (mail.example.net [192.0.2.7])\r\n"
      "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n"
      "\tby mx.example.org (Postfix) with ESMTPS id 4Q1zXk2Lm9\r\n"
      "\tfor <bob@example.org>; Sat,  3 Jan 2026 01:05:34 +0000 (UTC)\r\n";

QString spanText(const Message& m, const Span& s)
{
    return QString::fromLatin1(m.bytes().mid(s.offset, s.length));
}

} // namespace

class TestEnvelope : public QObject
{
    Q_OBJECT

private slots:
    void clientHop_data();
    void clientHop();
    void hints_data();
    void hints();
    void mailFrom_data();
    void mailFrom();
    void nothingFound();
    void disagreeingHint();
};

void TestEnvelope::clientHop_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QString>("reasonHas");

    QTest::newRow("single-external-hop") << kExternal << "192.0.2.7"
                                         << "mail.example.net"
                                         << "Received field 1 from the top";
    QTest::newRow("lmtp-and-loopback-skipped")
        << QByteArray("Received: from mx.example.org by imap.example.org with LMTP id x;\r\n"
                      "\tSat, 3 Jan 2026 01:05:36 +0000\r\n"
                      "Received: from localhost (localhost [127.0.0.1])\r\n"
                      "\tby mx.example.org (Postfix) with ESMTP id 1; Sat, 3 Jan 2026 01:05:35 "
                      "+0000\r\n")
            + kExternal
        << "192.0.2.7"
        << "mail.example.net"
        << "local delivery";
    QTest::newRow("rfc1918-relay-skipped")
        << QByteArray("Received: from relay.example.org (relay.example.org [10.1.2.3])\r\n"
                      "\tby store.example.org (Postfix) with ESMTP id 2; Sat, 3 Jan 2026 "
                      "01:05:35 +0000\r\n")
            + kExternal
        << "192.0.2.7"
        << "mail.example.net"
        << "private address 10.1.2.3";
    QTest::newRow("ipv6-loopback-skipped")
        << QByteArray("Received: from localhost (localhost [IPv6:::1]) by mx.example.org "
                      "(Postfix) with ESMTP id 3; Sat, 3 Jan 2026 01:05:35 +0000\r\n")
            + kExternal
        << "192.0.2.7"
        << "mail.example.net"
        << "::1";
    QTest::newRow("exchange-internal-relays-skipped") << QByteArray(
        "Received: from AM0PR01MB1234.eurprd01.prod.exchangelabs.com\r\n"
        " (2603:10a6:208:1::12) by DB9PR01MB5678.eurprd01.prod.exchangelabs.com\r\n"
        " (2603:10a6:10:2::34) with Microsoft SMTP Server (version=TLS1_2,\r\n"
        " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7270.24; Sat, 3 "
        "Jan 2026 01:05:35 +0000\r\n"
        "Received: from mail.example.net (198.51.100.40) by\r\n"
        " AM4PEPF00000001.mail.protection.outlook.com (10.167.16.1) with "
        "Microsoft SMTP\r\n Server (version=TLS1_3, "
        "cipher=TLS_AES_256_GCM_SHA384) id 15.20.7270.24 via Frontend Transport; "
        "Sat, 3 Jan 2026 01:05:34 +0000\r\n") << "198.51.100.40"
                                                      << "mail.example.net"
                                                      << "relay inside exchangelabs.com";
    QTest::newRow("provider-to-itself-fallback")
        << QByteArray("Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. "
                      "[209.85.220.41])\r\n        by mx.google.com with SMTPS id abc;\r\n"
                      "        Sat, 03 Jan 2026 01:05:34 -0800 (PST)\r\n")
        << "209.85.220.41"
        << "mail-sor-f41.google.com"
        << "relay inside google.com";
    // Organisations compared without case, trailing dots and empty labels ("a..b"), and a
    // two-letter country code with a short second level keeps three labels.
    QTest::newRow("relay-inside-upper-case-org")
        << QByteArray("Received: from edge1 (EDGE1.Example.CO.UK. [203.0.113.9])\r\n"
                      "\tby mx..example.co.uk (Postfix) with ESMTP id 5; Sat, 3 Jan 2026 "
                      "01:05:35 +0000\r\n")
            + kExternal
        << "192.0.2.7"
        << "mail.example.net"
        << "relay inside example.co.uk";
    QTest::newRow("exim-helo-differs")
        << QByteArray("Received: from mail.example.net ([192.0.2.7] helo=smtp.example.net)\r\n"
                      "\tby mx.example.org with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384\r\n"
                      "\t(Exim 4.96) id 1rKz9Q-000Abc-2x; Sat, 03 Jan 2026 01:05:34 +0000\r\n")
        << "192.0.2.7"
        << "smtp.example.net"
        << "outside the receiving network";
}

void TestEnvelope::clientHop()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, ip);
    QFETCH(QString, helo);
    QFETCH(QString, reasonHas);
    const Message m = Message::parse(headers + "Subject: x\r\n\r\nbody\r\n");
    const Envelope e = m.guessEnvelope();
    QCOMPARE(e.clientIp.value, ip);
    QCOMPARE(e.helo.value, helo);
    QVERIFY2(e.clientIp.reason.contains(reasonHas), qPrintable(e.clientIp.reason));
    QVERIFY(!e.clientIp.overridden);
    QVERIFY(!e.clientIp.spans.isEmpty());
    // The span is the hop's "from" clause, which contains the address.
    QVERIFY2(spanText(m, e.clientIp.spans.at(0)).startsWith(QLatin1String("from ")),
        qPrintable(spanText(m, e.clientIp.spans.at(0))));
    QVERIFY(spanText(m, e.clientIp.spans.at(0)).contains(ip, Qt::CaseInsensitive));
    QVERIFY(!e.helo.reason.isEmpty());
}

void TestEnvelope::hints_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QString>("mailFrom");
    QTest::addColumn<QString>("ipReasonHas");

    QTest::newRow("rfc7208-9.1-received-spf")
        << QByteArray("Received-SPF: pass (mx.example.org: domain of alice@example.net "
                      "designates 192.0.2.7 as permitted sender)\r\n"
                      " client-ip=192.0.2.7; envelope-from=\"alice@example.net\";\r\n"
                      " helo=mail.example.net; receiver=mx.example.org;\r\n")
        << "192.0.2.7"
        << "mail.example.net"
        << "alice@example.net"
        << "client-ip=";
    QTest::newRow("rfc8601-2.7-authres")
        << QByteArray("Authentication-Results: mx.example.org; spf=pass "
                      "smtp.mailfrom=alice@example.net smtp.helo=mail.example.net;\r\n"
                      " iprev=pass policy.iprev=198.51.100.8\r\n")
        << "198.51.100.8"
        << "mail.example.net"
        << "alice@example.net"
        << "RFC 8601";
    QTest::newRow("microsoft-sender-ip-is")
        << QByteArray("Authentication-Results: spf=pass (sender IP is 203.0.113.9)\r\n"
                      " smtp.mailfrom=example.net; dkim=none (message not signed)\r\n")
        << "203.0.113.9"
        << ""
        << "example.net"
        << "sender IP is";
}

void TestEnvelope::hints()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, ip);
    QFETCH(QString, helo);
    QFETCH(QString, mailFrom);
    QFETCH(QString, ipReasonHas);
    const Message m = Message::parse(headers + "Subject: x\r\n\r\n");
    const Envelope e = m.guessEnvelope();
    QCOMPARE(e.clientIp.value, ip);
    QCOMPARE(e.helo.value, helo);
    QCOMPARE(e.mailFrom.value, mailFrom);
    QVERIFY2(e.clientIp.reason.contains(ipReasonHas), qPrintable(e.clientIp.reason));
    QVERIFY(spanText(m, e.clientIp.spans.at(0)).contains(ip));
    if (mailFrom == QLatin1String("example.net"))
        QVERIFY(e.mailFrom.reason.contains(QLatin1String("only the envelope sender's domain")));
}

void TestEnvelope::mailFrom_data()
{
    QTest::addColumn<QByteArray>("returnPath");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("reasonHas");

    QTest::newRow("rfc5321-4.4-return-path")
        << QByteArray("Return-Path: <alice@example.net>\r\n") << "alice@example.net"
        << "Return-Path";
    QTest::newRow("rfc5321-4.5.5-null-reverse-path") << QByteArray("Return-Path: <>\r\n") << "<>"
                                                     << "null reverse-path";
    QTest::newRow("topmost-return-path-wins")
        << QByteArray("Return-Path: <new@example.net>\r\nReturn-Path: <old@example.net>\r\n")
        << "new@example.net"
        << "Return-Path";
}

void TestEnvelope::mailFrom()
{
    QFETCH(QByteArray, returnPath);
    QFETCH(QString, expected);
    QFETCH(QString, reasonHas);
    const Message m = Message::parse(returnPath + kExternal + "\r\n");
    const Envelope e = m.guessEnvelope();
    QCOMPARE(e.mailFrom.value, expected);
    QVERIFY2(e.mailFrom.reason.contains(reasonHas), qPrintable(e.mailFrom.reason));
    QVERIFY(spanText(m, e.mailFrom.spans.at(0)).startsWith(QLatin1String("Return-Path:")));
}

void TestEnvelope::nothingFound()
{
    const Message m = Message::parse(
        "Received: by mail.example.net (Postfix, from userid 1000) id 2B3C4D5E6F;\r\n"
        "\tSat, 3 Jan 2026 01:05:30 +0000 (UTC)\r\n"
        "From: alice@example.net\r\n\r\nhi\r\n");
    const Envelope e = m.guessEnvelope();
    QVERIFY(e.clientIp.isEmpty());
    QVERIFY(e.helo.isEmpty());
    QVERIFY(e.mailFrom.isEmpty());
    QVERIFY2(e.clientIp.reason.contains(QLatin1String("--ip")), qPrintable(e.clientIp.reason));
    QVERIFY(e.clientIp.reason.contains(QLatin1String("names no client address")));
    QVERIFY(e.helo.reason.contains(QLatin1String("--helo")));
    QVERIFY(e.mailFrom.reason.contains(QLatin1String("--mail-from")));
    const Envelope empty = Message().guessEnvelope();
    QVERIFY(empty.clientIp.reason.contains(QLatin1String("--ip")));
}

void TestEnvelope::disagreeingHint()
{
    const Message m
        = Message::parse("Received-SPF: pass client-ip=198.51.100.99; helo=mail.example.net;\r\n"
            + kExternal + "\r\n");
    const Envelope e = m.guessEnvelope();
    QCOMPARE(e.clientIp.value, QStringLiteral("192.0.2.7"));
    QVERIFY(e.clientIp.reason.contains(QLatin1String("198.51.100.99")));
    QCOMPARE(e.clientIp.spans.size(), 2);
    QVERIFY(e.helo.reason.contains(QLatin1String("same value")));
}

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
