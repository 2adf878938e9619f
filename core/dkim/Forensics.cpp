// The prefix search copies the running digest state at many line boundaries; the low-level
// SHA contexts are plain structs (a copy is a memcpy), where an EVP copy allocates.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "dkim/Forensics.h"

#include "dkim/TagList.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QtEndian>

#include <openssl/sha.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <list>
#include <memory>
#include <tuple>
#include <vector>

namespace ms::dkim {

namespace {

QString tr(const char* s)
{
    return ms::translate("Dkim", s);
}

QString preview(QByteArrayView v, int max = 60)
{
    QByteArrayView line = v;
    const qsizetype nl = line.indexOf("\r\n");
    if (nl >= 0)
        line = line.first(nl);
    QString s = QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), max)));
    if (line.size() > max)
        s += QStringLiteral("…");
    return s;
}

QByteArray hashBody(Canon c, crypto::DigestAlgorithm a, QByteArrayView body, qint64 limit)
{
    return hashCanonicalBody(c, a, body, limit);
}

// The chaining value of SHA-1 or SHA-256 over whole 64-byte blocks, kept as the pass goes by
// at chosen boundaries (20 or 32 bytes each), and the digest of such a value plus a short tail
// computed without touching the running state: the padded tail is compressed (1 or 2
// blocks), so examining a boundary costs about what its final blocks cost.
struct Chain {
    quint32 h[8];
};

class ChainState
{
public:
    explicit ChainState(crypto::DigestAlgorithm a)
        : m_sha1(a == crypto::DigestAlgorithm::Sha1)
    {
        if (m_sha1)
            SHA1_Init(&m_s1);
        else
            SHA256_Init(&m_s256);
    }
    // n is a multiple of 64 and nothing is buffered: the blocks are compressed at once.
    void blocks(const char* p, qint64 n)
    {
        if (m_sha1)
            SHA1_Update(&m_s1, p, size_t(n));
        else
            SHA256_Update(&m_s256, p, size_t(n));
    }
    Chain chain() const
    {
        Chain v;
        if (m_sha1) {
            v.h[0] = m_s1.h0;
            v.h[1] = m_s1.h1;
            v.h[2] = m_s1.h2;
            v.h[3] = m_s1.h3;
            v.h[4] = m_s1.h4;
        } else {
            memcpy(v.h, m_s256.h, sizeof m_s256.h);
        }
        return v;
    }
    // Whether the digest of the blocks behind `from`, then `tail` (under 64 bytes), `total`
    // bytes in all, equals `expected` (as big-endian words).
    bool finishEquals(const Chain& from, const char* tail, int tailLen, qint64 total,
        const quint32* expected) const
    {
        unsigned char blk[128];
        memcpy(blk, tail, size_t(tailLen));
        blk[tailLen] = 0x80;
        const int len = tailLen < 56 ? 64 : 128;
        memset(blk + tailLen + 1, 0, size_t(len - tailLen - 1 - 8));
        const quint64 bits = quint64(total) * 8;
        for (int i = 0; i < 8; ++i)
            blk[len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
        if (m_sha1) {
            SHA_CTX t;
            t.h0 = from.h[0];
            t.h1 = from.h[1];
            t.h2 = from.h[2];
            t.h3 = from.h[3];
            t.h4 = from.h[4];
            SHA1_Transform(&t, blk);
            if (len == 128)
                SHA1_Transform(&t, blk + 64);
            return t.h0 == expected[0] && t.h1 == expected[1] && t.h2 == expected[2]
                && t.h3 == expected[3] && t.h4 == expected[4];
        }
        SHA256_CTX t;
        memcpy(t.h, from.h, sizeof t.h);
        SHA256_Transform(&t, blk);
        if (len == 128)
            SHA256_Transform(&t, blk + 64);
        return memcmp(t.h, expected, sizeof t.h) == 0;
    }

private:
    bool m_sha1;
    SHA_CTX m_s1 {};
    SHA256_CTX m_s256 {};
};

// Compression blocks to hash n bytes completely (64-byte blocks, 8-byte length, 0x80 pad).
qint64 fullBlocks(qint64 n)
{
    return (n + 8) / 64 + 1;
}
// What examining the boundary at byte n costs, in blocks, on top of the n / 64 blocks the
// pass compresses anyway: its 1 or 2 final blocks plus the copy, padding and calls.
qint64 finalCost(qint64 n)
{
    return (fullBlocks(n) - n / 64) * 8 + kPrefixFinalOverheadEighths;
}

// How likely a signed body ended at a boundary, most likely first.
enum Likely {
    Separator, // before "-- " / "--" or a "__" rule; after a MIME closing delimiter
    Blank, // before an empty line; the empty body
    MimeBoundary, // before another "--" line
    Ordinary,
    LikelyKinds = Ordinary
};

// Every pattern the transit hypotheses look for in a body starts with CR. memchr finds the
// CRs (about one a line) several times faster than QByteArray's Boyer-Moore search, whose
// skips are no longer than these short patterns: that search was 6 % of a DKIM-only batch
// of the mixed corpus, whose five failing bodies include large ones.
qsizetype indexOfCr(QByteArrayView hay, QByteArrayView needle, qsizetype from = 0)
{
    Q_ASSERT(!needle.isEmpty() && needle.front() == '\r');
    const char* const b = hay.data();
    const char* const e = b + hay.size();
    const char* p = b + from;
    while (e - p >= needle.size()) {
        p = static_cast<const char*>(std::memchr(p, '\r', size_t(e - p - needle.size() + 1)));
        if (!p)
            return -1;
        if (std::memcmp(p, needle.data(), size_t(needle.size())) == 0)
            return p - b;
        ++p;
    }
    return -1;
}

// QByteArray::replace's result (left to right, matches do not overlap) for a from that
// starts with CR.
QByteArray replaceAll(QByteArrayView in, QByteArrayView from, QByteArrayView to)
{
    QByteArray out;
    out.reserve(in.size());
    qsizetype pos = 0;
    for (qsizetype i; (i = indexOfCr(in, from, pos)) >= 0; pos = i + from.size()) {
        out.append(in.sliced(pos, i - pos));
        out.append(to);
    }
    out.append(in.sliced(pos));
    return out;
}

// Spaces and tabs dropped at the end of each line (before its CR or LF) and of the body.
QByteArray stripTrailingWsp(QByteArrayView body)
{
    QByteArray out;
    out.reserve(body.size());
    qsizetype pos = 0;
    while (pos <= body.size()) {
        const qsizetype nl = body.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? body.size() : nl;
        qsizetype stop = end;
        const bool cr = stop > pos && body[stop - 1] == '\r';
        if (cr)
            --stop;
        while (stop > pos && (body[stop - 1] == ' ' || body[stop - 1] == '\t'))
            --stop;
        out.append(body.sliced(pos, stop - pos));
        if (cr)
            out.append('\r');
        if (nl < 0)
            break;
        out.append('\n');
        pos = nl + 1;
    }
    return out;
}

QByteArray unstuffDots(QByteArrayView body)
{
    return body.startsWith("..") ? replaceAll(body.sliced(1), "\r\n..", "\r\n.")
                                 : replaceAll(body, "\r\n..", "\r\n.");
}

// Boundary k (1 <= k < number of lines) lies before canonical line k (0-based), after line
// k - 1: how likely a signed body ended there.
Likely likelyAt(const char* c, const CanonLine* lines, int k)
{
    const CanonLine& next = lines[k];
    const char* p = c + next.outOffset;
    const qint64 len = next.outLength - 2; // without the CRLF
    if (len == 0)
        return Blank;
    if (len >= 2 && p[0] == p[1] && (p[0] == '-' || p[0] == '_')) {
        if (p[0] == '_' || len == 2 || (len == 3 && p[2] == ' '))
            return Separator;
        return MimeBoundary;
    }
    // After "--boundary--": what a list appends after the last MIME part starts here.
    const CanonLine& prev = lines[k - 1];
    const char* q = c + prev.outOffset;
    const qint64 plen = prev.outLength - 2;
    if (plen >= 5 && q[0] == '-' && q[1] == '-' && q[plen - 1] == '-' && q[plen - 2] == '-')
        return Separator;
    return Ordinary;
}

} // namespace

PrefixSearch searchPrefix(crypto::DigestAlgorithm a, const QByteArray& canonical,
    const QList<CanonLine>& lines, const QByteArray& expected)
{
    PrefixSearch r;
    const qint64 size = canonical.size();
    const char* c = canonical.constData();
    const CanonLine* L = lines.constData();
    const int n = int(lines.size());
    r.bodyBlocks = fullBlocks(size);
    r.bodyEighths = r.bodyBlocks * 8 + kPrefixFinalOverheadEighths;
    r.budgetEighths = r.bodyEighths * kPrefixBudgetTenths / 10;

    // bh= as big-endian words, as the chaining value holds them.
    const int words = crypto::digestSize(a) / 4;
    quint32 want[8] = {};
    const bool comparable = expected.size() == words * 4;
    for (int i = 0; comparable && i < words; ++i)
        want[i] = qFromBigEndian<quint32>(expected.constData() + 4 * i);

    // Boundary k (0 <= k < n): k = 0 is the empty body, k >= 1 the end of line k. The end of
    // the whole body (k = n) is known not to match. A canonical body never ends in an empty
    // line, so the boundary after an empty line is no candidate, except after the lone CRLF
    // of an empty simple body (k = 1).
    const auto possible = [&](int k) { return k <= 1 || L[k - 1].outLength != 2; };
    const auto endOf
        = [&](int k) -> qint64 { return k == 0 ? 0 : L[k - 1].outOffset + L[k - 1].outLength; };

    // The budget pays for the pass (the blocks up to the last boundary examined), the
    // finalizations and the walks over the line table (whole blocks, rounded up once). A
    // table that with the body does not fit in the caches streams from memory: each line then
    // costs about three times as much.
    const qint64 budget = r.budgetEighths;
    const qint64 perLine = qint64(n) * qint64(sizeof(CanonLine)) + size > kPrefixCachedBytes
        ? kPrefixWalkEighthsFromMemory
        : kPrefixWalkEighths;
    const auto walkCostOf = [perLine](qint64 count) { return count * perLine; };
    const qint64 fullPass = size / 64 * 8;

    // 1. The run from the end, planned walking back over its own lines only: every boundary
    // from tailFrom on, as far back as the budget allows (its lines are walked again by the
    // pass). If it reaches the empty body every boundary is examined; otherwise it gets a quarter
    // of what is left after the pass and the rest goes to likely boundaries before it.
    int tailFrom = n, halfFrom = n, runCount = 0, halfCount = 0, visited = 0;
    qint64 tailFin = 0, halfFin = 0; // finalization blocks of the run
    bool everything = true;
    std::vector<int> seen[LikelyKinds]; // likely boundaries the plan walked over, latest first
    int seenBoundaries = 0;
    for (int k = n - 1; k >= 0; --k) {
        ++visited;
        if (!possible(k))
            continue;
        ++seenBoundaries;
        if (const Likely kind = k == 0 ? Blank : likelyAt(c, L, k); kind != Ordinary)
            seen[kind].push_back(k);
        const qint64 fin = finalCost(endOf(k));
        const qint64 extra = walkCostOf(2 * qint64(visited)) + tailFin + fin;
        if (fullPass + extra > budget) {
            everything = false;
            break;
        }
        tailFin += fin;
        tailFrom = k;
        ++runCount;
        if (extra * 4 <= budget - fullPass) {
            halfFrom = k;
            halfFin = tailFin;
            halfCount = runCount;
        }
    }
    if (!everything) {
        tailFrom = halfFrom;
        tailFin = halfFin;
        runCount = halfCount;
    }
    r.boundaries = seenBoundaries;
    const int planFrom = n - visited; // the first line the plan looked at
    const qint64 runLines = visited + (n - tailFrom); // planned, then walked by the pass
    const qint64 runPass = tailFrom < n ? fullPass : 0;

    // 2. The lines before the run, walked forward (the table streams) as far back as half of
    // what is left allows: boundaries counted and the latest likely ones of each kind kept
    // (rings of indices), no more than the other half could finish.
    const qint64 left = qMax<qint64>(0, budget - runPass - walkCostOf(runLines) - tailFin);
    const int windowFrom
        = everything ? planFrom : int(qMax<qint64>(0, qint64(planFrom) - left / 2 / perLine));
    const qsizetype cap = qsizetype(qMax<qint64>(
        0, (left - walkCostOf(planFrom - windowFrom)) / (8 + kPrefixFinalOverheadEighths)));
    std::vector<int> ring[LikelyKinds];
    qsizetype head[LikelyKinds] = {};
    for (int k = windowFrom; k < planFrom; ++k) {
        if (!possible(k))
            continue;
        ++r.boundaries;
        const Likely kind = k == 0 ? Blank : likelyAt(c, L, k);
        if (kind == Ordinary || cap == 0)
            continue;
        std::vector<int>& v = ring[kind];
        if (qsizetype(v.size()) < cap) {
            v.push_back(k);
        } else {
            v[size_t(head[kind])] = k;
            head[kind] = (head[kind] + 1) % cap;
        }
    }
    if (windowFrom > 0) {
        // Lines before the window were not looked at: each line end counts as a boundary.
        r.boundaries += windowFrom;
        r.exactCount = false;
    }
    r.linesWalked = runLines + (planFrom - windowFrom);
    const qint64 walkCost = walkCostOf(r.linesWalked);

    // Likely boundaries before the run, most likely kind first, latest first, while the
    // budget lasts (the pass reaches the latest one chosen).
    std::vector<int> chosen;
    qint64 pass = runPass, fins = tailFin;
    for (int kind = 0; kind < LikelyKinds; ++kind) {
        const std::vector<int>& v = ring[kind];
        const qsizetype m = qsizetype(v.size());
        const qsizetype ms = qsizetype(seen[kind].size());
        for (qsizetype i = 0; i < ms + m; ++i) {
            const qsizetype j = head[kind] - 1 - (i - ms);
            const int k = i < ms ? seen[kind][size_t(i)] : v[size_t(j < 0 ? j + m : j)];
            if (k >= tailFrom)
                continue;
            const qint64 end = endOf(k);
            const qint64 p = qMax(pass, end / 64 * 8);
            const qint64 fin = finalCost(end);
            if (p + walkCost + fins + fin > budget)
                continue;
            pass = p;
            fins += fin;
            chosen.push_back(k);
        }
    }
    r.likely = int(chosen.size());
    std::sort(chosen.begin(), chosen.end());
    for (int k = tailFrom; k < n; ++k)
        if (possible(k))
            chosen.push_back(k);
    r.tailFromLine = tailFrom < n ? tailFrom : -1;

    // The pass: the body hashed once, in whole blocks, up to each chosen boundary, where a
    // copy of the chaining value is finished. It stops at the match.
    ChainState st(a);
    qint64 compressed = 0; // whole blocks in st
    qint64 finals = 0;
    bool matched = false;
    for (const int k : chosen) {
        if (!comparable)
            break;
        const qint64 end = endOf(k);
        const qint64 whole = end / 64 * 64;
        if (whole > compressed) {
            st.blocks(c + compressed, whole - compressed);
            compressed = whole;
        }
        ++r.candidates;
        ++r.finalizations;
        finals += finalCost(end);
        if (st.finishEquals(st.chain(), c + whole, int(end - whole), end, want)) {
            r.matchLength = end;
            r.matchLines = k;
            matched = true;
            break;
        }
    }
    if (!comparable)
        r.likely = 0;

    r.bytesHashed = compressed;
    r.searchEighths = compressed / 64 * 8 + walkCost + finals;
    r.searchBlocks = (r.searchEighths + 7) / 8;
    r.stop = matched   ? PrefixSearch::Stop::Match
        : r.complete() ? PrefixSearch::Stop::Complete
                       : PrefixSearch::Stop::Budget;
    return r;
}

namespace {

// Whether relaxed canonicalization (RFC 6376 3.4.4) left `body` as it was but for empty
// lines at its end, so that its simple canonical form (3.4.3) is the same bytes: the body
// starts with the non-empty relaxed form and the rest is CRLFs only. One comparison instead
// of canonicalizing and hashing a large body again.
bool relaxedChangedNothing(QByteArrayView body, QByteArrayView relaxed)
{
    if (relaxed.isEmpty() || body.size() < relaxed.size() || body.first(relaxed.size()) != relaxed)
        return false;
    for (qsizetype i = relaxed.size(); i < body.size(); i += 2) {
        if (body.sliced(i).first(qMin<qsizetype>(2, body.size() - i)) != "\r\n")
            return false;
    }
    return true;
}

} // namespace

Finding investigateBody(const BodyEvidence& e)
{
    Finding f;
    f.step = Step(QStringLiteral("dkim.forensics"), Status::Info, tr("What changed in the body"),
        tr("The body hash differs from bh=. Mailscope looks for a prefix of the "
           "canonical body that matches bh= (content added after signing) and tries "
           "the usual transit changes, each undone and re-hashed."),
        QStringLiteral("RFC 6376 3.7"));
    const qint64 bodyOffset = e.message.bodyOffset();

    // 1. Prefix search (only meaningful without l=: with l= the signed length is declared).
    if (e.limit < 0) {
        const PrefixSearch ps = searchPrefix(e.algorithm, e.canonical, e.lines, e.expected);
        Step s(QStringLiteral("dkim.forensics.prefix"), Status::Info,
            tr("Prefix search at line boundaries"));
        s.addFact(tr("boundaries examined"),
            (ps.exactCount ? tr("%1 of %2") : tr("%1 of at most %2"))
                .arg(ps.candidates)
                .arg(ps.boundaries));
        s.addFact(tr("bytes hashed"), QString::number(ps.bytesHashed));
        s.addFact(tr("digest finalizations"), QString::number(ps.finalizations));
        s.addFact(tr("cost"),
            tr("%1 compression blocks of %2 allowed (one body hash: %3, and finishing it %4)")
                .arg(QString::number(double(ps.searchEighths) / 8, 'f', 1))
                .arg(QString::number(double(ps.budgetEighths) / 8, 'f', 1))
                .arg(ps.bodyBlocks)
                .arg(QString::number(double(kPrefixFinalOverheadEighths) / 8, 'f', 2)));
        s.addFact(tr("stopped"),
            ps.stop == PrefixSearch::Stop::Match ? tr("at the matching prefix")
                : ps.stop == PrefixSearch::Stop::Complete
                ? tr("every boundary examined")
                : tr("budget of %1x one body hash spent")
                      .arg(QString::number(double(kPrefixBudgetTenths) / 10, 'f', 1)));
        QString coverage;
        if (ps.stop == PrefixSearch::Stop::Complete) {
            coverage = tr("Every line boundary was examined: the body was hashed once and a "
                          "copy of the running digest finished at each boundary.");
        } else if (ps.stop == PrefixSearch::Stop::Match) {
            coverage = tr("The body was hashed once and a copy of the running digest finished "
                          "at %1 of %2 line boundaries; the search stopped at the match (no "
                          "other prefix can have the same hash).")
                           .arg(ps.candidates)
                           .arg(ps.boundaries);
        } else {
            coverage = tr("%1 of %2 line boundaries were examined: finishing the digest at all "
                          "of them would cost more than %4x one body hash (%3 compression "
                          "blocks).")
                           .arg(ps.candidates)
                           .arg(ps.boundaries)
                           .arg(QString::number(double(ps.budgetEighths) / 8, 'f', 1))
                           .arg(QString::number(double(kPrefixBudgetTenths) / 10, 'f', 1));
            QString choice;
            if (ps.tailFromLine >= 0)
                choice = tr("Every boundary from the end of line %1 on was examined (lists append "
                            "footers at the end), then %2 where a signed body most likely ended, "
                            "from the end back: before a signature separator (\"-- \") or a "
                            "\"__\" rule and after a MIME closing delimiter, then before empty "
                            "lines, then before other \"--\" lines (MIME boundaries).")
                             .arg(ps.tailFromLine)
                             .arg(ps.likely);
            else
                choice = tr("%1 boundaries where a signed body most likely ended were examined, "
                            "from the end back: before a signature separator (\"-- \") or a "
                            "\"__\" rule and after a MIME closing delimiter, then before empty "
                            "lines, then before other \"--\" lines (MIME boundaries).")
                             .arg(ps.likely);
            if (!ps.exactCount)
                choice += QLatin1Char(' ')
                    + tr("The earliest lines were not looked at (looking at every line would "
                         "cost more than the budget): each of their line ends is counted as a "
                         "boundary, so the total is an upper bound.");
            coverage += QLatin1Char(' ') + choice;
        }
        if (ps.matchLength >= 0) {
            const qint64 addedBytes = e.canonical.size() - ps.matchLength;
            const int totalLines = int(e.lines.size());
            const int addedLines = totalLines - ps.matchLines;
            f.proven = true;
            f.reason = QStringLiteral("body-appended");
            f.transit = QStringLiteral("prefix");
            f.text = tr("The signed body ends at line %1; %2 lines / %3 bytes were added after "
                        "signing (typical of a mailing-list footer), starting with \"%4\".")
                         .arg(ps.matchLines)
                         .arg(addedLines)
                         .arg(addedBytes)
                         .arg(preview(QByteArrayView(e.canonical).sliced(ps.matchLength)));
            s.status = Status::Fail;
            s.title = tr("Signed body ends at line %1: %2 lines added after signing")
                          .arg(ps.matchLines)
                          .arg(addedLines);
            s.detail = f.text + QLatin1Char(' ') + coverage;
            s.addFact(tr("signed lines"), QString::number(ps.matchLines));
            s.addFact(tr("added lines"), QString::number(addedLines));
            s.addFact(tr("added bytes"), QString::number(addedBytes));
            s.addSpan(e.bodySource, ps.matchLength, addedBytes);
            if (ps.matchLines < e.lines.size()) {
                const CanonLine& first = e.lines[ps.matchLines];
                const CanonLine& last = e.lines.last();
                s.addSpan(QStringLiteral("message"), bodyOffset + first.inOffset,
                    last.inOffset + last.inLength - first.inOffset);
            }
            f.step.add(s);
            f.step.status = Status::Fail;
            f.step.detail = f.text;
            return f;
        }
        s.detail
            = (ps.complete()
                      ? tr("No prefix of the canonical body ending at a line boundary has the "
                           "hash in bh=: the change is not only an addition at the end.")
                      : tr("None of the examined prefixes of the canonical body has the hash in "
                           "bh=."))
            + QLatin1Char(' ') + coverage;
        f.step.add(s);
    }

    // 2. Transit changes, each undone and re-hashed.
    struct Hypothesis {
        QString id;
        QString title;
        QString text;
        bool match = false; // the hash with the change undone is bh=
    };
    const QByteArrayView body = e.message.body();
    QList<Hypothesis> hs;
    auto add
        = [&](const QString& id, const QString& title, const QString& text, const QByteArray& h) {
              hs.append({ id, title, text, h == e.expected });
          };
    // CR CR LF first: undoing LF-to-CRLF on it also gives a match, less precisely worded.
    if (indexOfCr(body, "\r\r\n") >= 0)
        add(QStringLiteral("crcrlf"), tr("CR doubled before line ends"),
            tr("A relay turned CRLF into CR CR LF."),
            hashBody(e.canon, e.algorithm, replaceAll(body, "\r\r\n", "\r\n"), e.limit));
    if (indexOfCr(body, "\r\n") >= 0)
        add(QStringLiteral("crlf-as-lf"), tr("Line ends converted from LF to CRLF"),
            tr("The signer hashed the body with bare LF line ends; a relay converted them to "
               "CRLF."),
            hashBody(e.canon, e.algorithm, replaceAll(body, "\r\n", "\n"), e.limit));
    if (e.message.isNormalized()) {
        const QByteArray& orig = e.message.original();
        const qint64 ob = e.message.originalOffset(bodyOffset);
        if (ob >= 0 && ob <= orig.size())
            add(QStringLiteral("original-line-ends"), tr("The file's own line ends"),
                tr("The file on disk does not use CRLF; the body matches bh= when hashed with "
                   "its own line ends."),
                hashBody(e.canon, e.algorithm, QByteArrayView(orig).sliced(ob), e.limit));
    }
    if (e.canon == Canon::Simple)
        add(QStringLiteral("trailing-whitespace"), tr("Trailing whitespace added"),
            tr("A relay added spaces or tabs at the end of lines."),
            hashBody(e.canon, e.algorithm, stripTrailingWsp(body), e.limit));
    {
        // Both from one pass where they can be: the canonical body without its final CRLF,
        // then (simple) the whole of it with one more CRLF, without copying the body.
        const QByteArrayView canonical(e.canonical);
        crypto::Digest d(e.algorithm);
        qint64 hashed = -1; // the prefix of canonical in d
        if (canonical.endsWith("\r\n")) {
            QByteArrayView c = canonical.chopped(2);
            if (e.limit >= 0 && e.limit < c.size())
                c = c.first(e.limit);
            d.update(c);
            hashed = c.size();
            add(QStringLiteral("final-newline-added"), tr("Final line end added"),
                tr("The body was signed without its final CRLF, which was added later."),
                d.result());
        }
        if (e.canon == Canon::Simple) {
            if (hashed != canonical.size() - 2) {
                d.reset();
                hashed = 0;
            }
            d.update(canonical.sliced(hashed));
            d.update("\r\n");
            add(QStringLiteral("final-newline-removed"), tr("Final empty line removed"),
                tr("The signer hashed an empty line at the end of the body that was removed "
                   "later."),
                d.result());
        }
    }
    if (body.startsWith("..") || indexOfCr(body, "\r\n..") >= 0)
        add(QStringLiteral("dot-stuffing"), tr("SMTP dot-stuffing not reversed"),
            tr("Lines starting with \".\" kept the extra dot SMTP adds in transit (RFC 5321 "
               "4.5.2)."),
            hashBody(e.canon, e.algorithm, unstuffDots(body), e.limit));
    const Canon other = e.canon == Canon::Simple ? Canon::Relaxed : Canon::Simple;
    if (other == Canon::Relaxed)
        add(QStringLiteral("whitespace-changed"), tr("Whitespace inside lines changed"),
            tr("Only whitespace differs from what was signed: with runs of spaces and tabs "
               "collapsed and line-end whitespace dropped (relaxed canonicalization) the body "
               "matches bh=. Spaces were added or changed after signing (for example a double "
               "space), or the signer used relaxed although c= says simple."),
            hashBody(other, e.algorithm, body, e.limit));
    else if (relaxedChangedNothing(body, e.canonical))
        // The simple canonical body is the relaxed one, whose hash did not match bh=: no
        // need to hash the body once more to know.
        hs.append({ QStringLiteral("other-canonicalization"),
            tr("Body canonicalization simple instead of relaxed"),
            tr("The signer hashed the body with simple canonicalization although c= says "
               "relaxed."),
            false });
    else
        add(QStringLiteral("other-canonicalization"),
            tr("Body canonicalization simple instead of relaxed"),
            tr("The signer hashed the body with simple canonicalization although c= says "
               "relaxed."),
            hashBody(other, e.algorithm, body, e.limit));

    for (const Hypothesis& h : std::as_const(hs)) {
        const bool match = h.match;
        Step s(QStringLiteral("dkim.forensics.transit"), match ? Status::Fail : Status::Info,
            match ? tr("Proven: %1").arg(h.title) : tr("Not this: %1").arg(h.title), h.text);
        s.addFact(QStringLiteral("hypothesis"), h.id);
        f.step.add(s);
        if (match && !f.proven) {
            f.proven = true;
            f.reason = QStringLiteral("body-modified");
            f.transit = h.id;
            f.text = tr("The body was changed after signing. %1 With that change undone the "
                        "body hash matches bh=.")
                         .arg(h.text);
        }
    }
    if (f.proven) {
        f.step.status = Status::Fail;
        f.step.detail = f.text;
    } else {
        f.reason = QStringLiteral("body-modified");
        f.text = tr("The body changed after signing. It is not an addition at the end and none "
                    "of the usual transit changes explains it; compare with the sent copy to "
                    "see the difference.");
        f.step.detail += QLatin1Char(' ') + f.text;
    }
    return f;
}

namespace {

// One intermediary edit undone: a header list transformed back to what may have been signed.
struct Edit {
    QString id; // stable: "subject-tag", "from-rewritten", ...
    QString category; // edits of one category are alternatives, never combined
    QString title, text;
    QList<Span> spans;
    std::function<QList<HeaderField>(const QList<HeaderField>&)> apply;
};

// The display name of a From rewritten for DMARC ("Alice Example via List" → "Alice
// Example"), empty when the name has no " via ".
QByteArray viaName(QByteArrayView fromValue)
{
    static const QRegularExpression via(QStringLiteral("^\\s*\"?(.*?)\\s+via\\s+[^<\"]*\"?\\s*<"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = via.match(QString::fromUtf8(fromValue));
    return m.hasMatch() ? m.captured(1).trimmed().toUtf8() : QByteArray();
}

// The addr-spec in a header value: inside the last <...>, or the value trimmed.
QByteArray addressOf(QByteArrayView value)
{
    const QByteArray v = value.toByteArray().replace("\r\n", "").trimmed();
    const qsizetype lt = v.lastIndexOf('<');
    const qsizetype gt = v.lastIndexOf('>');
    if (lt >= 0 && gt > lt)
        return v.mid(lt + 1, gt - lt - 1).trimmed();
    return v;
}

} // namespace

Finding investigateHeader(const HeaderEvidence& e)
{
    Finding f;
    f.reason = QStringLiteral("header-modified");
    f.step = Step(QStringLiteral("dkim.forensics"), Status::Info, tr("What changed in the header"),
        tr("The signature over the header fields does not verify. Mailscope undoes the usual "
           "intermediary edits, one at a time and then together, and checks each against "
           "the real b= with the real key."),
        QStringLiteral("RFC 6376 6.1.3"));
    const QList<HeaderField>& headers = e.message.headers();
    if (e.signatureField < 0 || e.signatureField >= headers.size() || e.key.isNull())
        return f;
    const QByteArray sigField = emptyTagValue(headers[e.signatureField].raw, "b");

    // Owns replacement bytes the modified fields point into; std::list never moves them.
    auto keep = std::make_shared<std::list<QByteArray>>();
    auto replaced = [keep](QList<HeaderField> list, int index, const QByteArray& raw) {
        keep->push_back(raw);
        const QByteArray& b = keep->back();
        HeaderField& hf = list[index];
        const qsizetype colon = b.indexOf(':');
        hf.raw = QByteArrayView(b);
        hf.name = QByteArrayView(b).first(colon < 0 ? 0 : colon).trimmed();
        hf.value = colon < 0 ? QByteArrayView() : QByteArrayView(b).sliced(colon + 1);
        if (hf.value.endsWith("\r\n"))
            hf.value.chop(2);
        return list;
    };
    // The field with its value replaced, the name and colon as written.
    auto withValue = [](const HeaderField& hf, QByteArrayView value) {
        return hf.raw.first(hf.value.data() - hf.raw.data()).toByteArray() + value.toByteArray()
            + "\r\n";
    };
    int budget = 96; // each try is one signature verification: cheap, but bounded
    int verifications = 0;
    // RSA: the hash the signer signed, recovered once; every try is then a hash comparison.
    const bool rsa = e.key.type() == crypto::KeyType::Rsa;
    const QByteArray signedHash = !rsa ? QByteArray()
        : !e.signedHash.isEmpty()      ? e.signedHash
                                       : e.key.recoverSignedHash(e.algorithm, e.signature);
    auto verifies = [&](const QList<HeaderField>& list) {
        ++verifications;
        const auto sel = selectHeaders(list, e.names, e.signatureField);
        const HeaderBlock hb = buildHeaderBlock(list, sel, e.canon, sigField);
        const QByteArray hash = crypto::Digest::hash(e.algorithm, hb.bytes);
        if (rsa)
            return !signedHash.isEmpty() && hash == signedHash;
        return e.key.verifyHash(e.algorithm, hash, e.signature);
    };
    auto signedName = [&](QByteArrayView n) {
        for (const QByteArray& s : e.names) {
            if (s.compare(n, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    auto spanOf = [](const HeaderField& hf) {
        return QList<Span> { Span { QStringLiteral("message"), hf.offset, hf.raw.size() } };
    };
    // The bottom-most instance: the one h= takes first.
    auto lastIndexOf = [&](const char* name) {
        for (int i = int(headers.size()) - 1; i >= 0; --i) {
            if (i != e.signatureField && headers[i].nameIs(name))
                return i;
        }
        return -1;
    };
    QList<Edit> edits;

    // [list] Subject tag removed: "[list] x", "Re: [list] x", "[my list] x".
    static const QRegularExpression tag(
        QStringLiteral("^(\\s*(?:(?:re|fwd?|aw|sv|antw):\\s*)*)\\[[^\\]\\r\\n]{1,64}\\]\\s?"),
        QRegularExpression::CaseInsensitiveOption);
    if (signedName("subject")) {
        for (int i = 0; i < headers.size(); ++i) {
            const HeaderField& hf = headers[i];
            if (!hf.nameIs("Subject"))
                continue;
            const QString v = QString::fromUtf8(hf.value);
            const auto m = tag.match(v);
            if (!m.hasMatch())
                continue;
            const QString stripped = m.captured(1) + v.mid(m.capturedEnd());
            const QByteArray raw = withValue(hf, stripped.toUtf8());
            const QString listTag
                = v.mid(m.capturedStart(), m.capturedLength()).mid(m.captured(1).size()).trimmed();
            edits.append({ QStringLiteral("subject-tag"), QStringLiteral("subject"),
                tr("A list tag was added to the Subject"),
                tr("A mailing list prefixed the Subject with \"%1\".").arg(listTag), spanOf(hf),
                [=](const QList<HeaderField>& l) { return replaced(l, i, raw); } });
        }
    }

    // From rewritten (DMARC mitigation: "Alice via List <list@...>"), restored from
    // X-Original-From or Reply-To: the value as it is, or the name before " via " with
    // the address of that field.
    const int fromIndex = lastIndexOf("From");
    if (fromIndex >= 0 && signedName("from")) {
        const HeaderField& from = headers[fromIndex];
        const QByteArray name = viaName(from.value);
        for (const char* source : { "X-Original-From", "Reply-To" }) {
            for (const HeaderField& hf : headers) {
                if (!hf.nameIs(source))
                    continue;
                QList<QByteArray> values { hf.value.toByteArray() };
                if (!name.isEmpty()) {
                    const QByteArray addr = addressOf(hf.value);
                    values << " " + name + " <" + addr + ">";
                    values << " \"" + name + "\" <" + addr + ">";
                }
                for (const QByteArray& v : std::as_const(values)) {
                    const QByteArray raw = withValue(from, v);
                    edits.append({ QStringLiteral("from-rewritten"), QStringLiteral("from"),
                        tr("From rewritten (restored from %1)").arg(QString::fromLatin1(source)),
                        tr("An intermediary rewrote From (for example a mailing list protecting "
                           "itself from DMARC); the original was \"%1\", recovered from %2.")
                            .arg(QString::fromUtf8(v.trimmed()), QString::fromLatin1(source)),
                        spanOf(from),
                        [=](const QList<HeaderField>& l) { return replaced(l, fromIndex, raw); } });
                }
            }
        }
    }

    // To or Cc rewritten by a list or forwarder, restored from X-Original-To/-Cc.
    for (const auto& [target, source, id] : { std::tuple { "To", "X-Original-To", "to-rewritten" },
             std::tuple { "Cc", "X-Original-Cc", "cc-rewritten" } }) {
        const int ti = lastIndexOf(target);
        if (ti < 0 || !signedName(target))
            continue;
        const HeaderField& t = headers[ti];
        for (const HeaderField& hf : headers) {
            if (!hf.nameIs(source))
                continue;
            const QByteArray raw = withValue(t, hf.value);
            edits.append({ QLatin1String(id), QLatin1String(target),
                tr("%1 rewritten (restored from %2)")
                    .arg(QLatin1String(target), QLatin1String(source)),
                tr("A list or forwarder replaced %1; the original was \"%2\", kept in %3.")
                    .arg(QLatin1String(target), QString::fromUtf8(hf.value.trimmed()),
                        QLatin1String(source)),
                spanOf(t), [=](const QList<HeaderField>& l) { return replaced(l, ti, raw); } });
        }
    }

    // Re-folding (only simple header canonicalization sees folding).
    if (e.canon == Canon::Simple) {
        QList<int> folded;
        for (int i = 0; i < headers.size(); ++i) {
            if (i != e.signatureField && signedName(headers[i].name)
                && headers[i].raw.first(headers[i].raw.size() - 2).contains("\r\n"))
                folded.append(i);
        }
        if (!folded.isEmpty()) {
            QList<Span> spans;
            for (int i : std::as_const(folded))
                spans += spanOf(headers[i]);
            edits.append({ QStringLiteral("refolded"), QStringLiteral("folding"),
                tr("Header fields re-folded"),
                tr("A relay folded long header fields onto several lines; with simple "
                   "canonicalization every byte of folding counts."),
                spans, [=](const QList<HeaderField>& l) {
                    QList<HeaderField> out = l;
                    for (int i : folded) {
                        QByteArray raw = l[i].raw.toByteArray();
                        raw.chop(2);
                        raw.replace("\r\n", "");
                        out = replaced(out, i, raw + "\r\n");
                    }
                    return out;
                } });
        }
    }

    // Added or reordered instances of signed names.
    QHash<QByteArray, QList<int>> instances;
    for (int i = 0; i < headers.size(); ++i) {
        if (i != e.signatureField && signedName(headers[i].name))
            instances[headers[i].name.toByteArray().toLower()].append(i);
    }
    for (auto it = instances.cbegin(); it != instances.cend(); ++it) {
        const QList<int>& idx = it.value();
        if (idx.size() < 2)
            continue;
        for (int i : idx) {
            const QString n = QString::fromUtf8(headers[i].name);
            edits.append({ QStringLiteral("instance-added"), QStringLiteral("instances"),
                tr("A %1 field was added after signing").arg(n),
                tr("The %1 field at this position was not there when the message was signed.")
                    .arg(n),
                spanOf(headers[i]), [=](const QList<HeaderField>& l) {
                    QList<HeaderField> out = l;
                    out[i].name = "X-Mailscope-Removed"; // never matches a signed name
                    return out;
                } });
        }
        for (qsizetype k = 0; k + 1 < idx.size(); ++k) {
            const int a = idx[k], b = idx[k + 1];
            const QString n = QString::fromUtf8(headers[a].name);
            edits.append({ QStringLiteral("instance-reordered"), QStringLiteral("instances"),
                tr("Two %1 fields were reordered").arg(n),
                tr("Two %1 fields swapped places after signing; the signature takes instances "
                   "bottom-up, so their order counts.")
                    .arg(n),
                spanOf(headers[a]) + spanOf(headers[b]), [=](const QList<HeaderField>& l) {
                    QList<HeaderField> out = l;
                    out.swapItemsAt(a, b);
                    return out;
                } });
        }
    }

    struct Tried {
        QString id, title, text;
        QList<Span> spans;
        bool match;
    };
    QList<Tried> tried;
    // Singles first; alternatives of one edit (several ways to restore From) are one entry.
    QHash<QString, qsizetype> entryOf; // id + title → index in tried
    for (const Edit& ed : std::as_const(edits)) {
        if (budget <= 0)
            break;
        --budget;
        const bool ok = verifies(ed.apply(headers));
        const QString key = ed.id + QLatin1Char('\n') + ed.title;
        const auto it = entryOf.constFind(key);
        if (it != entryOf.cend() && !tried[it.value()].match) {
            if (ok)
                tried[it.value()] = { ed.id, ed.title, ed.text, ed.spans, true };
        } else if (it == entryOf.cend()) {
            entryOf.insert(key, tried.size());
            tried.append({ ed.id, ed.title, ed.text, ed.spans, ok });
        }
    }
    // Lists often make several edits at once (tag the Subject, rewrite From, ...): when no
    // single edit explains the change, pairs and triples of edits of different kinds.
    bool anySingle = false;
    for (const Tried& t : std::as_const(tried))
        anySingle |= t.match;
    if (!anySingle) {
        std::function<void(qsizetype, QList<const Edit*>&)> combine
            = [&](qsizetype from, QList<const Edit*>& chosen) {
                  if (chosen.size() >= 2 && budget > 0) {
                      --budget;
                      QList<HeaderField> l = headers;
                      for (const Edit* ed : std::as_const(chosen))
                          l = ed->apply(l);
                      if (verifies(l)) {
                          QStringList ids, titles, texts;
                          QList<Span> spans;
                          for (const Edit* ed : std::as_const(chosen)) {
                              ids << ed->id;
                              titles << ed->title;
                              texts << ed->text;
                              spans += ed->spans;
                          }
                          tried.append(
                              { ids.join(QLatin1Char('+')), titles.join(QStringLiteral("; ")),
                                  texts.join(QLatin1Char(' ')), spans, true });
                          budget = 0; // proven: stop
                          return;
                      }
                  }
                  if (chosen.size() >= 3)
                      return;
                  for (qsizetype i = from; i < edits.size() && budget > 0; ++i) {
                      bool clash = false;
                      for (const Edit* ed : std::as_const(chosen))
                          clash |= ed->category == edits[i].category;
                      if (clash)
                          continue;
                      chosen.append(&edits[i]);
                      combine(i + 1, chosen);
                      chosen.removeLast();
                  }
              };
        QList<const Edit*> chosen;
        combine(0, chosen);
    }

    for (const Tried& t : std::as_const(tried)) {
        Step s(QStringLiteral("dkim.forensics.header"), t.match ? Status::Fail : Status::Info,
            t.match ? tr("Proven: %1").arg(t.title) : tr("Not this: %1").arg(t.title), t.text);
        s.spans = t.spans;
        s.addFact(QStringLiteral("hypothesis"), t.id);
        f.step.add(s);
        if (t.match && !f.proven) {
            f.proven = true;
            f.transit = t.id;
            f.text
                = tr("%1: %2 With that edit undone the signature verifies.").arg(t.title, t.text);
        }
    }
    f.step.addFact(tr("signature checks"), QString::number(verifications));
    if (f.proven) {
        f.step.status = Status::Fail;
        f.step.detail = f.text;
    } else {
        f.text = tr("A signed header field changed after signing (or the key does not match "
                    "the signature); none of the usual intermediary edits explains it.");
        f.step.detail += QLatin1Char(' ') + f.text;
    }
    return f;
}

} // namespace ms::dkim
