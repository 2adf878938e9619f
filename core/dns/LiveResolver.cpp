#include "dns/LiveResolver.h"

#include "dns/LdnsUtil.h"
#include "dns/QueryLimits.h"
#include "dns/RecordCodec.h"
#include "dns/WireAnswer.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace ms::dns {

namespace {

QString tr(const char* s)
{
    return ms::translate("ms::dns", s);
}

constexpr int kPollSliceMs = 50; // how often a wait looks at the cancel flag

struct Socket {
    int fd = -1;
    Socket() = default;
    explicit Socket(int f)
        : fd(f)
    {
    }
    ~Socket()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
};

bool toSockaddr(const ServerAddress& s, sockaddr_storage* ss, socklen_t* len)
{
    addrinfo hints {};
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* res = nullptr;
    const QByteArray host = s.host.toLatin1();
    const QByteArray port = QByteArray::number(s.port);
    if (getaddrinfo(host.constData(), port.constData(), &hints, &res) != 0 || !res)
        return false;
    std::memcpy(ss, res->ai_addr, res->ai_addrlen);
    *len = res->ai_addrlen;
    freeaddrinfo(res);
    return true;
}

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

// 1 = ready, 0 = deadline passed, -1 = cancelled or out of budget, -2 = poll error.
int waitFd(int fd, short events, const QDeadlineTimer& deadline)
{
    for (;;) {
        const QueryLimits lim = currentQueryLimits();
        if (lim.isCancelled() || lim.expired())
            return -1;
        qint64 left = deadline.remainingTime();
        if (left == 0)
            return 0;
        const qint64 budget = lim.deadline.remainingTime();
        if (budget >= 0 && (left < 0 || budget < left))
            left = budget;
        pollfd p { fd, events, 0 };
        const int slice = int(left < 0 ? kPollSliceMs : std::min<qint64>(left, kPollSliceMs));
        const int r = ::poll(&p, 1, slice);
        if (r > 0)
            return 1;
        if (r < 0 && errno != EINTR)
            return -2;
    }
}

struct Query {
    QByteArray qname;
    Type qtype = Type::A;
    quint16 id = 0;
    QByteArray wire;
    bool edns = false;
};

enum class XStatus { Ok, Timeout, Unreachable, Malformed, Cancelled, Truncated };

struct Exchange {
    XStatus status = XStatus::Timeout;
    QString error;
    detail::PktPtr pkt;
    bool truncated = false; // TC bit set
    bool tcp = false;
    QString server;
};

Exchange udpExchange(const ServerAddress& srv, const Query& q, int timeoutMs)
{
    Exchange x;
    x.server = srv.toString();
    sockaddr_storage ss {};
    socklen_t len = 0;
    if (!toSockaddr(srv, &ss, &len)) {
        x.status = XStatus::Unreachable;
        x.error = tr("%1 is not an IP address").arg(srv.host);
        return x;
    }
    Socket s(::socket(ss.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (s.fd < 0 || ::connect(s.fd, reinterpret_cast<sockaddr*>(&ss), len) != 0
        || ::send(s.fd, q.wire.constData(), size_t(q.wire.size()), 0) != q.wire.size()) {
        x.status = XStatus::Unreachable;
        x.error = tr("cannot send to %1: %2").arg(x.server, errnoText(errno));
        return x;
    }
    const QDeadlineTimer deadline(timeoutMs);
    QString badAnswer;
    QByteArray buf(65536, Qt::Uninitialized);
    for (;;) {
        const int w = waitFd(s.fd, POLLIN, deadline);
        if (w == -1) {
            x.status = XStatus::Cancelled;
            x.error = tr("cancelled or out of time while waiting for %1").arg(x.server);
            return x;
        }
        if (w == 0 || w == -2) {
            if (!badAnswer.isEmpty()) {
                x.status = XStatus::Malformed;
                x.error = tr("%1: %2; no valid answer followed").arg(x.server, badAnswer);
            } else {
                x.status = XStatus::Timeout;
                x.error = tr("no answer from %1 within %2 ms").arg(x.server).arg(timeoutMs);
            }
            return x;
        }
        const ssize_t n = ::recv(s.fd, buf.data(), size_t(buf.size()), 0);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                continue;
            x.status = XStatus::Unreachable;
            x.error = tr("%1 is unreachable: %2").arg(x.server, errnoText(errno));
            return x;
        }
        detail::Checked c = detail::checkResponse(buf.left(n), q.qname, q.qtype, q.id);
        if (!c.error.isEmpty() && !(c.truncated && !c.mismatch)) {
            // Keep listening: the real answer may still come (a spoofed or stray packet
            // must not win). Remember why, in case nothing valid arrives.
            badAnswer = c.error;
            continue;
        }
        x.status = XStatus::Ok;
        x.truncated = c.truncated;
        x.pkt = std::move(c.pkt);
        return x;
    }
}

bool readFull(
    int fd, char* out, qsizetype n, const QDeadlineTimer& deadline, int* waitResult, QString* error)
{
    qsizetype got = 0;
    while (got < n) {
        const int w = waitFd(fd, POLLIN, deadline);
        if (w != 1) {
            *waitResult = w;
            return false;
        }
        const ssize_t r = ::recv(fd, out + got, size_t(n - got), 0);
        if (r == 0) {
            *error = tr("the server closed the TCP connection before the whole answer");
            return false;
        }
        if (r < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                continue;
            *error = errnoText(errno);
            return false;
        }
        got += r;
    }
    return true;
}

Exchange tcpExchange(const ServerAddress& srv, const Query& q, int timeoutMs)
{
    Exchange x;
    x.tcp = true;
    x.server = srv.toString();
    sockaddr_storage ss {};
    socklen_t len = 0;
    if (!toSockaddr(srv, &ss, &len)) {
        x.status = XStatus::Unreachable;
        x.error = tr("%1 is not an IP address").arg(srv.host);
        return x;
    }
    const QDeadlineTimer deadline(timeoutMs);
    auto waitFailed = [&](int w) {
        x.status = w == -1 ? XStatus::Cancelled : XStatus::Timeout;
        x.error = w == -1 ? tr("cancelled or out of time while waiting for %1").arg(x.server)
                          : tr("no TCP answer from %1 within %2 ms").arg(x.server).arg(timeoutMs);
        return std::move(x);
    };
    Socket s(::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (s.fd < 0) {
        x.status = XStatus::Unreachable;
        x.error = errnoText(errno);
        return x;
    }
    if (::connect(s.fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
        if (errno != EINPROGRESS) {
            x.status = XStatus::Unreachable;
            x.error = tr("TCP connection to %1 failed: %2").arg(x.server, errnoText(errno));
            return x;
        }
        const int w = waitFd(s.fd, POLLOUT, deadline);
        if (w != 1)
            return waitFailed(w);
        int soerr = 0;
        socklen_t sl = sizeof soerr;
        ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
        if (soerr != 0) {
            x.status = XStatus::Unreachable;
            x.error = tr("TCP connection to %1 failed: %2").arg(x.server, errnoText(soerr));
            return x;
        }
    }
    QByteArray framed;
    framed.append(char(q.wire.size() >> 8)).append(char(q.wire.size() & 0xff)).append(q.wire);
    qsizetype sent = 0;
    while (sent < framed.size()) {
        const int w = waitFd(s.fd, POLLOUT, deadline);
        if (w != 1)
            return waitFailed(w);
        const ssize_t r
            = ::send(s.fd, framed.constData() + sent, size_t(framed.size() - sent), MSG_NOSIGNAL);
        if (r < 0 && errno != EAGAIN && errno != EINTR) {
            x.status = XStatus::Unreachable;
            x.error = tr("TCP send to %1 failed: %2").arg(x.server, errnoText(errno));
            return x;
        }
        if (r > 0)
            sent += r;
    }
    char lenBuf[2];
    int w = 1;
    QString error;
    if (!readFull(s.fd, lenBuf, 2, deadline, &w, &error)) {
        if (w != 1)
            return waitFailed(w);
        x.status = XStatus::Malformed;
        x.error = tr("%1 over TCP: %2").arg(x.server, error);
        return x;
    }
    const int msgLen = (uchar(lenBuf[0]) << 8) | uchar(lenBuf[1]);
    QByteArray msg(msgLen, Qt::Uninitialized);
    if (msgLen == 0 || !readFull(s.fd, msg.data(), msgLen, deadline, &w, &error)) {
        if (w != 1)
            return waitFailed(w);
        x.status = XStatus::Malformed;
        x.error = tr("%1 over TCP: %2").arg(x.server, msgLen == 0 ? tr("an empty answer") : error);
        return x;
    }
    detail::Checked c = detail::checkResponse(msg, q.qname, q.qtype, q.id);
    if (!c.error.isEmpty()) {
        x.status = XStatus::Malformed;
        x.error = tr("%1 over TCP: %2").arg(x.server, c.error);
        return x;
    }
    x.status = XStatus::Ok;
    x.truncated = c.truncated;
    x.pkt = std::move(c.pkt);
    return x;
}

QByteArray buildQuery(
    const QByteArray& qname, Type type, quint16 id, const LiveOptions& o, bool edns)
{
    ldns_pkt* raw = nullptr;
    const QByteArray fqdn = qname + '.';
    if (ldns_pkt_query_new_frm_str(&raw, fqdn.constData(), ldns_rr_type(type), LDNS_RR_CLASS_IN,
            o.recursionDesired ? LDNS_RD : 0)
        != LDNS_STATUS_OK)
        return {};
    detail::PktPtr p(raw);
    ldns_pkt_set_id(p.get(), id);
    ldns_pkt_set_ad(p.get(), true); // RFC 6840 5.7: ask for the AD bit
    if (edns) {
        ldns_pkt_set_edns_udp_size(p.get(), quint16(std::clamp(o.ednsBufferSize, 512, 65535)));
        if (o.dnssecOk)
            ldns_pkt_set_edns_do(p.get(), true);
    }
    uint8_t* wire = nullptr;
    size_t size = 0;
    if (ldns_pkt2wire(&wire, p.get(), &size) != LDNS_STATUS_OK || !wire)
        return {};
    QByteArray out(reinterpret_cast<const char*>(wire), qsizetype(size));
    std::free(wire);
    return out;
}

bool hasSoaInAuthority(const ldns_pkt* p)
{
    const ldns_rr_list* auth = ldns_pkt_authority(p);
    for (size_t i = 0; auth && i < ldns_rr_list_rr_count(auth); ++i) {
        if (ldns_rr_get_type(ldns_rr_list_rr(auth, i)) == LDNS_RR_TYPE_SOA)
            return true;
    }
    return false;
}

Outcome outcomeOf(XStatus s)
{
    switch (s) {
    case XStatus::Ok: return Outcome::Ok;
    case XStatus::Timeout: return Outcome::Timeout;
    case XStatus::Unreachable: return Outcome::Unreachable;
    case XStatus::Malformed: return Outcome::Malformed;
    case XStatus::Cancelled: return Outcome::Cancelled;
    case XStatus::Truncated: return Outcome::Truncated;
    }
    return Outcome::Malformed;
}

} // namespace

QString ServerAddress::toString() const
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

std::optional<ServerAddress> ServerAddress::parse(const QString& input, QString* error)
{
    QString text = input.trimmed();
    ServerAddress a;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0) {
            if (error)
                *error = tr("missing ] in %1").arg(input);
            return std::nullopt;
        }
        a.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                if (error)
                    *error = tr("unexpected text after ] in %1").arg(input);
                return std::nullopt;
            }
            portText = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        a.host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    } else {
        a.host = text;
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint p = portText.toUInt(&ok);
        if (!ok || p == 0 || p > 65535) {
            if (error)
                *error = tr("invalid port %1").arg(portText);
            return std::nullopt;
        }
        a.port = quint16(p);
    }
    sockaddr_storage ss {};
    socklen_t len = 0;
    if (a.host.isEmpty() || !toSockaddr(a, &ss, &len)) {
        if (error)
            *error = tr("%1 is not an IPv4 or IPv6 address").arg(a.host);
        return std::nullopt;
    }
    return a;
}

QList<ServerAddress> LiveResolver::readResolvConf(const QString& path, QString* error)
{
    QList<ServerAddress> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot read %1: %2").arg(path, f.errorString());
        return out;
    }
    const QByteArray data = f.read(1024 * 1024);
    for (const QByteArray& raw : data.split('\n')) {
        const QByteArray line = raw.simplified();
        if (!line.startsWith("nameserver "))
            continue;
        QString host = QString::fromLatin1(line.mid(11).split(' ').value(0));
        if (host.contains(QLatin1Char(':')))
            host = QLatin1Char('[') + host + QLatin1Char(']');
        if (auto a = ServerAddress::parse(host))
            out << *a;
        if (out.size() == 3)
            break;
    }
    if (out.isEmpty() && error)
        *error = tr("%1 lists no usable nameserver").arg(path);
    return out;
}

LiveResolver::LiveResolver(LiveOptions options)
    : m_options(std::move(options))
{
    m_options.timeoutMs = std::clamp(m_options.timeoutMs, 10, 60000);
    m_options.retries = std::clamp(m_options.retries, 0, 10);
    m_servers = m_options.servers;
    if (m_servers.isEmpty())
        m_servers = readResolvConf(m_options.resolvConf, &m_configError);
}

QString LiveResolver::describe() const
{
    QStringList s;
    for (const auto& a : m_servers)
        s << a.toString();
    return tr("live DNS %1").arg(s.isEmpty() ? tr("(no server)") : s.join(QStringLiteral(", ")));
}

Answer LiveResolver::resolve(const QByteArray& name, Type type)
{
    PendingAnswer pending(name, type);
    Answer& a = pending.answer();
    if (!pending.name())
        return pending.notAskable();
    if (m_servers.isEmpty()) {
        a.server = m_options.resolvConf;
        return pending.finish(Outcome::Unreachable, m_configError);
    }

    QByteArray cur = *pending.name();
    QSet<QByteArray> seen { cur };
    bool adAll = true;
    for (int hop = 0;; ++hop) {
        // One question to the servers: rounds of UDP attempts, TCP on truncation.
        Exchange x;
        bool edns = m_options.ednsBufferSize > 0;
        for (int pass = 0; pass < 2; ++pass) {
            Query q;
            q.qname = cur;
            q.qtype = type;
            q.id = quint16(QRandomGenerator::system()->generate());
            q.edns = edns;
            q.wire = buildQuery(cur, type, q.id, m_options, edns);
            if (q.wire.isEmpty())
                return pending.finish(Outcome::Malformed,
                    tr("cannot build a query for %1").arg(QString::fromLatin1(cur)));
            x = Exchange {};
            QString malformed;
            bool done = false;
            for (int round = 0; round <= m_options.retries && !done; ++round) {
                // as_const: resolve() runs on many threads and m_servers shares its data
                // with m_options.servers; a non-const begin() would detach it in each of them.
                for (const auto& srv : std::as_const(m_servers)) {
                    const QueryLimits lim = currentQueryLimits();
                    if (lim.isCancelled() || lim.expired()) {
                        x = Exchange {};
                        x.status = XStatus::Cancelled;
                        x.server = srv.toString();
                        x.error = tr("not asked: the verification was cancelled or ran out of "
                                     "its time budget");
                        done = true;
                        break;
                    }
                    Exchange u = udpExchange(srv, q, m_options.timeoutMs);
                    if (u.status == XStatus::Ok && u.truncated) {
                        if (!m_options.tcpFallback) {
                            u.status = XStatus::Truncated;
                            u.error = tr("the UDP answer from %1 was truncated and TCP fallback "
                                         "is off")
                                          .arg(u.server);
                        } else {
                            Exchange t = tcpExchange(srv, q, m_options.timeoutMs);
                            if (t.status == XStatus::Ok && !t.truncated) {
                                u = std::move(t);
                            } else if (t.status == XStatus::Cancelled) {
                                u = std::move(t);
                            } else {
                                const QString tcpWhy = t.status == XStatus::Ok
                                    ? tr("the TCP answer was truncated too")
                                    : t.error;
                                u = Exchange {};
                                u.status = XStatus::Truncated;
                                u.server = srv.toString();
                                u.error = tr("the UDP answer from %1 was truncated and TCP "
                                             "failed: %2")
                                              .arg(u.server, tcpWhy);
                            }
                        }
                    }
                    if (u.status == XStatus::Ok || u.status == XStatus::Cancelled
                        || u.status == XStatus::Truncated) {
                        x = std::move(u);
                        done = true;
                        break;
                    }
                    if (u.status == XStatus::Malformed)
                        malformed = u.error;
                    x = std::move(u);
                }
            }
            if (!done && !malformed.isEmpty()) {
                x.status = XStatus::Malformed;
                x.error = malformed;
            }
            // RFC 6891 6.2.2: a server that does not know EDNS answers FORMERR without an
            // OPT record; ask once more without it.
            if (x.status == XStatus::Ok && edns && x.pkt
                && ldns_pkt_get_rcode(x.pkt.get()) == LDNS_RCODE_FORMERR
                && !ldns_pkt_edns(x.pkt.get())) {
                edns = false;
                continue;
            }
            break;
        }
        a.server = x.server;
        if (x.status != XStatus::Ok)
            return pending.finish(outcomeOf(x.status), x.error);

        const ldns_pkt* p = x.pkt.get();
        if (!p)
            return pending.finish(Outcome::Malformed, tr("%1 sent no usable answer").arg(a.server));
        a.viaTcp = a.viaTcp || x.tcp;
        adAll = adAll && ldns_pkt_ad(p);
        const int rcode = ldns_pkt_get_rcode(p);
        a.rcode = rcode;

        // Follow the CNAME chain inside this answer; records of other owners are ignored.
        QList<Record> finals;
        bool progressed = false;
        switch (detail::followChain(p, type, &cur, &seen, &a, &finals, &progressed)) {
        case detail::Chain::Ended: break;
        case detail::Chain::Loop:
            a.authenticData = false;
            return pending.finish(Outcome::ServFail,
                tr("CNAME loop in the answer from %1: %2 points back to %3")
                    .arg(a.server, QString::fromLatin1(cur),
                        QString::fromLatin1(a.records.last().target)));
        case detail::Chain::TooLong:
            return pending.finish(
                Outcome::ServFail, tr("CNAME chain longer than %1 links").arg(kMaxCnameChain));
        }

        switch (rcode) {
        case LDNS_RCODE_NOERROR:
            if (!finals.isEmpty()) {
                a.records << finals;
                a.authenticData = adAll;
                return pending.finish(Outcome::Ok);
            }
            // An authoritative server answers a CNAME to another zone without the target's
            // data; a NODATA answer carries the SOA. Ask for the target then.
            if (progressed && !hasSoaInAuthority(p) && hop + 1 < kMaxCnameChain)
                continue;
            a.authenticData = adAll;
            return pending.finish(Outcome::NoData);
        case LDNS_RCODE_NXDOMAIN: a.authenticData = adAll; return pending.finish(Outcome::NxDomain);
        case LDNS_RCODE_SERVFAIL:
            return pending.finish(Outcome::ServFail, tr("%1 answered SERVFAIL").arg(a.server));
        case LDNS_RCODE_REFUSED:
            return pending.finish(
                Outcome::Refused, tr("%1 refused the query (REFUSED)").arg(a.server));
        case LDNS_RCODE_FORMERR:
            return pending.finish(
                Outcome::FormErr, tr("%1 could not read the query (FORMERR)").arg(a.server));
        default:
            return pending.finish(
                Outcome::ServFail, tr("%1 answered %2").arg(a.server, rcodeName(rcode)));
        }
    }
}

namespace detail {

// lupdate names the context after the enclosing namespace.
QString tr(const char* s)
{
    return ms::translate("ms::dns::detail", s);
}

Checked checkResponse(const QByteArray& data, const QByteArray& qname, Type qtype, quint16 qid)
{
    Checked c;
    if (data.size() < 12) {
        c.error = tr("the answer is shorter than a DNS header (%1 bytes)").arg(data.size());
        return c;
    }
    const auto* d = reinterpret_cast<const uchar*>(data.constData());
    const quint16 id = quint16((d[0] << 8) | d[1]);
    if (id != qid) {
        c.mismatch = true;
        c.error = tr("the answer has the wrong ID (%1 instead of %2)").arg(id).arg(qid);
        return c;
    }
    if (!(d[2] & 0x80)) {
        c.error = tr("the packet is not an answer (QR bit clear)");
        return c;
    }
    c.truncated = d[2] & 0x02;
    ldns_pkt* raw = nullptr;
    const ldns_status st = ldns_wire2pkt(&raw, d, size_t(data.size()));
    c.pkt.reset(raw);
    if (st != LDNS_STATUS_OK || !c.pkt) {
        c.pkt.reset();
        c.error = tr("the answer does not parse (%1)").arg(detail::statusText(st));
        return c;
    }
    const int rcode = ldns_pkt_get_rcode(c.pkt.get());
    const ldns_rr_list* qs = ldns_pkt_question(c.pkt.get());
    const size_t qd = qs ? ldns_rr_list_rr_count(qs) : 0;
    if (qd == 0 && rcode != LDNS_RCODE_NOERROR)
        return c; // error answers may omit the question (RFC 1035 4.1.1 FORMERR)
    if (qd != 1) {
        c.mismatch = true;
        c.error = tr("the answer carries %1 questions instead of 1").arg(qd);
        c.pkt.reset();
        return c;
    }
    const ldns_rr* qr = ldns_rr_list_rr(qs, 0);
    const QByteArray name = detail::dnameToName(ldns_rr_owner(qr));
    const auto type = quint16(ldns_rr_get_type(qr));
    if (name != qname || type != quint16(qtype) || ldns_rr_get_class(qr) != LDNS_RR_CLASS_IN) {
        c.mismatch = true;
        c.error = tr("the answer is for a different question (%1 %2 instead of %3 %4)")
                      .arg(typeName(Type(type)), QString::fromLatin1(name), typeName(qtype),
                          QString::fromLatin1(qname));
        c.pkt.reset();
    }
    return c;
}

Chain followChain(const ldns_pkt* p, Type type, QByteArray* cur, QSet<QByteArray>* seen, Answer* a,
    QList<Record>* finals, bool* progressed)
{
    const ldns_rr_list* ans = ldns_pkt_answer(p);
    const size_t count = ans ? ldns_rr_list_rr_count(ans) : 0;
    for (;;) {
        finals->clear();
        const ldns_rr* cname = nullptr;
        for (size_t i = 0; i < count; ++i) {
            const ldns_rr* rr = ldns_rr_list_rr(ans, i);
            if (ldns_rr_get_class(rr) != LDNS_RR_CLASS_IN || dnameToName(ldns_rr_owner(rr)) != *cur)
                continue;
            const auto t = Type(quint16(ldns_rr_get_type(rr)));
            if (type == Type::ANY || t == type) {
                if (finals->size() < kMaxRecordsPerAnswer)
                    *finals << recordFromLdns(rr);
            } else if (t == Type::CNAME && !cname) {
                cname = rr;
            }
        }
        if (!finals->isEmpty() || !cname)
            return Chain::Ended;
        const Record c = recordFromLdns(cname);
        a->records << c;
        if (seen->contains(c.target))
            return Chain::Loop;
        if (a->ofType(Type::CNAME).size() >= kMaxCnameChain)
            return Chain::TooLong;
        seen->insert(c.target);
        *cur = c.target;
        *progressed = true;
    }
}

} // namespace detail

} // namespace ms::dns
