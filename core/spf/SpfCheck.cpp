#include "spf/Spf.h"
#include "trace/JsonText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ms::spf {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ms::spf::Check", text);
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

// The check's JSON is written directly as text (trace/JsonText.h): building a QJsonObject
// member by member cost more than evaluating SPF. Full runs parse the text into `json`.
void writeEnvelopeValue(QByteArray& out, const EnvelopeValue& v)
{
    json::ObjectWriter o;
    o.string(QLatin1StringView("value"), v.value);
    o.string(QLatin1StringView("reason"), v.reason);
    o.boolean(QLatin1StringView("overridden"), v.overridden);
    o.writeTo(out);
}

// The evaluation's members into `o` and, when `copy` is given, the same bytes into `copy`
// as well (the top-level object repeats the main evaluation's members; escaped once).
void writeEvaluation(
    json::ObjectWriter& o, const SpfEvaluation& e, json::ObjectWriter* copy = nullptr)
{
    auto put = [&](QLatin1StringView key, const auto& write) {
        QByteArray& out = o.member(key);
        const qsizetype at = out.size();
        write(out);
        if (copy)
            copy->raw(key, QByteArrayView(out).sliced(at));
    };
    auto string = [&](QLatin1StringView key, QStringView v) {
        put(key, [&](QByteArray& out) { json::writeString(out, v); });
    };
    string(QLatin1StringView("result"), statusName(e.result));
    string(QLatin1StringView("identity"), e.identity);
    string(QLatin1StringView("domain"), e.domain);
    string(QLatin1StringView("sender"), e.sender);
    string(QLatin1StringView("client_ip"), e.clientIp);
    string(QLatin1StringView("helo"), e.helo);
    string(QLatin1StringView("mail_from"), e.mailFrom);
    string(QLatin1StringView("explanation"), e.explanation);
    string(QLatin1StringView("reason"), e.reason);
    if (!e.inputProblem.isEmpty())
        string(QLatin1StringView("problem"), e.inputProblem);
    json::ObjectWriter c;
    c.integer(QLatin1StringView("dns_terms"), e.counters.dnsTerms);
    c.integer(QLatin1StringView("void_lookups"), e.counters.voidLookups);
    c.integer(QLatin1StringView("max_mx_names"), e.counters.maxMxNames);
    c.integer(QLatin1StringView("max_ptr_names"), e.counters.maxPtrNames);
    c.integer(QLatin1StringView("queries"), e.counters.queries);
    put(QLatin1StringView("counters"), [&](QByteArray& out) { c.writeTo(out); });
}

QByteArray evaluationJson(const SpfEvaluation& e)
{
    json::ObjectWriter o;
    writeEvaluation(o, e);
    return o.toByteArray();
}

void writeStrings(QByteArray& out, const QStringList& list)
{
    out += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out += ',';
        json::writeString(out, list.at(i));
    }
    out += ']';
}

// Sets jsonText and, unless the run is summary-only, json.
void setJson(CheckResult& res, json::ObjectWriter& o, const CheckContext& ctx)
{
    res.jsonText = o.toByteArray();
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

    json::ObjectWriter json;
    {
        QByteArray& out = json.member(QLatin1StringView("envelope"));
        out += "{\"client_ip\":";
        writeEnvelopeValue(out, env.clientIp);
        out += ",\"helo\":";
        writeEnvelopeValue(out, env.helo);
        out += ",\"mail_from\":";
        writeEnvelopeValue(out, env.mailFrom);
        out += '}';
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
        json.string(QLatin1StringView("result"), u"none");
        json.boolean(QLatin1StringView("evaluated"), false);
        json.string(QLatin1StringView("problem"), what);
        writeStrings(json.member(QLatin1StringView("missing")), missing);
        setJson(res, json, ctx);
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
    root.title = tr("SPF %1 for %2 (%3)")
                     .arg(statusName(main.result), main.domain,
                         main.identity == QLatin1String("helo") ? tr("HELO identity")
                                                                : tr("MAIL FROM identity"));
    root.detail = main.reason;
    res.summary = tr("%1: %2").arg(statusName(main.result), main.reason);
    if (nullPath && mailEval)
        res.summary
            += QLatin1Char(' ') + tr("(null MAIL FROM: checked as postmaster@%1)").arg(main.domain);

    json.boolean(QLatin1StringView("evaluated"), true);
    // The main evaluation is also one of the two checks: its members are written once.
    json::ObjectWriter mainWriter;
    writeEvaluation(mainWriter, main, &json);
    const QByteArray mainJson = mainWriter.toByteArray();
    if (mailEval)
        json.raw(QLatin1StringView("mailfrom_check"),
            &*mailEval == &main ? mainJson : evaluationJson(*mailEval));
    if (heloEval)
        json.raw(QLatin1StringView("helo_check"),
            &*heloEval == &main ? mainJson : evaluationJson(*heloEval));
    if (!missing.isEmpty())
        writeStrings(json.member(QLatin1StringView("missing")), missing);
    setJson(res, json, ctx);

    if (mailEval)
        res.outcomes.spf = outcomeOf(*mailEval);
    else if (heloEval)
        res.outcomes.spf = outcomeOf(*heloEval);
    if (heloEval)
        res.outcomes.spfHelo = outcomeOf(*heloEval);
    return res;
}

} // namespace ms::spf
