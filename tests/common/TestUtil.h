#pragma once

#include "trace/Step.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace ms {
class Message;
}

namespace mstest {

// Where the public conformance data is: $MAILSCOPE_CONFORMANCE_DIR, else ../shared/conformance
// beside the checkout. Empty if absent (tests then QSKIP with a message saying so).
QString conformanceDir();
QString sourceDir();
QString samplesDir();
// A bundled scenario's file: resources/samples/<name>/<name>.<ext>.
QString sampleFile(const QString& name, const QString& ext = QStringLiteral("eml"));
// The evaluation time a bundled sample or golden message (<base>.eml) is meant for: "time"
// in <base>.json, else 2026-06-01 12:00 UTC.
QDateTime sampleTime(const QString& base);
QString testDataDir();
QString cliPath();
QByteArray readFile(const QString& path); // QFAIL-friendly: empty on error
// The first step of this kind in the tree (depth first, the root included), or null.
const ms::Step* findStep(const ms::Step& root, const QString& kind);
// A parse note of this status whose text contains needle (case-insensitive).
bool hasNote(const ms::Message& m, const QString& needle, ms::Status status);
// The strings of a JSON array (sidecar expectations).
QStringList toStrings(const QJsonValue& v);
// A JSON report line with each DNS answer's measured time ("elapsed_us") zeroed: the one
// part of two verifications of the same message that differs from run to run.
QByteArray withoutTimings(const QByteArray& jsonLine);

} // namespace mstest
