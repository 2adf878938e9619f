// MTA-STS policy files (RFC 8461 3.2) as a policy host may serve them, and the MX pattern
// match (4.1) with the first line of the input as the pattern.
#include "tls/MtaSts.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    const ms::tls::MtaStsPolicy p = ms::tls::parseMtaStsPolicy(body);
    for (const ms::tls::MtaStsField& f : p.fields) {
        if (f.offset < 0 || f.offset + f.length > body.size())
            __builtin_trap(); // spans must stay inside the body
    }
    const qsizetype nl = body.indexOf('\n');
    if (nl > 0)
        (void)ms::tls::mxPatternMatches(
            QString::fromUtf8(body.left(nl)), QString::fromUtf8(body.mid(nl + 1, 300)));
    return 0;
}
