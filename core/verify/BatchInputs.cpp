#include "verify/BatchInputs.h"

#include "message/Message.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ms {

namespace {

// The "Cli" context: these texts were the CLI's first and keep their translations.
QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

// Deep enough for any real mail archive; stops a hostile tree from recursing forever.
constexpr int kMaxDepth = 32;

void addFile(const QFileInfo& fi, QList<BatchJob>* jobs, QList<BatchInputError>* errors)
{
    const QString path = fi.filePath();
    if (!fi.isFile()) {
        errors->append({ path, tr("not a regular file") });
        return;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append({ path, tr("cannot read: %1").arg(f.errorString()) });
        return;
    }
    if (f.size() == 0) {
        errors->append({ path, tr("empty file: there is no message to verify") });
        return;
    }
    const QByteArray head = f.peek(5);
    if (head != "From ") {
        jobs->append({ path, path, -1, -1 });
        return;
    }
    // An mbox: map it so splitting a large archive does not copy it into memory.
    const qint64 size = f.size();
    uchar* mapped = f.map(0, size);
    QByteArray all;
    if (mapped)
        all = QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), size);
    else
        all = f.readAll();
    const QList<MboxEntry> entries = splitMbox(all);
    if (entries.size() <= 1) {
        jobs->append({ path, path, -1, -1 });
    } else {
        int n = 0;
        for (const MboxEntry& e : entries) {
            ++n;
            jobs->append({ path, QStringLiteral("%1#%2").arg(path).arg(n), e.offset, e.length });
        }
    }
    if (mapped)
        f.unmap(mapped);
}

bool isMaildir(const QDir& dir)
{
    return QFileInfo(dir.filePath(QStringLiteral("cur"))).isDir()
        || QFileInfo(dir.filePath(QStringLiteral("new"))).isDir();
}

void addFilesOf(const QDir& dir, QList<BatchJob>* jobs, QList<BatchInputError>* errors)
{
    const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& fi : files)
        addFile(fi, jobs, errors);
}

void addDir(const QString& path, int depth, QList<BatchJob>* jobs, QList<BatchInputError>* errors)
{
    QDir dir(path);
    const QFileInfo fi(path);
    if (!fi.isReadable() || !fi.isExecutable() || !dir.exists()) {
        errors->append({ path, tr("cannot read directory") });
        return;
    }
    if (depth > kMaxDepth) {
        errors->append(
            { path, tr("directory nested too deeply (more than %1 levels)").arg(kMaxDepth) });
        return;
    }
    if (isMaildir(dir)) {
        // Maildir: delivered messages live in new/ and cur/; tmp/ holds partial writes.
        for (const char* sub : { "new", "cur" }) {
            const QString p = dir.filePath(QLatin1String(sub));
            if (QFileInfo(p).isDir())
                addFilesOf(QDir(p), jobs, errors);
        }
        return;
    }
    addFilesOf(dir, jobs, errors);
    const QFileInfoList subdirs
        = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo& sub : subdirs)
        addDir(sub.filePath(), depth + 1, jobs, errors);
}

} // namespace

void collectBatchJobs(
    const QStringList& args, QList<BatchJob>* jobs, QList<BatchInputError>* errors)
{
    for (const QString& arg : args) {
        const QFileInfo fi(arg);
        if (!fi.exists()) {
            errors->append({ arg, tr("no such file or directory") });
        } else if (fi.isDir()) {
            const qsizetype before = jobs->size();
            const qsizetype errorsBefore = errors->size();
            addDir(arg, 0, jobs, errors);
            if (jobs->size() == before && errors->size() == errorsBefore)
                errors->append({ arg, tr("no messages in this directory") });
        } else {
            addFile(fi, jobs, errors);
        }
    }
}

bool readBatchJob(const BatchJob& job, QByteArray* bytes, QString* error)
{
    QFile f(job.path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read: %1").arg(f.errorString());
        return false;
    }
    if (job.offset >= 0) {
        if (!f.seek(job.offset)) {
            *error = tr("cannot read: %1").arg(f.errorString());
            return false;
        }
        *bytes = f.read(job.length);
        if (bytes->size() != job.length) {
            *error = tr("the file changed while it was read");
            return false;
        }
    } else {
        *bytes = f.readAll();
    }
    if (bytes->isEmpty()) {
        *error = tr("empty file: there is no message to verify");
        return false;
    }
    return true;
}

} // namespace ms
