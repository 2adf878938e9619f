#include "Batch.h"

#include "crypto/Keys.h"
#include "message/Message.h"
#include "verify/BatchVerify.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>
#include <QThreadPool>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <iterator>
#include <optional>
#include <unistd.h>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace ms::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

void drawProgress(std::FILE* err, qsizetype done, qsizetype total, const QElapsedTimer& clock)
{
    constexpr int width = 30;
    const int filled = total > 0 ? int(done * width / total) : width;
    const double secs = clock.elapsed() / 1000.0;
    const double rate = secs > 0 ? done / secs : 0;
    const QByteArray bar = QByteArray(filled, '#') + QByteArray(width - filled, '.');
    std::fprintf(err, "\r[%s] %lld/%lld  %.0f msg/s ", bar.constData(), qlonglong(done),
        qlonglong(total), rate);
    std::fflush(err);
}

} // namespace

struct Batch::Result {
    QByteArray out;
    QString error; // input error, for stderr
    MessageSummary summary;
    QList<dns::Answer> dns;
};

Batch::Batch(const Verifier& verifier, BatchConfig config)
    : m_verifier(verifier)
    , m_config(config)
{
    // JSON lines without --steps and CSV print no step tree and no sources: do not build
    // the parts of them that only a viewer needs.
    const bool printsTree = m_config.format == Format::Text || m_config.format == Format::Json
        || (m_config.format == Format::Jsonl && m_config.withSteps);
    m_verifier.setLean(!printsTree);
#ifdef __GLIBC__
    // A batch allocates and frees a buffer per message as large as the message. Above
    // glibc's default threshold every such buffer was a fresh mmap(): page faults and
    // zeroing for every megabyte read, a tenth of the time of a corpus of large
    // messages. From the heap, freed buffers are reused by the next message; memory is
    // still bounded by the largest messages in flight.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    // Each worker's heap grew by glibc's default 128 KB at a time: ~90 mprotect() calls a
    // thread on 2,000 small messages, each a TLB shootdown on the other core once two
    // threads run, and the arena's lock held meanwhile. Pages are only reserved, not
    // touched, so the resident size does not grow with the pad.
    mallopt(M_TOP_PAD, 4 * 1024 * 1024);
#endif
}

Batch::Result Batch::process(const Job& job, std::optional<QByteArrayView> whole) const
{
    Result result;
    BatchVerification v;
    if (isStandardInput(job)) {
        QByteArray bytes;
        if (readJob(job, &bytes, &v.error))
            v.report = m_verifier.verify(Message::parse(std::move(bytes)), job.name);
    } else if (whole) {
        v = verifyBatchBytes(m_verifier, job, *whole);
    } else {
        v = verifyBatchJob(m_verifier, job);
    }
    if (!v.error.isEmpty()) {
        result.error = v.error;
        result.out = formatInputError(job.name, v.error, m_config.format);
        result.summary = summarizeInputError(job.name, v.error);
        return result;
    }
    const Report& report = v.report;
    result.out = formatReport(report, m_config.format, m_config.withSteps);
    result.summary = summarize(report);
    if (m_config.keepDns)
        result.dns = report.dns;
    return result;
}

Summary Batch::run(const QList<Job>& jobs, std::FILE* out, std::FILE* err,
    const std::function<void(const QList<dns::Answer>&)>& onDns)
{
    Summary summary;
    const qsizetype total = jobs.size();
    const bool jsonArray = m_config.format == Format::Json && total > 1;
    QElapsedTimer clock;
    clock.start();
    qint64 lastDraw = -1000;
    bool wroteAny = false;
    // Once a write of the output fails (a full disk, a closed descriptor), no result can reach
    // its reader: the workers take no further message, and the command reports the failure.
    std::atomic<bool> outputBroken { false };
    auto broke = [&] {
        noteOutputError(errno);
        outputBroken.store(true, std::memory_order_relaxed);
    };
    auto flushOut = [&] {
        if (std::fflush(out) != 0 || std::ferror(out))
            broke();
    };

    auto emitResult = [&](qsizetype index, const Result& r, bool flush) {
        if (m_config.progress)
            std::fputs("\r\033[K", err); // clear the bar before anything else is printed
        if (!r.error.isEmpty())
            std::fprintf(
                err, "mailscope-cli: %s: %s\n", qPrintable(jobs[index].name), qPrintable(r.error));
        if (!r.out.isEmpty()) {
            if (jsonArray)
                std::fputs(wroteAny ? ",\n" : "[\n", out);
            wroteAny = true;
            std::fwrite(r.out.constData(), 1, size_t(r.out.size()), out);
            if (flush)
                flushOut();
            else if (std::ferror(out))
                broke();
        }
        if (onDns && !r.dns.isEmpty())
            onDns(r.dns);
        summary.add(r.summary);
        if (m_config.progress && (clock.elapsed() - lastDraw >= 100 || index + 1 == total)) {
            drawProgress(err, index + 1, total, clock);
            lastDraw = clock.elapsed();
        }
    };

    if (m_config.format == Format::Csv)
        std::fputs(csvHeader().constData(), out);

    // Output to a terminal is flushed line by line. Into a pipe or file it is flushed at
    // most every 100 ms while messages keep coming, and by the waiting main thread when a
    // line has waited that long (a slow message cannot hold earlier lines back): a flush
    // per message woke the reading process (and made a write call) per message.
    const bool lineFlush = isatty(fileno(out)) != 0;
    constexpr qint64 kFlushMs = 100;
    qint64 lastFlush = 0;

    if (total <= 1) {
        for (qsizetype i = 0; i < total; ++i)
            emitResult(i, process(jobs[i]), true);
    } else {
        // Workers (one with --threads 1) take messages in input order from a shared counter;
        // the worker that finishes the next message to print writes it and every later one
        // already done. The main thread only waits, redraws the progress bar and flushes
        // lines that waited too long: a consumer thread woken for every message cost a
        // context switch per message and competed with the workers for the two cores, and a
        // pool task per message took the pool's lock per message as well.
        // Bounded look-ahead: enough to keep every worker busy while one slow message is
        // being finished (a 5 MB message takes as long as ~100 small ones), small enough
        // that memory does not grow with the corpus: a waiting result is its output line, a
        // few KB. A result's slot is its index modulo the window.
        const qsizetype window = qsizetype(m_config.threads) * 64;
        std::vector<std::optional<Result>> pending(size_t(std::min(window, total)));
        // Who made each waiting result. A printed result goes back to the worker that made
        // it, to be freed there: freed by the printing thread, every buffer of it went
        // back to the other thread's malloc arena under that arena's lock, and the two
        // threads waited on each other's arenas (the largest source of futex waits).
        std::vector<int> madeBy(pending.size(), -1);
        std::vector<std::vector<Result>> printedFor(size_t(m_config.threads));
        QMutex mutex;
        QWaitCondition room; // a worker ahead of the window waits for printing to advance
        QWaitCondition finished;
        qsizetype claimed = 0;
        qsizetype printed = 0;
        int roomWaiters = 0;
        bool printing = false;
        bool wroteSinceFlush = false;
        const size_t slotCount = pending.size();

        // Called with the lock held and `printing` taken, by worker `self` (-1: the main
        // thread); prints what is ready, in order.
        auto drain = [&](QMutexLocker<QMutex>& lock, int self) {
            for (;;) {
                std::optional<Result>& slot = pending[size_t(printed) % slotCount];
                if (!slot) {
                    // Flush once per run of printed lines when due; a worker may finish the
                    // next one while the lock is released for it, and it leaves the printing
                    // to us.
                    if (!wroteSinceFlush || (!lineFlush && clock.elapsed() - lastFlush < kFlushMs))
                        break;
                    wroteSinceFlush = false;
                    lastFlush = clock.elapsed();
                    lock.unlock();
                    flushOut();
                    lock.relock();
                    continue;
                }
                std::optional<Result> r = std::move(slot);
                slot.reset();
                const int maker = madeBy[size_t(printed) % slotCount];
                const qsizetype index = printed;
                lock.unlock();
                emitResult(index, *r, false);
                if (maker == self || maker < 0)
                    r.reset();
                wroteSinceFlush = true;
                lock.relock();
                if (r)
                    printedFor[size_t(maker)].push_back(std::move(*r));
                ++printed;
                if (roomWaiters > 0)
                    room.wakeAll();
            }
            if (printed == total)
                finished.wakeAll();
        };

        // A worker claims a run of consecutive messages (at most BatchPrefetch::kMaxGroup,
        // fewer near the end so that every worker keeps some) and reads their files ahead
        // in one go before verifying them one by one.
        const int threads = m_config.threads;
        std::atomic<int> workerIds { 0 };
        auto workLoop = [&] {
            const int self = workerIds.fetch_add(1);
            BatchPrefetch prefetch;
            std::vector<Result> done; // this worker's printed results, freed outside the lock
            QMutexLocker lock(&mutex);
            for (;;) {
                while (claimed < total && !outputBroken.load(std::memory_order_relaxed)
                    && claimed - printed >= qsizetype(slotCount)) {
                    ++roomWaiters;
                    room.wait(&mutex);
                    --roomWaiters;
                }
                if (claimed >= total || outputBroken.load(std::memory_order_relaxed))
                    return;
                const qsizetype first = claimed;
                qsizetype run = 1;
                if (prefetch.available()) // no more than the output's free slots
                    run = std::min(BatchPrefetch::runLength(total - claimed, threads),
                        qsizetype(slotCount) - (claimed - printed));
                claimed += run;
                lock.unlock();
                done.clear();
                if (run > 1 && !isStandardInput(jobs[first]))
                    prefetch.read(jobs.constData() + first, int(run));
                else
                    prefetch.read(nullptr, 0);
                for (qsizetype k = 0; k < run; ++k) {
                    const qsizetype i = first + k;
                    Result r = process(jobs[i], prefetch.bytes(int(k)));
                    lock.relock();
                    pending[size_t(i) % slotCount].emplace(std::move(r));
                    madeBy[size_t(i) % slotCount] = self;
                    if (i == printed && !printing) {
                        printing = true;
                        drain(lock, self);
                        printing = false;
                    }
                    std::vector<Result>& mine = printedFor[size_t(self)];
                    std::move(mine.begin(), mine.end(), std::back_inserter(done));
                    mine.clear();
                    if (k + 1 < run) {
                        lock.unlock();
                        done.clear();
                    }
                }
            }
        };

        // Each worker frees its OpenSSL state before it ends: the pool is joined just
        // before the process exits, and OpenSSL's exit cleanup must not race a worker's exit.
        auto work = [&] {
            workLoop();
            crypto::releaseThreadResources();
        };
        QThreadPool pool;
        pool.setMaxThreadCount(m_config.threads);
        for (int t = 0; t < m_config.threads && t < total; ++t)
            pool.start(work);
        {
            QMutexLocker lock(&mutex);
            while (printed < total && !outputBroken.load(std::memory_order_relaxed)) {
                if (!finished.wait(&mutex, QDeadlineTimer(kFlushMs)) && !printing && printed < total
                    && (m_config.progress || wroteSinceFlush)) {
                    printing = true;
                    const bool flush = wroteSinceFlush;
                    wroteSinceFlush = false;
                    if (flush)
                        lastFlush = clock.elapsed();
                    lock.unlock();
                    if (flush)
                        flushOut();
                    if (m_config.progress && clock.elapsed() - lastDraw >= 200) {
                        drawProgress(err, printed, total, clock);
                        lastDraw = clock.elapsed();
                    }
                    lock.relock();
                    drain(lock, -1); // a worker may have finished the next one meanwhile
                    printing = false;
                }
            }
        }
        pool.waitForDone();
    }
    if (jsonArray)
        std::fputs(wroteAny ? "]\n" : "[]\n", out);
    if (m_config.progress) {
        std::fputs("\r\033[K", err);
        // (After a failed write, the count would claim messages that were never verified.)
        if (!outputBroken.load(std::memory_order_relaxed))
            std::fprintf(err, "%s\n",
                qPrintable(tr("%1 message(s) in %2 s")
                               .arg(total)
                               .arg(clock.elapsed() / 1000.0, 0, 'f', 1)));
    }
    flushOut();
    return summary;
}

} // namespace ms::cli
