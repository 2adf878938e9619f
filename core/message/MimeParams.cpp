// Parameters of structured MIME header fields: RFC 2045 5.1 (attribute=value, quoted
// strings), RFC 2231 3-4 (continuations name*0, name*1 and charset'language'%XX values).

#include "message/MessageData.h"

#include <QStringDecoder>

#include <map>

namespace ms::detail {

namespace {

bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Skip whitespace and RFC 5322 comments (nested parentheses, quoted pairs).
qsizetype skipCfws(QByteArrayView v, qsizetype i)
{
    while (i < v.size()) {
        if (isWs(v[i])) {
            ++i;
        } else if (v[i] == '(') {
            i = skipComment(v, i);
        } else {
            break;
        }
    }
    return std::min(i, v.size());
}

QByteArray percentDecode(QByteArrayView v)
{
    QByteArray out;
    out.reserve(v.size());
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v[i] == '%' && i + 2 < v.size()) {
            const int hi = detail::hexDigit(v[i + 1]), lo = detail::hexDigit(v[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.append(char(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.append(v[i]);
    }
    return out;
}

struct Piece {
    QByteArray value;
    bool extended = false;
};

} // namespace

QByteArray headerParameter(QByteArrayView v, QByteArrayView name, bool* found)
{
    if (found)
        *found = false;
    QByteArray plain;
    bool havePlain = false;
    QByteArray ext;
    bool haveExt = false;
    std::map<int, Piece> pieces;

    // Skip the leading value (type/subtype, disposition), up to the first ';' outside quotes.
    qsizetype i = 0;
    bool inQuote = false;
    for (; i < v.size(); ++i) {
        if (inQuote && v[i] == '\\') {
            ++i;
            continue;
        }
        if (v[i] == '"')
            inQuote = !inQuote;
        else if (!inQuote && v[i] == ';')
            break;
    }
    int guard = 0;
    while (i < v.size() && ++guard < 10000) {
        if (v[i] == ';')
            ++i;
        i = skipCfws(v, i);
        const qsizetype attrStart = i;
        while (i < v.size() && v[i] != '=' && v[i] != ';' && !isWs(v[i]))
            ++i;
        const QByteArrayView attr = v.sliced(attrStart, i - attrStart);
        i = skipCfws(v, i);
        if (i >= v.size() || v[i] != '=') {
            while (i < v.size() && v[i] != ';')
                ++i;
            continue;
        }
        ++i;
        i = skipCfws(v, i);
        QByteArray value;
        if (i < v.size() && v[i] == '"') {
            ++i;
            while (i < v.size() && v[i] != '"') {
                if (v[i] == '\\' && i + 1 < v.size())
                    ++i;
                if (v[i] != '\r' && v[i] != '\n')
                    value.append(v[i]);
                ++i;
            }
            if (i < v.size())
                ++i;
        } else {
            const qsizetype vs = i;
            while (i < v.size() && v[i] != ';' && !isWs(v[i]))
                ++i;
            value = v.sliced(vs, i - vs).toByteArray();
        }
        while (i < v.size() && v[i] != ';')
            ++i;

        if (attr.size() < name.size()
            || attr.first(name.size()).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        const QByteArrayView rest = attr.sliced(name.size());
        if (rest.isEmpty()) {
            plain = value;
            havePlain = true;
        } else if (rest == "*") {
            ext = value;
            haveExt = true;
        } else if (rest.startsWith('*')) {
            QByteArrayView num = rest.sliced(1);
            bool extended = false;
            if (num.endsWith('*')) {
                extended = true;
                num.chop(1);
            }
            bool ok = false;
            const int n = num.toByteArray().toInt(&ok);
            if (ok && n >= 0 && n < 1000)
                pieces[n] = Piece { value, extended };
        }
    }

    auto decodeExtended = [](const QByteArray& raw, bool firstPiece, QByteArray* charset) {
        QByteArray text = raw;
        if (firstPiece) {
            const qsizetype q1 = raw.indexOf('\'');
            const qsizetype q2 = q1 >= 0 ? raw.indexOf('\'', q1 + 1) : -1;
            if (q2 >= 0) {
                *charset = raw.left(q1).toLower();
                text = raw.mid(q2 + 1);
            }
        }
        return percentDecode(text);
    };
    auto toUtf8 = [](const QByteArray& charset, const QByteArray& bytes) {
        if (charset.isEmpty() || charset == "utf-8" || charset == "us-ascii")
            return bytes;
        QStringDecoder dec(charset.constData());
        if (!dec.isValid())
            return bytes;
        return QString(dec.decode(bytes)).toUtf8();
    };

    if (!pieces.empty() && pieces.begin()->first == 0) {
        // RFC 2231 3: continuations, in order, stopping at the first gap.
        QByteArray charset, joined;
        int expect = 0;
        for (const auto& [n, piece] : pieces) {
            if (n != expect)
                break;
            joined += piece.extended ? decodeExtended(piece.value, n == 0, &charset) : piece.value;
            ++expect;
        }
        if (found)
            *found = true;
        return toUtf8(charset, joined);
    }
    if (haveExt) {
        QByteArray charset;
        const QByteArray bytes = decodeExtended(ext, true, &charset);
        if (found)
            *found = true;
        return toUtf8(charset, bytes);
    }
    if (havePlain && found)
        *found = true;
    return plain;
}

} // namespace ms::detail
