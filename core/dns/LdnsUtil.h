#pragma once

// Internal to core/dns: conversions between ldns structures and our value types. Only .cpp
// files include this (ldns is a private dependency of mailscope_core).

#include "dns/Resolver.h"

#include <QByteArray>
#include <QString>

#include <ldns/ldns.h>

#include <memory>

namespace ms::dns::detail {

struct RdfDeleter {
    void operator()(ldns_rdf* r) const { ldns_rdf_deep_free(r); }
};
struct RrDeleter {
    void operator()(ldns_rr* r) const { ldns_rr_free(r); }
};
struct PktDeleter {
    void operator()(ldns_pkt* p) const { ldns_pkt_free(p); }
};
struct BufferDeleter {
    void operator()(ldns_buffer* b) const { ldns_buffer_free(b); }
};
using RdfPtr = std::unique_ptr<ldns_rdf, RdfDeleter>;
using RrPtr = std::unique_ptr<ldns_rr, RrDeleter>;
using PktPtr = std::unique_ptr<ldns_pkt, PktDeleter>;
using BufferPtr = std::unique_ptr<ldns_buffer, BufferDeleter>;

// ldns_rdf2str and friends return malloc'd C strings.
QByteArray takeCString(char* s);

// A dname rdf in our name form: lower-case, no trailing dot ("" for the root).
QByteArray dnameToName(const ldns_rdf* rdf);

// The Record for an ldns resource record (owner, type, TTL, wire RDATA, decoded forms).
Record recordFromLdns(const ldns_rr* rr);

QString statusText(ldns_status s);

} // namespace ms::dns::detail
