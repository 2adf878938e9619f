#pragma once

#include "crypto/Digest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace ms::crypto {

namespace ed25519 {
class VerifyKey;
}
namespace rsa {
class PublicOp;
}

enum class KeyType { None, Rsa, Ed25519, Other };
QString keyTypeName(KeyType t); // "rsa", "ed25519"

// A public key. Immutable once made and cheap to copy (shared OpenSSL object), so one parsed
// key can serve many threads (the DKIM key cache relies on this).
// Frees this thread's cached verification contexts and OpenSSL's per-thread state. For
// tasks on threads that outlive them (Qt's global pool): at process exit OpenSSL's atexit
// cleanup can run before such a thread has finished exiting, and then the thread's state
// is never freed (LeakSanitizer reports it).
void releaseThreadResources();

class PublicKey
{
public:
    PublicKey() = default;

    // X.509 SubjectPublicKeyInfo DER (what DKIM p= carries for RSA, RFC 6376 3.6.1).
    static PublicKey fromSubjectPublicKeyInfo(QByteArrayView der, QString* error = nullptr);
    // PKCS#1 RSAPublicKey DER (some signers publish this bare form).
    static PublicKey fromRsaPublicKey(QByteArrayView der, QString* error = nullptr);
    // RFC 8463 3: the raw 32-byte Ed25519 public key.
    static PublicKey fromEd25519Raw(QByteArrayView raw, QString* error = nullptr);
    static PublicKey fromPem(QByteArrayView pem, QString* error = nullptr);

    bool isNull() const { return !m_key; }
    KeyType type() const;
    int bits() const; // modulus size for RSA, 256 for Ed25519

    QByteArray subjectPublicKeyInfo() const; // DER
    QByteArray ed25519Raw() const; // 32 bytes, Ed25519 only

    // RSA: PKCS#1 v1.5 signature over `hash`, which was made with `algorithm` (DigestInfo
    // checked as OpenSSL's RSA_verify does). Ed25519 (RFC 8463 3): pure Ed25519 over the hash
    // bytes.
    bool verifyHash(DigestAlgorithm algorithm, QByteArrayView hash, QByteArrayView signature,
        QString* error = nullptr) const;
    // RSA only: the hash a PKCS#1 v1.5 signature was made over, its DigestInfo checked to
    // name `algorithm`; empty when `signature` is no valid PKCS#1 v1.5 signature by this
    // key for that algorithm (or the key is not RSA). verifyHash(a, h, s) is exactly
    // recoverSignedHash(a, s) == h, so one public-key operation answers any number of
    // candidate hashes (the DKIM header forensics tries several).
    QByteArray recoverSignedHash(DigestAlgorithm algorithm, QByteArrayView signature) const;
    // Hash `data` with `algorithm`, then verifyHash().
    bool verify(DigestAlgorithm algorithm, QByteArrayView data, QByteArrayView signature,
        QString* error = nullptr) const;

private:
    // The faster verifiers: crypto/Ed25519.h for Ed25519 keys, crypto/Rsa.h's public
    // operation for RSA keys where the CPU has AVX-512 IFMA.
    void attachVerifier();

    std::shared_ptr<void> m_key; // EVP_PKEY
    std::shared_ptr<const ed25519::VerifyKey> m_ed25519;
    std::shared_ptr<const rsa::PublicOp> m_rsa;
    friend class PrivateKey;
};

class PrivateKey
{
public:
    PrivateKey() = default;

    static PrivateKey fromPem(QByteArrayView pem, QString* error = nullptr);
    static PrivateKey fromEd25519Seed(QByteArrayView seed32, QString* error = nullptr);
    static PrivateKey generateRsa(int bits);
    static PrivateKey generateEd25519();

    bool isNull() const { return !m_key; }
    KeyType type() const;
    int bits() const;
    PublicKey publicKey() const;
    QByteArray toPem() const; // PKCS#8, unencrypted

    // The counterpart of PublicKey::verifyHash().
    QByteArray signHash(
        DigestAlgorithm algorithm, QByteArrayView hash, QString* error = nullptr) const;
    QByteArray sign(DigestAlgorithm algorithm, QByteArrayView data, QString* error = nullptr) const;

private:
    std::shared_ptr<void> m_key; // EVP_PKEY
};

} // namespace ms::crypto
