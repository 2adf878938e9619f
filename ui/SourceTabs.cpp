#include "SourceTabs.h"

#include "HexView.h"
#include "SourceView.h"

#include <QComboBox>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ms::ui {

namespace {
bool isGrouped(Source::Kind k)
{
    return k == Source::Kind::DnsAnswer || k == Source::Kind::MimePart || k == Source::Kind::Der;
}
} // namespace

SourceTabs::SourceTabs(QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_tabs);
    m_tabs->setObjectName(QStringLiteral("sourceTabTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Source views"));
}

SourceView* SourceTabs::addView(
    const Source& s, qint64 headerEnd, const QString& title, const QString& objectName)
{
    auto* v = new SourceView(SourceView::Mode::Text, m_tabs);
    v->setObjectName(objectName);
    v->setAccessibleName(title);
    v->setDark(m_dark);
    v->setFontPointSize(m_pointSize);
    v->setSource(s, headerEnd);
    connect(v, &SourceView::byteActivated, this, &SourceTabs::byteActivated);
    m_tabs->addTab(v, title);
    m_views.insert(s.id, v);
    return v;
}

void SourceTabs::setReport(std::shared_ptr<const Report> report)
{
    m_report = std::move(report);
    m_lastSpans.clear();
    const QString currentName
        = m_tabs->currentWidget() ? m_tabs->currentWidget()->objectName() : QString();
    while (m_tabs->count() > 0) {
        QWidget* w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        w->deleteLater();
    }
    m_views.clear();
    m_groups.clear();
    m_hex = nullptr;
    if (!m_report)
        return;

    for (const Source& s : m_report->sources) {
        if (isGrouped(s.kind)) {
            Group& g = m_groups[int(s.kind)];
            g.ids << s.id;
            continue;
        }
        qint64 headerEnd = -1;
        QString title = s.title;
        QString name = QStringLiteral("source:") + s.id;
        if (s.id == QLatin1String("message")) {
            const int sep = s.bytes.indexOf("\r\n\r\n");
            headerEnd = sep < 0 ? s.bytes.size() : sep + 2;
            title = tr("Message");
            name = QStringLiteral("rawMessageView");
        } else if (s.kind == Source::Kind::Original) {
            const int sep = s.bytes.indexOf("\n\n");
            const int sep2 = s.bytes.indexOf("\r\n\r\n");
            headerEnd = sep < 0 ? (sep2 < 0 ? s.bytes.size() : sep2 + 2) : sep + 1;
            title = tr("Original file");
        } else if (s.kind == Source::Kind::CanonicalHeader) {
            headerEnd = s.bytes.size();
        }
        if (title.isEmpty())
            title = s.id;
        addView(s, headerEnd, title, name);
        if (s.id == QLatin1String("message")) {
            m_hex = new HexView(m_tabs);
            m_hex->setObjectName(QStringLiteral("hexView"));
            m_hex->setAccessibleName(tr("Hex view of the message"));
            m_hex->setDark(m_dark);
            m_hex->setFontPointSize(m_pointSize);
            m_hex->setSource(s);
            connect(m_hex, &HexView::byteActivated, this, &SourceTabs::byteActivated);
        }
    }
    // Grouped sources: one tab per kind with a chooser.
    for (auto it = m_groups.begin(); it != m_groups.end(); ++it) {
        Group& g = it.value();
        const auto kind = Source::Kind(it.key());
        g.page = new QWidget(m_tabs);
        auto* lay = new QVBoxLayout(g.page);
        lay->setContentsMargins(0, 2, 0, 0);
        g.chooser = new QComboBox(g.page);
        g.view = new SourceView(
            kind == Source::Kind::Der ? SourceView::Mode::Hex : SourceView::Mode::Text, g.page);
        g.view->setDark(m_dark);
        g.view->setFontPointSize(m_pointSize);
        QString title;
        switch (kind) {
        case Source::Kind::DnsAnswer:
            title = tr("DNS answers");
            g.page->setObjectName(QStringLiteral("dnsAnswersTab"));
            g.view->setObjectName(QStringLiteral("dnsAnswerView"));
            break;
        case Source::Kind::MimePart:
            title = tr("MIME parts");
            g.page->setObjectName(QStringLiteral("mimePartsTab"));
            g.view->setObjectName(QStringLiteral("mimePartView"));
            break;
        default:
            title = tr("Certificates (DER)");
            g.page->setObjectName(QStringLiteral("derTab"));
            g.view->setObjectName(QStringLiteral("derView"));
            break;
        }
        g.chooser->setAccessibleName(title);
        g.view->setAccessibleName(title);
        for (const QString& id : g.ids) {
            const Source* s = m_report->source(id);
            g.chooser->addItem(s && !s->title.isEmpty() ? s->title : id, id);
        }
        lay->addWidget(g.chooser);
        lay->addWidget(g.view);
        const int kindKey = it.key();
        connect(g.chooser, &QComboBox::activated, this, [this, kindKey](int i) {
            Group& grp = m_groups[kindKey];
            showInGroup(grp, grp.chooser->itemData(i).toString());
            grp.view->highlight(m_lastSpans);
        });
        connect(g.view, &SourceView::byteActivated, this, &SourceTabs::byteActivated);
        m_tabs->addTab(g.page, tr("%1 (%2)").arg(title).arg(g.ids.size()));
        if (!g.ids.isEmpty())
            showInGroup(g, g.ids.first());
    }
    if (m_hex)
        m_tabs->addTab(m_hex, tr("Hex"));
    // Keep the tab the user was looking at when re-verifying.
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == currentName)
            m_tabs->setCurrentIndex(i);
    }
}

void SourceTabs::showInGroup(Group& g, const QString& id)
{
    if (!m_report || g.view->sourceId() == id)
        return;
    if (const Source* s = m_report->source(id)) {
        g.view->setSource(*s);
        const int i = g.chooser->findData(id);
        if (i >= 0)
            g.chooser->setCurrentIndex(i);
    }
}

SourceView* SourceTabs::viewFor(const QString& sourceId) const
{
    if (SourceView* v = m_views.value(sourceId))
        return v;
    for (const Group& g : m_groups) {
        if (g.view && g.view->sourceId() == sourceId)
            return g.view;
    }
    return nullptr;
}

SourceView* SourceTabs::currentView() const
{
    QWidget* w = m_tabs->currentWidget();
    if (auto* v = qobject_cast<SourceView*>(w))
        return v;
    for (const Group& g : m_groups) {
        if (g.page == w)
            return g.view;
    }
    return nullptr;
}

void SourceTabs::highlight(const QList<Span>& spans)
{
    m_lastSpans = spans;
    // Bring grouped sources that a span points into onto their group's view.
    for (auto it = m_groups.begin(); it != m_groups.end(); ++it) {
        for (const Span& sp : spans) {
            if (it->ids.contains(sp.source)) {
                showInGroup(*it, sp.source);
                break;
            }
        }
    }
    for (SourceView* v : std::as_const(m_views))
        v->highlight(spans);
    for (const Group& g : std::as_const(m_groups))
        g.view->highlight(spans);
    if (m_hex)
        m_hex->highlight(spans);

    // Switch tabs only when the current one shows none of the spans.
    SourceView* cur = currentView();
    const bool hexCurrent = m_hex && m_tabs->currentWidget() == m_hex;
    bool shown = false;
    for (const Span& sp : spans) {
        if ((cur && cur->sourceId() == sp.source) || (hexCurrent && m_hex->sourceId() == sp.source))
            shown = true;
    }
    if (shown || spans.isEmpty())
        return;
    for (const Span& sp : spans) {
        SourceView* v = viewFor(sp.source);
        if (!v)
            continue;
        for (int i = 0; i < m_tabs->count(); ++i) {
            QWidget* w = m_tabs->widget(i);
            if (w == v || (v->parentWidget() == w)) {
                m_tabs->setCurrentIndex(i);
                return;
            }
        }
    }
}

void SourceTabs::setDark(bool dark)
{
    m_dark = dark;
    for (SourceView* v : std::as_const(m_views))
        v->setDark(dark);
    for (const Group& g : std::as_const(m_groups))
        g.view->setDark(dark);
    if (m_hex)
        m_hex->setDark(dark);
}

void SourceTabs::setFontPointSize(int pt)
{
    m_pointSize = pt;
    for (SourceView* v : std::as_const(m_views))
        v->setFontPointSize(pt);
    for (const Group& g : std::as_const(m_groups))
        g.view->setFontPointSize(pt);
    if (m_hex)
        m_hex->setFontPointSize(pt);
}

} // namespace ms::ui
