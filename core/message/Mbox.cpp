// Splitting mbox files (RFC 4155): messages separated by lines starting with "From ".

#include "message/MessageData.h"

#include <QCoreApplication>

#include <cstring>

namespace ms {

namespace {

// Where the line starting at pos ends (index of '\n' + 1, or size).
qint64 nextLine(const QByteArray& b, qint64 pos)
{
    const qint64 nl = b.indexOf('\n', pos);
    return nl < 0 ? b.size() : nl + 1;
}

bool startsWith(const QByteArray& b, qint64 pos, const char* s)
{
    const qint64 n = qint64(std::strlen(s));
    return b.size() - pos >= n && std::memcmp(b.constData() + pos, s, size_t(n)) == 0;
}

bool isBlankLine(const QByteArray& b, qint64 pos, qint64 next)
{
    for (qint64 i = pos; i < next; ++i) {
        if (b[i] != '\r' && b[i] != '\n')
            return false;
    }
    return true;
}

// RFC 4155 2: "From " sender SP asctime-date. A body line such as "From here on, ..." that
// escaped quoting has no time of day, so it is not taken for a separator.
bool looksLikeSeparator(const QByteArray& b, qint64 pos, qint64 next)
{
    const QByteArray line = b.mid(pos, std::min<qint64>(next - pos, 1000));
    for (qsizetype i = 5; i + 4 < line.size(); ++i) {
        const auto digit = [&](qsizetype k) { return line[k] >= '0' && line[k] <= '9'; };
        if (digit(i) && digit(i + 1) && line[i + 2] == ':' && digit(i + 3) && digit(i + 4))
            return true;
    }
    return false;
}

QString subjectOf(const QByteArray& b, qint64 begin, qint64 end)
{
    QList<HeaderField> headers;
    int stop = 0;
    // Only the header block is parsed; bounded by the entry.
    detail::parseHeaderBlock(b, begin, end, headers, &stop, 0);
    for (const HeaderField& f : headers) {
        if (f.nameIs("Subject"))
            return f.decoded();
    }
    return {};
}

} // namespace

QList<MboxEntry> splitMbox(const QByteArray& mbox)
{
    QList<MboxEntry> out;
    struct Sep {
        qint64 lineStart, contentStart;
    };
    QList<Sep> seps;
    bool prevBlank = true; // the start of the file counts as after a blank line
    for (qint64 pos = 0; pos < mbox.size();) {
        const qint64 next = nextLine(mbox, pos);
        // RFC 4155 2: a separator is "From " at the start of a line; requiring a blank line
        // (or the start of the file) before it avoids splitting on an unquoted body line.
        if (prevBlank && startsWith(mbox, pos, "From ") && looksLikeSeparator(mbox, pos, next))
            seps.append({ pos, next });
        prevBlank = isBlankLine(mbox, pos, next);
        pos = next;
    }
    for (qsizetype i = 0; i < seps.size(); ++i) {
        MboxEntry e;
        e.offset = seps[i].contentStart;
        qint64 end = i + 1 < seps.size() ? seps[i + 1].lineStart : mbox.size();
        // The blank line mbox writers put before the next separator is not message content.
        if (i + 1 < seps.size()) {
            if (end - 2 >= e.offset && mbox[end - 1] == '\n' && mbox[end - 2] == '\r'
                && end - 4 >= e.offset && mbox[end - 3] == '\n' && mbox[end - 4] == '\r')
                end -= 2;
            else if (end - 2 >= e.offset && mbox[end - 1] == '\n' && mbox[end - 2] == '\n')
                end -= 1;
        }
        e.length = std::max<qint64>(0, end - e.offset);
        QByteArray line = mbox.mid(seps[i].lineStart, seps[i].contentStart - seps[i].lineStart);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        e.fromLine = QString::fromUtf8(line);
        e.subject = subjectOf(mbox, e.offset, e.offset + e.length);
        // ">From " lines: mboxo and mboxrd quote body lines that begin with "From "; which
        // convention wrote the file cannot be told from the file, so they are counted and
        // left as they are (a DKIM body hash over such a line may then differ).
        for (qint64 pos = e.offset; pos < e.offset + e.length;) {
            const qint64 next = std::min(nextLine(mbox, pos), e.offset + e.length);
            qint64 k = pos;
            while (k < next && mbox[k] == '>')
                ++k;
            if (k > pos && startsWith(mbox, k, "From "))
                ++e.quotedFromLines;
            pos = next;
        }
        out.append(e);
    }
    if (out.isEmpty() && !mbox.isEmpty()) {
        MboxEntry e;
        e.offset = 0;
        e.length = mbox.size();
        e.subject = subjectOf(mbox, 0, mbox.size());
        out.append(e);
    }
    return out;
}

} // namespace ms
