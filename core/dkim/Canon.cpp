#include "dkim/Canon.h"

#include "dkim/CanonScan.h"

#include <QHash>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace ms::dkim {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

QString canonName(Canon c)
{
    return c == Canon::Simple ? QStringLiteral("simple") : QStringLiteral("relaxed");
}

std::optional<Canon> canonFromName(QByteArrayView name)
{
    if (name == "simple")
        return Canon::Simple;
    if (name == "relaxed")
        return Canon::Relaxed;
    return std::nullopt;
}

namespace {

// The canonical forms of one header field, written at `o`, which has room for
// rawField.size() + 3 bytes (relaxed: a field without a colon gains ':' and CRLF). Returns
// the end. Writing in place instead of appending byte by byte: header canonicalization runs
// for every signed field of every signature.
char* writeSimple(char* o, QByteArrayView rawField)
{
    if (!rawField.isEmpty()) // an empty view may have no data pointer: memcpy(o, null, 0) is UB
        std::memcpy(o, rawField.data(), size_t(rawField.size()));
    o += rawField.size();
    if (!rawField.endsWith("\r\n")) {
        *o++ = '\r';
        *o++ = '\n';
    }
    return o;
}

char* writeRelaxed(char* o, QByteArrayView rawField)
{
    QByteArrayView f = rawField;
    if (f.endsWith("\r\n"))
        f.chop(2);
    const qsizetype colon = f.indexOf(':');
    QByteArrayView name = colon < 0 ? f : f.first(colon);
    const QByteArrayView value = colon < 0 ? QByteArrayView() : f.sliced(colon + 1);
    while (!name.isEmpty() && isWsp(name.back()))
        name.chop(1);
    for (char c : name)
        *o++ = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    *o++ = ':';
    // Unfold (drop CRLF), WSP runs to one SP, then trim both ends.
    bool inWsp = false;
    bool started = false;
    const char* v = value.data();
    const qsizetype n = value.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = v[i];
        if (c == '\r' && i + 1 < n && v[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (isWsp(c)) {
            inWsp = true;
            continue;
        }
        if (inWsp && started)
            *o++ = ' ';
        inWsp = false;
        started = true;
        *o++ = c;
    }
    *o++ = '\r';
    *o++ = '\n';
    return o;
}

char* writeCanon(Canon c, char* o, QByteArrayView rawField)
{
    return c == Canon::Simple ? writeSimple(o, rawField) : writeRelaxed(o, rawField);
}

} // namespace

QByteArray canonHeaderSimple(QByteArrayView rawField)
{
    QByteArray out(rawField.size() + 3, Qt::Uninitialized);
    out.truncate(writeSimple(out.data(), rawField) - out.constData());
    return out;
}

QByteArray canonHeaderRelaxed(QByteArrayView rawField)
{
    QByteArray out(rawField.size() + 3, Qt::Uninitialized);
    out.truncate(writeRelaxed(out.data(), rawField) - out.constData());
    return out;
}

QByteArray canonHeader(Canon c, QByteArrayView rawField)
{
    return c == Canon::Simple ? canonHeaderSimple(rawField) : canonHeaderRelaxed(rawField);
}

namespace {

// Byte classes of the body scan: 0 ordinary, 1 WSP (relaxed only), 2 CR.
struct ByteClasses {
    unsigned char simple[256] = {};
    unsigned char relaxed[256] = {};
    constexpr ByteClasses()
    {
        simple[unsigned('\r')] = relaxed[unsigned('\r')] = 2;
        relaxed[unsigned(' ')] = relaxed[unsigned('\t')] = 1;
    }
};
constexpr ByteClasses kClasses;

#ifdef __SSE2__
struct Sse2 {
    using V = __m128i;
    static V splat(char c) { return _mm_set1_epi8(c); }
    static V zero() { return _mm_setzero_si128(); }
    static V load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const V*>(p)); }
    static void store(char* p, V v) { _mm_storeu_si128(reinterpret_cast<V*>(p), v); }
    static V eq(V a, V b) { return _mm_cmpeq_epi8(a, b); }
    static V orv(V a, V b) { return _mm_or_si128(a, b); }
    static V andv(V a, V b) { return _mm_and_si128(a, b); }
    static V andnot(V a, V b) { return _mm_andnot_si128(a, b); } // ~a & b
    static std::uint32_t mask(V v) { return std::uint32_t(_mm_movemask_epi8(v)); }
};

#ifdef MAILSCOPE_AVX2_SCAN
std::atomic_bool g_avx2Scan { bool(__builtin_cpu_supports("avx2")) };
#endif

// Twice the bytes a step where the CPU has AVX2 (checked once).
PlainRun scanPlain(
    const char* p, qsizetype n, char* out, qsizetype room, bool relaxed, bool crlfInline)
{
#ifdef MAILSCOPE_AVX2_SCAN
    if (g_avx2Scan.load(std::memory_order_relaxed))
        return scanPlainAvx2(p, n, out, room, relaxed, crlfInline);
#endif
    return scanPlainWith<Sse2>(p, n, out, room, relaxed, crlfInline);
}
#endif

} // namespace

void setCanonScanAvx2Allowed(bool allowed)
{
#ifdef MAILSCOPE_AVX2_SCAN
    g_avx2Scan = allowed && __builtin_cpu_supports("avx2");
#else
    Q_UNUSED(allowed);
#endif
}

BodyCanonicalizer::BodyCanonicalizer(Canon c, int keep, Sink sink)
    : m_canon(c)
    , m_keep(keep)
    , m_sink(std::move(sink))
{
}

void BodyCanonicalizer::flush()
{
    if (m_bufLen == 0)
        return;
    const QByteArrayView v(m_buf, m_bufLen);
    if (m_keep & KeepOutput)
        m_out.append(v);
    if (m_sink)
        m_sink(v);
    m_bufLen = 0;
}

void BodyCanonicalizer::write(const char* p, qsizetype n)
{
    m_outSize += n;
    if (n > qsizetype(sizeof m_buf) - m_bufLen) {
        flush();
        if (n >= qsizetype(sizeof m_buf) / 2) { // large: straight through, no staging
            const QByteArrayView v(p, n);
            if (m_keep & KeepOutput)
                m_out.append(v);
            if (m_sink)
                m_sink(v);
            return;
        }
    }
    if (n > 0)
        memcpy(m_buf + m_bufLen, p, size_t(n));
    m_bufLen += n;
}

// A byte that makes the current line non-empty: held-back empty lines turn out not to be
// at the end and are written first; a pending WSP run becomes one SP (3.4.4 b).
void BodyCanonicalizer::content(char c)
{
    if (!m_lineContent) {
        m_lineContent = true;
        if (m_heldCount > 0) {
            for (qint64 i = 0; i < m_heldCount; ++i) {
                if (m_keep & KeepLines) {
                    CanonLine l = m_held[i];
                    l.outOffset = m_outSize;
                    m_lines.append(l);
                }
                write("\r\n", 2);
            }
            m_lineCount += m_heldCount;
            m_heldCount = 0;
            m_heldFirst = -1;
            m_held.clear();
        }
        m_lineOut = m_outSize;
    }
    if (m_wsp) {
        m_wsp = false;
        write(" ", 1);
    }
    write(&c, 1);
}

// A line ends at inEnd (its CRLF included, or the end of input).
void BodyCanonicalizer::endLine(qint64 inEnd)
{
    m_wsp = false; // 3.4.4 a: whitespace at the end of a line is dropped
    if (m_lineContent) {
        write("\r\n", 2);
        ++m_lineCount;
        if (m_keep & KeepLines)
            m_lines.append({ m_lineIn, inEnd - m_lineIn, m_lineOut, m_outSize - m_lineOut });
    } else {
        if (m_heldCount == 0)
            m_heldFirst = m_lineIn;
        ++m_heldCount;
        if (m_keep & KeepLines)
            m_held.append({ m_lineIn, inEnd - m_lineIn, 0, 2 });
    }
    m_lineContent = false;
    m_lineIn = inEnd;
}

void BodyCanonicalizer::feed(QByteArrayView chunk)
{
    if (m_finished || chunk.isEmpty())
        return;
    const unsigned char* cls = m_canon == Canon::Relaxed ? kClasses.relaxed : kClasses.simple;
    const char* p = chunk.data();
    const qsizetype n = chunk.size();
    const qint64 base = m_inPos;
    qsizetype i = 0;
    while (i < n) {
        if (m_lineContent && !m_wsp && !m_cr) {
            // Inside a line with output: bytes are copied straight into the staging buffer,
            // each WSP as an SP that only advances after a non-WSP byte (runs collapse to
            // one SP), without a branch per byte class. A CR is left to the byte-wise path
            // below; a WSP run still open at the exit becomes pending again (m_wsp), so that
            // it is dropped at the end of the line or written before the next byte.
            if (qsizetype(sizeof m_buf) - m_bufLen < 2)
                flush();
            char* const start = m_buf + m_bufLen;
            char* out = start;
            char* const limit = m_buf + sizeof m_buf - 1;
            bool prevWsp = false;
            while (i < n && out < limit) {
#ifdef __SSE2__
                // Whole vectors up to the next byte that needs a decision (scanPlain).
                if (!prevWsp) {
                    const PlainRun run = scanPlain(p + i, n - i, out, limit - out,
                        m_canon == Canon::Relaxed, !(m_keep & KeepLines));
                    out += run.length;
                    i += run.length;
                    // m_lineIn stays behind CRLFs the scan wrote: it is read only for line
                    // records and empty lines, and neither follows such a CRLF.
                    m_lineCount += run.lines;
                    if (!run.special && (i >= n || out >= limit))
                        break;
                }
#endif
                const unsigned char c = static_cast<unsigned char>(p[i]);
                const unsigned char k = cls[c];
                if (k == 2)
                    break;
                const bool wsp = k == 1;
                *out = wsp ? ' ' : char(c);
                out += !(wsp && prevWsp);
                prevWsp = wsp;
                ++i;
            }
            if (prevWsp) {
                --out;
                m_wsp = true;
            }
            m_bufLen += out - start;
            m_outSize += out - start;
            if (i >= n)
                break;
            if (out >= limit || m_wsp)
                continue; // a full buffer is flushed at the top
        }
        if (m_cr) {
            m_cr = false;
            if (p[i] == '\n') {
                ++i;
                endLine(base + i);
                continue;
            }
            content('\r'); // a bare CR is an ordinary byte
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(p[i]);
        ++i;
        switch (cls[c]) {
        case 2: m_cr = true; break;
        case 1: m_wsp = true; break;
        default: content(char(c)); break;
        }
    }
    m_inPos += n;
}

void BodyCanonicalizer::finish()
{
    if (m_finished)
        return;
    if (m_cr) {
        m_cr = false;
        content('\r');
    }
    if (m_lineContent) {
        m_addedCrlf = true; // 3.4.3/3.4.4: a CRLF is added to a body not ending in one
        endLine(m_inPos);
    } else if (m_inPos > m_lineIn) {
        // An unterminated empty (relaxed: whitespace-only) remainder counts as an empty
        // line at the end.
        endLine(m_inPos);
    }
    m_finished = true;
    if (m_heldCount > 0) {
        m_ignoredOffset = m_heldFirst;
        m_ignoredLength = m_inPos - m_heldFirst;
        m_ignoredLines = m_heldCount;
        m_heldCount = 0;
        m_held.clear();
    }
    if (m_canon == Canon::Simple && m_outSize == 0) {
        // 3.4.3: no body at all is canonicalized as one CRLF.
        if (m_keep & KeepLines)
            m_lines.append({ m_inPos, 0, 0, 2 });
        write("\r\n", 2);
        ++m_lineCount;
        m_addedCrlf = true;
    }
    flush();
}

QByteArray canonBody(Canon c, QByteArrayView body)
{
    BodyCanonicalizer b(c, BodyCanonicalizer::KeepOutput);
    b.reserve(body.size() + 2);
    b.feed(body);
    b.finish();
    return b.output();
}

BodyHasher::BodyHasher(Canon c, const QList<BodyHashRequest>& requests, bool keepCanonical)
    : m_canon(c, keepCanonical ? BodyCanonicalizer::KeepOutput : 0,
        [this](QByteArrayView v) {
            for (Running& r : m_running) {
                if (r.remaining < 0) {
                    r.digest.update(v);
                } else if (r.remaining > 0) {
                    const qsizetype n = qsizetype(qMin<qint64>(r.remaining, v.size()));
                    r.digest.update(v.first(n));
                    r.remaining -= n;
                }
            }
        })
    , m_keep(keepCanonical)
{
    m_running.reserve(size_t(requests.size()));
    for (const BodyHashRequest& r : requests)
        m_running.push_back({ crypto::Digest(r.algorithm), r.limit });
}

BodyHashRun BodyHasher::finish(QList<BodyHashRequest>& requests)
{
    m_canon.finish();
    for (qsizetype i = 0; i < requests.size() && size_t(i) < m_running.size(); ++i)
        requests[i].hash = m_running[size_t(i)].digest.result();
    BodyHashRun out;
    out.canonicalSize = m_canon.outputSize();
    out.canonicalLines = m_canon.lineCount();
    out.ignoredTrailingOffset = m_canon.ignoredTrailingOffset();
    out.ignoredTrailingLength = m_canon.ignoredTrailingLength();
    out.ignoredTrailingLines = m_canon.ignoredTrailingLines();
    out.addedFinalCrlf = m_canon.addedFinalCrlf();
    if (m_keep)
        out.canonical = m_canon.output();
    return out;
}

BodyHashRun hashCanonicalBody(
    Canon c, QByteArrayView body, QList<BodyHashRequest>& requests, bool keepCanonical)
{
    BodyHasher h(c, requests, keepCanonical);
    h.reserve(body.size() + 2);
    h.feed(body);
    return h.finish(requests);
}

QByteArray hashCanonicalBody(Canon c, crypto::DigestAlgorithm a, QByteArrayView body, qint64 limit)
{
    QList<BodyHashRequest> r { { a, limit, {} } };
    hashCanonicalBody(c, body, r);
    return r.first().hash;
}

namespace {

bool sameNameAscii(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        x = (x >= 'A' && x <= 'Z') ? char(x + 32) : x;
        y = (y >= 'A' && y <= 'Z') ? char(y + 32) : y;
        if (x != y)
            return false;
    }
    return true;
}

} // namespace

QList<SelectedHeader> selectHeaders(
    const QList<HeaderField>& headers, const QList<QByteArray>& names, int exclude)
{
    QList<SelectedHeader> out;
    out.reserve(names.size());
    // The usual case, a handful of names over a few dozen fields: scan bottom-up for the
    // lowest field of that name not taken yet. Same result as the index below, without
    // building it (and lower-casing every field name) for every signature.
    if (names.size() * headers.size() <= 4096) {
        std::vector<char> taken(size_t(headers.size()), 0);
        if (exclude >= 0 && exclude < headers.size())
            taken[size_t(exclude)] = 1;
        for (const QByteArray& n : names) {
            SelectedHeader s;
            s.name = n;
            for (qsizetype i = headers.size() - 1; i >= 0; --i) {
                if (!taken[size_t(i)] && sameNameAscii(headers[i].name, n)) {
                    taken[size_t(i)] = 1;
                    s.fieldIndex = int(i);
                    break;
                }
            }
            out.append(s);
        }
        return out;
    }
    // Field indexes by lower-case name, top to bottom; each name takes from the back
    // (bottom-up). Linear in fields + names: a hostile h= with thousands of names over
    // thousands of fields must not cost their product.
    QHash<QByteArray, QList<int>> byName;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (int(i) != exclude)
            byName[headers[i].name.toByteArray().toLower()].append(int(i));
    }
    for (const QByteArray& n : names) {
        SelectedHeader s;
        s.name = n;
        const auto it = byName.find(n.toLower());
        if (it != byName.end() && !it->isEmpty())
            s.fieldIndex = it->takeLast();
        out.append(s);
    }
    return out;
}

HeaderBlock buildHeaderBlock(const QList<HeaderField>& headers,
    const QList<SelectedHeader>& selected, Canon c, QByteArrayView signatureFieldBEmptied)
{
    HeaderBlock b;
    b.parts.reserve(selected.size());
    // One allocation for the whole block: every part is at most its raw size + 3 bytes.
    qsizetype room = signatureFieldBEmptied.size() + 3;
    for (const SelectedHeader& s : selected) {
        if (s.fieldIndex >= 0 && s.fieldIndex < headers.size())
            room += headers[s.fieldIndex].raw.size() + 3;
    }
    b.bytes = QByteArray(room, Qt::Uninitialized);
    char* const start = b.bytes.data();
    char* o = start;
    for (const SelectedHeader& s : selected) {
        HeaderBlock::Part p;
        p.name = s.name;
        p.fieldIndex = s.fieldIndex;
        p.offset = o - start;
        if (s.fieldIndex >= 0 && s.fieldIndex < headers.size())
            o = writeCanon(c, o, headers[s.fieldIndex].raw);
        p.length = (o - start) - p.offset;
        b.parts.append(p);
    }
    b.signatureOffset = o - start;
    o = writeCanon(c, o, signatureFieldBEmptied) - 2; // without its final CRLF
    b.signatureLength = (o - start) - b.signatureOffset;
    b.bytes.truncate(o - start);
    return b;
}

QList<QByteArray> splitHeaderList(QByteArrayView value)
{
    QList<QByteArray> out;
    qsizetype from = 0;
    for (;;) {
        qsizetype to = value.indexOf(':', from);
        const bool last = to < 0;
        if (last)
            to = value.size();
        QByteArray name(to - from, Qt::Uninitialized);
        char* o = name.data();
        for (qsizetype i = from; i < to; ++i) {
            const char c = value[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                *o++ = c;
        }
        name.truncate(o - name.constData());
        out.append(std::move(name));
        if (last)
            break;
        from = to + 1;
    }
    return out;
}

} // namespace ms::dkim
