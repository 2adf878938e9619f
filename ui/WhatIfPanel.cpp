#include "WhatIfPanel.h"

#include "dns/RecordCodec.h"
#include "dns/ZoneResolver.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ms::ui {

namespace {
enum Col { ColOn, ColName, ColType, ColTtl, ColValue, ColCount };
const QStringList& types()
{
    static const QStringList t = { QStringLiteral("TXT"), QStringLiteral("A"),
        QStringLiteral("AAAA"), QStringLiteral("MX"), QStringLiteral("CNAME"),
        QStringLiteral("PTR"), QStringLiteral("NS"), QStringLiteral("TLSA") };
    return t;
}
} // namespace

WhatIfPanel::WhatIfPanel(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColCount, this))
    , m_changesView(new QTextBrowser(this))
{
    m_table->setObjectName(QStringLiteral("whatIfTable"));
    m_table->setAccessibleName(tr("What-if DNS records"));
    m_table->setHorizontalHeaderLabels(
        { tr("Use"), tr("Name"), tr("Type"), tr("TTL"), tr("Value") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_changesView->setObjectName(QStringLiteral("whatIfChanges"));
    m_changesView->setAccessibleName(tr("Results that changed"));
    m_changesView->setMaximumHeight(110);

    auto* add = new QPushButton(tr("&Add record"), this);
    add->setObjectName(QStringLiteral("whatIfAdd"));
    auto* remove = new QPushButton(tr("Re&move"), this);
    auto* run = new QPushButton(tr("Re-&verify with these records"), this);
    run->setObjectName(QStringLiteral("whatIfReverify"));
    auto* save = new QPushButton(tr("&Save drafts…"), this);
    auto* load = new QPushButton(tr("&Load drafts…"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow(WhatIfRecord {});
        m_table->setCurrentCell(m_table->rowCount() - 1, ColName);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, ColName));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = m_table->currentRow();
        if (r >= 0)
            m_table->removeRow(r);
    });
    connect(run, &QPushButton::clicked, this, &WhatIfPanel::reverifyRequested);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save what-if records"), QString(), tr("Zone files (*.zone *.txt)"));
        QString err;
        if (!path.isEmpty() && !saveDrafts(path, &err))
            QMessageBox::warning(this, tr("Save what-if records"), err);
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load what-if records"),
            QString(), tr("Zone files (*.zone *.txt);;All files (*)"));
        QString err;
        if (!path.isEmpty() && !loadDrafts(path, &err))
            QMessageBox::warning(this, tr("Load what-if records"), err);
    });
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : { add, remove, run, save, load })
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto* intro = new QLabel(tr("Add or override DNS records as if they were published, then "
                                "re-verify. Nothing is sent anywhere: the records only answer "
                                "this verification. Values use master-file syntax, e.g. "
                                "\"v=spf1 ip4:192.0.2.1 -all\"."),
        this);
    intro->setWordWrap(true);
    auto* lay = new QVBoxLayout(this);
    lay->addWidget(intro);
    lay->addWidget(m_table, 1);
    lay->addLayout(buttons);
    lay->addWidget(m_changesView);
}

void WhatIfPanel::addRow(const WhatIfRecord& r)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* on = new QTableWidgetItem;
    on->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    on->setCheckState(r.enabled ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, ColOn, on);
    m_table->setItem(row, ColName, new QTableWidgetItem(r.name));
    auto* type = new QComboBox(m_table);
    type->addItems(types());
    type->setEditable(true);
    type->setCurrentText(r.type.isEmpty() ? QStringLiteral("TXT") : r.type);
    type->setAccessibleName(tr("Record type, row %1").arg(row + 1));
    m_table->setCellWidget(row, ColType, type);
    auto* ttl = new QSpinBox(m_table);
    ttl->setRange(0, 604800);
    ttl->setValue(int(r.ttl));
    ttl->setAccessibleName(tr("TTL in seconds, row %1").arg(row + 1));
    m_table->setCellWidget(row, ColTtl, ttl);
    m_table->setItem(row, ColValue, new QTableWidgetItem(r.value));
}

void WhatIfPanel::addRecord(const WhatIfRecord& r)
{
    addRow(r);
}

QList<WhatIfRecord> WhatIfPanel::records() const
{
    QList<WhatIfRecord> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        WhatIfRecord r;
        r.enabled = m_table->item(row, ColOn)->checkState() == Qt::Checked;
        r.name = m_table->item(row, ColName) ? m_table->item(row, ColName)->text().trimmed()
                                             : QString();
        r.type = static_cast<QComboBox*>(m_table->cellWidget(row, ColType))
                     ->currentText()
                     .trimmed()
                     .toUpper();
        r.ttl = quint32(static_cast<QSpinBox*>(m_table->cellWidget(row, ColTtl))->value());
        r.value = m_table->item(row, ColValue) ? m_table->item(row, ColValue)->text().trimmed()
                                               : QString();
        if (r.enabled && !r.name.isEmpty() && !r.type.isEmpty() && !r.value.isEmpty())
            out << r;
    }
    return out;
}

void WhatIfPanel::setRecords(const QList<WhatIfRecord>& records)
{
    m_table->setRowCount(0);
    for (const WhatIfRecord& r : records)
        addRow(r);
}

void WhatIfPanel::setChanges(const QStringList& changes)
{
    m_changes = changes;
    if (changes.isEmpty()) {
        m_changesView->setPlainText(tr("No result changed."));
        return;
    }
    QString html = QStringLiteral("<b>%1</b><ul>").arg(tr("Changed results:").toHtmlEscaped());
    for (const QString& c : changes)
        html += QStringLiteral("<li>%1</li>").arg(c.toHtmlEscaped());
    m_changesView->setHtml(html + QStringLiteral("</ul>"));
}

bool WhatIfPanel::saveDrafts(const QString& path, QString* error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    QByteArray text = "; Mailscope what-if records (master-file format)\n";
    for (const WhatIfRecord& r : records())
        text += r.masterLine().toUtf8() + '\n';
    f.write(text);
    return true;
}

bool WhatIfPanel::loadDrafts(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    QStringList errors;
    const QList<dns::Record> recs = dns::ZoneResolver::parse(f.read(1 << 20), path, {}, &errors);
    QList<WhatIfRecord> out;
    for (const dns::Record& rec : recs) {
        WhatIfRecord w;
        w.name = QString::fromLatin1(rec.name);
        w.type = dns::typeName(rec.type);
        w.ttl = rec.ttl;
        // The presentation form is "owner ttl IN TYPE rdata" or the bare RDATA.
        const QString line = dns::recordLine(rec);
        const QString marker = QStringLiteral(" IN ") + w.type + QLatin1Char(' ');
        const int at = line.indexOf(marker);
        w.value = at >= 0 ? line.mid(at + marker.size()) : rec.presentation;
        out << w;
    }
    setRecords(out);
    if (!errors.isEmpty() && error)
        *error = errors.join(QLatin1Char('\n'));
    return errors.isEmpty();
}

} // namespace ms::ui
