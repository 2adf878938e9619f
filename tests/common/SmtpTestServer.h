#pragma once

#include "common/TlsTestListener.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace mstest {

// A minimal SMTP server on 127.0.0.1 (random port) on its own thread, with STARTTLS done by
// OpenSSL, for testing the live TLS check. It greets, answers EHLO (with or without
// STARTTLS), performs the TLS handshake with the given certificate, answers EHLO again and
// QUIT. It accepts no mail.
class SmtpTestServer
{
public:
    // StartTlsThenHangUp: offers STARTTLS, says "220 Ready", then closes the connection
    // instead of the TLS handshake.
    enum class Mode { StartTls, NoStartTls, StartTlsThenHangUp };
    // certPem: the server certificate followed by any intermediates; keyPem: its key.
    SmtpTestServer(Mode mode, QByteArray certPem, QByteArray keyPem);
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer&) = delete;
    SmtpTestServer& operator=(const SmtpTestServer&) = delete;

    bool start(); // false if it cannot listen (error() says why)
    void stop() { m_listener.stop(); }
    quint16 port() const { return m_listener.port(); }
    int sessions() const { return m_listener.connections(); }
    int handshakes() const { return m_handshakes.load(); }
    QString error() const { return m_listener.error(); }

private:
    void session(int fd);

    Mode m_mode;
    QByteArray m_certPem, m_keyPem;
    std::atomic_int m_handshakes { 0 };
    TlsTestListener m_listener; // last: its thread stops before the members above go
};

} // namespace mstest
