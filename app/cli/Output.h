#pragma once

#include "report/Report.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <array>

namespace ms::cli {

enum class Format { Text, Json, Jsonl, Csv };

// What one message contributes to the exit code (higher wins, see exitCodeFor()).
enum class Outcome { Ok = 0, Failed = 1, Temporary = 2, InputError = 3 };

// What the summary needs from one message; formatted results are not kept.
struct MessageSummary {
    QString file;
    Status verdict = Status::None;
    QList<std::pair<QString, Status>> checks; // name, result
    QList<std::pair<QString, QString>> failures; // check, reason (for failed checks only)
    Outcome outcome = Outcome::Ok;
    QString inputError; // when the message could not be read
};

MessageSummary summarize(const Report& r);
MessageSummary summarizeInputError(const QString& file, const QString& error);

// The bytes to print for one message in a format (jsonl: one line, no step tree unless
// withSteps).
QByteArray formatReport(const Report& r, Format format, bool withSteps);
QByteArray formatInputError(const QString& file, const QString& error, Format format);
QByteArray csvHeader();

// Counts across a batch: messages, verdicts, per check and result, failure reasons.
class Summary
{
public:
    void add(const MessageSummary& m);
    // Files in the given folders left out because they do not look like messages.
    void setSkipped(int n) { m_skipped = n; }
    int skipped() const { return m_skipped; }
    Outcome worst() const { return m_worst; }
    int messages() const { return m_messages; }
    QString text() const;
    QJsonObject json() const;

private:
    int m_messages = 0;
    int m_inputErrors = 0;
    int m_skipped = 0;
    Outcome m_worst = Outcome::Ok;
    // Counted by Status (every message adds to these: no string is compared or made), turned
    // into result names only for text() and json().
    static constexpr int kStatuses = int(Status::Warning) + 1;
    using Counts = std::array<int, kStatuses>;
    Counts m_verdicts {};
    QList<std::pair<QString, Counts>> m_checks; // check → counts, in order of first sight
    QHash<QString, int> m_reasons; // "check\treason" → count

    static QMap<QString, int> byName(const Counts& counts);
    QMap<QString, QMap<QString, int>> checksByName() const;
};

int exitCodeFor(Outcome o);

// The first failed write of the output, by its errno, for the message at exit: a later
// fflush() may have nothing left to write and so no reason to give.
void noteOutputError(int err);
int outputError(); // 0 when no write failed, or failed without an errno

} // namespace ms::cli
