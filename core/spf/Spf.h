#pragma once

#include "dns/Resolver.h"
#include "trace/Source.h"
#include "trace/Step.h"
#include "verify/Check.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>

namespace ms::spf {

// SPF (RFC 7208) without a message: evaluate one identity for one client.
//
// Usage (what `mailscope-cli spf --ip IP --helo NAME --mail-from ADDR [--zone FILE...]`
// does): fill an SpfRequest with the client address, the HELO name and the MAIL FROM
// address (empty or "<>" for a null reverse-path: the identity is then postmaster@HELO,
// RFC 7208 2.4), pick the identity (MAIL FROM by default, or HELO, RFC 7208 2.3), and call
// evaluate() with any dns::Resolver: a ZoneResolver over the --zone files tests a draft
// record offline, a live resolver asks the Internet. The returned SpfEvaluation carries
// the RFC 8601 result, the explanation (exp=, on fail), the counters of RFC 7208 4.6.4,
// the Step tree (record as fetched with a span per term, every term evaluated in order with
// its DNS answers nested, macro expansions, lint warnings) and the Sources the spans point
// into ("spf/N/record", "spf/N/explanation").
struct SpfRequest {
    enum class Identity { MailFrom, Helo };

    QString ip; // client address: IPv4, IPv6, or IPv4-mapped IPv6 (then treated as IPv4)
    QString helo; // HELO/EHLO name
    QString mailFrom; // "user@domain", "<user@domain>", "@domain", "" or "<>"
    QString receiver; // %{r}: the checking host ("unknown" when empty)
    QDateTime now; // %{t}; current time when invalid
    Identity identity = Identity::MailFrom;
    QString defaultExplanation; // used on fail when exp= is absent or unusable (RFC 7208 6.2)

    int dnsTermLimit = 10; // RFC 7208 4.6.4
    int voidLookupLimit = 2; // RFC 7208 4.6.4 (SHOULD, default 2)
    int timeBudgetMs = 20000; // RFC 7208 4.6.4: "at least 20 seconds", then temperror
    const std::atomic_bool* cancelled = nullptr;

    QString sourcePrefix = QStringLiteral("spf"); // Source ids "<prefix>/<N>/record"
    int firstSourceIndex = 1;

    // Summary-only runs (VerifyOptions::summaryOnly) turn this off: the result, reason,
    // explanation and counters are the same, but the step is only an empty root with the
    // result as its status (the "spf" check shows its own root), and there are no sources.
    bool explain = true;

    // The batch's memo (verify/BatchMemo.h): parsed records are shared through it by their
    // text. Null: each record is parsed where it is met.
    BatchMemo* memo = nullptr;
};

// RFC 7208 4.6.4 counters, as they stood at the end.
struct SpfCounters {
    int dnsTerms = 0; // include, a, mx, ptr, exists, redirect (limit 10)
    int voidLookups = 0; // NXDOMAIN / NODATA answers to those terms (limit 2)
    int maxMxNames = 0; // the most MX names one mx term had (limit 10)
    int maxPtrNames = 0; // the most PTR names one ptr term or %{p} had (first 10 used)
    int queries = 0; // every DNS query asked, exp= included
};

struct SpfEvaluation {
    Status result = Status::None; // RFC 8601 / RFC 7208 2.6 vocabulary
    QString identity; // "mailfrom" or "helo"
    QString domain; // the domain checked (<domain> of check_host)
    QString sender; // the <sender> used (postmaster@ substituted where needed)
    QString clientIp; // normalised text form
    QString helo;
    QString mailFrom; // as given
    QString explanation; // on fail: the expanded exp= text, else defaultExplanation
    bool explanationFromRecord = false;
    QString reason; // one line, plain words, translated
    QString inputProblem; // why nothing could be evaluated (bad IP, no domain); else empty
    SpfCounters counters;
    Step step; // kind "spf.evaluation"
    QList<Source> sources;
};

SpfEvaluation evaluate(const SpfRequest& request, dns::Resolver& resolver);

// The "spf" check: the MAIL FROM identity and the HELO identity of ctx.envelope.
CheckResult check(const CheckContext& ctx);

} // namespace ms::spf
