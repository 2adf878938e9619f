#pragma once

#include "dns/Resolver.h"
#include "trace/Source.h"

#include <QMutex>

namespace ms::dns {

// Wraps a resolver and keeps every answer, in the order the queries completed, as the DNS
// transcript of a verification. Each recorded answer carries its position
// (Answer::transcriptIndex), which answerStep() uses for its spans into "dns/<index>".
class Recorder : public Resolver
{
public:
    explicit Recorder(ResolverPtr inner);

    Answer resolve(const QByteArray& name, Type type) override;
    QString describe() const override;

    QList<Answer> transcript() const;
    // Answers recorded before, appended as they were (renumbered here): a check that reuses
    // an earlier evaluation of the same answers (verify/BatchMemo.h) still lists the DNS it
    // rests on.
    void replay(const QList<Answer>& answers);
    void clear();
    // Number answers from `index` on (default 0): a verifier that runs its checks one after
    // another numbers each check's answers where they will stand in the merged transcript,
    // so nothing has to be renumbered afterwards.
    void setFirstIndex(int index);
    int firstIndex() const;
    ResolverPtr inner() const { return m_inner; }

private:
    ResolverPtr m_inner;
    mutable QMutex m_mutex;
    QList<Answer> m_transcript;
    int m_firstIndex = 0;
};

// The byte source a recorded answer's step points into: id "dns/<transcriptIndex>", one
// record per line in master-file form (the same text as the step's "record" facts).
Source answerSource(const Answer& a);

} // namespace ms::dns
