#include "Inputs.h"

namespace ms::cli {

void collectJobs(
    const QStringList& args, QList<Job>* jobs, QList<InputError>* errors, QStringList* skipped)
{
    QList<BatchInputError> found;
    collectBatchJobs(args, jobs, &found, skipped);
    for (const BatchInputError& e : std::as_const(found))
        errors->append({ e.path, e.message });
}

bool readJob(const Job& job, QByteArray* bytes, QString* error)
{
    return readBatchJob(job, bytes, error);
}

} // namespace ms::cli
