// RFC 6376 3.2 tag-lists (DKIM-Signature, ARC-Seal/ARC-Message-Signature) and key records.
#include "dkim/KeyRecord.h"
#include "dkim/TagList.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView v(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)ms::dkim::TagList::parse(v, 17);
    // The same bytes as a key record (RFC 6376 3.6.1): tags, then p= as an RSA or Ed25519
    // key. parseKeyRecord, not the KeyCache: the cache would keep every input.
    (void)ms::dkim::parseKeyRecord(v.toByteArray());
    return 0;
}
