#pragma once

#include "AppSettings.h"
#include "message/Message.h"

#include <QDialog>

class QPlainTextEdit;
class QCheckBox;
class QLineEdit;
class QSpinBox;
class QComboBox;
class QDateTimeEdit;
class QListWidget;

namespace ms::ui {

// Paste the headers a mail client shows under "show original" (and optionally the body).
class PasteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PasteDialog(QWidget* parent = nullptr);
    QByteArray message() const; // headers + blank line + body (if any), as UTF-8
    QPlainTextEdit* headersEdit() const { return m_headers; }
    QPlainTextEdit* bodyEdit() const { return m_body; }

private:
    QPlainTextEdit* m_headers;
    QPlainTextEdit* m_body;
};

// All persistent settings.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& current, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    AppSettings m_base;
    QLineEdit* m_server;
    QSpinBox* m_timeout;
    QCheckBox* m_offline;
    QCheckBox* m_alwaysAllow;
    QComboBox* m_timeMode;
    QDateTimeEdit* m_fixedTime;
    QComboBox* m_discovery;
    QPlainTextEdit* m_authserv;
    QPlainTextEdit* m_sealers;
    QListWidget* m_trustFiles;
    QComboBox* m_language;
    QSpinBox* m_fontSize;
    QCheckBox* m_dark;
};

// Shown before the first live lookup of a newly opened message: the names the checks will
// ask, so the user knows who may learn that the message is being looked at.
class PrivacyDialog : public QDialog
{
    Q_OBJECT
public:
    PrivacyDialog(const QStringList& names, QWidget* parent = nullptr);
    bool alwaysAllow() const;

private:
    QCheckBox* m_always;
};

// Pick one message out of an mbox file.
class MboxPickerDialog : public QDialog
{
    Q_OBJECT
public:
    MboxPickerDialog(const QList<MboxEntry>& entries, QWidget* parent = nullptr);
    int selected() const;

private:
    QListWidget* m_list;
};

} // namespace ms::ui
