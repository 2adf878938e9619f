#include "verify/Outcomes.h"

namespace ms {

void Outcomes::merge(const Outcomes& other)
{
    if (other.spf)
        spf = other.spf;
    if (other.spfHelo)
        spfHelo = other.spfHelo;
    if (!other.dkim.isEmpty())
        dkim = other.dkim;
    if (other.arc)
        arc = other.arc;
    if (other.dmarc)
        dmarc = other.dmarc;
    if (other.smime)
        smime = other.smime;
    if (other.tls)
        tls = other.tls;
}

} // namespace ms
