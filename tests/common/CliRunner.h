#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mstest {

// One run of mailscope-cli: exit code (-1 timed out, -2 crashed), stdout, stderr.
struct CliRun {
    int code = -1;
    QByteArray out, err;
};

// Files in place of the pipes: standard input read from one, standard output written into
// one (CliRun::out then stays empty). Empty: the pipe.
struct CliFiles {
    QString stdinFile, stdoutFile;
};

// Runs the CLI built with the tests under LC_ALL=C.UTF-8, with extra environment variables,
// and waits up to two minutes.
CliRun runCli(
    const QStringList& args, const QMap<QString, QString>& env = {}, const CliFiles& files = {});

} // namespace mstest
