#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace mstest {

// The server side the OpenSSL test servers share: a TLS context with the certificate (plus
// any intermediates after it in certPem) and key, a socket listening on 127.0.0.1 on a
// random port, and an accept loop on its own thread that hands each connection (5 s socket
// timeouts, SIGPIPE blocked) to `session`, one at a time.
class TlsTestListener
{
public:
    TlsTestListener() = default;
    ~TlsTestListener();
    TlsTestListener(const TlsTestListener&) = delete;
    TlsTestListener& operator=(const TlsTestListener&) = delete;

    bool start(const QByteArray& certPem, const QByteArray& keyPem,
        std::function<void(int fd)> session); // false: error() says why
    void stop();
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }
    void* context() const { return m_ctx.get(); } // SSL_CTX*
    bool stopping() const { return m_stop.load(); }
    int connections() const { return m_connections.load(); }

private:
    int m_listen = -1;
    quint16 m_port = 0;
    QString m_error;
    std::atomic_bool m_stop { false };
    std::atomic_int m_connections { 0 };
    std::thread m_thread;
    std::shared_ptr<void> m_ctx;
};

} // namespace mstest
