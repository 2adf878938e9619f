#include "verify/ResolverChain.h"

#include "dns/Recorder.h"

#include <QCoreApplication>

namespace ms {

// Stops asking once the user cancelled or the time budget ran out; thread-safe because
// checks run in parallel.
class BudgetGate : public dns::Resolver
{
public:
    BudgetGate(dns::ResolverPtr inner, int budgetMs, const std::atomic_bool* cancelled)
        : m_inner(std::move(inner))
        , m_budgetMs(budgetMs)
        , m_cancelled(cancelled)
    {
        m_clock.start();
    }

    bool overBudget() const { return m_budgetMs > 0 && m_clock.elapsed() >= m_budgetMs; }
    bool stopped() const
    {
        return (m_cancelled && m_cancelled->load(std::memory_order_relaxed)) || overBudget()
            || m_exhausted.load(std::memory_order_relaxed);
    }

    dns::Answer resolve(const QByteArray& name, dns::Type type) override
    {
        dns::Answer a;
        if (stopped()) {
            m_exhausted.store(true, std::memory_order_relaxed);
            a.qname = name.toLower();
            a.qtype = type;
            a.outcome = dns::Outcome::Cancelled;
            a.server = QStringLiteral("budget");
            a.error = (m_cancelled && m_cancelled->load())
                ? QCoreApplication::translate("Verifier", "cancelled by the user")
                : QCoreApplication::translate(
                    "Verifier", "the verification's time budget of %1 ms ran out")
                      .arg(m_budgetMs);
        } else if (!m_inner) {
            a.qname = name.toLower();
            a.qtype = type;
            a.outcome = dns::Outcome::Offline;
            a.server = QStringLiteral("none");
            a.error = QCoreApplication::translate("Verifier", "no resolver configured");
        } else {
            a = m_inner->resolve(name, type);
        }
        return a;
    }

    QString describe() const override
    {
        return m_inner ? m_inner->describe() : QStringLiteral("none");
    }

    bool exhausted() const { return m_exhausted.load(std::memory_order_relaxed); }

private:
    dns::ResolverPtr m_inner;
    int m_budgetMs;
    const std::atomic_bool* m_cancelled;
    QElapsedTimer m_clock;
    std::atomic_bool m_exhausted { false };
};

struct ResolverChain::Impl {
    std::shared_ptr<BudgetGate> gate;
    std::shared_ptr<dns::Recorder> recorder;
};

ResolverChain::ResolverChain(
    dns::ResolverPtr inner, int budgetMs, const std::atomic_bool* cancelled)
    : m_impl(std::make_unique<Impl>())
    , m_cancelled(cancelled)
{
    m_impl->gate = std::make_shared<BudgetGate>(std::move(inner), budgetMs, cancelled);
    m_impl->recorder = std::make_shared<dns::Recorder>(m_impl->gate);
}

ResolverChain::~ResolverChain() = default;

dns::Resolver& ResolverChain::resolver()
{
    return *m_impl->recorder;
}

bool ResolverChain::cancelled() const
{
    return (m_cancelled && m_cancelled->load()) || m_impl->gate->exhausted();
}

QList<dns::Answer> ResolverChain::transcript() const
{
    return m_impl->recorder->transcript();
}

QString ResolverChain::describe() const
{
    return m_impl->gate->describe();
}

} // namespace ms
