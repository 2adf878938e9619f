#include "crypto/Keys.h"

#include "crypto/Ed25519.h"
#include "crypto/OpenSslText.h"
#include "crypto/Rsa.h"
#include "trace/Translate.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <iterator>

namespace ms::crypto {

namespace {

QString tr(const char* s)
{
    return ms::translate("Crypto", s);
}

void setError(QString* error, const QString& text)
{
    if (error) {
        const QString ssl = takeOpensslErrors(1);
        *error = ssl.isEmpty() ? text : text + QStringLiteral(" (") + ssl + QLatin1Char(')');
    } else {
        ERR_clear_error();
    }
}

std::shared_ptr<void> wrap(EVP_PKEY* k)
{
    if (!k)
        return {};
    return std::shared_ptr<void>(k, [](void* p) { EVP_PKEY_free(static_cast<EVP_PKEY*>(p)); });
}

EVP_PKEY* pkey(const std::shared_ptr<void>& p)
{
    return static_cast<EVP_PKEY*>(p.get());
}

KeyType typeOf(EVP_PKEY* k)
{
    if (!k)
        return KeyType::None;
    switch (EVP_PKEY_get_base_id(k)) {
    case EVP_PKEY_RSA: return KeyType::Rsa;
    case EVP_PKEY_ED25519: return KeyType::Ed25519;
    default: return KeyType::Other;
    }
}

const unsigned char* uc(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

} // namespace

QString keyTypeName(KeyType t)
{
    switch (t) {
    case KeyType::Rsa: return QStringLiteral("rsa");
    case KeyType::Ed25519: return QStringLiteral("ed25519");
    case KeyType::Other: return QStringLiteral("other");
    case KeyType::None: break;
    }
    return QStringLiteral("none");
}

PublicKey PublicKey::fromSubjectPublicKeyInfo(QByteArrayView der, QString* error)
{
    PublicKey k;
    const unsigned char* p = uc(der);
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, long(der.size()));
    if (!key) {
        setError(error, tr("not a SubjectPublicKeyInfo structure"));
        return k;
    }
    if (p != uc(der) + der.size()) {
        EVP_PKEY_free(key);
        setError(error, tr("trailing bytes after the SubjectPublicKeyInfo structure"));
        return k;
    }
    k.m_key = wrap(key);
    k.attachVerifier();
    return k;
}

PublicKey PublicKey::fromRsaPublicKey(QByteArrayView der, QString* error)
{
    PublicKey k;
    const unsigned char* p = uc(der);
    EVP_PKEY* key = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, long(der.size()));
    if (!key) {
        setError(error, tr("not a PKCS#1 RSAPublicKey structure"));
        return k;
    }
    if (p != uc(der) + der.size()) {
        EVP_PKEY_free(key);
        setError(error, tr("trailing bytes after the RSAPublicKey structure"));
        return k;
    }
    k.m_key = wrap(key);
    k.attachVerifier();
    return k;
}

PublicKey PublicKey::fromEd25519Raw(QByteArrayView raw, QString* error)
{
    PublicKey k;
    if (raw.size() != 32) {
        setError(error, tr("an Ed25519 public key is 32 bytes, this one has %1").arg(raw.size()));
        return k;
    }
    EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, uc(raw), 32);
    if (!key) {
        setError(error, tr("not a valid Ed25519 public key"));
        return k;
    }
    k.m_key = wrap(key);
    k.attachVerifier();
    return k;
}

PublicKey PublicKey::fromPem(QByteArrayView pem, QString* error)
{
    PublicKey k;
    BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key) {
        setError(error, tr("not a PEM public key"));
        return k;
    }
    k.m_key = wrap(key);
    k.attachVerifier();
    return k;
}

void PublicKey::attachVerifier()
{
    if (type() == KeyType::Rsa) {
        if (!rsa::ifmaAvailable())
            return;
        BIGNUM* n = nullptr;
        BIGNUM* e = nullptr;
        if (EVP_PKEY_get_bn_param(pkey(m_key), OSSL_PKEY_PARAM_RSA_N, &n) == 1
            && EVP_PKEY_get_bn_param(pkey(m_key), OSSL_PKEY_PARAM_RSA_E, &e) == 1
            && BN_num_bytes(n) <= 512 && BN_num_bytes(e) <= 8) {
            unsigned char nb[512];
            unsigned char eb[8];
            const int nlen = BN_bn2bin(n, nb);
            const int elen = BN_bn2bin(e, eb);
            m_rsa = rsa::PublicOp::make(QByteArrayView(reinterpret_cast<const char*>(nb), nlen),
                QByteArrayView(reinterpret_cast<const char*>(eb), elen));
        }
        BN_free(n);
        BN_free(e);
        ERR_clear_error();
        return;
    }
    if (type() != KeyType::Ed25519)
        return;
    unsigned char raw[32];
    size_t len = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(pkey(m_key), raw, &len) == 1 && len == 32)
        m_ed25519 = std::make_shared<const ed25519::VerifyKey>(
            QByteArrayView(reinterpret_cast<const char*>(raw), 32));
    ERR_clear_error();
}

KeyType PublicKey::type() const
{
    return typeOf(pkey(m_key));
}

int PublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(pkey(m_key)) : 0;
}

QByteArray PublicKey::subjectPublicKeyInfo() const
{
    if (!m_key)
        return {};
    unsigned char* buf = nullptr;
    const int len = i2d_PUBKEY(pkey(m_key), &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(buf), len);
    OPENSSL_free(buf);
    return out;
}

QByteArray PublicKey::ed25519Raw() const
{
    if (type() != KeyType::Ed25519)
        return {};
    QByteArray out(32, '\0');
    size_t len = 32;
    if (EVP_PKEY_get_raw_public_key(pkey(m_key), reinterpret_cast<unsigned char*>(out.data()), &len)
        != 1)
        return {};
    return out;
}

namespace {

// Prepared RSA verification contexts of this thread for the last few (key, digest) pairs.
// Setting one up (context, padding, digest, the provider's signature method looked up by
// name) cost a fifth of an RSA-2048 verification, and a batch verifies thousands of
// signatures with the same few keys. A context holds a reference to its key, so a cached
// key pointer cannot be reused by another key while it is here; verifying leaves a context
// as it was, pass or fail. (Ed25519 keys carry their own verifier: crypto/Ed25519.h.)
struct VerifyContexts {
    struct Entry {
        EVP_PKEY* key = nullptr;
        DigestAlgorithm algorithm = DigestAlgorithm::Sha256;
        EVP_PKEY_CTX* rsa = nullptr; // EVP_PKEY_verify_recover() (the signed hash)
        void clear()
        {
            EVP_PKEY_CTX_free(rsa);
            *this = Entry();
        }
    };
    Entry entries[8];
    int next = 0;

    VerifyContexts() = default;
    VerifyContexts(const VerifyContexts&) = delete;
    VerifyContexts& operator=(const VerifyContexts&) = delete;
    ~VerifyContexts() { clearAll(); }

    void clearAll()
    {
        for (Entry& e : entries)
            e.clear();
        next = 0;
    }

    Entry& slot()
    {
        Entry& e = entries[next];
        next = (next + 1) % int(std::size(entries));
        e.clear();
        return e;
    }

    EVP_PKEY_CTX* rsa(EVP_PKEY* key, DigestAlgorithm algorithm)
    {
        for (const Entry& e : entries) {
            if (e.rsa && e.key == key && e.algorithm == algorithm)
                return e.rsa;
        }
        EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(key, nullptr);
        if (!c || EVP_PKEY_verify_recover_init(c) != 1
            || EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING) != 1
            || EVP_PKEY_CTX_set_signature_md(
                   c, algorithm == DigestAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256())
                != 1) {
            EVP_PKEY_CTX_free(c);
            return nullptr;
        }
        Entry& e = slot();
        e.key = key;
        e.algorithm = algorithm;
        e.rsa = c;
        return c;
    }
};

thread_local VerifyContexts verifyContexts;

} // namespace

void releaseThreadResources()
{
    verifyContexts.clearAll();
    OPENSSL_thread_stop();
}

bool PublicKey::verifyHash(
    DigestAlgorithm algorithm, QByteArrayView hash, QByteArrayView signature, QString* error) const
{
    if (!m_key) {
        setError(error, tr("no key"));
        return false;
    }
    bool ok = false;
    switch (type()) {
    case KeyType::Rsa: {
        // What RSA_verify() does: recover the DigestInfo, check its form and algorithm,
        // compare the hash (the comparison is of public values: no need for constant time).
        const QByteArray signedHash = recoverSignedHash(algorithm, signature);
        ok = !signedHash.isEmpty() && QByteArrayView(signedHash) == hash;
        if (!ok)
            setError(error, tr("the RSA signature does not match"));
        break;
    }
    case KeyType::Ed25519: {
        // The same verdicts as EVP_DigestVerify (tst_ed25519, fuzz_ed25519), ~4x faster.
        ok = m_ed25519 && m_ed25519->verify(hash, signature);
        if (!ok)
            setError(error, tr("the Ed25519 signature does not match"));
        break;
    }
    default: setError(error, tr("unsupported key type")); break;
    }
    ERR_clear_error();
    return ok;
}

QByteArray PublicKey::recoverSignedHash(DigestAlgorithm algorithm, QByteArrayView signature) const
{
    if (type() != KeyType::Rsa)
        return {};
    if (m_rsa) {
        // What EVP_PKEY_verify_recover does with PKCS#1 padding and a digest (ossl_rsa_verify):
        // the signature is exactly the modulus's length and below it, then the padding.
        if (signature.size() != m_rsa->modulusBytes())
            return {};
        unsigned char encoded[512];
        if (!m_rsa->apply(signature, encoded))
            return {};
        return rsa::digestFromEncoded(
            algorithm, QByteArrayView(reinterpret_cast<const char*>(encoded), signature.size()));
    }
    EVP_PKEY_CTX* c = verifyContexts.rsa(pkey(m_key), algorithm);
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t len = sizeof out;
    const bool ok = c
        && EVP_PKEY_verify_recover(c, out, &len, uc(signature), size_t(signature.size())) == 1
        && int(len) == digestSize(algorithm);
    ERR_clear_error();
    return ok ? QByteArray(reinterpret_cast<const char*>(out), qsizetype(len)) : QByteArray();
}

bool PublicKey::verify(
    DigestAlgorithm algorithm, QByteArrayView data, QByteArrayView signature, QString* error) const
{
    return verifyHash(algorithm, Digest::hash(algorithm, data), signature, error);
}

PrivateKey PrivateKey::fromPem(QByteArrayView pem, QString* error)
{
    PrivateKey k;
    BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key) {
        setError(error, tr("not a PEM private key"));
        return k;
    }
    k.m_key = wrap(key);
    return k;
}

PrivateKey PrivateKey::fromEd25519Seed(QByteArrayView seed, QString* error)
{
    PrivateKey k;
    if (seed.size() != 32) {
        setError(error, tr("an Ed25519 seed is 32 bytes, this one has %1").arg(seed.size()));
        return k;
    }
    k.m_key = wrap(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, uc(seed), 32));
    if (!k.m_key)
        setError(error, tr("not a valid Ed25519 seed"));
    return k;
}

PrivateKey PrivateKey::generateRsa(int bits)
{
    PrivateKey k;
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nullptr);
    EVP_PKEY* key = nullptr;
    if (c && EVP_PKEY_keygen_init(c) == 1 && EVP_PKEY_CTX_set_rsa_keygen_bits(c, bits) == 1)
        EVP_PKEY_keygen(c, &key);
    EVP_PKEY_CTX_free(c);
    ERR_clear_error();
    k.m_key = wrap(key);
    return k;
}

PrivateKey PrivateKey::generateEd25519()
{
    PrivateKey k;
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    EVP_PKEY* key = nullptr;
    if (c && EVP_PKEY_keygen_init(c) == 1)
        EVP_PKEY_keygen(c, &key);
    EVP_PKEY_CTX_free(c);
    ERR_clear_error();
    k.m_key = wrap(key);
    return k;
}

KeyType PrivateKey::type() const
{
    return typeOf(pkey(m_key));
}
int PrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(pkey(m_key)) : 0;
}

PublicKey PrivateKey::publicKey() const
{
    PublicKey p;
    if (!m_key)
        return p;
    // Round-trip through SPKI DER: gives a key object holding only the public half.
    unsigned char* buf = nullptr;
    const int len = i2d_PUBKEY(pkey(m_key), &buf);
    if (len > 0) {
        p = PublicKey::fromSubjectPublicKeyInfo(
            QByteArrayView(reinterpret_cast<const char*>(buf), len));
        OPENSSL_free(buf);
    }
    return p;
}

QByteArray PrivateKey::toPem() const
{
    if (!m_key)
        return {};
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, pkey(m_key), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, int(len));
    BIO_free(bio);
    return out;
}

QByteArray PrivateKey::signHash(
    DigestAlgorithm algorithm, QByteArrayView hash, QString* error) const
{
    QByteArray out;
    if (!m_key) {
        setError(error, tr("no key"));
        return out;
    }
    switch (type()) {
    case KeyType::Rsa: {
        EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(pkey(m_key), nullptr);
        size_t len = 0;
        if (c && EVP_PKEY_sign_init(c) == 1
            && EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING) == 1
            && EVP_PKEY_CTX_set_signature_md(
                   c, algorithm == DigestAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256())
                == 1
            && EVP_PKEY_sign(c, nullptr, &len, uc(hash), size_t(hash.size())) == 1) {
            out.resize(qsizetype(len));
            if (EVP_PKEY_sign(c, reinterpret_cast<unsigned char*>(out.data()), &len, uc(hash),
                    size_t(hash.size()))
                == 1)
                out.resize(qsizetype(len));
            else
                out.clear();
        }
        EVP_PKEY_CTX_free(c);
        break;
    }
    case KeyType::Ed25519: {
        EVP_MD_CTX* c = EVP_MD_CTX_new();
        size_t len = 64;
        out.resize(64);
        if (EVP_DigestSignInit(c, nullptr, nullptr, nullptr, pkey(m_key)) != 1
            || EVP_DigestSign(c, reinterpret_cast<unsigned char*>(out.data()), &len, uc(hash),
                   size_t(hash.size()))
                != 1)
            out.clear();
        EVP_MD_CTX_free(c);
        break;
    }
    default: break;
    }
    if (out.isEmpty())
        setError(error, tr("signing failed"));
    ERR_clear_error();
    return out;
}

QByteArray PrivateKey::sign(DigestAlgorithm algorithm, QByteArrayView data, QString* error) const
{
    return signHash(algorithm, Digest::hash(algorithm, data), error);
}

} // namespace ms::crypto
