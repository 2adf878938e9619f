#pragma once

#include "trace/Step.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace ms::dns {

enum class Type : quint16 {
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    TLSA = 52,
    SPF = 99,
    ANY = 255,
};
QString typeName(Type t); // "TXT"
QLatin1StringView typeNameView(Type t); // "TXT"; empty for a type without a mnemonic
std::optional<Type> typeFromName(QStringView name);

// What happened to a query. NoData = NOERROR with no record of the type (the name exists).
enum class Outcome {
    Ok, // NOERROR, at least one record of the asked type (possibly via CNAME)
    NoData, // NOERROR, no record of the type
    NxDomain, // the name does not exist
    ServFail,
    Refused,
    FormErr,
    Timeout, // no answer within the timeout after all retries
    Truncated, // truncated over UDP and TCP was not possible
    Unreachable, // network error talking to the server
    Offline, // not asked: offline mode, or not in a replayed transcript / zone set
    Cancelled, // the verification was cancelled or ran out of its time budget
    Malformed, // an answer that does not parse, or does not match the question
};
QString outcomeName(Outcome o); // "ok", "nxdomain", "servfail", ...
QLatin1StringView outcomeNameView(Outcome o); // the same without a copy
std::optional<Outcome> outcomeFromName(QStringView name);
// RFC 7208 / RFC 6376: which outcomes are temporary errors (temperror) rather than answers.
bool isTemporary(Outcome o);

struct Record {
    QByteArray name; // owner name, lower-case, no trailing dot
    Type type = Type::A;
    quint32 ttl = 0;
    QByteArray rdata; // wire-format RDATA
    // Decoded forms (filled for the types that have them):
    QList<QByteArray> strings; // TXT/SPF character-strings, in order
    QByteArray address; // A/AAAA: 4 or 16 raw bytes
    QByteArray target; // CNAME, PTR, NS, MX exchange: lower-case, no trailing dot
    quint16 preference = 0; // MX
    QString presentation; // the RDATA in master-file form, for display

    QByteArray text() const; // TXT strings concatenated (RFC 7208 3.3, RFC 6376 3.6.2.2)
    QString addressString() const;
};

struct Answer {
    QByteArray qname; // as asked, lower-case, no trailing dot
    Type qtype = Type::A;
    Outcome outcome = Outcome::Offline;
    int rcode = 0;
    bool authenticData = false; // the AD flag (DNSSEC validated by the server)
    bool viaTcp = false; // the UDP answer was truncated and TCP was used
    QList<Record> records; // answer section, CNAMEs first, in order
    QString server; // "127.0.0.1:53", "zone:samples/dkim.zone", "overlay", "replay"
    qint64 elapsedUs = 0;
    QString error; // human-readable cause for non-Ok outcomes
    int transcriptIndex = -1; // set by the Recorder: position in its transcript

    QList<Record> ofType(Type t) const; // the records of type t (after any CNAME)
    bool isTemporaryError() const { return isTemporary(outcome); }
};

// One interface for every way of answering a query. Implementations must be safe to call
// from several threads at once.
class Resolver
{
public:
    virtual ~Resolver() = default;
    virtual Answer resolve(const QByteArray& name, Type type) = 0;
    virtual QString describe() const = 0; // "live 127.0.0.1:5353", "zone file x.zone", ...
};

using ResolverPtr = std::shared_ptr<Resolver>;

// How a resolver starts and ends an answer: the name checked and normalized as it is asked
// (RFC 1035 2.3.4 limits, lower case, no root dot), a timer from the start, and finish()
// stamping outcome, error and the time taken. A name that cannot be asked keeps a
// lower-cased prefix of itself as qname, so the transcript still shows what was wanted.
class PendingAnswer
{
public:
    PendingAnswer(const QByteArray& name, Type type);
    // The name to ask; nullopt when it cannot be asked (then notAskable() is the answer).
    const std::optional<QByteArray>& name() const { return m_name; }
    Answer notAskable(); // Malformed: "not asked: <why>"
    Answer& answer() { return m_answer; }
    // The finished answer, moved out: call once, as the resolver returns.
    Answer finish(Outcome o, const QString& error = {});
    Answer finish(Outcome o, int rcode, const QString& error = {});
    qint64 elapsedUs() const { return m_timer.nsecsElapsed() / 1000; }

private:
    QElapsedTimer m_timer;
    std::optional<QByteArray> m_name;
    QString m_why;
    Answer m_answer;
};

// A "dns.query" step for an answer: name, type, rcode/outcome, records, TTL, AD, duration,
// server, error cause, and the transcript index when recorded. Durations are facts the
// golden text dump leaves out (they vary from run to run).
Step answerStep(const Answer& a);

} // namespace ms::dns
