#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms::cli {

// One message to verify: a whole file, or one message of an mbox (offset/length >= 0).
struct Job {
    QString path; // the file on disk
    QString name; // what the report calls it: the path, or "path#3" for an mbox message
    qint64 offset = -1; // within an mbox
    qint64 length = -1;
};

struct InputError {
    QString path;
    QString message; // translated
};

// Expands the command-line arguments into jobs, in a stable order: files as given;
// directories sorted by name and walked recursively (no symlinked directories, bounded
// depth); Maildir folders (cur/ and new/); mbox files split into their messages.
// Unreadable, missing and empty inputs become errors, never jobs.
void collectJobs(const QStringList& args, QList<Job>* jobs, QList<InputError>* errors);

// Reads a job's bytes. Returns false with a translated reason on failure.
bool readJob(const Job& job, QByteArray* bytes, QString* error);

} // namespace ms::cli
