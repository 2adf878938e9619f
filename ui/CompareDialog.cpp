#include "CompareDialog.h"

#include "StatusStyle.h"
#include "StepTreeModel.h"
#include "message/Message.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
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

QList<DiffLine> fromUnified(const QStringList& unified)
{
    QList<DiffLine> out;
    out.reserve(unified.size());
    for (const QString& l : unified) {
        const char op = l.isEmpty() ? ' ' : l.at(0).toLatin1();
        out.append({ op == '-' || op == '+' ? op : ' ', l.mid(2) });
    }
    return out;
}

QList<SideBySideRow> sideBySide(const QList<DiffLine>& diff)
{
    QList<SideBySideRow> rows;
    int ln = 0, rn = 0;
    for (qsizetype i = 0; i < diff.size();) {
        if (diff[i].op == ' ') {
            rows.append({ ' ', ++ln, ++rn, diff[i].text, diff[i].text });
            ++i;
            continue;
        }
        // A block of changes: its removed lines beside its added lines.
        QStringList del, add;
        while (i < diff.size() && diff[i].op != ' ') {
            (diff[i].op == '-' ? del : add) << diff[i].text;
            ++i;
        }
        const qsizetype n = std::max(del.size(), add.size());
        for (qsizetype k = 0; k < n; ++k) {
            SideBySideRow r;
            const bool hasL = k < del.size(), hasR = k < add.size();
            r.op = hasL && hasR ? '~' : hasL ? '-' : '+';
            if (hasL) {
                r.leftLine = ++ln;
                r.left = del[k];
            }
            if (hasR) {
                r.rightLine = ++rn;
                r.right = add[k];
            }
            rows.append(r);
        }
    }
    return rows;
}

QString describeDiff(const QList<DiffLine>& diff, bool headers)
{
    int added = 0, removed = 0;
    for (const DiffLine& d : diff) {
        added += d.op == '+';
        removed += d.op == '-';
    }
    if (added + removed == 0)
        return CompareDialog::tr("unchanged");
    if (headers) {
        // Name the fields whose canonical lines differ (continuation lines belong to the
        // field above them).
        QStringList names;
        QString current;
        for (const DiffLine& d : diff) {
            if (!d.text.isEmpty() && !d.text.at(0).isSpace())
                current = d.text.section(QLatin1Char(':'), 0, 0).trimmed();
            if (d.op != ' ' && !current.isEmpty() && !names.contains(current, Qt::CaseInsensitive))
                names << current;
        }
        return CompareDialog::tr("changed fields: %1").arg(names.join(QStringLiteral(", ")));
    }
    // Additions only, after the last unchanged line: something was appended.
    qsizetype lastSame = -1;
    for (qsizetype i = 0; i < diff.size(); ++i) {
        if (diff[i].op == ' ')
            lastSame = i;
    }
    bool onlyTailAdds = removed == 0, onlyTailRemoves = added == 0;
    for (qsizetype i = 0; i <= lastSame; ++i) {
        if (diff[i].op != ' ')
            onlyTailAdds = onlyTailRemoves = false;
    }
    if (onlyTailAdds)
        return CompareDialog::tr("%n line(s) added at the end", nullptr, added);
    if (onlyTailRemoves)
        return CompareDialog::tr("%n line(s) removed at the end", nullptr, removed);
    return CompareDialog::tr("%1 line(s) only in the sent copy, %2 only in the received copy")
        .arg(removed)
        .arg(added);
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

constexpr int kMaxRows = 4000; // a side-by-side table beyond this is unreadable and slow

// The side-by-side table as HTML, and as plain text into *plain.
QString sideBySideHtml(const QList<DiffLine>& diff, const QString& leftTitle,
    const QString& rightTitle, QString* plain)
{
    const bool dark = StatusStyle::isDark();
    const QList<SideBySideRow> rows = sideBySide(diff);
    auto cell = [&](int no, const QString& text, const QColor& bg) {
        QString t = text.toHtmlEscaped();
        t.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        const QString bgAttr
            = bg.isValid() ? QStringLiteral(" bgcolor='%1'").arg(bg.name()) : QString();
        return QStringLiteral("<td align='right' style='color:%1'>%2</td><td%3>%4</td>")
            .arg(StatusStyle::lineNumberColor(dark).name(), no ? QString::number(no) : QString(),
                bgAttr, t);
    };
    QString html = QStringLiteral(
        "<table width='100%' cellspacing='0' cellpadding='1' style='font-family:monospace'>"
        "<tr><th></th><th align='left'>%1</th><th></th><th align='left'>%2</th></tr>")
                       .arg(leftTitle.toHtmlEscaped(), rightTitle.toHtmlEscaped());
    int shown = 0;
    for (const SideBySideRow& r : rows) {
        const QColor lbg
            = r.op == '-' || r.op == '~' ? StatusStyle::diffBackground('-', dark) : QColor();
        const QColor rbg
            = r.op == '+' || r.op == '~' ? StatusStyle::diffBackground('+', dark) : QColor();
        if (++shown <= kMaxRows)
            html += QStringLiteral("<tr>") + cell(r.leftLine, r.left, lbg)
                + cell(r.rightLine, r.right, rbg) + QStringLiteral("</tr>");
        if (plain) {
            const QChar mark = QLatin1Char(r.op);
            *plain += QStringLiteral("%1 %2 | %3\n").arg(QString(mark), r.left, r.right);
        }
    }
    html += QStringLiteral("</table>");
    if (shown > kMaxRows)
        html += QStringLiteral("<p>")
            + CompareDialog::tr("%1 more lines not shown.").arg(shown - kMaxRows).toHtmlEscaped()
            + QStringLiteral("</p>");
    return html;
}

QTextBrowser* makeBrowser(QWidget* parent, const QString& objectName, const QString& name)
{
    auto* b = new QTextBrowser(parent);
    b->setObjectName(objectName);
    b->setAccessibleName(name);
    b->setLineWrapMode(QTextEdit::NoWrap);
    return b;
}

} // namespace

CompareDialog::CompareDialog(const QList<Entry>& reports, QWidget* parent)
    : QDialog(parent)
    , m_reports(reports)
    , m_left(new QComboBox(this))
    , m_right(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_what(new QComboBox(this))
    , m_wholeView(makeBrowser(this, QStringLiteral("compareView"), tr("Differences")))
    , m_stepView(new QTreeView(this))
    , m_stepModel(new StepTreeModel(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare two messages"));
    m_left->setObjectName(QStringLiteral("compareLeft"));
    m_right->setObjectName(QStringLiteral("compareRight"));
    m_what->setObjectName(QStringLiteral("compareWhat"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_tabs->setObjectName(QStringLiteral("compareTabs"));
    m_stepView->setObjectName(QStringLiteral("compareSteps"));
    m_left->setAccessibleName(tr("First message (e.g. the sent copy)"));
    m_right->setAccessibleName(tr("Second message (e.g. the received copy)"));
    m_what->setAccessibleName(tr("What to compare"));
    m_tabs->setAccessibleName(tr("Comparison per DKIM signature"));
    m_stepView->setAccessibleName(tr("Comparison steps"));
    m_summary->setAccessibleName(tr("Summary of the changes"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setFocusPolicy(Qt::NoFocus);
    m_stepView->setModel(m_stepModel);
    m_stepView->setUniformRowHeights(true);
    m_stepView->header()->setStretchLastSection(false);
    m_stepView->header()->setSectionResizeMode(StepTreeModel::TitleColumn, QHeaderView::Stretch);
    for (const Entry& e : reports) {
        m_left->addItem(e.first);
        m_right->addItem(e.first);
    }
    m_what->addItem(tr("Header fields"), QStringLiteral("@headers"));
    m_what->addItem(tr("Body"), QStringLiteral("@body"));

    auto* form = new QFormLayout;
    form->addRow(tr("&First (sent):"), m_left);
    form->addRow(tr("&Second (received):"), m_right);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(form);
    lay->addWidget(m_summary);
    lay->addWidget(m_tabs, 1);

    auto* whole = new QWidget(this);
    whole->setObjectName(QStringLiteral("compareWholeTab"));
    auto* wl = new QVBoxLayout(whole);
    auto* wf = new QFormLayout;
    wf->addRow(tr("&Compare:"), m_what);
    wl->addLayout(wf);
    wl->addWidget(m_wholeView, 1);
    m_tabs->addTab(whole, tr("Whole message"));
    m_tabs->addTab(m_stepView, tr("Steps"));

    auto* bb = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(bb, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(bb);
    connect(m_left, &QComboBox::currentIndexChanged, this, &CompareDialog::refresh);
    connect(m_right, &QComboBox::currentIndexChanged, this, &CompareDialog::refresh);
    connect(m_what, &QComboBox::currentIndexChanged, this, [this] { refreshWhole(); });
    resize(1100, 760);
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
    return m_sigPlain + m_wholePlain;
}

QString CompareDialog::summaryText() const
{
    return m_summary->text();
}

void CompareDialog::refreshWhole()
{
    const int li = m_left->currentIndex(), ri = m_right->currentIndex();
    if (li < 0 || ri < 0 || li >= m_reports.size() || ri >= m_reports.size())
        return;
    const Report& a = *m_reports[li].second;
    const Report& b = *m_reports[ri].second;
    QByteArray left, right;
    const bool headers = m_what->currentData().toString() == QLatin1String("@headers");
    if (headers) {
        left = headerBlock(a);
        right = headerBlock(b);
    } else {
        const Source* sa = a.source(QStringLiteral("message"));
        const Source* sb = b.source(QStringLiteral("message"));
        if (sa && sb) {
            left = sa->bytes.mid(headerBlock(a).size() + 2);
            right = sb->bytes.mid(headerBlock(b).size() + 2);
        }
    }
    const QList<DiffLine> diff = diffLines(linesOf(left), linesOf(right));
    m_wholePlain = (headers ? tr("Header fields") : tr("Body")) + QStringLiteral(": ")
        + describeDiff(diff, headers) + QLatin1Char('\n');
    m_wholeView->setHtml(
        sideBySideHtml(diff, m_reports[li].first, m_reports[ri].first, &m_wholePlain));
}

QWidget* CompareDialog::signaturePage(const dkim::CompareSignature& cs, const QString& verdictLine,
    const QString& headerWords, const QString& bodyWords)
{
    auto* page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("compareSignature_%1_%2").arg(cs.domain, cs.selector));
    auto* lay = new QVBoxLayout(page);
    auto* verdict = new QLabel(verdictLine, page);
    verdict->setObjectName(QStringLiteral("compareForensics"));
    verdict->setWordWrap(true);
    verdict->setTextFormat(Qt::PlainText);
    verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lay->addWidget(verdict);
    auto* split = new QSplitter(Qt::Vertical, page);
    const QString sent = tr("Sent copy"), received = tr("Received copy");
    auto part = [&](const QString& title, const QString& words, bool same,
                    const QStringList& unified, const char* objName) {
        auto* box = new QWidget(split);
        auto* bl = new QVBoxLayout(box);
        bl->setContentsMargins(0, 0, 0, 0);
        auto* head = new QLabel(
            QStringLiteral("<b>%1</b> — %2").arg(title.toHtmlEscaped(), words.toHtmlEscaped()),
            box);
        bl->addWidget(head);
        QTextBrowser* view = makeBrowser(box, QLatin1String(objName), title);
        if (same) {
            view->setPlainText(
                tr("Byte for byte the same in both copies: this part verifies in both."));
        } else {
            m_sigPlain += title + QStringLiteral(": ") + words + QLatin1Char('\n');
            view->setHtml(sideBySideHtml(fromUnified(unified), sent, received, &m_sigPlain));
        }
        bl->addWidget(view, 1);
        split->addWidget(box);
    };
    part(tr("Canonical header block"), headerWords, cs.headerSame, cs.headerDiff,
        "compareCanonHeader");
    part(tr("Canonical body"), bodyWords, cs.bodySame, cs.bodyDiff, "compareCanonBody");
    lay->addWidget(split, 1);
    return page;
}

void CompareDialog::refresh()
{
    const int li = m_left->currentIndex(), ri = m_right->currentIndex();
    if (li < 0 || ri < 0 || li >= m_reports.size() || ri >= m_reports.size())
        return;
    const Report& a = *m_reports[li].second;
    const Report& b = *m_reports[ri].second;

    // The engine matches the signatures and canonicalizes both copies exactly as
    // verification does.
    const Source* sa = a.source(QStringLiteral("message"));
    const Source* sb = b.source(QStringLiteral("message"));
    const Message ma = Message::parse(sa ? sa->bytes : QByteArray());
    const Message mb = Message::parse(sb ? sb->bytes : QByteArray());
    m_result = dkim::compareCopies(ma, mb);

    while (m_tabs->count() > 2) {
        QWidget* w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        w->deleteLater();
    }
    m_sigPlain.clear();
    QStringList sum;
    // The k-th signature with this d=/s= in a report's DKIM outcomes.
    auto outcomeFor = [](const Report& r, const QString& d, const QString& s,
                          int k) -> const DkimSignatureOutcome* {
        for (const DkimSignatureOutcome& o : r.outcomes.dkim) {
            if (o.domain.compare(d, Qt::CaseInsensitive) == 0 && o.selector == s && k-- == 0)
                return &o;
        }
        return nullptr;
    };
    auto describeOutcome = [](const DkimSignatureOutcome* o) {
        if (!o)
            return tr("not verified");
        QString t = StatusStyle::text(o->status);
        if (!o->reason.isEmpty())
            t += QStringLiteral(" (") + o->reason + QLatin1Char(')');
        if (!o->finding.isEmpty())
            t += QStringLiteral(" — ") + o->finding;
        return t;
    };
    QHash<QString, int> seen;
    int page = 0;
    for (const dkim::CompareSignature& cs : std::as_const(m_result.signatures)) {
        const QString key = cs.domain + QLatin1Char('/') + cs.selector;
        const int k = seen[key]++;
        const DkimSignatureOutcome* oa = outcomeFor(a, cs.domain, cs.selector, k);
        const DkimSignatureOutcome* ob = outcomeFor(b, cs.domain, cs.selector, k);
        const QString headerWords = describeDiff(fromUnified(cs.headerDiff), true);
        const QString bodyWords = describeDiff(fromUnified(cs.bodyDiff), false);
        const QString verdictLine = tr("Sent copy: DKIM %1\nReceived copy: DKIM %2")
                                        .arg(describeOutcome(oa), describeOutcome(ob));
        const QString sig = QStringLiteral("d=%1 s=%2").arg(cs.domain, cs.selector);
        sum << tr("%1 — header: %2; body: %3. Received copy: %4")
                   .arg(sig, headerWords, bodyWords, describeOutcome(ob));
        m_sigPlain += sig + QLatin1Char('\n') + verdictLine + QLatin1Char('\n');
        QWidget* w = signaturePage(cs, verdictLine, headerWords, bodyWords);
        const Status st = cs.headerSame && cs.bodySame ? Status::Pass : Status::Fail;
        m_tabs->insertTab(page++, w, StatusStyle::icon(st), sig);
    }
    for (const QString& u : std::as_const(m_result.unmatched))
        sum << u;
    if (m_result.signatures.isEmpty() && m_result.unmatched.isEmpty())
        sum << tr("Neither copy has a DKIM signature: only the whole messages are compared.");
    else if (m_result.signatures.isEmpty())
        sum << tr("No DKIM signature is in both copies (the same d=, s= and b=): these are not "
                  "two copies of one signed message.");
    m_summary->setText(sum.join(QLatin1Char('\n')));
    m_tabs->setCurrentIndex(0);

    auto steps = std::make_shared<Report>();
    steps->root = Step(QStringLiteral("report"), Status::Info, QString());
    steps->root.add(m_result.step);
    m_stepModel->setReport(steps);
    m_stepView->expandAll();
    refreshWhole();
}

} // namespace ms::ui
