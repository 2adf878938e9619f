#include "crypto/TlsClient.h"

#include "crypto/OpenSslText.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ms::crypto {

namespace {

QString tr(const char* text)
{
    return ms::translate("Tls", text);
}

constexpr int kMaxReplyBytes = 64 * 1024; // one SMTP reply (RFC 5321 4.5.3.1 is far less)
constexpr int kMaxTranscript = 200;

class Conversation
{
public:
    Conversation(TlsSession& r, int timeoutMs, const std::atomic_bool* cancelled)
        : m_r(r)
        , m_timeoutMs(timeoutMs)
        , m_cancelled(cancelled)
    {
        m_timer.start();
    }
    ~Conversation()
    {
        if (m_ssl) {
            SSL_shutdown(m_ssl);
            SSL_free(m_ssl);
        }
        SSL_CTX_free(m_ctx);
        if (m_fd >= 0)
            ::close(m_fd);
    }

    int remaining() const { return int(std::max<qint64>(0, m_timeoutMs - m_timer.elapsed())); }
    bool cancelled() const { return m_cancelled && m_cancelled->load(); }

    // A numeric address only: names are resolved by the caller through ms::dns (shown as
    // steps, offline and what-if aware), never by the system resolver behind its back.
    bool connectTo(const QString& address, quint16 port)
    {
        addrinfo hints = {};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
        addrinfo* res = nullptr;
        const QByteArray h = address.toUtf8();
        const QByteArray p = QByteArray::number(port);
        const int gai = getaddrinfo(h.constData(), p.constData(), &hints, &res);
        if (gai != 0) {
            m_r.error = tr("%1 is not an IP address: %2")
                            .arg(address, QString::fromLocal8Bit(gai_strerror(gai)));
            return false;
        }
        QString lastError;
        for (addrinfo* ai = res; ai && remaining() > 0 && !cancelled(); ai = ai->ai_next) {
            const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
            if (fd < 0)
                continue;
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
            int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
            if (rc != 0 && errno == EINPROGRESS) {
                pollfd pfd { fd, POLLOUT, 0 };
                rc = ::poll(&pfd, 1, std::min(remaining(), 10000));
                int soErr = 0;
                socklen_t len = sizeof soErr;
                if (rc == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &soErr, &len) == 0
                    && soErr == 0)
                    rc = 0;
                else {
                    lastError = rc == 0
                        ? tr("connection timed out")
                        : QString::fromLocal8Bit(std::strerror(soErr ? soErr : errno));
                    rc = -1;
                }
            } else if (rc != 0) {
                lastError = QString::fromLocal8Bit(std::strerror(errno));
            }
            if (rc == 0) {
                char buf[NI_MAXHOST] = {};
                getnameinfo(
                    ai->ai_addr, ai->ai_addrlen, buf, sizeof buf, nullptr, 0, NI_NUMERICHOST);
                m_r.address = ai->ai_family == AF_INET6
                    ? QStringLiteral("[%1]:%2").arg(QString::fromLatin1(buf)).arg(port)
                    : QStringLiteral("%1:%2").arg(QString::fromLatin1(buf)).arg(port);
                m_fd = fd;
                break;
            }
            ::close(fd);
        }
        freeaddrinfo(res);
        if (m_fd < 0) {
            m_r.error
                = tr("cannot connect to %1 port %2: %3").arg(address).arg(port).arg(lastError);
            return false;
        }
        m_r.connected = true;
        return true;
    }

    // Waits until the socket is readable/writable or the deadline passes.
    bool waitFor(short events)
    {
        pollfd pfd { m_fd, events, 0 };
        while (true) {
            if (cancelled()) {
                m_r.error = tr("cancelled");
                return false;
            }
            const int rc = ::poll(&pfd, 1, std::min(remaining(), 250));
            if (rc > 0)
                return true;
            if (rc < 0 && errno != EINTR) {
                m_r.error = QString::fromLocal8Bit(std::strerror(errno));
                return false;
            }
            if (remaining() <= 0) {
                m_r.error = tr("the server did not answer in time");
                return false;
            }
        }
    }

    bool writeAll(const QByteArray& data)
    {
        qsizetype done = 0;
        while (done < data.size()) {
            if (!waitFor(POLLOUT))
                return false;
            ssize_t n;
            if (m_ssl) {
                const int w = SSL_write(m_ssl, data.constData() + done, int(data.size() - done));
                if (w <= 0) {
                    const int e = SSL_get_error(m_ssl, w);
                    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
                        continue;
                    m_r.error = tr("TLS write failed");
                    return false;
                }
                n = w;
            } else {
                n = ::send(m_fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
                if (n < 0) {
                    if (errno == EAGAIN || errno == EINTR)
                        continue;
                    m_r.error = QString::fromLocal8Bit(std::strerror(errno));
                    return false;
                }
            }
            done += n;
        }
        return true;
    }

    // Reads one (possibly multi-line) reply: lines "ddd-..." until "ddd ...".
    bool readReply(int& code, QStringList& lines)
    {
        lines.clear();
        code = 0;
        while (true) {
            const qsizetype nl = m_buffer.indexOf('\n');
            if (nl >= 0) {
                QByteArray line = m_buffer.left(nl);
                m_buffer.remove(0, nl + 1);
                if (line.endsWith('\r'))
                    line.chop(1);
                if (m_r.transcript.size() < kMaxTranscript)
                    m_r.transcript.append(
                        QStringLiteral("S: ") + QString::fromUtf8(line.left(512)));
                if (line.size() < 3 || !std::isdigit(uchar(line[0]))
                    || !std::isdigit(uchar(line[1])) || !std::isdigit(uchar(line[2]))) {
                    m_r.error = tr("not an SMTP reply: %1").arg(QString::fromUtf8(line.left(80)));
                    return false;
                }
                code = line.left(3).toInt();
                lines.append(QString::fromUtf8(line.mid(4)));
                if (line.size() == 3 || line[3] == ' ')
                    return true;
                if (lines.size() > 200) {
                    m_r.error = tr("reply too long");
                    return false;
                }
                continue;
            }
            if (m_buffer.size() > kMaxReplyBytes) {
                m_r.error = tr("reply too long");
                return false;
            }
            if (readMore() != Read::Data)
                return false;
        }
    }

    enum class Read { Data, Closed, Failed };
    // Appends what the server sends next to m_buffer. Closed: the server ended the
    // connection (error set, callers that expect it clear it).
    Read readMore()
    {
        while (true) {
            char chunk[4096];
            ssize_t n;
            if (m_ssl && SSL_pending(m_ssl) > 0) {
                n = SSL_read(m_ssl, chunk, sizeof chunk);
            } else {
                if (!waitFor(POLLIN))
                    return Read::Failed;
                if (m_ssl) {
                    n = SSL_read(m_ssl, chunk, sizeof chunk);
                    if (n <= 0) {
                        const int e = SSL_get_error(m_ssl, int(n));
                        ERR_clear_error();
                        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
                            continue;
                    }
                } else {
                    n = ::recv(m_fd, chunk, sizeof chunk, 0);
                    if (n < 0 && (errno == EAGAIN || errno == EINTR))
                        continue;
                }
            }
            if (n <= 0) {
                m_r.error = tr("the server closed the connection");
                return Read::Closed;
            }
            m_buffer.append(chunk, int(n));
            return Read::Data;
        }
    }

    QByteArray& buffer() { return m_buffer; }

    void note(const QString& line)
    {
        if (m_r.transcript.size() < kMaxTranscript)
            m_r.transcript.append(line);
    }

    bool command(const QByteArray& line, int& code, QStringList& reply)
    {
        if (m_r.transcript.size() < kMaxTranscript)
            m_r.transcript.append(QStringLiteral("C: ") + QString::fromUtf8(line));
        return writeAll(line + "\r\n") && readReply(code, reply);
    }

    bool handshake(const QString& host)
    {
        m_ctx = SSL_CTX_new(TLS_client_method());
        if (!m_ctx)
            return false;
        SSL_CTX_set_verify(m_ctx, SSL_VERIFY_NONE, nullptr); // judged by the caller
        m_ssl = SSL_new(m_ctx);
        SSL_set_fd(m_ssl, m_fd);
        // RFC 6066 3: SNI carries a host name, never an address literal.
        const QByteArray h = host.toUtf8();
        unsigned char literal[16];
        if (inet_pton(AF_INET, h.constData(), literal) != 1
            && inet_pton(AF_INET6, h.constData(), literal) != 1)
            SSL_set_tlsext_host_name(m_ssl, h.constData());
        m_buffer.clear(); // RFC 3207 4.2: discard anything read before the handshake
        while (true) {
            const int rc = SSL_connect(m_ssl);
            if (rc == 1)
                break;
            const int e = SSL_get_error(m_ssl, rc);
            if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
                if (!waitFor(e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT))
                    return false;
                continue;
            }
            // A peer that hangs up mid-handshake leaves OpenSSL's queue empty.
            QString why = takeOpensslErrors(1);
            if (why.isEmpty()) {
                why = e == SSL_ERROR_SYSCALL || e == SSL_ERROR_ZERO_RETURN
                    ? tr("the server closed the connection")
                    : tr("OpenSSL error code %1").arg(e);
            }
            m_r.error = tr("TLS handshake failed: %1").arg(why);
            return false;
        }
        m_r.tlsEstablished = true;
        m_r.protocol = QString::fromLatin1(SSL_get_version(m_ssl));
        if (const SSL_CIPHER* c = SSL_get_current_cipher(m_ssl)) {
            m_r.cipher = QString::fromLatin1(SSL_CIPHER_get_name(c));
            m_r.cipherBits = SSL_CIPHER_get_bits(c, nullptr);
        }
        if (STACK_OF(X509)* chain = SSL_get_peer_cert_chain(m_ssl)) {
            for (int i = 0; i < sk_X509_num(chain) && i < 16; ++i) {
                unsigned char* der = nullptr;
                const int n = i2d_X509(sk_X509_value(chain, i), &der);
                if (n > 0) {
                    m_r.peerChain.append(
                        Certificate::fromDer(QByteArray(reinterpret_cast<const char*>(der), n)));
                    OPENSSL_free(der);
                }
            }
        }
        return true;
    }

private:
    TlsSession& m_r;
    int m_timeoutMs;
    const std::atomic_bool* m_cancelled;
    QElapsedTimer m_timer;
    int m_fd = -1;
    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
    QByteArray m_buffer;
};

// OpenSSL writes with write(2): keep a vanished server from raising SIGPIPE in this thread;
// a pending one is consumed before the mask is restored.
class SigpipeBlock
{
public:
    SigpipeBlock()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigpipeBlock()
    {
        timespec zero { 0, 0 };
        while (sigtimedwait(&m_pipe, nullptr, &zero) > 0) { }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigpipeBlock(const SigpipeBlock&) = delete;
    SigpipeBlock& operator=(const SigpipeBlock&) = delete;

private:
    sigset_t m_pipe, m_old;
};

QStringList keywords(const QStringList& ehloReply)
{
    // The first line is the greeting ("mx.example.org Hello"), the rest are keywords.
    return ehloReply.mid(1);
}

} // namespace

SmtpProbeResult probeSmtpStartTls(const QString& address, quint16 port, const QString& hostName,
    const QString& ehloName, int timeoutMs, const std::atomic_bool* cancelled)
{
    SmtpProbeResult r;
    QElapsedTimer total;
    total.start();
    {
        const SigpipeBlock noSigpipe;
        Conversation c(r, timeoutMs, cancelled);
        int code = 0;
        QStringList reply;
        if (c.connectTo(address, port) && c.readReply(code, reply)) {
            r.banner = reply.join(QLatin1Char(' '));
            if (code != 220) {
                r.error = tr("the server refused the session (%1)").arg(code);
            } else if (c.command("EHLO " + ehloName.toUtf8(), code, reply)) {
                if (code != 250) {
                    r.error = tr("EHLO was refused (%1)").arg(code);
                } else {
                    r.capabilities = keywords(reply);
                    for (const QString& k : r.capabilities)
                        r.starttlsOffered = r.starttlsOffered
                            || k.section(QLatin1Char(' '), 0, 0)
                                    .compare(QLatin1String("STARTTLS"), Qt::CaseInsensitive)
                                == 0;
                    if (!r.starttlsOffered) {
                        c.command("QUIT", code, reply);
                    } else if (c.command("STARTTLS", code, reply)) {
                        r.starttlsAccepted = code == 220;
                        if (!r.starttlsAccepted)
                            r.error = tr("STARTTLS was refused (%1)").arg(code);
                        else if (c.handshake(hostName)
                            && c.command("EHLO " + ehloName.toUtf8(), code, reply)) {
                            if (code == 250)
                                r.capabilitiesAfterTls = keywords(reply);
                            c.command("QUIT", code, reply);
                        }
                    }
                }
            }
        }
    }
    r.elapsedMs = total.elapsed();
    // An error after a completed TLS handshake (e.g. QUIT unanswered) is not a failure of
    // what was probed; keep it only when the handshake itself did not happen.
    if (r.tlsEstablished && r.error == tr("the server closed the connection"))
        r.error.clear();
    return r;
}

QByteArray HttpsResponse::header(QByteArrayView name) const
{
    const QByteArray n = name.toByteArray().toLower();
    for (const auto& [key, value] : headers) {
        if (key == n)
            return value;
    }
    return {};
}

namespace {

constexpr qsizetype kMaxHttpHeaderBytes = 16 * 1024;
constexpr int kMaxHttpHeaders = 100;

// Reads the status line and header fields (RFC 9112 2.1, 5). Leaves the body start in the
// conversation's buffer.
bool readHttpHead(Conversation& c, HttpsResponse& r)
{
    QByteArray& buf = c.buffer();
    qsizetype end = -1, sepLen = 0;
    while (true) {
        end = buf.indexOf("\r\n\r\n");
        sepLen = 4;
        if (end < 0) {
            end = buf.indexOf("\n\n");
            sepLen = 2;
        }
        if (end >= 0)
            break;
        if (buf.size() > kMaxHttpHeaderBytes) {
            r.error = tr("the HTTP response header is larger than %1 KiB")
                          .arg(kMaxHttpHeaderBytes / 1024);
            return false;
        }
        if (c.readMore() != Conversation::Read::Data) {
            if (r.error == tr("the server closed the connection"))
                r.error = tr("the server closed the connection before the HTTP response header "
                             "was complete");
            return false;
        }
    }
    if (end > kMaxHttpHeaderBytes) {
        r.error
            = tr("the HTTP response header is larger than %1 KiB").arg(kMaxHttpHeaderBytes / 1024);
        return false;
    }
    const QByteArray head = buf.left(end);
    buf.remove(0, end + sepLen);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    c.note(QStringLiteral("S: ") + QString::fromUtf8(statusLine.left(512)));
    r.statusLine = QString::fromUtf8(statusLine.left(512));
    // HTTP/1.1 200 OK
    const QList<QByteArray> parts = statusLine.split(' ');
    bool ok = false;
    if (parts.size() >= 2 && parts[0].startsWith("HTTP/1.") && parts[1].size() == 3)
        r.status = parts[1].toInt(&ok);
    if (!ok || r.status < 100 || r.status > 599) {
        r.status = 0;
        r.error = tr("not an HTTP response: %1").arg(QString::fromUtf8(statusLine.left(80)));
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if ((line[0] == ' ' || line[0] == '\t') && !r.headers.isEmpty()) {
            r.headers.last().second += ' ' + line.trimmed(); // obsolete folding (RFC 9112 5.2)
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        if (r.headers.size() >= kMaxHttpHeaders) {
            r.error = tr("more than %1 HTTP header fields").arg(kMaxHttpHeaders);
            return false;
        }
        r.headers.append({ line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
        c.note(QStringLiteral("S: ") + QString::fromUtf8(line.left(512)));
    }
    return true;
}

// Reads the body as the header says (RFC 9112 6.3), never more than maxBody bytes.
void readHttpBody(Conversation& c, HttpsResponse& r, qint64 maxBody)
{
    QByteArray& buf = c.buffer();
    const QByteArray te = r.header("transfer-encoding").toLower();
    const QByteArray cl = r.header("content-length");
    auto tooLarge = [&] {
        r.bodyTooLarge = true;
        r.error = tr("the body is larger than %1 bytes").arg(maxBody);
    };
    if (te.contains("chunked")) {
        while (true) {
            const qsizetype nl = buf.indexOf('\n');
            if (nl < 0) {
                if (buf.size() > 1024) {
                    r.error = tr("malformed chunked body");
                    return;
                }
                if (c.readMore() != Conversation::Read::Data)
                    return;
                continue;
            }
            const QByteArray sizeLine = buf.left(nl).trimmed();
            bool ok = false;
            const qint64 size = sizeLine.split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || sizeLine.size() > 64) {
                r.error = tr("malformed chunked body");
                return;
            }
            if (size == 0) {
                r.complete = true; // trailer fields are not needed
                return;
            }
            if (r.body.size() + size > maxBody) {
                tooLarge();
                return;
            }
            buf.remove(0, nl + 1);
            while (buf.size() < size + 2) {
                if (buf.size() >= size && buf.size() < size + 2 && buf.mid(size).startsWith('\n'))
                    break;
                if (c.readMore() != Conversation::Read::Data)
                    return;
            }
            r.body.append(buf.left(size));
            buf.remove(0, size);
            if (buf.startsWith("\r\n"))
                buf.remove(0, 2);
            else if (buf.startsWith('\n'))
                buf.remove(0, 1);
        }
    }
    if (!cl.isEmpty()) {
        bool ok = false;
        const qint64 length = cl.toLongLong(&ok);
        if (!ok || length < 0) {
            r.error = tr("malformed Content-Length: %1").arg(QString::fromLatin1(cl.left(40)));
            return;
        }
        if (length > maxBody) {
            tooLarge();
            return;
        }
        while (buf.size() < length) {
            if (c.readMore() != Conversation::Read::Data)
                return;
        }
        r.body = buf.left(length);
        r.complete = true;
        return;
    }
    // No length: the body ends when the server closes the connection.
    while (true) {
        if (buf.size() > maxBody) {
            tooLarge();
            return;
        }
        const Conversation::Read got = c.readMore();
        if (got == Conversation::Read::Closed) {
            r.error.clear();
            r.body = buf;
            r.complete = true;
            return;
        }
        if (got == Conversation::Read::Failed)
            return;
    }
}

} // namespace

HttpsResponse httpsGet(const QString& address, quint16 port, const QString& hostName,
    const QByteArray& path, qint64 maxBodyBytes, int timeoutMs, const ChainJudge& judge,
    const std::atomic_bool* cancelled)
{
    HttpsResponse r;
    QElapsedTimer total;
    total.start();
    {
        const SigpipeBlock noSigpipe;
        Conversation c(r, timeoutMs, cancelled);
        if (c.connectTo(address, port) && c.handshake(hostName)) {
            QString why;
            r.chainAccepted = !judge || judge(r.peerChain, &why);
            if (!r.chainAccepted) {
                r.chainRejection = why;
            } else {
                const QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: " + hostName.toUtf8()
                    + "\r\nUser-Agent: Mailscope\r\nAccept: text/plain\r\nConnection: "
                      "close\r\n\r\n";
                for (const QByteArray& line : request.trimmed().split('\n'))
                    c.note(QStringLiteral("C: ") + QString::fromUtf8(line.trimmed()));
                r.requestSent = c.writeAll(request);
                if (r.requestSent && readHttpHead(c, r) && r.status == 200)
                    readHttpBody(c, r, maxBodyBytes);
            }
        }
    }
    r.elapsedMs = total.elapsed();
    return r;
}

} // namespace ms::crypto
