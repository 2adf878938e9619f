// SPF evaluation (core/spf) against zone files read by the real zone resolver. Rows are
// named after the RFC 7208 section they pin.

#include "common/SpfTestUtil.h"
#include "common/TestUtil.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "spf/Ip.h"
#include "spf/Lint.h"
#include "spf/Macro.h"
#include "spf/Record.h"
#include "spf/Spf.h"
#include "verify/Check.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace ms;

namespace {

const QByteArray kHead = "$TTL 300\n";

QByteArray txt(const QByteArray& owner, const QByteArray& text)
{
    // Split into 255-byte character-strings as a publisher must.
    QByteArray line = owner + ". IN TXT";
    for (qsizetype i = 0; i < text.size(); i += 255) {
        QByteArray part = text.mid(i, 255);
        part.replace("\\", "\\\\").replace("\"", "\\\"");
        line += " \"" + part + "\"";
    }
    return line + "\n";
}

const Step* firstMatchedTerm(const Step& root)
{
    for (const Step* s : mstest::spfFindSteps(root, QStringLiteral("spf.term"))) {
        if (s->status != Status::Info)
            return s;
    }
    return nullptr;
}

QString firstTarget(const Step& root)
{
    for (const Step* s : mstest::spfFindSteps(root, QStringLiteral("spf.term"))) {
        if (!s->fact(QStringLiteral("target")).isEmpty())
            return s->fact(QStringLiteral("target"));
    }
    return {};
}

bool hasLint(const Step& root, const QString& needle)
{
    for (const Step* s : mstest::spfFindSteps(root, QStringLiteral("spf.lint"))) {
        if (s->title.contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestSpf : public QObject
{
    Q_OBJECT

private slots:
    void macros_data();
    void macros();
    void macroSyntax_data();
    void macroSyntax();
    void macroFunctions();
    void explanationMacros();
    void limits_data();
    void limits();
    void hostile_data();
    void hostile();
    void hugeRecordBounded();
    void randomRecordsBounded();
    void pMacroLookedUpOnce();
    void cidr_data();
    void cidr();
    void ipv6_data();
    void ipv6();
    void addressText_data();
    void addressText();
    void lints_data();
    void lints();
    void termSpans();
    void traceShape();
    void checkEnvelope_data();
    void checkEnvelope();
};

// RFC 7208 7.4: the worked examples, sender strong-bad@email.example.com, IPv4 192.0.2.3,
// IPv6 2001:db8::cb01. The expansion is read back from the term's "target" fact.
void TestSpf::macros_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QString>("expected");
    const QString v4 = QStringLiteral("192.0.2.3"), v6 = QStringLiteral("2001:db8::cb01");
    QTest::newRow("RFC 7208 7.4 %{s}")
        << v4 << QByteArray("%{s}") << "strong-bad@email.example.com";
    QTest::newRow("RFC 7208 7.4 %{o}") << v4 << QByteArray("%{o}") << "email.example.com";
    QTest::newRow("RFC 7208 7.4 %{d}") << v4 << QByteArray("%{d}") << "email.example.com";
    QTest::newRow("RFC 7208 7.4 %{d4}") << v4 << QByteArray("%{d4}") << "email.example.com";
    QTest::newRow("RFC 7208 7.4 %{d3}") << v4 << QByteArray("%{d3}") << "email.example.com";
    QTest::newRow("RFC 7208 7.4 %{d2}") << v4 << QByteArray("%{d2}") << "example.com";
    QTest::newRow("RFC 7208 7.4 %{d1}") << v4 << QByteArray("%{d1}") << "com";
    QTest::newRow("RFC 7208 7.4 %{dr}") << v4 << QByteArray("%{dr}") << "com.example.email";
    QTest::newRow("RFC 7208 7.4 %{d2r}") << v4 << QByteArray("%{d2r}") << "example.email";
    QTest::newRow("RFC 7208 7.4 %{l}") << v4 << QByteArray("%{l}") << "strong-bad";
    QTest::newRow("RFC 7208 7.4 %{l-}") << v4 << QByteArray("%{l-}") << "strong.bad";
    QTest::newRow("RFC 7208 7.4 %{lr}") << v4 << QByteArray("%{lr}") << "strong-bad";
    QTest::newRow("RFC 7208 7.4 %{lr-}") << v4 << QByteArray("%{lr-}") << "bad.strong";
    QTest::newRow("RFC 7208 7.4 %{l1r-}") << v4 << QByteArray("%{l1r-}") << "strong";
    QTest::newRow("RFC 7208 7.4 %{ir}.%{v}._spf.%{d2}")
        << v4 << QByteArray("%{ir}.%{v}._spf.%{d2}") << "3.2.0.192.in-addr._spf.example.com";
    QTest::newRow("RFC 7208 7.4 %{lr-}.lp._spf.%{d2}")
        << v4 << QByteArray("%{lr-}.lp._spf.%{d2}") << "bad.strong.lp._spf.example.com";
    QTest::newRow("RFC 7208 7.4 %{lr-}.lp.%{ir}.%{v}._spf.%{d2}")
        << v4 << QByteArray("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}")
        << "bad.strong.lp.3.2.0.192.in-addr._spf.example.com";
    QTest::newRow("RFC 7208 7.4 %{ir}.%{v}.%{l1r-}.lp._spf.%{d2}")
        << v4 << QByteArray("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}")
        << "3.2.0.192.in-addr.strong.lp._spf.example.com";
    QTest::newRow("RFC 7208 7.4 %{d2}.trusted-domains.example.net")
        << v4 << QByteArray("%{d2}.trusted-domains.example.net")
        << "example.com.trusted-domains.example.net";
    QTest::newRow("RFC 7208 7.4 IPv6 %{ir}.%{v}._spf.%{d2}")
        << v6 << QByteArray("%{ir}.%{v}._spf.%{d2}")
        << "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com";
    QTest::newRow("RFC 7208 7.3 %{h}") << v4 << QByteArray("%{h}") << "mail.example.org";
    QTest::newRow("RFC 7208 7.3 upper case URL-escapes")
        << v4 << QByteArray("%{S}.x.example") << "strong-bad%40email.example.com.x.example";
    QTest::newRow("RFC 7208 7.1 %% %_ %-")
        << v4 << QByteArray("a%%b%_c%-d.example") << "a%b c%20d.example";
    QTest::newRow("RFC 7208 7.3 delimiters +")
        << v4 << QByteArray("%{l2r+-}.x.example") << "bad.strong.x.example";
    QTest::newRow("RFC 7208 7.3 digits beyond the parts")
        << v4 << QByteArray("%{d127}") << "email.example.com";
}

void TestSpf::macros()
{
    QFETCH(QString, ip);
    QFETCH(QByteArray, spec);
    QFETCH(QString, expected);
    const QByteArray zone = kHead + txt("email.example.com", "v=spf1 exists:" + spec + " -all");
    QStringList errors;
    const auto ev
        = mstest::spfEvaluateZone(zone, ip, QStringLiteral("strong-bad@email.example.com"),
            QStringLiteral("mail.example.org"), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(firstTarget(ev.step), expected);
    QCOMPARE(ev.result, Status::Fail); // nothing exists: exists does not match, -all
    // The expansion is shown step by step: one child per macro.
    const auto macroSteps = mstest::spfFindSteps(ev.step, QStringLiteral("spf.macro"));
    QVERIFY(!macroSteps.isEmpty());
    QVERIFY(!macroSteps.first()->children.empty());
}

void TestSpf::macroSyntax_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::newRow("RFC 7208 7.1 unknown letter %{a}")
        << QByteArray("v=spf1 exists:%{a}.example.com");
    QTest::newRow("RFC 7208 7.3 zero digits %{d0}")
        << QByteArray("v=spf1 exists:%{d0}.example.com");
    QTest::newRow("RFC 7208 7.1 %( instead of %{") << QByteArray("v=spf1 exists:%(ir).example.com");
    QTest::newRow("RFC 7208 7.1 lone %") << QByteArray("v=spf1 exists:foo%.example.com");
    QTest::newRow("RFC 7208 7.1 unterminated") << QByteArray("v=spf1 exists:%{ir.example.com");
    QTest::newRow("RFC 7208 7.3 %{c} outside exp") << QByteArray("v=spf1 a:%{c}.example.com");
    QTest::newRow("RFC 7208 7.3 %{r} in exp= domain")
        << QByteArray("v=spf1 -all exp=%{r}.example.com");
    QTest::newRow("RFC 7208 7.3 %{t} in redirect")
        << QByteArray("v=spf1 redirect=%{t}.example.com");
    QTest::newRow("RFC 7208 7.1 bad delimiter") << QByteArray("v=spf1 exists:%{l*}.example.com");
    QTest::newRow("RFC 7208 7.1 domain-end numeric") << QByteArray("v=spf1 a:192.0.2.1");
    QTest::newRow("RFC 7208 6 unknown modifier bad macro") << QByteArray("v=spf1 foo=%x -all");
}

void TestSpf::macroSyntax()
{
    QFETCH(QByteArray, record);
    const auto ev = mstest::spfEvaluateZone(kHead + txt("example.com", record),
        QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com"));
    QCOMPARE(ev.result, Status::PermError);
    // The syntax error is pinned to the record bytes, and nothing was evaluated.
    const auto syntax = mstest::spfFindSteps(ev.step, QStringLiteral("spf.syntax"));
    QCOMPARE(syntax.size(), 1);
    QCOMPARE(syntax.first()->spans.size(), 1);
    QCOMPARE(syntax.first()->spans.first().source, QStringLiteral("spf/1/record"));
    QVERIFY(mstest::spfFindSteps(ev.step, QStringLiteral("spf.term")).isEmpty());
    QCOMPARE(ev.counters.queries, 1);
}

void TestSpf::macroFunctions()
{
    // RFC 7208 7.3: URL escaping uses upper-case hex and keeps the unreserved set.
    QCOMPARE(spf::urlEscape("~jack&jill=up-a_b3.c"), QByteArray("~jack%26jill%3Dup-a_b3.c"));
    QCOMPARE(spf::urlEscape("a b/\xC3\xA9"), QByteArray("a%20b%2F%C3%A9"));
    // RFC 7208 7.3: labels are removed from the left until 253 characters remain.
    QByteArray longName;
    for (int i = 0; i < 45; ++i)
        longName += "label" + QByteArray::number(i) + ".";
    longName += "example.com";
    bool cut = false;
    const QByteArray t = spf::truncateDomain(longName, &cut);
    QVERIFY(cut);
    QVERIFY(t.size() <= 253);
    QVERIFY(longName.endsWith(t));
    QVERIFY(longName.at(longName.size() - t.size() - 1) == '.'); // whole labels removed
    QVERIFY(spf::truncateDomain("example.com") == "example.com");
    // Domain names for queries.
    QVERIFY(spf::isValidDnsName("a.example"));
    QVERIFY(!spf::isValidDnsName("a..example"));
    QVERIFY(!spf::isValidDnsName(QByteArray(64, 'a') + ".example"));
    // Transformers on a non-domain value.
    spf::MacroString m = spf::parseMacroString("%{l2r-+}", spf::MacroUse::DomainSpec);
    QVERIFY(m.ok());
    QCOMPARE(spf::transformMacro(m.tokens.first(), "foo-bar+zip+quux"), QByteArray("bar.foo"));
}

// RFC 7208 6.2, 7.3: c, r, t expand in explanations; exp= is fetched only on fail.
void TestSpf::explanationMacros()
{
    const QByteArray zone = kHead + txt("example.com", "v=spf1 -all exp=why.example.com")
        + txt("why.example.com", "%{c} via %{r} at %{t} for %{s}%_%{L}");
    const auto ev = mstest::spfEvaluateZone(
        zone, QStringLiteral("2001:db8::1"), QStringLiteral("a b@example.com"));
    QCOMPARE(ev.result, Status::Fail);
    QVERIFY(ev.explanationFromRecord);
    QCOMPARE(ev.explanation,
        QStringLiteral(
            "2001:db8::1 via mx.receiver.example at 1700000000 for a b@example.com a%20b"));
    // The explanation text is a source of its own, spanned by its step.
    bool found = false;
    for (const Source& s : ev.sources)
        found
            = found || (s.id == QStringLiteral("spf/2/explanation") && s.bytes.startsWith("%{c}"));
    QVERIFY(found);
    // On pass the explanation is not fetched.
    const auto pass
        = mstest::spfEvaluateZone(kHead + txt("example.com", "v=spf1 +all exp=why.example.com"),
            QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com"));
    QCOMPARE(pass.result, Status::Pass);
    QCOMPARE(pass.counters.queries, 1);
    QVERIFY(pass.explanation.isEmpty());
}

// RFC 7208 4.6.4.
void TestSpf::limits_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<Status>("expected");
    QTest::addColumn<int>("dnsTerms");
    QTest::addColumn<int>("voids");

    QByteArray addresses;
    for (int i = 1; i <= 10; ++i)
        addresses += "h" + QByteArray::number(i) + ".example.com. IN A 198.51.100."
            + QByteArray::number(i) + "\n";
    QByteArray ten = "v=spf1", eleven;
    for (int i = 1; i <= 10; ++i)
        ten += " a:h" + QByteArray::number(i) + ".example.com";
    eleven = ten + " a:h1.example.com";
    QTest::newRow("RFC 7208 4.6.4 ten DNS terms")
        << kHead + txt("example.com", ten + " ip4:192.0.2.1 -all") + addresses << "192.0.2.1"
        << Status::Pass << 10 << 0;
    QTest::newRow("RFC 7208 4.6.4 eleven DNS terms")
        << kHead + txt("example.com", eleven + " ip4:192.0.2.1 -all") + addresses << "192.0.2.1"
        << Status::PermError << 11 << 0;
    QTest::newRow("RFC 7208 4.6.4 redirect counts")
        << kHead + txt("example.com", ten + " redirect=r.example.com")
            + txt("r.example.com", "v=spf1 +all") + addresses
        << "192.0.2.1" << Status::PermError << 11 << 0;
    QTest::newRow("RFC 7208 4.6.4 two void lookups")
        << kHead + txt("example.com", "v=spf1 a:nx1.example.com mx:nx2.example.com -all")
        << "192.0.2.1" << Status::Fail << 2 << 2;
    QTest::newRow("RFC 7208 4.6.4 three void lookups")
        << kHead
            + txt("example.com",
                "v=spf1 a:nx1.example.com mx:nx2.example.com exists:nx3.example.com -all")
        << "192.0.2.1" << Status::PermError << 3 << 3;
    QByteArray mx10, mx11;
    for (int i = 1; i <= 11; ++i) {
        const QByteArray line = "m.example.com. IN MX " + QByteArray::number(i) + " h"
            + QByteArray::number(std::min(i, 10)) + ".example.com.\n";
        if (i <= 10)
            mx10 += line;
        mx11 += line;
    }
    QTest::newRow("RFC 7208 4.6.4 ten MX names")
        << kHead + txt("example.com", "v=spf1 mx:m.example.com -all") + mx10 + addresses
        << "198.51.100.10" << Status::Pass << 1 << 0;
    QTest::newRow("RFC 7208 4.6.4 eleven MX names")
        << kHead + txt("example.com", "v=spf1 mx:m.example.com -all") + mx11 + addresses
        << "198.51.100.10" << Status::PermError << 1 << 0;
    QByteArray ptr;
    for (int i = 1; i <= 11; ++i)
        ptr += "1.2.0.192.in-addr.arpa. IN PTR p" + QByteArray::number(i) + ".example.com.\n";
    QTest::newRow("RFC 7208 4.6.4 PTR names beyond 10 ignored")
        << kHead + txt("example.com", "v=spf1 ptr -all") + ptr + "p11.example.com. IN A 192.0.2.1\n"
        << "192.0.2.1" << Status::Fail << 1 << 0;
    QTest::newRow("RFC 7208 4.6.4 tenth PTR name used")
        << kHead + txt("example.com", "v=spf1 ptr -all") + ptr + "p10.example.com. IN A 192.0.2.1\n"
        << "192.0.2.1" << Status::Pass << 1 << 0;
    QTest::newRow("RFC 7208 4.6.4 include loop")
        << kHead + txt("example.com", "v=spf1 include:loop.example.com -all")
            + txt("loop.example.com", "v=spf1 include:example.com -all")
        << "192.0.2.1" << Status::PermError << 11 << 0;
    QTest::newRow("RFC 7208 4.6.4 redirect to self")
        << kHead + txt("example.com", "v=spf1 redirect=example.com") << "192.0.2.1"
        << Status::PermError << 11 << 0;
}

void TestSpf::limits()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, ip);
    QFETCH(Status, expected);
    QFETCH(int, dnsTerms);
    QFETCH(int, voids);
    QStringList errors;
    const auto ev = mstest::spfEvaluateZone(
        zone, ip, QStringLiteral("a@example.com"), QStringLiteral("mail.example.org"), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(statusName(ev.result), statusName(expected));
    QCOMPARE(ev.counters.dnsTerms, dnsTerms);
    QCOMPARE(ev.counters.voidLookups, voids);
    QVERIFY(ev.counters.queries <= 40); // bounded work whatever the records do
    // The counters are shown at every evaluated term.
    for (const Step* t : mstest::spfFindSteps(ev.step, QStringLiteral("spf.term"))) {
        if (t->title.contains(QLatin1String("not evaluated")))
            continue;
        QVERIFY2(!t->fact(QStringLiteral("DNS-querying terms")).isEmpty(), qPrintable(t->title));
        QVERIFY2(!t->fact(QStringLiteral("void lookups")).isEmpty(), qPrintable(t->title));
    }
    if (expected == Status::PermError && dnsTerms + voids > 0)
        QVERIFY(!mstest::spfFindSteps(ev.step, QStringLiteral("spf.limit")).isEmpty()
            || firstMatchedTerm(ev.step));
}

void TestSpf::hostile_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<Status>("expected");
    QTest::newRow("RFC 7208 3.1 non-ASCII byte in a term")
        << kHead + "example.com. IN TXT \"v=spf1 a:\\239\\187\\191garbage.example.net -all\"\n"
        << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 3.1 non-ASCII qualifier")
        << kHead + "example.com. IN TXT \"v=spf1 \\150all\"\n"
        << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 4.6.1 control character between terms")
        << kHead + "example.com. IN TXT \"v=spf1 ip4:192.0.2.1\\009-all\"\n"
        << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 4.6.1 NUL byte")
        << kHead + "example.com. IN TXT \"v=spf1 a:foo.example.com\\000\"\n"
        << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 4.5 non-ASCII in another TXT record is ignored") << kHead
            + "example.com. IN TXT \"\\150\\150\"\n"
            + txt("example.com", "v=spf1 ip4:192.0.2.1 -all") << "192.0.2.1" << Status::Pass;
    QTest::newRow("RFC 7208 4.5 two SPF records")
        << kHead + txt("example.com", "v=spf1 +all") + txt("example.com", "v=spf1 -all")
        << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 4.5 SPF type 99 is not consulted")
        << kHead + "example.com. IN SPF \"v=spf1 +all\"\n" + "example.com. IN A 192.0.2.9\n"
        << "192.0.2.1" << Status::None;
    QTest::newRow("RFC 7208 4.6.4 mutual include loop")
        << kHead + txt("a.example.com", "v=spf1 include:b.example.com")
            + txt("b.example.com", "v=spf1 include:a.example.com")
            + txt("example.com", "v=spf1 include:a.example.com -all")
        << "192.0.2.1" << Status::PermError;
    // A %{s} repeated past 253 characters: the left-most labels are dropped, the query is
    // still valid and the evaluation goes on (RFC 7208 7.3).
    QTest::newRow("RFC 7208 7.3 expansion beyond 253 bytes truncated")
        << kHead
            + txt("example.com",
                "v=spf1 "
                "exists:%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}."
                "%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.x.example -all")
        << "192.0.2.1" << Status::Fail;
    QTest::newRow("RFC 7208 4.3 label over 63 after expansion")
        << kHead + txt("example.com", "v=spf1 a:%{l}.example.com -all") << "192.0.2.1"
        << Status::Fail;
}

void TestSpf::hostile()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, ip);
    QFETCH(Status, expected);
    QStringList errors;
    const QString local
        = QTest::currentDataTag() == QByteArray("RFC 7208 4.3 label over 63 after expansion")
        ? QString(70, QLatin1Char('x'))
        : QStringLiteral("a");
    const auto ev = mstest::spfEvaluateZone(zone, ip, local + QStringLiteral("@example.com"),
        QStringLiteral("mail.example.org"), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(statusName(ev.result), statusName(expected));
    QVERIFY(ev.counters.queries <= 30);
    if (expected == Status::PermError)
        QVERIFY(!ev.reason.isEmpty());
    for (const Step* t : mstest::spfFindSteps(ev.step, QStringLiteral("spf.term"))) {
        const QString target = t->fact(QStringLiteral("target"));
        QVERIFY(target.size() <= 253);
    }
}

// RFC 7208 3.4 / 4.6: a record of thousands of terms is evaluated in linear work, with a
// lint about its size.
void TestSpf::hugeRecordBounded()
{
    QByteArray rec = "v=spf1";
    for (int i = 0; i < 3000; ++i)
        rec += " ip4:10." + QByteArray::number(i / 256) + "." + QByteArray::number(i % 256)
            + ".0/24";
    rec += " -all";
    const auto ev = mstest::spfEvaluateZone(kHead + txt("example.com", rec),
        QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com"));
    QCOMPARE(ev.result, Status::Fail);
    QCOMPARE(ev.counters.queries, 1);
    QCOMPARE(mstest::spfFindSteps(ev.step, QStringLiteral("spf.term")).size(), 3001);
    QVERIFY(hasLint(ev.step, QStringLiteral("UDP")));
    // Matching the last of 3000 networks.
    const auto last = mstest::spfEvaluateZone(kHead + txt("example.com", rec),
        QStringLiteral("10.11.183.7"), QStringLiteral("a@example.com"));
    QCOMPARE(last.result, Status::Pass);
}

// Records assembled at random from SPF pieces and garbage bytes: every one ends in an RFC
// 7208 result, with bounded DNS work, never a crash.
void TestSpf::randomRecordsBounded()
{
    static const char* pieces[] = { "a", "mx", "ptr", "all", "-all", "~all", "?all", "+all",
        "include:r1.example.com", "include:r2.example.com", "redirect=r1.example.com",
        "exp=e.example.com", "ip4:192.0.2.0/24", "ip6:2001:db8::/32", "exists:%{ir}.x.example.com",
        "a:%{d2}", "mx:%{o}//64", "a/24//64", "%{p}", "%{S}", "%{l1r-}", "%%", "%_", "%-", ":", "/",
        "//", "=", "v=spf1", "\x7f", "\x00", "\xc3\xa9", "foo=bar", "a:", "ip4:", "exists:%{c}",
        "ptr:%{p}.example.com", "%{", "}", "include:example.com", "mx:m.example.com" };
    QRandomGenerator rng(7208);
    auto resolver = std::make_shared<dns::ZoneResolver>();
    resolver->addText(kHead
        + "m.example.com. IN MX 10 h.example.com.\nh.example.com. IN A 192.0.2.7\n"
        + "e.example.com. IN TXT \"%{i} %{p} %{c} %{r} %{t}\"\n"
        + "1.2.0.192.in-addr.arpa. IN PTR h.example.com.\n");
    auto record = [&](const QByteArray& owner, const QByteArray& text) {
        dns::Record r;
        r.name = owner;
        r.type = dns::Type::TXT;
        r.ttl = 300;
        r.strings = { text };
        r.presentation = QString::fromLatin1(text.toPercentEncoding(" :/=%{}-~+?"));
        resolver->addRecord(r);
    };
    auto randomRecord = [&] {
        QByteArray rec = "v=spf1";
        const int n = int(rng.bounded(12));
        for (int i = 0; i < n; ++i) {
            // Mostly well-formed terms (the first 15 pieces), some garbage, some glued together.
            const int pick = rng.bounded(4) == 0 ? int(rng.bounded(int(std::size(pieces))))
                                                 : int(rng.bounded(15));
            QByteArray piece = pieces[pick];
            piece.replace("\\x7f", "\x7f")
                .replace("\\x00", QByteArray(1, '\0'))
                .replace("\\xc3\\xa9", "\xc3\xa9");
            rec += (i > 0 && rng.bounded(10) == 0 ? "" : " ") + piece;
        }
        return rec;
    };
    QSet<QString> seen;
    record("r1.example.com", randomRecord());
    record("r2.example.com", randomRecord());
    for (int i = 0; i < 400; ++i) {
        const QByteArray owner = "t" + QByteArray::number(i) + ".example.com";
        record(owner, randomRecord());
        spf::SpfRequest req;
        req.ip = (i % 3) ? QStringLiteral("192.0.2.1") : QStringLiteral("2001:db8::1");
        req.helo = QStringLiteral("h.example.com");
        req.mailFrom = QStringLiteral("u@") + QString::fromLatin1(owner);
        const spf::SpfEvaluation ev = spf::evaluate(req, *resolver);
        QVERIFY(ev.result != Status::Info && ev.result != Status::Warning);
        QVERIFY2(ev.counters.queries <= 200, qPrintable(QString::number(ev.counters.queries)));
        QVERIFY(ev.counters.dnsTerms <= 11);
        QVERIFY(!ev.reason.isEmpty());
        seen.insert(statusName(ev.result));
        if (qEnvironmentVariableIsSet("MAILSCOPE_DUMP"))
            qInfo() << statusName(ev.result) << ev.reason
                    << spf::parseRecord(
                           resolver->resolve(owner, dns::Type::TXT).records.value(0).text())
                           .text;
    }
    // The generator reaches the interesting outcomes, not only syntax errors.
    for (const char* r : { "pass", "fail", "softfail", "neutral", "permerror" })
        QVERIFY2(seen.contains(QLatin1String(r)), r);
}

// RFC 7208 7.3: %{p} costs a PTR lookup and forward lookups; an explanation that repeats it
// a thousand times must not repeat the lookups.
void TestSpf::pMacroLookedUpOnce()
{
    QByteArray exp;
    for (int i = 0; i < 1000; ++i)
        exp += "%{p}";
    const QByteArray zone = kHead + txt("example.com", "v=spf1 -all exp=e.example.com")
        + txt("e.example.com", exp)
        + "1.2.0.192.in-addr.arpa. IN PTR host.example.com.\nhost.example.com. IN A 192.0.2.1\n";
    const auto ev = mstest::spfEvaluateZone(
        zone, QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com"));
    QCOMPARE(ev.result, Status::Fail);
    QCOMPARE(ev.explanation.size(), 1000 * QStringLiteral("host.example.com").size());
    QCOMPARE(ev.counters.queries, 4); // record, exp, PTR, A
}

// RFC 7208 5.6 and 5.3/5.4 dual-cidr-length.
void TestSpf::cidr_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<Status>("expected");
    QTest::newRow("RFC 7208 5.6 ip4 /0")
        << QByteArray("v=spf1 ip4:10.0.0.0/0 -all") << "192.0.2.1" << Status::Pass;
    QTest::newRow("RFC 7208 5.6 ip4 /24 inside")
        << QByteArray("v=spf1 ip4:192.0.2.0/24 -all") << "192.0.2.200" << Status::Pass;
    QTest::newRow("RFC 7208 5.6 ip4 /24 outside")
        << QByteArray("v=spf1 ip4:192.0.2.0/24 -all") << "192.0.3.1" << Status::Fail;
    QTest::newRow("RFC 7208 5.6 ip4 /31 odd bit")
        << QByteArray("v=spf1 ip4:192.0.2.2/31 -all") << "192.0.2.3" << Status::Pass;
    QTest::newRow("RFC 7208 5.6 ip4 /33 invalid")
        << QByteArray("v=spf1 ip4:192.0.2.0/33 -all") << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 5.6 ip4 leading zero")
        << QByteArray("v=spf1 ip4:192.0.2.0/024 -all") << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 5.6 ip4 short address")
        << QByteArray("v=spf1 ip4:192.0.2 -all") << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 5.6 ip6 /33")
        << QByteArray("v=spf1 ip6:2001:db8:8000::/33 -all") << "2001:db8:ffff::1" << Status::Pass;
    QTest::newRow("RFC 7208 5.6 ip6 /33 outside")
        << QByteArray("v=spf1 ip6:2001:db8:8000::/33 -all") << "2001:db8:7fff::1" << Status::Fail;
    QTest::newRow("RFC 7208 5.6 ip6 /129 invalid")
        << QByteArray("v=spf1 ip6:2001:db8::/129 -all") << "2001:db8::1" << Status::PermError;
    QTest::newRow("RFC 7208 5.3 a/24 for IPv4")
        << QByteArray("v=spf1 a:h.example.com/24 -all") << "192.0.2.77" << Status::Pass;
    QTest::newRow("RFC 7208 5.3 a//64 for IPv6")
        << QByteArray("v=spf1 a:h.example.com//64 -all") << "2001:db8:0:1::99" << Status::Pass;
    QTest::newRow("RFC 7208 5.3 a/24//64 dual, IPv6 outside /64")
        << QByteArray("v=spf1 a:h.example.com/24//64 -all") << "2001:db8:0:2::1" << Status::Fail;
    QTest::newRow("RFC 7208 5.3 a/24/64 invalid")
        << QByteArray("v=spf1 a/24/64 -all") << "192.0.2.1" << Status::PermError;
    QTest::newRow("RFC 7208 5.4 mx/24")
        << QByteArray("v=spf1 mx:h.example.com/24 -all") << "192.0.2.77" << Status::Pass;
    QTest::newRow("RFC 7208 5.4 mx exact")
        << QByteArray("v=spf1 mx:h.example.com -all") << "192.0.2.77" << Status::Fail;
}

void TestSpf::cidr()
{
    QFETCH(QByteArray, record);
    QFETCH(QString, ip);
    QFETCH(Status, expected);
    const QByteArray zone = kHead + txt("example.com", record) + "h.example.com. IN A 192.0.2.10\n"
        + "h.example.com. IN AAAA 2001:db8:0:1::1\nh.example.com. IN MX 10 h.example.com.\n";
    const auto ev = mstest::spfEvaluateZone(zone, ip, QStringLiteral("a@example.com"));
    QCOMPARE(statusName(ev.result), statusName(expected));
}

// RFC 7208 5: IPv6 clients fetch AAAA; IPv4-mapped clients are IPv4.
void TestSpf::ipv6_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<Status>("expected");
    QTest::newRow("RFC 7208 5.3 a fetches AAAA for IPv6")
        << QByteArray("v=spf1 a -all") << "2001:db8::25" << Status::Pass;
    QTest::newRow("RFC 7208 5.3 a ignores AAAA for IPv4")
        << QByteArray("v=spf1 a -all") << "192.0.2.99" << Status::Fail;
    QTest::newRow("RFC 7208 5.6 ip6 exact, other spelling")
        << QByteArray("v=spf1 ip6:2001:DB8:0:0:0:0:0:25 -all") << "2001:db8::25" << Status::Pass;
    QTest::newRow("RFC 7208 5 IPv4-mapped client matches ip4")
        << QByteArray("v=spf1 ip4:192.0.2.25 -all") << "::ffff:192.0.2.25" << Status::Pass;
    QTest::newRow("RFC 7208 5 IPv4-mapped client never matches ip6")
        << QByteArray("v=spf1 ip6:::ffff:192.0.2.25 -all") << "::ffff:192.0.2.25" << Status::Fail;
    QTest::newRow("RFC 7208 5 IPv4-mapped client fetches A")
        << QByteArray("v=spf1 a -all") << "::FFFF:192.0.2.25" << Status::Pass;
    QTest::newRow("RFC 7208 5.7 exists asks A for IPv6 clients")
        << QByteArray("v=spf1 exists:%{ir}.%{v}.bl.example.com -all") << "2001:db8::25"
        << Status::Pass;
    QTest::newRow("RFC 7208 5.5 ptr for IPv6")
        << QByteArray("v=spf1 ptr -all") << "2001:db8::25" << Status::Pass;
}

void TestSpf::ipv6()
{
    QFETCH(QByteArray, record);
    QFETCH(QString, ip);
    QFETCH(Status, expected);
    const QByteArray zone = kHead + txt("example.com", record) + "example.com. IN A 192.0.2.25\n"
        + "example.com. IN AAAA 2001:db8::25\n"
        + "5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.bl.example.com. IN "
          "A 127.0.0.2\n"
        + "5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. IN PTR "
          "mail.example.com.\n"
        + "mail.example.com. IN AAAA 2001:db8::25\n";
    QStringList errors;
    const auto ev = mstest::spfEvaluateZone(
        zone, ip, QStringLiteral("a@example.com"), QStringLiteral("mail.example.org"), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(statusName(ev.result), statusName(expected));
}

// The client address as the trace and the c macro (RFC 7208 7.3) show it.
void TestSpf::addressText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("text");
    QTest::newRow("RFC 7208 7.3 c: dotted quad") << "192.0.2.1"
                                                 << "192.0.2.1";
    QTest::newRow("all zero") << "0.0.0.0"
                              << "0.0.0.0";
    QTest::newRow("all 255") << "255.255.255.255"
                             << "255.255.255.255";
    QTest::newRow("one, two and three digits") << "10.0.100.9"
                                               << "10.0.100.9";
    QTest::newRow("tens with a zero") << "100.20.101.30"
                                      << "100.20.101.30";
    QTest::newRow("IPv4-mapped folds to IPv4") << "::ffff:198.51.100.7"
                                               << "198.51.100.7";
    QTest::newRow("RFC 5952 IPv6 compressed") << "2001:DB8:0:0:0:0:0:25"
                                              << "2001:db8::25";
    // What --ip and the envelope guess may hand over; an empty text: no address.
    QTest::newRow("spaces around") << " 192.0.2.1\t"
                                   << "192.0.2.1";
    QTest::newRow("RFC 5321 4.1.3 address literal") << "[192.0.2.1]"
                                                    << "192.0.2.1";
    QTest::newRow("RFC 5321 4.1.3 IPv6 literal") << "[IPv6:2001:db8::1]"
                                                 << "2001:db8::1";
    QTest::newRow("IPv6 tag in lower case") << "ipv6:2001:db8::2"
                                            << "2001:db8::2";
    QTest::newRow("bracket not closed") << "[192.0.2.1"
                                        << "";
    QTest::newRow("empty literal") << "[]"
                                   << "";
    QTest::newRow("leading zero") << "192.0.2.01"
                                  << "";
    QTest::newRow("IPv6 with a NUL inside")
        << (QStringLiteral("2001:db8::3") + QChar(0) + QStringLiteral("junk")) << "";
    QTest::newRow("digit beyond Latin-1") << QString::fromUtf8("192.0.2.\u0661") << "";
    QTest::newRow("longer than any address") << QString(70, u'1') << "";
}

void TestSpf::addressText()
{
    QFETCH(QString, input);
    QFETCH(QString, text);
    const auto ip = spf::IpAddress::parse(input);
    if (text.isEmpty()) {
        QVERIFY(!ip.has_value());
        return;
    }
    QVERIFY(ip.has_value());
    QCOMPARE(ip->toString(), text);
    // An evaluation reports the canonical text whether it was handed that text (and shares
    // it) or another spelling of the address.
    auto resolver = dns::ZoneResolver::fromText(
        kHead + txt("example.com", "v=spf1 ip4:0.0.0.0/0 ip6:::/0 -all"));
    spf::SpfRequest req;
    req.ip = input;
    req.helo = QStringLiteral("mail.example.com");
    req.mailFrom = QStringLiteral("user@example.com");
    const spf::SpfEvaluation ev = spf::evaluate(req, *resolver);
    QCOMPARE(ev.clientIp, text);
    QCOMPARE(ev.result, Status::Pass); // ip4:0.0.0.0/0 or ip6:::/0, quoting the address
    QVERIFY2(ev.reason.contains(text), qPrintable(ev.reason));
}

void TestSpf::lints_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("needle");
    QTest::newRow("RFC 7208 5.1 +all")
        << kHead + txt("example.com", "v=spf1 +all") << "authorizes every host";
    QTest::newRow("RFC 7208 5.1 bare all")
        << kHead + txt("example.com", "v=spf1 all") << "authorizes every host";
    QTest::newRow("RFC 7208 8.2 ?all")
        << kHead + txt("example.com", "v=spf1 ?all") << "neutral to every other host";
    QTest::newRow("RFC 7208 5.5 ptr")
        << kHead + txt("example.com", "v=spf1 ptr -all") << "should not be used";
    QTest::newRow("RFC 7208 4.6.2 term after all")
        << kHead + txt("example.com", "v=spf1 -all ip4:192.0.2.1") << "never evaluated";
    QTest::newRow("RFC 7208 6.1 redirect beside all")
        << kHead + txt("example.com", "v=spf1 -all redirect=x.example.com")
        << "redirect= is ignored";
    QTest::newRow("RFC 7208 4.5 multiple records") << kHead + txt("example.com", "v=spf1 -all")
            + txt("example.com", "v=spf1 ~all") << "publishes 2 SPF records";
    QByteArray eight = "v=spf1";
    for (int i = 0; i < 8; ++i)
        eight += " a:x" + QByteArray::number(i) + ".example.com";
    QTest::newRow("RFC 7208 4.6.4 near the term limit")
        << kHead + txt("example.com", eight + " -all") << "close to the limit";
    QTest::newRow("RFC 7208 4.6.4 at the void limit")
        << kHead + txt("example.com", "v=spf1 a:x1.example.com a:x2.example.com -all")
        << "void lookups: at the limit";
    QByteArray big = "v=spf1";
    for (int i = 0; i < 40; ++i)
        big += " ip4:198.51.100." + QByteArray::number(i);
    QTest::newRow("RFC 7208 3.4 too long for one UDP answer")
        << kHead + txt("example.com", big + " -all") << "512-byte UDP";
}

void TestSpf::lints()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, needle);
    const auto ev = mstest::spfEvaluateZone(
        zone, QStringLiteral("203.0.113.1"), QStringLiteral("a@example.com"));
    QVERIFY2(hasLint(ev.step, needle), qPrintable(mstest::spfTreeText(ev.step)));
    // A clean record has no warning.
    const auto clean
        = mstest::spfEvaluateZone(kHead + txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all"),
            QStringLiteral("203.0.113.1"), QStringLiteral("a@example.com"));
    for (const Step* s : mstest::spfFindSteps(clean.step, QStringLiteral("spf.lint")))
        QVERIFY2(s->status != Status::Warning, qPrintable(s->title));
}

// Every term step spans exactly its bytes in the record source "spf/N/record".
void TestSpf::termSpans()
{
    const QByteArray record
        = "v=spf1  ip4:192.0.2.0/24 a:mail.example.com  include:inc.example.com -all";
    const QByteArray zone = kHead + txt("example.com", record)
        + txt("inc.example.com", "v=spf1 ip4:198.51.100.1 -all");
    const auto ev = mstest::spfEvaluateZone(
        zone, QStringLiteral("203.0.113.9"), QStringLiteral("a@example.com"));
    QCOMPARE(ev.result, Status::Fail);
    QCOMPARE(ev.sources.size(), 2);
    QCOMPARE(ev.sources[0].id, QStringLiteral("spf/1/record"));
    QCOMPARE(ev.sources[0].bytes, record);
    QCOMPARE(ev.sources[1].id, QStringLiteral("spf/2/record"));
    QStringList seen;
    for (const Step* t : mstest::spfFindSteps(ev.step, QStringLiteral("spf.term"))) {
        QCOMPARE(t->spans.size(), 1);
        const Span& sp = t->spans.first();
        const Source* src = nullptr;
        for (const Source& s : ev.sources)
            src = s.id == sp.source ? &s : src;
        QVERIFY(src);
        const QByteArray bytes = src->bytes.mid(sp.offset, sp.length);
        QVERIFY2(
            t->title.startsWith(QString::fromLatin1(bytes)), qPrintable(t->title + " / " + bytes));
        seen << QString::fromLatin1(bytes);
    }
    QCOMPARE(seen,
        (QStringList { "ip4:192.0.2.0/24", "a:mail.example.com", "include:inc.example.com",
            "ip4:198.51.100.1", "-all", "-all" }));
    // The matching term carries the result; the others say "no match".
    const Step* matched = firstMatchedTerm(ev.step);
    QVERIFY(matched);
    QCOMPARE(matched->status, Status::Fail);
}

// The tree: evaluation → check_host → TXT answer, record, terms with their DNS answers.
void TestSpf::traceShape()
{
    const QByteArray zone = kHead + txt("example.com", "v=spf1 mx -all exp=why.example.com")
        + "example.com. IN MX 10 mx.example.com.\nmx.example.com. IN A 192.0.2.5\n"
        + txt("why.example.com", "%{i} is not one of our servers");
    const auto ev = mstest::spfEvaluateZone(
        zone, QStringLiteral("192.0.2.6"), QStringLiteral("a@example.com"));
    QCOMPARE(ev.result, Status::Fail);
    QCOMPARE(ev.explanation, QStringLiteral("192.0.2.6 is not one of our servers"));
    const Step& root = ev.step;
    QCOMPARE(root.kind, QStringLiteral("spf.evaluation"));
    const auto hosts = mstest::spfFindSteps(root, QStringLiteral("spf.check_host"));
    QCOMPARE(hosts.size(), 1);
    const Step& ch = *hosts.first();
    QCOMPARE(ch.children.at(0).kind, QStringLiteral("dns.query"));
    QCOMPARE(ch.children.at(1).kind, QStringLiteral("spf.record"));
    const auto terms = mstest::spfFindSteps(ch, QStringLiteral("spf.term"));
    QCOMPARE(terms.size(), 2);
    // The mx term nests its MX query and the A query of the exchange.
    QCOMPARE(mstest::spfFindSteps(*terms[0], QStringLiteral("dns.query")).size(), 2);
    QCOMPARE(terms[0]->fact(QStringLiteral("MX names")), QStringLiteral("1/10"));
    QCOMPARE(terms[1]->status, Status::Fail);
    QCOMPARE(mstest::spfFindSteps(ch, QStringLiteral("spf.explanation")).size(), 1);
    QCOMPARE(root.fact(QStringLiteral("DNS-querying terms")), QStringLiteral("1/10"));
    if (qEnvironmentVariableIsSet("MAILSCOPE_DUMP"))
        qInfo().noquote() << mstest::spfTreeText(root);
}

// The check: envelope values with reasons, both identities, and what to enter when missing.
void TestSpf::checkEnvelope_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QString>("mailFrom");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("summaryHas");
    QTest::addColumn<bool>("hasMailFromOutcome");
    QTest::addColumn<bool>("hasHeloOutcome");
    QTest::newRow("RFC 7208 2.3 both identities") << "192.0.2.1"
                                                  << "mail.example.org"
                                                  << "a@example.com"
                                                  << "pass"
                                                  << "ip4:192.0.2.1" << true << true;
    QTest::newRow("RFC 7208 2.4 null MAIL FROM uses HELO")
        << "192.0.2.2"
        << "mail.example.org"
        << "<>"
        << "fail"
        << "postmaster@mail.example.org" << true << true;
    QTest::newRow("RFC 7208 2.3 MAIL FROM unknown, HELO checked")
        << "192.0.2.2"
        << "mail.example.org"
        << ""
        << "fail"
        << "mail.example.org" << true << true;
    QTest::newRow("RFC 7208 2.3 HELO unknown") << "192.0.2.1"
                                               << ""
                                               << "a@example.com"
                                               << "pass"
                                               << "example.com" << true << false;
    QTest::newRow("RFC 7208 4.1 client IP unknown") << ""
                                                    << "mail.example.org"
                                                    << "a@example.com"
                                                    << "none"
                                                    << "--ip" << false << false;
    QTest::newRow("RFC 7208 4.1 nothing known") << ""
                                                << ""
                                                << ""
                                                << "none"
                                                << "--ip" << false << false;
}

void TestSpf::checkEnvelope()
{
    QFETCH(QString, ip);
    QFETCH(QString, helo);
    QFETCH(QString, mailFrom);
    QFETCH(QString, status);
    QFETCH(QString, summaryHas);
    QFETCH(bool, hasMailFromOutcome);
    QFETCH(bool, hasHeloOutcome);
    auto resolver
        = dns::ZoneResolver::fromText(kHead + txt("example.com", "v=spf1 ip4:192.0.2.1 -all")
            + txt("mail.example.org", "v=spf1 ip4:192.0.2.1 -all"));
    const Message message;
    const VerifyOptions options;
    CheckContext ctx { message, *resolver, options,
        QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC), {} };
    ctx.envelope.clientIp = { ip, QStringLiteral("from the receiving Received hop"), {}, false };
    ctx.envelope.helo = { helo, QStringLiteral("from the receiving Received hop"), {}, false };
    ctx.envelope.mailFrom = { mailFrom, QStringLiteral("from Return-Path"), {}, false };
    const CheckResult r = spf::check(ctx);
    QCOMPARE(r.name, QStringLiteral("spf"));
    QCOMPARE(statusName(r.status), status);
    QVERIFY2(r.summary.contains(summaryHas) || mstest::spfTreeText(r.step).contains(summaryHas),
        qPrintable(r.summary));
    QCOMPARE(r.outcomes.spf.has_value(), hasMailFromOutcome);
    QCOMPARE(r.outcomes.spfHelo.has_value(), hasHeloOutcome);
    // Each envelope value is shown with its reason, or with what to enter.
    const auto values = mstest::spfFindSteps(r.step, QStringLiteral("spf.envelope.value"));
    QCOMPARE(values.size(), 3);
    for (const Step* v : values) {
        QVERIFY(!v->detail.isEmpty());
        if (v->status == Status::Warning)
            QVERIFY(v->detail.contains(QLatin1String("--")));
    }
    const QJsonObject json = r.json.toObject();
    QCOMPARE(json.value(QStringLiteral("result")).toString(), status);
    // The top level is spliced from the main evaluation's text: it must be the very text
    // QJsonDocument writes for it (members in sorted order, nothing lost or doubled).
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.jsonText, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(r.jsonText, doc.toJson(QJsonDocument::Compact));
    QCOMPARE(json.contains(QLatin1String("helo_check")), hasHeloOutcome);
    QCOMPARE(json.value(QLatin1String("evaluated")).toBool(), hasMailFromOutcome);
    QCOMPARE(json.contains(QLatin1String("missing")),
        !helo.isEmpty() + !mailFrom.isEmpty() + !ip.isEmpty() < 3);
    if (json.contains(QLatin1String("mailfrom_check")))
        QCOMPARE(json.value(QLatin1String("mailfrom_check"))
                     .toObject()
                     .value(QLatin1String("identity"))
                     .toString(),
            QStringLiteral("mailfrom"));
    if (hasMailFromOutcome) {
        for (const char* key :
            { "domain", "identity", "client_ip", "helo", "mail_from", "explanation", "counters" })
            QVERIFY2(json.contains(QLatin1String(key)), key);
    } else {
        QVERIFY(json.value(QStringLiteral("problem")).toString().contains(QLatin1String("--ip")));
    }
    // Source ids are unique across the two identities.
    QSet<QString> ids;
    for (const Source& s : r.sources) {
        QVERIFY(s.id.startsWith(QLatin1String("spf/")));
        QVERIFY(!ids.contains(s.id));
        ids.insert(s.id);
    }
}

QTEST_GUILESS_MAIN(TestSpf)
#include "tst_spf.moc"
