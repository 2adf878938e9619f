#include "message/Message.h"

#include "message/MessageData.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace ms {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Message", text, disambiguation, n);
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 5322 3.6.8 ftext: printable US-ASCII except ":".
bool isFtext(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && u != ':';
}

qint64 findByte(const char* data, qint64 from, qint64 end, char c)
{
    if (from >= end)
        return -1;
    const void* hit = std::memchr(data + from, c, size_t(end - from));
    return hit ? static_cast<const char*>(hit) - data : -1;
}

// A line from pos: [pos, contentEnd) is the text, next is where the following line begins.
struct Line {
    qint64 contentEnd = 0; // excluding CR LF / LF
    qint64 next = 0;
    bool hasNewline = false;
};

Line lineAt(const char* data, qint64 pos, qint64 end)
{
    Line l;
    const qint64 nl = findByte(data, pos, end, '\n');
    if (nl < 0) {
        l.contentEnd = end;
        l.next = end;
        return l;
    }
    l.hasNewline = true;
    l.next = nl + 1;
    l.contentEnd = (nl > pos && data[nl - 1] == '\r') ? nl - 1 : nl;
    return l;
}

bool isBlank(const char* data, qint64 from, qint64 to)
{
    for (qint64 i = from; i < to; ++i) {
        if (!isWsp(data[i]) && data[i] != '\r')
            return false;
    }
    return true;
}

// An mbox separator ("From sender date"), not a header field named "From" written with
// whitespace before the colon (RFC 5322 4.5.8 obs-optional).
bool isMboxFromLine(const char* data, qint64 pos, qint64 contentEnd)
{
    if (contentEnd - pos < 5 || std::memcmp(data + pos, "From ", 5) != 0)
        return false;
    qint64 k = pos + 4;
    while (k < contentEnd && isWsp(data[k]))
        ++k;
    return k >= contentEnd || data[k] != ':';
}

ParseNote note(Status s, const QString& text, QList<Span> spans = {})
{
    ParseNote n;
    n.status = s;
    n.text = text;
    n.spans = std::move(spans);
    return n;
}

} // namespace

const std::shared_ptr<const Message::Data>& Message::emptyData()
{
    static const std::shared_ptr<const Message::Data> empty
        = std::make_shared<const Message::Data>();
    return empty;
}

// ---------------------------------------------------------------------------------------
// HeaderField

bool HeaderField::nameIs(QByteArrayView n) const
{
    // Equality only (no ordering, unlike qstrnicmp): different lengths end it at once, and
    // names are ASCII (RFC 5322 3.6.8 ftext), so folding is one OR where bytes differ. Run
    // for every field by every lookup of a field by name.
    if (name.size() != n.size())
        return false;
    const char* a = name.data();
    const char* b = n.data();
    for (qsizetype i = 0; i < n.size(); ++i) {
        if (a[i] == b[i])
            continue;
        const char x = char(a[i] | 0x20);
        if (x != char(b[i] | 0x20) || x < 'a' || x > 'z')
            return false;
    }
    return true;
}

QByteArray HeaderField::unfolded() const
{
    // RFC 5322 2.2.3: unfolding removes every CRLF that is followed by WSP. The value
    // excludes the final CRLF, so every CRLF left in it is folding.
    QByteArray out;
    out.reserve(value.size());
    const char* v = value.data();
    const qsizetype n = value.size();
    if (n == 0)
        return out;
    // Copy the runs between CRLFs (most fields have none or one), not byte by byte.
    qsizetype start = 0;
    for (qsizetype i = 0; i < n;) {
        const void* cr = std::memchr(v + i, '\r', size_t(n - i));
        if (!cr)
            break;
        const qsizetype at = static_cast<const char*>(cr) - v;
        if (at + 1 < n && v[at + 1] == '\n') {
            out.append(v + start, at - start);
            start = at + 2;
            i = start;
        } else {
            i = at + 1;
        }
    }
    out.append(v + start, n - start);
    return out;
}

QString HeaderField::decoded() const
{
    return decodeRfc2047(unfolded().trimmed());
}

namespace detail {

qint64 parseHeaderBlock(const QByteArray& bytes, qint64 begin, qint64 end, QList<HeaderField>& out,
    int* stopReason, int indexBase)
{
    const char* data = bytes.constData();
    qint64 pos = begin;
    bool open = false;
    HeaderField cur;
    qint64 curEnd = 0;
    int index = indexBase;

    auto finish = [&]() {
        if (!open)
            return;
        cur.raw = QByteArrayView(data + cur.offset, curEnd - cur.offset);
        qint64 valueEnd = curEnd;
        if (valueEnd - 2 >= cur.valueOffset && data[valueEnd - 1] == '\n'
            && data[valueEnd - 2] == '\r')
            valueEnd -= 2;
        else if (valueEnd - 1 >= cur.valueOffset && data[valueEnd - 1] == '\n')
            valueEnd -= 1;
        cur.value = QByteArrayView(data + cur.valueOffset, valueEnd - cur.valueOffset);
        out.append(cur);
        open = false;
    };

    while (pos < end) {
        const Line line = lineAt(data, pos, end);
        if (line.contentEnd == pos && line.hasNewline) { // the blank line
            finish();
            *stopReason = 0;
            return pos;
        }
        if (isWsp(data[pos])) { // folded continuation (RFC 5322 2.2.3)
            if (!open) {
                *stopReason = 2;
                return pos;
            }
            curEnd = line.next;
            pos = line.next;
            continue;
        }
        qint64 k = pos;
        while (k < line.contentEnd && isFtext(data[k]))
            ++k;
        const qint64 nameEnd = k;
        while (k < line.contentEnd && isWsp(data[k]))
            ++k;
        if (nameEnd == pos || k >= line.contentEnd || data[k] != ':') {
            finish();
            *stopReason = 2;
            return pos;
        }
        finish();
        cur = HeaderField();
        cur.name = QByteArrayView(data + pos, nameEnd - pos);
        cur.offset = pos;
        cur.valueOffset = k + 1;
        cur.index = index++;
        open = true;
        curEnd = line.next;
        pos = line.next;
    }
    finish();
    *stopReason = 1;
    return end;
}

} // namespace detail

// ---------------------------------------------------------------------------------------
// Message

Message::Message()
    : d(emptyData())
{
}
Message::~Message() = default;
Message::Message(const Message&) = default;
Message& Message::operator=(const Message&) = default;
Message::Message(Message&& other) noexcept
    : d(std::move(other.d))
{
    other.d = emptyData();
}
Message& Message::operator=(Message&& other) noexcept
{
    if (this != &other) {
        d = std::move(other.d);
        other.d = emptyData();
    }
    return *this;
}

Message Message::parse(QByteArray original, const ParseOptions& options)
{
    auto x = std::make_shared<Data>();
    x->original = std::move(original);
    const QByteArray& o = x->original;
    const char* p = o.constData();
    const qint64 n = o.size();

    if (n > options.maxBytes) {
        x->tooLarge = true;
        x->notes.append(note(Status::PermError,
            tr("The input is %1 bytes, more than the limit of %2 bytes; it was not parsed. "
               "Raise the size limit to examine it.")
                .arg(n)
                .arg(options.maxBytes)));
        Message m;
        m.d = std::move(x);
        return m;
    }
    if (n == 0) {
        x->notes.append(
            note(Status::PermError, tr("The input is empty: there is no message to examine.")));
        Message m;
        m.d = std::move(x);
        return m;
    }

    // 1. Facts about the original: line endings, NUL bytes.
    qint64 firstNul = -1, firstBareCr = -1;
    qint64 i0 = 0;
#ifdef __SSE2__
    // 16 bytes at a time, counted in vector accumulators: LFs, and CRLFs as LFs whose
    // previous byte is a CR (an unaligned load one byte back). Bare CRs and NULs are rare:
    // a block with any is counted byte by byte, which also finds the first of each.
    if (n >= 18) {
        const __m128i lf = _mm_set1_epi8('\n');
        const __m128i cr = _mm_set1_epi8('\r');
        const __m128i zero = _mm_setzero_si128();
        // Byte 0 has no previous byte: counted on its own.
        if (p[0] == '\n') {
            ++x->lfCount;
        } else if (p[0] == '\r' && p[1] != '\n') {
            ++x->bareCrCount;
            firstBareCr = 0;
        } else if (p[0] == '\0') {
            ++x->nulCount;
            firstNul = 0;
        }
        qint64 lfTotal = 0, crlf = 0;
        i0 = 1;
        // Each block reads one byte before and one after it.
        while (i0 + 17 <= n) {
            __m128i accLf = zero, accCrlf = zero; // per byte lane, at most 255 blocks
            for (int round = 0; round < 255 && i0 + 17 <= n; ++round, i0 += 16) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i0));
                const __m128i before
                    = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i0 - 1));
                const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i0 + 1));
                const __m128i isLf = _mm_cmpeq_epi8(v, lf);
                const __m128i isCr = _mm_cmpeq_epi8(v, cr);
                accLf = _mm_sub_epi8(accLf, isLf);
                accCrlf = _mm_sub_epi8(accCrlf, _mm_and_si128(isLf, _mm_cmpeq_epi8(before, cr)));
                const __m128i odd = _mm_or_si128(
                    _mm_andnot_si128(_mm_cmpeq_epi8(after, lf), isCr), _mm_cmpeq_epi8(v, zero));
                if (_mm_movemask_epi8(odd) != 0) {
                    for (qint64 i = i0; i < i0 + 16; ++i) {
                        if (p[i] == '\r' && p[i + 1] != '\n') {
                            ++x->bareCrCount;
                            if (firstBareCr < 0)
                                firstBareCr = i;
                        } else if (p[i] == '\0') {
                            ++x->nulCount;
                            if (firstNul < 0)
                                firstNul = i;
                        }
                    }
                }
            }
            // Horizontal sums: _mm_sad_epu8 adds each half's 8 byte lanes.
            const __m128i sumLf = _mm_sad_epu8(accLf, zero);
            const __m128i sumCrlf = _mm_sad_epu8(accCrlf, zero);
            lfTotal += _mm_cvtsi128_si32(sumLf) + _mm_cvtsi128_si32(_mm_srli_si128(sumLf, 8));
            crlf += _mm_cvtsi128_si32(sumCrlf) + _mm_cvtsi128_si32(_mm_srli_si128(sumCrlf, 8));
        }
        x->crlfCount += crlf;
        x->lfCount += lfTotal - crlf;
    }
#endif
    for (qint64 i = i0; i < n; ++i) {
        const char c = p[i];
        if (c == '\n') {
            if (i > 0 && p[i - 1] == '\r')
                ++x->crlfCount;
            else
                ++x->lfCount;
        } else if (c == '\r') {
            if (i + 1 >= n || p[i + 1] != '\n') {
                ++x->bareCrCount;
                if (firstBareCr < 0)
                    firstBareCr = i;
            }
        } else if (c == '\0') {
            ++x->nulCount;
            if (firstNul < 0)
                firstNul = i;
        }
    }
    if (x->crlfCount > 0 && x->lfCount == 0)
        x->lineEndings = LineEndings::Crlf;
    else if (x->lfCount > 0 && x->crlfCount == 0)
        x->lineEndings = LineEndings::Lf;
    else if (x->lfCount > 0 && x->crlfCount > 0)
        x->lineEndings = LineEndings::Mixed;
    else
        x->lineEndings = LineEndings::None;

    // 2. What to drop at the start: blank lines (pasted text), an mbox "From " line.
    qint64 start = 0;
    qint64 blankDropped = 0;
    auto skipBlank = [&]() {
        while (start < n) {
            const Line l = lineAt(p, start, n);
            if (!l.hasNewline || !isBlank(p, start, l.contentEnd))
                break;
            blankDropped += l.next - start;
            start = l.next;
        }
    };
    // A UTF-8 byte order mark, as text editors write when pasted headers are saved.
    if (n >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        start = 3;
        x->notes.append(note(Status::Info,
            tr("The file starts with a UTF-8 byte order mark (added by a text "
               "editor); it is not part of the message and was left out."),
            { Span { QStringLiteral("original"), 0, 3 } }));
    }
    const qint64 blankStart = start;
    skipBlank();
    const qint64 blankBeforeMbox = blankDropped;
    if (start < n) {
        const Line l = lineAt(p, start, n);
        if (isMboxFromLine(p, start, l.contentEnd)) {
            x->mboxFromLine = o.mid(start, l.contentEnd - start);
            x->notes.append(note(Status::Info,
                tr("The first line is an mbox separator (\"%1\"), not part of the message; it "
                   "was left out of the bytes that are verified.")
                    .arg(QString::fromUtf8(x->mboxFromLine.left(200))),
                { Span { QStringLiteral("original"), start, l.next - start } }));
            start = l.next;
            skipBlank();
        }
    }
    if (blankDropped > 0) {
        x->notes.append(note(Status::Info,
            tr("%n leading byte(s) of blank lines (as copied from a mail "
               "client's \"show original\" view) were left out.",
                nullptr, int(std::min<qint64>(blankDropped, INT_MAX))),
            { Span { QStringLiteral("original"), blankStart, blankBeforeMbox } }));
    }

    // 3. Uniform indentation: every non-blank line starts with the same whitespace, which a
    //    header field never does. Pasted from a quoting or indenting viewer.
    QByteArray indent;
    if (start < n && isWsp(p[start])) {
        qint64 k = start;
        while (k < n && isWsp(p[k]))
            ++k;
        indent = o.mid(start, k - start);
        bool uniform = true;
        for (qint64 pos = start; pos < n;) {
            const Line l = lineAt(p, pos, n);
            if (!isBlank(p, pos, l.contentEnd)
                && (l.contentEnd - pos < indent.size()
                    || std::memcmp(p + pos, indent.constData(), size_t(indent.size())) != 0)) {
                uniform = false;
                break;
            }
            pos = l.next;
        }
        if (!uniform)
            indent.clear();
    }

    // 4. Build the CRLF view when anything has to change.
    const bool endsWithNewline = p[n - 1] == '\n';
    const bool rewrite = start > 0 || !indent.isEmpty() || x->lfCount > 0 || !endsWithNewline;
    if (!rewrite) {
        x->bytes = x->original; // shared, no copy
        x->segments.push_back({ 0, 0 });
    } else {
        QByteArray b;
        b.reserve(n - start + x->lfCount + 2);
        x->segments.push_back({ 0, start });
        for (qint64 i = start; i < n;) {
            const Line l = lineAt(p, i, n);
            qint64 cs = i;
            if (!indent.isEmpty()) {
                if (l.contentEnd - i >= indent.size()
                    && std::memcmp(p + i, indent.constData(), size_t(indent.size())) == 0)
                    cs = i + indent.size();
                else if (isBlank(p, i, l.contentEnd))
                    cs = l.contentEnd;
                if (cs != i)
                    x->segments.push_back({ qint64(b.size()), cs });
            }
            b.append(p + cs, l.contentEnd - cs);
            if (!l.hasNewline) {
                x->inserted.push_back(b.size());
                x->inserted.push_back(b.size() + 1);
                b.append("\r\n", 2);
                break;
            }
            const bool hadCr = l.next - l.contentEnd == 2;
            if (!hadCr)
                x->inserted.push_back(b.size());
            b.append("\r\n", 2);
            i = l.next;
        }
        x->bytes = std::move(b);
        x->normalized = true;
    }
    if (!indent.isEmpty()) {
        x->notes.append(note(Status::Info,
            tr("Every line was indented by the same %n whitespace character(s), "
               "as text copied from a mail client's view often is; the "
               "indentation was removed.",
                nullptr, int(indent.size()))));
    }
    switch (x->lineEndings) {
    case LineEndings::Lf:
        x->notes.append(note(Status::Info,
            tr("The file uses LF line endings (%1 lines). Internet mail uses CRLF "
               "(RFC 5322 2.1), so verification works on a copy where every LF "
               "became CRLF; offsets are mapped back to the file.")
                .arg(x->lfCount)));
        break;
    case LineEndings::Mixed:
        x->notes.append(note(Status::Warning,
            tr("The file mixes CRLF (%1) and bare LF (%2) line endings; every bare "
               "LF was turned into CRLF for verification (RFC 5322 2.1). Mixed "
               "endings often mean the message was edited or converted after it "
               "was sent, which can break signatures.")
                .arg(x->crlfCount)
                .arg(x->lfCount)));
        break;
    case LineEndings::None:
        if (x->bytes.size() > 2)
            x->notes.append(note(Status::Warning,
                tr("The input has no line endings at all; it was read as one "
                   "line.")));
        break;
    case LineEndings::Crlf: break;
    }
    if (x->bareCrCount > 0) {
        x->notes.append(note(Status::Warning,
            tr("%1 carriage return(s) not followed by LF were kept as they are. "
               "RFC 5322 2.3 forbids a CR outside CRLF; some software treats "
               "them as line breaks, Mailscope does not.")
                .arg(x->bareCrCount),
            { Span { QStringLiteral("original"), firstBareCr, 1 } }));
    }
    if (n > start && !endsWithNewline) {
        x->notes.append(note(Status::Info,
            tr("The last line had no line ending (common in pasted text); a CRLF was "
               "added. DKIM body canonicalization adds it too (RFC 6376 3.4.3, 3.4.4).")));
    }
    if (x->nulCount > 0) {
        x->notes.append(note(Status::Warning,
            tr("The input contains %1 NUL byte(s); RFC 5322 2.3 does not allow "
               "them. They were kept, but this is not a normal message.")
                .arg(x->nulCount),
            { Span { QStringLiteral("original"), firstNul, 1 } }));
    }
    if (x->bytes.isEmpty()) {
        x->notes.append(note(Status::PermError,
            tr("The input contains only blank lines: there is no message to "
               "examine.")));
        Message m;
        m.d = std::move(x);
        return m;
    }

    // 5. The header block.
    const QByteArray& b = x->bytes;
    const qint64 bn = b.size();
    int stop = 0;
    const qint64 hend = detail::parseHeaderBlock(b, 0, bn, x->headers, &stop);
    const auto msgSpan = [](qint64 off, qint64 len) {
        return Span { QStringLiteral("message"), off, len };
    };
    if (stop == 0) {
        x->headerEnd = hend;
        x->bodyOffset = hend + 2;
        x->hasBody = true;
    } else if (stop == 1) {
        x->headerEnd = bn;
        x->bodyOffset = bn;
        x->hasBody = false;
        x->notes.append(note(Status::Info,
            tr("There is no blank line after the header fields, so this is "
               "read as header fields only (pasted headers): the body is not "
               "available, and checks that need it say so.")));
    } else {
        x->headerEnd = hend;
        x->bodyOffset = hend;
        x->hasBody = true;
        const Line l = lineAt(b.constData(), hend, bn);
        const QByteArray shown = b.mid(hend, std::min<qint64>(l.contentEnd - hend, 60));
        if (x->headers.isEmpty()) {
            x->notes.append(note(Status::PermError,
                tr("No header fields were found: the first line (\"%1\") is not a header "
                   "field (RFC 5322 2.2: a name, a colon, a value). This does not look like an "
                   "e-mail message; everything is treated as body.")
                    .arg(QString::fromUtf8(shown)),
                { msgSpan(hend, l.next - hend) }));
        } else {
            x->notes.append(note(Status::Warning,
                tr("Line \"%1\" after header field %2 is neither a header field nor a folded "
                   "continuation, and no blank line came before it (RFC 5322 2.1 requires one "
                   "between header and body). Like common MTAs, Mailscope ends the header "
                   "block there and treats the rest as the body.")
                    .arg(QString::fromUtf8(shown))
                    .arg(x->headers.size()),
                { msgSpan(hend, l.next - hend) }));
        }
    }

    // Header lines longer than RFC 5322 2.1.1 allows (998 characters).
    for (const HeaderField& f : std::as_const(x->headers)) {
        const char* data = b.constData();
        qint64 pos = f.offset;
        const qint64 end = f.offset + f.raw.size();
        bool found = false;
        while (pos < end) {
            const Line l = lineAt(data, pos, end);
            if (l.contentEnd - pos > 998) {
                x->notes.append(note(Status::Warning,
                    tr("Header field \"%1\" has a line of %2 characters; RFC "
                       "5322 2.1.1 limits lines to 998.")
                        .arg(QString::fromLatin1(
                            f.name.first(std::min<qsizetype>(f.name.size(), 80))))
                        .arg(l.contentEnd - pos),
                    { msgSpan(pos, l.contentEnd - pos) }));
                found = true;
                break;
            }
            pos = l.next;
        }
        if (found)
            break;
    }

    // Header bytes that are not UTF-8 (RFC 6532 allows UTF-8 only; older mail sometimes
    // carries raw Latin-1): shown with replacement characters, verified as they are.
    {
        int bad = 0;
        const HeaderField* firstBad = nullptr;
        for (const HeaderField& f : std::as_const(x->headers)) {
            // Any byte >= 0x80, eight at a time (most header fields are ASCII).
            bool high = false;
            const char* v = f.value.data();
            const qsizetype vn = f.value.size();
            qsizetype k = 0;
            for (; k + 8 <= vn && !high; k += 8) {
                quint64 w;
                std::memcpy(&w, v + k, 8);
                high = (w & 0x8080808080808080ULL) != 0;
            }
            for (; k < vn && !high; ++k)
                high = static_cast<unsigned char>(v[k]) >= 0x80;
            if (!high)
                continue;
            QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            (void)QString(dec.decode(f.value));
            if (dec.hasError()) {
                ++bad;
                if (!firstBad)
                    firstBad = &f;
            }
        }
        if (firstBad) {
            x->notes.append(note(Status::Warning,
                tr("%1 header field(s), the first \"%2\", contain bytes that are "
                   "not UTF-8 (RFC 6532 3.2); they are displayed with replacement "
                   "characters and verified as they are.")
                    .arg(bad)
                    .arg(QString::fromLatin1(
                        firstBad->name.first(std::min<qsizetype>(firstBad->name.size(), 80)))),
                { msgSpan(firstBad->offset, firstBad->raw.size()) }));
        }
    }

    // RFC 5322 3.6: how often the main fields may appear. DMARC and DKIM depend on a single
    // From; a second one is a classic spoofing trick.
    if (!x->headers.isEmpty()) {
        struct Rule {
            const char* name;
            int min;
            int max;
        };
        static const Rule rules[]
            = { { "From", 1, 1 }, { "Date", 1, 1 }, { "Sender", 0, 1 }, { "Reply-To", 0, 1 },
                  { "To", 0, 1 }, { "Cc", 0, 1 }, { "Message-ID", 0, 1 }, { "Subject", 0, 1 } };
        for (const Rule& r : rules) {
            int count = 0;
            const HeaderField* second = nullptr;
            const QByteArrayView name(r.name); // measured once, not once per field
            for (const HeaderField& f : std::as_const(x->headers)) {
                if (f.nameIs(name) && ++count == 2)
                    second = &f;
            }
            if (count > r.max) {
                x->notes.append(note(Status::Warning,
                    tr("The header has %1 %2 fields; RFC 5322 3.6 allows one. "
                       "Different programs may read different ones.")
                        .arg(count)
                        .arg(QLatin1String(r.name)),
                    { msgSpan(second->offset, second->raw.size()) }));
            } else if (count < r.min) {
                x->notes.append(note(Status::Info,
                    tr("The header has no %1 field, which RFC 5322 3.6 "
                       "requires.")
                        .arg(QLatin1String(r.name))));
            }
        }
    }

    // 6. Structure: the MIME tree and the Received chain are parsed on first use
    // (structured(), hops()).
    x->mimePending = true;

    Message m;
    m.d = std::move(x);
    return m;
}

const QByteArray& Message::original() const
{
    return d->original;
}
const QByteArray& Message::bytes() const
{
    return d->bytes;
}
bool Message::isNormalized() const
{
    return d->normalized;
}
LineEndings Message::lineEndings() const
{
    return d->lineEndings;
}

qint64 Message::originalOffset(qint64 pos) const
{
    if (d->segments.empty())
        return std::clamp<qint64>(pos, 0, d->original.size());
    pos = std::clamp<qint64>(pos, 0, d->bytes.size());
    auto seg = std::upper_bound(d->segments.begin(), d->segments.end(), pos,
        [](qint64 v, const Data::Segment& s) { return v < s.bytesPos; });
    if (seg != d->segments.begin())
        --seg;
    const auto lo = std::lower_bound(d->inserted.begin(), d->inserted.end(), seg->bytesPos);
    const auto hi = std::lower_bound(lo, d->inserted.end(), pos);
    const qint64 result = seg->originalPos + (pos - seg->bytesPos) - qint64(hi - lo);
    return std::clamp<qint64>(result, 0, d->original.size());
}

const QList<HeaderField>& Message::headers() const
{
    return d->headers;
}

QList<const HeaderField*> Message::fields(QByteArrayView name) const
{
    QList<const HeaderField*> out;
    for (const HeaderField& f : d->headers) {
        if (f.nameIs(name))
            out.append(&f);
    }
    return out;
}

const HeaderField* Message::first(QByteArrayView name) const
{
    for (const HeaderField& f : d->headers) {
        if (f.nameIs(name))
            return &f;
    }
    return nullptr;
}

bool Message::hasBody() const
{
    return d->hasBody;
}
qint64 Message::headerEnd() const
{
    return d->headerEnd;
}
qint64 Message::bodyOffset() const
{
    return d->hasBody ? d->bodyOffset : d->bytes.size();
}

QByteArrayView Message::body() const
{
    if (!d->hasBody)
        return {};
    return QByteArrayView(d->bytes).sliced(d->bodyOffset);
}

const Message::Data& Message::Data::structured() const
{
    std::call_once(mimeOnce, [this] {
        if (!mimePending)
            return;
        const qint64 bn = bytes.size();
        mime = detail::parseMime(
            bytes, headers, 0, bn, bodyOffset, hasBody ? bn - bodyOffset : 0, notes);
    });
    return *this;
}

const MimePart& Message::mime() const
{
    return d->structured().mime;
}
const QList<ReceivedHop>& Message::Data::receivedChain() const
{
    std::call_once(hopsOnce, [this] { hops = detail::parseReceivedChain(bytes, headers); });
    return hops;
}

const QList<ReceivedHop>& Message::hops() const
{
    return d->receivedChain();
}
const QList<ParseNote>& Message::notes() const
{
    return d->structured().notes;
}

Source Message::source() const
{
    Source s;
    s.id = QStringLiteral("message");
    s.title = tr("Message");
    s.kind = Source::Kind::Message;
    s.bytes = d->bytes;
    return s;
}

Source Message::originalSource() const
{
    Source s;
    s.id = QStringLiteral("original");
    s.title = tr("Original file");
    s.kind = Source::Kind::Original;
    s.bytes = d->original;
    return s;
}

} // namespace ms
