#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ms {

// A named byte source that steps point into with Spans. The bytes are implicitly
// shared (QByteArray), so a Source for the whole message costs no copy.
struct Source {
    enum class Kind {
        Message, // the (CRLF-normalized) message
        Original, // the file exactly as given, when it differs from Message
        CanonicalHeader, // canonicalized header block of a signature (b= emptied)
        CanonicalBody, // canonicalized body of a signature
        DnsAnswer, // a DNS answer (record text)
        MimePart, // decoded MIME part
        Der, // DER blob (certificates, CMS)
        Text, // anything else
    };
    QString id; // stable, unique within a Report: "message", "dkim/1/header", "dns/3"
    QString title; // for tabs: "DKIM #1 canonical header (example.com)"
    Kind kind = Kind::Text;
    QByteArray bytes;
};

QString sourceKindName(Source::Kind k);

} // namespace ms
