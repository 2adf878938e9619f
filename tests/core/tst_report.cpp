// Report formats (text golden dump, JSON schema, self-contained HTML) and the overall
// verdict a help-desk user reads.
#include "report/Report.h"
#include "report/Verdict.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ms;

namespace {

Report sampleReport()
{
    Report r;
    r.file = QStringLiteral("x.eml");
    r.evaluationTime = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
    r.hasEnvelope = true;
    r.envelope.clientIp = { QStringLiteral("192.0.2.10"),
        QStringLiteral("from the top Received field"), {}, false };
    r.envelope.mailFrom
        = { QStringLiteral("a@example.com"), QStringLiteral("given by the user"), {}, true };
    r.root = Step(QStringLiteral("report"), Status::Fail, QStringLiteral("Verification of x.eml"));
    Step msg(QStringLiteral("message.parse"), Status::Info, QStringLiteral("Message"));
    msg.addSpan(QStringLiteral("message"), 0, 120);
    r.root.add(msg);
    Step dkim(QStringLiteral("dkim"), Status::Fail, QStringLiteral("DKIM <b>bold</b>"),
        QStringLiteral("line one\nline two\twith tab"), QStringLiteral("RFC 6376 6.1.3"));
    dkim.addFact(QStringLiteral("domain"), QStringLiteral("example.com"));
    dkim.addFact(QStringLiteral("time.elapsed-us"), QStringLiteral("1234"));
    dkim.addSpan(QStringLiteral("dkim/1/header"), 3, 7);
    dkim.add(Step(QStringLiteral("dkim.body-hash"), Status::Fail, QStringLiteral("Body hash")));
    r.root.add(dkim);

    CheckResult c;
    c.name = QStringLiteral("dkim");
    c.status = Status::Fail;
    c.summary = QStringLiteral("fail: body changed");
    c.json = QJsonArray { QJsonObject { { QStringLiteral("domain"), QStringLiteral("example.com") },
        { QStringLiteral("result"), QStringLiteral("fail") } } };
    c.step = dkim;
    r.checks.append(c);
    CheckResult s;
    s.name = QStringLiteral("spf");
    s.status = Status::Pass;
    s.summary = QStringLiteral("pass");
    r.checks.prepend(s); // no json: the report gives result + summary

    r.sources.append(Source { QStringLiteral("message"), QStringLiteral("Message"),
        Source::Kind::Message, QByteArray(120, 'm') });
    r.sources.append(Source { QStringLiteral("dkim/1/header"), QStringLiteral("hdr"),
        Source::Kind::CanonicalHeader, "from:a\r\n" });
    r.sources.append(Source { QStringLiteral("dkim/1/body"), QStringLiteral("body"),
        Source::Kind::CanonicalBody, QByteArray(100000, 'b') });
    dns::Answer a;
    a.qname = "sel._domainkey.example.com";
    a.qtype = dns::Type::TXT;
    a.outcome = dns::Outcome::Ok;
    a.server = QStringLiteral("zone:x.zone");
    a.elapsedUs = 17;
    dns::Record rec;
    rec.name = a.qname;
    rec.type = dns::Type::TXT;
    rec.ttl = 300;
    rec.presentation = QStringLiteral("\"v=DKIM1; p=abc\"");
    a.records.append(rec);
    r.dns.append(a);
    DkimSignatureOutcome d;
    d.status = Status::Fail;
    d.domain = QStringLiteral("example.com");
    d.finding = QStringLiteral("a footer was appended");
    r.outcomes.dkim.append(d);
    return r;
}

} // namespace

class tst_Report : public QObject
{
    Q_OBJECT

private slots:
    void textDump()
    {
        const QString t = toText(sampleReport());
        QVERIFY(
            t.startsWith(QLatin1String("file: x.eml\nevaluation-time: 2024-06-01T12:00:00Z\n")));
        QVERIFY(
            t.contains(QLatin1String("client-ip: 192.0.2.10  -- from the top Received field\n")));
        QVERIFY(
            t.contains(QLatin1String("mail-from: a@example.com  [given]  -- given by the user\n")));
        QVERIFY(t.contains(QLatin1String("helo: (unknown)\n")));
        QVERIFY(t.contains(QLatin1String("check dkim: fail -- fail: body changed\n")));
        QVERIFY(t.contains(QLatin1String("\n[fail] Verification of x.eml  <report>\n")));
        QVERIFY(
            t.contains(QLatin1String("\n  [fail] DKIM <b>bold</b>  (RFC 6376 6.1.3)  <dkim>\n")));
        QVERIFY(t.contains(QLatin1String("\n    | line one\n    | line two\\twith tab\n")));
        QVERIFY(t.contains(QLatin1String("\n    - domain: example.com\n")));
        QVERIFY(t.contains(QLatin1String("\n    @ dkim/1/header 3+7\n")));
        QVERIFY(t.contains(QLatin1String("\n    [fail] Body hash  <dkim.body-hash>\n")));
        QVERIFY(
            t.contains(QLatin1String("source dkim/1/body (canonical-body, 100000 bytes): body")));
        // Timings never reach the golden format.
        QVERIFY(!t.contains(QLatin1String("time.")));
        QVERIFY(!t.contains(QLatin1String("1234")));
        // Stable: the same report prints the same text.
        QCOMPARE(toText(sampleReport()), t);
    }

    void textEscapesControlCharacters()
    {
        Report r = sampleReport();
        r.root.children[0].title = QStringLiteral("evil\r\n[pass] forged\x01");
        const QString t = toText(r);
        QVERIFY(t.contains(QLatin1String("[info] evil\\r\\n[pass] forged\\x01  <message.parse>")));
    }

    void json()
    {
        const QJsonObject o = toJson(sampleReport());
        QCOMPARE(o.value(QLatin1String("schema")).toString(), QStringLiteral("mailscope-report/2"));
        QCOMPARE(o.value(QLatin1String("file")).toString(), QStringLiteral("x.eml"));
        QCOMPARE(o.value(QLatin1String("evaluation_time")).toString(),
            QStringLiteral("2024-06-01T12:00:00Z"));
        const QJsonObject env = o.value(QLatin1String("envelope")).toObject();
        QCOMPARE(env.value(QLatin1String("client_ip"))
                     .toObject()
                     .value(QLatin1String("value"))
                     .toString(),
            QStringLiteral("192.0.2.10"));
        QVERIFY(env.value(QLatin1String("mail_from"))
                    .toObject()
                    .value(QLatin1String("overridden"))
                    .toBool());
        // Each present check under its name; its own json when it has one.
        QCOMPARE(o.value(QLatin1String("dkim"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("domain"))
                     .toString(),
            QStringLiteral("example.com"));
        QCOMPARE(o.value(QLatin1String("spf")).toObject().value(QLatin1String("result")).toString(),
            QStringLiteral("pass"));
        QVERIFY(!o.contains(QLatin1String("dmarc"))); // absent, not faked
        QVERIFY(!o.contains(QLatin1String("arc")));
        const QJsonObject verdict = o.value(QLatin1String("verdict")).toObject();
        QCOMPARE(verdict.value(QLatin1String("result")).toString(), QStringLiteral("fail"));
        QCOMPARE(verdict.value(QLatin1String("basis")).toString(), QStringLiteral("dkim"));
        QVERIFY(
            verdict.value(QLatin1String("reason")).toString().contains(QLatin1String("footer")));

        const QJsonObject steps = o.value(QLatin1String("steps")).toObject();
        QCOMPARE(steps.value(QLatin1String("kind")).toString(), QStringLiteral("report"));
        const QJsonObject dkimStep
            = steps.value(QLatin1String("children")).toArray().at(1).toObject();
        QCOMPARE(dkimStep.value(QLatin1String("rfc")).toString(), QStringLiteral("RFC 6376 6.1.3"));
        QCOMPARE(dkimStep.value(QLatin1String("facts")).toArray().size(), 2); // JSON keeps timings
        QCOMPARE(dkimStep.value(QLatin1String("spans"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("length"))
                     .toInt(),
            7);

        const QJsonArray sources = o.value(QLatin1String("sources")).toArray();
        QCOMPARE(sources.size(), 3);
        QCOMPARE(sources.at(0).toObject().value(QLatin1String("kind")).toString(),
            QStringLiteral("message"));
        QVERIFY(!sources.at(0).toObject().contains(QLatin1String("base64"))); // the user's own file
        QCOMPARE(QByteArray::fromBase64(
                     sources.at(1).toObject().value(QLatin1String("base64")).toString().toLatin1()),
            QByteArray("from:a\r\n"));
        QVERIFY(!sources.at(2).toObject().contains(QLatin1String("base64"))); // too big to inline
        QCOMPARE(sources.at(2).toObject().value(QLatin1String("size")).toInt(), 100000);

        const QJsonArray dnsArr = o.value(QLatin1String("dns")).toArray();
        QCOMPARE(dnsArr.size(), 1);
        const QJsonObject a = dnsArr.at(0).toObject();
        QCOMPARE(a.value(QLatin1String("name")).toString(),
            QStringLiteral("sel._domainkey.example.com"));
        QCOMPARE(a.value(QLatin1String("type")).toString(), QStringLiteral("TXT"));
        QCOMPARE(a.value(QLatin1String("outcome")).toString(), QStringLiteral("ok"));
        QCOMPARE(a.value(QLatin1String("records"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("data"))
                     .toString(),
            QStringLiteral("\"v=DKIM1; p=abc\""));
        // Round-trips through text.
        QVERIFY(!QJsonDocument::fromJson(QJsonDocument(o).toJson()).isNull());
    }

    void html()
    {
        Report r = sampleReport();
        r.file = QStringLiteral("<script>alert(1)</script>.eml");
        const QString h = toHtml(r);
        QVERIFY(h.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(!h.contains(QLatin1String("<script>")));
        QVERIFY(h.contains(QLatin1String("&lt;script&gt;")));
        QVERIFY(h.contains(QLatin1String("DKIM &lt;b&gt;bold&lt;/b&gt;")));
        QVERIFY(!h.contains(QLatin1String("<b>bold")));
        // Self-contained: no remote or external references at all.
        QVERIFY(!h.contains(QLatin1String("http://")));
        QVERIFY(!h.contains(QLatin1String("https://")));
        QVERIFY(!h.contains(QLatin1String("src=")));
        QVERIFY(!h.contains(QLatin1String("<link")));
        QVERIFY(h.contains(QLatin1String("<details")));
        QVERIFY(h.contains(QLatin1String("sel._domainkey.example.com"))); // the DNS transcript
        QVERIFY(h.contains(QLatin1String("RFC 6376 6.1.3")));
        QVERIFY(!h.contains(QLatin1String("1234"))); // timings left out
    }

    void verdict_data()
    {
        QTest::addColumn<QString>("dmarc"); // "" = absent
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("arcOverride");
        QTest::addColumn<QString>("dkim"); // comma list of results
        QTest::addColumn<QString>("spf"); // "" = absent
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("basis");
        QTest::addColumn<QString>("words");

        QTest::newRow("RFC 7489 6.6.2 dmarc pass") << "pass"
                                                   << "reject" << false << "pass"
                                                   << "pass"
                                                   << "pass"
                                                   << "dmarc"
                                                   << "really comes from example.com";
        QTest::newRow("dmarc fail reject") << "fail"
                                           << "reject" << false << "fail"
                                           << "softfail"
                                           << "fail"
                                           << "dmarc"
                                           << "reject such mail";
        QTest::newRow("dmarc fail quarantine") << "fail"
                                               << "quarantine" << false << ""
                                               << ""
                                               << "fail"
                                               << "dmarc"
                                               << "suspicious";
        QTest::newRow("RFC 8617 7.2.1 arc override") << "fail"
                                                     << "reject" << true << "fail"
                                                     << ""
                                                     << "pass"
                                                     << "dmarc"
                                                     << "ARC chain";
        QTest::newRow("dmarc temperror") << "temperror"
                                         << "" << false << "pass"
                                         << ""
                                         << "temperror"
                                         << "dmarc"
                                         << "temporary DNS error";
        QTest::newRow("no dmarc policy, dkim decides") << "none"
                                                       << "" << false << "fail,pass"
                                                       << "fail"
                                                       << "pass"
                                                       << "dkim"
                                                       << "publishes no DMARC policy";
        QTest::newRow("dkim all fail") << ""
                                       << "" << false << "fail,permerror"
                                       << ""
                                       << "permerror"
                                       << "dkim"
                                       << "No DKIM signature";
        QTest::newRow("spf only") << ""
                                  << "" << false << ""
                                  << "softfail"
                                  << "softfail"
                                  << "spf"
                                  << "probably not allowed";
        QTest::newRow("nothing") << ""
                                 << "" << false << ""
                                 << ""
                                 << "none"
                                 << ""
                                 << "Nothing could be verified";
    }

    void verdict()
    {
        QFETCH(QString, dmarc);
        QFETCH(QString, policy);
        QFETCH(bool, arcOverride);
        QFETCH(QString, dkim);
        QFETCH(QString, spf);
        QFETCH(QString, expected);
        QFETCH(QString, basis);
        QFETCH(QString, words);
        Report r;
        if (!dmarc.isEmpty()) {
            DmarcOutcome d;
            d.status = *statusFromName(dmarc);
            d.fromDomain = QStringLiteral("example.com");
            d.policy = policy;
            d.overriddenByArc = arcOverride;
            r.outcomes.dmarc = d;
        }
        for (const QString& s : dkim.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            DkimSignatureOutcome o;
            o.status = *statusFromName(s);
            o.domain = QStringLiteral("example.com");
            o.reason = QStringLiteral("body-hash-mismatch");
            r.outcomes.dkim.append(o);
        }
        if (!spf.isEmpty()) {
            SpfOutcome o;
            o.status = *statusFromName(spf);
            o.domain = QStringLiteral("example.com");
            o.clientIp = QStringLiteral("192.0.2.1");
            r.outcomes.spf = o;
        }
        const Verdict v = overallVerdict(r);
        QCOMPARE(statusName(v.status), expected);
        QCOMPARE(statusName(overallStatus(r)), expected);
        QCOMPARE(v.basis, basis);
        QVERIFY2(v.reason.contains(words), qPrintable(v.reason));
    }

    void jsonLineMatchesJsonWithoutSteps_data()
    {
        QTest::addColumn<bool>("hostile");
        QTest::newRow("sample") << false;
        // Quotes, backslashes, every control character, non-ASCII, a lone surrogate-free
        // emoji, numbers that are and are not whole, a cancelled run, an error answer.
        QTest::newRow("hostile-strings") << true;
    }

    void jsonLineMatchesJsonWithoutSteps()
    {
        QFETCH(bool, hostile);
        Report r = sampleReport();
        if (hostile) {
            QString nasty = QStringLiteral("q\"b\\s/ \u00e9\u65e5 \U0001F600 ");
            for (char16_t c = 0; c < 0x20; ++c)
                nasty += QChar(c);
            nasty += QChar(0x7f);
            r.file = nasty;
            r.envelope.helo = { nasty, nasty, {}, true };
            r.checks[0].summary = nasty;
            r.checks[1].json = QJsonArray { QJsonObject { { QStringLiteral("finding"), nasty },
                { QStringLiteral("bodyLength"), 1234.0 }, { QStringLiteral("ratio"), 0.25 },
                { QStringLiteral("big"), 1e300 }, { QStringLiteral("neg"), -7 },
                { QStringLiteral("testing"), false }, { QStringLiteral("nothing"), QJsonValue() },
                { QStringLiteral("nested"), QJsonArray { 1, QStringLiteral("x"), true } } } };
            r.cancelled = true;
            dns::Answer e;
            e.qname = "bad.example";
            e.qtype = dns::Type::MX;
            e.outcome = dns::Outcome::ServFail;
            e.rcode = 2;
            e.viaTcp = true;
            e.authenticData = true;
            e.error = nasty;
            r.dns.append(e);
        }
        const QByteArray line = toJsonLine(r);
        QVERIFY(!line.contains('\n'));
        QJsonParseError err;
        const QJsonDocument parsed = QJsonDocument::fromJson(line, &err);
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        const QJsonObject expected = toJson(r, JsonParts::WithoutSteps);
        QCOMPARE(parsed.object(), expected);
        QVERIFY(!expected.contains(QStringLiteral("steps")));
        QVERIFY(!expected.contains(QStringLiteral("sources")));
        QVERIFY(toJson(r).contains(QStringLiteral("steps")));
        // Byte for byte what QJsonDocument writes for the same object.
        QCOMPARE(line, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void sourceAndCheckLookup()
    {
        const Report r = sampleReport();
        QVERIFY(r.source(QStringLiteral("dkim/1/header")));
        QCOMPARE(r.source(QStringLiteral("dkim/1/header"))->bytes, QByteArray("from:a\r\n"));
        QVERIFY(!r.source(QStringLiteral("nope")));
        QCOMPARE(r.check(QStringLiteral("spf"))->status, Status::Pass);
        QVERIFY(!r.check(QStringLiteral("arc")));
    }
};

QTEST_GUILESS_MAIN(tst_Report)
#include "tst_report.moc"
