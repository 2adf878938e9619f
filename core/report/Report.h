#pragma once

#include "dns/Resolver.h"
#include "message/Message.h"
#include "trace/Source.h"
#include "trace/Step.h"
#include "verify/Check.h"
#include "verify/Outcomes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ms {

// Everything one verification produced, as values: safe to hand from a worker thread to
// the UI, to print, to export.
struct Report {
    QString file; // as given by the user (may be empty for pasted text)
    QDateTime evaluationTime; // the time t=/x=/validity were judged against
    Envelope envelope; // as used (guess + overrides); empty unless hasEnvelope
    // SPF is the envelope's only reader: without it the Received chain is not guessed
    // from and reports leave the envelope out (a DKIM-only batch spent a tenth of its
    // time on a guess nothing used).
    bool hasEnvelope = false;
    Step root; // kind "report"; children: message, then one per check
    QList<CheckResult> checks; // in allCheckNames() order; each check's step is in root too
    QList<Source> sources; // "message", maybe "original", then the checks' sources
    QList<dns::Answer> dns; // the transcript, in query order
    Outcomes outcomes;
    bool cancelled = false;

    const Source* source(const QString& id) const;
    const CheckResult* check(const QString& name) const;
};

// The golden-test format: stable, indented, no timings.
QString toText(const Report& r);
// The JSON reports' "schema" member. /2 (from /1): the "spf" object no longer repeats the
// envelope, which is the report's own "envelope" member (SPF is its only reader).
inline constexpr char kReportSchema[] = "mailscope-report/2";

// "schema": kReportSchema
QJsonObject toJson(const Report& r);
// Which parts toJson() builds. Batch JSON lines leave out the step tree and the sources:
// building them only to drop them was most of a batch run's time.
enum class JsonParts { All, WithoutSteps };
QJsonObject toJson(const Report& r, JsonParts parts);
// QJsonDocument(toJson(r, parts)).toJson(Compact), byte for byte, written directly (no
// QJsonObject tree: building it cost more than the text). Tests hold the two writers equal.
QByteArray toJsonText(const Report& r, JsonParts parts = JsonParts::All);
// toJsonText(r, JsonParts::WithoutSteps): a batch run's line per message (no newline).
QByteArray toJsonLine(const Report& r);
// QJsonDocument(toJson(r)).toJson(Indented), byte for byte: the CLI's --format json and
// the JSON export.
QByteArray toIndentedJson(const Report& r);
// Self-contained HTML (no remote content).
QString toHtml(const Report& r);

} // namespace ms
