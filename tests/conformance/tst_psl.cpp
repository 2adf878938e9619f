// The public PSL test vectors (../shared/conformance/psl/test_psl.txt) run through the code
// DMARC uses for the RFC 7489 Organizational Domain: ms::dmarc::registrableDomain() over the
// system's publicsuffix list via libpsl.
#include "common/TestUtil.h"
#include "dmarc/Psl.h"

#include <QRegularExpression>
#include <QTest>

class TestPsl : public QObject
{
    Q_OBJECT
private slots:
    void vectors_data();
    void vectors();
    void organizationalDomain();
};

void TestPsl::vectors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("inputNull");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("expectedNull");
    const QString dir = mstest::conformanceDir();
    if (dir.isEmpty())
        QSKIP("The conformance data (../shared/conformance) is absent: PSL vectors skipped.");
    const QByteArray text = mstest::readFile(dir + QStringLiteral("/psl/test_psl.txt"));
    if (text.isEmpty())
        QSKIP("psl/test_psl.txt is missing from the conformance data.");
    static const QRegularExpression line(
        QStringLiteral("^checkPublicSuffix\\((null|'([^']*)'), (null|'([^']*)')\\);"));
    int n = 0;
    for (const QByteArray& raw : text.split('\n')) {
        const QString l = QString::fromUtf8(raw).trimmed();
        const QRegularExpressionMatch m = line.match(l);
        if (!m.hasMatch())
            continue; // comments and commented-out cases
        ++n;
        const bool inNull = m.captured(1) == u"null";
        const bool exNull = m.captured(3) == u"null";
        QTest::addRow("%d %s", n, qPrintable(inNull ? QStringLiteral("null") : m.captured(2)))
            << m.captured(2) << inNull << m.captured(4) << exNull;
    }
    QVERIFY2(n >= 70, "expected the 78 PSL vectors");
}

void TestPsl::vectors()
{
    QFETCH(QString, input);
    QFETCH(bool, inputNull);
    QFETCH(QString, expected);
    QFETCH(bool, expectedNull);
    const std::optional<QString> got = ms::dmarc::registrableDomain(inputNull ? QString() : input);
    if (expectedNull) {
        QVERIFY2(
            !got, qPrintable(QStringLiteral("expected null, got %1").arg(got.value_or(QString()))));
    } else {
        QVERIFY2(got.has_value(), "expected a registrable domain, got null");
        QCOMPARE(*got, expected);
    }
}

void TestPsl::organizationalDomain()
{
    // RFC 7489 3.2: a public suffix is its own Organizational Domain.
    QCOMPARE(ms::dmarc::organizationalDomain(QStringLiteral("co.uk")), QStringLiteral("co.uk"));
    QCOMPARE(ms::dmarc::organizationalDomain(QStringLiteral("Mail.Example.CO.UK.")),
        QStringLiteral("example.co.uk"));
    QVERIFY(!ms::dmarc::pslDescription().isEmpty());
}

QTEST_GUILESS_MAIN(TestPsl)
#include "tst_psl.moc"
