// TLS evidence: per-hop protocol/version/cipher from real MTA formats, internal vs
// Internet-facing, MTA-STS / TLS-RPT / DANE through a zone, and the explicit live STARTTLS
// check against a local OpenSSL SMTP server with certificates made at test time.

#include "common/SmimeCa.h"
#include "common/SmtpTestServer.h"
#include "common/TestUtil.h"
#include "crypto/X509Certificate.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "tls/LiveCheck.h"
#include "tls/Tls.h"
#include "verify/Check.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ms;

namespace {

// A validating resolver in front of the zone: answers for the listed names carry the AD
// flag, as a DNSSEC-validating recursive resolver would set it for a signed zone.
class ValidatingResolver : public dns::Resolver
{
public:
    ValidatingResolver(std::shared_ptr<dns::ZoneResolver> zone, QSet<QByteArray> secure)
        : m_zone(std::move(zone))
        , m_secure(std::move(secure))
    {
    }
    dns::Answer resolve(const QByteArray& name, dns::Type type) override
    {
        dns::Answer a = m_zone->resolve(name, type);
        a.authenticData = m_secure.contains(name.toLower());
        return a;
    }
    QString describe() const override { return QStringLiteral("zone with AD for signed names"); }

private:
    std::shared_ptr<dns::ZoneResolver> m_zone;
    QSet<QByteArray> m_secure;
};

const QByteArray kTail = "From: Alice <alice@example.com>\r\n"
                         "To: Bob <bob@example.org>\r\n"
                         "Subject: tls\r\n"
                         "\r\n"
                         "body\r\n";

QString spkiSha256(const QByteArray& certDer)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        crypto::Certificate::fromDer(certDer).subjectPublicKeyInfoDer(), QCryptographicHash::Sha256)
                                   .toHex());
}

} // namespace

class TstTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<mstest::TestCa> m_ca;
    mstest::TestIdentity m_server, m_expired;
    QString m_rootPem;

    CheckResult run(const QByteArray& bytes, dns::Resolver& resolver, const VerifyOptions& o)
    {
        const Message msg = Message::parse(bytes);
        CheckContext ctx { msg, resolver, o, QDateTime::currentDateTimeUtc(), {}, nullptr,
            nullptr };
        return tls::check(ctx);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = std::make_unique<mstest::TestCa>(QStringLiteral("Mailscope TLS Test CA"));
        m_rootPem = m_dir.filePath(QStringLiteral("root.pem"));
        QVERIFY(m_ca->writeRootPem(m_rootPem));
        mstest::CertOptions o;
        o.commonName = QStringLiteral("localhost");
        o.emails = {};
        // mx.mailscope.test: a name only the test's zone knows (the live check must not
        // ask the system resolver).
        o.dnsNames = { QStringLiteral("localhost"), QStringLiteral("mx.mailscope.test") };
        o.extendedKeyUsage = QStringLiteral("serverAuth");
        o.ec = true;
        m_server = m_ca->issue(o);
        o.notBefore = QDateTime::currentDateTimeUtc().addYears(-2);
        o.notAfter = QDateTime::currentDateTimeUtc().addYears(-1);
        m_expired = m_ca->issue(o);
    }

    void hopFormats_data()
    {
        QTest::addColumn<QByteArray>("received");
        QTest::addColumn<QString>("with");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("cipher");
        QTest::addColumn<bool>("tls");

        QTest::newRow("RFC 3848 ESMTPS, Postfix using-clause")
            << QByteArray("Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n"
                          "\tby mx.example.org (Postfix) with ESMTPS id 4XyZ\r\n"
                          "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n"
                          "\t key-exchange X25519 server-signature RSA-PSS (2048 bits))\r\n"
                          "\tfor <bob@example.org>; Sat, 28 Nov 2026 10:00:00 +0000\r\n")
            << "ESMTPS"
            << "TLSv1.3"
            << "TLS_AES_256_GCM_SHA384" << true;
        QTest::newRow("RFC 8996 old Postfix TLSv1") << QByteArray(
            "Received: from a.example.com (a.example.com [192.0.2.11])\r\n"
            "\tby mx.example.org (Postfix) with ESMTPS id 1\r\n"
            "\t(using TLSv1 with cipher ECDHE-RSA-AES256-SHA (256/256 bits));\r\n"
            "\tSat, 28 Nov 2026 10:00:00 +0000\r\n") << "ESMTPS"
                                                    << "TLSv1.0"
                                                    << "ECDHE-RSA-AES256-SHA" << true;
        QTest::newRow("Exim 4.9x esmtps (TLS1.3) tls") << QByteArray(
            "Received: from mail.example.com ([192.0.2.12])\r\n"
            "\tby mx.example.org with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384\r\n"
            "\t(Exim 4.96) (envelope-from <a@example.com>) id 1t9-000;\r\n"
            "\tSat, 28 Nov 2026 10:00:00 +0000\r\n") << "esmtps"
                                                       << "TLSv1.3"
                                                       << "TLS_AES_256_GCM_SHA384" << true;
        QTest::newRow("Exim 4.92 (TLS1.2:cipher:bits)") << QByteArray(
            "Received: from mail.example.com ([192.0.2.13])\r\n"
            "\tby mx.example.org with esmtps (TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256)\r\n"
            "\t(Exim 4.92) id 1t9-001; Sat, 28 Nov 2026 10:00:00 +0000\r\n")
                                                        << "esmtps"
                                                        << "TLSv1.2"
                                                        << "ECDHE-RSA-AES256-GCM-SHA384" << true;
        QTest::newRow("Sendmail version= cipher=") << QByteArray(
            "Received: from mail.example.com (mail.example.com [192.0.2.14])\r\n"
            "\tby mx.example.org (8.17.1/8.17.1) with ESMTPS id 5ASA0\r\n"
            "\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)\r\n"
            "\tfor <bob@example.org>; Sat, 28 Nov 2026 10:00:00 +0000\r\n")
                                                   << "ESMTPS"
                                                   << "TLSv1.3"
                                                   << "TLS_AES_256_GCM_SHA384" << true;
        QTest::newRow("Gmail version=TLS1_3")
            << QByteArray("Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. "
                          "[209.85.220.41])\r\n"
                          "        by mx.google.com with SMTPS id a1sor;\r\n"
                          "        for <bob@gmail.com>\r\n"
                          "        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\r\n"
                          "        Sat, 28 Nov 2026 02:00:00 -0800 (PST)\r\n")
            << "SMTPS"
            << "TLSv1.3"
            << "TLS_AES_256_GCM_SHA384" << true;
        QTest::newRow("Exchange Online version=TLS1_2, cipher=")
            << QByteArray("Received: from EUR05.protection.outlook.com (2a01:111:f403::1) by\r\n"
                          " AM0PR01MB1234.eurprd01.prod.exchangelabs.com (2603:10a6::1) with\r\n"
                          " Microsoft SMTP Server (version=TLS1_2,\r\n"
                          " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7;\r\n"
                          " Sat, 28 Nov 2026 10:00:00 +0000\r\n")
            << "Microsoft SMTP Server"
            << "TLSv1.2"
            << "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" << true;
        QTest::newRow("RFC 3848 ESMTP (no TLS)")
            << QByteArray("Received: from old.example.net (old.example.net [198.51.100.3])\r\n"
                          "\tby mx.example.org (Postfix) with ESMTP id 77;\r\n"
                          "\tSat, 28 Nov 2026 10:00:00 +0000\r\n")
            << "ESMTP"
            << ""
            << "" << false;
        QTest::newRow("RFC 3848 ESMTPSA (TLS + AUTH)") << QByteArray(
            "Received: from [10.1.2.3] (unknown [203.0.113.9])\r\n"
            "\tby smtp.example.com (Postfix) with ESMTPSA id 9;\r\n"
            "\tSat, 28 Nov 2026 10:00:00 +0000\r\n") << "ESMTPSA"
                                                       << ""
                                                       << "" << true;
        QTest::newRow("RFC 3848 LMTP")
            << QByteArray("Received: from mx.example.org by imap.example.org with LMTP id 5;\r\n"
                          "\tSat, 28 Nov 2026 10:00:01 +0000\r\n")
            << "LMTP"
            << ""
            << "" << false;
    }

    void hopFormats()
    {
        QFETCH(QByteArray, received);
        QFETCH(QString, with);
        QFETCH(QString, version);
        QFETCH(QString, cipher);
        QFETCH(bool, tls);
        const Message m = Message::parse(received + kTail);
        QCOMPARE(m.hops().size(), 1);
        const tls::HopTls t = tls::hopTls(m, m.hops().first());
        QCOMPARE(t.with.toUpper(), with.toUpper());
        QCOMPARE(t.version, version);
        QCOMPARE(t.cipher, cipher);
        QCOMPARE(t.tls, tls);
        QVERIFY(t.known);
        if (!cipher.isEmpty() && t.clause.length > 0)
            QVERIFY(m.bytes().mid(t.clause.offset, t.clause.length).contains(cipher.toLatin1()));
    }

    void privateAddresses_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<bool>("isPrivate");
        QTest::newRow("RFC 1918 10/8") << "10.1.2.3" << true;
        QTest::newRow("RFC 1918 172.16/12") << "172.31.255.1" << true;
        QTest::newRow("172.32 is public") << "172.32.0.1" << false;
        QTest::newRow("RFC 1918 192.168/16") << "192.168.0.9" << true;
        QTest::newRow("RFC 6598 100.64/10") << "100.100.1.1" << true;
        QTest::newRow("loopback") << "127.0.0.1" << true;
        QTest::newRow("documentation range is public") << "192.0.2.1" << false;
        QTest::newRow("RFC 4193 fd00::/8") << "fd12:3456::1" << true;
        QTest::newRow("IPv6 loopback") << "::1" << true;
        QTest::newRow("IPv6 link-local") << "fe80::1" << true;
        QTest::newRow("IPv4-mapped private") << "::ffff:192.168.1.1" << true;
        QTest::newRow("global IPv6") << "2001:db8::1" << false;
        QTest::newRow("garbage") << "not-an-ip" << false;
    }

    void privateAddresses()
    {
        QFETCH(QString, ip);
        QFETCH(bool, isPrivate);
        QCOMPARE(tls::isPrivateAddress(ip), isPrivate);
    }

    void internalHops_data()
    {
        QTest::addColumn<QString>("fromRdns");
        QTest::addColumn<QString>("fromIp");
        QTest::addColumn<QString>("by");
        QTest::addColumn<bool>("internal");
        QTest::newRow("private client") << ""
                                        << "10.0.0.5"
                                        << "mail.example.com" << true;
        QTest::newRow("same registrable domain by rDNS") << "out1.mail.example.co.uk"
                                                         << "203.0.113.5"
                                                         << "in.example.co.uk" << true;
        QTest::newRow("other domain on the Internet") << "mail.example.com"
                                                      << "192.0.2.10"
                                                      << "mx.example.org" << false;
        QTest::newRow("public suffix is not a shared domain") << "a.co.uk"
                                                              << "203.0.113.6"
                                                              << "b.co.uk" << false;
        QTest::newRow("local hand-off") << ""
                                        << ""
                                        << "mx.example.org" << true;
    }

    void internalHops()
    {
        QFETCH(QString, fromRdns);
        QFETCH(QString, fromIp);
        QFETCH(QString, by);
        QFETCH(bool, internal);
        ReceivedHop h;
        h.fromRdns = fromRdns;
        h.fromIp = fromIp;
        h.by = by;
        QString why;
        QCOMPARE(tls::isInternalHop(h, &why), internal);
        QVERIFY(!why.isEmpty());
    }

    void domainEvidence()
    {
        const QString tlsaHash = spkiSha256(m_server.certDer);
        const QByteArray zone = "example.org. 300 IN MX 10 mx.example.org.\n"
                                "_mta-sts.example.org. 300 IN TXT \"v=STSv1; id=20261128T1\"\n"
                                "_smtp._tls.example.org. 300 IN TXT "
                                "\"v=TLSRPTv1; rua=mailto:tlsrpt@example.org\"\n"
                                "_25._tcp.mx.example.org. 300 IN TLSA 3 1 1 "
            + tlsaHash.toLatin1()
            + "\n"
              "example.com. 300 IN MX 10 mx.example.com.\n"
              "_25._tcp.mx.example.com. 300 IN TLSA 3 1 1 "
            + tlsaHash.toLatin1() + "\n";
        QStringList errors;
        auto z = dns::ZoneResolver::fromText(zone, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        // example.org is signed (AD), example.com is not.
        ValidatingResolver resolver(z,
            { "example.org", "_25._tcp.mx.example.org", "_mta-sts.example.org",
                "_smtp._tls.example.org" });
        const QByteArray msg = "Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n"
                               "\tby mx.example.org (Postfix) with ESMTPS id 4XyZ\r\n"
                               "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 "
                               "bits));\r\n"
                               "\tSat, 28 Nov 2026 10:00:00 +0000\r\n"
            + kTail;
        VerifyOptions o;
        const CheckResult r = run(msg, resolver, o);
        const QJsonObject j = r.json.toObject();
        const QJsonArray domains = j.value(QStringLiteral("domains")).toArray();
        QCOMPARE(domains.size(), 2);
        QJsonObject org, com;
        for (const QJsonValue& v : domains) {
            if (v.toObject().value(QStringLiteral("domain")).toString()
                == QLatin1String("example.org"))
                org = v.toObject();
            else
                com = v.toObject();
        }
        QCOMPARE(org.value(QStringLiteral("roles")).toArray().first().toString(),
            QStringLiteral("recipient"));
        QCOMPARE(
            org.value(QStringLiteral("mtaSts")).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("20261128T1"));
        QCOMPARE(
            org.value(QStringLiteral("tlsRpt")).toObject().value(QStringLiteral("rua")).toString(),
            QStringLiteral("mailto:tlsrpt@example.org"));
        const QJsonObject orgMx = org.value(QStringLiteral("mx")).toArray().first().toObject();
        QCOMPARE(orgMx.value(QStringLiteral("host")).toString(), QStringLiteral("mx.example.org"));
        QCOMPARE(orgMx.value(QStringLiteral("dane")).toBool(), true);
        const QJsonObject comMx = com.value(QStringLiteral("mx")).toArray().first().toObject();
        QCOMPARE(comMx.value(QStringLiteral("tlsa")).toArray().size(), 1);
        QCOMPARE(comMx.value(QStringLiteral("dane")).toBool(), false); // no AD: not usable
        QCOMPARE(com.value(QStringLiteral("mtaSts"))
                     .toObject()
                     .value(QStringLiteral("outcome"))
                     .toString(),
            QStringLiteral("nxdomain"));
        // Hop evidence.
        const QJsonObject hop = j.value(QStringLiteral("hops")).toArray().first().toObject();
        QCOMPARE(hop.value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(hop.value(QStringLiteral("version")).toString(), QStringLiteral("TLSv1.3"));
        QCOMPARE(r.outcomes.tls->hopsWithTls, 1);
        QCOMPARE(r.status, Status::Pass);
        QVERIFY(r.summary.startsWith(QLatin1String("pass:")));
        QVERIFY(j.value(QStringLiteral("live")).isNull()); // off by default
    }

    void plainInternetHop()
    {
        const QByteArray msg = "Received: from old.example.net (old.example.net [198.51.100.3])\r\n"
                               "\tby mx.example.org (Postfix) with ESMTP id 77;\r\n"
                               "\tSat, 28 Nov 2026 10:00:00 +0000\r\n"
            + kTail;
        const Message m = Message::parse(msg);
        if (m.hops().value(0).fromIp.isEmpty())
            QFAIL("Message::hops() does not fill the client address yet (Received parser)");
        auto z = dns::ZoneResolver::fromText({});
        const CheckResult r = run(msg, *z, {});
        QCOMPARE(r.status, Status::Fail);
        QCOMPARE(r.outcomes.tls->reason, QStringLiteral("hop-without-tls"));
        QVERIFY(r.summary.contains(QLatin1String("not encrypted")));
    }

    void tlsaMatching()
    {
        const crypto::Certificate leaf = crypto::Certificate::fromDer(m_server.certDer);
        const crypto::Certificate root = crypto::Certificate::fromDer(m_ca->root().certDer);
        auto rec = [](int u, int s, int m, const QByteArray& data) {
            dns::Record r;
            r.type = dns::Type::TLSA;
            r.rdata = QByteArray(1, char(u)) + char(s) + char(m) + data;
            return r;
        };
        const QByteArray spki = leaf.subjectPublicKeyInfoDer();
        QVERIFY(tls::tlsaMatches(
            rec(3, 1, 1, QCryptographicHash::hash(spki, QCryptographicHash::Sha256)),
            { leaf, root }));
        QVERIFY(tls::tlsaMatches(rec(3, 0, 0, leaf.der()), { leaf, root }));
        QVERIFY(tls::tlsaMatches(
            rec(2, 0, 2, QCryptographicHash::hash(root.der(), QCryptographicHash::Sha512)),
            { leaf, root }));
        QVERIFY(!tls::tlsaMatches(rec(3, 1, 1, QByteArray(32, 'x')), { leaf, root }));
        QString why;
        QVERIFY(!tls::tlsaMatches(
            rec(1, 1, 1, QCryptographicHash::hash(spki, QCryptographicHash::Sha256)),
            { leaf, root }, &why));
        QVERIFY(why.contains(QLatin1String("RFC 7672")));
        QVERIFY(!tls::tlsaMatches(rec(3, 1, 1, {}), { leaf }));
    }

    void liveCheck_data()
    {
        // 0 STARTTLS good, 1 no STARTTLS, 2 expired, 3 DANE mismatch, 4 DANE-EE despite
        // expiry, 5 hang-up after "220 Ready"
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("RFC 3207 STARTTLS with a trusted certificate and DANE-EE") << 0 << "pass"
                                                                                  << "";
        QTest::newRow("RFC 3207 4 server without STARTTLS") << 1 << "fail"
                                                            << "no-starttls";
        QTest::newRow("RFC 5280 6.1.3 expired server certificate") << 2 << "fail"
                                                                   << "certificate-expired";
        QTest::newRow("RFC 7672 2.2 TLSA does not match") << 3 << "fail"
                                                          << "dane-mismatch";
        QTest::newRow("RFC 7672 3.1.1 DANE-EE match despite expiry") << 4 << "pass"
                                                                     << "";
        QTest::newRow("RFC 3207 4.1 server hangs up instead of the handshake")
            << 5 << "fail"
            << "handshake-failed";
    }

    void liveCheck()
    {
        QFETCH(int, mode);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        const bool expiredCert = mode == 2 || mode == 4;
        const mstest::TestIdentity& id = expiredCert ? m_expired : m_server;
        using Mode = mstest::SmtpTestServer::Mode;
        const Mode serverMode = mode == 1 ? Mode::NoStartTls
            : mode == 5                   ? Mode::StartTlsThenHangUp
                                          : Mode::StartTls;
        mstest::SmtpTestServer server(serverMode, id.certPem, id.keyPem);
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QByteArray tlsaName
            = "_" + QByteArray::number(server.port()) + "._tcp.mx.mailscope.test";
        const QString hash = mode == 3 ? QString(64, QLatin1Char('0')) : spkiSha256(id.certDer);
        // The expired case publishes no TLSA: with a matching DANE-EE record expiry would not
        // matter (RFC 7672 3.1.1), which is not what this row is about.
        auto z = dns::ZoneResolver::fromText("mx.mailscope.test. 300 IN A 127.0.0.1\n"
            + (mode == 2 ? QByteArray()
                         : tlsaName + ". 300 IN TLSA 3 1 1 " + hash.toLatin1() + "\n"));
        ValidatingResolver resolver(z, { tlsaName });
        VerifyOptions o;
        o.tlsLiveSmtpCheck = true;
        o.tlsLiveSmtpHost = QStringLiteral("mx.mailscope.test:%1").arg(server.port());
        o.tlsTrustFiles = { m_rootPem };
        o.tlsLiveTimeoutMs = 10000;
        const CheckResult r = run(kTail, resolver, o);
        const QJsonObject live = r.json.toObject().value(QStringLiteral("live")).toObject();
        QCOMPARE(live.value(QStringLiteral("status")).toString(), status);
        QCOMPARE(live.value(QStringLiteral("reason")).toString(), reason);
        QVERIFY(server.sessions() >= 1);
        QVERIFY(!live.value(QStringLiteral("transcript")).toArray().isEmpty());
        if (mode == 1) {
            QCOMPARE(live.value(QStringLiteral("starttlsOffered")).toBool(), false);
            QCOMPARE(server.handshakes(), 0);
            return;
        }
        if (mode == 5) {
            // The step says why, not just that it failed.
            const Step* hs = mstest::findStep(r.step, QStringLiteral("tls.live.handshake"));
            QVERIFY(hs);
            const QString lead = QStringLiteral("TLS handshake failed: ");
            QVERIFY2(hs->detail.startsWith(lead) && hs->detail.size() > lead.size() + 3,
                qPrintable(hs->detail));
            QCOMPARE(server.handshakes(), 0);
            return;
        }
        QCOMPARE(live.value(QStringLiteral("tls")).toBool(), true);
        QVERIFY(
            live.value(QStringLiteral("protocol")).toString().startsWith(QLatin1String("TLSv1.")));
        QVERIFY(!live.value(QStringLiteral("cipher")).toString().isEmpty());
        QCOMPARE(live.value(QStringLiteral("nameMatches")).toBool(), true);
        QCOMPARE(live.value(QStringLiteral("trusted")).toBool(), !expiredCert);
        QCOMPARE(live.value(QStringLiteral("expired")).toBool(), expiredCert);
        QCOMPARE(
            live.value(QStringLiteral("dane")).toObject().value(QStringLiteral("matched")).toInt(),
            mode == 0 || mode == 4 ? 1 : 0);
        bool certSource = false;
        for (const Source& s : r.sources)
            certSource
                = certSource || (s.id == QLatin1String("tls/cert/1") && s.bytes == id.certDer);
        QVERIFY(certSource);
    }

    void liveAddressFromTheZone()
    {
        // RFC 5321 5.1: the server's address comes from the verification's DNS. The zone
        // does not know "localhost", so there is nothing to connect to, although the system
        // resolver would have answered 127.0.0.1.
        mstest::SmtpTestServer server(
            mstest::SmtpTestServer::Mode::StartTls, m_server.certPem, m_server.keyPem);
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto z = dns::ZoneResolver::fromText("other.mailscope.test. 300 IN A 127.0.0.1\n");
        VerifyOptions o;
        o.tlsLiveSmtpCheck = true;
        o.tlsLiveSmtpHost = QStringLiteral("localhost:%1").arg(server.port());
        o.tlsLiveTimeoutMs = 3000;
        const CheckResult r = run(kTail, *z, o);
        const QJsonObject live = r.json.toObject().value(QStringLiteral("live")).toObject();
        QCOMPARE(live.value(QStringLiteral("status")).toString(), QStringLiteral("permerror"));
        QCOMPARE(live.value(QStringLiteral("reason")).toString(), QStringLiteral("no-address"));
        QCOMPARE(server.sessions(), 0);
        const Step* address = mstest::findStep(r.step, QStringLiteral("tls.live.address"));
        QVERIFY(address);
        QCOMPARE(address->children.size(), 2); // the A and the AAAA answer
    }

    void liveUnreachable()
    {
        auto z = dns::ZoneResolver::fromText({});
        VerifyOptions o;
        o.tlsLiveSmtpCheck = true;
        o.tlsLiveSmtpHost = QStringLiteral("127.0.0.1:1"); // nothing listens on port 1
        o.tlsLiveTimeoutMs = 3000;
        const CheckResult r = run(kTail, *z, o);
        const QJsonObject live = r.json.toObject().value(QStringLiteral("live")).toObject();
        QCOMPARE(live.value(QStringLiteral("status")).toString(), QStringLiteral("temperror"));
        QVERIFY(!live.value(QStringLiteral("error")).toString().isEmpty());
        o.tlsLiveSmtpHost = QStringLiteral("host:notaport");
        const CheckResult bad = run(kTail, *z, o);
        QCOMPARE(bad.json.toObject()
                     .value(QStringLiteral("live"))
                     .toObject()
                     .value(QStringLiteral("error"))
                     .toString()
                     .isEmpty(),
            false);
    }
};

QTEST_GUILESS_MAIN(TstTls)
#include "tst_tls.moc"
