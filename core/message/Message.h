#pragma once

#include "trace/Source.h"
#include "trace/Step.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace ms {

// One header field. The views point into Message::bytes() (the CRLF-normalized view),
// which is immutable and implicitly shared, so they stay valid while any copy of the
// Message lives.
struct HeaderField {
    QByteArrayView name; // as written, case preserved, no trailing whitespace
    QByteArrayView raw; // the whole field: name, colon, value, folding, final CRLF
    QByteArrayView value; // after the colon, up to but excluding the final CRLF (folding kept)
    qint64 offset = 0; // of raw in Message::bytes()
    qint64 valueOffset = 0; // of value in Message::bytes()
    int index = 0; // position among all header fields, 0 = topmost

    bool nameIs(QByteArrayView n) const; // ASCII case-insensitive
    QByteArray unfolded() const; // CRLFs of folding removed (RFC 5322 2.2.3)
    QString decoded() const; // unfolded, trimmed, RFC 2047 decoded: display only
};

enum class LineEndings { Crlf, Lf, Mixed, None };

// A MIME entity with its spans in Message::bytes().
struct MimePart {
    QByteArray contentType = "text/plain"; // lower-case type/subtype
    QByteArray charset;
    QByteArray boundary; // multipart only
    QByteArray transferEncoding; // lower-case, "7bit" when absent
    QByteArray fileName;
    qint64 offset = 0, length = 0; // the whole entity (headers + body)
    qint64 bodyOffset = 0, bodyLength = 0; // its body
    QList<HeaderField> headers;
    std::vector<MimePart> children;
    QStringList problems; // e.g. "closing boundary missing"
    // multipart only: text before the first delimiter and after the close delimiter
    // (RFC 2046 5.1.1), both ignored by readers; epilogueOffset is -1 when there is none.
    qint64 preambleOffset = 0, preambleLength = 0;
    qint64 epilogueOffset = -1, epilogueLength = 0;
    bool isMultipart() const { return contentType.startsWith("multipart/"); }
};

// One Received header field, parsed. Values are empty where the MTA did not record them.
struct ReceivedHop {
    int fieldIndex = -1; // index in Message::headers()
    QString fromHelo; // the name the client gave in HELO/EHLO
    QString fromRdns; // the reverse-DNS name the receiver recorded
    QString fromIp; // the client's address as recorded (IPv4 or IPv6, no brackets)
    QString by; // the receiving host
    QString with; // protocol: SMTP, ESMTP, ESMTPS, ESMTPSA, LMTP, HTTP, ...
    QString id;
    QString forAddr;
    QDateTime date;
    QString tlsVersion; // "TLSv1.3" where recorded
    QString tlsCipher;
    QString format; // "postfix", "exim", "sendmail", "exchange", "gmail", "unknown"
    QList<Span> spans; // span of the field and of each parsed clause ("message" source)
    QStringList spanNames; // parallel to spans: "field", "from", "by", "with", "id", "for",
                           // "via", "tls", "date"
};

// A value the envelope guess produced, with why it was chosen.
struct EnvelopeValue {
    QString value;
    QString reason; // translated, plain words
    QList<Span> spans; // where it came from in the message
    bool overridden = false; // given by the user
    bool isEmpty() const { return value.isEmpty(); }
};

struct Envelope {
    EnvelopeValue clientIp;
    EnvelopeValue helo;
    EnvelopeValue mailFrom; // may be "<>" (null reverse-path)
};

struct ParseNote {
    Status status = Status::Info; // Info or Warning (or PermError for unusable input)
    QString text; // translated
    QList<Span> spans;
};

struct ParseOptions {
    qint64 maxBytes = qint64(1) << 30; // refuse larger input with a clear note
};

class Message
{
public:
    // Never throws, never fails: garbage yields a Message whose notes say what is wrong.
    static Message parse(QByteArray original, const ParseOptions& options = {});

    const QByteArray& original() const; // the input exactly as given
    const QByteArray& bytes() const; // CRLF-normalized view: the "message" Source
    bool isNormalized() const; // bytes() differs from original()
    qint64 originalOffset(qint64 pos) const; // map a bytes() offset to original()
    LineEndings lineEndings() const; // of the original

    const QList<HeaderField>& headers() const;
    QList<const HeaderField*> fields(QByteArrayView name) const; // top to bottom
    const HeaderField* first(QByteArrayView name) const;

    bool hasBody() const; // false for pasted header-only input
    qint64 headerEnd() const; // offset just after the header block (before the blank line)
    qint64 bodyOffset() const; // first byte of the body (bytes().size() if none)
    QByteArrayView body() const;

    const MimePart& mime() const;
    const QList<ReceivedHop>& hops() const; // topmost (newest) first
    Envelope guessEnvelope() const;

    const QList<ParseNote>& notes() const;
    Step parseStep() const; // "message.parse": line endings, mbox line, notes, structure
    Source source() const; // the "message" Source (shares bytes())
    Source originalSource() const; // "original" (shares original())

    Message();
    ~Message();
    Message(const Message&);
    Message& operator=(const Message&);
    Message(Message&&) noexcept;
    Message& operator=(Message&&) noexcept;

private:
    struct Data; // core/message/MessageData.h
    static const std::shared_ptr<const Data>& emptyData();
    std::shared_ptr<const Data> d;
};

// RFC 2047 encoded-word decoding for display (never for verification).
QString decodeRfc2047(QByteArrayView value);

// RFC 5322 3.2.2: v[i] is '('; returns the index just after the matching ')' (nested
// comments, quoted pairs), or v.size() with *closed false when the comment never ends.
qsizetype skipComment(QByteArrayView v, qsizetype i, bool* closed = nullptr);

// RFC 5322 3.3 date-time (and the obsolete forms of 4.3, trailing comments such as "(UTC)").
// Invalid when the text is not a date.
QDateTime parseRfc5322Date(QByteArrayView text);

// The body of a MIME part with its Content-Transfer-Encoding undone (base64, quoted-printable)
// for display. Broken input is decoded best-effort; what was wrong goes into *problems.
QByteArray decodePartBody(
    const Message& message, const MimePart& part, QStringList* problems = nullptr);

// Split an mbox file into messages (offsets of each "From " separated message).
struct MboxEntry {
    qint64 offset = 0, length = 0;
    QString fromLine; // the separator line, for the message picker
    QString subject;
    int quotedFromLines = 0; // body lines starting ">From " (mboxo/mboxrd quoting, kept)
};
QList<MboxEntry> splitMbox(const QByteArray& mbox);

} // namespace ms
