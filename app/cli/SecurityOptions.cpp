#include "SecurityOptions.h"

#include "crypto/Cms.h"
#include "crypto/X509Certificate.h"
#include "tls/MtaSts.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace ms::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

constexpr qint64 kMaxKeyFileBytes = 16 * 1024 * 1024;
constexpr qint64 kMaxPasswordBytes = 4096;

bool readSmall(const QString& path, qint64 limit, QByteArray* out, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    if (f.size() > limit) {
        *error = tr("larger than %1 bytes").arg(limit);
        return false;
    }
    // Chunked reads: QFile::read(limit + 1) would allocate the whole limit up front, and a
    // FIFO or /dev/ file reports size 0, so the size check above cannot be the only bound.
    out->clear();
    char chunk[16384];
    for (;;) {
        const qint64 n = f.read(chunk, sizeof chunk);
        if (n < 0) {
            *error = f.errorString();
            return false;
        }
        if (n == 0)
            return true;
        if (out->size() + n > limit) {
            *error = tr("larger than %1 bytes").arg(limit);
            return false;
        }
        out->append(chunk, n);
    }
}

// One trailing line end is not part of the password (echo "secret" > file).
QByteArray chompLine(QByteArray s)
{
    if (s.endsWith('\n'))
        s.chop(1);
    if (s.endsWith('\r'))
        s.chop(1);
    return s;
}

} // namespace

SecurityOptions::SecurityOptions()
    : pkcs12(QStringLiteral("pkcs12"),
        tr("S/MIME: decrypt encrypted messages with this key and certificate (PKCS#12, "
           "DER) in memory, then verify what is inside. The password comes from "
           "--pkcs12-password-file or --pkcs12-password-env, never from the command line."),
        tr("FILE"))
    , pkcs12PasswordFile(QStringLiteral("pkcs12-password-file"),
          tr("Read the PKCS#12 password from this file (one trailing line end is ignored)."),
          tr("FILE"))
    , pkcs12PasswordEnv(QStringLiteral("pkcs12-password-env"),
          tr("Take the PKCS#12 password from this environment variable."), tr("VAR"))
    , smimeTrust(QStringLiteral("smime-trust"),
          tr("S/MIME: also trust the CA certificates in this PEM file (repeatable)."), tr("PEM"))
    , noSystemStore(QStringLiteral("no-system-store"),
          tr("S/MIME: do not trust the system's CA store, only --smime-trust files."))
    , tlsLiveCheck(QStringLiteral("tls-live-check"),
          tr("TLS: connect to this mail server (port 25 unless given) and report EHLO, "
             "STARTTLS, protocol, cipher, certificate chain, DANE and MTA-STS fit. Sends no "
             "mail. Off unless given."),
          tr("HOST[:PORT]"))
    , tlsTrust(QStringLiteral("tls-trust"),
          tr("TLS: also trust the CA certificates in this PEM file for the live check and "
             "the MTA-STS policy host (repeatable)."),
          tr("PEM"))
    , mtaStsFetch(QStringLiteral("mta-sts-fetch"),
          tr("TLS: fetch the MTA-STS policy files over HTTPS "
             "(https://mta-sts.DOMAIN/.well-known/mta-sts.txt) and check the MX hosts "
             "against them. Off unless given."))
{
}

void SecurityOptions::addTo(QCommandLineParser& p) const
{
    p.addOptions({ pkcs12, pkcs12PasswordFile, pkcs12PasswordEnv, smimeTrust, noSystemStore,
        tlsLiveCheck, tlsTrust, mtaStsFetch });
}

SecurityOptions::Error SecurityOptions::apply(
    const QCommandLineParser& p, VerifyOptions& options, QString* message) const
{
    // Trust files: every one must be readable PEM with at least one certificate.
    auto trustFiles = [&](const QCommandLineOption& o, QStringList* out) -> Error {
        for (const QString& path : p.values(o)) {
            QByteArray pem;
            QString error;
            if (!readSmall(path, kMaxKeyFileBytes, &pem, &error)) {
                *message = tr("--%1 %2: %3").arg(o.names().constFirst(), path, error);
                return Error::Input;
            }
            if (crypto::Certificate::fromPem(pem).isEmpty()) {
                *message = tr("--%1 %2: no PEM certificate in the file")
                               .arg(o.names().constFirst(), path);
                return Error::Input;
            }
            out->append(QFileInfo(path).absoluteFilePath());
        }
        return Error::None;
    };
    if (const Error e = trustFiles(smimeTrust, &options.smimeTrustFiles); e != Error::None)
        return e;
    if (const Error e = trustFiles(tlsTrust, &options.tlsTrustFiles); e != Error::None)
        return e;
    options.smimeUseSystemStore = !p.isSet(noSystemStore);
    options.tlsFetchMtaStsPolicy = p.isSet(mtaStsFetch);
    if (options.tlsFetchMtaStsPolicy) // one fetch per domain and policy id for the whole run
        options.mtaStsCache = std::make_shared<tls::MtaStsPolicyCache>();
    if (p.isSet(tlsLiveCheck)) {
        const QString host = p.value(tlsLiveCheck).trimmed();
        if (host.isEmpty()) {
            *message = tr("--tls-live-check needs a host name");
            return Error::Usage;
        }
        options.tlsLiveSmtpCheck = true;
        options.tlsLiveSmtpHost = host;
    }

    // The PKCS#12 key and its password.
    if (!p.isSet(pkcs12)) {
        if (p.isSet(pkcs12PasswordFile) || p.isSet(pkcs12PasswordEnv)) {
            *message = tr("a PKCS#12 password was given without --pkcs12");
            return Error::Usage;
        }
        return Error::None;
    }
    if (p.isSet(pkcs12PasswordFile) && p.isSet(pkcs12PasswordEnv)) {
        *message = tr("give the PKCS#12 password either in a file or in the environment, "
                      "not both");
        return Error::Usage;
    }
    QByteArray password;
    if (p.isSet(pkcs12PasswordFile)) {
        QString error;
        if (!readSmall(p.value(pkcs12PasswordFile), kMaxPasswordBytes, &password, &error)) {
            *message = tr("--pkcs12-password-file %1: %2").arg(p.value(pkcs12PasswordFile), error);
            return Error::Input;
        }
        password = chompLine(password);
    } else if (p.isSet(pkcs12PasswordEnv)) {
        const QByteArray var = p.value(pkcs12PasswordEnv).toLocal8Bit();
        if (var.isEmpty() || !qEnvironmentVariableIsSet(var.constData())) {
            *message = tr("--pkcs12-password-env: the environment variable '%1' is not set")
                           .arg(p.value(pkcs12PasswordEnv));
            return Error::Usage;
        }
        password = qgetenv(var.constData());
    }
    const QString keyPath = p.value(pkcs12);
    QByteArray der;
    QString error;
    if (!readSmall(keyPath, kMaxKeyFileBytes, &der, &error)) {
        *message = tr("--pkcs12 %1: %2").arg(keyPath, error);
        return Error::Input;
    }
    const crypto::Pkcs12Info info = crypto::openPkcs12(der, password);
    if (!info.ok) {
        *message = tr("--pkcs12 %1: %2").arg(keyPath, info.error);
        return Error::Input;
    }
    options.pkcs12File = QFileInfo(keyPath).absoluteFilePath();
    options.pkcs12Password = password;
    return Error::None;
}

} // namespace ms::cli
