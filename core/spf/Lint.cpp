#include "spf/Lint.h"

#include "trace/Translate.h"

#include <QCoreApplication>

namespace ms::spf {

static QString tr(const char* text)
{
    return ms::translate("ms::spf::Lint", text);
}

static Step lint(Status st, const QString& title, const QString& detail, const QString& rfc)
{
    return Step(QStringLiteral("spf.lint"), st, title, detail, rfc);
}

// Wire size of the TXT answer as a server would send it without EDNS: header, question,
// and one resource record per TXT string set (compressed owner name).
static qint64 estimatedAnswerSize(const dns::Answer& a)
{
    qint64 size = 12 + a.qname.size() + 2 + 4;
    for (const dns::Record& r : a.records) {
        qint64 rdata = r.rdata.size();
        if (rdata == 0) {
            for (const QByteArray& s : r.strings)
                rdata += 1 + s.size();
        }
        size += 2 + 10 + rdata;
    }
    return size;
}

QList<Step> lintRecord(const ParsedRecord& rec, const QString& source, const dns::Answer& answer)
{
    QList<Step> out;
    int dnsTerms = 0;
    int allIndex = -1;
    for (int i = 0; i < rec.terms.size(); ++i) {
        const Term& t = rec.terms[i];
        if (t.kind == Term::Kind::Redirect)
            ++dnsTerms;
        if (t.kind != Term::Kind::Mechanism)
            continue;
        if (causesDnsQuery(t.mechanism))
            ++dnsTerms;
        if (t.mechanism == Mechanism::All) {
            if (allIndex < 0)
                allIndex = i;
            if (t.qualifier == Qualifier::Pass)
                out.append(lint(Status::Warning,
                    tr("\"%1\" authorizes every host on the Internet")
                        .arg(QString::fromLatin1(t.text)),
                    tr("A pass for any address makes the policy useless and lets anyone "
                       "send as this domain. End the record with \"-all\" or \"~all\"."),
                    QStringLiteral("RFC 7208 5.1, 10.1"))
                               .addSpan(source, t.offset, t.length));
            else if (t.qualifier == Qualifier::Neutral)
                out.append(lint(Status::Warning,
                    tr("\"%1\" gives neutral to every other host").arg(QString::fromLatin1(t.text)),
                    tr("Neutral states no policy: receivers treat it like no SPF record "
                       "at all (RFC 7208 8.2). Use \"~all\" or \"-all\" once the list of "
                       "senders is complete."),
                    QStringLiteral("RFC 7208 8.2"))
                               .addSpan(source, t.offset, t.length));
        }
        if (t.mechanism == Mechanism::Ptr)
            out.append(lint(Status::Warning,
                tr("\"%1\": the ptr mechanism should not be used").arg(QString::fromLatin1(t.text)),
                tr("ptr is slow, unreliable and loads the reverse DNS of others; RFC 7208 "
                   "says it SHOULD NOT be published. List addresses with ip4/ip6 or a "
                   "instead."),
                QStringLiteral("RFC 7208 5.5"))
                           .addSpan(source, t.offset, t.length));
        if (t.macros.ok()) {
            for (const MacroToken& m : t.macros.tokens) {
                if (m.kind == MacroToken::Kind::Macro && m.letter == 'p')
                    out.append(lint(Status::Warning, tr("the %{p} macro should not be used"), {},
                        QStringLiteral("RFC 7208 7.3"))
                                   .addSpan(source, t.domainOffset + m.offset, m.length));
            }
        }
    }
    if (allIndex >= 0) {
        for (int i = allIndex + 1; i < rec.terms.size(); ++i) {
            const Term& t = rec.terms[i];
            if (t.kind == Term::Kind::Mechanism)
                out.append(lint(Status::Warning,
                    tr("\"%1\" comes after \"all\" and is never evaluated")
                        .arg(QString::fromLatin1(t.text)),
                    tr("Mechanisms are evaluated left to right and \"all\" always "
                       "matches."),
                    QStringLiteral("RFC 7208 4.6.2"))
                               .addSpan(source, t.offset, t.length));
        }
        if (rec.redirect >= 0) {
            const Term& t = rec.terms[rec.redirect];
            out.append(
                lint(Status::Warning, tr("redirect= is ignored because the record has \"all\""),
                    tr("RFC 7208 6.1: any redirect modifier MUST be ignored if there is an "
                       "\"all\" mechanism anywhere in the record."),
                    QStringLiteral("RFC 7208 6.1"))
                    .addSpan(source, t.offset, t.length));
        }
    } else if (rec.redirect < 0) {
        out.append(
            lint(Status::Info, tr("no \"all\" and no redirect=: hosts not listed get neutral"),
                tr("Without a final \"all\" the default result is neutral (RFC 7208 4.7), "
                   "which receivers treat as no policy."),
                QStringLiteral("RFC 7208 4.7")));
    }
    if (dnsTerms > 10)
        out.append(lint(Status::Warning,
            tr("%1 DNS-querying terms in this record alone: over the limit of 10").arg(dnsTerms),
            tr("Evaluation gives permerror once the eleventh is reached (RFC 7208 4.6.4)."),
            QStringLiteral("RFC 7208 4.6.4")));
    else if (dnsTerms >= 8)
        out.append(lint(Status::Warning,
            tr("%1 DNS-querying terms in this record alone: close to the limit of 10")
                .arg(dnsTerms),
            tr("Includes add their own terms to the same budget (RFC 7208 4.6.4)."),
            QStringLiteral("RFC 7208 4.6.4")));
    const qint64 size = estimatedAnswerSize(answer);
    if (size > 512)
        out.append(lint(Status::Warning,
            tr("the TXT answer is about %1 bytes: too long for one 512-byte UDP answer").arg(size),
            tr("Resolvers without EDNS must retry over TCP, and some fail instead. RFC 7208 "
               "3.4 recommends keeping the answer within 512 bytes (other TXT records "
               "of the name count too)."),
            QStringLiteral("RFC 7208 3.4")));
    if (answer.viaTcp)
        out.append(lint(Status::Info, tr("the answer was truncated over UDP and fetched over TCP"),
            {}, QStringLiteral("RFC 7208 3.4")));
    return out;
}

Step lintMultipleRecords(const QByteArray& domain, int count)
{
    return lint(Status::Warning,
        tr("%1 publishes %2 SPF records").arg(QString::fromLatin1(domain)).arg(count),
        tr("Merge them into one record: with more than one, every check gives permerror."),
        QStringLiteral("RFC 7208 3.2, 4.5"));
}

QList<Step> lintCounters(const SpfCounters& c, int dnsTermLimit, int voidLimit)
{
    QList<Step> out;
    if (c.dnsTerms >= dnsTermLimit - 2 && c.dnsTerms <= dnsTermLimit)
        out.append(lint(Status::Warning,
            tr("%1 of %2 DNS-querying terms used: close to the limit")
                .arg(c.dnsTerms)
                .arg(dnsTermLimit),
            tr("One more include or a change in an included record can push this "
               "policy into permerror (RFC 7208 4.6.4)."),
            QStringLiteral("RFC 7208 4.6.4")));
    if (c.voidLookups >= voidLimit && c.voidLookups <= voidLimit)
        out.append(lint(Status::Warning, tr("%1 void lookups: at the limit").arg(c.voidLookups),
            tr("Names in the policy that do not exist or have no records; one more "
               "gives permerror (RFC 7208 4.6.4)."),
            QStringLiteral("RFC 7208 4.6.4")));
    if (c.maxMxNames >= 8 && c.maxMxNames <= 10)
        out.append(lint(Status::Warning,
            tr("an mx term has %1 MX names: close to the limit of 10").arg(c.maxMxNames), {},
            QStringLiteral("RFC 7208 4.6.4")));
    if (c.maxPtrNames > 10)
        out.append(lint(Status::Info,
            tr("the client has %1 PTR names: only 10 were used").arg(c.maxPtrNames), {},
            QStringLiteral("RFC 7208 4.6.4")));
    return out;
}

} // namespace ms::spf
