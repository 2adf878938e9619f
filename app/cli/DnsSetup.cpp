#include "DnsSetup.h"

#include "dns/ZoneResolver.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace ms::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

// Offline and nothing loaded: every query is answered "offline" so checks say why.
class NoDns : public dns::Resolver
{
public:
    dns::Answer resolve(const QByteArray& name, dns::Type type) override
    {
        dns::Answer a;
        a.qname = name.toLower();
        a.qtype = type;
        a.outcome = dns::Outcome::Offline;
        a.server = QStringLiteral("offline");
        a.error = tr("offline: no zone file or transcript answers this name");
        return a;
    }
    QString describe() const override { return QStringLiteral("offline"); }
};

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
    if (!config.replayFile.isEmpty()) {
        result.error = tr("--replay-dns is not available in this build yet");
        result.usageError = true;
        return result;
    }
    if (!config.zones.isEmpty()) {
        QStringList errors;
        auto zone = dns::ZoneResolver::fromFiles(config.zones, &errors);
        for (const QString& e : errors)
            result.warnings << tr("zone: %1").arg(e);
        result.resolver = zone;
        return result;
    }
    if (config.offline) {
        result.resolver = std::make_shared<NoDns>();
        return result;
    }
    result.error = tr("live DNS is not available in this build yet; use --offline with --zone");
    result.usageError = true;
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
    Q_UNUSED(path);
    *error = tr("saving DNS transcripts is not available in this build yet");
    return false;
}

} // namespace ms::cli
