#include "crypto/Base64.h"

#include <QCoreApplication>

namespace ms::crypto {

namespace {

// 0-63: the base64 alphabet; kFws: skipped; kPad: '='; kBad: anything else.
constexpr quint8 kFws = 64, kPad = 65, kBad = 255;
struct Table {
    quint8 v[256] = {};
    constexpr Table()
    {
        for (int i = 0; i < 256; ++i)
            v[i] = kBad;
        const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            v[static_cast<unsigned char>(a[i])] = quint8(i);
        v[int(' ')] = v[int('\t')] = v[int('\r')] = v[int('\n')] = kFws;
        v[int('=')] = kPad;
    }
};
constexpr Table kTable;

} // namespace

QByteArray stripWhitespace(QByteArrayView text)
{
    QByteArray out(text.size(), Qt::Uninitialized);
    char* o = out.data();
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            *o++ = c;
    }
    out.truncate(o - out.constData());
    return out;
}

Base64Result decodeBase64(QByteArrayView text)
{
    Base64Result r;
    // One pass that decodes and validates at once (b= and bh= of every signature, p= of every
    // key). It accepts exactly what the checks below accept, with the same bytes as Qt's
    // decoder (alphabet characters, then at most two '=' completing a multiple of four, or
    // no '=' and a length that is not 1 mod 4; leftover bits dropped). Anything else takes
    // the checked path below, which words the error.
    {
        QByteArray out(text.size() / 4 * 3 + 3, Qt::Uninitialized);
        char* o = out.data();
        quint32 buf = 0;
        int nbits = 0;
        qsizetype count = 0, pad = 0;
        bool bad = false;
        for (char c : text) {
            const quint8 d = kTable.v[static_cast<unsigned char>(c)];
            if (d < 64) {
                if (pad > 0) {
                    bad = true;
                    break;
                }
                buf = (buf << 6) | d;
                nbits += 6;
                ++count;
                if (nbits >= 8) {
                    nbits -= 8;
                    *o++ = char(buf >> nbits);
                    buf &= (1u << nbits) - 1;
                }
            } else if (d == kPad) {
                ++pad;
                ++count;
            } else if (d != kFws) {
                bad = true;
                break;
            }
        }
        if (!bad && pad <= 2 && !(count % 4 != 0 && pad > 0) && count % 4 != 1) {
            out.truncate(o - out.constData());
            r.bytes = std::move(out);
            r.ok = true;
            return r;
        }
    }
    const QByteArray s = stripWhitespace(text);
    qsizetype pad = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (c == '=') {
            ++pad;
            continue;
        }
        if (!alpha || pad > 0) {
            r.error
                = QCoreApplication::translate("Crypto", "not base64: character '%1' at position %2")
                      .arg(QString::fromLatin1(QByteArray(1, c).toPercentEncoding()))
                      .arg(i + 1);
            return r;
        }
    }
    if (pad > 2 || (s.size() % 4 != 0 && pad > 0) || (s.size() % 4 == 1)) {
        r.error = QCoreApplication::translate("Crypto", "not base64: wrong length or padding");
        return r;
    }
    auto decoded = QByteArray::fromBase64Encoding(s, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        r.error = QCoreApplication::translate("Crypto", "not base64");
        return r;
    }
    r.bytes = *decoded;
    r.ok = true;
    return r;
}

QByteArray encodeBase64(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64();
}

} // namespace ms::crypto
