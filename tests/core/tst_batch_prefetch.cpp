// BatchPrefetch (verify/BatchInputs.h) reads a batch's small files ahead through io_uring,
// a group per system call. It must hand out exactly a file's bytes, and only when it saw the
// whole file: anything else (large, empty, gone, from a command line, another folder, an
// mbox range) is left to the usual path. A message verified from the bytes it read must get
// the report the usual path gives. Rows skip where the kernel has no io_uring (or refuses
// it), saying so; the CLI then reads every file the usual way.
#include "common/DkimSigner.h"
#include "common/TestKeys.h"
#include "common/TestUtil.h"
#include "report/Report.h"
#include "verify/BatchInputs.h"
#include "verify/BatchVerify.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#ifdef __linux__
#include <cerrno>
#include <cstddef>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace ms;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A JSON line without what differs between two runs: how long each DNS lookup took.
QByteArray withoutTimings(QByteArray line)
{
    static const QRegularExpression elapsed(QStringLiteral("\"elapsed_us\":[0-9]+"));
    return QString::fromUtf8(line).remove(elapsed).toUtf8();
}

QByteArray filler(qsizetype size)
{
    QByteArray b = "From: a@example.com\r\nSubject: filler\r\n\r\n";
    while (b.size() < size)
        b.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrs\r\n");
    b.truncate(size);
    return b;
}

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#define MS_HAVE_SECCOMP_TEST 1
// From now on io_uring_enter() fails with EIO in this process (irreversibly: call it in a
// child). False when the kernel does not take the filter.
bool refuseIoUringEnter()
{
#if defined(__x86_64__)
    constexpr unsigned arch = AUDIT_ARCH_X86_64;
#else
    constexpr unsigned arch = AUDIT_ARCH_AARCH64;
#endif
    sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_enter, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EIO & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    sock_fprog program { static_cast<unsigned short>(std::size(filter)), filter };
    return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
        && ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0;
}
#endif

} // namespace

class TestBatchPrefetch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The run a worker claims (the CLI's and the GUI's batches alike): a whole read-ahead
    // group while plenty is left, a share that leaves every worker some near the end, never
    // none.
    void runLength_data()
    {
        QTest::addColumn<qsizetype>("left");
        QTest::addColumn<int>("workers");
        QTest::addColumn<qsizetype>("run");
        QTest::newRow("plenty left: one group") << qsizetype(2000) << 2 << qsizetype(16);
        QTest::newRow("near the end: a quarter each of two") << qsizetype(20) << 2 << qsizetype(5);
        QTest::newRow("eight workers, 40 left") << qsizetype(40) << 8 << qsizetype(2);
        QTest::newRow("the last message") << qsizetype(1) << 2 << qsizetype(1);
        QTest::newRow("one worker, 10 left") << qsizetype(10) << 1 << qsizetype(5);
    }
    void runLength()
    {
        QFETCH(qsizetype, left);
        QFETCH(int, workers);
        QFETCH(qsizetype, run);
        QCOMPARE(BatchPrefetch::runLength(left, workers), run);
    }

    // Which files a group hands out, by size and kind: rows named after the case.
    void readsWholeSmallFilesOnly()
    {
        BatchPrefetch prefetch;
        if (!prefetch.available())
            QSKIP("io_uring is not available here (kernel older than 5.17, or refused): "
                  "every file is read the usual way");
        const QString dir = m_dir.filePath(QStringLiteral("sizes"));
        QVERIFY(QDir().mkpath(dir));
        struct Case {
            const char* name;
            qsizetype size;
            bool expected;
        };
        // Names sort in this order (the listing sorts by name).
        const Case cases[] = {
            { "a-small.eml", 2200, true },
            { "b-one-byte.eml", 1, true },
            { "c-empty.eml", 0, false },
            { "d-just-below-64k.eml", BatchPrefetch::kReadBytes - 1, true },
            { "e-exactly-64k.eml", BatchPrefetch::kReadBytes, false },
            { "f-above-64k.eml", BatchPrefetch::kReadBytes + 1, false },
            { "g-large.eml", 300 * 1024, false },
            { "h-small.eml", 900, true },
        };
        for (const Case& c : cases)
            QVERIFY(writeFile(dir + QLatin1Char('/') + QLatin1String(c.name), filler(c.size)));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs({ dir }, &jobs, &errors);
        QCOMPARE(jobs.size(), qsizetype(std::size(cases)));
        prefetch.read(jobs.constData(), int(jobs.size()));
        for (int k = 0; k < jobs.size(); ++k) {
            const auto bytes = prefetch.bytes(k);
            const QString name = QFileInfo(jobs[k].path).fileName();
            bool expected = false;
            for (const Case& c : cases)
                expected = expected || (name == QLatin1String(c.name) && c.expected);
            QVERIFY2(bool(bytes) == expected, qPrintable(name));
            if (bytes)
                QCOMPARE(bytes->toByteArray(), readFile(jobs[k].path));
        }
        QVERIFY(!prefetch.bytes(int(jobs.size()))); // beyond the group
        QVERIFY(!prefetch.bytes(-1));
    }

    // Files that changed after the listing: gone (the open fails and the rest of its chain is
    // cancelled), grown past a read, shrunk; and jobs the group must not read.
    void changedAndForeignJobs()
    {
        BatchPrefetch prefetch;
        if (!prefetch.available())
            QSKIP("io_uring is not available here: every file is read the usual way");
        const QString dir = m_dir.filePath(QStringLiteral("changed"));
        const QString other = m_dir.filePath(QStringLiteral("other"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QDir().mkpath(other));
        for (const char* n : { "1-gone.eml", "2-grown.eml", "3-shrunk.eml", "4-kept.eml" })
            QVERIFY(writeFile(dir + QLatin1Char('/') + QLatin1String(n), filler(3000)));
        QVERIFY(writeFile(other + QStringLiteral("/5-elsewhere.eml"), filler(3000)));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs({ dir, other }, &jobs, &errors);
        QCOMPARE(jobs.size(), 5);
        QVERIFY(QFile::remove(dir + QStringLiteral("/1-gone.eml")));
        QVERIFY(writeFile(dir + QStringLiteral("/2-grown.eml"), filler(200 * 1024)));
        QVERIFY(writeFile(dir + QStringLiteral("/3-shrunk.eml"), filler(700)));
        // A job named on the command line (no listing vouched that it is a regular file)
        // and an mbox range: never read ahead.
        BatchJob named { dir + QStringLiteral("/4-kept.eml"), QStringLiteral("named"), -1, -1, {} };
        BatchJob range = jobs[3];
        range.offset = 0;
        range.length = 100;
        jobs << named << range;

        prefetch.read(jobs.constData(), int(jobs.size()));
        QVERIFY(!prefetch.bytes(0)); // gone
        QVERIFY(!prefetch.bytes(1)); // grown past the read
        QCOMPARE(prefetch.bytes(2)->toByteArray(), filler(700)); // what the file holds now
        QCOMPARE(prefetch.bytes(3)->toByteArray(), filler(3000));
        QVERIFY(!prefetch.bytes(4)); // another folder than the group's first job
        QVERIFY(!prefetch.bytes(5)); // named on the command line
        QVERIFY(!prefetch.bytes(6)); // an mbox range

        // The next group reuses the ring and its slots: files read again.
        prefetch.read(jobs.constData() + 2, 2);
        QCOMPARE(prefetch.bytes(0)->toByteArray(), filler(700));
        QCOMPARE(prefetch.bytes(1)->toByteArray(), filler(3000));
        prefetch.read(nullptr, 0);
        QVERIFY(!prefetch.bytes(0));
    }

    // The kernel refuses io_uring_enter() after a group went well: the next group hands out
    // nothing (every job is read the usual way), the read-ahead is off for good, and nothing
    // crashes or hangs. In a child process, since the filter cannot be taken back; the child
    // says by its exit code which expectation failed.
    void kernelRefusesMidBatch()
    {
#ifndef MS_HAVE_SECCOMP_TEST
        QSKIP("needs Linux seccomp on x86-64 or AArch64");
#else
        {
            BatchPrefetch probe;
            if (!probe.available())
                QSKIP("io_uring is not available here: every file is read the usual way");
        }
        const QString dir = m_dir.filePath(QStringLiteral("refused"));
        QVERIFY(QDir().mkpath(dir));
        for (int i = 0; i < 6; ++i)
            QVERIFY(writeFile(dir + QStringLiteral("/%1.eml").arg(i), filler(1000 + i)));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs({ dir }, &jobs, &errors);
        QCOMPARE(jobs.size(), 6);

        std::fflush(nullptr);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            auto check = [](bool ok, int code) {
                if (!ok)
                    ::_exit(code);
            };
            BatchPrefetch prefetch;
            prefetch.read(jobs.constData(), 3);
            for (int k = 0; k < 3; ++k)
                check(prefetch.bytes(k) && prefetch.bytes(k)->toByteArray() == filler(1000 + k),
                    10 + k);
            if (!refuseIoUringEnter())
                ::_exit(77);
            prefetch.read(jobs.constData() + 3, 3);
            check(!prefetch.available(), 21);
            for (int k = 0; k < 3; ++k)
                check(!prefetch.bytes(k), 22 + k);
            prefetch.read(jobs.constData(), 3); // nothing more is tried
            for (int k = 0; k < 3; ++k)
                check(!prefetch.bytes(k), 25 + k);
            ::_exit(0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFEXITED(status), "the child crashed");
        if (WEXITSTATUS(status) == 77)
            QSKIP("the kernel does not take a seccomp filter here");
        QCOMPARE(WEXITSTATUS(status), 0);
#endif
    }

    // A report made from the bytes read ahead is the usual path's, byte for byte.
    void sameReportAsTheUsualPath()
    {
        BatchPrefetch prefetch;
        if (!prefetch.available())
            QSKIP("io_uring is not available here: every file is read the usual way");
        const QString dir = m_dir.filePath(QStringLiteral("signed"));
        QVERIFY(QDir().mkpath(dir));
        const QByteArray good = mstest::dkimSign(
            mstest::sampleMessage("Hello.\r\n"), mstest::rsaKey(2048), mstest::DkimSignOptions {});
        QByteArray changed = good;
        changed.replace("Hello.", "Hallo.");
        QVERIFY(writeFile(dir + QStringLiteral("/1.eml"), good));
        QVERIFY(writeFile(dir + QStringLiteral("/2.eml"), changed));
        QVERIFY(writeFile(dir + QStringLiteral("/3.eml"), "Subject: no signature\r\n\r\nx\r\n"));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs({ dir }, &jobs, &errors);
        QCOMPARE(jobs.size(), 3);

        VerifyOptions o;
        o.timeMode = VerifyOptions::TimeMode::Fixed;
        o.fixedTime = QDateTime(QDate(2026, 6, 1), QTime(10, 0), QTimeZone::utc());
        o.checks = QStringList { QStringLiteral("dkim") };
        Verifier v(o, mstest::dkimZone(mstest::dkimTestKeyRecords()));
        v.setLean(true);
        prefetch.read(jobs.constData(), int(jobs.size()));
        QList<QByteArray> lines;
        for (int k = 0; k < jobs.size(); ++k) {
            QVERIFY(prefetch.bytes(k));
            const BatchVerification ahead = verifyBatchBytes(v, jobs[k], *prefetch.bytes(k));
            const BatchVerification usual = verifyBatchJob(v, jobs[k]);
            QVERIFY(!ahead.report.checks.isEmpty());
            QCOMPARE(
                withoutTimings(toJsonLine(ahead.report)), withoutTimings(toJsonLine(usual.report)));
            lines << toJsonLine(ahead.report);
        }
        // The rows verified what they claim to: a pass, a body change, no signature.
        QVERIFY(lines[0].contains("\"dkim\":[{") && lines[0].contains("\"result\":\"pass\""));
        QVERIFY(lines[1].contains("\"result\":\"fail\""));
        QVERIFY(lines[2].contains("\"dkim\":[]"));
    }
};

QTEST_GUILESS_MAIN(TestBatchPrefetch)
#include "tst_batch_prefetch.moc"
