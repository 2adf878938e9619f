#include "Inputs.h"

#include <QCoreApplication>

#include <cerrno>
#include <unistd.h>

namespace ms::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

const QString kStdin = QStringLiteral("-");

// Standard input is read to its end once, in chunks, with the bound a file that reports no
// size gets (BatchInputs.cpp): a hostile pipe must not grow memory without end.
constexpr qint64 kMaxStdinBytes = qint64(1) << 30;

bool readStdin(QByteArray* bytes, QString* error)
{
    bytes->clear();
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = tr("cannot read: %1").arg(qt_error_string(errno));
            bytes->clear();
            return false;
        }
        if (n == 0)
            break;
        if (bytes->size() + n > kMaxStdinBytes) {
            *error = tr("larger than %1 bytes").arg(kMaxStdinBytes);
            bytes->clear();
            return false;
        }
        bytes->append(chunk, n);
    }
    if (bytes->isEmpty()) {
        *error = tr("empty file: there is no message to verify");
        return false;
    }
    return true;
}

} // namespace

void collectJobs(
    const QStringList& args, QList<Job>* jobs, QList<InputError>* errors, QStringList* skipped)
{
    // "-" is one message on standard input, in its place among the other arguments.
    QList<BatchInputError> found;
    QStringList run;
    auto flush = [&] {
        if (!run.isEmpty())
            collectBatchJobs(run, jobs, &found, skipped);
        run.clear();
    };
    for (const QString& a : args) {
        if (a == kStdin) {
            flush();
            jobs->append({ kStdin, kStdin, -1, -1, {} });
        } else {
            run.append(a);
        }
    }
    flush();
    for (const BatchInputError& e : std::as_const(found))
        errors->append({ e.path, e.message });
}

bool isStandardInput(const Job& job)
{
    return job.path == kStdin && job.offset < 0;
}

bool readJob(const Job& job, QByteArray* bytes, QString* error)
{
    if (isStandardInput(job))
        return readStdin(bytes, error);
    return readBatchJob(job, bytes, error);
}

} // namespace ms::cli
