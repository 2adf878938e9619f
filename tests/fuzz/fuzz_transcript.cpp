// Saved DNS transcripts (JSON, mailscope-dns/1): a file a user may have been sent.
#include "dns/Transcript.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QString error;
    const auto answers = ms::dns::loadTranscript(
        QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)), &error);
    if (answers) {
        for (const ms::dns::Answer& a : *answers)
            (void)ms::dns::answerStep(a);
    }
    return 0;
}
