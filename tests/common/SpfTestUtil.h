#pragma once

#include "dns/Resolver.h"
#include "spf/Spf.h"
#include "trace/Step.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mstest {

// Every step of `kind` in the tree, depth first (pointers into root).
QList<const ms::Step*> spfFindSteps(const ms::Step& root, const QString& kind);

// The tree as indented text with titles, statuses, facts and spans, minus the facts that
// vary between resolvers (durations, server, transcript positions). Used to compare the
// same evaluation over different resolvers.
QString spfTreeText(const ms::Step& root, bool withDnsServerFacts = false);

// A zone-file resolver over `zone` (master-file text) evaluating one request.
ms::spf::SpfEvaluation spfEvaluateZone(const QByteArray& zone, const QString& ip,
    const QString& mailFrom, const QString& helo = QStringLiteral("mail.example.org"),
    QStringList* zoneErrors = nullptr);

} // namespace mstest
