#include "spf/Ip.h"

#include <arpa/inet.h>
#include <cstring>

namespace ms::spf {

std::optional<IpAddress> IpAddress::parseV4(QByteArrayView text)
{
    // RFC 7208 5.6: ip4-network = qnum "." qnum "." qnum "." qnum, qnum 0..255 without
    // leading zeros.
    IpAddress ip;
    int part = 0;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (part < 4) {
        const qsizetype start = i;
        int value = 0;
        while (i < n && text[i] >= '0' && text[i] <= '9' && i - start < 4) {
            value = value * 10 + (text[i] - '0');
            ++i;
        }
        const qsizetype len = i - start;
        if (len == 0 || len > 3 || value > 255 || (len > 1 && text[start] == '0'))
            return std::nullopt;
        ip.bytes[part++] = quint8(value);
        if (part < 4) {
            if (i >= n || text[i] != '.')
                return std::nullopt;
            ++i;
        }
    }
    if (i != n)
        return std::nullopt;
    return ip;
}

std::optional<IpAddress> IpAddress::parseV6(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 45)
        return std::nullopt;
    char z[46]; // NUL-terminated copy for inet_pton
    std::memcpy(z, text.data(), text.size());
    z[text.size()] = '\0';
    if (std::memchr(z, '\0', text.size()))
        return std::nullopt; // inet_pton would stop there and accept a prefix
    IpAddress ip;
    ip.v6 = true;
    if (inet_pton(AF_INET6, z, ip.bytes.data()) != 1)
        return std::nullopt;
    return ip;
}

static IpAddress folded(IpAddress ip)
{
    static const quint8 prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (ip.v6 && std::equal(prefix, prefix + 12, ip.bytes.begin())) {
        IpAddress v4;
        std::copy(ip.bytes.begin() + 12, ip.bytes.end(), v4.bytes.begin());
        return v4;
    }
    return ip;
}

std::optional<IpAddress> IpAddress::parse(QStringView text, bool foldMapped)
{
    QStringView t = text.trimmed();
    if (t.startsWith(u'[') && t.endsWith(u']'))
        t = t.sliced(1, t.size() - 2);
    if (t.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive))
        t = t.sliced(5);
    // The longest address is 45 characters; anything beyond Latin-1 is no address either.
    if (t.size() > 64)
        return std::nullopt;
    char buf[64];
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char16_t c = t[i].unicode();
        if (c > 0xff)
            return std::nullopt;
        buf[i] = char(c);
    }
    const QByteArrayView b(buf, t.size());
    if (auto v4 = parseV4(b))
        return v4;
    auto v6 = parseV6(b);
    if (v6 && foldMapped)
        return folded(*v6);
    return v6;
}

std::optional<IpAddress> IpAddress::fromRecord(const QByteArray& raw)
{
    IpAddress ip;
    if (raw.size() == 4) {
        std::copy(raw.begin(), raw.end(), ip.bytes.begin());
        return ip;
    }
    if (raw.size() == 16) {
        ip.v6 = true;
        std::copy(raw.begin(), raw.end(), ip.bytes.begin());
        return ip;
    }
    return std::nullopt;
}

bool IpAddress::matches(const IpAddress& network, int prefix) const
{
    if (v6 != network.v6 || prefix < 0 || prefix > bits())
        return false;
    const int full = prefix / 8;
    for (int i = 0; i < full; ++i) {
        if (bytes[i] != network.bytes[i])
            return false;
    }
    const int rest = prefix % 8;
    if (rest == 0)
        return true;
    const quint8 mask = quint8(0xff << (8 - rest));
    return (bytes[full] & mask) == (network.bytes[full] & mask);
}

qsizetype IpAddress::writeText(char16_t* out) const
{
    char buf[INET6_ADDRSTRLEN] = {};
    static_assert(sizeof buf <= kMaxText);
    qsizetype n = 0;
    if (v6) {
        inet_ntop(AF_INET6, bytes.data(), buf, sizeof buf);
        n = qsizetype(std::strlen(buf));
    } else {
        // Four decimal octets by hand: glibc's inet_ntop goes through sprintf, a measurable
        // share of a batch's SPF time.
        char* p = buf;
        for (int i = 0; i < 4; ++i) {
            const unsigned o = bytes[i];
            if (i)
                *p++ = '.';
            if (o >= 100)
                *p++ = char('0' + o / 100);
            if (o >= 10)
                *p++ = char('0' + o / 10 % 10);
            *p++ = char('0' + o % 10);
        }
        n = p - buf;
    }
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char16_t(static_cast<unsigned char>(buf[i]));
    return n;
}

QString IpAddress::toString() const
{
    char16_t text[kMaxText];
    return QString(reinterpret_cast<const QChar*>(text), writeText(text));
}

QByteArray IpAddress::dotted() const
{
    if (!v6)
        return toString().toLatin1();
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(63);
    for (int i = 0; i < 16; ++i) {
        if (i)
            out += '.';
        out += hex[bytes[i] >> 4];
        out += '.';
        out += hex[bytes[i] & 15];
    }
    return out;
}

QByteArray IpAddress::reverseName() const
{
    const QList<QByteArray> parts = dotted().split('.');
    QByteArray out;
    for (auto it = parts.crbegin(); it != parts.crend(); ++it) {
        out += *it;
        out += '.';
    }
    out += v6 ? "ip6.arpa" : "in-addr.arpa";
    return out;
}

} // namespace ms::spf
