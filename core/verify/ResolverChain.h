#pragma once

#include "dns/Resolver.h"

#include <QList>

#include <atomic>
#include <memory>

namespace ms {

// The resolver one verification uses: the user's resolver → dns::BudgetResolver (time
// budget + cancel flag) → dns::Recorder, whose transcript becomes Report::dns.
class ResolverChain
{
public:
    ResolverChain(dns::ResolverPtr inner, int budgetMs, const std::atomic_bool* cancelled);
    ~ResolverChain();

    dns::Resolver& resolver();
    // The budgeted resolver without the shared recorder: for per-check recorders whose
    // transcripts are merged in a fixed order (see Verifier), so parallel runs print the same.
    dns::ResolverPtr budgeted() const;
    const std::atomic_bool* cancelFlag() const { return m_cancelled; }
    bool cancelled() const; // by the user, or the budget ran out
    QList<dns::Answer> transcript() const;
    QString describe() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    const std::atomic_bool* m_cancelled;
};

} // namespace ms
