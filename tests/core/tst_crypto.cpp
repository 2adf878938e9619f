#include "common/TestUtil.h"
#include "crypto/Base64.h"
#include "crypto/Digest.h"
#include "crypto/Keys.h"

#include <QtTest>

using namespace ms::crypto;

class TestCrypto : public QObject
{
    Q_OBJECT
private slots:
    void digestVectors_data();
    void digestVectors();
    void digestCopySnapshotsState();
    void base64TolerantOfFws_data();
    void base64TolerantOfFws();
    void rsaSignVerifyRoundTrip_data();
    void rsaSignVerifyRoundTrip();
    void ed25519Rfc8463Key();
    void rsaKeyForms();
    void garbageKeys();
};

void TestCrypto::digestVectors_data()
{
    QTest::addColumn<int>("alg");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("FIPS 180-2 sha1 abc") << int(DigestAlgorithm::Sha1) << QByteArray("abc")
                                         << QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d");
    QTest::newRow("FIPS 180-2 sha256 abc")
        << int(DigestAlgorithm::Sha256) << QByteArray("abc")
        << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // RFC 6376 3.4.4: the canonical empty body is CRLF.
    QTest::newRow("RFC 6376 3.4.4 empty body sha256")
        << int(DigestAlgorithm::Sha256) << QByteArray("\r\n")
        << QByteArray::fromBase64("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=").toHex();
}

void TestCrypto::digestVectors()
{
    QFETCH(int, alg);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hex);
    QCOMPARE(Digest::hash(DigestAlgorithm(alg), input).toHex(), hex);
    Digest d { DigestAlgorithm(alg) };
    for (char c : input)
        d.update(QByteArrayView(&c, 1));
    QCOMPARE(d.result().toHex(), hex);
    QCOMPARE(d.bytesHashed(), input.size());
}

void TestCrypto::digestCopySnapshotsState()
{
    Digest d;
    d.update("hello ");
    Digest snap = d; // snapshot
    d.update("world");
    QCOMPARE(snap.result(), Digest::hash(DigestAlgorithm::Sha256, "hello "));
    QCOMPARE(d.result(), Digest::hash(DigestAlgorithm::Sha256, "hello world"));
    // result() does not end the digest
    d.update("!");
    QCOMPARE(d.result(), Digest::hash(DigestAlgorithm::Sha256, "hello world!"));
    Digest moved = std::move(snap);
    moved.update("x");
    QCOMPARE(moved.result(), Digest::hash(DigestAlgorithm::Sha256, "hello x"));
    snap = moved;
    QCOMPARE(snap.result(), moved.result());
}

void TestCrypto::base64TolerantOfFws_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plain") << QByteArray("aGVsbG8=") << true << QByteArray("hello");
    QTest::newRow("RFC 6376 3.5 FWS inside b=")
        << QByteArray("aGVs\r\n\t bG8=") << true << QByteArray("hello");
    QTest::newRow("bad char") << QByteArray("aGV*bG8=") << false << QByteArray();
    QTest::newRow("data after padding") << QByteArray("aGVsbG8=aa") << false << QByteArray();
    QTest::newRow("bad length") << QByteArray("aGVsb") << false << QByteArray();
    QTest::newRow("empty") << QByteArray("") << true << QByteArray();
}

void TestCrypto::base64TolerantOfFws()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QByteArray, bytes);
    const Base64Result r = decodeBase64(text);
    QCOMPARE(r.ok, ok);
    if (ok)
        QCOMPARE(r.bytes, bytes);
    else
        QVERIFY(!r.error.isEmpty());
}

void TestCrypto::rsaSignVerifyRoundTrip_data()
{
    QTest::addColumn<int>("alg");
    QTest::newRow("rsa-sha256") << int(DigestAlgorithm::Sha256);
    QTest::newRow("rsa-sha1") << int(DigestAlgorithm::Sha1);
}

void TestCrypto::rsaSignVerifyRoundTrip()
{
    QFETCH(int, alg);
    const auto a = DigestAlgorithm(alg);
    static const PrivateKey key = PrivateKey::generateRsa(1024);
    QVERIFY(!key.isNull());
    QCOMPARE(key.bits(), 1024);
    const QByteArray sig = key.sign(a, "data");
    QCOMPARE(sig.size(), 128);
    const PublicKey pub = key.publicKey();
    QCOMPARE(pub.type(), KeyType::Rsa);
    QCOMPARE(pub.bits(), 1024);
    QVERIFY(pub.verify(a, "data", sig));
    QString err;
    QVERIFY(!pub.verify(a, "datA", sig, &err));
    QVERIFY(!err.isEmpty());
    // The other hash algorithm's DigestInfo must not be accepted.
    const auto other = a == DigestAlgorithm::Sha1 ? DigestAlgorithm::Sha256 : DigestAlgorithm::Sha1;
    QVERIFY(!pub.verify(other, "data", sig));
    // PEM round trip
    const PrivateKey again = PrivateKey::fromPem(key.toPem());
    QVERIFY(!again.isNull());
    QVERIFY(pub.verify(a, "x", again.sign(a, "x")));
}

void TestCrypto::ed25519Rfc8463Key()
{
    const QString dir = mstest::conformanceDir();
    if (dir.isEmpty())
        QSKIP("conformance data absent (../shared/conformance): RFC 8463 key not checked");
    const QByteArray seed
        = decodeBase64(mstest::readFile(dir + "/dkim-rfc/rfc8463-brisbane-ed25519-seed.b64")).bytes;
    const QByteArray pubRaw
        = decodeBase64(mstest::readFile(dir + "/dkim-rfc/rfc8463-brisbane-ed25519-public.b64"))
              .bytes;
    QCOMPARE(pubRaw.size(), 32);
    const PrivateKey key = PrivateKey::fromEd25519Seed(seed);
    QCOMPARE(key.type(), KeyType::Ed25519);
    QCOMPARE(key.publicKey().ed25519Raw(), pubRaw);
    const PublicKey pub = PublicKey::fromEd25519Raw(pubRaw);
    QCOMPARE(pub.bits(), 256);
    const QByteArray h = Digest::hash(DigestAlgorithm::Sha256, "header data");
    const QByteArray sig = key.signHash(DigestAlgorithm::Sha256, h);
    QCOMPARE(sig.size(), 64);
    QVERIFY(pub.verifyHash(DigestAlgorithm::Sha256, h, sig));
    QVERIFY(
        !pub.verifyHash(DigestAlgorithm::Sha256, Digest::hash(DigestAlgorithm::Sha256, "x"), sig));
}

void TestCrypto::rsaKeyForms()
{
    const PrivateKey key = PrivateKey::generateRsa(2048);
    const QByteArray spki = key.publicKey().subjectPublicKeyInfo();
    const PublicKey a = PublicKey::fromSubjectPublicKeyInfo(spki);
    QCOMPARE(a.bits(), 2048);
    // SPKI = SEQUENCE { AlgorithmIdentifier (15 bytes for rsaEncryption), BIT STRING { RSAPublicKey
    // } } Find the BIT STRING contents: skip outer header, algorithm id, bit string header + unused
    // bits.
    const int outerHdr = 4, algId = 15, bitHdr = 5;
    const QByteArray pkcs1 = spki.mid(outerHdr + algId + bitHdr);
    const PublicKey b = PublicKey::fromRsaPublicKey(pkcs1);
    QVERIFY(!b.isNull());
    QCOMPARE(b.subjectPublicKeyInfo(), spki);
    // SPKI decoder rejects the PKCS#1 form and vice versa
    QVERIFY(PublicKey::fromSubjectPublicKeyInfo(pkcs1).isNull());
    QVERIFY(PublicKey::fromRsaPublicKey(spki).isNull());
}

void TestCrypto::garbageKeys()
{
    QString err;
    QVERIFY(PublicKey::fromSubjectPublicKeyInfo("garbage", &err).isNull());
    QVERIFY(!err.isEmpty());
    QVERIFY(PublicKey::fromEd25519Raw(QByteArray(31, 'a'), &err).isNull());
    QVERIFY(err.contains("31"));
    QVERIFY(PublicKey::fromSubjectPublicKeyInfo({}, &err).isNull());
    QVERIFY(
        PrivateKey::fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", &err)
            .isNull());
    PublicKey none;
    QVERIFY(!none.verify(DigestAlgorithm::Sha256, "x", "y"));
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
