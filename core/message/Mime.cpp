// The MIME tree (RFC 2045, RFC 2046 5.1) with spans into Message::bytes(). Lenient like
// mail clients, bounded like a server: depth and part count are capped.

#include "message/MessageData.h"
#include "trace/Translate.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cstring>

namespace ms {

namespace {

QString tr(const char* text)
{
    return ms::translate("Message", text);
}

constexpr int kMaxDepth = 64; // nesting levels parsed (input-controlled recursion)
constexpr int kMaxParts = 10000; // entities in one message

struct Context {
    const QByteArray& bytes;
    QList<ParseNote>& notes;
    int parts = 0;
    bool depthNoted = false;
    bool partsNoted = false;
};

QByteArray headerValue(const QList<HeaderField>& headers, QByteArrayView name)
{
    for (const HeaderField& f : headers) {
        if (f.nameIs(name))
            return f.unfolded();
    }
    return {};
}

const HeaderField* headerField(const QList<HeaderField>& headers, QByteArrayView name)
{
    for (const HeaderField& f : headers) {
        if (f.nameIs(name))
            return &f;
    }
    return nullptr;
}

Span msgSpan(qint64 off, qint64 len)
{
    return Span { QStringLiteral("message"), off, len };
}

void addProblem(Context& ctx, MimePart& part, const QString& text, Span span, Status s)
{
    part.problems.append(text);
    ParseNote n;
    n.status = s;
    n.text = text;
    n.spans = { span };
    ctx.notes.append(n);
}

// Is the line [pos, end) a delimiter "--boundary" or close delimiter "--boundary--",
// followed only by transport padding (RFC 2046 5.1.1)? Returns 0 no, 1 delimiter, 2 close.
int delimiterKind(const char* data, qint64 pos, qint64 contentEnd, const QByteArray& boundary)
{
    const qint64 need = 2 + boundary.size();
    if (contentEnd - pos < need || data[pos] != '-' || data[pos + 1] != '-'
        || std::memcmp(data + pos + 2, boundary.constData(), size_t(boundary.size())) != 0)
        return 0;
    qint64 k = pos + need;
    int kind = 1;
    if (contentEnd - k >= 2 && data[k] == '-' && data[k + 1] == '-') {
        kind = 2;
        k += 2;
    }
    for (; k < contentEnd; ++k) {
        if (data[k] != ' ' && data[k] != '\t')
            return 0;
    }
    return kind;
}

void fillFromHeaders(MimePart& part, const QList<HeaderField>& headers, bool digestChild)
{
    part.headers = headers;
    const QByteArray ct = headerValue(headers, "Content-Type");
    QByteArray type = ct;
    const qsizetype semi = type.indexOf(';');
    if (semi >= 0)
        type.truncate(semi);
    type = type.trimmed().toLower();
    // Remove comments such as "text/plain (plain text)" crudely: stop at whitespace.
    const qsizetype ws = type.indexOf(' ');
    if (ws >= 0)
        type.truncate(ws);
    const qsizetype slash = type.indexOf('/');
    if (type.isEmpty() || slash <= 0 || slash == type.size() - 1) {
        // RFC 2045 5.2 default; RFC 2046 5.1.5 inside multipart/digest.
        part.contentType = digestChild ? "message/rfc822" : "text/plain";
        if (!digestChild)
            part.charset = "us-ascii";
        if (!ct.trimmed().isEmpty())
            part.problems.append(tr("Content-Type \"%1\" is not type/subtype; treated as "
                                    "text/plain (RFC 2045 5.2).")
                                     .arg(QString::fromUtf8(ct.left(100))));
    } else {
        part.contentType = type;
    }
    if (!ct.isEmpty()) {
        const QByteArray cs = detail::headerParameter(ct, "charset").trimmed().toLower();
        if (!cs.isEmpty())
            part.charset = cs;
        part.boundary = detail::headerParameter(ct, "boundary");
    }
    const QByteArray cte = headerValue(headers, "Content-Transfer-Encoding").trimmed().toLower();
    part.transferEncoding = cte.isEmpty() ? QByteArray("7bit") : cte;
    const QByteArray cd = headerValue(headers, "Content-Disposition");
    QByteArray fn = detail::headerParameter(cd, "filename");
    if (fn.isEmpty() && !ct.isEmpty())
        fn = detail::headerParameter(ct, "name");
    part.fileName = fn;
}

void parseEntityBody(Context& ctx, MimePart& part, int depth);

MimePart parseChildEntity(Context& ctx, qint64 start, qint64 end, int depth, bool digestChild)
{
    MimePart child;
    child.offset = start;
    child.length = end - start;
    QList<HeaderField> headers;
    int stop = 0;
    const qint64 hend = detail::parseHeaderBlock(ctx.bytes, start, end, headers, &stop, 0);
    if (stop == 0) {
        child.bodyOffset = hend + 2;
    } else if (stop == 1) {
        child.bodyOffset = end;
    } else {
        child.bodyOffset = hend;
        if (hend > start)
            child.problems.append(tr("A line in this part's header is not a header field; the "
                                     "body is taken to start there."));
    }
    child.bodyLength = std::max<qint64>(0, end - child.bodyOffset);
    fillFromHeaders(child, headers, digestChild);
    parseEntityBody(ctx, child, depth);
    return child;
}

void parseMultipart(Context& ctx, MimePart& part, int depth)
{
    const char* data = ctx.bytes.constData();
    const qint64 bodyEnd = part.bodyOffset + part.bodyLength;
    const QByteArray& boundary = part.boundary;
    const bool digest = part.contentType == "multipart/digest";

    if (boundary.isEmpty() || boundary.size() > 200) {
        addProblem(ctx, part,
            boundary.isEmpty()
                ? tr("This multipart entity has no boundary parameter (RFC 2046 5.1.1); "
                     "its body is shown as one piece.")
                : tr("The boundary parameter is longer than 70 characters (RFC 2046 "
                     "5.1.1 limit); its body is shown as one piece."),
            msgSpan(part.offset, part.bodyOffset - part.offset), Status::Warning);
        return;
    }

    qint64 partStart = -1; // first byte of the current part's content
    qint64 firstDelimiter = -1;
    bool closed = false;
    bool capped = false;
    // Delimiters are found with a substring search for CRLF "--" boundary (plus one check at
    // the very start of the body), so each level costs one fast pass over its body.
    const QByteArray needle = "\r\n--" + boundary;
    const QByteArrayView body(data, bodyEnd);
    qint64 pos = part.bodyOffset;
    bool atStart = true;
    while (pos < bodyEnd) {
        qint64 lineStart;
        if (atStart) {
            atStart = false;
            if (bodyEnd - pos < 2 || data[pos] != '-' || data[pos + 1] != '-')
                continue;
            lineStart = pos;
        } else {
            const qint64 hit = body.indexOf(needle, pos);
            if (hit < 0)
                break;
            lineStart = hit + 2;
        }
        const void* nl = std::memchr(data + lineStart, '\n', size_t(bodyEnd - lineStart));
        const qint64 next = nl ? static_cast<const char*>(nl) - data + 1 : bodyEnd;
        qint64 contentEnd = nl ? next - 1 : bodyEnd;
        if (contentEnd > lineStart && data[contentEnd - 1] == '\r')
            --contentEnd;
        const int kind = delimiterKind(data, lineStart, contentEnd, boundary);
        if (kind == 0) {
            pos = lineStart;
            continue;
        }
        // The CRLF before the delimiter belongs to it (RFC 2046 5.1.1).
        const qint64 delimStart = lineStart > part.bodyOffset ? lineStart - 2 : lineStart;
        if (firstDelimiter < 0) {
            firstDelimiter = lineStart;
            part.preambleOffset = part.bodyOffset;
            part.preambleLength = delimStart - part.bodyOffset;
        } else if (partStart >= 0) {
            if (ctx.parts >= kMaxParts) {
                capped = true;
            } else {
                ++ctx.parts;
                part.children.push_back(parseChildEntity(
                    ctx, partStart, std::max(partStart, delimStart), depth + 1, digest));
            }
        }
        if (kind == 2) {
            closed = true;
            partStart = -1;
            part.epilogueOffset = next;
            part.epilogueLength = bodyEnd - next;
            break;
        }
        partStart = next;
        // The delimiter line's own CRLF may begin the next delimiter (an empty part).
        pos = next >= 2 ? next - 2 : next;
    }
    if (capped && !ctx.partsNoted) {
        ctx.partsNoted = true;
        addProblem(ctx, part,
            tr("More than %1 MIME parts: the rest are not listed.").arg(kMaxParts),
            msgSpan(part.offset, part.length), Status::Warning);
    }
    if (firstDelimiter < 0) {
        addProblem(ctx, part,
            tr("The boundary \"%1\" never appears in the body (RFC 2046 5.1.1); the body "
               "is shown as one piece.")
                .arg(QString::fromUtf8(boundary.left(100))),
            msgSpan(part.bodyOffset, part.bodyLength), Status::Warning);
        return;
    }
    if (!closed) {
        if (partStart >= 0 && partStart <= bodyEnd && ctx.parts < kMaxParts) {
            ++ctx.parts;
            part.children.push_back(parseChildEntity(ctx, partStart, bodyEnd, depth + 1, digest));
        }
        addProblem(ctx, part,
            tr("The closing boundary \"--%1--\" is missing (RFC 2046 5.1.1): the message "
               "may be truncated. The last part runs to the end.")
                .arg(QString::fromUtf8(boundary.left(100))),
            msgSpan(part.bodyOffset, part.bodyLength), Status::Warning);
    }
}

void parseEntityBody(Context& ctx, MimePart& part, int depth)
{
    const bool multipart = part.isMultipart();
    const bool embedded
        = part.contentType == "message/rfc822" || part.contentType == "message/global";
    if (!multipart && !embedded)
        return;
    if (depth >= kMaxDepth) {
        if (!ctx.depthNoted) {
            ctx.depthNoted = true;
            addProblem(ctx, part,
                tr("MIME parts are nested more than %1 levels deep; deeper levels are "
                   "not parsed (a normal message nests a few levels).")
                    .arg(kMaxDepth),
                msgSpan(part.offset, part.length), Status::Warning);
        }
        return;
    }
    if (multipart) {
        parseMultipart(ctx, part, depth);
    } else if (part.bodyLength > 0 && ctx.parts < kMaxParts
        && (part.transferEncoding == "7bit" || part.transferEncoding == "8bit"
            || part.transferEncoding == "binary")) {
        // An attached message: its own header and MIME structure (RFC 2046 5.2.1).
        ++ctx.parts;
        part.children.push_back(parseChildEntity(
            ctx, part.bodyOffset, part.bodyOffset + part.bodyLength, depth + 1, false));
    }
}

} // namespace

namespace detail {

MimePart parseMime(const QByteArray& bytes, const QList<HeaderField>& headers, qint64 offset,
    qint64 length, qint64 bodyOffset, qint64 bodyLength, QList<ParseNote>& notes)
{
    Context ctx { bytes, notes };
    MimePart root;
    root.offset = offset;
    root.length = length;
    root.bodyOffset = bodyOffset;
    root.bodyLength = bodyLength;
    fillFromHeaders(root, headers, false);
    if (!headerField(headers, "MIME-Version") && headerField(headers, "Content-Type")
        && root.isMultipart()) {
        // Not fatal: many generators omit it, and readers still honour the structure.
        root.problems.append(tr("Content-Type is multipart but MIME-Version is missing "
                                "(RFC 2045 4)."));
    }
    parseEntityBody(ctx, root, 0);
    return root;
}

} // namespace detail

// ---------------------------------------------------------------------------------------
// Transfer decoding for display (RFC 2045 6.7, 6.8)

namespace {

QByteArray decodeBase64Lenient(QByteArrayView in, QStringList* problems)
{
    // RFC 2045 6.8: characters outside the alphabet are ignored. Decoding stops at "=" pad.
    static const auto table = [] {
        std::array<signed char, 256> t {};
        t.fill(-1);
        const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            t[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
        return t;
    }();
    QByteArray out;
    out.reserve(in.size() * 3 / 4 + 3);
    quint32 acc = 0;
    int bits = 0;
    qint64 garbage = 0;
    bool padded = false, afterPad = false;
    qint64 symbols = 0, pads = 0;
    for (char c : in) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '=') {
            padded = true;
            ++pads;
            continue;
        }
        const int v = table[u];
        if (v < 0) {
            if (c != '\r' && c != '\n' && c != ' ' && c != '\t')
                ++garbage;
            continue;
        }
        if (padded)
            afterPad = true;
        ++symbols;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((acc >> bits) & 0xff));
        }
    }
    if (problems) {
        if (garbage > 0)
            problems->append(QCoreApplication::translate("Message",
                "%1 character(s) outside the base64 alphabet were "
                "ignored (RFC 2045 6.8).")
                                 .arg(garbage));
        if (afterPad)
            problems->append(QCoreApplication::translate(
                "Message", "Base64 data continues after \"=\" padding; decoded anyway."));
        if ((symbols + pads) % 4 != 0)
            problems->append(QCoreApplication::translate(
                "Message", "The base64 data ends in the middle of a group: it may be truncated."));
    }
    return out;
}

QByteArray decodeQuotedPrintable(QByteArrayView in, QStringList* problems)
{
    QByteArray out;
    out.reserve(in.size());
    qint64 bad = 0;
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = in[i];
        if (c != '=') {
            out.append(c);
            continue;
        }
        // Soft line break: "=" then optional transport padding then CRLF (RFC 2045 6.7 (5)).
        qsizetype k = i + 1;
        while (k < n && (in[k] == ' ' || in[k] == '\t'))
            ++k;
        if (k < n && in[k] == '\r' && k + 1 < n && in[k + 1] == '\n') {
            i = k + 1;
            continue;
        }
        if (k < n && in[k] == '\n') {
            i = k;
            continue;
        }
        if (k >= n) { // "=" at the very end
            i = n;
            continue;
        }
        if (i + 2 < n && detail::hexDigit(in[i + 1]) >= 0 && detail::hexDigit(in[i + 2]) >= 0) {
            out.append(char(detail::hexDigit(in[i + 1]) * 16 + detail::hexDigit(in[i + 2])));
            i += 2;
            continue;
        }
        ++bad; // RFC 2045 6.7 note (2): keep the "=" as is
        out.append(c);
    }
    if (problems && bad > 0)
        problems->append(QCoreApplication::translate("Message",
            "%1 \"=\" sign(s) not followed by two hex "
            "digits were kept as is (RFC 2045 6.7).")
                             .arg(bad));
    return out;
}

} // namespace

QByteArray decodePartBody(const Message& message, const MimePart& part, QStringList* problems)
{
    const QByteArray& b = message.bytes();
    const qint64 off = std::clamp<qint64>(part.bodyOffset, 0, b.size());
    const qint64 len = std::clamp<qint64>(part.bodyLength, 0, b.size() - off);
    const QByteArrayView body = QByteArrayView(b).sliced(off, len);
    if (part.transferEncoding == "base64")
        return decodeBase64Lenient(body, problems);
    if (part.transferEncoding == "quoted-printable")
        return decodeQuotedPrintable(body, problems);
    if (problems && part.transferEncoding != "7bit" && part.transferEncoding != "8bit"
        && part.transferEncoding != "binary")
        problems->append(QCoreApplication::translate("Message",
            "Unknown transfer encoding \"%1\"; the "
            "body is shown as is (RFC 2045 6.4).")
                             .arg(QString::fromLatin1(part.transferEncoding.left(60))));
    return body.toByteArray();
}

} // namespace ms
