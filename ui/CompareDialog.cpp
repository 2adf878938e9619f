#include "CompareDialog.h"

#include "StatusStyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ms::ui {

QList<DiffLine> diffLines(const QStringList& a, const QStringList& b)
{
    QList<DiffLine> out;
    // Trim the common prefix and suffix first: transit changes are usually local.
    int pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre])
        ++pre;
    int suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre
        && a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
        ++suf;
    for (int i = 0; i < pre; ++i)
        out.append({ ' ', a[i] });
    const int n = int(a.size()) - pre - suf, m = int(b.size()) - pre - suf;
    if (qint64(n) * m > 4'000'000) {
        // Too big for a full LCS table: show the middle as removed then added.
        for (int i = 0; i < n; ++i)
            out.append({ '-', a[pre + i] });
        for (int j = 0; j < m; ++j)
            out.append({ '+', b[pre + j] });
    } else {
        std::vector<std::vector<int>> L(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (int i = n - 1; i >= 0; --i)
            for (int j = m - 1; j >= 0; --j)
                L[size_t(i)][size_t(j)] = a[pre + i] == b[pre + j]
                    ? L[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(L[size_t(i + 1)][size_t(j)], L[size_t(i)][size_t(j + 1)]);
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                out.append({ ' ', a[pre + i] });
                ++i, ++j;
            } else if (j < m
                && (i == n || L[size_t(i)][size_t(j + 1)] >= L[size_t(i + 1)][size_t(j)])) {
                out.append({ '+', b[pre + j] });
                ++j;
            } else {
                out.append({ '-', a[pre + i] });
                ++i;
            }
        }
    }
    for (int i = int(a.size()) - suf; i < a.size(); ++i)
        out.append({ ' ', a[i] });
    return out;
}

namespace {
QStringList linesOf(const QByteArray& b)
{
    QStringList out = QString::fromUtf8(b).split(QStringLiteral("\r\n"));
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

QByteArray headerBlock(const Report& r)
{
    const Source* s = r.source(QStringLiteral("message"));
    if (!s)
        return {};
    const int end = s->bytes.indexOf("\r\n\r\n");
    return end < 0 ? s->bytes : s->bytes.left(end + 2);
}
} // namespace

CompareDialog::CompareDialog(const QList<Entry>& reports, QWidget* parent)
    : QDialog(parent)
    , m_reports(reports)
    , m_left(new QComboBox(this))
    , m_right(new QComboBox(this))
    , m_what(new QComboBox(this))
    , m_view(new QTextBrowser(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare two messages"));
    m_left->setObjectName(QStringLiteral("compareLeft"));
    m_right->setObjectName(QStringLiteral("compareRight"));
    m_what->setObjectName(QStringLiteral("compareWhat"));
    m_view->setObjectName(QStringLiteral("compareView"));
    m_left->setAccessibleName(tr("First message (e.g. the sent copy)"));
    m_right->setAccessibleName(tr("Second message (e.g. the received copy)"));
    m_what->setAccessibleName(tr("What to compare"));
    m_view->setAccessibleName(tr("Differences"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    for (const Entry& e : reports) {
        m_left->addItem(e.first);
        m_right->addItem(e.first);
    }
    auto* form = new QFormLayout;
    form->addRow(tr("&First (sent):"), m_left);
    form->addRow(tr("&Second (received):"), m_right);
    form->addRow(tr("&Compare:"), m_what);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(form);
    lay->addWidget(m_summary);
    lay->addWidget(m_view, 1);
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(bb, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(bb);
    connect(m_left, &QComboBox::currentIndexChanged, this, &CompareDialog::refresh);
    connect(m_right, &QComboBox::currentIndexChanged, this, &CompareDialog::refresh);
    connect(m_what, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    resize(900, 700);
    setSides(0, qMin(1, int(reports.size()) - 1));
}

void CompareDialog::setSides(int left, int right)
{
    m_left->blockSignals(true);
    m_right->blockSignals(true);
    m_left->setCurrentIndex(left);
    m_right->setCurrentIndex(right);
    m_left->blockSignals(false);
    m_right->blockSignals(false);
    refresh();
}

QString CompareDialog::diffText() const
{
    return m_plain;
}

void CompareDialog::refresh()
{
    const int li = m_left->currentIndex(), ri = m_right->currentIndex();
    if (li < 0 || ri < 0 || li >= m_reports.size() || ri >= m_reports.size())
        return;
    const Report& a = *m_reports[li].second;
    const Report& b = *m_reports[ri].second;

    // What can be compared: the header fields, then every canonical source both share.
    const QString keep = m_what->currentData().toString();
    m_what->blockSignals(true);
    m_what->clear();
    m_what->addItem(tr("Header fields"), QStringLiteral("@headers"));
    m_what->addItem(tr("Body"), QStringLiteral("@body"));
    for (const Source& s : a.sources) {
        if (s.kind != Source::Kind::CanonicalHeader && s.kind != Source::Kind::CanonicalBody)
            continue;
        if (b.source(s.id))
            m_what->addItem(s.title.isEmpty() ? s.id : s.title, s.id);
    }
    const int k = m_what->findData(keep);
    m_what->setCurrentIndex(k >= 0 ? k : 0);
    m_what->blockSignals(false);
    const QString what = m_what->currentData().toString();

    QByteArray left, right;
    if (what == QLatin1String("@headers")) {
        left = headerBlock(a);
        right = headerBlock(b);
    } else if (what == QLatin1String("@body")) {
        const Source* sa = a.source(QStringLiteral("message"));
        const Source* sb = b.source(QStringLiteral("message"));
        if (sa && sb) {
            left = sa->bytes.mid(headerBlock(a).size() + 2);
            right = sb->bytes.mid(headerBlock(b).size() + 2);
        }
    } else if (const Source* sa = a.source(what)) {
        left = sa->bytes;
        if (const Source* sb = b.source(what))
            right = sb->bytes;
    }

    // DKIM outcome per side, with the forensic finding.
    QStringList sum;
    auto dkimLine = [](const QString& side, const Report& r) {
        QStringList parts;
        for (const DkimSignatureOutcome& d : r.outcomes.dkim) {
            QString p = QStringLiteral("d=%1 s=%2: %3")
                            .arg(d.domain, d.selector, StatusStyle::text(d.status));
            if (!d.finding.isEmpty())
                p += QStringLiteral(" (") + d.finding + QLatin1Char(')');
            parts << p;
        }
        return side + QStringLiteral(": ")
            + (parts.isEmpty() ? tr("no DKIM signature") : parts.join(QStringLiteral("; ")));
    };
    sum << dkimLine(tr("First"), a) << dkimLine(tr("Second"), b);

    const QList<DiffLine> diff = diffLines(linesOf(left), linesOf(right));
    int added = 0, removed = 0;
    QString html = QStringLiteral("<pre style='font-family:monospace'>");
    m_plain.clear();
    const bool dark = StatusStyle::isDark();
    const QString addBg = dark ? QStringLiteral("#1f4d2b") : QStringLiteral("#dff5e1");
    const QString delBg = dark ? QStringLiteral("#5c2222") : QStringLiteral("#fbe0e0");
    for (const DiffLine& d : diff) {
        const QString line = QString(QLatin1Char(d.op)) + QLatin1Char(' ') + d.text;
        m_plain += line + QLatin1Char('\n');
        if (d.op == '+') {
            ++added;
            html += QStringLiteral("<span style='background:%1'>%2</span>\n")
                        .arg(addBg, line.toHtmlEscaped());
        } else if (d.op == '-') {
            ++removed;
            html += QStringLiteral("<span style='background:%1'>%2</span>\n")
                        .arg(delBg, line.toHtmlEscaped());
        } else {
            html += line.toHtmlEscaped() + QLatin1Char('\n');
        }
    }
    html += QStringLiteral("</pre>");
    sum << (added + removed == 0 ? tr("Identical.")
                                 : tr("%1 line(s) only in the first, %2 line(s) only in the second "
                                      "(marked - and +).")
                                       .arg(removed)
                                       .arg(added));
    m_summary->setText(sum.join(QLatin1Char('\n')));
    m_view->setHtml(html);
}

} // namespace ms::ui
