#include "crypto/Ed25519.h"

#include <openssl/evp.h>

#include <bit>
#include <cstdint>
#include <cstring>

// The field arithmetic multiplies 64-bit limbs into 128-bit sums, and loads bytes as
// little-endian words: both hold on amd64, where Mailscope is built and tested, and arm64.
#ifndef __SIZEOF_INT128__
#error "crypto/Ed25519.cpp needs unsigned __int128 (a 64-bit GCC or Clang target)"
#endif
static_assert(
    std::endian::native == std::endian::little, "crypto/Ed25519.cpp loads little-endian words");

namespace ms::crypto::ed25519 {

namespace {

using u64 = std::uint64_t;
__extension__ typedef unsigned __int128 u128;

constexpr u64 kMask51 = (u64(1) << 51) - 1;

// ---- GF(2^255 - 19) in five 51-bit limbs ------------------------------------------------
// Every operation leaves limbs below 2^52, so sums of two stay far from overflow and any
// result can feed a multiplication.

struct Fe {
    u64 v[5];
};

u64 load64(const unsigned char* p)
{
    u64 r;
    std::memcpy(&r, p, 8); // little-endian (checked above)
    return r;
}

void store64(unsigned char* p, u64 x)
{
    std::memcpy(p, &x, 8);
}

void carry(Fe& f)
{
    f.v[1] += f.v[0] >> 51;
    f.v[0] &= kMask51;
    f.v[2] += f.v[1] >> 51;
    f.v[1] &= kMask51;
    f.v[3] += f.v[2] >> 51;
    f.v[2] &= kMask51;
    f.v[4] += f.v[3] >> 51;
    f.v[3] &= kMask51;
    f.v[0] += 19 * (f.v[4] >> 51);
    f.v[4] &= kMask51;
}

Fe feFromBytes(const unsigned char* s) // the top bit is ignored (RFC 8032 5.1.3)
{
    const u64 w0 = load64(s), w1 = load64(s + 8), w2 = load64(s + 16), w3 = load64(s + 24);
    return Fe { { w0 & kMask51, ((w0 >> 51) | (w1 << 13)) & kMask51,
        ((w1 >> 38) | (w2 << 26)) & kMask51, ((w2 >> 25) | (w3 << 39)) & kMask51,
        (w3 >> 12) & kMask51 } };
}

void feToBytes(unsigned char* out, Fe f) // canonical: the value below p
{
    carry(f);
    carry(f);
    // Now f < 2^255 + a little; q = 1 exactly when f >= p.
    u64 q = (f.v[0] + 19) >> 51;
    q = (f.v[1] + q) >> 51;
    q = (f.v[2] + q) >> 51;
    q = (f.v[3] + q) >> 51;
    q = (f.v[4] + q) >> 51;
    f.v[0] += 19 * q;
    f.v[1] += f.v[0] >> 51;
    f.v[0] &= kMask51;
    f.v[2] += f.v[1] >> 51;
    f.v[1] &= kMask51;
    f.v[3] += f.v[2] >> 51;
    f.v[2] &= kMask51;
    f.v[4] += f.v[3] >> 51;
    f.v[3] &= kMask51;
    f.v[4] &= kMask51; // drops 2^255, the other half of subtracting p
    store64(out, f.v[0] | (f.v[1] << 51));
    store64(out + 8, (f.v[1] >> 13) | (f.v[2] << 38));
    store64(out + 16, (f.v[2] >> 26) | (f.v[3] << 25));
    store64(out + 24, (f.v[3] >> 39) | (f.v[4] << 12));
}

Fe feAdd(const Fe& a, const Fe& b)
{
    Fe r { { a.v[0] + b.v[0], a.v[1] + b.v[1], a.v[2] + b.v[2], a.v[3] + b.v[3],
        a.v[4] + b.v[4] } };
    carry(r);
    return r;
}

Fe feSub(const Fe& a, const Fe& b) // a + 4p - b: no limb goes below zero
{
    Fe r { { a.v[0] + 0x1FFFFFFFFFFFB4 - b.v[0], a.v[1] + 0x1FFFFFFFFFFFFC - b.v[1],
        a.v[2] + 0x1FFFFFFFFFFFFC - b.v[2], a.v[3] + 0x1FFFFFFFFFFFFC - b.v[3],
        a.v[4] + 0x1FFFFFFFFFFFFC - b.v[4] } };
    carry(r);
    return r;
}

Fe feNeg(const Fe& a)
{
    return feSub(Fe { { 0, 0, 0, 0, 0 } }, a);
}

Fe reduceWide(u128 r0, u128 r1, u128 r2, u128 r3, u128 r4)
{
    r1 += u64(r0 >> 51);
    r2 += u64(r1 >> 51);
    r3 += u64(r2 >> 51);
    r4 += u64(r3 >> 51);
    const u128 t = u128(u64(r0) & kMask51) + u128(19) * u64(r4 >> 51);
    Fe f { { u64(t) & kMask51, (u64(r1) & kMask51) + u64(t >> 51), u64(r2) & kMask51,
        u64(r3) & kMask51, u64(r4) & kMask51 } };
    return f;
}

Fe feMul(const Fe& a, const Fe& b)
{
    const u64 a0 = a.v[0], a1 = a.v[1], a2 = a.v[2], a3 = a.v[3], a4 = a.v[4];
    const u64 b0 = b.v[0], b1 = b.v[1], b2 = b.v[2], b3 = b.v[3], b4 = b.v[4];
    // Terms of degree 5..8 wrap around as 19 * 2^(51 * (k - 5)), since 2^255 = 19 mod p.
    const u64 b1_19 = 19 * b1, b2_19 = 19 * b2, b3_19 = 19 * b3, b4_19 = 19 * b4;
    const u128 r0
        = u128(a0) * b0 + u128(a1) * b4_19 + u128(a2) * b3_19 + u128(a3) * b2_19 + u128(a4) * b1_19;
    const u128 r1
        = u128(a0) * b1 + u128(a1) * b0 + u128(a2) * b4_19 + u128(a3) * b3_19 + u128(a4) * b2_19;
    const u128 r2
        = u128(a0) * b2 + u128(a1) * b1 + u128(a2) * b0 + u128(a3) * b4_19 + u128(a4) * b3_19;
    const u128 r3
        = u128(a0) * b3 + u128(a1) * b2 + u128(a2) * b1 + u128(a3) * b0 + u128(a4) * b4_19;
    const u128 r4 = u128(a0) * b4 + u128(a1) * b3 + u128(a2) * b2 + u128(a3) * b1 + u128(a4) * b0;
    return reduceWide(r0, r1, r2, r3, r4);
}

Fe feSq(const Fe& a)
{
    const u64 a0 = a.v[0], a1 = a.v[1], a2 = a.v[2], a3 = a.v[3], a4 = a.v[4];
    const u64 d0 = 2 * a0, d1 = 2 * a1, d2 = 2 * a2;
    const u64 a3_19 = 19 * a3, a4_19 = 19 * a4;
    const u128 r0 = u128(a0) * a0 + u128(d1) * a4_19 + u128(d2) * a3_19;
    const u128 r1 = u128(d0) * a1 + u128(d2) * a4_19 + u128(a3) * a3_19;
    const u128 r2 = u128(d0) * a2 + u128(a1) * a1 + u128(2 * a3) * a4_19;
    const u128 r3 = u128(d0) * a3 + u128(d1) * a2 + u128(a4) * a4_19;
    const u128 r4 = u128(d0) * a4 + u128(d1) * a3 + u128(a2) * a2;
    return reduceWide(r0, r1, r2, r3, r4);
}

Fe feSqN(Fe a, int n)
{
    for (int i = 0; i < n; ++i)
        a = feSq(a);
    return a;
}

// z^(2^250 - 1), and z^11 on the side: the common stem of inversion and square roots.
Fe fePow2250m1(const Fe& z, Fe& z11)
{
    const Fe z2 = feSq(z);
    const Fe z9 = feMul(feSqN(z2, 2), z);
    z11 = feMul(z9, z2);
    const Fe e5 = feMul(feSq(z11), z9); // z^(2^5 - 1)
    const Fe e10 = feMul(feSqN(e5, 5), e5);
    const Fe e20 = feMul(feSqN(e10, 10), e10);
    const Fe e40 = feMul(feSqN(e20, 20), e20);
    const Fe e50 = feMul(feSqN(e40, 10), e10);
    const Fe e100 = feMul(feSqN(e50, 50), e50);
    const Fe e200 = feMul(feSqN(e100, 100), e100);
    return feMul(feSqN(e200, 50), e50);
}

Fe feInvert(const Fe& z) // z^(p - 2) = z^(2^255 - 21)
{
    Fe z11;
    const Fe e250 = fePow2250m1(z, z11);
    return feMul(feSqN(e250, 5), z11);
}

Fe fePow22523(const Fe& z) // z^((p - 5) / 8) = z^(2^252 - 3)
{
    Fe z11;
    const Fe e250 = fePow2250m1(z, z11);
    return feMul(feSqN(e250, 2), z);
}

bool feIsZero(const Fe& f)
{
    unsigned char b[32];
    feToBytes(b, f);
    unsigned char acc = 0;
    for (unsigned char c : b)
        acc |= c;
    return acc == 0;
}

bool feIsNegative(const Fe& f) // RFC 8032 5.1.2: the low bit of the canonical value
{
    unsigned char b[32];
    feToBytes(b, f);
    return b[0] & 1;
}

Fe feSmall(u64 x)
{
    return Fe { { x, 0, 0, 0, 0 } };
}

// ---- Points -------------------------------------------------------------------------------
// Extended coordinates (x = X/Z, y = Y/Z, xy = T/Z) on -x^2 + y^2 = 1 + d x^2 y^2. The
// formulas are the unified ones of Hisil, Wong, Carter and Dawson (2008), complete on this
// curve, so special points need no special cases.

struct P3 {
    Fe X, Y, Z, T;
};
struct P1P1 { // x = X/Z, y = Y/T: what an addition or doubling yields before its last step
    Fe X, Y, Z, T;
};
struct Affine { // (y + x, y - x, 2d x y): one table entry
    Fe ypx, ymx, xy2d;
};
struct Cached { // (Y + X, Y - X, Z, 2d T): a point prepared for full additions
    Fe ypx, ymx, Z, T2d;
};

struct Constants {
    Fe d, d2, sqrtm1;
};

const Constants& constants();

P3 toP3(const P1P1& p)
{
    return P3 { feMul(p.X, p.T), feMul(p.Y, p.Z), feMul(p.Z, p.T), feMul(p.X, p.Y) };
}

P3 identity()
{
    return P3 { feSmall(0), feSmall(1), feSmall(1), feSmall(0) };
}

P1P1 dbl(const Fe& X, const Fe& Y, const Fe& Z)
{
    const Fe a = feSq(X);
    const Fe b = feSq(Y);
    const Fe z2 = feSq(Z);
    const Fe c = feAdd(z2, z2);
    const Fe e = feSub(feSq(feAdd(X, Y)), feAdd(a, b)); // 2XY
    const Fe g = feSub(b, a);
    return P1P1 { e, feAdd(b, a), g, feSub(c, g) };
}

P3 dblP3(const P3& p)
{
    return toP3(dbl(p.X, p.Y, p.Z));
}

P3 dblN(P3 p, int n) // T is needed only after the last doubling
{
    for (int i = 0; i < n; ++i) {
        const P1P1 r = dbl(p.X, p.Y, p.Z);
        if (i + 1 < n)
            p = P3 { feMul(r.X, r.T), feMul(r.Y, r.Z), feMul(r.Z, r.T), p.T };
        else
            p = toP3(r);
    }
    return p;
}

template<bool Negate> P3 madd(const P3& p, const Affine& q)
{
    const Fe a = feMul(feAdd(p.Y, p.X), Negate ? q.ymx : q.ypx);
    const Fe b = feMul(feSub(p.Y, p.X), Negate ? q.ypx : q.ymx);
    const Fe c = feMul(q.xy2d, p.T);
    const Fe d = feAdd(p.Z, p.Z);
    return toP3(P1P1 { feSub(a, b), feAdd(a, b), Negate ? feSub(d, c) : feAdd(d, c),
        Negate ? feAdd(d, c) : feSub(d, c) });
}

Cached toCached(const P3& p)
{
    return Cached { feAdd(p.Y, p.X), feSub(p.Y, p.X), p.Z, feMul(p.T, constants().d2) };
}

P3 add(const P3& p, const Cached& q)
{
    const Fe a = feMul(feAdd(p.Y, p.X), q.ypx);
    const Fe b = feMul(feSub(p.Y, p.X), q.ymx);
    const Fe c = feMul(q.T2d, p.T);
    const Fe zz = feMul(p.Z, q.Z);
    const Fe d = feAdd(zz, zz);
    return toP3(P1P1 { feSub(a, b), feAdd(a, b), feAdd(d, c), feSub(d, c) });
}

void encode(unsigned char* out, const P3& p)
{
    const Fe zi = feInvert(p.Z);
    feToBytes(out, feMul(p.Y, zi));
    out[31] |= (feIsNegative(feMul(p.X, zi)) ? 0x80 : 0);
}

// RFC 8032 5.1.3 as the reference code (and OpenSSL) does it: y is not checked against p,
// and x = 0 with the sign bit set is not refused.
bool decode(P3& p, const unsigned char* s)
{
    const Constants& k = constants();
    const Fe y = feFromBytes(s);
    const Fe y2 = feSq(y);
    const Fe u = feSub(y2, feSmall(1));
    const Fe v = feAdd(feMul(y2, k.d), feSmall(1));
    const Fe v3 = feMul(feSq(v), v);
    const Fe uv7 = feMul(feMul(feSq(v3), v), u);
    Fe x = feMul(feMul(fePow22523(uv7), v3), u);
    const Fe vx2 = feMul(feSq(x), v);
    if (!feIsZero(feSub(vx2, u))) {
        if (!feIsZero(feAdd(vx2, u)))
            return false;
        x = feMul(x, k.sqrtm1);
    }
    if (feIsNegative(x) != bool(s[31] >> 7))
        x = feNeg(x);
    p = P3 { x, y, feSmall(1), feMul(x, y) };
    return true;
}

const Constants& constants()
{
    static const Constants c = [] {
        Constants k;
        k.d = feMul(feNeg(feSmall(121665)), feInvert(feSmall(121666)));
        k.d2 = feAdd(k.d, k.d);
        const Fe two = feSmall(2);
        k.sqrtm1 = feMul(feSq(fePow22523(two)), two); // 2^((p - 1) / 4)
        return k;
    }();
    return c;
}

// ---- Tables of multiples: T[i][j] = (j + 1) * 256^i * P ---------------------------------

struct Table {
    Affine entry[32][8];
};

void buildTable(Table& t, const P3& point)
{
    static constexpr int kCount = 32 * 8;
    P3 pts[kCount];
    P3 cur = point;
    for (int i = 0; i < 32; ++i) {
        const Cached c = toCached(cur);
        P3* row = pts + i * 8;
        row[0] = cur;
        row[1] = dblP3(cur);
        for (int j = 2; j < 8; ++j)
            row[j] = add(row[j - 1], c);
        if (i + 1 < 32)
            cur = dblN(row[7], 5); // 8 * 32 = 256
    }
    // One inversion for all 256 Z (Montgomery's trick).
    Fe prefix[kCount];
    Fe acc = feSmall(1);
    for (int n = 0; n < kCount; ++n) {
        prefix[n] = acc;
        acc = feMul(acc, pts[n].Z);
    }
    Fe inv = feInvert(acc);
    const Fe& d2 = constants().d2;
    for (int n = kCount - 1; n >= 0; --n) {
        const Fe zi = feMul(inv, prefix[n]);
        inv = feMul(inv, pts[n].Z);
        const Fe x = feMul(pts[n].X, zi);
        const Fe y = feMul(pts[n].Y, zi);
        t.entry[n / 8][n % 8] = Affine { feAdd(y, x), feSub(y, x), feMul(feMul(x, y), d2) };
    }
}

const Table& baseTable()
{
    static const Table* t = [] {
        static const unsigned char kBase[32] = { 0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
            0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
            0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66 }; // y = 4/5, x even
        P3 b;
        decode(b, kBase);
        auto* table = new Table; // lives for the process, like OpenSSL's own tables
        buildTable(*table, b);
        return table;
    }();
    return *t;
}

// ---- Scalars modulo L = 2^252 + c -------------------------------------------------------

constexpr u64 kCLo = 0x5812631a5cf5d3edULL, kCHi = 0x14def9dea2f79cd6ULL;
constexpr u64 kL[4] = { kCLo, kCHi, 0, u64(1) << 60 };

// `bytes` little-endian, any length that is a multiple of 4; the result is below L.
void reduceModL(u64 r[4], const unsigned char* bytes, int length)
{
    r[0] = r[1] = r[2] = r[3] = 0;
    for (int at = length - 4; at >= 0; at -= 4) {
        u64 chunk = 0;
        for (int b = 3; b >= 0; --b)
            chunk = (chunk << 8) | bytes[at + b];
        // r * 2^32 + chunk < 2^285; fold everything above 2^252 with 2^252 = -c (mod L).
        u64 w[5] = { (r[0] << 32) | chunk, (r[1] << 32) | (r[0] >> 32), (r[2] << 32) | (r[1] >> 32),
            (r[3] << 32) | (r[2] >> 32), r[3] >> 32 };
        const u64 q = (w[3] >> 60) | (w[4] << 4); // < 2^33
        w[3] &= (u64(1) << 60) - 1;
        const u128 p0 = u128(q) * kCLo;
        const u128 p1 = u128(q) * kCHi + u64(p0 >> 64);
        const u64 t[4] = { u64(p0), u64(p1), u64(p1 >> 64), 0 };
        u64 borrow = 0;
        for (int i = 0; i < 4; ++i) {
            const u128 diff = u128(w[i]) - t[i] - borrow;
            r[i] = u64(diff);
            borrow = u64(diff >> 64) & 1;
        }
        if (borrow) { // the true value is in (-2^158, 0): adding L lands in [0, L)
            u64 c = 0;
            for (int i = 0; i < 4; ++i) {
                const u128 sum = u128(r[i]) + kL[i] + c;
                r[i] = u64(sum);
                c = u64(sum >> 64);
            }
        }
    }
}

bool belowL(const unsigned char* s) // 0 <= s < L (RFC 8032 5.1.7 step 1)
{
    static constexpr unsigned char kLBytes[32]
        = { 0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9,
              0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10 };
    for (int i = 31; i >= 0; --i) {
        if (s[i] != kLBytes[i])
            return s[i] < kLBytes[i];
    }
    return false; // equal to L
}

// 64 digits in [-8, 8], sum of e[i] * 16^i; `s` below 2^255.
void recode(signed char e[64], const unsigned char* s)
{
    for (int i = 0; i < 32; ++i) {
        e[2 * i] = static_cast<signed char>(s[i] & 15);
        e[2 * i + 1] = static_cast<signed char>(s[i] >> 4);
    }
    int carryOut = 0;
    for (int i = 0; i < 63; ++i) {
        const int v = e[i] + carryOut;
        carryOut = (v + 8) >> 4;
        e[i] = static_cast<signed char>(v - carryOut * 16);
    }
    e[63] = static_cast<signed char>(e[63] + carryOut);
}

void scalarToBytes(unsigned char* out, const u64 r[4])
{
    for (int i = 0; i < 4; ++i)
        store64(out + 8 * i, r[i]);
}

template<bool Negate> void addEntry(P3& acc, const Table& t, int row, int digit)
{
    acc = madd<Negate>(acc, t.entry[row][digit - 1]);
}

void accumulate(P3& acc, const Table& t, int row, int digit)
{
    if (digit > 0)
        addEntry<false>(acc, t, row, digit);
    else if (digit < 0)
        addEntry<true>(acc, t, row, -digit);
}

// sum of e1[i] 16^i P1 + e2[i] 16^i P2 over the two tables.
P3 doubleScalarMult(const signed char* e1, const Table& t1, const signed char* e2, const Table* t2)
{
    P3 acc = identity();
    for (int i = 0; i < 32; ++i) {
        accumulate(acc, t1, i, e1[2 * i + 1]);
        if (t2)
            accumulate(acc, *t2, i, e2[2 * i + 1]);
    }
    acc = dblN(acc, 4);
    for (int i = 0; i < 32; ++i) {
        accumulate(acc, t1, i, e1[2 * i]);
        if (t2)
            accumulate(acc, *t2, i, e2[2 * i]);
    }
    return acc;
}

const EVP_MD* sha512()
{
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA512", nullptr);
    return md;
}

const unsigned char* uc(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

} // namespace

struct VerifyKey::Tables {
    Table negA;
};

VerifyKey::VerifyKey(QByteArrayView publicKey32)
{
    m_usable = publicKey32.size() == 32;
    if (m_usable)
        std::memcpy(m_encoded.data(), publicKey32.data(), 32);
}

VerifyKey::~VerifyKey() = default;

void VerifyKey::prepare() const
{
    static_assert(sizeof(Tables) == kPreparedBytes);
    std::call_once(m_once, [this] {
        P3 a;
        if (!m_usable || !decode(a, m_encoded.data()))
            return;
        auto t = std::make_unique<Tables>();
        buildTable(t->negA, P3 { feNeg(a.X), a.Y, a.Z, feNeg(a.T) });
        m_tables = std::move(t);
    });
}

bool VerifyKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (signature.size() != 64)
        return false;
    const unsigned char* r = uc(signature);
    const unsigned char* s = r + 32;
    if (!belowL(s))
        return false;
    prepare();
    if (!m_tables)
        return false;

    unsigned char h[64];
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned int len = 0;
    const bool hashed = ctx && sha512() && EVP_DigestInit_ex(ctx, sha512(), nullptr) == 1
        && EVP_DigestUpdate(ctx, r, 32) == 1 && EVP_DigestUpdate(ctx, m_encoded.data(), 32) == 1
        && EVP_DigestUpdate(ctx, message.data(), size_t(message.size())) == 1
        && EVP_DigestFinal_ex(ctx, h, &len) == 1;
    EVP_MD_CTX_free(ctx);
    if (!hashed)
        return false;

    u64 hr[4];
    reduceModL(hr, h, 64);
    unsigned char hBytes[32];
    scalarToBytes(hBytes, hr);
    signed char eh[64], es[64];
    recode(eh, hBytes);
    recode(es, s);
    const P3 check = doubleScalarMult(es, baseTable(), eh, &m_tables->negA);
    unsigned char encoded[32];
    encode(encoded, check);
    return std::memcmp(encoded, r, 32) == 0;
}

namespace detail {

namespace {

QByteArray encoded(const P3& p)
{
    QByteArray out(32, '\0');
    encode(reinterpret_cast<unsigned char*>(out.data()), p);
    return out;
}

P3 scalarMultTable(const Table& t, QByteArrayView scalar32)
{
    // The digits need a scalar below 2^255: a top bit is added as 2 * ([2^254] P).
    unsigned char s[32];
    std::memcpy(s, scalar32.data(), 32);
    const bool top = s[31] & 0x80;
    s[31] &= 0x7f;
    signed char e[64];
    recode(e, s);
    P3 r = doubleScalarMult(e, t, nullptr, nullptr);
    if (top) {
        unsigned char hi[32] = {};
        hi[31] = 0x40; // 2^254, added twice
        recode(e, hi);
        const P3 h = doubleScalarMult(e, t, nullptr, nullptr);
        r = ed25519::add(ed25519::add(r, toCached(h)), toCached(h));
    }
    return r;
}

} // namespace

QByteArray scalarMultBase(QByteArrayView scalar32)
{
    if (scalar32.size() != 32)
        return {};
    return encoded(scalarMultTable(baseTable(), scalar32));
}

QByteArray scalarMult(QByteArrayView point32, QByteArrayView scalar32)
{
    P3 p;
    if (point32.size() != 32 || scalar32.size() != 32 || !decode(p, uc(point32)))
        return {};
    auto t = std::make_unique<Table>();
    buildTable(*t, p);
    return encoded(scalarMultTable(*t, scalar32));
}

QByteArray add(QByteArrayView a, QByteArrayView b)
{
    P3 p, q;
    if (a.size() != 32 || b.size() != 32 || !decode(p, uc(a)) || !decode(q, uc(b)))
        return {};
    return encoded(ed25519::add(p, toCached(q)));
}

QByteArray reduceScalar(QByteArrayView bytes64)
{
    if (bytes64.size() != 64)
        return {};
    u64 r[4];
    reduceModL(r, uc(bytes64), 64);
    QByteArray out(32, '\0');
    scalarToBytes(reinterpret_cast<unsigned char*>(out.data()), r);
    return out;
}

QByteArray mulAddScalar(QByteArrayView a, QByteArrayView b, QByteArrayView c)
{
    if (a.size() != 32 || b.size() != 32 || c.size() != 32)
        return {};
    u64 x[4], y[4], z[4];
    for (int i = 0; i < 4; ++i) {
        x[i] = load64(uc(a) + 8 * i);
        y[i] = load64(uc(b) + 8 * i);
        z[i] = load64(uc(c) + 8 * i);
    }
    u64 prod[8] = {};
    for (int i = 0; i < 4; ++i) {
        u64 carryOut = 0;
        for (int j = 0; j < 4; ++j) {
            const u128 t = u128(x[i]) * y[j] + prod[i + j] + carryOut;
            prod[i + j] = u64(t);
            carryOut = u64(t >> 64);
        }
        prod[i + 4] = carryOut;
    }
    u64 carryOut = 0;
    for (int i = 0; i < 8; ++i) {
        const u128 t = u128(prod[i]) + (i < 4 ? z[i] : 0) + carryOut;
        prod[i] = u64(t);
        carryOut = u64(t >> 64);
    }
    unsigned char wide[64];
    for (int i = 0; i < 8; ++i)
        store64(wide + 8 * i, prod[i]);
    return reduceScalar(QByteArrayView(reinterpret_cast<const char*>(wide), 64));
}

} // namespace detail

} // namespace ms::crypto::ed25519
