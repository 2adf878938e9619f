// crypto/Rsa.h against OpenSSL: the public operation (s^e mod n in 52-bit digits with AVX-512
// IFMA) must give OpenSSL's raw result for every key size and exponent it takes, and
// PublicKey::recoverSignedHash, which uses it, must reach EVP_PKEY_verify_recover's verdict
// on every signature: valid ones, and the padding and DigestInfo forms RSA_verify refuses.
// The padding check (rsa::digestFromEncoded) is held to OpenSSL on every machine; the
// public operation only where the CPU has IFMA (the other rows skip, saying so).
#include "crypto/Keys.h"
#include "crypto/Rsa.h"

#include <QRandomGenerator>
#include <QtTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <map>
#include <memory>

using namespace ms::crypto;

namespace {

using Pkey = std::shared_ptr<EVP_PKEY>;

const unsigned char* uc(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

Pkey generate(int bits, quint64 e)
{
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nullptr);
    BIGNUM* exp = BN_new();
    BN_set_word(exp, e);
    EVP_PKEY* key = nullptr;
    if (c && EVP_PKEY_keygen_init(c) == 1 && EVP_PKEY_CTX_set_rsa_keygen_bits(c, bits) == 1
        && EVP_PKEY_CTX_set1_rsa_keygen_pubexp(c, exp) == 1)
        EVP_PKEY_keygen(c, &key);
    BN_free(exp);
    EVP_PKEY_CTX_free(c);
    return Pkey(key, EVP_PKEY_free);
}

// Keys are slow to make (4096 bits: a second): one per (bits, e) for the whole test.
Pkey key(int bits, quint64 e)
{
    static std::map<std::pair<int, quint64>, Pkey> keys;
    Pkey& k = keys[{ bits, e }];
    if (!k)
        k = generate(bits, e);
    return k;
}

QByteArray bnParam(const Pkey& k, const char* name)
{
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(k.get(), name, &bn);
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    BN_free(bn);
    return out;
}

int modulusBytes(const Pkey& k)
{
    return EVP_PKEY_get_size(k.get());
}

// x^e mod n by OpenSSL (the raw RSA public operation); empty when OpenSSL refuses x.
QByteArray opensslPublic(const Pkey& k, const QByteArray& x)
{
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(k.get(), nullptr);
    QByteArray out(modulusBytes(k), '\0');
    size_t len = size_t(out.size());
    const bool ok = c && EVP_PKEY_encrypt_init(c) == 1
        && EVP_PKEY_CTX_set_rsa_padding(c, RSA_NO_PADDING) == 1
        && EVP_PKEY_encrypt(
               c, reinterpret_cast<unsigned char*>(out.data()), &len, uc(x), size_t(x.size()))
            == 1;
    EVP_PKEY_CTX_free(c);
    return ok ? out.left(qsizetype(len)) : QByteArray();
}

// x^d mod n: a "signature" whose public operation gives exactly x (any padding we like).
QByteArray opensslPrivate(const Pkey& k, const QByteArray& x)
{
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(k.get(), nullptr);
    QByteArray out(modulusBytes(k), '\0');
    size_t len = size_t(out.size());
    const bool ok = c && EVP_PKEY_decrypt_init(c) == 1
        && EVP_PKEY_CTX_set_rsa_padding(c, RSA_NO_PADDING) == 1
        && EVP_PKEY_decrypt(
               c, reinterpret_cast<unsigned char*>(out.data()), &len, uc(x), size_t(x.size()))
            == 1;
    EVP_PKEY_CTX_free(c);
    return ok ? out.left(qsizetype(len)) : QByteArray();
}

// What recoverSignedHash did before crypto/Rsa.h: OpenSSL's verify_recover with PKCS#1
// padding and the digest set, i.e. RSA_verify's checks.
QByteArray opensslRecover(const Pkey& k, DigestAlgorithm a, const QByteArray& sig)
{
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(k.get(), nullptr);
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t len = sizeof out;
    const bool ok = c && EVP_PKEY_verify_recover_init(c) == 1
        && EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING) == 1
        && EVP_PKEY_CTX_set_signature_md(c, a == DigestAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256())
            == 1
        && EVP_PKEY_verify_recover(c, out, &len, uc(sig), size_t(sig.size())) == 1
        && int(len) == digestSize(a);
    EVP_PKEY_CTX_free(c);
    return ok ? QByteArray(reinterpret_cast<const char*>(out), qsizetype(len)) : QByteArray();
}

PublicKey publicKeyOf(const Pkey& k)
{
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(k.get(), &der);
    const PublicKey p = PublicKey::fromSubjectPublicKeyInfo(
        QByteArrayView(reinterpret_cast<const char*>(der), len));
    OPENSSL_free(der);
    return p;
}

QByteArray randomBelow(QRandomGenerator& rng, const QByteArray& n)
{
    QByteArray x(n.size(), '\0');
    for (char& c : x)
        c = char(rng.bounded(256));
    x[0] = char(uchar(x[0]) % uchar(n[0])); // below n's top byte, so below n
    return x;
}

QByteArray addSmall(QByteArray x, int delta) // big-endian x + delta (delta may be negative)
{
    for (qsizetype i = x.size() - 1; i >= 0 && delta != 0; --i) {
        const int v = uchar(x[i]) + delta;
        x[i] = char(v & 0xff);
        delta = v >> 8; // arithmetic shift: -1 carries a borrow
    }
    return x;
}

const QByteArray kSha1Info = QByteArray::fromHex("3021300906052b0e03021a05000414");
const QByteArray kSha256Info = QByteArray::fromHex("3031300d060960864801650304020105000420");

// EMSA-PKCS1-v1_5 with `ff` padding bytes, then edits.
QByteArray encoded(int k, const QByteArray& info, const QByteArray& hash)
{
    const QByteArray t = info + hash;
    return QByteArray::fromHex("0001") + QByteArray(k - 3 - int(t.size()), '\xff') + '\0' + t;
}

} // namespace

class TestRsa : public QObject
{
    Q_OBJECT
private slots:
    void publicOperation_data();
    void publicOperation();
    void outOfRange();
    void recover_data();
    void recover();
    void randomMutations();
};

void TestRsa::publicOperation_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<quint64>("e");
    // DKIM keys in the wild: 1024 and 2048 (RFC 8301 4.2), some 3072 and 4096, e = 65537
    // or 3; odd sizes exercise the byte/digit alignment, 512 the smallest digit count.
    QTest::newRow("512, e=65537") << 512 << quint64(65537);
    QTest::newRow("1024, e=3") << 1024 << quint64(3);
    QTest::newRow("1024, e=65537") << 1024 << quint64(65537);
    QTest::newRow("1031, e=65537 (odd size)") << 1031 << quint64(65537);
    QTest::newRow("1536, e=17") << 1536 << quint64(17);
    QTest::newRow("2047, e=65537") << 2047 << quint64(65537);
    QTest::newRow("2048, e=65537") << 2048 << quint64(65537);
    QTest::newRow("2048, e=2^64-59 (64-bit e)") << 2048 << quint64(18446744073709551557ULL);
    QTest::newRow("2049, e=65537") << 2049 << quint64(65537);
    QTest::newRow("3072, e=65537") << 3072 << quint64(65537);
    QTest::newRow("4096, e=65537") << 4096 << quint64(65537);
}

void TestRsa::publicOperation()
{
    if (!rsa::ifmaAvailable())
        QSKIP("this CPU lacks AVX-512 IFMA: RSA public operations stay with OpenSSL here");
    QFETCH(int, bits);
    QFETCH(quint64, e);
    const Pkey k = key(bits, e);
    QVERIFY(k);
    const QByteArray n = bnParam(k, OSSL_PKEY_PARAM_RSA_N);
    const auto op = rsa::PublicOp::make(n, bnParam(k, OSSL_PKEY_PARAM_RSA_E));
    QVERIFY(op);
    QCOMPARE(op->modulusBytes(), n.size());

    QRandomGenerator rng(quint32(bits) * 31 + quint32(e));
    QList<QByteArray> inputs
        = { QByteArray(n.size(), '\0'), addSmall(QByteArray(n.size(), '\0'), 1),
              addSmall(QByteArray(n.size(), '\0'), 2), addSmall(n, -1), addSmall(n, -2) };
    for (int i = 0; i < 200; ++i)
        inputs << randomBelow(rng, n);
    // Valid signatures: what verification mostly sees.
    for (int i = 0; i < 20; ++i)
        inputs << opensslPrivate(k, randomBelow(rng, n));
    for (const QByteArray& x : inputs) {
        const QByteArray theirs = opensslPublic(k, x);
        QVERIFY2(!theirs.isEmpty(),
            qPrintable(QString::number(x.size()) + QLatin1Char(' ')
                + QString::fromLatin1(x.left(4).toHex())));
        QByteArray ours(n.size(), '\0');
        QVERIFY(op->apply(x, reinterpret_cast<unsigned char*>(ours.data())));
        QCOMPARE(ours.toHex(), theirs.toHex());
    }
}

void TestRsa::outOfRange()
{
    if (!rsa::ifmaAvailable())
        QSKIP("this CPU lacks AVX-512 IFMA: RSA public operations stay with OpenSSL here");
    const Pkey k = key(2048, 65537);
    const QByteArray n = bnParam(k, OSSL_PKEY_PARAM_RSA_N);
    const auto op = rsa::PublicOp::make(n, bnParam(k, OSSL_PKEY_PARAM_RSA_E));
    QVERIFY(op);
    unsigned char out[512];
    // RFC 8017 5.2.2 step 1: s must be below n; OpenSSL refuses the same inputs.
    for (const QByteArray& x : { n, addSmall(n, 1), QByteArray(n.size(), '\xff') }) {
        QVERIFY(!op->apply(x, out));
        QVERIFY(opensslPublic(k, x).isEmpty());
    }
    QVERIFY(!op->apply(n.left(n.size() - 1), out)); // not the modulus's length
    // Keys it does not take stay with OpenSSL (make() answers null).
    QVERIFY(!rsa::PublicOp::make(addSmall(n, 1), QByteArray::fromHex("010001"))); // even n
    QVERIFY(!rsa::PublicOp::make(n, QByteArray::fromHex("010000000000000001"))); // e >= 2^64
    QVERIFY(!rsa::PublicOp::make(n, QByteArray::fromHex("00"))); // e = 0
    QVERIFY(!rsa::PublicOp::make(n.left(63), QByteArray::fromHex("03"))); // below 512 bits
    QVERIFY(!rsa::PublicOp::make(QByteArray(513, '\x7f'), QByteArray::fromHex("03"))); // > 4096
}

void TestRsa::recover_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("algorithm"); // what the verifier asks for
    QTest::addColumn<QByteArray>("em"); // the public operation's output; empty: see `sig`
    QTest::addColumn<QByteArray>("sigEdit"); // "short", "long", "n", "" (the signature of em)

    const QByteArray h256 = QByteArray(32, '\x5a');
    const QByteArray h1 = QByteArray(20, '\xa5');
    const int s1 = int(DigestAlgorithm::Sha1);
    const int s256 = int(DigestAlgorithm::Sha256);
    for (int bits : { 1024, 2048 }) {
        const int k = bits / 8;
        const QByteArray good = encoded(k, kSha256Info, h256);
        auto row = [&](const char* name) {
            return &QTest::newRow(
                qPrintable(QStringLiteral("%1: %2").arg(bits).arg(QLatin1String(name))));
        };
        *row("RFC 8017 9.2 sha256, valid") << bits << s256 << good << QByteArray();
        *row("RFC 8017 9.2 sha1, valid") << bits << s1 << encoded(k, kSha1Info, h1) << QByteArray();
        *row("sha256 asked, sha1 signed")
            << bits << s256 << encoded(k, kSha1Info, h1) << QByteArray();
        *row("sha1 asked, sha256 signed") << bits << s1 << good << QByteArray();
        *row("signature one byte short") << bits << s256 << good << QByteArray("short");
        *row("signature with a leading zero byte") << bits << s256 << good << QByteArray("long");
        *row("signature equal to n (RFC 8017 5.2.2)") << bits << s256 << good << QByteArray("n");
        // Eight padding bytes is the least RSA_padding_check_PKCS1_type_1 takes.
        const QByteArray t = kSha256Info + h256;
        const QByteArray pad8 = QByteArray::fromHex("0001") + QByteArray(8, '\xff') + '\0' + t;
        const QByteArray leading(k - pad8.size(), '\0');
        *row("8 FF, shorter block (leading zeros)")
            << bits << s256 << (leading + pad8) << QByteArray();
        QByteArray e = good;
        e[0] = 0x01;
        *row("first byte 01") << bits << s256 << QByteArray(e) << QByteArray();
        e = good;
        e[1] = 0x02;
        *row("block type 02") << bits << s256 << QByteArray(e) << QByteArray();
        e = good;
        e[5] = 0x00; // the separator early: the DigestInfo no longer starts where it should
        *row("zero inside the padding") << bits << s256 << QByteArray(e) << QByteArray();
        e = good;
        e[9] = char(0xfe);
        *row("FE inside the padding") << bits << s256 << QByteArray(e) << QByteArray();
        e = good;
        e[k - int(t.size()) - 1] = char(0xff); // no separator at all
        *row("no 00 separator") << bits << s256 << QByteArray(e) << QByteArray();
        QByteArray seven = QByteArray::fromHex("0001") + QByteArray(7, '\xff') + '\0' + t;
        *row("7 FF only") << bits << s256 << (QByteArray(k - seven.size(), '\0') + seven)
                          << QByteArray();
        // DigestInfo without the NULL parameters (RFC 8017 9.2 note 2): RSA_verify refuses.
        const QByteArray noNull
            = QByteArray::fromHex("302f300b0609608648016503040201") + "\x04\x20" + h256;
        *row("DigestInfo without NULL")
            << bits << s256
            << (QByteArray::fromHex("0001") + QByteArray(k - 3 - int(noNull.size()), '\xff') + '\0'
                   + noNull)
            << QByteArray();
        *row("hash one byte short")
            << bits << s256 << encoded(k, kSha256Info, h256.left(31)) << QByteArray();
        *row("hash one byte long")
            << bits << s256 << encoded(k, kSha256Info, h256 + 'x') << QByteArray();
        e = good;
        e[k - 33] = char(0x21);
        *row("DigestInfo length byte") << bits << s256 << QByteArray(e) << QByteArray();
        *row("all zero") << bits << s256 << QByteArray(k, '\0') << QByteArray();
    }
}

void TestRsa::recover()
{
    QFETCH(int, bits);
    QFETCH(int, algorithm);
    QFETCH(QByteArray, em);
    QFETCH(QByteArray, sigEdit);
    const auto a = DigestAlgorithm(algorithm);
    const Pkey k = key(bits, 65537);
    QByteArray sig = opensslPrivate(k, em);
    QVERIFY(!sig.isEmpty());
    QCOMPARE(opensslPublic(k, sig).toHex(), em.toHex());
    if (sigEdit == "short")
        sig = sig.mid(1);
    else if (sigEdit == "long")
        sig.prepend('\0');
    else if (sigEdit == "n")
        sig = bnParam(k, OSSL_PKEY_PARAM_RSA_N);

    const QByteArray theirs = opensslRecover(k, a, sig);
    // The padding check alone, on every machine.
    if (sigEdit.isEmpty())
        QCOMPARE(rsa::digestFromEncoded(a, em).toHex(), theirs.toHex());
    // The whole path DKIM takes (with IFMA: crypto/Rsa.h's operation and padding check).
    const PublicKey pub = publicKeyOf(k);
    QCOMPARE(pub.recoverSignedHash(a, sig).toHex(), theirs.toHex());
    const bool valid = !theirs.isEmpty();
    QCOMPARE(
        pub.verifyHash(a, theirs.isEmpty() ? QByteArray(digestSize(a), 'x') : theirs, sig), valid);
}

// Valid signatures with random bytes of the encoded block changed: each verdict and hash
// as OpenSSL's.
void TestRsa::randomMutations()
{
    QRandomGenerator rng(8017);
    int accepted = 0;
    for (int bits : { 1024, 2048 }) {
        const Pkey k = key(bits, 65537);
        const PublicKey pub = publicKeyOf(k);
        const int kb = bits / 8;
        for (int i = 0; i < 150; ++i) {
            QByteArray h(32, '\0');
            for (char& c : h)
                c = char(rng.bounded(256));
            QByteArray em = encoded(kb, kSha256Info, h);
            const int edits = int(rng.bounded(3));
            for (int j = 0; j < edits; ++j) {
                // Mostly near the structure: the header, the separator, the DigestInfo.
                const int at
                    = rng.bounded(2) ? int(rng.bounded(kb)) : kb - 52 - 2 + int(rng.bounded(24));
                em[at] = char(rng.bounded(4) == 0 ? 0 : rng.bounded(256));
            }
            const QByteArray sig = opensslPrivate(k, em);
            if (sig.isEmpty())
                continue; // em >= n
            const QByteArray theirs = opensslRecover(k, DigestAlgorithm::Sha256, sig);
            QCOMPARE(rsa::digestFromEncoded(DigestAlgorithm::Sha256, em).toHex(), theirs.toHex());
            QCOMPARE(pub.recoverSignedHash(DigestAlgorithm::Sha256, sig).toHex(), theirs.toHex());
            accepted += theirs.isEmpty() ? 0 : 1;
        }
    }
    // Both outcomes were compared, not only refusals.
    QVERIFY(accepted > 50);
    QVERIFY(accepted < 290);
}

QTEST_GUILESS_MAIN(TestRsa)
#include "tst_rsa.moc"
