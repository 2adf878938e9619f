#pragma once

#include "report/Report.h"

#include <QWidget>

class QLabel;

namespace ms::ui {

// One badge per check (SPF, DKIM, DMARC, ARC, S/MIME, TLS): icon + name + result word,
// coloured, never colour alone. Clicking a badge selects that check's step.
class VerdictBar : public QWidget
{
    Q_OBJECT
public:
    explicit VerdictBar(QWidget* parent = nullptr);
    void setReport(const Report* report);
    QString badgeText(const QString& check) const; // "DKIM: fail", for tests and a11y
    QList<QLabel*> badges() const; // the overall verdict first, then one per check

signals:
    void checkClicked(const QString& check);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QList<QLabel*> m_badges;
    QLabel* m_overall;
};

// Display name of a check: "SPF", "S/MIME", ...
QString checkDisplayName(const QString& check);

} // namespace ms::ui
