// Authentication-Results comparison: which hop added each field, which authserv-ids are
// trusted, and receiver-vs-now rows with the likely reason for a difference.

#include "authres/Compare.h"
#include "common/DkimSigner.h"
#include "common/TestKeys.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "verify/Check.h"
#include "verify/Verifier.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace ms;

namespace {

QByteArray message(const QByteArray& ar)
{
    return ar
        + "Received: from mail.example.com (mail.example.com [192.0.2.1])\r\n"
          "\tby mx.example.org (Postfix) with ESMTPS id 4AbC1\r\n"
          "\tfor <bob@example.org>; Sat, 28 Nov 2026 10:00:00 +0000\r\n"
          "Authentication-Results: mail.example.com; auth=pass smtp.auth=alice\r\n"
          "Received: from [198.51.100.7] (client.example.net [198.51.100.7])\r\n"
          "\tby mail.example.com (Postfix) with ESMTPSA id 99;\r\n"
          "\tSat, 28 Nov 2026 09:59:58 +0000\r\n"
          "Authentication-Results: example.org; dkim=pass header.d=example.com (forged by "
          "sender)\r\n"
          "From: Alice <alice@example.com>\r\n"
          "To: bob@example.org\r\n"
          "Subject: hello\r\n"
          "\r\n"
          "body\r\n";
}

const QByteArray kAr = "Authentication-Results: example.org;\r\n"
                       "\tdkim=pass header.d=example.com header.s=sel1 header.b=AbCd;\r\n"
                       "\tspf=pass smtp.mailfrom=alice@example.com;\r\n"
                       "\tdmarc=pass header.from=example.com\r\n";

DkimSignatureOutcome dkimNow(Status s, const QString& reason)
{
    DkimSignatureOutcome o;
    o.status = s;
    o.domain = QStringLiteral("example.com");
    o.selector = QStringLiteral("sel1");
    o.reason = reason;
    return o;
}

SpfOutcome spfNow(Status s, const QString& domain = QStringLiteral("example.com"))
{
    SpfOutcome o;
    o.status = s;
    o.identity = QStringLiteral("mailfrom");
    o.domain = domain;
    o.clientIp = QStringLiteral("192.0.2.1");
    return o;
}

DmarcOutcome dmarcNow(Status s)
{
    DmarcOutcome o;
    o.status = s;
    o.fromDomain = QStringLiteral("example.com");
    return o;
}

CheckResult runCheck(
    const QByteArray& bytes, const Outcomes& earlier, const QStringList& trusted = {})
{
    const Message msg = Message::parse(bytes);
    dns::ZoneResolver resolver;
    VerifyOptions opts;
    opts.trustedAuthservIds = trusted;
    CheckContext ctx { msg, resolver, opts, QDateTime::currentDateTimeUtc(), {}, &earlier,
        nullptr };
    return authres::check(ctx);
}

QJsonObject row(const CheckResult& r, const QString& method)
{
    for (const QJsonValue& v : r.json.toObject().value(QStringLiteral("comparison")).toArray()) {
        if (v.toObject().value(QStringLiteral("method")).toString() == method)
            return v.toObject();
    }
    return {};
}

} // namespace

class TstAuthresCompare : public QObject
{
    Q_OBJECT

private slots:
    void attribution_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("field"); // which A-R field (0 = topmost)
        QTest::addColumn<int>("hop"); // expected 1-based hop, 0 = none
        QTest::addColumn<QString>("rule");

        QTest::newRow("RFC 8601 5 nearest Received below")
            << message(kAr) << 0 << 1 << "received-below";
        QByteArray byName = message(kAr);
        byName.replace("Authentication-Results: example.org;",
            "Authentication-Results: "
            "mx.example.org;");
        QTest::newRow("authserv-id names the by host")
            << byName << 0 << 1 << "authserv-id-matches-by";
        QTest::newRow("authserv-id names the lower hop")
            << message(kAr) << 1 << 2 << "authserv-id-matches-by";
        QTest::newRow("RFC 8601 7.2 below every Received (sender-written)")
            << message(kAr) << 2 << 0 << "no-received";
    }

    void attribution()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, field);
        QFETCH(int, hop);
        QFETCH(QString, rule);
        const Message m = Message::parse(bytes);
        const QList<const HeaderField*> fields = m.fields("Authentication-Results");
        QVERIFY(fields.size() > field);
        if (rule == QLatin1String("authserv-id-matches-by") && m.hops().value(0).by.isEmpty())
            QFAIL("Message::hops() does not fill the \"by\" host (Received parser)");
        const authres::AuthResult ar = authres::parse(*fields[field]);
        const authres::Attribution a = authres::attribute(m, fields[field]->index, ar.authservId);
        QCOMPARE(a.hopIndex + 1, hop);
        QCOMPARE(a.rule, rule);
        QVERIFY(!a.why.isEmpty());
    }

    void defaultTrust()
    {
        const Message m = Message::parse(message(kAr));
        const authres::TrustDecision t = authres::trustedIds(m, {});
        QCOMPARE(t.ids, QStringList { QStringLiteral("example.org") });
        QVERIFY(!t.configured);
        QVERIFY(t.why.contains(QLatin1String("topmost")));
        const authres::TrustDecision c
            = authres::trustedIds(m, { QStringLiteral("MX.Example.org") });
        QCOMPARE(c.ids, QStringList { QStringLiteral("mx.example.org") });
        QVERIFY(c.configured);
    }

    void compare_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<QString>("spf"); // now status, "" = not computed
        QTest::addColumn<QString>("spfDomain");
        QTest::addColumn<QString>("dkim");
        QTest::addColumn<QString>("dkimReason");
        QTest::addColumn<QString>("dmarc");
        QTest::addColumn<QString>("status"); // check status
        QTest::addColumn<QString>("method"); // row to inspect
        QTest::addColumn<QString>("reasonCode"); // its likely reason ("" = agrees)
        QTest::addColumn<QString>("summaryHas");

        const QStringList none;
        QTest::newRow("RFC 8601 2.7 all agree") << message(kAr) << none << "pass"
                                                << "example.com"
                                                << "pass"
                                                << ""
                                                << "pass"
                                                << "pass"
                                                << "dkim"
                                                << ""
                                                << "agrees";
        QTest::newRow("RFC 6376 3.6.2 key removed since delivery") << message(kAr) << none << "pass"
                                                                   << "example.com"
                                                                   << "permerror"
                                                                   << "key-not-found"
                                                                   << "pass"
                                                                   << "warning"
                                                                   << "dkim"
                                                                   << "key-removed"
                                                                   << "removed";
        QTest::newRow("RFC 6376 3.7 body modified after delivery") << message(kAr) << none << "pass"
                                                                   << "example.com"
                                                                   << "fail"
                                                                   << "body-appended"
                                                                   << "pass"
                                                                   << "warning"
                                                                   << "dkim"
                                                                   << "body-modified"
                                                                   << "body";
        QTest::newRow("RFC 6376 3.5 x= expired since delivery") << message(kAr) << none << "pass"
                                                                << "example.com"
                                                                << "fail"
                                                                << "signature-expired"
                                                                << "pass"
                                                                << "warning"
                                                                << "dkim"
                                                                << "evaluation-time"
                                                                << "x=";
        QTest::newRow("RFC 7208 2.4 SPF record changed") << message(kAr) << none << "fail"
                                                         << "example.com"
                                                         << "pass"
                                                         << ""
                                                         << "pass"
                                                         << "warning"
                                                         << "spf"
                                                         << "dns-changed"
                                                         << "spf=pass";
        QTest::newRow("RFC 7208 2.4 different identity checked") << message(kAr) << none << "fail"
                                                                 << "bounce.example.net"
                                                                 << "pass"
                                                                 << ""
                                                                 << "pass"
                                                                 << "warning"
                                                                 << "spf"
                                                                 << "different-identity"
                                                                 << "identity";
        QTest::newRow("RFC 7489 3.1 DMARC follows DKIM") << message(kAr) << none << "pass"
                                                         << "example.com"
                                                         << "fail"
                                                         << "body-appended"
                                                         << "fail"
                                                         << "warning"
                                                         << "dmarc"
                                                         << "follows-spf-dkim"
                                                         << "more difference";
        QTest::newRow("RFC 8601 5 no trusted authserv-id")
            << message(kAr) << QStringList { QStringLiteral("mx.elsewhere.example") } << "pass"
            << "example.com"
            << "pass"
            << ""
            << "pass"
            << "info"
            << ""
            << ""
            << "none from a trusted";
        QTest::newRow("RFC 8601 configured id picks the lower field")
            << message(kAr) << QStringList { QStringLiteral("mail.example.com") } << "pass"
            << "example.com"
            << "pass"
            << ""
            << "pass"
            << "info"
            << ""
            << ""
            << "computed none";
        QByteArray noAr = message({});
        noAr.replace("Authentication-Results: mail.example.com; auth=pass smtp.auth=alice\r\n", "");
        noAr.replace("Authentication-Results: example.org; dkim=pass header.d=example.com "
                     "(forged by sender)\r\n",
            "");
        QTest::newRow("no Authentication-Results") << noAr << none << "pass"
                                                   << "example.com"
                                                   << "pass"
                                                   << ""
                                                   << "pass"
                                                   << "none"
                                                   << ""
                                                   << ""
                                                   << "no Authentication-Results";
    }

    void compare()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, trusted);
        QFETCH(QString, spf);
        QFETCH(QString, spfDomain);
        QFETCH(QString, dkim);
        QFETCH(QString, dkimReason);
        QFETCH(QString, dmarc);
        QFETCH(QString, status);
        QFETCH(QString, method);
        QFETCH(QString, reasonCode);
        QFETCH(QString, summaryHas);

        Outcomes now;
        if (!spf.isEmpty())
            now.spf = spfNow(*statusFromName(spf), spfDomain);
        if (!dkim.isEmpty())
            now.dkim.append(dkimNow(*statusFromName(dkim), dkimReason));
        if (!dmarc.isEmpty())
            now.dmarc = dmarcNow(*statusFromName(dmarc));
        const CheckResult r = runCheck(bytes, now, trusted);
        QCOMPARE(statusName(r.status), status);
        QVERIFY2(r.summary.contains(summaryHas), qPrintable(r.summary));
        QCOMPARE(r.json.toObject().value(QStringLiteral("status")).toString(), status);
        if (!method.isEmpty()) {
            const QJsonObject o = row(r, method);
            QVERIFY(!o.isEmpty());
            QCOMPARE(o.value(QStringLiteral("agree")).toBool(), reasonCode.isEmpty());
            QCOMPARE(o.value(QStringLiteral("likelyReasonCode")).toString(), reasonCode);
        }
        // The comparison table is the first child: the first thing a user sees.
        if (r.status != Status::None)
            QCOMPARE(r.step.children.front().kind, QStringLiteral("authres.compare"));
    }

    // End to end with the real DKIM check: the receiver wrote dkim=pass; what does
    // Mailscope say now, and why?
    void endToEndDkim_data()
    {
        QTest::addColumn<bool>("publishKey");
        QTest::addColumn<bool>("modifyBody");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reasonCode");
        QTest::newRow("RFC 6376 agree: key published, body intact") << true << false << "pass"
                                                                    << "";
        QTest::newRow("RFC 6376 3.6.2 key removed since delivery") << false << false << "warning"
                                                                   << "key-removed";
        QTest::newRow("RFC 6376 3.7 body changed after delivery") << true << true << "warning"
                                                                  << "body-modified";
    }

    void endToEndDkim()
    {
        QFETCH(bool, publishKey);
        QFETCH(bool, modifyBody);
        QFETCH(QString, status);
        QFETCH(QString, reasonCode);
        const QByteArray signedMsg = mstest::dkimSign(mstest::sampleMessage(), mstest::rsaKey());
        QByteArray delivered
            = "Authentication-Results: mx.example.org; dkim=pass header.d=example.com "
              "header.s=sel header.b=abcdefgh\r\n"
            + signedMsg;
        if (modifyBody)
            delivered.replace("this is a test.", "this is a test!");
        QList<QPair<QByteArray, QByteArray>> txt;
        if (publishKey)
            txt.append({ "sel._domainkey.example.com", mstest::dkimKeyRecord(mstest::rsaKey()) });
        else
            txt.append({ "other._domainkey.example.com", mstest::dkimKeyRecord(mstest::rsaKey()) });
        VerifyOptions o;
        o.checks = { QStringLiteral("dkim"), QStringLiteral("authres") };
        Verifier v(o, mstest::dkimZone(txt));
        const Report rep = v.verify(Message::parse(delivered), QStringLiteral("test.eml"));
        const CheckResult* ar = rep.check(QStringLiteral("authres"));
        QVERIFY(ar);
        QCOMPARE(statusName(ar->status), status);
        const QJsonObject dk = row(*ar, QStringLiteral("dkim"));
        QCOMPARE(dk.value(QStringLiteral("likelyReasonCode")).toString(), reasonCode);
        if (!reasonCode.isEmpty())
            QVERIFY2(
                ar->summary.startsWith(QLatin1String("differs: mx.example.org said dkim=pass")),
                qPrintable(ar->summary));
    }

    void forgedBelowBoundary()
    {
        // The sender wrote an A-R with the receiver's id below the Internet hop.
        QByteArray m = message(kAr);
        m.replace("Authentication-Results: example.org; dkim=pass header.d=example.com (forged by "
                  "sender)",
            "Authentication-Results: example.org; dkim=pass header.d=evil.example");
        Outcomes now;
        now.dkim.append(dkimNow(Status::Pass, {}));
        const CheckResult r = runCheck(m, now);
        const QJsonArray fields = r.json.toObject().value(QStringLiteral("fields")).toArray();
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields.at(0).toObject().value(QStringLiteral("trusted")).toBool(), true);
        QCOMPARE(fields.at(2).toObject().value(QStringLiteral("trusted")).toBool(), false);
        QCOMPARE(fields.at(2).toObject().value(QStringLiteral("suspectedForgery")).toBool(), true);
    }

    void hostile()
    {
        QByteArray many;
        for (int i = 0; i < 500; ++i)
            many += "Authentication-Results: x" + QByteArray::number(i) + "; dkim=pass\r\n";
        many += "Authentication-Results: ;;;;====\r\nFrom: a@b\r\n\r\nx\r\n";
        const CheckResult r = runCheck(many, {});
        QVERIFY(!r.summary.isEmpty());
        QVERIFY(r.json.toObject().value(QStringLiteral("fields")).toArray().size() <= 100);
    }
};

QTEST_GUILESS_MAIN(TstAuthresCompare)
#include "tst_authres_compare.moc"
