#include "common/NsdServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mstest {

namespace {

// A port free for both UDP and TCP on 127.0.0.1 right now (nsd binds it a moment later;
// start() retries with another port if it lost the race).
quint16 freePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const int u = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa {};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof sa;
        if (u < 0 || ::bind(u, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0
            || ::getsockname(u, reinterpret_cast<sockaddr*>(&sa), &len) != 0) {
            if (u >= 0)
                ::close(u);
            continue;
        }
        const int t = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        const bool ok = t >= 0 && ::bind(t, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0;
        if (t >= 0)
            ::close(t);
        ::close(u);
        if (ok)
            return ntohs(sa.sin_port);
    }
    return 0;
}

} // namespace

NsdServer::NsdServer() = default;

NsdServer::~NsdServer()
{
    stop();
}

QString NsdServer::nsdPath()
{
    if (QFileInfo(QStringLiteral("/usr/sbin/nsd")).isExecutable())
        return QStringLiteral("/usr/sbin/nsd");
    return QStandardPaths::findExecutable(QStringLiteral("nsd"),
        { QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/sbin"),
            QStringLiteral("/sbin") });
}

void NsdServer::addZone(const QByteArray& name, const QByteArray& zoneText)
{
    m_zones.append({ name, zoneText, false });
}

void NsdServer::addMissingZone(const QByteArray& name)
{
    m_zones.append({ name, {}, true });
}

QString NsdServer::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("nsd.log")));
    QString out;
    if (f.open(QIODevice::ReadOnly))
        out = QString::fromUtf8(f.readAll().right(4000));
    if (m_process)
        out += QString::fromUtf8(m_process->readAllStandardError().right(2000));
    return out;
}

bool NsdServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool NsdServer::start(QString* error)
{
    if (nsdPath().isEmpty()) {
        *error = QStringLiteral("nsd not found: install nsd (apt-get install nsd)");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (m_zones.isEmpty()) {
        *error = QStringLiteral("NsdServer: add at least one zone before start()");
        return false;
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (startOnce(error))
            return true;
        stop();
    }
    return false;
}

bool NsdServer::startOnce(QString* error)
{
    m_port = freePort();
    if (m_port == 0) {
        *error = QStringLiteral("no free port on 127.0.0.1");
        return false;
    }
    const QString dir = m_dir.path();
    QByteArray conf;
    conf += "server:\n";
    conf += "  ip-address: 127.0.0.1@" + QByteArray::number(m_port) + "\n";
    conf += "  port: " + QByteArray::number(m_port) + "\n";
    conf += "  do-ip6: no\n";
    conf += "  username: \"\"\n";
    conf += "  chroot: \"\"\n";
    conf += "  zonesdir: \"" + dir.toUtf8() + "\"\n";
    conf += "  pidfile: \"" + dir.toUtf8() + "/nsd.pid\"\n";
    conf += "  database: \"\"\n";
    conf += "  zonelistfile: \"" + dir.toUtf8() + "/zone.list\"\n";
    conf += "  xfrdfile: \"" + dir.toUtf8() + "/xfrd.state\"\n";
    conf += "  xfrdir: \"" + dir.toUtf8() + "\"\n";
    conf += "  logfile: \"" + dir.toUtf8() + "/nsd.log\"\n";
    conf += "  server-count: 1\n";
    conf += "  tcp-count: 32\n";
    conf += "  verbosity: 1\n";
    conf += "  hide-version: yes\n";
    conf += "  ipv4-edns-size: 16384\n"; // let big EDNS buffers take big answers over UDP
    conf += "remote-control:\n  control-enable: no\n";
    for (const auto& z : m_zones) {
        const QByteArray file = z.name + ".zone";
        conf += "zone:\n  name: " + z.name + "\n  zonefile: \"" + file + "\"\n";
        if (!z.missing) {
            QFile zf(m_dir.filePath(QString::fromUtf8(file)));
            if (!zf.open(QIODevice::WriteOnly) || zf.write(z.text) != z.text.size()) {
                *error = QStringLiteral("cannot write %1").arg(zf.fileName());
                return false;
            }
        }
    }
    const QString confPath = m_dir.filePath(QStringLiteral("nsd.conf"));
    QFile cf(confPath);
    if (!cf.open(QIODevice::WriteOnly) || cf.write(conf) != conf.size()) {
        *error = QStringLiteral("cannot write %1").arg(confPath);
        return false;
    }
    cf.close();

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(nsdPath(), { QStringLiteral("-d"), QStringLiteral("-c"), confPath });
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(nsdPath(), m_process->errorString());
        return false;
    }

    // Ready when it answers the first real zone's SOA.
    QByteArray probe;
    for (const auto& z : m_zones) {
        if (!z.missing) {
            probe = z.name;
            break;
        }
    }
    ms::dns::LiveOptions o;
    o.servers = { server() };
    o.timeoutMs = 200;
    o.retries = 0;
    o.recursionDesired = false;
    ms::dns::LiveResolver probeResolver(o);
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            *error
                = QStringLiteral("nsd exited (code %1): %2").arg(m_process->exitCode()).arg(log());
            return false;
        }
        const auto a = probeResolver.resolve(
            probe.isEmpty() ? QByteArray("invalid") : probe, ms::dns::Type::SOA);
        if (a.outcome == ms::dns::Outcome::Ok
            || (probe.isEmpty() && a.outcome != ms::dns::Outcome::Timeout
                && a.outcome != ms::dns::Outcome::Unreachable))
            return true;
        QThread::msleep(50);
    }
    *error = QStringLiteral("nsd did not answer within 15 s: %1").arg(log());
    return false;
}

void NsdServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_process.reset();
}

} // namespace mstest
