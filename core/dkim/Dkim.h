#pragma once

#include "dkim/Canon.h"
#include "dns/Resolver.h"
#include "message/Message.h"
#include "trace/Source.h"
#include "trace/Step.h"
#include "verify/Check.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>

namespace ms::dkim {

class BodyDigests;

// The verdict and explanation for one DKIM-Signature field.
struct SignatureResult {
    int index = 0; // 1-based, top to bottom; also the N in "dkim/N/..."
    int fieldIndex = -1; // in Message::headers()
    Status status = Status::None;
    QString reason; // stable code: "body-appended", "key-not-found", ... empty on pass
    QString finding; // plain words, translated: what changed, where proven
    QString transit; // stable id of the transit change or header edit that was proven
    QString domain, selector, algorithm, identity, canonicalization;
    bool testing = false; // key t=y
    int keyBits = 0;
    bool bodyChecked = false, bodyHashOk = false, signatureOk = false;
    QByteArray computedBh, expectedBh; // raw bytes
    QByteArray canonicalHeader; // the exact bytes hashed for b= (signature field b= emptied)
    QByteArray canonicalBody; // the whole canonical body (l= not applied)
    qint64 bodyLimit = -1; // l=, -1 when absent
    Step step; // "dkim.signature"
    QList<Source> sources; // "dkim/N/header", "dkim/N/body", "dkim/N/key"

    QJsonObject toJson() const;
    // The same object written straight as compact JSON text, byte for byte what
    // QJsonDocument writes for toJson() (batch JSON lines skip building the QJsonObject).
    void writeJson(QByteArray& out) const;
};

struct VerifyInput {
    const Message& message;
    dns::Resolver& dns;
    QDateTime evaluationTime; // UTC; invalid = now
    const std::atomic_bool* cancelled = nullptr;
    bool forensics = true; // investigate failures (costs extra hashing)
    // Keep each signature's canonical body as a source for display. A batch run turns this
    // off: the body is then hashed without being held (a failing signature still gets it).
    bool keepCanonical = true;
    int* bodyPasses = nullptr; // out, if set: canonicalize-and-hash passes over the body
    // Summary-only (VerifyOptions::summaryOnly): every result field, reason, finding and the
    // signature step's title, status, detail and facts are exactly as in a full run, but the
    // explanatory sub-steps (tags, time, body, header fields, key, DNS answer, verify) and
    // the sources they point into are not built.
    bool summaryOnly = false;
    // The body hashes, computed while a batch streamed the body past (message then holds only
    // the header block); see BodyDigests.h.
    const BodyDigests* bodyDigests = nullptr;
};

// Verifies every DKIM-Signature of the message (RFC 6376 6, RFC 8301, RFC 8463).
QList<SignatureResult> verifyAll(const VerifyInput& in);

// The "dkim" check for the Verifier: one child step per signature, sources, JSON array,
// and Outcomes::dkim filled.
CheckResult check(const CheckContext& ctx);

// Canonicalizes one signature's header block and body exactly as verification does (no
// DNS, no crypto): the basis of compare() and of the forensic hypotheses.
struct Canonical {
    bool ok = false;
    QString problem;
    QByteArray header; // b= emptied, signature field last without CRLF
    QByteArray body; // whole canonical body
    Canon headerCanon = Canon::Simple, bodyCanon = Canon::Simple;
};
Canonical canonicalize(const Message& m, int fieldIndex);

// Compares two copies of a message (as sent and as received): for each DKIM signature found
// in both (matched by d=, s= and b=), a line diff of its canonical header block and of its
// canonical body. Step kind "dkim.compare".
struct CompareSignature {
    QString domain, selector;
    bool headerSame = false, bodySame = false;
    QStringList headerDiff, bodyDiff; // unified-style lines: "  same", "- sent", "+ received"
};
struct CompareResult {
    QList<CompareSignature> signatures;
    QStringList unmatched; // signatures present in only one copy
    Step step;
};
CompareResult compareCopies(const Message& sent, const Message& received);
Step compare(const Message& sent, const Message& received);

// A small line diff (LCS, bounded): lines prefixed "  ", "- ", "+ ". Exposed for tests.
QStringList diffLines(const QByteArray& a, const QByteArray& b, int maxLines = 2000);

} // namespace ms::dkim
