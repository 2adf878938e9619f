// RFC 8601 Authentication-Results (and ARC-Authentication-Results) parser.
#include "authres/AuthResults.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView v(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)ms::authres::toStep(ms::authres::parse(v));
    (void)ms::authres::parseArc(v);
    return 0;
}
