#pragma once

#include "authres/AuthResults.h"
#include "dns/Resolver.h"
#include "message/Message.h"
#include "trace/Source.h"
#include "trace/Step.h"
#include "verify/Check.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <optional>

namespace ms::arc {

// RFC 8617 4.1: the three ARC header fields.
enum class FieldKind { AuthResults, MessageSignature, Seal };
QString fieldKindName(FieldKind k); // "ARC-Authentication-Results", ...

// One ARC header field as found in the message.
struct ArcField {
    FieldKind kind = FieldKind::Seal;
    int fieldIndex = -1; // in Message::headers()
    int instance = 0; // i=, 0 when missing or unreadable
    QString problem; // translated: why i= could not be read
};

// One ARC Set (RFC 8617 4.2), i.e. one hop of the chain.
struct Hop {
    int instance = 0;
    int aarField = -1, amsField = -1, sealField = -1; // header indices, -1 = missing
    QString sealer; // ARC-Seal d=
    QString sealSelector; // ARC-Seal s=
    QString cv; // ARC-Seal cv=, lower-case
    QDateTime sealedAt; // ARC-Seal t=, when given
    QString amsDomain, amsSelector;
    std::optional<authres::AuthResult> aar; // what this intermediary saw
    Status amsStatus = Status::None; // None = not verified
    QString amsReason;
    Status sealStatus = Status::None;
    QString sealReason;
};

struct ChainResult {
    Status status = Status::None; // none / pass / fail (RFC 8617 4.4)
    int instances = 0; // N, the highest instance
    std::optional<int> oldestPass; // RFC 8617 5.2 step 5: 0 = every AMS verified
    QString reason; // translated, plain words
    QString reasonCode; // stable: "no-arc", "structure", "ams-fail", ...
    int brokenAt = 0; // the instance where validation failed, 0 = none
    QList<Hop> hops; // by instance, 1..N (those that exist)
    QList<ArcField> fields; // every ARC field, header order
    Step step; // kind "arc"
    QList<Source> sources; // "arc/<i>/ams-header", "arc/<i>/ams-body", "arc/<i>/seal"
    QJsonObject json;
};

struct ValidateInput {
    const Message& message;
    dns::Resolver& dns;
    QDateTime evaluationTime;
    const std::atomic_bool* cancelled = nullptr;
    // A batch's streamed body: the AMS body hashes come from here (dkim/BodyDigests.h).
    const dkim::BodyDigests* bodyDigests = nullptr;
};

// RFC 8617 5.2 validation.
ChainResult validate(const ValidateInput& in);

// The ARC fields of a message grouped by i= (never by header order).
QList<ArcField> collectFields(const Message& message);

// The exact bytes an ARC-Seal of instance i signs (RFC 8617 5.1.1): the ARC Sets 1..i in
// increasing instance order, each AAR, AMS, AS relaxed-canonicalized, and the AS of
// instance i with b= emptied and without its final CRLF. `sets` holds, per instance from 1,
// the raw AAR, AMS and AS fields. Exposed for the test signer and for display.
QByteArray sealInput(const QList<std::array<QByteArrayView, 3>>& sets);

// The "arc" check (stage 1): fills Outcomes::arc.
CheckResult check(const CheckContext& ctx);

} // namespace ms::arc
