#include "dkim/TagList.h"

#include "message/Hex.h"
#include "trace/Translate.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace ms::dkim {

namespace {

QString tr(const char* s)
{
    return ms::translate("Dkim", s);
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}
bool isFwsChar(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAlnumPunc(char c)
{
    return isAlpha(c) || (c >= '0' && c <= '9') || c == '_';
}
// VALCHAR (%x21-3A / %x3C-7E), plus 8-bit bytes (3.2 implementation note: UTF-8), as a
// table: the check runs over every byte of every value.
struct ValCharTable {
    bool v[256] = {};
    constexpr ValCharTable()
    {
        for (int c = 0; c < 256; ++c)
            v[c] = (c >= 0x21 && c <= 0x7e && c != ';') || c >= 0x80;
    }
};
constexpr ValCharTable kValChar;

QString show(QByteArrayView v)
{
    return QString::fromUtf8(v.first(qMin<qsizetype>(v.size(), 40)))
        + (v.size() > 40 ? QStringLiteral("…") : QString());
}

} // namespace

TagList TagList::parse(QByteArrayView text, qint64 base)
{
    TagList list;
    const qsizetype n = text.size();
    list.m_tags.reserve(std::count(text.begin(), text.end(), ';') + 1);
    qsizetype i = 0;
    while (i <= n) {
        // One tag-spec, up to the next ';' or the end.
        qsizetype end = i < n ? text.indexOf(';', i) : -1;
        if (end < 0)
            end = n;
        qsizetype p = i;
        while (p < end && isFwsChar(text[p]))
            ++p;
        if (p == end) {
            // Empty tag-spec: fine as the optional trailing ";", odd elsewhere.
            if (end < n) {
                qsizetype q = end + 1;
                while (q < n && isFwsChar(text[q]))
                    ++q;
                if (q < n)
                    list.m_notes.append(
                        { tr("empty tag-spec (\";;\"): ignored"), base + i, end - i + 1 });
            }
            i = end + 1;
            continue;
        }
        const qsizetype nameStart = p;
        while (p < end && isAlnumPunc(text[p]))
            ++p;
        const qsizetype nameEnd = p;
        while (p < end && isFwsChar(text[p]))
            ++p;
        if (nameEnd == nameStart || !isAlpha(text[nameStart]) || p >= end || text[p] != '=') {
            qsizetype specEnd = end;
            while (specEnd > nameStart && isFwsChar(text[specEnd - 1]))
                --specEnd;
            const QByteArrayView spec = text.sliced(nameStart, specEnd - nameStart);
            QString why;
            if (nameEnd == nameStart || !isAlpha(text[nameStart]))
                why = tr("\"%1\" does not start with a tag name (a letter, then letters, digits "
                         "or '_')")
                          .arg(show(spec));
            else
                why = tr("\"%1\" has no '=' after the tag name").arg(show(spec));
            list.m_errors.append({ why, base + nameStart, specEnd - nameStart });
            i = end + 1;
            continue;
        }
        Tag t;
        t.name = text.sliced(nameStart, nameEnd - nameStart).toByteArray();
        t.offset = base + nameStart;
        t.rawValueOffset = base + p + 1;
        t.rawValueEnd = base + end;
        qsizetype vs = p + 1;
        while (vs < end && isFwsChar(text[vs]))
            ++vs;
        qsizetype ve = end;
        while (ve > vs && isFwsChar(text[ve - 1]))
            --ve;
        t.value = text.sliced(vs, ve - vs).toByteArray();
        t.valueOffset = base + vs;
        t.valueLength = ve - vs;
        t.length = (ve > p + 1 ? ve : p + 1) - nameStart;
        for (qsizetype k = vs; k < ve; ++k) {
            const char c = text[k];
            if (kValChar.v[static_cast<unsigned char>(c)])
                continue;
            if (isWsp(c))
                continue;
            if (c == '\r' && k + 2 < ve && text[k + 1] == '\n' && isWsp(text[k + 2])) {
                ++k; // folding
                continue;
            }
            list.m_errors.append({ tr("tag \"%1\": character 0x%2 is not allowed in a tag value")
                                       .arg(QString::fromLatin1(t.name))
                                       .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0')),
                base + k, 1 });
            break;
        }
        if (list.find(t.name)) {
            if (list.m_duplicate.isEmpty())
                list.m_duplicate = t.name;
            list.m_errors.append({ tr("tag \"%1\" occurs more than once: the whole tag-list is "
                                      "invalid")
                                       .arg(QString::fromLatin1(t.name)),
                t.offset, t.length });
        } else {
            list.m_tags.append(std::move(t));
        }
        i = end + 1;
    }
    return list;
}

const Tag* TagList::find(QByteArrayView name) const
{
    // Inline length-then-bytes comparison: called dozens of times per signature, and
    // QByteArray == QByteArrayView goes through an out-of-line compare.
    const qsizetype n = name.size();
    for (const Tag& t : m_tags) {
        if (t.name.size() == n
            && (n == 0 || std::memcmp(t.name.constData(), name.data(), size_t(n)) == 0))
            return &t;
    }
    return nullptr;
}

QByteArray TagList::value(QByteArrayView name, const QByteArray& fallback) const
{
    const Tag* t = find(name);
    return t ? t->value : fallback;
}

QByteArray emptyTagValue(QByteArrayView field, QByteArrayView tag)
{
    const qsizetype colon = field.indexOf(':');
    if (colon < 0)
        return field.toByteArray();
    QByteArrayView value = field.sliced(colon + 1);
    // Keep a final CRLF out of the tag-list so "b=...CRLF" keeps its line end.
    if (value.endsWith("\r\n"))
        value.chop(2);
    const TagList list = TagList::parse(value, colon + 1);
    const Tag* t = list.find(tag);
    if (!t)
        return field.toByteArray();
    QByteArray out = field.toByteArray();
    out.remove(t->rawValueOffset, t->rawValueEnd - t->rawValueOffset);
    return out;
}

QByteArray decodeDkimQuotedPrintable(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isFwsChar(c))
            continue;
        if (c == '=' && i + 2 < text.size() && hexDigit(text[i + 1]) >= 0
            && hexDigit(text[i + 2]) >= 0) {
            out.append(char(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2])));
            i += 2;
            continue;
        }
        out.append(c);
    }
    return out;
}

} // namespace ms::dkim
