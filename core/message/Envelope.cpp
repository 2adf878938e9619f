// The guessed SMTP envelope (client IP, HELO, MAIL FROM), each value with its reason.

#include "message/MessageData.h"

#include <QCoreApplication>

namespace ms {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Message", text);
}

} // namespace

Envelope Message::guessEnvelope() const
{
    Envelope env;
    if (const HeaderField* rp = first("Return-Path")) {
        QByteArray v = rp->unfolded().trimmed();
        if (v.startsWith('<') && v.endsWith('>'))
            v = v.mid(1, v.size() - 2).trimmed();
        env.mailFrom.value = v.isEmpty() ? QStringLiteral("<>") : QString::fromUtf8(v);
        env.mailFrom.reason = tr("Return-Path is where the receiving server recorded the "
                                 "envelope sender (MAIL FROM) at final delivery (RFC 5321 "
                                 "4.4).");
        env.mailFrom.spans.append(Span { QStringLiteral("message"), rp->offset, rp->raw.size() });
    } else {
        env.mailFrom.reason = tr("No Return-Path field records the envelope sender; enter "
                                 "MAIL FROM (--mail-from).");
    }
    env.clientIp.reason = tr("No Received field names the client's address; enter the "
                             "sending server's IP (--ip).");
    env.helo.reason = tr("No Received field records the client's HELO name; enter it "
                         "(--helo).");
    return env;
}

} // namespace ms
