#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace ms::spf {

// A client or network address. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are folded to
// IPv4 on parsing: RFC 7208 5 asks checkers to treat such clients as IPv4 (A records, ip4).
struct IpAddress {
    bool v6 = false;
    std::array<quint8, 16> bytes {}; // IPv4 uses the first 4

    static std::optional<IpAddress> parse(QStringView text, bool foldMapped = true);
    static std::optional<IpAddress> parseV4(QByteArrayView text); // strict dotted quad
    static std::optional<IpAddress> parseV6(QByteArrayView text); // no folding
    static std::optional<IpAddress> fromRecord(const QByteArray& raw); // 4 or 16 bytes

    int bits() const { return v6 ? 128 : 32; }
    // The first `prefix` bits of both addresses are equal (same family required).
    bool matches(const IpAddress& network, int prefix) const;
    bool operator==(const IpAddress&) const = default;

    QString toString() const; // dotted quad, or RFC 5952 text (lower case)
    // toString()'s text into `out` (kMaxText units at least), without allocating; its length.
    static constexpr qsizetype kMaxText = 46; // INET6_ADDRSTRLEN
    qsizetype writeText(char16_t* out) const;
    QByteArray dotted() const; // %{i}: dotted quad or 32 dot-separated nibbles
    QByteArray reverseName() const; // "4.3.2.1.in-addr.arpa" / nibbles + ".ip6.arpa"
};

} // namespace ms::spf
