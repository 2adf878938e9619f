// RFC 5322 3.3 date-time, with the obsolete forms of 4.3 (zone names, two-digit years,
// missing seconds) and comments such as "(UTC)" or "(PST)" that MTAs append.

#include "message/Message.h"

#include <QDateTime>

namespace ms {

namespace {

struct Tok {
    QByteArray text;
    bool number = false;
};

int monthIndex(const QByteArray& m)
{
    static const char* names[]
        = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
    const QByteArray l = m.left(3).toLower();
    for (int i = 0; i < 12; ++i) {
        if (l == names[i])
            return i + 1;
    }
    return 0;
}

// RFC 5322 4.3 obs-zone; military zones are treated as -0000 (unknown) as it recommends.
bool namedZone(const QByteArray& z, int* minutes)
{
    static const struct {
        const char* name;
        int offset;
    } zones[] = { { "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 }, { "est", -5 * 60 },
        { "edt", -4 * 60 }, { "cst", -6 * 60 }, { "cdt", -5 * 60 }, { "mst", -7 * 60 },
        { "mdt", -6 * 60 }, { "pst", -8 * 60 }, { "pdt", -7 * 60 } };
    const QByteArray l = z.toLower();
    for (const auto& e : zones) {
        if (l == e.name) {
            *minutes = e.offset;
            return true;
        }
    }
    if (l.size() == 1 && l[0] >= 'a' && l[0] <= 'z') {
        *minutes = 0;
        return true;
    }
    return false;
}

} // namespace

QDateTime parseRfc5322Date(QByteArrayView text)
{
    // Tokenize: drop comments, split on whitespace and ",", keep ":" inside the time token.
    QList<Tok> toks;
    int depth = 0;
    QByteArray cur;
    auto flush = [&]() {
        if (!cur.isEmpty()) {
            Tok t;
            t.text = cur;
            bool ok = false;
            cur.toInt(&ok);
            t.number = ok;
            toks.append(t);
            cur.clear();
        }
    };
    for (qsizetype i = 0; i < text.size() && toks.size() < 20; ++i) {
        const char c = text[i];
        if (c == '(') {
            flush();
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
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',') {
            flush();
            continue;
        }
        cur.append(c);
    }
    flush();

    qsizetype i = 0;
    if (i < toks.size() && !toks[i].number && monthIndex(toks[i].text) == 0)
        ++i; // day-of-week
    if (i + 3 >= toks.size())
        return {};
    int day = 0, month = 0, year = 0;
    // "3 Jan 2026" (RFC 5322) or, leniently, "Jan 3 2026".
    if (toks[i].number) {
        day = toks[i].text.toInt();
        month = monthIndex(toks[i + 1].text);
    } else {
        month = monthIndex(toks[i].text);
        day = toks[i + 1].text.toInt();
    }
    if (!toks[i + 2].number)
        return {};
    year = toks[i + 2].text.toInt();
    const qsizetype yearDigits = toks[i + 2].text.size();
    if (yearDigits == 2)
        year += year < 50 ? 2000 : 1900; // RFC 5322 4.3
    else if (yearDigits == 3)
        year += 1900;
    i += 3;
    const QList<QByteArray> hms = toks[i].text.split(':');
    if (hms.size() < 2 || hms.size() > 3)
        return {};
    bool ok1 = false, ok2 = false, ok3 = true;
    const int h = hms[0].toInt(&ok1);
    const int mi = hms[1].toInt(&ok2);
    const int s = hms.size() == 3 ? hms[2].toInt(&ok3) : 0;
    if (!ok1 || !ok2 || !ok3)
        return {};
    ++i;
    int offset = 0; // minutes east of UTC; missing zone: treat as UTC
    if (i < toks.size()) {
        const QByteArray z = toks[i].text;
        if ((z.startsWith('+') || z.startsWith('-')) && z.size() == 5) {
            bool ok = false;
            const int v = z.mid(1).toInt(&ok);
            if (!ok)
                return {};
            offset = (v / 100) * 60 + v % 100;
            if (z[0] == '-')
                offset = -offset;
        } else if (!namedZone(z, &offset)) {
            offset = 0;
        }
    }
    const QDate date(year, month, day);
    const QTime time(h, mi, s == 60 ? 59 : s); // leap second
    if (!date.isValid() || !time.isValid() || offset < -24 * 60 || offset > 24 * 60)
        return {};
    return QDateTime(date, time, Qt::OffsetFromUTC, offset * 60);
}

} // namespace ms
