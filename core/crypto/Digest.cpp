#include "crypto/Digest.h"

#include <openssl/evp.h>

#include <utility>

namespace ms::crypto {

namespace {

// Fetched once per process: EVP_sha256() is a legacy handle that OpenSSL 3 turns into a
// provider fetch (a by-name lookup under a lock) at every EVP_DigestInit_ex, and every
// signature and body hash initializes a digest. Fetched EVP_MDs are immutable and shared
// between threads; the legacy handle stays the fallback should a fetch fail.
const EVP_MD* md(DigestAlgorithm a)
{
    static const EVP_MD* const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    static const EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (a == DigestAlgorithm::Sha1)
        return sha1 ? sha1 : EVP_sha1();
    return sha256 ? sha256 : EVP_sha256();
}

EVP_MD_CTX* ctx(void* p)
{
    return static_cast<EVP_MD_CTX*>(p);
}

} // namespace

QString digestName(DigestAlgorithm a)
{
    return a == DigestAlgorithm::Sha1 ? QStringLiteral("sha1") : QStringLiteral("sha256");
}

std::optional<DigestAlgorithm> digestFromName(QByteArrayView name)
{
    if (name.compare("sha1", Qt::CaseInsensitive) == 0)
        return DigestAlgorithm::Sha1;
    if (name.compare("sha256", Qt::CaseInsensitive) == 0)
        return DigestAlgorithm::Sha256;
    return std::nullopt;
}

int digestSize(DigestAlgorithm a)
{
    return a == DigestAlgorithm::Sha1 ? 20 : 32;
}

Digest::Digest(DigestAlgorithm algorithm)
    : m_algorithm(algorithm)
    , m_ctx(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(ctx(m_ctx), md(m_algorithm), nullptr);
}

Digest::~Digest()
{
    EVP_MD_CTX_free(ctx(m_ctx));
}

Digest::Digest(const Digest& other)
    : m_algorithm(other.m_algorithm)
    , m_ctx(EVP_MD_CTX_new())
    , m_bytes(other.m_bytes)
{
    EVP_MD_CTX_copy_ex(ctx(m_ctx), ctx(other.m_ctx));
}

Digest& Digest::operator=(const Digest& other)
{
    if (this != &other) {
        m_algorithm = other.m_algorithm;
        m_bytes = other.m_bytes;
        if (!m_ctx)
            m_ctx = EVP_MD_CTX_new();
        EVP_MD_CTX_copy_ex(ctx(m_ctx), ctx(other.m_ctx));
    }
    return *this;
}

Digest::Digest(Digest&& other) noexcept
    : m_algorithm(other.m_algorithm)
    , m_ctx(std::exchange(other.m_ctx, nullptr))
    , m_bytes(other.m_bytes)
{
}

Digest& Digest::operator=(Digest&& other) noexcept
{
    std::swap(m_algorithm, other.m_algorithm);
    std::swap(m_ctx, other.m_ctx);
    std::swap(m_bytes, other.m_bytes);
    return *this;
}

void Digest::update(QByteArrayView data)
{
    if (!m_ctx) { // moved-from: become usable again
        m_ctx = EVP_MD_CTX_new();
        EVP_DigestInit_ex(ctx(m_ctx), md(m_algorithm), nullptr);
    }
    if (!data.isEmpty())
        EVP_DigestUpdate(ctx(m_ctx), data.data(), size_t(data.size()));
    m_bytes += data.size();
}

QByteArray Digest::result() const
{
    if (!m_ctx)
        return hash(m_algorithm, {});
    EVP_MD_CTX* copy = EVP_MD_CTX_new();
    EVP_MD_CTX_copy_ex(copy, ctx(m_ctx));
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(copy, reinterpret_cast<unsigned char*>(out.data()), &len);
    EVP_MD_CTX_free(copy);
    out.truncate(int(len));
    return out;
}

void Digest::reset()
{
    if (!m_ctx)
        m_ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx(m_ctx), md(m_algorithm), nullptr);
    m_bytes = 0;
}

QByteArray Digest::hash(DigestAlgorithm algorithm, QByteArrayView data)
{
    // One shot: no context copy to finish (result() keeps the running state usable).
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char*>(out.data()),
            &len, md(algorithm), nullptr)
        != 1) {
        Digest d(algorithm);
        d.update(data);
        return d.result();
    }
    out.truncate(int(len));
    return out;
}

} // namespace ms::crypto
