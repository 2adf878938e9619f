#include "dmarc/Record.h"

#include "trace/Translate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace ms::dmarc {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::dmarc", text);
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

const QStringList& tags9989()
{
    static const QStringList t = { QStringLiteral("v"), QStringLiteral("p"), QStringLiteral("sp"),
        QStringLiteral("np"), QStringLiteral("adkim"), QStringLiteral("aspf"), QStringLiteral("fo"),
        QStringLiteral("rua"), QStringLiteral("ruf"), QStringLiteral("t"), QStringLiteral("psd") };
    return t;
}

const QStringList& tags7489()
{
    static const QStringList t = { QStringLiteral("v"), QStringLiteral("p"), QStringLiteral("sp"),
        QStringLiteral("adkim"), QStringLiteral("aspf"), QStringLiteral("fo"),
        QStringLiteral("pct"), QStringLiteral("rf"), QStringLiteral("ri"), QStringLiteral("rua"),
        QStringLiteral("ruf") };
    return t;
}

bool validFo(const QString& v)
{
    const QStringList parts = v.split(QLatin1Char(':'));
    int zeroOne = 0, d = 0, s = 0;
    for (const QString& raw : parts) {
        const QString p = raw.trimmed().toLower();
        if (p == u"0" || p == u"1")
            ++zeroOne;
        else if (p == u"d")
            ++d;
        else if (p == u"s")
            ++s;
        else
            return false;
    }
    return zeroOne <= 1 && d <= 1 && s <= 1;
}

// RFC 9989 4.8 dmarc-urilist; obs-dmarc-report-size ("!10m") is accepted and ignored.
void parseUris(const QString& v, QStringList& good, QStringList& bad)
{
    static const QRegularExpression size(
        QStringLiteral("!\\d+[kmgt]?$"), QRegularExpression::CaseInsensitiveOption);
    for (const QString& raw : v.split(QLatin1Char(','))) {
        QString u = raw.trimmed();
        u.remove(size);
        const QUrl url(u, QUrl::StrictMode);
        if (u.isEmpty() || !url.isValid() || url.scheme().isEmpty())
            bad << raw.trimmed();
        else
            good << u;
    }
}

QString tagMeaning(const QString& name)
{
    if (name == u"v")
        return tr(
            "Version: identifies a DMARC record; must be the first tag and exactly \"DMARC1\".");
    if (name == u"p")
        return tr(
            "Domain Owner Assessment Policy for the domain itself: none, quarantine or reject.");
    if (name == u"sp")
        return tr("Policy for existing subdomains of the Organizational Domain.");
    if (name == u"np")
        return tr("Policy for non-existent subdomains (NXDOMAIN) of the Organizational Domain.");
    if (name == u"adkim")
        return tr("DKIM alignment mode: r = relaxed (same Organizational Domain), s = strict "
                  "(identical domain).");
    if (name == u"aspf")
        return tr("SPF alignment mode: r = relaxed (same Organizational Domain), s = strict "
                  "(identical domain).");
    if (name == u"fo")
        return tr("Failure reporting options (only used with ruf).");
    if (name == u"rua")
        return tr("Where aggregate reports go.");
    if (name == u"ruf")
        return tr("Where failure reports go.");
    if (name == u"t")
        return tr(
            "Test mode: t=y asks receivers to apply one policy level below the published one.");
    if (name == u"psd")
        return tr("Public Suffix Domain flag: y = a PSD, n = an Organizational Domain, u = unknown "
                  "(the default).");
    if (name == u"pct")
        return tr("RFC 7489: the percentage of failing messages the policy applies to.");
    if (name == u"rf")
        return tr("RFC 7489: the failure report format.");
    if (name == u"ri")
        return tr("RFC 7489: the requested aggregate report interval, in seconds.");
    return tr("Not a registered DMARC tag: ignored.");
}

} // namespace

QString policyName(Policy p)
{
    switch (p) {
    case Policy::None: return QStringLiteral("none");
    case Policy::Quarantine: return QStringLiteral("quarantine");
    case Policy::Reject: return QStringLiteral("reject");
    }
    return QStringLiteral("none");
}

std::optional<Policy> policyFromName(QStringView s)
{
    if (s.compare(u"none", Qt::CaseInsensitive) == 0)
        return Policy::None;
    if (s.compare(u"quarantine", Qt::CaseInsensitive) == 0)
        return Policy::Quarantine;
    if (s.compare(u"reject", Qt::CaseInsensitive) == 0)
        return Policy::Reject;
    return std::nullopt;
}

const Tag* Record::tag(QStringView name) const
{
    for (const Tag& t : tags) {
        if (t.name == name && !t.duplicate)
            return &t;
    }
    return nullptr;
}

bool Record::usable(Spec spec) const
{
    if (!isDmarc)
        return false;
    const bool pBad = pInvalid || (spec == Spec::Rfc7489 && !p);
    const bool subBad = spInvalid || (spec == Spec::Rfc9989 && npInvalid);
    if (!pBad && !subBad)
        return true;
    return !rua.isEmpty();
}

Policy Record::effectiveP(Spec spec) const
{
    const bool pBad = pInvalid || (spec == Spec::Rfc7489 && !p);
    const bool subBad = spInvalid || (spec == Spec::Rfc9989 && npInvalid);
    if (pBad || subBad)
        return Policy::None; // the rua rule: act as if p=none
    return p.value_or(Policy::None);
}

bool startsWithDmarcVersion(QByteArrayView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && isWsp(text[i]))
        ++i;
    if (i >= n || text[i] != 'v')
        return false;
    ++i;
    while (i < n && isWsp(text[i]))
        ++i;
    if (i >= n || text[i] != '=')
        return false;
    ++i;
    while (i < n && isWsp(text[i]))
        ++i;
    if (text.sliced(i).startsWith("DMARC1")) {
        i += 6;
        while (i < n && isWsp(text[i]))
            ++i;
        return i == n || text[i] == ';';
    }
    return false;
}

Record parseRecord(const QByteArray& text, Spec spec)
{
    Record r;
    r.text = text;
    r.isDmarc = startsWithDmarcVersion(text);
    const QStringList& known = spec == Spec::Rfc9989 ? tags9989() : tags7489();
    qsizetype pos = 0;
    const qsizetype n = text.size();
    // Bounded by the text: every iteration consumes at least the ';'.
    while (pos <= n) {
        qsizetype end = text.indexOf(';', pos);
        if (end < 0)
            end = n;
        qsizetype s = pos, e = end;
        while (s < e && isWsp(text[s]))
            ++s;
        while (e > s && isWsp(text[e - 1]))
            --e;
        pos = end + 1;
        if (s == e)
            continue; // an empty item (a trailing ';')
        Tag t;
        t.offset = s;
        t.length = e - s;
        const qsizetype eq = text.indexOf('=', s);
        if (eq < 0 || eq >= e) {
            t.name = QString::fromUtf8(text.mid(s, e - s)).toLower();
            t.valid = false;
            t.problem = tr("\"%1\" is not \"tag=value\": ignored (RFC 9989 4.8).").arg(t.name);
            r.tags.append(t);
            continue;
        }
        qsizetype ne = eq;
        while (ne > s && isWsp(text[ne - 1]))
            --ne;
        qsizetype vs = eq + 1;
        while (vs < e && isWsp(text[vs]))
            ++vs;
        const QString rawName = QString::fromUtf8(text.mid(s, ne - s));
        t.name = rawName.toLower();
        t.value = QString::fromUtf8(text.mid(vs, e - vs));
        t.valueOffset = vs;
        t.valueLength = e - vs;
        for (const Tag& prev : r.tags) {
            if (prev.name == t.name)
                t.duplicate = true;
        }
        t.known = known.contains(t.name);
        if (t.duplicate) {
            t.problem = tr("The tag %1 appears more than once; only the first counts.").arg(t.name);
            r.tags.append(t);
            continue;
        }
        static const QRegularExpression alpha(QStringLiteral("^[A-Za-z]+$"));
        if (!alpha.match(rawName).hasMatch()) {
            t.valid = false;
            t.problem = tr("\"%1\" is not a tag name (letters only, RFC 9989 4.8): ignored.")
                            .arg(rawName);
            r.tags.append(t);
            continue;
        }
        if (!t.known) {
            t.problem = spec == Spec::Rfc9989 && tags7489().contains(t.name)
                ? tr("%1 is an RFC 7489 tag that RFC 9989 no longer has: ignored.").arg(t.name)
                : spec == Spec::Rfc7489 && tags9989().contains(t.name)
                ? tr("%1 is an RFC 9989 tag that RFC 7489 does not have: ignored.").arg(t.name)
                : tr("Unknown tag %1: ignored (RFC 9989 4.7).").arg(t.name);
            r.tags.append(t);
            continue;
        }
        const QString v = t.value.toLower();
        auto bad = [&](const QString& why) {
            t.valid = false;
            t.problem = why;
        };
        if (t.name == u"v") {
            if (r.tags.isEmpty() ? false : true)
                bad(tr("v= must be the first tag (RFC 9989 4.7)."));
            else if (t.value != u"DMARC1")
                bad(tr("The version must be exactly \"DMARC1\" (case-sensitive, RFC 9989 4.7)."));
        } else if (t.name == u"p" || t.name == u"sp" || t.name == u"np") {
            const auto pol = policyFromName(v);
            if (!pol)
                bad(tr("\"%1\" is not none, quarantine or reject.").arg(t.value));
            if (t.name == u"p") {
                r.p = pol;
                r.pInvalid = !pol;
            } else if (t.name == u"sp") {
                r.sp = pol;
                r.spInvalid = !pol;
            } else {
                r.np = pol;
                r.npInvalid = !pol;
            }
        } else if (t.name == u"adkim" || t.name == u"aspf") {
            if (v != u"r" && v != u"s")
                bad(tr("\"%1\" is not r or s: the default r (relaxed) applies.").arg(t.value));
            else if (t.name == u"adkim")
                r.adkimStrict = v == u"s";
            else
                r.aspfStrict = v == u"s";
        } else if (t.name == u"pct") {
            bool ok = false;
            const int n2 = t.value.size() <= 3 ? t.value.toInt(&ok) : -1;
            if (!ok || n2 < 0 || n2 > 100)
                bad(tr("\"%1\" is not a whole number from 0 to 100: the default 100 applies (RFC "
                       "7489 6.3).")
                        .arg(t.value));
            else {
                r.pct = n2;
                r.pctGiven = true;
            }
        } else if (t.name == u"t") {
            if (v != u"y" && v != u"n")
                bad(tr("\"%1\" is not y or n: the default n applies.").arg(t.value));
            else
                r.testing = v == u"y";
        } else if (t.name == u"psd") {
            if (v != u"y" && v != u"n" && v != u"u")
                bad(tr("\"%1\" is not y, n or u: the default u applies.").arg(t.value));
            else
                r.psd = v.at(0);
        } else if (t.name == u"rua" || t.name == u"ruf") {
            QStringList good, wrong;
            parseUris(t.value, good, wrong);
            (t.name == u"rua" ? r.rua : r.ruf) = good;
            r.badUris += wrong;
            if (!wrong.isEmpty())
                bad(tr("Not valid URIs: %1").arg(wrong.join(QStringLiteral(", "))));
        } else if (t.name == u"fo") {
            if (!validFo(t.value))
                bad(tr("\"%1\" is not a colon-separated list of 0, 1, d, s: the default 0 applies.")
                        .arg(t.value));
            else
                r.fo = v;
        } else if (t.name == u"rf") {
            r.rf = v;
        } else if (t.name == u"ri") {
            bool ok = false;
            const qint64 n2 = t.value.size() <= 10 ? t.value.toLongLong(&ok) : -1;
            if (!ok || n2 < 0 || n2 > 0x7fffffff)
                bad(tr("\"%1\" is not a number of seconds: the default 86400 applies.")
                        .arg(t.value));
            else
                r.ri = int(n2);
        }
        r.tags.append(t);
    }
    return r;
}

Step recordStep(const Record& r, Spec spec, const QString& domain, const QString& sourceId,
    const QString& dnsSource, qint64 dnsOffset, const QByteArray& dnsLine)
{
    Step s(QStringLiteral("dmarc.record"), Status::Info, tr("DMARC record of %1").arg(domain), {},
        spec == Spec::Rfc9989 ? QStringLiteral("RFC 9989 4.7") : QStringLiteral("RFC 7489 6.3"));
    s.addFact(tr("record"), QString::fromUtf8(r.text));
    if (!sourceId.isEmpty())
        s.addSpan(sourceId, 0, r.text.size());
    qsizetype searchFrom = 0;
    for (const Tag& t : r.tags) {
        const QString title
            = t.value.isNull() ? t.name : QStringLiteral("%1=%2").arg(t.name, t.value);
        Status st = Status::Info;
        if (!t.valid || t.duplicate || !t.known)
            st = Status::Warning;
        Step ts(QStringLiteral("dmarc.tag"), st, title,
            t.problem.isEmpty() ? tagMeaning(t.name)
                                : tagMeaning(t.name) + QLatin1Char(' ') + t.problem,
            spec == Spec::Rfc9989 ? QStringLiteral("RFC 9989 4.7")
                                  : QStringLiteral("RFC 7489 6.3"));
        ts.addFact(tr("tag"), t.name);
        ts.addFact(tr("value"), t.value);
        if (!sourceId.isEmpty())
            ts.addSpan(sourceId, t.offset, t.length);
        if (!dnsSource.isEmpty() && !dnsLine.isEmpty()) {
            const QByteArray raw = r.text.mid(t.offset, t.length);
            const qsizetype at = dnsLine.indexOf(raw, searchFrom);
            if (at >= 0) {
                ts.addSpan(dnsSource, dnsOffset + at, raw.size());
                searchFrom = at + raw.size();
            }
        }
        s.add(std::move(ts));
    }
    if (!r.isDmarc) {
        s.status = Status::Warning;
        s.detail = tr("This TXT record does not start with \"v=DMARC1\", so it is not a DMARC "
                      "record and is discarded (RFC 9989 4.10 step 2).");
    }
    return s;
}

} // namespace ms::dmarc
