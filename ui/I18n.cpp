#include "I18n.h"

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

// Looks a text up by its source alone when the context-exact lookup found nothing. Engine
// code that forwards tr(text) to QCoreApplication::translate("Ctx", text) is filed by lupdate
// under the enclosing namespace, so the catalogue and the runtime context can differ.
class SourceTextTranslator : public QTranslator
{
public:
    bool loadTs(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        QXmlStreamReader x(&f);
        QString source, translation;
        bool unfinished = false;
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == QLatin1String("message")) {
                source.clear();
                translation.clear();
                unfinished = false;
            } else if (x.isStartElement() && x.name() == QLatin1String("source")) {
                source = x.readElementText();
            } else if (x.isStartElement() && x.name() == QLatin1String("translation")) {
                unfinished
                    = x.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                if (x.readNext() == QXmlStreamReader::Characters)
                    translation = x.text().toString();
            } else if (x.isStartElement() && x.name() == QLatin1String("numerusform")) {
                if (translation.trimmed().isEmpty())
                    translation = x.readElementText();
            } else if (x.isEndElement() && x.name() == QLatin1String("message")) {
                if (!unfinished && !source.isEmpty() && !translation.trimmed().isEmpty())
                    m_map.insert(source, translation);
            }
        }
        return !m_map.isEmpty();
    }
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
        int n) const override
    {
        Q_UNUSED(context);
        Q_UNUSED(disambiguation);
        QString t = m_map.value(QString::fromUtf8(sourceText));
        if (n >= 0 && !t.isEmpty())
            t.replace(QLatin1String("%n"), QString::number(n));
        return t;
    }
    bool isEmpty() const override { return m_map.isEmpty(); }

private:
    QHash<QString, QString> m_map;
};

std::unique_ptr<SourceTextTranslator> g_fallback;
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
    if (g_fallback) {
        QCoreApplication::removeTranslator(g_fallback.get());
        g_fallback.reset();
    }
    g_current = QStringLiteral("en");
    if (lang == QLatin1String("en"))
        return g_current;
    // Installed first = asked last: the exact catalogue wins, the fallback fills the gaps.
    auto fallback = std::make_unique<SourceTextTranslator>();
    if (fallback->loadTs(QStringLiteral(":/i18n/ts/mailscope_") + lang + QStringLiteral(".ts"))) {
        QCoreApplication::installTranslator(fallback.get());
        g_fallback = std::move(fallback);
    }
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
