#pragma once

#include "crypto/X509Certificate.h"
#include "dns/Resolver.h"
#include "verify/Check.h"

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

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

// Does one TLSA record (RFC 6698 2.1, wire RDATA) match the chain? Usages 2 (DANE-TA) and
// 3 (DANE-EE) only, as RFC 7672 3.1 requires for SMTP.
bool tlsaMatches(
    const dns::Record& tlsa, const QList<crypto::Certificate>& chain, QString* why = nullptr);

} // namespace ms::tls
