#include "spf/Record.h"

#include "trace/Translate.h"

#include <QCoreApplication>

namespace ms::spf {

static QString tr(const char* text)
{
    return ms::translate("ms::spf::Record", text);
}

// QByteArrayView::mid() is Qt 6.5+; clamp like QByteArray::mid().
static QByteArrayView vmid(QByteArrayView v, qsizetype pos, qsizetype n = -1)
{
    if (pos >= v.size())
        return {};
    if (n < 0 || pos + n > v.size())
        n = v.size() - pos;
    return v.sliced(pos, n);
}

Status qualifierStatus(Qualifier q)
{
    switch (q) {
    case Qualifier::Pass: return Status::Pass;
    case Qualifier::Fail: return Status::Fail;
    case Qualifier::SoftFail: return Status::SoftFail;
    case Qualifier::Neutral: return Status::Neutral;
    }
    return Status::Neutral;
}

char qualifierChar(Qualifier q)
{
    switch (q) {
    case Qualifier::Pass: return '+';
    case Qualifier::Fail: return '-';
    case Qualifier::SoftFail: return '~';
    case Qualifier::Neutral: return '?';
    }
    return '+';
}

QString mechanismName(Mechanism m)
{
    switch (m) {
    case Mechanism::All: return QStringLiteral("all");
    case Mechanism::Include: return QStringLiteral("include");
    case Mechanism::A: return QStringLiteral("a");
    case Mechanism::Mx: return QStringLiteral("mx");
    case Mechanism::Ptr: return QStringLiteral("ptr");
    case Mechanism::Ip4: return QStringLiteral("ip4");
    case Mechanism::Ip6: return QStringLiteral("ip6");
    case Mechanism::Exists: return QStringLiteral("exists");
    }
    return {};
}

bool causesDnsQuery(Mechanism m)
{
    return m == Mechanism::Include || m == Mechanism::A || m == Mechanism::Mx || m == Mechanism::Ptr
        || m == Mechanism::Exists;
}

bool isSpfRecord(QByteArrayView text)
{
    if (text.size() < 6 || qstrnicmp(text.data(), "v=spf1", 6) != 0)
        return false;
    return text.size() == 6 || text[6] == ' ';
}

static bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
static bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
static bool validTopLabel(QByteArrayView l)
{
    if (l.isEmpty())
        return false;
    bool alpha = false, dash = false;
    for (char c : l) {
        if (c == '-')
            dash = true;
        else if (!isAlnum(c))
            return false;
        alpha = alpha || isAlpha(c);
    }
    if (!dash)
        return alpha;
    return l.front() != '-' && l.back() != '-';
}

bool validDomainSpec(QByteArrayView spec, MacroString* macros, QString* why, qint64* errorAt)
{
    *errorAt = 0;
    if (spec.isEmpty()) {
        *why = tr("the domain-spec is empty");
        return false;
    }
    *macros = parseMacroString(spec, MacroUse::DomainSpec);
    if (!macros->ok()) {
        *why = macros->error;
        *errorAt = macros->errorOffset;
        return false;
    }
    const MacroToken& last = macros->tokens.back();
    if (last.kind != MacroToken::Kind::Literal)
        return true; // domain-end = macro-expand
    QByteArrayView lit(last.text);
    if (lit.endsWith('.'))
        lit.chop(1);
    const qsizetype dot = lit.lastIndexOf('.');
    if (dot < 0 || !validTopLabel(vmid(lit, dot + 1))) {
        *why = tr("the domain must end in a macro or in \".\" and a top-level label with a "
                  "letter (RFC 7208 7.1 domain-end)");
        *errorAt = last.offset;
        return false;
    }
    return true;
}

// The longest valid dual-cidr-length suffix of `arg` (RFC 7208 5.6); returns its start.
static bool parseCidr(QByteArrayView s, int maxDigits, int maxValue, int* value)
{
    if (s.isEmpty() || s.size() > maxDigits || (s.size() > 1 && s[0] == '0'))
        return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    if (v > maxValue)
        return false;
    *value = v;
    return true;
}

static bool parseDualCidr(QByteArrayView s, int* c4, int* c6)
{
    *c4 = -1;
    *c6 = -1;
    if (s.isEmpty())
        return true;
    const qsizetype dbl = s.indexOf("//");
    QByteArrayView four = dbl < 0 ? s : s.first(dbl);
    QByteArrayView six = dbl < 0 ? QByteArrayView() : vmid(s, dbl + 2);
    if (dbl >= 0 && !parseCidr(six, 3, 128, c6))
        return false;
    if (!four.isEmpty()) {
        if (!four.startsWith('/') || !parseCidr(vmid(four, 1), 2, 32, c4))
            return false;
    }
    return true;
}

ParsedRecord parseRecord(const QByteArray& text)
{
    ParsedRecord rec;
    rec.text = text;
    auto fail = [&](qint64 off, qint64 len, const QString& why, const QString& rfc) {
        if (rec.ok()) {
            rec.error = why;
            rec.errorOffset = off;
            rec.errorLength = std::max<qint64>(len, 1);
            rec.errorRfc = rfc;
        }
    };
    if (!isSpfRecord(text)) {
        fail(0, text.size(), tr("not an SPF record: it must begin with \"v=spf1\""),
            QStringLiteral("RFC 7208 4.5"));
        return rec;
    }
    qsizetype i = 6;
    const qsizetype n = text.size();
    while (i < n && rec.ok()) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        qsizetype end = text.indexOf(' ', i);
        if (end < 0)
            end = n;
        Term t;
        t.offset = i;
        t.length = end - i;
        t.text = text.mid(i, end - i);
        i = end;
        const QByteArrayView term(t.text);

        // Only printable ASCII inside terms (RFC 7208 3.1, 4.6.1: terms are separated by
        // spaces, never by other control characters).
        for (qsizetype k = 0; k < term.size(); ++k) {
            const auto c = static_cast<unsigned char>(term[k]);
            if (c < 0x21 || c > 0x7e) {
                fail(t.offset + k, 1,
                    c >= 0x80 ? tr("non-ASCII byte 0x%1 in term \"%2\": SPF records are "
                                   "7-bit ASCII")
                                    .arg(c, 2, 16, QLatin1Char('0'))
                                    .arg(QString::fromLatin1(t.text).toHtmlEscaped())
                              : tr("control character 0x%1 in a term: terms are separated "
                                   "by spaces only")
                                    .arg(c, 2, 16, QLatin1Char('0')),
                    c >= 0x80 ? QStringLiteral("RFC 7208 3.1") : QStringLiteral("RFC 7208 4.6.1"));
                break;
            }
        }
        if (!rec.ok())
            break;

        const qsizetype special = [&] {
            for (qsizetype k = 0; k < term.size(); ++k) {
                if (term[k] == ':' || term[k] == '/' || term[k] == '=')
                    return k;
            }
            return qsizetype(-1);
        }();

        if (special >= 0 && term[special] == '=') {
            // modifier = name "=" macro-string; name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
            const QByteArrayView name = term.first(special);
            bool nameOk = !name.isEmpty() && isAlpha(name[0]);
            for (char c : name)
                nameOk = nameOk && (isAlnum(c) || c == '-' || c == '_' || c == '.');
            if (!nameOk) {
                fail(t.offset, t.length,
                    tr("\"%1\" is not a valid modifier name: it must start with a letter and "
                       "contain only letters, digits, '-', '_' and '.'")
                        .arg(QString::fromLatin1(name)),
                    QStringLiteral("RFC 7208 4.6.1, 12"));
                break;
            }
            t.name = name.toByteArray();
            t.domainSpec = vmid(term, special + 1).toByteArray();
            t.domainOffset = t.offset + special + 1;
            const QByteArray lname = t.name.toLower();
            if (lname == "redirect" || lname == "exp") {
                t.kind = lname == "redirect" ? Term::Kind::Redirect : Term::Kind::Exp;
                int& slot = lname == "redirect" ? rec.redirect : rec.exp;
                if (slot >= 0) {
                    fail(t.offset, t.length,
                        tr("the \"%1\" modifier appears more than once")
                            .arg(QString::fromLatin1(lname)),
                        QStringLiteral("RFC 7208 6"));
                    break;
                }
                slot = int(rec.terms.size());
                QString why;
                qint64 at = 0;
                if (!validDomainSpec(t.domainSpec, &t.macros, &why, &at)) {
                    fail(t.domainOffset + at,
                        t.domainSpec.isEmpty() ? t.length : t.domainSpec.size() - at,
                        tr("%1= needs a valid domain-spec: %2")
                            .arg(QString::fromLatin1(lname), why),
                        lname == "redirect" ? QStringLiteral("RFC 7208 6.1")
                                            : QStringLiteral("RFC 7208 6.2"));
                    break;
                }
            } else {
                t.kind = Term::Kind::Unknown;
                t.macros = parseMacroString(t.domainSpec, MacroUse::Modifier);
                if (!t.macros.ok()) {
                    fail(t.domainOffset + t.macros.errorOffset, 1,
                        tr("unknown modifier \"%1\" has an invalid value: %2")
                            .arg(QString::fromLatin1(t.name), t.macros.error),
                        QStringLiteral("RFC 7208 6, 7.1"));
                    break;
                }
            }
            rec.terms.append(t);
            continue;
        }

        // mechanism = [ qualifier ] name [ ":" argument ] [ cidr ]
        qsizetype k = 0;
        switch (term[0]) {
        case '+':
            t.qualifier = Qualifier::Pass;
            k = 1;
            break;
        case '-':
            t.qualifier = Qualifier::Fail;
            k = 1;
            break;
        case '~':
            t.qualifier = Qualifier::SoftFail;
            k = 1;
            break;
        case '?':
            t.qualifier = Qualifier::Neutral;
            k = 1;
            break;
        default: break;
        }
        t.explicitQualifier = k == 1;
        const qsizetype nameEnd = special >= 0 ? special : term.size();
        t.name = vmid(term, k, nameEnd - k).toByteArray();
        const QByteArray lname = t.name.toLower();
        static const QList<QPair<QByteArray, Mechanism>> names
            = { { "all", Mechanism::All }, { "include", Mechanism::Include }, { "a", Mechanism::A },
                  { "mx", Mechanism::Mx }, { "ptr", Mechanism::Ptr }, { "ip4", Mechanism::Ip4 },
                  { "ip6", Mechanism::Ip6 }, { "exists", Mechanism::Exists } };
        bool known = false;
        for (const auto& [nm, m] : names) {
            if (nm == lname) {
                t.mechanism = m;
                known = true;
            }
        }
        if (!known) {
            fail(t.offset, t.length,
                lname == "redirect" || lname == "exp"
                    ? tr("\"%1\" is a modifier and needs '=' (\"%1=...\")")
                          .arg(QString::fromLatin1(t.name))
                    : t.name.isEmpty()
                    ? tr("\"%1\": a term must begin with a mechanism name (all, include, a, mx, "
                         "ptr, ip4, ip6, exists) or be a modifier (name=value)")
                          .arg(QString::fromLatin1(t.text))
                    : tr("unknown mechanism \"%1\"").arg(QString::fromLatin1(t.name)),
                QStringLiteral("RFC 7208 4.6.1, 5"));
            break;
        }
        const QByteArrayView rest = vmid(term, nameEnd);
        const qint64 restOffset = t.offset + nameEnd;
        const QString mname = mechanismName(t.mechanism);
        auto needDomain = [&](QByteArrayView spec, qint64 specOffset) {
            t.domainSpec = spec.toByteArray();
            t.domainOffset = specOffset;
            QString why;
            qint64 at = 0;
            if (!validDomainSpec(spec, &t.macros, &why, &at)) {
                fail(spec.isEmpty() ? t.offset : specOffset + at,
                    spec.isEmpty() ? t.length : spec.size() - at,
                    tr("\"%1\": %2").arg(QString::fromLatin1(t.text), why),
                    QStringLiteral("RFC 7208 7.1"));
                return false;
            }
            return true;
        };
        switch (t.mechanism) {
        case Mechanism::All:
            if (!rest.isEmpty())
                fail(t.offset, t.length, tr("\"all\" takes no argument or prefix length"),
                    QStringLiteral("RFC 7208 5.1"));
            break;
        case Mechanism::Include:
        case Mechanism::Exists:
            if (!rest.startsWith(':')) {
                fail(t.offset, t.length, tr("\"%1\" needs \":domain\"").arg(mname),
                    t.mechanism == Mechanism::Include ? QStringLiteral("RFC 7208 5.2")
                                                      : QStringLiteral("RFC 7208 5.7"));
                break;
            }
            needDomain(vmid(rest, 1), restOffset + 1);
            break;
        case Mechanism::Ptr:
            if (rest.isEmpty())
                break;
            if (!rest.startsWith(':')) {
                fail(t.offset, t.length, tr("\"ptr\" takes no prefix length"),
                    QStringLiteral("RFC 7208 5.5"));
                break;
            }
            needDomain(vmid(rest, 1), restOffset + 1);
            break;
        case Mechanism::A:
        case Mechanism::Mx: {
            QByteArrayView arg = rest;
            qint64 argOffset = restOffset;
            bool hasDomain = false;
            if (arg.startsWith(':')) {
                hasDomain = true;
                arg = vmid(arg, 1);
                ++argOffset;
            }
            // Split the longest valid dual-cidr-length suffix off the argument.
            qsizetype split = arg.size();
            const qsizetype from = hasDomain ? std::max<qsizetype>(0, arg.size() - 9) : 0;
            for (qsizetype p = from; p <= arg.size(); ++p) {
                int c4, c6;
                if ((p == arg.size() || arg[p] == '/') && parseDualCidr(vmid(arg, p), &c4, &c6)) {
                    split = p;
                    t.cidr4 = c4;
                    t.cidr6 = c6;
                    break;
                }
            }
            if (!hasDomain) {
                if (split != 0)
                    fail(t.offset, t.length,
                        tr("\"%1\": invalid prefix length (\"/0\"-\"/32\" for IPv4, "
                           "\"//0\"-\"//128\" "
                           "for IPv6)")
                            .arg(QString::fromLatin1(t.text)),
                        QStringLiteral("RFC 7208 5.6"));
                break;
            }
            needDomain(arg.first(split), argOffset);
            break;
        }
        case Mechanism::Ip4:
        case Mechanism::Ip6: {
            const bool v6 = t.mechanism == Mechanism::Ip6;
            if (!rest.startsWith(':')) {
                fail(t.offset, t.length, tr("\"%1\" needs \":address\"").arg(mname),
                    QStringLiteral("RFC 7208 5.6"));
                break;
            }
            QByteArrayView arg = vmid(rest, 1);
            const qsizetype slash = arg.indexOf('/');
            QByteArrayView addr = slash < 0 ? arg : arg.first(slash);
            int cidr = -1;
            if (slash >= 0 && !parseCidr(vmid(arg, slash + 1), v6 ? 3 : 2, v6 ? 128 : 32, &cidr)) {
                fail(t.offset, t.length,
                    tr("\"%1\": invalid prefix length (RFC 7208 5.6 allows /0-/%2 without leading "
                       "zeros)")
                        .arg(QString::fromLatin1(t.text))
                        .arg(v6 ? 128 : 32),
                    QStringLiteral("RFC 7208 5.6"));
                break;
            }
            const auto ip = v6 ? IpAddress::parseV6(addr) : IpAddress::parseV4(addr);
            if (!ip) {
                fail(restOffset + 1, addr.size(),
                    v6 ? tr("\"%1\" is not an IPv6 address").arg(QString::fromLatin1(addr))
                       : tr("\"%1\" is not an IPv4 address (four decimal numbers 0-255)")
                             .arg(QString::fromLatin1(addr)),
                    QStringLiteral("RFC 7208 5.6"));
                break;
            }
            t.network = *ip;
            (v6 ? t.cidr6 : t.cidr4) = cidr;
            break;
        }
        }
        if (rec.ok())
            rec.terms.append(t);
    }
    return rec;
}

} // namespace ms::spf
