#include "dmarc/Psl.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <libpsl.h>

namespace ms::dmarc {

namespace {

struct Loaded {
    psl_ctx_t* ctx = nullptr;
    QString description;
};

const Loaded& loaded()
{
    // A function-local static: initialized once, thread-safely. The context is never freed
    // (it lives as long as the process, like the list it holds).
    static const Loaded l = [] {
        Loaded r;
        const QByteArray file = QByteArrayLiteral(MAILSCOPE_PSL_FILE);
        if (QFileInfo::exists(QString::fromUtf8(file))) {
            // psl_latest picks the newer of the file and the built-in list.
            r.ctx = psl_latest(file.constData());
            r.description
                = QStringLiteral("libpsl %1, %2 (or the built-in list if newer)")
                      .arg(QString::fromLatin1(psl_get_version()), QString::fromUtf8(file));
        }
        if (!r.ctx) {
            r.ctx = const_cast<psl_ctx_t*>(psl_builtin());
            r.description = QStringLiteral("libpsl %1, built-in list")
                                .arg(QString::fromLatin1(psl_get_version()));
        }
        return r;
    }();
    return l;
}

} // namespace

std::optional<QString> registrableDomain(const QString& domain)
{
    QString d = domain.trimmed();
    if (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    if (d.isEmpty() || d.startsWith(QLatin1Char('.')) || d.contains(QStringLiteral(".."))
        || d.size() > 253)
        return std::nullopt;
    for (const QChar c : d) {
        if (c.unicode() < 0x21 || c == QLatin1Char('@') || c == QLatin1Char('/'))
            return std::nullopt;
    }
    const Loaded& l = loaded();
    if (!l.ctx)
        return std::nullopt;
    const QByteArray lower = d.toLower().toUtf8();
    const char* reg = psl_registrable_domain(l.ctx, lower.constData());
    if (!reg)
        return std::nullopt;
    // reg points into `lower`: keep the caller's spelling of the same labels, lower-cased.
    const qsizetype offset = reg - lower.constData();
    if (offset < 0 || offset > lower.size())
        return std::nullopt;
    return QString::fromUtf8(lower.mid(offset));
}

QString organizationalDomain(const QString& domain)
{
    // A batch asks for the same few author domains over and over: the last answers are kept
    // per thread (the list does not change while the process runs).
    constexpr qsizetype kEntries = 64;
    thread_local QHash<QString, QString> recent;
    const auto it = recent.constFind(domain);
    if (it != recent.constEnd())
        return *it;
    QString d = domain.trimmed().toLower();
    if (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    if (const auto reg = registrableDomain(d))
        d = *reg;
    if (domain.size() <= 253) {
        if (recent.size() >= kEntries)
            recent.clear();
        recent.insert(domain, d);
    }
    return d;
}

QString pslDescription()
{
    return loaded().description;
}

} // namespace ms::dmarc
