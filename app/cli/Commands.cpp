#include "Commands.h"

#include "Batch.h"
#include "DnsSetup.h"
#include "Inputs.h"
#include "Output.h"
#include "SecurityOptions.h"
#include "dkim/Dkim.h"
#include "dns/Recorder.h"
#include "report/Report.h"
#include "spf/Spf.h"
#include "verify/Checks.h"
#include "verify/Verifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace ms::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

void printErr(const QString& s)
{
    std::fprintf(stderr, "mailscope-cli: %s\n", qPrintable(s));
}

// Flushes standard output, remembering why it failed (run() reports it at exit).
void flushStdout()
{
    if (std::fflush(stdout) != 0)
        noteOutputError(errno);
}

void printOut(const QString& s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
}

QString exitCodeHelp()
{
    return tr("Exit codes:\n"
              "  0  every message was verified and no check failed\n"
              "  1  at least one check failed (fail, softfail or permerror)\n"
              "  2  usage error: unknown option, bad value, nothing to do\n"
              "  3  input error: a file or directory could not be read or was empty\n"
              "     (the other inputs were still verified)\n"
              "  4  a temporary error left a result open (DNS timeout or SERVFAIL, DNS not\n"
              "     available offline, the time budget ran out)\n"
              "  5  the output could not be written (a full disk, a closed output): results\n"
              "     are missing, and a batch stopped early\n"
              "When several apply, 5 wins over all, 3 over 4, and 4 over 1.\n");
}

QString generalHelp()
{
    return tr("Usage: mailscope-cli COMMAND [options] [arguments]\n"
              "\n"
              "Explains step by step why e-mail passes or fails SPF, DKIM, ARC, DMARC,\n"
              "S/MIME and TLS checks.\n"
              "\n"
              "Commands:\n"
              "  verify [options] FILE|DIR...   verify messages: .eml files, directories,\n"
              "                                 Maildir folders, mbox files\n"
              "  spf --ip IP --helo NAME --mail-from ADDR [options]\n"
              "                                 evaluate SPF for an envelope, without a message\n"
              "  compare SENT RECEIVED          what changed in transit, per DKIM signature\n"
              "\n"
              "  mailscope-cli COMMAND --help   options of a command\n"
              "  mailscope-cli --version        the version\n"
              "\n")
        + exitCodeHelp();
}

// Options shared by the commands that ask DNS.
struct DnsOptions {
    QCommandLineOption zone { QStringLiteral("zone"),
        tr("Answer DNS from this master file (repeatable). The zone files are then "
           "the whole DNS (no live query) unless --dns-server is also given, in which "
           "case they are laid over that server's answers."),
        tr("FILE") };
    QCommandLineOption offline { QStringLiteral("offline"),
        tr("Never ask live DNS: names not in --zone/--replay-dns files "
           "are answered 'offline' (a temporary error).") };
    QCommandLineOption server { QStringLiteral("dns-server"),
        tr("Ask this DNS server instead of the system's resolvers."), tr("HOST[:PORT]") };
    QCommandLineOption saveDns { QStringLiteral("save-dns"),
        tr("Save every DNS answer used to this file (JSON transcript)."), tr("FILE") };
    QCommandLineOption replayDns { QStringLiteral("replay-dns"),
        tr("Answer DNS from a transcript saved with --save-dns."), tr("FILE") };
    QCommandLineOption format { QStringLiteral("format"),
        tr("Output format: text, json, jsonl or csv (default: text)."), tr("FORMAT"),
        QStringLiteral("text") };

    void addTo(QCommandLineParser& p) const
    {
        p.addOptions({ zone, offline, server, saveDns, replayDns, format });
    }

    DnsConfig config(const QCommandLineParser& p) const
    {
        DnsConfig c;
        c.zones = p.values(zone);
        c.offline = p.isSet(offline);
        c.server = p.value(server);
        c.replayFile = p.value(replayDns);
        return c;
    }
};

// Parses after the command word; returns false (usage error printed) on bad options.
bool parse(
    QCommandLineParser& p, const QStringList& arguments, const QString& command, int* exitCode)
{
    QStringList args = arguments;
    args.removeAt(1); // the command word
    if (!p.parse(args)) {
        printErr(p.errorText());
        printErr(tr("try 'mailscope-cli %1 --help'").arg(command));
        *exitCode = ExitUsage;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        printOut(p.helpText() + QLatin1Char('\n') + exitCodeHelp());
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

bool parseFormat(const QString& s, Format* f, bool allowCsv)
{
    if (s == QLatin1String("text"))
        *f = Format::Text;
    else if (s == QLatin1String("json"))
        *f = Format::Json;
    else if (s == QLatin1String("jsonl"))
        *f = Format::Jsonl;
    else if (s == QLatin1String("csv") && allowCsv)
        *f = Format::Csv;
    else
        return false;
    return true;
}

QStringList splitList(const QStringList& values)
{
    QStringList out;
    for (const QString& v : values) {
        for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    }
    out.removeAll(QString());
    return out;
}

int verifyCommand(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Verify messages: .eml files, directories (recursively), "
                                   "Maildir folders (cur/ and new/) and mbox files (each "
                                   "message). Results go to stdout, diagnostics to stderr."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("inputs"),
        tr("Files and directories to verify; - reads one message from standard input."),
        tr("FILE|DIR..."));
    DnsOptions dnsOpts;
    dnsOpts.addTo(p);
    const QCommandLineOption ip(QStringLiteral("ip"),
        tr("The SMTP client's IP address (overrides the guess from Received)."), tr("IP"));
    const QCommandLineOption helo(
        QStringLiteral("helo"), tr("The HELO/EHLO name (overrides the guess)."), tr("NAME"));
    const QCommandLineOption mailFrom(QStringLiteral("mail-from"),
        tr("The MAIL FROM address; '<>' for bounces (overrides the guess)."), tr("ADDR"));
    const QCommandLineOption checks(QStringLiteral("checks"),
        tr("Run only these checks (comma-separated): %1.")
            .arg(allCheckNames().join(QLatin1String(", "))),
        tr("LIST"));
    const QCommandLineOption threads(QStringLiteral("threads"),
        tr("Verify this many messages at once (default: the number of cores)."), tr("N"));
    const QCommandLineOption time(QStringLiteral("time"),
        tr("Judge signatures and certificates as of: now (default), date (the message's Date "
           "field), or an ISO 8601 time (UTC unless it says otherwise)."),
        tr("WHEN"), QStringLiteral("now"));
    const QCommandLineOption discovery(QStringLiteral("dmarc-discovery"),
        tr("How DMARC finds the policy domain: treewalk (DMARCbis, default) or psl (RFC 7489)."),
        tr("METHOD"), QStringLiteral("treewalk"));
    const QCommandLineOption sealer(QStringLiteral("trusted-sealer"),
        tr("An ARC sealer (d= domain) whose chain may override a DMARC failure (repeatable, or "
           "comma-separated)."),
        tr("DOMAIN"));
    const QCommandLineOption authserv(QStringLiteral("trusted-authserv"),
        tr("An authserv-id whose Authentication-Results are believed (repeatable, or "
           "comma-separated)."),
        tr("ID"));
    const QCommandLineOption summary(QStringLiteral("summary"),
        tr("After the results, print counts per check and result and the most common failure "
           "reasons."));
    const QCommandLineOption steps(QStringLiteral("steps"),
        tr("jsonl: include the step tree and sources in every line (json always has them)."));
    const QCommandLineOption noProgress(QStringLiteral("no-progress"),
        tr("No progress bar (it is only drawn when stderr is a terminal)."));
    const QCommandLineOption budget(QStringLiteral("time-budget"),
        tr("Give up on a message after this many milliseconds, DNS included (default: 60000)."),
        tr("MS"));
    p.addOptions({ ip, helo, mailFrom, checks, threads, time, discovery, sealer, authserv, summary,
        steps, noProgress, budget });
    const SecurityOptions security;
    security.addTo(p);

    int code = ExitOk;
    if (!parse(p, arguments, QStringLiteral("verify"), &code))
        return code;

    Format format;
    if (!parseFormat(p.value(dnsOpts.format), &format, true)) {
        printErr(tr("unknown format '%1' (text, json, jsonl or csv)").arg(p.value(dnsOpts.format)));
        return ExitUsage;
    }
    const QStringList inputs = p.positionalArguments();
    if (inputs.isEmpty()) {
        printErr(tr("no input: give at least one file or directory"));
        printErr(tr("try 'mailscope-cli verify --help'"));
        return ExitUsage;
    }

    VerifyOptions options;
    if (p.isSet(checks)) {
        options.checks = splitList(p.values(checks));
        for (QString& c : options.checks)
            c = c.toLower();
        for (const QString& c : options.checks) {
            if (!allCheckNames().contains(c)) {
                printErr(tr("unknown check '%1' (known: %2)")
                             .arg(c, allCheckNames().join(QLatin1String(", "))));
                return ExitUsage;
            }
            bool available = false;
            for (const CheckEntry& e : checkTable())
                available = available || e.name == c;
            if (!available)
                printErr(
                    tr("note: the %1 check is not available in this build; it is left out").arg(c));
        }
        if (options.checks.isEmpty()) {
            printErr(tr("--checks needs at least one check name"));
            return ExitUsage;
        }
    }
    if (p.isSet(ip))
        options.clientIp = p.value(ip);
    if (p.isSet(helo))
        options.helo = p.value(helo);
    if (p.isSet(mailFrom))
        options.mailFrom = p.value(mailFrom);

    const QString when = p.value(time);
    if (when == QLatin1String("now")) {
        options.timeMode = VerifyOptions::TimeMode::Now;
    } else if (when == QLatin1String("date")) {
        options.timeMode = VerifyOptions::TimeMode::MessageDate;
    } else {
        QDateTime t = QDateTime::fromString(when, Qt::ISODateWithMs);
        if (!t.isValid())
            t = QDateTime::fromString(when, Qt::ISODate);
        if (!t.isValid()) {
            printErr(
                tr("--time: '%1' is not now, date or an ISO 8601 time such as 2024-05-01T12:00:00Z")
                    .arg(when));
            return ExitUsage;
        }
        if (t.timeSpec() == Qt::LocalTime)
            t.setTimeSpec(Qt::UTC);
        options.timeMode = VerifyOptions::TimeMode::Fixed;
        options.fixedTime = t.toUTC();
    }
    const QString disc = p.value(discovery).toLower();
    if (disc == QLatin1String("treewalk")) {
        options.dmarcDiscovery = VerifyOptions::DmarcDiscovery::TreeWalk;
    } else if (disc == QLatin1String("psl")) {
        options.dmarcDiscovery = VerifyOptions::DmarcDiscovery::Psl;
    } else {
        printErr(tr("--dmarc-discovery: '%1' is not treewalk or psl").arg(p.value(discovery)));
        return ExitUsage;
    }
    options.trustedArcSealers = splitList(p.values(sealer));
    options.trustedAuthservIds = splitList(p.values(authserv));
    QString securityError;
    if (const SecurityOptions::Error e = security.apply(p, options, &securityError);
        e != SecurityOptions::Error::None) {
        printErr(securityError);
        return e == SecurityOptions::Error::Usage ? ExitUsage : ExitInput;
    }
    if (p.isSet(budget)) {
        bool ok = false;
        const int ms = p.value(budget).toInt(&ok);
        if (!ok || ms <= 0) {
            printErr(tr("--time-budget: '%1' is not a positive number of milliseconds")
                         .arg(p.value(budget)));
            return ExitUsage;
        }
        options.timeBudgetMs = ms;
    }

    int threadCount = QThread::idealThreadCount();
    if (p.isSet(threads)) {
        bool ok = false;
        threadCount = p.value(threads).toInt(&ok);
        if (!ok || threadCount < 1 || threadCount > 1024) {
            printErr(tr("--threads: '%1' is not a number from 1 to 1024").arg(p.value(threads)));
            return ExitUsage;
        }
    }
    threadCount = std::max(1, threadCount);

    // DNS
    const DnsConfig dnsConfig = dnsOpts.config(p);
    DnsSetupResult dns = makeResolver(dnsConfig);
    for (const QString& w : dns.warnings)
        printErr(w);
    if (!dns.resolver) {
        printErr(dns.error);
        return dns.usageError ? ExitUsage : ExitInput;
    }
    // Offline means no traffic at all, not only no DNS: the live STARTTLS probe and the
    // MTA-STS fetch would tell the (possibly hostile) sender's servers that we looked.
    if (!dns.live && (options.tlsLiveSmtpCheck || options.tlsFetchMtaStsPolicy)) {
        printErr(tr("--%1 connects to the network, but DNS is offline here (--offline, "
                    "--replay-dns, or --zone without --dns-server)")
                     .arg(options.tlsLiveSmtpCheck ? QStringLiteral("tls-live-check")
                                                   : QStringLiteral("mta-sts-fetch")));
        return ExitUsage;
    }
    const QString saveFile = p.value(dnsOpts.saveDns);
    TranscriptCollector collector;

    // Inputs
    QList<Job> jobs;
    QList<InputError> inputErrors;
    QStringList skipped;
    collectJobs(inputs, &jobs, &inputErrors, &skipped);
    for (const InputError& e : inputErrors)
        printErr(QStringLiteral("%1: %2").arg(e.path, e.message));
    if (!skipped.isEmpty()) {
        // A note, not an error per file: a zone file or README next to sample messages is
        // not a message that failed.
        QStringList shown = skipped.mid(0, 3);
        if (skipped.size() > shown.size())
            shown << QStringLiteral("…");
        printErr(tr("note: %1 file(s) in the folders left out, they do not look like messages "
                    "(%2)")
                     .arg(skipped.size())
                     .arg(shown.join(QStringLiteral(", "))));
    }

    // One message: its checks may run in parallel. Many: whole messages run in parallel.
    // (The Verifier assembles the DNS transcript in report order, so output is the same
    // either way.)
    options.parallelChecks = jobs.size() == 1 && threadCount > 1;
    Verifier verifier(options, dns.resolver);
    // Answers that cannot change during the run (zone files, a replayed transcript, offline):
    // messages with the same sender and results share one DMARC evaluation.
    verifier.setBatchMemo(!dns.live && jobs.size() > 1);
    BatchConfig config;
    config.format = format;
    config.withSteps = p.isSet(steps);
    config.threads = threadCount;
    config.progress = !p.isSet(noProgress) && ::isatty(STDERR_FILENO) && jobs.size() > 1;
    config.keepDns = !saveFile.isEmpty();
    Batch batch(verifier, config);
    Summary result = batch.run(
        jobs, stdout, stderr, [&](const QList<dns::Answer>& answers) { collector.add(answers); });
    for (const InputError& e : inputErrors)
        result.add(summarizeInputError(e.path, e.message));
    result.setSkipped(int(skipped.size()));

    if (p.isSet(summary)) {
        switch (format) {
        case Format::Text: printOut(QLatin1Char('\n') + result.text()); break;
        case Format::Json:
        case Format::Jsonl:
            printOut(QString::fromUtf8(
                         QJsonDocument(QJsonObject { { QStringLiteral("summary"), result.json() } })
                             .toJson(format == Format::Json ? QJsonDocument::Indented
                                                            : QJsonDocument::Compact))
                + (format == Format::Jsonl ? QStringLiteral("\n") : QString()));
            break;
        case Format::Csv: std::fputs(qPrintable(result.text()), stderr); break;
        }
    }
    flushStdout();

    if (!saveFile.isEmpty()) {
        QString error;
        if (!collector.save(saveFile, &error)) {
            printErr(tr("--save-dns: %1").arg(error));
            return ExitInput;
        }
    }
    if (jobs.isEmpty() && inputErrors.isEmpty())
        return ExitInput;
    return exitCodeFor(result.worst());
}

int spfCommand(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Evaluate SPF (RFC 7208) for an SMTP envelope, without a "
                                   "message: which record applies, every term in order, and "
                                   "the result."));
    p.addHelpOption();
    DnsOptions dnsOpts;
    dnsOpts.addTo(p);
    const QCommandLineOption ip(
        QStringLiteral("ip"), tr("The SMTP client's IP address (required)."), tr("IP"));
    const QCommandLineOption helo(QStringLiteral("helo"), tr("The HELO/EHLO name."), tr("NAME"));
    const QCommandLineOption mailFrom(QStringLiteral("mail-from"),
        tr("The MAIL FROM address; empty or '<>' for bounces."), tr("ADDR"));
    const QCommandLineOption identity(QStringLiteral("identity"),
        tr("Which identity to check: mailfrom (default) or helo."), tr("ID"),
        QStringLiteral("mailfrom"));
    p.addOptions({ ip, helo, mailFrom, identity });

    int code = ExitOk;
    if (!parse(p, arguments, QStringLiteral("spf"), &code))
        return code;
    Format format;
    if (!parseFormat(p.value(dnsOpts.format), &format, false)) {
        printErr(tr("unknown format '%1' (text, json or jsonl)").arg(p.value(dnsOpts.format)));
        return ExitUsage;
    }
    if (!p.isSet(ip)) {
        printErr(tr("--ip is required"));
        return ExitUsage;
    }
    if (!p.positionalArguments().isEmpty()) {
        printErr(tr("unexpected argument '%1'").arg(p.positionalArguments().constFirst()));
        return ExitUsage;
    }
    spf::SpfRequest request;
    request.ip = p.value(ip);
    request.helo = p.value(helo);
    request.mailFrom = p.value(mailFrom);
    const QString id = p.value(identity).toLower();
    if (id == QLatin1String("helo"))
        request.identity = spf::SpfRequest::Identity::Helo;
    else if (id != QLatin1String("mailfrom")) {
        printErr(tr("--identity: '%1' is not mailfrom or helo").arg(p.value(identity)));
        return ExitUsage;
    }
    DnsSetupResult dns = makeResolver(dnsOpts.config(p));
    for (const QString& w : dns.warnings)
        printErr(w);
    if (!dns.resolver) {
        printErr(dns.error);
        return dns.usageError ? ExitUsage : ExitInput;
    }
    dns::Recorder recorder(dns.resolver);
    const spf::SpfEvaluation e = spf::evaluate(request, recorder);

    // Present it as a report with one check, so every output format works the same.
    Report r;
    r.evaluationTime = QDateTime::currentDateTimeUtc();
    r.envelope.clientIp.value = request.ip;
    r.envelope.helo.value = request.helo;
    r.envelope.mailFrom.value = request.mailFrom;
    for (EnvelopeValue* v : { &r.envelope.clientIp, &r.envelope.helo, &r.envelope.mailFrom }) {
        v->overridden = true;
        v->reason = tr("given by the user");
    }
    CheckResult c;
    c.name = QStringLiteral("spf");
    c.status = e.result;
    c.summary = e.reason;
    QJsonObject j { { QStringLiteral("result"), statusName(e.result) },
        { QStringLiteral("identity"), e.identity }, { QStringLiteral("domain"), e.domain },
        { QStringLiteral("sender"), e.sender }, { QStringLiteral("client_ip"), e.clientIp },
        { QStringLiteral("reason"), e.reason } };
    if (!e.explanation.isEmpty())
        j.insert(QStringLiteral("explanation"), e.explanation);
    if (!e.inputProblem.isEmpty())
        j.insert(QStringLiteral("input_problem"), e.inputProblem);
    c.json = j;
    c.step = e.step;
    c.sources = e.sources;
    SpfOutcome o;
    o.status = e.result;
    o.identity = e.identity;
    o.domain = e.domain;
    o.clientIp = e.clientIp;
    o.reason = e.reason;
    r.outcomes.spf = o;
    r.root = Step(QStringLiteral("report"), e.result, tr("SPF evaluation"));
    r.root.add(e.step);
    r.checks.append(c);
    r.sources = e.sources;
    r.dns = recorder.transcript();
    for (const dns::Answer& a : r.dns)
        r.sources.append(dns::answerSource(a));
    const QByteArray out = formatReport(r, format, true);
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    flushStdout();
    if (!e.inputProblem.isEmpty()) {
        printErr(e.inputProblem);
        return ExitUsage;
    }
    switch (e.result) {
    case Status::Fail:
    case Status::SoftFail:
    case Status::PermError: return ExitFailed;
    case Status::TempError: return ExitTemporary;
    default: return ExitOk;
    }
}

QJsonArray toJsonArray(const QStringList& l)
{
    QJsonArray a;
    for (const QString& s : l)
        a.append(s);
    return a;
}

int compareCommand(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Compare a message as sent with the same message as received: "
                                   "for each DKIM signature in both, what changed in its signed "
                                   "header fields and body (canonical forms, line by line)."));
    p.addHelpOption();
    p.addPositionalArgument(
        QStringLiteral("sent"), tr("The copy as sent (e.g. from the Sent folder)."), tr("SENT"));
    p.addPositionalArgument(
        QStringLiteral("received"), tr("The copy as received."), tr("RECEIVED"));
    const QCommandLineOption format(QStringLiteral("format"),
        tr("Output format: text or json (default: text)."), tr("FORMAT"), QStringLiteral("text"));
    p.addOption(format);
    int code = ExitOk;
    if (!parse(p, arguments, QStringLiteral("compare"), &code))
        return code;
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json")) {
        printErr(tr("unknown format '%1' (text or json)").arg(fmt));
        return ExitUsage;
    }
    if (p.positionalArguments().size() != 2) {
        printErr(tr("compare needs exactly two files: SENT RECEIVED"));
        return ExitUsage;
    }
    QList<Message> copies;
    for (const QString& path : p.positionalArguments()) {
        QList<Job> jobs;
        QList<InputError> errors;
        collectJobs({ path }, &jobs, &errors);
        QByteArray bytes;
        QString error;
        if (!errors.isEmpty()) {
            printErr(QStringLiteral("%1: %2").arg(path, errors.first().message));
            return ExitInput;
        }
        if (jobs.size() != 1 || !readJob(jobs.first(), &bytes, &error)) {
            printErr(QStringLiteral("%1: %2").arg(
                path, error.isEmpty() ? tr("not a single message") : error));
            return ExitInput;
        }
        copies << Message::parse(bytes);
    }
    const dkim::CompareResult c = dkim::compareCopies(copies[0], copies[1]);
    bool same = c.unmatched.isEmpty();
    QJsonArray sigs;
    for (const dkim::CompareSignature& s : c.signatures) {
        same = same && s.headerSame && s.bodySame;
        sigs.append(QJsonObject { { QStringLiteral("domain"), s.domain },
            { QStringLiteral("selector"), s.selector },
            { QStringLiteral("header_same"), s.headerSame },
            { QStringLiteral("body_same"), s.bodySame },
            { QStringLiteral("header_diff"), toJsonArray(s.headerDiff) },
            { QStringLiteral("body_diff"), toJsonArray(s.bodyDiff) } });
    }
    if (fmt == QLatin1String("json")) {
        Report r;
        r.root = c.step;
        QJsonObject o { { QStringLiteral("schema"), QStringLiteral("mailscope-compare/1") },
            { QStringLiteral("sent"), p.positionalArguments().at(0) },
            { QStringLiteral("received"), p.positionalArguments().at(1) },
            { QStringLiteral("signatures"), sigs },
            { QStringLiteral("unmatched"), toJsonArray(c.unmatched) },
            { QStringLiteral("steps"), toJson(r).value(QStringLiteral("steps")) } };
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    } else {
        Report r;
        r.root = c.step;
        // The step tree part of the text dump (the report header lines say nothing here).
        const QString t = toText(r);
        const qsizetype start = t.indexOf(QLatin1String("\n\n"));
        printOut(start >= 0 ? t.mid(start + 2) : t);
    }
    return same ? ExitOk : ExitFailed;
}

int dispatch(const QStringList& arguments)
{
    if (arguments.size() < 2) {
        std::fputs(qPrintable(generalHelp()), stderr);
        return ExitUsage;
    }
    const QString command = arguments.at(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        printOut(generalHelp());
        return ExitOk;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        printOut(QStringLiteral("mailscope-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    if (command == QLatin1String("verify"))
        return verifyCommand(arguments);
    if (command == QLatin1String("spf"))
        return spfCommand(arguments);
    if (command == QLatin1String("compare"))
        return compareCommand(arguments);
    printErr(tr("unknown command '%1'").arg(command));
    std::fputs(qPrintable(generalHelp()), stderr);
    return ExitUsage;
}

} // namespace

int run(const QStringList& arguments)
{
    const int code = dispatch(arguments);
    // Results that never reached their reader are not results: a failed write of standard
    // output (a full disk, a closed descriptor) is said on stderr and wins over every other
    // exit code, where it would otherwise pass for a clean run.
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int err = outputError() != 0 ? outputError() : errno;
        printErr(tr("cannot write the output: %1")
                     .arg(err != 0 ? qt_error_string(err) : tr("a write failed")));
        return ExitOutput;
    }
    return code;
}

} // namespace ms::cli
