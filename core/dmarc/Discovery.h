#pragma once

#include "dmarc/Record.h"
#include "dns/Resolver.h"
#include "trace/Source.h"
#include "trace/Step.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <optional>

namespace ms::dmarc {

// One "_dmarc.<domain>" TXT query and what it yielded.
struct PolicyQuery {
    QString domain;
    dns::Answer answer;
    int dmarcRecords = 0; // TXT records starting with v=DMARC1
    std::optional<Record> record; // exactly one DMARC record
    bool tempError = false;
    Step step; // kind "dmarc.query"
};

// The DNS side of one DMARC evaluation: a per-evaluation cache (the tree walks for policy
// discovery and for alignment ask the same names; each is asked once) and the record-text
// sources the steps point into ("dmarc/record/N").
class Lookups
{
public:
    Lookups(dns::Resolver& resolver, const std::atomic_bool* cancelled = nullptr);

    // The answer, and whether this call was the one that asked (the first asker nests the
    // dns.query step; later ones say "asked before").
    dns::Answer txt(const QString& name, bool* fresh = nullptr);
    dns::Answer resolve(const QString& name, dns::Type type, bool* fresh = nullptr);
    bool cancelled() const;
    int queryCount() const { return m_queries; }

    // Summary-only runs (VerifyOptions::summaryOnly) turn this off: results, reasons and
    // JSON stay exactly as with it on, but no steps, translated step texts or record
    // sources are built, and each policy query is parsed once per spec.
    void setExplain(bool explain) { m_explain = explain; }
    bool explain() const { return m_explain; }
    // Summary-only runs: the parsed "_dmarc.<domain>" query of an earlier walk (null if none).
    const PolicyQuery* knownPolicy(const QString& domain, Spec spec) const;
    void rememberPolicy(const QString& domain, Spec spec, const PolicyQuery& q);

    QString addSource(const QString& title, const QByteArray& bytes);
    const QList<Source>& sources() const { return m_sources; }

private:
    dns::Resolver& m_resolver;
    const std::atomic_bool* m_cancelled;
    QHash<QString, dns::Answer> m_cache;
    QList<Source> m_sources;
    QHash<QString, PolicyQuery> m_policies[2]; // summary-only, by domain: RFC 9989, RFC 7489
    int m_queries = 0;
    bool m_explain = true;
};

PolicyQuery queryPolicy(Lookups& dns, const QString& domain, Spec spec);

// RFC 9989 4.10 DNS Tree Walk from `start`, with the Organizational Domain selection of
// 4.10.2. At most 8 queries; stops at psd=y / psd=n.
struct TreeWalk {
    QString start;
    QList<PolicyQuery> queries;
    QString orgDomain;
    QString orgRule; // translated: which rule of 4.10.2 chose it
    std::optional<int> psdIndex; // the query whose record said psd=y, if any
    bool tempError = false;
    Step step; // kind "dmarc.treewalk"
};

// The names the walk asks, in order (RFC 9989 4.10 steps 1-7), without asking them.
QStringList treeWalkNames(const QString& start);
TreeWalk treeWalk(Lookups& dns, const QString& start);

// Which record applies to the author domain.
struct Discovery {
    enum class Method { TreeWalk, Psl };
    enum class Where { Nowhere, Author, OrgDomain, Psd };
    Method method = Method::TreeWalk;
    Spec spec = Spec::Rfc9989;
    QString author;
    QString orgDomain;
    QString policyDomain; // empty when no record applies
    Where where = Where::Nowhere;
    std::optional<Record> record;
    bool tempError = false;
    bool severalRecords = false; // RFC 7489: several records at a name end discovery
    QString explanation; // translated, one or two sentences
    Step step; // kind "dmarc.discovery"
};

Discovery discover(Lookups& dns, const QString& author, Discovery::Method method);

// Organizational Domain of any domain with the given method (RFC 9989 4.10.2 tree walk, or
// RFC 7489 3.2 PSL). `step` (may be null) gets the explanation, with the DNS steps.
QString orgDomainOf(Lookups& dns, const QString& domain, Discovery::Method method,
    Step* step = nullptr, bool* tempError = nullptr);

QString methodName(Discovery::Method m); // "tree-walk", "psl"

} // namespace ms::dmarc
