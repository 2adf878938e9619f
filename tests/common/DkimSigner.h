#pragma once

#include "crypto/Keys.h"
#include "dns/ZoneResolver.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <memory>

namespace mstest {

// A small, real DKIM signer for tests (RFC 6376 5, RFC 8463): canonicalizes, hashes and
// signs with the given key, and prepends the DKIM-Signature field.
struct DkimSignOptions {
    QByteArray domain = "example.com";
    QByteArray selector = "sel";
    QByteArray algorithm = "rsa-sha256"; // rsa-sha256, rsa-sha1, ed25519-sha256
    QByteArray canon = "relaxed/relaxed"; // the c= value; empty = c= omitted
    QList<QByteArray> headers = { "From", "To", "Subject", "Date", "Message-ID" }; // h=
    QByteArray identity; // i=, empty = omitted
    qint64 bodyLength = -1; // l=: -1 omitted, -2 the whole canonical body
    qint64 timestamp = -1; // t=
    qint64 expiration = -1; // x=
    QByteArray extraTags; // appended verbatim before b=, e.g. "z=...; "
    bool fold = true; // fold the field like real signers do
};

QByteArray dkimSign(const QByteArray& message, const ms::crypto::PrivateKey& key,
    const DkimSignOptions& options = {});

// "v=DKIM1; k=rsa; p=<SPKI base64>" (ed25519: raw key), with extra tags appended.
QByteArray dkimKeyRecord(const ms::crypto::PrivateKey& key, const QByteArray& extra = {});

// A zone with TXT records: name → value (split into 255-byte strings).
std::shared_ptr<ms::dns::ZoneResolver> dkimZone(const QList<QPair<QByteArray, QByteArray>>& txt);

// The key records the DKIM tests sign against, one selector of example.com per case of
// RFC 6376 3.6.1 and RFC 8301: sel, ed, k1024, k512, revoked, testing (t=y), strict (t=s),
// sha1only (h=sha1), smime (s=smime), badp, wrongkey (another key), nokey (no p=).
QList<QPair<QByteArray, QByteArray>> dkimTestKeyRecords();

// The conformance data's dns.tsv ("name<TAB>TXT value" lines, # comments) as name/value
// pairs for dkimZone(); lines with no tab are counted in *malformed.
QList<QPair<QByteArray, QByteArray>> parseDnsTsv(const QByteArray& tsv, int* malformed = nullptr);

// A plain test message (CRLF) with the usual header fields.
QByteArray sampleMessage(const QByteArray& body = "Hello,\r\n\r\nthis is a test.\r\n",
    const QByteArray& extraHeaders = {});

} // namespace mstest
