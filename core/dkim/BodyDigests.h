#pragma once

#include "dkim/Canon.h"
#include "dkim/TagList.h"
#include "message/Message.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <atomic>
#include <memory>
#include <optional>

namespace ms::dkim {

// What one body hash depends on (RFC 6376 3.7): the body canonicalization, the hash
// algorithm and l= (-1: the whole body).
struct BodyKey {
    Canon canon;
    crypto::DigestAlgorithm alg;
    qint64 limit;
    bool operator==(const BodyKey&) const = default;
};
size_t qHash(const BodyKey& k, size_t seed = 0);

// A DKIM-Signature's body-hash parameters read from its tag-list ahead of verification;
// nullopt when anything is odd (verification proper reports it).
std::optional<BodyKey> bodyKeyOf(const TagList& tags);

// The body hashes a message's DKIM signatures (and ARC message signatures) ask for, computed while
// the body streams past instead of from a body held in memory. A batch reads a large message's
// header block, asks forMessage() which hashes its signatures need, feeds the rest of the file
// (CRLF-normalized: BodyCrlfStream) and verifies the header-only Message with these digests
// (VerifyInput).
//
// Verification then looks every hash up here. Whatever it cannot get from the digests, and
// every body hash that does not match bh=, sets bodyNeeded(): a failing signature is explained
// from the body's bytes (forensics, the l= remainder), so the caller verifies the whole
// message instead. A streamed result the caller keeps is therefore the same, byte for byte,
// as the whole message's.
class BodyDigests
{
public:
    // At most this many different hashes at once (as in one verification pass): a message
    // with more is verified whole.
    static constexpr qsizetype kMaxKeys = 16;

    // The keys of the message's DKIM-Signature and ARC-Message-Signature fields (read ahead
    // as verification does); nullptr when there are more than kMaxKeys.
    static std::unique_ptr<BodyDigests> forMessage(const Message& headers);

    explicit BodyDigests(const QList<BodyKey>& keys);
    ~BodyDigests();
    BodyDigests(const BodyDigests&) = delete;
    BodyDigests& operator=(const BodyDigests&) = delete;

    void feed(QByteArrayView crlfBody); // the CRLF-normalized body, in pieces of any size
    void finish();

    // Verification's lookups. A miss means "needs the body" (see above).
    std::optional<QByteArray> hash(const BodyKey& key) const;
    const BodyHashRun* run(Canon c) const; // sizes and trailing lines of one canonicalization
    void needBody() const { m_bodyNeeded.store(true, std::memory_order_relaxed); }
    bool bodyNeeded() const { return m_bodyNeeded.load(std::memory_order_relaxed); }

    const QList<BodyKey>& keys() const { return m_keys; }

    // When a streamed verification needs the body after all (a hash that does not match bh=
    // is explained from the body's bytes), the caller reads the whole message and verifies it
    // with these digests still attached and setBodyHeld(): the message is then whole, and
    // verification takes from here only the hashes already computed instead of hashing the
    // body again (the whole message's CRLF body is the one that streamed past).
    void setBodyHeld() { m_bodyHeld = true; }
    bool bodyHeld() const { return m_bodyHeld; }
    // After finish(): every hash computed, and the sizes of each canonicalization run.
    const QHash<BodyKey, QByteArray>& computed() const { return m_hashes; }
    const std::optional<BodyHashRun>& computedRun(Canon c) const { return m_runs[int(c)]; }
    // After finish(): a DKIM-Signature of `headers` whose bh= differs from the hash computed
    // for it. Its verification would need the body, so the caller can go straight to
    // verifying the whole message.
    bool contradicts(const Message& headers) const;

private:
    QList<BodyKey> m_keys;
    QList<BodyHashRequest> m_requests[2]; // per canonicalization
    QList<qsizetype> m_keyIndex[2]; // m_requests[c][i] belongs to m_keys[m_keyIndex[c][i]]
    std::unique_ptr<BodyHasher> m_hashers[2];
    std::optional<BodyHashRun> m_runs[2];
    QHash<BodyKey, QByteArray> m_hashes;
    bool m_finished = false;
    bool m_bodyHeld = false;
    mutable std::atomic_bool m_bodyNeeded { false };
};

} // namespace ms::dkim
