#include "BatchChart.h"

#include "BatchModel.h"
#include "StatusStyle.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace ms::ui {

namespace {

constexpr int kRowHeight = 22;
constexpr int kTopReasons = 8;

// Segment order: good to bad, so the same colour sits in the same place on every bar.
const Status kOrder[]
    = { Status::Pass, Status::Neutral, Status::None, Status::Policy, Status::SoftFail, Status::Fail,
          Status::TempError, Status::PermError, Status::Warning, Status::Info };

QString countsText(const QMap<Status, int>& counts)
{
    QStringList parts;
    for (Status s : kOrder) {
        const int n = counts.value(s);
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(StatusStyle::text(s)).arg(n);
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

BatchChart::BatchChart(Mode mode, BatchModel* model, QWidget* parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_model(model)
{
    setMouseTracking(false);
    setFocusPolicy(Qt::TabFocus);
    connect(m_model, &BatchModel::countsChanged, this, &BatchChart::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BatchChart::refresh);
    refresh();
}

int BatchChart::rowCountShown() const
{
    if (m_mode == Mode::Results)
        return 1 + int(kBatchChecks.size());
    return qMax(1, int(m_model->topReasons(kTopReasons).size()));
}

QSize BatchChart::sizeHint() const
{
    return { 420, 28 + rowCountShown() * kRowHeight };
}

QSize BatchChart::minimumSizeHint() const
{
    return { 240, 28 + 3 * kRowHeight };
}

QString BatchChart::summaryText() const
{
    QStringList lines;
    if (m_mode == Mode::Results) {
        lines << tr("Verdict: %1").arg(countsText(m_model->verdictCounts()));
        for (int c = 0; c < int(kBatchChecks.size()); ++c) {
            const QString t = countsText(m_model->resultCounts(c));
            lines << QStringLiteral("%1: %2").arg(
                batchCheckTitle(c), t.isEmpty() ? tr("not checked") : t);
        }
    } else {
        const auto top = m_model->topReasons(kTopReasons);
        if (top.isEmpty())
            lines << tr("No failures.");
        for (const auto& [reason, n] : top)
            lines << QStringLiteral("%1 × %2").arg(n).arg(reason);
    }
    return lines.join(QLatin1Char('\n'));
}

void BatchChart::refresh()
{
    setAccessibleDescription(summaryText());
    updateGeometry();
    update();
}

void BatchChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const bool dark = StatusStyle::isDark();
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    m_hits.clear();

    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    p.setPen(pal.color(QPalette::WindowText));
    const QString title
        = m_mode == Mode::Results ? tr("Results per check") : tr("Most common failure reasons");
    p.drawText(QRect(4, 2, width() - 8, 20), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(font());
    int y = 26;

    if (m_mode == Mode::Results) {
        const int labelW = fm.horizontalAdvance(QStringLiteral("S/MIME")) + 40;
        const int barX = labelW + 8;
        const int barW = qMax(60, (width() - barX) * 11 / 20);
        const int textX = barX + barW + 8;
        for (int c = -1; c < int(kBatchChecks.size()); ++c) {
            const QMap<Status, int>& counts
                = c < 0 ? m_model->verdictCounts() : m_model->resultCounts(c);
            const QString label = c < 0 ? tr("Verdict") : batchCheckTitle(c);
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(
                QRect(4, y, labelW, kRowHeight - 4), Qt::AlignLeft | Qt::AlignVCenter, label);
            int total = 0;
            for (int n : counts)
                total += n;
            const QRect bar(barX, y + 1, barW, kRowHeight - 6);
            p.setPen(pal.color(QPalette::Mid));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar.adjusted(0, 0, -1, -1));
            if (total > 0) {
                int x = barX;
                int acc = 0;
                for (Status s : kOrder) {
                    const int n = counts.value(s);
                    if (n == 0)
                        continue;
                    acc += n;
                    const int end = barX + int(qint64(barW) * acc / total);
                    const QRect seg(x, bar.top(), qMax(1, end - x), bar.height());
                    p.fillRect(seg, StatusStyle::background(s, dark));
                    p.setPen(StatusStyle::color(s, dark));
                    p.drawRect(seg.adjusted(0, 0, -1, -1));
                    const QString word = QStringLiteral("%1 %2").arg(StatusStyle::text(s)).arg(n);
                    if (fm.horizontalAdvance(word) + 6 <= seg.width())
                        p.drawText(seg, Qt::AlignCenter, word);
                    else if (fm.horizontalAdvance(QString::number(n)) + 4 <= seg.width())
                        p.drawText(seg, Qt::AlignCenter, QString::number(n));
                    m_hits.append({ seg, c, s, {},
                        tr("%1: %2 — %n message(s)", nullptr, n)
                            .arg(label, StatusStyle::text(s)) });
                    x = end;
                }
            }
            p.setPen(pal.color(QPalette::WindowText));
            const QString text = total > 0 ? countsText(counts) : tr("not checked");
            p.drawText(QRect(textX, y, width() - textX - 4, kRowHeight - 4),
                Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(text, Qt::ElideRight, qMax(0, width() - textX - 4)));
            y += kRowHeight;
        }
        return;
    }

    const auto top = m_model->topReasons(kTopReasons);
    if (top.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(4, y, width() - 8, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
            tr("No failures."));
        return;
    }
    const int maxN = top.first().second;
    const int countW = fm.horizontalAdvance(QStringLiteral("00000")) + 8;
    const int barW = qMax(40, width() / 4);
    const int textX = 4 + countW + barW + 8;
    const QColor fill = StatusStyle::background(Status::Fail, dark);
    const QColor edge = StatusStyle::color(Status::Fail, dark);
    for (const auto& [reason, n] : top) {
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(4, y, countW, kRowHeight - 4), Qt::AlignRight | Qt::AlignVCenter,
            QString::number(n));
        const QRect bar(4 + countW + 4, y + 2, qMax(2, barW * n / qMax(1, maxN)), kRowHeight - 8);
        p.fillRect(bar, fill);
        p.setPen(edge);
        p.drawRect(bar.adjusted(0, 0, -1, -1));
        p.setPen(pal.color(QPalette::WindowText));
        const QRect textRect(textX, y, width() - textX - 4, kRowHeight - 4);
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(reason, Qt::ElideRight, qMax(0, textRect.width())));
        m_hits.append({ QRect(4, y, width() - 8, kRowHeight - 2), -1, std::nullopt, reason,
            tr("%1 × %2").arg(n).arg(reason) });
        y += kRowHeight;
    }
}

const BatchChart::Hit* BatchChart::hitAt(const QPoint& pos) const
{
    for (const Hit& h : m_hits) {
        if (h.rect.contains(pos))
            return &h;
    }
    return nullptr;
}

void BatchChart::mousePressEvent(QMouseEvent* e)
{
    if (const Hit* h = hitAt(e->position().toPoint())) {
        if (h->status)
            emit resultClicked(h->check, *h->status);
        else if (!h->reason.isEmpty())
            emit reasonClicked(h->reason);
    }
    QWidget::mousePressEvent(e);
}

bool BatchChart::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        if (const Hit* h = hitAt(he->pos()))
            QToolTip::showText(he->globalPos(), h->tip, this);
        else
            QToolTip::showText(he->globalPos(), summaryText(), this);
        return true;
    }
    if (e->type() == QEvent::LanguageChange)
        refresh();
    return QWidget::event(e);
}

} // namespace ms::ui
