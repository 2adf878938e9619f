#include "dkim/BodyDigests.h"

#include "crypto/Base64.h"

namespace ms::dkim {

size_t qHash(const BodyKey& k, size_t seed)
{
    // Unsigned: l= may be read as INT64_MAX, and signed overflow is undefined (UBSan).
    return ::qHash(quint64(k.canon) * 7 + quint64(k.alg) * 3 + quint64(k.limit) * 11, seed);
}

std::unique_ptr<BodyDigests> BodyDigests::forMessage(const Message& headers)
{
    QList<BodyKey> keys;
    int signatures = 0, arcSignatures = 0;
    for (const HeaderField& f : headers.headers()) {
        // DKIM reads ahead this many signatures (Dkim.cpp) and ARC validates at most 50
        // instances (RFC 8617 4.2.1): keys of later fields would never be asked for.
        if (f.nameIs("DKIM-Signature")) {
            if (++signatures > 64)
                continue;
        } else if (f.nameIs("ARC-Message-Signature")) {
            if (++arcSignatures > 64)
                continue;
        } else {
            continue;
        }
        const auto k = bodyKeyOf(TagList::parse(f.value, f.valueOffset));
        if (!k || keys.contains(*k))
            continue;
        if (keys.size() == kMaxKeys)
            return nullptr;
        keys.append(*k);
    }
    return std::make_unique<BodyDigests>(keys);
}

BodyDigests::BodyDigests(const QList<BodyKey>& keys)
    : m_keys(keys)
{
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const int c = int(keys[i].canon);
        m_requests[c].append({ keys[i].alg, keys[i].limit, {} });
        m_keyIndex[c].append(i);
    }
    for (int c = 0; c < 2; ++c) {
        if (!m_requests[c].isEmpty())
            m_hashers[c] = std::make_unique<BodyHasher>(Canon(c), m_requests[c]);
    }
}

BodyDigests::~BodyDigests() = default;

void BodyDigests::feed(QByteArrayView crlfBody)
{
    for (const auto& h : m_hashers) {
        if (h)
            h->feed(crlfBody);
    }
}

void BodyDigests::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (int c = 0; c < 2; ++c) {
        if (!m_hashers[c])
            continue;
        m_runs[c] = m_hashers[c]->finish(m_requests[c]);
        m_hashers[c].reset();
        for (qsizetype i = 0; i < m_requests[c].size(); ++i)
            m_hashes.insert(m_keys[m_keyIndex[c][i]], m_requests[c][i].hash);
    }
}

std::optional<QByteArray> BodyDigests::hash(const BodyKey& key) const
{
    const auto it = m_hashes.constFind(key);
    if (it == m_hashes.cend()) {
        needBody();
        return std::nullopt;
    }
    return it.value();
}

const BodyHashRun* BodyDigests::run(Canon c) const
{
    const auto& r = m_runs[int(c)];
    if (!r) {
        needBody();
        return nullptr;
    }
    return &*r;
}

bool BodyDigests::contradicts(const Message& headers) const
{
    int fields = 0;
    for (const HeaderField& f : headers.headers()) {
        if (!f.nameIs("DKIM-Signature"))
            continue;
        if (++fields > 64)
            break;
        const TagList tags = TagList::parse(f.value, f.valueOffset);
        const auto k = bodyKeyOf(tags);
        if (!k)
            continue;
        const auto it = m_hashes.constFind(*k);
        const crypto::Base64Result bh = crypto::decodeBase64(tags.value("bh"));
        if (it != m_hashes.cend() && bh.ok && bh.bytes != it.value())
            return true;
    }
    return false;
}

} // namespace ms::dkim
