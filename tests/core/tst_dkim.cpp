// DKIM verification end to end with messages signed inside the test (tests/common/DkimSigner)
// by keys generated here: every tag and error path, and the forensic findings.
#include "common/DkimSigner.h"
#include "common/DnsMisbehaving.h"
#include "common/TestKeys.h"
#include "common/TestUtil.h"
#include "crypto/Digest.h"
#include "dkim/BodyDigests.h"
#include "dkim/Canon.h"
#include "dkim/Dkim.h"
#include "dkim/Forensics.h"
#include "dkim/KeyRecord.h"
#include "dns/LiveResolver.h"
#include "message/Message.h"
#include "verify/Check.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace ms;
using namespace mstest;

namespace {

const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1780000000, Qt::UTC); // 2026-05-28

QList<dkim::SignatureResult> run(const QByteArray& raw, dns::Resolver& zone, QDateTime when = kNow)
{
    const Message m = Message::parse(raw);
    return dkim::verifyAll({ m, zone, when });
}

} // namespace

class TestDkim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void spansPointAtTheTags();
    void headerBinding();
    void overSigningBreaksOnAddedField();
    void bodyLengthRemainder();
    void bodyLengthNewMimePart();
    void headerOnlyInput();
    void testingFlagShown();
    void dnsTemporaryFailure();
    void forensics_data();
    void forensics();
    void prefixSearchEveryBoundary();
    void prefixSearchBudgetWithShortLines();
    void prefixSearchBudgetAtSizes_data();
    void prefixSearchBudgetAtSizes();
    void prefixSearchSmallBodyFooter();
    void keyCacheParsesOnce();
    void bodyHashedOncePerCanonicalization();
    void heldDigestsAreNotHashedAgain();
    void checkJsonAndOutcomes();
    void compareCopies();
    void garbageNeverCrashes();

private:
    std::shared_ptr<dns::ZoneResolver> m_zone;
};

void TestDkim::initTestCase()
{
    const QByteArray rsa = dkimKeyRecord(rsaKey(2048));
    auto records = dkimTestKeyRecords();
    records += {
        { "v2._domainkey.example.com", "v=DKIM2; p=" + rsa.mid(rsa.indexOf("p=") + 2) },
        { "edasrsa._domainkey.example.com",
            dkimKeyRecord(ed25519Key()).replace("k=ed25519", "k=rsa") },
        { "empty.example.com", "unrelated" },
    };
    m_zone = dkimZone(records);
}

void TestDkim::verdicts_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("step"); // a step kind that must explain it

    const QByteArray msg = sampleMessage();
    const auto& key = rsaKey(2048);
    auto sign = [&](DkimSignOptions o, const crypto::PrivateKey& k = rsaKey(2048)) {
        return dkimSign(msg, k, o);
    };
    DkimSignOptions o;
    QTest::newRow("RFC 6376 3.4 relaxed/relaxed pass") << sign(o) << "pass"
                                                       << ""
                                                       << "dkim.verify";
    o.canon = "simple/simple";
    QTest::newRow("RFC 6376 3.4 simple/simple pass") << sign(o) << "pass"
                                                     << ""
                                                     << "dkim.verify";
    o.canon = "relaxed";
    QTest::newRow("RFC 6376 3.5 c=relaxed means relaxed/simple") << sign(o) << "pass"
                                                                 << ""
                                                                 << "dkim.verify";
    o.canon = "";
    QTest::newRow("RFC 6376 3.5 c= absent means simple/simple") << sign(o) << "pass"
                                                                << ""
                                                                << "dkim.verify";
    o = {};
    o.selector = "ed";
    o.algorithm = "ed25519-sha256";
    QTest::newRow("RFC 8463 ed25519-sha256 pass") << sign(o, ed25519Key()) << "pass"
                                                  << ""
                                                  << "dkim.verify";
    o = {};
    o.algorithm = "rsa-sha1";
    QTest::newRow("RFC 8301 3.1 rsa-sha1 disallowed") << sign(o) << "fail"
                                                      << "algorithm-disallowed"
                                                      << "dkim.algorithm";
    o = {};
    o.selector = "k512";
    QTest::newRow("RFC 8301 3.2 RSA-512 too short") << sign(o, rsaKey(512)) << "fail"
                                                    << "key-too-short"
                                                    << "dkim.key.check";
    o.selector = "k1024";
    QTest::newRow("RFC 8301 3.2 RSA-1024 passes with a warning") << sign(o, rsaKey(1024)) << "pass"
                                                                 << ""
                                                                 << "dkim.key.size";
    o = {};
    o.selector = "missing";
    QTest::newRow("RFC 6376 6.1.2 NXDOMAIN key-not-found") << sign(o) << "permerror"
                                                           << "key-not-found"
                                                           << "dkim.key";
    o.selector = "revoked";
    QTest::newRow("RFC 6376 3.6.1 p= empty key-revoked") << sign(o) << "permerror"
                                                         << "key-revoked"
                                                         << "dkim.keyrecord";
    o.selector = "badp";
    QTest::newRow("RFC 6376 3.6.1 p= not base64") << sign(o) << "permerror"
                                                  << "key-syntax"
                                                  << "dkim.keyrecord";
    o.selector = "nokey";
    QTest::newRow("RFC 6376 3.6.1 p= missing") << sign(o) << "permerror"
                                               << "key-syntax"
                                               << "dkim.keyrecord";
    o.selector = "v2";
    QTest::newRow("RFC 6376 3.6.1 v= not DKIM1 discarded") << sign(o) << "permerror"
                                                           << "key-syntax"
                                                           << "dkim.keyrecord";
    o.selector = "sha1only";
    QTest::newRow("RFC 6376 3.6.1 key h= excludes sha256") << sign(o) << "permerror"
                                                           << "key-hash-mismatch"
                                                           << "dkim.key.check";
    o.selector = "smime";
    QTest::newRow("RFC 6376 3.6.1 key s= not email") << sign(o) << "permerror"
                                                     << "key-service-mismatch"
                                                     << "dkim.key.check";
    o.selector = "strict";
    o.identity = "alice@mail.example.com";
    QTest::newRow("RFC 6376 3.6.1 key t=s forbids subdomain i=") << sign(o) << "permerror"
                                                                 << "identity-mismatch"
                                                                 << "dkim.key.check";
    o.selector = "sel";
    QTest::newRow("RFC 6376 3.5 i= subdomain of d= is fine") << sign(o) << "pass"
                                                             << ""
                                                             << "dkim.verify";
    o.identity = "alice@example.net";
    QTest::newRow("RFC 6376 3.5 i= outside d=") << sign(o) << "permerror"
                                                << "identity-mismatch"
                                                << "dkim.tag.error";
    o = {};
    o.selector = "wrongkey";
    QTest::newRow("RFC 6376 6.1.3 wrong key") << sign(o) << "fail"
                                              << "header-modified"
                                              << "dkim.verify";
    o.selector = "edasrsa";
    QTest::newRow("RFC 6376 3.6.1 k=rsa with an Ed25519 p=") << sign(o) << "permerror"
                                                             << "key-syntax"
                                                             << "dkim.keyrecord";
    o = {};
    o.selector = "ed";
    QTest::newRow("RFC 6376 6.1.2 a=rsa but k=ed25519") << sign(o) << "permerror"
                                                        << "key-type-mismatch"
                                                        << "dkim.key.check";
    o = {};
    o.headers = { "To", "Subject" };
    QTest::newRow("RFC 6376 5.4 h= without From") << sign(o) << "permerror"
                                                  << "from-not-signed"
                                                  << "dkim.tag.error";
    o = {};
    o.timestamp = kNow.toSecsSinceEpoch() - 3600;
    o.expiration = kNow.toSecsSinceEpoch() - 60;
    QTest::newRow("RFC 6376 3.5 x= expired") << sign(o) << "fail"
                                             << "signature-expired"
                                             << "dkim.time";
    o.timestamp = kNow.toSecsSinceEpoch() + 86400;
    o.expiration = -1;
    QTest::newRow("RFC 6376 3.5 t= in the future") << sign(o) << "fail"
                                                   << "signature-in-future"
                                                   << "dkim.time";
    o.timestamp = kNow.toSecsSinceEpoch() - 60;
    o.expiration = kNow.toSecsSinceEpoch() + 86400;
    QTest::newRow("RFC 6376 3.5 t= and x= valid") << sign(o) << "pass"
                                                  << ""
                                                  << "dkim.time";
    o.timestamp = 2000;
    o.expiration = 1000;
    QTest::newRow("RFC 6376 3.5 x= before t=") << sign(o) << "permerror"
                                               << "syntax"
                                               << "dkim.tag.error";
    o = {};
    o.extraTags = "d=other.example; ";
    QTest::newRow("RFC 6376 3.2 duplicate tag") << sign(o) << "permerror"
                                                << "syntax"
                                                << "dkim.tag.error";
    o.extraTags = "zz=unknown; q=dns/txt; ";
    QTest::newRow("RFC 6376 3.2 unknown tag ignored") << sign(o) << "pass"
                                                      << ""
                                                      << "dkim.verify";
    o.extraTags = "q=http/well-known; ";
    QTest::newRow("RFC 6376 3.5 unknown q=") << sign(o) << "permerror"
                                             << "query-method-unknown"
                                             << "dkim.tag.error";
    o = {};
    o.canon = "relaxed/fancy";
    QTest::newRow("RFC 6376 3.5 unknown c=") << sign(o) << "permerror"
                                             << "canonicalization-unknown"
                                             << "dkim.tag.error";
    o = {};
    o.algorithm = "rsa-sha512";
    QTest::newRow("RFC 6376 3.5 unknown a=") << sign(o) << "permerror"
                                             << "algorithm-unknown"
                                             << "dkim.tag.error";
    QTest::newRow("RFC 6376 3.5 v=2") << QByteArray(sign({})).replace("v=1;", "v=2;") << "permerror"
                                      << "version"
                                      << "dkim.tag.error";
    QTest::newRow("RFC 6376 3.5 bh= missing")
        << QByteArray(sign({})).replace("bh=", "xh=") << "permerror"
        << "syntax"
        << "dkim.tag.error";
    QTest::newRow("RFC 6376 3.5 b= not base64")
        << QByteArray(sign({})).replace("b=", "b=*") << "permerror"
        << "syntax"
        << "dkim.tag.error";
    QTest::newRow("RFC 6376 6.1.3 body changed")
        << QByteArray(sign({})).replace("this is", "THIS is") << "fail"
        << "body-modified"
        << "dkim.body";
    QTest::newRow("RFC 6376 6.1.3 signed header changed")
        << QByteArray(sign({})).replace("Quarterly", "Annual") << "fail"
        << "header-modified"
        << "dkim.verify";
    QTest::newRow("RFC 6376 5.4 unsigned header changed")
        << QByteArray(sign({})).replace("mx.example.net", "mx.example.COM") << "pass"
        << ""
        << "dkim.headers.uncovered";
    Q_UNUSED(key);
}

void TestDkim::verdicts()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, result);
    QFETCH(QString, reason);
    QFETCH(QString, step);
    const auto sigs = run(message, *m_zone);
    QCOMPARE(sigs.size(), 1);
    const auto& s = sigs.first();
    QCOMPARE(statusName(s.status), result);
    QCOMPARE(s.reason, reason);
    QCOMPARE(s.step.status, s.status);
    QVERIFY2(mstest::findStep(s.step, step), qPrintable(step));
    QVERIFY(!s.step.detail.isEmpty());
}

void TestDkim::spansPointAtTheTags()
{
    const QByteArray raw = dkimSign(sampleMessage(), rsaKey(2048));
    const Message m = Message::parse(raw);
    const auto sigs = dkim::verifyAll({ m, *m_zone, kNow });
    const Step* tags = mstest::findStep(sigs[0].step, QStringLiteral("dkim.tags"));
    QVERIFY(tags);
    bool sawD = false;
    for (const Step& t : tags->children) {
        QCOMPARE(t.spans.size(), 1);
        const QByteArray text = m.bytes().mid(t.spans[0].offset, t.spans[0].length);
        QVERIFY2(text.startsWith(t.fact("tag").toLatin1() + "="), text.constData());
        sawD |= text == "d=example.com";
    }
    QVERIFY(sawD);
    // the canonical header source ends with the signature field, b= empty
    QVERIFY(sigs[0].canonicalHeader.startsWith("from:Alice Example <alice@example.com>\r\n"));
    QVERIFY(sigs[0].canonicalHeader.endsWith("b="));
    // key record source and tag spans
    const Step* kr = mstest::findStep(sigs[0].step, QStringLiteral("dkim.keyrecord"));
    QVERIFY(kr);
    const Source* key = nullptr;
    for (const Source& src : sigs[0].sources)
        if (src.id == QLatin1String("dkim/1/key"))
            key = &src;
    QVERIFY(key);
    QCOMPARE(key->bytes.mid(kr->children[0].spans[0].offset, kr->children[0].spans[0].length),
        QByteArray("v=DKIM1"));
}

void TestDkim::headerBinding()
{
    DkimSignOptions o;
    o.headers = { "From", "Received", "Subject", "Subject" };
    const QByteArray raw = dkimSign(sampleMessage("x\r\n", "X-Extra: 1\r\n"), rsaKey(2048), o);
    // Add a Subject above the signed one after signing: not covered, and warned about.
    QByteArray tampered = raw;
    tampered.insert(tampered.indexOf("\r\nReceived:") + 2, "Subject: FREE MONEY\r\n");
    for (const QByteArray& msg : { raw, tampered }) {
        const auto sigs = run(msg, *m_zone);
        const Step* hs = mstest::findStep(sigs[0].step, QStringLiteral("dkim.headers"));
        QVERIFY2(hs, qPrintable(sigs[0].step.detail));
        QStringList titles;
        for (const Step& c : hs->children)
            titles << c.title;
        QVERIFY2(titles[0].startsWith(QStringLiteral("From → From (instance 1 of 1")),
            qPrintable(titles[0]));
        // 2nd Subject in h=: over-signed (absent) in the original; the added field fills it
        QCOMPARE(hs->children[3].kind,
            msg == raw ? QStringLiteral("dkim.header.absent") : QStringLiteral("dkim.header"));
        const Step* unc = mstest::findStep(*hs, QStringLiteral("dkim.headers.uncovered"));
        QVERIFY(unc);
        QStringList names;
        for (const Step& c : unc->children)
            names << c.title;
        if (msg == raw) {
            QCOMPARE(sigs[0].status, Status::Pass);
            QCOMPARE(names, (QStringList { "To", "Date", "Message-ID", "X-Extra" }));
            QCOMPARE(unc->status, Status::Info);
        } else {
            // over-signed Subject: the added one is taken by the 2nd h= entry → fails
            QCOMPARE(sigs[0].status, Status::Fail);
            QCOMPARE(sigs[0].transit, QStringLiteral("instance-added"));
        }
    }
}

void TestDkim::overSigningBreaksOnAddedField()
{
    DkimSignOptions o;
    o.headers = { "From", "Subject" };
    const QByteArray raw = dkimSign(sampleMessage(), rsaKey(2048), o);
    QByteArray added = raw;
    added.insert(added.indexOf("Received:"), "Subject: other\r\n");
    // Not over-signed: an added Subject above is not covered; still passes, with a warning.
    const auto sigs = run(added, *m_zone);
    QCOMPARE(sigs[0].status, Status::Pass);
    const Step* unc = mstest::findStep(sigs[0].step, QStringLiteral("dkim.headers.uncovered"));
    QCOMPARE(unc->status, Status::Warning);
    QVERIFY(unc->children[0].detail.contains(QLatin1String("may show")));
}

void TestDkim::bodyLengthRemainder()
{
    DkimSignOptions o;
    o.bodyLength = -2;
    const QByteArray raw = dkimSign(sampleMessage("line one\r\n"), rsaKey(2048), o);
    const auto clean = run(raw, *m_zone);
    QCOMPARE(clean[0].status, Status::Pass);
    QVERIFY(!mstest::findStep(clean[0].step, QStringLiteral("dkim.body.length")));
    const auto sigs = run(raw + "Click here: http://evil.example/\r\n", *m_zone);
    QCOMPARE(sigs[0].status, Status::Pass);
    const Step* rest = mstest::findStep(sigs[0].step, QStringLiteral("dkim.body.length"));
    QVERIFY(rest);
    QCOMPARE(rest->status, Status::Warning);
    QCOMPARE(rest->fact(QStringLiteral("unsigned bytes")), QStringLiteral("34"));
    QCOMPARE(rest->fact(QStringLiteral("unsigned lines")), QStringLiteral("1"));
    QCOMPARE(rest->spans[0].source, QStringLiteral("dkim/1/body"));
    QCOMPARE(rest->spans[0].offset, 10);
    // l= longer than the body: content removed
    o.bodyLength = 500;
    const auto shorter = run(dkimSign(sampleMessage("short\r\n"), rsaKey(2048), o), *m_zone);
    QCOMPARE(shorter[0].reason, QStringLiteral("body-truncated"));
}

void TestDkim::bodyLengthNewMimePart()
{
    const QByteArray head
        = "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"BB\"\r\n";
    const QByteArray body = "--BB\r\nContent-Type: text/plain\r\n\r\nsigned text\r\n";
    DkimSignOptions o;
    o.bodyLength = -2;
    const QByteArray raw = dkimSign(sampleMessage(body, head), rsaKey(2048), o);
    const QByteArray added
        = raw + "--BB\r\nContent-Type: text/html\r\n\r\n<b>pay now</b>\r\n--BB--\r\n";
    const auto sigs = run(added, *m_zone);
    QCOMPARE(sigs[0].status, Status::Pass);
    const Step* rest = mstest::findStep(sigs[0].step, QStringLiteral("dkim.body.length"));
    QVERIFY(rest);
    QCOMPARE(rest->status, Status::Warning);
    QVERIFY2(rest->detail.contains(QLatin1String("new MIME part")), qPrintable(rest->detail));
}

void TestDkim::headerOnlyInput()
{
    const QByteArray raw = dkimSign(sampleMessage(), rsaKey(2048));
    const QByteArray headers = raw.left(raw.indexOf("\r\n\r\n") + 2);
    const Message m = Message::parse(headers);
    QVERIFY(!m.hasBody());
    const auto sigs = dkim::verifyAll({ m, *m_zone, kNow });
    QCOMPARE(sigs[0].status, Status::Neutral);
    QCOMPARE(sigs[0].reason, QStringLiteral("body-not-available"));
    QVERIFY(sigs[0].signatureOk);
    const Step* body = mstest::findStep(sigs[0].step, QStringLiteral("dkim.body"));
    QCOMPARE(body->title, QStringLiteral("Body not available"));
}

void TestDkim::testingFlagShown()
{
    DkimSignOptions o;
    o.selector = "testing";
    const auto sigs = run(
        QByteArray(dkimSign(sampleMessage(), rsaKey(2048), o)).replace("this", "that"), *m_zone);
    QVERIFY(sigs[0].testing);
    QCOMPARE(sigs[0].status, Status::Fail);
    const Step* t = mstest::findStep(sigs[0].step, QStringLiteral("dkim.key.testing"));
    QVERIFY(t);
    QCOMPARE(t->status, Status::Warning);
    QVERIFY(sigs[0].toJson().value(QStringLiteral("testing")).toBool());
}

void TestDkim::dnsTemporaryFailure()
{
    DnsMisbehaving server;
    QString err;
    if (!server.start(&err))
        QFAIL(qPrintable(QStringLiteral("cannot run the local DNS fixture: ") + err));
    dns::LiveOptions lo;
    lo.servers = { server.server() };
    lo.timeoutMs = 500;
    lo.retries = 0;
    dns::LiveResolver live(lo);
    DkimSignOptions o;
    o.selector = "servfail";
    const auto sigs = run(dkimSign(sampleMessage(), rsaKey(2048), o), live);
    QCOMPARE(sigs[0].status, Status::TempError);
    QCOMPARE(sigs[0].reason, QStringLiteral("dns-temporary"));
    const Step* q = mstest::findStep(sigs[0].step, QStringLiteral("dns.query"));
    QVERIFY(q);
}

void TestDkim::forensics_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("words");

    const QByteArray body
        = "Hello,\r\n\r\nthe report is attached.\r\n..and a line with a dot.\r\n\r\nAlice\r\n";
    const QByteArray signedRelaxed = dkimSign(sampleMessage(body), rsaKey(2048));
    DkimSignOptions simple;
    simple.canon = "simple/simple";
    const QByteArray signedSimple = dkimSign(sampleMessage(body), rsaKey(2048), simple);

    QTest::newRow("footer appended (list)")
        << signedRelaxed + "-- \r\nlist mailing list\r\nhttps://lists.example.org/list\r\n"
        << "body-appended"
        << "prefix"
        << "signed body ends at line 6; 3 lines / ";
    QTest::newRow("subject tagged [list]")
        << QByteArray(signedRelaxed).replace("Subject: Quarterly", "Subject: [list] Quarterly")
        << "header-modified"
        << "subject-tag"
        << "[list]";
    {
        QByteArray refolded = signedSimple;
        refolded.replace("Subject: Quarterly report", "Subject: Quarterly\r\n report");
        QTest::newRow("re-folded (simple)") << refolded << "header-modified"
                                            << "refolded"
                                            << "folded";
    }
    {
        // Signed with bare LF line ends inside the body; a relay made them CRLF.
        const QByteArray lfBody = "one\ntwo\nthree\n";
        DkimSignOptions o = simple;
        QByteArray signedLf = dkimSign(sampleMessage(lfBody), rsaKey(2048), o);
        const QByteArray converted
            = signedLf.left(signedLf.indexOf("\r\n\r\n") + 4) + "one\r\ntwo\r\nthree\r\n";
        QTest::newRow("LF converted to CRLF") << converted << "body-modified"
                                              << "crlf-as-lf"
                                              << "LF";
    }
    QTest::newRow("trailing whitespace added (simple)")
        << QByteArray(signedSimple).replace("attached.\r\n", "attached.   \r\n") << "body-modified"
        << "trailing-whitespace"
        << "end of lines";
    QTest::newRow("dot-stuffing not reversed")
        << QByteArray(signedRelaxed).replace("\r\n..and", "\r\n...and") << "body-modified"
        << "dot-stuffing"
        << "dot";
    {
        const qsizetype bodyAt = signedRelaxed.indexOf("\r\n\r\n") + 4;
        QTest::newRow("CR doubled before line ends") << signedRelaxed.left(bodyAt)
                + QByteArray(signedRelaxed.mid(bodyAt)).replace("\r\n", "\r\r\n")
                                                     << "body-modified"
                                                     << "crcrlf"
                                                     << "CR CR LF";
        // RFC 5321 4.5.2 on the body's first line, and trailing tabs on its last line, which
        // has no line end.
        const QByteArray dotFirst
            = dkimSign(sampleMessage(".hidden\r\n..two\r\nend"), rsaKey(2048));
        QTest::newRow("dot-stuffing on the first line")
            << QByteArray(dotFirst)
                   .replace("\r\n.hidden", "\r\n..hidden")
                   .replace("\r\n..two", "\r\n...two")
            << "body-modified"
            << "dot-stuffing"
            << "dot";
        const QByteArray noEnd = dkimSign(sampleMessage("one\r\ntwo"), rsaKey(2048), simple);
        QTest::newRow("trailing tabs on an unended last line (simple)") << noEnd + "\t \t"
                                                                        << "body-modified"
                                                                        << "trailing-whitespace"
                                                                        << "end of lines";
    }
    {
        QByteArray rewritten = signedRelaxed;
        rewritten.replace("From: Alice Example <alice@example.com>",
            "From: \"Alice Example via List\" <list@lists.example.org>\r\n"
            "X-Original-From: Alice Example <alice@example.com>");
        QTest::newRow("From rewritten by a list") << rewritten << "header-modified"
                                                  << "from-rewritten"
                                                  << "X-Original-From";
    }
    {
        // Mailman's DMARC mitigation: From becomes "Alice via List <list@...>", the original
        // goes to Reply-To (whole, or only the address).
        QByteArray viaList = signedRelaxed;
        viaList.replace("From: Alice Example <alice@example.com>",
            "From: \"Alice Example via List\" <list@lists.example.org>\r\n"
            "Reply-To: Alice Example <alice@example.com>");
        QTest::newRow("From rewritten, original in Reply-To") << viaList << "header-modified"
                                                              << "from-rewritten"
                                                              << "Reply-To";
        QByteArray addrOnly = signedRelaxed;
        addrOnly.replace("From: Alice Example <alice@example.com>",
            "From: Alice Example via List <list@lists.example.org>\r\n"
            "Reply-To: alice@example.com");
        QTest::newRow("From rewritten, address in Reply-To") << addrOnly << "header-modified"
                                                             << "from-rewritten"
                                                             << "Alice Example <alice@example.com>";
    }
    {
        const QByteArray re = dkimSign(
            QByteArray(sampleMessage(body)).replace("Subject: Q", "Subject: Re: Q"), rsaKey(2048));
        QTest::newRow("subject tagged Re: [list] x")
            << QByteArray(re).replace("Subject: Re: Q", "Subject: Re: [list] Q")
            << "header-modified"
            << "subject-tag"
            << "[list]";
        QTest::newRow("subject tagged [list] Re: x")
            << QByteArray(re).replace("Subject: Re: Q", "Subject: [list] Re: Q")
            << "header-modified"
            << "subject-tag"
            << "[list]";
    }
    QTest::newRow("subject tag with spaces")
        << QByteArray(signedRelaxed).replace("Subject: Quarterly", "Subject: [Team Talk] Quarterly")
        << "header-modified"
        << "subject-tag"
        << "[Team Talk]";
    QTest::newRow("To rewritten, original in X-Original-To")
        << QByteArray(signedRelaxed)
               .replace("To: Bob <bob@example.org>",
                   "To: team@lists.example.org\r\nX-Original-To: Bob <bob@example.org>")
        << "header-modified"
        << "to-rewritten"
        << "X-Original-To";
    {
        DkimSignOptions withCc;
        withCc.headers << "Cc";
        const QByteArray cc = dkimSign(
            sampleMessage(body, "Cc: Carol <carol@example.net>\r\n"), rsaKey(2048), withCc);
        QTest::newRow("Cc rewritten, original in X-Original-Cc")
            << QByteArray(cc).replace("Cc: Carol <carol@example.net>",
                   "Cc: team@lists.example.org\r\nX-Original-Cc: Carol <carol@example.net>")
            << "header-modified"
            << "cc-rewritten"
            << "X-Original-Cc";
    }
    {
        QByteArray added = signedRelaxed;
        added.replace("Message-ID:", "Subject: Buy now\r\nMessage-ID:");
        QTest::newRow("signed name: instance added") << added << "header-modified"
                                                     << "instance-added"
                                                     << "was not there";
        DkimSignOptions twice;
        twice.headers << "X-Tag"
                      << "X-Tag";
        const QByteArray two = dkimSign(
            sampleMessage(body, "X-Tag: first\r\nX-Tag: second\r\n"), rsaKey(2048), twice);
        QTest::newRow("signed name: instances reordered") << QByteArray(two).replace(
            "X-Tag: first\r\nX-Tag: second", "X-Tag: second\r\nX-Tag: first")
                                                          << "header-modified"
                                                          << "instance-reordered"
                                                          << "swapped";
    }
    {
        // A list that tags the Subject and rewrites From at once.
        QByteArray both = signedRelaxed;
        both.replace("Subject: Quarterly", "Subject: [list] Quarterly");
        both.replace("From: Alice Example <alice@example.com>",
            "From: Alice Example via List <list@lists.example.org>\r\n"
            "X-Original-From: Alice Example <alice@example.com>");
        QTest::newRow("subject tagged and From rewritten together") << both << "header-modified"
                                                                    << "subject-tag+from-rewritten"
                                                                    << "[list]";
        // ... and appends a footer: the body finding leads, the header one follows.
        QTest::newRow("footer appended and subject tagged")
            << QByteArray(signedRelaxed).replace("Subject: Quarterly", "Subject: [list] Quarterly")
                + "-- \r\nlist mailing list\r\nhttps://lists.example.org/list\r\n"
            << "body-appended"
            << "prefix"
            << "Also in the header: A list tag";
    }
    {
        // bh= of what a signer would have hashed (the b= no longer matters: the body hash is
        // checked first): the canonical body without its final CRLF (relaxed), and with one
        // more empty line (simple).
        DkimSignOptions flat;
        flat.fold = false;
        const auto withBh = [](QByteArray m, const QByteArray& hashed) {
            const qsizetype at = m.indexOf("bh=") + 3;
            return m.replace(at, m.indexOf(';', at) - at,
                crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, hashed).toBase64());
        };
        const QByteArray relaxedBody = dkim::canonBody(dkim::Canon::Relaxed, body);
        QTest::newRow("RFC 6376 3.4.4: final CRLF added after signing")
            << withBh(dkimSign(sampleMessage(body), rsaKey(2048), flat), relaxedBody.chopped(2))
            << "body-modified"
            << "final-newline-added"
            << "without its final CRLF";
        // c= says relaxed, but the signer hashed the body simple; its double space makes the
        // two forms differ.
        const QByteArray spaced = QByteArray(body).replace("report is", "report  is");
        QTest::newRow("RFC 6376 3.4.3: signed simple although c= says relaxed")
            << withBh(dkimSign(sampleMessage(spaced), rsaKey(2048), flat),
                   dkim::canonBody(dkim::Canon::Simple, spaced))
            << "body-modified"
            << "other-canonicalization"
            << "simple canonicalization although";
        flat.canon = "simple/simple";
        const QByteArray simpleBody = dkim::canonBody(dkim::Canon::Simple, body);
        QTest::newRow("RFC 6376 3.4.3: final empty line removed after signing")
            << withBh(dkimSign(sampleMessage(body), rsaKey(2048), flat), simpleBody + "\r\n")
            << "body-modified"
            << "final-newline-removed"
            << "empty line at the end";
    }
    QTest::newRow("body edited in the middle")
        << QByteArray(signedRelaxed).replace("report is", "report was") << "body-modified"
        << ""
        << "none of the usual";
}

void TestDkim::forensics()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, reason);
    QFETCH(QString, change);
    QFETCH(QString, words);
    const auto sigs = run(message, *m_zone);
    QCOMPARE(sigs.size(), 1);
    const auto& s = sigs.first();
    QCOMPARE(s.status, Status::Fail);
    QCOMPARE(s.reason, reason);
    QCOMPARE(s.transit, change);
    QVERIFY2(s.finding.contains(words), qPrintable(s.finding));
    const Step* f = mstest::findStep(s.step, QStringLiteral("dkim.forensics"));
    QVERIFY(f);
    if (change == QLatin1String("prefix")) {
        const Step* p = mstest::findStep(*f, QStringLiteral("dkim.forensics.prefix"));
        QCOMPARE(p->fact(QStringLiteral("added lines")), QStringLiteral("3"));
        // the added part, as spans in the canonical body and in the message
        const Message m = Message::parse(message);
        QCOMPARE(p->spans[1].source, QStringLiteral("message"));
        QVERIFY(m.bytes()
                    .mid(p->spans[1].offset, p->spans[1].length)
                    .startsWith("-- \r\nlist mailing"));
    }
}

namespace {

// Lines of `minLen`..`maxLen` words-and-spaces, CRLF, no trailing whitespace (so relaxed
// canonicalization leaves them unchanged), until `size` bytes. Deterministic.
QByteArray textBody(qsizetype size, int minLen, int maxLen)
{
    static const char* words[] = { "signed", "mail", "report", "the", "quarter", "numbers" };
    QByteArray out;
    quint32 x = 12345;
    while (out.size() < size) {
        x = x * 1103515245u + 12345u;
        const int len = minLen + int((x >> 8) % quint32(maxLen - minLen + 1));
        const qsizetype start = out.size();
        out += words[(x >> 4) % 6];
        while (out.size() - start < len) {
            x = x * 1103515245u + 12345u;
            out += ' ';
            out += words[(x >> 4) % 6];
        }
        out += "\r\n";
    }
    return out;
}

struct Canonical {
    QByteArray bytes;
    QList<dkim::CanonLine> lines;
};
Canonical relaxed(const QByteArray& body)
{
    dkim::BodyCanonicalizer c(dkim::Canon::Relaxed);
    c.feed(body);
    c.finish();
    return { c.output(), c.lines() };
}

// The start of the line after `n` lines.
qsizetype afterLines(const QByteArray& body, int n)
{
    qsizetype pos = 0;
    for (int i = 0; i < n; ++i)
        pos = body.indexOf("\r\n", pos) + 2;
    return pos;
}

} // namespace

void TestDkim::prefixSearchEveryBoundary()
{
    // A 1 MB body of 600..800-byte lines (HTML, unwrapped paragraphs): one finalization per
    // boundary fits the budget, so every boundary is examined and a cut anywhere is found.
    const QByteArray body = textBody(1 << 20, 600, 800);
    const Canonical c = relaxed(body);
    QCOMPARE(c.bytes, body);
    const int total = int(c.lines.size());
    {
        // No prefix matches: every boundary examined, none twice, within 1.5x.
        const auto r = dkim::searchPrefix(
            crypto::DigestAlgorithm::Sha256, c.bytes, c.lines, QByteArray(32, '\0'));
        QVERIFY(r.complete());
        QCOMPARE(r.stop, dkim::PrefixSearch::Stop::Complete);
        QCOMPARE(r.boundaries, total); // every line end but the last, plus the empty body
        QCOMPARE(r.candidates, total);
        QCOMPARE(r.finalizations, r.candidates);
        QVERIFY(r.exactCount);
        QVERIFY(r.searchEighths * 2 <= r.bodyEighths * 3);
        QCOMPARE(r.budgetEighths,
            (r.bodyBlocks * 8 + dkim::kPrefixFinalOverheadEighths) * dkim::kPrefixBudgetTenths
                / 10);
    }
    for (const int signedLines : { 1, total / 3, total / 2 + 7, total - 1 }) {
        const qsizetype cut = afterLines(body, signedLines);
        QVERIFY(!body.sliced(cut).startsWith("--") && !body.sliced(cut).startsWith("\r\n"));
        const auto r = dkim::searchPrefix(crypto::DigestAlgorithm::Sha256, c.bytes, c.lines,
            crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, body.first(cut)));
        QCOMPARE(r.matchLength, cut);
        QCOMPARE(r.matchLines, signedLines);
        // Examined in order from the empty body on, stopped at the match.
        QCOMPARE(r.stop, dkim::PrefixSearch::Stop::Match);
        QCOMPARE(r.candidates, signedLines + 1);
        QCOMPARE(r.boundaries, total);
        QVERIFY2(r.searchEighths * 2 <= r.bodyEighths * 3,
            qPrintable(QStringLiteral("%1/8 blocks for a body hash of %2/8")
                           .arg(r.searchEighths)
                           .arg(r.bodyEighths)));
        QVERIFY(r.bytesHashed <= cut);
    }
    // SHA-1 state copies work the same way.
    const qsizetype cut = afterLines(body, total / 2);
    const auto r1 = dkim::searchPrefix(crypto::DigestAlgorithm::Sha1, c.bytes, c.lines,
        crypto::Digest::hash(crypto::DigestAlgorithm::Sha1, body.first(cut)));
    QCOMPARE(r1.matchLength, cut);

    // End to end: the signed message was cut in the middle of an ordinary line run; the
    // finding names the line and the counts, the step how many boundaries were examined.
    const int signedLines = total / 2 + 3;
    const qsizetype at = afterLines(body, signedLines);
    const QByteArray msg = dkimSign(sampleMessage(body.first(at)), rsaKey(2048)) + body.sliced(at);
    const auto sigs = run(msg, *m_zone);
    QCOMPARE(sigs.size(), 1);
    QCOMPARE(sigs[0].reason, QStringLiteral("body-appended"));
    QCOMPARE(sigs[0].transit, QStringLiteral("prefix"));
    const QString want = QStringLiteral("The signed body ends at line %1; %2 lines / %3 bytes")
                             .arg(signedLines)
                             .arg(total - signedLines)
                             .arg(body.size() - at);
    QVERIFY2(sigs[0].finding.contains(want), qPrintable(sigs[0].finding));
    const Step* p = mstest::findStep(sigs[0].step, QStringLiteral("dkim.forensics.prefix"));
    QVERIFY(p);
    QCOMPARE(p->fact(QStringLiteral("boundaries examined")),
        QStringLiteral("%1 of %2").arg(signedLines + 1).arg(total));
    QCOMPARE(p->fact(QStringLiteral("stopped")), QStringLiteral("at the matching prefix"));
    QCOMPARE(p->fact(QStringLiteral("added bytes")), QString::number(body.size() - at));
    QCOMPARE(p->spans[0].offset, at);
}

void TestDkim::prefixSearchBudgetWithShortLines()
{
    // 1 MB of 60..100-byte lines with an empty line every 500 lines and one "--" line:
    // 13,000 boundaries cannot all be finalized within 1.5x one body hash. Half of what is
    // left after the pass goes to every boundary from the end back, the rest to likely ones
    // (before "--", before empty lines); the cost stays within the bound, counted in
    // compression blocks (pass, finalizations, walks over the line table).
    QByteArray body;
    {
        const QByteArray text = textBody(1 << 20, 60, 100);
        qsizetype pos = 0;
        for (int i = 0; pos < text.size(); ++i) {
            const qsizetype nl = text.indexOf("\r\n", pos) + 2;
            body += text.sliced(pos, nl - pos);
            pos = nl;
            if (i % 500 == 499)
                body += "\r\n";
            if (i == 6000)
                body += "--\r\n";
        }
    }
    const Canonical c = relaxed(body);
    QCOMPARE(c.bytes, body);
    auto search = [&](qsizetype cut) {
        return dkim::searchPrefix(crypto::DigestAlgorithm::Sha256, c.bytes, c.lines,
            crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, body.first(cut)));
    };
    const qsizetype nearEnd = body.lastIndexOf("\r\n", body.size() - 300) + 2;
    const auto r = search(nearEnd);
    QCOMPARE(r.matchLength, nearEnd);
    const auto none = dkim::searchPrefix(
        crypto::DigestAlgorithm::Sha256, c.bytes, c.lines, QByteArray(32, '\0'));
    QCOMPARE(none.stop, dkim::PrefixSearch::Stop::Budget);
    QVERIFY(!none.complete());
    QVERIFY(none.exactCount); // every line was looked at
    QVERIFY(none.candidates > 500 && none.candidates < none.boundaries);
    QVERIFY(none.likely >= 20); // every "--" and empty-line boundary
    QVERIFY(none.tailFromLine > 0);
    QVERIFY2(none.searchEighths * 2 <= none.bodyEighths * 3,
        qPrintable(QStringLiteral("%1/8 blocks for a body hash of %2/8")
                       .arg(none.searchEighths)
                       .arg(none.bodyEighths)));
    // Likely boundaries in the middle are examined: before an empty line, before "--".
    const qsizetype beforeBlank = body.indexOf("\r\n\r\n", body.size() / 3) + 2;
    QCOMPARE(search(beforeBlank).matchLength, beforeBlank);
    const qsizetype beforeDashes = body.indexOf("\r\n--\r\n") + 2;
    QCOMPARE(search(beforeDashes).matchLength, beforeDashes);
    // An ordinary boundary in the middle is outside what the budget allows: not found.
    qsizetype middle = beforeBlank + 2;
    for (int i = 0; i < 3; ++i)
        middle = body.indexOf("\r\n", middle) + 2;
    QVERIFY(!body.sliced(middle).startsWith("--") && !body.sliced(middle).startsWith("\r\n"));
    QCOMPARE(search(middle).matchLength, -1);

    // 1 MB of ~10-byte lines: looking at every line would cost more than the budget allows;
    // the end is searched, the count is an upper bound and says so.
    QByteArray tiny;
    for (int i = 0; tiny.size() < (1 << 20); ++i)
        tiny += "line " + QByteArray::number(i) + "\r\n";
    const Canonical t = relaxed(tiny);
    const qsizetype tinyCut = tiny.lastIndexOf("line ", tiny.size() - 2000);
    const auto rt = dkim::searchPrefix(crypto::DigestAlgorithm::Sha256, t.bytes, t.lines,
        crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, tiny.first(tinyCut)));
    QCOMPARE(rt.matchLength, tinyCut);
    const auto rn = dkim::searchPrefix(
        crypto::DigestAlgorithm::Sha256, t.bytes, t.lines, QByteArray(32, '\0'));
    QVERIFY(!rn.exactCount);
    QCOMPARE(rn.boundaries, int(t.lines.size()));
    QVERIFY(rn.linesWalked < t.lines.size());
    QVERIFY(rn.searchEighths * 2 <= rn.bodyEighths * 3);
}

void TestDkim::prefixSearchBudgetAtSizes_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("1 KiB") << 1024;
    QTest::newRow("64 KiB") << (64 << 10);
    QTest::newRow("1 MB") << (1 << 20);
    QTest::newRow("8 MB (table streams from memory)") << (8 << 20);
}

void TestDkim::prefixSearchBudgetAtSizes()
{
    // Mail-like text (20..76-byte lines, an empty line now and then): nothing matches, so the
    // search spends what it may. Counted in compression blocks, never over 1.5x one body
    // hash, and the body hash counted the way it is computed (padding included), no floor.
    QFETCH(int, size);
    QByteArray body;
    {
        const QByteArray text = textBody(size, 20, 76);
        qsizetype pos = 0;
        for (int i = 0; pos < text.size(); ++i) {
            const qsizetype nl = text.indexOf("\r\n", pos) + 2;
            body += text.sliced(pos, nl - pos);
            pos = nl;
            if (i % 12 == 11 && pos < text.size())
                body += "\r\n";
        }
    }
    const Canonical c = relaxed(body);
    for (const auto a : { crypto::DigestAlgorithm::Sha256, crypto::DigestAlgorithm::Sha1 }) {
        const auto r
            = dkim::searchPrefix(a, c.bytes, c.lines, QByteArray(crypto::digestSize(a), 'x'));
        QCOMPARE(r.bodyBlocks, (c.bytes.size() + 8) / 64 + 1);
        QCOMPARE(r.budgetEighths,
            (r.bodyBlocks * 8 + dkim::kPrefixFinalOverheadEighths) * dkim::kPrefixBudgetTenths
                / 10);
        QVERIFY2(r.searchEighths <= r.budgetEighths,
            qPrintable(QStringLiteral("%1/8 blocks, %2/8 allowed")
                           .arg(r.searchEighths)
                           .arg(r.budgetEighths)));
        QVERIFY(r.candidates >= 1);
        QCOMPARE(r.finalizations, r.candidates);
        QVERIFY(r.bytesHashed <= c.bytes.size());
        QVERIFY(r.stop != dkim::PrefixSearch::Stop::Match);
        QCOMPARE(r.complete(), r.stop == dkim::PrefixSearch::Stop::Complete);
    }
}

void TestDkim::prefixSearchSmallBodyFooter()
{
    // A short message with a list footer: the most likely boundary (before "-- ") is
    // examined first; found within 1.5x of the 4-block body hash.
    const QByteArray signedPart = "Hello,\r\n\r\nthe report is attached.\r\nAlice\r\n";
    const QByteArray body = signedPart
        + "-- \r\nlist mailing list\r\nhttps://lists.example.org/list\r\n"
          "Unsubscribe: https://lists.example.org/unsubscribe\r\n";
    for (const auto canon : { dkim::Canon::Simple, dkim::Canon::Relaxed }) {
        dkim::BodyCanonicalizer bc(canon);
        bc.feed(body);
        bc.finish();
        const QByteArray signedCanon = dkim::canonBody(canon, signedPart);
        const auto r = dkim::searchPrefix(crypto::DigestAlgorithm::Sha256, bc.output(), bc.lines(),
            crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, signedCanon));
        QCOMPARE(r.matchLength, signedCanon.size());
        QCOMPARE(r.matchLines, 4);
        QCOMPARE(r.stop, dkim::PrefixSearch::Stop::Match);
        QVERIFY(r.candidates <= 2); // the separator, and the empty body before it
        QVERIFY2(r.searchEighths <= r.budgetEighths,
            qPrintable(QStringLiteral("%1/8 blocks, %2/8 allowed")
                           .arg(r.searchEighths)
                           .arg(r.budgetEighths)));
        QCOMPARE(r.budgetEighths,
            (r.bodyBlocks * 8 + dkim::kPrefixFinalOverheadEighths) * dkim::kPrefixBudgetTenths
                / 10);
    }
    // After a MIME closing delimiter: what a list appends after the last part.
    const QByteArray mime = "--b1\r\nContent-Type: text/plain\r\n\r\nHello\r\n--b1--\r\n";
    const QByteArray appended
        = mime + "Sent through the team list\r\nhttps://lists.example.org/\r\n";
    const Canonical m = relaxed(appended);
    const auto rm = dkim::searchPrefix(crypto::DigestAlgorithm::Sha256, m.bytes, m.lines,
        crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, mime));
    QCOMPARE(rm.matchLength, mime.size());
    QVERIFY(rm.candidates <= 2);
    QVERIFY(rm.searchEighths <= rm.budgetEighths);
}

void TestDkim::bodyHashedOncePerCanonicalization()
{
    // Four signatures: rsa and ed25519 relaxed, rsa relaxed with l=, rsa simple. One pass
    // per body canonicalization computes all four body hashes.
    const QByteArray body = "Hello,\r\n\r\nthe report  is attached.\r\n";
    QByteArray msg = sampleMessage(body);
    msg = dkimSign(msg, rsaKey(2048));
    DkimSignOptions ed;
    ed.algorithm = "ed25519-sha256";
    ed.selector = "ed";
    msg = dkimSign(msg, ed25519Key(), ed);
    DkimSignOptions limited;
    limited.bodyLength = 10;
    msg = dkimSign(msg, rsaKey(2048), limited);
    DkimSignOptions simple;
    simple.canon = "simple/simple";
    msg = dkimSign(msg, rsaKey(2048), simple);
    const Message m = Message::parse(msg);
    for (const bool keep : { true, false }) {
        int passes = -1;
        dkim::VerifyInput in { m, *m_zone, kNow };
        in.keepCanonical = keep;
        in.bodyPasses = &passes;
        const auto sigs = dkim::verifyAll(in);
        QCOMPARE(sigs.size(), 4);
        QCOMPARE(passes, 2);
        for (const auto& s : sigs) {
            QVERIFY2(s.status == Status::Pass, qPrintable(s.step.detail));
            bool bodySource = false;
            for (const Source& src : s.sources)
                bodySource |= src.id.endsWith(QLatin1String("/body"));
            // Kept for display, or not held at all when nobody will show it.
            QCOMPARE(bodySource, keep);
            QCOMPARE(s.canonicalBody.isEmpty(), !keep);
        }
    }
    // Not kept, but the body fails: that signature gets its canonical body and the finding.
    const QByteArray appended = msg + "-- \r\nfooter\r\n";
    const Message m2 = Message::parse(appended);
    dkim::VerifyInput in { m2, *m_zone, kNow };
    in.keepCanonical = false;
    const auto sigs = dkim::verifyAll(in);
    QCOMPARE(sigs.size(), 4);
    for (const auto& s : sigs) {
        if (s.bodyLimit >= 0) {
            QCOMPARE(s.status, Status::Pass); // l= leaves the footer unsigned
            continue;
        }
        QCOMPARE(s.reason, QStringLiteral("body-appended"));
        QVERIFY(s.canonicalBody.endsWith("footer\r\n"));
    }
}

void TestDkim::heldDigestsAreNotHashedAgain()
{
    // A batch streamed the body into digests, one signature's hash did not match, and the
    // whole message is verified with the digests held (BodyDigests::setBodyHeld): no body
    // hash is computed again, and every result is the one a plain verification gives.
    QByteArray msg = sampleMessage("Hello,\r\n\r\nthe report  is attached.\r\n");
    msg = dkimSign(msg, rsaKey(2048));
    DkimSignOptions simple;
    simple.canon = "simple/simple";
    msg = dkimSign(msg, rsaKey(2048), simple);
    msg += "-- \r\nfooter\r\n";
    DkimSignOptions limited; // signed after the footer: passes
    limited.bodyLength = 10;
    msg = dkimSign(msg, rsaKey(2048), limited);
    const Message m = Message::parse(msg);

    int plainPasses = -1;
    dkim::VerifyInput plain { m, *m_zone, kNow };
    plain.keepCanonical = false;
    plain.bodyPasses = &plainPasses;
    const auto want = dkim::verifyAll(plain);
    QCOMPARE(want.size(), 3);
    QCOMPARE(plainPasses, 2);

    const dkim::BodyKey relaxed { dkim::Canon::Relaxed, crypto::DigestAlgorithm::Sha256, -1 };
    const dkim::BodyKey relaxed10 { dkim::Canon::Relaxed, crypto::DigestAlgorithm::Sha256, 10 };
    const dkim::BodyKey simpleKey { dkim::Canon::Simple, crypto::DigestAlgorithm::Sha256, -1 };
    // Every key streamed: no pass. Only the relaxed ones: the simple pass alone.
    for (const auto& [keys, passesWanted] :
        { std::pair { QList { relaxed, relaxed10, simpleKey }, 0 },
            std::pair { QList { relaxed, relaxed10 }, 1 } }) {
        dkim::BodyDigests d(keys);
        d.feed(m.body());
        d.finish();
        d.setBodyHeld();
        int passes = -1;
        dkim::VerifyInput in { m, *m_zone, kNow };
        in.keepCanonical = false;
        in.bodyPasses = &passes;
        in.bodyDigests = &d;
        const auto got = dkim::verifyAll(in);
        QCOMPARE(passes, passesWanted);
        QCOMPARE(got.size(), want.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].status, want[i].status);
            QCOMPARE(got[i].reason, want[i].reason);
            QCOMPARE(got[i].finding, want[i].finding);
            QCOMPARE(got[i].step.detail, want[i].step.detail);
        }
        for (const auto& g : got) {
            if (g.bodyLimit >= 0)
                QCOMPARE(g.status, Status::Pass);
            else
                QCOMPARE(g.reason, QStringLiteral("body-appended"));
        }
    }
}
void TestDkim::keyCacheParsesOnce()
{
    const QByteArray rec = dkimKeyRecord(rsaKey(2048)) + "; n=cache";
    auto& cache = dkim::KeyCache::instance();
    const auto a = cache.get(rec);
    const qint64 hits = cache.hits();
    const auto b = cache.get(rec);
    QCOMPARE(a.get(), b.get());
    QCOMPARE(cache.hits(), hits + 1);
    QVERIFY(a->usable);
    QCOMPARE(a->notes, QByteArray("cache"));
}

void TestDkim::checkJsonAndOutcomes()
{
    DkimSignOptions ed;
    ed.selector = "ed";
    ed.algorithm = "ed25519-sha256";
    DkimSignOptions esp;
    esp.domain = "esp.example";
    esp.selector = "nope";
    const QByteArray raw = dkimSign(dkimSign(sampleMessage(), ed25519Key(), ed), rsaKey(2048), esp);
    const Message m = Message::parse(raw);
    VerifyOptions opts;
    const CheckContext ctx { m, *m_zone, opts, kNow, {}, nullptr, nullptr };
    const CheckResult r = dkim::check(ctx);
    QCOMPARE(r.name, QStringLiteral("dkim"));
    QCOMPARE(r.status, Status::Pass);
    QVERIFY2(r.summary.startsWith(QLatin1String("pass: 1 of 2")), qPrintable(r.summary));
    const QJsonArray arr = r.json.toArray();
    QCOMPARE(arr.size(), 2);
    QCOMPARE(arr[0].toObject().value("domain").toString(), QStringLiteral("esp.example"));
    QCOMPARE(arr[0].toObject().value("result").toString(), QStringLiteral("permerror"));
    QCOMPARE(arr[0].toObject().value("reason").toString(), QStringLiteral("key-not-found"));
    QCOMPARE(arr[1].toObject().value("algorithm").toString(), QStringLiteral("ed25519-sha256"));
    QCOMPARE(arr[1].toObject().value("result").toString(), QStringLiteral("pass"));
    QCOMPARE(r.outcomes.dkim.size(), 2);
    QCOMPARE(r.outcomes.dkim[1].status, Status::Pass);
    QCOMPARE(r.outcomes.dkim[0].reason, QStringLiteral("key-not-found"));
    QCOMPARE(r.step.children.size(), 2);
    QStringList ids;
    for (const Source& s : r.sources)
        ids << s.id;
    QVERIFY(ids.contains(QStringLiteral("dkim/2/header")));
    QVERIFY(ids.contains(QStringLiteral("dkim/2/body")));
    // no signature at all
    const Message none = Message::parse(sampleMessage());
    const CheckResult n = dkim::check({ none, *m_zone, opts, kNow, {}, nullptr, nullptr });
    QCOMPARE(n.status, Status::None);
    QVERIFY(n.outcomes.dkim.isEmpty());
}

void TestDkim::compareCopies()
{
    const QByteArray sent = dkimSign(sampleMessage("a\r\nb\r\n"), rsaKey(2048));
    QByteArray received = sent + "footer\r\n";
    received.replace("Subject: Quarterly", "Subject: [x] Quarterly");
    const dkim::CompareResult r
        = dkim::compareCopies(Message::parse(sent), Message::parse(received));
    QCOMPARE(r.signatures.size(), 1);
    QVERIFY(!r.signatures[0].headerSame);
    QVERIFY(!r.signatures[0].bodySame);
    QVERIFY(r.signatures[0].headerDiff.contains(QStringLiteral("- subject:Quarterly report")));
    QVERIFY(r.signatures[0].headerDiff.contains(QStringLiteral("+ subject:[x] Quarterly report")));
    QVERIFY(r.signatures[0].bodyDiff.contains(QStringLiteral("+ footer")));
    QCOMPARE(r.step.children[0].status, Status::Fail);
    const dkim::CompareResult same
        = dkim::compareCopies(Message::parse(sent), Message::parse(sent));
    QVERIFY(same.signatures[0].headerSame && same.signatures[0].bodySame);
}

void TestDkim::garbageNeverCrashes()
{
    const QByteArray good = dkimSign(sampleMessage(), rsaKey(2048));
    QList<QByteArray> inputs = {
        "DKIM-Signature:\r\n\r\n",
        "DKIM-Signature: ;;;;==;\r\n\r\n",
        "DKIM-Signature: v=1; a=rsa-sha256; d=; s=; h=; bh=; b=\r\n\r\n",
        "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AA==; b=AA==; "
        "l=99999999999999999999999999\r\nFrom: a\r\n\r\n",
        QByteArray("DKIM-Signature: \xff\xfe\x00\x01\r\n\r\n", 24),
    };
    for (int cut = 10; cut < good.size(); cut += 97)
        inputs << good.left(cut);
    for (const QByteArray& in : inputs) {
        const auto sigs = run(in, *m_zone);
        for (const auto& s : sigs)
            QVERIFY(s.status != Status::Pass || in == good);
    }
}

QTEST_GUILESS_MAIN(TestDkim)
#include "tst_dkim.moc"
