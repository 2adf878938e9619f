#pragma once

#include "dns/Resolver.h"

#include <QStringList>

namespace ms::dns {

// A DNS server address: an IP literal and a port.
struct ServerAddress {
    QString host; // "127.0.0.1", "::1"
    quint16 port = 53;
    QString toString() const; // "127.0.0.1:53", "[::1]:53"
    // "1.2.3.4", "1.2.3.4:5353", "::1", "[::1]:5353". nullopt (with a reason) otherwise.
    static std::optional<ServerAddress> parse(const QString& text, QString* error = nullptr);
};

struct LiveOptions {
    QList<ServerAddress> servers; // empty = the nameservers of /etc/resolv.conf
    QString resolvConf = QStringLiteral("/etc/resolv.conf");
    int timeoutMs = 2000; // per attempt
    int retries = 1; // further rounds over the servers after the first
    int ednsBufferSize = 1232; // EDNS0 UDP payload size (RFC 6891); 0 = no EDNS
    bool dnssecOk = false; // the DO bit (RFC 3225)
    bool recursionDesired = true; // RD; off to talk to an authoritative server directly
    bool tcpFallback = true; // retry over TCP when the UDP answer is truncated
};

// Live lookups. ldns builds and parses the packets; the sockets are ours, so every wait is
// bounded by the timeout, the per-thread QueryLimits, and the cancel flag. Answers are
// checked against the question (ID, QR, name, type, class); mismatches are ignored while
// waiting (anti-spoofing) and reported as Malformed if nothing valid comes. CNAME chains in
// answers are followed (and chased with further queries, bounded by kMaxCnameChain).
// Thread-safe: no state changes after construction.
class LiveResolver : public Resolver
{
public:
    explicit LiveResolver(LiveOptions options = {});

    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;

    const QList<ServerAddress>& servers() const { return m_servers; }
    QString configError() const { return m_configError; } // e.g. no usable nameserver

    // The nameserver lines of a resolv.conf (at most 3, as the C library uses).
    static QList<ServerAddress> readResolvConf(const QString& path, QString* error = nullptr);

private:
    LiveOptions m_options;
    QList<ServerAddress> m_servers;
    QString m_configError;
};

} // namespace ms::dns
