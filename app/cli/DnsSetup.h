#pragma once

#include "dns/Resolver.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

namespace ms::cli {

struct DnsConfig {
    QStringList zones; // master files
    bool offline = false;
    QString server; // HOST[:PORT] for live lookups; empty = system resolvers
    QString replayFile; // a saved transcript
};

struct DnsSetupResult {
    dns::ResolverPtr resolver; // null on error
    QString error;
    bool usageError = false; // bad option value (exit 2) rather than unreadable file (3)
    QStringList warnings; // e.g. lines of a zone file that did not parse
    bool live = false; // live DNS behind the answers: the network may be used at all
};

// The resolver the options ask for: replayed transcript and/or zone files first; live DNS
// (system or --dns-server, cached for the batch) for everything else unless offline.
DnsSetupResult makeResolver(const DnsConfig& config);

// Every distinct answer a batch used (first answer per name and type), for --save-dns.
class TranscriptCollector
{
public:
    void add(const QList<dns::Answer>& answers);
    bool save(const QString& path, QString* error) const;

private:
    mutable QMutex m_mutex;
    QList<dns::Answer> m_answers;
    QHash<QByteArray, int> m_seen;
};

} // namespace ms::cli
