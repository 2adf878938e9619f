#pragma once

#include "dns/Resolver.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace ms::dns {

// A DNS transcript as JSON, "schema": "mailscope-dns/1": every field of every Answer, RDATA
// in base64 (the decoded forms are rebuilt from it on load, so an edited file cannot make
// them disagree). Loading is strict and bounded (64 MB, 100,000 answers, 4,096 records an
// answer); any problem gives nullopt and a reason naming the answer and record.
inline constexpr char kTranscriptSchema[] = "mailscope-dns/1";

QJsonObject transcriptToJson(const QList<Answer>& answers);
QByteArray saveTranscript(const QList<Answer>& answers); // indented JSON
bool saveTranscriptFile(const QList<Answer>& answers, const QString& path,
    QString* error = nullptr); // written atomically
std::optional<QList<Answer>> transcriptFromJson(const QJsonObject& o, QString* error = nullptr);
std::optional<QList<Answer>> loadTranscript(const QByteArray& json, QString* error = nullptr);
std::optional<QList<Answer>> loadTranscriptFile(const QString& path, QString* error = nullptr);

// Answers from a saved transcript, so a report can be re-verified with exactly the DNS it
// saw. Repeated questions get their answers in the recorded order (the last one repeats).
// A question the transcript does not hold is answered Offline with a clear error, never
// asked on the network.
class ReplayResolver : public Resolver
{
public:
    explicit ReplayResolver(
        QList<Answer> transcript, QString label = QStringLiteral("saved transcript"));
    static std::shared_ptr<ReplayResolver> fromFile(const QString& path, QString* error = nullptr);

    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;

private:
    QString m_label;
    mutable QMutex m_mutex;
    QHash<QByteArray, QList<Answer>> m_answers;
    QHash<QByteArray, int> m_next;
};

} // namespace ms::dns
