#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace ms {

// RFC 8601 result vocabulary plus two presentation states. Order matters only for
// Status worst-of computations (see worse()).
enum class Status {
    None, // no policy / nothing to check
    Pass,
    Fail,
    SoftFail, // SPF only
    Neutral,
    Policy, // RFC 8601 2.7.1 "policy"
    TempError,
    PermError,
    Info, // an explanatory step, no verdict
    Warning, // a verdict-neutral concern the user should see
};

QString statusName(Status s); // "pass", "temperror", ... (stable, used in JSON)
std::optional<Status> statusFromName(QStringView name);

// A byte range inside a named Source (see Source.h).
struct Span {
    QString source; // Source id, e.g. "message", "dkim/1/header", "dns/7"
    qint64 offset = 0;
    qint64 length = 0;

    bool contains(qint64 pos) const { return pos >= offset && pos < offset + length; }
    bool operator==(const Span&) const = default;
};

struct Fact {
    QString key;
    QString value;
    bool operator==(const Fact&) const = default;
};

// Everything the user sees is a Step. Value type: cheap to move, safe to hand across threads.
struct Step {
    QString kind; // dotted, stable: "dkim.signature", "dns.query", "spf.term"
    Status status = Status::Info;
    QString title; // short, one line, translated
    QString detail; // plain-language explanation, translated
    QString rfc; // "RFC 6376 3.5" (may be empty)
    QList<Fact> facts;
    QList<Span> spans;
    std::vector<Step> children;

    Step() = default;
    Step(QString k, Status s, QString t, QString d = {}, QString r = {})
        : kind(std::move(k))
        , status(s)
        , title(std::move(t))
        , detail(std::move(d))
        , rfc(std::move(r))
    {
    }

    Step& addFact(const QString& key, const QString& value)
    {
        facts.append({ key, value });
        return *this;
    }
    Step& addSpan(const QString& source, qint64 offset, qint64 length)
    {
        spans.append({ source, offset, length });
        return *this;
    }
    Step& add(Step child)
    {
        children.push_back(std::move(child));
        return children.back();
    }
    QString fact(const QString& key) const;

    // Total number of steps in this subtree (including this one).
    qsizetype count() const;
};

// Path of child indices from a root to a step; empty = the root itself.
using StepPath = QList<int>;

// The deepest step whose spans cover (source, offset). When several siblings cover the
// byte, the first in tree order wins; among nested covering steps the deepest wins, and
// the narrowest span breaks ties between equally deep candidates.
std::optional<StepPath> deepestStepAt(const Step& root, QStringView source, qint64 offset);
const Step* stepAt(const Step& root, const StepPath& path);

// Worst-of for summarising children into a parent ("fail" beats "pass", etc.).
Status worse(Status a, Status b);

} // namespace ms
