#include "i18n.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QXmlStreamReader>

#include <memory>

namespace ms::i18n {

bool SourceTextTranslator::loadTs(const QString& path)
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
            unfinished = x.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
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

QString SourceTextTranslator::translate(
    const char* context, const char* sourceText, const char* disambiguation, int n) const
{
    Q_UNUSED(context);
    Q_UNUSED(disambiguation);
    QString t = m_map.value(QString::fromUtf8(sourceText));
    if (n >= 0 && !t.isEmpty())
        t.replace(QLatin1String("%n"), QString::number(n));
    return t;
}

bool SourceTextTranslator::isEmpty() const
{
    return m_map.isEmpty();
}

QString languageFor(const QString& requested)
{
    if (!requested.isEmpty())
        return requested;
    const QStringList ui = QLocale::system().uiLanguages();
    return ui.isEmpty() ? QStringLiteral("en") : ui.first().left(2).toLower();
}

namespace {
std::unique_ptr<SourceTextTranslator> g_fallback;
std::unique_ptr<QTranslator> g_app;
std::unique_ptr<QTranslator> g_qt;
} // namespace

QString install(const QString& language)
{
    for (QTranslator* t :
        { static_cast<QTranslator*>(g_fallback.get()), g_app.get(), g_qt.get() }) {
        if (t)
            QCoreApplication::removeTranslator(t);
    }
    g_fallback.reset();
    g_app.reset();
    g_qt.reset();
    if (language == QLatin1String("en") || language.isEmpty())
        return QStringLiteral("en");

    QString inEffect = QStringLiteral("en");
    // Installed first = asked last: the exact catalogue wins, the fallback fills the gaps.
    auto fallback = std::make_unique<SourceTextTranslator>();
    if (fallback->loadTs(
            QStringLiteral(":/i18n/ts/mailscope_") + language + QStringLiteral(".ts"))) {
        QCoreApplication::installTranslator(fallback.get());
        g_fallback = std::move(fallback);
        inEffect = language;
    }
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral("mailscope_") + language, QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app.get());
        g_app = std::move(app);
        inEffect = language;
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + language,
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        g_qt = std::move(qt);
    }
    return inEffect;
}

} // namespace ms::i18n
