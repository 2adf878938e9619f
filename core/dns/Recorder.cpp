#include "dns/Recorder.h"

#include "dns/RecordCodec.h"

#include <QCoreApplication>

namespace ms::dns {

Recorder::Recorder(ResolverPtr inner)
    : m_inner(std::move(inner))
{
}

Answer Recorder::resolve(const QByteArray& name, Type type)
{
    Answer a = m_inner ? m_inner->resolve(name, type) : Answer {};
    if (!m_inner) {
        a.qname = name;
        a.qtype = type;
        a.error = QCoreApplication::translate("ms::dns", "no resolver configured");
    }
    QMutexLocker lock(&m_mutex);
    a.transcriptIndex = m_firstIndex + int(m_transcript.size());
    if (m_transcript.isEmpty())
        m_transcript.reserve(4); // a check asks a few questions: one allocation, not three
    m_transcript.append(a);
    return a;
}

QString Recorder::describe() const
{
    return m_inner ? m_inner->describe() : QString();
}

QList<Answer> Recorder::transcript() const
{
    QMutexLocker lock(&m_mutex);
    return m_transcript;
}

void Recorder::replay(const QList<Answer>& answers)
{
    QMutexLocker lock(&m_mutex);
    m_transcript.reserve(m_transcript.size() + answers.size());
    for (Answer a : answers) {
        a.transcriptIndex = m_firstIndex + int(m_transcript.size());
        m_transcript.append(std::move(a));
    }
}

void Recorder::setFirstIndex(int index)
{
    QMutexLocker lock(&m_mutex);
    m_firstIndex = index;
}

int Recorder::firstIndex() const
{
    QMutexLocker lock(&m_mutex);
    return m_firstIndex;
}

void Recorder::clear()
{
    QMutexLocker lock(&m_mutex);
    m_transcript.clear();
}

Source answerSource(const Answer& a)
{
    Source s;
    s.id = QStringLiteral("dns/%1").arg(a.transcriptIndex);
    s.title = QCoreApplication::translate("ms::dns", "DNS %1 %2")
                  .arg(typeName(a.qtype), QString::fromLatin1(a.qname));
    s.kind = Source::Kind::DnsAnswer;
    for (const auto& r : a.records) {
        s.bytes += recordLine(r).toUtf8();
        s.bytes += '\n';
    }
    return s;
}

} // namespace ms::dns
