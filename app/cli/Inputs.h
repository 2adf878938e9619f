#pragma once

#include "verify/BatchInputs.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms::cli {

// The enumeration lives in core (verify/BatchInputs.h) so the GUI batch view walks folders,
// Maildirs and mbox files exactly as the CLI does.
using Job = BatchJob;

struct InputError {
    QString path;
    QString message; // translated
};

// Expands the command-line arguments into jobs (see collectBatchJobs()). Files in folders
// that do not look like messages go to `skipped` (when given).
void collectJobs(const QStringList& args, QList<Job>* jobs, QList<InputError>* errors,
    QStringList* skipped = nullptr);

// The job that is one message on standard input ("-").
bool isStandardInput(const Job& job);

// Reads a job's bytes. Returns false with a translated reason on failure.
bool readJob(const Job& job, QByteArray* bytes, QString* error);

} // namespace ms::cli
