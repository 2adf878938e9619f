#pragma once

// Private to core/message: the shared, immutable state behind ms::Message.

#include "message/Hex.h"
#include "message/Message.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <mutex>
#include <vector>

namespace ms {

struct Message::Data {
    QByteArray original;
    QByteArray bytes; // CRLF-normalized; shares original when nothing had to change

    // Offset map bytes() -> original(). A segment starts wherever bytes were dropped from
    // the original (mbox line, leading blank lines, indentation); inside a segment the
    // mapping is linear except for the synthetic bytes listed in inserted (CRs added
    // before bare LFs, a CRLF added at the end), which map to the next original byte.
    struct Segment {
        qint64 bytesPos = 0;
        qint64 originalPos = 0;
    };
    std::vector<Segment> segments;
    std::vector<qint64> inserted; // sorted bytes() positions of synthetic bytes

    LineEndings lineEndings = LineEndings::None;
    bool normalized = false;
    bool tooLarge = false;
    QByteArray mboxFromLine; // the dropped "From " separator line, without line end

    QList<HeaderField> headers;
    qint64 headerEnd = 0;
    qint64 bodyOffset = 0;
    bool hasBody = false;

    // The MIME tree and the notes about it are made on first use too (mime(), notes(),
    // parseStep()): DKIM, SPF, DMARC and ARC never walk it, and on large attachments the
    // boundary search was 6 % of a DKIM-only batch. notes holds parsing's own notes at
    // once; the MIME notes join it, after them, on first use (same once_flag rule as hops).
    mutable std::once_flag mimeOnce;
    bool mimePending = false; // set by a parse that read a header: the tree is still to make
    mutable MimePart mime;
    mutable QList<ParseNote> notes;
    const Data& structured() const;

    // The Received chain, parsed on first use (Message::hops()) and then kept: a batch that
    // verifies DKIM only never needs it, and it was two thirds of parsing a small message.
    // Data is shared between threads (checks may run in parallel), so the first use is
    // serialised by the once_flag; afterwards hops is read-only.
    mutable std::once_flag hopsOnce;
    mutable QList<ReceivedHop> hops;
    const QList<ReceivedHop>& receivedChain() const;

    // Counts for the parse step.
    qint64 crlfCount = 0, lfCount = 0, bareCrCount = 0, nulCount = 0;
};

namespace detail {

// Parse a block of header fields in bytes() starting at begin and ending at end
// (exclusive). Stops at the blank line or at the first line that is not a header field.
// Returns the offset where the header block ends (start of the blank line or of the
// offending line); *stopReason: 0 = blank line, 1 = end of input, 2 = not a header line.
qint64 parseHeaderBlock(const QByteArray& bytes, qint64 begin, qint64 end, QList<HeaderField>& out,
    int* stopReason, int indexBase = 0);

// Parse the MIME tree of the message (or of an entity) and return its root.
MimePart parseMime(const QByteArray& bytes, const QList<HeaderField>& headers, qint64 offset,
    qint64 length, qint64 bodyOffset, qint64 bodyLength, QList<ParseNote>& notes);

QList<ReceivedHop> parseReceivedChain(const QByteArray& bytes, const QList<HeaderField>& headers);
// Envelope parses only what the envelope guess reads: from (address, reverse DNS name,
// HELO), by, with, and the field's, from's, by's and with's spans; format, TLS, id, for and
// the date stay empty (a batch verifies thousands of messages and prints only the guess).
enum class ReceivedDetail { Full, Envelope };
ReceivedHop parseReceived(const HeaderField& field, ReceivedDetail detail = ReceivedDetail::Full);

// A textual IPv4 or IPv6 address (no brackets, no "IPv6:" prefix).
bool isIpAddress(const QString& s, bool* v6 = nullptr);
bool isIpAddress(QByteArrayView s, bool* v6 = nullptr);

// Parameter value (as written, unquoted; RFC 2231 values converted to UTF-8) of a
// structured header such as Content-Type (RFC 2045 5.1, RFC 2231 3-4); empty when absent.
QByteArray headerParameter(QByteArrayView value, QByteArrayView name, bool* found = nullptr);

using ms::hexDigit; // message/Hex.h

} // namespace detail
} // namespace ms
