#include "common/DnsMisbehaving.h"

#include <QRandomGenerator>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mstest {

namespace {

int bindLoopback(int type, quint16 port, quint16* boundPort)
{
    const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa {};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(port);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t len = sizeof sa;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
    *boundPort = ntohs(sa.sin_port);
    return fd;
}

QByteArray encodeName(const QByteArray& name)
{
    QByteArray out;
    for (const QByteArray& label : name.split('.')) {
        if (label.isEmpty())
            continue;
        out.append(char(label.size())).append(label);
    }
    out.append('\0');
    return out;
}

void put16(QByteArray& b, int v)
{
    b.append(char((v >> 8) & 0xff)).append(char(v & 0xff));
}

QByteArray rr(const QByteArray& ownerWire, int type, const QByteArray& rdata, quint32 ttl = 60)
{
    QByteArray b = ownerWire;
    put16(b, type);
    put16(b, 1);
    put16(b, int(ttl >> 16));
    put16(b, int(ttl & 0xffff));
    put16(b, int(rdata.size()));
    return b + rdata;
}

QByteArray txt(const QByteArray& s)
{
    QByteArray out;
    for (qsizetype i = 0; i < s.size() || i == 0; i += 255) {
        const QByteArray part = s.mid(i, 255);
        out.append(char(part.size())).append(part);
        if (s.isEmpty())
            break;
    }
    return out;
}

struct Question {
    quint16 id = 0;
    quint8 flags1 = 0;
    QByteArray name; // lower-case, no trailing dot
    QByteArray wire; // the question section as received
    int type = 0;
};

bool parseQuestion(const QByteArray& q, Question* out)
{
    if (q.size() < 17)
        return false;
    const auto* d = reinterpret_cast<const uchar*>(q.constData());
    out->id = quint16((d[0] << 8) | d[1]);
    out->flags1 = d[2];
    qsizetype pos = 12;
    QList<QByteArray> labels;
    while (pos < q.size()) {
        const int len = d[pos];
        if (len == 0)
            break;
        if (len > 63 || pos + 1 + len > q.size())
            return false;
        labels << q.mid(pos + 1, len).toLower();
        pos += 1 + len;
    }
    if (pos + 5 > q.size())
        return false;
    out->name = labels.join('.');
    out->type = (d[pos + 1] << 8) | d[pos + 2];
    out->wire = q.mid(12, pos + 5 - 12);
    return true;
}

QByteArray header(quint16 id, bool qr, bool tc, int rcode, int qd, int an, quint8 rdFlag)
{
    QByteArray h;
    put16(h, id);
    h.append(char((qr ? 0x80 : 0) | 0x04 /* AA */ | (tc ? 0x02 : 0) | (rdFlag & 0x01)));
    h.append(char(rcode & 0x0f));
    put16(h, qd);
    put16(h, an);
    put16(h, 0);
    put16(h, 0);
    return h;
}

} // namespace

QList<QByteArray> DnsMisbehaving::respond(const QByteArray& query, bool overTcp)
{
    Question q;
    if (!parseQuestion(query, &q))
        return {};
    const qsizetype dot = q.name.indexOf('.');
    const QByteArray mode = dot < 0 ? q.name : q.name.left(dot);
    const QByteArray zone = dot < 0 ? QByteArray() : q.name.mid(dot + 1);
    const QByteArray self("\xc0\x0c", 2); // compression pointer to the question name
    auto answer = [&](int rcode, const QList<QByteArray>& rrs, bool tc = false) {
        QByteArray m = header(q.id, true, tc, rcode, 1, int(rrs.size()), q.flags1) + q.wire;
        for (const auto& r : rrs)
            m += r;
        return m;
    };

    if (mode == "silent")
        return {};
    if (mode == "refused")
        return { answer(5, {}) };
    if (mode == "servfail")
        return { answer(2, {}) };
    if (mode == "notimp")
        return { answer(4, {}) };
    if (mode == "formerr")
        return { header(q.id, true, false, 1, 0, 0, q.flags1) };
    if (mode == "wrongid") {
        QByteArray m = answer(0, { rr(self, 16, txt("spoofed")) });
        m[0] = char(m[0] ^ 0x5a);
        return { m };
    }
    if (mode == "wrongname") {
        QByteArray m = header(q.id, true, false, 0, 1, 1, q.flags1) + encodeName("other." + zone);
        put16(m, q.type);
        put16(m, 1);
        return { m + rr(encodeName("other." + zone), 16, txt("spoofed")) };
    }
    if (mode == "wrongtype") {
        QByteArray m = header(q.id, true, false, 0, 1, 0, q.flags1) + encodeName(q.name);
        put16(m, q.type == 1 ? 28 : 1);
        put16(m, 1);
        return { m };
    }
    if (mode == "notresponse") {
        QByteArray m = answer(0, { rr(self, 16, txt("not a response")) });
        m[2] = char(m[2] & 0x7f);
        return { m };
    }
    if (mode == "garbage") {
        QByteArray m;
        put16(m, q.id);
        for (int i = 0; i < 200; ++i)
            m.append(char(QRandomGenerator::global()->generate() & 0xff));
        m[2] = char(m[2] | 0x80);
        m[2] = char(m[2] & ~0x02); // not truncated: the garbage is the whole answer
        return { m };
    }
    if (mode == "short")
        return { QByteArray("\x12\x34\x81\x80\x00", 5) };
    if (mode == "spoof") {
        QByteArray fake = answer(0, { rr(self, 16, txt("spoofed")) });
        fake[1] = char(fake[1] ^ 0x33);
        return { fake, answer(0, { rr(self, 16, txt("genuine")) }) };
    }
    if (mode == "injected") {
        return { answer(0,
            { rr(encodeName("victim." + zone), 16, txt("injected")), rr(self, 16, txt("genuine")),
                rr(encodeName("www.example.com"), 1, QByteArray("\x01\x02\x03\x04", 4)) }) };
    }
    if (mode == "loop") {
        const QByteArray loop2 = encodeName("loop2." + zone);
        return { answer(0, { rr(self, 5, loop2), rr(loop2, 5, encodeName(q.name)) }) };
    }
    if (mode == "chain") {
        QList<QByteArray> rrs;
        QByteArray owner = self;
        for (int i = 1; i <= 40; ++i) {
            const QByteArray next = encodeName("c" + QByteArray::number(i) + "." + zone);
            rrs << rr(owner, 5, next);
            owner = next;
        }
        return { answer(0, rrs) };
    }
    if (mode == "chase")
        return { answer(0, { rr(self, 5, encodeName("target." + zone)) }) };
    if (mode == "truncated") {
        if (overTcp)
            return {};
        return { answer(0, {}, true) };
    }
    if (mode == "huge") {
        if (!overTcp)
            return { answer(0, {}, true) };
        QList<QByteArray> rrs;
        for (int i = 0; i < 240; ++i)
            rrs << rr(self, 16,
                txt(QByteArray::number(i).rightJustified(4, '0') + ":" + QByteArray(240, 'h')));
        return { answer(0, rrs) };
    }
    if (mode == "echo") {
        // What the query asked for: RD, AD, the EDNS payload size and the DO bit.
        const auto* d = reinterpret_cast<const uchar*>(query.constData());
        const int arcount = (d[10] << 8) | d[11];
        int edns = 0;
        int dnssecOk = 0;
        const qsizetype opt = 12 + q.wire.size();
        if (arcount >= 1 && opt + 11 <= query.size() && d[opt] == 0
            && ((d[opt + 1] << 8) | d[opt + 2]) == 41) {
            edns = (d[opt + 3] << 8) | d[opt + 4];
            dnssecOk = (d[opt + 7] & 0x80) ? 1 : 0;
        }
        const QByteArray text = "rd=" + QByteArray::number(d[2] & 0x01)
            + " ad=" + QByteArray::number((d[3] & 0x20) ? 1 : 0)
            + " edns=" + QByteArray::number(edns) + " do=" + QByteArray::number(dnssecOk);
        return { answer(0, { rr(self, 16, txt(text)) }) };
    }
    if (mode == "ad") {
        QByteArray m = answer(0, { rr(self, 16, txt("validated")) });
        m[3] = char(m[3] | 0x20);
        return { m };
    }
    if (mode == "bigudp")
        return { answer(0, { rr(self, 16, txt(QByteArray(4000, 'b'))) }) };
    if (q.type == 16 || q.type == 255)
        return { answer(0, { rr(self, 16, txt("ok " + q.name)) }) };
    return { answer(0, {}) };
}

DnsMisbehaving::DnsMisbehaving(bool withTcp)
    : m_withTcp(withTcp)
{
}

DnsMisbehaving::~DnsMisbehaving()
{
    stop();
}

bool DnsMisbehaving::start(QString* error)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        m_udp = bindLoopback(SOCK_DGRAM, 0, &m_port);
        if (m_udp < 0)
            break;
        if (!m_withTcp)
            break;
        quint16 tcpPort = 0;
        m_tcp = bindLoopback(SOCK_STREAM, m_port, &tcpPort);
        if (m_tcp >= 0 && ::listen(m_tcp, 16) == 0)
            break;
        if (m_tcp >= 0)
            ::close(m_tcp);
        m_tcp = -1;
        ::close(m_udp);
        m_udp = -1;
    }
    if (m_udp < 0 || (m_withTcp && m_tcp < 0)) {
        if (error)
            *error = QStringLiteral("cannot bind the misbehaving DNS server: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void DnsMisbehaving::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    for (auto& t : m_delayed) {
        if (t.joinable())
            t.join();
    }
    m_delayed.clear();
    if (m_udp >= 0)
        ::close(m_udp);
    if (m_tcp >= 0)
        ::close(m_tcp);
    m_udp = m_tcp = -1;
}

void DnsMisbehaving::run()
{
    QByteArray buf(65536, Qt::Uninitialized);
    while (!m_stop) {
        pollfd fds[2] = { { m_udp, POLLIN, 0 }, { m_tcp, POLLIN, 0 } };
        const int n = ::poll(fds, m_tcp >= 0 ? 2 : 1, 50);
        if (n <= 0)
            continue;
        if (fds[0].revents & POLLIN) {
            sockaddr_storage from {};
            socklen_t fromLen = sizeof from;
            const ssize_t len = ::recvfrom(m_udp, buf.data(), size_t(buf.size()), 0,
                reinterpret_cast<sockaddr*>(&from), &fromLen);
            if (len > 0) {
                ++m_udpQueries;
                const QByteArray query = buf.left(len);
                const QList<QByteArray> out = respond(query, false);
                if (query.size() > 13 && query.mid(13, 4) == "slow") {
                    const int fd = m_udp;
                    m_delayed.emplace_back([fd, from, fromLen, out] {
                        std::this_thread::sleep_for(std::chrono::milliseconds(700));
                        for (const auto& m : out)
                            ::sendto(fd, m.constData(), size_t(m.size()), 0,
                                reinterpret_cast<const sockaddr*>(&from), fromLen);
                    });
                } else {
                    for (const auto& m : out)
                        ::sendto(m_udp, m.constData(), size_t(m.size()), 0,
                            reinterpret_cast<sockaddr*>(&from), fromLen);
                }
            }
        }
        if (m_tcp >= 0 && (fds[1].revents & POLLIN)) {
            const int c = ::accept4(m_tcp, nullptr, nullptr, SOCK_CLOEXEC);
            if (c >= 0) {
                handleTcp(c);
                ::close(c);
            }
        }
    }
}

void DnsMisbehaving::handleTcp(int fd)
{
    // Read one framed query within a second, answer it, and let the caller close.
    QByteArray in;
    char buf[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const ssize_t r = ::recv(fd, buf, sizeof buf, 0);
        if (r <= 0)
            return;
        in.append(buf, r);
        if (in.size() >= 2) {
            const int len = (uchar(in[0]) << 8) | uchar(in[1]);
            if (in.size() >= 2 + len) {
                ++m_tcpQueries;
                for (const auto& m : respond(in.mid(2, len), true)) {
                    QByteArray framed;
                    put16(framed, int(m.size()));
                    framed += m;
                    qsizetype sent = 0;
                    while (sent < framed.size()) {
                        const ssize_t w = ::send(fd, framed.constData() + sent,
                            size_t(framed.size() - sent), MSG_NOSIGNAL);
                        if (w <= 0)
                            return;
                        sent += w;
                    }
                }
                return;
            }
        }
    }
}

DnsBlackHole::DnsBlackHole()
{
    m_fd = bindLoopback(SOCK_DGRAM, 0, &m_port);
}

DnsBlackHole::~DnsBlackHole()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

quint16 closedUdpPort()
{
    quint16 port = 0;
    const int fd = bindLoopback(SOCK_DGRAM, 0, &port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

} // namespace mstest
