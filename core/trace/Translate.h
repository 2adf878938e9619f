#pragma once

#include <QString>

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

} // namespace ms
