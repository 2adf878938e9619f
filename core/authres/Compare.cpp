#include "authres/Compare.h"

#include "tls/Tls.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace ms::authres {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("AuthresCompare", text, disambiguation, n);
}

constexpr int kMaxFields = 100; // A-R fields examined (hostile messages carry thousands)

bool sameHost(const QString& a, const QString& b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

QString hopLabel(const ReceivedHop& h)
{
    QString s = h.by.isEmpty() ? tr("(unnamed host)") : h.by;
    if (!h.fromHelo.isEmpty() || !h.fromIp.isEmpty())
        s += tr(" from %1").arg(tls::hopClient(h));
    return s;
}

struct Field {
    const HeaderField* header = nullptr;
    AuthResult parsed;
    Attribution attribution;
    bool trusted = false;
};

Status thenStatus(const MethodResult& m)
{
    return m.status.value_or(Status::Neutral);
}

// What a DKIM reason code (the dkim check's stable codes) most likely means when the
// receiver saw a pass.
void explainDkim(const DkimSignatureOutcome& now, Comparison& c)
{
    const QString r = now.reason;
    static const QStringList headerCodes
        = { QStringLiteral("header-modified"), QStringLiteral("from-rewritten"),
              QStringLiteral("subject-tag"), QStringLiteral("instance-added") };
    static const QStringList bodyCodes
        = { QStringLiteral("crlf-as-lf"), QStringLiteral("dot-stuffing"),
              QStringLiteral("final-newline-added"), QStringLiteral("final-newline-removed"),
              QStringLiteral("trailing-whitespace"), QStringLiteral("whitespace-changed"),
              QStringLiteral("original-line-ends"), QStringLiteral("other-canonicalization") };
    const QString what = now.finding.isEmpty() ? r : now.finding;
    if (r == QLatin1String("key-not-found") || r == QLatin1String("key-revoked")) {
        c.reasonCode = QStringLiteral("key-removed");
        c.reason = tr("The DKIM key %1._domainkey.%2 was removed or revoked since delivery: the "
                      "receiver found it, DNS no longer has it. Senders rotate keys and delete "
                      "old ones; the message was fine when it arrived (RFC 6376 3.6.2).")
                       .arg(now.selector, now.domain);
    } else if (r.startsWith(QLatin1String("key-"))) {
        c.reasonCode = QStringLiteral("key-changed");
        c.reason = tr("The DKIM key record of %1._domainkey.%2 changed since delivery (%3): the "
                      "key published now is not the one the message was signed with.")
                       .arg(now.selector, now.domain, r);
    } else if (r == QLatin1String("signature-expired")
        || r == QLatin1String("signature-in-future")) {
        c.reasonCode = QStringLiteral("evaluation-time");
        c.reason = tr("Evaluation time: the signature's x= expiry has passed since delivery "
                      "(RFC 6376 3.5). Evaluate at the message date to compare like for like.");
    } else if (r == QLatin1String("dns-temporary") || now.status == Status::TempError) {
        c.reasonCode = QStringLiteral("dns-unavailable");
        c.reason = tr("DNS does not answer now (temporary error); the receiver could look the "
                      "key up at delivery.");
    } else if (r.startsWith(QLatin1String("body")) || bodyCodes.contains(r)) {
        c.reasonCode = QStringLiteral("body-modified");
        c.reason = tr("The message body was modified after delivery (%1) - by a mail client, "
                      "an archive, a gateway or a forward: the body hash no longer matches "
                      "what the receiver verified (RFC 6376 3.7).")
                       .arg(what);
    } else if (headerCodes.contains(r)) {
        c.reasonCode = QStringLiteral("header-modified");
        c.reason = tr("Signed header fields were modified after delivery (%1), e.g. by a mail "
                      "client or a gateway tagging the Subject (RFC 6376 3.7).")
                       .arg(what);
    } else {
        c.reasonCode = QStringLiteral("changed-since-delivery");
        c.reason = tr("Something changed since delivery: the message or the key (%1).")
                       .arg(r.isEmpty() ? statusName(now.status) : what);
    }
}

} // namespace

Attribution attribute(const Message& message, int fieldIndex, const QString& authservId)
{
    Attribution a;
    const QList<ReceivedHop>& hops = message.hops();
    // authserv-id naming a hop's receiving host exactly: that host wrote the field.
    if (!authservId.isEmpty()) {
        for (int i = 0; i < hops.size(); ++i) {
            if (sameHost(hops[i].by, authservId)) {
                a.hopIndex = i;
                a.rule = QStringLiteral("authserv-id-matches-by");
                a.why = tr("The authserv-id %1 is the \"by\" host of Received hop #%2.")
                            .arg(authservId)
                            .arg(i + 1);
                return a;
            }
        }
    }
    int best = -1;
    for (int i = 0; i < hops.size(); ++i) {
        if (hops[i].fieldIndex > fieldIndex
            && (best < 0 || hops[i].fieldIndex < hops[best].fieldIndex))
            best = i;
    }
    if (best >= 0) {
        a.hopIndex = best;
        a.rule = QStringLiteral("received-below");
        a.why = tr("The nearest Received field below it is hop #%1 (%2): an MTA prepends its "
                   "Authentication-Results next to the Received field of the same delivery, "
                   "so this field was added when %3 received the message.")
                    .arg(best + 1)
                    .arg(hopLabel(hops[best]),
                        hops[best].by.isEmpty() ? tr("that host") : hops[best].by);
        return a;
    }
    a.rule = QStringLiteral("no-received");
    a.why = tr("No Received field below it: it was added before any relay recorded the "
               "message - by the sender's own system, or forged by the sender (RFC 8601 7.2).");
    return a;
}

TrustDecision trustedIds(const Message& message, const QStringList& configured)
{
    TrustDecision t;
    if (!configured.isEmpty()) {
        for (const QString& id : configured)
            t.ids.append(id.trimmed().toLower());
        t.configured = true;
        t.why = tr("Trusted authserv-ids from the settings: %1.")
                    .arg(t.ids.join(QStringLiteral(", ")));
        return t;
    }
    const HeaderField* top = message.first("Authentication-Results");
    if (!top) {
        t.why = tr("No Authentication-Results field, so none to trust.");
        return t;
    }
    const AuthResult r = parse(*top);
    if (r.authservId.isEmpty()) {
        t.why = tr("The topmost Authentication-Results field has no authserv-id; nothing is "
                   "trusted until you name the ids in the settings.");
        return t;
    }
    t.ids.append(r.authservId.toLower());
    t.why = tr("No trusted authserv-ids are set, so Mailscope trusts %1: the authserv-id of "
               "the topmost Authentication-Results field, added last, by the system that "
               "delivered the message to you. Fields further down were added earlier by other "
               "systems, or written by the sender, and prove nothing (RFC 8601 5, 7.2). Set "
               "your own receivers' ids to be sure.")
                .arg(r.authservId);
    return t;
}

CheckResult check(const CheckContext& ctx)
{
    CheckResult res = beginCheck(QStringLiteral("authres"), tr("Authentication-Results"),
        tr("What the receiving systems recorded at delivery, compared with what "
           "Mailscope computes now."),
        QStringLiteral("RFC 8601"));
    const Message& m = ctx.message;
    const QList<ReceivedHop>& hops = m.hops();
    const TrustDecision trust = trustedIds(m, ctx.options.trustedAuthservIds);

    Step trustStep(QStringLiteral("authres.trust"), Status::Info,
        trust.ids.isEmpty() ? tr("No trusted authserv-id")
                            : tr("Trusted: %1").arg(trust.ids.join(QStringLiteral(", "))),
        trust.why, QStringLiteral("RFC 8601 5"));

    QList<Field> fields;
    QJsonArray fieldsJson;
    Step fieldsStep(QStringLiteral("authres.fields"), Status::Info, QString(),
        tr("Each field, the hop that added it, and whether its authserv-id is "
           "trusted."),
        QStringLiteral("RFC 8601 2.2"));
    for (const HeaderField* h : m.fields("Authentication-Results")) {
        if (fields.size() >= kMaxFields) {
            fieldsStep.add(Step(QStringLiteral("authres.limit"), Status::Warning,
                tr("More than %1 fields: the rest are ignored").arg(kMaxFields)));
            break;
        }
        Field f;
        f.header = h;
        f.parsed = parse(*h);
        f.attribution = attribute(m, h->index, f.parsed.authservId);
        f.trusted
            = !f.parsed.authservId.isEmpty() && trust.ids.contains(f.parsed.authservId.toLower());
        Step s = toStep(f.parsed,
            tr("%1 (%2)").arg(
                f.parsed.authservId.isEmpty() ? tr("no authserv-id") : f.parsed.authservId,
                f.trusted ? tr("trusted") : tr("not trusted")));
        s.spans.prepend(Span { QStringLiteral("message"), h->offset, h->raw.size() });
        s.addFact(tr("Added at"),
            f.attribution.hopIndex >= 0 ? tr("hop #%1: %2")
                                              .arg(f.attribution.hopIndex + 1)
                                              .arg(hopLabel(hops[f.attribution.hopIndex]))
                                        : tr("before any Received hop"));
        Step why(QStringLiteral("authres.attribution"), Status::Info, tr("Which hop added it"),
            f.attribution.why);
        if (f.attribution.hopIndex >= 0)
            why.spans = hops[f.attribution.hopIndex].spans.mid(0, 1);
        s.children.insert(s.children.begin(), std::move(why));
        if (!f.trusted)
            s.status = Status::Info;
        QJsonObject fj { { QStringLiteral("fieldIndex"), h->index },
            { QStringLiteral("authservId"), f.parsed.authservId },
            { QStringLiteral("trusted"), f.trusted },
            { QStringLiteral("hop"),
                f.attribution.hopIndex >= 0 ? QJsonValue(f.attribution.hopIndex + 1)
                                            : QJsonValue::Null },
            { QStringLiteral("hopRule"), f.attribution.rule } };
        if (f.attribution.hopIndex >= 0)
            fj.insert(QStringLiteral("hopBy"), hops[f.attribution.hopIndex].by);
        QJsonArray rj;
        for (const MethodResult& mr : f.parsed.results) {
            QJsonObject one { { QStringLiteral("method"), mr.method },
                { QStringLiteral("result"), mr.result } };
            if (mr.hasReason)
                one.insert(QStringLiteral("reason"), mr.reason);
            QJsonObject props;
            for (const Property& p : mr.properties)
                props.insert(p.key(), p.value);
            one.insert(QStringLiteral("properties"), props);
            rj.append(one);
        }
        fj.insert(QStringLiteral("results"), rj);
        fieldsJson.append(fj);
        fieldsStep.add(std::move(s));
        fields.append(std::move(f));
    }
    fieldsStep.title = tr("%n Authentication-Results field(s)", nullptr, int(fields.size()));

    // The receiver's view: the topmost trusted field (added last).
    const Field* receiver = nullptr;
    for (const Field& f : fields) {
        if (f.trusted) {
            receiver = &f;
            break;
        }
    }

    // A field with the trusted id below an Internet-facing hop under the receiver's own one
    // came from outside: the receiver should have removed it (RFC 8601 5), so it may be
    // forged. It is shown, never believed.
    if (receiver) {
        const int receiverHop = receiver->attribution.hopIndex;
        const QList<tls::HopFacts> facts = tls::hopFacts(m, int(hops.size()));
        for (qsizetype fi = 0; fi < fields.size(); ++fi) {
            Field& f = fields[fi];
            if (&f == receiver || !f.trusted)
                continue;
            const int last
                = f.attribution.hopIndex < 0 ? int(hops.size()) - 1 : f.attribution.hopIndex;
            bool crossedInternet = false;
            for (int h = std::max(0, receiverHop); h <= last && h < facts.size(); ++h)
                crossedInternet = crossedInternet || !facts[h].internal;
            if (!crossedInternet || (receiverHop >= 0 && f.attribution.hopIndex == receiverHop))
                continue;
            f.trusted = false;
            Step& fs = fieldsStep.children[size_t(fi)];
            fs.status = Status::Warning;
            fs.add(Step(QStringLiteral("authres.forged"), Status::Warning,
                tr("Same authserv-id as the receiver, but added before the message "
                   "crossed the Internet"),
                tr("The receiver must remove fields carrying its own authserv-id from "
                   "incoming mail (RFC 8601 5); this one came from outside and may "
                   "have been written by the sender. It is not believed."),
                QStringLiteral("RFC 8601 5")));
            fieldsJson[fi] = [&] {
                QJsonObject o = fieldsJson[fi].toObject();
                o.insert(QStringLiteral("trusted"), false);
                o.insert(QStringLiteral("suspectedForgery"), true);
                return o;
            }();
        }
    }

    QList<Comparison> rows;
    const Outcomes* now = ctx.earlier;
    if (receiver) {
        const AuthResult& ar = receiver->parsed;
        // spf
        if (const MethodResult* mr = ar.first(u"spf")) {
            Comparison c;
            c.method = QStringLiteral("spf");
            c.receiverResult = mr->result;
            c.authservId = ar.authservId;
            c.subject = mr->property(u"smtp.mailfrom");
            if (c.subject.isEmpty())
                c.subject = mr->property(u"smtp.helo");
            if (now && now->spf) {
                c.nowStatus = now->spf->status;
                c.nowDetail = now->spf->reason;
                c.agree = thenStatus(*mr) == now->spf->status;
                if (!c.agree) {
                    QString thenDomain = c.subject.section(QLatin1Char('@'), -1).toLower();
                    if (!thenDomain.isEmpty() && !now->spf->domain.isEmpty()
                        && thenDomain != now->spf->domain.toLower()) {
                        c.reasonCode = QStringLiteral("different-identity");
                        c.reason = tr("Different identity: the receiver checked %1, Mailscope "
                                      "checked %2 (from its envelope guess - set MAIL FROM "
                                      "to compare like for like).")
                                       .arg(thenDomain, now->spf->domain);
                    } else if (now->spf->status == Status::TempError) {
                        c.reasonCode = QStringLiteral("dns-unavailable");
                        c.reason = tr("DNS does not answer now (temporary error).");
                    } else {
                        c.reasonCode = QStringLiteral("dns-changed");
                        c.reason = tr("The SPF record of %1 or the client address differ from "
                                      "delivery: the record was edited since (DNS changed), or "
                                      "Mailscope's guessed client IP %2 is not the one the "
                                      "receiver saw (RFC 7208 2.4).")
                                       .arg(now->spf->domain, now->spf->clientIp);
                    }
                }
            }
            rows.append(c);
        }
        // dkim: one row per receiver result, matched by d= (and s=) to the signature now.
        for (const MethodResult* mr : ar.byMethod(u"dkim")) {
            Comparison c;
            c.method = QStringLiteral("dkim");
            c.receiverResult = mr->result;
            c.authservId = ar.authservId;
            const QString d = mr->property(u"header.d").toLower();
            const QString i = mr->property(u"header.i").toLower();
            const QString sel = mr->property(u"header.s").toLower();
            c.subject = d.isEmpty() ? i.section(QLatin1Char('@'), -1) : d;
            if (!sel.isEmpty())
                c.subject = sel + QStringLiteral("._domainkey.") + c.subject;
            if (now) {
                const DkimSignatureOutcome* match = nullptr;
                for (const DkimSignatureOutcome& o : now->dkim) {
                    const bool domainOk = !d.isEmpty()
                        ? o.domain.toLower() == d
                        : (!i.isEmpty()
                            && o.identity.toLower().endsWith(i.section(QLatin1Char('@'), -1)));
                    if (domainOk && (sel.isEmpty() || o.selector.toLower() == sel)) {
                        match = &o;
                        if (o.status == thenStatus(*mr))
                            break; // several signatures of one domain: prefer the agreeing one
                    }
                }
                if (match) {
                    c.nowStatus = match->status;
                    c.nowDetail = match->reason;
                    c.agree = thenStatus(*mr) == match->status;
                    if (!c.agree && thenStatus(*mr) == Status::Pass)
                        explainDkim(*match, c);
                    else if (!c.agree) {
                        c.reasonCode = QStringLiteral("receiver-differed");
                        c.reason = tr("The receiver did not get a pass but Mailscope does now: "
                                      "the key was published or fixed after delivery, or the "
                                      "receiver's DNS failed at the time.");
                    }
                } else if (!now->dkim.isEmpty() || d.isEmpty()) {
                    c.reasonCode = QStringLiteral("signature-gone");
                    c.reason = tr("Mailscope finds no DKIM-Signature for %1 now: the signature "
                                  "field was removed after delivery.")
                                   .arg(c.subject);
                    c.nowStatus = Status::None;
                } else {
                    c.nowStatus = Status::None;
                    c.reasonCode = QStringLiteral("signature-gone");
                    c.reason = tr("The message has no DKIM-Signature now: it was removed after "
                                  "delivery (a gateway or client stripped it).");
                }
            }
            rows.append(c);
        }
        // dmarc
        if (const MethodResult* mr = ar.first(u"dmarc")) {
            Comparison c;
            c.method = QStringLiteral("dmarc");
            c.receiverResult = mr->result;
            c.authservId = ar.authservId;
            c.subject = mr->property(u"header.from");
            if (now && now->dmarc) {
                c.nowStatus = now->dmarc->status;
                c.nowDetail = now->dmarc->reason;
                c.agree = thenStatus(*mr) == now->dmarc->status;
            }
            rows.append(c);
        }
        // arc
        if (const MethodResult* mr = ar.first(u"arc")) {
            Comparison c;
            c.method = QStringLiteral("arc");
            c.receiverResult = mr->result;
            c.authservId = ar.authservId;
            if (now && now->arc) {
                c.nowStatus = now->arc->status;
                c.nowDetail = now->arc->reason;
                c.agree = thenStatus(*mr) == now->arc->status;
                if (!c.agree) {
                    c.reasonCode = QStringLiteral("arc-changed");
                    c.reason = tr("The ARC chain now has %n set(s); sets added after this "
                                  "receiver (it may have sealed the message itself), a removed "
                                  "key or a modified message change the verdict (RFC 8617 5.2).",
                        nullptr, now->arc->instances);
                }
            }
            rows.append(c);
        }
        // DMARC follows SPF and DKIM: say so rather than guess separately.
        bool upstreamDiffers = false;
        for (const Comparison& c : rows) {
            if ((c.method == QLatin1String("spf") || c.method == QLatin1String("dkim"))
                && c.nowStatus && !c.agree)
                upstreamDiffers = true;
        }
        for (Comparison& c : rows) {
            if (c.method != QLatin1String("dmarc") || c.agree || !c.nowStatus)
                continue;
            if (upstreamDiffers) {
                c.reasonCode = QStringLiteral("follows-spf-dkim");
                c.reason = tr("Follows from the SPF/DKIM differences above: DMARC passes only "
                              "with an aligned SPF or DKIM pass (RFC 7489 3.1).");
            } else {
                c.reasonCode = QStringLiteral("policy-changed");
                c.reason = tr("The DMARC record of %1 changed since delivery (DNS changed), or "
                              "the receiver applied a local override.")
                               .arg(c.subject);
            }
        }
    }

    // The table.
    Step table(QStringLiteral("authres.compare"), Status::Info, QString(),
        tr("Per method: what the trusted receiver recorded at delivery, and what "
           "Mailscope computes now, with the likely reason when they differ."),
        QStringLiteral("RFC 8601 2.7"));
    QJsonArray rowsJson;
    int differ = 0, compared = 0;
    const Comparison* firstDiff = nullptr;
    for (const Comparison& c : rows) {
        const QString nowText = c.nowStatus ? statusName(*c.nowStatus) : tr("not computed");
        Step row(QStringLiteral("authres.row"),
            !c.nowStatus ? Status::Info : (c.agree ? Status::Pass : Status::Warning),
            tr("%1%2: receiver %3, now %4")
                .arg(c.method,
                    c.subject.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.subject),
                    c.receiverResult, nowText),
            c.agree ? tr("Same result as at delivery.") : c.reason);
        row.addFact(tr("Receiver (%1)").arg(c.authservId), c.receiverResult);
        row.addFact(tr("Mailscope now"), nowText);
        if (!c.nowDetail.isEmpty())
            row.addFact(tr("Now, reason"), c.nowDetail);
        if (receiver) {
            for (const MethodResult* mr : receiver->parsed.byMethod(c.method)) {
                if (mr->result == c.receiverResult) {
                    row.spans.append(mr->span);
                    break;
                }
            }
        }
        table.add(std::move(row));
        if (c.nowStatus) {
            ++compared;
            if (!c.agree) {
                ++differ;
                if (!firstDiff)
                    firstDiff = &c;
            }
        }
        QJsonObject rj { { QStringLiteral("method"), c.method },
            { QStringLiteral("subject"), c.subject },
            { QStringLiteral("authservId"), c.authservId },
            { QStringLiteral("receiver"), c.receiverResult },
            { QStringLiteral("now"),
                c.nowStatus ? QJsonValue(statusName(*c.nowStatus)) : QJsonValue::Null },
            { QStringLiteral("agree"), c.agree } };
        if (!c.agree && c.nowStatus) {
            rj.insert(QStringLiteral("likelyReasonCode"), c.reasonCode);
            rj.insert(QStringLiteral("likelyReason"), c.reason);
        }
        rowsJson.append(rj);
    }
    table.title = tr("%n method(s) compared", nullptr, compared);

    // Summary: plain words, the disagreement first.
    if (fields.isEmpty()) {
        res.status = Status::None;
        res.summary = tr("none: no Authentication-Results field to compare with");
    } else if (!receiver) {
        res.status = Status::Info;
        res.summary = tr("info: %n Authentication-Results field(s), none from a trusted "
                         "authserv-id",
            nullptr, int(fields.size()));
    } else if (differ > 0) {
        res.status = Status::Warning;
        res.summary
            = tr("differs: %1 said %2=%3 at delivery, Mailscope says %4 now - %5")
                  .arg(receiver->parsed.authservId, firstDiff->method, firstDiff->receiverResult,
                      statusName(*firstDiff->nowStatus), firstDiff->reason);
        if (differ > 1)
            res.summary += tr(" (and %n more difference(s))", nullptr, differ - 1);
    } else if (compared > 0) {
        res.status = Status::Pass;
        res.summary = tr("agrees: %1 recorded the same results at delivery as Mailscope "
                         "computes now (%n method(s))",
            nullptr, compared)
                          .arg(receiver->parsed.authservId);
    } else {
        res.status = Status::Info;
        res.summary = tr("info: %1 recorded results, but Mailscope computed none of those "
                         "methods to compare")
                          .arg(receiver->parsed.authservId);
    }
    res.step.title = tr("Receiver vs now: %1").arg(res.summary);
    res.step.status = res.status;
    res.step.add(std::move(table));
    res.step.add(std::move(trustStep));
    res.step.add(std::move(fieldsStep));
    res.json = QJsonObject { { QStringLiteral("result"), statusName(res.status) },
        { QStringLiteral("status"), statusName(res.status) },
        { QStringLiteral("summary"), res.summary },
        { QStringLiteral("trustedAuthservIds"), QJsonArray::fromStringList(trust.ids) },
        { QStringLiteral("trustConfigured"), trust.configured },
        { QStringLiteral("trustRule"), trust.why },
        { QStringLiteral("receiver"),
            receiver ? QJsonValue(receiver->parsed.authservId) : QJsonValue::Null },
        { QStringLiteral("fields"), fieldsJson }, { QStringLiteral("comparison"), rowsJson } };
    return res;
}

} // namespace ms::authres
