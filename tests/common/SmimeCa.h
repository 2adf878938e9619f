#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace mstest {

// A certificate and its private key, made at test time with OpenSSL.
struct TestIdentity {
    QByteArray certDer;
    QByteArray certPem;
    QByteArray keyPem; // PKCS#8, unencrypted
    std::shared_ptr<void> key; // EVP_PKEY*
    std::shared_ptr<void> cert; // X509*

    // PKCS#12 (DER) of this key + certificate, protected by password.
    QByteArray pkcs12(const QByteArray& password) const;
};

struct CertOptions {
    QString commonName = QStringLiteral("Alice Example");
    QStringList emails = { QStringLiteral("alice@example.com") }; // rfc822Name SANs
    QStringList dnsNames; // dNSName SANs
    QDateTime notBefore; // default: now - 1 day
    QDateTime notAfter; // default: now + 365 days
    QString keyUsage = QStringLiteral("critical,digitalSignature,keyEncipherment");
    QString extendedKeyUsage = QStringLiteral("emailProtection"); // empty = no EKU
    bool ec = false; // P-256 instead of RSA 2048
};

// A throw-away certification authority. Each instance has its own key and root.
class TestCa
{
public:
    explicit TestCa(const QString& name = QStringLiteral("Mailscope Test CA"));
    const TestIdentity& root() const { return m_root; }
    TestIdentity issue(const CertOptions& options) const;
    // Writes the root certificate as PEM to path (for options.smimeTrustFiles).
    bool writeRootPem(const QString& path) const;

private:
    TestIdentity m_root;
    mutable long m_serial = 1000;
};

// CMS SignedData over content. signingTime invalid = OpenSSL's default (now).
QByteArray cmsSign(const QByteArray& content, const TestIdentity& signer, bool detached,
    const QDateTime& signingTime = {}, const QList<TestIdentity>& extraCerts = {});
// CMS EnvelopedData (AES-128-CBC) for the recipients.
QByteArray cmsEncrypt(const QByteArray& content, const QList<TestIdentity>& recipients);

// Complete messages (CRLF). outerHeaders: "From: ...\r\nTo: ...\r\n" (no blank line).
QByteArray multipartSigned(const QByteArray& outerHeaders, const QByteArray& entity,
    const QByteArray& cmsDer, const QByteArray& protocol = "application/pkcs7-signature");
// An application/pkcs7-mime entity (with outer headers when given). smimeType may be empty.
QByteArray pkcs7Mime(const QByteArray& outerHeaders, const QByteArray& cmsDer,
    const QByteArray& smimeType, const QByteArray& mediaType = "application/pkcs7-mime");

} // namespace mstest
