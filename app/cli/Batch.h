#pragma once

#include "Inputs.h"
#include "Output.h"
#include "verify/Verifier.h"

#include <QList>

#include <cstdio>
#include <optional>

namespace ms::cli {

struct BatchConfig {
    Format format = Format::Text;
    bool withSteps = false; // jsonl: include the step tree and sources
    int threads = 1;
    bool progress = false; // draw a progress bar on stderr
    bool keepDns = false; // hand every DNS answer to onDns (for --save-dns)
};

// Verifies jobs on a pool of `threads` workers (one Verifier shared by all) and writes each
// result as soon as it and all before it are done, so output order is input order and at
// most a small window of results is held in memory at any time.
class Batch
{
public:
    Batch(const Verifier& verifier, BatchConfig config);

    // Writes results to out, input errors to err; returns the summary of the whole batch.
    Summary run(const QList<Job>& jobs, std::FILE* out, std::FILE* err,
        const std::function<void(const QList<dns::Answer>&)>& onDns = {});

private:
    struct Result;
    // `whole`: the job's file as BatchPrefetch read it ahead, if it did.
    Result process(const Job& job, std::optional<QByteArrayView> whole = std::nullopt) const;

    Verifier m_verifier; // the caller's, made lean when the output shows no step tree
    BatchConfig m_config;
};

} // namespace ms::cli
