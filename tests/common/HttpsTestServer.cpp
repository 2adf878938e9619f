#include "common/HttpsTestServer.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>

namespace mstest {

HttpsTestServer::HttpsTestServer(QByteArray certPem, QByteArray keyPem, QByteArray response)
    : m_certPem(std::move(certPem))
    , m_keyPem(std::move(keyPem))
    , m_response(std::move(response))
{
}

HttpsTestServer::~HttpsTestServer()
{
    m_listener.stop();
}

QByteArray HttpsTestServer::ok(const QByteArray& body, const QByteArray& contentType)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray HttpsTestServer::lastRequest() const
{
    std::lock_guard lock(m_mutex);
    return m_lastRequest;
}

bool HttpsTestServer::start()
{
    return m_listener.start(m_certPem, m_keyPem, [this](int fd) { session(fd); });
}

void HttpsTestServer::session(int fd)
{
    SSL* ssl = SSL_new(static_cast<SSL_CTX*>(m_listener.context()));
    SSL_set_fd(ssl, fd);
    if (SSL_accept(ssl) == 1) {
        ++m_handshakes;
        QByteArray request;
        char chunk[1024];
        while (!request.contains("\r\n\r\n") && request.size() < 16384 && !m_listener.stopping()) {
            const int n = SSL_read(ssl, chunk, sizeof chunk);
            if (n <= 0)
                break;
            request.append(chunk, n);
        }
        if (request.contains("\r\n\r\n")) {
            ++m_requests;
            {
                std::lock_guard lock(m_mutex);
                m_lastRequest = request;
            }
            qsizetype done = 0;
            while (done < m_response.size()) {
                const int n = SSL_write(ssl, m_response.constData() + done,
                    int(std::min<qsizetype>(16384, m_response.size() - done)));
                if (n <= 0)
                    break;
                done += n;
            }
        }
        SSL_shutdown(ssl);
    }
    ERR_clear_error();
    SSL_free(ssl);
}

} // namespace mstest
