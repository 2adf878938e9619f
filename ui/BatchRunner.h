#pragma once

#include "BatchModel.h"
#include "Engine.h"
#include "Scenarios.h"
#include "verify/BatchInputs.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace ms::ui {

// What a batch run needs, as values (built on the GUI thread from the workbench settings).
struct BatchRequest {
    QStringList inputs; // files, folders, Maildirs, mbox files
    VerifyRequest base; // options, zone files, offline, DNS server (bytes/fileName unused)
    int threads = 0; // 0 = one per core
};

// The zone files and evaluation time one message of a batch is verified with: the batch's,
// plus what belongs to the file itself (a sample's own zone files and fixed time), exactly
// as File › Open would use them.
struct BatchJobSetup {
    QStringList zones;
    QDateTime fixedTime; // invalid = the settings' time mode
    QString sampleOptionsOf; // a bundled scenario whose .json options apply (sealers, trust)
};
// `folders`: a batch's cache of what the folders say (Scenarios.h), or none.
BatchJobSetup batchJobSetup(
    const BatchRequest& request, const QString& path, SampleFolders* folders = nullptr);

// Runs a batch on a worker pool, off the GUI thread, with the engine the CLI batch uses
// (collectBatchJobs, BatchPrefetch's read-ahead, one shared Verifier per DNS set-up, checks
// run one message per thread, workers claiming runs of messages). Only a summary row per
// message comes back; results arrive on the GUI thread in small groups from a timer, so a
// fast batch cannot flood the event loop.
class BatchRunner : public QObject
{
    Q_OBJECT
public:
    explicit BatchRunner(QObject* parent = nullptr);
    ~BatchRunner() override;

    void start(const BatchRequest& request);
    void cancel(); // stops early; rows already shown stay, running messages are dropped
    bool isRunning() const { return m_state != nullptr; }

signals:
    void rowsReady(const QList<ms::ui::BatchRow>& rows);
    void progress(int done, int total); // total -1 while inputs are still being listed
    void notes(const QStringList& notes); // resolver set-up problems (zone file errors)
    void finished(bool cancelled, int done, int total);

private:
    struct State;
    void drain();

    std::shared_ptr<State> m_state;
    QThreadPool m_control; // one thread: lists inputs and feeds the workers
    QThreadPool m_workers;
    QTimer m_drainTimer;
    QFuture<void> m_future;
};

} // namespace ms::ui
