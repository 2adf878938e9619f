#pragma once

#include "dns/Resolver.h"
#include "report/Report.h"
#include "verify/Options.h"
#include "verify/Verifier.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace ms::ui {

// A record the user adds or overrides in the what-if panel ("what if this TXT were ...").
struct WhatIfRecord {
    QString name; // owner, e.g. "selector._domainkey.example.com"
    QString type; // "TXT", "A", "AAAA", "MX", ...
    quint32 ttl = 300;
    QString value; // RDATA in master-file form: "\"v=spf1 -all\"", "10 mx.example.com."
    bool enabled = true;

    QString masterLine() const; // "name. 300 IN TXT value"
    bool operator==(const WhatIfRecord&) const = default;
};

// Everything one verification run needs, as values: the GUI thread builds it, a worker
// thread runs it.
struct VerifyRequest {
    QByteArray bytes;
    QString fileName;
    VerifyOptions options;
    QStringList zoneFiles; // DNS answered from these master files (offline)
    bool offline = false; // never ask live DNS
    QString dnsServer; // "" = system resolver
    int dnsTimeoutMs = 3000;
    QList<WhatIfRecord> whatIf; // overlay on top of whatever answers DNS
    std::optional<QList<dns::Answer>> replay; // evidence bundle: answer from this transcript
};

struct VerifyResult {
    Report report;
    QStringList notes; // resolver set-up problems (zone file errors, ...)
    QString resolverDescription; // "zone file x.zone + what-if (2 records)"
};

// Builds the resolver stack for a request: replay | zones | live | offline, then what-if.
dns::ResolverPtr buildResolver(
    const VerifyRequest& request, QStringList* notes, QString* description);

// Parses and verifies. Runs on a worker thread; touches no widget.
VerifyResult runVerification(const VerifyRequest& request, const std::atomic_bool* cancelled,
    const Verifier::Progress& progress);

// The privacy preview: which names would a verification ask first? Runs the checks with a
// resolver that answers nothing (every query is "offline") and records the questions. Names
// that later answers would lead to (includes, redirects, CNAME targets) are not known yet.
QStringList previewQueries(const VerifyRequest& request, const std::atomic_bool* cancelled);

// Does this request send any query to live DNS?
bool usesLiveDns(const VerifyRequest& request);

} // namespace ms::ui
