#pragma once

#include "trace/Step.h"

#include <QString>

namespace ms {

struct Report;

// The one-line answer a help-desk user needs: can this message be trusted to come from
// the domain in its From field? DMARC decides when it ran; otherwise DKIM, then SPF.
struct Verdict {
    Status status = Status::None;
    QString basis; // "dmarc", "dkim", "spf", or empty when nothing could decide
    QString reason; // plain words, translated
};

Verdict overallVerdict(const Report& r);
// overallVerdict(r).status without the sentences: a batch needs the status for every
// message (exit code, summary) and the words only where it writes them.
Status overallStatus(const Report& r);

} // namespace ms
