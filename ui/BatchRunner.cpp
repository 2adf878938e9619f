#include "BatchRunner.h"

#include "Scenarios.h"
#include "crypto/Keys.h"
#include "message/Message.h"
#include "report/Verdict.h"
#include "verify/BatchVerify.h"
#include "verify/Verifier.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace ms::ui {

namespace {

// Rows waiting for the GUI: the workers pause beyond this (the GUI drains every tick).
constexpr int kMaxPending = 4096;

bool isFailure(Status s)
{
    return s == Status::Fail || s == Status::SoftFail || s == Status::PermError;
}

QString headerText(const Message& m, QByteArrayView name)
{
    const HeaderField* f = m.first(name);
    if (!f)
        return {};
    QString s = f->decoded();
    // One line in a table cell: control characters of hostile headers become spaces.
    for (QChar& c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    }
    return s.left(1000);
}

} // namespace

BatchJobSetup batchJobSetup(
    const BatchRequest& request, const QString& path, SampleFolders* folders)
{
    BatchJobSetup s;
    s.zones = request.base.zoneFiles;
    for (const QString& z : folders ? folders->zonesFor(path) : zonesFor(path)) {
        if (!s.zones.contains(z))
            s.zones << z;
    }
    s.fixedTime = sampleTime(path);
    if (folders ? folders->isBundledSample(path) : isBundledSample(path))
        s.sampleOptionsOf = path;
    return s;
}

struct BatchRunner::State {
    BatchRequest request;
    std::atomic_bool cancel { false };
    std::atomic_int done { 0 };
    std::atomic_int total { -1 };
    std::atomic_bool finished { false };

    SampleFolders folders;

    QMutex mutex; // guards everything below
    QList<BatchRow> pending;
    QStringList notes;
    QHash<QString, std::shared_ptr<const Verifier>> verifiers; // per zones + time

    std::shared_ptr<const Verifier> verifierFor(const BatchJobSetup& setup)
    {
        const QString key = setup.zones.join(QLatin1Char('\n')) + QLatin1Char('\t')
            + setup.fixedTime.toString(Qt::ISODateWithMs) + QLatin1Char('\t')
            + setup.sampleOptionsOf;
        QMutexLocker lock(&mutex);
        auto& v = verifiers[key];
        if (!v) {
            VerifyRequest r = request.base;
            r.zoneFiles = setup.zones;
            if (!setup.sampleOptionsOf.isEmpty())
                applySampleOptions(setup.sampleOptionsOf, r.options);
            if (setup.fixedTime.isValid()) {
                r.options.timeMode = VerifyOptions::TimeMode::Fixed;
                r.options.fixedTime = setup.fixedTime;
            }
            // The pool runs whole messages in parallel; threads per check would only
            // compete with it (the CLI batch does the same).
            r.options.parallelChecks = false;
            QStringList problems;
            QString description;
            dns::ResolverPtr resolver = buildResolver(r, &problems, &description);
            for (const QString& p : std::as_const(problems)) {
                if (!notes.contains(p))
                    notes << p;
            }
            auto verifier = std::make_shared<Verifier>(r.options, resolver);
            // A row shows statuses, summaries and the verdict, which lean reports keep
            // exactly (tst_checks_summary); the workbench verifies an opened row afresh. Over
            // DNS that cannot change during the batch, DMARC is evaluated once per sender.
            verifier->setLean(true);
            verifier->setBatchMemo(!usesLiveDns(r));
            v = std::move(verifier);
        }
        return v;
    }

    // One message: read (unless `whole` holds its file, read ahead), parse, verify,
    // summarize; the report is dropped here.
    std::optional<BatchRow> process(
        const BatchJob& job, int index, std::optional<QByteArrayView> whole)
    {
        BatchRow row;
        row.index = index;
        row.name = job.name;
        row.path = job.path;
        row.file = job.file;
        row.offset = job.offset;
        row.length = job.length;
        const auto verifier = verifierFor(batchJobSetup(request, job.path, &folders));
        const BatchVerification verified = whole ? verifyBatchBytes(*verifier, job, *whole, &cancel)
                                                 : verifyBatchJob(*verifier, job, &cancel);
        if (!verified.error.isEmpty()) {
            row.inputError = verified.error;
            return row;
        }
        row.subject = headerText(verified.message, "Subject");
        row.from = headerText(verified.message, "From");
        const Report& report = verified.report;
        if (report.cancelled && cancel.load())
            return std::nullopt; // incomplete: not shown as if it were a result
        const Verdict v = overallVerdict(report);
        row.verdict = v.status;
        row.verdictReason = v.reason;
        for (const CheckResult& c : report.checks) {
            for (size_t i = 0; i < kBatchChecks.size(); ++i) {
                if (c.name == QLatin1String(kBatchChecks[i]))
                    row.checks[i] = c.status;
            }
            if (c.name != QLatin1String("authres")
                && (isFailure(c.status) || c.status == Status::TempError))
                row.failures.append({ c.name, c.summary });
        }
        return row;
    }

    void push(BatchRow&& row)
    {
        QMutexLocker lock(&mutex);
        pending.append(std::move(row));
    }

    qsizetype pendingCount()
    {
        QMutexLocker lock(&mutex);
        return pending.size();
    }
};

BatchRunner::BatchRunner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<ms::ui::BatchRow>>();
    m_control.setMaxThreadCount(1);
    m_drainTimer.setInterval(50);
    connect(&m_drainTimer, &QTimer::timeout, this, &BatchRunner::drain);
}

BatchRunner::~BatchRunner()
{
    if (m_state)
        m_state->cancel = true;
    m_future.waitForFinished();
    m_workers.waitForDone();
}

void BatchRunner::start(const BatchRequest& request)
{
    if (m_state) {
        m_state->cancel = true;
        m_future.waitForFinished();
        m_drainTimer.stop();
    }
    auto state = std::make_shared<State>();
    state->request = request;
    m_state = state;
    const int threads
        = request.threads > 0 ? request.threads : qMax(1, QThread::idealThreadCount());
    m_workers.setMaxThreadCount(threads);
    m_workers.setThreadPriority(QThread::LowPriority); // below the GUI thread (see VerifyRunner)
    QThreadPool* workers = &m_workers;
    m_future = QtConcurrent::run(&m_control, [state, workers, threads] {
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs(state->request.inputs, &jobs, &errors);
        state->total = int(jobs.size() + errors.size());
        int index = 0;
        for (const BatchInputError& e : std::as_const(errors)) {
            BatchRow row;
            row.index = index++;
            row.name = e.path;
            row.path = e.path;
            row.inputError = e.message;
            state->push(std::move(row));
            ++state->done;
        }
        // Each worker claims a run of consecutive messages from a shared counter (at most
        // one read-ahead group, fewer near the end so that every worker keeps some), reads
        // their files ahead in one go and verifies them one by one, as the CLI's workers
        // do. A pool task per message cost a task hand-over and an OpenSSL clean-up (its
        // cached contexts) per message.
        std::atomic<qsizetype> next { 0 };
        const qsizetype total = jobs.size();
        const int firstIndex = index;
        auto work = [&] {
            BatchPrefetch prefetch;
            for (;;) {
                while (!state->cancel && state->pendingCount() > kMaxPending)
                    QThread::msleep(20);
                if (state->cancel)
                    break;
                qsizetype first = next.load(std::memory_order_relaxed);
                qsizetype run = 1;
                do {
                    if (first >= total)
                        break;
                    run = prefetch.available() ? BatchPrefetch::runLength(total - first, threads)
                                               : 1;
                } while (!next.compare_exchange_weak(first, first + run));
                if (first >= total)
                    break;
                if (run > 1)
                    prefetch.read(jobs.constData() + first, int(run));
                else
                    prefetch.read(nullptr, 0);
                for (qsizetype k = 0; k < run && !state->cancel; ++k) {
                    const qsizetype i = first + k;
                    if (std::optional<BatchRow> row
                        = state->process(jobs[i], firstIndex + int(i), prefetch.bytes(int(k)))) {
                        state->push(std::move(*row));
                        ++state->done;
                    }
                }
            }
            // The pool may be joined just before the program exits: free this thread's
            // OpenSSL state now.
            crypto::releaseThreadResources();
        };
        for (int t = 0; t < threads && t < total; ++t)
            workers->start(work);
        workers->waitForDone();
        state->finished = true;
    });
    m_drainTimer.start();
    emit progress(0, -1);
}

void BatchRunner::cancel()
{
    if (m_state)
        m_state->cancel = true;
}

void BatchRunner::drain()
{
    if (!m_state)
        return;
    const std::shared_ptr<State> state = m_state;
    // Read "finished" before taking the rows: rows pushed before it was set are in this
    // drain, so the last drain leaves nothing behind.
    const bool allDone = state->finished.load();
    QList<BatchRow> rows;
    QStringList notes;
    {
        QMutexLocker lock(&state->mutex);
        rows.swap(state->pending);
        notes.swap(state->notes);
    }
    if (!notes.isEmpty())
        emit this->notes(notes);
    if (!rows.isEmpty())
        emit rowsReady(rows);
    emit progress(state->done.load(), state->total.load());
    if (allDone) {
        m_drainTimer.stop();
        m_future.waitForFinished();
        m_state.reset();
        emit finished(state->cancel.load(), state->done.load(), state->total.load());
    }
}

} // namespace ms::ui
