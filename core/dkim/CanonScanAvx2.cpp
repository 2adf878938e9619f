// Compiled with -mavx2 (core/CMakeLists.txt) and called only where the CPU has AVX2.
#include "dkim/CanonScan.h"

#ifdef __AVX2__
#include <immintrin.h>

namespace ms::dkim {

namespace {

struct Avx2 {
    using V = __m256i;
    static V splat(char c) { return _mm256_set1_epi8(c); }
    static V zero() { return _mm256_setzero_si256(); }
    static V load(const char* p) { return _mm256_loadu_si256(reinterpret_cast<const V*>(p)); }
    static void store(char* p, V v) { _mm256_storeu_si256(reinterpret_cast<V*>(p), v); }
    static V eq(V a, V b) { return _mm256_cmpeq_epi8(a, b); }
    static V orv(V a, V b) { return _mm256_or_si256(a, b); }
    static V andv(V a, V b) { return _mm256_and_si256(a, b); }
    static V andnot(V a, V b) { return _mm256_andnot_si256(a, b); } // ~a & b
    static std::uint32_t mask(V v) { return std::uint32_t(_mm256_movemask_epi8(v)); }
};

} // namespace

PlainRun scanPlainAvx2(
    const char* p, std::ptrdiff_t n, char* out, std::ptrdiff_t room, bool relaxed, bool crlfInline)
{
    return scanPlainWith<Avx2>(p, n, out, room, relaxed, crlfInline);
}

} // namespace ms::dkim
#endif
