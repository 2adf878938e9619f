#include "dkim/Dkim.h"

#include "crypto/Base64.h"
#include "crypto/Digest.h"
#include "dkim/BodyDigests.h"
#include "dkim/Forensics.h"
#include "dkim/KeyRecord.h"
#include "dkim/TagList.h"
#include "trace/JsonText.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

namespace ms::dkim {

namespace {

QString tr(const char* s)
{
    return ms::translate("Dkim", s);
}
QString str(QByteArrayView v)
{
    return QString::fromUtf8(v);
}

const QString kRfc = QStringLiteral("RFC 6376");

// Hostile input bounds. RFC 6376 4.2 lets verifiers limit the number of signatures they
// try ("to limit potential denial-of-service attacks"); a message with thousands of them
// would otherwise cost time and memory per signature times the header size.
constexpr int kMaxSignatures = 20;
// Uncovered header fields listed per signature (all are counted).
constexpr int kMaxListedUncovered = 100;

QString tagMeaning(const QByteArray& n)
{
    static const QHash<QByteArray, const char*> m = {
        { "v", "version (must be 1)" },
        { "a", "signing algorithm" },
        { "b", "the signature itself (base64)" },
        { "bh", "hash of the canonicalized body (base64)" },
        { "c", "canonicalization header/body" },
        { "d", "signing domain (SDID)" },
        { "h", "signed header fields" },
        { "i", "agent or user identifier (AUID)" },
        { "l", "body length limit" },
        { "q", "key query method" },
        { "s", "selector" },
        { "t", "signature timestamp" },
        { "x", "signature expiration" },
        { "z", "copied header fields (diagnostic)" },
    };
    const auto it = m.constFind(n);
    return it == m.cend() ? tr("unknown tag: ignored (RFC 6376 3.2)")
                          : ms::translate("Dkim", it.value());
}

bool isDecimal(QByteArrayView v, int maxDigits)
{
    if (v.isEmpty() || v.size() > maxDigits)
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Domain comparison: ASCII case-insensitive, trailing dot ignored.
QByteArray normDomain(QByteArrayView d)
{
    QByteArray s = d.toByteArray().toLower();
    while (s.endsWith('.'))
        s.chop(1);
    return s;
}

} // namespace

// A signature's body-hash parameters read ahead of verification, so that one pass over the
// body per canonicalization feeds every digest the message's signatures need. Anything odd
// is skipped here: verification proper reports it.
std::optional<BodyKey> bodyKeyOf(const TagList& tags)
{
    if (!tags.isValid())
        return std::nullopt;
    const QByteArray a = tags.value("a").toLower();
    const qsizetype dash = a.indexOf('-');
    const auto alg
        = crypto::digestFromName(dash < 0 ? QByteArrayView() : QByteArrayView(a).sliced(dash + 1));
    if (!alg)
        return std::nullopt;
    Canon bc = Canon::Simple;
    if (const Tag* c = tags.find("c")) {
        const QList<QByteArray> parts = c->value.split('/');
        if (parts.size() > 1) {
            const auto b = canonFromName(parts.value(1));
            if (!b)
                return std::nullopt;
            bc = *b;
        }
    }
    qint64 limit = -1;
    if (const Tag* l = tags.find("l")) {
        if (!isDecimal(l->value, 76))
            return std::nullopt;
        bool ok = false;
        limit = l->value.toLongLong(&ok);
        if (!ok)
            limit = std::numeric_limits<qint64>::max();
    }
    return BodyKey { bc, *alg, limit };
}

namespace {

// The per-message work shared between signatures: one canonicalization pass per body
// canonicalization computes every body hash (per algorithm and l=) the signatures need. The
// canonical bytes are kept only when somebody will show them (keepCanonical); the forensic
// search and the l= remainder, both rare, canonicalize again with everything kept.
struct Shared {
    const Message& message;
    bool keepCanonical = true;
    QList<BodyKey> wanted; // read ahead from every signature
    // Streamed: the hashes were computed while the body was read, and message has only its
    // header block (BodyDigests.h). Anything else about the body marks them bodyNeeded().
    const BodyDigests* digests = nullptr;

    struct BodyInfo {
        bool done = false;
        QByteArray bytes; // only when keepCanonical
        qint64 size = 0, lines = 0;
        int ignoredLines = 0;
        qint64 ignoredOffset = 0, ignoredLength = 0;
        bool addedCrlf = false;

        // What a canonicalization run found (its bytes only when the run kept them).
        void take(const BodyHashRun& run)
        {
            done = true;
            bytes = run.canonical;
            size = run.canonicalSize;
            lines = run.canonicalLines;
            ignoredLines = int(run.ignoredTrailingLines);
            ignoredOffset = run.ignoredTrailingOffset;
            ignoredLength = run.ignoredTrailingLength;
            addedCrlf = run.addedFinalCrlf;
        }
    };
    BodyInfo infos[2];
    struct Full {
        QByteArray bytes;
        QList<CanonLine> lines;
    };
    std::shared_ptr<Full> full[2];
    QHash<BodyKey, QByteArray> hashes;
    int bodyPasses = 0; // canonicalization passes over the body (for tests)
    // Header field indexes (top to bottom) by lower-case name, built once per message:
    // "instance i of n" per signed field stays linear in the header size.
    QHash<QByteArray, QList<int>> byName;

    const QList<int>& fieldsNamed(QByteArrayView name)
    {
        if (byName.isEmpty()) {
            for (const HeaderField& f : message.headers())
                byName[f.name.toByteArray().toLower()].append(f.index);
        }
        static const QList<int> none;
        const auto it = byName.constFind(name.toByteArray().toLower());
        return it == byName.cend() ? none : it.value();
    }

    // The message is whole, and the digests of a streamed pass over its body are at hand
    // (BodyDigests::setBodyHeld): their hashes and sizes are taken as a pass would have
    // computed them, and everything else is worked out from the message as usual.
    void holdBody()
    {
        hashes = digests->computed();
        for (int c = 0; c < 2; ++c) {
            const auto& run = digests->computedRun(Canon(c));
            if (!run || keepCanonical)
                continue; // a pass keeps the canonical bytes too: leave it to one
            infos[c].take(*run);
        }
        digests = nullptr;
    }

    const BodyInfo& info(Canon c)
    {
        BodyInfo& bi = infos[int(c)];
        if (!bi.done && digests) {
            bi.done = true;
            if (const BodyHashRun* run = digests->run(c))
                bi.take(*run);
        }
        if (!bi.done)
            pass(c, {});
        return bi;
    }
    QByteArray bodyHash(Canon c, crypto::DigestAlgorithm a, qint64 limit)
    {
        const BodyKey k { c, a, limit };
        if (digests)
            return digests->hash(k).value_or(QByteArray());
        const auto it = hashes.constFind(k);
        if (it != hashes.cend())
            return it.value();
        pass(c, k);
        return hashes.value(k);
    }
    // Canonical bytes and line boundaries, for the forensic search and the l= remainder.
    const Full& fullBody(Canon c)
    {
        auto& slot = full[int(c)];
        if (!slot && digests) {
            digests->needBody(); // the caller verifies the whole message instead
            slot = std::make_shared<Full>();
        }
        if (!slot) {
            BodyCanonicalizer bc(c, BodyCanonicalizer::KeepAll);
            bc.reserve(message.body().size() + 2);
            bc.feed(message.body());
            bc.finish();
            slot = std::make_shared<Full>(Full { bc.output(), bc.lines() });
        }
        return *slot;
    }

private:
    void pass(Canon c, std::optional<BodyKey> need)
    {
        QList<BodyHashRequest> reqs;
        QList<BodyKey> keys;
        // At most 16 digests at once: a hostile message with thousands of signatures gets
        // more passes, never thousands of live digest states.
        auto want = [&](const BodyKey& k) {
            if (keys.size() >= 16 || k.canon != c || hashes.contains(k) || keys.contains(k))
                return;
            keys.append(k);
            reqs.append({ k.alg, k.limit, {} });
        };
        if (need)
            want(*need);
        for (const BodyKey& k : std::as_const(wanted))
            want(k);
        BodyInfo& bi = infos[int(c)];
        const bool keep = keepCanonical && !bi.done;
        const BodyHashRun run = hashCanonicalBody(c, message.body(), reqs, keep);
        ++bodyPasses;
        for (qsizetype i = 0; i < keys.size(); ++i)
            hashes.insert(keys[i], reqs[i].hash);
        if (!bi.done)
            bi.take(run);
    }
};

// emptyTagValue(f.raw, "b") from the tag-list already parsed from f.value: the same bytes
// through the same parser give the same tag, so there is no need to parse them again.
QByteArray signatureFieldBEmptied(const HeaderField& f, const TagList& tags)
{
    const qsizetype colon = f.raw.indexOf(':');
    const Tag* b = tags.find("b");
    QByteArrayView v = colon < 0 ? QByteArrayView() : f.raw.sliced(colon + 1);
    if (v.endsWith("\r\n"))
        v.chop(2);
    if (colon < 0 || !b || f.valueOffset != f.offset + colon + 1 || v.size() != f.value.size())
        return emptyTagValue(f.raw, "b");
    const qsizetype from = qsizetype(b->rawValueOffset - f.offset);
    const qsizetype to = qsizetype(b->rawValueEnd - f.offset);
    QByteArray out;
    out.reserve(f.raw.size() - (to - from));
    out.append(f.raw.first(from));
    out.append(f.raw.sliced(to));
    return out;
}

void collectBoundaries(const MimePart& p, QList<QByteArray>& out, int depth = 0)
{
    if (depth > 50)
        return;
    if (!p.boundary.isEmpty())
        out.append("--" + p.boundary);
    for (const MimePart& c : p.children)
        collectBoundaries(c, out, depth + 1);
}

struct Verifying {
    const VerifyInput& in;
    Shared& shared;
    SignatureResult r;
    const HeaderField& field;
    const TagList& tags; // of field.value, parsed once per signature
    QString base; // "dkim/N"
    // Build the explanatory sub-steps and sources (a full run); summary runs only compute
    // the results and the signature step's own title, status, detail and facts.
    bool full = true;

    void finish(Status s, const QString& reason, const QString& why)
    {
        r.status = s;
        r.reason = reason;
        if (!why.isEmpty() && r.step.detail.isEmpty())
            r.step.detail = why;
    }
    void run();
    void runInner();
};

void Verifying::run()
{
    runInner();
    Step& root = r.step;
    root.status = r.status;
    root.title += QStringLiteral(" — ") + statusName(r.status);
    root.addFact(QStringLiteral("result"), statusName(r.status));
    if (!r.reason.isEmpty())
        root.addFact(QStringLiteral("reason"), r.reason);
    if (!r.finding.isEmpty())
        root.addFact(QStringLiteral("finding"), r.finding);
}

void Verifying::runInner()
{
    const Message& m = in.message;
    Step& root = r.step;
    root = Step(QStringLiteral("dkim.signature"), Status::None, QString(), QString(),
        QStringLiteral("RFC 6376 6.1"));
    root.addSpan(QStringLiteral("message"), field.offset, field.raw.size());

    // --- Tags (3.5) ---
    Step tagStep;
    if (full) {
        tagStep = Step(QStringLiteral("dkim.tags"), Status::Info, tr("Tags"),
            tr("The DKIM-Signature value is a tag=value list."), QStringLiteral("RFC 6376 3.5"));
        for (const Tag& t : tags.tags()) {
            Step s(QStringLiteral("dkim.tag"), Status::Info,
                QStringLiteral("%1=%2").arg(str(t.name),
                    t.value.size() > 60 ? str(t.value.first(57)) + QStringLiteral("…")
                                        : str(t.value)),
                tagMeaning(t.name), QStringLiteral("RFC 6376 3.5"));
            s.addSpan(QStringLiteral("message"), t.offset, t.length);
            s.addFact(QStringLiteral("tag"), str(t.name));
            tagStep.add(std::move(s));
        }
        for (const TagProblem& p : tags.notes()) {
            Step s(QStringLiteral("dkim.tag.note"), Status::Warning, p.text);
            s.addSpan(QStringLiteral("message"), p.offset, p.length);
            tagStep.add(std::move(s));
        }
        for (const TagProblem& p : tags.errors()) {
            Step s(QStringLiteral("dkim.tag.error"), Status::PermError, p.text, {},
                QStringLiteral("RFC 6376 3.2"));
            s.addSpan(QStringLiteral("message"), p.offset, p.length);
            tagStep.add(std::move(s));
        }
    }
    r.domain = str(tags.value("d"));
    r.selector = str(tags.value("s"));
    r.algorithm = str(tags.value("a"));
    root.title = tr("Signature #%1: d=%2 s=%3").arg(r.index).arg(r.domain, r.selector);
    if (!tags.isValid()) {
        tagStep.status = Status::PermError;
        if (full)
            root.add(std::move(tagStep));
        finish(Status::PermError, QStringLiteral("syntax"),
            tags.duplicate().isEmpty()
                ? tr("The signature's tag-list is malformed: %1").arg(tags.errors().first().text)
                : tr("Tag \"%1\" occurs twice, so the whole signature is invalid (RFC 6376 "
                     "3.2).")
                      .arg(str(tags.duplicate())));
        return;
    }

    // Required tags and their values (3.5, 6.1.1).
    auto syntax
        = [&](const QString& why, const Tag* t, const QString& reason = QStringLiteral("syntax")) {
              if (full) {
                  Step s(QStringLiteral("dkim.tag.error"), Status::PermError, why, {},
                      QStringLiteral("RFC 6376 6.1.1"));
                  if (t)
                      s.addSpan(QStringLiteral("message"), t->offset, t->length);
                  tagStep.add(std::move(s));
                  tagStep.status = Status::PermError;
                  root.add(std::move(tagStep));
              }
              finish(Status::PermError, reason, why);
          };
    for (const char* req : { "v", "a", "b", "bh", "d", "h", "s" }) {
        if (!tags.has(req)) {
            syntax(tr("Required tag %1= is missing").arg(QLatin1String(req)), nullptr);
            return;
        }
    }
    if (tags.value("v") != "1") {
        syntax(tr("v=%1: only version 1 exists").arg(str(tags.value("v"))), tags.find("v"),
            QStringLiteral("version"));
        return;
    }
    const QByteArray a = tags.value("a").toLower();
    const qsizetype dash = a.indexOf('-');
    const QByteArray keyAlg = dash < 0 ? a : a.first(dash);
    const auto hashAlg
        = crypto::digestFromName(dash < 0 ? QByteArrayView() : QByteArrayView(a).sliced(dash + 1));
    if ((keyAlg != "rsa" && keyAlg != "ed25519") || !hashAlg
        || (keyAlg == "ed25519" && *hashAlg != crypto::DigestAlgorithm::Sha256)) {
        syntax(tr("a=%1: unknown signing algorithm (rsa-sha256 and ed25519-sha256 exist)")
                   .arg(str(tags.value("a"))),
            tags.find("a"), QStringLiteral("algorithm-unknown"));
        return;
    }
    const bool rsaSha1 = keyAlg == "rsa" && *hashAlg == crypto::DigestAlgorithm::Sha1;
    Canon hc = Canon::Simple, bc = Canon::Simple;
    if (const Tag* c = tags.find("c")) {
        const QList<QByteArray> parts = c->value.split('/');
        const auto h = canonFromName(parts.value(0));
        const auto b = parts.size() > 1 ? canonFromName(parts.value(1))
                                        : std::optional<Canon>(Canon::Simple);
        if (!h || !b || parts.size() > 2) {
            syntax(tr("c=%1: unknown canonicalization").arg(str(c->value)), c,
                QStringLiteral("canonicalization-unknown"));
            return;
        }
        hc = *h;
        bc = *b;
    }
    r.canonicalization = canonName(hc) + QLatin1Char('/') + canonName(bc);
    if (const Tag* q = tags.find("q")) {
        bool dns = false;
        for (const QByteArray& meth : q->value.split(':')) {
            const QByteArray mm = meth.trimmed().toLower();
            dns |= mm == "dns/txt" || mm == "dns";
        }
        if (!dns) {
            syntax(tr("q=%1: no query method Mailscope knows (dns/txt)").arg(str(q->value)), q,
                QStringLiteral("query-method-unknown"));
            return;
        }
    }
    const QByteArray d = normDomain(tags.value("d"));
    if (d.isEmpty() || d.startsWith('.') || d.contains("..")) {
        syntax(tr("d=%1 is not a domain name").arg(str(tags.value("d"))), tags.find("d"));
        return;
    }
    QByteArray auid = tags.has("i") ? decodeDkimQuotedPrintable(tags.value("i")) : "@" + d;
    r.identity = str(auid);
    {
        const qsizetype at = auid.lastIndexOf('@');
        const QByteArray idom = normDomain(at < 0 ? QByteArray() : auid.mid(at + 1));
        if (at < 0 || !(idom == d || idom.endsWith("." + d))) {
            syntax(tr("i=%1 is not within d=%2: the identity must be the signing domain or a "
                      "subdomain of it")
                       .arg(r.identity, str(d)),
                tags.find("i"), QStringLiteral("identity-mismatch"));
            return;
        }
    }
    const QList<QByteArray> hNames = splitHeaderList(tags.value("h"));
    {
        bool hasFrom = false, empty = false;
        for (const QByteArray& n : hNames) {
            hasFrom |= n.compare("from", Qt::CaseInsensitive) == 0;
            empty |= n.isEmpty();
        }
        if (empty) {
            syntax(tr("h= has an empty header field name"), tags.find("h"));
            return;
        }
        if (!hasFrom) {
            syntax(tr("h= does not include From, which every signature must sign"), tags.find("h"),
                QStringLiteral("from-not-signed"));
            return;
        }
    }
    qint64 limit = -1;
    if (const Tag* l = tags.find("l")) {
        if (!isDecimal(l->value, 76)) {
            syntax(tr("l=%1 is not a decimal number").arg(str(l->value)), l);
            return;
        }
        bool ok = false;
        limit = l->value.toLongLong(&ok);
        if (!ok)
            limit = std::numeric_limits<qint64>::max();
    }
    qint64 t = -1, x = -1;
    for (const char* tn : { "t", "x" }) {
        if (const Tag* tt = tags.find(tn)) {
            if (!isDecimal(tt->value, 12)) {
                syntax(tr("%1=%2 is not a timestamp (seconds since 1970)")
                           .arg(QLatin1String(tn), str(tt->value)),
                    tt);
                return;
            }
            (tn[0] == 't' ? t : x) = tt->value.toLongLong();
        }
    }
    if (t >= 0 && x >= 0 && x < t) {
        syntax(
            tr("x= is earlier than t=: the signature expired before it was made"), tags.find("x"));
        return;
    }
    const crypto::Base64Result bh = crypto::decodeBase64(tags.value("bh"));
    const crypto::Base64Result b = crypto::decodeBase64(tags.value("b"));
    if (!bh.ok || !b.ok || b.bytes.isEmpty()) {
        syntax(!bh.ok ? tr("bh= is not base64: %1").arg(bh.error)
                      : (!b.ok ? tr("b= is not base64: %1").arg(b.error) : tr("b= is empty")),
            tags.find(!bh.ok ? "bh" : "b"));
        return;
    }
    r.expectedBh = bh.bytes;
    r.bodyLimit = limit;
    if (full) {
        tagStep.addFact(tr("canonicalization"), r.canonicalization);
        tagStep.addFact(tr("identity"), r.identity);
        root.add(std::move(tagStep));
    }

    // RFC 8301: rsa-sha1 must not be considered valid. Keep verifying to show whether it
    // would otherwise have passed.
    if (rsaSha1 && full) {
        Step s(QStringLiteral("dkim.algorithm"), Status::Fail, tr("rsa-sha1 is no longer allowed"),
            tr("RFC 8301 forbids verifiers from accepting rsa-sha1 signatures: SHA-1 is "
               "broken. The checks below still run to show what else holds."),
            QStringLiteral("RFC 8301 3.1"));
        s.addSpan(QStringLiteral("message"), tags.find("a")->offset, tags.find("a")->length);
        root.add(s);
    }

    // --- Time (3.5 t=, x=) ---
    Status timeStatus = Status::Pass;
    QString timeReason, timeWhy;
    if (t >= 0 || x >= 0) {
        const QDateTime now = in.evaluationTime.isValid() ? in.evaluationTime.toUTC()
                                                          : QDateTime::currentDateTimeUtc();
        const qint64 nowS = now.toSecsSinceEpoch();
        if (x >= 0 && x < nowS) {
            timeStatus = Status::Fail;
            timeReason = QStringLiteral("signature-expired");
            timeWhy = tr("The signature expired at %1 (x=), before the evaluation time %2.")
                          .arg(QDateTime::fromSecsSinceEpoch(x, Qt::UTC).toString(Qt::ISODate),
                              now.toString(Qt::ISODate));
        } else if (t >= 0 && t > nowS + 300) {
            timeStatus = Status::Fail;
            timeReason = QStringLiteral("signature-in-future");
            timeWhy = tr("The signature claims to be made at %1 (t=), after the evaluation time "
                         "%2.")
                          .arg(QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate),
                              now.toString(Qt::ISODate));
        }
        if (full) {
            Step s(QStringLiteral("dkim.time"), timeStatus, tr("Signature time"), {},
                QStringLiteral("RFC 6376 3.5"));
            s.addFact(tr("evaluated at"), now.toString(Qt::ISODate));
            if (t >= 0) {
                s.addFact(QStringLiteral("t"),
                    QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate));
                s.addSpan(
                    QStringLiteral("message"), tags.find("t")->offset, tags.find("t")->length);
            }
            if (x >= 0) {
                s.addFact(QStringLiteral("x"),
                    QDateTime::fromSecsSinceEpoch(x, Qt::UTC).toString(Qt::ISODate));
                s.addSpan(
                    QStringLiteral("message"), tags.find("x")->offset, tags.find("x")->length);
            }
            s.detail
                = timeWhy.isEmpty() ? tr("Within its validity at the evaluation time.") : timeWhy;
            root.add(std::move(s));
        }
    }

    // --- Body hash (3.7) ---
    Status bodyStatus = Status::Pass;
    QString bodyReason, bodyWhy;
    std::optional<Finding> bodyFinding;
    if (!m.hasBody()) {
        if (full) {
            root.add(Step(QStringLiteral("dkim.body"), Status::Neutral, tr("Body not available"),
                tr("Only the header was given, so the body hash (bh=) cannot be checked. The "
                   "signature over the header fields is still checked below."),
                QStringLiteral("RFC 6376 3.7")));
        }
        bodyStatus = Status::Neutral;
        bodyReason = QStringLiteral("body-not-available");
        bodyWhy = tr("The body is not available (header-only input): the body hash could not "
                     "be checked.");
    } else {
        const QByteArray computed = shared.bodyHash(bc, *hashAlg, limit);
        const Shared::BodyInfo& cb = shared.info(bc);
        r.bodyChecked = true;
        r.computedBh = computed;
        r.bodyHashOk = computed == bh.bytes;
        // A failing body hash is explained from the body's bytes: not from digests.
        if (!r.bodyHashOk && shared.digests)
            shared.digests->needBody();
        // The canonical body as a source: always when it is kept for display, otherwise
        // only for a failure (its forensic spans point into it). Summary runs build no step
        // that points into it.
        const bool withSource = full && (shared.keepCanonical || (!r.bodyHashOk && in.forensics));
        Source src;
        src.id = base + QStringLiteral("/body");
        if (withSource) {
            r.canonicalBody = shared.keepCanonical ? cb.bytes : shared.fullBody(bc).bytes;
            src.title = tr("DKIM #%1 canonical body (%2)").arg(r.index).arg(r.domain);
            src.kind = Source::Kind::CanonicalBody;
            src.bytes = r.canonicalBody;
            r.sources.append(src);
        }
        Step s;
        if (full) {
            s = Step(QStringLiteral("dkim.body"), r.bodyHashOk ? Status::Pass : Status::Fail,
                r.bodyHashOk ? tr("Body hash matches bh=") : tr("Body hash does not match bh="), {},
                QStringLiteral("RFC 6376 3.7"));
            s.addFact(tr("canonicalization"), canonName(bc));
            s.addFact(tr("computed bh"), QString::fromLatin1(computed.toBase64()));
            s.addFact(tr("expected bh"), QString::fromLatin1(bh.bytes.toBase64()));
            s.addFact(tr("canonical bytes"), QString::number(cb.size));
            if (withSource)
                s.addSpan(src.id, 0, limit >= 0 ? qMin<qint64>(limit, cb.size) : cb.size);
            s.addSpan(QStringLiteral("message"), m.bodyOffset(), m.body().size());
            s.addSpan(QStringLiteral("message"), tags.find("bh")->valueOffset,
                tags.find("bh")->valueLength);
            s.detail = tr("The body is canonicalized (%1) and hashed with %2; the result must "
                          "equal bh=.")
                           .arg(canonName(bc), crypto::digestName(*hashAlg));
            if (cb.ignoredLines > 0) {
                Step n(QStringLiteral("dkim.body.trailing"), Status::Info,
                    tr("%1 empty lines at the end ignored").arg(cb.ignoredLines),
                    tr("Canonicalization ignores empty lines at the end of the body."),
                    QStringLiteral("RFC 6376 3.4.3"));
                n.addSpan(
                    QStringLiteral("message"), m.bodyOffset() + cb.ignoredOffset, cb.ignoredLength);
                s.add(std::move(n));
            }
        }
        if (limit >= 0) {
            const Tag* lt = tags.find("l");
            if (limit > cb.size) {
                bodyStatus = Status::Fail;
                bodyReason = QStringLiteral("body-truncated");
                bodyWhy = tr("l= says %1 bytes were signed, but the canonical body has only %2: "
                             "content was removed.")
                              .arg(limit)
                              .arg(cb.size);
                if (full) {
                    Step n(QStringLiteral("dkim.body.length"), Status::Fail,
                        tr("The body is shorter than l=%1").arg(limit), bodyWhy,
                        QStringLiteral("RFC 6376 3.5"));
                    n.addSpan(QStringLiteral("message"), lt->offset, lt->length);
                    s.add(std::move(n));
                }
            } else if (limit < cb.size && full) {
                const QByteArrayView rest = QByteArrayView(shared.fullBody(bc).bytes).sliced(limit);
                const qint64 restLines = rest.count("\r\n") + (rest.endsWith("\r\n") ? 0 : 1);
                bool visible = false;
                for (char c : rest)
                    visible |= !(c == ' ' || c == '\t' || c == '\r' || c == '\n');
                QList<QByteArray> boundaries;
                collectBoundaries(m.mime(), boundaries);
                bool newPart = false;
                for (const QByteArray& bd : boundaries)
                    newPart |= rest.startsWith(bd) || rest.contains("\r\n" + bd);
                Step n(QStringLiteral("dkim.body.length"), visible ? Status::Warning : Status::Info,
                    tr("%1 bytes (%2 lines) after l= are not signed")
                        .arg(rest.size())
                        .arg(restLines),
                    newPart ? tr("The unsigned remainder contains a new MIME part: anybody "
                                 "could have added it, and the reader sees it as part of the "
                                 "signed message.")
                            : (visible ? tr("The unsigned remainder has visible content the "
                                            "reader cannot tell apart from the signed part.")
                                       : tr("The unsigned remainder is only whitespace.")),
                    QStringLiteral("RFC 6376 8.2"));
                n.addFact(tr("unsigned bytes"), QString::number(rest.size()));
                n.addFact(tr("unsigned lines"), QString::number(restLines));
                if (withSource)
                    n.addSpan(src.id, limit, rest.size());
                n.addSpan(QStringLiteral("message"), lt->offset, lt->length);
                s.add(std::move(n));
            }
        }
        if (!r.bodyHashOk && bodyStatus == Status::Pass) {
            bodyStatus = Status::Fail;
            bodyReason = QStringLiteral("body-modified");
            bodyWhy = tr("The body was changed after signing: its hash no longer matches bh=.");
            if (in.forensics) {
                const Shared::Full& fb = shared.fullBody(bc);
                const BodyEvidence ev { m, bc, *hashAlg, bh.bytes, limit, fb.bytes, fb.lines,
                    src.id };
                bodyFinding = investigateBody(ev);
                bodyReason = bodyFinding->reason;
                r.finding = bodyFinding->text;
                r.transit = bodyFinding->transit;
                if (bodyFinding->proven)
                    bodyWhy = bodyFinding->text;
                if (full)
                    s.add(std::move(bodyFinding->step));
            }
        }
        if (full) {
            s.detail += QLatin1Char(' ') + (bodyWhy.isEmpty() ? QString() : bodyWhy);
            root.add(std::move(s));
        }
    }

    // --- Header fields (5.4, 3.7) ---
    const QList<SelectedHeader> sel = selectHeaders(m.headers(), hNames, field.index);
    const QByteArray sigField = signatureFieldBEmptied(field, tags);
    const HeaderBlock hb = buildHeaderBlock(m.headers(), sel, hc, sigField);
    r.canonicalHeader = hb.bytes;
    if (full) {
        Source src;
        src.id = base + QStringLiteral("/header");
        src.title = tr("DKIM #%1 canonical header (%2)").arg(r.index).arg(r.domain);
        src.kind = Source::Kind::CanonicalHeader;
        src.bytes = hb.bytes;
        r.sources.append(src);
        Step hs(QStringLiteral("dkim.headers"), Status::Info,
            tr("Signed header fields (%1 in h=)").arg(hNames.size()),
            tr("Each name in h= takes the lowest instance of that field not taken yet "
               "(bottom-up); the fields are canonicalized (%1) and followed by the "
               "signature field itself with b= emptied.")
                .arg(canonName(hc)),
            QStringLiteral("RFC 6376 5.4.2"));
        hs.addSpan(src.id, 0, hb.bytes.size());
        QHash<QByteArray, int> occurrence;
        for (const HeaderBlock::Part& p : hb.parts) {
            const QByteArray lower = p.name.toLower();
            const int nth = ++occurrence[lower];
            if (p.fieldIndex >= 0) {
                const HeaderField& f = m.headers()[p.fieldIndex];
                const QList<int>& same = shared.fieldsNamed(p.name);
                const int total = int(same.size());
                const int inst
                    = int(std::upper_bound(same.cbegin(), same.cend(), f.index) - same.cbegin());
                Step s(QStringLiteral("dkim.header"), Status::Info,
                    tr("%1 → %2 (instance %3 of %4, from the top)")
                        .arg(str(p.name), str(f.name))
                        .arg(inst)
                        .arg(total));
                s.addSpan(QStringLiteral("message"), f.offset, f.raw.size());
                s.addSpan(src.id, p.offset, p.length);
                hs.add(s);
            } else {
                Step s(QStringLiteral("dkim.header.absent"), Status::Info,
                    tr("%1 (#%2 in h=) → no instance left: signs its absence")
                        .arg(str(p.name))
                        .arg(nth),
                    tr("Listing a name more often than it occurs (over-signing) means adding "
                       "such a field later breaks the signature."),
                    QStringLiteral("RFC 6376 8.15"));
                hs.add(s);
            }
        }
        Step sigPart(QStringLiteral("dkim.header.signature"), Status::Info,
            tr("The DKIM-Signature field itself, b= emptied, no final CRLF"), {},
            QStringLiteral("RFC 6376 3.7"));
        sigPart.addSpan(src.id, hb.signatureOffset, hb.signatureLength);
        sigPart.addSpan(QStringLiteral("message"), field.offset, field.raw.size());
        hs.add(sigPart);
        // Fields not covered, with a warning for unsigned extra instances of signed names
        // above the signed ones (what a reader would see instead).
        QSet<int> used;
        for (const SelectedHeader& s : sel)
            if (s.fieldIndex >= 0)
                used.insert(s.fieldIndex);
        Step nc(QStringLiteral("dkim.headers.uncovered"), Status::Info, QString(),
            tr("These header fields are not covered by this signature: they can be changed "
               "or added without breaking it."),
            QStringLiteral("RFC 6376 5.4"));
        QSet<QByteArray> signedNames;
        for (const QByteArray& n : hNames)
            signedNames.insert(n.toLower());
        int uncovered = 0;
        for (const HeaderField& f : m.headers()) {
            if (used.contains(f.index) || f.index == field.index)
                continue;
            ++uncovered;
            const bool signedName = signedNames.contains(f.name.toByteArray().toLower());
            const bool shown = f.nameIs("From") || f.nameIs("Subject") || f.nameIs("To")
                || f.nameIs("Date") || f.nameIs("Reply-To");
            Step s(QStringLiteral("dkim.header.uncovered"),
                signedName && shown ? Status::Warning : Status::Info, str(f.name));
            if (signedName && shown)
                s.detail = tr("Another %1 field that is not signed: mail programs may show "
                              "this one instead of the signed one.")
                               .arg(str(f.name));
            s.addSpan(QStringLiteral("message"), f.offset, f.raw.size());
            if (s.status == Status::Warning)
                nc.status = Status::Warning;
            if (nc.children.size() < size_t(kMaxListedUncovered))
                nc.add(s);
        }
        if (size_t(uncovered) > nc.children.size())
            nc.add(Step(QStringLiteral("dkim.header.uncovered.more"), Status::Info,
                tr("%1 further uncovered header fields not listed")
                    .arg(uncovered - int(nc.children.size()))));
        nc.title = tr("%1 header fields not covered").arg(uncovered);
        hs.add(nc);
        root.add(hs);
    }

    // --- Key (3.6) ---
    const QByteArray qname = tags.value("s") + "._domainkey." + d;
    Step ks;
    const dns::Answer ans = in.dns.resolve(qname.toLower(), dns::Type::TXT);
    if (full) {
        ks = Step(QStringLiteral("dkim.key"), Status::Info, tr("Public key %1").arg(str(qname)), {},
            QStringLiteral("RFC 6376 3.6.2"));
        ks.add(dns::answerStep(ans));
    }
    KeyRecordPtr key;
    Status keyStatus = Status::Pass;
    QString keyReason, keyWhy;
    if (ans.outcome == dns::Outcome::NxDomain || ans.outcome == dns::Outcome::NoData
        || (ans.outcome == dns::Outcome::Ok && ans.ofType(dns::Type::TXT).isEmpty())) {
        keyStatus = Status::PermError;
        keyReason = QStringLiteral("key-not-found");
        keyWhy = ans.outcome == dns::Outcome::NxDomain
            ? tr("No key: %1 does not exist (NXDOMAIN). The selector may have been removed, or "
                 "s=/d= were changed.")
                  .arg(str(qname))
            : tr("No key: %1 exists but has no TXT record.").arg(str(qname));
    } else if (ans.outcome != dns::Outcome::Ok) {
        keyStatus = Status::TempError;
        keyReason = QStringLiteral("dns-temporary");
        keyWhy = tr("The key could not be fetched (%1): a temporary failure, try again later.")
                     .arg(dns::outcomeName(ans.outcome));
    } else {
        QList<KeyRecordPtr> candidates;
        for (const dns::Record& rec : ans.ofType(dns::Type::TXT))
            candidates.append(KeyCache::instance().get(rec.text()));
        int idx = 0;
        for (const KeyRecordPtr& k : std::as_const(candidates)) {
            ++idx;
            if (full) {
                const QString kid = candidates.size() == 1
                    ? base + QStringLiteral("/key")
                    : base + QStringLiteral("/key%1").arg(idx);
                Source ksrc;
                ksrc.id = kid;
                ksrc.title = tr("DKIM #%1 key record %2").arg(r.index).arg(str(qname));
                ksrc.kind = Source::Kind::DnsAnswer;
                ksrc.bytes = k->text;
                r.sources.append(ksrc);
                Step kr(QStringLiteral("dkim.keyrecord"),
                    k->usable ? Status::Info : Status::PermError,
                    k->usable
                        ? tr("Key record: %1 key, %2 bits").arg(str(k->keyType)).arg(k->key.bits())
                        : tr("Key record unusable: %1").arg(k->problem),
                    {}, QStringLiteral("RFC 6376 3.6.1"));
                kr.addSpan(kid, 0, k->text.size());
                for (const Tag& kt : k->tags.tags()) {
                    Step ts(QStringLiteral("dkim.keytag"), Status::Info,
                        QStringLiteral("%1=%2").arg(str(kt.name),
                            kt.value.size() > 60 ? str(kt.value.first(57)) + QStringLiteral("…")
                                                 : str(kt.value)));
                    ts.addSpan(kid, kt.offset, kt.length);
                    kr.add(ts);
                }
                if (!k->keyForm.isEmpty() && k->usable)
                    kr.addFact(tr("key form"), k->keyForm);
                if (!k->notes.isEmpty())
                    kr.addFact(tr("notes"), str(k->notes));
                ks.add(kr);
            }
            if (!key && k->usable)
                key = k;
            else if (!key && keyReason.isEmpty()) {
                keyReason = k->reason;
                keyWhy = k->problem;
            }
        }
        if (candidates.size() > 1 && full) {
            ks.add(Step(QStringLiteral("dkim.key.several"), Status::Warning,
                tr("%1 TXT records at the selector").arg(candidates.size()),
                tr("The outcome is undefined when a selector has several records; the "
                   "first usable one is used."),
                QStringLiteral("RFC 6376 3.6.2.2")));
        }
        if (!key) {
            keyStatus = Status::PermError;
            if (keyReason.isEmpty())
                keyReason = QStringLiteral("key-syntax");
        } else {
            keyReason.clear();
            keyWhy.clear();
            r.keyBits = key->key.bits();
            r.testing = key->testing();
            auto keyFail
                = [&](Status st, const QString& reason, const QString& why, const QString& rfc) {
                      if (full)
                          ks.add(Step(QStringLiteral("dkim.key.check"), st, why, {}, rfc));
                      if (keyStatus == Status::Pass) {
                          keyStatus = st;
                          keyReason = reason;
                          keyWhy = why;
                      }
                  };
            if (key->keyType != keyAlg)
                keyFail(Status::PermError, QStringLiteral("key-type-mismatch"),
                    tr("The key is %1 but the signature says a=%2")
                        .arg(str(key->keyType), r.algorithm),
                    QStringLiteral("RFC 6376 6.1.2"));
            if (!key->allowsHash(crypto::digestName(*hashAlg).toLatin1()))
                keyFail(Status::PermError, QStringLiteral("key-hash-mismatch"),
                    tr("The key's h= does not allow %1").arg(crypto::digestName(*hashAlg)),
                    QStringLiteral("RFC 6376 3.6.1"));
            if (!key->allowsEmail())
                keyFail(Status::PermError, QStringLiteral("key-service-mismatch"),
                    tr("The key's s= does not allow e-mail"), QStringLiteral("RFC 6376 3.6.1"));
            if (key->strict()) {
                const qsizetype at = auid.lastIndexOf('@');
                if (normDomain(auid.mid(at + 1)) != d)
                    keyFail(Status::PermError, QStringLiteral("identity-mismatch"),
                        tr("The key has t=s: i= must use exactly d=, not a subdomain"),
                        QStringLiteral("RFC 6376 3.6.1"));
            }
            if (key->key.type() == crypto::KeyType::Rsa) {
                const int bits = key->key.bits();
                if (bits < 1024)
                    keyFail(Status::Fail, QStringLiteral("key-too-short"),
                        tr("The RSA key has only %1 bits: RFC 8301 forbids accepting keys "
                           "under 1024 bits.")
                            .arg(bits),
                        QStringLiteral("RFC 8301 3.2"));
                else if (bits < 2048 && full)
                    ks.add(Step(QStringLiteral("dkim.key.size"), Status::Warning,
                        tr("The RSA key has %1 bits: RFC 8301 asks signers for at least "
                           "2048")
                            .arg(bits),
                        tr("Accepted, but weak: keys of 1024 bits can be factored by a "
                           "well-funded attacker."),
                        QStringLiteral("RFC 8301 3.2")));
            }
            if (r.testing && full)
                ks.add(Step(QStringLiteral("dkim.key.testing"), Status::Warning,
                    tr("The domain is testing DKIM (t=y)"),
                    tr("Receivers must not treat mail differently because this "
                       "signature fails: the domain says it is only testing."),
                    QStringLiteral("RFC 6376 3.6.1")));
        }
    }
    if (full) {
        ks.status = keyStatus == Status::Pass ? Status::Pass : keyStatus;
        ks.detail
            = keyWhy.isEmpty() ? tr("The key is published at <selector>._domainkey.<d=>.") : keyWhy;
        root.add(std::move(ks));
    }

    // --- Signature over the header hash (3.7, RFC 8463 3) ---
    if (key
        && key->key.type() == (keyAlg == "rsa" ? crypto::KeyType::Rsa : crypto::KeyType::Ed25519)) {
        const QByteArray hh = crypto::Digest::hash(*hashAlg, hb.bytes);
        // RSA: recover the signed hash (the same check as verifyHash()) and keep it for
        // the header forensics, which then needs no further public-key operation.
        QByteArray signedHash;
        if (key->key.type() == crypto::KeyType::Rsa) {
            signedHash = key->key.recoverSignedHash(*hashAlg, b.bytes);
            r.signatureOk = !signedHash.isEmpty() && signedHash == hh;
        } else {
            r.signatureOk = key->key.verifyHash(*hashAlg, hh, b.bytes);
        }
        Step vs;
        if (full) {
            vs = Step(QStringLiteral("dkim.verify"), r.signatureOk ? Status::Pass : Status::Fail,
                r.signatureOk ? tr("The signature (b=) verifies over the header hash")
                              : tr("The signature (b=) does not verify"),
                keyAlg == "ed25519"
                    ? tr("Ed25519 over the SHA-256 hash of the canonical header block.")
                    : tr("RSA PKCS#1 v1.5 over the %1 hash of the canonical header block.")
                          .arg(crypto::digestName(*hashAlg)),
                keyAlg == "ed25519" ? QStringLiteral("RFC 8463 3")
                                    : QStringLiteral("RFC 6376 3.3"));
            vs.addFact(tr("header hash"), QString::fromLatin1(hh.toBase64()));
            vs.addSpan(base + QStringLiteral("/header"), 0, hb.bytes.size());
            vs.addSpan(QStringLiteral("message"), tags.find("b")->valueOffset,
                tags.find("b")->valueLength);
        }
        // The header hash does not cover the body, so header edits are looked for even when
        // the body changed too (a list adds a footer and tags the Subject).
        if (!r.signatureOk && in.forensics) {
            const HeaderEvidence ev { m, field.index, hNames, hc, *hashAlg, key->key, b.bytes,
                signedHash };
            Finding hf = investigateHeader(ev);
            if (r.finding.isEmpty()) {
                r.finding = hf.text;
                r.transit = hf.transit;
            } else if (hf.proven) {
                r.finding = tr("%1 Also in the header: %2").arg(r.finding, hf.text);
            }
            if (full)
                vs.add(std::move(hf.step));
        }
        if (full)
            root.add(std::move(vs));
    }

    // --- Verdict: the first failing stage in RFC order decides the reason ---
    if (keyStatus == Status::TempError) {
        finish(Status::TempError, keyReason, keyWhy);
    } else if (keyStatus == Status::PermError) {
        finish(Status::PermError, keyReason, keyWhy);
    } else if (bodyStatus == Status::Fail) {
        finish(Status::Fail, bodyReason, bodyWhy);
    } else if (keyStatus == Status::Fail) {
        finish(Status::Fail, keyReason, keyWhy);
    } else if (!r.signatureOk) {
        finish(Status::Fail, QStringLiteral("header-modified"),
            r.finding.isEmpty() ? tr("The signature over the header fields does not verify.")
                                : r.finding);
    } else if (rsaSha1) {
        finish(Status::Fail, QStringLiteral("algorithm-disallowed"),
            tr("The signature verifies but uses rsa-sha1, which RFC 8301 forbids accepting."));
    } else if (timeStatus == Status::Fail) {
        finish(Status::Fail, timeReason, timeWhy);
    } else if (bodyStatus == Status::Neutral) {
        finish(Status::Neutral, bodyReason,
            tr("The header signature verifies; the body was not available, so it is not "
               "known whether it changed."));
    } else {
        finish(Status::Pass, {},
            fill(tr("Body hash and signature verify: %1 vouches for this message."), r.domain));
    }
}

} // namespace

QJsonObject SignatureResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("index"), index);
    o.insert(QStringLiteral("domain"), domain);
    o.insert(QStringLiteral("selector"), selector);
    o.insert(QStringLiteral("algorithm"), algorithm);
    o.insert(QStringLiteral("canonicalization"), canonicalization);
    o.insert(QStringLiteral("identity"), identity);
    o.insert(QStringLiteral("result"), statusName(status));
    o.insert(QStringLiteral("reason"), reason);
    if (!finding.isEmpty())
        o.insert(QStringLiteral("finding"), finding);
    if (!transit.isEmpty())
        o.insert(QStringLiteral("change"), transit);
    if (keyBits)
        o.insert(QStringLiteral("keyBits"), keyBits);
    o.insert(QStringLiteral("testing"), testing);
    if (bodyChecked) {
        o.insert(QStringLiteral("bodyHash"), QString::fromLatin1(computedBh.toBase64()));
        o.insert(QStringLiteral("bodyHashExpected"), QString::fromLatin1(expectedBh.toBase64()));
    }
    if (bodyLimit >= 0)
        o.insert(QStringLiteral("bodyLength"), double(bodyLimit));
    return o;
}

void SignatureResult::writeJson(QByteArray& out) const
{
    // Members in QJsonObject's order (keys sorted), as toJson() has them.
    bool first = true;
    json::put(out, '{');
    json::writeKey(out, QLatin1StringView("algorithm"), first);
    json::writeString(out, algorithm);
    if (bodyChecked) {
        json::writeKey(out, QLatin1StringView("bodyHash"), first);
        json::writeString(out, QLatin1StringView(computedBh.toBase64()));
        json::writeKey(out, QLatin1StringView("bodyHashExpected"), first);
        json::writeString(out, QLatin1StringView(expectedBh.toBase64()));
    }
    if (bodyLimit >= 0) {
        json::writeKey(out, QLatin1StringView("bodyLength"), first);
        json::writeNumber(out, double(bodyLimit));
    }
    json::writeKey(out, QLatin1StringView("canonicalization"), first);
    json::writeString(out, canonicalization);
    if (!transit.isEmpty()) {
        json::writeKey(out, QLatin1StringView("change"), first);
        json::writeString(out, transit);
    }
    json::writeKey(out, QLatin1StringView("domain"), first);
    json::writeString(out, domain);
    if (!finding.isEmpty()) {
        json::writeKey(out, QLatin1StringView("finding"), first);
        json::writeString(out, finding);
    }
    json::writeKey(out, QLatin1StringView("identity"), first);
    json::writeString(out, identity);
    json::writeKey(out, QLatin1StringView("index"), first);
    json::writeInteger(out, index);
    if (keyBits) {
        json::writeKey(out, QLatin1StringView("keyBits"), first);
        json::writeInteger(out, keyBits);
    }
    json::writeKey(out, QLatin1StringView("reason"), first);
    json::writeString(out, reason);
    json::writeKey(out, QLatin1StringView("result"), first);
    json::writeString(out, statusName(status));
    json::writeKey(out, QLatin1StringView("selector"), first);
    json::writeString(out, selector);
    json::writeKey(out, QLatin1StringView("testing"), first);
    json::writeBool(out, testing);
    json::put(out, '}');
}

QList<SignatureResult> verifyAll(const VerifyInput& in)
{
    QList<SignatureResult> out;
    Shared shared { in.message, in.keepCanonical, {}, in.bodyDigests, {}, {}, {}, 0, {} };
    if (in.bodyDigests && in.bodyDigests->bodyHeld())
        shared.holdBody();
    // Each signature's tag-list is parsed once, for the body-hash read-ahead and for its
    // verification (the first kMaxSignatures; the read-ahead looks at up to 64).
    std::vector<const HeaderField*> fields;
    std::vector<TagList> parsed;
    for (const HeaderField& f : in.message.headers()) {
        if (!f.nameIs("DKIM-Signature"))
            continue;
        if (fields.size() >= 64)
            break; // read-ahead is an optimization for the usual handful of signatures
        fields.push_back(&f);
        parsed.push_back(TagList::parse(f.value, f.valueOffset));
        if (const auto k = bodyKeyOf(parsed.back()); k && !shared.wanted.contains(*k))
            shared.wanted.append(*k);
    }
    out.reserve(qMin<qsizetype>(qsizetype(fields.size()), kMaxSignatures));
    int n = 0;
    for (size_t fi = 0; fi < fields.size(); ++fi) {
        const HeaderField& f = *fields[fi];
        if (n == kMaxSignatures)
            break; // check() says how many were left out
        ++n;
        if (in.cancelled && in.cancelled->load()) {
            SignatureResult r;
            r.index = n;
            r.status = Status::TempError;
            r.reason = QStringLiteral("cancelled");
            r.step = Step(QStringLiteral("dkim.signature"), Status::TempError,
                tr("Signature #%1: not checked (cancelled)").arg(n));
            out.append(r);
            continue;
        }
        Verifying v { in, shared, {}, f, parsed[fi], QStringLiteral("dkim/") + QString::number(n),
            !in.summaryOnly };
        v.r.index = n;
        v.r.fieldIndex = f.index;
        v.run();
        out.append(std::move(v.r));
    }
    if (in.bodyPasses)
        *in.bodyPasses = shared.bodyPasses;
    return out;
}

CheckResult check(const CheckContext& ctx)
{
    CheckResult cr;
    cr.name = QStringLiteral("dkim");
    const VerifyInput in { ctx.message, ctx.dns, ctx.evaluationTime, ctx.cancelled, true,
        ctx.options.keepCanonicalSources, nullptr, ctx.options.summaryOnly, ctx.bodyDigests };
    const QList<SignatureResult> sigs = verifyAll(in);
    cr.step
        = Step(QStringLiteral("dkim"), Status::None, tr("DKIM"), {}, QStringLiteral("RFC 6376"));
    // Summary runs (batch JSON lines) get the array as text only; CheckResult::jsonValue()
    // parses it for any other reader.
    const bool text = ctx.options.summaryOnly;
    QJsonArray arr;
    QByteArray jsonText;
    if (text) {
        jsonText.reserve(512 * sigs.size() + 2);
        json::put(jsonText, '[');
    }
    int pass = 0;
    Status worst = Status::None;
    for (const SignatureResult& s : sigs) {
        cr.step.add(s.step);
        cr.sources.append(s.sources);
        if (text) {
            if (jsonText.size() > 1)
                json::put(jsonText, ',');
            s.writeJson(jsonText);
        } else {
            arr.append(s.toJson());
        }
        DkimSignatureOutcome o;
        o.status = s.status;
        o.domain = s.domain;
        o.selector = s.selector;
        o.algorithm = s.algorithm;
        o.identity = s.identity;
        o.reason = s.reason;
        o.finding = s.finding;
        o.testing = s.testing;
        cr.outcomes.dkim.append(o);
        if (s.status == Status::Pass)
            ++pass;
        worst = worst == Status::None ? s.status : ms::worse(worst, s.status);
    }
    if (text) {
        cr.jsonText = jsonText + ']';
        cr.json = QJsonValue(QJsonValue::Undefined); // CheckResult::jsonValue() parses the text
    } else {
        cr.json = arr;
    }
    int present = 0;
    for (const HeaderField& f : ctx.message.headers())
        present += f.nameIs("DKIM-Signature") ? 1 : 0;
    if (present > sigs.size()) {
        cr.step.add(Step(QStringLiteral("dkim.limit"), Status::Warning,
            tr("%1 further DKIM signatures not checked").arg(present - sigs.size()),
            tr("The message carries %1 DKIM-Signature fields; only the first %2 (from the top) "
               "are verified. Real mail carries a few; this many is a denial-of-service "
               "attempt, which verifiers may limit.")
                .arg(present)
                .arg(sigs.size()),
            QStringLiteral("RFC 6376 4.2")));
    }
    if (sigs.isEmpty()) {
        cr.status = Status::None;
        cr.summary = tr("none: the message has no DKIM signature");
        cr.step.title = tr("DKIM: no signature");
        cr.step.detail = tr("The message carries no DKIM-Signature header field, so no domain "
                            "takes responsibility for it through DKIM.");
    } else if (pass > 0) {
        cr.status = Status::Pass;
        QStringList domains;
        for (const SignatureResult& s : sigs)
            if (s.status == Status::Pass && !domains.contains(s.domain))
                domains << s.domain;
        cr.summary = fill(tr("pass: %1 of %2 signatures verify (%3)"),
            { QString::number(pass), QString::number(sigs.size()),
                domains.join(QStringLiteral(", ")) });
    } else {
        cr.status = worst;
        const SignatureResult& first = sigs.first();
        cr.summary = QStringLiteral("%1: %2").arg(
            statusName(worst), first.finding.isEmpty() ? first.step.detail : first.finding);
    }
    if (!sigs.isEmpty()) {
        cr.step.status = cr.status;
        cr.step.title = fill(tr("DKIM: %1"), cr.summary);
    }
    return cr;
}

Canonical canonicalize(const Message& m, int fieldIndex)
{
    Canonical c;
    if (fieldIndex < 0 || fieldIndex >= m.headers().size()) {
        c.problem = tr("no such header field");
        return c;
    }
    const HeaderField& f = m.headers()[fieldIndex];
    const TagList tags = TagList::parse(f.value, f.valueOffset);
    if (!tags.isValid() || !tags.has("h")) {
        c.problem = tr("the signature's tag-list is not usable");
        return c;
    }
    if (const Tag* ct = tags.find("c")) {
        const QList<QByteArray> parts = ct->value.split('/');
        c.headerCanon = canonFromName(parts.value(0)).value_or(Canon::Simple);
        c.bodyCanon = parts.size() > 1 ? canonFromName(parts.value(1)).value_or(Canon::Simple)
                                       : Canon::Simple;
    }
    const auto sel = selectHeaders(m.headers(), splitHeaderList(tags.value("h")), fieldIndex);
    c.header = buildHeaderBlock(m.headers(), sel, c.headerCanon, emptyTagValue(f.raw, "b")).bytes;
    c.body = canonBody(c.bodyCanon, m.body());
    c.ok = true;
    return c;
}

} // namespace ms::dkim
