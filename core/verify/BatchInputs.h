#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <optional>

namespace ms {

// One message of a batch: a whole file, or one message of an mbox (offset/length >= 0).
// Only the location is kept, so a batch of any size costs a few bytes per message until
// the message itself is read, verified and dropped.
struct BatchJob {
    QString path; // the file on disk
    QString name; // what the report calls it: the path, or "path#3" for an mbox message
    qint64 offset = -1; // within an mbox
    qint64 length = -1;
    // The path as the file system spells it, for opening. Set for files found in folders:
    // a name that is not UTF-8 (Latin-1, Shift_JIS from an old archive) shows with U+FFFD
    // in `path`, which no longer names the file. Empty: QFile::encodeName(path).
    QByteArray file;
};

// The bytes to open a job's file by.
QByteArray batchJobFile(const BatchJob& job);

struct BatchInputError {
    QString path;
    QString message; // translated
};

// Expands files and folders into jobs, in a stable order: files as given; directories
// sorted by name and walked recursively (no symlinked directories, no hidden entries,
// bounded depth); Maildir folders (cur/ and new/: every file); mbox files split into their
// messages. Unreadable, missing and empty inputs become errors, never jobs.
//
// In a plain directory only what looks like mail becomes a job: .eml and .msg files (one
// message each, like Maildir files: not opened while listing), files without an extension
// whose first line is a header field ("Name:") or an mbox "From " line, and files with
// another extension that are mbox files. Everything else — a zone file, a README next to
// sample messages — is left out and listed in `skipped` (when given), not reported as a
// failing message. Files named on the command line are always taken (and split when they
// are mbox files).
// Shared by the CLI batch and the GUI batch view.
void collectBatchJobs(const QStringList& inputs, QList<BatchJob>* jobs,
    QList<BatchInputError>* errors, QStringList* skipped = nullptr);

// Whether the start of a file looks like a message or an mbox: after an optional UTF-8
// byte order mark and blank lines, a header field name followed by ':' (a letter, then
// letters, digits, '-', '_' or '.': what real field names use of RFC 5322 3.6.8 ftext;
// optional whitespace before the colon) or an mbox "From " line. `head` is the first bytes
// of the file (a few hundred are enough).
bool looksLikeMessageStart(QByteArrayView head);

// Reads a job's bytes. Returns false with a translated reason on failure.
bool readBatchJob(const BatchJob& job, QByteArray* bytes, QString* error);

// A job's bytes read piece by piece through one descriptor, for the batch path that streams
// a large body instead of holding it (verify/BatchVerify.h). It says nothing about what went
// wrong: that path then reads the job with readBatchJob(), which does.
class BatchJobPieces
{
public:
    explicit BatchJobPieces(const BatchJob& job); // opens the file (no fstat: one system call)
    ~BatchJobPieces();
    BatchJobPieces(const BatchJobPieces&) = delete;
    BatchJobPieces& operator=(const BatchJobPieces&) = delete;

    bool isOpen() const { return m_fd >= 0; }
    // The next piece (at most max bytes): 0 at the end of the job (the file's end, or the end
    // of an mbox message's range), -1 on an error.
    qint64 read(char* out, qint64 max);
    // Whether everything the job names was read: an mbox message's range can end past a file
    // that shrank since it was listed.
    bool complete() const { return m_end < 0 || m_pos == m_end; }
    // A regular file (a device named on the command line can be read forever).
    bool isRegularFile() const;

private:
    int m_fd = -1;
    qint64 m_pos = 0;
    qint64 m_end = -1; // -1: to the end of the file
};

// Reads whole small files of a batch ahead, a group at a time, through io_uring (Linux): each
// file's open, read, a second read that sees the end of the file, and close go to the
// kernel in one system call for the group instead of four per file. A system
// call costs a microsecond or more in a virtual machine, a few per message of 2 KB. Where
// io_uring is missing or refused (old kernels, containers that filter it) nothing is read
// ahead and every job is read the usual way. One per thread; not shared.
class BatchPrefetch
{
public:
    static constexpr int kMaxGroup = 16;
    // Most mail is smaller. Each file larger than this costs a read of this size in vain
    // (then the usual path): 64 KB made a corpus of large messages 3-5 % slower, 16-32 KB
    // no measurable cost.
    static constexpr qint64 kReadBytes = 32 * 1024;

    // How many consecutive messages a worker claims when `left` are unclaimed and `workers`
    // share them: a read-ahead group, fewer near the end so that every worker keeps some
    // (the CLI's and the GUI's batches claim alike). One where nothing is read ahead.
    static constexpr qsizetype runLength(qsizetype left, int workers)
    {
        return std::clamp<qsizetype>(left / (2 * qsizetype(workers)), 1, kMaxGroup);
    }

    BatchPrefetch();
    ~BatchPrefetch();
    BatchPrefetch(const BatchPrefetch&) = delete;
    BatchPrefetch& operator=(const BatchPrefetch&) = delete;

    bool available() const { return m_ring != nullptr; }
    // Reads jobs[0 .. count) (count <= kMaxGroup) where it can: whole files (no mbox
    // ranges) in the first job's folder.
    void read(const BatchJob* jobs, int count);
    // Job k's whole file when read ahead: a file a folder listing found, not empty, smaller
    // than kReadBytes, and a second read saw its end. Otherwise nothing, and the job is
    // read the usual way (which also says what is wrong).
    std::optional<QByteArrayView> bytes(int k) const;

private:
    struct Ring;
    std::unique_ptr<Ring> m_ring;
    std::unique_ptr<char[]> m_buffers;
    QByteArray m_dir; // the folder m_dirFd looks up in
    quint64 m_listing = 0;
    int m_dirFd = -1;
    struct Slot {
        QByteArray name;
        qint64 read = -1; // the first read's result
        bool atEnd = false; // the second read returned nothing
    };
    Slot m_slots[kMaxGroup];
    int m_count = 0;
};

} // namespace ms
