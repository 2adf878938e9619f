#pragma once

#include "verify/Options.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace ms::cli {

// The S/MIME and TLS options of `verify`: the decryption key (its password only from a file
// or the environment, never from the command line, where other users can see it), extra
// trust anchors, and the two network actions that are off unless asked for.
struct SecurityOptions {
    SecurityOptions();

    QCommandLineOption pkcs12;
    QCommandLineOption pkcs12PasswordFile;
    QCommandLineOption pkcs12PasswordEnv;
    QCommandLineOption smimeTrust;
    QCommandLineOption noSystemStore;
    QCommandLineOption tlsLiveCheck;
    QCommandLineOption tlsTrust;
    QCommandLineOption mtaStsFetch;

    void addTo(QCommandLineParser& p) const;

    enum class Error { None, Usage, Input };
    // Fills options from the parsed command line. Checks what can be checked before any
    // message is read: the files exist, the password opens the PKCS#12.
    Error apply(const QCommandLineParser& p, VerifyOptions& options, QString* message) const;
};

} // namespace ms::cli
