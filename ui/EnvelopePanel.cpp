#include "EnvelopePanel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms::ui {

EnvelopePanel::EnvelopePanel(QWidget* parent)
    : QWidget(parent)
    , m_ip(new QLineEdit(this))
    , m_helo(new QLineEdit(this))
    , m_mailFrom(new QLineEdit(this))
    , m_ipWhy(new QLabel(this))
    , m_heloWhy(new QLabel(this))
    , m_mailFromWhy(new QLabel(this))
{
    m_ip->setObjectName(QStringLiteral("envelopeIp"));
    m_helo->setObjectName(QStringLiteral("envelopeHelo"));
    m_mailFrom->setObjectName(QStringLiteral("envelopeMailFrom"));
    m_ip->setAccessibleName(tr("Client IP address"));
    m_helo->setAccessibleName(tr("HELO name"));
    m_mailFrom->setAccessibleName(tr("MAIL FROM address"));
    for (QLabel* l : { m_ipWhy, m_heloWhy, m_mailFromWhy }) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = l->font();
        f.setItalic(true);
        l->setFont(f);
    }
    auto* form = new QFormLayout;
    form->addRow(tr("Client &IP:"), m_ip);
    form->addRow(QString(), m_ipWhy);
    form->addRow(tr("&HELO:"), m_helo);
    form->addRow(QString(), m_heloWhy);
    form->addRow(tr("&MAIL FROM:"), m_mailFrom);
    form->addRow(QString(), m_mailFromWhy);
    auto* reverify = new QPushButton(tr("&Re-verify with this envelope"), this);
    reverify->setObjectName(QStringLiteral("envelopeReverify"));
    auto* reset = new QPushButton(tr("Use the &guess"), this);
    reset->setObjectName(QStringLiteral("envelopeReset"));
    connect(reverify, &QPushButton::clicked, this, &EnvelopePanel::reverifyRequested);
    connect(reset, &QPushButton::clicked, this, &EnvelopePanel::resetRequested);
    for (QLineEdit* e : { m_ip, m_helo, m_mailFrom })
        connect(e, &QLineEdit::returnPressed, this, &EnvelopePanel::reverifyRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(reverify);
    buttons->addWidget(reset);
    buttons->addStretch(1);
    auto* lay = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The envelope is not part of the message: Mailscope guesses it "
                                "from the receiving server's Received field. SPF checks the "
                                "client IP against the MAIL FROM (or HELO) domain."),
        this);
    intro->setWordWrap(true);
    lay->addWidget(intro);
    lay->addLayout(form);
    lay->addLayout(buttons);
    lay->addStretch(1);
}

void EnvelopePanel::setEnvelope(const Envelope& used)
{
    m_used = used;
    auto set = [](QLineEdit* e, QLabel* why, const EnvelopeValue& v) {
        e->setText(v.value);
        QString reason = v.reason;
        if (v.value.isEmpty() && reason.isEmpty())
            reason = tr("not found in the message");
        why->setText(v.overridden ? tr("given by you") : reason);
    };
    set(m_ip, m_ipWhy, used.clientIp);
    set(m_helo, m_heloWhy, used.helo);
    set(m_mailFrom, m_mailFromWhy, used.mailFrom);
}

EnvelopePanel::Overrides EnvelopePanel::overrides() const
{
    Overrides o;
    auto take = [](const QLineEdit* e, const EnvelopeValue& v) -> std::optional<QString> {
        const QString t = e->text().trimmed();
        if (t == v.value && !v.overridden)
            return std::nullopt;
        return t;
    };
    o.clientIp = take(m_ip, m_used.clientIp);
    o.helo = take(m_helo, m_used.helo);
    o.mailFrom = take(m_mailFrom, m_used.mailFrom);
    return o;
}

} // namespace ms::ui
