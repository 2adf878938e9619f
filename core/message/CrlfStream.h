#pragma once

#include <QByteArrayView>

#include <functional>

namespace ms {

// The body's share of the CRLF view (Message::bytes()), made piece by piece from the
// original bytes after the header block's blank line exactly as Message::parse makes it: a
// LF without a CR before it becomes CRLF, a CR alone stays, and a last line without an
// ending gets CRLF. A batch streams a large message's body through this into its body
// hashes (dkim/BodyDigests.h) instead of holding it; tst_batch_stream pins it to parse().
class BodyCrlfStream
{
public:
    using Sink = std::function<void(QByteArrayView)>;
    explicit BodyCrlfStream(Sink sink);

    void feed(QByteArrayView original);
    void finish();

    // The scan for bare LFs takes 32 bytes a step where the CPU has AVX2; tests run the
    // 16-byte baseline too by allowing it or not.
    static void setAvx2Allowed(bool allowed);

private:
    Sink m_sink;
    bool m_lastCr = false; // the last byte fed was a CR
    bool m_lineOpen = false; // bytes were fed since the last LF
};

} // namespace ms
