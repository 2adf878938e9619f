#pragma once

#include "trace/Source.h"
#include "trace/Step.h"
#include "verify/Check.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms::tls {

// Limits for the policy fetch (RFC 8461 3.3 asks for a timeout and a size limit).
constexpr qint64 kMaxMtaStsPolicyBytes = 64 * 1024;

// The id of a _mta-sts TXT record: 1 to 32 letters and digits (RFC 8461 3.1).
bool isValidMtaStsId(const QString& id);

// One field line of a policy file, where it stands in the body.
struct MtaStsField {
    QString key; // lower-case
    QString value;
    qint64 offset = 0; // of the line in the body
    qint64 length = 0;
};

// A parsed policy file (RFC 8461 3.2).
struct MtaStsPolicy {
    bool valid = false;
    QString version; // "STSv1"
    QString mode; // "enforce", "testing", "none"
    qint64 maxAge = -1; // seconds
    QStringList mx; // patterns, "mail.example.com" or "*.example.com"
    QList<MtaStsField> fields;
    QStringList problems; // plain words, translated; non-empty = not usable
    QStringList notes; // ignored lines, unknown fields
};
MtaStsPolicy parseMtaStsPolicy(const QByteArray& body);

// RFC 8461 4.1: an mx pattern names one host, or "*.example.com" for exactly one more
// left-most label (not example.com itself, not a.b.example.com).
bool mxPatternMatches(const QString& pattern, const QString& host);

struct MtaStsFetch {
    Step step; // "tls.mta-sts.policy"
    QJsonObject json; // merged into the domain's "mtaSts" object
    QList<Source> sources; // the policy body and the policy host's certificates
    std::optional<MtaStsPolicy> policy; // as parsed, when the file was fetched
};

// Fetches https://mta-sts.<domain>/.well-known/mta-sts.txt (only called when
// options.tlsFetchMtaStsPolicy is set): the host's addresses through ctx.dns (A, AAAA), TLS
// with the chain judged against the system store plus options.tlsTrustFiles and the host
// name, no redirects, at most kMaxMtaStsPolicyBytes, options.tlsMtaStsTimeoutMs per
// attempt, Content-Type text/plain; then the policy and each of mxHosts against it.
// With options.mtaStsCache, a usable policy fetched earlier in the run for the same domain
// and TXT id (and still within its max_age) is shown again instead of asking once more.
MtaStsFetch fetchMtaStsPolicy(
    const CheckContext& ctx, const QString& domain, const QString& id, const QStringList& mxHosts);

// RFC 8461 3.3, 5.1: a sender keeps a fetched policy for max_age seconds and fetches anew
// when the _mta-sts TXT id changes. One per run (a CLI batch): a batch of a domain's mail
// then asks its policy host once, not once per message. Thread-safe; bounded.
class MtaStsPolicyCache
{
public:
    struct Entry {
        MtaStsFetch fetch; // with a valid policy (its maxAge says how long it is kept)
        QDateTime fetchedAt; // wall clock, UTC
        qint64 maxAge() const { return fetch.policy ? fetch.policy->maxAge : 0; }
    };
    static constexpr int kMaxEntries = 256;

    std::optional<Entry> find(const QString& key, const QDateTime& now) const;
    void insert(const QString& key, Entry entry);
    int size() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace ms::tls
