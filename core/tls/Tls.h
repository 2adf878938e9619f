#pragma once

#include "message/Message.h"
#include "verify/Check.h"

#include <QString>

namespace ms::tls {

// TLS facts of one Received hop, from the parsed hop and (where the parser left them empty)
// from the vendor clauses in the field text: Postfix "(using TLSv1.3 with cipher ...)",
// Exim "with esmtps (TLS1.3) tls ...", Sendmail/Gmail "(version=TLSv1.3 cipher=...)",
// Exchange "(version=TLS1_2, cipher=...)".
struct HopTls {
    QString with; // RFC 3848 protocol as written ("ESMTPS")
    QString protocolMeaning; // plain words
    bool protocolSaysTls = false; // ESMTPS / ESMTPSA / LMTPS / ...
    bool protocolSaysAuth = false; // ...A
    QString version; // "TLSv1.3"
    QString cipher;
    bool tls = false; // protocol or recorded version says TLS
    bool known = false; // something about the transport was recorded
    Span clause; // the TLS clause in the message, when found
};
HopTls hopTls(const Message& message, const ReceivedHop& hop);

// Internal hop: client address private/loopback/link-local (RFC 1918, RFC 6598, RFC 4193,
// RFC 4291), "localhost", or client and receiver in the same registrable domain.
bool isPrivateAddress(const QString& ip);
bool isInternalHop(const ReceivedHop& hop, QString* why = nullptr);

// Who handed a hop's message over: reverse DNS name, else HELO name, else IP address; empty
// for a local hand-off.
QString hopClient(const ReceivedHop& hop);

// What Mailscope makes of one Received hop, computed in one place for the TLS evidence and
// the Authentication-Results comparison (which asks whether a field crossed the Internet).
struct HopFacts {
    int index = 0; // into Message::hops()
    QString client; // hopClient()
    bool internal = false;
    QString internalWhy; // plain words, either way
    HopTls tls;
};
// The first maxHops hops, newest first.
QList<HopFacts> hopFacts(const Message& message, int maxHops = 100);

// The "tls" check: per-hop evidence, then MTA-STS, TLS-RPT and DANE for the sender's and
// recipient's domains, and, only when asked, a live STARTTLS probe of one MX.
CheckResult check(const CheckContext& ctx);

} // namespace ms::tls
