#pragma once

#include "crypto/Digest.h"
#include "message/Message.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace ms::dkim {

// RFC 6376 3.4 canonicalization algorithms.
enum class Canon { Simple, Relaxed };
QString canonName(Canon c); // "simple", "relaxed"
std::optional<Canon> canonFromName(QByteArrayView name);

// One header field, canonicalized, final CRLF included. `rawField` is the whole field as in
// the message: name, colon, value, folding, CRLF (a missing final CRLF is supplied).
QByteArray canonHeaderSimple(QByteArrayView rawField); // 3.4.1: unchanged
QByteArray canonHeaderRelaxed(QByteArrayView rawField); // 3.4.2
QByteArray canonHeader(Canon c, QByteArrayView rawField);

// One output line of the body canonicalizer with where it came from.
struct CanonLine {
    qint64 inOffset = 0; // in the input body
    qint64 inLength = 0; // the input line, its CRLF included when it had one
    qint64 outOffset = 0; // in the canonical body
    qint64 outLength = 0; // the canonical line, CRLF included
};

// RFC 6376 3.4.3/3.4.4 body canonicalization as a stream: feed() the body in chunks of any
// size, then finish(). Lines end at CRLF only (a bare CR or LF is an ordinary byte). Empty
// lines are held back until a non-empty line shows they are not at the end.
//
// What is kept is chosen up front: the canonical bytes (output()), one CanonLine per output
// line (lines(), for the forensic prefix search and spans), neither, and/or a sink that
// receives the canonical bytes in pieces as they are produced (the body hash: a batch run
// hashes without ever holding the canonical body). The per-byte work is a table-driven scan
// that copies runs of ordinary bytes at once, so canonicalization keeps pace with SHA-256.
class BodyCanonicalizer
{
public:
    enum Keep { KeepNothing = 0, KeepOutput = 1, KeepLines = 2, KeepAll = 3 };
    using Sink = std::function<void(QByteArrayView)>;

    explicit BodyCanonicalizer(Canon c, int keep = KeepAll, Sink sink = {});

    void feed(QByteArrayView chunk);
    void finish();

    Canon canon() const { return m_canon; }
    const QByteArray& output() const { return m_out; } // empty unless KeepOutput
    // KeepOutput: room for this many canonical bytes (at most the input's size plus the CRLF
    // that may be added), so that output() does not grow by copies.
    void reserve(qsizetype bytes)
    {
        if (m_keep & KeepOutput)
            m_out.reserve(bytes);
    }
    const QList<CanonLine>& lines() const { return m_lines; } // empty unless KeepLines
    qint64 outputSize() const { return m_outSize; } // canonical bytes produced so far
    qint64 lineCount() const { return m_lineCount; } // canonical lines produced so far
    qint64 inputSize() const { return m_inPos; }
    // After finish(): the trailing empty (relaxed: whitespace-only) lines that were dropped,
    // as a span of the input, and how many; whether a CRLF had to be added.
    qint64 ignoredTrailingOffset() const { return m_ignoredOffset; }
    qint64 ignoredTrailingLength() const { return m_ignoredLength; }
    int ignoredTrailingLines() const { return int(m_ignoredLines); }
    bool addedFinalCrlf() const { return m_addedCrlf; }

private:
    void content(char c);
    void endLine(qint64 inEnd);
    void write(const char* p, qsizetype n);
    void flush();

    Canon m_canon;
    int m_keep;
    Sink m_sink;
    QByteArray m_out;
    QList<CanonLine> m_lines;
    QList<CanonLine> m_held; // KeepLines: input spans of held-back empty lines
    char m_buf[16384]; // staging for the sink and output()
    qsizetype m_bufLen = 0;
    qint64 m_inPos = 0; // input bytes consumed
    qint64 m_lineIn = 0; // input offset where the current line starts
    qint64 m_lineOut = 0; // output offset where the current line starts
    qint64 m_outSize = 0;
    qint64 m_lineCount = 0;
    qint64 m_heldCount = 0; // held-back empty lines
    qint64 m_heldFirst = -1; // input offset of the first held-back empty line
    bool m_cr = false; // the previous byte was a CR, not yet known to end the line
    bool m_wsp = false; // relaxed: a run of WSP not yet written (one SP, or dropped at EOL)
    bool m_lineContent = false; // the current line has produced output
    qint64 m_ignoredOffset = 0, m_ignoredLength = 0, m_ignoredLines = 0;
    bool m_addedCrlf = false;
    bool m_finished = false;
};

// Hashes of the canonical body (RFC 6376 3.7), without keeping it: the body is
// canonicalized once and fed to one digest per (algorithm, l=) asked for.
struct BodyHashRequest {
    crypto::DigestAlgorithm algorithm = crypto::DigestAlgorithm::Sha256;
    qint64 limit = -1; // l=; -1 = whole body
    QByteArray hash; // filled in
};
struct BodyHashRun {
    qint64 canonicalSize = 0;
    qint64 canonicalLines = 0;
    qint64 ignoredTrailingOffset = 0, ignoredTrailingLength = 0, ignoredTrailingLines = 0;
    bool addedFinalCrlf = false;
    QByteArray canonical; // only when asked to keep it
};
BodyHashRun hashCanonicalBody(
    Canon c, QByteArrayView body, QList<BodyHashRequest>& requests, bool keepCanonical = false);

// hashCanonicalBody() as a stream: feed() the body in pieces of any size, then finish(),
// which fills in each request's hash. A batch hashes a large body this way while it reads it
// (dkim/BodyDigests.h). Not copyable: the canonicalizer's sink points into it.
class BodyHasher
{
public:
    BodyHasher(Canon c, const QList<BodyHashRequest>& requests, bool keepCanonical = false);
    BodyHasher(const BodyHasher&) = delete;
    BodyHasher& operator=(const BodyHasher&) = delete;

    void feed(QByteArrayView piece) { m_canon.feed(piece); }
    void reserve(qsizetype bytes) { m_canon.reserve(bytes); } // see BodyCanonicalizer
    BodyHashRun finish(QList<BodyHashRequest>& requests);

private:
    struct Running {
        crypto::Digest digest;
        qint64 remaining; // -1: unlimited
    };
    std::vector<Running> m_running;
    BodyCanonicalizer m_canon;
    bool m_keep;
};
QByteArray hashCanonicalBody(
    Canon c, crypto::DigestAlgorithm a, QByteArrayView body, qint64 limit = -1);

// Convenience: the whole body at once.
QByteArray canonBody(Canon c, QByteArrayView body);

// One h= entry after header selection (RFC 6376 5.4.2): which field it took, bottom-up.
struct SelectedHeader {
    QByteArray name; // as written in h=
    int fieldIndex = -1; // index into the header list; -1 = no instance left (contributes
                         // nothing: over-signing, 5.4.2 "nonexistent header field")
};

// For each name, the bottom-most instance not taken yet by an earlier identical name.
// `exclude` (a field index, e.g. the signature being verified) is never selected.
QList<SelectedHeader> selectHeaders(
    const QList<HeaderField>& headers, const QList<QByteArray>& names, int exclude = -1);

// The header hash input (RFC 6376 3.7): each selected field canonicalized, in h= order,
// then the signature field itself (b= already emptied by the caller) canonicalized and
// without its final CRLF. Records where each part lies in `bytes`.
struct HeaderBlock {
    struct Part {
        QByteArray name;
        int fieldIndex = -1; // -1: nothing selected (contributes no bytes)
        qint64 offset = 0, length = 0;
    };
    QByteArray bytes;
    QList<Part> parts;
    qint64 signatureOffset = 0, signatureLength = 0;
};
HeaderBlock buildHeaderBlock(const QList<HeaderField>& headers,
    const QList<SelectedHeader>& selected, Canon c, QByteArrayView signatureFieldBEmptied);

// Splits an h= value ("from : to:subject") into names, FWS removed.
QList<QByteArray> splitHeaderList(QByteArrayView value);

} // namespace ms::dkim
