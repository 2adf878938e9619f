#include "dns/Transcript.h"

#include "dns/RecordCodec.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace ms::dns {

namespace {

QString tr(const char* s)
{
    return ms::translate("ms::dns", s);
}

constexpr qint64 kMaxTranscriptBytes = 64 * 1024 * 1024;
constexpr int kMaxAnswers = 100000;

QByteArray replayKey(const QByteArray& name, Type type)
{
    const auto n = normalizeName(name);
    return (n ? *n : name.toLower()) + '/' + QByteArray::number(quint16(type));
}

} // namespace

QJsonObject transcriptToJson(const QList<Answer>& answers)
{
    QJsonArray list;
    for (const auto& a : answers) {
        QJsonObject o;
        o.insert(QStringLiteral("qname"), QString::fromLatin1(a.qname));
        o.insert(QStringLiteral("qtype"), typeName(a.qtype));
        o.insert(QStringLiteral("qtypeCode"), int(quint16(a.qtype)));
        o.insert(QStringLiteral("outcome"), outcomeName(a.outcome));
        o.insert(QStringLiteral("rcode"), a.rcode);
        o.insert(QStringLiteral("ad"), a.authenticData);
        o.insert(QStringLiteral("tcp"), a.viaTcp);
        o.insert(QStringLiteral("server"), a.server);
        o.insert(QStringLiteral("elapsedUs"), a.elapsedUs);
        o.insert(QStringLiteral("error"), a.error);
        o.insert(QStringLiteral("transcriptIndex"), a.transcriptIndex);
        QJsonArray recs;
        for (const auto& r : a.records) {
            QJsonObject ro;
            ro.insert(QStringLiteral("name"), QString::fromLatin1(r.name));
            ro.insert(QStringLiteral("type"), typeName(r.type));
            ro.insert(QStringLiteral("typeCode"), int(quint16(r.type)));
            ro.insert(QStringLiteral("ttl"), qint64(r.ttl));
            ro.insert(QStringLiteral("rdata"), QString::fromLatin1(r.rdata.toBase64()));
            ro.insert(QStringLiteral("presentation"), r.presentation); // for readers only
            recs.append(ro);
        }
        o.insert(QStringLiteral("records"), recs);
        list.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("schema"), QLatin1String(kTranscriptSchema));
    root.insert(QStringLiteral("answers"), list);
    return root;
}

QByteArray saveTranscript(const QList<Answer>& answers)
{
    return QJsonDocument(transcriptToJson(answers)).toJson(QJsonDocument::Indented);
}

bool saveTranscriptFile(const QList<Answer>& answers, const QString& path, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(saveTranscript(answers)) < 0 || !f.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

std::optional<QList<Answer>> transcriptFromJson(const QJsonObject& root, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<QList<Answer>> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String(kTranscriptSchema))
        return fail(tr("not a DNS transcript (expected \"schema\": \"%1\")")
                        .arg(QLatin1String(kTranscriptSchema)));
    const QJsonValue listValue = root.value(QStringLiteral("answers"));
    if (!listValue.isArray())
        return fail(tr("the transcript has no \"answers\" array"));
    const QJsonArray list = listValue.toArray();
    if (list.size() > kMaxAnswers)
        return fail(tr("the transcript has more than %1 answers").arg(kMaxAnswers));
    QList<Answer> out;
    out.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = tr("answer %1").arg(i + 1);
        if (!list[i].isObject())
            return fail(tr("%1 is not an object").arg(where));
        const QJsonObject o = list[i].toObject();
        Answer a;
        QString why;
        // A query for an invalid name is recorded too (as Malformed), so the name is only
        // bounded here, not validated.
        const QByteArray qname = o.value(QStringLiteral("qname")).toString().toLatin1();
        if (qname.isEmpty() || qname.size() > 2 * kMaxNameLength)
            return fail(tr("%1: invalid qname").arg(where));
        a.qname = qname;
        const int qtypeCode = o.value(QStringLiteral("qtypeCode")).toInt(-1);
        if (qtypeCode < 0 || qtypeCode > 0xffff)
            return fail(tr("%1: invalid qtypeCode").arg(where));
        a.qtype = Type(quint16(qtypeCode));
        const auto outcome = outcomeFromName(o.value(QStringLiteral("outcome")).toString());
        if (!outcome)
            return fail(tr("%1: unknown outcome").arg(where));
        a.outcome = *outcome;
        a.rcode = o.value(QStringLiteral("rcode")).toInt(0);
        if (a.rcode < 0 || a.rcode > 4095)
            return fail(tr("%1: invalid rcode").arg(where));
        a.authenticData = o.value(QStringLiteral("ad")).toBool();
        a.viaTcp = o.value(QStringLiteral("tcp")).toBool();
        a.server = o.value(QStringLiteral("server")).toString().left(1000);
        // A hostile transcript may say 1e300 (or NaN): converting that to an integer is
        // undefined behaviour, so anything outside 0..~30 years is read as 0.
        const double us = o.value(QStringLiteral("elapsedUs")).toDouble();
        a.elapsedUs = us >= 0 && us < 1e15 ? qint64(us) : 0;
        a.error = o.value(QStringLiteral("error")).toString().left(10000);
        a.transcriptIndex = o.value(QStringLiteral("transcriptIndex")).toInt(-1);
        const QJsonArray recs = o.value(QStringLiteral("records")).toArray();
        if (recs.size() > kMaxRecordsPerAnswer)
            return fail(tr("%1: more than %2 records").arg(where).arg(kMaxRecordsPerAnswer));
        for (qsizetype j = 0; j < recs.size(); ++j) {
            const QString rwhere = tr("%1, record %2").arg(where).arg(j + 1);
            const QJsonObject ro = recs[j].toObject();
            const auto owner
                = normalizeName(ro.value(QStringLiteral("name")).toString().toLatin1(), &why);
            if (!owner)
                return fail(tr("%1: invalid name: %2").arg(rwhere, why));
            const int typeCode = ro.value(QStringLiteral("typeCode")).toInt(-1);
            const double ttl = ro.value(QStringLiteral("ttl")).toDouble(-1);
            if (typeCode < 0 || typeCode > 0xffff || !(ttl >= 0 && ttl <= 4294967295.0)) // NaN too
                return fail(tr("%1: invalid type or TTL").arg(rwhere));
            const QByteArray b64 = ro.value(QStringLiteral("rdata")).toString().toLatin1();
            const auto decoded
                = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return fail(tr("%1: rdata is not base64").arg(rwhere));
            const auto rec
                = makeRecord(*owner, quint16(typeCode), quint32(ttl), decoded.decoded, &why);
            if (!rec)
                return fail(tr("%1: %2").arg(rwhere, why));
            a.records << *rec;
        }
        out << a;
    }
    return out;
}

std::optional<QList<Answer>> loadTranscript(const QByteArray& json, QString* error)
{
    if (json.size() > kMaxTranscriptBytes) {
        if (error)
            *error = tr("the transcript is larger than 64 MB");
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = pe.error != QJsonParseError::NoError
                ? tr("not valid JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString())
                : tr("the transcript is not a JSON object");
        return std::nullopt;
    }
    return transcriptFromJson(doc.object(), error);
}

std::optional<QList<Answer>> loadTranscriptFile(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot read %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    if (f.size() > kMaxTranscriptBytes) {
        if (error)
            *error = tr("%1 is larger than 64 MB").arg(path);
        return std::nullopt;
    }
    QString why;
    auto out = loadTranscript(f.readAll(), &why);
    if (!out && error)
        *error = QStringLiteral("%1: %2").arg(path, why);
    return out;
}

ReplayResolver::ReplayResolver(QList<Answer> transcript, QString label)
    : m_label(std::move(label))
{
    for (auto& a : transcript)
        m_answers[replayKey(a.qname, a.qtype)].append(a);
}

std::shared_ptr<ReplayResolver> ReplayResolver::fromFile(const QString& path, QString* error)
{
    auto answers = loadTranscriptFile(path, error);
    if (!answers)
        return nullptr;
    return std::make_shared<ReplayResolver>(*answers, QFileInfo(path).fileName());
}

Answer ReplayResolver::resolve(const QByteArray& name, Type type)
{
    const QByteArray k = replayKey(name, type);
    QMutexLocker lock(&m_mutex);
    const auto it = m_answers.constFind(k);
    if (it == m_answers.constEnd() || it->isEmpty()) {
        Answer a;
        const auto n = normalizeName(name);
        a.qname = n ? *n : name.left(kMaxNameLength + 2).toLower();
        a.qtype = type;
        a.outcome = Outcome::Offline;
        a.server = QStringLiteral("replay");
        a.error = tr("not in the replayed DNS transcript (%1): %2 %3; no query was sent")
                      .arg(m_label, typeName(type), QString::fromLatin1(a.qname));
        return a;
    }
    int& next = m_next[k];
    Answer a = it->at(std::min<qsizetype>(next, it->size() - 1));
    if (next < it->size() - 1)
        ++next;
    a.server = QStringLiteral("replay:") + a.server;
    a.transcriptIndex = -1;
    return a;
}

QString ReplayResolver::describe() const
{
    return tr("replay of %1").arg(m_label);
}

} // namespace ms::dns
