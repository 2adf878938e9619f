#include "common/SpfTestUtil.h"

#include "dns/RecordCodec.h"
#include "dns/ZoneResolver.h"

namespace mstest {

static void collect(const ms::Step& s, const QString& kind, QList<const ms::Step*>& out)
{
    if (s.kind == kind)
        out.append(&s);
    for (const ms::Step& c : s.children)
        collect(c, kind, out);
}

QList<const ms::Step*> spfFindSteps(const ms::Step& root, const QString& kind)
{
    QList<const ms::Step*> out;
    collect(root, kind, out);
    return out;
}

static void dump(const ms::Step& s, int depth, bool serverFacts, QString& out)
{
    const QString indent(depth * 2, QLatin1Char(' '));
    out += indent + QStringLiteral("[%1] %2 %3").arg(ms::statusName(s.status), s.kind, s.title);
    if (!s.rfc.isEmpty())
        out += QStringLiteral(" {%1}").arg(s.rfc);
    out += QLatin1Char('\n');
    for (const ms::Fact& f : s.facts) {
        if (f.key.startsWith(QLatin1String(ms::dns::kVolatileFactPrefix)))
            continue;
        if (!serverFacts
            && (f.key == QLatin1String("server") || f.key == QLatin1String("ad")
                || f.key == QLatin1String("ttl") || f.key == QLatin1String("transport")))
            continue;
        QString value = f.value;
        if (!serverFacts && f.key == QLatin1String("record"))
            value = value.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ')
                + value.section(QLatin1Char(' '), 2); // drop the TTL column
        out += indent + QStringLiteral("  - %1: %2\n").arg(f.key, value);
    }
    for (const ms::Span& sp : s.spans) {
        if (sp.source.startsWith(QLatin1String("dns/")))
            continue; // transcript positions depend on the resolver stack
        out += indent
            + QStringLiteral("  @ %1 %2+%3\n").arg(sp.source).arg(sp.offset).arg(sp.length);
    }
    for (const ms::Step& c : s.children)
        dump(c, depth + 1, serverFacts, out);
}

QString spfTreeText(const ms::Step& root, bool withDnsServerFacts)
{
    QString out;
    dump(root, 0, withDnsServerFacts, out);
    return out;
}

ms::spf::SpfEvaluation spfEvaluateZone(const QByteArray& zone, const QString& ip,
    const QString& mailFrom, const QString& helo, QStringList* zoneErrors)
{
    QStringList errors;
    auto resolver = ms::dns::ZoneResolver::fromText(zone, &errors);
    if (zoneErrors)
        *zoneErrors = errors;
    ms::spf::SpfRequest req;
    req.ip = ip;
    req.mailFrom = mailFrom;
    req.helo = helo;
    req.receiver = QStringLiteral("mx.receiver.example");
    req.now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    return ms::spf::evaluate(req, *resolver);
}

} // namespace mstest
