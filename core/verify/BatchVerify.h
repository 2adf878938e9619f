#pragma once

#include "message/Message.h"
#include "report/Report.h"
#include "verify/BatchInputs.h"
#include "verify/Verifier.h"

#include <QString>

#include <atomic>

namespace ms {

// One batch job, read and verified. Shared by the CLI batch and the GUI batch view.
struct BatchVerification {
    QString error; // why the job could not be read (translated); then nothing else is set
    Message message; // the whole message, or only its header block when `streamed`
    Report report;
    bool streamed = false; // the body was hashed while it was read, never held whole
    // Streamed, then read whole because the body was needed after all (a failing body hash
    // is explained from its bytes), and verified with the hashes computed while streaming.
    bool hashesReused = false;
};

// Reads and verifies a job. When the verifier allows it (Verifier::streamsBody()), a message
// larger than one read is not held whole: its header block is parsed alone and its body is
// read in cache-sized pieces straight into the body hashes its DKIM and ARC message
// signatures ask for (dkim/BodyDigests.h), so each byte is touched while it is in cache instead of
// in three passes over a buffer as large as the message. Whenever that could give anything but the
// whole message's report (a body hash that does not match, which is explained from the
// body's bytes; indented or odd input; more than 16 different body hashes), the job is read
// and verified whole instead.
//
// `pieceBytes` is the size of each read (clamped to 16 B .. kBatchPieceBytes): the default
// everywhere but in fuzz_verify, which reads small inputs in small pieces so that they take
// the streamed path and compares the result with the whole message's.
constexpr qint64 kBatchPieceBytes = 64 * 1024;
BatchVerification verifyBatchJob(const Verifier& verifier, const BatchJob& job,
    const std::atomic_bool* cancelled = nullptr, qint64 pieceBytes = kBatchPieceBytes);

// A job whose whole file BatchPrefetch read ahead (verify/BatchInputs.h): verified as
// verifyBatchJob() verifies a file that fits in its first read.
BatchVerification verifyBatchBytes(const Verifier& verifier, const BatchJob& job,
    QByteArrayView whole, const std::atomic_bool* cancelled = nullptr);

} // namespace ms
