#pragma once

#include "dns/Resolver.h"

#include <QHash>
#include <QReadWriteLock>
#include <QSet>
#include <QStringList>

#include <memory>

namespace ms::dns {

// Answers from standard master files (RFC 1035 5), read by ldns. The loaded files are the
// whole DNS world: a name that is neither an owner nor an ancestor of one (an empty
// non-terminal) does not exist (NXDOMAIN); a name that exists without the asked type is
// NODATA. Many domains may share one file and an SOA is optional. Wildcards (RFC 4592)
// and CNAMEs (bounded, loops reported) are followed; names are case-insensitive.
// $ORIGIN and $TTL are honoured; $INCLUDE is refused (a zone must not read other files).
// Character-strings longer than 255 bytes are split, as people paste DKIM keys that way.
class ZoneResolver : public Resolver
{
public:
    ZoneResolver() = default;

    // Adds a master file. origin: the initial $ORIGIN (empty = none; relative names are
    // then an error until a $ORIGIN line). Returns false if any line failed; the others are
    // kept, and errors() lists every problem as "file:line: reason".
    bool addFile(const QString& path, const QByteArray& origin = {});
    bool addText(const QByteArray& text, const QString& label = QStringLiteral("text"),
        const QByteArray& origin = {});
    void addRecord(const Record& r);

    QStringList errors() const;
    QList<Record> records() const; // every record, in load order
    qsizetype recordCount() const;

    // Convenience loaders: the resolver, with every parse error in *errors.
    static std::shared_ptr<ZoneResolver> fromFiles(
        const QStringList& paths, QStringList* errors = nullptr);
    static std::shared_ptr<ZoneResolver> fromText(
        const QByteArray& text, QStringList* errors = nullptr, const QByteArray& origin = {});

    // Parses master-file text into records without a resolver (used by the overlay).
    static QList<Record> parse(const QByteArray& text, const QString& label,
        const QByteArray& origin, QStringList* errors);

    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;

private:
    QList<Record> nodeRecords(const QByteArray& name, bool* wildcard, bool* exists) const;

    mutable QReadWriteLock m_lock;
    QHash<QByteArray, QList<Record>> m_nodes; // owner → records, file order
    QSet<QByteArray> m_existing; // owners and all their ancestors
    QList<Record> m_all;
    QStringList m_errors;
    QStringList m_labels; // file names, for describe()/server
    QString m_server; // "zone:<labels>", each answer's server
    void addLabel(const QString& label); // with m_lock held for writing
};

} // namespace ms::dns
