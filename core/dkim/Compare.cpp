#include "dkim/Dkim.h"
#include "dkim/TagList.h"
#include "trace/Translate.h"

#include <QCoreApplication>

#include <vector>

namespace ms::dkim {

namespace {

QString tr(const char* s)
{
    return ms::translate("Dkim", s);
}

QList<QByteArray> splitLines(const QByteArray& s)
{
    QList<QByteArray> out = s.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    for (QByteArray& l : out) {
        if (l.endsWith('\r'))
            l.chop(1);
    }
    return out;
}

struct SigId {
    int fieldIndex;
    QByteArray d, s, b;
};

QList<SigId> signatures(const Message& m)
{
    QList<SigId> out;
    for (const HeaderField& f : m.headers()) {
        if (!f.nameIs("DKIM-Signature"))
            continue;
        const TagList t = TagList::parse(f.value);
        QByteArray b;
        for (char c : t.value("b"))
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                b.append(c);
        out.append({ f.index, t.value("d").toLower(), t.value("s"), b });
    }
    return out;
}

} // namespace

QStringList diffLines(const QByteArray& a, const QByteArray& b, int maxLines)
{
    const QList<QByteArray> x = splitLines(a), y = splitLines(b);
    QStringList out;
    // Common prefix and suffix first, then LCS on the (bounded) middle.
    qsizetype pre = 0;
    while (pre < x.size() && pre < y.size() && x[pre] == y[pre])
        ++pre;
    qsizetype suf = 0;
    while (suf < x.size() - pre && suf < y.size() - pre
        && x[x.size() - 1 - suf] == y[y.size() - 1 - suf])
        ++suf;
    for (qsizetype i = 0; i < pre; ++i)
        out << QStringLiteral("  ") + QString::fromUtf8(x[i]);
    const qsizetype n = x.size() - pre - suf, m = y.size() - pre - suf;
    if (n * m > qsizetype(maxLines) * maxLines) {
        for (qsizetype i = 0; i < n; ++i)
            out << QStringLiteral("- ") + QString::fromUtf8(x[pre + i]);
        for (qsizetype j = 0; j < m; ++j)
            out << QStringLiteral("+ ") + QString::fromUtf8(y[pre + j]);
    } else {
        std::vector<std::vector<int>> L(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                L[i][j] = x[pre + i] == y[pre + j] ? L[i + 1][j + 1] + 1
                                                   : qMax(L[i + 1][j], L[i][j + 1]);
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x[pre + i] == y[pre + j]) {
                out << QStringLiteral("  ") + QString::fromUtf8(x[pre + i]);
                ++i;
                ++j;
            } else if (i < n && (j == m || L[i + 1][j] >= L[i][j + 1])) {
                out << QStringLiteral("- ") + QString::fromUtf8(x[pre + i]);
                ++i;
            } else {
                out << QStringLiteral("+ ") + QString::fromUtf8(y[pre + j]);
                ++j;
            }
        }
    }
    for (qsizetype i = x.size() - suf; i < x.size(); ++i)
        out << QStringLiteral("  ") + QString::fromUtf8(x[i]);
    return out;
}

CompareResult compareCopies(const Message& sent, const Message& received)
{
    CompareResult r;
    r.step = Step(QStringLiteral("dkim.compare"), Status::Info,
        tr("Sent and received copies compared"),
        tr("For each DKIM signature found in both copies, the canonical header block "
           "and body are compared line by line: the lines that differ are what "
           "changed in transit."),
        QStringLiteral("RFC 6376 3.7"));
    const QList<SigId> a = signatures(sent), b = signatures(received);
    QList<bool> bUsed(b.size(), false);
    for (const SigId& sa : a) {
        int match = -1;
        for (int j = 0; j < b.size(); ++j) {
            if (!bUsed[j] && b[j].d == sa.d && b[j].s == sa.s && b[j].b == sa.b) {
                match = j;
                break;
            }
        }
        if (match < 0) {
            r.unmatched << tr("only in the sent copy: d=%1 s=%2")
                               .arg(QString::fromUtf8(sa.d), QString::fromUtf8(sa.s));
            continue;
        }
        bUsed[match] = true;
        const Canonical ca = canonicalize(sent, sa.fieldIndex);
        const Canonical cb = canonicalize(received, b[match].fieldIndex);
        CompareSignature cs;
        cs.domain = QString::fromUtf8(sa.d);
        cs.selector = QString::fromUtf8(sa.s);
        cs.headerSame = ca.header == cb.header;
        cs.bodySame = ca.body == cb.body;
        if (!cs.headerSame)
            cs.headerDiff = diffLines(ca.header, cb.header);
        if (!cs.bodySame)
            cs.bodyDiff = diffLines(ca.body, cb.body);
        Step s(QStringLiteral("dkim.compare.signature"),
            cs.headerSame && cs.bodySame ? Status::Pass : Status::Fail,
            tr("d=%1 s=%2: header %3, body %4")
                .arg(cs.domain, cs.selector, cs.headerSame ? tr("unchanged") : tr("changed"),
                    cs.bodySame ? tr("unchanged") : tr("changed")));
        auto addDiff = [&](const QString& title, const QStringList& diff) {
            Step d(QStringLiteral("dkim.compare.diff"), Status::Info, title);
            int shown = 0;
            for (const QString& line : diff) {
                if (line.startsWith(QLatin1Char(' ')))
                    continue;
                if (++shown > 200)
                    break;
                d.addFact(line.left(1), line.mid(2));
            }
            s.add(d);
        };
        if (!cs.headerSame)
            addDiff(tr("Canonical header differences"), cs.headerDiff);
        if (!cs.bodySame)
            addDiff(tr("Canonical body differences"), cs.bodyDiff);
        r.step.add(s);
        r.signatures.append(cs);
    }
    for (int j = 0; j < b.size(); ++j) {
        if (!bUsed[j])
            r.unmatched << tr("only in the received copy: d=%1 s=%2")
                               .arg(QString::fromUtf8(b[j].d), QString::fromUtf8(b[j].s));
    }
    for (const QString& u : std::as_const(r.unmatched))
        r.step.add(Step(QStringLiteral("dkim.compare.unmatched"), Status::Warning, u));
    return r;
}

Step compare(const Message& sent, const Message& received)
{
    return compareCopies(sent, received).step;
}

} // namespace ms::dkim
