// mailscope-cli: verify messages from the command line (see `mailscope-cli --help`).
#include "Commands.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

// The GUI helper builds mailscope_<lang>.qm; the CLI looks for it in the resources (when
// linked in), beside the binary (build tree) and in the install tree. English otherwise.
void loadTranslations(QCoreApplication& app)
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList dirs = { QStringLiteral(":/i18n"),
        appDir + QStringLiteral("/../translations"), appDir + QStringLiteral("/translations"),
        appDir + QStringLiteral("/../share/mailscope/translations") };
    auto* translator = new QTranslator(&app);
    for (const QString& dir : dirs) {
        if (translator->load(QLocale(), QStringLiteral("mailscope"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(translator);
            break;
        }
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mailscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILSCOPE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Mailscope"));
    loadTranslations(app);
    return ms::cli::run(QCoreApplication::arguments());
}
