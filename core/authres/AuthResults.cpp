#include "authres/AuthResults.h"

#include "message/Message.h"
#include "trace/Translate.h"

#include <QCoreApplication>

namespace ms::authres {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::authres", text);
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Ends a bare word: whitespace, the separators of the grammar, comments and quotes.
bool endsWord(char c)
{
    return isWsp(c) || c == ';' || c == '(' || c == ')' || c == '"' || c == '=';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Methods that RFC 8601 2.7 / the IANA registry know; used to spot a resinfo whose ";"
// the writer forgot.
bool isKnownMethod(QStringView m)
{
    static const QStringList known = {
        QStringLiteral("auth"),
        QStringLiteral("dkim"),
        QStringLiteral("dkim-adsp"),
        QStringLiteral("dkim-atps"),
        QStringLiteral("dmarc"),
        QStringLiteral("domainkeys"),
        QStringLiteral("iprev"),
        QStringLiteral("rrvs"),
        QStringLiteral("sender-id"),
        QStringLiteral("smime"),
        QStringLiteral("spf"),
        QStringLiteral("vbr"),
        QStringLiteral("arc"),
        QStringLiteral("dnswl"),
        QStringLiteral("bimi"),
        QStringLiteral("compauth"),
    };
    return known.contains(m.toString().toLower()) || m.startsWith(u"x-", Qt::CaseInsensitive);
}

class Parser
{
public:
    Parser(QByteArrayView v, const QString& source, qint64 base)
        : m_v(v)
        , m_source(source)
        , m_base(base)
    {
    }

    AuthResult run(bool arc)
    {
        m_r.span = span(0, m_v.size());
        if (arc)
            parseInstance();
        parsePayload();
        return std::move(m_r);
    }

private:
    QByteArrayView m_v;
    QString m_source;
    qint64 m_base;
    qsizetype m_pos = 0;
    AuthResult m_r;

    Span span(qsizetype from, qsizetype to) const { return { m_source, m_base + from, to - from }; }
    bool atEnd() const { return m_pos >= m_v.size(); }
    char peek() const { return atEnd() ? '\0' : m_v[m_pos]; }
    QString text(qsizetype from, qsizetype to) const
    {
        return QString::fromUtf8(m_v.sliced(from, to - from));
    }
    void warn(const QString& w)
    {
        if (!m_r.warnings.contains(w))
            m_r.warnings.append(w);
    }

    // [CFWS]: whitespace, folding and (nested) comments. Nesting is counted, not recursed.
    void skipCfws(QStringList* comments)
    {
        while (!atEnd()) {
            const char c = peek();
            if (isWsp(c)) {
                ++m_pos;
                continue;
            }
            if (c == ')') {
                warn(tr("A ')' without its '(' was ignored."));
                ++m_pos;
                continue;
            }
            if (c != '(')
                return;
            const qsizetype start = ++m_pos;
            int depth = 1;
            qsizetype end = -1;
            while (!atEnd()) {
                const char d = m_v[m_pos];
                if (d == '\\' && m_pos + 1 < m_v.size()) {
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                if (d == '(') {
                    ++depth;
                } else if (d == ')' && --depth == 0) {
                    end = m_pos - 1;
                    break;
                }
            }
            if (end < 0) {
                warn(tr("A comment is not closed: its '(' has no matching ')'."));
                end = m_v.size();
            }
            if (comments)
                comments->append(unescape(m_v.sliced(start, end - start)).simplified());
        }
    }

    static QString unescape(QByteArrayView raw)
    {
        QByteArray out;
        out.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\' && i + 1 < raw.size())
                ++i;
            out.append(raw[i]);
        }
        return QString::fromUtf8(out);
    }

    // quoted-string at m_pos (which is '"'); returns the unquoted content.
    QString quoted()
    {
        const qsizetype start = ++m_pos;
        while (!atEnd()) {
            const char c = m_v[m_pos];
            if (c == '\\' && m_pos + 1 < m_v.size()) {
                m_pos += 2;
                continue;
            }
            if (c == '"') {
                const QString s = unescape(m_v.sliced(start, m_pos - start));
                ++m_pos;
                return s;
            }
            ++m_pos;
        }
        warn(tr("A quoted string is not closed."));
        return unescape(m_v.sliced(start));
    }

    // A bare word up to whitespace, ';', '(', '"' or '='.
    QString word()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !endsWord(peek()))
            ++m_pos;
        return text(start, m_pos);
    }

    // A value (token or quoted-string, RFC 2045 via RFC 8601 2.2). Property values also
    // carry '=' (base64 header.b=), so the caller chooses whether '=' ends the value.
    QString value(bool allowEquals)
    {
        if (peek() == '"') {
            QString q = quoted();
            // pvalue: a quoted local-part followed by "@domain" (RFC 8601 2.2).
            if (allowEquals && peek() == '@')
                q += value(true);
            return q;
        }
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (isWsp(c) || c == ';' || c == '(' || c == ')' || (c == '=' && !allowEquals))
                break;
            if (c == '"') {
                warn(tr("A '\"' inside an unquoted value was kept as part of the value."));
            }
            ++m_pos;
        }
        return text(start, m_pos);
    }

    void parseInstance()
    {
        skipCfws(&m_r.comments);
        const qsizetype start = m_pos;
        const QString key = word();
        skipCfws(&m_r.comments);
        if (key != u"i" || peek() != '=') { // %s"i": case-sensitive (RFC 8617 3.9)
            warn(tr("The ARC-Authentication-Results field does not start with its instance "
                    "\"i=N;\" (RFC 8617 4.1.1)."));
            m_pos = start;
            return;
        }
        ++m_pos;
        skipCfws(&m_r.comments);
        const qsizetype numStart = m_pos;
        while (!atEnd() && isDigit(peek()))
            ++m_pos;
        const QByteArrayView digits = m_v.sliced(numStart, m_pos - numStart);
        bool ok = !digits.isEmpty() && digits.size() <= 3;
        const int n = ok ? digits.toInt(&ok) : 0;
        if (!ok) {
            warn(tr("The ARC instance \"i=\" is not a small decimal number (RFC 8617 4.2.1)."));
            // Skip the rest of the bad instance tag.
            while (!atEnd() && peek() != ';')
                ++m_pos;
        } else {
            m_r.instance = n;
            m_r.instanceSpan = span(start, m_pos);
        }
        skipCfws(&m_r.comments);
        if (peek() == ';')
            ++m_pos;
        else
            warn(tr("The ARC instance is not followed by ';' (RFC 8617 4.1.1)."));
    }

    void parsePayload()
    {
        skipCfws(&m_r.comments);
        if (atEnd()) {
            warn(tr("The field is empty: no authserv-id and no results (RFC 8601 2.2)."));
            m_r.fatal = true;
            return;
        }
        // authserv-id, unless the writer left it out and started with "method=result"
        // (Outlook/Exchange "Authentication-Results: spf=pass ...").
        const qsizetype start = m_pos;
        if (peek() == '"') {
            m_r.authservId = quoted();
            m_r.authservIdSpan = span(start, m_pos);
        } else if (peek() == ';') {
            warn(tr("The authserv-id is missing: the field starts with ';' (RFC 8601 2.2)."));
        } else {
            const QString w = word();
            const qsizetype after = m_pos;
            skipCfws(nullptr);
            const bool looksLikeMethod = peek() == '=' || w.contains(QLatin1Char('/'));
            m_pos = after;
            if (looksLikeMethod || w.isEmpty()) {
                warn(tr("The authserv-id is missing: the field starts with a method result "
                        "(RFC 8601 2.2). Outlook/Exchange write it like this."));
                m_pos = start;
                parseResinfo();
            } else {
                m_r.authservId = w;
                m_r.authservIdSpan = span(start, after);
                if (w.contains(QLatin1Char('@')) || w.contains(QLatin1Char(',')))
                    warn(tr("The authserv-id \"%1\" holds characters a token may not have "
                            "(RFC 8601 2.2).")
                             .arg(w));
            }
        }
        if (m_r.results.isEmpty()) {
            // [CFWS authres-version]
            skipCfws(&m_r.comments);
            if (isDigit(peek())) {
                const qsizetype vStart = m_pos;
                while (!atEnd() && isDigit(peek()))
                    ++m_pos;
                if (!atEnd() && !endsWord(peek())) {
                    m_pos = vStart; // not a version, e.g. a second word of the authserv-id
                } else {
                    bool ok = false;
                    const QByteArrayView digits = m_v.sliced(vStart, m_pos - vStart);
                    const int ver = digits.size() <= 6 ? digits.toInt(&ok) : 0;
                    m_r.versionGiven = true;
                    m_r.version = ok ? ver : -1;
                    if (m_r.version != 1)
                        warn(tr("Version %1 is not 1: RFC 8601 2.2 says to ignore a field whose "
                                "version is not understood.")
                                 .arg(text(vStart, m_pos)));
                }
            }
        }
        parseResinfoList();
        if (m_r.results.isEmpty() && !m_r.noResult) {
            warn(tr("No method result was found (RFC 8601 2.2 wants at least one, or "
                    "\"none\")."));
            m_r.fatal = m_r.authservId.isEmpty();
        }
    }

    void parseResinfoList()
    {
        while (true) {
            skipCfws(&m_r.comments);
            if (atEnd())
                return;
            const char c = peek();
            if (c == ';') {
                ++m_pos;
                skipCfws(&m_r.comments);
                if (atEnd()) {
                    warn(tr("A trailing ';' ends the field (tolerated; not in RFC 8601 2.2)."));
                    return;
                }
                if (peek() == ';') {
                    warn(tr("An empty result between two ';' was skipped."));
                    continue;
                }
                const qsizetype save = m_pos;
                const QString w = word();
                const qsizetype after = m_pos;
                skipCfws(nullptr);
                if (w.compare(u"none", Qt::CaseInsensitive) == 0 && peek() != '=') {
                    m_pos = after;
                    if (!m_r.results.isEmpty())
                        warn(tr("\"none\" after method results is not allowed (RFC 8601 2.2)."));
                    else
                        m_r.noResult = true;
                    continue;
                }
                m_pos = save;
                parseResinfo();
                continue;
            }
            // Something after the authserv-id (or a result) that is not ';'.
            const qsizetype save = m_pos;
            const QString w = word();
            skipCfws(nullptr);
            if (!w.isEmpty() && peek() == '=') {
                warn(tr("A ';' is missing before \"%1\" (RFC 8601 2.2).").arg(w));
                m_pos = save;
                parseResinfo();
                continue;
            }
            if (w.compare(u"none", Qt::CaseInsensitive) == 0 && m_r.results.isEmpty()) {
                warn(tr("\"none\" is not preceded by ';' (RFC 8601 2.2)."));
                m_r.noResult = true;
                continue;
            }
            warn(tr("Unexpected text \"%1\" was skipped.")
                     .arg(w.isEmpty() ? QString(QChar::fromLatin1(c)) : w));
            if (w.isEmpty())
                ++m_pos;
        }
    }

    // methodspec [reasonspec] [propspec...] up to the next ';' or the end.
    void parseResinfo()
    {
        MethodResult mr;
        const qsizetype start = m_pos;
        const QString method = word();
        if (method.isEmpty()) {
            warn(tr("A result without a method name was skipped."));
            skipToSemicolon();
            return;
        }
        mr.methodSpan = span(start, m_pos);
        QString name = method;
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            const QString ver = name.mid(slash + 1).trimmed();
            name = name.left(slash);
            bool ok = false;
            const int v = ver.size() <= 6 ? ver.toInt(&ok) : 0;
            if (ok && v > 0)
                mr.methodVersion = v;
            else
                warn(tr("The method version \"%1\" is not a number (RFC 8601 2.2).").arg(ver));
        }
        mr.method = name.toLower();
        skipCfws(&mr.comments);
        if (peek() != '=') {
            warn(tr("The method \"%1\" has no \"=result\" (RFC 8601 2.2).").arg(method));
            skipToSemicolon();
            return;
        }
        ++m_pos;
        skipCfws(&mr.comments);
        const qsizetype rStart = m_pos;
        const QString result = value(false);
        mr.resultSpan = span(rStart, m_pos);
        mr.span = span(start, m_pos);
        if (result.isEmpty())
            warn(tr("The method \"%1\" has an empty result (RFC 8601 2.2).").arg(mr.method));
        if (result.startsWith(QLatin1Char('"')) || peekBackQuoted(rStart))
            warn(tr("The result of \"%1\" is quoted; it should be a bare keyword.").arg(mr.method));
        mr.result = result.toLower();
        mr.status = statusFromName(mr.result);
        if (mr.status && (*mr.status == Status::Info || *mr.status == Status::Warning))
            mr.status.reset();
        if (mr.result == u"hardfail")
            mr.status = Status::Fail;
        const QStringList reg = registeredResults(mr.method);
        if (!reg.isEmpty() && !mr.result.isEmpty() && !reg.contains(mr.result))
            warn(tr("\"%1\" is not a result registered for %2 (RFC 8601 2.7).")
                     .arg(mr.result, mr.method));

        // [reasonspec] and propspecs, in any order in practice.
        while (true) {
            skipCfws(&mr.comments);
            if (atEnd() || peek() == ';')
                break;
            const qsizetype kStart = m_pos;
            const QString key = word();
            if (key.isEmpty()) {
                // A stray '=' or '"': skip one byte so the loop always advances.
                warn(tr("Unexpected character '%1' in the %2 result was skipped.")
                         .arg(QChar::fromLatin1(peek()))
                         .arg(mr.method));
                ++m_pos;
                continue;
            }
            const qsizetype kEnd = m_pos;
            skipCfws(&mr.comments);
            if (peek() != '=') {
                warn(tr("The word \"%1\" in the %2 result is not \"property=value\" and was "
                        "ignored (RFC 8601 2.2).")
                         .arg(key, mr.method));
                continue;
            }
            const int dot = key.indexOf(QLatin1Char('.'));
            if (dot < 0 && key.compare(u"reason", Qt::CaseInsensitive) != 0 && isKnownMethod(key)) {
                // "spf=pass smtp.mailfrom=a dkim=pass ...": the ';' was forgotten.
                warn(tr("A ';' is missing before \"%1\" (RFC 8601 2.2).").arg(key));
                m_pos = kStart;
                break;
            }
            ++m_pos;
            skipCfws(&mr.comments);
            const qsizetype vStart = m_pos;
            const QString val = value(true);
            const qsizetype vEnd = m_pos;
            mr.span = span(start, vEnd);
            if (dot < 0 && key.compare(u"reason", Qt::CaseInsensitive) == 0) {
                if (mr.hasReason)
                    warn(tr("The %1 result has more than one reason (RFC 8601 2.2).")
                             .arg(mr.method));
                if (!mr.properties.isEmpty())
                    warn(tr("The reason of the %1 result comes after its properties (RFC 8601 "
                            "2.2 puts it first).")
                             .arg(mr.method));
                mr.hasReason = true;
                mr.reason = val;
                mr.reasonSpan = span(kStart, vEnd);
                continue;
            }
            Property p;
            if (dot < 0) {
                p.property = key.toLower();
                warn(tr("\"%1=\" in the %2 result has no ptype (\"header.\", \"smtp.\", ...): a "
                        "vendor extension, not RFC 8601 2.3.")
                         .arg(key, mr.method));
            } else {
                p.ptype = key.left(dot).toLower();
                p.property = key.mid(dot + 1).toLower();
                if (p.ptype.isEmpty() || p.property.isEmpty())
                    warn(tr("The property \"%1\" is incomplete (RFC 8601 2.3).").arg(key));
            }
            Q_UNUSED(kEnd);
            p.value = val;
            p.span = span(kStart, vEnd);
            p.valueSpan = span(vStart, vEnd);
            mr.properties.append(p);
        }
        m_r.results.append(mr);
    }

    bool peekBackQuoted(qsizetype at) const { return at < m_v.size() && m_v[at] == '"'; }

    void skipToSemicolon()
    {
        while (!atEnd() && peek() != ';') {
            if (peek() == '(') {
                skipCfws(nullptr);
                continue;
            }
            if (peek() == '"') {
                quoted();
                continue;
            }
            ++m_pos;
        }
    }
};

} // namespace

QString MethodResult::property(QStringView key) const
{
    const Property* p = findProperty(key);
    return p ? p->value : QString();
}

const Property* MethodResult::findProperty(QStringView key) const
{
    for (const Property& p : properties) {
        if (p.key().compare(key, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

QList<const MethodResult*> AuthResult::byMethod(QStringView method) const
{
    QList<const MethodResult*> out;
    for (const MethodResult& m : results) {
        if (m.method.compare(method, Qt::CaseInsensitive) == 0)
            out.append(&m);
    }
    return out;
}

const MethodResult* AuthResult::first(QStringView method) const
{
    for (const MethodResult& m : results) {
        if (m.method.compare(method, Qt::CaseInsensitive) == 0)
            return &m;
    }
    return nullptr;
}

AuthResult parse(QByteArrayView value, const QString& sourceId, qint64 baseOffset)
{
    return Parser(value, sourceId, baseOffset).run(false);
}

AuthResult parseArc(QByteArrayView value, const QString& sourceId, qint64 baseOffset)
{
    return Parser(value, sourceId, baseOffset).run(true);
}

AuthResult parse(const HeaderField& field)
{
    return parse(field.value, QStringLiteral("message"), field.valueOffset);
}

AuthResult parseArc(const HeaderField& field)
{
    return parseArc(field.value, QStringLiteral("message"), field.valueOffset);
}

QStringList registeredResults(QStringView method)
{
    const QString m = method.toString().toLower();
    if (m == u"dkim" || m == u"domainkeys")
        return { QStringLiteral("none"), QStringLiteral("pass"), QStringLiteral("fail"),
            QStringLiteral("policy"), QStringLiteral("neutral"), QStringLiteral("temperror"),
            QStringLiteral("permerror") };
    if (m == u"spf" || m == u"sender-id")
        return { QStringLiteral("none"), QStringLiteral("neutral"), QStringLiteral("pass"),
            QStringLiteral("fail"), QStringLiteral("softfail"), QStringLiteral("temperror"),
            QStringLiteral("permerror"), QStringLiteral("policy"), QStringLiteral("hardfail") };
    if (m == u"iprev")
        return { QStringLiteral("pass"), QStringLiteral("fail"), QStringLiteral("temperror"),
            QStringLiteral("permerror") };
    if (m == u"auth")
        return { QStringLiteral("none"), QStringLiteral("pass"), QStringLiteral("fail"),
            QStringLiteral("temperror"), QStringLiteral("permerror") };
    if (m == u"dmarc")
        return { QStringLiteral("none"), QStringLiteral("pass"), QStringLiteral("fail"),
            QStringLiteral("bestguesspass"), QStringLiteral("temperror"),
            QStringLiteral("permerror") };
    if (m == u"arc")
        return { QStringLiteral("none"), QStringLiteral("pass"), QStringLiteral("fail") };
    if (m == u"smime")
        return { QStringLiteral("none"), QStringLiteral("pass"), QStringLiteral("fail"),
            QStringLiteral("policy"), QStringLiteral("neutral"), QStringLiteral("temperror"),
            QStringLiteral("permerror") };
    return {};
}

Step toStep(const AuthResult& r, const QString& title)
{
    Status overall
        = r.fatal ? Status::PermError : (r.warnings.isEmpty() ? Status::Info : Status::Warning);
    Step s(QStringLiteral("authres.field"), overall,
        title.isEmpty() ? QCoreApplication::translate("ms::authres", "Authentication results by %1")
                              .arg(r.authservId.isEmpty() ? QCoreApplication::translate(
                                       "ms::authres", "(no authserv-id)")
                                                          : r.authservId)
                        : title,
        QCoreApplication::translate("ms::authres",
            "What the server named by the authserv-id recorded when it checked the message. "
            "Only trust it when that server is yours."),
        QStringLiteral("RFC 8601 2.2"));
    if (!r.span.source.isEmpty())
        s.spans.append(r.span);
    s.addFact(QStringLiteral("authserv-id"), r.authservId);
    if (r.instance > 0)
        s.addFact(QStringLiteral("i"), QString::number(r.instance));
    if (r.versionGiven)
        s.addFact(QStringLiteral("version"), QString::number(r.version));
    if (r.noResult)
        s.add(Step(QStringLiteral("authres.none"), Status::None,
            QCoreApplication::translate("ms::authres", "none: no authentication was done"), {},
            QStringLiteral("RFC 8601 2.2")));
    for (const MethodResult& m : r.results) {
        QString head = m.method;
        if (m.methodVersion > 0)
            head += QLatin1Char('/') + QString::number(m.methodVersion);
        Step c(QStringLiteral("authres.result"), m.status.value_or(Status::Info),
            QStringLiteral("%1=%2").arg(head, m.result), {}, QStringLiteral("RFC 8601 2.7"));
        if (!m.span.source.isEmpty())
            c.spans.append(m.span);
        c.addFact(QStringLiteral("method"), m.method);
        c.addFact(QStringLiteral("result"), m.result);
        if (m.hasReason)
            c.addFact(QStringLiteral("reason"), m.reason);
        for (const Property& p : m.properties)
            c.addFact(p.key(), p.value);
        if (!m.comments.isEmpty())
            c.detail = m.comments.join(QStringLiteral("; "));
        s.add(std::move(c));
    }
    for (const QString& w : r.warnings)
        s.add(Step(QStringLiteral("authres.warning"), Status::Warning, w, {},
            QStringLiteral("RFC 8601 2.2")));
    return s;
}

} // namespace ms::authres
