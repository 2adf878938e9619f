#pragma once

#include "verify/Options.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace ms::ui {

// A bundled offline scenario: a message, the zone file that answers its DNS, a lesson.
struct Scenario {
    QString id; // base name, e.g. "mailing-list-footer"
    QString title; // translated
    QString message; // path of the .eml
    QStringList zones; // master files
    QString lesson; // translated short lesson (or the sample's own explanation)
};

// Where the samples are: $MAILSCOPE_SAMPLES, <app>/../share/mailscope/samples, the source tree.
QString samplesDir();
QList<Scenario> scenarios();
// Zone files that belong to a message file (same base name, or the message's own folder).
QStringList zonesFor(const QString& messagePath);
// The evaluation time a sample fixes in its <name>.json ({"time": "2024-06-01T12:00:00Z"}),
// so signatures and keys are judged at the moment the scenario describes.
QDateTime sampleTime(const QString& messagePath);
// Applies the rest of the sample's <name>.json to o: the fixed time, trusted ARC sealers
// ("trusted_sealers"), trusted authserv-ids, S/MIME trust files ("smime_trust", relative to
// the sample's folder; "smime_system_store"), DMARC discovery ("dmarc_discovery": "psl").
// Lists are added to what the settings already hold. False when there is no sidecar.
bool applySampleOptions(const QString& messagePath, VerifyOptions& o);
// True when the file lies inside samplesDir(): only a bundled scenario's sidecar is trusted
// to change options (a .json beside a user's message is not).
bool isBundledSample(const QString& path);

// zonesFor() and isBundledSample() for the many messages of a batch: what they read of a
// folder (its .eml count, its .zone files, where the samples are) is read once per folder,
// not once per message (a folder of 2,000 messages was listed 2,000 times, 15 times
// slower than verifying them). Answers as the free functions do, for files that stay put
// during the batch. Safe to use from several threads.
class SampleFolders
{
public:
    QStringList zonesFor(const QString& messagePath);
    bool isBundledSample(const QString& path);

private:
    QMutex m_mutex;
    QHash<QString, QStringList> m_folderZones; // absolute folder -> its zones (or none)
    bool m_samplesKnown = false;
    QString m_samplesPrefix; // the samples' canonical folder and '/', or empty
};

} // namespace ms::ui
