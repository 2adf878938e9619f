#pragma once

#include "dns/LdnsUtil.h"
#include "dns/Resolver.h"

#include <QSet>

// How LiveResolver reads one DNS response: the part of the live path that sees bytes a
// hostile server chose, apart from the sockets, so that fuzz_dns_answer can run it.
namespace ms::dns::detail {

struct Checked {
    QString error; // empty = a valid response to our question
    bool mismatch = false; // wrong ID or question: possibly spoofed, keep waiting
    bool truncated = false; // TC bit in the header
    PktPtr pkt;
};

// The header (ID, QR, TC), the packet (ldns_wire2pkt) and the question (name, type, class)
// of one response to the query (qname, qtype, qid).
Checked checkResponse(const QByteArray& data, const QByteArray& qname, Type qtype, quint16 qid);

enum class Chain { Ended, Loop, TooLong };

// The CNAME chain inside one answer section, from *cur: each CNAME is appended to
// a->records and moves *cur to its target; *finals gets the records of the asked type
// where the chain ends (at most kMaxRecordsPerAnswer). Loop: the last CNAME points back
// to a name already seen (*cur is its owner); TooLong: kMaxCnameChain links.
Chain followChain(const ldns_pkt* p, Type type, QByteArray* cur, QSet<QByteArray>* seen, Answer* a,
    QList<Record>* finals, bool* progressed);

} // namespace ms::dns::detail
