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
// Cost, counted in compression blocks (64 bytes for SHA-1 and SHA-256): one pass over the
// canonical body plus, per boundary examined, its 1 or 2 final blocks on a copy of the
// chaining value and one block for the overhead; nothing is hashed twice. The whole search
// stays within 1.5x one body hash (a body under a few KiB: kPrefixMinBlocks for the
// boundaries). When every boundary fits, every one is examined; otherwise structural
// boundaries first (before an empty line, a "--" line such as a MIME boundary or signature
// separator, a "__" rule; and the empty body), then every other boundary from the end
// backwards, where footers are appended.
inline constexpr qint64 kPrefixMinBlocks = 64;
struct PrefixSearch {
    qint64 matchLength = -1;
    int matchLines = 0; // lines in the matching prefix
    qint64 bytesHashed = 0; // the one pass over the canonical body
    int finalizations = 0; // state copies finished
    int candidates = 0; // line boundaries examined
    int boundaries = 0; // line boundaries where a signed body could end
    qint64 bodyBlocks = 0; // compression blocks of one hash of the whole body
    qint64 searchBlocks = 0; // compression blocks the search spent (pass + finalizations)
    bool complete() const { return candidates == boundaries; }
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
};
Finding investigateHeader(const HeaderEvidence& e);

} // namespace ms::dkim
