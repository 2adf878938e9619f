#include "dns/Resolver.h"

#include "dns/RecordCodec.h"
#include "trace/Translate.h"

#include <QCoreApplication>

#include <algorithm>
#include <arpa/inet.h>
#include <limits>
#include <utility>

namespace ms::dns {

namespace {
QString tr(const char* s)
{
    return ms::translate("ms::dns", s);
}

struct TypeEntry {
    Type type;
    const char* name;
};
constexpr TypeEntry kTypes[] = {
    { Type::A, "A" },
    { Type::NS, "NS" },
    { Type::CNAME, "CNAME" },
    { Type::SOA, "SOA" },
    { Type::PTR, "PTR" },
    { Type::MX, "MX" },
    { Type::TXT, "TXT" },
    { Type::AAAA, "AAAA" },
    { Type::SRV, "SRV" },
    { Type::TLSA, "TLSA" },
    { Type::SPF, "SPF" },
    { Type::ANY, "ANY" },
};

struct OutcomeEntry {
    Outcome outcome;
    const char* name;
};
constexpr OutcomeEntry kOutcomes[] = {
    { Outcome::Ok, "ok" },
    { Outcome::NoData, "nodata" },
    { Outcome::NxDomain, "nxdomain" },
    { Outcome::ServFail, "servfail" },
    { Outcome::Refused, "refused" },
    { Outcome::FormErr, "formerr" },
    { Outcome::Timeout, "timeout" },
    { Outcome::Truncated, "truncated" },
    { Outcome::Unreachable, "unreachable" },
    { Outcome::Offline, "offline" },
    { Outcome::Cancelled, "cancelled" },
    { Outcome::Malformed, "malformed" },
};

QString outcomeLabel(Outcome o)
{
    switch (o) {
    case Outcome::Ok: return tr("answer");
    case Outcome::NoData: return tr("no record of this type (NODATA)");
    case Outcome::NxDomain: return tr("the name does not exist (NXDOMAIN)");
    case Outcome::ServFail: return tr("server failure (SERVFAIL)");
    case Outcome::Refused: return tr("the server refused to answer (REFUSED)");
    case Outcome::FormErr: return tr("the server could not read the query (FORMERR)");
    case Outcome::Timeout: return tr("no answer in time (timeout)");
    case Outcome::Truncated: return tr("truncated answer (TCP not possible)");
    case Outcome::Unreachable: return tr("the server is unreachable");
    case Outcome::Offline: return tr("not asked (offline)");
    case Outcome::Cancelled: return tr("not asked (cancelled or out of time)");
    case Outcome::Malformed: return tr("malformed answer");
    }
    return {};
}

QString outcomeExplanation(const Answer& a)
{
    switch (a.outcome) {
    case Outcome::Ok: return tr("The DNS answered with the records below.");
    case Outcome::NoData:
        return tr("The name exists, but it has no %1 record. This is a definite answer, not an "
                  "error.")
            .arg(typeName(a.qtype));
    case Outcome::NxDomain:
        return tr("No such name exists in the DNS. This is a definite answer, not an error.");
    case Outcome::Offline:
    case Outcome::Cancelled:
        return tr("The query was not sent, so there is no answer. Checks that needed it report "
                  "a temporary error.");
    default:
        return tr("The DNS lookup failed. This is a temporary error (the answer might be "
                  "different if asked again), not a statement about the record.");
    }
}

QString outcomeRfc(Outcome o)
{
    switch (o) {
    case Outcome::NxDomain: return QStringLiteral("RFC 2308 2.1");
    case Outcome::NoData: return QStringLiteral("RFC 2308 2.2");
    case Outcome::Truncated: return QStringLiteral("RFC 7766 5");
    case Outcome::ServFail:
    case Outcome::Refused:
    case Outcome::FormErr: return QStringLiteral("RFC 1035 4.1.1");
    default: return {};
    }
}
} // namespace

QLatin1StringView typeNameView(Type t)
{
    for (const auto& e : kTypes) {
        if (e.type == t)
            return QLatin1StringView(e.name);
    }
    return {};
}

QString typeName(Type t)
{
    for (const auto& e : kTypes) {
        if (e.type == t)
            return QString::fromLatin1(e.name);
    }
    return QStringLiteral("TYPE%1").arg(quint16(t));
}

std::optional<Type> typeFromName(QStringView name)
{
    for (const auto& e : kTypes) {
        if (name.compare(QLatin1StringView(e.name), Qt::CaseInsensitive) == 0)
            return e.type;
    }
    if (name.startsWith(QLatin1StringView("TYPE"), Qt::CaseInsensitive)) {
        bool ok = false;
        const uint v = name.mid(4).toUInt(&ok);
        if (ok && v <= 0xffff)
            return Type(quint16(v));
    }
    return std::nullopt;
}

QLatin1StringView outcomeNameView(Outcome o)
{
    for (const auto& e : kOutcomes) {
        if (e.outcome == o)
            return QLatin1StringView(e.name);
    }
    return {};
}

QString outcomeName(Outcome o)
{
    for (const auto& e : kOutcomes) {
        if (e.outcome == o)
            return QString::fromLatin1(e.name);
    }
    return {};
}

std::optional<Outcome> outcomeFromName(QStringView name)
{
    for (const auto& e : kOutcomes) {
        if (name.compare(QLatin1StringView(e.name), Qt::CaseInsensitive) == 0)
            return e.outcome;
    }
    return std::nullopt;
}

bool isTemporary(Outcome o)
{
    // RFC 7208 5 / RFC 6376 6.1.2: only NOERROR and NXDOMAIN are answers; every other rcode,
    // a timeout, or no lookup at all leaves the result undetermined (temperror).
    switch (o) {
    case Outcome::Ok:
    case Outcome::NoData:
    case Outcome::NxDomain: return false;
    default: return true;
    }
}

QByteArray Record::text() const
{
    QByteArray out;
    for (const auto& s : strings)
        out += s;
    return out;
}

QString Record::addressString() const
{
    // QtNetwork is not a core dependency: inet_ntop gives the canonical text forms.
    char buf[INET6_ADDRSTRLEN] = {};
    if (address.size() == 4 && inet_ntop(AF_INET, address.constData(), buf, sizeof buf))
        return QString::fromLatin1(buf);
    if (address.size() == 16 && inet_ntop(AF_INET6, address.constData(), buf, sizeof buf))
        return QString::fromLatin1(buf);
    return {};
}

PendingAnswer::PendingAnswer(const QByteArray& name, Type type)
{
    m_timer.start();
    m_name = normalizeName(name, &m_why);
    m_answer.qname = m_name ? *m_name : name.left(kMaxNameLength + 2).toLower();
    m_answer.qtype = type;
}

Answer PendingAnswer::notAskable()
{
    return finish(Outcome::Malformed, tr("not asked: %1").arg(m_why));
}

Answer PendingAnswer::finish(Outcome o, const QString& error)
{
    m_answer.outcome = o;
    m_answer.error = error;
    m_answer.elapsedUs = elapsedUs();
    return std::move(m_answer);
}

Answer PendingAnswer::finish(Outcome o, int rcode, const QString& error)
{
    m_answer.rcode = rcode;
    return finish(o, error);
}

QList<Record> Answer::ofType(Type t) const
{
    // The usual answer holds only records of the asked type: share it rather than copy.
    if (std::all_of(records.cbegin(), records.cend(), [t](const Record& r) { return r.type == t; }))
        return records;
    QList<Record> out;
    for (const auto& r : records) {
        if (r.type == t)
            out << r;
    }
    return out;
}

Step answerStep(const Answer& a)
{
    const QString q = typeName(a.qtype) + QLatin1Char(' ') + QString::fromLatin1(a.qname);
    const QList<Record> finals = a.qtype == Type::ANY ? a.records : a.ofType(a.qtype);
    QString result;
    if (a.outcome == Outcome::Ok) {
        result = finals.size() == 1 ? tr("1 record") : tr("%1 records").arg(finals.size());
    } else if (a.outcome == Outcome::NoData) {
        result = tr("no %1 record (NODATA)").arg(typeName(a.qtype));
    } else {
        result = outcomeLabel(a.outcome);
    }

    Status status = Status::Info;
    if (a.outcome == Outcome::Offline || a.outcome == Outcome::Cancelled)
        status = Status::Warning;
    else if (isTemporary(a.outcome))
        status = Status::TempError;

    QString detail = outcomeExplanation(a);
    QStringList chain;
    for (const auto& r : a.records) {
        if (r.type == Type::CNAME && a.qtype != Type::CNAME)
            chain << QString::fromLatin1(r.name);
    }
    if (!chain.isEmpty()) {
        const Record last = a.ofType(Type::CNAME).constLast();
        chain << QString::fromLatin1(last.target);
        detail += QLatin1Char(' ')
            + tr("The name is an alias (CNAME); the answer is for %1.")
                  .arg(QString::fromLatin1(last.target));
    }
    if (!a.error.isEmpty())
        detail += QLatin1Char(' ') + a.error;

    QString rfc = outcomeRfc(a.outcome);
    if (rfc.isEmpty() && !chain.isEmpty())
        rfc = QStringLiteral("RFC 1034 3.6.2");

    Step s(QStringLiteral("dns.query"), status, tr("%1 → %2").arg(q, result), detail, rfc);
    s.addFact(QStringLiteral("name"), QString::fromLatin1(a.qname));
    s.addFact(QStringLiteral("type"), typeName(a.qtype));
    s.addFact(QStringLiteral("outcome"), outcomeName(a.outcome));
    s.addFact(QStringLiteral("rcode"), rcodeName(a.rcode));
    if (!chain.isEmpty())
        s.addFact(QStringLiteral("cname chain"), chain.join(QStringLiteral(" → ")));
    quint32 minTtl = std::numeric_limits<quint32>::max();
    qint64 offset = 0;
    const QString source = QStringLiteral("dns/%1").arg(a.transcriptIndex);
    for (const auto& r : a.records) {
        const QString line = recordLine(r);
        s.addFact(QStringLiteral("record"), line);
        minTtl = std::min(minTtl, r.ttl);
        const qint64 len = line.toUtf8().size();
        if (a.transcriptIndex >= 0)
            s.addSpan(source, offset, len);
        offset += len + 1;
    }
    if (!a.records.isEmpty())
        s.addFact(QStringLiteral("ttl"), QString::number(minTtl));
    s.addFact(QStringLiteral("ad"), a.authenticData ? QStringLiteral("yes") : QStringLiteral("no"));
    if (a.viaTcp)
        s.addFact(QStringLiteral("transport"), QStringLiteral("TCP (UDP answer was truncated)"));
    s.addFact(QStringLiteral("server"), a.server);
    if (!a.error.isEmpty())
        s.addFact(QStringLiteral("error"), a.error);
    s.addFact(QStringLiteral("time.duration"),
        QStringLiteral("%1 ms").arg(double(a.elapsedUs) / 1000.0, 0, 'f', 1));
    if (a.transcriptIndex >= 0)
        s.addFact(QStringLiteral("time.transcript-index"), QString::number(a.transcriptIndex));
    return s;
}

} // namespace ms::dns
