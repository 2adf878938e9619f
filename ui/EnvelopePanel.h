#pragma once

#include "message/Message.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QLabel;

namespace ms::ui {

// The SMTP envelope the checks used: the guessed client IP, HELO and MAIL FROM, each with
// the reason it was chosen. The user can override any of them and re-verify.
class EnvelopePanel : public QWidget
{
    Q_OBJECT
public:
    explicit EnvelopePanel(QWidget* parent = nullptr);
    void setEnvelope(const Envelope& used);

    struct Overrides {
        std::optional<QString> clientIp, helo, mailFrom;
    };
    Overrides overrides() const; // fields the user changed from the guess

    QLineEdit* ipEdit() const { return m_ip; }
    QLineEdit* heloEdit() const { return m_helo; }
    QLineEdit* mailFromEdit() const { return m_mailFrom; }

signals:
    void reverifyRequested();
    void resetRequested();

private:
    QLineEdit* m_ip;
    QLineEdit* m_helo;
    QLineEdit* m_mailFrom;
    QLabel* m_ipWhy;
    QLabel* m_heloWhy;
    QLabel* m_mailFromWhy;
    Envelope m_used;
};

} // namespace ms::ui
