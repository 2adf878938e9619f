#pragma once

#include "crypto/X509Certificate.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace ms::crypto {

// What one SMTP conversation with STARTTLS showed (RFC 5321, RFC 3207).
struct SmtpProbeResult {
    bool connected = false;
    QString address; // "127.0.0.1:25" actually connected to
    QStringList transcript; // "S: 220 ...", "C: EHLO ...", bounded
    QString banner; // the 220 greeting
    QStringList capabilities; // EHLO keywords before TLS ("STARTTLS", "SIZE 1000", ...)
    bool starttlsOffered = false;
    bool starttlsAccepted = false; // 220 to STARTTLS
    bool tlsEstablished = false;
    QString protocol; // "TLSv1.3"
    QString cipher; // "TLS_AES_256_GCM_SHA384"
    int cipherBits = 0;
    QList<Certificate> peerChain; // as sent by the server, leaf first
    QStringList capabilitiesAfterTls;
    QString error; // plain words; empty when everything went through
    qint64 elapsedMs = 0;
};

// Connects to host:port, reads the greeting, EHLO, STARTTLS, TLS handshake (SNI = host, no
// certificate verification here: the caller judges the chain), EHLO again, QUIT. Every read
// is bounded and the whole conversation respects timeoutMs. Never sends mail.
SmtpProbeResult probeSmtpStartTls(const QString& host, quint16 port, const QString& ehloName,
    int timeoutMs, const std::atomic_bool* cancelled = nullptr);

} // namespace ms::crypto
