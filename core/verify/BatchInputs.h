#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms {

// One message of a batch: a whole file, or one message of an mbox (offset/length >= 0).
// Only the location is kept, so a batch of any size costs a few bytes per message until
// the message itself is read, verified and dropped.
struct BatchJob {
    QString path; // the file on disk
    QString name; // what the report calls it: the path, or "path#3" for an mbox message
    qint64 offset = -1; // within an mbox
    qint64 length = -1;
};

struct BatchInputError {
    QString path;
    QString message; // translated
};

// Expands files and folders into jobs, in a stable order: files as given; directories
// sorted by name and walked recursively (no symlinked directories, bounded depth); Maildir
// folders (cur/ and new/); mbox files split into their messages. Unreadable, missing and
// empty inputs become errors, never jobs. Shared by the CLI batch and the GUI batch view.
void collectBatchJobs(
    const QStringList& inputs, QList<BatchJob>* jobs, QList<BatchInputError>* errors);

// Reads a job's bytes. Returns false with a translated reason on failure.
bool readBatchJob(const BatchJob& job, QByteArray* bytes, QString* error);

} // namespace ms
