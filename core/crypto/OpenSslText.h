#pragma once

#include <QString>

#include <openssl/asn1.h>

namespace ms::crypto {

// This thread's queued OpenSSL errors as text, at most `most` of them joined by "; ", and
// the queue emptied: a stale error must not end up in the next operation's message.
QString takeOpensslErrors(int most = 4);

// The short name OpenSSL knows for an ASN.1 object ("sha256", "emailProtection"), else its
// dotted OID.
QString objectName(const ASN1_OBJECT* obj);

} // namespace ms::crypto
