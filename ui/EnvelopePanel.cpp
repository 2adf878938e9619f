#include "EnvelopePanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
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
    m_ipWhy->setObjectName(QStringLiteral("envelopeIpWhy"));
    m_heloWhy->setObjectName(QStringLiteral("envelopeHeloWhy"));
    m_mailFromWhy->setObjectName(QStringLiteral("envelopeMailFromWhy"));
    for (QLabel* l : { m_ipWhy, m_heloWhy, m_mailFromWhy }) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = l->font();
        f.setItalic(true);
        l->setFont(f);
    }
    // A grid rather than a form layout: QFormLayout gave a wrapped label under a field more
    // height than its text needs (the text then floated in a band of empty space).
    auto* form = new QGridLayout;
    int row = 0;
    auto addField = [&](const QString& name, QLineEdit* edit, QLabel* why) {
        auto* label = new QLabel(name, this);
        label->setBuddy(edit);
        form->addWidget(label, row, 0);
        form->addWidget(edit, row++, 1);
        form->addWidget(why, row++, 1);
    };
    addField(tr("Client &IP:"), m_ip, m_ipWhy);
    addField(tr("&HELO:"), m_helo, m_heloWhy);
    addField(tr("&MAIL FROM:"), m_mailFrom, m_mailFromWhy);
    form->setColumnStretch(1, 1);
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
    // The reasons are sentences (three lines for the client IP, more in Japanese): in a
    // docked panel only a few lines high, a layout squeezed them to what fitted and cut the
    // rest off. Inside a scroll area each label keeps the height its text needs.
    auto* content = new QWidget;
    auto* lay = new QVBoxLayout(content);
    auto* intro = new QLabel(tr("The envelope is not part of the message: Mailscope guesses it "
                                "from the receiving server's Received field. SPF checks the "
                                "client IP against the MAIL FROM (or HELO) domain."),
        content);
    intro->setWordWrap(true);
    lay->addWidget(intro);
    lay->addLayout(form);
    lay->addLayout(buttons);
    lay->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("envelopeScroll"));
    scroll->setAccessibleName(tr("SMTP envelope"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
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
