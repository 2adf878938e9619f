#pragma once

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
    enum class Mode { StartTls, NoStartTls };
    // certPem: the server certificate followed by any intermediates; keyPem: its key.
    SmtpTestServer(Mode mode, QByteArray certPem, QByteArray keyPem);
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer&) = delete;
    SmtpTestServer& operator=(const SmtpTestServer&) = delete;

    bool start(); // false if it cannot listen (error() says why)
    void stop();
    quint16 port() const { return m_port; }
    int sessions() const { return m_sessions.load(); }
    int handshakes() const { return m_handshakes.load(); }
    QString error() const { return m_error; }

private:
    void run();
    void session(int fd);

    Mode m_mode;
    QByteArray m_certPem, m_keyPem;
    int m_listen = -1;
    quint16 m_port = 0;
    QString m_error;
    std::atomic_bool m_stop { false };
    std::atomic_int m_sessions { 0 }, m_handshakes { 0 };
    std::thread m_thread;
    std::shared_ptr<void> m_ctx; // SSL_CTX*
};

} // namespace mstest
