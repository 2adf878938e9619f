#pragma once

// Writing compact JSON straight into a byte buffer, byte for byte as
// QJsonDocument::toJson(QJsonDocument::Compact) writes the same values. Batch output prints
// one JSON line per message; building a QJsonObject only to serialize it cost more than the
// DKIM check of a small message. The caller writes object members in the order QJsonObject
// keeps them (keys sorted by UTF-16 code unit), so both writers agree.

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <cstring>
#include <string_view>

namespace ms::json {

// Appending. Qt 6.4's QByteArray::append and operator+= all take insert()'s general path
// (position checks, aliasing) at ~100 instructions a call, and even resize() is a library
// call of ~40; a report line is a few hundred short pieces. While the buffer is unshared and
// has room, grow() moves its size in place (keeping the terminating '\0' QByteArray
// promises, inside the capacity); otherwise resize() reallocates, geometrically.
inline char* grow(QByteArray& out, qsizetype n)
{
    QByteArray::DataPointer& d = out.data_ptr();
    const qsizetype at = d.size;
    if (!d.needsDetach() && d.freeSpaceAtEnd() > n) [[likely]] {
        d.size = at + n;
        d.data()[at + n] = '\0';
    } else {
        out.resize(at + n);
    }
    return out.data() + at;
}
// Drops the end of a buffer grow() gave room in (size <= out.size()).
inline void shrinkTo(QByteArray& out, qsizetype size)
{
    QByteArray::DataPointer& d = out.data_ptr();
    if (!d.needsDetach()) [[likely]] {
        d.size = size;
        d.data()[size] = '\0';
    } else {
        out.truncate(size);
    }
}
inline void put(QByteArray& out, std::string_view s)
{
    if (!s.empty()) // an empty view's data() may be null, which memcpy must not get
        std::memcpy(grow(out, qsizetype(s.size())), s.data(), s.size());
}
inline void put(QByteArray& out, char c)
{
    *grow(out, 1) = c;
}
// `"key":`, after a comma unless it is the object's first member.
inline void putKey(QByteArray& out, std::string_view key, bool comma)
{
    char* p = grow(out, qsizetype(key.size()) + (comma ? 4 : 3));
    if (comma)
        *p++ = ',';
    *p++ = '"';
    std::memcpy(p, key.data(), key.size());
    p += key.size();
    *p++ = '"';
    *p = ':';
}
// `,"key":` — a member after the first.
inline void putKey(QByteArray& out, std::string_view key)
{
    putKey(out, key, true);
}

// A JSON string with its quotes: escapes as QJsonDocument does (\" \\ \b \f \n \r \t, other
// control characters as \u00XX), everything else as UTF-8.
void writeString(QByteArray& out, QStringView s);
void writeString(QByteArray& out, QLatin1StringView s);

// Whole numbers as integers (as QJsonDocument writes them), others in the shortest form.
void writeNumber(QByteArray& out, double d);
void writeInteger(QByteArray& out, qint64 i);
inline void writeBool(QByteArray& out, bool b)
{
    put(out, b ? std::string_view("true") : std::string_view("false"));
}

// Any QJsonValue (objects, arrays, nested).
void writeValue(QByteArray& out, const QJsonValue& v);

// Object members: writeKey(out, "name", first) writes `,"name":` (no comma when first).
inline void writeKey(QByteArray& out, QLatin1StringView key, bool& first)
{
    putKey(out, std::string_view(key.data(), size_t(key.size())), !first);
    first = false;
}

// An object whose members are given in any order and written sorted by key, as QJsonObject
// keeps them; of two members with the same key the later one counts (as with
// QJsonObject::insert). Keys are ASCII. Each value is written into the buffer member()
// returns, right away, before the next member starts.
class ObjectWriter
{
public:
    QByteArray& member(QLatin1StringView key);
    void string(QLatin1StringView key, QStringView v) { writeString(member(key), v); }
    void boolean(QLatin1StringView key, bool b) { writeBool(member(key), b); }
    void integer(QLatin1StringView key, qint64 i) { writeInteger(member(key), i); }
    void raw(QLatin1StringView key, QByteArrayView json)
    {
        put(member(key), std::string_view(json.data(), size_t(json.size())));
    }
    void writeTo(QByteArray& out);
    QByteArray toByteArray();

private:
    struct Entry {
        QLatin1StringView key;
        qsizetype begin = 0;
        qsizetype end = 0;
    };
    void close();
    static std::string_view keyView(const Entry& e);
    QByteArray m_values;
    QVarLengthArray<Entry, 16> m_entries;
};

// Compact JSON text (one of the writers above) laid out as QJsonDocument::Indented lays
// out the same document: four spaces a level, `"key": value`, an empty container as "{",
// newline, the container's indentation, "}"; a final newline after a top-level container.
// The input is trusted to be well-formed JSON.
QByteArray indented(QByteArrayView compact);

// QDateTime::toString(Qt::ISODate) of t in UTC ("2026-11-29T05:24:19Z"), without the
// general formatter's cost; empty for an invalid time.
QString isoTimeUtc(const QDateTime& t);

} // namespace ms::json
