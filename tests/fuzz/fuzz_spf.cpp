// SPF: record parsing and a whole evaluation. The input is a zone (master-file text) whose
// "example.com" TXT record is the policy under test, so includes, redirects, macros and
// lookup bombs reach the evaluator with bounded work.
#include "dns/ZoneResolver.h"
#include "spf/Macro.h"
#include "spf/Record.h"
#include "spf/Spf.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)ms::spf::parseRecord(input);
    (void)ms::spf::parseMacroString(input, ms::spf::MacroUse::DomainSpec);
    (void)ms::spf::parseMacroString(input, ms::spf::MacroUse::Explanation);

    QStringList errors;
    auto zone = ms::dns::ZoneResolver::fromText(input, &errors, QByteArrayLiteral("example.com"));
    ms::spf::SpfRequest req;
    req.ip = QStringLiteral("192.0.2.10");
    req.helo = QStringLiteral("mx.example.com");
    req.mailFrom = QStringLiteral("user@example.com");
    req.timeBudgetMs = 2000;
    (void)ms::spf::evaluate(req, *zone);
    req.ip = QStringLiteral("2001:db8::1");
    (void)ms::spf::evaluate(req, *zone);
    return 0;
}
