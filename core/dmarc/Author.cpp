#include "dmarc/Author.h"

#include "message/Message.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QUrl>
#include <QVarLengthArray>

#include <algorithm>
#include <span>

namespace ms::dmarc {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::dmarc", text);
}

// A token views the field's bytes; its text is built only when a phrase or an address is
// joined (a QString per atom cost more than the rest of the parse).
struct Token {
    enum Kind { Atom, Quoted, Special, Literal } kind = Atom;
    char special = 0; // for Special
    bool escaped = false; // Quoted: the text holds a quoted-pair or folding to remove
    qsizetype start = 0, end = 0;
    QByteArrayView text; // as written; for Quoted without the quotes
};

// Runs of tokens are views of the parser's list (or of a small inline array), not copies.
using Tokens = std::span<const Token>;

bool isSpecial(char c)
{
    return c == '<' || c == '>' || c == ',' || c == ':' || c == ';' || c == '@' || c == '.';
}

// Appends a token's text: a quoted string unquoted (quoted-pairs resolved, folding dropped).
void appendText(QByteArray& out, const Token& t)
{
    if (!t.escaped) {
        out += t.text;
        return;
    }
    const QByteArrayView raw = t.text;
    for (qsizetype k = 0; k < raw.size(); ++k) {
        if (raw[k] == '\\' && k + 1 < raw.size())
            ++k;
        if (raw[k] == '\r' || raw[k] == '\n')
            continue; // folding inside a quoted string
        out += raw[k];
    }
}

// RFC 5322 3.2: CFWS skipped; quoted-string, domain-literal, specials and atoms (atext run).
QList<Token> tokenize(QByteArrayView v, QStringList& problems)
{
    QList<Token> out;
    qsizetype i = 0;
    const qsizetype n = v.size();
    out.reserve(std::min<qsizetype>(n / 3 + 2, 64));
    while (i < n) {
        const char c = v[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        if (c == '(') {
            bool closed = false;
            i = skipComment(v, i, &closed);
            if (!closed)
                problems << tr("A comment in the address is not closed.");
            continue;
        }
        Token t;
        t.start = i;
        if (c == '"') {
            ++i;
            const qsizetype s = i;
            bool closed = false;
            while (i < n) {
                if (v[i] == '\\') {
                    t.escaped = true;
                    i += 2;
                    continue;
                }
                if (v[i] == '"') {
                    closed = true;
                    break;
                }
                if (v[i] == '\r' || v[i] == '\n')
                    t.escaped = true;
                ++i;
            }
            i = qMin(i, n);
            t.kind = Token::Quoted;
            t.text = v.sliced(s, i - s);
            if (closed)
                ++i;
            else
                problems << tr("A quoted string in the address is not closed.");
        } else if (c == '[') {
            const qsizetype s = i;
            while (i < n && v[i] != ']')
                ++i;
            if (i < n)
                ++i;
            t.kind = Token::Literal;
            t.text = v.sliced(s, i - s);
        } else if (isSpecial(c)) {
            t.kind = Token::Special;
            t.special = c;
            t.text = v.sliced(i, 1);
            ++i;
        } else if (c == ')' || c == '\\' || c == ']') {
            problems << tr("A stray '%1' in the address was ignored.").arg(QLatin1Char(c));
            ++i;
            continue;
        } else {
            while (i < n) {
                const char d = v[i];
                if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '(' || d == '"'
                    || d == '[' || d == ')' || isSpecial(d))
                    break;
                ++i;
            }
            t.kind = Token::Atom;
            t.text = v.sliced(t.start, i - t.start);
        }
        t.end = i;
        out.append(t);
    }
    return out;
}

class AddressParser
{
public:
    AddressParser(QByteArrayView v, const QString& source, qint64 base)
        : m_source(source)
        , m_base(base)
    {
        m_tokens = tokenize(v, m_list.problems);
    }

    AddressList run()
    {
        QVarLengthArray<Token, 16> phrase; // not always contiguous: a stray '>' is left out
        QString group;
        bool inGroup = false;
        bool sawAngle = false; // the pending phrase was a display name already used
        for (qsizetype k = 0; k < m_tokens.size(); ++k) {
            const Token& t = m_tokens[k];
            if (t.kind == Token::Special && t.special == '<') {
                // angle-addr: up to '>' (an obsolete route "@a,@b:" is dropped).
                qsizetype j = k + 1;
                for (; j < m_tokens.size(); ++j) {
                    if (m_tokens[j].kind == Token::Special && m_tokens[j].special == '>')
                        break;
                }
                Tokens inner
                    = Tokens(m_tokens.constData(), m_tokens.size()).subspan(k + 1, j - k - 1);
                if (j >= m_tokens.size())
                    m_list.problems << tr("A '<' has no matching '>'.");
                qsizetype colon = -1;
                for (qsizetype r = 0; r < qsizetype(inner.size()); ++r) {
                    if (inner[r].kind == Token::Special && inner[r].special == ':')
                        colon = r;
                }
                if (colon >= 0 && !inner.empty() && inner[0].kind == Token::Special
                    && inner[0].special == '@') {
                    m_list.problems << tr("An obsolete source route (RFC 5322 4.4) was ignored.");
                    inner = inner.subspan(colon + 1);
                }
                Mailbox m;
                m.displayName = phraseText(Tokens(phrase.constData(), phrase.size()));
                m.group = inGroup ? group : QString();
                if (inner.empty())
                    m_list.problems << tr("An empty address \"<>\" was found.");
                else
                    addrSpec(inner, m);
                if (!inner.empty())
                    m_list.mailboxes.append(m);
                phrase.clear();
                sawAngle = true;
                k = j;
                continue;
            }
            if (t.kind == Token::Special && t.special == ':' && !inGroup) {
                group = phraseText(Tokens(phrase.constData(), phrase.size()));
                inGroup = true;
                m_list.groups << group;
                phrase.clear();
                sawAngle = false;
                continue;
            }
            if (t.kind == Token::Special && (t.special == ',' || t.special == ';')) {
                flush(Tokens(phrase.constData(), phrase.size()), inGroup ? group : QString(),
                    sawAngle);
                phrase.clear();
                sawAngle = false;
                if (t.special == ';') {
                    if (!inGroup)
                        m_list.problems << tr("A ';' outside a group was ignored.");
                    inGroup = false;
                }
                continue;
            }
            if (t.kind == Token::Special && t.special == '>') {
                m_list.problems << tr("A '>' without its '<' was ignored.");
                continue;
            }
            phrase.append(t);
        }
        flush(Tokens(phrase.constData(), phrase.size()), inGroup ? group : QString(), sawAngle);
        if (inGroup)
            m_list.problems << tr("The group \"%1\" is not closed with ';'.").arg(group);
        return std::move(m_list);
    }

private:
    QList<Token> m_tokens;
    QString m_source;
    qint64 m_base;
    AddressList m_list;

    static QString phraseText(Tokens phrase)
    {
        QByteArray words;
        for (qsizetype k = 0; k < qsizetype(phrase.size()); ++k) {
            if (k > 0)
                words += ' ';
            appendText(words, phrase[k]);
        }
        // Tokens end at ASCII bytes, so decoding the joined bytes equals joining the decoded
        // tokens.
        return QString::fromUtf8(words);
    }

    // A bare addr-spec (no angle brackets) between separators.
    void flush(Tokens phrase, const QString& group, bool afterAngle)
    {
        if (phrase.empty())
            return;
        if (afterAngle) {
            m_list.problems
                << tr("Text after an address \"%1\" was ignored.").arg(phraseText(phrase));
            return;
        }
        Mailbox m;
        m.group = group;
        addrSpec(phrase, m);
        m_list.mailboxes.append(m);
    }

    // local-part "@" domain from tokens; the last '@' splits (a quoted local part may hold '@').
    void addrSpec(Tokens toks, Mailbox& m)
    {
        qsizetype at = -1;
        for (qsizetype r = 0; r < qsizetype(toks.size()); ++r) {
            if (toks[r].kind == Token::Special && toks[r].special == '@')
                at = r;
        }
        auto join = [](Tokens ts) {
            // Atoms and specials written edge to edge ("first.last", "example.com") are the
            // bytes they join to: decoded from the field at once.
            bool adjacent = !ts.empty();
            for (qsizetype k = 0; adjacent && k < qsizetype(ts.size()); ++k) {
                const Token& t = ts[size_t(k)];
                adjacent = !t.escaped && (t.kind == Token::Atom || t.kind == Token::Special)
                    && (k == 0 || t.text.data() == ts[size_t(k - 1)].text.end());
            }
            if (adjacent) {
                return QString::fromUtf8(QByteArrayView(
                    ts.front().text.data(), ts.back().text.end() - ts.front().text.data()));
            }
            qsizetype size = 0;
            for (const Token& t : ts)
                size += t.text.size();
            QByteArray s;
            s.reserve(size); // one allocation, not one per growing token
            for (const Token& t : ts)
                appendText(s, t);
            return QString::fromUtf8(s);
        };
        m.span = { m_source, m_base + toks.front().start, toks.back().end - toks.front().start };
        if (at < 0) {
            m.localPart = join(toks);
            m_list.problems << tr(
                "\"%1\" is not an address: it has no \"@domain\" (RFC 5322 3.4.1).")
                                   .arg(m.localPart);
            return;
        }
        m.localPart = join(toks.first(at));
        const Tokens dom = toks.subspan(at + 1);
        if (dom.empty()) {
            m_list.problems << tr("The address \"%1@\" has an empty domain.").arg(m.localPart);
            return;
        }
        m.domain = join(dom);
        m.domainSpan = { m_source, m_base + dom.front().start, dom.back().end - dom.front().start };
        for (const Token& t : dom) {
            if (t.kind == Token::Literal)
                m.domainLiteral = true;
            else if (t.kind == Token::Quoted)
                m_list.problems << tr("The domain of \"%1\" is quoted, which RFC 5322 3.4.1 "
                                      "does not allow.")
                                       .arg(m.address());
        }
    }
};

QString addressesText(const QList<Mailbox>& ms)
{
    QStringList s;
    for (const Mailbox& m : ms)
        s << m.address();
    return s.join(QStringLiteral(", "));
}

} // namespace

AddressList parseAddressList(QByteArrayView value, const QString& sourceId, qint64 baseOffset)
{
    return AddressParser(value, sourceId, baseOffset).run();
}

QString normalizeDomain(const QString& domain)
{
    QStringView d = QStringView(domain).trimmed();
    if (d.endsWith(u'.'))
        d.chop(1);
    if (d.isEmpty() || d.size() > 1024)
        return {};
    bool ascii = true, lower = true;
    for (const QChar c : d) {
        if (c.unicode() >= 0x80)
            ascii = false;
        if (c.unicode() <= 0x20 || c == QLatin1Char('@'))
            return {};
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            lower = false;
    }
    if (ascii && lower) // the usual domain, already normal: shared, not copied
        return d.size() == domain.size() ? domain : d.toString();
    if (ascii)
        return d.toString().toLower();
    const QByteArray ace = QUrl::toAce(d.toString());
    if (ace.isEmpty())
        return {};
    return QString::fromLatin1(ace).toLower();
}

AuthorDomain authorDomain(const Message& message, bool explain)
{
    AuthorDomain a;
    Step& s = a.step;
    s = Step(QStringLiteral("dmarc.from"), Status::Info, tr("Author domain (RFC5322.From)"), {},
        QStringLiteral("RFC 9989 5.3.1"));
    const QList<const HeaderField*> froms = message.fields("From");
    if (froms.isEmpty()) {
        a.problem = AuthorDomain::Problem::NoFromField;
        s.status = Status::PermError;
        s.title = tr("No From field: there is no author domain");
        s.detail = tr("RFC 5322 3.6 requires exactly one From field. Without it there is no "
                      "author domain, so DMARC cannot be evaluated (RFC 9989 5.3.1).");
        return a;
    }
    QStringList problems;
    for (const HeaderField* f : froms) {
        const AddressList l = parseAddressList(f->value, QStringLiteral("message"), f->valueOffset);
        a.mailboxes += l.mailboxes;
        problems += l.problems;
        if (!explain)
            continue;
        Step fs(QStringLiteral("dmarc.from.field"), Status::Info,
            tr("From: %1")
                .arg(l.mailboxes.isEmpty() ? tr("(no address)") : addressesText(l.mailboxes)),
            {}, QStringLiteral("RFC 5322 3.6.2"));
        fs.addSpan(QStringLiteral("message"), f->offset, f->raw.size());
        for (const Mailbox& m : l.mailboxes) {
            Step ms(QStringLiteral("dmarc.from.mailbox"), Status::Info, m.address());
            ms.spans.append(m.span);
            if (!m.displayName.isEmpty())
                ms.addFact(tr("display name"), m.displayName);
            if (!m.group.isEmpty())
                ms.addFact(tr("group"), m.group);
            ms.addFact(tr("domain"), m.domain);
            fs.add(std::move(ms));
        }
        for (const QString& p : l.problems)
            fs.add(Step(QStringLiteral("dmarc.from.problem"), Status::Warning, p, {},
                QStringLiteral("RFC 5322 3.4")));
        s.add(std::move(fs));
    }
    if (froms.size() > 1) {
        a.problem = AuthorDomain::Problem::SeveralFromFields;
        s.status = Status::PermError;
        s.title = tr("%1 From fields: no single author domain").arg(froms.size());
        s.detail = tr("RFC 5322 3.6 allows exactly one From field. RFC 7489 6.6.1 notes that "
                      "such messages are typically rejected, and RFC 9989 5.3.1 stops DMARC "
                      "when it cannot extract exactly one author domain.");
        return a;
    }
    if (a.mailboxes.isEmpty()) {
        a.problem = AuthorDomain::Problem::NoAddress;
        s.status = Status::PermError;
        s.title = tr("The From field holds no address");
        s.detail = tr("No mailbox could be read from the From field (an empty group such as "
                      "\"undisclosed-recipients:;\" has none), so there is no author domain "
                      "(RFC 9989 5.3.1).");
        return a;
    }
    QStringList domains;
    for (const Mailbox& m : a.mailboxes) {
        if (m.domain.isEmpty() || m.domainLiteral) {
            a.problem = AuthorDomain::Problem::NoDomain;
            s.status = Status::PermError;
            s.title = tr("The author address \"%1\" has no domain name").arg(m.address());
            s.detail = m.domainLiteral
                ? tr("The address uses an address literal instead of a domain name, "
                     "so there is no DNS domain to look up a DMARC policy for (RFC "
                     "9989 5.3.1).")
                : tr("The address has no \"@domain\", so there is no author domain "
                     "(RFC 9989 5.3.1).");
            return a;
        }
        const QString d = normalizeDomain(m.domain);
        if (d.isEmpty()) {
            a.problem = AuthorDomain::Problem::NoDomain;
            s.status = Status::PermError;
            s.title = tr("The author domain \"%1\" is not a valid domain name").arg(m.domain);
            s.detail = tr("It cannot be converted to a DNS name (RFC 5890 2.3), so no DMARC "
                          "policy can be looked up.");
            return a;
        }
        if (!domains.contains(d))
            domains << d;
    }
    if (domains.size() > 1) {
        a.problem = AuthorDomain::Problem::SeveralDomains;
        s.status = Status::PermError;
        s.title = tr("Several authors with different domains: %1")
                      .arg(domains.join(QStringLiteral(", ")));
        s.detail = tr("The From field names several mailboxes from different domains. RFC 9989 "
                      "5.3.1: when more than one author domain is extracted DMARC validation is "
                      "not possible (a receiver MAY evaluate each domain; Mailscope does not "
                      "guess which one counts).");
        return a;
    }
    a.domain = domains.first();
    a.domainAsWritten = a.mailboxes.first().domain;
    s.status = problems.isEmpty() ? Status::Info : Status::Warning;
    if (!explain)
        return a; // the found domain's texts are only ever shown in an explained trace
    s.title = tr("Author domain: %1").arg(a.domain);
    s.detail = a.mailboxes.size() > 1
        ? tr("The From field names %1 mailboxes, all in the same domain, so there is "
             "exactly one author domain (RFC 9989 5.3.1).")
              .arg(a.mailboxes.size())
        : tr("The domain of the one address in the From field is the author domain "
             "DMARC evaluates (RFC 9989 3.2.2).");
    if (a.domain != a.domainAsWritten.toLower()
        && a.domain + QLatin1Char('.') != a.domainAsWritten.toLower())
        s.detail += QLatin1Char(' ')
            + tr("The internationalized name %1 is looked up as %2 (RFC 9989 5.3.1).")
                  .arg(a.domainAsWritten, a.domain);
    s.addFact(tr("domain"), a.domain);
    s.spans.append(a.mailboxes.first().domainSpan);
    return a;
}

} // namespace ms::dmarc
