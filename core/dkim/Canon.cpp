#include "dkim/Canon.h"

namespace ms::dkim {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// 3.4.4 a: WSP runs to one SP, WSP at the end removed.
QByteArray relaxLine(QByteArrayView line)
{
    QByteArray out;
    out.reserve(line.size());
    bool inWsp = false;
    for (char c : line) {
        if (isWsp(c)) {
            inWsp = true;
            continue;
        }
        if (inWsp) {
            out.append(' ');
            inWsp = false;
        }
        out.append(c);
    }
    return out;
}

} // namespace

QString canonName(Canon c)
{
    return c == Canon::Simple ? QStringLiteral("simple") : QStringLiteral("relaxed");
}

std::optional<Canon> canonFromName(QByteArrayView name)
{
    if (name == "simple")
        return Canon::Simple;
    if (name == "relaxed")
        return Canon::Relaxed;
    return std::nullopt;
}

QByteArray canonHeaderSimple(QByteArrayView rawField)
{
    QByteArray out = rawField.toByteArray();
    if (!out.endsWith("\r\n"))
        out.append("\r\n");
    return out;
}

QByteArray canonHeaderRelaxed(QByteArrayView rawField)
{
    QByteArrayView f = rawField;
    if (f.endsWith("\r\n"))
        f.chop(2);
    const qsizetype colon = f.indexOf(':');
    QByteArrayView name = colon < 0 ? f : f.first(colon);
    const QByteArrayView value = colon < 0 ? QByteArrayView() : f.sliced(colon + 1);
    while (!name.isEmpty() && isWsp(name.back()))
        name.chop(1);
    QByteArray out;
    out.reserve(f.size() + 2);
    for (char c : name)
        out.append((c >= 'A' && c <= 'Z') ? char(c + 32) : c);
    out.append(':');
    // Unfold (drop CRLF), WSP runs to one SP, then trim both ends.
    bool inWsp = false;
    bool started = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (isWsp(c)) {
            inWsp = true;
            continue;
        }
        if (inWsp && started)
            out.append(' ');
        inWsp = false;
        started = true;
        out.append(c);
    }
    out.append("\r\n");
    return out;
}

QByteArray canonHeader(Canon c, QByteArrayView rawField)
{
    return c == Canon::Simple ? canonHeaderSimple(rawField) : canonHeaderRelaxed(rawField);
}

BodyCanonicalizer::BodyCanonicalizer(Canon c)
    : m_canon(c)
{
}

void BodyCanonicalizer::feed(QByteArrayView chunk)
{
    if (m_finished || chunk.isEmpty())
        return;
    QByteArray joined;
    QByteArrayView data = chunk;
    if (!m_partial.isEmpty()) {
        joined = m_partial + chunk.toByteArray();
        m_partial.clear();
        data = joined;
    }
    qsizetype pos = 0;
    for (;;) {
        const qsizetype idx = data.indexOf("\r\n", pos);
        if (idx < 0)
            break;
        line(data.sliced(pos, idx - pos), true, m_inPos);
        m_inPos += idx - pos + 2;
        pos = idx + 2;
    }
    m_partial = data.sliced(pos).toByteArray();
}

void BodyCanonicalizer::finish()
{
    if (m_finished)
        return;
    if (!m_partial.isEmpty()) {
        const QByteArray rest = m_partial;
        m_partial.clear();
        line(rest, false, m_inPos);
        m_inPos += rest.size();
    }
    m_finished = true;
    if (!m_pendingEmpty.isEmpty()) {
        m_ignoredOffset = m_pendingEmpty.first();
        m_ignoredLength = m_inPos - m_ignoredOffset;
        m_ignoredLines = int(m_pendingEmpty.size());
        m_pendingEmpty.clear();
    }
    if (m_canon == Canon::Simple && m_out.isEmpty()) {
        // 3.4.3: no body at all is canonicalized as one CRLF.
        m_lines.append({ m_inPos, 0, 0, 2 });
        m_out = "\r\n";
        m_addedCrlf = true;
    }
}

void BodyCanonicalizer::line(QByteArrayView text, bool terminated, qint64 inOffset)
{
    const qint64 inLength = text.size() + (terminated ? 2 : 0);
    QByteArray relaxed;
    QByteArrayView canon = text;
    if (m_canon == Canon::Relaxed) {
        relaxed = relaxLine(text);
        canon = relaxed;
    }
    if (canon.isEmpty()) {
        // Held back: only emitted if a non-empty line follows. An unterminated empty
        // (relaxed: whitespace-only) remainder counts as an empty line at the end.
        m_pendingEmpty.append(inOffset);
        return;
    }
    for (qint64 off : std::as_const(m_pendingEmpty))
        put("", off, 2);
    m_pendingEmpty.clear();
    if (!terminated)
        m_addedCrlf = true; // 3.4.3/3.4.4: a CRLF is added to a body not ending in one
    put(canon, inOffset, inLength);
}

void BodyCanonicalizer::put(QByteArrayView canon, qint64 inOffset, qint64 inLength)
{
    CanonLine l;
    l.inOffset = inOffset;
    l.inLength = inLength;
    l.outOffset = m_out.size();
    l.outLength = canon.size() + 2;
    m_out.append(canon);
    m_out.append("\r\n");
    m_lines.append(l);
}

QByteArray canonBody(Canon c, QByteArrayView body)
{
    BodyCanonicalizer b(c);
    b.feed(body);
    b.finish();
    return b.output();
}

QList<SelectedHeader> selectHeaders(
    const QList<HeaderField>& headers, const QList<QByteArray>& names, int exclude)
{
    QList<SelectedHeader> out;
    out.reserve(names.size());
    QList<bool> used(headers.size(), false);
    for (const QByteArray& n : names) {
        SelectedHeader s;
        s.name = n;
        for (qsizetype i = headers.size() - 1; i >= 0; --i) {
            if (used[i] || int(i) == exclude || !headers[i].nameIs(n))
                continue;
            used[i] = true;
            s.fieldIndex = int(i);
            break;
        }
        out.append(s);
    }
    return out;
}

HeaderBlock buildHeaderBlock(const QList<HeaderField>& headers,
    const QList<SelectedHeader>& selected, Canon c, QByteArrayView signatureFieldBEmptied)
{
    HeaderBlock b;
    for (const SelectedHeader& s : selected) {
        HeaderBlock::Part p;
        p.name = s.name;
        p.fieldIndex = s.fieldIndex;
        p.offset = b.bytes.size();
        if (s.fieldIndex >= 0 && s.fieldIndex < headers.size())
            b.bytes.append(canonHeader(c, headers[s.fieldIndex].raw));
        p.length = b.bytes.size() - p.offset;
        b.parts.append(p);
    }
    QByteArray sig = canonHeader(c, signatureFieldBEmptied);
    sig.chop(2);
    b.signatureOffset = b.bytes.size();
    b.signatureLength = sig.size();
    b.bytes.append(sig);
    return b;
}

QList<QByteArray> splitHeaderList(QByteArrayView value)
{
    QList<QByteArray> out;
    for (const QByteArrayView part : value.toByteArray().split(':')) {
        QByteArray name;
        for (char c : part) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                name.append(c);
        }
        out.append(name);
    }
    return out;
}

} // namespace ms::dkim
