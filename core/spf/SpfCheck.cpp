#include "spf/Spf.h"
#include "trace/JsonText.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ms::spf {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::spf::Check", text);
}

// One envelope value as a step: what it is, where it came from, or what to enter.
Step envelopeStep(const QString& what, const EnvelopeValue& v, const QString& flag)
{
    Step s(QStringLiteral("spf.envelope.value"), Status::Info, {}, {},
        QStringLiteral("RFC 7208 2.3, 2.4"));
    s.spans = v.spans;
    if (v.isEmpty()) {
        s.status = Status::Warning;
        s.title = tr("%1: not found").arg(what);
        s.detail = tr("The message does not say what it was. Enter it with %1 (CLI) or in the "
                      "envelope panel (GUI).")
                       .arg(flag);
        if (!v.reason.isEmpty())
            s.detail = v.reason + QLatin1Char(' ') + s.detail;
        return s;
    }
    s.title = tr("%1: %2").arg(what, v.value);
    s.detail = v.overridden ? tr("Given by the user.") : v.reason;
    s.addFact(tr("value"), v.value);
    s.addFact(tr("source"), v.overridden ? tr("user override") : tr("guessed from the message"));
    return s;
}

// The check's JSON is written directly as text (trace/JsonText.h), members in the order
// QJsonObject keeps them (sorted keys): building a QJsonObject member by member cost more
// than evaluating SPF. Full runs parse the text into `json`.
void writeStrings(QByteArray& out, const QStringList& list);

// Where the check's top-level members go into an evaluation's object: after "domain"
// ("evaluated"), after "helo" ("helo_check") and after "mail_from" ("mailfrom_check",
// "missing"), so the keys stay in QJsonObject's sorted order. Offsets from the '{'.
struct Cuts {
    qsizetype afterDomain = 0, afterHelo = 0, afterMailFrom = 0;
};

// One evaluation as an object; `cuts` (if given) receives its insertion points.
void writeEvaluation(QByteArray& out, const SpfEvaluation& e, Cuts* cuts = nullptr)
{
    const qsizetype start = out.size();
    json::put(out, "{\"client_ip\":");
    json::writeString(out, e.clientIp);
    json::put(out, ",\"counters\":{\"dns_terms\":");
    json::writeInteger(out, e.counters.dnsTerms);
    json::put(out, ",\"max_mx_names\":");
    json::writeInteger(out, e.counters.maxMxNames);
    json::put(out, ",\"max_ptr_names\":");
    json::writeInteger(out, e.counters.maxPtrNames);
    json::put(out, ",\"queries\":");
    json::writeInteger(out, e.counters.queries);
    json::put(out, ",\"void_lookups\":");
    json::writeInteger(out, e.counters.voidLookups);
    json::put(out, "},\"domain\":");
    json::writeString(out, e.domain);
    if (cuts)
        cuts->afterDomain = out.size() - start;
    json::putKey(out, "explanation");
    json::writeString(out, e.explanation);
    json::putKey(out, "helo");
    json::writeString(out, e.helo);
    if (cuts)
        cuts->afterHelo = out.size() - start;
    json::putKey(out, "identity");
    json::writeString(out, e.identity);
    json::putKey(out, "mail_from");
    json::writeString(out, e.mailFrom);
    if (cuts)
        cuts->afterMailFrom = out.size() - start;
    if (!e.inputProblem.isEmpty()) {
        json::putKey(out, "problem");
        json::writeString(out, e.inputProblem);
    }
    json::putKey(out, "reason");
    json::writeString(out, e.reason);
    json::putKey(out, "result");
    json::writeString(out, statusName(e.result));
    json::putKey(out, "sender");
    json::writeString(out, e.sender);
    json::put(out, '}');
}

void writeStrings(QByteArray& out, const QStringList& list);

// The check's top-level object: the main evaluation's object (already written, with its
// cuts) with the flag, both checks and what is missing spliced in, instead of encoding the
// main evaluation a second time.
QByteArray topLevelJson(QByteArrayView main, const Cuts& cuts, QByteArrayView heloCheck,
    QByteArrayView mailFromCheck, const QStringList& missing)
{
    QByteArray out;
    out.reserve(main.size() + heloCheck.size() + mailFromCheck.size() + 256);
    out += main.first(cuts.afterDomain);
    json::putKey(out, "evaluated");
    json::put(out, "true");
    out += main.sliced(cuts.afterDomain, cuts.afterHelo - cuts.afterDomain);
    if (!heloCheck.isEmpty()) {
        json::putKey(out, "helo_check");
        out += heloCheck;
    }
    out += main.sliced(cuts.afterHelo, cuts.afterMailFrom - cuts.afterHelo);
    if (!mailFromCheck.isEmpty()) {
        json::putKey(out, "mailfrom_check");
        out += mailFromCheck;
    }
    if (!missing.isEmpty()) {
        json::putKey(out, "missing");
        writeStrings(out, missing);
    }
    out += main.sliced(cuts.afterMailFrom);
    return out;
}

QByteArray evaluationJson(const SpfEvaluation& e, Cuts* cuts)
{
    QByteArray out;
    out.reserve(512 + e.reason.size() + e.explanation.size());
    writeEvaluation(out, e, cuts);
    return out;
}

void writeStrings(QByteArray& out, const QStringList& list)
{
    json::put(out, '[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            json::put(out, ',');
        json::writeString(out, list.at(i));
    }
    json::put(out, ']');
}

// Sets jsonText and, unless the run is summary-only, json.
void setJson(CheckResult& res, QByteArray text, const CheckContext& ctx)
{
    res.jsonText = std::move(text);
    if (!ctx.options.summaryOnly)
        res.json = QJsonDocument::fromJson(res.jsonText).object();
}

SpfOutcome outcomeOf(const SpfEvaluation& e)
{
    SpfOutcome o;
    o.status = e.result;
    o.identity = e.identity;
    o.domain = e.domain;
    o.clientIp = e.clientIp;
    o.reason = e.reason;
    return o;
}

} // namespace

CheckResult check(const CheckContext& ctx)
{
    CheckResult res;
    res.name = QStringLiteral("spf");
    res.step = Step(QStringLiteral("spf"), Status::None, tr("SPF"), {}, QStringLiteral("RFC 7208"));
    Step& root = res.step;

    // Summary-only runs build the root step only (title, status, detail): the same result,
    // summary, JSON and outcomes, none of the sub-steps.
    const bool explain = !ctx.options.summaryOnly;
    const Envelope& env = ctx.envelope;
    if (explain) {
        Step& envStep
            = root.add(Step(QStringLiteral("spf.envelope"), Status::Info, tr("SMTP envelope"),
                tr("SPF judges the SMTP session, not the message: the client "
                   "address, the HELO name and the MAIL FROM address. A saved "
                   "message does not carry them; they are guessed from the "
                   "receiving Received hop, Return-Path, Received-SPF and "
                   "Authentication-Results, and each can be overridden."),
                QStringLiteral("RFC 7208 2.3, 2.4")));
        envStep.add(envelopeStep(tr("client IP"), env.clientIp, QStringLiteral("--ip")));
        envStep.add(envelopeStep(tr("HELO"), env.helo, QStringLiteral("--helo")));
        envStep.add(envelopeStep(tr("MAIL FROM"), env.mailFrom, QStringLiteral("--mail-from")));
    }

    QStringList missing;
    if (env.clientIp.isEmpty())
        missing << tr("client IP (--ip)");
    if (env.helo.isEmpty())
        missing << tr("HELO name (--helo)");
    if (env.mailFrom.isEmpty())
        missing << tr("MAIL FROM (--mail-from; \"<>\" for a bounce)");

    QString mf = env.mailFrom.value.trimmed();
    const bool nullPath = mf == QLatin1String("<>");
    const bool haveMailFrom = !env.mailFrom.isEmpty() && (!nullPath || !env.helo.isEmpty());
    const bool haveHelo = !env.helo.isEmpty();

    if (env.clientIp.isEmpty() || (!haveMailFrom && !haveHelo)) {
        const QString what
            = tr("SPF was not evaluated: %1 unknown. Enter %2 (CLI flags, or the "
                 "envelope panel in the GUI).")
                  .arg(missing.join(tr(", ")),
                      env.clientIp.isEmpty() ? tr("the client IP and the HELO name or MAIL FROM")
                                             : tr("the HELO name or MAIL FROM"));
        root.status = Status::None;
        root.title = tr("SPF: not evaluated (envelope incomplete)");
        root.detail = what;
        res.status = Status::None;
        res.summary = what;
        QByteArray json = "{\"evaluated\":false,\"missing\":";
        writeStrings(json, missing);
        json::put(json, ",\"problem\":");
        json::writeString(json, what);
        json::put(json, ",\"result\":\"none\"}");
        setJson(res, std::move(json), ctx);
        return res;
    }

    SpfRequest base;
    base.ip = env.clientIp.value;
    base.helo = env.helo.value;
    base.mailFrom = nullPath ? QString() : mf;
    base.now = ctx.evaluationTime;
    base.cancelled = ctx.cancelled;
    base.timeBudgetMs = std::min(20000, ctx.options.timeBudgetMs);
    base.explain = explain;
    base.memo = ctx.memo;

    std::optional<SpfEvaluation> mailEval, heloEval;
    int nextSource = 1;
    if (haveMailFrom) {
        SpfRequest r = base;
        r.firstSourceIndex = nextSource;
        mailEval = evaluate(r, ctx.dns);
        nextSource += int(mailEval->sources.size());
        res.sources += mailEval->sources;
    } else if (explain) {
        root.add(Step(QStringLiteral("spf.identity.missing"), Status::Warning,
            tr("MAIL FROM identity: not evaluated, MAIL FROM unknown"),
            tr("Enter the envelope sender with --mail-from (\"<>\" for a bounce) or in "
               "the envelope panel."),
            QStringLiteral("RFC 7208 2.4")));
    }
    if (mailEval && explain)
        root.add(mailEval->step);
    if (haveHelo) {
        SpfRequest r = base;
        r.identity = SpfRequest::Identity::Helo;
        r.firstSourceIndex = nextSource;
        heloEval = evaluate(r, ctx.dns);
        res.sources += heloEval->sources;
        if (explain)
            root.add(heloEval->step);
    } else if (explain) {
        root.add(Step(QStringLiteral("spf.identity.missing"), Status::Warning,
            tr("HELO identity: not evaluated, HELO name unknown"),
            tr("Enter the HELO/EHLO name with --helo or in the envelope panel."),
            QStringLiteral("RFC 7208 2.3")));
    }

    const SpfEvaluation& main = mailEval ? *mailEval : *heloEval;
    res.status = main.result;
    root.status = main.result;
    root.title = fill(tr("SPF %1 for %2 (%3)"),
        { statusName(main.result), main.domain,
            main.identity == QLatin1String("helo") ? tr("HELO identity")
                                                   : tr("MAIL FROM identity") });
    root.detail = main.reason;
    res.summary = fill(tr("%1: %2"), { statusName(main.result), main.reason });
    if (nullPath && mailEval)
        res.summary
            += QLatin1Char(' ') + tr("(null MAIL FROM: checked as postmaster@%1)").arg(main.domain);

    // The top level is the main evaluation's object with the flag, both checks and what is
    // missing among its members. The envelope is the report's own member (schema /2).
    Cuts mailCuts, heloCuts;
    const QByteArray mailJson = mailEval ? evaluationJson(*mailEval, &mailCuts) : QByteArray();
    const QByteArray heloJson = heloEval ? evaluationJson(*heloEval, &heloCuts) : QByteArray();
    QByteArray json = mailEval ? topLevelJson(mailJson, mailCuts, heloJson, mailJson, missing)
                               : topLevelJson(heloJson, heloCuts, heloJson, {}, missing);
    setJson(res, std::move(json), ctx);

    if (mailEval)
        res.outcomes.spf = outcomeOf(*mailEval);
    else if (heloEval)
        res.outcomes.spf = outcomeOf(*heloEval);
    if (heloEval)
        res.outcomes.spfHelo = outcomeOf(*heloEval);
    return res;
}

} // namespace ms::spf
