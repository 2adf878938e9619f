#include "Output.h"

#include "report/Verdict.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <atomic>

namespace ms::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

bool isFailure(Status s)
{
    return s == Status::Fail || s == Status::SoftFail || s == Status::PermError;
}

QByteArray csvField(const QString& s)
{
    QString v = s;
    // Formula injection: a spreadsheet must not execute a field from a hostile message.
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"'))
        || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1Char('"'), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v.toUtf8();
}

} // namespace

MessageSummary summarize(const Report& r)
{
    MessageSummary m;
    m.file = r.file;
    m.verdict = overallStatus(r);
    bool failed = false, temporary = r.cancelled;
    m.checks.reserve(r.checks.size());
    for (const CheckResult& c : r.checks) {
        m.checks.append({ c.name, c.status });
        if (isFailure(c.status)) {
            failed = true;
            m.failures.append({ c.name, c.summary });
        } else if (c.status == Status::TempError) {
            temporary = true;
            m.failures.append({ c.name, c.summary });
        }
    }
    m.outcome = temporary ? Outcome::Temporary : failed ? Outcome::Failed : Outcome::Ok;
    return m;
}

MessageSummary summarizeInputError(const QString& file, const QString& error)
{
    MessageSummary m;
    m.file = file;
    m.outcome = Outcome::InputError;
    m.inputError = error;
    return m;
}

QByteArray csvHeader()
{
    QByteArray h = "file,verdict";
    for (const QString& c : allCheckNames())
        h += ',' + c.toUtf8();
    h += ",reason\n";
    return h;
}

QByteArray formatReport(const Report& r, Format format, bool withSteps)
{
    switch (format) {
    case Format::Text: return toText(r).toUtf8() + '\n';
    case Format::Json: return toIndentedJson(r);
    case Format::Jsonl: {
        QByteArray line = withSteps ? toJsonText(r) : toJsonLine(r);
        line += '\n'; // in place: `line + '\n'` copied every line
        return line;
    }
    case Format::Csv: {
        const Verdict v = overallVerdict(r);
        QByteArray line = csvField(r.file) + ',' + statusName(v.status).toUtf8();
        for (const QString& name : allCheckNames()) {
            const CheckResult* c = r.check(name);
            line += ',';
            if (c)
                line += statusName(c->status).toUtf8();
        }
        line += ',' + csvField(v.reason) + '\n';
        return line;
    }
    }
    return {};
}

QByteArray formatInputError(const QString& file, const QString& error, Format format)
{
    switch (format) {
    case Format::Text: return {}; // errors go to stderr only
    case Format::Json:
        return QJsonDocument(
            QJsonObject { { QStringLiteral("schema"), QLatin1String(kReportSchema) },
                { QStringLiteral("file"), file }, { QStringLiteral("error"), error } })
            .toJson(QJsonDocument::Indented);
    case Format::Jsonl:
        return QJsonDocument(
                   QJsonObject { { QStringLiteral("schema"), QLatin1String(kReportSchema) },
                       { QStringLiteral("file"), file }, { QStringLiteral("error"), error } })
                   .toJson(QJsonDocument::Compact)
            + '\n';
    case Format::Csv: {
        QByteArray line = csvField(file) + ",error";
        for (qsizetype i = 0; i < allCheckNames().size(); ++i)
            line += ',';
        return line + ',' + csvField(error) + '\n';
    }
    }
    return {};
}

void Summary::add(const MessageSummary& m)
{
    ++m_messages;
    m_worst = std::max(m_worst, m.outcome);
    if (m.outcome == Outcome::InputError) {
        ++m_inputErrors;
        ++m_reasons[QStringLiteral("input\t") + m.inputError];
        return;
    }
    ++m_verdicts[size_t(m.verdict)];
    for (const auto& check : m.checks) {
        qsizetype i = 0;
        while (i < m_checks.size() && m_checks.at(i).first != check.first)
            ++i;
        if (i == m_checks.size())
            m_checks.append({ check.first, Counts {} });
        ++m_checks[i].second[size_t(check.second)];
    }
    for (const auto& [name, reason] : m.failures)
        ++m_reasons[name + QLatin1Char('\t') + reason];
}

namespace {

QList<std::pair<QString, int>> topReasons(const QHash<QString, int>& reasons, int n)
{
    QList<std::pair<QString, int>> list;
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        list.append({ it.key(), it.value() });
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (list.size() > n)
        list.resize(n);
    return list;
}

QString countsLine(const QMap<QString, int>& counts)
{
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.join(QLatin1String(", "));
}

constexpr int kTopReasons = 10;

} // namespace

QMap<QString, int> Summary::byName(const Counts& counts)
{
    QMap<QString, int> named;
    for (int i = 0; i < kStatuses; ++i) {
        if (counts[size_t(i)] > 0)
            named.insert(statusName(Status(i)), counts[size_t(i)]);
    }
    return named;
}

QMap<QString, QMap<QString, int>> Summary::checksByName() const
{
    QMap<QString, QMap<QString, int>> named;
    for (const auto& [name, counts] : m_checks)
        named.insert(name, byName(counts));
    return named;
}

QString Summary::text() const
{
    const QMap<QString, int> verdicts = byName(m_verdicts);
    const QMap<QString, QMap<QString, int>> checks = checksByName();
    QString out
        = tr("Summary: %1 message(s), %2 could not be read").arg(m_messages).arg(m_inputErrors)
        + QLatin1Char('\n');
    if (m_skipped > 0)
        out += QLatin1String("  ")
            + tr("%1 other file(s) in the folders left out: they do not look like messages")
                  .arg(m_skipped)
            + QLatin1Char('\n');
    out += QLatin1String("  ") + tr("verdict") + QLatin1String(": ") + countsLine(verdicts)
        + QLatin1Char('\n');
    for (const QString& name : allCheckNames()) {
        if (checks.contains(name))
            out += QLatin1String("  ") + name + QLatin1String(": ") + countsLine(checks[name])
                + QLatin1Char('\n');
    }
    const auto top = topReasons(m_reasons, kTopReasons);
    if (!top.isEmpty()) {
        out += tr("Most common failure reasons:") + QLatin1Char('\n');
        for (const auto& [key, count] : top) {
            const QString check = key.section(QLatin1Char('\t'), 0, 0);
            const QString reason = key.section(QLatin1Char('\t'), 1);
            out += QStringLiteral("  %1  %2: %3\n").arg(count, 6).arg(check, reason);
        }
    }
    return out;
}

QJsonObject Summary::json() const
{
    const QMap<QString, int> verdictCounts = byName(m_verdicts);
    const QMap<QString, QMap<QString, int>> checkCounts = checksByName();
    QJsonObject verdicts;
    for (auto it = verdictCounts.begin(); it != verdictCounts.end(); ++it)
        verdicts.insert(it.key(), it.value());
    QJsonObject checks;
    for (auto it = checkCounts.begin(); it != checkCounts.end(); ++it) {
        QJsonObject counts;
        for (auto c = it.value().begin(); c != it.value().end(); ++c)
            counts.insert(c.key(), c.value());
        checks.insert(it.key(), counts);
    }
    QJsonArray reasons;
    for (const auto& [key, count] : topReasons(m_reasons, kTopReasons)) {
        reasons.append(
            QJsonObject { { QStringLiteral("check"), key.section(QLatin1Char('\t'), 0, 0) },
                { QStringLiteral("reason"), key.section(QLatin1Char('\t'), 1) },
                { QStringLiteral("count"), count } });
    }
    QJsonObject o { { QStringLiteral("schema"), QStringLiteral("mailscope-summary/1") },
        { QStringLiteral("messages"), m_messages },
        { QStringLiteral("input_errors"), m_inputErrors }, { QStringLiteral("verdicts"), verdicts },
        { QStringLiteral("checks"), checks }, { QStringLiteral("failure_reasons"), reasons } };
    if (m_skipped > 0)
        o.insert(QStringLiteral("skipped_files"), m_skipped);
    return o;
}

namespace {
std::atomic<int> g_outputError { 0 };
}

void noteOutputError(int err)
{
    int none = 0;
    g_outputError.compare_exchange_strong(none, err, std::memory_order_relaxed);
}

int outputError()
{
    return g_outputError.load(std::memory_order_relaxed);
}

int exitCodeFor(Outcome o)
{
    switch (o) {
    case Outcome::Ok: return 0;
    case Outcome::Failed: return 1;
    case Outcome::InputError: return 3;
    case Outcome::Temporary: return 4;
    }
    return 0;
}

} // namespace ms::cli
