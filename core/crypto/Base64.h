#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ms::crypto {

struct Base64Result {
    QByteArray bytes;
    bool ok = false;
    QString error; // translated, when !ok
};

// RFC 6376 base64 values may contain FWS anywhere (3.5 "b=", "bh=", 3.6.1 "p="): spaces,
// tabs, CR and LF are skipped. Anything else outside the alphabet, or bad padding, fails.
Base64Result decodeBase64(QByteArrayView text);
QByteArray stripWhitespace(QByteArrayView text);
QByteArray encodeBase64(QByteArrayView bytes);

} // namespace ms::crypto
