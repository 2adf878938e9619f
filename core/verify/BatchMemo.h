#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <memory>

namespace ms {

// Results a check may reuse across the messages of one batch: the same evaluation of the
// same inputs against the same DNS answers gives the same result, and batches repeat
// senders. Only for resolvers whose answers cannot change during the batch (zone files, a
// replayed transcript): the Verifier is told so by its caller. Each check keys its entries
// with its own prefix and stores its own value type behind the key. Thread-safe; bounded by
// entries and by the bytes the callers declare (when a new entry would pass either bound,
// the memo starts over: a batch that repeats nothing gains nothing from it anyway).
class BatchMemo
{
public:
    static constexpr qsizetype kMaxEntries = 4096;
    static constexpr qint64 kMaxBytes = 32 * 1024 * 1024;

    std::shared_ptr<const void> find(const QByteArray& key) const;
    // The first value stored under a key stays (all values for one key are equal).
    void insert(const QByteArray& key, std::shared_ptr<const void> value, qint64 bytes);

    qsizetype size() const;
    qint64 bytes() const;
    qint64 hits() const { return m_hits.load(std::memory_order_relaxed); }

private:
    mutable QMutex m_lock;
    QHash<QByteArray, std::shared_ptr<const void>> m_map;
    qint64 m_bytes = 0;
    mutable std::atomic<qint64> m_hits { 0 };
};

} // namespace ms
