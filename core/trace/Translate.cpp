#include "trace/Translate.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHash>

#include <atomic>
#include <bit>
#include <cstring>
#include <iterator>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace ms {

namespace {

// Counts translator changes; a thread's memo is valid for the count it was filled under.
std::atomic<quint64> g_generation { 0 };

class LanguageWatcher : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // QCoreApplication::installTranslator() and removeTranslator() send this to the
        // application synchronously, after the translator list changed.
        if (event->type() == QEvent::LanguageChange)
            g_generation.fetch_add(1, std::memory_order_release);
        return QObject::eventFilter(watched, event);
    }
};

void watchLanguageChanges()
{
    auto* app = QCoreApplication::instance();
    app->installEventFilter(new LanguageWatcher(app));
}

struct Memo {
    quint64 generation = 0;
    QHash<std::pair<const void*, const void*>, QString> texts;
    // In front of the hash: the last text seen at each of 256 slots, picked by the text's
    // address. A message asks for a few dozen texts; a hit is two compares, not a hash
    // lookup.
    struct Slot {
        const char* context = nullptr;
        const char* text = nullptr;
        QString value;
    };
    Slot recent[256];
    void clear()
    {
        texts.clear();
        for (Slot& s : recent)
            s = Slot();
    }
};

// The first '%' at or after `from` (size when there is none). Texts are a few hundred
// characters; eight at a time.
qsizetype nextPercent(const char16_t* t, qsizetype from, qsizetype size)
{
    qsizetype i = from;
#ifdef __SSE2__
    const __m128i percent = _mm_set1_epi16(short(u'%'));
    for (; i + 8 <= size; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
        const int mask = _mm_movemask_epi8(_mm_cmpeq_epi16(v, percent));
        if (mask != 0)
            return i + std::countr_zero(unsigned(mask)) / 2;
    }
#endif
    for (; i < size; ++i) {
        if (t[i] == u'%')
            return i;
    }
    return size;
}

} // namespace

// Runs when the QCoreApplication is constructed (or at once if it exists), in its thread.
Q_COREAPP_STARTUP_FUNCTION(watchLanguageChanges)

quint64 translationGeneration()
{
    return g_generation.load(std::memory_order_acquire);
}

QString translate(const char* context, const char* text)
{
    thread_local Memo memo;
    // Read before translating: a change while this lookup runs then empties the memo on the
    // next call instead of leaving an old text under the new count.
    const quint64 generation = g_generation.load(std::memory_order_acquire);
    if (memo.generation != generation) {
        memo.clear();
        memo.generation = generation;
    }
    Memo::Slot& slot = memo.recent[(quintptr(text) >> 3) & 255];
    if (slot.text == text && slot.context == context)
        return slot.value;
    const std::pair<const void*, const void*> key { context, text };
    auto it = memo.texts.constFind(key);
    if (it == memo.texts.cend())
        it = memo.texts.insert(key, QCoreApplication::translate(context, text));
    slot = { context, text, it.value() };
    return it.value();
}

QString fill(const QString& text, std::initializer_list<QStringView> args)
{
    const qsizetype n = qsizetype(args.size());
    Q_ASSERT(n >= 1 && n <= 3);
    const char16_t* const t = reinterpret_cast<const char16_t*>(text.constData());
    const qsizetype size = text.size();
    // Markers: "%d" with d in 1..9 not followed by another digit; a text with more than a
    // handful, or anything else after a '%', is left to Qt.
    constexpr int kMaxMarkers = 8;
    qsizetype at[kMaxMarkers];
    int markers = 0;
    int distinct = 0;
    unsigned seen = 0; // bit d: marker %d occurs
    bool plain = n >= 1 && n <= 3;
    for (qsizetype i = nextPercent(t, 0, size); plain && i < size;
         i = nextPercent(t, i + 2, size)) {
        const char16_t d = i + 1 < size ? t[i + 1] : u'\0';
        const bool digitAfter = i + 2 < size && t[i + 2] >= u'0' && t[i + 2] <= u'9';
        if (d < u'1' || d > u'9' || digitAfter || markers == kMaxMarkers) {
            plain = false;
            break;
        }
        if (!(seen & (1u << (d - u'0'))))
            ++distinct;
        seen |= 1u << (d - u'0');
        at[markers++] = i;
    }
    if (!plain || markers == 0 || distinct < n) {
        const QStringView* a = args.begin();
        switch (n) {
        case 1: return text.arg(a[0]);
        case 2: return text.arg(a[0], a[1]);
        case 3: return text.arg(a[0], a[1], a[2]);
        default: return text;
        }
    }
    // The k-th lowest marker number present takes args[k].
    const QStringView* byNumber[10] = {};
    for (int d = 1, k = 0; d <= 9 && k < n; ++d) {
        if (seen & (1u << d))
            byNumber[d] = args.begin() + k++;
    }
    qsizetype outSize = size;
    for (int m = 0; m < markers; ++m) {
        if (const QStringView* a = byNumber[t[at[m] + 1] - u'0'])
            outSize += a->size() - 2;
    }
    QString out(outSize, Qt::Uninitialized);
    char16_t* o = reinterpret_cast<char16_t*>(out.data());
    qsizetype from = 0;
    const auto copy = [&o](const char16_t* p, qsizetype len) {
        if (len > 0) {
            std::memcpy(o, p, size_t(len) * sizeof(char16_t));
            o += len;
        }
    };
    for (int m = 0; m < markers; ++m) {
        if (const QStringView* a = byNumber[t[at[m] + 1] - u'0']) {
            copy(t + from, at[m] - from);
            copy(reinterpret_cast<const char16_t*>(a->data()), a->size());
            from = at[m] + 2;
        }
    }
    copy(t + from, size - from);
    return out;
}

Decimal::Decimal(qint64 n)
{
    // Magnitude as unsigned: -INT64_MIN does not fit a qint64.
    quint64 m = n < 0 ? 0 - quint64(n) : quint64(n);
    do {
        m_text[--m_start] = char16_t(u'0' + m % 10);
        m /= 10;
    } while (m != 0);
    if (n < 0)
        m_text[--m_start] = u'-';
}

Latin1Text::Latin1Text(QByteArrayView bytes)
{
    if (bytes.size() > qsizetype(std::size(m_short))) {
        m_long = QString::fromLatin1(bytes);
        m_view = m_long;
        return;
    }
    for (qsizetype i = 0; i < bytes.size(); ++i)
        m_short[i] = char16_t(static_cast<unsigned char>(bytes[i]));
    m_view = QStringView(m_short, bytes.size());
}

} // namespace ms
