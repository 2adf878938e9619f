#pragma once

#include "crypto/X509Certificate.h"
#include "dns/Resolver.h"
#include "verify/Check.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ms::tls {

struct LiveResult {
    Step step; // "tls.live"
    QJsonValue json; // the "live" object of the tls JSON
    QList<Source> sources; // "tls/cert/N": the server's certificates (DER)
};

// The explicit live probe of one MX (options.tlsLiveSmtpCheck): EHLO, STARTTLS, protocol,
// cipher, the certificate chain judged against the system store plus options.tlsTrustFiles,
// the host name, and the DANE TLSA records (validated ones from tlsaByHost, else looked up
// as _port._tcp.host) and MTA-STS certificate requirements (RFC 8461 4.1).
LiveResult liveCheck(const CheckContext& ctx, const QString& hostPort,
    const QMap<QString, QList<dns::Record>>& tlsaByHost);

// One step of kind `kind` per certificate a TLS server sent (leaf first) under parent, each
// pointing at a DER source "<sourcePrefix>/N" appended to sources (titled titleFormat with
// %1 = the common name); returns the chain as JSON.
QJsonArray addChainSteps(Step& parent, const QString& kind, const QList<crypto::Certificate>& chain,
    const QString& sourcePrefix, const QString& titleFormat, QList<Source>& sources);

// The addresses of a server host, looked up through the verification's DNS (A, then AAAA;
// an address literal is taken as it is): a step of kind `kind` with each DNS answer under
// it, at most maxAddresses addresses, and whether a lookup failed temporarily.
struct HostAddresses {
    Step step;
    QStringList addresses;
    bool temporary = false;
};
HostAddresses resolveHostAddresses(const CheckContext& ctx, const QString& host,
    const QString& kind, const QString& rfc, int maxAddresses);

// Does one TLSA record (RFC 6698 2.1, wire RDATA) match the chain? Usages 2 (DANE-TA) and
// 3 (DANE-EE) only, as RFC 7672 3.1 requires for SMTP.
bool tlsaMatches(
    const dns::Record& tlsa, const QList<crypto::Certificate>& chain, QString* why = nullptr);

} // namespace ms::tls
