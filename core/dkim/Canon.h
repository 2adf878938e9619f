#pragma once

#include "message/Message.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

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
// lines are held back until a non-empty line shows they are not at the end, so output()
// grows line by line and lines() reports every line boundary with its input span.
class BodyCanonicalizer
{
public:
    explicit BodyCanonicalizer(Canon c);

    void feed(QByteArrayView chunk);
    void finish();

    Canon canon() const { return m_canon; }
    const QByteArray& output() const { return m_out; }
    const QList<CanonLine>& lines() const { return m_lines; }
    qint64 inputSize() const { return m_inPos + m_partial.size(); }
    // After finish(): the trailing empty (relaxed: whitespace-only) lines that were dropped,
    // as a span of the input, and how many; whether a CRLF had to be added.
    qint64 ignoredTrailingOffset() const { return m_ignoredOffset; }
    qint64 ignoredTrailingLength() const { return m_ignoredLength; }
    int ignoredTrailingLines() const { return m_ignoredLines; }
    bool addedFinalCrlf() const { return m_addedCrlf; }

private:
    void line(QByteArrayView text, bool terminated, qint64 inOffset);
    void put(QByteArrayView canon, qint64 inOffset, qint64 inLength);

    Canon m_canon;
    QByteArray m_out;
    QList<CanonLine> m_lines;
    QByteArray m_partial; // an unterminated line carried to the next feed()
    QList<qint64> m_pendingEmpty; // input offsets of held-back empty lines
    qint64 m_inPos = 0; // input offset of m_partial's first byte
    qint64 m_ignoredOffset = 0, m_ignoredLength = 0;
    int m_ignoredLines = 0;
    bool m_addedCrlf = false;
    bool m_finished = false;
};

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
