#include "common/TlsTestListener.h"

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

TlsTestListener::~TlsTestListener()
{
    stop();
}

bool TlsTestListener::start(
    const QByteArray& certPem, const QByteArray& keyPem, std::function<void(int fd)> session)
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    m_ctx = std::shared_ptr<void>(ctx, [](void* p) { SSL_CTX_free(static_cast<SSL_CTX*>(p)); });
    BIO* b = BIO_new_mem_buf(certPem.constData(), int(certPem.size()));
    X509* leaf = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
    bool ok = leaf && SSL_CTX_use_certificate(ctx, leaf) == 1;
    X509_free(leaf);
    while (X509* extra = PEM_read_bio_X509(b, nullptr, nullptr, nullptr))
        SSL_CTX_add0_chain_cert(ctx, extra); // takes ownership
    BIO_free(b);
    ERR_clear_error();
    b = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
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
    m_thread = std::thread([this, session = std::move(session)] {
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
            // Generous: a client under ASan on a loaded machine may judge the chain (system
            // store) for several seconds before it sends its request.
            timeval tv { 30, 0 };
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
            ++m_connections;
            session(fd);
            ::close(fd);
        }
    });
    return true;
}

void TlsTestListener::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listen >= 0) {
        ::close(m_listen);
        m_listen = -1;
    }
}

} // namespace mstest
