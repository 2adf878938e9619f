#include "crypto/Rsa.h"

#include <openssl/bn.h>

#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MAILSCOPE_RSA_IFMA 1
// GCC 12's avx512fintrin.h makes "undefined" vectors by self-initialisation, which its own
// -Wuninitialized reports at -O3 (GCC bug 105593): not this file's variables.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#endif

namespace ms::crypto::rsa {

namespace {

using u64 = std::uint64_t;
constexpr u64 kMask52 = (u64(1) << 52) - 1;

// Big-endian bytes into `count` little-endian 52-bit digits; the value must fit them.
void toDigits(const unsigned char* be, int len, u64* digits, int count)
{
    std::memset(digits, 0, sizeof(u64) * size_t(count));
    for (int i = 0; i < len; ++i) {
        const u64 byte = be[len - 1 - i];
        const int bit = 8 * i;
        const int d = bit / 52;
        const int off = bit % 52;
        digits[d] |= (byte << off) & kMask52;
        if (off > 44 && d + 1 < count)
            digits[d + 1] |= byte >> (52 - off);
    }
}

void fromDigits(const u64* digits, int count, unsigned char* be, int len)
{
    for (int i = 0; i < len; ++i) {
        const int bit = 8 * i;
        const int d = bit / 52;
        const int off = bit % 52;
        u64 v = digits[d] >> off;
        if (off > 44 && d + 1 < count)
            v |= digits[d + 1] << (52 - off);
        be[len - 1 - i] = static_cast<unsigned char>(v);
    }
}

#ifdef MAILSCOPE_RSA_IFMA

// Almost Montgomery multiplication: out = a * b / R mod n, R = 2^(52 * 8V), for a, b < 2n in
// normalized digits (each below 2^52: IFMA reads only the low 52 bits of its inputs). With
// R > 4n the result is below 2n again, so results feed the next product unreduced.
// Operand scanning, one digit of `a` per step: the low halves of a_i * b and m * n are added
// at their digit, the accumulator moves down one digit (its lowest is zero modulo 2^52 by
// the choice of m; what lies above 2^52 there is carried in), then the high halves are
// added. A lane takes at most four 52-bit terms a step, so 80 steps stay below 2^61.
// Each m needs the lowest digit the step before left; waiting for it through the vectors
// (multiply, shift, extract, broadcast) would cost ~35 cycles a step, so the scalar side
// computes that digit itself from the terms of the previous m, and only reads the next
// digit up from the vectors, which have a whole step to produce it.
template<int V>
__attribute__((target("avx512f,avx512ifma"))) void amm(
    u64* out, const u64* a, const u64* b, const u64* n, u64 k0)
{
    __extension__ typedef unsigned __int128 u128;
    __m512i acc[V], bv[V], nv[V];
    for (int v = 0; v < V; ++v) {
        acc[v] = _mm512_setzero_si512();
        bv[v] = _mm512_load_si512(b + 8 * v);
        nv[v] = _mm512_load_si512(n + 8 * v);
    }
    const __m512i zero = _mm512_setzero_si512();
    const u64 b0 = b[0];
    const u64 n0 = n[0];
    const u64 n1 = n[1];
    u64 t = 0; // lane 0 of acc[0] at the start of the step
    for (int i = 0; i < 8 * V; ++i) {
        const u64 ai = a[i];
        const __m512i aiv = _mm512_set1_epi64(static_cast<long long>(ai));
        for (int v = 0; v < V; ++v)
            acc[v] = _mm512_madd52lo_epu64(acc[v], aiv, bv[v]);
        // Lane 1 now: what it held plus lo(a_i * b_1); m's terms are added below.
        const u64 lane1 = static_cast<u64>(_mm_extract_epi64(_mm512_castsi512_si128(acc[0]), 1));

        const u128 ab0 = u128(ai) * b0;
        const u64 low = t + (u64(ab0) & kMask52);
        const u64 m = (low * k0) & kMask52;
        const u128 mn0 = u128(m) * n0;
        const u64 carry = (low + (u64(mn0) & kMask52)) >> 52;
        const u64 mn1 = (m * n1) & kMask52;
        t = lane1 + mn1 + u64(ab0 >> 52) + u64(mn0 >> 52) + carry;

        const __m512i mv = _mm512_set1_epi64(static_cast<long long>(m));
        for (int v = 0; v < V; ++v)
            acc[v] = _mm512_madd52lo_epu64(acc[v], mv, nv[v]);
        for (int v = 0; v + 1 < V; ++v)
            acc[v] = _mm512_alignr_epi64(acc[v + 1], acc[v], 1);
        acc[V - 1] = _mm512_alignr_epi64(zero, acc[V - 1], 1);
        acc[0]
            = _mm512_add_epi64(acc[0], _mm512_maskz_set1_epi64(1, static_cast<long long>(carry)));
        for (int v = 0; v < V; ++v) {
            acc[v] = _mm512_madd52hi_epu64(acc[v], aiv, bv[v]);
            acc[v] = _mm512_madd52hi_epu64(acc[v], mv, nv[v]);
        }
    }
    alignas(64) u64 r[8 * V];
    for (int v = 0; v < V; ++v)
        _mm512_store_si512(r + 8 * v, acc[v]);
    u64 c = 0;
    for (int j = 0; j < 8 * V; ++j) {
        const u64 x = r[j] + c;
        out[j] = x & kMask52;
        c = x >> 52;
    }
    // c is zero: the value is below 2n < R.
}

using AmmFn = void (*)(u64*, const u64*, const u64*, const u64*, u64);

AmmFn ammFor(int digits)
{
    switch (digits / 8) {
    case 2: return &amm<2>;
    case 3: return &amm<3>;
    case 4: return &amm<4>;
    case 5: return &amm<5>;
    case 6: return &amm<6>;
    case 7: return &amm<7>;
    case 8: return &amm<8>;
    case 9: return &amm<9>;
    case 10: return &amm<10>;
    default: return nullptr;
    }
}

#endif

// a >= b, both `count` normalized digits.
bool notBelow(const u64* a, const u64* b, int count)
{
    for (int j = count - 1; j >= 0; --j) {
        if (a[j] != b[j])
            return a[j] > b[j];
    }
    return true;
}

void subtract(u64* a, const u64* b, int count)
{
    u64 borrow = 0;
    for (int j = 0; j < count; ++j) {
        const u64 x = a[j] - b[j] - borrow;
        a[j] = x & kMask52;
        borrow = x >> 63;
    }
}

} // namespace

bool ifmaAvailable()
{
#ifdef MAILSCOPE_RSA_IFMA
    // libgcc and compiler-rt set the AVX-512 bits only when the OS saves the ZMM state.
    static const bool yes
        = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512ifma");
    return yes;
#else
    return false;
#endif
}

std::unique_ptr<PublicOp> PublicOp::make(QByteArrayView modulus, QByteArrayView exponent)
{
#ifdef MAILSCOPE_RSA_IFMA
    if (!ifmaAvailable())
        return {};
    while (!modulus.isEmpty() && modulus.front() == 0)
        modulus = modulus.sliced(1);
    while (!exponent.isEmpty() && exponent.front() == 0)
        exponent = exponent.sliced(1);
    if (modulus.size() < 64 || modulus.size() > 512 || exponent.isEmpty() || exponent.size() > 8
        || (modulus.back() & 1) == 0)
        return {};
    const auto* nbe = reinterpret_cast<const unsigned char*>(modulus.data());
    int topBits = 8;
    while (!(nbe[0] & (1 << (topBits - 1))))
        --topBits;
    const int bits = 8 * int(modulus.size() - 1) + topBits;
    if (bits < 512)
        return {};

    std::unique_ptr<PublicOp> op(new PublicOp);
    op->m_bytes = int(modulus.size());
    std::memcpy(op->m_modulus, nbe, size_t(op->m_bytes));
    op->m_digits = ((bits + 2 + 51) / 52 + 7) / 8 * 8;
    toDigits(nbe, op->m_bytes, op->m_n, kMaxDigits);
    for (char c : exponent)
        op->m_e = (op->m_e << 8) | static_cast<unsigned char>(c);

    // -n^-1 mod 2^52 by Newton's iteration (each step doubles the correct low bits; n odd).
    const u64 n0 = op->m_n[0];
    u64 inv = n0; // right modulo 8
    for (int i = 0; i < 5; ++i)
        inv *= 2 - n0 * inv;
    op->m_k0 = (0 - inv) & kMask52;

    // R^2 mod n once per key (OpenSSL's BN: not on the per-signature path).
    BN_CTX* ctx = BN_CTX_new();
    BIGNUM* n = BN_bin2bn(nbe, op->m_bytes, nullptr);
    BIGNUM* r2 = BN_new();
    bool ok = ctx && n && r2 && BN_set_bit(r2, 2 * 52 * op->m_digits) == 1
        && BN_mod(r2, r2, n, ctx) == 1;
    if (ok) {
        unsigned char buf[513];
        const int len = BN_bn2binpad(r2, buf, op->m_bytes);
        ok = len == op->m_bytes;
        if (ok)
            toDigits(buf, len, op->m_rr, kMaxDigits);
    }
    BN_free(r2);
    BN_free(n);
    BN_CTX_free(ctx);
    if (!ok || !ammFor(op->m_digits))
        return {};
    return op;
#else
    Q_UNUSED(modulus);
    Q_UNUSED(exponent);
    return {};
#endif
}

bool PublicOp::apply(QByteArrayView signature, unsigned char* out) const
{
#ifdef MAILSCOPE_RSA_IFMA
    if (signature.size() != m_bytes)
        return false;
    const auto* sbe = reinterpret_cast<const unsigned char*>(signature.data());
    if (std::memcmp(sbe, m_modulus, size_t(m_bytes)) >= 0)
        return false; // s >= n
    const AmmFn mul = ammFor(m_digits);
    alignas(64) u64 s[kMaxDigits];
    alignas(64) u64 x[kMaxDigits];
    alignas(64) u64 acc[kMaxDigits];
    toDigits(sbe, m_bytes, s, m_digits);
    mul(x, s, m_rr, m_n, m_k0); // s * R mod n (below 2n)
    std::memcpy(acc, x, sizeof(u64) * size_t(m_digits));
    // Left to right over e's bits below its top one.
    int top = 63;
    while (!((m_e >> top) & 1))
        --top;
    for (int bit = top - 1; bit >= 0; --bit) {
        mul(acc, acc, acc, m_n, m_k0);
        if ((m_e >> bit) & 1)
            mul(acc, acc, x, m_n, m_k0);
    }
    // Out of Montgomery form: acc / R mod n, at most n; then fully reduced.
    alignas(64) u64 one[kMaxDigits] {};
    one[0] = 1;
    mul(acc, acc, one, m_n, m_k0);
    if (notBelow(acc, m_n, m_digits))
        subtract(acc, m_n, m_digits);
    fromDigits(acc, m_digits, out, m_bytes);
    return true;
#else
    Q_UNUSED(signature);
    Q_UNUSED(out);
    return false;
#endif
}

QByteArray digestFromEncoded(DigestAlgorithm algorithm, QByteArrayView encoded)
{
    // DER DigestInfo prefixes (RFC 8017 9.2 note 1), the forms OpenSSL's RSA_verify builds.
    static const unsigned char sha1[] = { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03,
        0x02, 0x1a, 0x05, 0x00, 0x04, 0x14 };
    static const unsigned char sha256[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
    const bool isSha1 = algorithm == DigestAlgorithm::Sha1;
    const QByteArrayView prefix = isSha1
        ? QByteArrayView(reinterpret_cast<const char*>(sha1), sizeof sha1)
        : QByteArrayView(reinterpret_cast<const char*>(sha256), sizeof sha256);
    const qsizetype hashSize = digestSize(algorithm);
    const qsizetype tail = prefix.size() + hashSize;
    // 00 01, at least eight FF, 00 (RSA_padding_check_PKCS1_type_1 also wants 11 bytes).
    const qsizetype k = encoded.size();
    if (k < 11 || k < 3 + 8 + tail)
        return {};
    const auto* p = reinterpret_cast<const unsigned char*>(encoded.data());
    if (p[0] != 0x00 || p[1] != 0x01 || p[k - tail - 1] != 0x00)
        return {};
    for (qsizetype i = 2; i < k - tail - 1; ++i) {
        if (p[i] != 0xff)
            return {};
    }
    if (encoded.sliced(k - tail, prefix.size()) != prefix)
        return {};
    return encoded.last(hashSize).toByteArray();
}

} // namespace ms::crypto::rsa
