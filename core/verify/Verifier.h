#pragma once

#include "dns/Resolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/BatchMemo.h"
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

    // A large message whose body a batch streamed past instead of holding it: `headers` is
    // the message's header block alone (with the blank line after it) and `body` holds the
    // body hashes (dkim/BodyDigests.h). The report is the whole message's only when
    // body.bodyNeeded() is still false afterwards; otherwise verify the whole message.
    Report verifyStreamed(const Message& headers, const dkim::BodyDigests& body,
        const QString& fileName, const std::atomic_bool* cancelled = nullptr) const;
    // The whole message after verifyStreamed() needed its body: `body` (setBodyHeld()) gives
    // the body hashes already computed. The report is verify()'s.
    Report verifyHeld(const Message& message, const dkim::BodyDigests& body,
        const QString& fileName, const std::atomic_bool* cancelled = nullptr) const;
    // Whether verifyStreamed() may stand in for verify(): a lean report (a failing
    // signature's explanation needs the body's bytes and is verified whole anyway), and no
    // S/MIME check (it walks the MIME parts of the body).
    bool streamsBody() const;

    const VerifyOptions& options() const { return m_options; }

    // Lean reports leave out the parts of the step tree that only a viewer of the tree
    // needs: the message's parse step and the root's facts. The checks' own steps stay
    // (their results are read from them). Batch output without steps sets this; for small
    // messages the parse step alone was a tenth of the time.
    // Lean reports also keep no canonical bytes as sources (keepCanonicalSources off) and no
    // sources for the DNS answers, as nothing shows them; a failing DKIM signature still gets
    // its canonical body.
    void setLean(bool lean)
    {
        m_lean = lean;
        m_options.keepCanonicalSources = !lean;
        m_options.summaryOnly = lean;
    }
    bool lean() const { return m_lean; }

    // Lets checks reuse evaluations across the messages this Verifier (and its copies)
    // verifies (verify/BatchMemo.h). Only when the resolver's answers cannot change during
    // the batch: zone files or a replayed transcript, never live DNS.
    void setBatchMemo(bool on) { m_memo = on ? std::make_shared<BatchMemo>() : nullptr; }
    const BatchMemo* batchMemo() const { return m_memo.get(); }

private:
    Report run(const Message& message, const dkim::BodyDigests* body, const QString& fileName,
        const std::atomic_bool* cancelled, const Progress& progress) const;

    VerifyOptions m_options;
    dns::ResolverPtr m_resolver;
    QList<CheckEntry> m_table;
    bool m_lean = false;
    std::shared_ptr<BatchMemo> m_memo;
};

} // namespace ms
