#include "trace/Step.h"

#include "trace/Source.h"

namespace ms {

QString statusName(Status s)
{
    switch (s) {
    case Status::None: return QStringLiteral("none");
    case Status::Pass: return QStringLiteral("pass");
    case Status::Fail: return QStringLiteral("fail");
    case Status::SoftFail: return QStringLiteral("softfail");
    case Status::Neutral: return QStringLiteral("neutral");
    case Status::Policy: return QStringLiteral("policy");
    case Status::TempError: return QStringLiteral("temperror");
    case Status::PermError: return QStringLiteral("permerror");
    case Status::Info: return QStringLiteral("info");
    case Status::Warning: return QStringLiteral("warning");
    }
    return QStringLiteral("info");
}

std::optional<Status> statusFromName(QStringView name)
{
    static const Status all[]
        = { Status::None, Status::Pass, Status::Fail, Status::SoftFail, Status::Neutral,
              Status::Policy, Status::TempError, Status::PermError, Status::Info, Status::Warning };
    for (Status s : all) {
        if (name.compare(statusName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

QString sourceKindName(Source::Kind k)
{
    switch (k) {
    case Source::Kind::Message: return QStringLiteral("message");
    case Source::Kind::Original: return QStringLiteral("original");
    case Source::Kind::CanonicalHeader: return QStringLiteral("canonical-header");
    case Source::Kind::CanonicalBody: return QStringLiteral("canonical-body");
    case Source::Kind::DnsAnswer: return QStringLiteral("dns-answer");
    case Source::Kind::MimePart: return QStringLiteral("mime-part");
    case Source::Kind::Der: return QStringLiteral("der");
    case Source::Kind::Text: return QStringLiteral("text");
    }
    return QStringLiteral("text");
}

QString Step::fact(const QString& key) const
{
    for (const Fact& f : facts) {
        if (f.key == key)
            return f.value;
    }
    return {};
}

qsizetype Step::count() const
{
    qsizetype n = 1;
    for (const Step& c : children)
        n += c.count();
    return n;
}

namespace {

struct Best {
    StepPath path;
    int depth = -1;
    qint64 width = 0;
};

// Iterative-free recursion is fine: step trees are built by our own code and their depth
// is bounded by the protocol structure (tens of levels), never by input nesting.
void search(const Step& s, QStringView source, qint64 offset, StepPath& path, Best& best)
{
    for (const Span& sp : s.spans) {
        if (sp.source == source && sp.contains(offset)) {
            const int depth = int(path.size());
            if (depth > best.depth || (depth == best.depth && sp.length < best.width)) {
                best.path = path;
                best.depth = depth;
                best.width = sp.length;
            }
        }
    }
    for (int i = 0; i < int(s.children.size()); ++i) {
        path.append(i);
        search(s.children[size_t(i)], source, offset, path, best);
        path.removeLast();
    }
}

} // namespace

std::optional<StepPath> deepestStepAt(const Step& root, QStringView source, qint64 offset)
{
    Best best;
    StepPath path;
    search(root, source, offset, path, best);
    if (best.depth < 0)
        return std::nullopt;
    return best.path;
}

const Step* stepAt(const Step& root, const StepPath& path)
{
    const Step* s = &root;
    for (int i : path) {
        if (i < 0 || size_t(i) >= s->children.size())
            return nullptr;
        s = &s->children[size_t(i)];
    }
    return s;
}

Status worse(Status a, Status b)
{
    // Rank by how bad the outcome is for the message.
    auto rank = [](Status s) {
        switch (s) {
        case Status::PermError: return 9;
        case Status::Fail: return 8;
        case Status::TempError: return 7;
        case Status::SoftFail: return 6;
        case Status::Policy: return 5;
        case Status::Warning: return 4;
        case Status::Neutral: return 3;
        case Status::None: return 2;
        case Status::Pass: return 1;
        case Status::Info: return 0;
        }
        return 0;
    };
    return rank(a) >= rank(b) ? a : b;
}

} // namespace ms
