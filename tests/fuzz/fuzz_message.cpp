// Message, MIME tree, Received hops and the envelope guess on arbitrary bytes.
#include "message/Message.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const ms::Message m
        = ms::Message::parse(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    for (const ms::HeaderField& f : m.headers())
        (void)f.decoded();
    (void)m.mime();
    (void)m.hops();
    (void)m.guessEnvelope();
    (void)m.parseStep();
    (void)ms::splitMbox(m.original());
    return 0;
}
