#include "dkim/Forensics.h"

#include "dkim/TagList.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <list>

namespace ms::dkim {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("Dkim", s);
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
    QByteArray canon = canonBody(c, body);
    if (limit >= 0 && limit < canon.size())
        canon.truncate(limit);
    return crypto::Digest::hash(a, canon);
}

QByteArray replaceAll(QByteArrayView in, QByteArrayView from, QByteArrayView to)
{
    QByteArray s = in.toByteArray();
    s.replace(from, to);
    return s;
}

QByteArray stripTrailingWsp(QByteArrayView body)
{
    QByteArray out;
    out.reserve(body.size());
    for (const QByteArray& l : body.toByteArray().split('\n')) {
        QByteArray line = l;
        const bool cr = line.endsWith('\r');
        if (cr)
            line.chop(1);
        while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t'))
            line.chop(1);
        out.append(line);
        if (cr)
            out.append('\r');
        out.append('\n');
    }
    out.chop(1); // split() added one piece after the last '\n'
    return out;
}

QByteArray unstuffDots(QByteArrayView body)
{
    QByteArray out = body.toByteArray();
    if (out.startsWith(".."))
        out.remove(0, 1);
    out.replace("\r\n..", "\r\n.");
    return out;
}

} // namespace

PrefixSearch searchPrefix(crypto::DigestAlgorithm a, const QByteArray& canonical,
    const QList<CanonLine>& lines, const QByteArray& expected)
{
    PrefixSearch r;
    // Candidate ends: every line boundary except the whole body (already known not to
    // match). A canonical body never ends in an empty line, so boundaries after an empty
    // line are skipped, except the lone CRLF of an empty simple body. Zero is a candidate
    // (the signed body was empty, relaxed).
    QList<qint64> ends;
    QList<int> lineCount;
    ends.append(0);
    lineCount.append(0);
    for (int i = 0; i < lines.size(); ++i) {
        const CanonLine& l = lines[i];
        const qint64 end = l.outOffset + l.outLength;
        if (end >= canonical.size())
            break;
        if (l.outLength == 2 && i > 0)
            continue;
        ends.append(end);
        lineCount.append(i + 1);
    }
    // Bound the finalizations to about half a body hash (a finalization costs at most two
    // 64-byte blocks): keep boundaries before separator-looking lines ("--" MIME boundaries
    // and signature/footer rules, "__") and the last ones (footers are appended at the end).
    const qsizetype budget = qMax<qsizetype>(256, canonical.size() / 256);
    QList<int> chosen;
    if (ends.size() <= budget) {
        for (int i = 0; i < ends.size(); ++i)
            chosen.append(i);
    } else {
        QList<bool> take(ends.size(), false);
        qsizetype n = 0;
        for (int i = 0; i < ends.size() && n < budget / 2; ++i) {
            const QByteArrayView next = QByteArrayView(canonical).sliced(ends[i]);
            if (next.startsWith("--") || next.startsWith("__")) {
                take[i] = true;
                ++n;
            }
        }
        for (qsizetype i = ends.size() - 1; i >= 0 && n < budget; --i) {
            if (!take[i]) {
                take[i] = true;
                ++n;
            }
        }
        take[0] = true;
        for (int i = 0; i < ends.size(); ++i) {
            if (take[i])
                chosen.append(i);
        }
    }
    r.candidates = int(chosen.size());
    crypto::Digest d(a);
    qint64 pos = 0;
    for (int idx : std::as_const(chosen)) {
        const qint64 end = ends[idx];
        d.update(QByteArrayView(canonical).sliced(pos, end - pos));
        pos = end;
        ++r.finalizations;
        if (d.result() == expected) {
            // Keep going: a longer match is the better explanation (there is at most one
            // in practice; digests do not collide).
            r.matchLength = end;
            r.matchLines = lineCount[idx];
        }
    }
    r.bytesHashed = pos;
    return r;
}

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
        s.addFact(tr("boundaries tried"), QString::number(ps.candidates));
        s.addFact(tr("bytes hashed"), QString::number(ps.bytesHashed));
        s.addFact(tr("digest finalizations"), QString::number(ps.finalizations));
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
            s.detail = f.text;
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
        s.detail = tr("No prefix of the canonical body ending at a line boundary has the "
                      "hash in bh=: the change is not only an addition at the end.");
        f.step.add(s);
    }

    // 2. Transit changes, each undone and re-hashed.
    struct Hypothesis {
        QString id;
        QString title;
        QString text;
        QByteArray hash;
    };
    const QByteArrayView body = e.message.body();
    QList<Hypothesis> hs;
    auto add
        = [&](const QString& id, const QString& title, const QString& text, const QByteArray& h) {
              hs.append({ id, title, text, h });
          };
    if (body.contains("\r\n"))
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
    if (body.contains("\r\r\n"))
        add(QStringLiteral("crcrlf"), tr("CR doubled before line ends"),
            tr("A relay turned CRLF into CR CR LF."),
            hashBody(e.canon, e.algorithm, replaceAll(body, "\r\r\n", "\r\n"), e.limit));
    if (e.canon == Canon::Simple)
        add(QStringLiteral("trailing-whitespace"), tr("Trailing whitespace added"),
            tr("A relay added spaces or tabs at the end of lines."),
            hashBody(e.canon, e.algorithm, stripTrailingWsp(body), e.limit));
    {
        QByteArray c = e.canonical;
        if (c.endsWith("\r\n")) {
            c.chop(2);
            if (e.limit >= 0 && e.limit < c.size())
                c.truncate(e.limit);
            add(QStringLiteral("final-newline-added"), tr("Final line end added"),
                tr("The body was signed without its final CRLF, which was added later."),
                crypto::Digest::hash(e.algorithm, c));
        }
        if (e.canon == Canon::Simple)
            add(QStringLiteral("final-newline-removed"), tr("Final empty line removed"),
                tr("The signer hashed an empty line at the end of the body that was removed "
                   "later."),
                crypto::Digest::hash(e.algorithm, e.canonical + "\r\n"));
    }
    if (body.startsWith("..") || body.contains("\r\n.."))
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
    else
        add(QStringLiteral("other-canonicalization"),
            tr("Body canonicalization simple instead of relaxed"),
            tr("The signer hashed the body with simple canonicalization although c= says "
               "relaxed."),
            hashBody(other, e.algorithm, body, e.limit));

    for (const Hypothesis& h : std::as_const(hs)) {
        const bool match = h.hash == e.expected;
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

Finding investigateHeader(const HeaderEvidence& e)
{
    Finding f;
    f.reason = QStringLiteral("header-modified");
    f.step = Step(QStringLiteral("dkim.forensics"), Status::Info, tr("What changed in the header"),
        tr("The body is intact but the signature over the header fields does not "
           "verify. Mailscope undoes the usual intermediary edits one at a time and "
           "checks each against the real b= with the real key."),
        QStringLiteral("RFC 6376 6.1.3"));
    const QList<HeaderField>& headers = e.message.headers();
    if (e.signatureField < 0 || e.signatureField >= headers.size() || e.key.isNull())
        return f;
    const QByteArray sigField = emptyTagValue(headers[e.signatureField].raw, "b");

    std::list<QByteArray> keep; // owns replacement bytes the modified fields point into
    auto replaced = [&](QList<HeaderField> list, int index, const QByteArray& raw) {
        keep.push_back(raw);
        const QByteArray& b = keep.back();
        HeaderField& hf = list[index];
        const qsizetype colon = b.indexOf(':');
        hf.raw = QByteArrayView(b);
        hf.name = QByteArrayView(b).first(colon < 0 ? 0 : colon).trimmed();
        hf.value = colon < 0 ? QByteArrayView() : QByteArrayView(b).sliced(colon + 1);
        if (hf.value.endsWith("\r\n"))
            hf.value.chop(2);
        return list;
    };
    auto verifies = [&](const QList<HeaderField>& list, int exclude) {
        const auto sel = selectHeaders(list, e.names, exclude);
        const HeaderBlock hb = buildHeaderBlock(list, sel, e.canon, sigField);
        return e.key.verifyHash(
            e.algorithm, crypto::Digest::hash(e.algorithm, hb.bytes), e.signature);
    };
    auto signedName = [&](QByteArrayView n) {
        for (const QByteArray& s : e.names) {
            if (s.compare(n, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    struct Tried {
        QString id, title, text;
        QList<Span> spans;
        bool match;
    };
    QList<Tried> tried;
    auto record = [&](const QString& id, const QString& title, const QString& text,
                      const HeaderField& hf, bool match) {
        tried.append({ id, title, text,
            { Span { QStringLiteral("message"), hf.offset, hf.raw.size() } }, match });
    };
    int budget = 64; // hypotheses are cheap (one verify each) but bounded

    // [list] Subject tag removed.
    static const QRegularExpression tag(
        QStringLiteral("^(\\s*(?:(?:re|fwd?|aw):\\s*)*)\\[[^\\]]{1,64}\\]\\s?"),
        QRegularExpression::CaseInsensitiveOption);
    for (int i = 0; i < headers.size() && budget > 0; ++i) {
        const HeaderField& hf = headers[i];
        if (!hf.nameIs("Subject") || !signedName("subject"))
            continue;
        const QString v = QString::fromUtf8(hf.value);
        const auto m = tag.match(v);
        if (!m.hasMatch())
            continue;
        const QString stripped = m.captured(1) + v.mid(m.capturedEnd());
        const QByteArray raw = hf.raw.first(hf.value.data() - hf.raw.data()).toByteArray()
            + stripped.toUtf8() + "\r\n";
        --budget;
        const bool ok = verifies(replaced(headers, i, raw), e.signatureField);
        record(QStringLiteral("subject-tag"), tr("A list tag was added to the Subject"),
            tr("A mailing list prefixed the Subject with \"%1\".")
                .arg(v.mid(m.capturedStart(), m.capturedLength()).trimmed()),
            hf, ok);
    }
    // From rewritten (DMARC mitigation); restore it from X-Original-From or Reply-To.
    const HeaderField* from = nullptr;
    int fromIndex = -1;
    for (int i = int(headers.size()) - 1; i >= 0; --i) {
        if (headers[i].nameIs("From")) {
            from = &headers[i];
            fromIndex = i;
            break;
        }
    }
    if (from) {
        for (const char* source : { "X-Original-From", "Reply-To" }) {
            for (const HeaderField& hf : headers) {
                if (!hf.nameIs(source) || budget <= 0)
                    continue;
                --budget;
                const QByteArray prefix
                    = from->raw.first(from->value.data() - from->raw.data()).toByteArray();
                const bool ok = verifies(
                    replaced(headers, fromIndex, prefix + hf.value.toByteArray() + "\r\n"),
                    e.signatureField);
                record(QStringLiteral("from-rewritten"),
                    tr("From rewritten (restored from %1)").arg(QString::fromLatin1(source)),
                    tr("An intermediary rewrote From; the original was \"%1\" (kept in %2).")
                        .arg(QString::fromUtf8(hf.value.trimmed()), QString::fromLatin1(source)),
                    *from, ok);
            }
        }
    }
    // Re-folding (only simple header canonicalization sees folding).
    if (e.canon == Canon::Simple) {
        QList<HeaderField> unfolded = headers;
        bool any = false;
        for (int i = 0; i < headers.size(); ++i) {
            if (i == e.signatureField
                || !headers[i].raw.first(headers[i].raw.size() - 2).contains("\r\n"))
                continue;
            QByteArray raw = headers[i].raw.toByteArray();
            raw.chop(2);
            raw.replace("\r\n", "");
            unfolded = replaced(unfolded, i, raw + "\r\n");
            any = true;
        }
        if (any && budget-- > 0) {
            const bool ok = verifies(unfolded, e.signatureField);
            tried.append({ QStringLiteral("refolded"), tr("Header fields re-folded"),
                tr("A relay folded long header fields onto several lines; with simple "
                   "canonicalization every byte of folding counts."),
                {}, ok });
        }
    }
    // Added or reordered instances of signed names: leave one instance out at a time.
    for (int i = 0; i < headers.size() && budget > 0; ++i) {
        if (i == e.signatureField || !signedName(headers[i].name))
            continue;
        int count = 0;
        for (const HeaderField& hf : headers)
            count += hf.nameIs(headers[i].name) ? 1 : 0;
        if (count < 2)
            continue;
        --budget;
        QList<HeaderField> without = headers;
        const QByteArray n = headers[i].name.toByteArray();
        without[i].name = "X-Mailscope-Removed"; // never matches a signed name
        const bool ok = verifies(without, e.signatureField);
        record(QStringLiteral("instance-added"),
            tr("A %1 field was added after signing").arg(QString::fromLatin1(n)),
            tr("The %1 field at this position was not there when the message was signed.")
                .arg(QString::fromLatin1(n)),
            headers[i], ok);
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
