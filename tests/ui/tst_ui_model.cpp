// StepTreeModel, SourceView and SourceTabs over a hand-built Report: roles, paths, the
// highlight read back from the editor, the hex view's mapping, byte → deepest step; the
// envelope panel's reasons readable in a short dock.
#include "EnvelopePanel.h"
#include "SourceTabs.h"
#include "SourceView.h"
#include "StatusStyle.h"
#include "StepTreeModel.h"

#include <QApplication>
#include <QLabel>
#include <QTabWidget>
#include <QtTest>

using namespace ms;
using namespace ms::ui;

namespace {

const QByteArray kMessage = "From: a@example.com\r\n"
                            "Subject: hello\r\n"
                            " world\r\n"
                            "\r\n"
                            "Body line\r\n";

std::shared_ptr<const Report> makeReport()
{
    auto r = std::make_shared<Report>();
    r->file = QStringLiteral("synthetic.eml");
    r->root = Step(QStringLiteral("report"), Status::Info, QStringLiteral("report"));
    Step& msg = r->root.add(
        Step(QStringLiteral("message.parse"), Status::Info, QStringLiteral("message")));
    msg.addSpan(QStringLiteral("message"), 0, kMessage.size());
    Step& from
        = msg.add(Step(QStringLiteral("message.header"), Status::Info, QStringLiteral("From")));
    from.addSpan(QStringLiteral("message"), 0, 21);
    Step& subj = msg.add(Step(QStringLiteral("message.header"), Status::Warning,
        QStringLiteral("Subject"), QStringLiteral("folded"), QStringLiteral("RFC 5322 2.2.3")));
    subj.addSpan(QStringLiteral("message"), 21, 24);
    subj.addFact(QStringLiteral("name"), QStringLiteral("Subject"));
    Step& dkim = r->root.add(Step(QStringLiteral("dkim"), Status::Fail, QStringLiteral("DKIM")));
    Step& body = dkim.add(Step(QStringLiteral("dkim.body-hash"), Status::Fail,
        QStringLiteral("body hash"), {}, QStringLiteral("RFC 6376 3.7")));
    body.addSpan(QStringLiteral("dkim/1/body"), 0, 5);
    body.addSpan(QStringLiteral("message"), 47, 9); // "Body line"
    Source m;
    m.id = QStringLiteral("message");
    m.kind = Source::Kind::Message;
    m.bytes = kMessage;
    Source cb;
    cb.id = QStringLiteral("dkim/1/body");
    cb.kind = Source::Kind::CanonicalBody;
    cb.title = QStringLiteral("DKIM #1 canonical body");
    cb.bytes = "Body line\r\n";
    Source dnsSrc;
    dnsSrc.id = QStringLiteral("dns/0");
    dnsSrc.kind = Source::Kind::DnsAnswer;
    dnsSrc.bytes = "example.com. 300 IN TXT \"v=spf1 -all\"";
    r->sources = { m, cb, dnsSrc };
    return r;
}

} // namespace

class TestUiModel : public QObject
{
    Q_OBJECT
private slots:
    void modelRolesAndPaths();
    void statusStyleNeverColourAlone_data();
    void statusStyleNeverColourAlone();
    void sourceViewHighlightReadBack();
    void hexViewMapsBytes();
    void sourceTabsRoutesHighlight();
    void clickByteFindsDeepestStep();
    void envelopeReasonsFitTheirText_data();
    void envelopeReasonsFitTheirText();
};

void TestUiModel::modelRolesAndPaths()
{
    StepTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(makeReport());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex subj = model.indexOf({ 0, 1 });
    QVERIFY(subj.isValid());
    QCOMPARE(subj.data().toString(), QStringLiteral("Subject"));
    QCOMPARE(subj.data(StepTreeModel::KindRole).toString(), QStringLiteral("message.header"));
    QCOMPARE(subj.data(StepTreeModel::RfcRole).toString(), QStringLiteral("RFC 5322 2.2.3"));
    QCOMPARE(subj.data(StepTreeModel::StatusNameRole).toString(), QStringLiteral("warning"));
    QCOMPARE(model.pathOf(subj), (StepPath { 0, 1 }));
    QCOMPARE(model.parent(subj), model.indexOf({ 0 }));
    const QVariantList spans = subj.data(StepTreeModel::SpansRole).toList();
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans[0].value<Span>().offset, 21);
    QCOMPARE(subj.siblingAtColumn(StepTreeModel::StatusColumn).data().toString(),
        QStringLiteral("warning"));
    QCOMPARE(model.dump(),
        QStringLiteral("info message\n  info From\n  warning Subject [RFC 5322 2.2.3]\n"
                       "fail DKIM\n  fail body hash [RFC 6376 3.7]\n"));

    // A previous run where DKIM passed: the changed rows are flagged.
    auto prev = std::make_shared<Report>(*makeReport());
    prev->root.children[1].status = Status::Pass;
    model.setPrevious(prev);
    QVERIFY(model.indexOf({ 1 }).data(StepTreeModel::ChangedRole).toBool());
    QVERIFY(!model.indexOf({ 0 }).data(StepTreeModel::ChangedRole).toBool());
}

void TestUiModel::statusStyleNeverColourAlone_data()
{
    QTest::addColumn<int>("status");
    for (int s = int(Status::None); s <= int(Status::Warning); ++s)
        QTest::newRow(qPrintable(statusName(Status(s)))) << s;
}

void TestUiModel::statusStyleNeverColourAlone()
{
    QFETCH(int, status);
    const Status s = Status(status);
    QVERIFY(!StatusStyle::text(s).isEmpty());
    QVERIFY(!StatusStyle::explanation(s).isEmpty());
    QVERIFY(!StatusStyle::icon(s).isNull());
    // Pass and fail must differ in shape, not only colour.
    const QImage pass = StatusStyle::icon(Status::Pass).pixmap(32).toImage();
    const QImage fail = StatusStyle::icon(Status::Fail).pixmap(32).toImage();
    QVERIFY(
        pass.convertToFormat(QImage::Format_Alpha8) != fail.convertToFormat(QImage::Format_Alpha8));
}

void TestUiModel::sourceViewHighlightReadBack()
{
    SourceView v;
    Source m;
    m.id = QStringLiteral("message");
    m.bytes = kMessage;
    v.setSource(m, 45);
    QCOMPARE(v.bytes(), kMessage);
    v.highlight(
        { Span { QStringLiteral("message"), 21, 24 }, Span { QStringLiteral("other"), 0, 3 } });
    const auto ranges = v.highlightedRanges();
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(ranges[0].first, 21);
    QCOMPARE(ranges[0].second, 24);
    QCOMPARE(v.highlightedBytes(), QByteArray("Subject: hello\r\n world\r\n"));
    v.highlight({});
    QVERIFY(v.highlightedRanges().isEmpty());

    // Bytes that are not UTF-8 and NULs keep their offsets.
    Source bin;
    bin.id = QStringLiteral("message");
    bin.bytes = QByteArray("A\xff\x00Z", 4);
    v.setSource(bin);
    v.highlight({ Span { QStringLiteral("message"), 3, 1 } });
    QCOMPARE(v.highlightedBytes(), QByteArray("Z"));
}

void TestUiModel::hexViewMapsBytes()
{
    SourceView hex(SourceView::Mode::Hex);
    Source m;
    m.id = QStringLiteral("message");
    m.bytes = kMessage;
    hex.setSource(m);
    for (qint64 off : { qint64(0), qint64(7), qint64(8), qint64(15), qint64(16), qint64(30),
             qint64(kMessage.size() - 1) })
        QCOMPARE(hex.offsetAt(hex.docPosOf(off)), off);
    hex.highlight({ Span { QStringLiteral("message"), 14, 5 } });
    const auto ranges = hex.highlightedRanges();
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(ranges[0].first, 14);
    QCOMPARE(ranges[0].second, 5);
    // The hex text shows the bytes.
    QVERIFY(hex.text().startsWith(QStringLiteral("00000000  46 72 6f 6d")));
}

void TestUiModel::sourceTabsRoutesHighlight()
{
    SourceTabs tabs;
    tabs.setReport(makeReport());
    QVERIFY(tabs.viewFor(QStringLiteral("message")));
    QVERIFY(tabs.viewFor(QStringLiteral("dkim/1/body")));
    QVERIFY(tabs.viewFor(QStringLiteral("dns/0"))); // grouped tab
    QVERIFY(tabs.hexView());
    tabs.tabs()->setCurrentIndex(
        tabs.tabs()->indexOf(tabs.findChild<QWidget*>(QStringLiteral("dnsAnswersTab"))));
    // A span in the canonical body: that tab comes to the front.
    tabs.highlight({ Span { QStringLiteral("dkim/1/body"), 0, 4 } });
    QCOMPARE(tabs.currentView()->sourceId(), QStringLiteral("dkim/1/body"));
    QCOMPARE(tabs.currentView()->highlightedBytes(), QByteArray("Body"));
    // The message view got nothing to highlight.
    QVERIFY(tabs.viewFor(QStringLiteral("message"))->highlightedRanges().isEmpty());
}

void TestUiModel::clickByteFindsDeepestStep()
{
    auto report = makeReport();
    SourceTabs tabs;
    tabs.setReport(report);
    QSignalSpy spy(&tabs, &SourceTabs::byteActivated);
    SourceView* v = tabs.viewFor(QStringLiteral("message"));
    v->activateOffset(30); // inside the Subject field
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].toString(), QStringLiteral("message"));
    const qint64 off = spy[0][1].toLongLong();
    const auto path = deepestStepAt(report->root, QStringLiteral("message"), off);
    QVERIFY(path);
    QCOMPARE(*path, (StepPath { 0, 1 }));
    // Moving the caret in the editor (a click or the keyboard) reports the byte too.
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    tabs.tabs()->setCurrentWidget(v);
    v->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, 50UL);
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy[1][1].toLongLong(), 50);
    QCOMPARE(*deepestStepAt(report->root, QStringLiteral("message"), 50), (StepPath { 1, 0 }));
}

// The envelope panel sits in a dock a few lines high; each reason label must still get the
// height its whole text needs (the panel scrolls) and no more, in English and in Japanese,
// whose lines break between characters.
void TestUiModel::envelopeReasonsFitTheirText_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("English, three lines") << QStringLiteral(
        "Taken from Received field 1 from the top, written by mx.example.net when "
        "the client connected: it is the topmost hop whose client is outside "
        "the receiving network, so it records the server that handed the "
        "message over. Fields below it were written by servers the receiver "
        "does not control and could be forged (RFC 5321 4.4).");
    QTest::newRow("Japanese, no spaces")
        << QStringLiteral("上から 1 番目の Received フィールド。クライアントの接続時に "
                          "mx.example.com が書き込んだもの から取得: "
                          "受信側ネットワークの外にクライアントがある最上位のホップなので、"
                          "メッセージを引き渡したサーバーが記録されています。それより下の"
                          "フィールドは受信者が管理していないサーバーによって書き込まれたもので"
                          "、偽造されている可能性があります（RFC 5321 4.4）。");
}

void TestUiModel::envelopeReasonsFitTheirText()
{
    QFETCH(QString, reason);
    EnvelopePanel panel;
    Envelope env;
    env.clientIp = { QStringLiteral("198.51.100.40"), reason, {}, false };
    env.helo = { QStringLiteral("fwd.example.edu"), reason, {}, false };
    env.mailFrom = { QStringLiteral("ines@example.org"), reason, {}, false };
    panel.setEnvelope(env);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    // A docked panel's usual height (about six lines), a narrow one, and one tall enough for
    // everything.
    for (const QSize size : { QSize(640, 180), QSize(420, 120), QSize(900, 700) }) {
        panel.resize(size);
        QApplication::processEvents();
        for (const char* name : { "envelopeIpWhy", "envelopeHeloWhy", "envelopeMailFromWhy" }) {
            const auto* label = panel.findChild<QLabel*>(QLatin1String(name));
            QVERIFY2(label, name);
            QCOMPARE(label->text(), reason);
            QVERIFY(label->width() > 100);
            // The text needs several lines at this width, and the label is as high as they are:
            // not cut off, and not floating in a band of empty space either.
            const int needs = label->heightForWidth(label->width());
            QVERIFY2(needs > 2 * label->fontMetrics().height() || size.width() > 800, name);
            const QString what = QStringLiteral("%1 at %2x%3: %4 px high, its text needs %5")
                                     .arg(QLatin1String(name))
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(label->height())
                                     .arg(needs);
            QVERIFY2(label->height() >= needs, qPrintable(what));
            QVERIFY2(label->height() <= needs + label->fontMetrics().height(), qPrintable(what));
        }
    }
}

QTEST_MAIN(TestUiModel)
#include "tst_ui_model.moc"
