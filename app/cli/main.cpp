// mailscope-cli: verify messages from the command line (see `mailscope-cli --help`).
#include "Commands.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef MAILSCOPE_HAVE_I18N
#include "i18n.h"
#endif

int main(int argc, char** argv)
{
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
