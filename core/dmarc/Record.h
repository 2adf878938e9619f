#pragma once

#include "trace/Step.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms::dmarc {

enum class Policy { None, Quarantine, Reject };
QString policyName(Policy p); // "none", "quarantine", "reject"
std::optional<Policy> policyFromName(QStringView s);

// Which specification judges the record (tags RFC 9989 dropped or added).
enum class Spec { Rfc9989, Rfc7489 };

struct Tag {
    QString name; // lower-case
    QString value; // trimmed
    qsizetype offset = 0, length = 0; // "name=value" in Record::text
    qsizetype valueOffset = 0, valueLength = 0;
    bool known = false; // registered for the spec in use
    bool valid = true; // value matches the tag's grammar
    bool duplicate = false;
    QString problem; // translated, when !valid or duplicate or unknown
};

// A DMARC policy record (RFC 9989 4.7/4.8, RFC 7489 6.3).
struct Record {
    QByteArray text; // the TXT strings concatenated
    bool isDmarc = false; // starts with "v=DMARC1" (the only test discovery applies)
    QList<Tag> tags;

    // Effective values, defaults applied where a tag is absent or invalid.
    std::optional<Policy> p, sp, np; // absent or invalid: nullopt (see the *Invalid flags)
    bool pInvalid = false, spInvalid = false, npInvalid = false;
    bool adkimStrict = false, aspfStrict = false;
    int pct = 100;
    bool pctGiven = false;
    bool testing = false; // t=y
    QChar psd = QLatin1Char('u');
    QStringList rua, ruf; // syntactically valid URIs
    QStringList badUris;
    QString fo = QStringLiteral("0");
    QString rf = QStringLiteral("afrf");
    int ri = 86400;

    const Tag* tag(QStringView name) const;

    // RFC 9989 4.10.1 / RFC 7489 6.6.3: a record whose p (or sp/np) is invalid or (RFC
    // 7489) missing is used as p=none when rua has a valid URI, and ignored otherwise.
    bool usable(Spec spec) const;
    Policy effectiveP(Spec spec) const;
};

// RFC 9989 4.8 dmarc-version: "v" *WSP "=" *WSP "DMARC1" (case-sensitive) as the first tag.
bool startsWithDmarcVersion(QByteArrayView text);

Record parseRecord(const QByteArray& text, Spec spec);

// One step per tag, spans into `sourceId` (the record text) and, where the tag's text occurs
// verbatim there, into the DNS answer source `dnsSource` at dnsOffset (the record's line).
Step recordStep(const Record& r, Spec spec, const QString& domain, const QString& sourceId,
    const QString& dnsSource = {}, qint64 dnsOffset = 0, const QByteArray& dnsLine = {});

} // namespace ms::dmarc
