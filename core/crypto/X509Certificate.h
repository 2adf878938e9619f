#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ms::crypto {

// Value-type view of one X.509 certificate (RFC 5280). Everything the UI and the S/MIME /
// TLS checks show is extracted once at construction, so copies are cheap and thread-safe;
// the OpenSSL object stays behind the pimpl for chain building.
class Certificate
{
public:
    Certificate();
    static Certificate fromDer(const QByteArray& der); // null on garbage
    static QList<Certificate> fromPem(const QByteArray& pem); // every CERTIFICATE block

    bool isNull() const;
    QByteArray der() const;
    QString subject() const; // RFC 2253 one-line form
    QString issuer() const;
    QString commonName() const;
    QString serialHex() const;
    QDateTime notBefore() const; // UTC
    QDateTime notAfter() const;
    QStringList emails() const; // rfc822Name SANs, then subject emailAddress (lower-case)
    QStringList dnsNames() const;
    QString publicKeyDescription() const; // "RSA 2048 bits", "EC prime256v1"
    QString signatureAlgorithm() const;
    QString sha256Fingerprint() const; // hex, colon-separated
    bool isSelfIssued() const;
    bool isCa() const; // basicConstraints cA=TRUE

    // Key usage (RFC 5280 4.2.1.3). hasKeyUsage() false = extension absent (any use allowed).
    bool hasKeyUsage() const;
    QStringList keyUsage() const; // "digitalSignature", "nonRepudiation", ...
    // Extended key usage (RFC 5280 4.2.1.12) as names or dotted OIDs; empty = absent.
    QStringList extendedKeyUsage() const;

    bool isValidAt(const QDateTime& t) const;
    // RFC 6125 host name match against the dNSName SANs (CN only when no SAN), wildcards in
    // the left-most label as RFC 6125 6.4.3 allows.
    bool matchesHost(const QString& host) const;
    QByteArray subjectPublicKeyInfoDer() const; // for DANE selector 1 (RFC 6698 2.1.2)

    // For the chain builder and the CMS layer: the X509* (owned by this object).
    void* handle() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

// Result of building and verifying a chain for one end-entity certificate.
struct ChainProblem {
    int depth = 0; // 0 = the end-entity certificate
    int code = 0; // OpenSSL X509_V_ERR_*
    QString text; // OpenSSL's text for the code
};

struct ChainResult {
    bool trusted = false; // a path to a trust anchor exists without problems
    QList<Certificate> chain; // leaf first, as built (may stop short of an anchor)
    QList<ChainProblem> problems; // every problem found, not just the first
    bool anchorFound = false; // chain ends in a trusted certificate
    bool hasProblem(int code) const;
};

// Trust anchors: the system CA store (optional) plus PEM files the user adds.
class TrustStore
{
public:
    TrustStore();
    void useSystemStore(bool on);
    bool systemStore() const;
    // Returns how many certificates were read; error explains a failure (translated).
    int addPemFile(const QString& path, QString* error = nullptr);
    void addCertificate(const Certificate& cert);
    const QList<Certificate>& userCertificates() const;

    enum class Purpose { Any, SmimeSign, SmimeEncrypt, TlsServer };
    // Verifies cert against the anchors at time `at`, using `untrusted` as intermediates.
    ChainResult verify(const Certificate& cert, const QList<Certificate>& untrusted,
        const QDateTime& at, Purpose purpose = Purpose::Any) const;

private:
    bool m_system = true;
    QList<Certificate> m_user;
};

} // namespace ms::crypto
