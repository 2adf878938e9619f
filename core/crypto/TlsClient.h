#pragma once

#include "crypto/X509Certificate.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace ms::crypto {

// What one TCP connection with TLS showed: the part the SMTP probe and the HTTPS fetch share.
struct TlsSession {
    bool connected = false;
    QString address; // "127.0.0.1:25" actually connected to
    QStringList transcript; // "S: 220 ...", "C: EHLO ...", bounded
    bool tlsEstablished = false;
    QString protocol; // "TLSv1.3"
    QString cipher; // "TLS_AES_256_GCM_SHA384"
    int cipherBits = 0;
    QList<Certificate> peerChain; // as sent by the server, leaf first
    QString error; // plain words; empty when everything went through
    qint64 elapsedMs = 0;
};

// What one SMTP conversation with STARTTLS showed (RFC 5321, RFC 3207).
struct SmtpProbeResult : TlsSession {
    QString banner; // the 220 greeting
    QStringList capabilities; // EHLO keywords before TLS ("STARTTLS", "SIZE 1000", ...)
    bool starttlsOffered = false;
    bool starttlsAccepted = false; // 220 to STARTTLS
    QStringList capabilitiesAfterTls;
};

// Connects to address:port (a numeric address the caller resolved through its own DNS),
// reads the greeting, EHLO, STARTTLS, TLS handshake (SNI = hostName, no certificate
// verification here: the caller judges the chain), EHLO again, QUIT. Every read is bounded
// and the whole conversation respects timeoutMs. Never sends mail.
SmtpProbeResult probeSmtpStartTls(const QString& address, quint16 port, const QString& hostName,
    const QString& ehloName, int timeoutMs, const std::atomic_bool* cancelled = nullptr);

// What one HTTPS GET showed (RFC 9110, RFC 9112).
struct HttpsResponse : TlsSession {
    bool chainAccepted = false; // the caller's judge let the request go out
    QString chainRejection; // why the judge refused
    bool requestSent = false;
    int status = 0; // 200, 301, ... (0 = no status line)
    QString statusLine;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case, in order
    QByteArray body; // at most maxBodyBytes
    bool bodyTooLarge = false; // the server had more than maxBodyBytes (reading stopped)
    bool complete = false; // the whole body arrived (Content-Length, last chunk, or close)
    QByteArray header(QByteArrayView name) const; // first value, empty if absent
};

// Judges the certificate chain after the handshake, before anything is sent; false stops
// the exchange and *why says why.
using ChainJudge = std::function<bool(const QList<Certificate>& chain, QString* why)>;

// A minimal HTTP/1.1 GET over TLS: connects to address:port (a numeric address the caller
// resolved), SNI and Host = hostName, lets judge decide on the chain, sends one request with
// "Connection: close" and reads the response: header block at most 16 KiB, body at most
// maxBodyBytes (Content-Length, chunked or until close), everything within timeoutMs.
// Redirects are reported, never followed.
HttpsResponse httpsGet(const QString& address, quint16 port, const QString& hostName,
    const QByteArray& path, qint64 maxBodyBytes, int timeoutMs, const ChainJudge& judge,
    const std::atomic_bool* cancelled = nullptr);

} // namespace ms::crypto
