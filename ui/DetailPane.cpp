#include "DetailPane.h"

#include "StatusStyle.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ms::ui {

QString kindExplanation(const QString& kind)
{
    const QString family = kind.section(QLatin1Char('.'), 0, 0);
    if (family == QLatin1String("message"))
        return DetailPane::tr(
            "How Mailscope read the message: its header fields, body and structure.");
    if (family == QLatin1String("spf"))
        return DetailPane::tr(
            "SPF: is the sending server's address allowed to send mail for the envelope domain? "
            "The domain lists its servers in a DNS TXT record (RFC 7208).");
    if (family == QLatin1String("dkim"))
        return DetailPane::tr(
            "DKIM: a cryptographic signature over chosen header fields and the body, made with a "
            "key the signing domain publishes in DNS (RFC 6376).");
    if (family == QLatin1String("arc"))
        return DetailPane::tr(
            "ARC: each intermediary (mailing list, forwarder) records what it saw and seals it, so "
            "a later receiver can trust results that transit broke (RFC 8617).");
    if (family == QLatin1String("dmarc"))
        return DetailPane::tr(
            "DMARC: the domain in From must be aligned with a passing SPF or DKIM domain; the "
            "domain's policy says what to do otherwise (RFC 7489).");
    if (family == QLatin1String("smime"))
        return DetailPane::tr("S/MIME: the sender signed the content with a certificate; the "
                              "signature and the certificate chain are checked (RFC 8551).");
    if (family == QLatin1String("tls"))
        return DetailPane::tr("TLS: whether each hop of the delivery path recorded an encrypted "
                              "connection (Received fields, RFC 8314, RFC 8461).");
    if (family == QLatin1String("authres"))
        return DetailPane::tr("Authentication-Results: what the receiving servers said they found, "
                              "compared with what Mailscope finds now (RFC 8601).");
    if (family == QLatin1String("dns"))
        return DetailPane::tr("A DNS query: the name, the type asked, and what came back.");
    if (family == QLatin1String("verify") || family == QLatin1String("report"))
        return DetailPane::tr("The verification as a whole.");
    return {};
}

DetailPane::DetailPane(QWidget* parent)
    : QWidget(parent)
    , m_text(new QTextBrowser(this))
    , m_facts(new QTableWidget(0, 2, this))
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    auto* split = new QSplitter(Qt::Vertical, this);
    lay->addWidget(split);
    split->addWidget(m_text);
    split->addWidget(m_facts);
    m_text->setObjectName(QStringLiteral("detailText"));
    m_text->setAccessibleName(tr("Step explanation"));
    m_text->setOpenExternalLinks(false);
    m_facts->setObjectName(QStringLiteral("factsTable"));
    m_facts->setAccessibleName(tr("Facts of the selected step"));
    m_facts->setHorizontalHeaderLabels({ tr("Fact"), tr("Value") });
    m_facts->horizontalHeader()->setStretchLastSection(true);
    m_facts->verticalHeader()->hide();
    m_facts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_facts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_facts->setWordWrap(true);
    m_facts->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_facts, &QWidget::customContextMenuRequested, this, [this](const QPoint& p) {
        QMenu menu(this);
        menu.addAction(tr("Copy value"), this,
            [this] { QApplication::clipboard()->setText(selectedValue()); });
        menu.exec(m_facts->viewport()->mapToGlobal(p));
    });
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    setStep(nullptr);
}

void DetailPane::setStep(const Step* s)
{
    m_facts->setRowCount(0);
    if (!s) {
        m_text->setHtml(QStringLiteral("<p>%1</p>")
                            .arg(tr("Select a step to see what it checked, why, and which rule "
                                    "applies.")
                                     .toHtmlEscaped()));
        return;
    }
    const bool dark = StatusStyle::isDark();
    const QColor c = StatusStyle::color(s->status, dark);
    QString html = QStringLiteral("<h3>%1</h3>").arg(s->title.toHtmlEscaped());
    html += QStringLiteral("<p><b style='color:%1'>%2</b> — %3</p>")
                .arg(c.name(), StatusStyle::text(s->status).toHtmlEscaped(),
                    StatusStyle::explanation(s->status).toHtmlEscaped());
    if (!s->detail.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(s->detail.toHtmlEscaped().replace(
                        QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!s->rfc.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Rule:").toHtmlEscaped(), s->rfc.toHtmlEscaped());
    const QString k = kindExplanation(s->kind);
    if (!k.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(k.toHtmlEscaped());
    html += QStringLiteral("<p><small>%1 %2</small></p>")
                .arg(tr("Step kind:").toHtmlEscaped(), s->kind.toHtmlEscaped());
    m_text->setHtml(html);
    m_facts->setRowCount(int(s->facts.size()));
    for (int i = 0; i < s->facts.size(); ++i) {
        m_facts->setItem(i, 0, new QTableWidgetItem(s->facts[i].key));
        m_facts->setItem(i, 1, new QTableWidgetItem(s->facts[i].value));
    }
    m_facts->resizeColumnToContents(0);
}

QString DetailPane::selectedValue() const
{
    const int row = m_facts->currentRow();
    if (row < 0 || !m_facts->item(row, 1))
        return {};
    return m_facts->item(row, 1)->text();
}

QString DetailPane::plainText() const
{
    return m_text->toPlainText();
}

} // namespace ms::ui
