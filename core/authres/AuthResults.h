#pragma once

#include "trace/Step.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms {
struct HeaderField;
}

namespace ms::authres {

// One "ptype.property=value" of a resinfo (RFC 8601 2.2, 2.3). Vendors also write bare
// "key=value" pairs (Exchange "action=none", IronPort "d=example.com"): those keep an
// empty ptype and the parse records a warning.
struct Property {
    QString ptype; // lower-case: "smtp", "header", "body", "policy", ... ("" if none)
    QString property; // lower-case: "mailfrom", "d", "from", ...
    QString value; // as written; a quoted-string is unquoted
    Span span; // the whole "ptype.property=value"
    Span valueSpan;

    QString key() const { return ptype.isEmpty() ? property : ptype + QLatin1Char('.') + property; }
};

// One resinfo: "method[/version]=result [reason=...] [ptype.property=value ...]".
struct MethodResult {
    QString method; // lower-case ("dkim", "spf", "dmarc", "arc", "x-foo", ...)
    int methodVersion = 0; // "dkim/1": 1; 0 when absent
    QString result; // lower-case ("pass", "fail", ...)
    std::optional<Status> status; // result mapped to ms::Status where the name is known
    bool hasReason = false;
    QString reason;
    QList<Property> properties;
    QStringList comments; // comment text (without parentheses), in order: "(sender IP is ...)"
    Span span; // from the method name to the end of the last item
    Span methodSpan;
    Span resultSpan;
    Span reasonSpan;

    // The value of "ptype.property" (case-insensitive), or of a bare "key" when ptype is
    // empty; null QString when absent.
    QString property(QStringView key) const;
    const Property* findProperty(QStringView key) const;
};

// A parsed Authentication-Results (or ARC-Authentication-Results) field value.
struct AuthResult {
    QString authservId; // empty when missing (a warning says so)
    Span authservIdSpan;
    bool versionGiven = false;
    int version = 1;
    bool noResult = false; // the payload was "none" (RFC 8601 2.2 no-result)
    int instance = 0; // AAR only: i= (RFC 8617 4.1.1); 0 when not an AAR
    Span instanceSpan;
    QList<MethodResult> results;
    QStringList comments; // comments outside any resinfo (after the authserv-id, ...)
    QStringList warnings; // translated: every deviation from the grammar the parse forgave
    Span span; // the whole value
    bool fatal = false; // nothing usable could be read (empty value, no method)

    QList<const MethodResult*> byMethod(QStringView method) const;
    const MethodResult* first(QStringView method) const;
};

// Parses an Authentication-Results field value (everything after the colon, folding
// included). Spans are reported as sourceId + baseOffset + position in value. Never fails:
// malformed input yields warnings and whatever could be read.
AuthResult parse(QByteArrayView value, const QString& sourceId = {}, qint64 baseOffset = 0);

// Parses an ARC-Authentication-Results value: "i=N;" followed by the A-R payload
// (RFC 8617 4.1.1). A missing or bad instance is a warning and leaves instance at 0.
AuthResult parseArc(QByteArrayView value, const QString& sourceId = {}, qint64 baseOffset = 0);

// Convenience: a message header field (source "message").
AuthResult parse(const HeaderField& field);
AuthResult parseArc(const HeaderField& field);

// The result names RFC 8601 2.7 (and RFC 8617 for arc, RFC 7489 for dmarc) register for a
// method; empty for methods this parser does not know.
QStringList registeredResults(QStringView method);

// A step tree for a parsed field: one child per method result with its properties, the
// warnings as warning steps. kind "authres.field" / "authres.result".
Step toStep(const AuthResult& r, const QString& title = {});

} // namespace ms::authres
