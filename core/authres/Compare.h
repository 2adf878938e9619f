#pragma once

#include "authres/AuthResults.h"
#include "verify/Check.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ms::authres {

// Which Received hop added an Authentication-Results field, and why we think so.
struct Attribution {
    int hopIndex = -1; // index into Message::hops(), -1 = none
    QString rule; // stable code: "received-below", "authserv-id-matches-by", "no-received"
    QString why; // plain words, translated
};

// An MTA prepends its A-R field when it receives the message, next to the Received field it
// prepends for the same transaction; the A-R normally sits directly above that Received
// (nearest Received below the A-R). When the authserv-id names a hop's "by" host exactly,
// that hop wins.
Attribution attribute(const Message& message, int fieldIndex, const QString& authservId);

// Which authserv-ids are trusted: the configured list, or (empty list) the authserv-id of the
// topmost A-R field, added last, by the system that delivered the message to the reader.
struct TrustDecision {
    QStringList ids; // lower-case
    bool configured = false;
    QString why;
};
TrustDecision trustedIds(const Message& message, const QStringList& configured);

// One row of the comparison table.
struct Comparison {
    QString method; // "spf", "dkim", "dmarc", "arc"
    QString subject; // "example.com" (domain / d= / header.from), may be empty
    QString receiverResult; // as written by the receiver ("pass"), empty = not recorded
    QString authservId;
    std::optional<Status> nowStatus; // empty = Mailscope did not compute it
    QString nowDetail;
    bool agree = false;
    QString reasonCode; // "key-removed", "body-modified", "dns-changed", ...
    QString reason; // plain words, translated
};

// The "authres" check (stage 2: reads ctx.earlier).
CheckResult check(const CheckContext& ctx);

} // namespace ms::authres
