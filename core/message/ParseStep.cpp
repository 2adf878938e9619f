// Message::parseStep(): what parsing found, as a step tree the user can click through.

#include "message/Message.h"
#include "message/MessageData.h"

#include <QCoreApplication>

namespace ms {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Message", text, disambiguation, n);
}

constexpr int kMaxListedFields = 1000;
constexpr int kMaxListedParts = 500;

QString lineEndingName(LineEndings e)
{
    switch (e) {
    case LineEndings::Crlf: return QStringLiteral("CRLF");
    case LineEndings::Lf: return QStringLiteral("LF");
    case LineEndings::Mixed: return QStringLiteral("mixed");
    case LineEndings::None: return QStringLiteral("none");
    }
    return {};
}

QString shortText(const QString& s, int max = 200)
{
    QString t = s.simplified();
    if (t.size() > max)
        t = t.left(max) + QChar(0x2026);
    return t;
}

Step mimeStep(const MimePart& part, const QString& path, int& budget)
{
    --budget;
    Step s(QStringLiteral("message.mime.part"),
        part.problems.isEmpty() ? Status::Info : Status::Warning,
        tr("Part %1: %2").arg(path, QString::fromLatin1(part.contentType)));
    s.rfc = part.isMultipart() ? QStringLiteral("RFC 2046 5.1") : QStringLiteral("RFC 2045 5");
    s.addFact(tr("content type"), QString::fromLatin1(part.contentType));
    if (!part.charset.isEmpty())
        s.addFact(tr("charset"), QString::fromLatin1(part.charset));
    s.addFact(tr("transfer encoding"), QString::fromLatin1(part.transferEncoding));
    if (!part.boundary.isEmpty())
        s.addFact(tr("boundary"), QString::fromUtf8(part.boundary));
    if (!part.fileName.isEmpty())
        s.addFact(tr("file name"), QString::fromUtf8(part.fileName));
    s.addFact(tr("body size"), QString::number(part.bodyLength));
    s.addSpan(QStringLiteral("message"), part.offset, part.length);
    if (!part.problems.isEmpty())
        s.detail = part.problems.join(QLatin1Char('\n'));
    int i = 1;
    for (const MimePart& c : part.children) {
        if (budget <= 0) {
            s.add(Step(
                QStringLiteral("message.mime.more"), Status::Info, tr("Further parts not listed")));
            break;
        }
        s.add(mimeStep(
            c, path.isEmpty() ? QString::number(i) : path + u'.' + QString::number(i), budget));
        ++i;
    }
    return s;
}

} // namespace

Step Message::parseStep() const
{
    const Data& x = d->structured();
    Status worst = Status::Info;
    for (const ParseNote& n : x.notes) {
        if (n.status == Status::PermError)
            worst = Status::PermError;
        else if (n.status == Status::Warning && worst != Status::PermError)
            worst = Status::Warning;
    }
    Step s(QStringLiteral("message.parse"), worst, tr("Message"),
        tr("The message as read from the file: line endings, header fields and body "
           "(RFC 5322 2.1), MIME structure and the Received chain."),
        QStringLiteral("RFC 5322 2.1"));
    s.addFact(tr("size"), tr("%1 bytes").arg(x.original.size()));
    s.addFact(tr("line endings"), lineEndingName(x.lineEndings));
    s.addFact(tr("normalized to CRLF"), x.normalized ? tr("yes") : tr("no"));
    if (x.normalized)
        s.addFact(tr("verified size"), tr("%1 bytes").arg(x.bytes.size()));
    if (!x.mboxFromLine.isEmpty())
        s.addFact(tr("mbox separator"), QString::fromUtf8(x.mboxFromLine.left(300)));
    s.addFact(tr("header fields"), QString::number(x.headers.size()));
    s.addFact(tr("body"),
        x.hasBody ? tr("%1 bytes").arg(x.bytes.size() - x.bodyOffset) : tr("not available"));
    if (x.nulCount > 0)
        s.addFact(tr("NUL bytes"), QString::number(x.nulCount));
    if (x.bareCrCount > 0)
        s.addFact(tr("bare CR"), QString::number(x.bareCrCount));
    s.addFact(tr("Received hops"), QString::number(x.receivedChain().size()));
    if (!x.bytes.isEmpty())
        s.addSpan(QStringLiteral("message"), 0, x.bytes.size());

    for (const ParseNote& n : x.notes) {
        Step ns(QStringLiteral("message.note"), n.status, shortText(n.text, 120), n.text);
        ns.spans = n.spans;
        s.add(std::move(ns));
    }

    if (!x.bytes.isEmpty()) {
        Step h(QStringLiteral("message.headers"), Status::Info,
            tr("Header: %n field(s)", nullptr, int(x.headers.size())),
            tr("Header fields from the top (newest, added last in transit) to the bottom "
               "(oldest). Each is a name, a colon and a value; lines starting with "
               "whitespace continue the field above (folding, RFC 5322 2.2.3)."),
            QStringLiteral("RFC 5322 2.2"));
        if (x.headerEnd > 0)
            h.addSpan(QStringLiteral("message"), 0, x.headerEnd);
        int listed = 0;
        for (const HeaderField& f : x.headers) {
            if (listed++ >= kMaxListedFields) {
                h.add(Step(QStringLiteral("message.header.more"), Status::Info,
                    tr("%1 further header fields not listed")
                        .arg(x.headers.size() - kMaxListedFields)));
                break;
            }
            // Only a prefix is decoded for the 500-character summary: decoding a 10 MB
            // field whole would cost several times its size for text nobody sees here.
            HeaderField head = f;
            head.value = f.value.first(std::min<qsizetype>(f.value.size(), 4096));
            Step fs(QStringLiteral("message.header"), Status::Info,
                QString::fromLatin1(f.name.first(std::min<qsizetype>(f.name.size(), 200))),
                shortText(head.decoded(), 500));
            fs.addFact(tr("offset"), QString::number(f.offset));
            fs.addSpan(QStringLiteral("message"), f.offset, f.raw.size());
            h.add(std::move(fs));
        }
        s.add(std::move(h));

        if (x.hasBody) {
            Step b(QStringLiteral("message.body"), Status::Info,
                tr("Body: %1 bytes").arg(x.bytes.size() - x.bodyOffset),
                tr("Everything after the blank line that ends the header (RFC 5322 2.1)."),
                QStringLiteral("RFC 5322 2.1"));
            if (x.bytes.size() > x.bodyOffset)
                b.addSpan(QStringLiteral("message"), x.bodyOffset, x.bytes.size() - x.bodyOffset);
            s.add(std::move(b));
        } else {
            s.add(Step(QStringLiteral("message.body"), Status::Info, tr("Body: not available"),
                tr("The input ends after the header fields (pasted headers). Checks "
                   "that need the body, such as DKIM body hashes, cannot be done.")));
        }

        if (x.mime.isMultipart() || !x.mime.children.empty()) {
            int budget = kMaxListedParts;
            Step m = mimeStep(x.mime, QString(), budget);
            m.kind = QStringLiteral("message.mime");
            m.title = tr("MIME structure: %1").arg(QString::fromLatin1(x.mime.contentType));
            s.add(std::move(m));
        }

        if (!x.receivedChain().isEmpty()) {
            Step r(QStringLiteral("message.received"), Status::Info,
                tr("Received chain: %n hop(s)", nullptr, int(x.receivedChain().size())),
                tr("Each server that handled the message added a Received field at the top "
                   "(RFC 5321 4.4), so the topmost hop is the last one."),
                QStringLiteral("RFC 5321 4.4"));
            int n = 1;
            for (const ReceivedHop& hop : x.receivedChain()) {
                if (n > kMaxListedFields) {
                    r.add(Step(QStringLiteral("message.received.more"), Status::Info,
                        tr("%1 further hops not listed")
                            .arg(x.receivedChain().size() - kMaxListedFields)));
                    break;
                }
                QString from = hop.fromHelo;
                if (!hop.fromIp.isEmpty())
                    from += (from.isEmpty() ? QString() : QStringLiteral(" ")) + u'[' + hop.fromIp
                        + u']';
                Step hs(QStringLiteral("message.received.hop"), Status::Info,
                    tr("Hop %1: %2 \u2192 %3")
                        .arg(n++)
                        .arg(from.isEmpty() ? tr("(unknown)") : from,
                            hop.by.isEmpty() ? tr("(unknown)") : hop.by));
                auto fact = [&hs](const QString& k, const QString& v) {
                    if (!v.isEmpty())
                        hs.addFact(k, v);
                };
                fact(tr("from (HELO)"), hop.fromHelo);
                fact(tr("from (reverse DNS)"), hop.fromRdns);
                fact(tr("from (IP)"), hop.fromIp);
                fact(tr("by"), hop.by);
                fact(tr("with"), hop.with);
                fact(tr("id"), hop.id);
                fact(tr("for"), hop.forAddr);
                if (hop.date.isValid())
                    hs.addFact(tr("date"), hop.date.toString(Qt::ISODate));
                fact(tr("TLS version"), hop.tlsVersion);
                fact(tr("TLS cipher"), hop.tlsCipher);
                fact(tr("format"), hop.format);
                hs.spans = hop.spans;
                r.add(std::move(hs));
            }
            s.add(std::move(r));
        }
    }
    return s;
}

} // namespace ms
