#include "verify/ResolverChain.h"

#include "dns/Recorder.h"
#include "dns/Resolvers.h"

namespace ms {

struct ResolverChain::Impl {
    std::shared_ptr<dns::BudgetResolver> budget;
    std::shared_ptr<dns::Recorder> recorder;
};

ResolverChain::ResolverChain(
    dns::ResolverPtr inner, int budgetMs, const std::atomic_bool* cancelled)
    : m_impl(std::make_unique<Impl>())
    , m_cancelled(cancelled)
{
    m_impl->budget = std::make_shared<dns::BudgetResolver>(std::move(inner), budgetMs, cancelled);
    m_impl->recorder = std::make_shared<dns::Recorder>(m_impl->budget);
}

ResolverChain::~ResolverChain() = default;

dns::Resolver& ResolverChain::resolver()
{
    return *m_impl->recorder;
}

dns::ResolverPtr ResolverChain::budgeted() const
{
    return m_impl->budget;
}

bool ResolverChain::cancelled() const
{
    return (m_cancelled && m_cancelled->load()) || m_impl->budget->exhausted();
}

QList<dns::Answer> ResolverChain::transcript() const
{
    return m_impl->recorder->transcript();
}

QString ResolverChain::describe() const
{
    return m_impl->budget->describe();
}

} // namespace ms
