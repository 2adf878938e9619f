#include "dns/QueryLimits.h"

namespace ms::dns {

namespace {
thread_local QueryLimits t_limits;
}

QueryLimits currentQueryLimits()
{
    return t_limits;
}

QueryLimitsScope::QueryLimitsScope(const QueryLimits& limits)
    : m_saved(t_limits)
{
    QueryLimits next = limits;
    if (m_saved.deadline < next.deadline)
        next.deadline = m_saved.deadline;
    if (!next.cancelled)
        next.cancelled = m_saved.cancelled;
    t_limits = next;
}

QueryLimitsScope::~QueryLimitsScope()
{
    t_limits = m_saved;
}

} // namespace ms::dns
