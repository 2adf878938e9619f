// DNS responses as the live resolver reads them (a server the attacker runs chooses every
// byte): the header and question checks, ldns's packet parser, the CNAME chain in the
// answer section, and the step that shows the answer. The first byte picks the type asked
// for; the rest is the response. Its own ID is taken as the query's, so the fuzzer does not
// have to guess it.
#include "dns/WireAnswer.h"

#include <cstddef>
#include <cstdint>
#include <iterator>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace ms::dns;
    if (size < 3)
        return 0;
    static constexpr Type kTypes[]
        = { Type::TXT, Type::A, Type::AAAA, Type::MX, Type::CNAME, Type::PTR, Type::NS, Type::ANY };
    const Type type = kTypes[data[0] % std::size(kTypes)];
    const QByteArray wire(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const quint16 id = quint16((data[1] << 8) | data[2]);
    const QByteArray qname = QByteArrayLiteral("example.com");
    detail::Checked c = detail::checkResponse(wire, qname, type, id);
    Answer a;
    a.qname = qname;
    a.qtype = type;
    if (!c.pkt || !c.error.isEmpty()) {
        a.outcome = Outcome::Malformed;
        a.error = c.error;
    } else {
        QByteArray cur = qname;
        QSet<QByteArray> seen { cur };
        QList<Record> finals;
        bool progressed = false;
        const detail::Chain chain
            = detail::followChain(c.pkt.get(), type, &cur, &seen, &a, &finals, &progressed);
        a.records << finals;
        a.outcome
            = chain == detail::Chain::Ended && !finals.isEmpty() ? Outcome::Ok : Outcome::NoData;
    }
    (void)answerStep(a);
    return 0;
}
