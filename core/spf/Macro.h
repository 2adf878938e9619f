#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ms::spf {

// One piece of a macro-string (RFC 7208 7.1).
struct MacroToken {
    enum class Kind { Literal, Escape, Macro };
    Kind kind = Kind::Literal;
    qint64 offset = 0; // within the macro-string
    qint64 length = 0;
    QByteArray text; // Literal: the text; Escape: its value ("%", " ", "%20"); Macro: as written
    char letter = 0; // Macro: lower-case letter
    bool urlEscape = false; // upper-case letter (RFC 7208 7.3)
    int digits = 0; // 0 = keep all parts
    bool reverse = false;
    QByteArray delimiters; // empty = "."
};

// Where a macro-string appears decides which letters are allowed: c, r and t only in
// explanation strings (RFC 7208 7.3).
enum class MacroUse { DomainSpec, Explanation, Modifier };

struct MacroString {
    QList<MacroToken> tokens;
    QString error; // translated; empty = well-formed
    qint64 errorOffset = 0;
    bool ok() const { return error.isEmpty(); }
    bool hasMacros() const;
};

MacroString parseMacroString(QByteArrayView text, MacroUse use);

// The transformation of one macro value (RFC 7208 7.3): split on the delimiters, reverse,
// keep the right-most `digits` parts, join with ".", then URL-escape for upper-case letters.
QByteArray transformMacro(const MacroToken& token, const QByteArray& value);
QByteArray urlEscape(const QByteArray& value);

// RFC 7208 7.3: a domain name longer than 253 characters loses labels on the left.
QByteArray truncateDomain(const QByteArray& name, bool* truncated = nullptr);

// RFC 7208 4.3 / RFC 1035: labels of 1..63 octets, 253 in total, no trailing-dot form.
bool isValidDnsName(QByteArrayView name, QString* why = nullptr);

QString macroLetterMeaning(char letter); // translated: "i = the client IP address"

} // namespace ms::spf
