#pragma once

#include "spf/Ip.h"
#include "spf/Macro.h"
#include "trace/Step.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ms::spf {

enum class Qualifier { Pass, Fail, SoftFail, Neutral };
Status qualifierStatus(Qualifier q);
char qualifierChar(Qualifier q);

enum class Mechanism { All, Include, A, Mx, Ptr, Ip4, Ip6, Exists };
QString mechanismName(Mechanism m);
bool causesDnsQuery(Mechanism m); // RFC 7208 4.6.4

// One term of a record (RFC 7208 4.6.1) with its place in the record text.
struct Term {
    enum class Kind { Mechanism, Redirect, Exp, Unknown };
    Kind kind = Kind::Mechanism;
    qint64 offset = 0; // in the record text
    qint64 length = 0;
    QByteArray text; // as written

    // Mechanisms
    Mechanism mechanism = Mechanism::All;
    Qualifier qualifier = Qualifier::Pass;
    bool explicitQualifier = false;
    int cidr4 = -1; // -1 = not given (32)
    int cidr6 = -1; // -1 = not given (128)
    IpAddress network; // ip4 / ip6

    // Mechanisms with a domain-spec, and modifiers: the macro-string and where it starts
    QByteArray name; // mechanism or modifier name as written
    QByteArray domainSpec;
    qint64 domainOffset = 0; // in the record text
    MacroString macros;
};

struct ParsedRecord {
    QByteArray text;
    QList<Term> terms; // in order (mechanisms and modifiers)
    int redirect = -1; // index in terms
    int exp = -1;
    // A syntax error anywhere makes the whole record a permerror (RFC 7208 4.6).
    QString error;
    QString errorRfc;
    qint64 errorOffset = 0;
    qint64 errorLength = 0;
    bool ok() const { return error.isEmpty(); }
};

// Is this TXT string an SPF record (RFC 7208 4.5: "v=spf1" then a space or the end)?
bool isSpfRecord(QByteArrayView text);
ParsedRecord parseRecord(const QByteArray& text);

// Domain-spec syntax (RFC 7208 7.1): a macro-string ending in "." toplabel or a macro.
bool validDomainSpec(QByteArrayView spec, MacroString* macros, QString* why, qint64* errorAt);

} // namespace ms::spf
