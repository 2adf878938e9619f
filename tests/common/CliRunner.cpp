#include "common/CliRunner.h"

#include "common/TestUtil.h"

#include <QProcess>

namespace mstest {

CliRun runCli(const QStringList& args, const QMap<QString, QString>& env, const CliFiles& files)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    if (!files.stdinFile.isEmpty())
        p.setStandardInputFile(files.stdinFile);
    if (!files.stdoutFile.isEmpty())
        p.setStandardOutputFile(files.stdoutFile);
    p.start(cliPath(), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    CliRun r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace mstest
