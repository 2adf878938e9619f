// RFC 8617 ARC chain validation with chains sealed inside the test (tests/common/ArcSigner)
// by keys generated at test time: 1, 2 and 3 hops, a body modified after hop 2, a missing
// AAR, duplicate instances, cv=fail, i=51, shuffled header order, forbidden tags.
#include "arc/Arc.h"
#include "common/ArcSigner.h"
#include "common/TestUtil.h"
#include "dmarc/Dmarc.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"

#include <QJsonArray>
#include <QTest>

using namespace ms;
using mstest::ArcKey;
using mstest::SealOptions;

namespace {

const QByteArray kOriginal = "From: Alice <alice@example.com>\r\n"
                             "To: list@lists.example.org\r\n"
                             "Subject: hello\r\n"
                             "Date: Sat, 28 Nov 2026 10:00:00 +0000\r\n"
                             "Message-ID: <1@example.com>\r\n"
                             "\r\n"
                             "Hello list.\r\n";

// Drops the first header field named `name` whose text contains `needle`.
QByteArray dropField(const QByteArray& msg, const QByteArray& name, const QByteArray& needle)
{
    const Message m = Message::parse(msg);
    for (const HeaderField& f : m.headers()) {
        if (f.nameIs(name) && f.raw.toByteArray().contains(needle))
            return msg.left(f.offset) + msg.mid(f.offset + f.raw.size());
    }
    return msg;
}

QByteArray fieldText(const QByteArray& msg, const QByteArray& name, const QByteArray& needle)
{
    const Message m = Message::parse(msg);
    for (const HeaderField& f : m.headers()) {
        if (f.nameIs(name) && f.raw.toByteArray().contains(needle))
            return f.raw.toByteArray();
    }
    return {};
}

} // namespace

class TestArc : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void noChain();
    void sealInputBytes();
    void hops_data();
    void hops();
    void modifiedBodyAfterHop2();
    void modifiedBodyNewestFails();
    void missingAar();
    void duplicateInstance();
    void cvFailNewest();
    void cvWrongInMiddle();
    void instance51();
    void gap();
    void headerOrderIgnored();
    void aarChangedAfterSealing();
    void amsSignsArcSeal();
    void sealWithH();
    void ed25519();
    void missingKey();
    void shortKey();
    void hostile_data();
    void hostile();
    void checkAndDmarcOverride();
    void independentSample();

private:
    ArcKey m_k1, m_k2, m_k3, m_ed, m_short;
    std::shared_ptr<dns::ZoneResolver> m_zone;
    arc::ChainResult run(const QByteArray& msg)
    {
        const Message m = Message::parse(msg);
        return arc::validate({ m, *m_zone, QDateTime::currentDateTimeUtc(), nullptr });
    }
    QByteArray chain(int hops)
    {
        QByteArray msg = kOriginal;
        const ArcKey* keys[] = { &m_k1, &m_k2, &m_k3 };
        for (int i = 0; i < hops; ++i) {
            SealOptions o;
            o.authservId = "hop" + QByteArray::number(i + 1) + ".example";
            o.time += i * 60;
            msg = mstest::arcSeal(msg, *keys[i % 3], o);
        }
        return msg;
    }
};

void TestArc::initTestCase()
{
    m_k1 = ArcKey::rsa("lists.example.org", "arc1");
    m_k2 = ArcKey::rsa("relay.example.net", "arc2");
    m_k3 = ArcKey::rsa("mx.example.com", "arc3", 2048);
    m_ed = ArcKey::ed25519("ed.example", "ed1");
    m_short = ArcKey::rsa("weak.example", "w", 512);
    QStringList errors;
    m_zone = dns::ZoneResolver::fromText(
        mstest::arcZone({ m_k1, m_k2, m_k3, m_ed, m_short }), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestArc::noChain()
{
    const arc::ChainResult r = run(kOriginal);
    QCOMPARE(r.status, Status::None);
    QCOMPARE(r.instances, 0);
    QCOMPARE(r.json.value(QStringLiteral("result")).toString(), QStringLiteral("none"));
}

void TestArc::sealInputBytes()
{
    // RFC 8617 5.1.1: sets in instance order, AAR, AMS, AS each, relaxed (RFC 6376 3.4.2);
    // the AS being verified last, b= emptied, no final CRLF. Written out by hand here so the
    // signer (which uses sealInput too) cannot hide a mistake in it.
    const QByteArray aar1 = "ARC-Authentication-Results: i=1; a.example;\r\n  spf=pass\r\n";
    const QByteArray ams1 = "ARC-Message-Signature:  i=1; d=a.example; b=AAA\r\n";
    const QByteArray as1 = "ARC-Seal: i=1; cv=none; b=BBB\r\n";
    const QByteArray aar2 = "ARC-Authentication-Results: i=2; b.example; arc=pass\r\n";
    const QByteArray ams2 = "ARC-Message-Signature: i=2; b=CCC\r\n";
    const QByteArray as2 = "ARC-Seal: i=2; cv=pass; b=D D\r\n\tD; d=b.example\r\n";
    const QByteArray expected = "arc-authentication-results:i=1; a.example; spf=pass\r\n"
                                "arc-message-signature:i=1; d=a.example; b=AAA\r\n"
                                "arc-seal:i=1; cv=none; b=BBB\r\n"
                                "arc-authentication-results:i=2; b.example; arc=pass\r\n"
                                "arc-message-signature:i=2; b=CCC\r\n"
                                "arc-seal:i=2; cv=pass; b=; d=b.example";
    QCOMPARE(arc::sealInput({ { aar1, ams1, as1 }, { aar2, ams2, as2 } }), expected);
    // Instance 1 alone: only its own set.
    QCOMPARE(arc::sealInput({ { aar1, ams1, as1 } }),
        QByteArray("arc-authentication-results:i=1; a.example; spf=pass\r\n"
                   "arc-message-signature:i=1; d=a.example; b=AAA\r\n"
                   "arc-seal:i=1; cv=none; b="));
}

void TestArc::hops_data()
{
    QTest::addColumn<int>("hops");
    QTest::newRow("RFC 8617 5.2 one hop") << 1;
    QTest::newRow("RFC 8617 5.2 two hops") << 2;
    QTest::newRow("RFC 8617 5.2 three hops") << 3;
}

void TestArc::hops()
{
    QFETCH(int, hops);
    const arc::ChainResult r = run(chain(hops));
    QVERIFY2(r.status == Status::Pass, qPrintable(r.reason));
    QCOMPARE(r.instances, hops);
    QCOMPARE(r.oldestPass, std::optional<int>(0));
    QCOMPARE(int(r.hops.size()), hops);
    QCOMPARE(r.hops[0].sealer, QStringLiteral("lists.example.org"));
    QCOMPARE(r.hops[0].cv, QStringLiteral("none"));
    if (hops > 1)
        QCOMPARE(r.hops[1].cv, QStringLiteral("pass"));
    QVERIFY(r.hops[0].aar);
    QCOMPARE(r.hops[0].aar->authservId, QStringLiteral("hop1.example"));
    QVERIFY(r.hops[0].sealedAt.isValid());
    for (const arc::Hop& h : r.hops) {
        QCOMPARE(h.amsStatus, Status::Pass);
        QCOMPARE(h.sealStatus, Status::Pass);
    }
    const QJsonObject j = r.json;
    for (const char* k : { "result", "instances", "oldest_pass", "reason" })
        QVERIFY2(j.contains(QLatin1String(k)), k);
    QCOMPARE(j.value(QStringLiteral("instances")).toInt(), hops);
    QCOMPARE(j.value(QStringLiteral("oldest_pass")).toInt(), 0);
    // Every seal input and AMS block is a source.
    bool seal = false;
    for (const Source& s : r.sources)
        seal = seal || s.id == QStringLiteral("arc/%1/seal").arg(hops);
    QVERIFY(seal);
}

void TestArc::modifiedBodyAfterHop2()
{
    // Hop 3 seals a body that changed after hop 2: the chain passes, oldest-pass = 3.
    QByteArray msg = chain(2);
    msg.replace("Hello list.", "Hello list. [footer added by hop 3]");
    SealOptions o;
    msg = mstest::arcSeal(msg, m_k3, o);
    const arc::ChainResult r = run(msg);
    QVERIFY2(r.status == Status::Pass, qPrintable(r.reason));
    QCOMPARE(r.oldestPass, std::optional<int>(3));
    QCOMPARE(r.hops[1].amsStatus, Status::Fail);
    QCOMPARE(r.json.value(QStringLiteral("oldest_pass")).toInt(), 3);
}

void TestArc::modifiedBodyNewestFails()
{
    // RFC 8617 5.2 step 4: the body changed after the newest hop sealed.
    QByteArray msg = chain(2);
    msg.replace("Hello list.", "Hello list, changed.");
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("ams-fail"));
    QCOMPARE(r.brokenAt, 2);
}

void TestArc::missingAar()
{
    const QByteArray msg = dropField(chain(2), "ARC-Authentication-Results", "i=1;");
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("structure"));
    QCOMPARE(r.brokenAt, 1);
    QVERIFY(r.reason.contains(u"ARC-Authentication-Results"));
}

void TestArc::duplicateInstance()
{
    QByteArray msg = chain(2);
    const QByteArray ams1 = fieldText(msg, "ARC-Message-Signature", "i=1;");
    QVERIFY(!ams1.isEmpty());
    msg = ams1 + msg; // a second AMS i=1
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("structure"));
    QVERIFY(r.reason.contains(u"exactly one"));
}

void TestArc::cvFailNewest()
{
    QByteArray msg = chain(1);
    SealOptions o;
    o.cv = "fail";
    msg = mstest::arcSeal(msg, m_k2, o);
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("cv-fail"));
}

void TestArc::cvWrongInMiddle()
{
    // RFC 8617 5.2 step 3C: i>1 must say cv=pass.
    QByteArray msg = chain(1);
    SealOptions o;
    o.cv = "none";
    msg = mstest::arcSeal(msg, m_k2, o);
    msg = mstest::arcSeal(msg, m_k3);
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("structure"));
    QCOMPARE(r.brokenAt, 2);
}

void TestArc::instance51()
{
    SealOptions o;
    o.instance = 51;
    o.cv = "pass";
    const QByteArray msg = mstest::arcSeal(chain(1), m_k2, o);
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("too-many"));
}

void TestArc::gap()
{
    SealOptions o;
    o.instance = 3;
    const QByteArray msg = mstest::arcSeal(chain(1), m_k2, o);
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("structure"));
    QVERIFY(r.reason.contains(u"missing"));
}

void TestArc::headerOrderIgnored()
{
    // Move the whole i=2 set below the i=1 set: grouping is by i=, so the chain still passes.
    QByteArray msg = chain(2);
    QByteArray set2;
    for (const char* n : { "ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results" }) {
        const QByteArray f = fieldText(msg, n, "i=2;");
        set2 += f;
        msg = dropField(msg, n, "i=2;");
    }
    const qsizetype at = msg.indexOf("From: Alice");
    msg.insert(at, set2);
    const arc::ChainResult r = run(msg);
    QVERIFY2(r.status == Status::Pass, qPrintable(r.reason));
}

void TestArc::aarChangedAfterSealing()
{
    QByteArray msg = chain(2);
    msg.replace("hop1.example", "hop1.evil.example");
    const arc::ChainResult r = run(msg);
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("seal-fail"));
    QCOMPARE(r.brokenAt, 2); // the newest seal covers AAR i=1
}

void TestArc::amsSignsArcSeal()
{
    SealOptions o;
    o.signedHeaders = { "from", "subject", "arc-seal" };
    const arc::ChainResult r = run(mstest::arcSeal(kOriginal, m_k1, o));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("ams-fail"));
    QVERIFY(r.reason.contains(u"ARC-Seal"));
}

void TestArc::sealWithH()
{
    SealOptions o;
    o.sealHasH = true;
    const arc::ChainResult r = run(mstest::arcSeal(kOriginal, m_k1, o));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(r.reasonCode, QStringLiteral("seal-fail"));
}

void TestArc::ed25519()
{
    QByteArray msg = mstest::arcSeal(kOriginal, m_ed);
    msg = mstest::arcSeal(msg, m_k2);
    const arc::ChainResult r = run(msg);
    QVERIFY2(r.status == Status::Pass, qPrintable(r.reason));
}

void TestArc::missingKey()
{
    const ArcKey unknown = ArcKey::rsa("nokey.example", "gone");
    const arc::ChainResult r = run(mstest::arcSeal(kOriginal, unknown));
    QCOMPARE(r.status, Status::Fail); // RFC 8617 5.2.1: every error is permanent
}

void TestArc::shortKey()
{
    const arc::ChainResult r = run(mstest::arcSeal(kOriginal, m_short));
    QCOMPARE(r.status, Status::Fail); // RFC 8301 3.2
}

void TestArc::hostile_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage seal") << QByteArray("ARC-Seal: garbage\r\n") << int(Status::Fail);
    QTest::newRow("empty AAR") << QByteArray("ARC-Authentication-Results:\r\n")
                               << int(Status::Fail);
    QTest::newRow("huge instance")
        << QByteArray("ARC-Seal: i=99999999999999999; cv=none\r\n") << int(Status::Fail);
    QTest::newRow("zero instance") << QByteArray("ARC-Seal: i=0; cv=none\r\n") << int(Status::Fail);
    QByteArray many;
    for (int i = 1; i <= 60; ++i)
        many
            += "ARC-Seal: i=" + QByteArray::number(i) + "; cv=pass; d=x; s=y; a=rsa-sha256; b=\r\n";
    QTest::newRow("60 seals") << many << int(Status::Fail);
}

void TestArc::hostile()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    const arc::ChainResult r = run(headers + kOriginal);
    QCOMPARE(int(r.status), status);
    QVERIFY(!r.reason.isEmpty());
}

void TestArc::checkAndDmarcOverride()
{
    // A mailing list breaks the author's DKIM signature; hop 1 (trusted) saw DMARC pass.
    SealOptions o;
    o.authservId = "lists.example.org";
    o.aarPayload = "spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; "
                   "dmarc=pass header.from=example.com";
    QByteArray msg = kOriginal;
    msg.replace("Subject: hello", "Subject: [list] hello");
    msg = mstest::arcSeal(msg, m_k1, o);
    QByteArray zone = mstest::arcZone({ m_k1 });
    zone += "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject\"\n";
    auto z = dns::ZoneResolver::fromText(zone);
    const Message m = Message::parse(msg);
    VerifyOptions opts;
    opts.trustedArcSealers = { QStringLiteral("lists.example.org") };
    CheckContext actx { m, *z, opts, QDateTime::currentDateTimeUtc(), Envelope {}, nullptr,
        nullptr };
    const CheckResult a = arc::check(actx);
    QCOMPARE(a.status, Status::Pass);
    QVERIFY(a.outcomes.arc);
    QCOMPARE(a.outcomes.arc->sealers, QStringList { QStringLiteral("lists.example.org") });

    Outcomes earlier = a.outcomes;
    SpfOutcome spf;
    spf.status = Status::Pass;
    spf.domain = QStringLiteral("lists.example.org");
    earlier.spf = spf;
    DkimSignatureOutcome dk;
    dk.status = Status::Fail;
    dk.domain = QStringLiteral("example.com");
    earlier.dkim << dk;
    CheckContext dctx { m, *z, opts, QDateTime::currentDateTimeUtc(), Envelope {}, &earlier,
        nullptr };
    const CheckResult d = dmarc::check(dctx);
    QCOMPARE(d.status, Status::Fail);
    QVERIFY(d.outcomes.dmarc->overriddenByArc);
    QCOMPARE(d.json.toObject()
                 .value(QStringLiteral("arc_override"))
                 .toObject()
                 .value(QStringLiteral("authserv_id"))
                 .toString(),
        QStringLiteral("lists.example.org"));
}

void TestArc::independentSample()
{
    // A chain sealed by another implementation (tools/gen_samples.py, cross-checked with
    // dkimpy): the project's mailing-list sample must validate, and break when touched.
    const QString dir = mstest::samplesDir() + QStringLiteral("/mailing-list/");
    const QByteArray eml = mstest::readFile(dir + QStringLiteral("mailing-list.eml"));
    if (eml.isEmpty())
        QFAIL("resources/samples/mailing-list is missing");
    QStringList errors;
    auto z = dns::ZoneResolver::fromFiles({ dir + QStringLiteral("mailing-list.zone") }, &errors);
    const Message m = Message::parse(eml);
    arc::ChainResult r = arc::validate({ m, *z, QDateTime::currentDateTimeUtc(), nullptr });
    QVERIFY2(r.status == Status::Pass, qPrintable(r.reason));
    QCOMPARE(r.hops.first().sealer, QStringLiteral("lists.example.net"));
    QVERIFY(r.hops.first().aar && r.hops.first().aar->first(u"dmarc"));
    QByteArray touched = eml;
    touched.replace("lists.example.net; dkim=pass", "lists.example.net; dkim=fail");
    QVERIFY(touched != eml);
    {
        const Message t = Message::parse(touched);
        r = arc::validate({ t, *z, QDateTime::currentDateTimeUtc(), nullptr });
        QCOMPARE(r.status, Status::Fail);
    }
}

QTEST_GUILESS_MAIN(TestArc)
#include "tst_arc.moc"
