// The whole verification (SPF, DKIM with its forensics, ARC, DMARC, S/MIME, TLS evidence,
// Authentication-Results) on an arbitrary message, DNS answered by a small fixed zone.
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/Verifier.h"

#include <cstddef>
#include <cstdint>

namespace {

ms::dns::ResolverPtr fixedZone()
{
    static const QByteArray zone = QByteArrayLiteral(
        "example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all\"\n"
        "_spf.example.net. 300 IN TXT \"v=spf1 a mx ptr exists:%{i}.x.example.net ~all\"\n"
        "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject; adkim=s; rua=mailto:a@example.com\"\n"
        "sel._domainkey.example.com. 300 IN TXT \"v=DKIM1; k=rsa; "
        "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/"
        "zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/"
        "NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB\"\n"
        "brisbane._domainkey.example.com. 300 IN TXT \"v=DKIM1; k=ed25519; "
        "p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"\n"
        "example.com. 300 IN MX 10 mx.example.com.\n"
        "mx.example.com. 300 IN A 192.0.2.25\n");
    static const ms::dns::ResolverPtr r = ms::dns::ZoneResolver::fromText(zone);
    return r;
}

// Everything that does not depend on the input is made once: options, the zone and the
// Verifier. Checks run on this thread (no thread pool per input: libFuzzer wants one
// thread) and S/MIME leaves out the system CA store (hundreds of certificates per input,
// none of them relevant to fuzzed messages).
const ms::Verifier& verifier()
{
    static const ms::Verifier v = [] {
        ms::VerifyOptions opt;
        opt.timeMode = ms::VerifyOptions::TimeMode::Fixed;
        opt.fixedTime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        opt.timeBudgetMs = 5000;
        opt.parallelChecks = false;
        opt.smimeUseSystemStore = false;
        return ms::Verifier(opt, fixedZone());
    }();
    return v;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const ms::Message m
        = ms::Message::parse(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    const ms::Report r = verifier().verify(m, QStringLiteral("fuzz.eml"));
    (void)ms::toText(r);
    (void)ms::toIndentedJson(r);
    return 0;
}
