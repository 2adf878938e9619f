#include "I18n.h"
#include "MainWindow.h"
#include "Scenarios.h"
#include "SourceTabs.h"
#include "StepTreeModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

namespace {

// --screenshot DIR: once the first verification is done, grab the main views into PNGs
// and quit (used by tools/screenshots.sh under Xvfb).
void scheduleScreenshots(ms::ui::MainWindow& w, const QString& dir, const QString& prefix)
{
    QDir().mkpath(dir);
    QObject::connect(&w, &ms::ui::MainWindow::verificationFinished, &w, [&w, dir, prefix](int) {
        QTimer::singleShot(400, &w, [&w, dir, prefix] {
            auto shot = [&](const QString& name) {
                QApplication::processEvents();
                w.grab().save(dir + QLatin1Char('/') + prefix + name + QStringLiteral(".png"));
            };
            // Select the first failing (or else the first) check step so the highlight shows.
            w.selectStep({ 1 });
            for (int i = 1; i < w.stepModel()->rowCount(); ++i) {
                const auto s = ms::Status(
                    w.stepModel()->index(i, 0).data(ms::ui::StepTreeModel::StatusRole).toInt());
                if (s == ms::Status::Fail || s == ms::Status::PermError) {
                    w.selectStep({ i, 0 });
                    break;
                }
            }
            w.showView(QStringLiteral("rawMessageView"));
            w.showView(QStringLiteral("dns"));
            shot(QStringLiteral("main"));
            w.showView(QStringLiteral("hexView"));
            w.showView(QStringLiteral("envelope"));
            shot(QStringLiteral("hex-envelope"));
            w.showView(QStringLiteral("dnsAnswersTab"));
            w.showView(QStringLiteral("whatif"));
            shot(QStringLiteral("dns-whatif"));
            for (int i = 0; i < w.sourceTabs()->tabs()->count(); ++i) {
                if (w.sourceTabs()->tabs()->widget(i)->objectName().startsWith(
                        QStringLiteral("source:dkim"))) {
                    w.sourceTabs()->tabs()->setCurrentIndex(i);
                    shot(QStringLiteral("canonical"));
                    break;
                }
            }
            QApplication::quit();
        });
    });
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Mailscope"));
    QApplication::setApplicationName(QStringLiteral("Mailscope"));
    QApplication::setApplicationVersion(QStringLiteral(MAILSCOPE_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Mailscope: why an e-mail passes or fails SPF, DKIM, ARC, DMARC, S/MIME and TLS."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("Messages (.eml, mbox) or evidence bundles to open."));
    QCommandLineOption zone(QStringLiteral("zone"),
        QStringLiteral("Answer DNS from this master file (repeatable); "
                       "no live DNS query is sent."),
        QStringLiteral("FILE"));
    QCommandLineOption offline(
        QStringLiteral("offline"), QStringLiteral("Never send DNS queries."));
    QCommandLineOption lang(QStringLiteral("lang"),
        QStringLiteral("User-interface language (en, ja)."), QStringLiteral("LANG"));
    QCommandLineOption time(QStringLiteral("time"),
        QStringLiteral("Judge signatures and keys at this UTC time "
                       "(ISO 8601, e.g. 2024-06-01T12:00:00Z)."),
        QStringLiteral("TIME"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark palette."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Write PNGs of the main views to DIR and quit."), QStringLiteral("DIR"));
    QCommandLineOption shotPrefix(QStringLiteral("screenshot-prefix"),
        QStringLiteral("File-name prefix for --screenshot."), QStringLiteral("PREFIX"));
    QCommandLineOption quitAfterLoad(QStringLiteral("quit-after-load"),
        QStringLiteral("Quit once the first verification has finished, printing its verdict "
                       "(used by the packaging test)."));
    p.addOptions({ zone, offline, time, lang, dark, screenshot, shotPrefix, quitAfterLoad });
    p.process(app);

    ms::ui::AppSettings settings = ms::ui::AppSettings::load();
    ms::ui::applyLanguage(p.isSet(lang) ? p.value(lang) : settings.language);

    ms::ui::MainWindow w;
    if (p.isSet(lang))
        w.setLanguage(p.value(lang));
    if (p.isSet(offline))
        w.setOffline(true);
    if (p.isSet(dark)) {
        ms::ui::AppSettings s = w.settings();
        s.darkPalette = true;
        w.applySettings(s);
    }
    if (p.isSet(screenshot))
        scheduleScreenshots(w, p.value(screenshot), p.value(shotPrefix));
    if (p.isSet(quitAfterLoad)) {
        QObject::connect(&w, &ms::ui::MainWindow::verificationFinished, &w, [](int) {
            std::printf("mailscope: verification finished\n");
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    w.show();

    QStringList zones;
    for (const QString& z : p.values(zone))
        zones << QFileInfo(z).absoluteFilePath();
    for (const QString& f : p.positionalArguments()) {
        if (!QFileInfo::exists(f)) {
            std::fprintf(stderr, "mailscope: %s: no such file\n", qPrintable(f));
            continue;
        }
        const QDateTime t = QDateTime::fromString(p.value(time), Qt::ISODate);
        if (p.isSet(time) && !t.isValid()) {
            std::fprintf(
                stderr, "mailscope: --time %s: not an ISO 8601 time\n", qPrintable(p.value(time)));
            return 2;
        }
        w.openFile(f, zones.isEmpty() ? ms::ui::zonesFor(f) : zones, t.toUTC());
    }
    return app.exec();
}
