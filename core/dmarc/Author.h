#pragma once

#include "trace/Step.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms {
class Message;
}

namespace ms::dmarc {

// One mailbox of an RFC 5322 address list (3.4).
struct Mailbox {
    QString displayName; // unquoted, as written (no RFC 2047 decoding)
    QString localPart;
    QString domain; // as written; empty when the address has none
    QString group; // the group's display name when the mailbox sits in a group
    bool domainLiteral = false; // "[192.0.2.1]"
    Span span; // the addr-spec
    Span domainSpan;
    QString address() const { return localPart + QLatin1Char('@') + domain; }
};

struct AddressList {
    QList<Mailbox> mailboxes;
    QStringList groups; // group display names, including empty groups
    QStringList problems; // translated: what was not RFC 5322 3.4
};

// RFC 5322 3.4 address-list: display names with quoted strings (which may hold '<', '>',
// ',', '@' and quoted pairs), comments (nesting counted, not recursed), angle-addr with an
// obsolete route, groups. Spans are sourceId + baseOffset + position in value.
AddressList parseAddressList(
    QByteArrayView value, const QString& sourceId = {}, qint64 baseOffset = 0);

// The RFC5322.From domain DMARC evaluates (RFC 9989 5.3.1, RFC 7489 6.6.1).
struct AuthorDomain {
    enum class Problem {
        None,
        NoFromField, // RFC 5322 3.6: exactly one From is required
        SeveralFromFields,
        NoAddress, // an empty group ("undisclosed-recipients:;") or nothing readable
        SeveralDomains, // several mailboxes with different domains
        NoDomain, // an address without "@domain", or a domain literal
    };
    Problem problem = Problem::None;
    QString domain; // lower-case A-labels, no trailing dot; empty unless problem None
    QString domainAsWritten;
    QList<Mailbox> mailboxes; // every mailbox of every From field
    Step step; // kind "dmarc.from": how the domain was found, or why not
};

// explain false (summary-only runs): no sub-steps for the fields and mailboxes, and when a
// domain is found the step keeps only its status (the summary quotes the texts of a problem,
// never those of a found domain).
AuthorDomain authorDomain(const Message& message, bool explain = true);

// Lower-case, no trailing dot, U-labels converted to A-labels (RFC 5890 2.3). Empty when the
// name cannot be a DNS name.
QString normalizeDomain(const QString& domain);

} // namespace ms::dmarc
