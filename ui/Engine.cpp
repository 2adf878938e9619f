#include "Engine.h"

#include "dns/LiveResolver.h"
#include "dns/Recorder.h"
#include "dns/Resolvers.h"
#include "dns/Transcript.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSet>

namespace ms::ui {

namespace {

// Answers nothing: used when DNS is off (offline without zone files) and for the preview.
class SilentResolver : public dns::Resolver
{
public:
    explicit SilentResolver(QString label)
        : m_label(std::move(label))
    {
    }
    dns::Answer resolve(const QByteArray& name, dns::Type type) override
    {
        {
            QMutexLocker lock(&m_mutex);
            const QString q = dns::typeName(type) + QLatin1Char(' ') + QString::fromLatin1(name);
            if (!m_seen.contains(q)) {
                m_seen.insert(q);
                m_asked.append(q);
            }
        }
        dns::Answer a;
        a.qname = name;
        a.qtype = type;
        a.outcome = dns::Outcome::Offline;
        a.server = m_label;
        a.error = QCoreApplication::translate("Engine", "offline: no DNS query was sent");
        return a;
    }
    QString describe() const override { return m_label; }
    QStringList asked() const
    {
        QMutexLocker lock(&m_mutex);
        return m_asked;
    }

private:
    QString m_label;
    mutable QMutex m_mutex;
    QSet<QString> m_seen;
    QStringList m_asked;
};

} // namespace

QString WhatIfRecord::masterLine() const
{
    QString owner = name.trimmed();
    if (!owner.endsWith(QLatin1Char('.')))
        owner += QLatin1Char('.');
    return QStringLiteral("%1 %2 IN %3 %4")
        .arg(owner)
        .arg(ttl)
        .arg(type.trimmed().toUpper(), value.trimmed());
}

bool usesLiveDns(const VerifyRequest& r)
{
    return !r.replay && !r.offline && r.zoneFiles.isEmpty();
}

dns::ResolverPtr buildResolver(const VerifyRequest& r, QStringList* notes, QString* description)
{
    dns::ResolverPtr base;
    QStringList parts;
    if (r.replay) {
        base = std::make_shared<dns::ReplayResolver>(*r.replay);
        parts << QCoreApplication::translate(
            "Engine", "replayed DNS transcript (%n answers)", nullptr, int(r.replay->size()));
    } else if (!r.zoneFiles.isEmpty()) {
        QStringList errors;
        base = dns::ZoneResolver::fromFiles(r.zoneFiles, &errors);
        if (notes)
            *notes << errors;
        QStringList names;
        for (const QString& z : r.zoneFiles)
            names << QFileInfo(z).fileName();
        parts << QCoreApplication::translate("Engine", "zone files: %1")
                     .arg(names.join(QStringLiteral(", ")));
    } else if (r.offline) {
        base = std::make_shared<dns::OfflineResolver>();
        parts << QCoreApplication::translate("Engine", "offline (no DNS)");
    } else {
        dns::LiveOptions lo;
        lo.timeoutMs = r.dnsTimeoutMs;
        lo.dnssecOk = true; // so the AD flag can be reported
        if (!r.dnsServer.isEmpty()) {
            QString err;
            if (auto addr = dns::ServerAddress::parse(r.dnsServer, &err))
                lo.servers << *addr;
            else if (notes)
                *notes << QCoreApplication::translate("Engine", "DNS server \"%1\": %2")
                              .arg(r.dnsServer, err);
        }
        auto live = std::make_shared<dns::LiveResolver>(lo);
        if (!live->configError().isEmpty() && notes)
            *notes << live->configError();
        // One cache per server setting, shared by re-verifications (what-if, envelope edits)
        // so they do not ask the same questions again.
        static QMutex cacheMutex;
        static QHash<QString, std::shared_ptr<dns::CachingResolver>> caches;
        const QString key = r.dnsServer + QLatin1Char('/') + QString::number(r.dnsTimeoutMs);
        QMutexLocker lock(&cacheMutex);
        auto& cache = caches[key];
        if (!cache)
            cache = std::make_shared<dns::CachingResolver>(live);
        base = cache;
        parts << QCoreApplication::translate("Engine", "live DNS (%1)").arg(live->describe());
    }
    if (!r.whatIf.isEmpty()) {
        QByteArray text;
        for (const WhatIfRecord& w : r.whatIf)
            text += w.masterLine().toUtf8() + '\n';
        QStringList errors;
        auto overlay = std::make_shared<dns::OverlayResolver>(base);
        overlay->setRecords(text, &errors);
        if (notes) {
            for (const QString& e : errors)
                *notes << QCoreApplication::translate("Engine", "what-if record: %1").arg(e);
        }
        base = overlay;
        parts << QCoreApplication::translate(
            "Engine", "what-if (%n records)", nullptr, int(r.whatIf.size()));
    }
    if (description)
        *description = parts.join(QStringLiteral(" + "));
    return base;
}

VerifyResult runVerification(const VerifyRequest& request, const std::atomic_bool* cancelled,
    const Verifier::Progress& progress)
{
    VerifyResult out;
    dns::ResolverPtr resolver = buildResolver(request, &out.notes, &out.resolverDescription);
    const Message message = Message::parse(request.bytes);
    Verifier verifier(request.options, resolver);
    out.report = verifier.verify(message, request.fileName, cancelled, progress);
    return out;
}

QStringList previewQueries(const VerifyRequest& request, const std::atomic_bool* cancelled)
{
    auto silent = std::make_shared<SilentResolver>(QStringLiteral("preview"));
    VerifyRequest r = request;
    const Message message = Message::parse(r.bytes);
    r.options.tlsFetchMtaStsPolicy = false;
    r.options.tlsLiveSmtpCheck = false;
    Verifier verifier(r.options, silent);
    verifier.verify(message, r.fileName, cancelled);
    return silent->asked();
}

} // namespace ms::ui
