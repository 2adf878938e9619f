#include "common/SmtpTestServer.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <sys/socket.h>

namespace mstest {

SmtpTestServer::SmtpTestServer(Mode mode, QByteArray certPem, QByteArray keyPem)
    : m_mode(mode)
    , m_certPem(std::move(certPem))
    , m_keyPem(std::move(keyPem))
{
}

SmtpTestServer::~SmtpTestServer()
{
    m_listener.stop();
}

bool SmtpTestServer::start()
{
    return m_listener.start(m_certPem, m_keyPem, [this](int fd) { session(fd); });
}

void SmtpTestServer::session(int fd)
{
    SSL* ssl = nullptr;
    QByteArray buffer;
    auto send = [&](const QByteArray& s) {
        if (ssl)
            SSL_write(ssl, s.constData(), int(s.size()));
        else
            ::send(fd, s.constData(), size_t(s.size()), MSG_NOSIGNAL);
    };
    auto readLine = [&](QByteArray& line) {
        while (true) {
            const qsizetype nl = buffer.indexOf('\n');
            if (nl >= 0) {
                line = buffer.left(nl).trimmed();
                buffer.remove(0, nl + 1);
                return true;
            }
            if (buffer.size() > 8192 || m_listener.stopping())
                return false;
            char chunk[1024];
            const int n = ssl ? SSL_read(ssl, chunk, sizeof chunk)
                              : int(::recv(fd, chunk, sizeof chunk, 0));
            if (n <= 0)
                return false;
            buffer.append(chunk, n);
        }
    };
    send("220 mx.test.invalid ESMTP Mailscope test server\r\n");
    QByteArray line;
    while (readLine(line)) {
        const QByteArray verb = line.left(8).toUpper();
        if (verb.startsWith("EHLO")) {
            QByteArray reply = "250-mx.test.invalid greets you\r\n250-SIZE 1000000\r\n";
            if (m_mode != Mode::NoStartTls && !ssl)
                reply += "250-STARTTLS\r\n";
            reply += "250 8BITMIME\r\n";
            send(reply);
        } else if (verb.startsWith("STARTTLS") && m_mode != Mode::NoStartTls && !ssl) {
            send("220 2.0.0 Ready to start TLS\r\n");
            if (m_mode == Mode::StartTlsThenHangUp)
                break;
            buffer.clear();
            ssl = SSL_new(static_cast<SSL_CTX*>(m_listener.context()));
            SSL_set_fd(ssl, fd);
            if (SSL_accept(ssl) != 1) {
                ERR_clear_error();
                break;
            }
            ++m_handshakes;
        } else if (verb.startsWith("QUIT")) {
            send("221 2.0.0 Bye\r\n");
            break;
        } else {
            send("502 5.5.1 Not implemented here\r\n");
        }
    }
    if (ssl) {
        SSL_shutdown(ssl);
        SSL_free(ssl);
    }
}

} // namespace mstest
