// mailscope-cli: verify messages from the command line (see `mailscope-cli --help`).
#include "Commands.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

#ifdef MAILSCOPE_HAVE_I18N
#include "i18n.h"
#endif

int main(int argc, char** argv)
{
    // Into a pipe or file, a batch writes its JSON lines in 64 KiB blocks (glibc's default
    // for a pipe is 4 KiB, a wake-up of the reader every two lines). A terminal stays line
    // buffered.
    // (glibc ignores the size unless it is given the buffer.)
    static char outBuffer[64 * 1024];
    if (!isatty(STDOUT_FILENO))
        std::setvbuf(stdout, outBuffer, _IOFBF, sizeof outBuffer);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mailscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILSCOPE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Mailscope"));
#ifdef MAILSCOPE_HAVE_I18N
    // The locale (LC_ALL / LC_MESSAGES / LANG) picks the language, as for the GUI.
    ms::i18n::install(ms::i18n::languageFor({}));
#endif
    return ms::cli::run(QCoreApplication::arguments());
}
