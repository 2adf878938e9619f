#include "verify/Verifier.h"

#include "crypto/Keys.h"
#include "dkim/BodyDigests.h"
#include "dns/Recorder.h"
#include "report/Verdict.h"
#include "trace/Translate.h"
#include "verify/Checks.h"
#include "verify/ResolverChain.h"

#include <QCoreApplication>
#include <QFuture>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <optional>

namespace ms {

namespace {

QString tr(const char* text)
{
    return ms::translate("Verifier", text);
}

EnvelopeValue given(const QString& value)
{
    EnvelopeValue v;
    v.value = value;
    v.reason = tr("given by the user");
    v.overridden = true;
    return v;
}

// A check must never take the process down: anything it throws becomes a permerror step
// that names the check, so the rest of the report still stands.
CheckResult runGuarded(const CheckEntry& entry, const CheckContext& ctx)
{
    QString what;
    try {
        CheckResult r = entry.run(ctx);
        if (r.name.isEmpty())
            r.name = entry.name;
        return r;
    } catch (const std::exception& e) {
        what = QString::fromLocal8Bit(e.what());
    } catch (...) {
        what = tr("unknown exception");
    }
    CheckResult r;
    r.name = entry.name;
    r.status = Status::PermError;
    r.summary = tr("internal error in %1").arg(entry.name);
    r.step = Step(QStringLiteral("verify.internal-error"), Status::PermError,
        tr("internal error in %1").arg(entry.name),
        tr("The %1 check stopped unexpectedly (%2). This is a bug in Mailscope, not a "
           "property of the message; the other checks are unaffected.")
            .arg(entry.name, what));
    return r;
}

// A check's recorder numbered its answers from 0; in the merged transcript they start at
// `base`, so "dns/N" spans and the transcript-index fact move with them. Step depth is
// bounded by our own code (see Step.cpp).
void renumberDns(Step& s, int base)
{
    for (Span& sp : s.spans) {
        if (sp.source.startsWith(QLatin1String("dns/"))) {
            bool ok = false;
            const int i = QStringView(sp.source).mid(4).toInt(&ok);
            if (ok)
                sp.source = QStringLiteral("dns/%1").arg(i + base);
        }
    }
    for (Fact& f : s.facts) {
        if (f.key == QLatin1String("time.transcript-index")) {
            bool ok = false;
            const int i = f.value.toInt(&ok);
            if (ok)
                f.value = QString::number(i + base);
        }
    }
    for (Step& c : s.children)
        renumberDns(c, base);
}

CheckResult cancelledResult(const CheckEntry& entry)
{
    CheckResult r;
    r.name = entry.name;
    r.status = Status::TempError;
    r.summary = tr("not run: the verification was cancelled");
    r.step = Step(QStringLiteral("verify.cancelled"), Status::TempError,
        tr("%1 not run: cancelled").arg(entry.name),
        tr("The verification was cancelled or ran out of its time budget before this "
           "check started."));
    return r;
}

} // namespace

Verifier::Verifier(VerifyOptions options, dns::ResolverPtr resolver)
    : Verifier(std::move(options), std::move(resolver), checkTable())
{
}

Verifier::Verifier(VerifyOptions options, dns::ResolverPtr resolver, QList<CheckEntry> table)
    : m_options(std::move(options))
    , m_resolver(std::move(resolver))
    , m_table(std::move(table))
{
}

Report Verifier::verify(const Message& message, const QString& fileName,
    const std::atomic_bool* cancelled, const Progress& progress) const
{
    return run(message, nullptr, fileName, cancelled, progress);
}

bool Verifier::streamsBody() const
{
    return m_lean && !m_options.wants(QStringLiteral("smime"));
}

Report Verifier::verifyStreamed(const Message& headers, const dkim::BodyDigests& body,
    const QString& fileName, const std::atomic_bool* cancelled) const
{
    if (!streamsBody()) {
        body.needBody();
        return Report();
    }
    return run(headers, &body, fileName, cancelled, {});
}

Report Verifier::verifyHeld(const Message& message, const dkim::BodyDigests& body,
    const QString& fileName, const std::atomic_bool* cancelled) const
{
    Q_ASSERT(body.bodyHeld());
    return run(message, &body, fileName, cancelled, {});
}

Report Verifier::run(const Message& message, const dkim::BodyDigests* body, const QString& fileName,
    const std::atomic_bool* cancelled, const Progress& progress) const
{
    Report report;
    report.file = fileName;

    // Evaluation time: t=/x= of signatures and certificate validity are judged against it.
    QString timeSource;
    QString timeProblem;
    switch (m_options.timeMode) {
    case VerifyOptions::TimeMode::Fixed:
        report.evaluationTime = m_options.fixedTime.toUTC();
        timeSource = tr("fixed by the user");
        break;
    case VerifyOptions::TimeMode::MessageDate: {
        const HeaderField* date = message.first("Date");
        QDateTime t;
        if (date)
            t = QDateTime::fromString(date->decoded(), Qt::RFC2822Date);
        if (t.isValid()) {
            report.evaluationTime = t.toUTC();
            timeSource = tr("the message's Date field");
        } else {
            report.evaluationTime = QDateTime::currentDateTimeUtc();
            timeSource = tr("now");
            timeProblem = date ? tr("The Date field could not be read, so the current time is "
                                    "used instead.")
                               : tr("The message has no Date field, so the current time is used "
                                    "instead.");
        }
        break;
    }
    case VerifyOptions::TimeMode::Now:
        report.evaluationTime = QDateTime::currentDateTimeUtc();
        timeSource = tr("now");
        break;
    }
    if (!report.evaluationTime.isValid()) {
        report.evaluationTime = QDateTime::currentDateTimeUtc();
        timeProblem = tr("The given evaluation time is not valid, so the current time is used.");
    }
    report.evaluationTime = report.evaluationTime.toUTC();

    // Envelope: the guess from the Received chain, with the user's values on top.
    report.hasEnvelope = m_options.wants(QStringLiteral("spf"));
    if (report.hasEnvelope)
        report.envelope = message.guessEnvelope();
    if (m_options.clientIp)
        report.envelope.clientIp = given(*m_options.clientIp);
    if (m_options.helo)
        report.envelope.helo = given(*m_options.helo);
    if (m_options.mailFrom)
        report.envelope.mailFrom = given(*m_options.mailFrom);

    // DNS: the user's resolver, limited by the time budget and the cancel flag, recorded.
    ResolverChain chain(m_resolver, m_options.timeBudgetMs, cancelled);

    QList<const CheckEntry*> stage1, stage2;
    for (const CheckEntry& e : m_table) {
        if (!m_options.wants(e.name))
            continue;
        (e.stage <= 1 ? stage1 : stage2).append(&e);
    }
    const int total = int(stage1.size() + stage2.size());
    std::atomic_int done { 0 };
    auto isCancelled = [&] { return chain.cancelled(); };
    auto rank = [](const QString& name) {
        const auto i = allCheckNames().indexOf(name);
        return i < 0 ? 1000 : i;
    };
    // When the checks run one after another in report order, each check's answers are
    // numbered where they will stand in the merged transcript as they are recorded, and
    // no step tree has to be walked to renumber its "dns/N" spans afterwards.
    const bool sequential = !m_options.parallelChecks || stage1.size() <= 1;
    bool reportOrder = sequential;
    for (qsizetype i = 0, previous = -1; reportOrder && i < total; ++i) {
        const CheckEntry* e = i < stage1.size() ? stage1[i] : stage2[i - stage1.size()];
        const qsizetype r = rank(e->name); // each name ranked once: a string search per call
        reportOrder = previous <= r;
        previous = r;
    }
    int recordedSoFar = 0; // answers of the checks that ran before (sequential runs only)
    // One recorder per check: the transcript is then assembled in report order, whatever
    // order parallel checks happened to ask in. Built in place, all in one allocation.
    std::vector<std::optional<dns::Recorder>> recorders(static_cast<size_t>(total));
    auto runOne = [&](const CheckEntry* e, const Outcomes* earlier, size_t slot) {
        CheckResult r;
        recorders[slot].emplace(chain.budgeted());
        if (reportOrder)
            recorders[slot]->setFirstIndex(recordedSoFar);
        if (isCancelled()) {
            r = cancelledResult(*e);
        } else {
            CheckContext ctx { message, *recorders[slot], m_options, report.evaluationTime,
                report.envelope, earlier, chain.cancelFlag(), &*recorders[slot], m_memo.get(),
                body };
            r = runGuarded(*e, ctx);
        }
        if (reportOrder)
            recordedSoFar += int(recorders[slot]->transcript().size());
        const int n = ++done;
        if (progress)
            progress(n, total, e->name);
        return r;
    };

    std::vector<CheckResult> results(static_cast<size_t>(total));
    if (m_options.parallelChecks && stage1.size() > 1) {
        QList<QFuture<void>> futures;
        for (qsizetype i = 1; i < stage1.size(); ++i) {
            futures.append(QtConcurrent::run([&, i] {
                results[size_t(i)] = runOne(stage1[i], nullptr, size_t(i));
                crypto::releaseThreadResources(); // a pool thread: see the function
            }));
        }
        results[0] = runOne(stage1[0], nullptr, 0);
        for (QFuture<void>& f : futures)
            f.waitForFinished();
    } else {
        for (qsizetype i = 0; i < stage1.size(); ++i)
            results[size_t(i)] = runOne(stage1[i], nullptr, size_t(i));
    }

    Outcomes merged;
    for (qsizetype i = 0; i < stage1.size(); ++i)
        merged.merge(results[size_t(i)].outcomes);
    // Stage 2 in table order; each sees everything before it (authres reads DMARC).
    for (qsizetype i = 0; i < stage2.size(); ++i) {
        CheckResult& r = results[size_t(stage1.size() + i)];
        r = runOne(stage2[i], &merged, size_t(stage1.size() + i));
        merged.merge(r.outcomes);
    }

    // Report order follows allCheckNames(), whatever order the table lists them in.
    // A handful of checks: arrays on the stack and a stable insertion sort, no allocation.
    QVarLengthArray<size_t, 8> order(qsizetype(results.size()));
    QVarLengthArray<qsizetype, 8> ranks(qsizetype(results.size()));
    for (size_t i = 0; i < results.size(); ++i) {
        ranks[qsizetype(i)] = rank(results[i].name);
        size_t at = i;
        for (; at > 0 && ranks[qsizetype(order[at - 1])] > ranks[qsizetype(i)]; --at)
            order[qsizetype(at)] = order[qsizetype(at - 1)];
        order[qsizetype(at)] = i;
    }
    std::vector<CheckResult> sorted;
    sorted.reserve(results.size());
    QVarLengthArray<QList<dns::Answer>, 8> transcripts(qsizetype(results.size()));
    qsizetype answers = report.dns.size();
    for (size_t i = 0; i < results.size(); ++i) {
        if (recorders[i])
            transcripts[qsizetype(i)] = recorders[i]->transcript();
        answers += transcripts[qsizetype(i)].size();
    }
    report.dns.reserve(answers);
    for (size_t i : order) {
        const QList<dns::Answer>& local = transcripts[qsizetype(i)];
        // Where this check's answers start in the merged transcript, less where its
        // recorder already numbered them from.
        const int shift = int(report.dns.size()) - (recorders[i] ? recorders[i]->firstIndex() : 0);
        for (dns::Answer a : local) {
            a.transcriptIndex += shift;
            report.dns.append(std::move(a));
        }
        if (shift != 0 && !local.isEmpty())
            renumberDns(results[i].step, shift);
        sorted.push_back(std::move(results[i]));
    }
    results = std::move(sorted);

    report.outcomes = merged;
    report.cancelled = chain.cancelled();
    for (const dns::Answer& a : report.dns)
        report.cancelled = report.cancelled || a.outcome == dns::Outcome::Cancelled;

    report.sources.append(message.source());
    if (message.isNormalized())
        report.sources.append(message.originalSource());

    report.root = Step(QStringLiteral("report"), Status::Info,
        fileName.isEmpty() ? tr("Verification") : fill(tr("Verification of %1"), fileName));
    if (!m_lean) {
        report.root.addFact(
            QStringLiteral("evaluation-time"), report.evaluationTime.toString(Qt::ISODate));
        report.root.addFact(QStringLiteral("evaluation-time.source"), timeSource);
        report.root.addFact(QStringLiteral("dns"), chain.describe());
    }
    if (!timeProblem.isEmpty())
        report.root.detail = timeProblem;
    if (!m_lean)
        report.root.add(message.parseStep());
    report.checks.reserve(qsizetype(results.size()));
    for (CheckResult& r : results) {
        // A lean report's tree is never shown: each check keeps its own step, uncopied.
        if (!m_lean)
            report.root.add(r.step);
        report.sources.append(r.sources);
        report.checks.append(std::move(r));
    }
    // The answers' own sources, so spans of the dns.query steps resolve (a lean report's
    // output shows no sources).
    if (!m_lean) {
        for (const dns::Answer& a : report.dns)
            report.sources.append(dns::answerSource(a));
    }
    if (report.cancelled) {
        report.root.status = Status::TempError;
        report.root.detail += (report.root.detail.isEmpty() ? QString() : QStringLiteral("\n"))
            + tr("The verification was cancelled or ran out of its time budget; "
                 "the results are incomplete.");
    } else {
        report.root.status = overallStatus(report);
    }
    return report;
}

} // namespace ms
