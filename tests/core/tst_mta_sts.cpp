// MTA-STS policy fetch (RFC 8461 3.3), only on request: the policy host's addresses through
// the zone, HTTPS against a local OpenSSL server with certificates made at test time, the
// policy parsed (3.2) and the recipient's MX hosts checked against it (4.1).

#include "common/HttpsTestServer.h"
#include "common/SmimeCa.h"
#include "common/TestUtil.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "tls/MtaSts.h"
#include "tls/Tls.h"
#include "verify/Check.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace ms;

namespace {

const QByteArray kMessage = "From: Alice <alice@example.com>\r\n"
                            "To: Bob <bob@example.org>\r\n"
                            "Subject: mta-sts\r\n"
                            "\r\n"
                            "body\r\n";

const QByteArray kPolicy = "version: STSv1\r\n"
                           "mode: enforce\r\n"
                           "mx: *.mail.example.org\r\n"
                           "mx: backup.example.net\r\n"
                           "max_age: 604800\r\n";

QByteArray zone(const QByteArray& mx, const QByteArray& txt = "v=STSv1; id=20261128T1")
{
    return "example.org. 300 IN MX 10 " + mx
        + ".\n"
          "example.org. 300 IN MX 20 backup.example.net.\n"
          "_mta-sts.example.org. 300 IN TXT \""
        + txt
        + "\"\n"
          "mta-sts.example.org. 300 IN A 127.0.0.1\n";
}

// The policy split across chunks, a field even split in the middle (RFC 9112 7.1).
QByteArray chunkedResponse()
{
    QByteArray r = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n";
    for (const QByteArray& part : { QByteArray("version: STSv1\r\n"),
             QByteArray("mode: enforce\nmx: *.mail.example.org\nmax_age:"),
             QByteArray(" 86400\nmx: backup.example.net\n") })
        r += QByteArray::number(part.size(), 16) + ";ext=1\r\n" + part + "\r\n";
    return r + "0\r\n\r\n";
}

} // namespace

class TstMtaSts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<mstest::TestCa> m_ca;
    mstest::TestIdentity m_good, m_expired, m_otherName;
    QString m_rootPem;

    QJsonObject runCheck(const QByteArray& zoneText, const VerifyOptions& o, CheckResult* out)
    {
        QStringList errors;
        auto z = dns::ZoneResolver::fromText(zoneText, &errors);
        if (!errors.isEmpty())
            qWarning() << errors;
        const Message msg = Message::parse(kMessage);
        CheckContext ctx { msg, *z, o, QDateTime::currentDateTimeUtc(), {}, nullptr, nullptr };
        *out = tls::check(ctx);
        for (const QJsonValue& v :
            out->json.toObject().value(QStringLiteral("domains")).toArray()) {
            const QJsonObject d = v.toObject();
            if (d.value(QStringLiteral("domain")).toString() == QLatin1String("example.org"))
                return d.value(QStringLiteral("mtaSts")).toObject();
        }
        return {};
    }

    // Fetch on, the test CA trusted, the policy host asked on the test server's port.
    VerifyOptions fetchOptions(quint16 port) const
    {
        VerifyOptions o;
        o.tlsFetchMtaStsPolicy = true;
        o.tlsMtaStsPort = port;
        o.tlsTrustFiles = { m_rootPem };
        o.tlsMtaStsTimeoutMs = 10000;
        return o;
    }

    // The steps of the recipient's domain (example.org); the sender's comes first.
    static const Step* domainStep(const Step& root)
    {
        const Step* domains = mstest::findStep(root, QStringLiteral("tls.domains"));
        if (!domains)
            return nullptr;
        for (const Step& d : domains->children) {
            if (d.title.startsWith(QLatin1String("example.org")))
                return &d;
        }
        return nullptr;
    }

    mstest::TestIdentity issue(const QString& name, bool expired)
    {
        mstest::CertOptions o;
        o.commonName = name;
        o.emails = {};
        o.dnsNames = { name };
        o.extendedKeyUsage = QStringLiteral("serverAuth");
        o.ec = true;
        if (expired) {
            o.notBefore = QDateTime::currentDateTimeUtc().addYears(-2);
            o.notAfter = QDateTime::currentDateTimeUtc().addYears(-1);
        }
        return m_ca->issue(o);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = std::make_unique<mstest::TestCa>(QStringLiteral("Mailscope MTA-STS Test CA"));
        m_rootPem = m_dir.filePath(QStringLiteral("root.pem"));
        QVERIFY(m_ca->writeRootPem(m_rootPem));
        m_good = issue(QStringLiteral("mta-sts.example.org"), false);
        m_expired = issue(QStringLiteral("mta-sts.example.org"), true);
        m_otherName = issue(QStringLiteral("www.example.org"), false);
    }

    void parsePolicy_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("mxCount");
        QTest::addColumn<QString>("problem"); // a word of the first problem

        QTest::newRow("RFC 8461 3.2 enforce, CRLF") << kPolicy << true << "enforce" << 2 << "";
        QTest::newRow("RFC 8461 3.2 LF and extra whitespace")
            << QByteArray("version:STSv1\nmode:   testing\nmx: mx.example.org\nmax_age: 0\n")
            << true << "testing" << 1 << "";
        QTest::newRow("RFC 8461 3.2 mode none needs no mx")
            << QByteArray("version: STSv1\nmode: none\nmax_age: 86400\n") << true << "none" << 0
            << "";
        QTest::newRow("RFC 8461 3.2 unknown field ignored")
            << QByteArray("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1\nfuture: yes\n")
            << true << "enforce" << 1 << "";
        QTest::newRow("RFC 8461 3.2 wrong version")
            << QByteArray("version: STSv2\nmode: enforce\nmx: a.example\nmax_age: 1\n") << false
            << "enforce" << 1 << "STSv1";
        QTest::newRow("RFC 8461 3.2 unknown mode")
            << QByteArray("version: STSv1\nmode: strict\nmx: a.example\nmax_age: 1\n") << false
            << "strict" << 1 << "mode";
        QTest::newRow("RFC 8461 3.2 max_age over a year")
            << QByteArray("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557601\n")
            << false << "enforce" << 1 << "max_age";
        QTest::newRow("RFC 8461 3.2 max_age not a number")
            << QByteArray("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: -5\n") << false
            << "enforce" << 1 << "max_age";
        QTest::newRow("RFC 8461 3.2 enforce without mx")
            << QByteArray("version: STSv1\nmode: enforce\nmax_age: 5\n") << false << "enforce" << 0
            << "mx";
        QTest::newRow("RFC 8461 3.2 bad mx pattern")
            << QByteArray("version: STSv1\nmode: enforce\nmx: mail.*.example\nmax_age: 5\n")
            << false << "enforce" << 0 << "mx";
        QTest::newRow("RFC 8461 3.2 HTML instead of a policy")
            << QByteArray("<html><body>Not found</body></html>") << false << "" << 0 << "key";
        QTest::newRow("empty body") << QByteArray() << false << "" << 0 << "version";
    }

    void parsePolicy()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, valid);
        QFETCH(QString, mode);
        QFETCH(int, mxCount);
        QFETCH(QString, problem);
        const tls::MtaStsPolicy p = tls::parseMtaStsPolicy(body);
        QCOMPARE(p.valid, valid);
        QCOMPARE(p.mode, mode);
        QCOMPARE(int(p.mx.size()), mxCount);
        if (!valid)
            QVERIFY2(p.problems.first().contains(problem),
                qPrintable(p.problems.join(QLatin1Char('|'))));
        else
            QVERIFY(p.problems.isEmpty());
        for (const tls::MtaStsField& f : p.fields)
            QVERIFY(f.offset >= 0 && f.offset + f.length <= body.size());
    }

    void hostilePolicies()
    {
        // Garbage, huge line counts, NULs, no line ends: a clear result, spans inside the body.
        QList<QByteArray> bodies = { QByteArray(70000, '\n'), QByteArray(5000, ':'),
            QByteArray("version: STSv1\0mode: enforce", 29), QByteArray(60000, 'x'),
            QByteArray("mx: ").repeated(3000) };
        QRandomGenerator rng(8461);
        for (int i = 0; i < 200; ++i) {
            QByteArray b(int(rng.bounded(2000)), Qt::Uninitialized);
            for (char& c : b)
                c = char(rng.bounded(256));
            bodies.append(b);
        }
        for (const QByteArray& body : bodies) {
            const tls::MtaStsPolicy p = tls::parseMtaStsPolicy(body);
            QVERIFY(!p.valid);
            QVERIFY(!p.problems.isEmpty());
            QVERIFY(p.fields.size() <= 1000);
            for (const tls::MtaStsField& f : p.fields)
                QVERIFY(f.offset >= 0 && f.offset + f.length <= body.size());
        }
    }

    void mxPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("matches");
        QTest::newRow("RFC 8461 4.1 exact") << "mx.example.org"
                                            << "MX.example.org." << true;
        QTest::newRow("RFC 8461 4.1 other host") << "mx.example.org"
                                                 << "mx2.example.org" << false;
        QTest::newRow("RFC 8461 4.1 wildcard one label") << "*.example.org"
                                                         << "mx1.example.org" << true;
        QTest::newRow("RFC 8461 4.1 wildcard not the domain itself") << "*.example.org"
                                                                     << "example.org" << false;
        QTest::newRow("RFC 8461 4.1 wildcard not two labels") << "*.example.org"
                                                              << "a.b.example.org" << false;
        QTest::newRow("RFC 8461 4.1 wildcard suffix only on a label boundary")
            << "*.example.org"
            << "mx.badexample.org" << false;
    }

    void mxPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, host);
        QFETCH(bool, matches);
        QCOMPARE(tls::mxPatternMatches(pattern, host), matches);
    }

    void ids()
    {
        QVERIFY(tls::isValidMtaStsId(QStringLiteral("20261128T1")));
        QVERIFY(tls::isValidMtaStsId(QString(32, QLatin1Char('a'))));
        QVERIFY(!tls::isValidMtaStsId(QString(33, QLatin1Char('a'))));
        QVERIFY(!tls::isValidMtaStsId(QStringLiteral("2026-11-28")));
        QVERIFY(!tls::isValidMtaStsId(QString()));
    }

    void fetch_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<int>("cert"); // 0 good, 1 expired, 2 other name
        QTest::addColumn<QByteArray>("mx");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("requested"); // the server saw the GET
        QTest::addColumn<bool>("fetched");

        QTest::newRow("RFC 8461 4.1 enforce policy, every MX covered")
            << mstest::HttpsTestServer::ok(kPolicy) << 0 << QByteArray("mx1.mail.example.org")
            << "pass"
            << "ok" << true << true;
        QTest::newRow("RFC 8461 4.1 MX not covered by the policy")
            << mstest::HttpsTestServer::ok(kPolicy) << 0 << QByteArray("mx.example.org") << "fail"
            << "mx-mismatch" << true << true;
        QTest::newRow("RFC 8461 4.1 testing mode, MX not covered")
            << mstest::HttpsTestServer::ok(
                   QByteArray(kPolicy).replace("mode: enforce", "mode: testing"))
            << 0 << QByteArray("mx.example.org") << "warning"
            << "mx-mismatch" << true << true;
        QTest::newRow("RFC 9112 7.1 chunked policy")
            << chunkedResponse() << 0 << QByteArray("mx1.mail.example.org") << "pass"
            << "ok" << true << true;
        QTest::newRow("RFC 8461 3.3 expired certificate: nothing requested")
            << mstest::HttpsTestServer::ok(kPolicy) << 1 << QByteArray("mx1.mail.example.org")
            << "fail"
            << "certificate-expired" << false << false;
        QTest::newRow("RFC 8461 3.3 certificate for another host: nothing requested")
            << mstest::HttpsTestServer::ok(kPolicy) << 2 << QByteArray("mx1.mail.example.org")
            << "fail"
            << "name-mismatch" << false << false;
        QTest::newRow("RFC 8461 3.3 redirect not followed")
            << QByteArray("HTTP/1.1 301 Moved Permanently\r\nLocation: "
                          "https://www.example.org/mta-sts.txt\r\nContent-Length: 0\r\n\r\n")
            << 0 << QByteArray("mx1.mail.example.org") << "fail"
            << "redirect" << true << false;
        QTest::newRow("RFC 8461 3.3 body over 64 KiB (Content-Length)")
            << mstest::HttpsTestServer::ok(kPolicy + QByteArray(70 * 1024, '#')) << 0
            << QByteArray("mx1.mail.example.org") << "fail"
            << "too-large" << true << false;
        QTest::newRow("RFC 8461 3.3 body over 64 KiB (until close)")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n") + kPolicy
                + QByteArray(70 * 1024, '#')
            << 0 << QByteArray("mx1.mail.example.org") << "fail"
            << "too-large" << true << false;
        QTest::newRow("RFC 8461 3.3 not text/plain")
            << mstest::HttpsTestServer::ok(kPolicy, "text/html") << 0
            << QByteArray("mx1.mail.example.org") << "fail"
            << "content-type" << true << false;
        QTest::newRow("RFC 8461 3.3 HTTP 404")
            << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n") << 0
            << QByteArray("mx1.mail.example.org") << "fail"
            << "http-status" << true << false;
        QTest::newRow("RFC 8461 3.2 malformed policy")
            << mstest::HttpsTestServer::ok("version: STSv1\r\nmode: enforce\r\nmax_age: soon\r\n")
            << 0 << QByteArray("mx1.mail.example.org") << "permerror"
            << "malformed-policy" << true << true;
        QTest::newRow("garbage instead of HTTP") << QByteArray("SSH-2.0-OpenSSH_9.6\r\n\r\n") << 0
                                                 << QByteArray("mx1.mail.example.org") << "fail"
                                                 << "http-error" << true << false;
    }

    void fetch()
    {
        QFETCH(QByteArray, response);
        QFETCH(int, cert);
        QFETCH(QByteArray, mx);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        QFETCH(bool, requested);
        QFETCH(bool, fetched);
        const mstest::TestIdentity& id = cert == 1 ? m_expired : cert == 2 ? m_otherName : m_good;
        mstest::HttpsTestServer server(id.certPem, id.keyPem, response);
        QVERIFY2(server.start(), qPrintable(server.error()));
        const VerifyOptions o = fetchOptions(server.port());
        CheckResult r;
        const QJsonObject sts = runCheck(zone(mx), o, &r);
        const QJsonObject fetchJson = sts.value(QStringLiteral("fetch")).toObject();
        QVERIFY2(sts.value(QStringLiteral("policyReason")).toString() == reason,
            qPrintable(QJsonDocument(sts).toJson()));
        QCOMPARE(sts.value(QStringLiteral("policyStatus")).toString(), status);
        QCOMPARE(sts.value(QStringLiteral("policyFetched")).toBool(), fetched);
        QCOMPARE(server.connections(), 1); // one address, one attempt, no redirect followed
        QCOMPARE(server.requests(), requested ? 1 : 0);
        QCOMPARE(fetchJson.value(QStringLiteral("requestSent")).toBool(), requested);
        QCOMPARE(fetchJson.value(QStringLiteral("address")).toString(),
            QStringLiteral("127.0.0.1:%1").arg(server.port()));
        if (requested) {
            const QByteArray req = server.lastRequest();
            QVERIFY(req.startsWith("GET /.well-known/mta-sts.txt HTTP/1.1\r\n"));
            QVERIFY(req.contains("\r\nHost: mta-sts.example.org\r\n"));
        }
        // The steps: the address lookup is shown, the policy step carries the verdict.
        QVERIFY(domainStep(r.step));
        const Step* policy
            = mstest::findStep(*domainStep(r.step), QStringLiteral("tls.mta-sts.policy"));
        QVERIFY(policy);
        QCOMPARE(statusName(policy->status), status);
        QCOMPARE(policy->rfc, QStringLiteral("RFC 8461 3.3"));
        const Step* address = mstest::findStep(*policy, QStringLiteral("tls.mta-sts.address"));
        QVERIFY(address && mstest::findStep(*address, QStringLiteral("dns.query")));
        if (reason == QLatin1String("ok") || reason == QLatin1String("mx-mismatch")) {
            const QJsonArray mxCheck = sts.value(QStringLiteral("mxCheck")).toArray();
            QCOMPARE(mxCheck.size(), 2);
            const QJsonObject first = mxCheck.first().toObject();
            QCOMPARE(first.value(QStringLiteral("host")).toString(), QString::fromLatin1(mx));
            QCOMPARE(first.value(QStringLiteral("matches")).toBool(), reason == "ok");
            QCOMPARE(mxCheck.last().toObject().value(QStringLiteral("pattern")).toString(),
                QStringLiteral("backup.example.net"));
            const Step* mxStep = mstest::findStep(*policy, QStringLiteral("tls.mta-sts.mx"));
            QVERIFY(mxStep);
            QCOMPARE(mxStep->rfc, QStringLiteral("RFC 8461 4.1"));
            // The policy body is a source the field steps point into.
            bool body = false;
            for (const Source& s : r.sources)
                body = body
                    || (s.id == QLatin1String("tls/mta-sts/example.org/policy")
                        && s.bytes.contains("mode:"));
            QVERIFY(body);
            const Step* field = mstest::findStep(*policy, QStringLiteral("tls.mta-sts.field"));
            QVERIFY(field && !field->spans.isEmpty());
        }
        if (cert != 0) {
            QCOMPARE(server.handshakes(), 1);
            const Step* c = mstest::findStep(*policy, QStringLiteral("tls.mta-sts.certificate"));
            QVERIFY(c && c->status == Status::Fail);
        }
    }

    void notRequested()
    {
        mstest::HttpsTestServer server(
            m_good.certPem, m_good.keyPem, mstest::HttpsTestServer::ok(kPolicy));
        QVERIFY(server.start());
        VerifyOptions o; // tlsFetchMtaStsPolicy off by default
        o.tlsMtaStsPort = server.port();
        o.tlsTrustFiles = { m_rootPem };
        CheckResult r;
        const QJsonObject sts = runCheck(zone("mx1.mail.example.org"), o, &r);
        QCOMPARE(sts.value(QStringLiteral("policyFetched")).toBool(), false);
        QVERIFY(!sts.contains(QStringLiteral("fetch")));
        QVERIFY(domainStep(r.step));
        const Step* policy
            = mstest::findStep(*domainStep(r.step), QStringLiteral("tls.mta-sts.policy"));
        QVERIFY(policy);
        QCOMPARE(policy->title, QStringLiteral("Policy file not fetched"));
        // The sender's domain publishes nothing: no policy step there.
        const Step* sender = mstest::findStep(r.step, QStringLiteral("tls.domain"));
        QVERIFY(sender && sender->title.startsWith(QLatin1String("example.com")));
        QVERIFY(!mstest::findStep(*sender, QStringLiteral("tls.mta-sts.policy")));
        QTest::qWait(200);
        QCOMPARE(server.connections(), 0);
    }

    void invalidTxtId()
    {
        // The TXT record's id is what a sender compares with its cached policy; an id that
        // is not 1-32 letters and digits makes the record invalid, so nothing is fetched.
        mstest::HttpsTestServer server(
            m_good.certPem, m_good.keyPem, mstest::HttpsTestServer::ok(kPolicy));
        QVERIFY(server.start());
        const VerifyOptions o = fetchOptions(server.port());
        CheckResult r;
        const QJsonObject sts
            = runCheck(zone("mx1.mail.example.org", "v=STSv1; id=2026-11-28!"), o, &r);
        QCOMPARE(sts.value(QStringLiteral("idValid")).toBool(true), false);
        QCOMPARE(sts.value(QStringLiteral("policyFetched")).toBool(), false);
        QVERIFY(domainStep(r.step));
        const Step* rec = mstest::findStep(*domainStep(r.step), QStringLiteral("tls.mta-sts"));
        QVERIFY(rec);
        QCOMPARE(rec->status, Status::PermError);
        QCOMPARE(rec->rfc, QStringLiteral("RFC 8461 3.1"));
        const Step* policy = mstest::findStep(*rec, QStringLiteral("tls.mta-sts.policy"));
        QVERIFY(policy && policy->title.contains(QLatin1String("not fetched")));
        QTest::qWait(200);
        QCOMPARE(server.connections(), 0);
    }

    void cachedForTheRun()
    {
        // RFC 8461 3.3, 5.1: with a run's cache, a second message of the domain reuses the
        // policy; a new TXT id means a new policy and a new fetch. Without a cache (the
        // default), every message fetches.
        mstest::HttpsTestServer server(
            m_good.certPem, m_good.keyPem, mstest::HttpsTestServer::ok(kPolicy));
        QVERIFY2(server.start(), qPrintable(server.error()));
        VerifyOptions o = fetchOptions(server.port());
        o.mtaStsCache = std::make_shared<tls::MtaStsPolicyCache>();
        CheckResult first, second, renewed, uncached;
        const QJsonObject a = runCheck(zone("mx1.mail.example.org"), o, &first);
        const QJsonObject b = runCheck(zone("mx1.mail.example.org"), o, &second);
        QCOMPARE(server.requests(), 1);
        QCOMPARE(a.value(QStringLiteral("cached")).toBool(true), false);
        QCOMPARE(b.value(QStringLiteral("cached")).toBool(), true);
        QCOMPARE(b.value(QStringLiteral("policyReason")).toString(), QStringLiteral("ok"));
        QCOMPARE(b.value(QStringLiteral("policy")), a.value(QStringLiteral("policy")));
        QCOMPARE(b.value(QStringLiteral("mxCheck")), a.value(QStringLiteral("mxCheck")));
        const Step* policy
            = mstest::findStep(*domainStep(second.step), QStringLiteral("tls.mta-sts.policy"));
        QVERIFY(policy);
        bool told = false;
        for (const Fact& f : policy->facts)
            told = told || f.value.contains(QLatin1String("earlier message"));
        QVERIFY(told);
        QCOMPARE(o.mtaStsCache->size(), 1);

        const QJsonObject c
            = runCheck(zone("mx1.mail.example.org", "v=STSv1; id=20261129T2"), o, &renewed);
        QCOMPARE(server.requests(), 2);
        QCOMPARE(c.value(QStringLiteral("cached")).toBool(true), false);

        o.mtaStsCache.reset();
        runCheck(zone("mx1.mail.example.org"), o, &uncached);
        QCOMPARE(server.requests(), 3);
    }

    void failedFetchNotCached()
    {
        // A policy that cannot be used is asked for again by the next message.
        mstest::HttpsTestServer server(m_good.certPem, m_good.keyPem,
            mstest::HttpsTestServer::ok("version: STSv1\r\nmode: enforce\r\nmax_age: soon\r\n"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        VerifyOptions o = fetchOptions(server.port());
        o.mtaStsCache = std::make_shared<tls::MtaStsPolicyCache>();
        CheckResult r;
        runCheck(zone("mx1.mail.example.org"), o, &r);
        runCheck(zone("mx1.mail.example.org"), o, &r);
        QCOMPARE(server.requests(), 2);
        QCOMPARE(o.mtaStsCache->size(), 0);
    }

    void nextAddressAfterRefusal()
    {
        // The first address refuses the connection (nothing listens on 127.0.0.2): the next
        // one is tried, within the same fetch.
        mstest::HttpsTestServer server(
            m_good.certPem, m_good.keyPem, mstest::HttpsTestServer::ok(kPolicy));
        QVERIFY(server.start());
        const VerifyOptions o = fetchOptions(server.port());
        CheckResult r;
        QByteArray z = zone("mx1.mail.example.org");
        z.replace("mta-sts.example.org. 300 IN A 127.0.0.1\n",
            "mta-sts.example.org. 300 IN A 127.0.0.2\nmta-sts.example.org. 300 IN A 127.0.0.1\n");
        const QJsonObject sts = runCheck(z, o, &r);
        const QJsonObject fetchJson = sts.value(QStringLiteral("fetch")).toObject();
        QCOMPARE(fetchJson.value(QStringLiteral("addresses")).toArray().size(), 2);
        QCOMPARE(fetchJson.value(QStringLiteral("addresses")).toArray().first().toString(),
            QStringLiteral("127.0.0.2"));
        QCOMPARE(sts.value(QStringLiteral("policyReason")).toString(), QStringLiteral("ok"));
        QCOMPARE(fetchJson.value(QStringLiteral("address")).toString(),
            QStringLiteral("127.0.0.1:%1").arg(server.port()));
        QCOMPARE(server.requests(), 1);
    }

    void noAddress()
    {
        VerifyOptions o;
        o.tlsFetchMtaStsPolicy = true;
        CheckResult r;
        QByteArray z = zone("mx1.mail.example.org");
        z.replace("mta-sts.example.org. 300 IN A 127.0.0.1\n", "");
        const QJsonObject sts = runCheck(z, o, &r);
        QCOMPARE(
            sts.value(QStringLiteral("policyReason")).toString(), QStringLiteral("no-address"));
        QCOMPARE(sts.value(QStringLiteral("policyFetched")).toBool(), false);
    }

    void unreachable()
    {
        VerifyOptions o;
        o.tlsFetchMtaStsPolicy = true;
        o.tlsMtaStsPort = 1; // nothing listens there
        o.tlsMtaStsTimeoutMs = 3000;
        CheckResult r;
        const QJsonObject sts = runCheck(zone("mx1.mail.example.org"), o, &r);
        QCOMPARE(
            sts.value(QStringLiteral("policyReason")).toString(), QStringLiteral("connect-failed"));
        QCOMPARE(sts.value(QStringLiteral("policyStatus")).toString(), QStringLiteral("temperror"));
    }
};

QTEST_GUILESS_MAIN(TstMtaSts)
#include "tst_mta_sts.moc"
