#include "Dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ms::ui {

PasteDialog::PasteDialog(QWidget* parent)
    : QDialog(parent)
    , m_headers(new QPlainTextEdit(this))
    , m_body(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("pasteDialog"));
    setWindowTitle(tr("Paste headers"));
    m_headers->setObjectName(QStringLiteral("pasteHeaders"));
    m_body->setObjectName(QStringLiteral("pasteBody"));
    m_headers->setAccessibleName(tr("Header fields"));
    m_body->setAccessibleName(tr("Body (optional)"));
    m_headers->setPlaceholderText(tr("Received: from …\nDKIM-Signature: v=1; …\nFrom: …"));
    m_body->setPlaceholderText(
        tr("Optional: without the body, DKIM can only say \"body not available\"."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_headers->setFont(mono);
    m_body->setFont(mono);
    auto* lay = new QVBoxLayout(this);
    auto* l1
        = new QLabel(tr("&Headers, as your mail client shows them under \"Show original\":"), this);
    l1->setBuddy(m_headers);
    auto* l2 = new QLabel(tr("&Body (optional):"), this);
    l2->setBuddy(m_body);
    lay->addWidget(l1);
    lay->addWidget(m_headers, 3);
    lay->addWidget(l2);
    lay->addWidget(m_body, 1);
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    bb->button(QDialogButtonBox::Ok)->setText(tr("&Verify"));
    connect(bb, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(bb, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(bb);
    resize(720, 560);
}

QByteArray PasteDialog::message() const
{
    QByteArray headers = m_headers->toPlainText().toUtf8();
    // Text copied from web views often starts with blank lines; the parser handles the rest.
    while (headers.startsWith('\n'))
        headers.remove(0, 1);
    const QByteArray body = m_body->toPlainText().toUtf8();
    if (body.trimmed().isEmpty())
        return headers;
    if (!headers.endsWith('\n'))
        headers += '\n';
    return headers + '\n' + body;
}

SettingsDialog::SettingsDialog(const AppSettings& s, QWidget* parent)
    : QDialog(parent)
    , m_base(s)
    , m_server(new QLineEdit(s.dnsServer, this))
    , m_timeout(new QSpinBox(this))
    , m_offline(new QCheckBox(tr("&Offline: never send DNS queries"), this))
    , m_alwaysAllow(
          new QCheckBox(tr("&Always allow live lookups without showing the names first"), this))
    , m_timeMode(new QComboBox(this))
    , m_fixedTime(new QDateTimeEdit(this))
    , m_discovery(new QComboBox(this))
    , m_authserv(new QPlainTextEdit(s.trustedAuthservIds.join(QLatin1Char('\n')), this))
    , m_sealers(new QPlainTextEdit(s.trustedArcSealers.join(QLatin1Char('\n')), this))
    , m_trustFiles(new QListWidget(this))
    , m_language(new QComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_dark(new QCheckBox(tr("&Dark palette"), this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_server->setObjectName(QStringLiteral("settingsDnsServer"));
    m_server->setPlaceholderText(tr("system resolver (or host[:port])"));
    m_timeout->setRange(100, 60000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setValue(s.dnsTimeoutMs);
    m_offline->setObjectName(QStringLiteral("settingsOffline"));
    m_offline->setChecked(s.offline);
    m_alwaysAllow->setChecked(s.alwaysAllowLookups);
    m_timeMode->addItem(tr("Now"), int(VerifyOptions::TimeMode::Now));
    m_timeMode->addItem(tr("The message's Date"), int(VerifyOptions::TimeMode::MessageDate));
    m_timeMode->addItem(tr("Fixed time"), int(VerifyOptions::TimeMode::Fixed));
    m_timeMode->setCurrentIndex(m_timeMode->findData(int(s.timeMode)));
    m_fixedTime->setTimeSpec(Qt::UTC);
    m_fixedTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_fixedTime->setDateTime(
        s.fixedTime.isValid() ? s.fixedTime.toUTC() : QDateTime::currentDateTimeUtc());
    m_fixedTime->setEnabled(s.timeMode == VerifyOptions::TimeMode::Fixed);
    connect(m_timeMode, &QComboBox::currentIndexChanged, this, [this] {
        m_fixedTime->setEnabled(
            m_timeMode->currentData().toInt() == int(VerifyOptions::TimeMode::Fixed));
    });
    m_discovery->addItem(
        tr("DNS tree walk (RFC 9989)"), int(VerifyOptions::DmarcDiscovery::TreeWalk));
    m_discovery->addItem(
        tr("Public Suffix List (RFC 7489)"), int(VerifyOptions::DmarcDiscovery::Psl));
    m_discovery->setCurrentIndex(m_discovery->findData(int(s.dmarcDiscovery)));
    m_trustFiles->addItems(s.smimeTrustFiles);
    m_trustFiles->setObjectName(QStringLiteral("settingsTrustFiles"));
    m_trustFiles->setAccessibleName(tr("S/MIME trust certificates (PEM files)"));
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.language)));
    m_fontSize->setRange(6, 40);
    m_fontSize->setValue(s.fontSize);
    m_fontSize->setSuffix(tr(" pt"));
    m_dark->setChecked(s.darkPalette);

    auto* tabs = new QTabWidget(this);
    tabs->setAccessibleName(tr("Settings pages"));
    auto* dns = new QWidget;
    auto* f1 = new QFormLayout(dns);
    f1->addRow(tr("DNS &server:"), m_server);
    f1->addRow(tr("&Timeout:"), m_timeout);
    f1->addRow(m_offline);
    f1->addRow(m_alwaysAllow);
    tabs->addTab(dns, tr("DNS and privacy"));
    auto* ver = new QWidget;
    auto* f2 = new QFormLayout(ver);
    f2->addRow(tr("&Evaluation time:"), m_timeMode);
    f2->addRow(tr("Fi&xed time:"), m_fixedTime);
    f2->addRow(tr("DMARC &discovery:"), m_discovery);
    f2->addRow(tr("Trusted a&uthserv-ids\n(one per line):"), m_authserv);
    f2->addRow(tr("Trusted ARC &sealers\n(one domain per line):"), m_sealers);
    auto* trustBox = new QWidget;
    auto* tl = new QHBoxLayout(trustBox);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_trustFiles, 1);
    auto* addCert = new QPushButton(tr("Add…"), trustBox);
    auto* delCert = new QPushButton(tr("Remove"), trustBox);
    auto* col = new QVBoxLayout;
    col->addWidget(addCert);
    col->addWidget(delCert);
    col->addStretch(1);
    tl->addLayout(col);
    connect(addCert, &QPushButton::clicked, this, [this] {
        const QStringList files
            = QFileDialog::getOpenFileNames(this, tr("S/MIME trust certificates"), QString(),
                tr("PEM certificates (*.pem *.crt);;All files (*)"));
        m_trustFiles->addItems(files);
    });
    connect(delCert, &QPushButton::clicked, this, [this] { delete m_trustFiles->currentItem(); });
    f2->addRow(tr("S/MIME trust &certificates:"), trustBox);
    tabs->addTab(ver, tr("Verification"));
    auto* look = new QWidget;
    auto* f3 = new QFormLayout(look);
    f3->addRow(tr("&Language:"), m_language);
    f3->addRow(tr("Source &font size:"), m_fontSize);
    f3->addRow(m_dark);
    f3->addRow(new QLabel(tr("A new language applies at once to menus and to the next "
                             "verification's texts."),
        look));
    tabs->addTab(look, tr("Appearance"));

    auto* lay = new QVBoxLayout(this);
    lay->addWidget(tabs);
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(bb, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(bb, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(bb);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_base;
    s.dnsServer = m_server->text().trimmed();
    s.dnsTimeoutMs = m_timeout->value();
    s.offline = m_offline->isChecked();
    s.alwaysAllowLookups = m_alwaysAllow->isChecked();
    s.timeMode = VerifyOptions::TimeMode(m_timeMode->currentData().toInt());
    s.fixedTime = m_fixedTime->dateTime().toUTC();
    s.dmarcDiscovery = VerifyOptions::DmarcDiscovery(m_discovery->currentData().toInt());
    auto lines = [](const QPlainTextEdit* e) {
        QStringList out;
        for (const QString& l : e->toPlainText().split(QLatin1Char('\n'))) {
            if (!l.trimmed().isEmpty())
                out << l.trimmed();
        }
        return out;
    };
    s.trustedAuthservIds = lines(m_authserv);
    s.trustedArcSealers = lines(m_sealers);
    s.smimeTrustFiles.clear();
    for (int i = 0; i < m_trustFiles->count(); ++i)
        s.smimeTrustFiles << m_trustFiles->item(i)->text();
    s.language = m_language->currentData().toString();
    s.fontSize = m_fontSize->value();
    s.darkPalette = m_dark->isChecked();
    return s;
}

PrivacyDialog::PrivacyDialog(const QStringList& names, QWidget* parent)
    : QDialog(parent)
    , m_always(new QCheckBox(tr("&Always allow (do not ask again)"), this))
{
    setObjectName(QStringLiteral("privacyDialog"));
    setWindowTitle(tr("Live DNS lookups"));
    auto* lay = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Verifying this message asks DNS about the names below. The sender chose these "
           "domains: their DNS servers may learn that someone is looking at the message, and "
           "when. Later answers may lead to further names (includes, redirects)."),
        this);
    intro->setWordWrap(true);
    lay->addWidget(intro);
    auto* list = new QListWidget(this);
    list->setObjectName(QStringLiteral("privacyNames"));
    list->setAccessibleName(tr("Names that will be queried"));
    list->addItems(names);
    if (names.isEmpty())
        list->addItem(tr("(no query expected)"));
    lay->addWidget(list);
    lay->addWidget(m_always);
    auto* bb = new QDialogButtonBox(this);
    auto* go = bb->addButton(tr("&Look up"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("privacyAllow"));
    auto* off = bb->addButton(tr("Verify &offline"), QDialogButtonBox::RejectRole);
    off->setObjectName(QStringLiteral("privacyOffline"));
    connect(bb, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(bb, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(bb);
    resize(520, 420);
}

bool PrivacyDialog::alwaysAllow() const
{
    return m_always->isChecked();
}

MboxPickerDialog::MboxPickerDialog(const QList<MboxEntry>& entries, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("mboxPicker"));
    setWindowTitle(tr("Choose a message"));
    m_list->setAccessibleName(tr("Messages in the mbox file"));
    for (const MboxEntry& e : entries) {
        m_list->addItem(e.subject.isEmpty() ? e.fromLine
                                            : QStringLiteral("%1 — %2").arg(e.subject, e.fromLine));
    }
    m_list->setCurrentRow(0);
    auto* lay = new QVBoxLayout(this);
    lay->addWidget(new QLabel(
        tr("This file holds %n messages. Which one?", nullptr, int(entries.size())), this));
    lay->addWidget(m_list);
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(bb, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(bb, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    lay->addWidget(bb);
    resize(600, 400);
}

int MboxPickerDialog::selected() const
{
    return m_list->currentRow();
}

} // namespace ms::ui
