#include "crypto/Base64.h"

#include <QCoreApplication>

namespace ms::crypto {

QByteArray stripWhitespace(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            out.append(c);
    }
    return out;
}

Base64Result decodeBase64(QByteArrayView text)
{
    Base64Result r;
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
