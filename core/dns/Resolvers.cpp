#include "dns/Resolvers.h"

#include "dns/QueryLimits.h"
#include "dns/RecordCodec.h"
#include "dns/ZoneResolver.h"
#include "trace/Translate.h"

#include <QCoreApplication>

namespace ms::dns {

namespace {

QString tr(const char* s)
{
    return ms::translate("ms::dns", s);
}

QByteArray canonical(const QByteArray& name)
{
    const auto n = normalizeName(name);
    return n ? *n : name.left(kMaxNameLength + 2).toLower();
}

Answer notAsked(
    const QByteArray& name, Type type, Outcome o, const QString& server, const QString& error)
{
    Answer a;
    a.qname = canonical(name);
    a.qtype = type;
    a.outcome = o;
    a.server = server;
    a.error = error;
    return a;
}

} // namespace

// --- OverlayResolver -----------------------------------------------------------------------

OverlayResolver::OverlayResolver(ResolverPtr base)
    : m_base(std::move(base))
{
}

QByteArray OverlayResolver::key(const QByteArray& name, Type type)
{
    return canonical(name) + '/' + QByteArray::number(quint16(type));
}

bool OverlayResolver::setRecords(
    const QByteArray& masterText, QStringList* errors, const QByteArray& origin)
{
    QStringList errs;
    const QList<Record> recs
        = ZoneResolver::parse(masterText, QStringLiteral("overlay"), origin, &errs);
    QList<QPair<QByteArray, Type>> order;
    QHash<QByteArray, QList<Record>> sets;
    for (const auto& r : recs) {
        const QByteArray k = key(r.name, r.type);
        if (!sets.contains(k))
            order.append({ r.name, r.type });
        sets[k].append(r);
    }
    for (const auto& [name, type] : order)
        setRecords(name, type, sets.value(key(name, type)));
    if (errors)
        *errors << errs;
    return errs.isEmpty();
}

void OverlayResolver::setRecords(const QByteArray& name, Type type, const QList<Record>& records)
{
    QWriteLocker lock(&m_lock);
    const QByteArray n = canonical(name);
    m_sets.insert(key(n, type), records);
    m_removedNames.remove(n);
    m_changes << (records.isEmpty()
            ? tr("%1 %2 removed (NODATA)").arg(typeName(type), QString::fromLatin1(n))
            : tr("%1 %2 replaced (%3 record(s))")
                  .arg(typeName(type), QString::fromLatin1(n))
                  .arg(records.size()));
}

void OverlayResolver::removeType(const QByteArray& name, Type type)
{
    setRecords(name, type, {});
}

void OverlayResolver::removeName(const QByteArray& name)
{
    QWriteLocker lock(&m_lock);
    const QByteArray n = canonical(name);
    m_removedNames.insert(n);
    m_changes << tr("%1 removed (NXDOMAIN)").arg(QString::fromLatin1(n));
}

void OverlayResolver::clear()
{
    QWriteLocker lock(&m_lock);
    m_sets.clear();
    m_removedNames.clear();
    m_changes.clear();
}

bool OverlayResolver::isEmpty() const
{
    QReadLocker lock(&m_lock);
    return m_sets.isEmpty() && m_removedNames.isEmpty();
}

QStringList OverlayResolver::changes() const
{
    QReadLocker lock(&m_lock);
    return m_changes;
}

Answer OverlayResolver::resolve(const QByteArray& name, Type type)
{
    PendingAnswer pending(name, type);
    Answer& a = pending.answer();
    a.server = QStringLiteral("overlay");
    if (!pending.name())
        return pending.notAskable();
    QByteArray cur = *pending.name();
    QSet<QByteArray> seen { cur };
    for (int hop = 0;; ++hop) {
        QReadLocker lock(&m_lock);
        if (m_removedNames.contains(cur))
            return pending.finish(Outcome::NxDomain, 3);
        const auto it = m_sets.constFind(key(cur, type));
        if (it != m_sets.constEnd()) {
            a.records << *it;
            return pending.finish(it->isEmpty() ? Outcome::NoData : Outcome::Ok, 0);
        }
        const auto cn = m_sets.constFind(key(cur, Type::CNAME));
        if (type != Type::CNAME && cn != m_sets.constEnd() && !cn->isEmpty()) {
            const Record c = cn->first();
            a.records << c;
            if (seen.contains(c.target))
                return pending.finish(Outcome::ServFail, 2,
                    tr("CNAME loop: %1 points back to %2")
                        .arg(QString::fromLatin1(cur), QString::fromLatin1(c.target)));
            if (hop + 1 >= kMaxCnameChain)
                return pending.finish(Outcome::ServFail, 2,
                    tr("CNAME chain longer than %1 links").arg(kMaxCnameChain));
            seen.insert(c.target);
            cur = c.target;
            continue;
        }
        lock.unlock();
        if (!m_base)
            return pending.finish(Outcome::Offline, 0, tr("no base resolver under the overlay"));
        Answer b = m_base->resolve(cur, type);
        if (a.records.isEmpty())
            return b; // untouched by the overlay
        b.records = a.records + b.records;
        b.qname = a.qname;
        b.server = QStringLiteral("overlay+") + b.server;
        b.elapsedUs = pending.elapsedUs();
        return b;
    }
}

QString OverlayResolver::describe() const
{
    return tr("overlay over %1").arg(m_base ? m_base->describe() : tr("nothing"));
}

// --- CachingResolver -----------------------------------------------------------------------

CachingResolver::CachingResolver(ResolverPtr inner, int maxEntries)
    : m_inner(std::move(inner))
    , m_maxEntries(std::max(1, maxEntries))
{
}

Answer CachingResolver::resolve(const QByteArray& name, Type type)
{
    const QByteArray k = canonical(name) + '/' + QByteArray::number(quint16(type));
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_cache.constFind(k);
        if (it != m_cache.constEnd()) {
            ++m_hits;
            Answer a = *it;
            a.elapsedUs = 0;
            return a;
        }
    }
    ++m_misses;
    Answer a = m_inner ? m_inner->resolve(name, type)
                       : notAsked(name, type, Outcome::Offline, QStringLiteral("cache"),
                           tr("no resolver under the cache"));
    a.transcriptIndex = -1;
    if (a.outcome != Outcome::Cancelled) {
        QMutexLocker lock(&m_mutex);
        if (m_cache.size() >= m_maxEntries)
            m_cache.clear();
        m_cache.insert(k, a);
    }
    return a;
}

QString CachingResolver::describe() const
{
    return m_inner ? m_inner->describe() : QString();
}

void CachingResolver::clear()
{
    QMutexLocker lock(&m_mutex);
    m_cache.clear();
}

// --- OfflineResolver -----------------------------------------------------------------------

Answer OfflineResolver::resolve(const QByteArray& name, Type type)
{
    return notAsked(name, type, Outcome::Offline, QStringLiteral("offline"),
        tr("offline mode: no DNS query was sent"));
}

QString OfflineResolver::describe() const
{
    return tr("offline (no DNS)");
}

// --- BudgetResolver ------------------------------------------------------------------------

BudgetResolver::BudgetResolver(ResolverPtr inner, int budgetMs, const std::atomic_bool* cancelled)
    : m_inner(std::move(inner))
    , m_budgetMs(budgetMs)
    , m_deadline(budgetMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(budgetMs))
    , m_cancelled(cancelled)
{
}

Answer BudgetResolver::resolve(const QByteArray& name, Type type)
{
    if (m_cancelled && m_cancelled->load(std::memory_order_relaxed))
        return notAsked(name, type, Outcome::Cancelled, QStringLiteral("budget"),
            tr("the verification was cancelled; the query was not sent"));
    if (m_deadline.hasExpired())
        return notAsked(name, type, Outcome::Cancelled, QStringLiteral("budget"),
            tr("the time budget of %1 ms is used up; the query was not sent").arg(m_budgetMs));
    if (!m_inner)
        return notAsked(
            name, type, Outcome::Offline, QStringLiteral("budget"), tr("no resolver configured"));
    QueryLimitsScope scope({ m_deadline, m_cancelled });
    Answer a = m_inner->resolve(name, type);
    // The inner resolver only knows it was cut short: say which budget did it. (Not by
    // looking for the number in its text: "27" is in "127.0.0.1", "300" in port 43001.)
    if (a.outcome == Outcome::Cancelled && m_deadline.hasExpired())
        a.error = tr("the time budget of %1 ms ran out during the query").arg(m_budgetMs);
    return a;
}

QString BudgetResolver::describe() const
{
    return m_inner ? m_inner->describe() : QString();
}

} // namespace ms::dns
