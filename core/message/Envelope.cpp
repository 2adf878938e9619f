// The guessed SMTP envelope (client IP, HELO, MAIL FROM), each value with its reason.
//
// SPF needs what the receiving server saw in the SMTP session, which the message does not
// carry directly. The receiving side's Received field records it: the topmost field whose
// client is outside the receiving organisation was written by the organisation's own border
// server when the sender connected, so it is the one to trust. Fields above it are internal
// relays or local delivery (LMTP, loopback, private addresses); fields below it were written
// by servers the receiver does not control and may be forged (RFC 5321 4.4, RFC 7208 2.4).

#include "message/MessageData.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <cstring>

namespace ms {

namespace {

QString tr(const char* text)
{
    return ms::translate("Message", text);
}

constexpr qsizetype kMaxHintField = 64 * 1024; // longer hint fields are not scanned

Span fieldSpan(const HeaderField& f)
{
    return Span { QStringLiteral("message"), f.offset, f.raw.size() };
}

// Loopback, private, link-local, shared (CGNAT), unspecified and unique-local addresses:
// a client there is inside the receiving network.
bool isLocalAddress(const QString& ip)
{
    // An address fits in 64 characters; inet_pton() reads a C string (from the stack here).
    if (ip.isEmpty() || ip.size() > 64)
        return false;
    char b[65];
    for (qsizetype i = 0; i < ip.size(); ++i) {
        const char16_t c = ip.at(i).unicode();
        if (c == 0 || c >= 0x80)
            return false;
        b[i] = char(c);
    }
    b[ip.size()] = '\0';
    unsigned char a[16];
    if (inet_pton(AF_INET, b, a) == 1) {
        return a[0] == 10 || a[0] == 127 || a[0] == 0 || (a[0] == 172 && (a[1] & 0xf0) == 16)
            || (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254)
            || (a[0] == 100 && (a[1] & 0xc0) == 64);
    }
    if (inet_pton(AF_INET6, b, a) == 1) {
        static const unsigned char loopback[16]
            = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
        static const unsigned char unspecified[16] = {};
        if (std::memcmp(a, loopback, 16) == 0 || std::memcmp(a, unspecified, 16) == 0)
            return true;
        if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0x80))
            return true;
        static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
        if (std::memcmp(a, mapped, 12) == 0) {
            return isLocalAddress(
                QStringLiteral("%1.%2.%3.%4").arg(a[12]).arg(a[13]).arg(a[14]).arg(a[15]));
        }
        return false;
    }
    return false;
}

// A rough organisational domain: the last two labels, three under a two-letter country code
// with a short second level ("example.co.uk"). Only used to spot relays inside one provider.
// True when toLower() would return s unchanged for certain: ASCII without capitals.
bool isAsciiLower(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() >= 0x80 || (c.unicode() >= 'A' && c.unicode() <= 'Z'))
            return false;
    }
    return true;
}

// A view of `host`, or of `storage` when the name had to be lowered or rebuilt: comparing
// two hops' organisations then makes no string of its own.
QStringView orgDomain(QStringView host, QString& storage)
{
    if (!isAsciiLower(host)) { // the usual host name is already lower case: no Unicode pass
        storage = host.toString().toLower();
        host = storage;
    }
    while (host.endsWith(u'.'))
        host.chop(1);
    // Up to the last four labels from the right without splitting the whole name; names
    // with empty labels ("a..b") take the general path, which skips those.
    const QStringView view = host;
    qsizetype starts[4];
    int found = 0;
    bool emptyLabel = view.isEmpty() || view.startsWith(u'.');
    for (qsizetype end = view.size(); found < 4 && !emptyLabel;) {
        const qsizetype dot = view.lastIndexOf(u'.', end - 1);
        starts[found++] = dot + 1;
        if (dot < 0)
            break;
        emptyLabel = dot == end - 1 || dot == 0;
        end = dot;
    }
    if (!emptyLabel) {
        // starts[k]: where the (k+1)-th label from the right begins.
        if (found < 2 || (found == 2 && starts[1] != 0))
            return {};
        auto labelLength
            = [&](int k) { return (k == 0 ? view.size() : starts[k - 1] - 1) - starts[k]; };
        int take = 2;
        if (found >= 3 && labelLength(0) == 2 && labelLength(1) <= 3)
            take = 3;
        return view.sliced(starts[take - 1]);
    }
    const QList<QStringView> labels = view.split(u'.', Qt::SkipEmptyParts);
    if (labels.size() < 2)
        return {};
    qsizetype take = 2;
    if (labels.size() >= 3 && labels.last().size() == 2 && labels.at(labels.size() - 2).size() <= 3)
        take = 3;
    QString joined;
    for (qsizetype i = labels.size() - take; i < labels.size(); ++i) {
        if (!joined.isEmpty())
            joined += u'.';
        joined += labels.at(i);
    }
    storage = std::move(joined); // `view` may be into storage: done with it
    return storage;
}

bool isLocalDelivery(const ReceivedHop& hop)
{
    const QString& w = hop.with;
    return w.contains(QLatin1String("lmtp"), Qt::CaseInsensitive)
        || w.compare(QLatin1String("local"), Qt::CaseInsensitive) == 0
        || w.startsWith(QLatin1String("local "), Qt::CaseInsensitive);
}

struct Hint {
    QString value;
    Span span;
    const HeaderField* field = nullptr;
};

// key=value pairs in the topmost field with that name that has the key.
Hint findHint(const QList<const HeaderField*>& fields, const QRegularExpression& re)
{
    for (const HeaderField* f : fields) {
        if (f->value.size() > kMaxHintField)
            continue;
        const QString v = QString::fromLatin1(f->value);
        const QRegularExpressionMatch match = re.match(v);
        if (!match.hasMatch())
            continue;
        QString value = match.captured(match.lastCapturedIndex());
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        Hint h;
        h.value = value.trimmed();
        h.span = Span { QStringLiteral("message"), f->valueOffset + match.capturedStart(0),
            match.capturedLength(0) };
        h.field = f;
        return h;
    }
    return {};
}

QRegularExpression keyRe(const char* keys)
{
    return QRegularExpression(QStringLiteral("(?<![\\w.-])(?:%1)\\s*=\\s*(\"[^\"]*\"|[^;\\s()]+)")
                                  .arg(QLatin1String(keys)),
        QRegularExpression::CaseInsensitiveOption);
}

void mentionHint(EnvelopeValue& v, const Hint& h, const QString& label)
{
    if (h.value.isEmpty())
        return;
    if (h.value.compare(v.value, Qt::CaseInsensitive) == 0) {
        v.reason += u' ' + fill(tr("%1 records the same value."), label);
        v.spans.append(h.span);
    } else {
        v.reason += u' '
            + fill(
                tr("Note: %1 records \"%2\" instead; if that field was added by your own server, "
                   "it may be the better choice."),
                { label, h.value });
        v.spans.append(h.span);
    }
}

} // namespace

Envelope Message::guessEnvelope() const
{
    Envelope env;

    // 1. The receiving side's hop. Only the hops down to the chosen one are parsed, without
    //    their dates (nothing here reads them): the rest of the chain is not needed, and a
    //    batch run that checks DKIM only then never parses it at all.
    const QList<const HeaderField*> received = fields("Received");
    QList<ReceivedHop> chain;
    chain.reserve(received.size());
    int chosen = -1;
    int fallback = -1; // first public client, even if it looks like the same provider
    QStringList skipped;
    for (int i = 0; i < received.size(); ++i) {
        chain.append(detail::parseReceived(*received.at(i), detail::ReceivedDetail::Envelope));
        const ReceivedHop& hop = chain.at(i);
        const Decimal n(i + 1); // the hop's number, for a skipped hop's reason
        if (isLocalDelivery(hop)) {
            skipped << fill(tr("hop %1 is local delivery (%2)"), { n, hop.with });
            continue;
        }
        if (hop.fromIp.isEmpty()) {
            skipped << fill(tr("hop %1 names no client address"), n);
            continue;
        }
        if (isLocalAddress(hop.fromIp)) {
            skipped << fill(
                tr("hop %1 comes from the local or private address %2"), { n, hop.fromIp });
            continue;
        }
        if (fallback < 0)
            fallback = i;
        QString fromStorage, byStorage;
        const QStringView fromOrg
            = orgDomain(hop.fromRdns.isEmpty() ? hop.fromHelo : hop.fromRdns, fromStorage);
        if (!fromOrg.isEmpty() && fromOrg == orgDomain(hop.by, byStorage)) {
            skipped << fill(tr("hop %1 is a relay inside %2"), { n, fromOrg });
            continue;
        }
        chosen = i;
        break;
    }
    if (chosen < 0)
        chosen = fallback; // e.g. a provider sending to itself: its first public hop

    // Compiled once per thread (a QRegularExpression is not meant to be shared between
    // threads that match at the same time); most messages have neither field anyway.
    struct Patterns {
        QRegularExpression spfIp = keyRe("client-ip");
        QRegularExpression spfHelo = keyRe("helo");
        QRegularExpression spfFrom = keyRe("envelope-from");
        QRegularExpression arIp = keyRe("smtp\\.remote-ip|policy\\.iprev");
        QRegularExpression arIpMs
            = QRegularExpression(QStringLiteral("sender IP is ([0-9A-Fa-f:.]+)"));
        QRegularExpression arHelo = keyRe("smtp\\.helo");
        QRegularExpression arFrom = keyRe("smtp\\.mailfrom");
    };
    thread_local const Patterns re;
    const QList<const HeaderField*> spfFields = fields("Received-SPF");
    const QList<const HeaderField*> arFields = fields("Authentication-Results");
    const Hint spfIp = findHint(spfFields, re.spfIp);
    const Hint spfHelo = findHint(spfFields, re.spfHelo);
    const Hint spfFrom = findHint(spfFields, re.spfFrom);
    const Hint arIp = findHint(arFields, re.arIp);
    const Hint arIpMs = findHint(arFields, re.arIpMs);
    const Hint arHelo = findHint(arFields, re.arHelo);
    const Hint arFrom = findHint(arFields, re.arFrom);

    const QString skippedText = skipped.isEmpty()
        ? QString()
        : u' ' + fill(tr("Skipped above it: %1."), skipped.join(QStringLiteral("; ")));

    if (chosen >= 0) {
        const ReceivedHop& hop = chain.at(chosen);
        const Span whole = hop.spans.value(0);
        Span fromSpan = whole;
        const qsizetype fi = hop.spanNames.indexOf(QStringLiteral("from"));
        if (fi >= 0)
            fromSpan = hop.spans.at(fi);
        const QString where
            = fill(tr("Received field %1 from the top, written by %2 when the client connected"),
                { Decimal(chosen + 1), hop.by.isEmpty() ? tr("the receiving server") : hop.by });
        env.clientIp.value = hop.fromIp;
        env.clientIp.reason
            = fill(tr("Taken from %1: it is the topmost hop whose client is outside the "
                      "receiving network, so it records the server that handed the message "
                      "over. Fields below it were written by servers the receiver does not "
                      "control and could be forged (RFC 5321 4.4)."),
                where);
        if (!skippedText.isEmpty())
            env.clientIp.reason += skippedText; // `a + b` would copy the long text again
        env.clientIp.spans = { fromSpan };
        mentionHint(env.clientIp, spfIp, QStringLiteral("Received-SPF client-ip"));
        if (!hop.fromHelo.isEmpty()) {
            env.helo.value = hop.fromHelo;
            env.helo.reason
                = fill(tr("The name the client gave in HELO/EHLO, as recorded in %1."), where);
            env.helo.spans = { fromSpan };
            mentionHint(env.helo, spfHelo, QStringLiteral("Received-SPF helo"));
        }
    }

    auto fromHint = [](EnvelopeValue& v, const Hint& h, const QString& reason) {
        if (!v.isEmpty() || h.value.isEmpty())
            return false;
        v.value = h.value;
        v.reason = reason;
        v.spans = { h.span };
        return true;
    };

    // 2. Hints when no hop gave a value.
    if (env.clientIp.isEmpty()) {
        const bool found
            = fromHint(env.clientIp, spfIp,
                  tr("No usable Received field names the client; the Received-SPF field "
                     "records the address the receiving server checked (client-ip=).")
                      + skippedText)
            || fromHint(env.clientIp, arIp,
                tr("No usable Received field names the client; Authentication-Results "
                   "records the connecting address (RFC 8601 2.7.3).")
                    + skippedText)
            || fromHint(env.clientIp, arIpMs,
                tr("No usable Received field names the client; Authentication-Results "
                   "says \"sender IP is\" this address.")
                    + skippedText);
        if (!found) {
            env.clientIp.reason
                = tr("No Received field names the client's address; enter the sending server's "
                     "IP (--ip).")
                + skippedText;
        }
    }
    if (env.helo.isEmpty()) {
        const bool found
            = fromHint(env.helo, spfHelo,
                  tr("The Received-SPF field records the HELO name the receiving server "
                     "saw (helo=)."))
            || fromHint(env.helo, arHelo,
                tr("Authentication-Results records the HELO name (smtp.helo, RFC 8601 "
                   "2.7.2)."));
        if (!found) {
            env.helo.reason = tr("No Received field records the client's HELO name; enter it "
                                 "(--helo) or leave it empty to skip the HELO check.");
        }
    }

    // 3. MAIL FROM: Return-Path is written at final delivery from the envelope sender.
    if (const HeaderField* rp = first("Return-Path")) {
        QByteArray v = rp->unfolded().trimmed();
        if (v.startsWith('<') && v.endsWith('>'))
            v = v.mid(1, v.size() - 2).trimmed();
        env.mailFrom.value = v.isEmpty() ? QStringLiteral("<>") : QString::fromUtf8(v);
        env.mailFrom.reason = v.isEmpty()
            ? tr("Return-Path is \"<>\": the null reverse-path of a bounce or other automatic "
                 "message (RFC 5321 4.5.5); SPF then checks the HELO name (RFC 7208 2.4).")
            : tr("Return-Path is where the delivering server recorded the envelope sender "
                 "(MAIL FROM) (RFC 5321 4.4).");
        env.mailFrom.spans = { fieldSpan(*rp) };
        if (!spfFrom.value.isEmpty() && !v.isEmpty()) {
            QString s = spfFrom.value;
            if (s.startsWith(u'<') && s.endsWith(u'>'))
                s = s.mid(1, s.size() - 2);
            EnvelopeValue tmp = env.mailFrom;
            tmp.reason.clear();
            Hint h = spfFrom;
            h.value = s;
            mentionHint(tmp, h, QStringLiteral("Received-SPF envelope-from"));
            env.mailFrom.reason += tmp.reason;
            env.mailFrom.spans = tmp.spans;
        }
    } else {
        Hint spf = spfFrom;
        if (spf.value.startsWith(u'<') && spf.value.endsWith(u'>'))
            spf.value = spf.value.mid(1, spf.value.size() - 2);
        const bool found
            = fromHint(env.mailFrom, spf,
                  tr("There is no Return-Path; the Received-SPF field records the envelope "
                     "sender (envelope-from=)."))
            || fromHint(env.mailFrom, arFrom,
                arFrom.value.contains(u'@')
                    ? tr("There is no Return-Path; Authentication-Results records the "
                         "envelope sender (smtp.mailfrom, RFC 8601 2.7.2).")
                    : tr("There is no Return-Path; Authentication-Results records only "
                         "the envelope sender's domain (smtp.mailfrom, RFC 8601 2.7.2)."));
        if (!found) {
            env.mailFrom.reason = tr("No Return-Path field records the envelope sender; enter "
                                     "MAIL FROM (--mail-from), or \"<>\" for a bounce.");
        }
    }
    return env;
}

} // namespace ms
