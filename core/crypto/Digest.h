#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ms::crypto {

enum class DigestAlgorithm { Sha1, Sha256 };

QString digestName(DigestAlgorithm a); // "sha1", "sha256"
std::optional<DigestAlgorithm> digestFromName(QByteArrayView name); // case-insensitive
int digestSize(DigestAlgorithm a);

// An incremental hash. Copyable: a copy snapshots the running state (EVP_MD_CTX_copy_ex), so
// a caller can hash a long input once and finish copies at interesting points (the DKIM
// forensic prefix search does this at line boundaries).
class Digest
{
public:
    explicit Digest(DigestAlgorithm algorithm = DigestAlgorithm::Sha256);
    ~Digest();
    Digest(const Digest& other);
    Digest& operator=(const Digest& other);
    Digest(Digest&& other) noexcept;
    Digest& operator=(Digest&& other) noexcept;

    DigestAlgorithm algorithm() const { return m_algorithm; }
    void update(QByteArrayView data);
    // The digest of everything so far. Finishes a copy, so update() may go on afterwards.
    QByteArray result() const;
    qint64 bytesHashed() const { return m_bytes; }
    void reset();

    static QByteArray hash(DigestAlgorithm algorithm, QByteArrayView data);

private:
    DigestAlgorithm m_algorithm;
    void* m_ctx = nullptr; // EVP_MD_CTX*, kept opaque so no OpenSSL header leaks out
    qint64 m_bytes = 0;
};

} // namespace ms::crypto
