#include "crypto/Cms.h"

#include "crypto/OpenSslText.h"

#include <QCoreApplication>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace ms::crypto {

namespace {

QString algorName(const X509_ALGOR* alg)
{
    if (!alg)
        return {};
    const ASN1_OBJECT* obj = nullptr;
    X509_ALGOR_get0(&obj, nullptr, nullptr, alg);
    return objectName(obj);
}

QString nameString(const X509_NAME* name)
{
    if (!name)
        return {};
    BIO* bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    QString s = n > 0 ? QString::fromUtf8(data, int(n)) : QString();
    BIO_free(bio);
    return s;
}

QString serialHex(const ASN1_INTEGER* sno)
{
    if (!sno)
        return {};
    QString r;
    if (BIGNUM* bn = ASN1_INTEGER_to_BN(sno, nullptr)) {
        char* hex = BN_bn2hex(bn);
        r = QString::fromLatin1(hex).toLower();
        OPENSSL_free(hex);
        BN_free(bn);
    }
    return r;
}

QByteArray octets(const ASN1_STRING* s)
{
    if (!s)
        return {};
    return QByteArray(
        reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
}

QDateTime toDateTime(const ASN1_TIME* t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
        QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

// Minimal DER reader, only for locating byte ranges to highlight (certificates inside the
// SignedData, the content-encryption algorithm). OpenSSL does the real parsing; indefinite
// (BER) lengths simply yield no ranges.
struct Tlv {
    int tag = -1;
    qint64 start = 0, header = 0, length = 0;
    qint64 value() const { return start + header; }
    qint64 end() const { return start + header + length; }
};

bool readTlv(const QByteArray& b, qint64 pos, qint64 limit, Tlv& t)
{
    if (pos < 0 || pos + 2 > limit || limit > b.size())
        return false;
    const auto at = [&](qint64 i) { return quint8(b[qsizetype(i)]); };
    t.tag = at(pos);
    if ((t.tag & 0x1f) == 0x1f)
        return false;
    const quint8 l = at(pos + 1);
    t.start = pos;
    t.header = 2;
    if (l < 0x80) {
        t.length = l;
    } else {
        const int n = l & 0x7f;
        if (n == 0 || n > 4 || pos + 2 + n > limit)
            return false;
        t.length = 0;
        for (int i = 0; i < n; ++i)
            t.length = (t.length << 8) | at(pos + 2 + i);
        t.header += n;
    }
    return t.end() <= limit;
}

QList<Tlv> children(const QByteArray& b, const Tlv& parent)
{
    QList<Tlv> out;
    qint64 pos = parent.value();
    Tlv t;
    while (pos < parent.end() && out.size() < 4096 && readTlv(b, pos, parent.end(), t)) {
        out.append(t);
        pos = t.end();
    }
    return out;
}

// ContentInfo -> [0] -> inner SEQUENCE (SignedData, EnvelopedData, ...)
bool innerContent(const QByteArray& b, Tlv& inner)
{
    Tlv ci;
    if (!readTlv(b, 0, b.size(), ci) || ci.tag != 0x30)
        return false;
    const QList<Tlv> parts = children(b, ci);
    if (parts.size() < 2 || parts[1].tag != 0xa0)
        return false;
    const QList<Tlv> wrapped = children(b, parts[1]);
    if (wrapped.isEmpty() || wrapped[0].tag != 0x30)
        return false;
    inner = wrapped[0];
    return true;
}

QString oidAt(const QByteArray& b, const Tlv& t)
{
    if (t.tag != 0x06)
        return {};
    const unsigned char* p = reinterpret_cast<const unsigned char*>(b.constData() + t.start);
    ASN1_OBJECT* obj = d2i_ASN1_OBJECT(nullptr, &p, long(t.end() - t.start));
    QString name = objectName(obj);
    ASN1_OBJECT_free(obj);
    return name;
}

} // namespace

struct CmsMessage::Data {
    CMS_ContentInfo* cms = nullptr;
    QByteArray der;
    Type type = Type::Invalid;
    QList<Certificate> certs;
    QList<DerRange> certRanges;
    QList<CmsSigner> signers;
    QList<CmsRecipient> recipients;
    QString encAlgorithm;
    ~Data() { CMS_ContentInfo_free(cms); }
};

CmsMessage::CmsMessage() = default;

CmsMessage CmsMessage::parse(const QByteArray& der, QString* error)
{
    CmsMessage m;
    ERR_clear_error();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &p, long(der.size()));
    if (!cms) {
        if (error)
            *error = QCoreApplication::translate("Smime", "not a CMS structure: %1")
                         .arg(takeOpensslErrors());
        return m;
    }
    auto d = std::make_shared<Data>();
    d->cms = cms;
    d->der = der;
    switch (OBJ_obj2nid(CMS_get0_type(cms))) {
    case NID_pkcs7_data: d->type = Type::Data; break;
    case NID_pkcs7_signed: d->type = Type::Signed; break;
    case NID_pkcs7_enveloped: d->type = Type::Enveloped; break;
    case NID_id_smime_ct_authEnvelopedData: d->type = Type::AuthEnveloped; break;
    case NID_id_smime_ct_compressedData: d->type = Type::Compressed; break;
    default: d->type = Type::Other; break;
    }

    Tlv inner;
    const bool haveInner = innerContent(der, inner);
    if (d->type == Type::Signed) {
        if (STACK_OF(X509)* certs = CMS_get1_certs(cms)) {
            for (int i = 0; i < sk_X509_num(certs); ++i) {
                unsigned char* buf = nullptr;
                const int n = i2d_X509(sk_X509_value(certs, i), &buf);
                if (n > 0) {
                    d->certs.append(
                        Certificate::fromDer(QByteArray(reinterpret_cast<const char*>(buf), n)));
                    OPENSSL_free(buf);
                }
            }
            sk_X509_pop_free(certs, X509_free);
        }
        // certificates [0] IMPLICIT follows version, digestAlgorithms, encapContentInfo.
        if (haveInner) {
            const QList<Tlv> sd = children(der, inner);
            for (const Tlv& t : sd) {
                if (t.tag != 0xa0)
                    continue;
                for (const Tlv& c : children(der, t)) {
                    if (c.tag == 0x30)
                        d->certRanges.append(DerRange { c.start, c.end() - c.start });
                }
                break;
            }
        }
        while (d->certRanges.size() < d->certs.size())
            d->certRanges.append(DerRange {});

        STACK_OF(CMS_SignerInfo)* sis = CMS_get0_SignerInfos(cms);
        for (int i = 0; i < sk_CMS_SignerInfo_num(sis) && i < 64; ++i) {
            CMS_SignerInfo* si = sk_CMS_SignerInfo_value(sis, i);
            CmsSigner s;
            ASN1_OCTET_STRING* keyid = nullptr;
            X509_NAME* issuer = nullptr;
            ASN1_INTEGER* sno = nullptr;
            if (CMS_SignerInfo_get0_signer_id(si, &keyid, &issuer, &sno) == 1) {
                s.sidIssuer = nameString(issuer);
                s.sidSerialHex = serialHex(sno);
                s.sidKeyIdHex = QString::fromLatin1(octets(keyid).toHex());
            }
            X509_ALGOR* dig = nullptr;
            X509_ALGOR* sig = nullptr;
            CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &dig, &sig);
            s.digestAlgorithm = algorName(dig);
            s.signatureAlgorithm = algorName(sig);
            const int count = CMS_signed_get_attr_count(si);
            s.hasSignedAttributes = count > 0;
            for (int a = 0; a < count && a < 256; ++a) {
                X509_ATTRIBUTE* attr = CMS_signed_get_attr(si, a);
                const ASN1_OBJECT* obj = X509_ATTRIBUTE_get0_object(attr);
                s.signedAttributes.append(objectName(obj));
                const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attr, 0);
                if (!value)
                    continue;
                const int nid = OBJ_obj2nid(obj);
                if (nid == NID_pkcs9_messageDigest && value->type == V_ASN1_OCTET_STRING)
                    s.messageDigest = octets(value->value.octet_string);
                else if (nid == NID_pkcs9_signingTime
                    && (value->type == V_ASN1_UTCTIME || value->type == V_ASN1_GENERALIZEDTIME))
                    s.signingTime = toDateTime(value->value.utctime);
            }
            for (int c = 0; c < d->certs.size(); ++c) {
                // A certificate OpenSSL read leniently may not survive its own re-encoding
                // (found by fuzzing): it stays in the list, null, and matches no signer.
                X509* x = static_cast<X509*>(d->certs[c].handle());
                if (x && CMS_SignerInfo_cert_cmp(si, x) == 0) {
                    s.certificateIndex = c;
                    CMS_SignerInfo_set1_signer_cert(si, x);
                    break;
                }
            }
            d->signers.append(s);
        }
    } else if (d->type == Type::Enveloped || d->type == Type::AuthEnveloped) {
        STACK_OF(CMS_RecipientInfo)* ris = CMS_get0_RecipientInfos(cms);
        for (int i = 0; i < sk_CMS_RecipientInfo_num(ris) && i < 256; ++i) {
            CMS_RecipientInfo* ri = sk_CMS_RecipientInfo_value(ris, i);
            CmsRecipient r;
            switch (CMS_RecipientInfo_type(ri)) {
            case CMS_RECIPINFO_TRANS: {
                r.type = QStringLiteral("ktri");
                ASN1_OCTET_STRING* keyid = nullptr;
                X509_NAME* issuer = nullptr;
                ASN1_INTEGER* sno = nullptr;
                if (CMS_RecipientInfo_ktri_get0_signer_id(ri, &keyid, &issuer, &sno) == 1) {
                    r.issuer = nameString(issuer);
                    r.serialHex = serialHex(sno);
                    r.keyIdHex = QString::fromLatin1(octets(keyid).toHex());
                }
                X509_ALGOR* alg = nullptr;
                CMS_RecipientInfo_ktri_get0_algs(ri, nullptr, nullptr, &alg);
                r.keyEncryptionAlgorithm = algorName(alg);
                d->recipients.append(r);
                break;
            }
            case CMS_RECIPINFO_AGREE: {
                r.type = QStringLiteral("kari");
                X509_ALGOR* alg = nullptr;
                ASN1_OCTET_STRING* ukm = nullptr;
                CMS_RecipientInfo_kari_get0_alg(ri, &alg, &ukm);
                r.keyEncryptionAlgorithm = algorName(alg);
                STACK_OF(CMS_RecipientEncryptedKey)* reks = CMS_RecipientInfo_kari_get0_reks(ri);
                for (int k = 0; k < sk_CMS_RecipientEncryptedKey_num(reks) && k < 256; ++k) {
                    CmsRecipient rk = r;
                    ASN1_OCTET_STRING* keyid = nullptr;
                    ASN1_GENERALIZEDTIME* tm = nullptr;
                    CMS_OtherKeyAttribute* other = nullptr;
                    X509_NAME* issuer = nullptr;
                    ASN1_INTEGER* sno = nullptr;
                    if (CMS_RecipientEncryptedKey_get0_id(
                            sk_CMS_RecipientEncryptedKey_value(reks, k), &keyid, &tm, &other,
                            &issuer, &sno)
                        == 1) {
                        rk.issuer = nameString(issuer);
                        rk.serialHex = serialHex(sno);
                        rk.keyIdHex = QString::fromLatin1(octets(keyid).toHex());
                    }
                    d->recipients.append(rk);
                }
                break;
            }
            case CMS_RECIPINFO_KEK:
                r.type = QStringLiteral("kekri");
                d->recipients.append(r);
                break;
            case CMS_RECIPINFO_PASS:
                r.type = QStringLiteral("pwri");
                d->recipients.append(r);
                break;
            default:
                r.type = QStringLiteral("ori");
                d->recipients.append(r);
                break;
            }
        }
        // encryptedContentInfo: the first SEQUENCE after the recipientInfos SET.
        if (haveInner) {
            bool afterRecipients = false;
            for (const Tlv& t : children(der, inner)) {
                if (t.tag == 0x31) {
                    afterRecipients = true;
                } else if (afterRecipients && t.tag == 0x30) {
                    const QList<Tlv> eci = children(der, t);
                    if (eci.size() >= 2 && eci[1].tag == 0x30) {
                        const QList<Tlv> alg = children(der, eci[1]);
                        if (!alg.isEmpty())
                            d->encAlgorithm = oidAt(der, alg[0]);
                    }
                    break;
                }
            }
        }
    }
    ERR_clear_error();
    m.d = std::move(d);
    return m;
}

bool CmsMessage::isNull() const
{
    return !d;
}
CmsMessage::Type CmsMessage::type() const
{
    return d ? d->type : Type::Invalid;
}
QByteArray CmsMessage::der() const
{
    return d ? d->der : QByteArray();
}

QString CmsMessage::typeName() const
{
    switch (type()) {
    case Type::Invalid: return QStringLiteral("invalid");
    case Type::Data: return QStringLiteral("data");
    case Type::Signed: return QStringLiteral("signedData");
    case Type::Enveloped: return QStringLiteral("envelopedData");
    case Type::AuthEnveloped: return QStringLiteral("authEnvelopedData");
    case Type::Compressed: return QStringLiteral("compressedData");
    case Type::Other: return d ? objectName(CMS_get0_type(d->cms)) : QString();
    }
    return {};
}

QString CmsMessage::encapsulatedContentType() const
{
    return d && d->type == Type::Signed ? objectName(CMS_get0_eContentType(d->cms)) : QString();
}

bool CmsMessage::isDetached() const
{
    return d && d->type == Type::Signed && CMS_is_detached(d->cms) == 1;
}

QByteArray CmsMessage::encapsulatedContent() const
{
    if (!d || d->type != Type::Signed)
        return {};
    ASN1_OCTET_STRING** pos = CMS_get0_content(d->cms);
    return pos && *pos ? octets(*pos) : QByteArray();
}

QList<Certificate> CmsMessage::certificates() const
{
    return d ? d->certs : QList<Certificate>();
}
QList<DerRange> CmsMessage::certificateRanges() const
{
    return d ? d->certRanges : QList<DerRange>();
}
QList<CmsSigner> CmsMessage::signers() const
{
    return d ? d->signers : QList<CmsSigner>();
}
QList<CmsRecipient> CmsMessage::recipients() const
{
    return d ? d->recipients : QList<CmsRecipient>();
}
QString CmsMessage::contentEncryptionAlgorithm() const
{
    return d ? d->encAlgorithm : QString();
}

QStringList CmsMessage::digestAlgorithms() const
{
    QStringList out;
    for (const CmsSigner& s : signers()) {
        if (!out.contains(s.digestAlgorithm))
            out.append(s.digestAlgorithm);
    }
    return out;
}

CmsSignerCheck CmsMessage::verifySigner(int index, const QByteArray& content) const
{
    CmsSignerCheck r;
    if (!d || d->type != Type::Signed || index < 0 || index >= d->signers.size())
        return r;
    ERR_clear_error();
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(d->cms), index);
    X509_ALGOR* dig = nullptr;
    X509* signer = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, &signer, &dig, nullptr);
    const ASN1_OBJECT* digObj = nullptr;
    X509_ALGOR_get0(&digObj, nullptr, nullptr, dig);
    const EVP_MD* md = EVP_get_digestbyobj(digObj);
    if (!md) {
        r.error = QCoreApplication::translate("Smime", "unsupported digest algorithm %1")
                      .arg(objectName(digObj));
        return r;
    }
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outLen = 0;
    if (EVP_Digest(content.constData(), size_t(content.size()), out, &outLen, md, nullptr) == 1) {
        r.computedDigest = QByteArray(reinterpret_cast<const char*>(out), int(outLen));
        r.digestComputed = true;
    }
    const CmsSigner& s = d->signers[index];
    if (s.hasSignedAttributes) {
        r.digestMatches = r.digestComputed && r.computedDigest == s.messageDigest;
        if (signer) {
            // Verifies the signature over the DER of the signed attributes (RFC 5652 5.4).
            r.signatureValid = CMS_SignerInfo_verify(si) == 1 ? 1 : 0;
            if (!r.signatureValid)
                r.error = takeOpensslErrors();
        }
    } else if (signer) {
        // No signed attributes: the signature is over the content digest itself.
        const ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
        EVP_MD_CTX* mctx = EVP_MD_CTX_new();
        const bool ok
            = EVP_DigestVerifyInit(mctx, nullptr, md, nullptr, X509_get0_pubkey(signer)) == 1
            && EVP_DigestVerify(mctx, ASN1_STRING_get0_data(sig), size_t(ASN1_STRING_length(sig)),
                   reinterpret_cast<const unsigned char*>(content.constData()),
                   size_t(content.size()))
                == 1;
        EVP_MD_CTX_free(mctx);
        r.signatureValid = ok ? 1 : 0;
        r.digestMatches = ok;
        if (!ok)
            r.error = takeOpensslErrors();
    }
    ERR_clear_error();
    return r;
}

namespace {

// Opens a PKCS#12 (DER) with the password (an empty one also tries "no password"); on
// success the caller owns *pkey and *cert.
bool openPkcs12Der(const QByteArray& pkcs12, const QByteArray& password, EVP_PKEY** pkey,
    X509** cert, QString* error)
{
    ERR_clear_error();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(pkcs12.constData());
    PKCS12* p12 = d2i_PKCS12(nullptr, &p, long(pkcs12.size()));
    if (!p12) {
        *error = QCoreApplication::translate("Smime", "the key file is not PKCS#12 (DER): %1")
                     .arg(takeOpensslErrors());
        return false;
    }
    STACK_OF(X509)* ca = nullptr;
    const QByteArray pass = password; // NUL-terminated copy
    bool parsed = PKCS12_parse(p12, pass.constData(), pkey, cert, &ca) == 1;
    if (!parsed && pass.isEmpty())
        parsed = PKCS12_parse(p12, nullptr, pkey, cert, &ca) == 1;
    PKCS12_free(p12);
    sk_X509_pop_free(ca, X509_free);
    if (!parsed || !*pkey || !*cert) {
        *error = QCoreApplication::translate(
            "Smime", "cannot open the PKCS#12 file (wrong password?): %1")
                     .arg(takeOpensslErrors());
        EVP_PKEY_free(*pkey);
        X509_free(*cert);
        *pkey = nullptr;
        *cert = nullptr;
        return false;
    }
    return true;
}

Certificate certificateOf(X509* cert)
{
    unsigned char* buf = nullptr;
    const int n = i2d_X509(cert, &buf);
    if (n <= 0)
        return {};
    Certificate c = Certificate::fromDer(QByteArray(reinterpret_cast<const char*>(buf), n));
    OPENSSL_free(buf);
    return c;
}

} // namespace

Pkcs12Info openPkcs12(const QByteArray& pkcs12, const QByteArray& password)
{
    Pkcs12Info info;
    EVP_PKEY* pkey = nullptr;
    X509* cert = nullptr;
    if (!openPkcs12Der(pkcs12, password, &pkey, &cert, &info.error))
        return info;
    info.ok = true;
    info.certificate = certificateOf(cert);
    EVP_PKEY_free(pkey);
    X509_free(cert);
    ERR_clear_error();
    return info;
}

CmsDecryptResult CmsMessage::decrypt(const QByteArray& pkcs12, const QByteArray& password) const
{
    CmsDecryptResult r;
    if (!d || (d->type != Type::Enveloped && d->type != Type::AuthEnveloped)) {
        r.error = QCoreApplication::translate("Smime", "not an encrypted CMS structure");
        return r;
    }
    EVP_PKEY* pkey = nullptr;
    X509* cert = nullptr;
    if (!openPkcs12Der(pkcs12, password, &pkey, &cert, &r.error))
        return r;
    r.certificate = certificateOf(cert);
    // Which recipient does this key belong to?
    STACK_OF(CMS_RecipientInfo)* ris = CMS_get0_RecipientInfos(d->cms);
    int flat = 0;
    for (int i = 0; i < sk_CMS_RecipientInfo_num(ris) && r.recipientIndex < 0; ++i) {
        CMS_RecipientInfo* ri = sk_CMS_RecipientInfo_value(ris, i);
        if (CMS_RecipientInfo_type(ri) == CMS_RECIPINFO_TRANS) {
            if (CMS_RecipientInfo_ktri_cert_cmp(ri, cert) == 0)
                r.recipientIndex = flat;
            ++flat;
        } else if (CMS_RecipientInfo_type(ri) == CMS_RECIPINFO_AGREE) {
            STACK_OF(CMS_RecipientEncryptedKey)* reks = CMS_RecipientInfo_kari_get0_reks(ri);
            for (int k = 0; k < sk_CMS_RecipientEncryptedKey_num(reks); ++k, ++flat) {
                if (r.recipientIndex < 0
                    && CMS_RecipientEncryptedKey_cert_cmp(
                           sk_CMS_RecipientEncryptedKey_value(reks, k), cert)
                        == 0)
                    r.recipientIndex = flat;
            }
        } else {
            ++flat;
        }
    }
    if (r.recipientIndex < 0) {
        r.error = QCoreApplication::translate(
            "Smime", "the key in the PKCS#12 file is not one of the message's recipients");
        EVP_PKEY_free(pkey);
        X509_free(cert);
        return r;
    }
    BIO* out = BIO_new(BIO_s_mem());
    if (CMS_decrypt(d->cms, pkey, cert, nullptr, out, CMS_BINARY) == 1) {
        char* data = nullptr;
        const long n = BIO_get_mem_data(out, &data);
        r.content = QByteArray(data, int(n));
        r.ok = true;
    } else {
        r.error = QCoreApplication::translate("Smime", "decryption failed: %1")
                      .arg(takeOpensslErrors());
    }
    BIO_free(out);
    EVP_PKEY_free(pkey);
    X509_free(cert);
    ERR_clear_error();
    return r;
}

QString hexDigest(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

} // namespace ms::crypto
