#pragma once

#include "trace/Step.h"

#include <QWidget>

class QTextBrowser;
class QTableWidget;

namespace ms::ui {

// The selected step explained: title and status in words, the plain-language detail, the
// RFC rule it applies, and its facts (copyable).
class DetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget* parent = nullptr);
    void setStep(const Step* step);
    QString selectedValue() const; // the selected fact's value (or "")
    QString plainText() const; // the explanation as shown
    QTableWidget* factsTable() const { return m_facts; }

private:
    QTextBrowser* m_text;
    QTableWidget* m_facts;
};

// A plain-language line for each step kind family, so students get an explanation even
// where a check's detail text is short.
QString kindExplanation(const QString& kind);

} // namespace ms::ui
