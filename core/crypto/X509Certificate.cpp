#include "crypto/X509Certificate.h"

#include "crypto/OpenSslText.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <ctime>

namespace ms::crypto {

namespace {

QString bioToString(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QString::fromUtf8(data, int(n)) : QString();
}

QString nameToString(const X509_NAME* name)
{
    if (!name)
        return {};
    BIO* bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    QString s = bioToString(bio);
    BIO_free(bio);
    return s;
}

QString asn1StringToQString(const ASN1_STRING* s)
{
    if (!s)
        return {};
    unsigned char* out = nullptr;
    const int n = ASN1_STRING_to_UTF8(&out, s);
    if (n < 0)
        return {};
    QString r = QString::fromUtf8(reinterpret_cast<const char*>(out), n);
    OPENSSL_free(out);
    return r;
}

QDateTime asn1TimeToDateTime(const ASN1_TIME* t)
{
    if (!t)
        return {};
    struct tm tm = {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
        QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString entryByNid(const X509_NAME* name, int nid)
{
    const int idx = X509_NAME_get_index_by_NID(name, nid, -1);
    if (idx < 0)
        return {};
    return asn1StringToQString(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx)));
}

} // namespace

struct Certificate::Data {
    X509* x = nullptr;
    QByteArray der;
    QString subject, issuer, commonName, serialHex, keyDescription, signatureAlgorithm;
    QString fingerprint;
    QDateTime notBefore, notAfter;
    QStringList emails, dnsNames, keyUsage, extendedKeyUsage;
    bool selfIssued = false, ca = false, hasKeyUsage = false;
    ~Data() { X509_free(x); }
};

Certificate::Certificate() = default;

Certificate Certificate::fromDer(const QByteArray& der)
{
    Certificate c;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509* x = d2i_X509(nullptr, &p, long(der.size()));
    if (!x)
        return c;
    auto d = std::make_shared<Data>();
    d->x = x;
    d->der = der.left(qsizetype(p - reinterpret_cast<const unsigned char*>(der.constData())));
    d->subject = nameToString(X509_get_subject_name(x));
    d->issuer = nameToString(X509_get_issuer_name(x));
    d->commonName = entryByNid(X509_get_subject_name(x), NID_commonName);
    if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr)) {
        char* hex = BN_bn2hex(bn);
        d->serialHex = QString::fromLatin1(hex).toLower();
        OPENSSL_free(hex);
        BN_free(bn);
    }
    d->notBefore = asn1TimeToDateTime(X509_get0_notBefore(x));
    d->notAfter = asn1TimeToDateTime(X509_get0_notAfter(x));

    if (auto* sans = static_cast<GENERAL_NAMES*>(
            X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr))) {
        for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
            const GENERAL_NAME* gn = sk_GENERAL_NAME_value(sans, i);
            if (gn->type == GEN_EMAIL)
                d->emails.append(asn1StringToQString(gn->d.rfc822Name).toLower());
            else if (gn->type == GEN_DNS)
                d->dnsNames.append(asn1StringToQString(gn->d.dNSName).toLower());
        }
        GENERAL_NAMES_free(sans);
    }
    const QString subjectEmail = entryByNid(X509_get_subject_name(x), NID_pkcs9_emailAddress);
    if (!subjectEmail.isEmpty() && !d->emails.contains(subjectEmail.toLower()))
        d->emails.append(subjectEmail.toLower());

    if (EVP_PKEY* pk = X509_get0_pubkey(x)) {
        const int id = EVP_PKEY_get_base_id(pk);
        if (id == EVP_PKEY_EC) {
            char group[80] = {};
            size_t len = 0;
            EVP_PKEY_get_utf8_string_param(
                pk, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len);
            d->keyDescription = QStringLiteral("EC %1").arg(QString::fromLatin1(group));
        } else {
            d->keyDescription = QStringLiteral("%1 %2 bits")
                                    .arg(QString::fromLatin1(OBJ_nid2sn(id)))
                                    .arg(EVP_PKEY_get_bits(pk));
        }
    }
    d->signatureAlgorithm = QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(x)));
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdLen = 0;
    if (X509_digest(x, EVP_sha256(), md, &mdLen) == 1)
        d->fingerprint = QString::fromLatin1(
            QByteArray(reinterpret_cast<const char*>(md), int(mdLen)).toHex(':'));
    d->selfIssued = X509_NAME_cmp(X509_get_subject_name(x), X509_get_issuer_name(x)) == 0;
    const uint32_t flags = X509_get_extension_flags(x); // also caches the extensions
    d->ca = flags & EXFLAG_CA;
    d->hasKeyUsage = flags & EXFLAG_KUSAGE;
    if (d->hasKeyUsage) {
        static const struct {
            uint32_t bit;
            const char* name;
        } bits[] = { { KU_DIGITAL_SIGNATURE, "digitalSignature" },
            { KU_NON_REPUDIATION, "nonRepudiation" }, { KU_KEY_ENCIPHERMENT, "keyEncipherment" },
            { KU_DATA_ENCIPHERMENT, "dataEncipherment" }, { KU_KEY_AGREEMENT, "keyAgreement" },
            { KU_KEY_CERT_SIGN, "keyCertSign" }, { KU_CRL_SIGN, "cRLSign" },
            { KU_ENCIPHER_ONLY, "encipherOnly" }, { KU_DECIPHER_ONLY, "decipherOnly" } };
        const uint32_t ku = X509_get_key_usage(x);
        for (const auto& b : bits) {
            if (ku & b.bit)
                d->keyUsage.append(QString::fromLatin1(b.name));
        }
    }
    if (auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
            X509_get_ext_d2i(x, NID_ext_key_usage, nullptr, nullptr))) {
        for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i)
            d->extendedKeyUsage.append(objectName(sk_ASN1_OBJECT_value(eku, i)));
        EXTENDED_KEY_USAGE_free(eku);
    }
    c.d = std::move(d);
    return c;
}

QList<Certificate> Certificate::fromPem(const QByteArray& pem)
{
    QList<Certificate> out;
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    // Bounded: each iteration consumes input; a cap guards against absurd bundles.
    while (out.size() < 10000) {
        X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        if (!x)
            break;
        unsigned char* der = nullptr;
        const int n = i2d_X509(x, &der);
        if (n > 0) {
            out.append(fromDer(QByteArray(reinterpret_cast<const char*>(der), n)));
            OPENSSL_free(der);
        }
        X509_free(x);
    }
    BIO_free(bio);
    return out;
}

bool Certificate::isNull() const
{
    return !d;
}
QByteArray Certificate::der() const
{
    return d ? d->der : QByteArray();
}
QString Certificate::subject() const
{
    return d ? d->subject : QString();
}
QString Certificate::issuer() const
{
    return d ? d->issuer : QString();
}
QString Certificate::commonName() const
{
    return d ? d->commonName : QString();
}
QString Certificate::serialHex() const
{
    return d ? d->serialHex : QString();
}
QDateTime Certificate::notBefore() const
{
    return d ? d->notBefore : QDateTime();
}
QDateTime Certificate::notAfter() const
{
    return d ? d->notAfter : QDateTime();
}
QStringList Certificate::emails() const
{
    return d ? d->emails : QStringList();
}
QStringList Certificate::dnsNames() const
{
    return d ? d->dnsNames : QStringList();
}
QString Certificate::publicKeyDescription() const
{
    return d ? d->keyDescription : QString();
}
QString Certificate::signatureAlgorithm() const
{
    return d ? d->signatureAlgorithm : QString();
}
QString Certificate::sha256Fingerprint() const
{
    return d ? d->fingerprint : QString();
}
bool Certificate::isSelfIssued() const
{
    return d && d->selfIssued;
}
bool Certificate::isCa() const
{
    return d && d->ca;
}
bool Certificate::hasKeyUsage() const
{
    return d && d->hasKeyUsage;
}
QStringList Certificate::keyUsage() const
{
    return d ? d->keyUsage : QStringList();
}
QStringList Certificate::extendedKeyUsage() const
{
    return d ? d->extendedKeyUsage : QStringList();
}
void* Certificate::handle() const
{
    return d ? d->x : nullptr;
}

bool Certificate::isValidAt(const QDateTime& t) const
{
    return d && d->notBefore.isValid() && d->notAfter.isValid() && t >= d->notBefore
        && t <= d->notAfter;
}

bool Certificate::matchesHost(const QString& host) const
{
    if (!d)
        return false;
    const QByteArray h = host.toLower().toUtf8();
    return X509_check_host(
               d->x, h.constData(), size_t(h.size()), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr)
        == 1;
}

QByteArray Certificate::subjectPublicKeyInfoDer() const
{
    if (!d)
        return {};
    unsigned char* der = nullptr;
    const int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(d->x), &der);
    if (n <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), n);
    OPENSSL_free(der);
    return out;
}

bool ChainResult::hasProblem(int code) const
{
    for (const ChainProblem& p : problems) {
        if (p.code == code)
            return true;
    }
    return false;
}

TrustStore::TrustStore() = default;
void TrustStore::useSystemStore(bool on)
{
    m_system = on;
}
bool TrustStore::systemStore() const
{
    return m_system;
}
void TrustStore::addCertificate(const Certificate& cert)
{
    if (!cert.isNull())
        m_user.append(cert);
}
const QList<Certificate>& TrustStore::userCertificates() const
{
    return m_user;
}

int TrustStore::addPemFile(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Smime", "cannot read %1: %2")
                         .arg(path, f.errorString());
        return 0;
    }
    // Trust files are small; refuse absurd sizes rather than read them whole.
    if (f.size() > 64 * 1024 * 1024) {
        if (error)
            *error
                = QCoreApplication::translate("Smime", "%1 is too large for a PEM file").arg(path);
        return 0;
    }
    const QList<Certificate> certs = Certificate::fromPem(f.readAll());
    if (certs.isEmpty() && error)
        *error = QCoreApplication::translate("Smime", "no PEM certificate found in %1").arg(path);
    m_user.append(certs);
    return int(certs.size());
}

namespace {

int collectProblems(int ok, X509_STORE_CTX* ctx)
{
    if (!ok) {
        auto* result = static_cast<ChainResult*>(X509_STORE_CTX_get_app_data(ctx));
        const int code = X509_STORE_CTX_get_error(ctx);
        const int depth = X509_STORE_CTX_get_error_depth(ctx);
        if (result && result->problems.size() < 64) {
            bool seen = false;
            for (const ChainProblem& p : result->problems)
                seen = seen || (p.code == code && p.depth == depth);
            if (!seen)
                result->problems.append(
                    { depth, code, QString::fromLatin1(X509_verify_cert_error_string(code)) });
        }
    }
    return 1; // keep going: the user wants every problem, not the first
}

} // namespace

ChainResult TrustStore::verify(const Certificate& cert, const QList<Certificate>& untrusted,
    const QDateTime& at, Purpose purpose) const
{
    ChainResult result;
    if (cert.isNull())
        return result;
    X509_STORE* store = X509_STORE_new();
    if (m_system)
        X509_STORE_set_default_paths(store);
    for (const Certificate& c : m_user)
        X509_STORE_add_cert(store, static_cast<X509*>(c.handle()));
    STACK_OF(X509)* chainIn = sk_X509_new_null();
    for (const Certificate& c : untrusted) {
        if (!c.isNull())
            sk_X509_push(chainIn, static_cast<X509*>(c.handle()));
    }
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, static_cast<X509*>(cert.handle()), chainIn);
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx);
    if (at.isValid())
        X509_VERIFY_PARAM_set_time(param, time_t(at.toSecsSinceEpoch()));
    switch (purpose) {
    case Purpose::Any: break;
    case Purpose::SmimeSign: X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SMIME_SIGN); break;
    case Purpose::SmimeEncrypt: X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SMIME_ENCRYPT); break;
    case Purpose::TlsServer: X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER); break;
    }
    X509_STORE_CTX_set_app_data(ctx, &result);
    X509_STORE_CTX_set_verify_cb(ctx, collectProblems);
    const int rc = X509_verify_cert(ctx);
    if (STACK_OF(X509)* built = X509_STORE_CTX_get1_chain(ctx)) {
        for (int i = 0; i < sk_X509_num(built); ++i) {
            X509* x = sk_X509_value(built, i);
            unsigned char* der = nullptr;
            const int n = i2d_X509(x, &der);
            if (n > 0) {
                result.chain.append(
                    Certificate::fromDer(QByteArray(reinterpret_cast<const char*>(der), n)));
                OPENSSL_free(der);
            }
        }
        sk_X509_pop_free(built, X509_free);
    }
    result.anchorFound = !result.hasProblem(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY)
        && !result.hasProblem(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT)
        && !result.hasProblem(X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN)
        && !result.hasProblem(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT)
        && !result.hasProblem(X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE);
    result.trusted = rc == 1 && result.problems.isEmpty();
    X509_STORE_CTX_free(ctx);
    sk_X509_free(chainIn);
    X509_STORE_free(store);
    return result;
}

} // namespace ms::crypto
