// S/MIME verification end to end: messages signed / encrypted at test time with a CA the
// test creates, checked through ms::smime::check.

#include "common/SmimeCa.h"
#include "common/TestUtil.h"
#include "crypto/X509Certificate.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "smime/Smime.h"
#include "verify/Check.h"
#include "verify/Verifier.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace ms;
using mstest::CertOptions;
using mstest::TestCa;
using mstest::TestIdentity;

namespace {

const QByteArray kHeaders = "From: Alice Example <alice@example.com>\r\n"
                            "To: bob@example.org\r\n"
                            "Subject: signed test\r\n"
                            "Date: Sat, 28 Nov 2026 10:00:00 +0000\r\n"
                            "Message-ID: <smime-test@example.com>\r\n";

const QByteArray kEntity = "Content-Type: text/plain; charset=us-ascii\r\n"
                           "Content-Transfer-Encoding: 7bit\r\n"
                           "\r\n"
                           "Hello Bob,\r\n"
                           "this message is signed.\r\n";

struct Run {
    CheckResult result;
    QJsonObject json;
};

QJsonObject firstSigner(const QJsonObject& entity)
{
    if (entity.contains(QStringLiteral("signers")))
        return entity.value(QStringLiteral("signers")).toArray().first().toObject();
    const QJsonArray inner = entity.value(QStringLiteral("inner")).toArray();
    for (const QJsonValue& v : inner) {
        const QJsonObject s = firstSigner(v.toObject());
        if (!s.isEmpty())
            return s;
    }
    return {};
}

} // namespace

class TstSmime : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCa> m_ca, m_otherCa;
    TestIdentity m_alice, m_expired, m_expiredSince, m_future, m_serverEku, m_stranger, m_bobRsa,
        m_aliceEc;
    QString m_rootPem, m_p12, m_p12Password = QStringLiteral("s3cret");

    Run run(
        const QByteArray& msgBytes, bool withKey = false, const QByteArray& password = QByteArray())
    {
        const Message msg = Message::parse(msgBytes);
        dns::ZoneResolver resolver;
        VerifyOptions opts;
        opts.smimeUseSystemStore = false;
        opts.smimeTrustFiles = { m_rootPem };
        if (withKey) {
            opts.pkcs12File = m_p12;
            opts.pkcs12Password = password.isNull() ? m_p12Password.toUtf8() : password;
        }
        CheckContext ctx { msg, resolver, opts, QDateTime::currentDateTimeUtc(), {}, nullptr,
            nullptr };
        Run r;
        r.result = smime::check(ctx);
        r.json = r.result.json.toObject();
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = std::make_unique<TestCa>();
        m_otherCa = std::make_unique<TestCa>(QStringLiteral("Unknown Other CA"));
        m_rootPem = m_dir.filePath(QStringLiteral("root.pem"));
        QVERIFY(m_ca->writeRootPem(m_rootPem));
        const QDateTime now = QDateTime::currentDateTimeUtc();

        m_alice = m_ca->issue({});
        CertOptions ec;
        ec.ec = true;
        m_aliceEc = m_ca->issue(ec);
        CertOptions expired;
        expired.notBefore = now.addYears(-3);
        expired.notAfter = now.addYears(-2);
        m_expired = m_ca->issue(expired);
        m_expiredSince = m_ca->issue(expired);
        CertOptions future;
        future.notBefore = now.addDays(30);
        future.notAfter = now.addDays(400);
        m_future = m_ca->issue(future);
        CertOptions server;
        server.extendedKeyUsage = QStringLiteral("serverAuth");
        m_serverEku = m_ca->issue(server);
        m_stranger = m_otherCa->issue({});
        CertOptions bob;
        bob.commonName = QStringLiteral("Bob Example");
        bob.emails = { QStringLiteral("bob@example.org") };
        m_bobRsa = m_ca->issue(bob);

        m_p12 = m_dir.filePath(QStringLiteral("bob.p12"));
        QFile f(m_p12);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_bobRsa.pkcs12(m_p12Password.toUtf8()));
    }

    void verdicts_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");

        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto detached = [&](const TestIdentity& id, const QDateTime& t = {}) {
            return mstest::multipartSigned(
                kHeaders, kEntity, mstest::cmsSign(kEntity, id, true, t));
        };

        QTest::newRow("RFC 8551 3.5.3 good detached signature")
            << detached(m_alice) << false << "pass"
            << "";
        QTest::newRow("RFC 8551 3.5.3 good, ECDSA P-256 signer")
            << detached(m_aliceEc) << false << "pass"
            << "";
        QTest::newRow("RFC 8551 3.5.3 x-pkcs7-signature") << mstest::multipartSigned(kHeaders,
            kEntity, mstest::cmsSign(kEntity, m_alice, true), "application/x-pkcs7-signature")
                                                          << false << "pass"
                                                          << "";
        QTest::newRow("RFC 5280 6.1.3 expired") << detached(m_expired) << false << "fail"
                                                << "expired";
        QTest::newRow("RFC 5280 6.1.3 expired since signing (valid at signingTime)")
            << detached(m_expiredSince, now.addYears(-2).addDays(-100)) << false << "pass"
            << "";
        QTest::newRow("RFC 5280 6.1.3 not yet valid") << detached(m_future) << false << "fail"
                                                      << "not-yet-valid";
        QTest::newRow("RFC 8550 4.4.4 wrong EKU (serverAuth)")
            << detached(m_serverEku) << false << "fail"
            << "wrong-usage";
        QTest::newRow("RFC 5280 6.1 unknown CA") << detached(m_stranger) << false << "fail"
                                                 << "untrusted";
        {
            QByteArray tampered = detached(m_alice);
            tampered.replace("this message is signed.", "this message is signEd.");
            QTest::newRow("RFC 5652 5.4 tampered content") << tampered << false << "fail"
                                                           << "content-modified";
        }
        {
            QByteArray footer = detached(m_alice);
            footer.replace("signed.\r\n\r\n--", "signed.\r\n-- \r\nScanned by Gateway\r\n\r\n--");
            QTest::newRow("RFC 5652 5.4 gateway footer added") << footer << false << "fail"
                                                               << "content-modified";
        }
        QTest::newRow("RFC 8551 3.5.2 opaque signing, smime-type=signed-data")
            << mstest::pkcs7Mime(kHeaders, mstest::cmsSign(kEntity, m_alice, false), "signed-data")
            << false << "pass"
            << "";
        QTest::newRow("RFC 8551 3.2.2 opaque signing, no smime-type") << mstest::pkcs7Mime(
            kHeaders, mstest::cmsSign(kEntity, m_alice, false), {}, "application/x-pkcs7-mime")
                                                                      << false << "pass"
                                                                      << "";
        {
            QByteArray other = detached(m_alice);
            other.replace(
                "From: Alice Example <alice@example.com>", "From: Mallory <mallory@example.net>");
            QTest::newRow("RFC 8550 3 signer address differs from From")
                << other << false << "policy"
                << "address-mismatch";
        }
        const QByteArray signedEntity
            = mstest::multipartSigned({}, kEntity, mstest::cmsSign(kEntity, m_alice, true));
        const QByteArray encrypted = mstest::pkcs7Mime(
            kHeaders, mstest::cmsEncrypt(signedEntity, { m_bobRsa }), "enveloped-data");
        QTest::newRow("RFC 8551 3.7 signed inside encrypted, key given")
            << encrypted << true << "pass"
            << "";
        QTest::newRow("RFC 8551 3.3 encrypted, no key") << encrypted << false << "none"
                                                        << "encrypted";
        QTest::newRow("RFC 5652 5.1 garbage signature part")
            << mstest::multipartSigned(kHeaders, kEntity, QByteArray("not a CMS structure"))
            << false << "permerror"
            << "malformed";
        QTest::newRow("no S/MIME at all")
            << QByteArray(kHeaders + "\r\nplain text\r\n") << false << "none"
            << "no-smime";
    }

    void verdicts()
    {
        QFETCH(QByteArray, message);
        QFETCH(bool, withKey);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        const Run r = run(message, withKey);
        QCOMPARE(statusName(r.result.status), status);
        QVERIFY(r.result.outcomes.smime.has_value());
        QCOMPARE(r.result.outcomes.smime->reason, reason);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), status);
        QVERIFY2(
            r.result.summary.startsWith(status + QLatin1Char(':')), qPrintable(r.result.summary));
        // Every span points at a source that exists, inside its bounds.
        QStringList ids { QStringLiteral("message") };
        for (const Source& s : r.result.sources)
            ids.append(s.id);
        std::function<void(const Step&)> checkSpans = [&](const Step& s) {
            for (const Span& sp : s.spans) {
                QVERIFY2(ids.contains(sp.source), qPrintable(sp.source));
                if (sp.source != QLatin1String("message")) {
                    for (const Source& src : r.result.sources) {
                        if (src.id == sp.source)
                            QVERIFY(sp.offset + sp.length <= src.bytes.size());
                    }
                }
            }
            for (const Step& c : s.children)
                checkSpans(c);
        };
        checkSpans(r.result.step);
    }

    void digestsShown()
    {
        const Run good = run(
            mstest::multipartSigned(kHeaders, kEntity, mstest::cmsSign(kEntity, m_alice, true)));
        const QJsonObject signer
            = firstSigner(good.json.value(QStringLiteral("entities")).toArray().first().toObject());
        QCOMPARE(
            signer.value(QStringLiteral("digestAlgorithm")).toString(), QStringLiteral("SHA256"));
        const QString computed = signer.value(QStringLiteral("digestComputed")).toString();
        QCOMPARE(computed.size(), 64);
        QCOMPARE(computed, signer.value(QStringLiteral("digestSigned")).toString());
        // The computed digest is SHA-256 of exactly the signed entity bytes.
        QCOMPARE(computed,
            QString::fromLatin1(
                QCryptographicHash::hash(kEntity, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(signer.value(QStringLiteral("chain")).toArray().size(), 2);
        QCOMPARE(signer.value(QStringLiteral("addressMatchesFrom")).toBool(), true);
        // The signed-content step spans exactly those bytes in the message.
        const Step* sc = mstest::findStep(good.result.step, QStringLiteral("smime.signed-content"));
        QVERIFY(sc);
        QCOMPARE(sc->spans.size(), 1);
        const Message msg = Message::parse(
            mstest::multipartSigned(kHeaders, kEntity, mstest::cmsSign(kEntity, m_alice, true)));
        QCOMPARE(msg.bytes().mid(sc->spans[0].offset, sc->spans[0].length), kEntity);
        // Certificates are DER sources.
        bool haveCert = false;
        for (const Source& s : good.result.sources)
            haveCert = haveCert
                || (s.id.startsWith(QLatin1String("smime/cert/")) && s.kind == Source::Kind::Der);
        QVERIFY(haveCert);

        const Run bad = run([&] {
            QByteArray m = mstest::multipartSigned(
                kHeaders, kEntity, mstest::cmsSign(kEntity, m_alice, true));
            m.replace("Hello Bob", "Hello Rob");
            return m;
        }());
        const QJsonObject badSigner
            = firstSigner(bad.json.value(QStringLiteral("entities")).toArray().first().toObject());
        QVERIFY(badSigner.value(QStringLiteral("digestComputed")).toString()
            != badSigner.value(QStringLiteral("digestSigned")).toString());
        QCOMPARE(badSigner.value(QStringLiteral("signatureValid")).toBool(), true);
    }

    void encryptedDetails()
    {
        const QByteArray signedEntity
            = mstest::multipartSigned({}, kEntity, mstest::cmsSign(kEntity, m_alice, true));
        const QByteArray msg = mstest::pkcs7Mime(
            kHeaders, mstest::cmsEncrypt(signedEntity, { m_alice, m_bobRsa }), "enveloped-data");
        const Run locked = run(msg);
        const QJsonObject e
            = locked.json.value(QStringLiteral("entities")).toArray().first().toObject();
        QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("encrypted"));
        QCOMPARE(e.value(QStringLiteral("recipients")).toArray().size(), 2);
        QCOMPARE(e.value(QStringLiteral("contentEncryptionAlgorithm")).toString(),
            QStringLiteral("AES-128-CBC"));
        QCOMPARE(e.value(QStringLiteral("recipients"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("serial"))
                     .toString(),
            crypto::Certificate::fromDer(m_bobRsa.certDer).serialHex());

        const Run opened = run(msg, true);
        const QJsonObject oe
            = opened.json.value(QStringLiteral("entities")).toArray().first().toObject();
        QCOMPARE(oe.value(QStringLiteral("decrypted")).toBool(), true);
        QCOMPARE(oe.value(QStringLiteral("decryptedWithRecipient")).toInt(), 2);
        QCOMPARE(opened.result.outcomes.smime->signer,
            QStringLiteral("Alice Example <alice@example.com>"));
        // The decrypted content is an in-memory source, never a file.
        bool inner = false;
        for (const Source& s : opened.result.sources)
            inner = inner
                || (s.id.startsWith(QLatin1String("smime/content/"))
                    && s.bytes.contains("Hello Bob"));
        QVERIFY(inner);

        const Run wrong = run(msg, true, "wrong password");
        const QJsonObject we
            = wrong.json.value(QStringLiteral("entities")).toArray().first().toObject();
        QCOMPARE(we.value(QStringLiteral("decrypted")).toBool(), false);
        QVERIFY(!we.value(QStringLiteral("decryptError")).toString().isEmpty());
        QCOMPARE(wrong.result.status, Status::None);
    }

    // Through the Verifier into the report JSON, as the CLI prints it.
    void reportJson()
    {
        VerifyOptions o;
        o.checks = { QStringLiteral("smime") };
        o.smimeUseSystemStore = false;
        o.smimeTrustFiles = { m_rootPem };
        Verifier v(o, std::make_shared<dns::ZoneResolver>());
        const Report rep = v.verify(Message::parse(mstest::multipartSigned(kHeaders, kEntity,
                                        mstest::cmsSign(kEntity, m_alice, true))),
            QStringLiteral("signed.eml"));
        const QJsonObject j = toJson(rep);
        const QJsonObject sm = j.value(QStringLiteral("smime")).toObject();
        QCOMPARE(sm.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(sm.value(QStringLiteral("signer")).toString(),
            QStringLiteral("Alice Example <alice@example.com>"));
        QVERIFY(rep.source(QStringLiteral("smime/cert/1")));
        QCOMPARE(rep.outcomes.smime->status, Status::Pass);
    }

    void contentTypeParameter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("RFC 2045 5.1 quoted")
            << QByteArray(
                   "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256")
            << QByteArray("protocol") << QByteArray("application/pkcs7-signature");
        QTest::newRow("RFC 2045 5.1 token, case-insensitive name")
            << QByteArray("application/pkcs7-mime; SMIME-Type=enveloped-data; name=smime.p7m")
            << QByteArray("smime-type") << QByteArray("enveloped-data");
        QTest::newRow("semicolon inside quotes")
            << QByteArray("multipart/signed; boundary=\"a;b\"; micalg=sha-1")
            << QByteArray("micalg") << QByteArray("sha-1");
        QTest::newRow("absent") << QByteArray("text/plain") << QByteArray("protocol")
                                << QByteArray();
    }

    void contentTypeParameter()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, expected);
        QCOMPARE(smime::contentTypeParameter(value, name), expected);
    }

    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("truncated base64 CMS") << mstest::multipartSigned(
            kHeaders, kEntity, mstest::cmsSign(kEntity, m_alice, true).left(300));
        QTest::newRow("pkcs7-mime with garbage")
            << mstest::pkcs7Mime(kHeaders, QByteArray(5000, '\x30'), "signed-data");
        QTest::newRow("multipart/signed with one part") << QByteArray(kHeaders
            + "Content-Type: multipart/signed; protocol=\"application/"
              "pkcs7-signature\"; boundary=b\r\n\r\n--b\r\n"
            + kEntity + "\r\n--b--\r\n");
        QByteArray deep = kHeaders;
        for (int i = 0; i < 200; ++i)
            deep += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i)
                + "\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
        QTest::newRow("deep nesting") << deep;
        // Found by the long fuzz run: a certificate OpenSSL reads but cannot re-encode into
        // something it reads again; matching signers against it dereferenced null.
        const QByteArray odd = mstest::readFile(mstest::sourceDir()
            + QStringLiteral("/tests/fuzz/corpus/cms/fd495aafa90745cc2ab1391e408b20311c0be2c5"));
        if (odd.isEmpty())
            QFAIL("the fuzz corpus file with the odd certificate is missing");
        QTest::newRow("RFC 5652 5.1 certificate that does not survive re-encoding")
            << mstest::pkcs7Mime(kHeaders, odd, "signed-data");
    }

    void hostileInput()
    {
        QFETCH(QByteArray, message);
        const Run r = run(message);
        QVERIFY(!r.result.summary.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSmime)
#include "tst_smime.moc"
