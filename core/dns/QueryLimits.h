#pragma once

#include <QDeadlineTimer>

#include <atomic>

namespace ms::dns {

// The time budget and cancel flag that apply to queries made on the current thread. The
// BudgetResolver sets them around each query it forwards, so a slow live lookup stops at
// the verification's deadline too, not only the next query.
struct QueryLimits {
    QDeadlineTimer deadline { QDeadlineTimer::Forever };
    const std::atomic_bool* cancelled = nullptr;

    bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
    bool expired() const { return deadline.hasExpired(); }
};

QueryLimits currentQueryLimits();

// Installs limits for the current thread for its lifetime (nests: the tighter deadline wins).
class QueryLimitsScope
{
public:
    explicit QueryLimitsScope(const QueryLimits& limits);
    ~QueryLimitsScope();
    QueryLimitsScope(const QueryLimitsScope&) = delete;
    QueryLimitsScope& operator=(const QueryLimitsScope&) = delete;

private:
    QueryLimits m_saved;
};

} // namespace ms::dns
