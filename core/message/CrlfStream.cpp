#include "message/CrlfStream.h"

#include <cstring>

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
    for (qsizetype i = 0; i < n;) {
        const void* hit = std::memchr(p + i, '\n', size_t(n - i));
        if (!hit)
            break;
        const qsizetype lf = static_cast<const char*>(hit) - p;
        const bool crBefore = lf > 0 ? p[lf - 1] == '\r' : m_lastCr;
        if (!crBefore) {
            if (lf > from)
                m_sink(original.sliced(from, lf - from));
            m_sink(QByteArrayView("\r\n", 2));
            from = lf + 1;
        }
        i = lf + 1;
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
