#include "crypto/OpenSslText.h"

#include <QStringList>

#include <openssl/err.h>
#include <openssl/objects.h>

namespace ms::crypto {

QString takeOpensslErrors(int most)
{
    QStringList parts;
    while (const unsigned long e = ERR_get_error()) {
        if (parts.size() >= most)
            continue;
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        parts.append(QString::fromLatin1(buf));
    }
    return parts.join(QStringLiteral("; "));
}

QString objectName(const ASN1_OBJECT* obj)
{
    if (!obj)
        return {};
    const int nid = OBJ_obj2nid(obj);
    if (nid != NID_undef)
        return QString::fromLatin1(OBJ_nid2sn(nid));
    char buf[128];
    OBJ_obj2txt(buf, sizeof buf, obj, 1);
    return QString::fromLatin1(buf);
}

} // namespace ms::crypto
