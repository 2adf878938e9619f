// crypto/Ed25519.h against OpenSSL's EVP_DigestVerify: the verifier that replaced it on the
// verification path must reach the same verdict on every input, valid or hostile: RFC 8032's
// vectors, random keys with mutated signatures, and the special cases that split Ed25519
// verifiers (small-order and mixed-order keys, non-canonical encodings, s at or above L).
#include "crypto/Ed25519.h"
#include "crypto/Keys.h"

#include <QRandomGenerator>
#include <QtTest>

#include <openssl/evp.h>

using namespace ms::crypto;
namespace ed = ms::crypto::ed25519;

namespace {

bool opensslVerify(const QByteArray& pk, const QByteArray& msg, const QByteArray& sig)
{
    EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
        reinterpret_cast<const unsigned char*>(pk.constData()), size_t(pk.size()));
    if (!key)
        return false;
    EVP_MD_CTX* c = EVP_MD_CTX_new();
    const bool ok = c && EVP_DigestVerifyInit(c, nullptr, nullptr, nullptr, key) == 1
        && EVP_DigestVerify(c, reinterpret_cast<const unsigned char*>(sig.constData()),
               size_t(sig.size()), reinterpret_cast<const unsigned char*>(msg.constData()),
               size_t(msg.size()))
            == 1;
    EVP_MD_CTX_free(c);
    EVP_PKEY_free(key);
    return ok;
}

bool ownVerify(const QByteArray& pk, const QByteArray& msg, const QByteArray& sig)
{
    return ed::VerifyKey(pk).verify(msg, sig);
}

QByteArray randomBytes(QRandomGenerator& rng, int n)
{
    QByteArray b(n, '\0');
    for (char& c : b)
        c = char(rng.bounded(256));
    return b;
}

QByteArray smallScalar(int k)
{
    QByteArray s(32, '\0');
    s[0] = char(k);
    return s;
}

QByteArray sha512(const QByteArray& data)
{
    unsigned char out[64];
    unsigned int len = 0;
    EVP_Digest(data.constData(), size_t(data.size()), out, &len, EVP_sha512(), nullptr);
    return QByteArray(reinterpret_cast<const char*>(out), int(len));
}

const QByteArray kIdentity
    = QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000");
const QByteArray kL
    = QByteArray::fromHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

// The canonical encoding of what `enc` decodes to (empty if it is no point).
QByteArray canonical(const QByteArray& enc)
{
    return ed::detail::add(enc, kIdentity);
}

// A signature of `msg` under the key encoded as `pk` whose point is a = [secret]B + t, t of
// order dividing 8 (secret may be zero): R = [r]B - [j]t with j chosen so that h = j mod 8.
QByteArray signMixed(QRandomGenerator& rng, const QByteArray& pk, const QByteArray& secret,
    const QByteArray& t, const QByteArray& msg)
{
    for (int attempt = 0; attempt < 400; ++attempt) {
        const QByteArray r = ed::detail::reduceScalar(randomBytes(rng, 64));
        const int j = int(rng.bounded(8));
        const QByteArray rb = ed::detail::scalarMultBase(r);
        const QByteArray R
            = ed::detail::add(rb, ed::detail::scalarMult(t, smallScalar((8 - j) % 8)));
        const QByteArray h = ed::detail::reduceScalar(sha512(R + pk + msg));
        if ((uchar(h[0]) & 7) != j)
            continue;
        return R + ed::detail::mulAddScalar(h, secret, r); // s = r + h * secret
    }
    return {};
}

} // namespace

class TestEd25519 : public QObject
{
    Q_OBJECT
private slots:
    void rfc8032Vectors_data();
    void rfc8032Vectors();
    void randomKeysAndMutations();
    void specialCases_data();
    void specialCases();
    void scalarArithmetic();
};

void TestEd25519::rfc8032Vectors_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QByteArray>("pk");
    QTest::addColumn<QByteArray>("msg");
    QTest::addColumn<QByteArray>("sig");
    QTest::newRow("RFC 8032 7.1 TEST 1")
        << QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        << QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        << QByteArray()
        << QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                               "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    QTest::newRow("RFC 8032 7.1 TEST 2")
        << QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
        << QByteArray::fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
        << QByteArray::fromHex("72")
        << QByteArray::fromHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                               "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    QTest::newRow("RFC 8032 7.1 TEST 3")
        << QByteArray::fromHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
        << QByteArray::fromHex("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")
        << QByteArray::fromHex("af82")
        << QByteArray::fromHex("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                               "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
}

void TestEd25519::rfc8032Vectors()
{
    QFETCH(QByteArray, seed);
    QFETCH(QByteArray, pk);
    QFETCH(QByteArray, msg);
    QFETCH(QByteArray, sig);
    // The vector is self-consistent by OpenSSL's signer (Ed25519 signing is deterministic).
    const PrivateKey key = PrivateKey::fromEd25519Seed(seed);
    QCOMPARE(key.publicKey().ed25519Raw(), pk);
    QCOMPARE(key.sign(DigestAlgorithm::Sha256, QByteArray()).size(), 64);
    QVERIFY(opensslVerify(pk, msg, sig));
    QVERIFY(ownVerify(pk, msg, sig));
    // Through PublicKey, as DKIM calls it (RFC 8463 3: the "hash" is the signed message).
    QVERIFY(PublicKey::fromEd25519Raw(pk).verifyHash(DigestAlgorithm::Sha256, msg, sig));
    // And the scalar multiplication of the base point gives the published key.
    const QByteArray h = sha512(seed);
    QByteArray a = h.left(32);
    a[0] = char(uchar(a[0]) & 248);
    a[31] = char((uchar(a[31]) & 63) | 64);
    QCOMPARE(ed::detail::scalarMultBase(a), pk);
    QByteArray bad = sig;
    bad[5] = char(bad[5] ^ 0x10);
    QVERIFY(!opensslVerify(pk, msg, bad));
    QVERIFY(!ownVerify(pk, msg, bad));
}

void TestEd25519::randomKeysAndMutations()
{
    QRandomGenerator rng(20261201);
    int valid = 0, compared = 0, accepted = 0;
    for (int n = 0; n < 150; ++n) {
        const PrivateKey key = PrivateKey::fromEd25519Seed(randomBytes(rng, 32));
        const QByteArray pk = key.publicKey().ed25519Raw();
        const QByteArray msg = randomBytes(rng, int(rng.bounded(n % 3 == 0 ? 200 : 33)));
        const QByteArray sig = key.signHash(DigestAlgorithm::Sha256, msg);
        QCOMPARE(sig.size(), 64);
        QVERIFY(opensslVerify(pk, msg, sig));
        QVERIFY(ownVerify(pk, msg, sig));
        ++valid;
        const auto flip = [&](QByteArray b) {
            if (!b.isEmpty()) {
                const int at = int(rng.bounded(b.size()));
                b[at] = char(b[at] ^ (1 << rng.bounded(8)));
            }
            return b;
        };
        QList<std::tuple<QByteArray, QByteArray, QByteArray>> cases {
            { flip(pk), msg, sig },
            { pk, flip(msg), sig },
            { pk, msg, flip(sig) },
            { pk, msg, sig.left(32) + flip(sig.mid(32)) },
            { pk, msg, randomBytes(rng, 64) },
            { pk, msg, sig.left(63) },
            { pk, msg, sig + '\0' },
            { randomBytes(rng, 32), msg, sig },
        };
        // 1 * s + 0 = s: OpenSSL's s is reduced.
        QCOMPARE(ed::detail::mulAddScalar(smallScalar(1), sig.mid(32), QByteArray(32, '\0')),
            sig.mid(32));
        { // s + L: the same point, but s is no longer reduced (RFC 8032 5.1.7 step 1).
            QByteArray s = sig.mid(32);
            unsigned carry = 0;
            for (int i = 0; i < 32; ++i) {
                const unsigned v = uchar(s[i]) + uchar(kL[i]) + carry;
                s[i] = char(v & 0xff);
                carry = v >> 8;
            }
            if (!carry)
                cases.append({ pk, msg, sig.left(32) + s });
        }
        for (const auto& [p, m, s] : cases) {
            const bool theirs = opensslVerify(p, m, s);
            const bool ours = ownVerify(p, m, s);
            if (theirs != ours)
                QFAIL(qPrintable(
                    QStringLiteral("verdicts differ (OpenSSL %1): pk %2 msg %3 sig %4")
                        .arg(theirs)
                        .arg(QString::fromLatin1(p.toHex()), QString::fromLatin1(m.toHex()),
                            QString::fromLatin1(s.toHex()))));
            ++compared;
            accepted += ours;
        }
    }
    QCOMPARE(valid, 150);
    QVERIFY(compared >= 150 * 8);
    // A one-bit change of the message or signature never verifies; a key change almost never.
    QVERIFY(accepted <= 2);
}

void TestEd25519::specialCases_data()
{
    QTest::addColumn<QByteArray>("pk");
    QTest::addColumn<QByteArray>("sig");
    QTest::addColumn<int>("expected"); // OpenSSL 3.0's verdict: 1 accept, 0 reject

    QRandomGenerator rng(8032);
    const QByteArray msg("special");

    // A point of order 8: [L]P for a point P outside the prime-order subgroup.
    QByteArray t8;
    for (int tries = 0; tries < 200 && t8.isEmpty(); ++tries) {
        const QByteArray p = canonical(randomBytes(rng, 32));
        if (p.isEmpty())
            continue;
        const QByteArray t = ed::detail::scalarMult(p, kL);
        if (ed::detail::scalarMult(t, smallScalar(4)) != kIdentity)
            t8 = t;
    }
    QVERIFY(!t8.isEmpty());
    QCOMPARE(ed::detail::scalarMult(t8, smallScalar(8)), kIdentity);

    // Small-order keys (every point of the 8-torsion), signed so that the cofactorless
    // equation holds: accepted by both (neither refuses small-order keys).
    for (int k = 0; k < 8; ++k) {
        const QByteArray t = ed::detail::scalarMult(t8, smallScalar(k));
        QTest::addRow("small-order A, [%d]T8", k)
            << t << signMixed(rng, t, QByteArray(32, '\0'), t, msg) << 1;
    }
    // Mixed-order keys: a = [x]B + T.
    for (int k = 1; k < 8; k += 2) {
        const QByteArray x = ed::detail::reduceScalar(randomBytes(rng, 64));
        const QByteArray t = ed::detail::scalarMult(t8, smallScalar(k));
        const QByteArray pk = ed::detail::add(ed::detail::scalarMultBase(x), t);
        QTest::addRow("mixed-order A, [x]B + [%d]T8", k)
            << pk << signMixed(rng, pk, x, t, msg) << 1;
    }
    // Non-canonical A: y = p + i for i < 19 (below 2^255), both signs of x. Where the point
    // is of small order (y = 0 or 1) a valid signature can be made, and OpenSSL 3.0 accepts
    // it: y is taken modulo p. Otherwise a random signature.
    for (int i = 0; i < 19; ++i) {
        for (int sign = 0; sign < 2; ++sign) {
            QByteArray pk = QByteArray::fromHex(
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
            pk[0] = char(0xed + i);
            if (sign)
                pk[31] = char(uchar(pk[31]) | 0x80);
            const QByteArray point = canonical(pk);
            const bool small
                = !point.isEmpty() && ed::detail::scalarMult(point, smallScalar(8)) == kIdentity;
            QTest::addRow("non-canonical A, y = p + %d, sign %d", i, sign)
                << pk
                << (small ? signMixed(rng, pk, QByteArray(32, '\0'), point, msg)
                          : randomBytes(rng, 64))
                << int(small);
        }
    }
    // x = 0 with the sign bit set (RFC 8032 5.1.3 step 4 would refuse; the reference code
    // and OpenSSL do not): the identity and the point of order 2.
    QByteArray negZeroId = kIdentity;
    negZeroId[31] = char(0x80);
    QTest::newRow("A = identity with sign bit")
        << negZeroId << signMixed(rng, negZeroId, QByteArray(32, '\0'), kIdentity, msg) << 1;
    const QByteArray order2
        = QByteArray::fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    QTest::newRow("A = order 2 with sign bit")
        << order2 << signMixed(rng, order2, QByteArray(32, '\0'), canonical(order2), msg) << 1;
    // The identity key: (R = identity, s = 0) verifies any message; with R encoded as
    // y = p + 1 (non-canonical) it never does (the check compares encodings).
    QTest::newRow("A = identity, R = identity, s = 0")
        << kIdentity << (kIdentity + QByteArray(32, '\0')) << 1;
    QTest::newRow("A = identity, R = identity non-canonical, s = 0")
        << kIdentity
        << (QByteArray::fromHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
               + QByteArray(32, '\0'))
        << 0;
    // s at or above L (RFC 8032 5.1.7 step 1; OpenSSL checks it first).
    const QByteArray r = ed::detail::scalarMultBase(smallScalar(7));
    QTest::newRow("s = L") << kIdentity << (kIdentity + kL) << 0;
    QTest::newRow("s = L - 1, R = -B, A = identity")
        << kIdentity
        << (ed::detail::scalarMultBase(QByteArray::fromHex(
                "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"))
               + QByteArray::fromHex(
                   "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"))
        << 1;
    QTest::newRow("s = 2^256 - 1") << kIdentity << (r + QByteArray(32, char(0xff))) << 0;
    // Keys that are no curve point.
    int offCurve = 0;
    for (int tries = 0; tries < 64 && offCurve < 4; ++tries) {
        const QByteArray pk = randomBytes(rng, 32);
        if (canonical(pk).isEmpty())
            QTest::addRow("A off the curve #%d", ++offCurve) << pk << randomBytes(rng, 64) << 0;
    }
}

void TestEd25519::specialCases()
{
    QFETCH(QByteArray, pk);
    QFETCH(QByteArray, sig);
    QFETCH(int, expected);
    QCOMPARE(sig.size(), 64);
    const QByteArray msg("special");
    const bool theirs = opensslVerify(pk, msg, sig);
    QCOMPARE(ownVerify(pk, msg, sig), theirs);
    QCOMPARE(int(theirs), expected);
}

void TestEd25519::scalarArithmetic()
{
    // Reduction modulo L of 512-bit values: L itself, 2^512 - 1, and a * b + c checked
    // against the group: [a * b + c]B = [a]([b]B) + [c]B.
    QCOMPARE(ed::detail::reduceScalar(kL + QByteArray(32, '\0')), QByteArray(32, '\0'));
    // 2^512 - 1 mod L (computed independently with Python's integers).
    QCOMPARE(ed::detail::reduceScalar(QByteArray(64, char(0xff))).toHex(),
        QByteArray("000f9c44e31106a447938568a71b0ed065bef517d273ecce3d9a307c1b419903"));
    QRandomGenerator rng(6376);
    for (int n = 0; n < 20; ++n) {
        const QByteArray a = ed::detail::reduceScalar(randomBytes(rng, 64));
        const QByteArray b = ed::detail::reduceScalar(randomBytes(rng, 64));
        const QByteArray c = ed::detail::reduceScalar(randomBytes(rng, 64));
        const QByteArray lhs = ed::detail::scalarMultBase(ed::detail::mulAddScalar(a, b, c));
        const QByteArray rhs
            = ed::detail::add(ed::detail::scalarMult(ed::detail::scalarMultBase(b), a),
                ed::detail::scalarMultBase(c));
        QCOMPARE(lhs, rhs);
    }
}

QTEST_GUILESS_MAIN(TestEd25519)
#include "tst_ed25519.moc"
