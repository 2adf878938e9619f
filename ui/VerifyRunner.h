#pragma once

#include "Engine.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace ms::ui {

// Runs one verification (or a privacy preview) at a time on the thread pool and hands the
// value-type result back on the GUI thread. Starting a new run cancels the previous one.
class VerifyRunner : public QObject
{
    Q_OBJECT
public:
    explicit VerifyRunner(QObject* parent = nullptr);
    ~VerifyRunner() override;

    void start(int token, const VerifyRequest& request);
    void startPreview(int token, const VerifyRequest& request);
    void cancel();
    bool isRunning() const;
    int token() const { return m_token; }

signals:
    void progress(int token, int done, int total, const QString& what);
    void finished(int token, std::shared_ptr<const ms::ui::VerifyResult> result);
    void previewFinished(int token, const QStringList& names);

private:
    void stopCurrent();

    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<std::shared_ptr<const VerifyResult>>* m_watcher = nullptr;
    QFutureWatcher<QStringList>* m_previewWatcher = nullptr;
    int m_token = -1;
};

} // namespace ms::ui
