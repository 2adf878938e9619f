// Zone files (master-file text read by ldns) and lookups in what was loaded.
#include "dns/ZoneResolver.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QStringList errors;
    auto zone = ms::dns::ZoneResolver::fromText(
        QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)), &errors,
        QByteArrayLiteral("example.com"));
    for (const ms::dns::Record& r : zone->records()) {
        (void)ms::dns::answerStep(zone->resolve(r.name, ms::dns::Type::TXT));
        (void)ms::dns::answerStep(zone->resolve(r.name, r.type));
    }
    return 0;
}
