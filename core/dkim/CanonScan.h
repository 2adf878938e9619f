#pragma once

// The vector scan of body canonicalization (Canon.cpp), as a template over the vector
// operations: Canon.cpp instantiates it with SSE2, CanonScanAvx2.cpp (compiled for AVX2,
// used only where the CPU has it) with AVX2. Plain types only: the AVX2 file must not
// include Qt, whose inline functions compiled for AVX2 could be the copy the linker keeps.

#include <cstddef>
#include <cstdint>

namespace ms::dkim {

// What scanPlain copied: bytes that canonicalization leaves as they are.
struct PlainRun {
    std::ptrdiff_t length = 0;
    std::int64_t lines = 0; // CRLFs among them
    bool special = false; // it stopped at a byte that needs a decision
};

// Copies from p to out, a vector at a time, up to the first byte that needs a decision: a
// CR, and for relaxed an HT or an SP followed by WSP or CR (a single SP between words stays
// as it is, RFC 6376 3.4.4). With crlfInline a CRLF whose next line starts with an ordinary
// byte needs none either (the line is not empty and nothing is held back; no line record is
// wanted): base64 and text then pass without leaving the loop at each line end, where a
// mispredicted exit cost about as much as the 80 bytes of the line. Reads up to two bytes
// past what it copies, so it stops that far before the end of the input.
template<typename Ops>
PlainRun scanPlainWith(
    const char* p, std::ptrdiff_t n, char* out, std::ptrdiff_t room, bool relaxed, bool crlfInline)
{
    using V = typename Ops::V;
    constexpr std::ptrdiff_t W = sizeof(V);
    const V cr = Ops::splat('\r'), lf = Ops::splat('\n'), sp = Ops::splat(' '),
            ht = Ops::splat('\t');
    PlainRun r;
    std::ptrdiff_t i = 0;
    while (n - i >= W + 2 && room - i >= W) {
        const V v = Ops::load(p + i);
        const V next = Ops::load(p + i + 1);
        const V cr0 = Ops::eq(v, cr);
        V special = cr0;
        V crlf = Ops::zero();
        if (relaxed) {
            const V nextWspOrCr
                = Ops::orv(Ops::orv(Ops::eq(next, sp), Ops::eq(next, ht)), Ops::eq(next, cr));
            special = Ops::orv(
                special, Ops::orv(Ops::eq(v, ht), Ops::andv(Ops::eq(v, sp), nextWspOrCr)));
        }
        if (crlfInline) {
            const V after = Ops::load(p + i + 2);
            V notOrdinary = Ops::eq(after, cr);
            if (relaxed)
                notOrdinary
                    = Ops::orv(notOrdinary, Ops::orv(Ops::eq(after, sp), Ops::eq(after, ht)));
            crlf = Ops::andnot(notOrdinary, Ops::andv(cr0, Ops::eq(next, lf)));
            special = Ops::andnot(crlf, special);
        }
        Ops::store(out + i, v);
        const std::uint32_t stop = Ops::mask(special);
        std::uint32_t lines = Ops::mask(crlf);
        const std::ptrdiff_t take = stop == 0 ? W : std::ptrdiff_t(__builtin_ctz(stop));
        if (take < W)
            lines &= (std::uint32_t(1) << take) - 1;
        r.lines += __builtin_popcount(lines);
        i += take;
        if (stop != 0) {
            r.special = true;
            break;
        }
    }
    r.length = i;
    return r;
}

// scanPlainWith() with AVX2 (CanonScanAvx2.cpp); only where the CPU has it.
PlainRun scanPlainAvx2(
    const char* p, std::ptrdiff_t n, char* out, std::ptrdiff_t room, bool relaxed, bool crlfInline);

// Tests run the baseline (SSE2) scan on a CPU with AVX2 too: false makes scanPlain() use it.
void setCanonScanAvx2Allowed(bool allowed);

} // namespace ms::dkim
