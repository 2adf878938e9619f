#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <memory>
#include <mutex>

namespace ms::crypto::ed25519 {

// Pure Ed25519 verification (RFC 8032 5.1.7) for one public key, with OpenSSL 3's acceptance
// rules (ossl_ed25519_verify): s must be below L; A is decoded as the reference code does (a
// y of p or more is taken modulo p, and a sign bit on x = 0 is ignored); the check is the
// cofactorless ENC([s]B - [h]A) == R, so a non-canonical R never verifies. OpenSSL 3.0 does
// this in 25.5-bit limbs at ~78 µs; here the field has 51-bit limbs and both [s]B and [h]A
// come from tables of multiples (B's made once per process, -A's once per key, on its first
// verification), which takes ~20 µs. tests/core/tst_ed25519 and fuzz_ed25519 hold the two
// to the same verdicts, special points included. Variable time: every input is public.
class VerifyKey
{
public:
    explicit VerifyKey(QByteArrayView publicKey32);
    ~VerifyKey();
    VerifyKey(const VerifyKey&) = delete;
    VerifyKey& operator=(const VerifyKey&) = delete;

    // `message` is what was signed (for DKIM, the header hash: RFC 8463 3).
    bool verify(QByteArrayView message, QByteArrayView signature) const;

    // Memory the first verification adds (the table of -A), for caches that bound bytes.
    static constexpr int kPreparedBytes = 32 * 8 * 3 * 5 * 8;

private:
    struct Tables;
    void prepare() const;

    std::array<unsigned char, 32> m_encoded {};
    bool m_usable = false; // 32 bytes given
    mutable std::once_flag m_once;
    mutable std::unique_ptr<Tables> m_tables; // null when A is no point of the curve
};

// Point arithmetic on encodings, for tests that build special keys and signatures (small and
// mixed order, non-canonical encodings). Scalars are 32 bytes little-endian, any value below
// 2^256. An empty result means the input did not decode.
namespace detail {
QByteArray scalarMultBase(QByteArrayView scalar32);
QByteArray scalarMult(QByteArrayView point32, QByteArrayView scalar32);
QByteArray add(QByteArrayView point32a, QByteArrayView point32b);
QByteArray reduceScalar(QByteArrayView bytes64); // mod L, 32 bytes
// (a * b + c) mod L, each 32 bytes.
QByteArray mulAddScalar(QByteArrayView a, QByteArrayView b, QByteArrayView c);
} // namespace detail

} // namespace ms::crypto::ed25519
