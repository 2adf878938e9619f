#pragma once

#include "dns/Resolver.h"
#include "spf/Record.h"
#include "spf/Spf.h"
#include "trace/Step.h"

#include <QList>

namespace ms::spf {

// Advice about a record that is not an error (kind "spf.lint", status Warning or Info):
// +all, ?all, ptr, terms after all, redirect beside all, near the lookup limits, a record
// too long for one classic 512-byte UDP answer.
QList<Step> lintRecord(
    const ParsedRecord& record, const QString& source, const dns::Answer& answer);
Step lintMultipleRecords(const QByteArray& domain, int count);
// After an evaluation: how close it came to the RFC 7208 4.6.4 limits.
QList<Step> lintCounters(const SpfCounters& counters, int dnsTermLimit, int voidLimit);

} // namespace ms::spf
