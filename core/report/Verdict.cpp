#include "report/Verdict.h"

#include "report/Report.h"
#include "trace/Translate.h"

#include <QCoreApplication>

#include <optional>

namespace ms {

namespace {

QString tr(const char* text)
{
    return ms::translate("Verdict", text);
}

// tag: the record's tag the policy came from ("p", "sp" for subdomains, "np").
QString policyWords(const QString& policy, QString tag)
{
    if (tag.isEmpty())
        tag = QStringLiteral("p");
    const QString published = tag + QLatin1Char('=') + policy;
    if (policy == QLatin1String("reject"))
        return fill(tr("The domain asks receivers to reject such mail (%1)."), published);
    if (policy == QLatin1String("quarantine"))
        return fill(
            tr("The domain asks receivers to treat such mail as suspicious (%1)."), published);
    if (policy == QLatin1String("none"))
        return fill(tr("The domain only monitors (%1), so receivers usually deliver it anyway."),
            published);
    return {};
}

// Appends a check's own reason. Reasons often start with the result the sentence
// already states ("fail: no aligned ...") and may end with a full stop of their own.
QString withReason(QString text, QStringView reason, Status status)
{
    // Views of the reason, and the sentence grown once: this runs for every message.
    const QString name = statusName(status);
    if (reason.startsWith(name) && reason.sliced(name.size()).startsWith(u": "))
        reason = reason.sliced(name.size() + 2);
    reason = reason.trimmed();
    while (reason.endsWith(u'.'))
        reason.chop(1);
    if (!reason.isEmpty()) {
        const QString sentence = fill(tr("Reason: %1."), reason);
        text.reserve(text.size() + 1 + sentence.size());
        text += u' ';
        text += sentence;
    }
    return text;
}

// DMARC's result as the verdict states it: a trusted forwarder's ARC chain turns a fail
// into a pass by local policy (RFC 8617 7.2.1).
Status dmarcStatus(const DmarcOutcome& d)
{
    return d.status == Status::Fail && d.overriddenByArc ? Status::Pass : d.status;
}

// Pass when any signature passes, else the worst result (o.dkim not empty).
Status dkimStatus(const Outcomes& o)
{
    Status worst = Status::Info;
    for (const DkimSignatureOutcome& s : o.dkim) {
        if (s.status == Status::Pass)
            return Status::Pass;
        worst = worse(worst, s.status);
    }
    return worst;
}

std::optional<Verdict> fromDkim(const Outcomes& o)
{
    if (o.dkim.isEmpty())
        return std::nullopt;
    const Status worst = dkimStatus(o);
    if (worst == Status::Pass) {
        for (const DkimSignatureOutcome& s : o.dkim) {
            if (s.status == Status::Pass) {
                return Verdict { Status::Pass, QStringLiteral("dkim"),
                    fill(tr("The message carries a valid DKIM signature of %1; nothing was "
                            "changed after signing."),
                        s.domain) };
            }
        }
    }
    // Explain the signature that decided the worst result.
    const DkimSignatureOutcome* first = &o.dkim.front();
    for (const DkimSignatureOutcome& s : o.dkim) {
        if (s.status == worst) {
            first = &s;
            break;
        }
    }
    const QString why = !first->finding.isEmpty() ? first->finding : first->reason;
    return Verdict { worst, QStringLiteral("dkim"),
        withReason(fill(tr("No DKIM signature on the message verifies (%1 signature(s); "
                           "the first is from %2)."),
                       { QString::number(o.dkim.size()), first->domain }),
            why, worst) };
}

std::optional<Verdict> fromSpf(const Outcomes& o)
{
    if (!o.spf || o.spf->status == Status::None)
        return std::nullopt;
    const SpfOutcome& s = *o.spf;
    QString text;
    switch (s.status) {
    case Status::Pass:
        text = fill(tr("The sending server %1 is allowed to send mail for %2 (SPF pass)."),
            { s.clientIp, s.domain });
        break;
    case Status::Fail:
        text = fill(tr("The sending server %1 is not allowed to send mail for %2 (SPF fail)."),
            { s.clientIp, s.domain });
        break;
    case Status::SoftFail:
        text = fill(tr("The sending server %1 is probably not allowed to send mail for %2 (SPF "
                       "softfail)."),
            { s.clientIp, s.domain });
        break;
    case Status::TempError:
        text = fill(
            tr("SPF for %1 could not be checked because of a temporary DNS error."), s.domain);
        break;
    case Status::PermError:
        text = fill(tr("The SPF record of %1 is broken (SPF permerror)."), s.domain);
        break;
    default:
        text = fill(
            tr("SPF for %1 gives no answer either way (%2)."), { s.domain, statusName(s.status) });
        break;
    }
    return Verdict { s.status, QStringLiteral("spf"), withReason(text, s.reason, s.status) };
}

} // namespace

Verdict overallVerdict(const Report& r)
{
    const Outcomes& o = r.outcomes;
    QString prefix;
    if (r.cancelled) {
        prefix = tr("The verification was cancelled before it finished; results are incomplete.")
            + QLatin1Char(' ');
    }
    if (o.dmarc && o.dmarc->status != Status::None) {
        const DmarcOutcome& d = *o.dmarc;
        QString text;
        const Status status = dmarcStatus(d);
        switch (d.status) {
        case Status::Pass:
            text = fill(tr("The message really comes from %1: DMARC passed."), d.fromDomain);
            break;
        case Status::Fail:
            if (d.overriddenByArc) {
                text = fill(tr("DMARC failed for %1, but a trusted forwarder's ARC chain shows the "
                               "message passed before it was forwarded."),
                    d.fromDomain);
            } else {
                text = fill(tr("The message could not be shown to come from %1: DMARC failed."),
                    d.fromDomain);
                const QString p = policyWords(d.policy, d.policyTag);
                if (!p.isEmpty())
                    text += QLatin1Char(' ') + p;
            }
            break;
        case Status::TempError:
            text
                = fill(tr("DMARC for %1 could not be decided because of a temporary DNS error; try "
                          "again later."),
                    d.fromDomain);
            break;
        case Status::PermError:
            if (d.fromDomain.isEmpty() && d.policyDomain.isEmpty()) {
                text = tr("DMARC cannot be applied: the message names no author domain.");
            } else {
                text = fill(tr("The DMARC policy of %1 is broken, so it cannot be applied."),
                    d.policyDomain.isEmpty() ? d.fromDomain : d.policyDomain);
            }
            break;
        default:
            text = fill(tr("DMARC for %1: %2."), { d.fromDomain, statusName(d.status) });
            break;
        }
        return Verdict { status, QStringLiteral("dmarc"),
            prefix + withReason(text, d.reason, d.status) };
    }
    if (o.dmarc && !o.dmarc->fromDomain.isEmpty()) {
        prefix += fill(tr("%1 publishes no DMARC policy, so the result rests on weaker checks."),
                      o.dmarc->fromDomain)
            + QLatin1Char(' ');
    }
    if (auto v = fromDkim(o)) {
        v->reason.prepend(prefix);
        return *v;
    }
    if (auto v = fromSpf(o)) {
        v->reason.prepend(prefix);
        return *v;
    }
    return Verdict { Status::None, QString(),
        prefix
            + tr("Nothing could be verified: no DMARC result, no DKIM signature and no "
                 "SPF result.") };
}

Status overallStatus(const Report& r)
{
    const Outcomes& o = r.outcomes;
    if (o.dmarc && o.dmarc->status != Status::None)
        return dmarcStatus(*o.dmarc);
    if (!o.dkim.isEmpty())
        return dkimStatus(o);
    if (o.spf && o.spf->status != Status::None)
        return o.spf->status;
    return Status::None;
}

} // namespace ms
