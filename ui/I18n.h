#pragma once

#include <QString>

namespace ms::ui {

// Installs the translators for a language ("" = the system locale, "en", "ja"):
// Mailscope's own (:/i18n/mailscope_<lang>.qm) and Qt's (qtbase_<lang>.qm). Returns the
// language in effect ("en" when no translation applies).
QString applyLanguage(const QString& language);
QString currentLanguage();

} // namespace ms::ui
