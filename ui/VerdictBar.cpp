#include "VerdictBar.h"

#include "StatusStyle.h"
#include "report/Verdict.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>

namespace ms::ui {

namespace {
const QStringList& badgeChecks()
{
    static const QStringList c
        = { QStringLiteral("spf"), QStringLiteral("dkim"), QStringLiteral("dmarc"),
              QStringLiteral("arc"), QStringLiteral("smime"), QStringLiteral("tls") };
    return c;
}
} // namespace

QString checkDisplayName(const QString& check)
{
    if (check == QLatin1String("spf"))
        return QStringLiteral("SPF");
    if (check == QLatin1String("dkim"))
        return QStringLiteral("DKIM");
    if (check == QLatin1String("dmarc"))
        return QStringLiteral("DMARC");
    if (check == QLatin1String("arc"))
        return QStringLiteral("ARC");
    if (check == QLatin1String("smime"))
        return QStringLiteral("S/MIME");
    if (check == QLatin1String("tls"))
        return QStringLiteral("TLS");
    if (check == QLatin1String("authres"))
        return VerdictBar::tr("Receiver's results");
    return check;
}

VerdictBar::VerdictBar(QWidget* parent)
    : QWidget(parent)
    , m_overall(new QLabel(this))
{
    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->setSpacing(6);
    m_overall->setObjectName(QStringLiteral("overallBadge"));
    m_overall->setTextFormat(Qt::RichText);
    lay->addWidget(m_overall);
    for (const QString& c : badgeChecks()) {
        auto* l = new QLabel(this);
        l->setObjectName(QStringLiteral("badge_") + c);
        l->setTextFormat(Qt::RichText);
        l->setFocusPolicy(Qt::TabFocus);
        l->setProperty("check", c);
        l->setCursor(Qt::PointingHandCursor);
        l->installEventFilter(this);
        lay->addWidget(l);
        m_badges << l;
    }
    lay->addStretch(1);
    setReport(nullptr);
}

bool VerdictBar::eventFilter(QObject* watched, QEvent* event)
{
    if (auto* l = qobject_cast<QLabel*>(watched)) {
        const bool click = event->type() == QEvent::MouseButtonRelease;
        const bool key = event->type() == QEvent::KeyPress
            && (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Return
                || static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space);
        if (click || key) {
            emit checkClicked(l->property("check").toString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void VerdictBar::setReport(const Report* r)
{
    const bool dark = StatusStyle::isDark();
    auto style = [&](QLabel* l, Status s, const QString& name, const QString& tip, bool present) {
        const QString word = present ? StatusStyle::text(s) : tr("not run");
        // "not run" uses the window's own text colour (placeholder grey is too faint to
        // read); the dashed border tells it apart from a result.
        const QColor fg = present ? StatusStyle::color(s, dark)
                                  : QApplication::palette().color(QPalette::WindowText);
        const QColor bg = present ? StatusStyle::background(s, dark)
                                  : QApplication::palette().color(QPalette::Window);
        l->setText(
            QStringLiteral("<b>%1</b>&nbsp;%2").arg(name.toHtmlEscaped(), word.toHtmlEscaped()));
        l->setStyleSheet(QStringLiteral("QLabel{color:%1;background:%2;border:1px %3 %1;"
                                        "border-radius:4px;padding:2px 8px;}"
                                        "QLabel:focus{border:2px solid %1;}")
                             .arg(fg.name(), bg.name(),
                                 present ? QStringLiteral("solid") : QStringLiteral("dashed")));
        // The colours as painted, for the contrast test.
        l->setProperty("foreground", fg);
        l->setProperty("background", bg);
        l->setToolTip(tip);
        l->setAccessibleName(QStringLiteral("%1: %2").arg(name, word));
        l->setAccessibleDescription(tip);
        l->setProperty("statusName", present ? statusName(s) : QString());
    };
    for (QLabel* l : std::as_const(m_badges)) {
        const QString c = l->property("check").toString();
        const CheckResult* cr = r ? r->check(c) : nullptr;
        style(l, cr ? cr->status : Status::None, checkDisplayName(c),
            cr ? cr->summary : tr("This check did not run."), cr != nullptr);
    }
    if (!r) {
        style(m_overall, Status::None, tr("Verdict"), tr("No message verified yet."), false);
        m_overall->setText(tr("No message"));
        return;
    }
    const Verdict v = overallVerdict(*r);
    style(m_overall, v.status, tr("Verdict"), v.reason, true);
}

QList<QLabel*> VerdictBar::badges() const
{
    return QList<QLabel*> { m_overall } + m_badges;
}

QString VerdictBar::badgeText(const QString& check) const
{
    for (QLabel* l : m_badges) {
        if (l->property("check").toString() == check)
            return l->accessibleName();
    }
    return m_overall->accessibleName();
}

} // namespace ms::ui
