#include "common/SmtpTestServer.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace mstest {

SmtpTestServer::SmtpTestServer(Mode mode, QByteArray certPem, QByteArray keyPem)
    : m_mode(mode)
    , m_certPem(std::move(certPem))
    , m_keyPem(std::move(keyPem))
{
}

SmtpTestServer::~SmtpTestServer()
{
    stop();
}

bool SmtpTestServer::start()
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    m_ctx = std::shared_ptr<void>(ctx, [](void* p) { SSL_CTX_free(static_cast<SSL_CTX*>(p)); });
    BIO* b = BIO_new_mem_buf(m_certPem.constData(), int(m_certPem.size()));
    X509* leaf = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
    bool ok = leaf && SSL_CTX_use_certificate(ctx, leaf) == 1;
    X509_free(leaf);
    while (X509* extra = PEM_read_bio_X509(b, nullptr, nullptr, nullptr)) {
        SSL_CTX_add0_chain_cert(ctx, extra); // takes ownership
    }
    BIO_free(b);
    ERR_clear_error();
    b = BIO_new_mem_buf(m_keyPem.constData(), int(m_keyPem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr);
    ok = ok && key && SSL_CTX_use_PrivateKey(ctx, key) == 1;
    EVP_PKEY_free(key);
    BIO_free(b);
    if (!ok) {
        m_error = QStringLiteral("bad certificate or key");
        return false;
    }

    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0
        || ::listen(m_listen, 8) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    socklen_t len = sizeof addr;
    getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { run(); });
    return true;
}

void SmtpTestServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listen >= 0) {
        ::close(m_listen);
        m_listen = -1;
    }
}

void SmtpTestServer::run()
{
    // A client that hangs up mid-write must not kill the test with SIGPIPE.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    while (!m_stop) {
        pollfd pfd { m_listen, POLLIN, 0 };
        if (::poll(&pfd, 1, 100) <= 0)
            continue;
        const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        timeval tv { 5, 0 };
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        ++m_sessions;
        session(fd);
        ::close(fd);
    }
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
            if (buffer.size() > 8192 || m_stop)
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
            if (m_mode == Mode::StartTls && !ssl)
                reply += "250-STARTTLS\r\n";
            reply += "250 8BITMIME\r\n";
            send(reply);
        } else if (verb.startsWith("STARTTLS") && m_mode == Mode::StartTls && !ssl) {
            send("220 2.0.0 Ready to start TLS\r\n");
            buffer.clear();
            ssl = SSL_new(static_cast<SSL_CTX*>(m_ctx.get()));
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
