#pragma once

#include "dns/Recorder.h"
#include "dns/Resolver.h"
#include "message/Message.h"
#include "trace/Source.h"
#include "trace/Step.h"
#include "verify/BatchMemo.h"
#include "verify/Options.h"
#include "verify/Outcomes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <atomic>
#include <functional>

namespace ms {

namespace dkim {
class BodyDigests;
}

// What every check gets. Checks run in parallel where independent; everything here is
// read-only except the resolver (thread-safe) and the cancel flag (polled).
struct CheckContext {
    const Message& message;
    dns::Resolver& dns;
    const VerifyOptions& options;
    QDateTime evaluationTime; // UTC; from options.timeMode
    Envelope envelope; // the guess with the user's overrides applied
    const Outcomes* earlier
        = nullptr; // results of checks that ran before (DMARC reads SPF/DKIM/ARC)
    const std::atomic_bool* cancelled = nullptr;
    // The recorder behind `dns` and the batch's memo, when the Verifier has them (null in
    // a check run alone). A check may reuse a memo entry only if it replays the entry's
    // answers into the recorder, so the report lists the same DNS either way.
    dns::Recorder* recorder = nullptr;
    BatchMemo* memo = nullptr;
    // Set when the body was streamed past instead of kept: message holds only the header
    // block, and the body hashes are here (dkim/BodyDigests.h). A check that would need the
    // body's bytes calls needBody() on it, and the caller verifies the whole message instead.
    const dkim::BodyDigests* bodyDigests = nullptr;

    bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
};

// What every check returns. Absent checks are absent from the report, never faked.
struct CheckResult {
    QString name; // "dkim"
    Status status = Status::None;
    QString summary; // one line, plain words, translated: "fail: body changed after signing"
    QJsonValue json; // this check's object (or array, for dkim) in the JSON report
    Step step; // the check's subtree
    QList<Source> sources; // ids prefixed with the check name: "dkim/1/header"
    Outcomes outcomes; // the typed part for later checks and the UI
    // The same JSON as `json`, already written as compact text in QJsonObject's member order
    // (trace/JsonText.h). A check that writes its JSON directly sets it and, in summary-only
    // runs, leaves `json` null: JSON lines copy these bytes, and jsonValue() parses them
    // for any other reader.
    QByteArray jsonText;
    QJsonValue jsonValue() const
    {
        if (jsonText.isEmpty() || !(json.isUndefined() || json.isNull()))
            return json;
        const QJsonDocument d = QJsonDocument::fromJson(jsonText);
        return d.isArray() ? QJsonValue(d.array())
            : d.isObject() ? QJsonValue(d.object())
                           : QJsonValue();
    }
};

// A result named after its check, with the root step of its subtree (kind = name, status
// None until the check decides).
inline CheckResult beginCheck(
    const QString& name, const QString& title, const QString& detail, const QString& rfc)
{
    CheckResult r;
    r.name = name;
    r.step = Step(name, Status::None, title, detail, rfc);
    return r;
}

using CheckFunction = std::function<CheckResult(const CheckContext&)>;

} // namespace ms
