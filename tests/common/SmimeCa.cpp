#include "common/SmimeCa.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace mstest {

namespace {

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(n));
}

std::shared_ptr<void> ownKey(EVP_PKEY* k)
{
    return std::shared_ptr<void>(k, [](void* p) { EVP_PKEY_free(static_cast<EVP_PKEY*>(p)); });
}
std::shared_ptr<void> ownCert(X509* x)
{
    return std::shared_ptr<void>(x, [](void* p) { X509_free(static_cast<X509*>(p)); });
}

void addExt(X509* cert, X509* issuer, int nid, const QString& value)
{
    if (value.isEmpty())
        return;
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    const QByteArray v = value.toUtf8();
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, v.constData());
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

TestIdentity finish(X509* x, EVP_PKEY* key)
{
    TestIdentity id;
    BIO* b = BIO_new(BIO_s_mem());
    i2d_X509_bio(b, x);
    id.certDer = bioBytes(b);
    BIO_free(b);
    b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, x);
    id.certPem = bioBytes(b);
    BIO_free(b);
    b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    id.keyPem = bioBytes(b);
    BIO_free(b);
    id.key = ownKey(key);
    id.cert = ownCert(x);
    return id;
}

TestIdentity makeCert(
    const QString& cn, const CertOptions& o, bool isCa, const TestIdentity* issuer, long serial)
{
    EVP_PKEY* key = o.ec ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                         : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
    X509* x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime nb = o.notBefore.isValid() ? o.notBefore : now.addDays(-1);
    const QDateTime na = o.notAfter.isValid() ? o.notAfter : now.addDays(365);
    ASN1_TIME_set(X509_getm_notBefore(x), time_t(nb.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(x), time_t(na.toSecsSinceEpoch()));
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    const QByteArray cnUtf8 = cn.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
        reinterpret_cast<const unsigned char*>("Mailscope Tests"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
        reinterpret_cast<const unsigned char*>(cnUtf8.constData()), -1, -1, 0);
    X509* issuerCert = issuer ? static_cast<X509*>(issuer->cert.get()) : x;
    EVP_PKEY* issuerKey = issuer ? static_cast<EVP_PKEY*>(issuer->key.get()) : key;
    X509_set_issuer_name(x, X509_get_subject_name(issuerCert));
    if (isCa) {
        addExt(x, issuerCert, NID_basic_constraints, QStringLiteral("critical,CA:TRUE"));
        addExt(x, issuerCert, NID_key_usage, QStringLiteral("critical,keyCertSign,cRLSign"));
    } else {
        addExt(x, issuerCert, NID_basic_constraints, QStringLiteral("CA:FALSE"));
        addExt(x, issuerCert, NID_key_usage, o.keyUsage);
        addExt(x, issuerCert, NID_ext_key_usage, o.extendedKeyUsage);
        QStringList sans;
        for (const QString& e : o.emails)
            sans.append(QStringLiteral("email:") + e);
        for (const QString& n : o.dnsNames)
            sans.append(QStringLiteral("DNS:") + n);
        addExt(x, issuerCert, NID_subject_alt_name, sans.join(QLatin1Char(',')));
    }
    addExt(x, issuerCert, NID_subject_key_identifier, QStringLiteral("hash"));
    if (issuer)
        addExt(x, issuerCert, NID_authority_key_identifier, QStringLiteral("keyid:always"));
    X509_sign(x, issuerKey, EVP_sha256());
    return finish(x, key);
}

QByteArray base64Lines(const QByteArray& der)
{
    const QByteArray b64 = der.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

} // namespace

QByteArray TestIdentity::pkcs12(const QByteArray& password) const
{
    PKCS12* p12 = PKCS12_create(password.constData(), "test", static_cast<EVP_PKEY*>(key.get()),
        static_cast<X509*>(cert.get()), nullptr, 0, 0, 0, 0, 0);
    QByteArray out;
    if (p12) {
        BIO* b = BIO_new(BIO_s_mem());
        i2d_PKCS12_bio(b, p12);
        out = bioBytes(b);
        BIO_free(b);
        PKCS12_free(p12);
    }
    return out;
}

TestCa::TestCa(const QString& name)
{
    CertOptions o;
    o.notBefore = QDateTime::currentDateTimeUtc().addYears(-5);
    o.notAfter = QDateTime::currentDateTimeUtc().addYears(10);
    m_root = makeCert(name, o, true, nullptr, 1);
}

TestIdentity TestCa::issue(const CertOptions& options) const
{
    return makeCert(options.commonName, options, false, &m_root, ++m_serial);
}

bool TestCa::writeRootPem(const QString& path) const
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(m_root.certPem) == m_root.certPem.size();
}

QByteArray cmsSign(const QByteArray& content, const TestIdentity& signer, bool detached,
    const QDateTime& signingTime, const QList<TestIdentity>& extraCerts)
{
    const int flags = CMS_BINARY | CMS_PARTIAL | (detached ? CMS_DETACHED : 0);
    STACK_OF(X509)* extra = sk_X509_new_null();
    for (const TestIdentity& e : extraCerts)
        sk_X509_push(extra, static_cast<X509*>(e.cert.get()));
    CMS_ContentInfo* cms = CMS_sign(nullptr, nullptr, extra, nullptr, flags);
    CMS_SignerInfo* si = CMS_add1_signer(cms, static_cast<X509*>(signer.cert.get()),
        static_cast<EVP_PKEY*>(signer.key.get()), EVP_sha256(), flags);
    if (signingTime.isValid() && si) {
        ASN1_TIME* t = ASN1_TIME_set(nullptr, time_t(signingTime.toSecsSinceEpoch()));
        CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, t->type, t, -1);
        ASN1_TIME_free(t);
    }
    BIO* in = BIO_new_mem_buf(content.constData(), int(content.size()));
    QByteArray out;
    if (CMS_final(cms, in, nullptr, flags) == 1) {
        BIO* b = BIO_new(BIO_s_mem());
        i2d_CMS_bio(b, cms);
        out = bioBytes(b);
        BIO_free(b);
    }
    BIO_free(in);
    CMS_ContentInfo_free(cms);
    sk_X509_free(extra);
    return out;
}

QByteArray cmsEncrypt(const QByteArray& content, const QList<TestIdentity>& recipients)
{
    STACK_OF(X509)* certs = sk_X509_new_null();
    for (const TestIdentity& r : recipients)
        sk_X509_push(certs, static_cast<X509*>(r.cert.get()));
    BIO* in = BIO_new_mem_buf(content.constData(), int(content.size()));
    CMS_ContentInfo* cms = CMS_encrypt(certs, in, EVP_aes_128_cbc(), CMS_BINARY);
    QByteArray out;
    if (cms) {
        BIO* b = BIO_new(BIO_s_mem());
        i2d_CMS_bio(b, cms);
        out = bioBytes(b);
        BIO_free(b);
        CMS_ContentInfo_free(cms);
    }
    BIO_free(in);
    sk_X509_free(certs);
    return out;
}

QByteArray multipartSigned(const QByteArray& outerHeaders, const QByteArray& entity,
    const QByteArray& cmsDer, const QByteArray& protocol)
{
    const QByteArray b = "----=_mailscope_signed_7f3a";
    QByteArray out = outerHeaders;
    out += "MIME-Version: 1.0\r\nContent-Type: multipart/signed; protocol=\"" + protocol
        + "\"; micalg=sha-256;\r\n boundary=\"" + b + "\"\r\n\r\n";
    out += "This is a cryptographically signed message in MIME format.\r\n\r\n";
    out += "--" + b + "\r\n" + entity + "\r\n--" + b + "\r\n";
    out += "Content-Type: " + protocol + "; name=\"smime.p7s\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n";
    out += base64Lines(cmsDer);
    out += "\r\n--" + b + "--\r\n";
    return out;
}

QByteArray pkcs7Mime(const QByteArray& outerHeaders, const QByteArray& cmsDer,
    const QByteArray& smimeType, const QByteArray& mediaType)
{
    QByteArray out = outerHeaders;
    if (!outerHeaders.isEmpty())
        out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: " + mediaType;
    if (!smimeType.isEmpty())
        out += "; smime-type=" + smimeType;
    out += "; name=\"smime.p7m\"\r\nContent-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n\r\n";
    out += base64Lines(cmsDer);
    return out;
}

} // namespace mstest
