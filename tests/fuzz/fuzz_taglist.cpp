// RFC 6376 3.2 tag-lists: DKIM-Signature, ARC-Seal/ARC-Message-Signature, key records.
#include "dkim/TagList.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView v(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)ms::dkim::TagList::parse(v, 17);
    return 0;
}
