#pragma once

#include "authres/AuthResults.h"
#include "dmarc/Discovery.h"
#include "dmarc/Record.h"
#include "verify/Check.h"

#include <QJsonObject>

#include <optional>

namespace ms::dmarc {

// One row of the alignment table (RFC 9989 4.4, RFC 7489 3.1).
struct AlignmentRow {
    QString identifier; // "spf" or "dkim"
    QString domain; // SPF: MAIL FROM (or HELO) domain; DKIM: d=
    QString selector; // DKIM s=
    Status authResult = Status::None;
    bool strict = false;
    bool aligned = false; // the domains align under the mode
    bool counts = false; // authResult pass and aligned: DMARC passes on it
    bool tempError = false; // the Organizational Domain could not be found
    QString reason; // translated, "aligned: ..." or why not
};

// What DMARC needs from the other checks, so it can also be evaluated without a Message.
struct Inputs {
    std::optional<SpfOutcome> spf; // nullopt: SPF was not evaluated
    bool dkimEvaluated = true;
    QList<DkimSignatureOutcome> dkim;
};

struct Evaluation {
    Status result = Status::None;
    QString author;
    Discovery discovery;
    QString policyTag; // "p", "sp", "np"; empty when no record applies
    std::optional<Policy> policy; // the published policy that applies
    Policy disposition = Policy::None;
    bool authorExists = true;
    QList<AlignmentRow> alignment;
    QString reason; // translated, one line

    // The other discovery method, when its answer differs.
    std::optional<Discovery> other;
    Status otherResult = Status::None;
    std::optional<Policy> otherPolicy;
    QString otherPolicyTag;
    bool differs = false;

    Step step;
    QList<Source> sources;
    QJsonObject json; // left empty when evaluate() was asked for the text only
    QByteArray jsonText; // the same object as compact JSON (trace/JsonText.h)
};

// DMARC for one author domain with the given SPF/DKIM results. `author` must already be
// normalized (normalizeDomain). The step tree has no From step (check() adds it).
// jsonValue false: only jsonText is written (summary-only runs), json stays empty.
// explain false (summary-only runs): the same result, reasons, rows, discovery and JSON, but
// the step is only the root (title, status, facts) and there are no sources.
Evaluation evaluate(const QString& author, const Inputs& in, dns::Resolver& resolver,
    Discovery::Method method, const std::atomic_bool* cancelled = nullptr, bool jsonValue = true,
    bool explain = true);

// Alignment of one identifier with the author domain (RFC 9989 4.4/4.10.2). reasons false:
// the row's flags without its reason text.
AlignmentRow align(Lookups& dns, const QString& identifier, const QString& domain,
    Status authResult, bool strict, const QString& author, const QString& authorOrgDomain,
    Discovery::Method method, Step* step, bool reasons = true);

// Stage 2: reads ctx.earlier->spf / ->dkim / ->arc.
CheckResult check(const CheckContext& ctx);

} // namespace ms::dmarc
