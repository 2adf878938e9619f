#pragma once

#include "dns/LiveResolver.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace mstest {

// A deliberately misbehaving DNS server on 127.0.0.1 (UDP, and TCP unless disabled), for
// hostile-DNS tests. What it does depends on the first label of the question name:
//   refused, servfail, notimp      that rcode
//   formerr                        FORMERR without a question section
//   wrongid                        the answer carries another ID
//   wrongname / wrongtype          the answer is for another question
//   notresponse                    QR bit clear
//   silent                         never answers
//   slow                           answers after 700 ms
//   garbage                        the right ID followed by random bytes
//   short                          5 bytes
//   spoof                          first a wrong-ID answer, then the right one
//   injected                       extra records for other owners around the right one
//   loop                           loop.Z CNAME loop2.Z, loop2.Z CNAME loop.Z
//   chain                          40 CNAMEs c1.Z → c2.Z → … in one answer
//   chase                          CNAME to target.Z with no data (the resolver must ask again)
//   truncated                      TC bit over UDP; over TCP the connection is closed
//   huge                           TC over UDP; over TCP 240 TXT records (about 62 KB)
//   bigudp                         a 4000-byte UDP answer (no TC)
//   echo                           TXT "rd=1 ad=1 edns=1232 do=0": the query's flags
//   ad                             one TXT record with the AD bit set
//   anything else                  one TXT record "ok <name>"
// Z is the rest of the question name. The server never answers a TCP query with more than
// one message and closes each connection after it.
class DnsMisbehaving
{
public:
    explicit DnsMisbehaving(bool withTcp = true);
    ~DnsMisbehaving();
    DnsMisbehaving(const DnsMisbehaving&) = delete;
    DnsMisbehaving& operator=(const DnsMisbehaving&) = delete;

    bool start(QString* error = nullptr);
    void stop();

    quint16 port() const { return m_port; }
    ms::dns::ServerAddress server() const { return { QStringLiteral("127.0.0.1"), m_port }; }
    int udpQueries() const { return m_udpQueries.load(); }
    int tcpQueries() const { return m_tcpQueries.load(); }

    // The answer the server would send (exposed for unit tests of the fixture itself).
    static QList<QByteArray> respond(const QByteArray& query, bool overTcp);

private:
    void run();
    void handleTcp(int fd);

    bool m_withTcp;
    int m_udp = -1;
    int m_tcp = -1;
    quint16 m_port = 0;
    std::atomic_bool m_stop { false };
    std::atomic_int m_udpQueries { 0 };
    std::atomic_int m_tcpQueries { 0 };
    std::thread m_thread;
    std::vector<std::thread> m_delayed;
};

// A UDP socket on 127.0.0.1 that receives queries and never answers (the timeout case).
class DnsBlackHole
{
public:
    DnsBlackHole();
    ~DnsBlackHole();
    quint16 port() const { return m_port; }
    ms::dns::ServerAddress server() const { return { QStringLiteral("127.0.0.1"), m_port }; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

// A port on 127.0.0.1 with nothing listening (UDP gets ICMP port unreachable).
quint16 closedUdpPort();

} // namespace mstest
