#include "EvidenceBundle.h"

#include "dns/Transcript.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace ms::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(EvidenceBundle)
};
const QLatin1String kSchema("mailscope-evidence/1");
} // namespace

QByteArray EvidenceBundle::toBytes() const
{
    QJsonObject o;
    o.insert(QStringLiteral("schema"), kSchema);
    o.insert(QStringLiteral("generator"), QStringLiteral("Mailscope " MAILSCOPE_VERSION));
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("message"), QString::fromLatin1(message.toBase64()));
    o.insert(QStringLiteral("evaluationTime"), evaluationTime.toUTC().toString(Qt::ISODateWithMs));
    QJsonObject env;
    if (clientIp)
        env.insert(QStringLiteral("clientIp"), *clientIp);
    if (helo)
        env.insert(QStringLiteral("helo"), *helo);
    if (mailFrom)
        env.insert(QStringLiteral("mailFrom"), *mailFrom);
    o.insert(QStringLiteral("envelopeOverrides"), env);
    QJsonArray w;
    for (const WhatIfRecord& r : whatIf)
        w.append(r.masterLine());
    o.insert(QStringLiteral("whatIf"), w);
    o.insert(QStringLiteral("zones"), QJsonArray::fromStringList(zones));
    o.insert(QStringLiteral("settings"), settings.toJson());
    o.insert(QStringLiteral("report"), report);
    o.insert(QStringLiteral("dnsTranscript"), dns::transcriptToJson(dns));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<EvidenceBundle> EvidenceBundle::fromBytes(const QByteArray& bytes, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (!doc.isObject()) {
        if (error)
            *error = Tr::tr("not an evidence bundle: %1").arg(pe.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("schema")).toString() != kSchema) {
        if (error)
            *error = Tr::tr("not an evidence bundle (schema \"%1\")")
                         .arg(o.value(QStringLiteral("schema")).toString());
        return std::nullopt;
    }
    EvidenceBundle b;
    b.file = o.value(QStringLiteral("file")).toString();
    b.title = o.value(QStringLiteral("title")).toString();
    b.message = QByteArray::fromBase64(o.value(QStringLiteral("message")).toString().toLatin1());
    b.evaluationTime = QDateTime::fromString(
        o.value(QStringLiteral("evaluationTime")).toString(), Qt::ISODateWithMs);
    const QJsonObject env = o.value(QStringLiteral("envelopeOverrides")).toObject();
    if (env.contains(QStringLiteral("clientIp")))
        b.clientIp = env.value(QStringLiteral("clientIp")).toString();
    if (env.contains(QStringLiteral("helo")))
        b.helo = env.value(QStringLiteral("helo")).toString();
    if (env.contains(QStringLiteral("mailFrom")))
        b.mailFrom = env.value(QStringLiteral("mailFrom")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("whatIf")).toArray()) {
        // "name. ttl IN TYPE value"
        const QStringList parts = v.toString().split(QLatin1Char(' '));
        if (parts.size() < 5)
            continue;
        WhatIfRecord r;
        r.name = parts[0].endsWith(QLatin1Char('.')) ? parts[0].chopped(1) : parts[0];
        r.ttl = parts[1].toUInt();
        r.type = parts[3];
        r.value = parts.mid(4).join(QLatin1Char(' '));
        b.whatIf << r;
    }
    for (const QJsonValue& v : o.value(QStringLiteral("zones")).toArray())
        b.zones << v.toString();
    b.settings = AppSettings::fromJson(o.value(QStringLiteral("settings")).toObject());
    b.report = o.value(QStringLiteral("report")).toObject();
    QString why;
    auto transcript
        = dns::transcriptFromJson(o.value(QStringLiteral("dnsTranscript")).toObject(), &why);
    if (!transcript) {
        if (error)
            *error = Tr::tr("the DNS transcript in the bundle is damaged: %1").arg(why);
        return std::nullopt;
    }
    b.dns = *transcript;
    if (b.message.isEmpty()) {
        if (error)
            *error = Tr::tr("the bundle holds no message");
        return std::nullopt;
    }
    return b;
}

} // namespace ms::ui
