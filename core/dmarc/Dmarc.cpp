#include "dmarc/Dmarc.h"

#include "authres/AuthResults.h"
#include "dmarc/Author.h"
#include "dmarc/Psl.h"
#include "message/Message.h"
#include "trace/JsonText.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ms::dmarc {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::dmarc", text);
}

QString rfcFor(Discovery::Method m, const char* bis, const char* old)
{
    return m == Discovery::Method::TreeWalk ? QStringLiteral("RFC 9989 ") + QLatin1String(bis)
                                            : QStringLiteral("RFC 7489 ") + QLatin1String(old);
}

Policy lower(Policy p)
{
    switch (p) {
    case Policy::Reject: return Policy::Quarantine;
    case Policy::Quarantine: return Policy::None;
    case Policy::None: return Policy::None;
    }
    return Policy::None;
}

struct PolicyChoice {
    QString tag;
    std::optional<Policy> policy;
    QString why;
    bool ignored = false; // the record is unusable: no DMARC processing
};

// Which of p / sp / np applies (RFC 9989 4.10.1, RFC 7489 6.6.3).
PolicyChoice choosePolicy(const Discovery& d, bool authorExists)
{
    PolicyChoice c;
    const Record& r = *d.record;
    if (!r.usable(d.spec)) {
        c.ignored = true;
        c.why = d.spec == Spec::Rfc9989
            ? tr("The record's p, sp or np tag is not valid and it has no valid rua URI, so "
                 "no DMARC processing applies (RFC 9989 4.10.1).")
            : tr("The record has no valid p tag (or an invalid sp) and no valid rua URI, so "
                 "no DMARC processing applies (RFC 7489 6.6.3).");
        return c;
    }
    const bool ruaRule = r.effectiveP(d.spec) == Policy::None
        && (r.pInvalid || r.spInvalid || (d.spec == Spec::Rfc9989 && r.npInvalid)
            || (d.spec == Spec::Rfc7489 && !r.p));
    if (ruaRule) {
        c.tag = QStringLiteral("p");
        c.policy = Policy::None;
        c.why = tr("The record's policy tags are missing or invalid, but it names a valid rua "
                   "URI, so it is used as if it said p=none (%1).")
                    .arg(rfcFor(d.method, "4.10.1", "6.6.3"));
        return c;
    }
    if (d.where == Discovery::Where::Author) {
        c.tag = QStringLiteral("p");
        c.policy = r.p.value_or(Policy::None);
        c.why = r.p ? tr("The record was published for the author domain itself, so p applies.")
                    : tr("The record has no p tag; RFC 9989 4.7 treats it as p=none.");
        return c;
    }
    if (d.spec == Spec::Rfc9989 && !authorExists && r.np) {
        c.tag = QStringLiteral("np");
        c.policy = r.np;
        c.why = tr("The author domain does not exist (NXDOMAIN) and the record has np, so np "
                   "applies (RFC 9989 4.10.1).");
        return c;
    }
    if (r.sp) {
        c.tag = QStringLiteral("sp");
        c.policy = r.sp;
        c.why = authorExists
            ? tr("The author domain is a subdomain of the policy domain, so sp applies.")
            : tr("The author domain does not exist; the record has no np, so sp applies.");
        return c;
    }
    c.tag = QStringLiteral("p");
    c.policy = r.p.value_or(Policy::None);
    c.why = tr("The author domain is a subdomain of the policy domain and the record has no %1, "
               "so p applies to subdomains too.")
                .arg(authorExists ? QStringLiteral("sp") : QStringLiteral("np or sp"));
    return c;
}

// JSON is written directly as text (trace/JsonText.h), members in the order QJsonObject keeps
// them (sorted keys): building the QJsonObject member by member cost about a third of the
// check. Full runs parse the text into `json`.
void writeRow(QByteArray& out, const AlignmentRow& r)
{
    json::put(out, "{\"aligned\":");
    json::writeBool(out, r.aligned);
    json::put(out, ",\"domain\":");
    json::writeString(out, r.domain);
    json::put(out, ",\"identifier\":");
    json::writeString(out, r.identifier);
    out += r.strict ? QByteArrayView(",\"mode\":\"strict\",\"pass\":")
                    : QByteArrayView(",\"mode\":\"relaxed\",\"pass\":");
    json::writeBool(out, r.counts);
    json::put(out, ",\"reason\":");
    json::writeString(out, r.reason);
    json::put(out, ",\"result\":");
    json::writeString(out, statusName(r.authResult));
    if (!r.selector.isEmpty()) {
        json::put(out, ",\"selector\":");
        json::writeString(out, r.selector);
    }
    json::put(out, '}');
}

void writeStringOrNull(QByteArray& out, const QString& v, bool isNull)
{
    if (isNull)
        json::put(out, "null");
    else
        json::writeString(out, v);
}

struct Core {
    Status result = Status::None;
    PolicyChoice choice;
    bool authorExists = true;
    QList<AlignmentRow> rows;
    QString reason;
    Step policyStep, alignStep, resultStep;
};

// Everything after discovery, for one method (so the other method can be compared).
// Summary-only runs (dns.explain() off) get the same result, reason and rows, no steps.
// reasons false: only the result, policy and rows' flags (the other method's comparison
// reads nothing else in summary-only runs), no reason texts.
Core decide(
    Lookups& dns, const QString& author, const Inputs& in, const Discovery& d, bool reasons = true)
{
    Core c;
    auto because = [&](const auto& text) {
        if (reasons)
            c.reason = text();
    };
    const bool explain = dns.explain();
    if (d.tempError) {
        c.result = Status::TempError;
        because([&] { return tr("temperror: the DMARC policy could not be looked up"); });
        return c;
    }
    if (!d.record) {
        c.result = Status::None;
        because([&] {
            return d.severalRecords ? tr("none: several DMARC records, so none applies")
                                    : tr("none: no DMARC policy for %1").arg(author);
        });
        return c;
    }
    const Record& r = *d.record;

    // Does the author domain exist? Only matters for np (RFC 9989 3.2.13, RFC 8020).
    if (explain)
        c.policyStep = Step(QStringLiteral("dmarc.policy"), Status::Info, {}, {},
            rfcFor(d.method, "4.10.1", "6.6.3"));
    if (d.where != Discovery::Where::Author && d.spec == Spec::Rfc9989 && r.np) {
        bool fresh = true;
        const dns::Answer a = dns.resolve(author, dns::Type::A, &fresh);
        Step ex;
        if (explain) {
            ex = Step(QStringLiteral("dmarc.exists"), Status::Info, {}, {},
                QStringLiteral("RFC 9989 3.2.13"));
            ex.add(dns::answerStep(a));
        }
        if (a.isTemporaryError()) {
            c.result = Status::TempError;
            because([&] { return tr("temperror: could not tell whether %1 exists").arg(author); });
            if (explain) {
                ex.status = Status::TempError;
                ex.title = tr("Whether %1 exists is unknown (DNS error)").arg(author);
                c.policyStep.add(std::move(ex));
            }
            return c;
        }
        c.authorExists = a.outcome != dns::Outcome::NxDomain;
        if (explain) {
            ex.title = c.authorExists ? tr("%1 exists").arg(author)
                                      : tr("%1 does not exist (NXDOMAIN)").arg(author);
            ex.detail = tr("A non-existent domain is one whose query returns NXDOMAIN (RFC "
                           "8020); np applies only to those.");
            c.policyStep.add(std::move(ex));
        }
    }
    c.choice = choosePolicy(d, c.authorExists);
    if (c.choice.ignored) {
        c.result = Status::None;
        because(
            [&] { return tr("none: the DMARC record of %1 is not usable").arg(d.policyDomain); });
        if (explain) {
            c.policyStep.status = Status::Warning;
            c.policyStep.title = tr("The record is ignored");
            c.policyStep.detail = c.choice.why;
        }
        return c;
    }
    if (explain) {
        c.policyStep.title = tr("Policy: %1=%2 (from %3)")
                                 .arg(c.choice.tag, policyName(*c.choice.policy), d.policyDomain);
        c.policyStep.detail = c.choice.why;
        c.policyStep.addFact(tr("tag"), c.choice.tag);
        c.policyStep.addFact(tr("policy"), policyName(*c.choice.policy));
        c.policyStep.addFact(tr("policy domain"), d.policyDomain);

        // Alignment.
        c.alignStep = Step(QStringLiteral("dmarc.alignment"), Status::Info,
            tr("Identifier alignment with %1").arg(author), {}, rfcFor(d.method, "4.4", "3.1"));
        c.alignStep.addFact(tr("adkim"), r.adkimStrict ? QStringLiteral("s") : QStringLiteral("r"));
        c.alignStep.addFact(tr("aspf"), r.aspfStrict ? QStringLiteral("s") : QStringLiteral("r"));
    }
    Step* alignStep = explain ? &c.alignStep : nullptr;
    if (in.spf) {
        c.rows << align(dns, QStringLiteral("spf"), in.spf->domain, in.spf->status, r.aspfStrict,
            author, d.orgDomain, d.method, alignStep, reasons);
    } else {
        AlignmentRow row;
        row.identifier = QStringLiteral("spf");
        row.strict = r.aspfStrict;
        if (reasons)
            row.reason = tr("SPF was not evaluated, so it cannot make DMARC pass.");
        if (explain)
            c.alignStep.add(Step(
                QStringLiteral("dmarc.align"), Status::None, tr("SPF: not evaluated"), row.reason));
        c.rows << row;
    }
    for (const DkimSignatureOutcome& s : in.dkim) {
        AlignmentRow row = align(dns, QStringLiteral("dkim"), s.domain, s.status, r.adkimStrict,
            author, d.orgDomain, d.method, alignStep, reasons);
        row.selector = s.selector;
        c.rows << row;
    }
    if (explain && in.dkim.isEmpty()) {
        const QString why = in.dkimEvaluated ? tr("The message has no DKIM signature.")
                                             : tr("DKIM was not evaluated.");
        c.alignStep.add(
            Step(QStringLiteral("dmarc.align"), Status::None, tr("DKIM: no signature"), why));
    }
    bool anyPass = false, anyTemp = false;
    for (const AlignmentRow& row : c.rows) {
        anyPass = anyPass || row.counts;
        anyTemp = anyTemp || (row.tempError && row.authResult == Status::Pass);
    }
    if (explain)
        c.resultStep = Step(
            QStringLiteral("dmarc.result"), Status::Info, {}, {}, rfcFor(d.method, "5.3.5", "4.2"));
    if (anyPass) {
        c.result = Status::Pass;
        QStringList which;
        for (const AlignmentRow& row : c.rows) {
            if (row.counts)
                which << QStringLiteral("%1 (%2)").arg(row.identifier.toUpper(), row.domain);
        }
        because([&] { return fill(tr("pass: aligned %1"), which.join(QStringLiteral(", "))); });
        if (explain)
            c.resultStep.detail = tr("At least one authenticated identifier passes and aligns "
                                     "with the author domain.");
    } else if (anyTemp) {
        c.result = Status::TempError;
        because([&] { return tr("temperror: alignment could not be decided (DNS error)"); });
        if (explain)
            c.resultStep.detail = tr("A DNS error during the tree walk for alignment leaves the "
                                     "result undetermined (RFC 9989 5.3.6).");
    } else {
        c.result = Status::Fail;
        because([&] {
            return tr("fail: no aligned SPF or DKIM pass (%1=%2)")
                .arg(c.choice.tag, policyName(*c.choice.policy));
        });
        if (explain) {
            QStringList why;
            for (const AlignmentRow& row : c.rows)
                why << QStringLiteral("%1 %2: %3")
                           .arg(row.identifier.toUpper(), row.domain, row.reason);
            c.resultStep.detail = tr("No authenticated identifier both passes and aligns with "
                                     "the author domain.")
                + QLatin1Char('\n') + why.join(QLatin1Char('\n'));
        }
    }
    if (!explain)
        return c;
    c.resultStep.status = c.result;
    c.resultStep.title = c.reason;
    c.alignStep.status = anyPass ? Status::Pass : Status::Fail;
    return c;
}

// The main discovery (with `main`: its query count, whether the other method differs and
// that method's discovery) or the other one.
struct DiscoveryExtras {
    int queries = 0;
    bool differs = false;
    const Discovery* other = nullptr;
    Status otherResult = Status::None;
    std::optional<Policy> otherPolicy;
    QString otherTag;
};

void writeDiscovery(QByteArray& out, const Discovery& d, Status result,
    const std::optional<Policy>& policy, const QString& tag, const DiscoveryExtras* main)
{
    static const char* const where[] = { "\"none\"", "\"author\"", "\"org-domain\"", "\"psd\"" };
    json::put(out, '{');
    if (main) {
        json::put(out, "\"differs\":");
        json::writeBool(out, main->differs);
        json::put(out, ',');
    }
    json::put(out, "\"found_at\":");
    out += where[int(d.where)];
    json::putKey(out, "method");
    json::writeString(out, methodName(d.method));
    json::putKey(out, "org_domain");
    json::writeString(out, d.orgDomain);
    if (main && main->other) {
        json::putKey(out, "other");
        writeDiscovery(
            out, *main->other, main->otherResult, main->otherPolicy, main->otherTag, nullptr);
    }
    if (policy) {
        json::putKey(out, "policy");
        json::writeString(out, policyName(*policy));
    }
    json::putKey(out, "policy_domain");
    writeStringOrNull(out, d.policyDomain, d.policyDomain.isEmpty());
    if (policy) {
        json::putKey(out, "policy_tag");
        json::writeString(out, tag);
    }
    if (main) {
        json::putKey(out, "queries");
        json::writeInteger(out, main->queries);
    }
    if (d.record) {
        json::putKey(out, "record");
        json::writeString(out, QString::fromUtf8(d.record->text));
    }
    json::putKey(out, "result");
    json::writeString(out, statusName(result));
    json::put(out, '}');
}

} // namespace

AlignmentRow align(Lookups& dns, const QString& identifier, const QString& domain,
    Status authResult, bool strict, const QString& author, const QString& authorOrgDomain,
    Discovery::Method method, Step* step, bool reasons)
{
    AlignmentRow row;
    auto because = [&](const auto& text) {
        if (reasons)
            row.reason = text();
    };
    row.identifier = identifier;
    row.domain = normalizeDomain(domain);
    row.authResult = authResult;
    row.strict = strict;
    if (!dns.explain())
        step = nullptr; // summary-only: the row without its step
    Step s;
    if (step)
        s = Step(QStringLiteral("dmarc.align"), Status::Info, {}, {},
            identifier == u"spf" ? rfcFor(method, "4.4.2", "3.1.2")
                                 : rfcFor(method, "4.4.1", "3.1.1"));
    if (row.domain.isEmpty()) {
        because([&] { return tr("not aligned: there is no domain to compare"); });
    } else if (row.domain == author) {
        row.aligned = true;
        because([&] { return tr("aligned: identical to the author domain"); });
    } else if (strict) {
        because([&] {
            return tr("not aligned: strict mode needs %1 to be identical to %2 (no fallback to "
                      "the Organizational Domain)")
                .arg(row.domain, author);
        });
    } else if (authResult != Status::Pass && method == Discovery::Method::TreeWalk) {
        // RFC 9989 4.10.2 walks only for identifiers that passed.
        because([&] { return tr("not checked: it did not pass, so its alignment cannot matter"); });
    } else {
        bool temp = false;
        const QString org = orgDomainOf(dns, row.domain, method, step ? &s : nullptr, &temp);
        if (temp) {
            row.tempError = true;
            because([&] {
                return tr("unknown: a DNS error stopped the tree walk for %1").arg(row.domain);
            });
        } else if (org == authorOrgDomain) {
            row.aligned = true;
            because(
                [&] { return tr("aligned (relaxed): same Organizational Domain %1").arg(org); });
        } else {
            because([&] {
                return tr("not aligned: Organizational Domains differ (%1 has %2, %3 has %4)")
                    .arg(row.domain, org, author, authorOrgDomain);
            });
        }
    }
    row.counts = row.aligned && authResult == Status::Pass;
    if (reasons && row.aligned && authResult != Status::Pass)
        row.reason += QStringLiteral("; ")
            + fill(tr("but its result is %1, so it does not count"), statusName(authResult));
    if (!step)
        return row;
    const QString mode = strict ? tr("strict") : tr("relaxed");
    s.title = QStringLiteral("%1 %2 (%3, %4): %5")
                  .arg(identifier.toUpper(), row.domain.isEmpty() ? tr("(none)") : row.domain,
                      statusName(authResult), mode, row.reason);
    s.status = row.counts
        ? Status::Pass
        : (row.tempError ? Status::TempError : (row.aligned ? Status::Info : Status::Fail));
    if (authResult != Status::Pass && !row.aligned)
        s.status = Status::Info;
    s.addFact(tr("identifier"), identifier);
    s.addFact(tr("domain"), row.domain);
    s.addFact(tr("result"), statusName(authResult));
    s.addFact(tr("mode"), mode);
    s.addFact(tr("aligned"), row.aligned ? tr("yes") : tr("no"));
    step->add(std::move(s));
    return row;
}

Evaluation evaluate(const QString& author, const Inputs& in, dns::Resolver& resolver,
    Discovery::Method method, const std::atomic_bool* cancelled, bool jsonValue, bool explain)
{
    Evaluation e;
    e.author = author;
    Lookups dns(resolver, cancelled);
    dns.setExplain(explain);
    e.discovery = discover(dns, author, method);
    Core c = decide(dns, author, in, e.discovery);
    e.result = c.result;
    e.reason = c.reason;
    e.alignment = c.rows;
    e.authorExists = c.authorExists;
    e.policyTag = c.choice.tag;
    e.policy = c.choice.policy;

    Step root(QStringLiteral("dmarc"), e.result, QLatin1String("DMARC: ") + e.reason, {},
        rfcFor(method, "5.3", "6.6"));
    root.addFact(tr("author domain"), author);
    root.addFact(tr("method"), methodName(method));
    if (explain)
        root.add(e.discovery.step);
    if (!c.policyStep.title.isEmpty())
        root.add(c.policyStep);
    if (!c.alignStep.title.isEmpty())
        root.add(c.alignStep);
    if (!c.resultStep.title.isEmpty())
        root.add(c.resultStep);

    // Disposition: t= (RFC 9989) or pct= (RFC 7489) sampling.
    std::optional<int> pct; // written with "testing" when the policy applies (fail)
    bool testing = false;
    Step disp;
    if (explain)
        disp = Step(QStringLiteral("dmarc.disposition"), Status::Info, {}, {},
            rfcFor(method, "4.7", "6.6.4"));
    if (e.result == Status::Fail && e.policy) {
        const Record& r = *e.discovery.record;
        Policy applied = *e.policy;
        QStringList notes;
        if (method == Discovery::Method::TreeWalk) {
            if (r.testing && applied != Policy::None) {
                applied = lower(applied);
                if (explain)
                    notes << tr(
                        "t=y (test mode): the receiver applies one level below the published "
                        "policy, %1 instead of %2 (RFC 9989 4.7).")
                                 .arg(policyName(applied), policyName(*e.policy));
            }
            if (explain && r.tag(u"pct"))
                notes << tr("pct=%1 is an RFC 7489 tag; RFC 9989 has no sampling and ignores it "
                            "(t=y replaced pct=0).")
                             .arg(r.tag(u"pct")->value);
        } else {
            if (explain && r.pctGiven && r.pct < 100 && applied != Policy::None) {
                notes << tr("pct=%1: the policy is applied to %1% of failing messages; the others "
                            "get the next lower policy, %2 (RFC 7489 6.6.4). Whether this "
                            "message was sampled is the receiver's random choice.")
                             .arg(r.pct)
                             .arg(policyName(lower(applied)));
            }
            if (explain && r.tag(u"t"))
                notes << tr("t= is an RFC 9989 tag; RFC 7489 ignores it.");
        }
        e.disposition = applied;
        if (explain) {
            disp.status = applied == Policy::None ? Status::Info : Status::Fail;
            disp.title = tr("Disposition: %1").arg(policyName(applied));
            disp.detail = notes.isEmpty()
                ? tr("The message failed DMARC, so the %1=%2 policy applies.")
                      .arg(e.policyTag, policyName(*e.policy))
                : notes.join(QLatin1Char(' '));
        }
        testing = r.testing;
        pct = r.pct;
    } else {
        e.disposition = Policy::None;
        if (explain) {
            disp.title = tr("Disposition: none");
            disp.detail = e.result == Status::Pass
                ? tr("The message passed DMARC: deliver normally.")
                : tr("No DMARC policy is applied (result %1); any handling is the "
                     "receiver's own choice.")
                      .arg(statusName(e.result));
        }
    }
    if (explain)
        root.add(disp);

    // The other method, shown where it differs.
    const Discovery::Method otherMethod = method == Discovery::Method::TreeWalk
        ? Discovery::Method::Psl
        : Discovery::Method::TreeWalk;
    if (!dns.cancelled()) {
        Discovery od = discover(dns, author, otherMethod);
        Core oc = decide(dns, author, in, od, explain);
        e.otherResult = oc.result;
        e.otherPolicy = oc.choice.policy;
        e.otherPolicyTag = oc.choice.tag;
        e.differs = od.policyDomain != e.discovery.policyDomain
            || od.orgDomain != e.discovery.orgDomain || oc.result != e.result
            || oc.choice.policy != e.policy || oc.choice.tag != e.policyTag;
        if (e.differs && !explain) {
            e.other = std::move(od);
        } else if (e.differs) {
            Step o(QStringLiteral("dmarc.other-method"), Status::Info,
                tr("%1 would answer differently: %2")
                    .arg(otherMethod == Discovery::Method::Psl ? tr("RFC 7489 (PSL)")
                                                               : tr("RFC 9989 (tree walk)"),
                        oc.reason),
                {}, rfcFor(otherMethod, "4.10", "6.6.3"));
            o.addFact(tr("organizational domain"), od.orgDomain);
            o.addFact(tr("policy domain"), od.policyDomain);
            if (oc.choice.policy)
                o.addFact(
                    tr("policy"), oc.choice.tag + QLatin1Char('=') + policyName(*oc.choice.policy));
            QStringList diff;
            if (od.orgDomain != e.discovery.orgDomain)
                diff << tr("Organizational Domain %1 instead of %2")
                            .arg(od.orgDomain, e.discovery.orgDomain);
            if (od.policyDomain != e.discovery.policyDomain)
                diff << tr("policy from %1 instead of %2")
                            .arg(od.policyDomain.isEmpty() ? tr("nowhere") : od.policyDomain,
                                e.discovery.policyDomain.isEmpty() ? tr("nowhere")
                                                                   : e.discovery.policyDomain);
            if (oc.result != e.result)
                diff << tr("result %1 instead of %2")
                            .arg(statusName(oc.result), statusName(e.result));
            o.detail = diff.join(QStringLiteral("; "));
            o.add(od.step);
            if (!oc.policyStep.title.isEmpty())
                o.add(oc.policyStep);
            if (!oc.alignStep.title.isEmpty())
                o.add(oc.alignStep);
            root.add(std::move(o));
            e.other = std::move(od);
        }
    }

    QByteArray& json = e.jsonText;
    json.reserve(1024 + 256 * e.alignment.size());
    json::put(json, "{\"alignment\":[");
    for (qsizetype i = 0; i < e.alignment.size(); ++i) {
        if (i)
            json::put(json, ',');
        writeRow(json, e.alignment.at(i));
    }
    json::put(json, "],\"discovery\":");
    DiscoveryExtras extras;
    extras.queries = dns.queryCount();
    extras.differs = e.differs;
    if (e.other) {
        extras.other = &*e.other;
        extras.otherResult = e.otherResult;
        extras.otherPolicy = e.otherPolicy;
        extras.otherTag = e.otherPolicyTag;
    }
    writeDiscovery(json, e.discovery, e.result, c.choice.policy, c.choice.tag, &extras);
    json::putKey(json, "disposition");
    json::writeString(json, policyName(e.disposition));
    json::putKey(json, "from_domain");
    json::writeString(json, author);
    if (pct) {
        json::putKey(json, "pct");
        json::writeInteger(json, *pct);
    }
    json::putKey(json, "policy");
    writeStringOrNull(json, e.policy ? policyName(*e.policy) : QString(), !e.policy);
    json::putKey(json, "policy_domain");
    writeStringOrNull(json, e.discovery.policyDomain, e.discovery.policyDomain.isEmpty());
    json::putKey(json, "policy_tag");
    writeStringOrNull(json, e.policyTag, e.policyTag.isEmpty());
    json::putKey(json, "reason");
    json::writeString(json, e.reason);
    json::putKey(json, "result");
    json::writeString(json, statusName(e.result));
    if (pct) {
        json::putKey(json, "testing");
        json::writeBool(json, testing);
    }
    json::put(json, '}');
    if (jsonValue)
        e.json = QJsonDocument::fromJson(e.jsonText).object();
    e.step = std::move(root);
    e.sources = dns.sources();
    return e;
}

namespace {

// RFC 8617 7.2 / RFC 7489 7.3 local policy: when DMARC fails but a trusted ARC chain passes.
// Summary-only runs get the same JSON and outcome without the steps.
void arcOverride(const CheckContext& ctx, const Evaluation& e, Step& root, QJsonObject& json,
    DmarcOutcome& out, bool explain)
{
    if (e.result != Status::Fail || !ctx.earlier || !ctx.earlier->arc)
        return;
    const ArcOutcome& arc = *ctx.earlier->arc;
    const QStringList& trusted = ctx.options.trustedArcSealers;
    if (arc.status != Status::Pass) {
        if (explain && !trusted.isEmpty())
            root.add(Step(QStringLiteral("dmarc.arc-override"), Status::Info,
                tr("No ARC override: the ARC chain did not pass (%1)").arg(statusName(arc.status)),
                tr("Only a passing chain from a trusted sealer can justify a local "
                   "override (RFC 8617 7.2)."),
                QStringLiteral("RFC 8617 7.2")));
        return;
    }
    int hop = 0;
    for (int i = 0; i < arc.sealers.size(); ++i) {
        for (const QString& t : trusted) {
            if (arc.sealers[i].compare(t.trimmed(), Qt::CaseInsensitive) == 0) {
                hop = i + 1;
                break;
            }
        }
        if (hop)
            break;
    }
    if (!hop) {
        if (explain)
            root.add(Step(QStringLiteral("dmarc.arc-override"), Status::Info,
                tr("No ARC override: no sealer of the passing chain is trusted"),
                tr("Sealers: %1. Trusted sealers (options): %2.")
                    .arg(arc.sealers.join(QStringLiteral(", ")),
                        trusted.isEmpty() ? tr("none") : trusted.join(QStringLiteral(", "))),
                QStringLiteral("RFC 8617 7.2")));
        return;
    }
    // The AAR the first (oldest) trusted hop recorded.
    std::optional<authres::AuthResult> aar;
    for (const HeaderField* f : ctx.message.fields("ARC-Authentication-Results")) {
        authres::AuthResult r = authres::parseArc(*f);
        if (r.instance == hop) {
            aar = std::move(r);
            break;
        }
    }
    const QString sealer = arc.sealers[hop - 1];
    Step s(
        QStringLiteral("dmarc.arc-override"), Status::Info, {}, {}, QStringLiteral("RFC 8617 7.2"));
    s.addFact(tr("sealer"), sealer);
    s.addFact(tr("instance"), QString::number(hop));
    QJsonObject o;
    o[QStringLiteral("sealer")] = sealer;
    o[QStringLiteral("instance")] = hop;
    bool applicable = false;
    if (aar) {
        s.add(authres::toStep(
            *aar, tr("What %1 saw (ARC-Authentication-Results i=%2)").arg(sealer).arg(hop)));
        const authres::MethodResult* dm = aar->first(u"dmarc");
        const QString dmarcThere = dm ? dm->result : QString();
        o[QStringLiteral("aar_dmarc")] = dm ? QJsonValue(dmarcThere) : QJsonValue();
        o[QStringLiteral("authserv_id")] = aar->authservId;
        applicable = dmarcThere == u"pass";
        if (!dm) {
            const authres::MethodResult* spf = aar->first(u"spf");
            const authres::MethodResult* dkim = aar->first(u"dkim");
            applicable = (spf && spf->result == u"pass") || (dkim && dkim->result == u"pass");
        }
    }
    o[QStringLiteral("applicable")] = applicable;
    if (applicable) {
        s.status = Status::Pass;
        s.title = tr("A receiver trusting %1 could override the DMARC failure").arg(sealer);
        s.detail = tr("DMARC failed here, but the ARC chain passes and its hop %1 was sealed by "
                      "the trusted %2, which recorded passing authentication before the message "
                      "was changed. A receiver may deliver it as if DMARC had passed (a local "
                      "policy override, RFC 7489 7.3 / RFC 8617 7.2). The DMARC result itself "
                      "stays fail.")
                       .arg(hop)
                       .arg(sealer);
        out.overriddenByArc = true;
        json[QStringLiteral("local_disposition")] = QStringLiteral("none");
    } else {
        s.status = Status::Info;
        s.title = tr("No ARC override: the trusted hop %1 did not record a pass").arg(sealer);
        s.detail = aar
            ? tr("Its ARC-Authentication-Results show no DMARC, SPF or DKIM pass, so "
                 "there is nothing to restore.")
            : tr("Its ARC-Authentication-Results field i=%1 could not be found.").arg(hop);
    }
    json[QStringLiteral("arc_override")] = o;
    if (explain)
        root.add(std::move(s));
}

// What evaluate() reads of the other checks' outcomes, and nothing else: the memo's key
// (below) covers all of it, so a reused evaluation cannot depend on a field the key left out.
Inputs inputsFor(const CheckContext& ctx)
{
    Inputs in;
    in.dkimEvaluated = ctx.options.wants(QStringLiteral("dkim"));
    if (!ctx.earlier)
        return in;
    if (ctx.earlier->spf) {
        SpfOutcome spf;
        spf.status = ctx.earlier->spf->status;
        spf.domain = ctx.earlier->spf->domain;
        in.spf = spf;
    }
    for (const DkimSignatureOutcome& d : ctx.earlier->dkim) {
        DkimSignatureOutcome k;
        k.status = d.status;
        k.domain = d.domain;
        k.selector = d.selector;
        in.dkim << k;
    }
    return in;
}

// Length-prefixed, so no text (selectors are whatever the signature says) can fake a
// boundary between fields. The key is only compared, never shown: raw UTF-16 will do.
void keyField(QByteArray& key, QStringView value)
{
    const quint32 n = quint32(value.size());
    key.append(reinterpret_cast<const char*>(&n), qsizetype(sizeof n));
    key.append(reinterpret_cast<const char*>(value.utf16()), value.size() * 2);
}

QByteArray memoKey(const QString& author, Discovery::Method method, const Inputs& in)
{
    QByteArray key;
    key.reserve(128);
    key += "dmarc/";
    key += method == Discovery::Method::TreeWalk ? 't' : 'p';
    keyField(key, author);
    key += in.dkimEvaluated ? 'd' : '-';
    if (in.spf) {
        key += 's';
        key += char('A' + int(in.spf->status));
        keyField(key, in.spf->domain);
    }
    for (const DkimSignatureOutcome& d : in.dkim) {
        key += 'k';
        key += char('A' + int(d.status));
        keyField(key, d.domain);
        keyField(key, d.selector);
    }
    return key;
}

// A summary-only evaluation and the answers it asked, shared through the batch's memo.
struct Memoized {
    Evaluation evaluation;
    QList<dns::Answer> answers;
};

qint64 memoCost(const Memoized& m)
{
    qint64 bytes = 2048 + 2 * (m.evaluation.jsonText.size() + m.evaluation.reason.size());
    for (const dns::Answer& a : m.answers) {
        bytes += 256 + a.qname.size();
        for (const dns::Record& r : a.records)
            bytes += 128 + r.name.size() + 3 * r.rdata.size() + 2 * r.presentation.size();
    }
    return bytes;
}

// evaluate(), or its result for the same author, method and inputs earlier in the batch. A
// reused result's answers are replayed into this check's recorder: the report's DNS
// transcript is the one the evaluation would have asked for. Cancelled evaluations are
// never kept.
Evaluation evaluateOnce(const CheckContext& ctx, const QString& author, const Inputs& in,
    Discovery::Method method, bool explain)
{
    if (explain || !ctx.memo || !ctx.recorder)
        return evaluate(author, in, ctx.dns, method, ctx.cancelled, explain, explain);
    const QByteArray key = memoKey(author, method, in);
    if (const auto hit = std::static_pointer_cast<const Memoized>(ctx.memo->find(key))) {
        ctx.recorder->replay(hit->answers);
        return hit->evaluation;
    }
    const qsizetype before = ctx.recorder->transcript().size();
    Evaluation e = evaluate(author, in, ctx.dns, method, ctx.cancelled, false, false);
    auto m = std::make_shared<Memoized>();
    m->answers = ctx.recorder->transcript().mid(before);
    for (const dns::Answer& a : m->answers) {
        if (a.outcome == dns::Outcome::Cancelled || a.outcome == dns::Outcome::Timeout)
            return e;
    }
    if (ctx.isCancelled())
        return e;
    m->evaluation = e;
    const qint64 cost = memoCost(*m);
    ctx.memo->insert(key, std::move(m), cost);
    return e;
}

} // namespace

CheckResult check(const CheckContext& ctx)
{
    CheckResult res;
    res.name = QStringLiteral("dmarc");
    const Discovery::Method method
        = ctx.options.dmarcDiscovery == VerifyOptions::DmarcDiscovery::TreeWalk
        ? Discovery::Method::TreeWalk
        : Discovery::Method::Psl;
    const bool explain = !ctx.options.summaryOnly;
    AuthorDomain a = authorDomain(ctx.message, explain);
    DmarcOutcome out;
    if (a.problem != AuthorDomain::Problem::None) {
        res.status = Status::PermError;
        res.summary = tr("permerror: %1").arg(a.step.title);
        res.step = Step(QStringLiteral("dmarc"), Status::PermError,
            QStringLiteral("DMARC: %1").arg(res.summary), a.step.detail,
            QStringLiteral("RFC 9989 5.3.1"));
        if (explain)
            res.step.add(a.step);
        json::ObjectWriter j;
        j.string(QLatin1StringView("result"), statusName(Status::PermError));
        j.member(QLatin1StringView("from_domain")) += "null";
        j.member(QLatin1StringView("policy")) += "null";
        j.string(QLatin1StringView("disposition"), u"none");
        j.raw(QLatin1StringView("alignment"), "[]");
        {
            json::ObjectWriter disc;
            disc.string(QLatin1StringView("method"), methodName(method));
            disc.writeTo(j.member(QLatin1StringView("discovery")));
        }
        j.string(QLatin1StringView("reason"), res.summary);
        res.jsonText = j.toByteArray();
        if (!ctx.options.summaryOnly)
            res.json = QJsonDocument::fromJson(res.jsonText).object();
        out.status = Status::PermError;
        out.reason = res.summary;
        res.outcomes.dmarc = out;
        return res;
    }
    Evaluation e = evaluateOnce(ctx, a.domain, inputsFor(ctx), method, explain);
    Step root = std::move(e.step);
    if (explain)
        root.children.insert(root.children.begin(), a.step);
    // Members the ARC override adds (rare): merged into the evaluation's JSON afterwards.
    QJsonObject extra;
    out.status = e.result;
    out.fromDomain = a.domain;
    out.policyDomain = e.discovery.policyDomain;
    out.policy = e.policy ? policyName(*e.policy) : QString();
    out.policyTag = e.policyTag;
    out.disposition = policyName(e.disposition);
    out.reason = e.reason;
    arcOverride(ctx, e, root, extra, out, explain);
    res.status = e.result;
    res.summary = e.reason;
    res.step = std::move(root);
    if (extra.isEmpty()) {
        res.jsonText = e.jsonText;
        if (!ctx.options.summaryOnly)
            res.json = e.json;
    } else {
        QJsonObject json = QJsonDocument::fromJson(e.jsonText).object();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            json.insert(it.key(), it.value());
        res.jsonText = QJsonDocument(json).toJson(QJsonDocument::Compact);
        if (!ctx.options.summaryOnly)
            res.json = json;
    }
    res.sources = e.sources;
    res.outcomes.dmarc = out;
    return res;
}

} // namespace ms::dmarc
