#pragma once

#include "dns/Resolver.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ms::dns {

// Limits that keep every resolver bounded whatever a zone file or a server sends.
inline constexpr int kMaxCnameChain = 12; // CNAMEs followed for one query
inline constexpr int kMaxNameLength = 253; // presentation form, no trailing dot
inline constexpr int kMaxRecordsPerAnswer = 4096;

// Facts whose key starts with this prefix vary from run to run (durations, transcript
// positions); the golden text dump leaves them out.
inline constexpr char kVolatileFactPrefix[] = "time.";

// The form every name takes inside core/dns: lower-case ASCII, no trailing dot. Non-ASCII
// names are converted to A-labels. nullopt (with a translated reason) for names that cannot
// be asked: empty labels, a label over 63 bytes, a name over 253 bytes, control bytes.
std::optional<QByteArray> normalizeName(const QByteArray& name, QString* error = nullptr);

// A Record from its owner, type, TTL and wire-format RDATA, with the decoded forms and the
// presentation text filled in. nullopt (with a reason) if the RDATA does not parse.
std::optional<Record> makeRecord(const QByteArray& owner, quint16 type, quint32 ttl,
    const QByteArray& rdata, QString* error = nullptr);

// "example.com. 300 IN TXT \"v=spf1 -all\"": the record in master-file form.
QString recordLine(const Record& r);

// The rcode as its mnemonic ("NOERROR", "NXDOMAIN", ...), or its number.
QString rcodeName(int rcode);

} // namespace ms::dns
