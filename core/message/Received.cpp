// The Received chain (RFC 5321 4.4) as hops.

#include "message/MessageData.h"

namespace ms::detail {

QList<ReceivedHop> parseReceivedChain(const QByteArray& bytes, const QList<HeaderField>& headers)
{
    Q_UNUSED(bytes);
    QList<ReceivedHop> hops;
    for (const HeaderField& f : headers) {
        if (!f.nameIs("Received"))
            continue;
        ReceivedHop hop;
        hop.fieldIndex = f.index;
        hop.format = QStringLiteral("unknown");
        hop.spans.append(Span { QStringLiteral("message"), f.offset, f.raw.size() });
        hops.append(hop);
    }
    return hops;
}

} // namespace ms::detail
