#pragma once

#include "trace/Step.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms {

// Typed results that later checks (DMARC, ARC override, the Authentication-Results
// comparison) and the UI badges need. The step tree carries the explanation; these carry
// the decisions.

struct SpfOutcome {
    Status status = Status::None;
    QString identity; // "mailfrom" or "helo"
    QString domain; // the domain checked
    QString clientIp;
    QString reason; // short, plain words
};

struct DkimSignatureOutcome {
    Status status = Status::None;
    QString domain; // d=
    QString selector; // s=
    QString algorithm; // a=
    QString identity; // i= (or @d= when absent)
    QString reason; // stable reason code ("body-appended", "key-not-found", ...) or empty
    QString finding; // forensic finding in plain words, if any
    bool testing = false; // key t=y
};

struct ArcOutcome {
    Status status = Status::None; // pass / fail / none
    int instances = 0;
    int oldestPass = 0; // 0 = none
    QString reason;
    QStringList sealers; // d= of each ARC-Seal, index i-1
};

struct DmarcOutcome {
    Status status = Status::None; // pass / fail / none / temperror / permerror
    QString fromDomain;
    QString policyDomain;
    QString policy; // "none" / "quarantine" / "reject"
    QString policyTag; // the tag it came from: "p", "sp" (subdomains) or "np" (RFC 9989)
    QString disposition;
    bool overriddenByArc = false;
    QString reason;
};

struct SmimeOutcome {
    Status status = Status::None;
    QString signer;
    QString reason;
};

struct TlsOutcome {
    Status status = Status::None; // pass = every Internet-facing hop used TLS
    int hops = 0;
    int hopsWithTls = 0;
    QString reason;
};

struct Outcomes {
    std::optional<SpfOutcome> spf; // MAIL FROM identity (or HELO when MAIL FROM is null)
    std::optional<SpfOutcome> spfHelo;
    QList<DkimSignatureOutcome> dkim;
    std::optional<ArcOutcome> arc;
    std::optional<DmarcOutcome> dmarc;
    std::optional<SmimeOutcome> smime;
    std::optional<TlsOutcome> tls;

    // Keeps what `other` has set; used by the Verifier to merge per-check results.
    void merge(const Outcomes& other);
};

} // namespace ms
