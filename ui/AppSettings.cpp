#include "AppSettings.h"

#include <QJsonArray>
#include <QSettings>

namespace ms::ui {

namespace {
QString timeModeName(VerifyOptions::TimeMode m)
{
    switch (m) {
    case VerifyOptions::TimeMode::Now: return QStringLiteral("now");
    case VerifyOptions::TimeMode::MessageDate: return QStringLiteral("message-date");
    case VerifyOptions::TimeMode::Fixed: return QStringLiteral("fixed");
    }
    return QStringLiteral("now");
}
VerifyOptions::TimeMode timeModeFrom(const QString& s)
{
    if (s == QLatin1String("message-date"))
        return VerifyOptions::TimeMode::MessageDate;
    if (s == QLatin1String("fixed"))
        return VerifyOptions::TimeMode::Fixed;
    return VerifyOptions::TimeMode::Now;
}
QJsonArray toArray(const QStringList& l)
{
    return QJsonArray::fromStringList(l);
}
QStringList fromArray(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& e : v.toArray())
        out << e.toString();
    return out;
}
} // namespace

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.dnsServer = s.value(QStringLiteral("dns/server")).toString();
    a.dnsTimeoutMs = qBound(100, s.value(QStringLiteral("dns/timeoutMs"), 3000).toInt(), 60000);
    a.offline = s.value(QStringLiteral("dns/offline"), false).toBool();
    a.alwaysAllowLookups = s.value(QStringLiteral("privacy/alwaysAllow"), false).toBool();
    a.timeMode = timeModeFrom(s.value(QStringLiteral("verify/timeMode")).toString());
    a.fixedTime = s.value(QStringLiteral("verify/fixedTime")).toDateTime();
    a.dmarcDiscovery
        = s.value(QStringLiteral("verify/dmarcDiscovery")).toString() == QLatin1String("psl")
        ? VerifyOptions::DmarcDiscovery::Psl
        : VerifyOptions::DmarcDiscovery::TreeWalk;
    a.trustedAuthservIds = s.value(QStringLiteral("verify/trustedAuthservIds")).toStringList();
    a.trustedArcSealers = s.value(QStringLiteral("verify/trustedArcSealers")).toStringList();
    a.smimeTrustFiles = s.value(QStringLiteral("verify/smimeTrustFiles")).toStringList();
    a.language = s.value(QStringLiteral("ui/language")).toString();
    a.fontSize = qBound(6, s.value(QStringLiteral("ui/fontSize"), 10).toInt(), 40);
    a.darkPalette = s.value(QStringLiteral("ui/dark"), false).toBool();
    a.recentFiles = s.value(QStringLiteral("ui/recentFiles")).toStringList();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("dns/server"), dnsServer);
    s.setValue(QStringLiteral("dns/timeoutMs"), dnsTimeoutMs);
    s.setValue(QStringLiteral("dns/offline"), offline);
    s.setValue(QStringLiteral("privacy/alwaysAllow"), alwaysAllowLookups);
    s.setValue(QStringLiteral("verify/timeMode"), timeModeName(timeMode));
    s.setValue(QStringLiteral("verify/fixedTime"), fixedTime);
    s.setValue(QStringLiteral("verify/dmarcDiscovery"),
        dmarcDiscovery == VerifyOptions::DmarcDiscovery::Psl ? QStringLiteral("psl")
                                                             : QStringLiteral("tree-walk"));
    s.setValue(QStringLiteral("verify/trustedAuthservIds"), trustedAuthservIds);
    s.setValue(QStringLiteral("verify/trustedArcSealers"), trustedArcSealers);
    s.setValue(QStringLiteral("verify/smimeTrustFiles"), smimeTrustFiles);
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("ui/fontSize"), fontSize);
    s.setValue(QStringLiteral("ui/dark"), darkPalette);
    s.setValue(QStringLiteral("ui/recentFiles"), recentFiles);
}

void AppSettings::addRecent(const QString& path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > 10)
        recentFiles.removeLast();
}

VerifyOptions AppSettings::verifyOptions() const
{
    VerifyOptions o;
    o.timeMode = timeMode;
    o.fixedTime = fixedTime;
    o.dmarcDiscovery = dmarcDiscovery;
    o.trustedAuthservIds = trustedAuthservIds;
    o.trustedArcSealers = trustedArcSealers;
    o.smimeTrustFiles = smimeTrustFiles;
    return o;
}

QJsonObject AppSettings::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("dnsServer"), dnsServer);
    o.insert(QStringLiteral("dnsTimeoutMs"), dnsTimeoutMs);
    o.insert(QStringLiteral("offline"), offline);
    o.insert(QStringLiteral("timeMode"), timeModeName(timeMode));
    if (fixedTime.isValid())
        o.insert(QStringLiteral("fixedTime"), fixedTime.toUTC().toString(Qt::ISODate));
    o.insert(QStringLiteral("dmarcDiscovery"),
        dmarcDiscovery == VerifyOptions::DmarcDiscovery::Psl ? QStringLiteral("psl")
                                                             : QStringLiteral("tree-walk"));
    o.insert(QStringLiteral("trustedAuthservIds"), toArray(trustedAuthservIds));
    o.insert(QStringLiteral("trustedArcSealers"), toArray(trustedArcSealers));
    o.insert(QStringLiteral("smimeTrustFiles"), toArray(smimeTrustFiles));
    return o;
}

AppSettings AppSettings::fromJson(const QJsonObject& o)
{
    AppSettings a;
    a.dnsServer = o.value(QStringLiteral("dnsServer")).toString();
    a.dnsTimeoutMs = o.value(QStringLiteral("dnsTimeoutMs")).toInt(3000);
    a.offline = o.value(QStringLiteral("offline")).toBool();
    a.timeMode = timeModeFrom(o.value(QStringLiteral("timeMode")).toString());
    a.fixedTime
        = QDateTime::fromString(o.value(QStringLiteral("fixedTime")).toString(), Qt::ISODate);
    a.dmarcDiscovery = o.value(QStringLiteral("dmarcDiscovery")).toString() == QLatin1String("psl")
        ? VerifyOptions::DmarcDiscovery::Psl
        : VerifyOptions::DmarcDiscovery::TreeWalk;
    a.trustedAuthservIds = fromArray(o.value(QStringLiteral("trustedAuthservIds")));
    a.trustedArcSealers = fromArray(o.value(QStringLiteral("trustedArcSealers")));
    a.smimeTrustFiles = fromArray(o.value(QStringLiteral("smimeTrustFiles")));
    return a;
}

} // namespace ms::ui
