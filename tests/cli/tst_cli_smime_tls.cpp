// mailscope-cli's S/MIME and TLS options as a user runs them: a PKCS#12 key with its
// password from a file or the environment (never the command line), extra trust anchors,
// the live STARTTLS check against a local OpenSSL SMTP server (its address from NSD on
// 127.0.0.1, never from the system resolver), and the MTA-STS fetch switch; both refused
// while DNS is offline.
#include "common/CliRunner.h"
#include "common/NsdServer.h"
#include "common/SmimeCa.h"
#include "common/SmtpTestServer.h"
#include "common/TestUtil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run : mstest::CliRun {
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run cli(const QStringList& args, const QMap<QString, QString>& env = {})
{
    return { mstest::runCli(args, env) };
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QJsonObject firstSigner(const QJsonObject& entity)
{
    if (entity.contains(QStringLiteral("signers")))
        return entity.value(QStringLiteral("signers")).toArray().first().toObject();
    for (const QJsonValue& v : entity.value(QStringLiteral("inner")).toArray()) {
        const QJsonObject s = firstSigner(v.toObject());
        if (!s.isEmpty())
            return s;
    }
    return {};
}

const QByteArray kHeaders = "From: Alice Example <alice@example.com>\r\n"
                            "To: Bob <bob@example.org>\r\n"
                            "Subject: S/MIME from the command line\r\n"
                            "Date: Sat, 28 Nov 2026 10:00:00 +0000\r\n"
                            "MIME-Version: 1.0\r\n";
const QByteArray kEntity = "Content-Type: text/plain; charset=us-ascii\r\n"
                           "\r\n"
                           "Hello Bob, this is signed and encrypted.\r\n";

} // namespace

class TstCliSmimeTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<mstest::TestCa> m_ca;
    mstest::TestIdentity m_alice, m_bob, m_server;
    QString m_root, m_encrypted, m_signed, m_p12, m_passwordFile;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QStringList verifyArgs(const QString& checks) const
    {
        return { QStringLiteral("verify"), QStringLiteral("--offline"), QStringLiteral("--checks"),
            checks, QStringLiteral("--format"), QStringLiteral("json") };
    }

    // Live DNS from a real server on 127.0.0.1: NSD with the zone mailscope.test (names no
    // system resolver knows: mx.mailscope.test is 127.0.0.1); it refuses every other name.
    std::unique_ptr<mstest::NsdServer> m_nsd;
    QStringList liveArgs(const QString& checks) const
    {
        return { QStringLiteral("verify"), QStringLiteral("--dns-server"),
            QStringLiteral("127.0.0.1:%1").arg(m_nsd->port()), QStringLiteral("--checks"), checks,
            QStringLiteral("--format"), QStringLiteral("json") };
    }
    bool startNsd(QString* error)
    {
        if (m_nsd)
            return true;
        m_nsd = std::make_unique<mstest::NsdServer>();
        m_nsd->addZone("mailscope.test",
            "$TTL 300\n"
            "mailscope.test. IN SOA ns.mailscope.test. hostmaster.mailscope.test. 1 3600 600 "
            "86400 300\n"
            "mailscope.test. IN NS ns.mailscope.test.\n"
            "ns.mailscope.test. IN A 127.0.0.1\n"
            "mx.mailscope.test. IN A 127.0.0.1\n");
        if (m_nsd->start(error))
            return true;
        m_nsd.reset();
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = std::make_unique<mstest::TestCa>(QStringLiteral("Mailscope CLI Test CA"));
        m_root = path(QStringLiteral("root.pem"));
        QVERIFY(m_ca->writeRootPem(m_root));
        m_alice = m_ca->issue({});
        mstest::CertOptions bob;
        bob.commonName = QStringLiteral("Bob");
        bob.emails = { QStringLiteral("bob@example.org") };
        m_bob = m_ca->issue(bob);
        mstest::CertOptions server;
        server.commonName = QStringLiteral("localhost");
        server.emails = {};
        server.dnsNames = { QStringLiteral("localhost"), QStringLiteral("mx.mailscope.test") };
        server.extendedKeyUsage = QStringLiteral("serverAuth");
        server.ec = true;
        m_server = m_ca->issue(server);

        const QByteArray signedEntity
            = mstest::multipartSigned({}, kEntity, mstest::cmsSign(kEntity, m_alice, true));
        m_encrypted = path(QStringLiteral("encrypted.eml"));
        QVERIFY(writeFile(m_encrypted,
            mstest::pkcs7Mime(
                kHeaders, mstest::cmsEncrypt(signedEntity, { m_bob }), "enveloped-data")));
        m_signed = path(QStringLiteral("signed.eml"));
        QVERIFY(writeFile(m_signed,
            mstest::multipartSigned(kHeaders, kEntity, mstest::cmsSign(kEntity, m_alice, true))));
        m_p12 = path(QStringLiteral("bob.p12"));
        QVERIFY(writeFile(m_p12, m_bob.pkcs12("correct horse")));
        m_passwordFile = path(QStringLiteral("password.txt"));
        QVERIFY(writeFile(m_passwordFile, "correct horse\n"));
    }

    void help()
    {
        const Run r = cli({ QStringLiteral("verify"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        for (const char* o :
            { "--pkcs12 <FILE>", "--pkcs12-password-file", "--pkcs12-password-env", "--smime-trust",
                "--no-system-store", "--tls-live-check", "--tls-trust", "--mta-sts-fetch" })
            QVERIFY2(r.out.contains(o), o);
        QVERIFY(!r.out.contains("--pkcs12-password <")); // never on the command line
    }

    void decrypt_data()
    {
        QTest::addColumn<bool>("fromEnvironment");
        QTest::newRow("password from a file") << false;
        QTest::newRow("password from the environment") << true;
    }

    void decrypt()
    {
        QFETCH(bool, fromEnvironment);
        QStringList args = verifyArgs(QStringLiteral("smime"));
        args << QStringLiteral("--pkcs12") << m_p12 << QStringLiteral("--smime-trust") << m_root
             << QStringLiteral("--no-system-store");
        QMap<QString, QString> env;
        if (fromEnvironment) {
            args << QStringLiteral("--pkcs12-password-env") << QStringLiteral("MS_TEST_P12_PASS");
            env.insert(QStringLiteral("MS_TEST_P12_PASS"), QStringLiteral("correct horse"));
        } else {
            args << QStringLiteral("--pkcs12-password-file") << m_passwordFile;
        }
        args << m_encrypted;
        const Run r = cli(args, env);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject smime = r.json().value(QStringLiteral("smime")).toObject();
        QCOMPARE(smime.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        const QJsonObject entity
            = smime.value(QStringLiteral("entities")).toArray().first().toObject();
        QCOMPARE(entity.value(QStringLiteral("decrypted")).toBool(), true);
        const QJsonObject signer = firstSigner(entity);
        QCOMPARE(signer.value(QStringLiteral("signatureValid")).toBool(), true);
        QCOMPARE(signer.value(QStringLiteral("digestMatches")).toBool(), true);
        QCOMPARE(signer.value(QStringLiteral("trusted")).toBool(), true);
        QCOMPARE(smime.value(QStringLiteral("signer")).toString(),
            QStringLiteral("Alice Example <alice@example.com>"));
        // The decrypted content stayed in memory: nothing new next to the inputs.
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).size(), 5);
    }

    void wrongPassword_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QByteArray>("passwordFile");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("wrong password in the file")
            << QStringList { QStringLiteral("--pkcs12-password-file"), QStringLiteral("@pw") }
            << QByteArray("battery staple\n") << 3 << "wrong password";
        // Read in chunks against the limit, not into a buffer of the limit's size.
        QTest::newRow("password file over 4096 bytes")
            << QStringList { QStringLiteral("--pkcs12-password-file"), QStringLiteral("@pw") }
            << QByteArray(5000, 'x') << 3 << "larger than 4096 bytes";
        QTest::newRow("no password for a protected key")
            << QStringList() << QByteArray() << 3 << "wrong password";
        QTest::newRow("environment variable not set") << QStringList {
            QStringLiteral("--pkcs12-password-env"), QStringLiteral("MS_TEST_UNSET_VARIABLE")
        } << QByteArray() << 2 << "MS_TEST_UNSET_VARIABLE";
        QTest::newRow("file and environment both")
            << QStringList { QStringLiteral("--pkcs12-password-file"), QStringLiteral("@pw"),
                   QStringLiteral("--pkcs12-password-env"), QStringLiteral("HOME") }
            << QByteArray("x") << 2 << "not both";
    }

    void wrongPassword()
    {
        QFETCH(QStringList, extra);
        QFETCH(QByteArray, passwordFile);
        QFETCH(int, code);
        QFETCH(QString, says);
        const QString pw = path(QStringLiteral("wrong.txt"));
        QVERIFY(writeFile(pw, passwordFile));
        extra.replaceInStrings(QStringLiteral("@pw"), pw);
        const Run r = cli(verifyArgs(QStringLiteral("smime"))
            << QStringLiteral("--pkcs12") << m_p12 << extra << m_encrypted);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(says.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty()); // stopped before reading any message
        QVERIFY(!r.err.contains("battery")); // the password is never echoed
    }

    void trustFile()
    {
        // The test CA is unknown to the system: without the trust file the signature is
        // valid but not trusted; with it, trusted.
        const Run without = cli(
            verifyArgs(QStringLiteral("smime")) << QStringLiteral("--no-system-store") << m_signed);
        const QJsonObject s1 = firstSigner(without.json()
                                               .value(QStringLiteral("smime"))
                                               .toObject()
                                               .value(QStringLiteral("entities"))
                                               .toArray()
                                               .first()
                                               .toObject());
        QCOMPARE(s1.value(QStringLiteral("signatureValid")).toBool(), true);
        QCOMPARE(s1.value(QStringLiteral("trusted")).toBool(), false);
        QVERIFY(
            without.json().value(QStringLiteral("smime")).toObject().value(QStringLiteral("result"))
            != QStringLiteral("pass"));

        const Run with = cli(verifyArgs(QStringLiteral("smime"))
            << QStringLiteral("--smime-trust") << m_root << m_signed);
        QCOMPARE(with.code, 0);
        const QJsonObject smime = with.json().value(QStringLiteral("smime")).toObject();
        QCOMPARE(smime.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(firstSigner(smime.value(QStringLiteral("entities")).toArray().first().toObject())
                     .value(QStringLiteral("trusted"))
                     .toBool(),
            true);

        const Run missing = cli(verifyArgs(QStringLiteral("smime"))
            << QStringLiteral("--smime-trust") << path(QStringLiteral("absent.pem")) << m_signed);
        QCOMPARE(missing.code, 3);
        QVERIFY(missing.err.contains("--smime-trust"));
        const Run notPem = cli(verifyArgs(QStringLiteral("smime"))
            << QStringLiteral("--smime-trust") << m_passwordFile << m_signed);
        QCOMPARE(notPem.code, 3);
        QVERIFY(notPem.err.contains("no PEM certificate"));
    }

    void liveCheck()
    {
        mstest::SmtpTestServer server(
            mstest::SmtpTestServer::Mode::StartTls, m_server.certPem, m_server.keyPem);
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString msg = path(QStringLiteral("received.eml"));
        QVERIFY(writeFile(msg,
            "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=example.com\r\n"
            "Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n"
            "\tby mx.example.org (Postfix) with ESMTPS id 4XyZ\r\n"
            "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits));\r\n"
            "\tSat, 28 Nov 2026 10:00:00 +0000\r\n"
                + kHeaders + "\r\nbody\r\n"));

        // Offline means no traffic at all: refused before anything connects.
        const Run offline = cli(verifyArgs(QStringLiteral("tls"))
            << QStringLiteral("--tls-live-check")
            << QStringLiteral("localhost:%1").arg(server.port()) << msg);
        QCOMPARE(offline.code, 2);
        QVERIFY2(offline.err.contains("offline"), offline.err.constData());
        QCOMPARE(server.sessions(), 0);

        QString error;
        QVERIFY2(startNsd(&error), qPrintable(error));
        const Run r = cli(liveArgs(QStringLiteral("tls,authres"))
            << QStringLiteral("--tls-live-check")
            << QStringLiteral("mx.mailscope.test:%1").arg(server.port())
            << QStringLiteral("--tls-trust") << m_root << msg);
        QVERIFY2(r.code == 0 || r.code == 4, r.err.constData()); // other names: REFUSED
        const QJsonObject j = r.json();
        const QJsonObject tls = j.value(QStringLiteral("tls")).toObject();
        QCOMPARE(tls.value(QStringLiteral("hops")).toArray().size(), 1);
        const QJsonObject live = tls.value(QStringLiteral("live")).toObject();
        QCOMPARE(live.value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(live.value(QStringLiteral("trusted")).toBool(), true);
        QCOMPARE(live.value(QStringLiteral("nameMatches")).toBool(), true);
        QCOMPARE(live.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
        QCOMPARE(live.value(QStringLiteral("addresses")).toArray(),
            QJsonArray { QStringLiteral("127.0.0.1") });
        QVERIFY(server.handshakes() >= 1);
        const QJsonObject authres = j.value(QStringLiteral("authres")).toObject();
        QCOMPARE(authres.value(QStringLiteral("fields")).toArray().size(), 1);
        QCOMPARE(
            authres.value(QStringLiteral("receiver")).toString(), QStringLiteral("mx.example.org"));

        // Without --tls-trust the test CA is unknown: the chain is not trusted.
        const Run untrusted = cli(liveArgs(QStringLiteral("tls"))
            << QStringLiteral("--tls-live-check")
            << QStringLiteral("mx.mailscope.test:%1").arg(server.port()) << msg);
        const QJsonObject live2 = untrusted.json()
                                      .value(QStringLiteral("tls"))
                                      .toObject()
                                      .value(QStringLiteral("live"))
                                      .toObject();
        QCOMPARE(live2.value(QStringLiteral("trusted")).toBool(), false);
        QCOMPARE(live2.value(QStringLiteral("reason")).toString(),
            QStringLiteral("certificate-untrusted"));

        // Off unless asked: no connection.
        const int before = server.sessions();
        const Run off = cli(verifyArgs(QStringLiteral("tls")) << msg);
        QVERIFY(off.json()
                    .value(QStringLiteral("tls"))
                    .toObject()
                    .value(QStringLiteral("live"))
                    .isNull());
        QCOMPARE(server.sessions(), before);
    }

    void mtaStsFetchSwitch()
    {
        // Refused offline; with live DNS the policy host has no address: the flag reaches
        // the engine, which says so, and without the flag nothing is attempted.
        const QString zone = path(QStringLiteral("sts.zone"));
        QVERIFY(writeFile(zone,
            "example.org. 300 IN MX 10 mx.example.org.\n"
            "_mta-sts.example.org. 300 IN TXT \"v=STSv1; id=20261128\"\n"));
        auto stsOf = [](const Run& r) {
            for (const QJsonValue& d : r.json()
                                           .value(QStringLiteral("tls"))
                                           .toObject()
                                           .value(QStringLiteral("domains"))
                                           .toArray()) {
                if (d.toObject().value(QStringLiteral("domain")).toString() == "example.org")
                    return d.toObject().value(QStringLiteral("mtaSts")).toObject();
            }
            return QJsonObject();
        };
        const Run offline = cli(verifyArgs(QStringLiteral("tls"))
            << QStringLiteral("--zone") << zone << QStringLiteral("--mta-sts-fetch") << m_signed);
        QCOMPARE(offline.code, 2);
        QVERIFY2(offline.err.contains("--mta-sts-fetch"), offline.err.constData());
        QString error;
        QVERIFY2(startNsd(&error), qPrintable(error));
        // The zone file laid over live DNS (NSD): mta-sts.example.org has no address there.
        const Run on = cli(liveArgs(QStringLiteral("tls"))
            << QStringLiteral("--zone") << zone << QStringLiteral("--mta-sts-fetch") << m_signed);
        const QJsonObject sts = stsOf(on);
        QCOMPARE(sts.value(QStringLiteral("id")).toString(), QStringLiteral("20261128"));
        QCOMPARE(
            sts.value(QStringLiteral("policyReason")).toString(), QStringLiteral("no-address"));
        QVERIFY(sts.contains(QStringLiteral("fetch")));
        const Run off = cli(
            verifyArgs(QStringLiteral("tls")) << QStringLiteral("--zone") << zone << m_signed);
        QVERIFY(!stsOf(off).contains(QStringLiteral("fetch")));
        QCOMPARE(stsOf(off).value(QStringLiteral("policyFetched")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TstCliSmimeTls)
#include "tst_cli_smime_tls.moc"
