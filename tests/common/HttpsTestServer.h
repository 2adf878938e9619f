#pragma once

#include "common/TlsTestListener.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <mutex>

namespace mstest {

// A minimal HTTPS server on 127.0.0.1 (random port) on its own thread, TLS by OpenSSL, for
// testing the MTA-STS policy fetch. Every connection: TLS handshake with the given
// certificate, read one request header block, send `response` verbatim (status line,
// header fields, body: whatever the test wants, malformed included), close.
class HttpsTestServer
{
public:
    // certPem: the server certificate followed by any intermediates; keyPem: its key.
    HttpsTestServer(QByteArray certPem, QByteArray keyPem, QByteArray response);
    ~HttpsTestServer();
    HttpsTestServer(const HttpsTestServer&) = delete;
    HttpsTestServer& operator=(const HttpsTestServer&) = delete;

    // A complete "HTTP/1.1 200 OK" response with Content-Type and Content-Length.
    static QByteArray ok(const QByteArray& body, const QByteArray& contentType = "text/plain");

    bool start(); // false if it cannot listen (error() says why)
    void stop() { m_listener.stop(); }
    quint16 port() const { return m_listener.port(); }
    int connections() const { return m_listener.connections(); }
    int handshakes() const { return m_handshakes.load(); }
    int requests() const { return m_requests.load(); }
    QByteArray lastRequest() const; // the last request header block as received
    QString error() const { return m_listener.error(); }

private:
    void session(int fd);

    QByteArray m_certPem, m_keyPem, m_response;
    std::atomic_int m_handshakes { 0 }, m_requests { 0 };
    mutable std::mutex m_mutex;
    QByteArray m_lastRequest;
    TlsTestListener m_listener; // last: its thread stops before the members above go
};

} // namespace mstest
