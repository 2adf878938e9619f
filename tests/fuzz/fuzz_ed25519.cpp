// Differential target: crypto/Ed25519.h (the verifier DKIM uses) against OpenSSL's
// EVP_DigestVerify on the same key, message and signature; aborts when the verdicts differ.
// The first byte picks how the rest is read:
//   0-95    raw: key (32) | signature (64) | message
//   96-191  signed: seed (32) | edits (4) | message. OpenSSL signs with the seed's key;
//           the edits then flip bits of the key or signature, or raise s by L, so that
//           near-valid signatures are compared, not only random ones.
//   192-255 small-order key: which (1) | s (32) | m (1) | message. The key is a point of
//           the 8-torsion, some encodings non-canonical; R = [s]B + [m]A, which verifies
//           whenever h = -m modulo the key's order (a cofactorless check).
#include "crypto/Ed25519.h"
#include "crypto/Keys.h"

#include <QList>

#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

namespace ed = ms::crypto::ed25519;

bool opensslVerify(QByteArrayView pk, QByteArrayView msg, QByteArrayView sig)
{
    EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
        reinterpret_cast<const unsigned char*>(pk.data()), size_t(pk.size()));
    if (!key)
        return false;
    EVP_MD_CTX* c = EVP_MD_CTX_new();
    const bool ok = c && EVP_DigestVerifyInit(c, nullptr, nullptr, nullptr, key) == 1
        && EVP_DigestVerify(c, reinterpret_cast<const unsigned char*>(sig.data()),
               size_t(sig.size()), reinterpret_cast<const unsigned char*>(msg.data()),
               size_t(msg.size()))
            == 1;
    EVP_MD_CTX_free(c);
    EVP_PKEY_free(key);
    return ok;
}

void compare(QByteArrayView pk, QByteArrayView msg, QByteArrayView sig)
{
    const bool theirs = opensslVerify(pk, msg, sig);
    const bool ours = ed::VerifyKey(pk).verify(msg, sig);
    // The key through PublicKey, as DKIM reaches the verifier.
    const ms::crypto::PublicKey key = ms::crypto::PublicKey::fromEd25519Raw(pk);
    const bool viaKey = key.verifyHash(ms::crypto::DigestAlgorithm::Sha256, msg, sig);
    if (ours != theirs || viaKey != theirs)
        std::abort();
}

QByteArray small(int k)
{
    QByteArray s(32, '\0');
    s[0] = char(k);
    return s;
}

// Every point of order dividing 8, canonically and with the encodings OpenSSL also takes.
const QList<QByteArray>& torsionEncodings()
{
    static const QList<QByteArray> list = [] {
        const QByteArray identity = small(1);
        const QByteArray order = QByteArray::fromHex(
            "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        QByteArray t8;
        for (int y = 2; t8.isEmpty() && y < 256; ++y) {
            const QByteArray p = ed::detail::add(small(y), identity);
            if (p.isEmpty())
                continue;
            const QByteArray t = ed::detail::scalarMult(p, order);
            if (ed::detail::scalarMult(t, small(4)) != identity)
                t8 = t;
        }
        QList<QByteArray> out;
        for (int k = 0; k < 8 && !t8.isEmpty(); ++k) {
            QByteArray t = ed::detail::scalarMult(t8, small(k));
            out << t;
            t[31] = char(t[31] ^ 0x80);
            out << t;
        }
        for (int i = 0; i < 2; ++i) { // y = p (order 4) and y = p + 1 (the identity)
            QByteArray t = QByteArray::fromHex(
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
            t[0] = char(0xed + i);
            out << t;
            t[31] = char(t[31] | 0x80);
            out << t;
        }
        return out;
    }();
    return list;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView in(reinterpret_cast<const char*>(data), qsizetype(size));
    const int mode = data[0];
    const QByteArrayView rest = in.sliced(1);

    if (mode < 96) {
        if (rest.size() < 96)
            return 0;
        compare(rest.first(32), rest.sliced(96), rest.sliced(32, 64));
        return 0;
    }
    if (mode < 192) {
        if (rest.size() < 36)
            return 0;
        const auto key = ms::crypto::PrivateKey::fromEd25519Seed(rest.first(32));
        const QByteArrayView msg = rest.sliced(36);
        QByteArray pk = key.publicKey().ed25519Raw();
        QByteArray sig = key.signHash(ms::crypto::DigestAlgorithm::Sha256, msg);
        if (sig.size() != 64 || pk.size() != 32)
            std::abort(); // OpenSSL always signs with a 32-byte seed
        for (int e = 0; e < 4; ++e) {
            const uint8_t edit = uint8_t(rest[32 + e]);
            switch (edit >> 6) {
            case 0: break;
            case 1: sig[(edit & 63)] = char(sig[(edit & 63)] ^ (1 << (e * 2 % 8))); break;
            case 2: pk[(edit & 31)] = char(pk[(edit & 31)] ^ (1 << (edit >> 5 & 1 ? 7 : e))); break;
            case 3: { // s + L * (1 + edit % 4) while it fits: s is then not reduced
                static const QByteArray l = QByteArray::fromHex(
                    "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
                for (int times = 0; times <= (edit & 3); ++times) {
                    unsigned carry = 0;
                    for (int i = 0; i < 32; ++i) {
                        const unsigned v = uint8_t(sig[32 + i]) + uint8_t(l[i]) + carry;
                        sig[32 + i] = char(v & 0xff);
                        carry = v >> 8;
                    }
                }
                break;
            }
            }
        }
        compare(pk, msg, sig);
        return 0;
    }
    if (rest.size() < 34)
        return 0;
    const QList<QByteArray>& torsion = torsionEncodings();
    if (torsion.isEmpty())
        std::abort();
    const QByteArray pk = torsion[uint8_t(rest[0]) % torsion.size()];
    const QByteArray s = rest.sliced(1, 32).toByteArray();
    const QByteArray a = ed::detail::add(pk, small(1)); // canonical form of the key's point
    const QByteArray r = ed::detail::add(
        ed::detail::scalarMultBase(s), ed::detail::scalarMult(a, small(uint8_t(rest[33]) % 8)));
    compare(pk, rest.sliced(34), r + s);
    return 0;
}
