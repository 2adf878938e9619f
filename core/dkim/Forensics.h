#pragma once

#include "crypto/Digest.h"
#include "crypto/Keys.h"
#include "dkim/Canon.h"
#include "message/Message.h"
#include "trace/Step.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ms::dkim {

// What an investigation proved (or that it proved nothing).
struct Finding {
    bool proven = false;
    QString reason; // stable code: "body-appended", "body-modified", "header-modified"
    QString transit; // stable id of the change: "prefix", "crlf-as-lf", "subject-tag", ...
    QString text; // plain words, translated
    Step step; // "dkim.forensics" with one child per hypothesis tried
};

// Body hash mismatch: the prefix search at line boundaries (copies of one running digest, so
// it costs about one body hash plus a bounded number of finalizations) and the usual transit
// changes, each re-hashed and compared with bh=.
struct BodyEvidence {
    const Message& message;
    Canon canon = Canon::Simple;
    crypto::DigestAlgorithm algorithm = crypto::DigestAlgorithm::Sha256;
    QByteArray expected; // bh= bytes
    qint64 limit = -1; // l=
    const QByteArray& canonical;
    const QList<CanonLine>& lines;
    QString bodySource; // "dkim/N/body"
};
Finding investigateBody(const BodyEvidence& e);

// Prefix search alone (exposed for tests and the cost bound): the canonical byte length of
// the longest prefix ending at a line boundary whose digest equals `expected`, or -1.
//
// Cost, counted in eighths of a compression block (64 bytes for SHA-1 and SHA-256), never
// more than 1.5x one hash of the whole canonical body at any size (no floor). One body hash
// costs its compression blocks plus finishing the digest (kPrefixFinalOverheadEighths: the
// padding, copies and calls); the search costs
//  - the pass: the canonical body hashed once in whole blocks, up to the last boundary
//    examined (nothing is hashed twice);
//  - per boundary examined: its 1 or 2 final blocks on a copy of the chaining value, plus
//    kPrefixFinalOverheadEighths;
//  - the walks over the line table: kPrefixWalkEighths per line looked at
//    (kPrefixWalkEighthsFromMemory when the table and the body exceed kPrefixCachedBytes).
// The constants were measured with mailscope_bench (BM_PrefixSearch against BM_PrefixBodyHash).
// When every boundary fits, every one is examined. Otherwise a quarter of what is left after the
// pass goes to every boundary from the end back (footers are appended there), the rest to
// walking the lines before that run (as far back as half of it allows) and to the boundaries
// there where a signed body most likely ended, from the end back: before a signature
// separator ("-- ") or a "__" rule and after a MIME closing delimiter, then before an empty
// line (and the empty body), then before other "--" lines (MIME boundaries). Lines not looked
// at count as one boundary each (exactCount is then false). The chosen boundaries are
// finished in order during the one pass, which stops at the first match: digests do not
// collide, so no other prefix matches.
inline constexpr qint64 kPrefixFinalOverheadEighths = 16;
// The counted budget is 1.4x one body hash, not the 1.5x allowed: the model is calibrated,
// not exact (with a 1.5x count the measured CPU time came to 1.52x at 64 KiB-25 MB).
inline constexpr qint64 kPrefixBudgetTenths = 14;
static_assert(kPrefixBudgetTenths <= 15, "the prefix search may cost at most 1.5x a body hash");
inline constexpr qint64 kPrefixWalkEighths = 1;
inline constexpr qint64 kPrefixWalkEighthsFromMemory = 3;
inline constexpr qint64 kPrefixCachedBytes = 8 << 20; // line table + body
struct PrefixSearch {
    enum class Stop {
        Complete, // every boundary examined, none matched
        Match, // stopped at the match
        Budget, // the budget ran out before every boundary was examined
    };
    qint64 matchLength = -1;
    int matchLines = 0; // lines in the matching prefix
    qint64 bytesHashed = 0; // the one pass over the canonical body
    int finalizations = 0; // state copies finished
    int candidates = 0; // line boundaries examined
    int boundaries = 0; // line boundaries where a signed body could end
    bool exactCount = true; // false: not every line was looked at; boundaries is then the
                            // number of line ends, an upper bound
    int tailFromLine = -1; // every boundary after this many lines was examined (-1: none)
    int likely = 0; // boundaries examined outside that run, chosen as likely ends
    qint64 linesWalked = 0; // line-table entries looked at
    qint64 bodyBlocks = 0; // compression blocks of one hash of the whole body
    qint64 bodyEighths = 0; // one body hash: bodyBlocks and finishing the digest, in 1/8 blocks
    qint64 budgetEighths = 0; // 1.5x bodyEighths
    qint64 searchEighths = 0; // what the search spent (pass, finalizations, walks)
    qint64 searchBlocks = 0; // searchEighths in blocks, rounded up
    Stop stop = Stop::Complete;
    bool complete() const { return candidates == boundaries && exactCount; }
};
PrefixSearch searchPrefix(crypto::DigestAlgorithm a, const QByteArray& canonical,
    const QList<CanonLine>& lines, const QByteArray& expected);

// Header signature mismatch (bh fine): usual intermediary edits undone, each checked against
// the real b= with the real key.
struct HeaderEvidence {
    const Message& message;
    int signatureField = -1; // index in message.headers()
    QList<QByteArray> names; // h=
    Canon canon = Canon::Simple;
    crypto::DigestAlgorithm algorithm = crypto::DigestAlgorithm::Sha256;
    crypto::PublicKey key;
    QByteArray signature; // b= bytes
    // RSA: the hash b= was made over (PublicKey::recoverSignedHash), when the caller has
    // it; each candidate edit then costs a hash instead of a public-key operation.
    QByteArray signedHash = {};
};
Finding investigateHeader(const HeaderEvidence& e);

} // namespace ms::dkim
