#include "VerifyRunner.h"

#include "crypto/Keys.h"

#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace ms::ui {

VerifyRunner::VerifyRunner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const ms::ui::VerifyResult>>();
    // Verification (and the checks it runs in parallel) uses the global pool: below the GUI
    // thread, so that when the workers fill every core the event loop still gets one at once
    // (with real-time scheduling, `chrt`, equal priorities let two workers starve the GUI
    // thread for a whole verification: 0.95 s gaps on 2 cores). Threads started from now on.
    QThreadPool::globalInstance()->setThreadPriority(QThread::LowPriority);
}

VerifyRunner::~VerifyRunner()
{
    stopCurrent();
}

bool VerifyRunner::isRunning() const
{
    return (m_watcher && m_watcher->isRunning())
        || (m_previewWatcher && m_previewWatcher->isRunning());
}

void VerifyRunner::stopCurrent()
{
    if (m_cancel)
        m_cancel->store(true);
    // The old run sees its cancel flag; its result is dropped (the watcher is gone).
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->waitForFinished();
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    if (m_previewWatcher) {
        m_previewWatcher->disconnect(this);
        m_previewWatcher->waitForFinished();
        m_previewWatcher->deleteLater();
        m_previewWatcher = nullptr;
    }
}

void VerifyRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void VerifyRunner::start(int token, const VerifyRequest& request)
{
    stopCurrent();
    m_token = token;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancelFlag = m_cancel;
    QPointer<VerifyRunner> self(this);
    // Progress comes from worker threads: queue it to this object's thread.
    Verifier::Progress progressFn = [self, token](int done, int total, const QString& what) {
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, token, done, total, what] {
                    if (self)
                        emit self->progress(token, done, total, what);
                },
                Qt::QueuedConnection);
    };
    m_watcher = new QFutureWatcher<std::shared_ptr<const VerifyResult>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, token] {
        auto* w = m_watcher;
        if (!w)
            return;
        auto result = w->result();
        m_watcher = nullptr;
        w->deleteLater();
        emit finished(token, result);
    });
    m_watcher->setFuture(QtConcurrent::run([request, cancelFlag, progressFn] {
        auto result = std::shared_ptr<const VerifyResult>(
            std::make_shared<VerifyResult>(runVerification(request, cancelFlag.get(), progressFn)));
        crypto::releaseThreadResources(); // a global-pool thread: see the function
        return result;
    }));
}

void VerifyRunner::startPreview(int token, const VerifyRequest& request)
{
    stopCurrent();
    m_token = token;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancelFlag = m_cancel;
    m_previewWatcher = new QFutureWatcher<QStringList>(this);
    connect(m_previewWatcher, &QFutureWatcherBase::finished, this, [this, token] {
        auto* w = m_previewWatcher;
        if (!w)
            return;
        const QStringList names = w->result();
        m_previewWatcher = nullptr;
        w->deleteLater();
        emit previewFinished(token, names);
    });
    m_previewWatcher->setFuture(QtConcurrent::run([request, cancelFlag] {
        QStringList names = previewQueries(request, cancelFlag.get());
        crypto::releaseThreadResources();
        return names;
    }));
}

} // namespace ms::ui
