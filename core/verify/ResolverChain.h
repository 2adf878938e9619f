#pragma once

#include "dns/Resolver.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>

#include <atomic>

namespace ms {

// The resolver one verification uses: the user's resolver, stopped by the cancel flag and
// the time budget, with every answer recorded in query order for Report::dns.
class ResolverChain
{
public:
    ResolverChain(dns::ResolverPtr inner, int budgetMs, const std::atomic_bool* cancelled);
    ~ResolverChain();

    dns::Resolver& resolver();
    const std::atomic_bool* cancelFlag() const { return m_cancelled; }
    bool cancelled() const; // by the user, or the budget ran out
    QList<dns::Answer> transcript() const;
    QString describe() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
    const std::atomic_bool* m_cancelled;
};

} // namespace ms
