#pragma once

#include "dns/Resolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/Checks.h"
#include "verify/Options.h"

#include <atomic>
#include <functional>

namespace ms {

// Runs the checks on one message. Stateless apart from the options and resolver, so one
// Verifier can serve many threads (batch mode).
class Verifier
{
public:
    Verifier(VerifyOptions options, dns::ResolverPtr resolver);
    // With an explicit check table instead of checkTable() (tests, tools).
    Verifier(VerifyOptions options, dns::ResolverPtr resolver, QList<CheckEntry> table);

    // progress(done, total, what) may be called from worker threads.
    using Progress = std::function<void(int done, int total, const QString& what)>;

    Report verify(const Message& message, const QString& fileName,
        const std::atomic_bool* cancelled = nullptr, const Progress& progress = {}) const;

    const VerifyOptions& options() const { return m_options; }

private:
    VerifyOptions m_options;
    dns::ResolverPtr m_resolver;
    QList<CheckEntry> m_table;
};

} // namespace ms
