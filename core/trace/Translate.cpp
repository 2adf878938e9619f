#include "trace/Translate.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHash>

#include <atomic>
#include <utility>

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
};

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
        memo.texts.clear();
        memo.generation = generation;
    }
    const std::pair<const void*, const void*> key { context, text };
    const auto it = memo.texts.constFind(key);
    if (it != memo.texts.cend())
        return it.value();
    QString t = QCoreApplication::translate(context, text);
    memo.texts.insert(key, t);
    return t;
}

} // namespace ms
