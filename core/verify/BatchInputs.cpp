#include "verify/BatchInputs.h"

#include "message/Message.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/io_uring.h>
#include <sys/syscall.h>
#endif

namespace ms {

namespace {

// The "Cli" context: these texts were the CLI's first and keep their translations.
QString tr(const char* text)
{
    return ms::translate("Cli", text);
}

// Deep enough for any real mail archive; stops a hostile tree from recursing forever.
constexpr int kMaxDepth = 32;
// How much of a file is looked at to decide whether it is a message.
constexpr qsizetype kHeadBytes = 512;

QString systemError(int err)
{
    return qt_error_string(err);
}

// A file descriptor closed on every path out.
struct Fd {
    int fd = -1;
    explicit Fd(int f)
        : fd(f)
    {
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

int openRead(const QByteArray& local)
{
    // O_NONBLOCK: a FIFO or device named on the command line must not block the open; the
    // fstat() after it refuses anything but a regular file.
    int fd;
    do {
        fd = ::open(local.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

// Bumped by every collectBatchJobs(): a kept folder descriptor is used only within the
// batch that listed it, so a folder renamed or replaced between two batches (a long GUI
// session) is looked up again by its path.
std::atomic<quint64> g_listing { 0 };

// Opens a job's file relative to its folder: a batch reads thousands of files from a few
// folders, and resolving only the last path component (openat() on a kept directory
// descriptor) saves most of the kernel's path walk per file. One directory per thread is
// kept (O_PATH: it grants nothing but lookups, and is closed when the thread ends).
int openInFolder(const QByteArray& path)
{
    struct Folder {
        QByteArray dir;
        quint64 listing = 0;
        int fd = -1;
        Folder() = default;
        Folder(const Folder&) = delete;
        Folder& operator=(const Folder&) = delete;
        ~Folder()
        {
            if (fd >= 0)
                ::close(fd);
        }
    };
    thread_local Folder folder;
    const qsizetype slash = path.lastIndexOf('/');
    if (slash <= 0 || slash + 1 >= path.size())
        return openRead(path);
    const QByteArrayView dir = QByteArrayView(path).first(slash);
    const quint64 listing = g_listing.load(std::memory_order_relaxed);
    if (folder.fd < 0 || folder.dir != dir || folder.listing != listing) {
        if (folder.fd >= 0)
            ::close(folder.fd);
        folder.dir = dir.toByteArray();
        folder.listing = listing;
        folder.fd = ::open(folder.dir.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (folder.fd < 0)
            return openRead(path);
    }
    int fd;
    do {
        fd = ::openat(folder.fd, path.constData() + slash + 1, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

// Reads up to n bytes at offset; short only at the end of the file. -1 on error.
qint64 readAt(int fd, char* out, qint64 n, qint64 offset)
{
    qint64 done = 0;
    while (done < n) {
        const ssize_t r = ::pread(fd, out + done, size_t(n - done), off_t(offset + done));
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;
        done += r;
    }
    return done;
}

// What a directory entry's name says about it.
enum class NameKind {
    Message, // .eml, .msg: taken as a message whatever it holds
    Unknown, // no extension (mbox files, MH folders, Maildir-style names): look inside
    Other, // another extension (.zone, .txt, .md, ...): taken only if it is an mbox
};

NameKind kindOfName(const QString& name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot + 1 >= name.size())
        return NameKind::Unknown;
    const QStringView suffix = QStringView(name).sliced(dot + 1);
    // Only a short alphanumeric suffix is an extension: "1700000000.M1P2.host:2,S" is not.
    if (suffix.size() > 8)
        return NameKind::Unknown;
    for (QChar c : suffix) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')))
            return NameKind::Unknown;
    }
    if (suffix.compare(QLatin1String("eml"), Qt::CaseInsensitive) == 0
        || suffix.compare(QLatin1String("msg"), Qt::CaseInsensitive) == 0)
        return NameKind::Message;
    return NameKind::Other;
}

// How a file is taken: named by the user (always, an mbox split), found in a Maildir
// (always, one message each), found in a plain folder (by its name and first line).
enum class Filter { None, Maildir, ByContent };

struct Collector {
    QList<BatchJob>* jobs;
    QList<BatchInputError>* errors;
    QStringList* skipped;

    void skip(const QString& path)
    {
        if (skipped)
            skipped->append(path);
    }

    // Paths are the file system's bytes (QFile::encodeName of an argument, then names as
    // readdir() gives them); jobs and errors show them decoded (`shown`, when the caller
    // has it already: its folder's decoded path and the decoded name).
    void addFile(const QByteArray& local, Filter filter, NameKind kind, QString shown = {});
    void addFilesOf(const QByteArray& dirPath);
    void addDir(const QByteArray& local, int depth);
};

void Collector::addFile(const QByteArray& local, Filter filter, NameKind kind, QString shown)
{
    const QString path = shown.isNull() ? QFile::decodeName(local) : std::move(shown);
    if (filter != Filter::None && kind == NameKind::Message) {
        // A .eml or .msg in a folder (or a Maildir file) holds one message, and the listing
        // already said it is a regular file: taken without a system call. Reading it says
        // whether it is empty or unreadable (readBatchJob). Not opening and stat-ing every
        // file twice was a third of the file system time of a batch of small messages.
        jobs->append({ path, path, -1, -1, local });
        return;
    }
    const Fd f(openRead(local));
    struct stat st;
    if (f.fd < 0 || ::fstat(f.fd, &st) != 0) {
        const int err = errno;
        struct stat ls;
        if (::stat(local.constData(), &ls) == 0 && !S_ISREG(ls.st_mode))
            errors->append({ path, tr("not a regular file") });
        else
            errors->append({ path, tr("cannot read: %1").arg(systemError(err)) });
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        errors->append({ path, tr("not a regular file") });
        return;
    }
    const bool judged = filter == Filter::ByContent && kind != NameKind::Message;
    const qint64 size = qint64(st.st_size);
    if (size == 0) {
        if (judged)
            skip(path);
        else
            errors->append({ path, tr("empty file: there is no message to verify") });
        return;
    }
    char head[kHeadBytes];
    const qint64 got = readAt(f.fd, head, std::min<qint64>(size, kHeadBytes), 0);
    if (got < 0) {
        errors->append({ path, tr("cannot read: %1").arg(systemError(errno)) });
        return;
    }
    const QByteArrayView start(head, got);
    const bool mbox = start.startsWith("From ");
    if (judged && !mbox && (kind == NameKind::Other || !looksLikeMessageStart(start))) {
        skip(path);
        return;
    }
    if (!mbox) {
        jobs->append({ path, path, -1, -1, local });
        return;
    }
    // An mbox: map it so splitting a large archive does not copy it into memory.
    void* mapped = ::mmap(nullptr, size_t(size), PROT_READ, MAP_PRIVATE, f.fd, 0);
    QByteArray all;
    if (mapped != MAP_FAILED) {
        all = QByteArray::fromRawData(static_cast<const char*>(mapped), qsizetype(size));
    } else {
        mapped = nullptr;
        all = QByteArray(qsizetype(size), Qt::Uninitialized);
        const qint64 n = readAt(f.fd, all.data(), size, 0);
        all.truncate(qsizetype(std::max<qint64>(n, 0)));
    }
    const QList<MboxEntry> entries = splitMbox(all);
    if (entries.size() <= 1) {
        jobs->append({ path, path, -1, -1, local });
    } else {
        int n = 0;
        for (const MboxEntry& e : entries) {
            ++n;
            jobs->append(
                { path, QStringLiteral("%1#%2").arg(path).arg(n), e.offset, e.length, local });
        }
    }
    all = QByteArray();
    if (mapped)
        ::munmap(mapped, size_t(size));
}

bool isDirectory(const QByteArray& local)
{
    struct stat st;
    return ::stat(local.constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

// "dir" + "/" + name, as QDir::filePath() and QDirIterator build it (one trailing slash of
// the directory dropped), so reports name files exactly as before.
QByteArray joinPath(const QByteArray& dir, QByteArrayView name)
{
    qsizetype n = dir.size();
    if (n > 1 && dir.endsWith('/'))
        --n;
    const bool slash = n == 0 || dir.at(n - 1) != '/';
    QByteArray p;
    p.reserve(n + 1 + name.size());
    p.append(dir.constData(), n);
    if (slash)
        p.append('/');
    p.append(name);
    return p;
}

// QFile::decodeName() (UTF-8) for a name, by a plain widening when it is ASCII: the general
// decoder was a quarter of listing a folder of small messages.
bool isAscii(QByteArrayView b)
{
    for (const char c : b) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

QString decodeName(QByteArrayView local, bool ascii)
{
    return ascii ? QString::fromLatin1(local) : QFile::decodeName(local.toByteArray());
}

// A directory entry: its name as shown (sorted by it) and as the file system spells it.
struct DirEntry {
    QString name;
    QByteArray local;
    bool ascii = false; // then the bytes sort as the shown name does (UTF-16 order)
    bool operator<(const DirEntry& o) const
    {
        if (ascii && o.ascii)
            return local < o.local;
        return name < o.name || (name == o.name && local < o.local);
    }
};

struct DirEntries {
    QList<DirEntry> files; // regular files and symlinks to them
    QList<DirEntry> dirs; // real directories (symlinked ones are not followed)
    bool ok = false;
};

// One readdir pass, the file type from the entry where the file system gives it (no stat
// per file), hidden entries left out, names sorted as QDir::Name sorts them.
DirEntries listDir(const QByteArray& local)
{
    DirEntries out;
    DIR* d = ::opendir(local.constData());
    if (!d)
        return out;
    out.ok = true;
    const int dfd = ::dirfd(d);
    while (const dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.')
            continue; // ".", ".." and hidden entries
        unsigned char type = e->d_type;
        if (type == DT_LNK || type == DT_UNKNOWN) {
            struct stat st;
            const int flags = type == DT_LNK ? 0 : AT_SYMLINK_NOFOLLOW;
            if (::fstatat(dfd, e->d_name, &st, flags) != 0)
                continue; // a dangling link, or gone
            if (S_ISREG(st.st_mode))
                type = DT_REG;
            else if (S_ISDIR(st.st_mode) && type == DT_UNKNOWN)
                type = DT_DIR;
            else
                continue;
        }
        if (type != DT_REG && type != DT_DIR)
            continue;
        const QByteArray name(e->d_name);
        const bool ascii = isAscii(name);
        (type == DT_REG ? out.files : out.dirs).append({ decodeName(name, ascii), name, ascii });
    }
    ::closedir(d);
    std::sort(out.files.begin(), out.files.end());
    std::sort(out.dirs.begin(), out.dirs.end());
    return out;
}

void Collector::addFilesOf(const QByteArray& dirPath)
{
    // Maildir: every file of new/ and cur/ is a delivered message, whatever its name.
    const DirEntries list = listDir(dirPath);
    const QByteArray prefix = joinPath(dirPath, {});
    const QString shownPrefix = decodeName(prefix, isAscii(prefix));
    for (const DirEntry& e : list.files)
        addFile(prefix + e.local, Filter::Maildir, NameKind::Message, shownPrefix + e.name);
}

void Collector::addDir(const QByteArray& local, int depth)
{
    const QString path = QFile::decodeName(local);
    if (::access(local.constData(), R_OK | X_OK) != 0 || !isDirectory(local)) {
        errors->append({ path, tr("cannot read directory") });
        return;
    }
    if (depth > kMaxDepth) {
        errors->append(
            { path, tr("directory nested too deeply (more than %1 levels)").arg(kMaxDepth) });
        return;
    }
    const QByteArray cur = joinPath(local, "cur");
    const QByteArray fresh = joinPath(local, "new");
    const bool hasCur = isDirectory(cur), hasNew = isDirectory(fresh);
    if (hasCur || hasNew) {
        // Maildir: delivered messages live in new/ and cur/; tmp/ holds partial writes.
        if (hasNew)
            addFilesOf(fresh);
        if (hasCur)
            addFilesOf(cur);
        return;
    }
    const DirEntries list = listDir(local);
    if (!list.ok) {
        errors->append({ path, tr("cannot read directory") });
        return;
    }
    // The shown path of each file is the folder's, decoded once, and the decoded name: what
    // decoding the whole path gives (a '/' never falls inside a UTF-8 sequence).
    const QByteArray prefix = joinPath(local, {});
    const QString shownPrefix = decodeName(prefix, isAscii(prefix));
    for (const DirEntry& e : list.files) {
        addFile(prefix + e.local, Filter::ByContent, kindOfName(e.name), shownPrefix + e.name);
    }
    for (const DirEntry& e : list.dirs)
        addDir(joinPath(local, e.local), depth + 1);
}

// Field names as mail carries them (RFC 5322 3.6.8 allows any printable ASCII but ':',
// but real ones are letters, digits and dashes): stricter, so "{"a": 1}" is no header.
bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_' || c == '.';
}

} // namespace

bool looksLikeMessageStart(QByteArrayView head)
{
    qsizetype i = 0;
    const qsizetype n = head.size();
    if (head.startsWith("\xEF\xBB\xBF"))
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        ++i;
    if (head.sliced(i).startsWith("From "))
        return true; // an mbox separator (or the obsolete "From :" form of a field)
    if (i >= n || !((head[i] >= 'a' && head[i] <= 'z') || (head[i] >= 'A' && head[i] <= 'Z')))
        return false;
    while (i < n && isNameChar(head[i]))
        ++i;
    while (i < n && (head[i] == ' ' || head[i] == '\t'))
        ++i;
    return i < n && head[i] == ':';
}

void collectBatchJobs(const QStringList& args, QList<BatchJob>* jobs,
    QList<BatchInputError>* errors, QStringList* skipped)
{
    g_listing.fetch_add(1, std::memory_order_relaxed);
    QStringList skippedHere;
    Collector c { jobs, errors, &skippedHere };
    for (const QString& arg : args) {
        const QByteArray local = QFile::encodeName(arg);
        struct stat st;
        if (arg.isEmpty() || ::stat(local.constData(), &st) != 0) {
            errors->append({ arg, tr("no such file or directory") });
        } else if (S_ISDIR(st.st_mode)) {
            const qsizetype before = jobs->size();
            const qsizetype errorsBefore = errors->size();
            const qsizetype skippedBefore = skippedHere.size();
            c.addDir(local, 0);
            if (jobs->size() == before && errors->size() == errorsBefore) {
                const qsizetype left = skippedHere.size() - skippedBefore;
                errors->append({ arg,
                    left == 0 ? tr("no messages in this directory")
                              : tr("no messages in this directory (%1 other file(s) left out)")
                                    .arg(left) });
            }
        } else {
            c.addFile(local, Filter::None, NameKind::Message);
        }
    }
    if (skipped)
        skipped->append(skippedHere);
}

QByteArray batchJobFile(const BatchJob& job)
{
    return job.file.isEmpty() ? QFile::encodeName(job.path) : job.file;
}

bool readBatchJob(const BatchJob& job, QByteArray* bytes, QString* error)
{
    // One open and one read (an mbox message: of its range): no QFile buffering, no
    // over-reserved readAll() growth. A whole file is read into a per-thread block first;
    // one that fits (almost every message) needs no fstat() and one exact allocation.
    const Fd f(openInFolder(batchJobFile(job)));
    if (f.fd < 0) {
        *error = tr("cannot read: %1").arg(systemError(errno));
        return false;
    }
    if (job.offset < 0) {
        constexpr qint64 kBlock = 64 * 1024;
        thread_local std::unique_ptr<char[]> block(new char[kBlock]);
        const qint64 n = readAt(f.fd, block.get(), kBlock, 0);
        if (n < 0) {
            const int err = errno;
            struct stat st;
            *error = ::fstat(f.fd, &st) == 0 && !S_ISREG(st.st_mode)
                ? tr("not a regular file")
                : tr("cannot read: %1").arg(systemError(err));
            return false;
        }
        if (n < kBlock) {
            if (n == 0) {
                *error = tr("empty file: there is no message to verify");
                return false;
            }
            *bytes = QByteArray(block.get(), qsizetype(n));
            return true;
        }
    }
    struct stat st;
    if (::fstat(f.fd, &st) != 0) {
        *error = tr("cannot read: %1").arg(systemError(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = tr("not a regular file");
        return false;
    }
    const qint64 size = qint64(st.st_size);
    if (job.offset >= 0) {
        if (job.offset + job.length > size) {
            *error = tr("the file changed while it was read");
            return false;
        }
        *bytes = QByteArray(qsizetype(job.length), Qt::Uninitialized);
        const qint64 n = readAt(f.fd, bytes->data(), job.length, job.offset);
        if (n < 0) {
            *error = tr("cannot read: %1").arg(systemError(errno));
            bytes->clear();
            return false;
        }
        if (n != job.length) {
            *error = tr("the file changed while it was read");
            bytes->clear();
            return false;
        }
    } else {
        // A file that reports no size (some virtual file systems) is read to its end.
        const qint64 want = size > 0 ? size : 65536;
        *bytes = QByteArray(qsizetype(want), Qt::Uninitialized);
        qint64 n = readAt(f.fd, bytes->data(), want, 0);
        while (size == 0 && n == bytes->size() && n < (qint64(1) << 30)) {
            bytes->resize(bytes->size() * 2);
            const qint64 more = readAt(f.fd, bytes->data() + n, bytes->size() - n, n);
            if (more < 0) {
                n = -1;
                break;
            }
            n += more;
        }
        if (n < 0) {
            *error = tr("cannot read: %1").arg(systemError(errno));
            bytes->clear();
            return false;
        }
        bytes->truncate(qsizetype(n)); // shrank since fstat(): what is there
    }
    if (bytes->isEmpty()) {
        *error = tr("empty file: there is no message to verify");
        return false;
    }
    return true;
}

BatchJobPieces::BatchJobPieces(const BatchJob& job)
    : m_fd(openInFolder(batchJobFile(job)))
{
    if (job.offset >= 0) {
        m_pos = job.offset;
        m_end = job.offset + std::max<qint64>(job.length, 0);
    }
}

BatchJobPieces::~BatchJobPieces()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool BatchJobPieces::isRegularFile() const
{
    struct stat st;
    return m_fd >= 0 && ::fstat(m_fd, &st) == 0 && S_ISREG(st.st_mode);
}

qint64 BatchJobPieces::read(char* out, qint64 max)
{
    if (m_fd < 0)
        return -1;
    const qint64 n = readAt(m_fd, out, m_end < 0 ? max : std::min(max, m_end - m_pos), m_pos);
    if (n > 0)
        m_pos += n;
    return n;
}

// ---- Reading ahead through io_uring -------------------------------------------------------
// Raw system calls (the kernel's UAPI header, no liburing): the ring is set up once per
// thread and used the simplest way, one io_uring_enter() that submits a group and waits for
// all of it.

#ifdef __linux__

struct BatchPrefetch::Ring {
    int fd = -1;
    void* sq = MAP_FAILED; // both rings in one mapping (IORING_FEAT_SINGLE_MMAP)
    size_t sqBytes = 0;
    io_uring_sqe* sqes = static_cast<io_uring_sqe*>(MAP_FAILED);
    size_t sqesBytes = 0;
    unsigned* sqTail = nullptr;
    unsigned sqMask = 0;
    unsigned* sqArray = nullptr;
    unsigned* cqHead = nullptr;
    unsigned* cqTail = nullptr;
    unsigned cqMask = 0;
    io_uring_cqe* cqes = nullptr;
    unsigned pending = 0; // submitted, not yet reaped

    Ring() = default;
    Ring(const Ring&) = delete;
    Ring& operator=(const Ring&) = delete;
    ~Ring()
    {
        if (sqes != MAP_FAILED)
            ::munmap(sqes, sqesBytes);
        if (sq != MAP_FAILED)
            ::munmap(sq, sqBytes);
        if (fd >= 0)
            ::close(fd);
    }

    static std::unique_ptr<Ring> make()
    {
        io_uring_params p {};
        auto r = std::make_unique<Ring>();
        r->fd = int(::syscall(__NR_io_uring_setup, 4 * kMaxGroup, &p));
        // A linked read must find the file its open put into the slot when it runs, not
        // when it was submitted (IORING_FEAT_LINKED_FILE, Linux 5.17).
        if (r->fd < 0 || !(p.features & IORING_FEAT_SINGLE_MMAP)
            || !(p.features & IORING_FEAT_LINKED_FILE))
            return {};
        r->sqBytes = std::max<size_t>(p.sq_off.array + p.sq_entries * sizeof(unsigned),
            p.cq_off.cqes + p.cq_entries * sizeof(io_uring_cqe));
        r->sq = ::mmap(nullptr, r->sqBytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
            r->fd, IORING_OFF_SQ_RING);
        r->sqesBytes = p.sq_entries * sizeof(io_uring_sqe);
        r->sqes = static_cast<io_uring_sqe*>(::mmap(nullptr, r->sqesBytes, PROT_READ | PROT_WRITE,
            MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_SQES));
        if (r->sq == MAP_FAILED || r->sqes == MAP_FAILED)
            return {};
        char* sq = static_cast<char*>(r->sq);
        r->sqTail = reinterpret_cast<unsigned*>(sq + p.sq_off.tail);
        r->sqMask = *reinterpret_cast<unsigned*>(sq + p.sq_off.ring_mask);
        r->sqArray = reinterpret_cast<unsigned*>(sq + p.sq_off.array);
        r->cqHead = reinterpret_cast<unsigned*>(sq + p.cq_off.head);
        r->cqTail = reinterpret_cast<unsigned*>(sq + p.cq_off.tail);
        r->cqMask = *reinterpret_cast<unsigned*>(sq + p.cq_off.ring_mask);
        r->cqes = reinterpret_cast<io_uring_cqe*>(sq + p.cq_off.cqes);
        // One empty slot per job of a group for the files the ring opens itself.
        int empty[kMaxGroup];
        std::fill(std::begin(empty), std::end(empty), -1);
        if (::syscall(__NR_io_uring_register, r->fd, IORING_REGISTER_FILES, empty, kMaxGroup) < 0)
            return {};
        return r;
    }

    io_uring_sqe* next()
    {
        const unsigned tail = *sqTail; // only this thread writes it
        io_uring_sqe* e = &sqes[tail & sqMask];
        std::memset(e, 0, sizeof *e);
        sqArray[tail & sqMask] = tail & sqMask;
        __atomic_store_n(sqTail, tail + 1, __ATOMIC_RELEASE);
        ++pending;
        return e;
    }

    // Submits what next() queued and calls `done` with each completion. False when the
    // kernel refused (then nothing of the group counts).
    template<typename F> bool run(F done)
    {
        unsigned toSubmit = pending;
        while (pending > 0) {
            const long r = ::syscall(
                __NR_io_uring_enter, fd, toSubmit, pending, IORING_ENTER_GETEVENTS, nullptr, 0);
            if (r < 0 && errno != EINTR)
                return false;
            if (r > 0)
                toSubmit -= std::min<unsigned>(toSubmit, unsigned(r));
            unsigned head = *cqHead;
            const unsigned tail = __atomic_load_n(cqTail, __ATOMIC_ACQUIRE);
            for (; head != tail; ++head) {
                const io_uring_cqe& c = cqes[head & cqMask];
                done(c.user_data, c.res);
                --pending;
            }
            __atomic_store_n(cqHead, head, __ATOMIC_RELEASE);
        }
        return true;
    }
};

BatchPrefetch::BatchPrefetch()
    : m_ring(Ring::make())
{
}

BatchPrefetch::~BatchPrefetch()
{
    m_ring.reset(); // before the buffers it reads into
    if (m_dirFd >= 0)
        ::close(m_dirFd);
}

void BatchPrefetch::read(const BatchJob* jobs, int count)
{
    m_count = std::min(count, int(kMaxGroup));
    for (Slot& s : m_slots)
        s = Slot();
    if (!m_ring || m_count <= 0)
        return;
    if (!m_buffers) // the files' bytes, then one byte per file for the second reads
        m_buffers.reset(new char[size_t(kMaxGroup * kReadBytes + kMaxGroup)]);

    // Whole files in the first job's folder (a batch lists folder by folder).
    const QByteArray first = batchJobFile(jobs[0]);
    const qsizetype slash = first.lastIndexOf('/');
    if (slash <= 0)
        return;
    const QByteArrayView dir = QByteArrayView(first).first(slash);
    const quint64 listing = g_listing.load(std::memory_order_relaxed);
    if (m_dirFd < 0 || m_dir != dir || m_listing != listing) {
        if (m_dirFd >= 0)
            ::close(m_dirFd);
        m_dir = dir.toByteArray();
        m_listing = listing;
        m_dirFd = ::open(m_dir.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (m_dirFd < 0)
            return;
    }
    for (int k = 0; k < m_count; ++k) {
        // Only files a folder listing found (regular files then): a FIFO or device named on
        // the command line is left to the usual path, which refuses it.
        if (jobs[k].offset >= 0 || jobs[k].file.isEmpty())
            continue;
        const QByteArray file = batchJobFile(jobs[k]);
        if (file.size() <= slash + 1 || !file.startsWith(m_dir) || file[slash] != '/'
            || file.indexOf('/', slash + 1) >= 0)
            continue;
        m_slots[k].name = file.sliced(slash + 1);
    }

    // Each file opened, read and closed, linked: the reads run once the open has put the
    // file into the job's slot, and the rest whatever a read did (hard links: a short read,
    // the usual case, would otherwise cancel them). The second read, from where the first
    // stopped, must see the end of the file: then the first saw all of it (a file system
    // may also return short reads before its end). No statx: io_uring runs that on a
    // kernel worker thread, which cost more than the system calls it saved.
    char* scratch = m_buffers.get() + kMaxGroup * kReadBytes;
    for (int k = 0; k < m_count; ++k) {
        if (m_slots[k].name.isEmpty())
            continue;
        io_uring_sqe* e = m_ring->next();
        e->opcode = IORING_OP_OPENAT;
        e->fd = m_dirFd;
        e->addr = reinterpret_cast<quint64>(m_slots[k].name.constData());
        e->open_flags = O_RDONLY | O_NONBLOCK; // (O_CLOEXEC: not with a slot)
        e->file_index = unsigned(k + 1);
        e->flags = IOSQE_IO_LINK;
        e->user_data = quint64(k);
        for (int part = 0; part < 2; ++part) {
            e = m_ring->next();
            e->opcode = IORING_OP_READ;
            e->fd = k;
            e->addr = reinterpret_cast<quint64>(
                part == 0 ? m_buffers.get() + k * kReadBytes : scratch + k);
            e->len = part == 0 ? unsigned(kReadBytes) : 1;
            e->off = quint64(-1); // the file position: the second read goes on from the first
            e->flags = IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;
            e->user_data = quint64((1 + part) * kMaxGroup + k);
        }
        e = m_ring->next();
        e->opcode = IORING_OP_CLOSE;
        e->file_index = unsigned(k + 1);
        e->user_data = quint64(3 * kMaxGroup + k);
    }
    const bool ok = m_ring->run([&](quint64 tag, int res) {
        const int k = int(tag % kMaxGroup);
        if (tag / kMaxGroup == 1)
            m_slots[k].read = res;
        else if (tag / kMaxGroup == 2)
            m_slots[k].atEnd = res == 0;
    });
    if (!ok) {
        // The kernel refused io_uring_enter() with reads maybe still in flight: this thread
        // reads the usual way from now on, and the buffers they may still write into are
        // never freed (a few hundred KB, once).
        (void)m_buffers.release();
        m_ring.reset();
        for (Slot& s : m_slots)
            s.read = -1;
    }
}

#else

struct BatchPrefetch::Ring {
};

BatchPrefetch::BatchPrefetch() = default;
BatchPrefetch::~BatchPrefetch() = default;

void BatchPrefetch::read(const BatchJob*, int count)
{
    m_count = std::min(count, int(kMaxGroup));
    for (Slot& s : m_slots)
        s = Slot();
}

#endif

std::optional<QByteArrayView> BatchPrefetch::bytes(int k) const
{
    if (k < 0 || k >= m_count)
        return std::nullopt;
    const Slot& s = m_slots[k];
    if (s.read <= 0 || s.read >= kReadBytes || !s.atEnd)
        return std::nullopt;
    return QByteArrayView(m_buffers.get() + k * kReadBytes, s.read);
}

} // namespace ms
