#pragma once

#include <QHash>
#include <QString>
#include <QTranslator>

namespace ms::i18n {

// The catalogues are resources of mailscope_i18n: :/i18n/mailscope_<lang>.qm and the .ts
// itself at :/i18n/ts/mailscope_<lang>.ts.
//
// Looks a text up by its source alone when the context-exact lookup found nothing. Engine
// code forwards small tr(text) helpers to QCoreApplication::translate("Ctx", text), which
// lupdate files under the enclosing namespace, so catalogue and runtime contexts can
// differ; the source text is the same.
class SourceTextTranslator : public QTranslator
{
public:
    bool loadTs(const QString& path);
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
        int n) const override;
    bool isEmpty() const override;

private:
    QHash<QString, QString> m_map;
};

// The language to use: `requested` ("ja", "en") or, when empty, the system locale's.
QString languageFor(const QString& requested);

// Installs the Mailscope catalogue (exact + source-text fallback) and Qt's own for
// `language` into the application; removes what an earlier call installed. Returns the
// language now in effect ("en" when no catalogue exists for the one asked).
QString install(const QString& language);

} // namespace ms::i18n
