#include "Exporter.h"

#include "StatusStyle.h"
#include "VerdictBar.h"
#include "report/Verdict.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace ms::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Exporter)
};
} // namespace

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    f.write(bytes);
    if (!f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

bool writeHtml(const Report& r, const QString& path, QString* error)
{
    return writeFile(path, toHtml(r).toUtf8(), error);
}

bool writeJson(const Report& r, const QString& path, QString* error)
{
    return writeFile(path, toIndentedJson(r), error);
}

QByteArray pdfBytes(const Report& r)
{
    // QTextDocument lays out the same HTML the HTML export writes; QPdfWriter (QtGui) pages
    // it. Everything happens in memory; writePdf() then replaces the file atomically.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Mailscope"));
        const Verdict v = overallVerdict(r);
        writer.setTitle(Tr::tr("Mailscope report: %1 — %2")
                            .arg(r.file.isEmpty() ? Tr::tr("pasted message") : r.file,
                                StatusStyle::text(v.status)));
        QTextDocument doc;
        doc.setHtml(toHtml(r));
        doc.print(&writer);
    }
    return buffer.data();
}

bool writePdf(const Report& r, const QString& path, QString* error)
{
    const QByteArray pdf = pdfBytes(r);
    if (!pdf.startsWith("%PDF-")) {
        if (error)
            *error = Tr::tr("could not lay out the PDF");
        return false;
    }
    return writeFile(path, pdf, error);
}

QString summary(const Report& r, SummaryFormat format)
{
    const bool md = format == SummaryFormat::Markdown;
    const Verdict v = overallVerdict(r);
    QString out;
    const QString file = r.file.isEmpty() ? Tr::tr("pasted message") : r.file;
    if (md)
        out += QStringLiteral("### ") + Tr::tr("Mailscope: %1").arg(file) + QStringLiteral("\n\n");
    else
        out += Tr::tr("Mailscope: %1").arg(file) + QLatin1Char('\n');
    const QString verdictLine = Tr::tr("Verdict: %1").arg(StatusStyle::text(v.status))
        + (v.reason.isEmpty() ? QString() : QStringLiteral(" — ") + v.reason);
    out += md ? QStringLiteral("**") + verdictLine + QStringLiteral("**\n\n")
              : verdictLine + QLatin1Char('\n');
    if (md)
        out += QStringLiteral("| %1 | %2 | %3 |\n|---|---|---|\n")
                   .arg(Tr::tr("Check"), Tr::tr("Result"), Tr::tr("Reason"));
    for (const CheckResult& c : r.checks) {
        const QString name = checkDisplayName(c.name);
        QString reason = c.summary;
        if (md) {
            reason.replace(QLatin1Char('|'), QStringLiteral("\\|"));
            out += QStringLiteral("| %1 | %2 | %3 |\n")
                       .arg(name, StatusStyle::text(c.status), reason);
        } else {
            out += QStringLiteral("  %1: %2").arg(name, StatusStyle::text(c.status));
            if (!reason.isEmpty())
                out += QStringLiteral(" — ") + reason;
            out += QLatin1Char('\n');
        }
        if (c.name == QLatin1String("dkim")) {
            for (const DkimSignatureOutcome& d : r.outcomes.dkim) {
                const QString line = Tr::tr("signature d=%1 s=%2: %3")
                                         .arg(d.domain, d.selector, StatusStyle::text(d.status))
                    + (d.finding.isEmpty() ? QString() : QStringLiteral(" — ") + d.finding);
                out += md ? QStringLiteral("| | | %1 |\n").arg(line)
                          : QStringLiteral("    ") + line + QLatin1Char('\n');
            }
        }
    }
    if (r.checks.isEmpty())
        out += Tr::tr("No check ran.") + QLatin1Char('\n');
    const QString when = Tr::tr("Evaluated at %1 UTC; %n DNS answers.", nullptr, int(r.dns.size()))
                             .arg(r.evaluationTime.toUTC().toString(Qt::ISODate));
    out += (md ? QStringLiteral("\n_") + when + QStringLiteral("_\n") : when + QLatin1Char('\n'));
    return out;
}

QStringList reportChanges(const Report& before, const Report& after)
{
    QStringList out;
    const QString arrow = QStringLiteral(" → ");
    auto cmp = [&](const QString& what, Status a, Status b) {
        if (a != b)
            out << what + QStringLiteral(": ") + StatusStyle::text(a) + arrow
                    + StatusStyle::text(b);
    };
    for (const CheckResult& c : after.checks) {
        const CheckResult* old = before.check(c.name);
        if (!old)
            out << Tr::tr("%1: now %2").arg(checkDisplayName(c.name), StatusStyle::text(c.status));
        else
            cmp(checkDisplayName(c.name), old->status, c.status);
    }
    for (const CheckResult& c : before.checks) {
        if (!after.check(c.name))
            out << Tr::tr("%1: no longer run").arg(checkDisplayName(c.name));
    }
    const int n = int(std::min(before.outcomes.dkim.size(), after.outcomes.dkim.size()));
    for (int i = 0; i < n; ++i) {
        const auto& a = before.outcomes.dkim[i];
        const auto& b = after.outcomes.dkim[i];
        cmp(Tr::tr("DKIM signature %1 (d=%2 s=%3)").arg(i + 1).arg(b.domain, b.selector), a.status,
            b.status);
    }
    if (before.outcomes.spf && after.outcomes.spf
        && before.outcomes.spf->status == after.outcomes.spf->status
        && before.outcomes.spf->reason != after.outcomes.spf->reason)
        out << Tr::tr("SPF reason: %1").arg(after.outcomes.spf->reason);
    const Verdict vb = overallVerdict(before), va = overallVerdict(after);
    cmp(Tr::tr("Verdict"), vb.status, va.status);
    return out;
}

} // namespace ms::ui
