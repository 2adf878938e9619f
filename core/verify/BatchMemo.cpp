#include "verify/BatchMemo.h"

namespace ms {

std::shared_ptr<const void> BatchMemo::find(const QByteArray& key) const
{
    QMutexLocker l(&m_lock);
    const auto it = m_map.constFind(key);
    if (it == m_map.cend())
        return {};
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return it.value();
}

void BatchMemo::insert(const QByteArray& key, std::shared_ptr<const void> value, qint64 bytes)
{
    const qint64 cost = bytes + key.size() + 64; // the key, the hash node, the control block
    if (!value || cost > kMaxBytes)
        return;
    QMutexLocker l(&m_lock);
    if (m_map.contains(key))
        return;
    if (m_map.size() >= kMaxEntries || m_bytes + cost > kMaxBytes) {
        m_map.clear();
        m_bytes = 0;
    }
    m_map.insert(key, std::move(value));
    m_bytes += cost;
}

qsizetype BatchMemo::size() const
{
    QMutexLocker l(&m_lock);
    return m_map.size();
}

qint64 BatchMemo::bytes() const
{
    QMutexLocker l(&m_lock);
    return m_bytes;
}

} // namespace ms
