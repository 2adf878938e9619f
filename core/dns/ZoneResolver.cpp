#include "dns/ZoneResolver.h"

#include "dns/LdnsUtil.h"
#include "dns/RecordCodec.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QVarLengthArray>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace ms::dns {

namespace {

QString tr(const char* s)
{
    return ms::translate("ms::dns", s);
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

struct FileCloser {
    void operator()(FILE* f) const
    {
        if (f)
            std::fclose(f);
    }
};

struct BufferFree {
    void operator()(ldns_buffer* b) const { ldns_buffer_free(b); }
};

// The type ldns_rr_new_frm_str() takes from one entry (as ldns_fget_token_l returned it),
// found by the same tokenizer and the same steps as ldns 1.8's rr.c: the owner (empty when
// the entry starts with a blank), then a TTL (a token starting with a digit) or a class or
// the type, then a class or the type, then the type. *typeAt is where its token starts.
// 0 when ldns would stop before the type (it then never reads the RDATA). Token limits are
// at least ldns's own, so this never gives up where ldns goes on.
ldns_rr_type entryType(const char* line, size_t length, size_t* typeAt)
{
    std::unique_ptr<ldns_buffer, BufferFree> b(ldns_buffer_new(length));
    if (!b)
        return ldns_rr_type(0);
    ldns_buffer_write(b.get(), line, length);
    ldns_buffer_flip(b.get());
    constexpr size_t kToken = 64; // ldns: TTL 21, class and type 16
    // Two spare bytes: some ldns versions write the terminating NUL past `limit`.
    char owner[LDNS_MAX_DOMAINLEN + 3];
    char ttl[kToken + 2], clas[kToken + 2], type[kToken + 2];
    if (ldns_bget_token(b.get(), owner, "\t\n ", LDNS_MAX_DOMAINLEN + 1) == -1)
        return ldns_rr_type(0);
    size_t at = ldns_buffer_position(b.get());
    if (ldns_bget_token(b.get(), ttl, "\t\n ", kToken) == -1)
        return ldns_rr_type(0);
    const char* typeToken = nullptr;
    if (ttl[0] && !std::isdigit(uchar(ttl[0]))) {
        if (ldns_get_rr_class_by_name(ttl) == 0)
            typeToken = ttl;
    } else {
        at = ldns_buffer_position(b.get());
        if (ldns_bget_token(b.get(), clas, "\t\n ", kToken) == -1)
            return ldns_rr_type(0);
        if (ldns_get_rr_class_by_name(clas) == 0)
            typeToken = clas;
    }
    if (!typeToken) {
        at = ldns_buffer_position(b.get());
        if (ldns_bget_token(b.get(), type, "\t\n ", kToken) == -1)
            return ldns_rr_type(0);
        typeToken = type;
    }
    *typeAt = at;
    return ldns_get_rr_type_by_name(typeToken);
}

// ldns 1.8.3's IPSECKEY parser (ldns_str2rdf_ipseckey) loses the gateway it read when the
// rest of the RDATA is bad, a leak per record that a hostile zone text could repeat. Mail
// authentication never asks for IPSECKEY, so before ldns parses the text, every entry whose
// type is 45 is rewritten to the same owner, TTL and class with an empty generic RDATA
// (RFC 3597 "TYPE45 \# 0", which ldns reads without that parser), and parse() drops it with
// an error. CERT (type 37) goes the same way: ldns_str2rdf_cert_alg loses the 16-bit field
// it read when the algorithm is 0 (CI's fuzz_spf smoke run). The entries are the ones ldns
// will read: found by ldns's own entry reader (lines; parentheses join lines; comments,
// quotes; \f \r \v end entries too; a stray ')' ends one) and typed by entryType(). The rewritten
// entry keeps its owner (records after it that leave the owner out belong to it) and its line
// breaks (later errors keep their numbers).
QByteArray withoutLeakyTypes(const QByteArray& text)
{
    // Every zone goes through this pass: a quick search for the word would miss spellings
    // such as "I(PSECKEY", which ldns's reader joins (a stray ')' before it, in fuzz_spf).
    QByteArray copy = text; // fmemopen wants a writable buffer; the text stays as it was
    std::unique_ptr<FILE, FileCloser> fp(fmemopen(copy.data(), size_t(copy.size()), "r"));
    if (!fp)
        return text;
    // The same growing reader ldns_rr_new_frm_fp_l() uses: the fixed-size one stops at
    // LDNS_MAX_LINELEN characters where ldns reads on, so a longer entry escaped this pass
    // (fuzz_zone's leak at exit).
    struct Entry {
        char* text = nullptr; // ldns allocates and grows it with malloc/realloc
        size_t limit = 0;
        ~Entry() { std::free(text); }
    } entry;
    QByteArray out;
    qsizetype copied = 0; // text[copied..] is not yet in out
    int lineNr = 0;
    for (int guard = 0; guard < 10'000'000; ++guard) {
        const long start = std::ftell(fp.get());
        const ldns_status st = ldns_fget_token_l_st(
            fp.get(), &entry.text, &entry.limit, false, LDNS_PARSE_SKIP_SPACE, &lineNr);
        const long end = std::ftell(fp.get());
        if (st != LDNS_STATUS_OK && std::feof(fp.get()))
            break;
        if (start < 0 || end <= start)
            break; // no progress: ldns would not read further either
        if (st != LDNS_STATUS_OK || !entry.text || !*entry.text)
            continue;
        const char* l = entry.text;
        const size_t length = std::strlen(l);
        if ((std::strncmp(l, "$ORIGIN", 7) == 0 && std::isspace(uchar(l[7])))
            || (std::strncmp(l, "$TTL", 4) == 0 && std::isspace(uchar(l[4])))
            || std::strncmp(l, "$INCLUDE", 8) == 0)
            continue;
        size_t typeAt = 0;
        // ldns looks the descriptor up by the number cut to 16 bits: TYPE65581 and TYPE-65491
        // reach the IPSECKEY parser too.
        const quint16 type = quint16(entryType(l, length, &typeAt));
        if (type != LDNS_RR_TYPE_IPSECKEY && type != LDNS_RR_TYPE_CERT)
            continue;
        if (out.isEmpty())
            out.reserve(text.size());
        out.append(text.constData() + copied, start - copied);
        out.append(l, qsizetype(typeAt));
        out.append(type == LDNS_RR_TYPE_CERT ? "TYPE37 \\# 0" : "TYPE45 \\# 0");
        // The entry's line breaks, its last one included; an entry that ended at \f, \r or
        // \v (no line break) still needs an end.
        bool ended = false;
        for (long k = start; k < end; ++k) {
            if (text[qsizetype(k)] == '\n') {
                out.append('\n');
                ended = true;
            }
        }
        if (!ended && end < text.size())
            out.append('\v');
        copied = end;
    }
    if (out.isEmpty())
        return text;
    out.append(text.constData() + copied, text.size() - copied);
    return out;
}

// ldns joins a relative name to $ORIGIN without checking the 255-octet limit (a 191-octet
// name under a 192-octet origin reads as "All OK"); no DNS message can carry such a name.
bool hasOverlongName(const ldns_rr* rr)
{
    constexpr size_t kMaxName = 255; // wire octets, the root label included
    if (ldns_rdf_size(ldns_rr_owner(rr)) > kMaxName)
        return true;
    for (size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
        const ldns_rdf* f = ldns_rr_rdf(rr, i);
        if (f && ldns_rdf_get_type(f) == LDNS_RDF_TYPE_DNAME && ldns_rdf_size(f) > kMaxName)
            return true;
    }
    return false;
}

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
    text = prepareText(text);
    if (!text.endsWith('\n'))
        text += '\n';
    text = withoutLeakyTypes(text);

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
    int lineNr = 0; // ldns's count, not used for messages
    // Errors name the line an entry starts on: ldns counts the line breaks it consumed, which
    // for an entry ended by \f, \r, \v or a stray ')' is not where the entry is.
    qsizetype counted = 0;
    int line = 1;
    auto lineOf = [&](long pos) {
        for (; counted < pos && counted < text.size(); ++counted) {
            if (text[counted] == '\n')
                ++line;
        }
        return line;
    };
    int guard = 0;
    while (!std::feof(fp.get())) {
        const int entryLine = lineOf(std::ftell(fp.get()));
        if (errorCount >= kMaxErrors) {
            err(entryLine, tr("too many errors; the rest of the text was not read"));
            break;
        }
        ldns_rr* raw = nullptr;
        const ldns_status st
            = ldns_rr_new_frm_fp_l(&raw, fp.get(), &defaultTtl, &originRdf, &prev, &lineNr);
        detail::RrPtr rr(raw);
        if (++guard > 10'000'000)
            break;
        switch (st) {
        case LDNS_STATUS_OK: break;
        case LDNS_STATUS_SYNTAX_EMPTY:
        case LDNS_STATUS_SYNTAX_TTL:
        case LDNS_STATUS_SYNTAX_ORIGIN: continue;
        case LDNS_STATUS_SYNTAX_INCLUDE:
            err(entryLine, tr("$INCLUDE is not supported (a zone may not read other files)"));
            continue;
        default:
            if (std::feof(fp.get()) && st == LDNS_STATUS_SYNTAX_ERR)
                continue; // trailing whitespace/comments at the end of the file
            err(entryLine, detail::statusText(st));
            continue;
        }
        if (!rr)
            continue;
        if (ldns_rr_get_class(rr.get()) != LDNS_RR_CLASS_IN) {
            err(entryLine, tr("only class IN is supported"));
            continue;
        }
        // Not held in an ldns_rr_type: ldns keeps "TYPE505555" as written, outside the enum's
        // range, and loading such a value is undefined (UBSan in fuzz_spf).
        const unsigned rrType = ldns_rr_get_type(rr.get());
        if (rrType > 0xffff) { // also a negative "TYPE-5"
            err(entryLine, tr("type number out of range (RFC 3597 5: 0 to 65535)"));
            continue;
        }
        if (rrType == LDNS_RR_TYPE_IPSECKEY || rrType == LDNS_RR_TYPE_CERT) {
            err(entryLine,
                tr("%1 record left out (mail authentication does not use it)")
                    .arg(rrType == LDNS_RR_TYPE_CERT ? QStringLiteral("CERT")
                                                     : QStringLiteral("IPSECKEY")));
            continue;
        }
        if (rrType == 0) {
            err(entryLine, tr("unknown record type"));
            continue;
        }
        Record r = detail::recordFromLdns(rr.get());
        if (r.name.endsWith(kNoOrigin) || r.presentation.contains(QLatin1String(kNoOrigin))) {
            err(entryLine, tr("relative name without $ORIGIN"));
            continue;
        }
        if (hasOverlongName(rr.get())) {
            err(entryLine, tr("a name longer than 255 octets (RFC 1035 2.3.4)"));
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

// The records at a name, or those of the wildcard that covers it (RFC 4592 3.3.1) with the
// owner rewritten to the name. *exists: the name itself is an owner or an empty non-terminal.
// One hash lookup for an owner; the closest encloser is looked up on views of the name (no
// copy per ancestor).
QList<Record> ZoneResolver::nodeRecords(const QByteArray& name, bool* wildcard, bool* exists) const
{
    *wildcard = false;
    *exists = true;
    if (const auto it = m_nodes.constFind(name); it != m_nodes.constEnd())
        return *it;
    if (m_existing.contains(name))
        return {};
    *exists = false;
    qsizetype from = 0; // the encloser is name.mid(from); from == size: the root
    while (from < name.size()) {
        const qsizetype dot = name.indexOf('.', from);
        from = dot < 0 ? name.size() : dot + 1;
        if (from < name.size()
            && m_existing.contains(
                QByteArray::fromRawData(name.constData() + from, name.size() - from)))
            break;
    }
    QByteArray star("*");
    if (from < name.size())
        star.append('.').append(QByteArrayView(name).sliced(from));
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
        bool exists = false;
        const QList<Record> node = nodeRecords(cur, &wildcard, &exists);
        if (node.isEmpty() && !exists)
            return pending.finish(Outcome::NxDomain, 3);
        auto wanted = [type](const Record& r) { return type == Type::ANY || r.type == type; };
        qsizetype matches = 0;
        const Record* cname = nullptr;
        for (const auto& r : node) {
            if (wanted(r))
                ++matches;
            else if (r.type == Type::CNAME)
                cname = &r;
        }
        if (matches > 0) {
            if (a.records.isEmpty() && matches == node.size() && matches <= kMaxRecordsPerAnswer) {
                a.records = node; // the usual answer: the whole node, shared
            } else {
                qsizetype taken = 0;
                for (const auto& r : node) {
                    if (wanted(r) && taken++ < kMaxRecordsPerAnswer)
                        a.records << r;
                }
            }
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
