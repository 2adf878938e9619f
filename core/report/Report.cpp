#include "report/Report.h"

#include "report/Verdict.h"
#include "trace/JsonText.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>

#include <functional>

namespace ms {

const Source* Report::source(const QString& id) const
{
    for (const Source& s : sources) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const CheckResult* Report::check(const QString& name) const
{
    for (const CheckResult& c : checks) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

namespace {

QString tr(const char* text)
{
    return ms::translate("Report", text);
}

QString isoTime(const QDateTime& t)
{
    return json::isoTimeUtc(t);
}

// Facts that change from run to run (durations) stay out of the golden dump.
bool isVolatileFact(const Fact& f)
{
    return f.key.startsWith(QLatin1String("time."));
}

// ---------------------------------------------------------------- text

void appendIndented(QString& out, int depth, QStringView text)
{
    out += QString(depth * 2, QLatin1Char(' '));
    out += text;
    out += QLatin1Char('\n');
}

// Keeps one logical line per output line: control characters from the input (a hostile
// Subject with a CR, a NUL from a broken record) must not break the dump's structure.
QString oneLine(const QString& s)
{
    QString r;
    r.reserve(s.size());
    for (QChar c : s) {
        if (c == QLatin1Char('\n'))
            r += QLatin1String("\\n");
        else if (c == QLatin1Char('\r'))
            r += QLatin1String("\\r");
        else if (c == QLatin1Char('\t'))
            r += QLatin1String("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            r += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            r += c;
    }
    return r;
}

void stepText(QString& out, const Step& s, int depth)
{
    QString head = QLatin1Char('[') + statusName(s.status) + QLatin1String("] ") + oneLine(s.title);
    if (!s.rfc.isEmpty())
        head += QLatin1String("  (") + oneLine(s.rfc) + QLatin1Char(')');
    if (!s.kind.isEmpty())
        head += QLatin1String("  <") + s.kind + QLatin1Char('>');
    appendIndented(out, depth, head);
    if (!s.detail.isEmpty()) {
        const QStringList lines = s.detail.split(QLatin1Char('\n'));
        for (const QString& l : lines)
            appendIndented(out, depth + 1, QLatin1String("| ") + oneLine(l));
    }
    for (const Fact& f : s.facts) {
        if (isVolatileFact(f))
            continue;
        appendIndented(out, depth + 1,
            QLatin1String("- ") + oneLine(f.key) + QLatin1String(": ") + oneLine(f.value));
    }
    for (const Span& sp : s.spans) {
        appendIndented(out, depth + 1,
            QStringLiteral("@ %1 %2+%3").arg(sp.source).arg(sp.offset).arg(sp.length));
    }
    for (const Step& c : s.children)
        stepText(out, c, depth + 1);
}

void envelopeText(QString& out, const char* name, const EnvelopeValue& v)
{
    QString line = QLatin1String(name) + QLatin1String(": ");
    line += v.isEmpty() ? QStringLiteral("(unknown)") : oneLine(v.value);
    if (v.overridden)
        line += QLatin1String("  [given]");
    if (!v.reason.isEmpty())
        line += QLatin1String("  -- ") + oneLine(v.reason);
    appendIndented(out, 0, line);
}

// ---------------------------------------------------------------- JSON

QJsonObject spanJson(const Span& sp)
{
    return QJsonObject { { QStringLiteral("source"), sp.source },
        { QStringLiteral("offset"), double(sp.offset) },
        { QStringLiteral("length"), double(sp.length) } };
}

QJsonObject stepJson(const Step& s)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), s.kind);
    o.insert(QStringLiteral("status"), statusName(s.status));
    o.insert(QStringLiteral("title"), s.title);
    if (!s.detail.isEmpty())
        o.insert(QStringLiteral("detail"), s.detail);
    if (!s.rfc.isEmpty())
        o.insert(QStringLiteral("rfc"), s.rfc);
    if (!s.facts.isEmpty()) {
        QJsonArray facts;
        for (const Fact& f : s.facts)
            facts.append(QJsonObject {
                { QStringLiteral("key"), f.key }, { QStringLiteral("value"), f.value } });
        o.insert(QStringLiteral("facts"), facts);
    }
    if (!s.spans.isEmpty()) {
        QJsonArray spans;
        for (const Span& sp : s.spans)
            spans.append(spanJson(sp));
        o.insert(QStringLiteral("spans"), spans);
    }
    if (!s.children.empty()) {
        QJsonArray children;
        for (const Step& c : s.children)
            children.append(stepJson(c));
        o.insert(QStringLiteral("children"), children);
    }
    return o;
}

QJsonObject envelopeValueJson(const EnvelopeValue& v)
{
    QJsonObject o { { QStringLiteral("value"), v.value }, { QStringLiteral("reason"), v.reason },
        { QStringLiteral("overridden"), v.overridden } };
    return o;
}

QJsonObject answerJson(const dns::Answer& a)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), QString::fromLatin1(a.qname));
    o.insert(QStringLiteral("type"), dns::typeName(a.qtype));
    o.insert(QStringLiteral("outcome"), dns::outcomeName(a.outcome));
    o.insert(QStringLiteral("rcode"), a.rcode);
    o.insert(QStringLiteral("ad"), a.authenticData);
    if (a.viaTcp)
        o.insert(QStringLiteral("tcp"), true);
    o.insert(QStringLiteral("server"), a.server);
    o.insert(QStringLiteral("elapsed_us"), double(a.elapsedUs));
    if (!a.error.isEmpty())
        o.insert(QStringLiteral("error"), a.error);
    QJsonArray records;
    for (const dns::Record& rec : a.records) {
        records.append(QJsonObject { { QStringLiteral("name"), QString::fromLatin1(rec.name) },
            { QStringLiteral("type"), dns::typeName(rec.type) },
            { QStringLiteral("ttl"), double(rec.ttl) },
            { QStringLiteral("data"), rec.presentation } });
    }
    o.insert(QStringLiteral("records"), records);
    return o;
}

// Sources small enough to inline; the message itself is the user's own file and would
// only double the size of every report.
constexpr qsizetype kInlineSourceLimit = 16 * 1024;

// ---------------------------------------------------------------- HTML

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString statusClass(Status s)
{
    switch (s) {
    case Status::Pass: return QStringLiteral("pass");
    case Status::Fail:
    case Status::PermError: return QStringLiteral("fail");
    case Status::SoftFail:
    case Status::TempError:
    case Status::Warning:
    case Status::Policy: return QStringLiteral("warn");
    case Status::None:
    case Status::Neutral:
    case Status::Info: return QStringLiteral("info");
    }
    return QStringLiteral("info");
}

QString badge(Status s)
{
    return QStringLiteral("<span class=\"b %1\">%2</span>").arg(statusClass(s), statusName(s));
}

// Depth of step trees is bounded by our own code, not by the input (see Step.cpp).
void stepHtml(QString& out, const Step& s, int depth)
{
    const bool open = depth < 2 || s.status == Status::Fail || s.status == Status::PermError;
    out += open ? QLatin1String("<details open>") : QLatin1String("<details>");
    out += QLatin1String("<summary>") + badge(s.status) + QLatin1Char(' ') + esc(s.title);
    if (!s.rfc.isEmpty())
        out += QLatin1String(" <span class=\"rfc\">") + esc(s.rfc) + QLatin1String("</span>");
    out += QLatin1String("</summary>");
    if (!s.detail.isEmpty())
        out += QLatin1String("<p class=\"d\">") + esc(s.detail) + QLatin1String("</p>");
    bool anyFact = false;
    for (const Fact& f : s.facts) {
        if (isVolatileFact(f))
            continue;
        if (!anyFact)
            out += QLatin1String("<table class=\"f\">");
        anyFact = true;
        out += QLatin1String("<tr><th>") + esc(f.key) + QLatin1String("</th><td>") + esc(f.value)
            + QLatin1String("</td></tr>");
    }
    if (anyFact)
        out += QLatin1String("</table>");
    for (const Step& c : s.children)
        stepHtml(out, c, depth + 1);
    out += QLatin1String("</details>\n");
}

} // namespace

QString toText(const Report& r)
{
    QString out;
    appendIndented(out, 0, QLatin1String("file: ") + oneLine(r.file));
    appendIndented(out, 0, QLatin1String("evaluation-time: ") + isoTime(r.evaluationTime));
    if (r.hasEnvelope) {
        envelopeText(out, "client-ip", r.envelope.clientIp);
        envelopeText(out, "helo", r.envelope.helo);
        envelopeText(out, "mail-from", r.envelope.mailFrom);
    }
    const Verdict v = overallVerdict(r);
    appendIndented(out, 0,
        QLatin1String("verdict: ") + statusName(v.status)
            + (v.basis.isEmpty() ? QString() : QLatin1String(" (") + v.basis + QLatin1Char(')'))
            + QLatin1String(" -- ") + oneLine(v.reason));
    for (const CheckResult& c : r.checks) {
        appendIndented(out, 0,
            QLatin1String("check ") + c.name + QLatin1String(": ") + statusName(c.status)
                + QLatin1String(" -- ") + oneLine(c.summary));
    }
    if (r.cancelled)
        appendIndented(out, 0, QStringLiteral("cancelled: yes"));
    out += QLatin1Char('\n');
    stepText(out, r.root, 0);
    out += QLatin1Char('\n');
    for (const Source& s : r.sources) {
        appendIndented(out, 0,
            QStringLiteral("source %1 (%2, %3 bytes): %4")
                .arg(s.id, sourceKindName(s.kind))
                .arg(s.bytes.size())
                .arg(oneLine(s.title)));
    }
    return out;
}

QJsonObject toJson(const Report& r)
{
    return toJson(r, JsonParts::All);
}

QJsonObject toJson(const Report& r, JsonParts parts)
{
    QJsonObject o;
    o.insert(QStringLiteral("schema"), QLatin1String(kReportSchema));
    o.insert(QStringLiteral("file"), r.file);
    o.insert(QStringLiteral("evaluation_time"), isoTime(r.evaluationTime));
    if (r.hasEnvelope) {
        o.insert(QStringLiteral("envelope"),
            QJsonObject { { QStringLiteral("client_ip"), envelopeValueJson(r.envelope.clientIp) },
                { QStringLiteral("helo"), envelopeValueJson(r.envelope.helo) },
                { QStringLiteral("mail_from"), envelopeValueJson(r.envelope.mailFrom) } });
    }
    for (const CheckResult& c : r.checks) {
        const QJsonValue json = c.jsonValue();
        if (json.isUndefined() || json.isNull()) {
            o.insert(c.name,
                QJsonObject { { QStringLiteral("result"), statusName(c.status) },
                    { QStringLiteral("summary"), c.summary } });
        } else {
            o.insert(c.name, json);
        }
    }
    const Verdict v = overallVerdict(r);
    o.insert(QStringLiteral("verdict"),
        QJsonObject { { QStringLiteral("result"), statusName(v.status) },
            { QStringLiteral("basis"), v.basis }, { QStringLiteral("reason"), v.reason } });
    if (r.cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (parts == JsonParts::All) {
        o.insert(QStringLiteral("steps"), stepJson(r.root));
        QJsonArray sources;
        for (const Source& s : r.sources) {
            QJsonObject so { { QStringLiteral("id"), s.id }, { QStringLiteral("title"), s.title },
                { QStringLiteral("kind"), sourceKindName(s.kind) },
                { QStringLiteral("size"), double(s.bytes.size()) } };
            if (s.kind != Source::Kind::Message && s.kind != Source::Kind::Original
                && s.bytes.size() <= kInlineSourceLimit)
                so.insert(QStringLiteral("base64"), QString::fromLatin1(s.bytes.toBase64()));
            sources.append(so);
        }
        o.insert(QStringLiteral("sources"), sources);
    }
    QJsonArray dnsArr;
    for (const dns::Answer& a : r.dns)
        dnsArr.append(answerJson(a));
    o.insert(QStringLiteral("dns"), dnsArr);
    return o;
}

namespace {

// ---------------------------------------------------------------- JSON line writer

void jsonEnvelopeValue(QByteArray& out, const EnvelopeValue& v)
{
    json::put(out, "{\"overridden\":");
    json::writeBool(out, v.overridden);
    json::put(out, ",\"reason\":");
    json::writeString(out, v.reason);
    json::put(out, ",\"value\":");
    json::writeString(out, v.value);
    json::put(out, '}');
}

// The envelope as compact JSON, byte for byte what QJsonDocument writes for it:
// {"client_ip":{...},"helo":{...},"mail_from":{...}}, each value
// {"overridden":bool,"reason":text,"value":text}.
void writeEnvelopeJson(QByteArray& out, const Envelope& envelope)
{
    json::put(out, "{\"client_ip\":");
    jsonEnvelopeValue(out, envelope.clientIp);
    json::put(out, ",\"helo\":");
    jsonEnvelopeValue(out, envelope.helo);
    json::put(out, ",\"mail_from\":");
    jsonEnvelopeValue(out, envelope.mailFrom);
    json::put(out, '}');
}

// A type's mnemonic without building a QString ("TYPE65" only for the rare unnamed type).
void writeTypeName(QByteArray& out, dns::Type t)
{
    const QLatin1StringView name = dns::typeNameView(t);
    if (!name.isEmpty())
        json::writeString(out, name);
    else
        json::writeString(out, dns::typeName(t));
}

void jsonAnswer(QByteArray& out, const dns::Answer& a)
{
    // Keys in the order QJsonObject keeps them (sorted), so both writers agree byte for byte.
    json::put(out, "{\"ad\":");
    json::writeBool(out, a.authenticData);
    json::put(out, ",\"elapsed_us\":");
    json::writeNumber(out, double(a.elapsedUs));
    if (!a.error.isEmpty()) {
        json::put(out, ",\"error\":");
        json::writeString(out, a.error);
    }
    json::put(out, ",\"name\":");
    json::writeString(out, QLatin1StringView(a.qname));
    json::put(out, ",\"outcome\":");
    json::writeString(out, dns::outcomeNameView(a.outcome));
    json::put(out, ",\"rcode\":");
    json::writeInteger(out, a.rcode);
    json::put(out, ",\"records\":[");
    bool first = true;
    for (const dns::Record& rec : a.records) {
        if (!first)
            json::put(out, ',');
        first = false;
        json::put(out, "{\"data\":");
        json::writeString(out, rec.presentation);
        json::put(out, ",\"name\":");
        json::writeString(out, QLatin1StringView(rec.name));
        json::put(out, ",\"ttl\":");
        json::writeNumber(out, double(rec.ttl));
        json::put(out, ",\"type\":");
        writeTypeName(out, rec.type);
        json::put(out, '}');
    }
    json::put(out, "],\"server\":");
    json::writeString(out, a.server);
    if (a.viaTcp)
        json::put(out, ",\"tcp\":true");
    json::put(out, ",\"type\":");
    writeTypeName(out, a.qtype);
    json::put(out, '}');
}

void jsonStep(QByteArray& out, const Step& s)
{
    // Members sorted by key, as stepJson()'s QJsonObject keeps them.
    json::put(out, '{');
    bool comma = false;
    if (!s.children.empty()) {
        json::putKey(out, "children", comma);
        json::put(out, '[');
        for (size_t i = 0; i < s.children.size(); ++i) {
            if (i)
                json::put(out, ',');
            jsonStep(out, s.children[i]);
        }
        json::put(out, ']');
        comma = true;
    }
    if (!s.detail.isEmpty()) {
        json::putKey(out, "detail", comma);
        json::writeString(out, s.detail);
        comma = true;
    }
    if (!s.facts.isEmpty()) {
        json::putKey(out, "facts", comma);
        json::put(out, '[');
        for (qsizetype i = 0; i < s.facts.size(); ++i) {
            json::put(out, i ? std::string_view(",{\"key\":") : std::string_view("{\"key\":"));
            json::writeString(out, s.facts.at(i).key);
            json::put(out, ",\"value\":");
            json::writeString(out, s.facts.at(i).value);
            json::put(out, '}');
        }
        json::put(out, ']');
        comma = true;
    }
    json::putKey(out, "kind", comma);
    json::writeString(out, s.kind);
    if (!s.rfc.isEmpty()) {
        json::putKey(out, "rfc");
        json::writeString(out, s.rfc);
    }
    if (!s.spans.isEmpty()) {
        json::putKey(out, "spans");
        json::put(out, '[');
        for (qsizetype i = 0; i < s.spans.size(); ++i) {
            const Span& sp = s.spans.at(i);
            json::put(
                out, i ? std::string_view(",{\"length\":") : std::string_view("{\"length\":"));
            json::writeNumber(out, double(sp.length));
            json::put(out, ",\"offset\":");
            json::writeNumber(out, double(sp.offset));
            json::put(out, ",\"source\":");
            json::writeString(out, sp.source);
            json::put(out, '}');
        }
        json::put(out, ']');
    }
    json::putKey(out, "status");
    json::writeString(out, statusName(s.status));
    json::putKey(out, "title");
    json::writeString(out, s.title);
    json::put(out, '}');
}

void jsonSources(QByteArray& out, const QList<Source>& sources)
{
    json::put(out, '[');
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const Source& s = sources.at(i);
        json::put(out, i ? std::string_view(",{") : std::string_view("{"));
        if (s.kind != Source::Kind::Message && s.kind != Source::Kind::Original
            && s.bytes.size() <= kInlineSourceLimit) {
            json::put(out, "\"base64\":");
            json::writeString(out, QLatin1StringView(s.bytes.toBase64()));
            json::put(out, ',');
        }
        json::put(out, "\"id\":");
        json::writeString(out, s.id);
        json::putKey(out, "kind");
        json::writeString(out, sourceKindName(s.kind));
        json::putKey(out, "size");
        json::writeNumber(out, double(s.bytes.size()));
        json::putKey(out, "title");
        json::writeString(out, s.title);
        json::put(out, '}');
    }
    json::put(out, ']');
}

// What QJsonDocument(toJson(r, parts)).toJson(Compact) writes, written straight into one
// buffer: the QJsonObject tree of a full report (every step, fact and span) cost more to
// build than the text, and a batch line per message or a fuzzer input per millisecond
// paid for it.
QByteArray writeReport(const Report& r, JsonParts parts)
{
    // Top-level members sorted by key, as in the QJsonObject of toJson().
    enum class Member {
        Check,
        Cancelled,
        Dns,
        Envelope,
        EvaluationTime,
        File,
        Schema,
        Sources,
        Steps,
        Verdict
    };
    struct Entry {
        QStringView key;
        Member what;
        qsizetype check;
    };
    const bool all = parts == JsonParts::All;
    QVarLengthArray<Entry, 16> members;
    for (qsizetype i = 0; i < r.checks.size(); ++i)
        members.append({ r.checks.at(i).name, Member::Check, i });
    if (r.cancelled)
        members.append({ u"cancelled", Member::Cancelled, -1 });
    members.append({ u"dns", Member::Dns, -1 });
    if (r.hasEnvelope)
        members.append({ u"envelope", Member::Envelope, -1 });
    members.append({ u"evaluation_time", Member::EvaluationTime, -1 });
    members.append({ u"file", Member::File, -1 });
    members.append({ u"schema", Member::Schema, -1 });
    if (all) {
        members.append({ u"sources", Member::Sources, -1 });
        members.append({ u"steps", Member::Steps, -1 });
    }
    members.append({ u"verdict", Member::Verdict, -1 });
    // A dozen members: insertion sort (stable) without stable_sort's temporary buffer.
    for (qsizetype i = 1; i < members.size(); ++i) {
        const Entry e = members[i];
        qsizetype j = i;
        for (; j > 0 && e.key < members[j - 1].key; --j)
            members[j] = members[j - 1];
        members[j] = e;
    }

    // Room for the whole line up front: each reallocation copies all that was written, and
    // writeString() asks for six bytes a UTF-16 unit of the text it is about to write.
    qsizetype estimate = 2048;
    for (const CheckResult& c : r.checks)
        estimate += c.jsonText.size();
    if (r.hasEnvelope) {
        qsizetype longest = 0;
        for (const EnvelopeValue* v :
            { &r.envelope.clientIp, &r.envelope.helo, &r.envelope.mailFrom }) {
            estimate += 3 * (v->value.size() + v->reason.size()) + 64;
            longest = std::max(longest, v->reason.size());
        }
        estimate += 6 * longest;
    }
    for (const dns::Answer& a : r.dns) {
        for (const dns::Record& rec : a.records)
            estimate += rec.presentation.size() + rec.name.size() + 64;
        estimate += 160;
    }
    if (all)
        estimate += 256 * r.root.count();
    QByteArray out;
    out.reserve(estimate);
    json::put(out, '{');
    bool first = true;
    // A later member with the same key replaces an earlier one in a QJsonObject.
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i + 1 < members.size() && members[i + 1].key == members[i].key)
            continue;
        if (!first)
            json::put(out, ',');
        first = false;
        json::writeString(out, members[i].key);
        json::put(out, ':');
        switch (members[i].what) {
        case Member::Check: {
            const CheckResult& c = r.checks.at(members[i].check);
            if (!c.jsonText.isEmpty()) {
                out += c.jsonText; // written by the check itself, in the same form
            } else if (c.json.isUndefined() || c.json.isNull()) {
                json::put(out, "{\"result\":");
                json::writeString(out, statusName(c.status));
                json::put(out, ",\"summary\":");
                json::writeString(out, c.summary);
                json::put(out, '}');
            } else {
                json::writeValue(out, c.json);
            }
            break;
        }
        case Member::Cancelled: json::put(out, "true"); break;
        case Member::Dns:
            json::put(out, '[');
            for (qsizetype k = 0; k < r.dns.size(); ++k) {
                if (k)
                    json::put(out, ',');
                jsonAnswer(out, r.dns.at(k));
            }
            json::put(out, ']');
            break;
        case Member::Envelope: writeEnvelopeJson(out, r.envelope); break;
        case Member::EvaluationTime: json::writeString(out, isoTime(r.evaluationTime)); break;
        case Member::File: json::writeString(out, r.file); break;
        case Member::Schema:
            json::put(out, '"');
            json::put(out, kReportSchema);
            json::put(out, '"');
            break;
        case Member::Sources: jsonSources(out, r.sources); break;
        case Member::Steps: jsonStep(out, r.root); break;
        case Member::Verdict: {
            const Verdict v = overallVerdict(r);
            json::put(out, "{\"basis\":");
            json::writeString(out, v.basis);
            json::put(out, ",\"reason\":");
            json::writeString(out, v.reason);
            json::put(out, ",\"result\":");
            json::writeString(out, statusName(v.status));
            json::put(out, '}');
            break;
        }
        }
    }
    json::put(out, '}');
    return out;
}

} // namespace

QByteArray toJsonText(const Report& r, JsonParts parts)
{
    return writeReport(r, parts);
}

QByteArray toJsonLine(const Report& r)
{
    return writeReport(r, JsonParts::WithoutSteps);
}

QByteArray toIndentedJson(const Report& r)
{
    return json::indented(writeReport(r, JsonParts::All));
}

QString toHtml(const Report& r)
{
    const Verdict v = overallVerdict(r);
    QString out;
    out.reserve(64 * 1024);
    out += QLatin1String(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        "<title>");
    out += esc(tr("Mailscope report: %1").arg(r.file));
    out += QLatin1String(
        "</title><style>"
        "body{font-family:sans-serif;margin:1.5em;color:#222}"
        "h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}"
        ".b{display:inline-block;min-width:5.5em;text-align:center;border-radius:3px;"
        "padding:0 .3em;font:bold .85em monospace;color:#fff}"
        ".pass{background:#2e7d32}.fail{background:#c62828}.warn{background:#ef6c00}"
        ".info{background:#607d8b}"
        ".verdict{font-size:1.15em;padding:.6em;border:1px solid #ccc;border-radius:4px}"
        "details{margin-left:1.2em}summary{cursor:pointer;padding:1px 0}"
        ".rfc{color:#555;font-size:.85em}.d{margin:.2em 0 .2em 1.2em;white-space:pre-wrap}"
        "table{border-collapse:collapse;margin:.2em 0 .4em 1.2em;font-size:.9em}"
        "th,td{border:1px solid #ddd;padding:1px 6px;text-align:left;vertical-align:top}"
        "td{font-family:monospace;white-space:pre-wrap;word-break:break-all}"
        "</style></head><body>\n");
    out += QLatin1String("<h1>") + esc(tr("Mailscope report")) + QLatin1String("</h1>\n");
    out += QLatin1String("<table>");
    out += QLatin1String("<tr><th>") + esc(tr("File")) + QLatin1String("</th><td>") + esc(r.file)
        + QLatin1String("</td></tr>");
    out += QLatin1String("<tr><th>") + esc(tr("Evaluated at")) + QLatin1String("</th><td>")
        + esc(isoTime(r.evaluationTime)) + QLatin1String("</td></tr>");
    const std::pair<QString, const EnvelopeValue*> env[]
        = { { tr("Client IP"), &r.envelope.clientIp }, { tr("HELO"), &r.envelope.helo },
              { tr("MAIL FROM"), &r.envelope.mailFrom } };
    if (r.hasEnvelope) {
        for (const auto& [label, value] : env) {
            out += QLatin1String("<tr><th>") + esc(label) + QLatin1String("</th><td>")
                + esc(value->value) + QLatin1String("</td><td>") + esc(value->reason)
                + QLatin1String("</td></tr>");
        }
    }
    out += QLatin1String("</table>\n");
    out += QLatin1String("<p class=\"verdict\">") + badge(v.status) + QLatin1Char(' ')
        + esc(v.reason) + QLatin1String("</p>\n");
    if (r.cancelled)
        out += QLatin1String("<p>")
            + esc(tr("The verification was cancelled; results are incomplete."))
            + QLatin1String("</p>\n");

    out += QLatin1String("<h2>") + esc(tr("Checks")) + QLatin1String("</h2>\n<table>");
    for (const CheckResult& c : r.checks) {
        out += QLatin1String("<tr><th>") + esc(c.name.toUpper()) + QLatin1String("</th><td>")
            + badge(c.status) + QLatin1String("</td><td>") + esc(c.summary)
            + QLatin1String("</td></tr>");
    }
    out += QLatin1String("</table>\n");

    out += QLatin1String("<h2>") + esc(tr("Steps")) + QLatin1String("</h2>\n");
    stepHtml(out, r.root, 0);

    out += QLatin1String("<h2>") + esc(tr("DNS transcript")) + QLatin1String("</h2>\n<table>");
    out += QLatin1String("<tr><th>#</th><th>") + esc(tr("Name")) + QLatin1String("</th><th>")
        + esc(tr("Type")) + QLatin1String("</th><th>") + esc(tr("Outcome"))
        + QLatin1String("</th><th>") + esc(tr("Records")) + QLatin1String("</th><th>")
        + esc(tr("Server")) + QLatin1String("</th></tr>");
    for (int i = 0; i < r.dns.size(); ++i) {
        const dns::Answer& a = r.dns.at(i);
        QStringList recs;
        for (const dns::Record& rec : a.records)
            recs << dns::typeName(rec.type) + QLatin1Char(' ') + rec.presentation;
        QString outcome = dns::outcomeName(a.outcome);
        if (!a.error.isEmpty())
            outcome += QLatin1String(": ") + a.error;
        out += QStringLiteral(
            "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                   .arg(i + 1)
                   .arg(esc(QString::fromLatin1(a.qname)), esc(dns::typeName(a.qtype)),
                       esc(outcome), esc(recs.join(QLatin1Char('\n'))), esc(a.server));
    }
    out += QLatin1String("</table>\n</body></html>\n");
    return out;
}

} // namespace ms
