#pragma once

#include <QString>
#include <QStringView>

#include <initializer_list>

namespace ms {

// QCoreApplication::translate(context, text) remembered per thread. The engine asks for the
// same few hundred texts for every message of a batch, and each Qt lookup converts the source
// text again (about 440 instructions, 23 lookups per message for SPF and DMARC alone).
// `context` and `text` must be string literals or other storage that never changes: the memo
// is keyed by their addresses. Installing or removing a translator (QEvent::LanguageChange on
// the application) empties every thread's memo.
QString translate(const char* context, const char* text);

// Counts translator changes: a memo of anything holding translated text (a parsed record's
// error, say) is valid while this count stays what it was when the memo was filled.
quint64 translationGeneration();

// text.arg(a1, a2, ...) as Qt's multi-argument arg() fills a text: the lowest-numbered
// marker gets a1 (every occurrence of it), the next-lowest a2, and so on; an argument is
// never scanned for markers again, as chained .arg(a).arg(b) would scan a (a domain holding
// "%2" then garbles the text). One allocation instead of arg()'s parse and temporaries,
// which cost ~1,000 instructions a call on the per-message texts. Texts with any other use
// of '%' (%L1, %10, a lone '%'), or with fewer markers than arguments, go to QString::arg.
// One to three arguments.
QString fill(const QString& text, std::initializer_list<QStringView> args);
inline QString fill(const QString& text, QStringView a)
{
    return fill(text, { a });
}

} // namespace ms
