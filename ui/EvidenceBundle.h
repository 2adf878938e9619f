#pragma once

#include "AppSettings.h"
#include "Engine.h"
#include "dns/Resolver.h"
#include "report/Report.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ms::ui {

// An evidence bundle: everything needed to show a report again and to replay its
// verification exactly — the message bytes, the report (JSON), the DNS transcript (with the
// wire-format RDATA, so the replay sees the same records), the envelope overrides, the
// what-if records and the settings used. One JSON file, "schema": "mailscope-evidence/1".
struct EvidenceBundle {
    QString file;
    QString title;
    QByteArray message;
    QDateTime evaluationTime;
    std::optional<QString> clientIp, helo, mailFrom;
    QList<WhatIfRecord> whatIf;
    QStringList zones; // names only, for the record (the answers are in dns)
    AppSettings settings;
    QJsonObject report; // ms::toJson of the report when saved
    QList<dns::Answer> dns;

    QByteArray toBytes() const;
    static std::optional<EvidenceBundle> fromBytes(const QByteArray& bytes, QString* error);
};

} // namespace ms::ui
