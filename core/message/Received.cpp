// The Received chain (RFC 5321 4.4) as hops. Received fields follow a loose grammar
// ("from" / "by" / "via" / "with" / "id" / "for" clauses, comments anywhere, ";" date) and
// every MTA fills the comments differently; the clause walker below reads the common shapes of
// Postfix, Exim, Sendmail, Microsoft Exchange / 365 and Gmail and records a span per clause.

#include "message/MessageData.h"

#include <QVarLengthArray>

#include <arpa/inet.h>
#include <array>
#include <cstring>

namespace ms {

namespace {

constexpr int kMaxTokens = 400; // a hostile megabyte-long Received field stays cheap

struct Token {
    bool comment = false;
    qint64 start = 0, end = 0; // in the value, comment includes its parentheses
    QByteArray text; // word, or the comment's inner text
};

struct Clause {
    QByteArray name; // lower-case keyword (a view of the keyword literal)
    qint64 start = 0, end = 0;
    // Clauses hold one or two of each: kept inline instead of a heap list per clause.
    QVarLengthArray<Token, 4> words;
    QVarLengthArray<Token, 4> comments;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Bytes the date scan has to look at; every other byte of a Received field is skipped by one
// table lookup (the field is scanned whole, so this loop is most of the parse).
constexpr auto kDateScanStops = [] {
    std::array<bool, 256> t {};
    for (const unsigned char c : { '"', '\\', '(', ')', '[', ']', '<', '>', ';' })
        t[c] = true;
    return t;
}();

// Index of the ";" that introduces the date: the last one outside comments, quotes, brackets.
qsizetype dateSemicolon(QByteArrayView v)
{
    int depth = 0;
    bool quote = false, bracket = false, angle = false;
    qsizetype last = -1;
    const qsizetype n = v.size();
    for (qsizetype i = 0; i < n; ++i) {
        while (i < n && !kDateScanStops[static_cast<unsigned char>(v[i])])
            ++i;
        if (i == n)
            break;
        const char c = v[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quote = false;
            continue;
        }
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (depth > 0)
                --depth;
        } else if (depth == 0) {
            if (c == '"')
                quote = true;
            else if (c == '[')
                bracket = true;
            else if (c == ']')
                bracket = false;
            else if (c == '<')
                angle = true;
            else if (c == '>')
                angle = false;
            else if (c == ';' && !bracket && !angle)
                last = i;
        }
    }
    return last;
}

// A field's tokens and a comment's words live on the stack for the usual field; only long
// ones spill to the heap.
using Tokens = QVarLengthArray<Token, 32>;
using Words = QVarLengthArray<QByteArray, 16>;

Tokens tokenize(QByteArrayView v, qsizetype end)
{
    Tokens out;
    qsizetype i = 0;
    while (i < end && out.size() < kMaxTokens) {
        if (isSpace(v[i])) {
            ++i;
            continue;
        }
        Token t;
        t.start = i;
        if (v[i] == '(') {
            t.comment = true;
            int depth = 0;
            qsizetype k = i;
            for (; k < end; ++k) {
                if (v[k] == '\\') {
                    ++k;
                    continue;
                }
                if (v[k] == '(')
                    ++depth;
                else if (v[k] == ')' && --depth == 0)
                    break;
            }
            const qsizetype close = std::min(k, end);
            t.end = std::min(close + 1, end);
            // Tokens only live while their field is parsed, so they view the message's bytes
            // (no copy) unless folding has to be replaced.
            const QByteArrayView inner = v.sliced(i + 1, std::max<qsizetype>(0, close - i - 1));
            t.text = QByteArray::fromRawData(inner.data(), inner.size());
            if (inner.contains('\r'))
                t.text.replace("\r\n", " ");
            i = t.end;
        } else {
            qsizetype k = i;
            bool quote = false;
            for (; k < end; ++k) {
                const char c = v[k];
                if (quote) {
                    if (c == '"')
                        quote = false;
                    continue;
                }
                if (c == '"')
                    quote = true;
                else if (isSpace(c) || c == '(')
                    break;
            }
            t.end = k;
            t.text = QByteArray::fromRawData(v.data() + i, k - i);
            i = k;
        }
        out.append(std::move(t));
    }
    return out;
}

// The clause keyword w spells (ASCII case-insensitive), lower-case, or an empty view.
QByteArrayView keyword(const QByteArray& w)
{
    if (w.size() < 2 || w.size() > 4)
        return {};
    // Only words starting with one of the keywords' first letters are compared.
    switch (w[0] | 0x20) {
    case 'f':
    case 'b':
    case 'v':
    case 'w':
    case 'i':
    case 't': break;
    default: return {};
    }
    static constexpr QByteArrayView kKeywords[]
        = { "from", "by", "via", "with", "id", "for", "tls" };
    for (const QByteArrayView k : kKeywords) {
        if (k.size() == w.size() && QByteArrayView(w).compare(k, Qt::CaseInsensitive) == 0)
            return k;
    }
    return {};
}

// Words of a comment's inner text, nested comments such as "(may be forged)" left out.
Words commentWords(const QByteArray& inner)
{
    Words words;
    if (!inner.contains('(') && !inner.contains(')')) {
        // The usual comment: words are slices of the text (which outlives them), not copies
        // built a byte at a time.
        qsizetype start = -1;
        for (qsizetype i = 0; i <= inner.size(); ++i) {
            const bool sep = i == inner.size() || isSpace(inner[i]) || inner[i] == ',';
            if (!sep) {
                if (start < 0)
                    start = i;
                continue;
            }
            if (start >= 0) {
                words.append(QByteArray::fromRawData(inner.constData() + start, i - start));
                start = -1;
                if (words.size() > 64)
                    break;
            }
        }
        return words;
    }
    QByteArray cur;
    int depth = 0;
    for (char c : inner) {
        if (c == '(') {
            ++depth;
            continue;
        }
        if (c == ')') {
            if (depth > 0)
                --depth;
            continue;
        }
        if (depth > 0)
            continue;
        if (isSpace(c) || c == ',') {
            if (!cur.isEmpty())
                words.append(cur);
            cur.clear();
        } else {
            cur.append(c);
        }
        if (words.size() > 64)
            break;
    }
    if (!cur.isEmpty())
        words.append(cur);
    return words;
}

QString normalizeIp(QByteArrayView s)
{
    if (s.startsWith('[')) {
        const qsizetype close = s.indexOf(']');
        s = close > 0 ? s.sliced(1, close - 1) : s.sliced(1);
    }
    if (s.size() >= 5 && s.first(5).compare("IPv6:", Qt::CaseInsensitive) == 0)
        s = s.sliced(5);
    bool v6 = false;
    if (!detail::isIpAddress(s, &v6))
        return {};
    const QString ip = QString::fromLatin1(s);
    return v6 ? ip.toLower() : ip;
}

QString normalizeTlsVersion(QByteArray v)
{
    v = v.trimmed();
    // TLSv1.3, TLS1_3, TLS1.3, TLSv1_2, tls1.2 -> TLSv1.3; TLSv1 / TLS1 -> TLSv1.0
    QByteArray u = v.toUpper();
    QByteArray proto;
    if (u.startsWith("TLS"))
        proto = "TLS";
    else if (u.startsWith("SSL"))
        proto = "SSL";
    else
        return QString::fromLatin1(v);
    QByteArray rest = u.mid(3);
    if (rest.startsWith('V'))
        rest = rest.mid(1);
    rest.replace('_', '.');
    if (proto == "SSL")
        return QStringLiteral("SSLv") + QString::fromLatin1(rest);
    if (rest == "1")
        rest = "1.0";
    return QStringLiteral("TLSv") + QString::fromLatin1(rest);
}

bool looksLikeSendmailVersion(const QByteArray& c)
{
    // "8.17.1/8.17.1", "8.15.2/8.15.2/Submit", "8.14.7/8.14.7/Debian-4"
    int dots = 0;
    qsizetype i = 0;
    for (; i < c.size(); ++i) {
        if (c[i] == '.')
            ++dots;
        else if (c[i] < '0' || c[i] > '9')
            break;
    }
    return dots >= 2 && i < c.size() && c[i] == '/';
}

} // namespace

namespace detail {

bool isIpAddress(const QString& s, bool* v6)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    return isIpAddress(QByteArrayView(s.toLatin1()), v6);
}

bool isIpAddress(QByteArrayView s, bool* v6)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    char text[65];
    std::memcpy(text, s.data(), s.size());
    text[s.size()] = '\0'; // an embedded NUL ends the text early: inet_pton then sees less
    if (std::memchr(text, '\0', s.size()))
        return false;
    unsigned char buf[16];
    if (inet_pton(AF_INET, text, buf) == 1) {
        if (v6)
            *v6 = false;
        return true;
    }
    if (inet_pton(AF_INET6, text, buf) == 1) {
        if (v6)
            *v6 = true;
        return true;
    }
    return false;
}

ReceivedHop parseReceived(const HeaderField& f, ReceivedDetail level)
{
    const bool full = level == ReceivedDetail::Full;
    ReceivedHop hop;
    hop.fieldIndex = f.index;
    hop.spans.reserve(full ? 8 : 4); // field, from, by, with (+ id, for, tls, date)
    hop.spanNames.reserve(full ? 8 : 4);
    hop.spans.append(Span { QStringLiteral("message"), f.offset, f.raw.size() });
    hop.spanNames.append(QStringLiteral("field"));
    const QByteArrayView v = f.value;
    const qint64 base = f.valueOffset;
    auto addSpan = [&](const QString& name, qint64 s, qint64 e) {
        if (e > s) {
            hop.spans.append(Span { QStringLiteral("message"), base + s, e - s });
            hop.spanNames.append(name);
        }
    };

    const qsizetype semi = dateSemicolon(v);
    const qsizetype clauseEnd = semi >= 0 ? semi : v.size();
    const Tokens tokens = tokenize(v, clauseEnd);

    QVarLengthArray<Clause, 8> clauses;
    for (const Token& t : tokens) {
        const QByteArrayView kw = t.comment ? QByteArrayView() : keyword(t.text);
        if (!kw.isEmpty()) {
            Clause c;
            c.name = QByteArray::fromRawData(kw.data(), kw.size()); // a literal: lives forever
            c.start = t.start;
            c.end = t.end;
            clauses.append(std::move(c));
            continue;
        }
        if (clauses.isEmpty())
            continue; // e.g. "(qmail 123 invoked by uid 0)" before any clause
        Clause& c = clauses.last();
        (t.comment ? c.comments : c.words).append(t);
        c.end = t.end;
    }
    auto clause = [&](const char* name) -> const Clause* {
        for (const Clause& c : clauses) {
            if (c.name == name)
                return &c;
        }
        return nullptr;
    };
    auto firstWord = [](const Clause* c) {
        return c && !c->words.isEmpty() ? c->words.first().text : QByteArray();
    };
    auto joinedWords = [](const Clause* c) {
        if (c && c->words.size() == 1)
            return c->words.first().text; // the usual "with ESMTPS": a view, no copy
        QByteArray joined;
        if (c) {
            for (const Token& w : c->words) {
                if (&w != c->words.begin())
                    joined += ' ';
                joined += w.text;
            }
        }
        return joined;
    };

    const Clause* from = clause("from");
    const Clause* by = clause("by");
    const Clause* with = clause("with");

    // Format: the MTA's own signature in the comments. The envelope guess needs only
    // whether it is Exim (that changes how the from clause reads).
    const QByteArray withWords = joinedWords(with);
    bool exim = false;
    if (full) {
        hop.format = QStringLiteral("unknown");
        bool googleSecurity = false;
        for (const Clause& c : clauses) {
            for (const Token& t : c.comments) {
                if (t.text.startsWith("Google Transport Security"))
                    googleSecurity = true;
            }
        }
        if (by) {
            for (const Token& t : by->comments) {
                if (t.text.startsWith("Postfix"))
                    hop.format = QStringLiteral("postfix");
                else if (looksLikeSendmailVersion(t.text))
                    hop.format = QStringLiteral("sendmail");
            }
        }
        for (const Clause& c : clauses) {
            for (const Token& t : c.comments) {
                if (t.text.startsWith("Exim "))
                    hop.format = QStringLiteral("exim");
            }
        }
        if (withWords.contains("Microsoft SMTP Server") || v.contains("Microsoft SMTP Server"))
            hop.format = QStringLiteral("exchange");
        const QByteArray byHost = firstWord(by).toLower();
        if (hop.format == QLatin1String("unknown")
            && (byHost.endsWith(".google.com") || byHost == "google.com" || googleSecurity))
            hop.format = QStringLiteral("gmail");
        exim = hop.format == QLatin1String("exim");
    } else {
        // Exim unless a Microsoft signature overrides it, exactly as above.
        for (const Clause& c : clauses) {
            for (const Token& t : c.comments)
                exim = exim || t.text.startsWith("Exim ");
        }
        if (exim
            && (withWords.contains("Microsoft SMTP Server") || v.contains("Microsoft SMTP Server")))
            exim = false;
    }

    // from: the client as the receiving server saw it.
    if (from) {
        addSpan(QStringLiteral("from"), from->start, from->end);
        const QByteArray word = firstWord(from);
        QString ip, rdns, helo;
        bool heloGiven = false, rdnsFromComment = false;
        for (const Token& t : from->comments) {
            const Words words = commentWords(t.text);
            bool isAddress = false;
            for (qsizetype i = 0; i < words.size(); ++i) {
                const QByteArray& w = words[i];
                if (w.startsWith('[')) {
                    if (ip.isEmpty())
                        ip = normalizeIp(w);
                    isAddress = true;
                    if (i > 0 && !words[i - 1].contains('=')
                        && words[i - 1].compare("HELO", Qt::CaseInsensitive) != 0) {
                        rdns = QString::fromLatin1(words[i - 1]);
                        rdnsFromComment = true;
                    }
                } else if (w.startsWith("helo=")) {
                    helo = QString::fromLatin1(w.mid(5));
                    heloGiven = true;
                    isAddress = true;
                } else if (w.compare("HELO", Qt::CaseInsensitive) == 0 && i + 1 < words.size()) {
                    helo = QString::fromLatin1(words[i + 1]); // qmail: "(HELO name)"
                    heloGiven = true;
                    isAddress = true;
                    ++i;
                } else if (ip.isEmpty() && words.size() == 1) {
                    const QString bare = normalizeIp(w); // Exchange: "(192.0.2.7)"
                    if (!bare.isEmpty()) {
                        ip = bare;
                        isAddress = true;
                    }
                }
            }
            if (isAddress && ip.isEmpty() && !heloGiven)
                continue;
            if (!ip.isEmpty() && heloGiven)
                break;
        }
        if (word.startsWith('[')) {
            // An address literal in place of a name: no reverse DNS name recorded.
            if (ip.isEmpty())
                ip = normalizeIp(word);
        } else if (exim || (heloGiven && !rdnsFromComment)) {
            // Exim writes "from <rDNS> ([ip] helo=<HELO>)" and leaves helo= out when equal;
            // qmail "from <rDNS> (HELO <name>)".
            if (word.compare("unknown", Qt::CaseInsensitive) != 0)
                rdns = QString::fromLatin1(word);
            if (!heloGiven)
                helo = rdns;
        } else {
            helo = QString::fromLatin1(word);
        }
        while (rdns.endsWith(u'.'))
            rdns.chop(1); // Gmail writes the absolute name "host.example."
        if (rdns.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0)
            rdns.clear();
        hop.fromIp = ip;
        hop.fromRdns = rdns;
        hop.fromHelo = helo;
    }
    if (by) {
        addSpan(QStringLiteral("by"), by->start, by->end);
        hop.by = QString::fromLatin1(firstWord(by));
    }
    if (with) {
        addSpan(QStringLiteral("with"), with->start, with->end);
        hop.with = QString::fromLatin1(withWords);
    }
    if (!full)
        return hop; // id, for, via, TLS and the date: nothing the envelope guess reads
    if (const Clause* c = clause("id")) {
        addSpan(QStringLiteral("id"), c->start, c->end);
        hop.id = QString::fromLatin1(firstWord(c));
    }
    if (const Clause* c = clause("for")) {
        addSpan(QStringLiteral("for"), c->start, c->end);
        QByteArray a = firstWord(c);
        if (a.startsWith('<'))
            a = a.mid(1);
        if (a.endsWith('>'))
            a.chop(1);
        hop.forAddr = QString::fromUtf8(a);
    }
    if (const Clause* c = clause("via")) {
        addSpan(QStringLiteral("via"), c->start, c->end);
    }

    // TLS, wherever the MTA put it.
    for (const Clause& c : clauses) {
        for (const Token& t : c.comments) {
            const QByteArray& text = t.text;
            if (text.startsWith("using ")) { // Postfix
                const Words w = commentWords(text);
                for (qsizetype i = 0; i + 1 < w.size(); ++i) {
                    if (w[i] == "using" && hop.tlsVersion.isEmpty())
                        hop.tlsVersion = normalizeTlsVersion(w[i + 1]);
                    else if (w[i] == "cipher" && hop.tlsCipher.isEmpty())
                        hop.tlsCipher = QString::fromLatin1(w[i + 1]);
                }
                addSpan(QStringLiteral("tls"), t.start, t.end);
            } else if (text.contains("version=") && text.contains("cipher=")) {
                // Sendmail, Exchange, Gmail: key=value pairs.
                for (const QByteArray& w : commentWords(text)) {
                    if (w.startsWith("version="))
                        hop.tlsVersion = normalizeTlsVersion(w.mid(8));
                    else if (w.startsWith("cipher="))
                        hop.tlsCipher = QString::fromLatin1(w.mid(7));
                }
                addSpan(QStringLiteral("tls"), t.start, t.end);
            } else if (c.name == "with"
                && (text.startsWith("TLS") || text.startsWith("SSL") || text.startsWith("TLSv"))) {
                // Exim: "(TLS1.3)" (4.92+, cipher in the "tls" clause) or
                // "(TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256)" (older).
                const QList<QByteArray> parts = text.split(':');
                hop.tlsVersion = normalizeTlsVersion(parts.value(0));
                if (parts.size() >= 2)
                    hop.tlsCipher = QString::fromLatin1(parts.value(1));
                addSpan(QStringLiteral("tls"), t.start, t.end);
            }
        }
    }
    if (const Clause* c = clause("tls")) {
        addSpan(QStringLiteral("tls"), c->start, c->end);
        if (hop.tlsCipher.isEmpty())
            hop.tlsCipher = QString::fromLatin1(firstWord(c));
    }

    if (semi >= 0) {
        qsizetype s = semi + 1;
        while (s < v.size() && isSpace(v[s]))
            ++s;
        qsizetype e = v.size();
        while (e > s && isSpace(v[e - 1]))
            --e;
        addSpan(QStringLiteral("date"), s, e);
        hop.date = parseRfc5322Date(v.sliced(s, e - s));
    }
    return hop;
}

QList<ReceivedHop> parseReceivedChain(const QByteArray& bytes, const QList<HeaderField>& headers)
{
    Q_UNUSED(bytes);
    QList<ReceivedHop> hops;
    for (const HeaderField& f : headers) {
        if (f.nameIs("Received"))
            hops.append(parseReceived(f));
    }
    return hops;
}

} // namespace detail
} // namespace ms
