#include "verify/BatchVerify.h"

#include "dkim/BodyDigests.h"
#include "message/CrlfStream.h"

#include <QByteArrayView>

#include <algorithm>
#include <memory>
#include <optional>

namespace ms {

namespace {

// Reads are of kBatchPieceBytes (BatchVerify.h) unless the caller asks for smaller ones:
// pieces that stay in the core's cache between reading and hashing. A message that fits in
// one read is held whole (almost every message).
// A header block larger than this is verified whole (hostile input; nothing to gain).
constexpr qsizetype kMaxHeaderBlock = 1024 * 1024;

// Where the first empty line ends (just after its LF), searching from `from`; -1 if none yet.
// An empty line is "\n" or "\r\n" right after a LF.
qsizetype emptyLineEnd(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(from, 0); i < bytes.size();) {
        const qsizetype lf = bytes.indexOf('\n', i);
        if (lf < 0)
            return -1;
        if (lf + 1 < bytes.size() && bytes[lf + 1] == '\n')
            return lf + 2;
        if (lf + 2 < bytes.size() && bytes[lf + 1] == '\r' && bytes[lf + 2] == '\n')
            return lf + 3;
        if (lf + 2 >= bytes.size())
            return -1; // the next bytes decide: search again from this LF
        i = lf + 1;
    }
    return -1;
}

// Message::parse removes an indentation common to every line of the input (text pasted
// from a quoting viewer): a decision about the whole file that a header block parsed alone
// cannot make for it. Such a block starts, in the original, after whitespace.
bool startsIndented(const Message& m)
{
    const qint64 o = m.originalOffset(m.headers().first().offset);
    return o > 0 && (m.original()[o - 1] == ' ' || m.original()[o - 1] == '\t');
}

BatchVerification verifyWhole(const Verifier& verifier, const BatchJob& job, QByteArray bytes,
    const std::atomic_bool* cancelled)
{
    BatchVerification out;
    out.message = Message::parse(std::move(bytes));
    out.report = verifier.verify(out.message, job.name, cancelled);
    return out;
}

// After a streamed pass found that the body is needed after all: the job read whole and
// verified with the body hashes computed while it streamed past, which are not computed again.
// A file that is not the size it was while streaming is verified from scratch.
std::optional<BatchVerification> verifyHeld(const Verifier& verifier, const BatchJob& job,
    dkim::BodyDigests& digests, qint64 streamedBytes, const std::atomic_bool* cancelled)
{
    BatchVerification out;
    QByteArray bytes;
    if (!readBatchJob(job, &bytes, &out.error) || bytes.size() != streamedBytes)
        return std::nullopt;
    out.message = Message::parse(std::move(bytes));
    digests.setBodyHeld();
    out.report = verifier.verifyHeld(out.message, digests, job.name, cancelled);
    out.hashesReused = true;
    return out;
}

// `in` has just read a whole piece into `piece` (`size` bytes), which is reused for the rest.
// Nothing when the job must be verified whole.
std::optional<BatchVerification> verifyStreamed(const Verifier& verifier, const BatchJob& job,
    BatchJobPieces& in, char* piece, qint64 size, const std::atomic_bool* cancelled)
{
    const qint64 maxBytes = ParseOptions {}.maxBytes;

    // The header block and its blank line, parsed on their own. The parse must end the block
    // at that same blank line; an input whose CRLF view is decided for the whole file at once
    // (common indentation removed) is verified whole.
    QByteArray head(piece, qsizetype(size));
    qsizetype end = emptyLineEnd(head, 0);
    while (end < 0) {
        if (head.size() >= kMaxHeaderBlock)
            return std::nullopt;
        const qint64 n = in.read(piece, size);
        if (n <= 0)
            return std::nullopt;
        const qsizetype searchFrom = head.size() - 2; // a LF just before the new piece
        head.append(piece, qsizetype(n));
        end = emptyLineEnd(head, searchFrom);
    }
    BatchVerification out;
    out.message = Message::parse(head.first(end));
    const Message& m = out.message;
    if (!m.hasBody() || m.headers().isEmpty() || m.bodyOffset() != m.bytes().size()
        || startsIndented(m))
        return std::nullopt;

    const std::unique_ptr<dkim::BodyDigests> digests = dkim::BodyDigests::forMessage(m);
    if (!digests || !in.isRegularFile())
        return std::nullopt;
    // Without DKIM signatures nothing reads the body: it is not read at all.
    qint64 total = -1; // bytes read, when the body was
    if (!digests->keys().isEmpty()) {
        BodyCrlfStream crlf([&digests](QByteArrayView v) { digests->feed(v); });
        total = head.size();
        crlf.feed(QByteArrayView(head).sliced(end));
        head = QByteArray();
        for (;;) {
            if (cancelled && cancelled->load(std::memory_order_relaxed)) {
                // Stopped (the GUI's cancel): every check is reported as not run.
                out.report = verifier.verify(m, job.name, cancelled);
                return out;
            }
            const qint64 n = in.read(piece, size);
            if (n < 0 || (total += n) > maxBytes)
                return std::nullopt; // readBatchJob() and Message::parse say what is wrong
            if (n == 0)
                break;
            crlf.feed(QByteArrayView(piece, qsizetype(n)));
        }
        if (!in.complete())
            return std::nullopt;
        crlf.finish();
    }
    digests->finish();
    if (!digests->contradicts(m)) {
        out.report = verifier.verifyStreamed(m, *digests, job.name, cancelled);
        if (!digests->bodyNeeded()) {
            out.streamed = true;
            return out;
        }
    }
    if (total < 0)
        return std::nullopt;
    return verifyHeld(verifier, job, *digests, total, cancelled);
}

} // namespace

BatchVerification verifyBatchJob(const Verifier& verifier, const BatchJob& job,
    const std::atomic_bool* cancelled, qint64 pieceBytes)
{
    if (verifier.streamsBody()) {
        // One open and one read for a message that fits in a piece (almost every one); a
        // larger one is streamed from the same descriptor.
        BatchJobPieces in(job);
        const qint64 size = std::clamp<qint64>(pieceBytes, 16, kBatchPieceBytes);
        thread_local std::unique_ptr<char[]> piece(new char[kBatchPieceBytes]);
        const qint64 n = in.isOpen() ? in.read(piece.get(), size) : -1;
        if (n > 0 && n < size && in.complete())
            return verifyWhole(verifier, job, QByteArray(piece.get(), qsizetype(n)), cancelled);
        if (n == size) {
            if (std::optional<BatchVerification> s
                = verifyStreamed(verifier, job, in, piece.get(), size, cancelled))
                return std::move(*s);
        }
    }
    // Everything else, and whatever went wrong above, the way that says what is wrong.
    BatchVerification out;
    QByteArray bytes;
    if (!readBatchJob(job, &bytes, &out.error))
        return out;
    return verifyWhole(verifier, job, std::move(bytes), cancelled);
}

BatchVerification verifyBatchBytes(const Verifier& verifier, const BatchJob& job,
    QByteArrayView whole, const std::atomic_bool* cancelled)
{
    return verifyWhole(verifier, job, whole.toByteArray(), cancelled);
}

} // namespace ms
