#include "trace/JsonText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace ms::json {

namespace {

char* escapeAscii(char* p, char16_t c)
{
    switch (c) {
    case u'"':
        *p++ = '\\';
        *p++ = '"';
        return p;
    case u'\\':
        *p++ = '\\';
        *p++ = '\\';
        return p;
    case u'\b':
        *p++ = '\\';
        *p++ = 'b';
        return p;
    case u'\f':
        *p++ = '\\';
        *p++ = 'f';
        return p;
    case u'\n':
        *p++ = '\\';
        *p++ = 'n';
        return p;
    case u'\r':
        *p++ = '\\';
        *p++ = 'r';
        return p;
    case u'\t':
        *p++ = '\\';
        *p++ = 't';
        return p;
    default:
        if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            *p++ = '\\';
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        } else {
            *p++ = char(c);
        }
        return p;
    }
}

void twoDigits(char* p, int v)
{
    p[0] = char('0' + v / 10);
    p[1] = char('0' + v % 10);
}

} // namespace

void writeString(QByteArray& out, QStringView s)
{
    const qsizetype n = s.size();
    // At most 6 bytes per UTF-16 unit ("\u001f"; UTF-8 needs at most 3), plus the quotes.
    char* p = grow(out, 2 + 6 * n);
    char* const base = out.data();
    *p++ = '"';
    const char16_t* u = s.utf16();
    for (qsizetype i = 0; i < n; ++i) {
#ifdef __SSE2__
        // Eight units at a time while they are printable ASCII needing no escape (nearly
        // every character of a report): narrowed and stored in one go.
        while (i + 8 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(u + i));
            const __m128i high = _mm_and_si128(v, _mm_set1_epi16(short(0xff80)));
            const __m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi16(v, _mm_set1_epi16(0x20)),
                                                 _mm_cmpeq_epi16(v, _mm_set1_epi16('"'))),
                _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('\\')),
                    _mm_xor_si128(_mm_cmpeq_epi16(high, _mm_setzero_si128()),
                        _mm_set1_epi16(short(0xffff)))));
            if (_mm_movemask_epi8(bad) != 0)
                break;
            _mm_storel_epi64(reinterpret_cast<__m128i*>(p), _mm_packus_epi16(v, v));
            p += 8;
            i += 8;
        }
        if (i >= n)
            break;
#endif
        const char16_t c = u[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\')
                *p++ = char(c);
            else
                p = escapeAscii(p, c);
        } else if (c < 0x800) {
            *p++ = char(0xc0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3f));
        } else if (!QChar::isSurrogate(c)) {
            *p++ = char(0xe0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3f));
            *p++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(u[i + 1])) {
            const char32_t cp = QChar::surrogateToUcs4(c, u[i + 1]);
            ++i;
            *p++ = char(0xf0 | (cp >> 18));
            *p++ = char(0x80 | ((cp >> 12) & 0x3f));
            *p++ = char(0x80 | ((cp >> 6) & 0x3f));
            *p++ = char(0x80 | (cp & 0x3f));
        } else {
            // A lone surrogate has no UTF-8 form: QJsonDocument writes it as \uXXXX.
            static const char hex[] = "0123456789abcdef";
            *p++ = '\\';
            *p++ = 'u';
            *p++ = hex[(c >> 12) & 15];
            *p++ = hex[(c >> 8) & 15];
            *p++ = hex[(c >> 4) & 15];
            *p++ = hex[c & 15];
        }
    }
    *p++ = '"';
    shrinkTo(out, p - base);
}

void writeString(QByteArray& out, QLatin1StringView s)
{
    const qsizetype n = s.size();
    char* p = grow(out, 2 + 6 * n);
    char* const base = out.data();
    *p++ = '"';
    const char* const d = s.data();
    for (qsizetype i = 0; i < n; ++i) {
#ifdef __SSE2__
        // Sixteen bytes at a time while they are printable ASCII needing no escape (DNS names
        // and record texts nearly always are): copied as they are.
        while (i + 16 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
            // Signed compare: bytes >= 0x80 are negative, so "< 0x20" catches them too.
            const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                _mm_or_si128(
                    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
            if (_mm_movemask_epi8(bad) != 0)
                break;
            _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v);
            p += 16;
            i += 16;
        }
        if (i >= n)
            break;
#endif
        const auto c = static_cast<unsigned char>(d[i]);
        if (c >= 0x80) {
            *p++ = char(0xc0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3f));
        } else if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = char(c);
        } else {
            p = escapeAscii(p, c);
        }
    }
    *p++ = '"';
    shrinkTo(out, p - base);
}

void writeInteger(QByteArray& out, qint64 i)
{
    char buf[24];
    char* e = buf + sizeof buf;
    char* b = e;
    const bool neg = i < 0;
    quint64 u = neg ? quint64(0) - quint64(i) : quint64(i);
    do {
        *--b = char('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        *--b = '-';
    put(out, std::string_view(b, size_t(e - b)));
}

void writeNumber(QByteArray& out, double d)
{
    // Range first: converting a double outside qint64 (1e300, NaN) is undefined behaviour.
    if (d > -9.0e15 && d < 9.0e15 && double(static_cast<qint64>(d)) == d)
        writeInteger(out, static_cast<qint64>(d));
    else
        out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

void writeValue(QByteArray& out, const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: put(out, "null"); break;
    case QJsonValue::Bool: writeBool(out, v.toBool()); break;
    case QJsonValue::Double: writeNumber(out, v.toDouble()); break;
    case QJsonValue::String: writeString(out, v.toString()); break;
    case QJsonValue::Array: {
        put(out, '[');
        bool first = true;
        const QJsonArray a = v.toArray();
        for (const QJsonValue& e : a) {
            if (!first)
                put(out, ',');
            first = false;
            writeValue(out, e);
        }
        put(out, ']');
        break;
    }
    case QJsonValue::Object: {
        put(out, '{');
        bool first = true;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!first)
                put(out, ',');
            first = false;
            writeString(out, it.key());
            put(out, ':');
            writeValue(out, it.value());
        }
        put(out, '}');
        break;
    }
    }
}

// Keys are ASCII, so byte order is QJsonObject's UTF-16 order.
std::string_view ObjectWriter::keyView(const Entry& e)
{
    return std::string_view(e.key.data(), size_t(e.key.size()));
}

QByteArray& ObjectWriter::member(QLatin1StringView key)
{
    close();
    m_entries.append({ key, m_values.size(), -1 });
    return m_values;
}

void ObjectWriter::close()
{
    if (!m_entries.isEmpty() && m_entries.back().end < 0)
        m_entries.back().end = m_values.size();
}

void ObjectWriter::writeTo(QByteArray& out)
{
    close();
    std::stable_sort(m_entries.begin(), m_entries.end(),
        [](const Entry& a, const Entry& b) { return keyView(a) < keyView(b); });
    out.reserve(out.size() + m_values.size() + 16 * m_entries.size() + 2);
    put(out, '{');
    bool first = true;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        if (i + 1 < m_entries.size() && keyView(m_entries[i + 1]) == keyView(e))
            continue; // a later member with the same key replaces this one
        writeKey(out, e.key, first);
        put(out, std::string_view(m_values.constData() + e.begin, size_t(e.end - e.begin)));
    }
    put(out, '}');
}

QByteArray ObjectWriter::toByteArray()
{
    QByteArray out;
    writeTo(out);
    return out;
}

QByteArray indented(QByteArrayView compact)
{
    const qsizetype n = compact.size();
    QByteArray out;
    out.reserve(n + n / 2 + 64);
    int depth = 0;
    const auto newline = [&](int level) {
        char* p = grow(out, 1 + 4 * qsizetype(level));
        *p = '\n';
        std::memset(p + 1, ' ', size_t(4 * level));
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = compact[i];
        switch (c) {
        case '"': {
            // A string is copied as it is, escapes included.
            qsizetype j = i + 1;
            while (j < n && compact[j] != '"')
                j += compact[j] == '\\' ? 2 : 1;
            j = std::min(j, n - 1);
            put(out, std::string_view(compact.data() + i, size_t(j + 1 - i)));
            i = j;
            break;
        }
        case '{':
        case '[': {
            put(out, c);
            const char close = c == '{' ? '}' : ']';
            if (i + 1 < n && compact[i + 1] == close) {
                newline(depth);
                put(out, close);
                ++i;
            } else {
                newline(++depth);
            }
            break;
        }
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            newline(depth);
            put(out, c);
            break;
        case ',':
            put(out, ',');
            newline(depth);
            break;
        case ':': put(out, std::string_view(": ")); break;
        default: put(out, c); break;
        }
    }
    if (n > 0 && (compact[0] == '{' || compact[0] == '['))
        put(out, '\n');
    return out;
}

QString isoTimeUtc(const QDateTime& t)
{
    if (!t.isValid())
        return {};
    const QDateTime u = t.timeSpec() == Qt::UTC ? t : t.toUTC();
    const QDate d = u.date();
    const QTime tm = u.time();
    const int y = d.year();
    if (y < 1000 || y > 9999)
        return u.toString(Qt::ISODate); // the general formatter's rules for odd years
    char buf[20];
    twoDigits(buf, y / 100);
    twoDigits(buf + 2, y % 100);
    buf[4] = '-';
    twoDigits(buf + 5, d.month());
    buf[7] = '-';
    twoDigits(buf + 8, d.day());
    buf[10] = 'T';
    twoDigits(buf + 11, tm.hour());
    buf[13] = ':';
    twoDigits(buf + 14, tm.minute());
    buf[16] = ':';
    twoDigits(buf + 17, tm.second());
    buf[19] = 'Z';
    return QString::fromLatin1(buf, sizeof buf);
}

} // namespace ms::json
