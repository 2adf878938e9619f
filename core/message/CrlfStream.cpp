#include "message/CrlfStream.h"

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace ms {

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
    // A LF at i without a CR before it becomes CRLF.
    const auto bareLf = [&](qsizetype lf) {
        if (lf > from)
            m_sink(original.sliced(from, lf - from));
        m_sink(QByteArrayView("\r\n", 2));
        from = lf + 1;
    };
    if (p[0] == '\n' && !m_lastCr)
        bareLf(0);
    qsizetype i = 1;
#ifdef __SSE2__
    // 16 bytes at a time, each compared with the byte before it: mail bodies are CRLF
    // already, so almost every block has no bare LF. A memchr() per line cost a call and a
    // branch miss for every 80 bytes of base64 (4 % of a DKIM-only batch of `mixed`).
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; n - i >= 16; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i - 1));
        unsigned mask = unsigned(
            _mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(before, cr), _mm_cmpeq_epi8(v, lf))));
        while (mask != 0) {
            bareLf(i + __builtin_ctz(mask));
            mask &= mask - 1;
        }
    }
#endif
    for (; i < n;) {
        const void* hit = std::memchr(p + i, '\n', size_t(n - i));
        if (!hit)
            break;
        const qsizetype at = static_cast<const char*>(hit) - p;
        if (p[at - 1] != '\r')
            bareLf(at);
        i = at + 1;
    }
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
