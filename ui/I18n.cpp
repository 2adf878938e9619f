#include "I18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace ms::ui {

namespace {
std::unique_ptr<QTranslator> g_app;
std::unique_ptr<QTranslator> g_qt;
QString g_current = QStringLiteral("en");
} // namespace

QString applyLanguage(const QString& language)
{
    QString lang = language;
    if (lang.isEmpty()) {
        const QStringList ui = QLocale::system().uiLanguages();
        lang = ui.isEmpty() ? QStringLiteral("en") : ui.first().left(2).toLower();
    }
    for (auto* t : { &g_app, &g_qt }) {
        if (*t) {
            QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
    }
    g_current = QStringLiteral("en");
    if (lang == QLatin1String("en"))
        return g_current;
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral("mailscope_") + lang, QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app.get());
        g_app = std::move(app);
        g_current = lang;
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(
            QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        g_qt = std::move(qt);
    }
    return g_current;
}

QString currentLanguage()
{
    return g_current;
}

} // namespace ms::ui
