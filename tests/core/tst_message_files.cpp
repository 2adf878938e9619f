// core/message: realistic files in tests/data/message/, each with a sidecar ".expect" file of
// "key: value" lines (one row per file, named after it).

#include "common/TestUtil.h"
#include "message/Message.h"

#include <QDir>
#include <QTest>

using namespace ms;

namespace {

QString lineEndingName(LineEndings e)
{
    switch (e) {
    case LineEndings::Crlf: return QStringLiteral("CRLF");
    case LineEndings::Lf: return QStringLiteral("LF");
    case LineEndings::Mixed: return QStringLiteral("mixed");
    case LineEndings::None: return QStringLiteral("none");
    }
    return {};
}

QString hopValue(const ReceivedHop& h, const QString& key)
{
    if (key == QLatin1String("format"))
        return h.format;
    if (key == QLatin1String("tlsVersion"))
        return h.tlsVersion;
    if (key == QLatin1String("tlsCipher"))
        return h.tlsCipher;
    if (key == QLatin1String("fromIp"))
        return h.fromIp;
    if (key == QLatin1String("fromHelo"))
        return h.fromHelo;
    if (key == QLatin1String("by"))
        return h.by;
    return QStringLiteral("<unknown key %1>").arg(key);
}

} // namespace

class TestMessageFiles : public QObject
{
    Q_OBJECT

private slots:
    void files_data();
    void files();
};

void TestMessageFiles::files_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(mstest::testDataDir() + QStringLiteral("/message"));
    const QStringList expects = dir.entryList({ QStringLiteral("*.expect") }, QDir::Files);
    QVERIFY2(!expects.isEmpty(), qPrintable(dir.path()));
    for (const QString& e : expects) {
        const QString base = e.chopped(7);
        const QStringList inputs = dir.entryList({ base + QStringLiteral(".*") }, QDir::Files);
        for (const QString& in : inputs) {
            if (!in.endsWith(QLatin1String(".expect")))
                QTest::newRow(qPrintable(base)) << dir.filePath(in);
        }
    }
}

void TestMessageFiles::files()
{
    QFETCH(QString, path);
    const QByteArray input = mstest::readFile(path);
    QVERIFY(!input.isEmpty());
    const QString expectPath = path.left(path.lastIndexOf(u'.')) + QStringLiteral(".expect");
    const QList<QByteArray> lines = mstest::readFile(expectPath).split('\n');
    const Message m = Message::parse(input);
    const Envelope env = m.guessEnvelope();
    QStringList notes;
    for (const ParseNote& n : m.notes())
        notes << n.text;

    for (const QByteArray& raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype colon = line.indexOf(u':');
        QVERIFY2(colon > 0, qPrintable(line));
        const QString key = line.left(colon).trimmed();
        QString value = line.mid(colon + 1).trimmed();
        value.replace(QLatin1String("\\r\\n"), QLatin1String("\r\n"));
        QString got;
        if (key == QLatin1String("headers")) {
            got = QString::number(m.headers().size());
        } else if (key == QLatin1String("hasBody")) {
            got = m.hasBody() ? QStringLiteral("yes") : QStringLiteral("no");
        } else if (key == QLatin1String("lineEndings")) {
            got = lineEndingName(m.lineEndings());
        } else if (key == QLatin1String("normalized")) {
            got = m.isNormalized() ? QStringLiteral("yes") : QStringLiteral("no");
        } else if (key == QLatin1String("hops")) {
            got = QString::number(m.hops().size());
        } else if (key.startsWith(QLatin1String("hop")) && key.contains(u'.')) {
            const int n = key.mid(3, key.indexOf(u'.') - 3).toInt();
            QVERIFY2(n >= 1 && n <= m.hops().size(), qPrintable(key));
            got = hopValue(m.hops().at(n - 1), key.mid(key.indexOf(u'.') + 1));
        } else if (key == QLatin1String("clientIp")) {
            got = env.clientIp.value;
        } else if (key == QLatin1String("helo")) {
            got = env.helo.value;
        } else if (key == QLatin1String("mailFrom")) {
            got = env.mailFrom.value;
        } else if (key == QLatin1String("subject")) {
            QVERIFY(m.first("Subject"));
            got = m.first("Subject")->decoded();
        } else if (key == QLatin1String("mimeParts")) {
            got = QString::number(m.mime().children.size());
        } else if (key.startsWith(QLatin1String("part")) && key.contains(u'.')) {
            const int n = key.mid(4, key.indexOf(u'.') - 4).toInt();
            QVERIFY2(n >= 1 && size_t(n) <= m.mime().children.size(), qPrintable(key));
            const MimePart& p = m.mime().children.at(size_t(n - 1));
            const QString sub = key.mid(key.indexOf(u'.') + 1);
            if (sub == QLatin1String("fileName"))
                got = QString::fromUtf8(p.fileName);
            else if (sub == QLatin1String("decoded"))
                got = QString::fromUtf8(decodePartBody(m, p));
            else
                got = QStringLiteral("<unknown key %1>").arg(sub);
        } else if (key == QLatin1String("note")) {
            bool found = false;
            for (const QString& n : std::as_const(notes))
                found = found || n.contains(value, Qt::CaseInsensitive);
            QVERIFY2(found,
                qPrintable(QStringLiteral("no note with \"%1\" in: %2")
                               .arg(value, notes.join(QStringLiteral(" | ")))));
            continue;
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown key %1").arg(key)));
        }
        QVERIFY2(got == value,
            qPrintable(QStringLiteral("%1: got \"%2\", expected \"%3\"").arg(key, got, value)));
    }
}

QTEST_GUILESS_MAIN(TestMessageFiles)
#include "tst_message_files.moc"
