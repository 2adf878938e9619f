#include "spf/Macro.h"

#include "trace/Translate.h"

#include <QCoreApplication>

namespace ms::spf {

bool MacroString::hasMacros() const
{
    for (const MacroToken& t : tokens) {
        if (t.kind != MacroToken::Kind::Literal)
            return true;
    }
    return false;
}

static QString tr(const char* text)
{
    return ms::translate("ms::spf::Macro", text);
}

static bool isDelimiter(char c)
{
    return c == '.' || c == '-' || c == '+' || c == ',' || c == '/' || c == '_' || c == '=';
}

MacroString parseMacroString(QByteArrayView s, MacroUse use)
{
    MacroString out;
    auto fail = [&](qint64 at, const QString& why) {
        out.error = why;
        out.errorOffset = at;
        return out;
    };
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c != '%') {
            // macro-literal = %x21-24 / %x26-7E; explanations may also contain spaces.
            const bool ok = (c >= 0x21 && c <= 0x7e) || (c == ' ' && use == MacroUse::Explanation);
            if (!ok) {
                return fail(i,
                    c >= 0x80 ? tr("non-ASCII byte 0x%1: SPF text is 7-bit ASCII "
                                   "(RFC 7208 3.1, 7.1)")
                                    .arg(c, 2, 16, QLatin1Char('0'))
                              : tr("control character or space 0x%1 is not allowed "
                                   "here (RFC 7208 7.1)")
                                    .arg(c, 2, 16, QLatin1Char('0')));
            }
            if (!out.tokens.isEmpty() && out.tokens.back().kind == MacroToken::Kind::Literal
                && out.tokens.back().offset + out.tokens.back().length == i) {
                out.tokens.back().text += char(c);
                ++out.tokens.back().length;
            } else {
                MacroToken t;
                t.offset = i;
                t.length = 1;
                t.text = QByteArray(1, char(c));
                out.tokens.append(t);
            }
            ++i;
            continue;
        }
        if (i + 1 >= n)
            return fail(i, tr("a lone '%' at the end: write %% for a percent sign (RFC 7208 7.1)"));
        const char next = s[i + 1];
        MacroToken t;
        t.offset = i;
        if (next == '%' || next == '_' || next == '-') {
            t.kind = MacroToken::Kind::Escape;
            t.length = 2;
            t.text = next == '%' ? "%" : next == '_' ? " " : "%20";
            out.tokens.append(t);
            i += 2;
            continue;
        }
        if (next != '{')
            return fail(i,
                tr("'%%%1' is not a macro: after '%' comes '{', '%', '_' or '-' "
                   "(RFC 7208 7.1)")
                    .arg(QLatin1Char(next)));
        qsizetype j = i + 2;
        if (j >= n)
            return fail(i, tr("unterminated macro (RFC 7208 7.1)"));
        const char raw = s[j];
        const char letter = char(raw | 0x20);
        if (!QByteArrayView("slodiphcrtv").contains(letter)
            || !((raw >= 'a' && raw <= 'z') || (raw >= 'A' && raw <= 'Z')))
            return fail(j,
                tr("'%1' is not a macro letter (s l o d i p h c r t v; RFC 7208 7.1)")
                    .arg(QLatin1Char(raw)));
        if ((letter == 'c' || letter == 'r' || letter == 't') && use == MacroUse::DomainSpec)
            return fail(j,
                tr("the %{%1} macro is allowed only in explanation strings "
                   "(RFC 7208 7.3)")
                    .arg(QLatin1Char(letter)));
        t.letter = letter;
        t.urlEscape = raw >= 'A' && raw <= 'Z';
        ++j;
        qint64 digits = 0;
        bool sawDigit = false;
        while (j < n && s[j] >= '0' && s[j] <= '9') {
            sawDigit = true;
            digits = std::min<qint64>(digits * 10 + (s[j] - '0'), 100000);
            ++j;
        }
        if (sawDigit && digits == 0)
            return fail(j - 1, tr("a macro's digit count must be non-zero (RFC 7208 7.3)"));
        t.digits = int(digits);
        if (j < n && (s[j] == 'r' || s[j] == 'R')) {
            t.reverse = true;
            ++j;
        }
        while (j < n && isDelimiter(s[j]))
            t.delimiters += s[j++];
        if (j >= n || s[j] != '}')
            return fail(j < n ? j : i, tr("malformed macro: expected '}' (RFC 7208 7.1)"));
        ++j;
        t.kind = MacroToken::Kind::Macro;
        t.length = j - i;
        t.text = s.sliced(i, j - i).toByteArray();
        out.tokens.append(t);
        i = j;
    }
    return out;
}

QByteArray urlEscape(const QByteArray& value)
{
    // RFC 7208 7.3: upper-case macro letters URL-escape everything outside the RFC 3986
    // "unreserved" set.
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

QByteArray transformMacro(const MacroToken& token, const QByteArray& value)
{
    const QByteArray delims = token.delimiters.isEmpty() ? QByteArray(".") : token.delimiters;
    QList<QByteArray> parts;
    QByteArray cur;
    for (char c : value) {
        if (delims.contains(c)) {
            parts.append(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    parts.append(cur);
    if (token.reverse)
        std::reverse(parts.begin(), parts.end());
    if (token.digits > 0 && token.digits < parts.size())
        parts = parts.mid(parts.size() - token.digits);
    const QByteArray joined = parts.join('.');
    return token.urlEscape ? urlEscape(joined) : joined;
}

QByteArray truncateDomain(const QByteArray& name, bool* truncated)
{
    QByteArray out = name;
    bool cut = false;
    while (out.size() > 253) {
        const qsizetype dot = out.indexOf('.');
        cut = true;
        if (dot < 0) {
            out = out.right(253); // one enormous label: keep its tail (it is invalid anyway)
            break;
        }
        out = out.mid(dot + 1);
    }
    if (truncated)
        *truncated = cut;
    return out;
}

bool isValidDnsName(QByteArrayView name, QString* why)
{
    auto no = [&](const QString& w) {
        if (why)
            *why = w;
        return false;
    };
    if (name.endsWith('.'))
        name.chop(1);
    if (name.isEmpty())
        return no(tr("the name is empty"));
    if (name.size() > 253)
        return no(tr("the name is longer than 253 characters"));
    qsizetype start = 0;
    while (start <= name.size()) {
        qsizetype dot = name.indexOf('.', start);
        if (dot < 0)
            dot = name.size();
        const qsizetype len = dot - start;
        if (len == 0)
            return no(tr("the name has an empty label"));
        if (len > 63)
            return no(tr("a label is longer than 63 octets"));
        start = dot + 1;
    }
    return true;
}

QString macroLetterMeaning(char letter)
{
    switch (letter) {
    case 's': return tr("s = the sender (local-part@domain)");
    case 'l': return tr("l = the local-part of the sender");
    case 'o': return tr("o = the domain of the sender");
    case 'd': return tr("d = the domain being checked");
    case 'i': return tr("i = the client IP (dotted; IPv6 as nibbles)");
    case 'p': return tr("p = the validated domain name of the client IP (do not use)");
    case 'v': return tr("v = \"in-addr\" for IPv4, \"ip6\" for IPv6");
    case 'h': return tr("h = the HELO/EHLO domain");
    case 'c': return tr("c = the client IP in readable form");
    case 'r': return tr("r = the domain of the checking host");
    case 't': return tr("t = the current time in seconds since the epoch");
    }
    return {};
}

} // namespace ms::spf
