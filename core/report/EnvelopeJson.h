#pragma once

#include "message/Message.h"

#include <QByteArray>

namespace ms {

// The envelope guess as compact JSON, byte for byte what QJsonDocument writes for it:
// {"client_ip":{...},"helo":{...},"mail_from":{...}}, each value
// {"overridden":bool,"reason":text,"value":text}. The JSON line's "envelope" member and the
// SPF check's own "envelope" member are this object.
void writeEnvelopeJson(QByteArray& out, const Envelope& envelope);

} // namespace ms
