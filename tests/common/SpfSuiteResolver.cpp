#include "common/SpfSuiteResolver.h"

#include "dns/RecordCodec.h"

#include <QJsonDocument>
#include <QProcess>

#include <arpa/inet.h>

using namespace ms;

namespace mstest {

namespace {

QByteArray normalized(QByteArray name)
{
    name = name.toLower();
    while (name.endsWith('.'))
        name.chop(1);
    return name;
}

QByteArray wireName(const QByteArray& name)
{
    QByteArray out;
    const QByteArray n = normalized(name);
    if (!n.isEmpty()) {
        for (const QByteArray& label : n.split('.')) {
            out += char(std::min<qsizetype>(label.size(), 63));
            out += label.left(63);
        }
    }
    out += '\0';
    return out;
}

QByteArray utf8(const QJsonValue& v)
{
    if (v.isDouble())
        return QByteArray::number(v.toDouble());
    return v.toString().toUtf8();
}

std::optional<dns::Type> typeOf(const QString& key)
{
    return dns::typeFromName(key);
}

} // namespace

SpfSuiteResolver::SpfSuiteResolver(const QJsonObject& zonedata)
{
    for (auto it = zonedata.begin(); it != zonedata.end(); ++it) {
        const QByteArray owner = normalized(it.key().toUtf8());
        QList<Entry>& entries = m_zone[owner];
        for (const QJsonValue& item : it.value().toArray()) {
            Entry e;
            if (item.isString() && item.toString() == QLatin1String("TIMEOUT")) {
                e.timeout = true;
                entries.append(e);
                continue;
            }
            const QJsonObject obj = item.toObject();
            if (obj.isEmpty())
                continue;
            const QString key = obj.begin().key();
            const QJsonValue value = obj.begin().value();
            const auto type = typeOf(key);
            if (!type)
                continue;
            e.type = *type;
            QByteArray rdata;
            switch (*type) {
            case dns::Type::TXT:
            case dns::Type::SPF: {
                if (value.isString() && value.toString() == QLatin1String("NONE")) {
                    e.none = true;
                    break;
                }
                QList<QByteArray> strings;
                if (value.isArray()) {
                    for (const QJsonValue& s : value.toArray())
                        strings.append(utf8(s));
                } else {
                    strings.append(utf8(value));
                }
                for (const QByteArray& s : strings) {
                    // Longer strings are split as a zone file would (255 bytes each).
                    for (qsizetype i = 0; i < std::max<qsizetype>(s.size(), 1); i += 255) {
                        rdata += char(std::min<qsizetype>(s.size() - i, 255));
                        rdata += s.mid(i, 255);
                    }
                }
                e.record.strings = strings;
                break;
            }
            case dns::Type::A:
            case dns::Type::AAAA: {
                const QByteArray text = utf8(value);
                unsigned char buf[16] = {};
                const bool v6 = *type == dns::Type::AAAA;
                if (inet_pton(v6 ? AF_INET6 : AF_INET, text.constData(), buf) != 1)
                    continue;
                rdata = QByteArray(reinterpret_cast<const char*>(buf), v6 ? 16 : 4);
                e.record.address = rdata;
                break;
            }
            case dns::Type::MX: {
                const QJsonArray mx = value.toArray();
                const int pref = mx.at(0).toInt();
                rdata += char((pref >> 8) & 0xff);
                rdata += char(pref & 0xff);
                rdata += wireName(utf8(mx.at(1)));
                e.record.preference = quint16(pref);
                e.record.target = normalized(utf8(mx.at(1)));
                break;
            }
            case dns::Type::PTR:
            case dns::Type::CNAME:
                rdata = wireName(utf8(value));
                e.record.target = normalized(utf8(value));
                break;
            default: continue;
            }
            e.record.name = owner;
            e.record.type = *type;
            e.record.ttl = 300;
            e.record.rdata = rdata;
            if (!e.none) {
                if (auto made = dns::makeRecord(owner, quint16(*type), 300, rdata)) {
                    made->strings = e.record.strings.isEmpty() ? made->strings : e.record.strings;
                    e.record = *made;
                }
            }
            entries.append(e);
        }
    }
}

dns::Answer SpfSuiteResolver::resolve(const QByteArray& name, dns::Type type)
{
    dns::Answer a;
    a.qname = normalized(name);
    a.qtype = type;
    a.server = describe();
    QByteArray current = a.qname;
    for (int hop = 0; hop <= dns::kMaxCnameChain; ++hop) {
        const auto it = m_zone.constFind(current);
        if (it == m_zone.constEnd()) {
            a.outcome = dns::Outcome::NxDomain;
            a.rcode = 3;
            return a;
        }
        const QList<Entry>& entries = *it;
        bool hasTxt = false;
        for (const Entry& e : entries)
            hasTxt = hasTxt || (!e.timeout && e.type == dns::Type::TXT);
        // The records usable for this query, read in order up to a TIMEOUT element.
        QList<dns::Record> found;
        const dns::Record* cname = nullptr;
        bool timeout = false;
        for (const Entry& e : entries) {
            if (e.timeout) {
                timeout = true;
                break;
            }
            if (e.none)
                continue;
            if (e.type == type || (type == dns::Type::TXT && !hasTxt && e.type == dns::Type::SPF)) {
                dns::Record r = e.record;
                r.type = type;
                found.append(r);
            } else if (e.type == dns::Type::CNAME && type != dns::Type::CNAME && !cname) {
                cname = &e.record;
            }
        }
        if (found.isEmpty() && cname) {
            a.records.append(*cname);
            current = cname->target;
            continue;
        }
        if (found.isEmpty() && timeout) {
            a.outcome = dns::Outcome::Timeout;
            a.error = QStringLiteral("TIMEOUT in the suite's zone data");
            a.records.clear();
            return a;
        }
        a.records += found;
        a.outcome = found.isEmpty() ? dns::Outcome::NoData : dns::Outcome::Ok;
        return a;
    }
    a.outcome = dns::Outcome::ServFail;
    a.rcode = 2;
    a.error = QStringLiteral("CNAME chain too long or looping");
    a.records.clear();
    return a;
}

QJsonArray loadYamlDocuments(const QString& path, QString* error)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"),
            QStringLiteral(
                "import sys, json, yaml\n"
                "docs = [d for d in yaml.safe_load_all(open(sys.argv[1], encoding='utf-8'))]\n"
                "json.dump(docs, sys.stdout)\n"),
            path });
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("could not convert %1 with python3-yaml (install python3-yaml): %2")
                     .arg(path, QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return {};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &pe);
    if (!doc.isArray()) {
        *error = QStringLiteral("python3-yaml output is not JSON: %1").arg(pe.errorString());
        return {};
    }
    return doc.array();
}

QList<SpfSuiteCase> spfSuiteCases(const QJsonArray& documents)
{
    QList<SpfSuiteCase> out;
    for (const QJsonValue& d : documents) {
        const QJsonObject scenario = d.toObject();
        const QString name = scenario.value(QStringLiteral("description")).toString();
        const QJsonObject zone = scenario.value(QStringLiteral("zonedata")).toObject();
        const QJsonObject tests = scenario.value(QStringLiteral("tests")).toObject();
        for (auto it = tests.begin(); it != tests.end(); ++it)
            out.append({ name, it.key(), zone, it.value().toObject() });
    }
    return out;
}

ms::spf::SpfRequest spfSuiteRequest(const QJsonObject& testcase)
{
    ms::spf::SpfRequest req;
    req.ip = testcase.value(QStringLiteral("host")).toString();
    req.helo = testcase.value(QStringLiteral("helo")).toString();
    req.mailFrom = testcase.value(QStringLiteral("mailfrom")).toString();
    req.receiver = QStringLiteral("receiver.example.net");
    req.now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    req.defaultExplanation = QStringLiteral("DEFAULT");
    return req;
}

} // namespace mstest
