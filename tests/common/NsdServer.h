#pragma once

#include "dns/LiveResolver.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace mstest {

// A real authoritative DNS server for tests: NSD (Debian package "nsd") on 127.0.0.1 at a
// free port, configured entirely inside a QTemporaryDir (config, zones, pid file, logs, no
// database), started in the foreground (-d) and killed when the object goes away. Works as
// root (username "") and as a normal user.
//
//   mstest::NsdServer nsd;
//   nsd.addZone("example.test", zoneText);      // text must have an SOA
//   nsd.addMissingZone("broken.test");          // configured, no file: NSD answers SERVFAIL
//   QString error;
//   if (!nsd.start(&error)) QFAIL(qPrintable(error));
//   ms::dns::LiveOptions o; o.servers = {nsd.server()}; o.recursionDesired = false;
class NsdServer
{
public:
    NsdServer();
    ~NsdServer();
    NsdServer(const NsdServer&) = delete;
    NsdServer& operator=(const NsdServer&) = delete;

    void addZone(const QByteArray& name, const QByteArray& zoneText);
    void addMissingZone(const QByteArray& name);

    // Writes the configuration, starts nsd and waits (up to 15 s) until it answers the SOA
    // query of the first zone. On failure *error says why (including "install nsd
    // (apt-get install nsd)" when the binary is missing) and the log tail.
    bool start(QString* error);
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    ms::dns::ServerAddress server() const { return { QStringLiteral("127.0.0.1"), m_port }; }
    QString directory() const { return m_dir.path(); }
    QString log() const;

    // /usr/sbin/nsd, or nsd from PATH; empty if not installed.
    static QString nsdPath();

private:
    bool startOnce(QString* error);

    struct Zone {
        QByteArray name;
        QByteArray text;
        bool missing = false;
    };
    QTemporaryDir m_dir;
    QList<Zone> m_zones;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace mstest
