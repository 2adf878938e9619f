// DMARC records (both specs) and RFC 5322 address lists for the author domain.
#include "dmarc/Author.h"
#include "dmarc/Record.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)ms::dmarc::parseRecord(input, ms::dmarc::Spec::Rfc9989);
    (void)ms::dmarc::parseRecord(input, ms::dmarc::Spec::Rfc7489);
    (void)ms::dmarc::parseAddressList(input);
    return 0;
}
