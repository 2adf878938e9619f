// RFC 2047 encoded words, decoded for display only. Malformed words are left as written.

#include "message/Message.h"
#include "message/MessageData.h"

#include <QStringDecoder>

#include <optional>

namespace ms {

namespace {

struct EncodedWord {
    qsizetype end = 0; // index just after "?="
    QByteArray charset; // lower-case, without RFC 2231 language
    QByteArray bytes; // decoded octets
};

// RFC 2047 2: "=?" charset "?" encoding "?" encoded-text "?=", starting at i.
std::optional<EncodedWord> parseWord(QByteArrayView v, qsizetype i)
{
    if (i + 1 >= v.size() || v[i] != '=' || v[i + 1] != '?')
        return std::nullopt;
    const qsizetype q1 = v.indexOf('?', i + 2);
    if (q1 < 0 || q1 == i + 2)
        return std::nullopt;
    if (q1 + 2 >= v.size() || v[q1 + 2] != '?')
        return std::nullopt;
    const char enc = v[q1 + 1];
    const qsizetype textStart = q1 + 3;
    // encoded-text contains no "?", so the word ends at the next "?" or not at all. Searching
    // for "?=" instead would rescan the rest of a hostile field for every "=?" (quadratic).
    const qsizetype close = v.indexOf('?', textStart);
    if (close < 0 || close + 1 >= v.size() || v[close + 1] != '=')
        return std::nullopt;
    const QByteArrayView text = v.sliced(textStart, close - textStart);
    for (char c : text) {
        // encoded-text excludes whitespace and "?" (RFC 2047 2, 5)
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '?')
            return std::nullopt;
    }
    EncodedWord w;
    w.end = close + 2;
    QByteArray cs = v.sliced(i + 2, q1 - (i + 2)).toByteArray().toLower();
    const qsizetype star = cs.indexOf('*'); // RFC 2231 5: charset*language
    if (star >= 0)
        cs.truncate(star);
    for (char c : cs) {
        if (c == ' ' || c == '\t' || c == '(' || c == ')' || c == '"')
            return std::nullopt;
    }
    if (cs.isEmpty())
        return std::nullopt;
    w.charset = cs;
    if (enc == 'B' || enc == 'b') {
        auto r = QByteArray::fromBase64Encoding(
            text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
        if (!r)
            return std::nullopt;
        w.bytes = std::move(r.decoded);
    } else if (enc == 'Q' || enc == 'q') {
        QByteArray out;
        out.reserve(text.size());
        for (qsizetype k = 0; k < text.size(); ++k) {
            const char c = text[k];
            if (c == '_') {
                out.append(' ');
            } else if (c == '=') {
                if (k + 2 >= text.size())
                    return std::nullopt;
                const int hi = detail::hexDigit(text[k + 1]);
                const int lo = detail::hexDigit(text[k + 2]);
                if (hi < 0 || lo < 0)
                    return std::nullopt;
                out.append(char(hi * 16 + lo));
                k += 2;
            } else {
                out.append(c);
            }
        }
        w.bytes = std::move(out);
    } else {
        return std::nullopt;
    }
    return w;
}

QString decodeCharset(const QByteArray& charset, const QByteArray& bytes, bool* ok)
{
    *ok = true;
    if (charset == "us-ascii" || charset == "ascii")
        return QString::fromLatin1(bytes);
    QStringDecoder dec(charset.constData(), QStringDecoder::Flag::Stateless);
    if (!dec.isValid()) {
        // Windows-1252 is a superset of Latin-1 for the printable range users see most.
        if (charset == "windows-1252" || charset == "cp1252")
            return QString::fromLatin1(bytes);
        *ok = false;
        return {};
    }
    QString s = dec.decode(bytes);
    return s;
}

} // namespace

QString decodeRfc2047(QByteArrayView value)
{
    QString out;
    out.reserve(value.size());
    qsizetype i = 0;
    qsizetype plainStart = 0;
    // A pending run of adjacent encoded words in one charset: joined at the byte level so a
    // multi-byte character split across words decodes (RFC 2047 5 allows such splits in
    // practice, though it asks encoders not to).
    QByteArray runCharset, runBytes;
    qsizetype runStart = -1, runEnd = -1;

    auto flushRun = [&]() {
        if (runStart < 0)
            return;
        bool ok = false;
        const QString s = decodeCharset(runCharset, runBytes, &ok);
        if (ok)
            out += s;
        else
            out += QString::fromUtf8(value.sliced(runStart, runEnd - runStart));
        runStart = runEnd = -1;
        runCharset.clear();
        runBytes.clear();
    };
    auto flushPlain = [&](qsizetype to) {
        if (to > plainStart)
            out += QString::fromUtf8(value.sliced(plainStart, to - plainStart));
    };

    while (i < value.size()) {
        const qsizetype at = value.indexOf("=?", i);
        if (at < 0)
            break;
        auto w = parseWord(value, at);
        if (!w) {
            i = at + 2;
            continue;
        }
        // Whitespace between two adjacent encoded words is dropped (RFC 2047 6.2).
        bool adjacent = false;
        if (runStart >= 0) {
            adjacent = true;
            for (qsizetype k = runEnd; k < at; ++k) {
                const char c = value[k];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    adjacent = false;
                    break;
                }
            }
        }
        if (adjacent && w->charset == runCharset) {
            runBytes += w->bytes;
            runEnd = w->end;
        } else {
            if (!adjacent) {
                flushRun();
                flushPlain(at);
            } else {
                flushRun(); // different charset: whitespace still dropped
            }
            runStart = at;
            runEnd = w->end;
            runCharset = w->charset;
            runBytes = w->bytes;
        }
        i = w->end;
        plainStart = i;
    }
    flushRun();
    flushPlain(value.size());
    return out;
}

qsizetype skipComment(QByteArrayView v, qsizetype i, bool* closed)
{
    int depth = 0;
    while (i < v.size()) {
        if (v[i] == '\\') {
            i += 2;
            continue;
        }
        if (v[i] == '(')
            ++depth;
        else if (v[i] == ')' && --depth == 0) {
            if (closed)
                *closed = true;
            return i + 1;
        }
        ++i;
    }
    if (closed)
        *closed = false;
    return v.size();
}

} // namespace ms
