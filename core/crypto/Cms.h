#pragma once

#include "crypto/X509Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ms::crypto {

// A byte range inside the DER blob the CmsMessage was parsed from (for step spans).
struct DerRange {
    qint64 offset = -1;
    qint64 length = 0;
    bool isValid() const { return offset >= 0; }
};

// One SignerInfo of a SignedData (RFC 5652 5.3).
struct CmsSigner {
    QString sidIssuer; // issuerAndSerialNumber, or empty
    QString sidSerialHex;
    QString sidKeyIdHex; // subjectKeyIdentifier, or empty
    QString digestAlgorithm; // "sha256"
    QString signatureAlgorithm; // "rsaEncryption", "ecdsa-with-SHA256", ...
    bool hasSignedAttributes = false;
    QStringList signedAttributes; // names, in order
    QByteArray messageDigest; // the messageDigest attribute (RFC 5652 11.2)
    QDateTime signingTime; // the signingTime attribute (RFC 5652 11.3), invalid if absent
    int certificateIndex = -1; // index into CmsMessage::certificates() of the signer
};

struct CmsSignerCheck {
    QByteArray computedDigest; // over the content, with the signer's digest algorithm
    bool digestComputed = false;
    bool digestMatches = false; // computedDigest == messageDigest (or, without signed
                                // attributes, the signature over the content verified)
    int signatureValid = -1; // 1 valid, 0 invalid, -1 not checkable (no certificate)
    QString error; // OpenSSL's explanation when something failed
};

// One RecipientInfo of an EnvelopedData (RFC 5652 6.2).
struct CmsRecipient {
    QString type; // "ktri", "kari", "kekri", "pwri", "ori"
    QString issuer;
    QString serialHex;
    QString keyIdHex;
    QString keyEncryptionAlgorithm;
};

struct CmsDecryptResult {
    bool ok = false;
    QByteArray content; // in memory only: never written anywhere by this layer
    int recipientIndex = -1; // which RecipientInfo the key matched
    Certificate certificate; // from the PKCS#12
    QString error;
};

// A parsed CMS ContentInfo (RFC 5652), as S/MIME carries it (RFC 8551).
class CmsMessage
{
public:
    enum class Type { Invalid, Data, Signed, Enveloped, AuthEnveloped, Compressed, Other };

    CmsMessage();
    static CmsMessage parse(const QByteArray& der, QString* error = nullptr);

    bool isNull() const;
    Type type() const;
    QString typeName() const; // "signedData", "envelopedData", ...
    QByteArray der() const;

    // SignedData
    QString encapsulatedContentType() const; // "pkcs7-data"
    bool isDetached() const;
    QByteArray encapsulatedContent() const; // opaque signing: the signed bytes
    QList<Certificate> certificates() const;
    QList<DerRange> certificateRanges() const; // same order as certificates(), where found
    QStringList digestAlgorithms() const;
    QList<CmsSigner> signers() const;
    CmsSignerCheck verifySigner(int index, const QByteArray& content) const;

    // EnvelopedData / AuthEnvelopedData
    QList<CmsRecipient> recipients() const;
    QString contentEncryptionAlgorithm() const;
    // pkcs12: the DER of a PKCS#12 file; password as given by the user.
    CmsDecryptResult decrypt(const QByteArray& pkcs12, const QByteArray& password) const;

private:
    struct Data;
    std::shared_ptr<Data> d;
};

QString hexDigest(const QByteArray& bytes); // lower-case hex, for display

// Opens a PKCS#12 file (DER) to check the password before any message is read; the key
// itself stays inside OpenSSL and is freed again.
struct Pkcs12Info {
    bool ok = false;
    Certificate certificate;
    QString error; // translated: not PKCS#12, or wrong password
};
Pkcs12Info openPkcs12(const QByteArray& pkcs12, const QByteArray& password);

} // namespace ms::crypto
