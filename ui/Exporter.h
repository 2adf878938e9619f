#pragma once

#include "report/Report.h"

#include <QString>
#include <QStringList>

namespace ms::ui {

// Report exports. HTML and JSON come from core (ms::toHtml / ms::toJson); the PDF is the
// same HTML laid out by QTextDocument and paged by QPdfWriter; summaries are for pasting
// into tickets. Files are replaced atomically (QSaveFile): a failed export leaves the old
// file as it was.
bool writeHtml(const Report& r, const QString& path, QString* error = nullptr);
bool writePdf(const Report& r, const QString& path, QString* error = nullptr);
QByteArray pdfBytes(const Report& r); // the PDF document, in memory
bool writeJson(const Report& r, const QString& path, QString* error = nullptr);

enum class SummaryFormat { PlainText, Markdown };
QString summary(const Report& r, SummaryFormat format);

// Plain-words list of the check results that differ between two runs of one message
// ("SPF: fail → pass", "DKIM example.com (s1): fail → pass").
QStringList reportChanges(const Report& before, const Report& after);

bool writeFile(const QString& path, const QByteArray& bytes, QString* error);

} // namespace ms::ui
