// RFC 8601 Authentication-Results parsing: the grammar of RFC 8601 2.2 and the malformed
// fields real servers write.
#include "authres/AuthResults.h"

#include <QTest>

using namespace ms;

namespace {

// A compact, stable rendering of a parse: "id [v=N] [none] | method=result k=v ... | ...".
QString dump(const authres::AuthResult& r)
{
    QString out = r.authservId.isEmpty() ? QStringLiteral("<no-id>") : r.authservId;
    if (r.instance > 0)
        out.prepend(QStringLiteral("i=%1 ").arg(r.instance));
    if (r.versionGiven)
        out += QStringLiteral(" v=%1").arg(r.version);
    if (r.noResult)
        out += QStringLiteral(" none");
    for (const authres::MethodResult& m : r.results) {
        out += QStringLiteral(" | ") + m.method;
        if (m.methodVersion)
            out += QLatin1Char('/') + QString::number(m.methodVersion);
        out += QLatin1Char('=') + m.result;
        if (m.hasReason)
            out += QStringLiteral(" reason=\"%1\"").arg(m.reason);
        for (const authres::Property& p : m.properties)
            out += QLatin1Char(' ') + p.key() + QLatin1Char('=') + p.value;
    }
    return out;
}

} // namespace

class TestAuthresParse : public QObject
{
    Q_OBJECT
private slots:
    void grammar_data();
    void grammar();
    void spans();
    void comments();
    void statusMapping();
    void arcAar_data();
    void arcAar();
    void hostile_data();
    void hostile();
    void step();
};

void TestAuthresParse::grammar_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("warnings"); // -1 = at least one

    // RFC 8601 Appendix B examples.
    QTest::newRow("RFC 8601 B.2 none")
        << QByteArray(" example.org 1; none") << "example.org v=1 none" << 0;
    QTest::newRow("RFC 8601 B.2 none without version")
        << QByteArray(" example.org; none") << "example.org none" << 0;
    QTest::newRow("RFC 8601 B.3 spf pass")
        << QByteArray(" example.com;\r\n   spf=pass smtp.mailfrom=example.net")
        << "example.com | spf=pass smtp.mailfrom=example.net" << 0;
    QTest::newRow("RFC 8601 B.4 auth and comment")
        << QByteArray(" example.com;\r\n   auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n"
                      "   spf=pass smtp.mailfrom=example.net")
        << "example.com | auth=pass smtp.auth=sender@example.net | spf=pass "
           "smtp.mailfrom=example.net"
        << 0;
    QTest::newRow("RFC 8601 B.4 iprev")
        << QByteArray(" example.com; iprev=pass\r\n   policy.iprev=192.0.2.200")
        << "example.com | iprev=pass policy.iprev=192.0.2.200" << 0;
    QTest::newRow("RFC 8601 B.5 dkim with header.i and header.b")
        << QByteArray(" example.com;\r\n   dkim=pass (good signature) "
                      "header.d=mail-router.example.net;\r\n"
                      "   dkim=fail (bad signature) header.d=newyork.example.com")
        << "example.com | dkim=pass header.d=mail-router.example.net | dkim=fail "
           "header.d=newyork.example.com"
        << 0;
    QTest::newRow("RFC 8601 B.6 method version and reason")
        << QByteArray(" mail-router.example.net;\r\n   dkim/1=pass reason=\"good signature\" "
                      "header.i=@newyork.example.com")
        << "mail-router.example.net | dkim/1=pass reason=\"good signature\" "
           "header.i=@newyork.example.com"
        << 0;
    QTest::newRow("RFC 8601 2.2 version 1 explicit")
        << QByteArray("example.net 1; dkim=pass header.d=example.net")
        << "example.net v=1 | dkim=pass header.d=example.net" << 0;
    QTest::newRow("RFC 8601 2.2 unknown version")
        << QByteArray("example.net 2; dkim=pass header.d=example.net")
        << "example.net v=2 | dkim=pass header.d=example.net" << -1;
    QTest::newRow("RFC 8601 2.2 quoted authserv-id")
        << QByteArray("\"mx example\"; spf=none") << "mx example | spf=none" << 0;
    QTest::newRow("RFC 8601 2.2 quoted property value")
        << QByteArray("x.example; spf=fail smtp.mailfrom=\"a b\\\"c\"@example.com")
        << "x.example | spf=fail smtp.mailfrom=a b\"c@example.com" << 0;
    QTest::newRow("RFC 8601 2.2 case-insensitive keywords")
        << QByteArray("x.example; DKIM=PASS Header.D=Example.COM")
        << "x.example | dkim=pass header.d=Example.COM" << 0;
    QTest::newRow("RFC 8601 2.2 CFWS around equals")
        << QByteArray("x.example; spf = pass (ok) smtp.mailfrom = a@example.com")
        << "x.example | spf=pass smtp.mailfrom=a@example.com" << 0;
    QTest::newRow("RFC 8601 2.3 header.b with base64 padding")
        << QByteArray("x.example; dkim=pass header.d=a.example header.b=Ab+/cd==")
        << "x.example | dkim=pass header.d=a.example header.b=Ab+/cd==" << 0;
    QTest::newRow("RFC 8601 2.7.1 dkim policy")
        << QByteArray("x.example; dkim=policy reason=\"weak key\" header.d=a.example")
        << "x.example | dkim=policy reason=\"weak key\" header.d=a.example" << 0;
    QTest::newRow("RFC 8601 2.7 unregistered result")
        << QByteArray("x.example; spf=great smtp.mailfrom=a.example")
        << "x.example | spf=great smtp.mailfrom=a.example" << -1;
    QTest::newRow("RFC 8601 2.7 x- method")
        << QByteArray("x.example; x-custom=whatever policy.foo=bar")
        << "x.example | x-custom=whatever policy.foo=bar" << 0;
    QTest::newRow("RFC 8617 arc result in A-R")
        << QByteArray("mx.example; arc=pass (i=2 spf=pass dkim=pass) smtp.remote-ip=192.0.2.1")
        << "mx.example | arc=pass smtp.remote-ip=192.0.2.1" << 0;

    // Real-world writers.
    QTest::newRow("Gmail")
        << QByteArray(" mx.google.com;\r\n       dkim=pass header.i=@example.com "
                      "header.s=20230601 header.b=AbCdEf12;\r\n       spf=pass (google.com: "
                      "domain of bob@example.com designates 192.0.2.7 as permitted sender) "
                      "smtp.mailfrom=bob@example.com;\r\n       dmarc=pass (p=NONE sp=NONE "
                      "dis=NONE) header.from=example.com")
        << "mx.google.com | dkim=pass header.i=@example.com header.s=20230601 "
           "header.b=AbCdEf12 | spf=pass smtp.mailfrom=bob@example.com | dmarc=pass "
           "header.from=example.com"
        << 0;
    QTest::newRow("Outlook missing authserv-id")
        << QByteArray(" spf=pass (sender IP is 192.0.2.9)\r\n smtp.mailfrom=example.com; "
                      "dkim=none (message not signed)\r\n header.d=none;dmarc=none action=none "
                      "header.from=example.com;")
        << "<no-id> | spf=pass smtp.mailfrom=example.com | dkim=none header.d=none | dmarc=none "
           "action=none header.from=example.com"
        << -1;
    QTest::newRow("Exchange compauth")
        << QByteArray(" spf=pass (sender IP is 192.0.2.9) smtp.mailfrom=example.com; "
                      "dkim=pass (signature was verified) header.d=example.com;dmarc=pass "
                      "action=none header.from=example.com;compauth=pass reason=100")
        << "<no-id> | spf=pass smtp.mailfrom=example.com | dkim=pass header.d=example.com | "
           "dmarc=pass action=none header.from=example.com | compauth=pass reason=\"100\""
        << -1;
    QTest::newRow("IronPort")
        << QByteArray(
               " esa1.example.iphmx.com; spf=None smtp.pra=a@example.com; spf=Pass "
               "smtp.mailfrom=a@example.com; spf=None smtp.helo=postmaster@mail.example.com; "
               "dkim=pass (signature verified) header.i=@example.com; dmarc=pass (p=none "
               "dis=none) d=example.com")
        << "esa1.example.iphmx.com | spf=none smtp.pra=a@example.com | spf=pass "
           "smtp.mailfrom=a@example.com | spf=none smtp.helo=postmaster@mail.example.com | "
           "dkim=pass header.i=@example.com | dmarc=pass d=example.com"
        << -1;
    QTest::newRow("trailing semicolon")
        << QByteArray("x.example; spf=pass smtp.mailfrom=a.example;")
        << "x.example | spf=pass smtp.mailfrom=a.example" << -1;
    QTest::newRow("trailing semicolon and folding")
        << QByteArray("x.example; spf=pass smtp.mailfrom=a.example;\r\n\t")
        << "x.example | spf=pass smtp.mailfrom=a.example" << -1;
    QTest::newRow("double semicolon") << QByteArray("x.example;; spf=pass smtp.mailfrom=a.example")
                                      << "x.example | spf=pass smtp.mailfrom=a.example" << -1;
    QTest::newRow("missing semicolon between results")
        << QByteArray("x.example; spf=pass smtp.mailfrom=a.example dkim=pass header.d=a.example")
        << "x.example | spf=pass smtp.mailfrom=a.example | dkim=pass header.d=a.example" << -1;
    QTest::newRow("missing semicolon after authserv-id")
        << QByteArray("x.example spf=pass smtp.mailfrom=a.example")
        << "x.example | spf=pass smtp.mailfrom=a.example" << -1;
    QTest::newRow("leading semicolon, empty authserv-id")
        << QByteArray("; spf=pass smtp.mailfrom=a.example")
        << "<no-id> | spf=pass smtp.mailfrom=a.example" << -1;
    QTest::newRow("reason after properties")
        << QByteArray("x.example; dkim=fail header.d=a.example reason=\"bad sig\"")
        << "x.example | dkim=fail reason=\"bad sig\" header.d=a.example" << -1;
    QTest::newRow("unquoted multi-word reason")
        << QByteArray("x.example; dkim=fail reason=bad signature header.d=a.example")
        << "x.example | dkim=fail reason=\"bad\" header.d=a.example" << -1;
    QTest::newRow("method without result")
        << QByteArray("x.example; spf; dkim=pass header.d=a.example")
        << "x.example | dkim=pass header.d=a.example" << -1;
    QTest::newRow("comment right after authserv-id")
        << QByteArray("mx.example (Postfix) 1; spf=pass smtp.mailfrom=a.example")
        << "mx.example v=1 | spf=pass smtp.mailfrom=a.example" << 0;
    QTest::newRow("nested comment")
        << QByteArray("x.example; spf=pass (a (nested \\) comment) here) smtp.mailfrom=a.example")
        << "x.example | spf=pass smtp.mailfrom=a.example" << 0;
    QTest::newRow("only authserv-id") << QByteArray("x.example") << "x.example" << -1;
    QTest::newRow("UTF-8 property value (RFC 6532)")
        << QByteArray("x.example; spf=pass smtp.mailfrom=j\xc3\xb6rg@b\xc3\xbc"
                      "cher.example")
        << QString::fromUtf8("x.example | spf=pass smtp.mailfrom=j\xc3\xb6rg@b\xc3\xbc"
                             "cher.example")
        << 0;
    QTest::newRow("none after results")
        << QByteArray("x.example; spf=pass smtp.mailfrom=a.example; none")
        << "x.example | spf=pass smtp.mailfrom=a.example" << -1;
}

void TestAuthresParse::grammar()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QFETCH(int, warnings);
    const authres::AuthResult r = authres::parse(value);
    QCOMPARE(dump(r), expected);
    if (warnings < 0)
        QVERIFY2(!r.warnings.isEmpty(), "a warning was expected");
    else
        QVERIFY2(r.warnings.size() == warnings, qPrintable(r.warnings.join(QLatin1Char('\n'))));
}

void TestAuthresParse::spans()
{
    const QByteArray v = " mx.example; dkim=pass reason=\"ok\" header.d=a.example; spf=fail";
    const qint64 base = 1000;
    const authres::AuthResult r = authres::parse(v, QStringLiteral("message"), base);
    QCOMPARE(r.results.size(), 2);
    auto text = [&](const Span& s) -> QByteArray {
        if (s.source != QStringLiteral("message"))
            return "wrong source: " + s.source.toUtf8();
        return v.mid(s.offset - base, s.length);
    };
    QCOMPARE(text(r.authservIdSpan), QByteArray("mx.example"));
    const authres::MethodResult& d = r.results[0];
    QCOMPARE(text(d.span), QByteArray("dkim=pass reason=\"ok\" header.d=a.example"));
    QCOMPARE(text(d.methodSpan), QByteArray("dkim"));
    QCOMPARE(text(d.resultSpan), QByteArray("pass"));
    QCOMPARE(text(d.reasonSpan), QByteArray("reason=\"ok\""));
    QCOMPARE(text(d.properties[0].span), QByteArray("header.d=a.example"));
    QCOMPARE(text(d.properties[0].valueSpan), QByteArray("a.example"));
    QCOMPARE(text(r.results[1].span), QByteArray("spf=fail"));
    QCOMPARE(text(r.span), v);
}

void TestAuthresParse::comments()
{
    const authres::AuthResult r = authres::parse(
        "x.example (mta 1.2); spf=pass (sender IP is 192.0.2.9) smtp.mailfrom=a.example");
    QCOMPARE(r.comments, QStringList { QStringLiteral("mta 1.2") });
    QCOMPARE(r.results[0].comments, QStringList { QStringLiteral("sender IP is 192.0.2.9") });
    const authres::AuthResult open = authres::parse("x.example; spf=pass (never closed");
    QCOMPARE(open.results.size(), 1);
    QVERIFY(!open.warnings.isEmpty());
}

void TestAuthresParse::statusMapping()
{
    const authres::AuthResult r = authres::parse(
        "x.example; spf=softfail; dkim=temperror; dmarc=fail; arc=none; spf=hardfail; x-y=odd");
    QCOMPARE(r.results.size(), 6);
    QCOMPARE(r.results[0].status, std::optional<Status>(Status::SoftFail));
    QCOMPARE(r.results[1].status, std::optional<Status>(Status::TempError));
    QCOMPARE(r.results[2].status, std::optional<Status>(Status::Fail));
    QCOMPARE(r.results[3].status, std::optional<Status>(Status::None));
    QCOMPARE(r.results[4].status, std::optional<Status>(Status::Fail));
    QVERIFY(!r.results[5].status.has_value());
    QCOMPARE(r.byMethod(u"spf").size(), 2);
    QCOMPARE(r.first(u"DMARC")->result, QStringLiteral("fail"));
    QCOMPARE(r.results[0].property(u"smtp.mailfrom"), QString());
}

void TestAuthresParse::arcAar_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("warns");
    QTest::newRow("RFC 8617 4.1.1 AAR")
        << QByteArray(" i=1; lists.example.org;\r\n spf=pass smtp.mailfrom=jqd@d1.example;\r\n "
                      "dkim=pass (1024-bit key) header.i=@d1.example;\r\n dmarc=pass")
        << "i=1 lists.example.org | spf=pass smtp.mailfrom=jqd@d1.example | dkim=pass "
           "header.i=@d1.example | dmarc=pass"
        << false;
    QTest::newRow("RFC 8617 AAR with CFWS")
        << QByteArray("i = 3 ; mx.example; arc=pass") << "i=3 mx.example | arc=pass" << false;
    QTest::newRow("AAR without instance")
        << QByteArray("mx.example; spf=pass") << "mx.example | spf=pass" << true;
    QTest::newRow("AAR with bad instance")
        << QByteArray("i=abc; mx.example; spf=pass") << "mx.example | spf=pass" << true;
    QTest::newRow("AAR huge instance")
        << QByteArray("i=99999999999999; mx.example; spf=pass") << "mx.example | spf=pass" << true;
}

void TestAuthresParse::arcAar()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QFETCH(bool, warns);
    const authres::AuthResult r = authres::parseArc(value);
    QCOMPARE(dump(r), expected);
    QCOMPARE(!r.warnings.isEmpty(), warns);
}

void TestAuthresParse::hostile_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only spaces") << QByteArray("  \r\n  ");
    QTest::newRow("deep comments") << QByteArray(100000, '(');
    QTest::newRow("deep closing") << QByteArray(100000, ')');
    QTest::newRow("many semicolons") << QByteArray(100000, ';');
    QTest::newRow("many equals") << QByteArray("x; a=b ") + QByteArray(50000, '=');
    QTest::newRow("unterminated quote") << QByteArray("x; a=\"") + QByteArray(1000, 'q');
    QTest::newRow("backslash at end") << QByteArray("x; a=b (\\");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff;=(\"\\", 9);
    QByteArray many = "x.example";
    for (int i = 0; i < 5000; ++i)
        many += "; spf=pass smtp.mailfrom=a.example";
    QTest::newRow("5000 results") << many;
}

void TestAuthresParse::hostile()
{
    QFETCH(QByteArray, value);
    const authres::AuthResult r = authres::parse(value);
    const authres::AuthResult a = authres::parseArc(value);
    // No crash, no hang; the spans stay inside the input.
    for (const authres::MethodResult& m : r.results) {
        QVERIFY(m.span.offset >= 0);
        QVERIFY(m.span.offset + m.span.length <= value.size());
    }
    if (value.size() < 10)
        QVERIFY(r.fatal || !r.warnings.isEmpty());
    Q_UNUSED(a);
}

void TestAuthresParse::step()
{
    const authres::AuthResult r
        = authres::parse("x.example; spf=pass smtp.mailfrom=a.example; dkim=fail reason=\"bh\"",
            QStringLiteral("message"), 10);
    const Step s = authres::toStep(r);
    QCOMPARE(s.kind, QStringLiteral("authres.field"));
    QCOMPARE(int(s.children.size()), 2);
    QCOMPARE(s.children[0].status, Status::Pass);
    QCOMPARE(s.children[1].status, Status::Fail);
    QCOMPARE(s.children[1].fact(QStringLiteral("reason")), QStringLiteral("bh"));
    QCOMPARE(s.children[0].fact(QStringLiteral("smtp.mailfrom")), QStringLiteral("a.example"));
}

QTEST_GUILESS_MAIN(TestAuthresParse)
#include "tst_authres_parse.moc"
