#include "StatusStyle.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <cmath>

namespace ms::ui {

QString StatusStyle::text(Status s)
{
    switch (s) {
    case Status::None: return QCoreApplication::translate("StatusStyle", "none");
    case Status::Pass: return QCoreApplication::translate("StatusStyle", "pass");
    case Status::Fail: return QCoreApplication::translate("StatusStyle", "fail");
    case Status::SoftFail: return QCoreApplication::translate("StatusStyle", "softfail");
    case Status::Neutral: return QCoreApplication::translate("StatusStyle", "neutral");
    case Status::Policy: return QCoreApplication::translate("StatusStyle", "policy");
    case Status::TempError: return QCoreApplication::translate("StatusStyle", "temperror");
    case Status::PermError: return QCoreApplication::translate("StatusStyle", "permerror");
    case Status::Info: return QCoreApplication::translate("StatusStyle", "info");
    case Status::Warning: return QCoreApplication::translate("StatusStyle", "warning");
    }
    return {};
}

QString StatusStyle::explanation(Status s)
{
    switch (s) {
    case Status::None:
        return QCoreApplication::translate(
            "StatusStyle", "Nothing to check (no record or no signature).");
    case Status::Pass: return QCoreApplication::translate("StatusStyle", "The check succeeded.");
    case Status::Fail: return QCoreApplication::translate("StatusStyle", "The check failed.");
    case Status::SoftFail:
        return QCoreApplication::translate(
            "StatusStyle", "Probably not authorized, but the domain asks not to reject.");
    case Status::Neutral:
        return QCoreApplication::translate("StatusStyle", "The domain makes no statement.");
    case Status::Policy:
        return QCoreApplication::translate(
            "StatusStyle", "Verified, but not accepted by local policy.");
    case Status::TempError:
        return QCoreApplication::translate(
            "StatusStyle", "A temporary error (usually DNS); trying later may give a result.");
    case Status::PermError:
        return QCoreApplication::translate(
            "StatusStyle", "A permanent error: the record or signature is broken.");
    case Status::Info:
        return QCoreApplication::translate("StatusStyle", "Information, no verdict.");
    case Status::Warning:
        return QCoreApplication::translate(
            "StatusStyle", "A concern worth a look; it does not change the verdict.");
    }
    return {};
}

bool StatusStyle::isDark()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < 128;
}

QColor StatusStyle::color(Status s, bool dark)
{
    // Chosen for contrast on white (light) and on #202020 (dark); WCAG AA for text.
    switch (s) {
    case Status::Pass: return dark ? QColor(0x6c, 0xd6, 0x7a) : QColor(0x1b, 0x6e, 0x2a);
    case Status::Fail:
    case Status::PermError: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x1e, 0x1e);
    case Status::SoftFail:
    case Status::TempError:
    case Status::Warning:
    case Status::Policy: return dark ? QColor(0xf2, 0xc0, 0x4c) : QColor(0x8a, 0x5a, 0x00);
    case Status::Neutral:
    case Status::None: return dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x55, 0x55, 0x55);
    case Status::Info: return dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x1f, 0x4f, 0x99);
    }
    return dark ? Qt::white : Qt::black;
}

QColor StatusStyle::background(Status s, bool dark)
{
    QColor c = color(s, dark);
    if (dark)
        return QColor::fromHsl(c.hslHue(), std::min(c.hslSaturation(), 120), 45);
    return QColor::fromHsl(c.hslHue(), std::min(c.hslSaturation(), 160), 232);
}

QColor StatusStyle::diffBackground(char op, bool dark)
{
    if (op == '-')
        return dark ? QColor(0x5c, 0x22, 0x22) : QColor(0xfb, 0xe0, 0xe0);
    if (op == '+')
        return dark ? QColor(0x1f, 0x4d, 0x2b) : QColor(0xdf, 0xf5, 0xe1);
    return {};
}

QColor StatusStyle::lineNumberColor(bool dark)
{
    return dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x5f, 0x5f, 0x5f);
}

double StatusStyle::luminance(const QColor& c)
{
    auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
        + 0.0722 * channel(rgb.blueF());
}

double StatusStyle::contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

namespace {

QPixmap paintIcon(Status s, int size, bool dark)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = StatusStyle::color(s, dark);
    const qreal m = size * 0.08;
    const QRectF r(m, m, size - 2 * m, size - 2 * m);
    QPen pen(Qt::white, size * 0.13, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    auto line = [&](qreal x1, qreal y1, qreal x2, qreal y2) {
        p.drawLine(QPointF(r.left() + r.width() * x1, r.top() + r.height() * y1),
            QPointF(r.left() + r.width() * x2, r.top() + r.height() * y2));
    };
    switch (s) {
    case Status::Pass: // filled circle with a tick
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r);
        p.setPen(pen);
        line(0.27, 0.52, 0.44, 0.70);
        line(0.44, 0.70, 0.74, 0.32);
        break;
    case Status::Fail:
    case Status::PermError: // square with a cross (shape differs from pass)
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(r, size * 0.12, size * 0.12);
        p.setPen(pen);
        line(0.3, 0.3, 0.7, 0.7);
        line(0.7, 0.3, 0.3, 0.7);
        if (s == Status::PermError) {
            p.setPen(QPen(Qt::white, size * 0.06));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r.adjusted(size * 0.06, size * 0.06, -size * 0.06, -size * 0.06),
                size * 0.08, size * 0.08);
        }
        break;
    case Status::SoftFail:
    case Status::TempError:
    case Status::Warning:
    case Status::Policy: { // triangle with "!"
        QPainterPath path;
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.bottom());
        path.lineTo(r.left(), r.bottom());
        path.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPath(path);
        p.setPen(QPen(dark ? Qt::black : Qt::white, size * 0.12, Qt::SolidLine, Qt::RoundCap));
        line(0.5, 0.38, 0.5, 0.66);
        line(0.5, 0.84, 0.5, 0.845);
        break;
    }
    case Status::Neutral:
    case Status::None: // hollow circle with a bar
        p.setPen(QPen(c, size * 0.11));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05));
        p.setPen(QPen(c, size * 0.11, Qt::SolidLine, Qt::RoundCap));
        line(0.32, 0.5, 0.68, 0.5);
        break;
    case Status::Info: // circle with "i"
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r);
        p.setPen(QPen(Qt::white, size * 0.12, Qt::SolidLine, Qt::RoundCap));
        line(0.5, 0.46, 0.5, 0.74);
        line(0.5, 0.28, 0.5, 0.285);
        break;
    }
    return pm;
}

// Paints the status shape at exactly the device pixels asked for: no blurry upscaling on a
// HiDPI screen, like an SVG icon.
class StatusIconEngine : public QIconEngine
{
public:
    StatusIconEngine(Status s, bool dark)
        : m_status(s)
        , m_dark(dark)
    {
    }
    void paint(QPainter* p, const QRect& rect, QIcon::Mode, QIcon::State) override
    {
        const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
        const int side = std::min(rect.width(), rect.height());
        QPixmap pm = paintIcon(m_status, qRound(side * dpr), m_dark);
        pm.setDevicePixelRatio(dpr);
        p->drawPixmap(QPointF(rect.x() + (rect.width() - side) / 2.0,
                          rect.y() + (rect.height() - side) / 2.0),
            pm);
    }
    // QIcon asks for device pixels (the logical size times the ratio) and sets the ratio.
    QPixmap pixmap(const QSize& size, QIcon::Mode, QIcon::State) override
    {
        return paintIcon(m_status, std::max(1, std::min(size.width(), size.height())), m_dark);
    }
    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override
    {
        const int side = std::min(size.width(), size.height());
        return { side, side };
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override { return {}; }
    QIconEngine* clone() const override { return new StatusIconEngine(m_status, m_dark); }
    QString key() const override { return QStringLiteral("mailscope-status"); }

private:
    Status m_status;
    bool m_dark;
};

} // namespace

QIcon StatusStyle::icon(Status s)
{
    return QIcon(new StatusIconEngine(s, isDark()));
}

} // namespace ms::ui
