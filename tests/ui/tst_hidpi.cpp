// The main window at device pixel ratio 2 (QT_SCALE_FACTOR=2, offscreen): badges keep room
// for their text, status icons are drawn at device resolution, the layout does not clip.
#include "MainWindow.h"
#include "Scenarios.h"
#include "StatusStyle.h"
#include "VerdictBar.h"
#include "common/TestUtil.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTreeView>
#include <QtTest>

using namespace ms;
using namespace ms::ui;

class TestHiDpi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void windowAtScaleTwo();
    void statusIconsAreSharp();

private:
    QTemporaryDir m_settingsDir;
};

void TestHiDpi::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("MailscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hidpi"));
    QCOMPARE(qApp->devicePixelRatio(), 2.0);
}

void TestHiDpi::windowAtScaleTwo()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.devicePixelRatio(), 2.0);
    const QString path = mstest::samplesDir() + QStringLiteral("/mailing-list/mailing-list.eml");
    QSignalSpy done(&w, &MainWindow::verificationFinished);
    QVERIFY(w.openFile(path, zonesFor(path), sampleTime(path)) > 0);
    QVERIFY(done.wait(120000));
    QApplication::processEvents();
    auto* bar = w.findChild<VerdictBar*>(QStringLiteral("verdictBar"));
    QVERIFY(bar);
    const QList<QLabel*> badges = bar->badges();
    QCOMPARE(badges.size(), 7);
    for (QLabel* b : badges) {
        QVERIFY(b->isVisible());
        // The layout gave the badge at least what it asked for, and what it asks for holds
        // its text in its font.
        const QSize hint = b->sizeHint();
        QVERIFY2(b->width() >= hint.width() && b->height() >= hint.height(),
            qPrintable(QStringLiteral("%1: %2x%3 < hint %4x%5")
                           .arg(b->objectName())
                           .arg(b->width())
                           .arg(b->height())
                           .arg(hint.width())
                           .arg(hint.height())));
        QTextDocument doc;
        doc.setDefaultFont(b->font());
        doc.setHtml(b->text());
        const QString plain = doc.toPlainText();
        const QFontMetrics fm(b->font());
        QFont bold = b->font();
        bold.setBold(true);
        const int textWidth = QFontMetrics(bold).horizontalAdvance(plain);
        QVERIFY2(b->contentsRect().width() >= textWidth,
            qPrintable(QStringLiteral("%1 clips \"%2\": %3 < %4")
                           .arg(b->objectName(), plain)
                           .arg(b->contentsRect().width())
                           .arg(textWidth)));
        QVERIFY(b->height() >= fm.height());
        // Badges stay inside the bar.
        QVERIFY(bar->rect().contains(b->geometry()));
    }
    // The window grabbed at device resolution.
    const QPixmap shot = w.grab();
    QCOMPARE(shot.devicePixelRatio(), 2.0);
    QCOMPARE(shot.width(), w.width() * 2);
    // Tree rows are tall enough for their text.
    auto* tree = w.findChild<QTreeView*>(QStringLiteral("stepTree"));
    const QModelIndex first = tree->model()->index(0, 0);
    QVERIFY(tree->visualRect(first).height() >= tree->fontMetrics().height());
}

void TestHiDpi::statusIconsAreSharp()
{
    // Drawn for the device pixels asked: a 16-point icon at ratio 2 has 32 real pixels.
    for (Status s : { Status::Pass, Status::Fail, Status::Warning, Status::None, Status::Info }) {
        const QIcon icon = StatusStyle::icon(s);
        const QPixmap pm = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(pm.size(), QSize(32, 32));
        QCOMPARE(pm.devicePixelRatio(), 2.0);
        const QPixmap big = icon.pixmap(QSize(48, 48), 2.0);
        QCOMPARE(big.size(), QSize(96, 96));
        // Not blank.
        const QImage img = pm.toImage();
        int painted = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                painted += qAlpha(img.pixel(x, y)) > 0;
        QVERIFY(painted > 100);
    }
    // The application icon has enough pixels for a 64-point icon at ratio 2.
    const QImage app(QStringLiteral(":/icons/mailscope.png"));
    QVERIFY(!app.isNull());
    QVERIFY(app.width() >= 128 && app.height() >= 128);
}

int main(int argc, char** argv)
{
    // Before QApplication: every screen reports a device pixel ratio of 2.
    qputenv("QT_SCALE_FACTOR", "2");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(resources); // the icons live in the static ui library
    TestHiDpi t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_hidpi.moc"
