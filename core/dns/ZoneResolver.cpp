#include "dns/ZoneResolver.h"

#include "dns/LdnsUtil.h"
#include "dns/RecordCodec.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QVarLengthArray>

#include <algorithm>
#include <cstdio>

namespace ms::dns {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ms::dns", s);
}

constexpr qint64 kMaxZoneBytes = 64 * 1024 * 1024;
constexpr int kMaxErrors = 200; // garbage input must not produce a million messages

// Splits quoted character-strings longer than 255 bytes into several (RFC 1035 3.3 limit),
// counting "\DDD" and "\X" escapes as one byte, and normalizes line ends.
QByteArray prepareText(const QByteArray& in)
{
    QByteArray out;
    out.reserve(in.size() + in.size() / 64);
    bool quoted = false;
    bool comment = false;
    int count = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n')
            continue;
        if (comment) {
            if (c == '\n')
                comment = false;
            out += c;
            continue;
        }
        if (!quoted) {
            if (c == ';')
                comment = true;
            else if (c == '"') {
                quoted = true;
                count = 0;
            } else if (c == '\\' && i + 1 < in.size()) {
                out += c;
                out += in[++i];
                continue;
            }
            out += c;
            continue;
        }
        // Inside quotes.
        if (c == '"') {
            quoted = false;
            out += c;
            continue;
        }
        if (c == '\n') {
            // An unterminated string: let ldns report it on its own line.
            quoted = false;
            out += c;
            continue;
        }
        qsizetype unit = 1;
        if (c == '\\' && i + 1 < in.size()) {
            unit = 2;
            if (i + 3 < in.size() && std::isdigit(uchar(in[i + 1]))
                && std::isdigit(uchar(in[i + 2])) && std::isdigit(uchar(in[i + 3])))
                unit = 4;
        }
        if (count == 255) {
            out += "\" \"";
            count = 0;
        }
        out += in.mid(i, unit);
        i += unit - 1;
        ++count;
    }
    return out;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// A TTL ("3600", "1h") or class token, which may stand between the owner and the type.
bool isTtlOrClass(QByteArrayView t)
{
    if (t.isEmpty())
        return false;
    if (std::isdigit(uchar(t[0])))
        return true;
    for (const char* c : { "IN", "CH", "HS", "CS", "NONE", "ANY" }) {
        if (t.compare(QByteArrayView(c), Qt::CaseInsensitive) == 0)
            return true;
    }
    return t.size() > 5 && t.first(5).compare("CLASS", Qt::CaseInsensitive) == 0;
}

// ldns 1.8.3's IPSECKEY parser (ldns_str2rdf_ipseckey) loses the gateway it read when the
// rest of the RDATA is bad, a leak per record that a hostile zone text could repeat. Mail
// authentication never asks for IPSECKEY, so each such entry is rewritten to an empty
// generic record of the same type (RFC 3597 "\# 0"), which ldns reads without that parser,
// and parse() drops it with an error. The entry keeps its owner name (the records after it
// that leave the owner out belong to it) and its line breaks (later errors keep their
// line numbers). Entries are split as ldns splits them: by line, except inside
// parentheses; ';' comments and quoted strings are skipped.
QByteArray withoutIpseckey(const QByteArray& in)
{
    QByteArray out;
    qsizetype copied = 0; // in[copied..] is not yet in out
    qsizetype i = 0;
    const qsizetype n = in.size();
    while (i < n) {
        // One entry, from the start of a line.
        const bool hasOwner = !isSpace(in[i]) && in[i] != '\n' && in[i] != ';' && in[i] != '(';
        const bool directive = in[i] == '$';
        int depth = 0;
        int tokenIndex = 0;
        qsizetype typeAt = -1;
        int depthAtType = 0;
        bool typeKnown = false;
        while (i < n) {
            const char c = in[i];
            if (c == '\n') {
                ++i;
                if (depth == 0)
                    break;
                continue;
            }
            if (isSpace(c)) {
                ++i;
                continue;
            }
            if (c == '(' || c == ')') {
                depth = c == '(' ? depth + 1 : std::max(0, depth - 1);
                ++i;
                continue;
            }
            if (c == ';') {
                while (i < n && in[i] != '\n')
                    ++i;
                continue;
            }
            const qsizetype start = i;
            if (c == '"') {
                for (++i; i < n && in[i] != '"' && in[i] != '\n'; ++i) {
                    if (in[i] == '\\' && i + 1 < n && in[i + 1] != '\n')
                        ++i;
                }
                if (i < n && in[i] == '"')
                    ++i;
            } else {
                for (; i < n; ++i) {
                    const char d = in[i];
                    if (isSpace(d) || d == '\n' || d == '(' || d == ')' || d == ';' || d == '"')
                        break;
                    if (d == '\\' && i + 1 < n && in[i + 1] != '\n')
                        ++i;
                }
            }
            // The type is the first token after the owner and any TTL or class.
            if (!typeKnown && !directive && !(hasOwner && tokenIndex == 0)) {
                const QByteArrayView token(in.constData() + start, i - start);
                if (!isTtlOrClass(token) || tokenIndex >= (hasOwner ? 3 : 2)) {
                    typeKnown = true;
                    if (token.compare("IPSECKEY", Qt::CaseInsensitive) == 0
                        || token.compare("TYPE45", Qt::CaseInsensitive) == 0) {
                        typeAt = start;
                        depthAtType = depth;
                    }
                }
            }
            ++tokenIndex;
        }
        if (typeAt < 0)
            continue;
        if (out.isEmpty())
            out.reserve(in.size());
        out.append(in.constData() + copied, typeAt - copied);
        out.append("TYPE45 \\# 0");
        out.append(QByteArray(depthAtType, ')')); // parentheses opened before the type
        // The entry's line breaks stay, its last one included.
        for (qsizetype k = typeAt; k < i; ++k) {
            if (in[k] == '\n')
                out.append('\n');
        }
        copied = i;
    }
    if (copied == 0)
        return in;
    out.append(in.constData() + copied, n - copied);
    return out;
}

struct FileCloser {
    void operator()(FILE* f) const
    {
        if (f)
            std::fclose(f);
    }
};

} // namespace

QList<Record> ZoneResolver::parse(
    const QByteArray& input, const QString& label, const QByteArray& origin, QStringList* errors)
{
    QList<Record> out;
    int errorCount = 0;
    auto err = [&](int line, const QString& why) {
        ++errorCount;
        if (errors)
            errors->append(QStringLiteral("%1:%2: %3").arg(label).arg(line).arg(why));
    };
    if (input.size() > kMaxZoneBytes) {
        err(0, tr("the zone text is larger than 64 MB"));
        return out;
    }
    QByteArray text = input;
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        err(int(text.left(nul).count('\n')) + 1, tr("NUL byte in the zone text"));
        text.replace('\0', ' ');
    }
    text = withoutIpseckey(prepareText(text));
    if (!text.endsWith('\n'))
        text += '\n';

    std::unique_ptr<FILE, FileCloser> fp(fmemopen(text.data(), size_t(text.size()), "r"));
    if (!fp) {
        err(0, tr("cannot read the zone text"));
        return out;
    }
    ldns_rdf* originRdf = nullptr;
    if (!origin.isEmpty()) {
        QByteArray o = origin;
        if (!o.endsWith('.'))
            o += '.';
        originRdf = ldns_dname_new_frm_str(o.constData());
        if (!originRdf)
            err(0, tr("invalid origin %1").arg(QString::fromLatin1(origin)));
    }
    // ldns would make relative names absolute when there is no origin; a sentinel origin
    // lets us report them instead.
    static constexpr char kNoOrigin[] = "no-origin.mailscope.invalid";
    if (!originRdf)
        originRdf = ldns_dname_new_frm_str(kNoOrigin);
    ldns_rdf* prev = nullptr;
    uint32_t defaultTtl = 3600;
    int lineNr = 0;
    int guard = 0;
    while (!std::feof(fp.get())) {
        if (errorCount >= kMaxErrors) {
            err(lineNr, tr("too many errors; the rest of the text was not read"));
            break;
        }
        const int startLine = lineNr + 1;
        ldns_rr* raw = nullptr;
        const ldns_status st
            = ldns_rr_new_frm_fp_l(&raw, fp.get(), &defaultTtl, &originRdf, &prev, &lineNr);
        detail::RrPtr rr(raw);
        if (lineNr < startLine) // defensive: ldns always advances, but never loop forever
            lineNr = startLine;
        if (++guard > 10'000'000)
            break;
        switch (st) {
        case LDNS_STATUS_OK: break;
        case LDNS_STATUS_SYNTAX_EMPTY:
        case LDNS_STATUS_SYNTAX_TTL:
        case LDNS_STATUS_SYNTAX_ORIGIN: continue;
        case LDNS_STATUS_SYNTAX_INCLUDE:
            err(startLine, tr("$INCLUDE is not supported (a zone may not read other files)"));
            continue;
        default:
            if (std::feof(fp.get()) && st == LDNS_STATUS_SYNTAX_ERR)
                continue; // trailing whitespace/comments at the end of the file
            err(lineNr, detail::statusText(st));
            continue;
        }
        if (!rr)
            continue;
        if (ldns_rr_get_class(rr.get()) != LDNS_RR_CLASS_IN) {
            err(lineNr, tr("only class IN is supported"));
            continue;
        }
        if (ldns_rr_get_type(rr.get()) == LDNS_RR_TYPE_IPSECKEY) {
            err(lineNr, tr("IPSECKEY record left out (mail authentication does not use it)"));
            continue;
        }
        if (ldns_rr_get_type(rr.get()) == 0) {
            err(lineNr, tr("unknown record type"));
            continue;
        }
        Record r = detail::recordFromLdns(rr.get());
        if (r.name.endsWith(kNoOrigin) || r.presentation.contains(QLatin1String(kNoOrigin))) {
            err(lineNr, tr("relative name without $ORIGIN"));
            continue;
        }
        out << r;
    }
    ldns_rdf_deep_free(originRdf);
    ldns_rdf_deep_free(prev);
    return out;
}

void ZoneResolver::addLabel(const QString& label)
{
    m_labels << label;
    m_server = QStringLiteral("zone:") + m_labels.join(QLatin1Char(','));
}

bool ZoneResolver::addText(const QByteArray& text, const QString& label, const QByteArray& origin)
{
    QStringList errs;
    const QList<Record> recs = parse(text, label, origin, &errs);
    QWriteLocker lock(&m_lock);
    addLabel(label);
    m_errors << errs;
    lock.unlock();
    for (const auto& r : recs)
        addRecord(r);
    return errs.isEmpty();
}

bool ZoneResolver::addFile(const QString& path, const QByteArray& origin)
{
    const QString label = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QWriteLocker lock(&m_lock);
        addLabel(label);
        m_errors
            << QStringLiteral("%1:0: %2").arg(path, tr("cannot open: %1").arg(f.errorString()));
        return false;
    }
    if (f.size() > kMaxZoneBytes) {
        QWriteLocker lock(&m_lock);
        addLabel(label);
        m_errors << QStringLiteral("%1:0: %2").arg(path, tr("the zone file is larger than 64 MB"));
        return false;
    }
    return addText(f.readAll(), label, origin);
}

void ZoneResolver::addRecord(const Record& r)
{
    QWriteLocker lock(&m_lock);
    QList<Record>& node = m_nodes[r.name];
    for (const auto& e : node) {
        if (e.type == r.type && e.rdata == r.rdata)
            return; // an RRset is a set (RFC 2181 5)
    }
    node << r;
    m_all << r;
    QByteArray n = r.name;
    while (!n.isEmpty() && !m_existing.contains(n)) {
        m_existing.insert(n);
        const qsizetype dot = n.indexOf('.');
        n = dot < 0 ? QByteArray() : n.mid(dot + 1);
    }
}

QStringList ZoneResolver::errors() const
{
    QReadLocker lock(&m_lock);
    return m_errors;
}

QList<Record> ZoneResolver::records() const
{
    QReadLocker lock(&m_lock);
    return m_all;
}

qsizetype ZoneResolver::recordCount() const
{
    QReadLocker lock(&m_lock);
    return m_all.size();
}

std::shared_ptr<ZoneResolver> ZoneResolver::fromFiles(const QStringList& paths, QStringList* errors)
{
    auto z = std::make_shared<ZoneResolver>();
    for (const auto& p : paths)
        z->addFile(p);
    if (errors)
        *errors = z->errors();
    return z;
}

std::shared_ptr<ZoneResolver> ZoneResolver::fromText(
    const QByteArray& text, QStringList* errors, const QByteArray& origin)
{
    auto z = std::make_shared<ZoneResolver>();
    z->addText(text, QStringLiteral("text"), origin);
    if (errors)
        *errors = z->errors();
    return z;
}

bool ZoneResolver::exists(const QByteArray& name) const
{
    return m_existing.contains(name);
}

// The records at a name, or those of the wildcard that covers it (RFC 4592 3.3.1) with the
// owner rewritten to the name.
QList<Record> ZoneResolver::nodeRecords(const QByteArray& name, bool* wildcard) const
{
    *wildcard = false;
    if (exists(name))
        return m_nodes.value(name);
    QByteArray encloser = name;
    while (!encloser.isEmpty() && !exists(encloser)) {
        const qsizetype dot = encloser.indexOf('.');
        encloser = dot < 0 ? QByteArray() : encloser.mid(dot + 1);
    }
    const QByteArray star = encloser.isEmpty() ? QByteArray("*") : "*." + encloser;
    const auto it = m_nodes.constFind(star);
    if (it == m_nodes.constEnd())
        return {};
    *wildcard = true;
    QList<Record> out = *it;
    for (auto& r : out)
        r.name = name;
    return out;
}

Answer ZoneResolver::resolve(const QByteArray& name, Type type)
{
    PendingAnswer pending(name, type);
    Answer& a = pending.answer();
    QReadLocker lock(&m_lock);
    a.server = m_server;
    if (!pending.name())
        return pending.notAskable();

    QByteArray cur = *pending.name();
    // The names this query went through (a CNAME chain is at most kMaxCnameChain long).
    QVarLengthArray<QByteArray, 4> seen;
    for (int hop = 0;; ++hop) {
        seen.append(cur);
        bool wildcard = false;
        const QList<Record> node = nodeRecords(cur, &wildcard);
        if (node.isEmpty() && !exists(cur))
            return pending.finish(Outcome::NxDomain, 3);
        QList<Record> matching;
        const Record* cname = nullptr;
        for (const auto& r : node) {
            if (type == Type::ANY || r.type == type)
                matching << r;
            else if (r.type == Type::CNAME)
                cname = &r;
        }
        if (!matching.isEmpty()) {
            a.records << matching.mid(0, kMaxRecordsPerAnswer);
            return pending.finish(Outcome::Ok, 0);
        }
        if (!cname)
            return pending.finish(Outcome::NoData, 0);
        a.records << *cname;
        if (std::find(seen.cbegin(), seen.cend(), cname->target) != seen.cend())
            return pending.finish(Outcome::ServFail, 2,
                tr("CNAME loop: %1 points back to %2")
                    .arg(QString::fromLatin1(cur), QString::fromLatin1(cname->target)));
        if (hop + 1 >= kMaxCnameChain)
            return pending.finish(
                Outcome::ServFail, 2, tr("CNAME chain longer than %1 links").arg(kMaxCnameChain));
        cur = cname->target;
    }
}

QString ZoneResolver::describe() const
{
    QReadLocker lock(&m_lock);
    return tr("zone files %1").arg(m_labels.join(QStringLiteral(", ")));
}

} // namespace ms::dns
