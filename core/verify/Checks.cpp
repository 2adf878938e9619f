#include "verify/Checks.h"

// Each protocol adds its entry point here when it exists; a check not listed is absent
// from reports (never faked).
#include "arc/Arc.h"
#include "authres/Compare.h"
#include "dkim/Dkim.h"
#include "dmarc/Dmarc.h"
#include "smime/Smime.h"
#include "spf/Spf.h"
#include "tls/Tls.h"

namespace ms {

const QList<CheckEntry>& checkTable()
{
    static const QList<CheckEntry> table = {
        { QStringLiteral("spf"), 1, &spf::check },
        { QStringLiteral("dkim"), 1, &dkim::check },
        { QStringLiteral("arc"), 1, &arc::check },
        { QStringLiteral("smime"), 1, &smime::check },
        { QStringLiteral("tls"), 1, &tls::check },
        { QStringLiteral("dmarc"), 2, &dmarc::check },
        { QStringLiteral("authres"), 2, &authres::check },
    };
    return table;
}

} // namespace ms
