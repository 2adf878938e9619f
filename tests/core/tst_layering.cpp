// core/ must never depend on QtGui or QtWidgets (ARCHITECTURE.md, "Layers"). Two checks:
// no core source includes a GUI header, and mailscope-cli (which links only
// mailscope_core) loads no GUI library.
#include "common/TestUtil.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// Kept out of the class: moc does not cope with raw string literals.
static QString forbiddenPattern()
{
    return QStringLiteral("#\\s*include\\s*[<\"](QtGui|QtWidgets|QtPrintSupport|QWidget|"
                          "QApplication|QGuiApplication|QPixmap|QImage|QColor|QFont|QIcon|"
                          "QPainter|Qsci)\\b");
}

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreIncludesNoGuiHeaders()
    {
        static const QRegularExpression forbidden(forbiddenPattern());
        QDirIterator it(mstest::sourceDir() + QStringLiteral("/core"),
            { QStringLiteral("*.h"), QStringLiteral("*.cpp") }, QDir::Files,
            QDirIterator::Subdirectories);
        int files = 0;
        QStringList offenders;
        while (it.hasNext()) {
            const QString path = it.next();
            ++files;
            const QString text = QString::fromUtf8(mstest::readFile(path));
            const auto m = forbidden.match(text);
            if (m.hasMatch())
                offenders << path + QStringLiteral(": ") + m.captured(0);
        }
        QVERIFY2(files > 5, "core/ sources not found");
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    void cliLoadsNoGuiLibrary()
    {
        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), { mstest::cliPath() });
        QVERIFY(ldd.waitForFinished(30000));
        const QString out = QString::fromLocal8Bit(ldd.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("libQt6Core")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("libQt6Gui")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("libQt6Widgets")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
