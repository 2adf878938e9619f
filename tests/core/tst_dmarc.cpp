// DMARC: the author domain (RFC 5322 From), record parsing, RFC 9989 tree walk and RFC 7489
// PSL discovery, the alignment matrix, policy selection (p/sp/np), disposition (t=, pct=),
// the ARC override, and the check() entry point. DNS comes from zone text (ZoneResolver).
#include "common/TestUtil.h"
#include "dmarc/Author.h"
#include "dmarc/Discovery.h"
#include "dmarc/Dmarc.h"
#include "dmarc/Record.h"
#include "dns/Recorder.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ms;
using namespace ms::dmarc;

namespace {

// Every zone a test uses. Each domain family is small and says what it pins.
const char* kZone = R"(
$TTL 300
; example.com: org domain with p=reject, sp=quarantine, np=reject
example.com.              IN A   192.0.2.1
_dmarc.example.com.       IN TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:agg@example.com"
mail.example.com.         IN A   192.0.2.2
news.example.com.         IN A   192.0.2.3
; strict.example: strict alignment both ways
strict.example.           IN A   192.0.2.10
_dmarc.strict.example.    IN TXT "v=DMARC1; p=reject; adkim=s; aspf=s"
mail.strict.example.      IN A   192.0.2.11
; other.example: unrelated
other.example.            IN A   192.0.2.20
; pfx.example: no record at all
pfx.example.              IN A   192.0.2.30
; psd: a public suffix operator with psd=y; child.psdtld has no record
_dmarc.psdtld.            IN TXT "v=DMARC1; p=quarantine; psd=y"
child.psdtld.             IN A   192.0.2.40
mail.child.psdtld.        IN A   192.0.2.41
; sub.orgn.example: a subdomain that declares itself an org domain (psd=n)
orgn.example.             IN A   192.0.2.50
_dmarc.orgn.example.      IN TXT "v=DMARC1; p=none"
sub.orgn.example.         IN A   192.0.2.51
_dmarc.sub.orgn.example.  IN TXT "v=DMARC1; p=reject; psd=n"
a.sub.orgn.example.       IN A   192.0.2.52
; testing.example: t=y and pct=50
testing.example.          IN A   192.0.2.60
_dmarc.testing.example.   IN TXT "v=DMARC1; p=reject; t=y; pct=50"
; two.example: two DMARC records
two.example.              IN A   192.0.2.70
_dmarc.two.example.       IN TXT "v=DMARC1; p=reject"
_dmarc.two.example.       IN TXT "v=DMARC1; p=none"
; nop.example: no p tag, no rua / bad p with rua
_dmarc.nop.example.       IN TXT "v=DMARC1; adkim=s"
_dmarc.badp.example.      IN TXT "v=DMARC1; p=block; rua=mailto:a@badp.example"
_dmarc.badpnorua.example. IN TXT "v=DMARC1; p=block"
; spf-looking TXT beside a DMARC record at the same name
_dmarc.mixed.example.     IN TXT "v=spf1 -all"
_dmarc.mixed.example.     IN TXT "v=DMARC1; p=quarantine"
; deep: a long name under example.com for the 8-query cap
l1.l2.l3.l4.l5.l6.l7.l8.l9.example.com. IN A 192.0.2.99
; multi-label tree: records at mail.corp.example and corp.example (fewest labels wins)
_dmarc.corp.example.      IN TXT "v=DMARC1; p=reject; sp=none"
_dmarc.mail.corp.example. IN TXT "v=DMARC1; p=quarantine"
x.mail.corp.example.      IN A   192.0.2.80
; co.uk-style: a PSL public suffix where only the tree walk sees the record
_dmarc.shop.co.uk.        IN TXT "v=DMARC1; p=reject"
_dmarc.co.uk.             IN TXT "v=DMARC1; p=none; psd=y"
; servfail for the temperror case comes from a name the test asks through a broken zone
)";

std::shared_ptr<dns::ZoneResolver> zone()
{
    QStringList errors;
    auto z = dns::ZoneResolver::fromText(kZone, &errors);
    if (!errors.isEmpty())
        qWarning() << errors;
    return z;
}

Inputs inputs(const QString& spfDomain, Status spf, const QList<QPair<QString, Status>>& dkim)
{
    Inputs in;
    if (!spfDomain.isNull()) {
        SpfOutcome s;
        s.status = spf;
        s.domain = spfDomain;
        s.identity = QStringLiteral("mailfrom");
        in.spf = s;
    }
    for (const auto& [d, st] : dkim) {
        DkimSignatureOutcome o;
        o.domain = d;
        o.selector = QStringLiteral("sel");
        o.status = st;
        in.dkim << o;
    }
    return in;
}

QByteArray msg(const QByteArray& headers)
{
    return headers + "Subject: t\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\n\r\nbody\r\n";
}

} // namespace

class TestDmarc : public QObject
{
    Q_OBJECT
private slots:
    void addressList_data();
    void addressList();
    void addressTexts_data();
    void addressTexts();
    void authorDomain_data();
    void authorDomain();
    void record_data();
    void record();
    void recordSpans();
    void treeWalkNames_data();
    void treeWalkNames();
    void treeWalk_data();
    void treeWalk();
    void treeWalkQueryCap();
    void policy_data();
    void policy();
    void alignmentMatrix_data();
    void alignmentMatrix();
    void results_data();
    void results();
    void disposition();
    void otherMethodShown();
    void temperror();
    void checkEndToEnd();
    void checkNoFrom();
    void arcOverride();
};

void TestDmarc::addressList_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("addresses");
    QTest::addColumn<bool>("problems");
    QTest::newRow("RFC 5322 3.4 addr-spec")
        << QByteArray(" a@example.com") << QStringList { "a@example.com" } << false;
    QTest::newRow("RFC 5322 3.4 name-addr")
        << QByteArray(" Alice <alice@example.com>") << QStringList { "alice@example.com" } << false;
    QTest::newRow("quoted display name with angle brackets and at")
        << QByteArray(" \"Bob <bob@evil.example>\" <bob@example.com>")
        << QStringList { "bob@example.com" } << false;
    QTest::newRow("quoted display name with quoted pairs and comma")
        << QByteArray(" \"Doe, \\\"J\\\" <x@evil.example>\" <j@example.com>")
        << QStringList { "j@example.com" } << false;
    QTest::newRow("comment holding an address")
        << QByteArray(" (spoof <s@evil.example>) real@example.com (x)")
        << QStringList { "real@example.com" } << false;
    QTest::newRow("RFC 5322 3.4 several mailboxes")
        << QByteArray(" a@one.example, B <b@two.example>")
        << QStringList { "a@one.example", "b@two.example" } << false;
    QTest::newRow("RFC 5322 3.4 group")
        << QByteArray(" Team: a@example.com, b@example.com;")
        << QStringList { "a@example.com", "b@example.com" } << false;
    QTest::newRow("RFC 5322 3.4 empty group")
        << QByteArray(" undisclosed-recipients:;") << QStringList {} << false;
    QTest::newRow("quoted local part with at")
        << QByteArray(" \"a@b\"@example.com") << QStringList { "a@b@example.com" } << false;
    QTest::newRow("RFC 5322 4.4 obsolete route")
        << QByteArray(" <@relay.example:a@example.com>") << QStringList { "a@example.com" } << true;
    QTest::newRow("no domain") << QByteArray(" justaname") << QStringList { "justaname@" } << true;
    QTest::newRow("unclosed angle")
        << QByteArray(" A <a@example.com") << QStringList { "a@example.com" } << true;
    QTest::newRow("folded") << QByteArray(" Alice\r\n <alice@example.com>")
                            << QStringList { "alice@example.com" } << false;
    // RFC 5322 4.4 obs-local-part: CFWS between the dot-separated parts is not part of the
    // address (the parts are joined, not sliced from the field).
    QTest::newRow("RFC 5322 4.4 CFWS between local-part words")
        << QByteArray(" <first . last (x) @example.com>")
        << QStringList { "first.last@example.com" } << false;
}

void TestDmarc::addressList()
{
    QFETCH(QByteArray, value);
    QFETCH(QStringList, addresses);
    QFETCH(bool, problems);
    const AddressList l = parseAddressList(value, QStringLiteral("message"), 0);
    QStringList got;
    for (const Mailbox& m : l.mailboxes)
        got << m.address();
    QCOMPARE(got, addresses);
    QCOMPARE(!l.problems.isEmpty(), problems);
    for (const Mailbox& m : l.mailboxes) {
        if (!m.domain.isEmpty())
            QCOMPARE(
                QString::fromUtf8(value.mid(m.domainSpan.offset, m.domainSpan.length)), m.domain);
    }
}

// The texts of a mailbox as the parser joins them from its tokens: display name words with
// one space, quoted strings unquoted (quoted-pairs resolved, folding removed), UTF-8 kept.
void TestDmarc::addressTexts_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("localPart");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("group");
    QTest::newRow("RFC 5322 3.2.5 phrase of atoms")
        << QByteArray(" Bob  Roberts <bob.roberts@news.example.com>") << "Bob Roberts"
        << "bob.roberts"
        << "news.example.com"
        << "";
    QTest::newRow("RFC 5322 3.2.5 obsolete phrase with dots")
        << QByteArray(" J. R. Smith <jrs@example.com>") << "J . R . Smith"
        << "jrs"
        << "example.com"
        << "";
    QTest::newRow("RFC 5322 3.2.4 quoted-pairs")
        << QByteArray(" \"Doe, \\\"J\\\"\" <j@example.com>") << "Doe, \"J\""
        << "j"
        << "example.com"
        << "";
    QTest::newRow("RFC 5322 3.2.4 folded quoted string")
        << QByteArray(" \"Bob\r\n Roberts\" <b@example.com>") << "Bob Roberts"
        << "b"
        << "example.com"
        << "";
    QTest::newRow("quoted string then atom")
        << QByteArray(" \"Bob\" Roberts <b@example.com>") << "Bob Roberts"
        << "b"
        << "example.com"
        << "";
    QTest::newRow("RFC 6532 3.2 UTF-8 display name")
        << QByteArray(" J\xc3\xbcrgen \"M\xc3\xbcller\" <j@example.com>")
        << QString::fromUtf8("J\xc3\xbcrgen M\xc3\xbcller") << "j"
        << "example.com"
        << "";
    QTest::newRow("empty quoted display name") << QByteArray(" \"\" <a@example.com>") << ""
                                               << "a"
                                               << "example.com"
                                               << "";
    QTest::newRow("RFC 5322 3.4.1 quoted local part")
        << QByteArray(" \"a b\\\\c\"@example.com") << ""
        << "a b\\c"
        << "example.com"
        << "";
    QTest::newRow("RFC 5322 3.4.1 dot-atom local part and domain")
        << QByteArray(" first.last@mail.example.org") << ""
        << "first.last"
        << "mail.example.org"
        << "";
    QTest::newRow("RFC 5322 3.4.1 domain literal") << QByteArray(" a@[192.0.2.1]") << ""
                                                   << "a"
                                                   << "[192.0.2.1]"
                                                   << "";
    QTest::newRow("RFC 5322 3.4 group name") << QByteArray(" The \"A\" Team: x@example.com;") << ""
                                             << "x"
                                             << "example.com"
                                             << "The A Team";
}

void TestDmarc::addressTexts()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, displayName);
    QFETCH(QString, localPart);
    QFETCH(QString, domain);
    QFETCH(QString, group);
    const AddressList l = parseAddressList(value, QStringLiteral("message"), 0);
    QCOMPARE(l.mailboxes.size(), 1);
    const Mailbox& m = l.mailboxes.first();
    QCOMPARE(m.displayName, displayName);
    QCOMPARE(m.localPart, localPart);
    QCOMPARE(m.domain, domain);
    QCOMPARE(m.group, group);
}

void TestDmarc::authorDomain_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("domain");
    using P = AuthorDomain::Problem;
    QTest::newRow("RFC 9989 5.3.1 one From one address")
        << QByteArray("From: Alice <alice@Example.COM>\r\n") << int(P::None) << "example.com";
    QTest::newRow("RFC 5322 3.6 no From")
        << QByteArray("To: x@example.com\r\n") << int(P::NoFromField) << QString();
    QTest::newRow("RFC 5322 3.6 two From fields")
        << QByteArray("From: a@example.com\r\nFrom: b@example.com\r\n") << int(P::SeveralFromFields)
        << QString();
    QTest::newRow("RFC 9989 5.3.1 two addresses same domain")
        << QByteArray("From: a@example.com, b@EXAMPLE.com\r\n") << int(P::None) << "example.com";
    QTest::newRow("RFC 9989 5.3.1 two addresses two domains")
        << QByteArray("From: a@example.com, b@other.example\r\n") << int(P::SeveralDomains)
        << QString();
    QTest::newRow("group with one member")
        << QByteArray("From: Team: a@example.com;\r\n") << int(P::None) << "example.com";
    QTest::newRow("empty group") << QByteArray("From: undisclosed-recipients:;\r\n")
                                 << int(P::NoAddress) << QString();
    QTest::newRow("display name spoof in quotes")
        << QByteArray("From: \"ceo@bank.example\" <x@evil.example>\r\n") << int(P::None)
        << "evil.example";
    QTest::newRow("address literal")
        << QByteArray("From: a@[192.0.2.1]\r\n") << int(P::NoDomain) << QString();
    QTest::newRow("no at") << QByteArray("From: nobody\r\n") << int(P::NoDomain) << QString();
    QTest::newRow("RFC 5890 2.3 U-label") << QByteArray("From: a@b\xc3\xbc"
                                                        "cher.example\r\n")
                                          << int(P::None) << "xn--bcher-kva.example";
    QTest::newRow("trailing dot") << QByteArray("From: a@example.com.\r\n") << int(P::None)
                                  << "example.com";
}

void TestDmarc::authorDomain()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, problem);
    QFETCH(QString, domain);
    const Message m = Message::parse(msg(headers));
    const AuthorDomain a = dmarc::authorDomain(m);
    QCOMPARE(int(a.problem), problem);
    QCOMPARE(a.domain, domain);
    QVERIFY(!a.step.title.isEmpty());
    if (problem != int(AuthorDomain::Problem::None))
        QCOMPARE(a.step.status, Status::PermError);
}

void TestDmarc::record_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isDmarc");
    QTest::addColumn<QString>("summary");
    QTest::newRow("RFC 9989 4.7 minimal") << QByteArray("v=DMARC1; p=reject") << true
                                          << "p=reject sp=- np=- adkim=r aspf=r t=n psd=u";
    QTest::newRow("RFC 9989 4.7 every tag")
        << QByteArray(
               "v=DMARC1;p=quarantine;sp=none;np=reject;adkim=s;aspf=s;t=y;psd=n;"
               "rua=mailto:a@example.com,mailto:b@example.com!10m;ruf=mailto:f@example.com;fo=1:d")
        << true << "p=quarantine sp=none np=reject adkim=s aspf=s t=y psd=n rua=2 ruf=1 fo=1:d";
    QTest::newRow("RFC 9989 4.7 v not first") << QByteArray("p=reject; v=DMARC1") << false << "";
    QTest::newRow("RFC 9989 4.7 v case-sensitive")
        << QByteArray("v=dmarc1; p=reject") << false << "";
    QTest::newRow("RFC 9989 4.8 spaces around equals") << QByteArray(
        "v = DMARC1 ;  p = none ; ") << true << "p=none sp=- np=- adkim=r aspf=r t=n psd=u";
    QTest::newRow("RFC 9989 4.8 DMARC10 is not DMARC1")
        << QByteArray("v=DMARC10; p=none") << false << "";
    QTest::newRow("RFC 9989 4.7 invalid adkim falls back to r") << QByteArray(
        "v=DMARC1; p=none; adkim=x") << true << "p=none sp=- np=- adkim=r aspf=r t=n psd=u !adkim";
    QTest::newRow("RFC 9989 4.7 unknown tag ignored") << QByteArray(
        "v=DMARC1; p=none; foo=bar") << true << "p=none sp=- np=- adkim=r aspf=r t=n psd=u ?foo";
    QTest::newRow("RFC 9989 4.7 pct is not RFC 9989") << QByteArray(
        "v=DMARC1; p=none; pct=20") << true << "p=none sp=- np=- adkim=r aspf=r t=n psd=u ?pct";
    QTest::newRow("invalid p") << QByteArray("v=DMARC1; p=block") << true
                               << "p=- sp=- np=- adkim=r aspf=r t=n psd=u !p";
    QTest::newRow("bad rua uri") << QByteArray("v=DMARC1; p=none; rua=not a uri") << true
                                 << "p=none sp=- np=- adkim=r aspf=r t=n psd=u !rua";
    QTest::newRow("bad fo") << QByteArray("v=DMARC1; p=none; fo=0:1") << true
                            << "p=none sp=- np=- adkim=r aspf=r t=n psd=u !fo";
    QTest::newRow("duplicate tag") << QByteArray("v=DMARC1; p=none; p=reject") << true
                                   << "p=none sp=- np=- adkim=r aspf=r t=n psd=u !p";
    QTest::newRow("garbage item") << QByteArray("v=DMARC1; p=none; ;;; junk") << true
                                  << "p=none sp=- np=- adkim=r aspf=r t=n psd=u !junk";
}

void TestDmarc::record()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, isDmarc);
    QFETCH(QString, summary);
    const Record r = parseRecord(text, Spec::Rfc9989);
    QCOMPARE(r.isDmarc, isDmarc);
    if (!isDmarc)
        return;
    auto pol
        = [](const std::optional<Policy>& p) { return p ? policyName(*p) : QStringLiteral("-"); };
    QString s = QStringLiteral("p=%1 sp=%2 np=%3 adkim=%4 aspf=%5 t=%6 psd=%7")
                    .arg(pol(r.p), pol(r.sp), pol(r.np), r.adkimStrict ? "s" : "r",
                        r.aspfStrict ? "s" : "r", r.testing ? "y" : "n")
                    .arg(r.psd);
    if (!r.rua.isEmpty())
        s += QStringLiteral(" rua=%1").arg(r.rua.size());
    if (!r.ruf.isEmpty())
        s += QStringLiteral(" ruf=%1").arg(r.ruf.size());
    if (r.fo != u"0")
        s += QStringLiteral(" fo=") + r.fo;
    for (const Tag& t : r.tags) {
        if (!t.valid || t.duplicate)
            s += QStringLiteral(" !") + t.name;
        else if (!t.known)
            s += QStringLiteral(" ?") + t.name;
    }
    QCOMPARE(s, summary);
}

void TestDmarc::recordSpans()
{
    // Each tag is a step with its span in the record source and in the DNS answer source.
    auto z = zone();
    auto rec = std::make_shared<dns::Recorder>(z);
    Lookups l(*rec);
    const PolicyQuery q = queryPolicy(l, QStringLiteral("example.com"), Spec::Rfc9989);
    QVERIFY(q.record);
    QCOMPARE(l.sources().size(), 1);
    const QByteArray src = l.sources().first().bytes;
    const Step* r = mstest::findStep(q.step, QStringLiteral("dmarc.record"));
    QVERIFY(r);
    QCOMPARE(int(r->children.size()), 5);
    const Step& p = r->children[1];
    QCOMPARE(p.title, QStringLiteral("p=reject"));
    QCOMPARE(p.spans.size(), 2);
    QCOMPARE(src.mid(p.spans[0].offset, p.spans[0].length), QByteArray("p=reject"));
    const Source dnsSrc = dns::answerSource(rec->transcript().first());
    QCOMPARE(p.spans[1].source, dnsSrc.id);
    QCOMPARE(dnsSrc.bytes.mid(p.spans[1].offset, p.spans[1].length), QByteArray("p=reject"));
}

void TestDmarc::treeWalkNames_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("RFC 9989 4.10 one label") << "com" << QStringList { "com" };
    QTest::newRow("RFC 9989 4.10 four labels")
        << "a.mail.example.com"
        << QStringList { "a.mail.example.com", "mail.example.com", "example.com", "com" };
    QTest::newRow("RFC 9989 4.10 example with 13 labels")
        << "a.b.c.d.e.f.g.h.i.j.mail.example.com"
        << QStringList { "a.b.c.d.e.f.g.h.i.j.mail.example.com", "g.h.i.j.mail.example.com",
               "h.i.j.mail.example.com", "i.j.mail.example.com", "j.mail.example.com",
               "mail.example.com", "example.com", "com" };
    QTest::newRow("RFC 9989 4.10 exactly 8 labels")
        << "a.b.c.d.e.f.g.h"
        << QStringList { "a.b.c.d.e.f.g.h", "b.c.d.e.f.g.h", "c.d.e.f.g.h", "d.e.f.g.h", "e.f.g.h",
               "f.g.h", "g.h", "h" };
    QTest::newRow("RFC 9989 4.10 7 labels") << "b.c.d.e.f.g.h"
                                            << QStringList { "b.c.d.e.f.g.h", "c.d.e.f.g.h",
                                                   "d.e.f.g.h", "e.f.g.h", "f.g.h", "g.h", "h" };
}

void TestDmarc::treeWalkNames()
{
    QFETCH(QString, start);
    QFETCH(QStringList, names);
    QCOMPARE(dmarc::treeWalkNames(start), names);
    QVERIFY(names.size() <= 8);
}

void TestDmarc::treeWalk_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("org");
    QTest::addColumn<int>("queries");
    QTest::newRow("RFC 9989 4.10.2 rule 3 org itself") << "example.com"
                                                       << "example.com" << 2;
    QTest::newRow("RFC 9989 4.10.2 rule 3 subdomain") << "mail.example.com"
                                                      << "example.com" << 3;
    QTest::newRow("RFC 9989 4.10.2 fewest labels wins") << "x.mail.corp.example"
                                                        << "corp.example" << 4;
    QTest::newRow("RFC 9989 4.10.2 rule 1 psd=n stops") << "a.sub.orgn.example"
                                                        << "sub.orgn.example" << 2;
    QTest::newRow("RFC 9989 4.10.2 rule 2 psd=y") << "mail.child.psdtld"
                                                  << "child.psdtld" << 3;
    QTest::newRow("RFC 9989 4.10.2 psd=y at start does not count") << "psdtld"
                                                                   << "psdtld" << 1;
    QTest::newRow("RFC 9989 4.10.2 no record: start is its own") << "www.pfx.example"
                                                                 << "www.pfx.example" << 3;
}

void TestDmarc::treeWalk()
{
    QFETCH(QString, start);
    QFETCH(QString, org);
    QFETCH(int, queries);
    auto z = zone();
    Lookups l(*z);
    const TreeWalk w = dmarc::treeWalk(l, start);
    QCOMPARE(w.orgDomain, org);
    QCOMPARE(int(w.queries.size()), queries);
    QVERIFY(!w.orgRule.isEmpty());
}

void TestDmarc::treeWalkQueryCap()
{
    // 11 labels: the walk asks at most 8 names, and still finds example.com.
    auto z = zone();
    auto rec = std::make_shared<dns::Recorder>(z);
    Lookups l(*rec);
    const TreeWalk w = dmarc::treeWalk(l, QStringLiteral("l1.l2.l3.l4.l5.l6.l7.l8.l9.example.com"));
    QCOMPARE(int(w.queries.size()), 8);
    QCOMPARE(rec->transcript().size(), 8);
    QCOMPARE(w.queries[1].domain, QStringLiteral("l5.l6.l7.l8.l9.example.com"));
    QCOMPARE(w.orgDomain, QStringLiteral("example.com"));
    const Discovery d = discover(
        l, QStringLiteral("l1.l2.l3.l4.l5.l6.l7.l8.l9.example.com"), Discovery::Method::TreeWalk);
    QCOMPARE(d.policyDomain, QStringLiteral("example.com"));
    QCOMPARE(rec->transcript().size(), 8); // cached: no second walk
}

void TestDmarc::policy_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("policyDomain");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("policy");
    const int tw = int(Discovery::Method::TreeWalk), psl = int(Discovery::Method::Psl);
    QTest::newRow("RFC 9989 4.10.1 author record p") << "example.com" << tw << "example.com"
                                                     << "p"
                                                     << "reject";
    QTest::newRow("RFC 9989 4.10.1 existing subdomain sp")
        << "mail.example.com" << tw << "example.com"
        << "sp"
        << "quarantine";
    QTest::newRow("RFC 9989 4.10.1 non-existent subdomain np")
        << "nope.example.com" << tw << "example.com"
        << "np"
        << "reject";
    QTest::newRow("RFC 7489 6.6.3 non-existent subdomain sp (np unknown)")
        << "nope.example.com" << psl << "example.com"
        << "sp"
        << "quarantine";
    QTest::newRow("RFC 9989 4.10.1 PSD policy") << "mail.child.psdtld" << tw << "psdtld"
                                                << "p"
                                                << "quarantine";
    QTest::newRow("RFC 7489 PSL has no psdtld record") << "mail.child.psdtld" << psl << ""
                                                       << ""
                                                       << "";
    QTest::newRow("RFC 9989 4.10.1 org record's sp, not the nearer record")
        << "x.mail.corp.example" << tw << "corp.example"
        << "sp"
        << "none";
    QTest::newRow("RFC 9989 4.10.1 psd=n own record")
        << "sub.orgn.example" << tw << "sub.orgn.example"
        << "p"
        << "reject";
    QTest::newRow("RFC 9989 4.10.1 below psd=n") << "a.sub.orgn.example" << tw << "sub.orgn.example"
                                                 << "p"
                                                 << "reject";
    QTest::newRow("RFC 7489 below psd=n goes to PSL org")
        << "a.sub.orgn.example" << psl << "orgn.example"
        << "p"
        << "none";
    QTest::newRow("RFC 9989 4.10 two records discarded") << "two.example" << tw << ""
                                                         << ""
                                                         << "";
    QTest::newRow("RFC 7489 6.6.3 two records end discovery") << "two.example" << psl << ""
                                                              << ""
                                                              << "";
    QTest::newRow("RFC 9989 4.7 no p means none") << "nop.example" << tw << "nop.example"
                                                  << "p"
                                                  << "none";
    QTest::newRow("RFC 7489 6.6.3 no p and no rua ignored") << "nop.example" << psl << "nop.example"
                                                            << ""
                                                            << "";
    QTest::newRow("RFC 9989 4.10.1 bad p with rua acts as none")
        << "badp.example" << tw << "badp.example"
        << "p"
        << "none";
    QTest::newRow("RFC 9989 4.10.1 bad p without rua ignored")
        << "badpnorua.example" << tw << "badpnorua.example"
        << ""
        << "";
    QTest::newRow("non-DMARC TXT beside the record") << "mixed.example" << tw << "mixed.example"
                                                     << "p"
                                                     << "quarantine";
    QTest::newRow("RFC 9989 no record anywhere") << "pfx.example" << tw << ""
                                                 << ""
                                                 << "";
    QTest::newRow("RFC 9989 4.10.2 rule 2 under a psd=y suffix")
        << "www.shop.co.uk" << tw << "shop.co.uk"
        << "p"
        << "reject";
}

void TestDmarc::policy()
{
    QFETCH(QString, author);
    QFETCH(int, method);
    QFETCH(QString, policyDomain);
    QFETCH(QString, tag);
    QFETCH(QString, policy);
    auto z = zone();
    // An identifier that fails: the policy is what would apply.
    const Evaluation e = evaluate(author, inputs(QStringLiteral("other.example"), Status::Pass, {}),
        *z, Discovery::Method(method));
    QCOMPARE(e.discovery.policyDomain, policyDomain);
    QCOMPARE(e.policyTag, tag);
    QCOMPARE(e.policy ? policyName(*e.policy) : QString(), policy);
    QCOMPARE(e.result, policy.isEmpty() ? Status::None : Status::Fail);
}

void TestDmarc::alignmentMatrix_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("identifier"); // spf or dkim
    QTest::addColumn<QString>("domain");
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("aligned");
    const int tw = int(Discovery::Method::TreeWalk), psl = int(Discovery::Method::Psl);
    // example.com is relaxed (adkim/aspf default r); strict.example is strict.
    for (const QString& id : { QStringLiteral("spf"), QStringLiteral("dkim") }) {
        for (const int m : { tw, psl }) {
            const QString ms = m == tw ? QStringLiteral("treewalk") : QStringLiteral("psl");
            auto row = [&](const char* name, const char* author, const char* dom, bool al) {
                QTest::addRow("%s %s %s", qPrintable(id), qPrintable(ms), name)
                    << QString::fromLatin1(author) << id << QString::fromLatin1(dom) << m << al;
            };
            row("relaxed same", "example.com", "example.com", true);
            row("relaxed identifier is subdomain", "example.com", "mail.example.com", true);
            row("relaxed author is subdomain", "news.example.com", "example.com", true);
            row("relaxed sibling subdomains", "news.example.com", "mail.example.com", true);
            row("relaxed unrelated", "example.com", "other.example", false);
            row("relaxed lookalike suffix", "example.com", "notexample.com", false);
            row("strict same", "strict.example", "strict.example", true);
            row("strict subdomain never falls back", "strict.example", "mail.strict.example",
                false);
            row("strict unrelated", "strict.example", "other.example", false);
        }
    }
}

void TestDmarc::alignmentMatrix()
{
    QFETCH(QString, author);
    QFETCH(QString, identifier);
    QFETCH(QString, domain);
    QFETCH(int, method);
    QFETCH(bool, aligned);
    auto z = zone();
    const Inputs in = identifier == u"spf"
        ? inputs(domain, Status::Pass, {})
        : inputs(QStringLiteral("other.example"), Status::Fail, { { domain, Status::Pass } });
    const Evaluation e = evaluate(author, in, *z, Discovery::Method(method));
    const AlignmentRow* row = nullptr;
    for (const AlignmentRow& r : e.alignment) {
        if (r.identifier == identifier)
            row = &r;
    }
    QVERIFY(row);
    QCOMPARE(row->aligned, aligned);
    QCOMPARE(row->counts, aligned);
    QVERIFY(!row->reason.isEmpty());
    QCOMPARE(e.result, aligned ? Status::Pass : Status::Fail);
    if (author == u"strict.example" && domain.startsWith(u"mail."))
        QVERIFY2(row->reason.contains(u"strict"), qPrintable(row->reason));
}

void TestDmarc::results_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("spfDomain");
    QTest::addColumn<int>("spf");
    QTest::addColumn<QString>("dkimDomain");
    QTest::addColumn<int>("dkim");
    QTest::addColumn<int>("result");
    QTest::newRow("RFC 9989 5.3.5 dkim aligned pass")
        << "example.com"
        << "other.example" << int(Status::Pass) << "example.com" << int(Status::Pass)
        << int(Status::Pass);
    QTest::newRow("RFC 9989 5.3.5 spf aligned pass, dkim fail")
        << "example.com"
        << "mail.example.com" << int(Status::Pass) << "example.com" << int(Status::Fail)
        << int(Status::Pass);
    QTest::newRow("RFC 9989 5.3.5 aligned but failing is fail")
        << "example.com"
        << "example.com" << int(Status::SoftFail) << "example.com" << int(Status::Fail)
        << int(Status::Fail);
    QTest::newRow("RFC 9989 5.3.5 passing but unaligned is fail")
        << "example.com"
        << "other.example" << int(Status::Pass) << "other.example" << int(Status::Pass)
        << int(Status::Fail);
    QTest::newRow("RFC 9989 5.3.2 no policy is none")
        << "pfx.example"
        << "pfx.example" << int(Status::Pass) << QString() << 0 << int(Status::None);
}

void TestDmarc::results()
{
    QFETCH(QString, author);
    QFETCH(QString, spfDomain);
    QFETCH(int, spf);
    QFETCH(QString, dkimDomain);
    QFETCH(int, dkim);
    QFETCH(int, result);
    auto z = zone();
    QList<QPair<QString, Status>> sigs;
    if (!dkimDomain.isEmpty())
        sigs << qMakePair(dkimDomain, Status(dkim));
    const Evaluation e
        = evaluate(author, inputs(spfDomain, Status(spf), sigs), *z, Discovery::Method::TreeWalk);
    QCOMPARE(e.result, Status(result));
    QCOMPARE(e.step.status, Status(result));
    QCOMPARE(e.json.value(QStringLiteral("result")).toString(), statusName(Status(result)));
}

void TestDmarc::disposition()
{
    auto z = zone();
    const Inputs fail = inputs(QStringLiteral("other.example"), Status::Pass, {});
    // RFC 9989 4.7 t=y: reject becomes quarantine; pct is not RFC 9989.
    Evaluation e
        = evaluate(QStringLiteral("testing.example"), fail, *z, Discovery::Method::TreeWalk);
    QCOMPARE(e.result, Status::Fail);
    QCOMPARE(*e.policy, Policy::Reject);
    QCOMPARE(e.disposition, Policy::Quarantine);
    const Step* d = mstest::findStep(e.step, QStringLiteral("dmarc.disposition"));
    QVERIFY(d && d->detail.contains(u"t=y") && d->detail.contains(u"pct=50"));
    // RFC 7489 6.6.4: pct=50 sampling explained; t= ignored.
    e = evaluate(QStringLiteral("testing.example"), fail, *z, Discovery::Method::Psl);
    QCOMPARE(e.disposition, Policy::Reject);
    d = mstest::findStep(e.step, QStringLiteral("dmarc.disposition"));
    QVERIFY(d && d->detail.contains(u"50%"));
    QCOMPARE(e.json.value(QStringLiteral("pct")).toInt(), 50);
    // Pass: deliver.
    e = evaluate(QStringLiteral("example.com"),
        inputs(QStringLiteral("example.com"), Status::Pass, {}), *z, Discovery::Method::TreeWalk);
    QCOMPARE(e.disposition, Policy::None);
    QCOMPARE(e.json.value(QStringLiteral("disposition")).toString(), QStringLiteral("none"));
}

void TestDmarc::otherMethodShown()
{
    auto z = zone();
    const Inputs fail = inputs(QStringLiteral("other.example"), Status::Pass, {});
    // psd=n splits sub.orgn.example from orgn.example only for the tree walk.
    Evaluation e
        = evaluate(QStringLiteral("a.sub.orgn.example"), fail, *z, Discovery::Method::TreeWalk);
    QVERIFY(e.differs);
    QVERIFY(e.other);
    QCOMPARE(e.other->policyDomain, QStringLiteral("orgn.example"));
    QVERIFY(mstest::findStep(e.step, QStringLiteral("dmarc.other-method")));
    const QJsonObject disc = e.json.value(QStringLiteral("discovery")).toObject();
    QCOMPARE(disc.value(QStringLiteral("method")).toString(), QStringLiteral("tree-walk"));
    QCOMPARE(disc.value(QStringLiteral("other"))
                 .toObject()
                 .value(QStringLiteral("policy_domain"))
                 .toString(),
        QStringLiteral("orgn.example"));
    // Where both agree nothing extra is shown.
    e = evaluate(QStringLiteral("example.com"), fail, *z, Discovery::Method::TreeWalk);
    QVERIFY(!e.differs);
    QVERIFY(!mstest::findStep(e.step, QStringLiteral("dmarc.other-method")));
}

void TestDmarc::temperror()
{
    // A resolver that times out on every _dmarc query: the result is temperror.
    class Failing : public dns::Resolver
    {
    public:
        dns::Answer resolve(const QByteArray& name, dns::Type type) override
        {
            dns::Answer a;
            a.qname = name;
            a.qtype = type;
            a.outcome = dns::Outcome::Timeout;
            return a;
        }
        QString describe() const override { return QStringLiteral("timeouts"); }
    } failing;
    const Evaluation e = evaluate(QStringLiteral("example.com"),
        inputs(QStringLiteral("example.com"), Status::Pass, {}), failing,
        Discovery::Method::TreeWalk);
    QCOMPARE(e.result, Status::TempError);
}

void TestDmarc::checkEndToEnd()
{
    auto z = zone();
    const Message m = Message::parse(msg("From: \"Alice\" <alice@mail.example.com>\r\n"));
    VerifyOptions opts;
    Outcomes earlier;
    SpfOutcome spf;
    spf.status = Status::Pass;
    spf.domain = QStringLiteral("bounce.other.example");
    earlier.spf = spf;
    DkimSignatureOutcome sig;
    sig.status = Status::Pass;
    sig.domain = QStringLiteral("example.com");
    sig.selector = QStringLiteral("s1");
    earlier.dkim << sig;
    CheckContext ctx { m, *z, opts, QDateTime::currentDateTimeUtc(), Envelope {}, &earlier,
        nullptr };
    const CheckResult r = dmarc::check(ctx);
    QCOMPARE(r.status, Status::Pass);
    QVERIFY(r.outcomes.dmarc);
    QCOMPARE(r.outcomes.dmarc->fromDomain, QStringLiteral("mail.example.com"));
    QCOMPARE(r.outcomes.dmarc->policyDomain, QStringLiteral("example.com"));
    QCOMPARE(r.outcomes.dmarc->policy, QStringLiteral("quarantine"));
    const QJsonObject j = r.json.toObject();
    for (const char* k : { "result", "policy", "disposition", "alignment", "discovery" })
        QVERIFY2(j.contains(QLatin1String(k)), k);
    const QJsonArray rows = j.value(QStringLiteral("alignment")).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toObject().value(QStringLiteral("aligned")).toBool(), false);
    QCOMPARE(rows[1].toObject().value(QStringLiteral("aligned")).toBool(), true);
    QCOMPARE(r.step.children.front().kind, QStringLiteral("dmarc.from"));
    QVERIFY(!r.sources.isEmpty());
    QVERIFY(r.sources.first().id.startsWith(u"dmarc/"));
}

void TestDmarc::checkNoFrom()
{
    auto z = zone();
    const Message m = Message::parse(msg("From: a@example.com\r\nFrom: b@example.com\r\n"));
    VerifyOptions opts;
    CheckContext ctx { m, *z, opts, QDateTime::currentDateTimeUtc(), Envelope {}, nullptr,
        nullptr };
    const CheckResult r = dmarc::check(ctx);
    QCOMPARE(r.status, Status::PermError);
    QCOMPARE(
        r.json.toObject().value(QStringLiteral("result")).toString(), QStringLiteral("permerror"));
}

void TestDmarc::arcOverride()
{
    auto z = zone();
    const Message m = Message::parse(msg(
        "ARC-Authentication-Results: i=2; mx.final.example; arc=pass; dmarc=fail\r\n"
        "ARC-Authentication-Results: i=1; lists.example.org; spf=pass smtp.mailfrom=example.com;"
        " dkim=pass header.d=example.com; dmarc=pass header.from=example.com\r\n"
        "From: alice@example.com\r\n"));
    VerifyOptions opts;
    opts.trustedArcSealers = { QStringLiteral("lists.example.org") };
    Outcomes earlier;
    SpfOutcome spf;
    spf.status = Status::Pass;
    spf.domain = QStringLiteral("lists.example.org");
    earlier.spf = spf;
    ArcOutcome arc;
    arc.status = Status::Pass;
    arc.instances = 2;
    arc.sealers = { QStringLiteral("lists.example.org"), QStringLiteral("final.example") };
    earlier.arc = arc;
    CheckContext ctx { m, *z, opts, QDateTime::currentDateTimeUtc(), Envelope {}, &earlier,
        nullptr };
    CheckResult r = dmarc::check(ctx);
    QCOMPARE(r.status, Status::Fail); // the DMARC result itself stays fail
    QVERIFY(r.outcomes.dmarc->overriddenByArc);
    QCOMPARE(r.outcomes.dmarc->disposition, QStringLiteral("reject"));
    const QJsonObject o = r.json.toObject().value(QStringLiteral("arc_override")).toObject();
    QCOMPARE(o.value(QStringLiteral("instance")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("aar_dmarc")).toString(), QStringLiteral("pass"));
    const Step* s = mstest::findStep(r.step, QStringLiteral("dmarc.arc-override"));
    QVERIFY(s && s->status == Status::Pass);
    QVERIFY(mstest::findStep(*s, QStringLiteral("authres.field")));

    // Not trusted: no override.
    opts.trustedArcSealers = { QStringLiteral("someone.else") };
    r = dmarc::check(ctx);
    QVERIFY(!r.outcomes.dmarc->overriddenByArc);
    // Chain failed: no override.
    opts.trustedArcSealers = { QStringLiteral("lists.example.org") };
    earlier.arc->status = Status::Fail;
    r = dmarc::check(ctx);
    QVERIFY(!r.outcomes.dmarc->overriddenByArc);
}

QTEST_GUILESS_MAIN(TestDmarc)
#include "tst_dmarc.moc"
