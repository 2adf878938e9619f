#include "message/CrlfStream.h"

#include <atomic>
#include <cstring>

#ifdef __SSE2__
#include <immintrin.h>
#endif

namespace ms {

namespace {

// The scalar search of nextBareLf() (below), for the bytes the vector loops leave.
qsizetype scanTail(const char* p, qsizetype from, qsizetype n)
{
    for (qsizetype i = from; i < n;) {
        const void* hit = std::memchr(p + i, '\n', size_t(n - i));
        if (!hit)
            return -1;
        const qsizetype at = static_cast<const char*>(hit) - p;
        if (p[at - 1] != '\r')
            return at;
        i = at + 1;
    }
    return -1;
}

#ifdef __SSE2__
qsizetype nextBareLfSse2(const char* p, qsizetype i, qsizetype n)
{
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; n - i >= 16; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i - 1));
        const unsigned mask = unsigned(
            _mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(before, cr), _mm_cmpeq_epi8(v, lf))));
        if (mask != 0)
            return i + __builtin_ctz(mask);
    }
    return scanTail(p, i, n);
}
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MAILSCOPE_CRLF_AVX2 1
__attribute__((target("avx2"))) qsizetype nextBareLfAvx2(const char* p, qsizetype i, qsizetype n)
{
    const __m256i lf = _mm256_set1_epi8('\n');
    const __m256i cr = _mm256_set1_epi8('\r');
    for (; n - i >= 32; i += 32) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
        const __m256i before = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i - 1));
        const unsigned mask = unsigned(_mm256_movemask_epi8(
            _mm256_andnot_si256(_mm256_cmpeq_epi8(before, cr), _mm256_cmpeq_epi8(v, lf))));
        if (mask != 0)
            return i + __builtin_ctz(mask);
    }
    return nextBareLfSse2(p, i, n);
}
std::atomic_bool g_avx2 { bool(__builtin_cpu_supports("avx2")) };
#endif

// The first LF at or after `from` (>= 1) without a CR before it, or -1. Mail bodies are CRLF
// already, so almost every block has none: comparing whole vectors with the bytes one before
// them, instead of a memchr() per line (a call and a branch miss every 80 bytes of base64,
// 4 % of a DKIM-only batch of `mixed`).
qsizetype nextBareLf(const char* p, qsizetype from, qsizetype n)
{
#ifdef MAILSCOPE_CRLF_AVX2
    if (g_avx2.load(std::memory_order_relaxed))
        return nextBareLfAvx2(p, from, n);
#endif
#ifdef __SSE2__
    return nextBareLfSse2(p, from, n);
#else
    return scanTail(p, from, n);
#endif
}

} // namespace

void BodyCrlfStream::setAvx2Allowed(bool allowed)
{
#ifdef MAILSCOPE_CRLF_AVX2
    g_avx2 = allowed && __builtin_cpu_supports("avx2");
#else
    (void)allowed;
#endif
}

BodyCrlfStream::BodyCrlfStream(Sink sink)
    : m_sink(std::move(sink))
{
}

void BodyCrlfStream::feed(QByteArrayView original)
{
    const char* p = original.data();
    const qsizetype n = original.size();
    if (n == 0)
        return;
    qsizetype from = 0; // the start of what is not passed on yet
    // A LF at `lf` without a CR before it becomes CRLF.
    const auto bareLf = [&](qsizetype lf) {
        if (lf > from)
            m_sink(original.sliced(from, lf - from));
        m_sink(QByteArrayView("\r\n", 2));
        from = lf + 1;
    };
    if (p[0] == '\n' && !m_lastCr)
        bareLf(0);
    for (qsizetype at = 1; (at = nextBareLf(p, at, n)) >= 0; ++at)
        bareLf(at);
    if (from < n)
        m_sink(original.sliced(from));
    m_lastCr = p[n - 1] == '\r';
    m_lineOpen = p[n - 1] != '\n';
}

void BodyCrlfStream::finish()
{
    if (m_lineOpen)
        m_sink(QByteArrayView("\r\n", 2));
    m_lineOpen = false;
    m_lastCr = false;
}

} // namespace ms
