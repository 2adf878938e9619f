#include "DnsSetup.h"

#include "dns/LiveResolver.h"
#include "dns/Resolvers.h"
#include "dns/Transcript.h"
#include "dns/ZoneResolver.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace ms::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

} // namespace

DnsSetupResult makeResolver(const DnsConfig& config)
{
    DnsSetupResult result;
    for (const QString& z : config.zones) {
        const QFileInfo fi(z);
        if (!fi.isFile() || !fi.isReadable()) {
            result.error = tr("--zone: cannot read '%1'").arg(z);
            return result;
        }
    }

    // The base: a replayed transcript, nothing (offline), or live DNS (cached for the batch).
    dns::ResolverPtr base;
    if (!config.replayFile.isEmpty()) {
        QString error;
        base = dns::ReplayResolver::fromFile(config.replayFile, &error);
        if (!base) {
            result.error = tr("--replay-dns: %1").arg(error);
            return result;
        }
    } else if (config.offline) {
        if (!config.server.isEmpty())
            result.warnings << tr("--dns-server is ignored with --offline");
    } else if (!config.zones.isEmpty() && config.server.isEmpty()) {
        // --zone alone means offline: a suspicious message's sender learns of every live
        // lookup, so live DNS behind the zone files needs an explicit --dns-server.
    } else {
        dns::LiveOptions live;
        if (!config.server.isEmpty()) {
            QString error;
            const auto server = dns::ServerAddress::parse(config.server, &error);
            if (!server) {
                result.error = tr("--dns-server: %1").arg(error);
                result.usageError = true;
                return result;
            }
            live.servers = { *server };
        }
        result.live = true;
        auto resolver = std::make_shared<dns::LiveResolver>(live);
        if (!resolver->configError().isEmpty())
            result.warnings << tr("live DNS: %1").arg(resolver->configError());
        base = std::make_shared<dns::CachingResolver>(resolver);
    }

    if (config.zones.isEmpty()) {
        result.resolver = base ? base : std::make_shared<dns::OfflineResolver>();
        return result;
    }
    QStringList errors;
    auto zone = dns::ZoneResolver::fromFiles(config.zones, &errors);
    for (const QString& e : errors)
        result.warnings << tr("zone: %1").arg(e);
    if (!base) {
        // Offline: the zone files are the whole DNS (unknown names do not exist).
        result.resolver = zone;
        return result;
    }
    // Zone records replace what the base says for their names and types; everything else
    // is answered by the base.
    auto overlay = std::make_shared<dns::OverlayResolver>(base);
    QHash<QByteArray, QList<dns::Record>> sets;
    QList<QByteArray> order;
    for (const dns::Record& r : zone->records()) {
        const QByteArray key = r.name + '\t' + QByteArray::number(int(r.type));
        if (!sets.contains(key))
            order << key;
        sets[key].append(r);
    }
    for (const QByteArray& key : order) {
        const QList<dns::Record>& rs = sets[key];
        overlay->setRecords(rs.first().name, rs.first().type, rs);
    }
    result.resolver = overlay;
    return result;
}

void TranscriptCollector::add(const QList<dns::Answer>& answers)
{
    QMutexLocker lock(&m_mutex);
    for (const dns::Answer& a : answers) {
        const QByteArray key = a.qname + '/' + QByteArray::number(int(a.qtype));
        if (m_seen.contains(key))
            continue;
        m_seen.insert(key, int(m_answers.size()));
        m_answers.append(a);
    }
}

bool TranscriptCollector::save(const QString& path, QString* error) const
{
    QMutexLocker lock(&m_mutex);
    return dns::saveTranscriptFile(m_answers, path, error);
}

} // namespace ms::cli
