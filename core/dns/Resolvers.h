#pragma once

#include "dns/Resolver.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QReadWriteLock>
#include <QSet>
#include <QStringList>

#include <atomic>

namespace ms::dns {

// "What if this record were …": records for chosen name+type pairs replace the base
// resolver's answer; removing a type gives NODATA, removing a name NXDOMAIN. A CNAME
// placed in the overlay is followed (through the overlay, then the base). Everything else
// goes to the base resolver unchanged.
class OverlayResolver : public Resolver
{
public:
    explicit OverlayResolver(ResolverPtr base);

    // Every (owner, type) in the master-file text replaces the base's RRset. Returns false
    // on parse errors (the good lines are still applied).
    bool setRecords(
        const QByteArray& masterText, QStringList* errors = nullptr, const QByteArray& origin = {});
    // Replaces one RRset; an empty list means "no such record" (NODATA).
    void setRecords(const QByteArray& name, Type type, const QList<Record>& records);
    void removeType(const QByteArray& name, Type type);
    void removeName(const QByteArray& name); // NXDOMAIN for every type
    void clear();
    bool isEmpty() const;

    // One line per change, for the UI: "TXT example.com replaced (1 record)".
    QStringList changes() const;

    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;

private:
    static QByteArray key(const QByteArray& name, Type type);

    ResolverPtr m_base;
    mutable QReadWriteLock m_lock;
    QHash<QByteArray, QList<Record>> m_sets; // key(name, type) → records (empty = NODATA)
    QSet<QByteArray> m_removedNames;
    QStringList m_changes;
};

// Remembers answers by name+type. Cancelled answers are never kept (the next verification
// must ask again); everything else is. Bounded: the cache is emptied when full.
class CachingResolver : public Resolver
{
public:
    explicit CachingResolver(ResolverPtr inner, int maxEntries = 20000);

    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;

    void clear();
    int hits() const { return m_hits.load(); }
    int misses() const { return m_misses.load(); }

private:
    ResolverPtr m_inner;
    int m_maxEntries;
    mutable QMutex m_mutex;
    QHash<QByteArray, Answer> m_cache;
    std::atomic_int m_hits { 0 };
    std::atomic_int m_misses { 0 };
};

// Offline mode: no query is ever sent; every answer is Offline.
class OfflineResolver : public Resolver
{
public:
    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;
};

// The verification's total time budget and cancel flag: once the deadline passes or the
// flag is set, queries are answered Cancelled without asking the inner resolver, and a
// query in flight is cut short at the deadline (through QueryLimits, which the live
// resolver honours).
class BudgetResolver : public Resolver
{
public:
    BudgetResolver(ResolverPtr inner, int budgetMs, const std::atomic_bool* cancelled = nullptr);

    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;

    int budgetMs() const { return m_budgetMs; }
    bool exhausted() const { return m_deadline.hasExpired(); }

private:
    ResolverPtr m_inner;
    int m_budgetMs;
    QDeadlineTimer m_deadline;
    const std::atomic_bool* m_cancelled;
};

} // namespace ms::dns
