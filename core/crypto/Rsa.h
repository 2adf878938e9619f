#pragma once

#include "crypto/Digest.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <memory>

namespace ms::crypto::rsa {

// Whether this CPU and its OS run AVX-512 IFMA (52-bit multiply-add), which PublicOp needs.
bool ifmaAvailable();

// The RSA public operation s^e mod n (RFC 8017 5.2.2, RSAVP1) for one key, in 52-bit digits
// with AVX-512 IFMA: ~2x OpenSSL 3.0's scalar Montgomery code for a 2048-bit key, which is
// most of an RSA DKIM verification. Built per key, immutable, shared between threads.
// Variable time: every input is public. tests/core/tst_rsa and fuzz_rsa hold it to OpenSSL's
// raw public operation and PublicKey::recoverSignedHash to OpenSSL's verdicts.
class PublicOp
{
public:
    // Big-endian magnitudes (leading zero bytes allowed). Null when this CPU lacks IFMA or
    // the key is outside what this code does: n odd and 512 to 4096 bits, 1 <= e < 2^64.
    // Such keys stay with OpenSSL.
    static std::unique_ptr<PublicOp> make(QByteArrayView modulus, QByteArrayView exponent);

    int modulusBytes() const { return m_bytes; }
    // `signature` must be modulusBytes() long; writes modulusBytes() bytes of s^e mod n,
    // big-endian, to `out`. False when s >= n (RFC 8017 5.2.2 step 1).
    bool apply(QByteArrayView signature, unsigned char* out) const;

    static constexpr int kMaxDigits = 80; // 4096 bits + 2 in 52-bit digits, a multiple of 8

private:
    PublicOp() = default;

    alignas(64) std::uint64_t m_n[kMaxDigits] {};
    alignas(64) std::uint64_t m_rr[kMaxDigits] {}; // R^2 mod n, R = 2^(52 * m_digits)
    unsigned char m_modulus[512] {}; // n big-endian, m_bytes long
    std::uint64_t m_e = 0;
    std::uint64_t m_k0 = 0; // -n^-1 mod 2^52
    int m_digits = 0;
    int m_bytes = 0;
};

// EMSA-PKCS1-v1_5 (RFC 8017 9.2) read back as OpenSSL 3 does for RSA_verify: `encoded` (the
// public operation's output, the modulus's length) must be 00 01, at least eight FF, 00, then
// exactly the DigestInfo of `algorithm` (parameters NULL) and a hash of its size. Returns
// the hash, or empty.
QByteArray digestFromEncoded(DigestAlgorithm algorithm, QByteArrayView encoded);

} // namespace ms::crypto::rsa
