#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ms {

namespace tls {
class MtaStsPolicyCache;
}

// Which checks exist, in the order a report lists them.
inline const QStringList& allCheckNames()
{
    static const QStringList names = { QStringLiteral("spf"), QStringLiteral("dkim"),
        QStringLiteral("arc"), QStringLiteral("dmarc"), QStringLiteral("smime"),
        QStringLiteral("tls"), QStringLiteral("authres") };
    return names;
}

struct VerifyOptions {
    QStringList checks; // subset of allCheckNames(); empty = all

    enum class TimeMode { Now, MessageDate, Fixed };
    TimeMode timeMode = TimeMode::Now;
    QDateTime fixedTime; // used when timeMode == Fixed

    // Envelope overrides (the guess from the message is used where these are empty).
    std::optional<QString> clientIp;
    std::optional<QString> helo;
    std::optional<QString> mailFrom;

    enum class DmarcDiscovery { TreeWalk /* RFC 9989 */, Psl /* RFC 7489 */ };
    DmarcDiscovery dmarcDiscovery = DmarcDiscovery::TreeWalk;

    QStringList trustedAuthservIds; // Authentication-Results worth believing
    QStringList trustedArcSealers; // ARC d= domains whose chain may override DMARC

    QStringList smimeTrustFiles; // extra PEM CA certificates
    bool smimeUseSystemStore = true;
    QString pkcs12File; // S/MIME decryption key
    QByteArray pkcs12Password;

    bool tlsFetchMtaStsPolicy = false; // HTTPS fetch: only on explicit request
    bool tlsLiveSmtpCheck = false; // connect to one MX: only on explicit request
    QString tlsLiveSmtpHost; // host[:port] for the live check
    QStringList tlsTrustFiles; // extra PEM CA certificates for the live check
    int tlsLiveTimeoutMs = 15000; // whole live SMTP conversation
    int tlsMtaStsTimeoutMs = 20000; // one HTTPS policy fetch (RFC 8461 3.3)
    quint16 tlsMtaStsPort = 443; // test/expert hook: the port the policy host is asked on
    // Policies fetched earlier in this run (a batch), shared by every copy of these options;
    // null = fetch for every message (tls/MtaSts.h).
    std::shared_ptr<tls::MtaStsPolicyCache> mtaStsCache;

    int timeBudgetMs = 60000; // whole verification, DNS included

    // Run independent checks of one message on several threads. Batch mode turns this off:
    // its own pool already keeps every core busy with whole messages.
    bool parallelChecks = true;

    // Keep the exact canonical bytes each check hashed (DKIM's canonical body per
    // signature) as report sources for display. Batch output (JSON lines, CSV) never shows
    // them and may turn this off: bodies are then hashed without being held, and only a
    // failing signature gets its canonical body (its forensic spans point into it).
    bool keepCanonicalSources = true;

    // Summary-only runs (batch JSON lines and CSV, which print no steps): every check still
    // computes each result, reason code, plain-language reason and forensic finding exactly
    // as a full run does, but builds only the steps those outputs read, not the explanatory
    // sub-steps (tags, canonical bytes, DNS answer details) that only a viewer of the tree
    // needs. Results must be identical either way (tests compare both).
    bool summaryOnly = false;

    bool wants(const QString& check) const { return checks.isEmpty() || checks.contains(check); }
};

} // namespace ms
