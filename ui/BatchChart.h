#pragma once

#include "trace/Step.h"

#include <QList>
#include <QRect>
#include <QWidget>

#include <optional>

namespace ms::ui {

class BatchModel;

// Bar charts of a batch, painted here (no Qt Charts): results per check as stacked bars,
// or the most common failure reasons. Every bar carries its words and numbers, not only a
// colour, and the whole chart is readable as text (accessible description, tooltips).
class BatchChart : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Results, Reasons };

    BatchChart(Mode mode, BatchModel* model, QWidget* parent = nullptr);

    // The chart as plain text, one line per bar (accessibility, tests).
    QString summaryText() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A results segment was clicked: check index (-1 = verdict) and the status.
    void resultClicked(int check, ms::Status status);
    void reasonClicked(const QString& reason);

protected:
    void paintEvent(QPaintEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    bool event(QEvent* e) override;

private:
    struct Hit {
        QRect rect;
        int check = -1;
        std::optional<Status> status;
        QString reason;
        QString tip;
    };
    void refresh();
    int rowCountShown() const;
    const Hit* hitAt(const QPoint& p) const;

    Mode m_mode;
    BatchModel* m_model;
    QList<Hit> m_hits; // rebuilt by every paint
};

} // namespace ms::ui
