#pragma once

#include <QByteArrayView>
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

// fill() arguments made on the stack instead of as a QString each (QString::number(),
// QString::fromLatin1()): the per-message texts of a batch take one allocation, not three.
// Both live until the end of the full expression that makes them, as fill() needs.
class Decimal
{
public:
    explicit Decimal(qint64 n);
    operator QStringView() const { return { m_text + m_start, kSize - m_start }; }

private:
    static constexpr qsizetype kSize = 20; // "-9223372036854775808"
    char16_t m_text[kSize];
    qsizetype m_start = kSize;
};

// Latin-1 bytes widened to UTF-16: on the stack up to 128 bytes, in a QString beyond.
class Latin1Text
{
public:
    explicit Latin1Text(QByteArrayView bytes);
    Latin1Text(const Latin1Text&) = delete; // the view points into this object
    Latin1Text& operator=(const Latin1Text&) = delete;
    operator QStringView() const { return m_view; }

private:
    char16_t m_short[128];
    QString m_long;
    QStringView m_view;
};

} // namespace ms
