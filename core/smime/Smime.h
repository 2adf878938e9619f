#pragma once

#include "verify/Check.h"

#include <QByteArray>
#include <QByteArrayView>

namespace ms::smime {

// S/MIME (RFC 8551) over CMS (RFC 5652): finds every multipart/signed and
// application/pkcs7-mime entity, verifies signatures over the exact signed bytes, builds
// the signer's chain against the system store plus options.smimeTrustFiles, judges validity
// at signingTime and at ctx.evaluationTime, key usage / EKU (RFC 8550 4.4), and whether
// the signer's address matches From (RFC 8550 3). Encrypted entities list recipients and
// algorithms and, with options.pkcs12File, are decrypted in memory and walked again.
CheckResult check(const CheckContext& ctx);

// A parameter of a structured MIME header value ("protocol", "smime-type"), unquoted;
// empty when absent. Exposed for tests.
QByteArray contentTypeParameter(QByteArrayView value, QByteArrayView name);

} // namespace ms::smime
