#include "dns/RecordCodec.h"

#include "dns/LdnsUtil.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QUrl>

#include <cstdlib>
#include <utility>

namespace ms::dns {

namespace {
QString tr(const char* s)
{
    return ms::translate("ms::dns", s);
}
} // namespace

std::optional<QByteArray> normalizeName(const QByteArray& input, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<QByteArray> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (input.size() > 4 * kMaxNameLength)
        return fail(tr("the name is longer than 253 bytes"));
    // One pass over the input: most names are already lower-case ASCII without a trailing
    // dot, and are then returned as they are (shared, no copy).
    const char* const in = input.constData();
    const qsizetype n = input.size();
    bool ascii = true;
    bool upper = false;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        ascii = ascii && c < 0x80;
        upper = upper || (c >= 'A' && c <= 'Z');
    }
    QByteArray name = input;
    if (!ascii) {
        // IDNs are asked in their A-label form (RFC 5891).
        const QByteArray ace = QUrl::toAce(QString::fromUtf8(name));
        if (ace.isEmpty())
            return fail(tr("the name is not a valid internationalized domain name"));
        name = ace;
        upper = true; // lower-cased below, whatever the conversion gave
    }
    if (name.endsWith('.') && name.size() > 1)
        name.chop(1);
    if (upper)
        name = std::move(name).toLower();
    if (name.isEmpty() || name == ".")
        return fail(tr("the name is empty"));
    if (name.size() > kMaxNameLength)
        return fail(tr("the name is longer than 253 bytes"));
    int label = 0;
    for (const char ch : std::as_const(name)) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f)
            return fail(tr("the name contains a space or control character"));
        if (c == '.') {
            if (label == 0)
                return fail(tr("the name contains an empty label"));
            label = 0;
            continue;
        }
        if (++label > 63)
            return fail(tr("a label of the name is longer than 63 bytes"));
    }
    return name;
}

std::optional<Record> makeRecord(
    const QByteArray& owner, quint16 type, quint32 ttl, const QByteArray& rdata, QString* error)
{
    if (rdata.size() > 65535) {
        if (error)
            *error = tr("RDATA longer than 65535 bytes");
        return std::nullopt;
    }
    const QByteArray ownerText = owner.isEmpty() ? QByteArray(".") : owner;
    detail::RdfPtr dname(ldns_dname_new_frm_str(ownerText.constData()));
    if (!dname) {
        if (error)
            *error = tr("invalid owner name %1").arg(QString::fromLatin1(owner));
        return std::nullopt;
    }
    QByteArray wire(reinterpret_cast<const char*>(ldns_rdf_data(dname.get())),
        qsizetype(ldns_rdf_size(dname.get())));
    auto put16 = [&wire](quint16 v) {
        wire.append(char(v >> 8));
        wire.append(char(v & 0xff));
    };
    put16(type);
    put16(1); // class IN
    put16(quint16(ttl >> 16));
    put16(quint16(ttl & 0xffff));
    put16(quint16(rdata.size()));
    wire.append(rdata);
    ldns_rr* raw = nullptr;
    size_t pos = 0;
    const ldns_status st = ldns_wire2rr(&raw, reinterpret_cast<const uint8_t*>(wire.constData()),
        size_t(wire.size()), &pos, LDNS_SECTION_ANSWER);
    detail::RrPtr rr(raw);
    if (st != LDNS_STATUS_OK || !rr || pos != size_t(wire.size())) {
        if (error)
            *error = tr("RDATA does not parse as %1: %2")
                         .arg(typeName(Type(type)), detail::statusText(st));
        return std::nullopt;
    }
    Record r = detail::recordFromLdns(rr.get());
    r.rdata = rdata;
    return r;
}

QString recordLine(const Record& r)
{
    return QStringLiteral("%1. %2 IN %3 %4")
        .arg(QString::fromLatin1(r.name), QString::number(r.ttl), typeName(r.type), r.presentation);
}

QString rcodeName(int rcode)
{
    switch (rcode) {
    case 0: return QStringLiteral("NOERROR");
    case 1: return QStringLiteral("FORMERR");
    case 2: return QStringLiteral("SERVFAIL");
    case 3: return QStringLiteral("NXDOMAIN");
    case 4: return QStringLiteral("NOTIMP");
    case 5: return QStringLiteral("REFUSED");
    case 6: return QStringLiteral("YXDOMAIN");
    case 7: return QStringLiteral("YXRRSET");
    case 8: return QStringLiteral("NXRRSET");
    case 9: return QStringLiteral("NOTAUTH");
    case 10: return QStringLiteral("NOTZONE");
    default: return QStringLiteral("RCODE%1").arg(rcode);
    }
}

namespace detail {

QByteArray takeCString(char* s)
{
    if (!s)
        return {};
    QByteArray out(s);
    std::free(s);
    return out;
}

QByteArray dnameToName(const ldns_rdf* rdf)
{
    if (!rdf)
        return {};
    QByteArray s = takeCString(ldns_rdf2str(rdf)).toLower();
    if (s.endsWith('.'))
        s.chop(1);
    return s;
}

Record recordFromLdns(const ldns_rr* rr)
{
    Record r;
    r.name = dnameToName(ldns_rr_owner(rr));
    r.type = Type(quint16(ldns_rr_get_type(rr)));
    r.ttl = ldns_rr_ttl(rr);

    BufferPtr buf(ldns_buffer_new(256));
    if (buf && ldns_rr_rdata2buffer_wire(buf.get(), rr) == LDNS_STATUS_OK)
        r.rdata = QByteArray(reinterpret_cast<const char*>(ldns_buffer_begin(buf.get())),
            qsizetype(ldns_buffer_position(buf.get())));

    QStringList parts;
    const size_t n = ldns_rr_rd_count(rr);
    for (size_t i = 0; i < n; ++i) {
        const ldns_rdf* f = ldns_rr_rdf(rr, i);
        if (f)
            parts << QString::fromUtf8(takeCString(ldns_rdf2str(f)));
    }
    r.presentation = parts.join(QLatin1Char(' '));

    auto rdfBytes = [](const ldns_rdf* f) {
        return QByteArray(
            reinterpret_cast<const char*>(ldns_rdf_data(f)), qsizetype(ldns_rdf_size(f)));
    };
    switch (r.type) {
    case Type::TXT:
    case Type::SPF:
        for (size_t i = 0; i < n; ++i) {
            const ldns_rdf* f = ldns_rr_rdf(rr, i);
            if (!f || ldns_rdf_get_type(f) != LDNS_RDF_TYPE_STR || ldns_rdf_size(f) < 1)
                continue;
            const QByteArray d = rdfBytes(f);
            const int len = static_cast<unsigned char>(d[0]);
            r.strings << d.mid(1, len);
        }
        break;
    case Type::A:
    case Type::AAAA:
        if (n >= 1 && ldns_rr_rdf(rr, 0))
            r.address = rdfBytes(ldns_rr_rdf(rr, 0));
        break;
    case Type::CNAME:
    case Type::PTR:
    case Type::NS:
        if (n >= 1 && ldns_rr_rdf(rr, 0))
            r.target = dnameToName(ldns_rr_rdf(rr, 0));
        break;
    case Type::MX:
        if (n >= 2 && ldns_rr_rdf(rr, 0) && ldns_rr_rdf(rr, 1)) {
            const QByteArray p = rdfBytes(ldns_rr_rdf(rr, 0));
            if (p.size() == 2)
                r.preference = quint16((quint8(p[0]) << 8) | quint8(p[1]));
            r.target = dnameToName(ldns_rr_rdf(rr, 1));
        }
        break;
    default: break;
    }
    return r;
}

QString statusText(ldns_status s)
{
    const char* t = ldns_get_errorstr_by_id(s);
    return t ? QString::fromUtf8(t) : QStringLiteral("ldns status %1").arg(int(s));
}

} // namespace detail
} // namespace ms::dns
