// Differential target: crypto/Rsa.h (the RSA public operation and PKCS#1 v1.5 check DKIM
// uses where the CPU has AVX-512 IFMA) against OpenSSL, on four fixed keys (tests/fuzz/keys:
// 1024 bits e=3, 1031 bits, 1536 bits e=17, 2048 bits); aborts when they differ.
// The first byte picks the key (low two bits) and how the rest is read:
//   bit 2 clear  raw: the rest is the signature, any length. The public operation is
//                compared with OpenSSL's (RSA_NO_PADDING) and the recovered hash for SHA-1
//                and SHA-256 with EVP_PKEY_verify_recover's.
//   bit 2 set    near-valid: bit 3 picks SHA-1 or SHA-256; the rest gives the hash and up to
//                eight edits (position, value) of the encoded block 00 01 FF.. 00 DigestInfo
//                H, which OpenSSL's private key then signs raw, so that the padding and
//                DigestInfo checks see almost-valid blocks, not only random ones.
#include "crypto/Keys.h"
#include "crypto/Rsa.h"

#include <QByteArray>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

using ms::crypto::DigestAlgorithm;
namespace rsa = ms::crypto::rsa;

struct Key {
    EVP_PKEY* pkey = nullptr;
    ms::crypto::PublicKey pub; // the path DKIM takes
    std::unique_ptr<rsa::PublicOp> op; // null without IFMA
    int bytes = 0;
};

const unsigned char* uc(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

QByteArray bnParam(EVP_PKEY* k, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(k, name, &bn) != 1)
        std::abort();
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    BN_free(bn);
    return out;
}

const Key* keys()
{
    static Key k[4];
    static const bool loaded = [] {
        const char* names[4] = { "rsa1024-e3", "rsa1031", "rsa1536-e17", "rsa2048" };
        for (int i = 0; i < 4; ++i) {
            QFile f(QStringLiteral(MAILSCOPE_FUZZ_KEYS "/%1.pem").arg(QLatin1String(names[i])));
            if (!f.open(QIODevice::ReadOnly))
                std::abort(); // the keys ship with the sources
            const QByteArray pem = f.readAll();
            BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
            k[i].pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
            BIO_free(bio);
            if (!k[i].pkey)
                std::abort();
            unsigned char* der = nullptr;
            const int len = i2d_PUBKEY(k[i].pkey, &der);
            k[i].pub = ms::crypto::PublicKey::fromSubjectPublicKeyInfo(
                QByteArrayView(reinterpret_cast<const char*>(der), len));
            OPENSSL_free(der);
            k[i].bytes = EVP_PKEY_get_size(k[i].pkey);
            k[i].op = rsa::PublicOp::make(bnParam(k[i].pkey, OSSL_PKEY_PARAM_RSA_N),
                bnParam(k[i].pkey, OSSL_PKEY_PARAM_RSA_E));
            if (rsa::ifmaAvailable() != bool(k[i].op))
                std::abort();
        }
        return true;
    }();
    (void)loaded;
    return k;
}

// OpenSSL's raw RSA operation with the public (x^e) or private (x^d) exponent.
QByteArray raw(const Key& k, QByteArrayView x, bool isPrivate)
{
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(k.pkey, nullptr);
    QByteArray out(k.bytes, '\0');
    size_t len = size_t(out.size());
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    bool ok = c && (isPrivate ? EVP_PKEY_decrypt_init(c) : EVP_PKEY_encrypt_init(c)) == 1
        && EVP_PKEY_CTX_set_rsa_padding(c, RSA_NO_PADDING) == 1;
    if (ok)
        ok = (isPrivate ? EVP_PKEY_decrypt(c, o, &len, uc(x), size_t(x.size()))
                        : EVP_PKEY_encrypt(c, o, &len, uc(x), size_t(x.size())))
            == 1;
    EVP_PKEY_CTX_free(c);
    return ok && int(len) == k.bytes ? out : QByteArray();
}

QByteArray opensslRecover(const Key& k, DigestAlgorithm a, QByteArrayView sig)
{
    EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(k.pkey, nullptr);
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t len = sizeof out;
    const bool ok = c && EVP_PKEY_verify_recover_init(c) == 1
        && EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING) == 1
        && EVP_PKEY_CTX_set_signature_md(c, a == DigestAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256())
            == 1
        && EVP_PKEY_verify_recover(c, out, &len, uc(sig), size_t(sig.size())) == 1
        && int(len) == ms::crypto::digestSize(a);
    EVP_PKEY_CTX_free(c);
    return ok ? QByteArray(reinterpret_cast<const char*>(out), qsizetype(len)) : QByteArray();
}

void compareRecover(const Key& k, QByteArrayView sig)
{
    for (DigestAlgorithm a : { DigestAlgorithm::Sha1, DigestAlgorithm::Sha256 }) {
        if (k.pub.recoverSignedHash(a, sig) != opensslRecover(k, a, sig))
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const Key& k = keys()[data[0] & 3];
    const QByteArrayView rest(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    if (!(data[0] & 4)) {
        if (k.op && rest.size() == k.bytes) {
            const QByteArray theirs = raw(k, rest, false);
            unsigned char ours[512];
            const bool ok = k.op->apply(rest, ours);
            if (ok != !theirs.isEmpty()
                || (ok && QByteArrayView(reinterpret_cast<const char*>(ours), k.bytes) != theirs))
                std::abort();
        }
        compareRecover(k, rest);
        return 0;
    }

    const DigestAlgorithm a = (data[0] & 8) ? DigestAlgorithm::Sha1 : DigestAlgorithm::Sha256;
    const int hashSize = ms::crypto::digestSize(a);
    if (rest.size() < hashSize)
        return 0;
    const QByteArray info = QByteArray::fromHex(a == DigestAlgorithm::Sha1
            ? "3021300906052b0e03021a05000414"
            : "3031300d060960864801650304020105000420");
    const QByteArrayView hash = rest.first(hashSize);
    QByteArray em = QByteArray::fromHex("0001")
        + QByteArray(k.bytes - 3 - int(info.size()) - hashSize, '\xff') + '\0' + info
        + hash.toByteArray();
    const QByteArrayView edits = rest.sliced(hashSize);
    for (qsizetype i = 0; i + 1 < edits.size() && i < 16; i += 2) {
        // Positions count from the end half the time: the DigestInfo and separator are there.
        const int pos = uint8_t(edits[i]);
        const int at = (pos & 1) ? k.bytes - 1 - (pos >> 1) : (pos >> 1);
        em[at] = edits[i + 1];
    }
    const QByteArray sig = raw(k, em, true);
    if (sig.isEmpty())
        return 0; // em >= n
    if (rsa::digestFromEncoded(a, em) != opensslRecover(k, a, sig))
        std::abort();
    compareRecover(k, sig);
    return 0;
}
