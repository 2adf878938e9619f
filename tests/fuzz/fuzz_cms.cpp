// CMS / PKCS#7 input (S/MIME signatures and enveloped data) through OpenSSL.
#include "crypto/Cms.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QString error;
    (void)ms::crypto::CmsMessage::parse(
        QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)), &error);
    return 0;
}
