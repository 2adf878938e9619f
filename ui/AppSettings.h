#pragma once

#include "verify/Options.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ms::ui {

// Everything the Settings dialog edits, persisted with QSettings. Also written into
// evidence bundles ("settings used").
struct AppSettings {
    QString dnsServer; // "" = system resolver; "host[:port]"
    int dnsTimeoutMs = 3000;
    bool offline = false; // never ask live DNS
    bool alwaysAllowLookups = false; // skip the privacy preview before live lookups
    VerifyOptions::TimeMode timeMode = VerifyOptions::TimeMode::Now;
    QDateTime fixedTime;
    VerifyOptions::DmarcDiscovery dmarcDiscovery = VerifyOptions::DmarcDiscovery::TreeWalk;
    QStringList trustedAuthservIds;
    QStringList trustedArcSealers;
    QStringList smimeTrustFiles;
    QString language; // "" = system locale, "en", "ja"
    int fontSize = 10; // source views, points
    bool darkPalette = false;
    QStringList recentFiles;

    static AppSettings load();
    void save() const;
    void addRecent(const QString& path);

    // The verification options these settings imply (checks, time, discovery, trust).
    VerifyOptions verifyOptions() const;

    QJsonObject toJson() const;
    static AppSettings fromJson(const QJsonObject& o);
};

} // namespace ms::ui
