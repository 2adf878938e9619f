#include "common/TestUtil.h"

#include "message/Message.h"
#include "trace/Step.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mstest {

QString conformanceDir()
{
    QString dir = qEnvironmentVariable("MAILSCOPE_CONFORMANCE_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(MAILSCOPE_CONFORMANCE_DEFAULT);
    return QFileInfo(dir).isDir() ? QDir(dir).absolutePath() : QString();
}

QString sourceDir()
{
    return QStringLiteral(MAILSCOPE_SOURCE_DIR);
}
QString samplesDir()
{
    return QStringLiteral(MAILSCOPE_SAMPLES_DIR);
}
QString sampleFile(const QString& name, const QString& ext)
{
    return samplesDir() + QStringLiteral("/%1/%1.%2").arg(name, ext);
}
QDateTime sampleTime(const QString& base)
{
    const QJsonObject side
        = QJsonDocument::fromJson(readFile(base + QStringLiteral(".json"))).object();
    const QDateTime t
        = QDateTime::fromString(side.value(QLatin1String("time")).toString(), Qt::ISODate).toUTC();
    return t.isValid() ? t : QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
}
QString testDataDir()
{
    return QStringLiteral(MAILSCOPE_TEST_DATA);
}
QString cliPath()
{
    return QStringLiteral(MAILSCOPE_CLI_PATH);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

const ms::Step* findStep(const ms::Step& root, const QString& kind)
{
    if (root.kind == kind)
        return &root;
    for (const ms::Step& c : root.children) {
        if (const ms::Step* f = findStep(c, kind))
            return f;
    }
    return nullptr;
}

bool hasNote(const ms::Message& m, const QString& needle, ms::Status status)
{
    for (const ms::ParseNote& n : m.notes()) {
        if (n.status == status && n.text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QStringList toStrings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out << x.toString();
    return out;
}

QByteArray withoutTimings(const QByteArray& jsonLine)
{
    static const QRegularExpression elapsed(QStringLiteral("\"elapsed_us\":[0-9]+"));
    return QString::fromUtf8(jsonLine)
        .replace(elapsed, QStringLiteral("\"elapsed_us\":0"))
        .toUtf8();
}

} // namespace mstest
