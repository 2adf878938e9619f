#include "I18n.h"

#include "i18n.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QXmlStreamReader>

#include <memory>

namespace ms::ui {

namespace {
QString g_current = QStringLiteral("en");
} // namespace

QString applyLanguage(const QString& language)
{
    g_current = i18n::install(i18n::languageFor(language));
    return g_current;
}

QString currentLanguage()
{
    return g_current;
}

} // namespace ms::ui
