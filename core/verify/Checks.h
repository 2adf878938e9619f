#pragma once

#include "verify/Check.h"

namespace ms {

// One entry per implemented check. Each protocol folder provides its function; the
// Verifier runs "stage 1" checks in parallel, then stage 2 (which reads stage-1 outcomes).
struct CheckEntry {
    QString name;
    int stage;
    CheckFunction run;
};
const QList<CheckEntry>& checkTable();

} // namespace ms
