#pragma once

#include "dns/Resolver.h"
#include "spf/Spf.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mstest {

// Serves the `zonedata` of one OpenSPF test-suite scenario, with the semantics of
// ../shared/conformance/README.md: SPF records served as TXT when a name has no TXT entry,
// `TXT: NONE` = no TXT record (and no fallback), `TIMEOUT` makes queries for types without
// a record before it time out, CNAMEs are followed as a recursive resolver would, names
// not listed are NXDOMAIN, names are case-insensitive, strings are UTF-8 encoded.
// This is test data turned into a resolver, not a stand-in for the real zone resolver.
class SpfSuiteResolver : public ms::dns::Resolver
{
public:
    explicit SpfSuiteResolver(const QJsonObject& zonedata);

    ms::dns::Answer resolve(const QByteArray& name, ms::dns::Type type) override;
    QString describe() const override { return QStringLiteral("OpenSPF suite zonedata"); }

private:
    struct Entry {
        bool timeout = false;
        bool none = false; // "TXT: NONE"
        ms::dns::Type type = ms::dns::Type::A;
        ms::dns::Record record;
    };
    QHash<QByteArray, QList<Entry>> m_zone;
};

// Every test case of the suite's scenario documents, in file order.
struct SpfSuiteCase {
    QString scenario; // its description
    QString id; // the test's name
    QJsonObject zonedata, testcase;
};
QList<SpfSuiteCase> spfSuiteCases(const QJsonArray& documents);

// The check_host() request of one suite test case (host, helo, mailfrom), with the suite's
// receiver name, default explanation "DEFAULT" and a fixed time.
ms::spf::SpfRequest spfSuiteRequest(const QJsonObject& testcase);

// Reads a multi-document YAML file into a JSON array of documents. QtCore has no YAML
// parser; the suite files are converted at test time with Debian's python3-yaml (the .ci
// image installs it). Returns an empty array and sets *error when that is not possible.
QJsonArray loadYamlDocuments(const QString& path, QString* error);

} // namespace mstest
