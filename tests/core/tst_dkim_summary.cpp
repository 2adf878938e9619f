// Summary-only DKIM (VerifyOptions::summaryOnly, what batch JSON lines and CSV use) must give
// exactly what a full run gives: every signature's result, reason, finding, JSON and
// outcome, the check's status and summary, and the signature step's own title, status,
// detail and facts. Only the explanatory sub-steps and sources may be missing. Every message
// at hand goes through both: the bundled samples and golden cases with their zones, the RFC
// examples (conformance data), and generated cases for each failure the check explains.
// Also pinned here: the fast paths behind it (one-pass base64, in-place header
// canonicalization, header selection without an index) against plain reference versions,
// and the key cache's bounds.
#include "common/DkimSigner.h"
#include "common/TestKeys.h"
#include "common/TestUtil.h"
#include "crypto/Base64.h"
#include "crypto/Digest.h"
#include "crypto/Ed25519.h"
#include "crypto/Keys.h"
#include "dkim/Canon.h"
#include "dkim/Dkim.h"
#include "dkim/KeyRecord.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/Checks.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <thread>

using namespace ms;
using namespace mstest;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

QByteArray compact(const QJsonValue& v)
{
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return QByteArray("<") + QByteArray::number(int(v.type())) + '>';
}

QString factsText(const Step& s)
{
    QStringList out;
    for (const Fact& f : s.facts)
        out << f.key + QLatin1Char('=') + f.value;
    return out.join(QLatin1Char('|'));
}

QString outcomeText(const DkimSignatureOutcome& o)
{
    return QStringList { statusName(o.status), o.domain, o.selector, o.algorithm, o.identity,
        o.reason, o.finding, o.testing ? QStringLiteral("testing") : QString() }
        .join(QLatin1Char('|'));
}

// The plain versions the fast paths replaced: what they must keep giving.
crypto::Base64Result referenceBase64(QByteArrayView text)
{
    crypto::Base64Result r;
    QByteArray s;
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            s.append(c);
    }
    qsizetype pad = 0;
    for (char c : s) {
        const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (c == '=') {
            ++pad;
            continue;
        }
        if (!alpha || pad > 0)
            return r;
    }
    if (pad > 2 || (s.size() % 4 != 0 && pad > 0) || (s.size() % 4 == 1))
        return r;
    auto decoded = QByteArray::fromBase64Encoding(s, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return r;
    r.bytes = *decoded;
    r.ok = true;
    return r;
}

QByteArray referenceRelaxed(QByteArrayView rawField)
{
    QByteArrayView f = rawField;
    if (f.endsWith("\r\n"))
        f.chop(2);
    const qsizetype colon = f.indexOf(':');
    QByteArray name = (colon < 0 ? f : f.first(colon)).toByteArray();
    while (!name.isEmpty() && (name.back() == ' ' || name.back() == '\t'))
        name.chop(1);
    QByteArray out = name.toLower() + ':';
    const QByteArray value = colon < 0 ? QByteArray() : f.sliced(colon + 1).toByteArray();
    bool inWsp = false, started = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t') {
            inWsp = true;
            continue;
        }
        if (inWsp && started)
            out.append(' ');
        inWsp = false;
        started = true;
        out.append(c);
    }
    return out + "\r\n";
}

QList<dkim::SelectedHeader> referenceSelect(
    const QList<HeaderField>& headers, const QList<QByteArray>& names, int exclude)
{
    QHash<QByteArray, QList<int>> byName;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (int(i) != exclude)
            byName[headers[i].name.toByteArray().toLower()].append(int(i));
    }
    QList<dkim::SelectedHeader> out;
    for (const QByteArray& n : names) {
        dkim::SelectedHeader s;
        s.name = n;
        auto it = byName.find(n.toLower());
        if (it != byName.end() && !it->isEmpty())
            s.fieldIndex = it->takeLast();
        out.append(s);
    }
    return out;
}

struct Case {
    QByteArray message;
    dns::ResolverPtr resolver;
    QDateTime time;
};

} // namespace

class TestDkimSummary : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fullAndSummaryAgree_data();
    void fullAndSummaryAgree();
    void verifyAllSummaryFields();
    void base64FastPath_data();
    void base64FastPath();
    void headerCanonicalization();
    void headerSelection();
    void keyCacheIsBoundedLru();
    void rsaVerifyContextsReused();

private:
    std::shared_ptr<dns::ZoneResolver> m_zone;
    QHash<QString, Case> m_cases;
    void add(const QString& name, const QByteArray& message, dns::ResolverPtr resolver,
        const QDateTime& time = kNow)
    {
        m_cases.insert(name, { message, std::move(resolver), time });
        QTest::newRow(qPrintable(name)) << name;
    }
};

void TestDkimSummary::initTestCase()
{
    const QByteArray rsa = dkimKeyRecord(rsaKey(2048));
    auto records = dkimTestKeyRecords();
    records += {
        { "two._domainkey.example.com", "v=DKIM1; p=" },
        { "two._domainkey.example.com", rsa },
        { "notxt._domainkey.example.com", "" },
    };
    m_zone = dkimZone(records);
}

void TestDkimSummary::fullAndSummaryAgree_data()
{
    QTest::addColumn<QString>("name");
    m_cases.clear();

    // The bundled scenarios and the golden cases, with their zones and times.
    const QDir samples(samplesDir());
    for (const QString& s : samples.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString base = samples.filePath(s) + QLatin1Char('/') + s;
        QStringList errors;
        auto zone = dns::ZoneResolver::fromFiles({ base + QStringLiteral(".zone") }, &errors);
        const QJsonObject j
            = QJsonDocument::fromJson(readFile(base + QStringLiteral(".json"))).object();
        QDateTime t = QDateTime::fromString(j.value(QLatin1String("time")).toString(), Qt::ISODate);
        add(QStringLiteral("sample/") + s, readFile(base + QStringLiteral(".eml")), zone,
            t.isValid() ? t.toUTC() : kNow);
    }
    const QString golden = testDataDir() + QStringLiteral("/golden");
    for (const QString& c :
        QDir(golden).entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name)) {
        const QString base = golden + QLatin1Char('/') + QFileInfo(c).completeBaseName();
        dns::ResolverPtr zone = std::make_shared<dns::ZoneResolver>();
        if (QFileInfo::exists(base + QStringLiteral(".zone"))) {
            QStringList errors;
            zone = dns::ZoneResolver::fromFiles({ base + QStringLiteral(".zone") }, &errors);
        }
        add(QStringLiteral("golden/") + c, readFile(base + QStringLiteral(".eml")), zone,
            QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC));
    }

    // The RFC examples, when the conformance data is there.
    const QString conf = conformanceDir();
    if (!conf.isEmpty() && QFileInfo::exists(conf + QStringLiteral("/dkim-rfc/dns.tsv"))) {
        const auto zone
            = dkimZone(parseDnsTsv(readFile(conf + QStringLiteral("/dkim-rfc/dns.tsv"))));
        for (const QString& f :
            QDir(conf + QStringLiteral("/dkim-rfc"))
                .entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name)) {
            add(QStringLiteral("RFC example ") + f,
                readFile(conf + QStringLiteral("/dkim-rfc/") + f), zone,
                QDateTime::fromSecsSinceEpoch(1530000000, Qt::UTC));
        }
    } else {
        qInfo("conformance data absent (../shared/conformance/dkim-rfc): RFC examples not run");
    }

    // Generated: every verdict the check explains, and the forensic findings.
    const QByteArray msg = sampleMessage();
    auto sign = [&](DkimSignOptions o, const crypto::PrivateKey& k = rsaKey(2048)) {
        return dkimSign(msg, k, o);
    };
    DkimSignOptions o;
    add(QStringLiteral("pass relaxed"), sign(o), m_zone);
    o.canon = "simple/simple";
    add(QStringLiteral("pass simple"), sign(o), m_zone);
    o = {};
    o.selector = "ed";
    o.algorithm = "ed25519-sha256";
    const QByteArray ed = sign(o, ed25519Key());
    add(QStringLiteral("pass ed25519"), ed, m_zone);
    add(QStringLiteral("two signatures"), dkimSign(ed, rsaKey(2048), {}), m_zone);
    o = {};
    add(QStringLiteral("body-appended"),
        sign(o) + "\r\n-- \r\nmailing list footer\r\nunsubscribe: https://list.example\r\n",
        m_zone);
    add(QStringLiteral("body-modified"), QByteArray(sign(o)).replace("this is", "THIS is"), m_zone);
    add(QStringLiteral("header-modified"), QByteArray(sign(o)).replace("Quarterly", "Annual"),
        m_zone);
    add(QStringLiteral("header and body modified"),
        QByteArray(sign(o)).replace("Quarterly", "[list] Quarterly") + "footer\r\n", m_zone);
    add(QStringLiteral("unsigned header changed"),
        QByteArray(sign(o)).replace("mx.example.net", "mx.example.COM"), m_zone);
    o.algorithm = "rsa-sha1";
    add(QStringLiteral("algorithm-disallowed"), sign(o), m_zone);
    o = {};
    o.selector = "k512";
    add(QStringLiteral("key-too-short"), sign(o, rsaKey(512)), m_zone);
    o.selector = "k1024";
    add(QStringLiteral("RSA-1024 warning"), sign(o, rsaKey(1024)), m_zone);
    o = {};
    for (const char* sel : { "missing", "revoked", "badp", "nokey", "sha1only", "smime", "wrongkey",
             "two", "notxt" }) {
        o.selector = sel;
        add(QStringLiteral("selector ") + QLatin1String(sel), sign(o), m_zone);
    }
    o.selector = "testing";
    add(QStringLiteral("testing key"), sign(o), m_zone);
    o.selector = "strict";
    o.identity = "alice@mail.example.com";
    add(QStringLiteral("strict key, subdomain i="), sign(o), m_zone);
    o.selector = "sel";
    o.identity = "alice@example.net";
    add(QStringLiteral("identity-mismatch"), sign(o), m_zone);
    o = {};
    o.selector = "ed";
    add(QStringLiteral("key-type-mismatch"), sign(o), m_zone);
    o = {};
    o.headers = { "To", "Subject" };
    add(QStringLiteral("from-not-signed"), sign(o), m_zone);
    o = {};
    o.timestamp = kNow.toSecsSinceEpoch() - 3600;
    o.expiration = kNow.toSecsSinceEpoch() - 60;
    add(QStringLiteral("signature-expired"), sign(o), m_zone);
    o.timestamp = kNow.toSecsSinceEpoch() + 86400;
    o.expiration = -1;
    add(QStringLiteral("signature-in-future"), sign(o), m_zone);
    o.timestamp = 2000;
    o.expiration = 1000;
    add(QStringLiteral("x= before t="), sign(o), m_zone);
    o = {};
    o.extraTags = "d=other.example; ";
    add(QStringLiteral("duplicate tag"), sign(o), m_zone);
    o.extraTags = "zz=unknown; ;; q=dns/txt; ";
    add(QStringLiteral("unknown tag, empty tag-spec"), sign(o), m_zone);
    o.extraTags = "q=http/well-known; ";
    add(QStringLiteral("query-method-unknown"), sign(o), m_zone);
    o = {};
    o.canon = "relaxed/fancy";
    add(QStringLiteral("canonicalization-unknown"), sign(o), m_zone);
    o = {};
    o.algorithm = "rsa-sha512";
    add(QStringLiteral("algorithm-unknown"), sign(o), m_zone);
    add(QStringLiteral("version"), QByteArray(sign({})).replace("v=1;", "v=2;"), m_zone);
    add(QStringLiteral("bh= missing"), QByteArray(sign({})).replace("bh=", "xh="), m_zone);
    add(QStringLiteral("b= not base64"), QByteArray(sign({})).replace("b=", "b=*"), m_zone);
    add(QStringLiteral("bh= not base64"), QByteArray(sign({})).replace("bh=", "bh=%"), m_zone);
    add(QStringLiteral("bad tag character"), QByteArray(sign({})).replace("s=sel", "s=s\x01l"),
        m_zone);
    o = {};
    o.bodyLength = -2;
    const QByteArray withL = sign(o);
    add(QStringLiteral("l= whole body"), withL, m_zone);
    add(QStringLiteral("l= with unsigned remainder"), withL + "added after signing\r\n", m_zone);
    add(QStringLiteral("l= with whitespace remainder"), withL + "  \r\n", m_zone);
    add(QStringLiteral("body-truncated"), QByteArray(withL).replace("this is a test.\r\n", ""),
        m_zone);
    add(QStringLiteral("body with trailing empty lines"), withL + "\r\n\r\n\r\n", m_zone);
    o = {};
    o.extraTags = "l=99999999999999999999; ";
    add(QStringLiteral("l= beyond 64 bits"), sign(o), m_zone);
    o.extraTags = "l=123456789012; ";
    add(QStringLiteral("l= large"), sign(o), m_zone);
    const qsizetype split = sign({}).indexOf("\r\n\r\n");
    add(QStringLiteral("header only"), sign({}).left(split + 2), m_zone);
    QByteArray many = msg;
    for (int i = 0; i < 23; ++i) {
        DkimSignOptions m;
        m.selector = i % 3 ? "sel" : "missing";
        many = dkimSign(many, rsaKey(2048), m);
    }
    add(QStringLiteral("more than 20 signatures"), many, m_zone);
    add(QStringLiteral("no signature"), msg, m_zone);
    o = {};
    o.domain = "ex\"a\\mple\xc3\xa9\x7f.com";
    o.selector = "s\tel";
    add(QStringLiteral("JSON escapes in d= and s="), sign(o), m_zone);
    add(QStringLiteral("garbage"), QByteArray("DKIM-Signature: ;;;=\r\n\r\n\x01\x02"), m_zone);
}

void TestDkimSummary::fullAndSummaryAgree()
{
    QFETCH(QString, name);
    const Case c = m_cases.value(name);
    QVERIFY2(!c.message.isEmpty(), qPrintable(name));
    const Message m = Message::parse(c.message);

    VerifyOptions o;
    o.checks = { QStringLiteral("dkim") };
    o.parallelChecks = false;
    o.timeMode = VerifyOptions::TimeMode::Fixed;
    o.fixedTime = c.time;
    const Verifier full(o, c.resolver);
    Verifier lean(o, c.resolver);
    lean.setLean(true);
    QVERIFY(lean.options().summaryOnly);
    QVERIFY(!full.options().summaryOnly);
    const Report a = full.verify(m, name);
    const Report b = lean.verify(m, name);

    // What batch output prints, byte for byte (but for how long each DNS answer took).
    QCOMPARE(mstest::withoutTimings(toJsonLine(b)), mstest::withoutTimings(toJsonLine(a)));
    const CheckResult* ca = a.check(QStringLiteral("dkim"));
    const CheckResult* cb = b.check(QStringLiteral("dkim"));
    QVERIFY(ca && cb);
    QCOMPARE(cb->status, ca->status);
    QCOMPARE(cb->summary, ca->summary);
    QCOMPARE(compact(cb->jsonValue()), compact(ca->jsonValue()));
    // Summary runs hand JSON lines the array as text, exactly QJsonDocument's bytes.
    QVERIFY(!cb->jsonText.isEmpty());
    QCOMPARE(cb->jsonText, compact(ca->json));
    QCOMPARE(cb->outcomes.dkim.size(), ca->outcomes.dkim.size());
    for (qsizetype i = 0; i < ca->outcomes.dkim.size(); ++i)
        QCOMPARE(outcomeText(cb->outcomes.dkim[i]), outcomeText(ca->outcomes.dkim[i]));

    // The check's step and each signature's own step are the same; only what is under a
    // signature step (and the sources it points into) is left out.
    QCOMPARE(cb->step.title, ca->step.title);
    QCOMPARE(cb->step.status, ca->step.status);
    QCOMPARE(cb->step.children.size(), ca->step.children.size());
    bool anySignature = false;
    for (size_t i = 0; i < ca->step.children.size(); ++i) {
        const Step& sa = ca->step.children[i];
        const Step& sb = cb->step.children[i];
        QCOMPARE(sb.kind, sa.kind);
        QCOMPARE(sb.title, sa.title);
        QCOMPARE(sb.status, sa.status);
        QCOMPARE(sb.detail, sa.detail);
        QCOMPARE(sb.rfc, sa.rfc);
        QCOMPARE(factsText(sb), factsText(sa));
        if (sa.kind == QLatin1String("dkim.signature") && sa.status != Status::TempError) {
            anySignature = true;
            QVERIFY2(sb.children.empty(), qPrintable(sb.title));
            QVERIFY2(!sa.children.empty(), qPrintable(sa.title));
        }
    }
    if (anySignature)
        QVERIFY(cb->step.count() < ca->step.count());
    QVERIFY(cb->sources.isEmpty());
}

void TestDkimSummary::verifyAllSummaryFields()
{
    // The same through verifyAll(): every field of every signature, for a pass, each kind of
    // body and header failure, and a key failure in one message.
    QByteArray raw = dkimSign(sampleMessage(), rsaKey(2048), {});
    DkimSignOptions ed;
    ed.selector = "ed";
    ed.algorithm = "ed25519-sha256";
    raw = dkimSign(raw, ed25519Key(), ed);
    DkimSignOptions missing;
    missing.selector = "missing";
    raw = dkimSign(raw, rsaKey(2048), missing);
    const QList<QByteArray> variants
        = { raw, raw + "footer\r\n", QByteArray(raw).replace("Quarterly", "Annual") };
    for (const QByteArray& v : variants) {
        const Message m = Message::parse(v);
        for (bool keep : { true, false }) {
            dkim::VerifyInput fi { m, *m_zone, kNow };
            fi.keepCanonical = keep;
            dkim::VerifyInput si { m, *m_zone, kNow };
            si.keepCanonical = keep;
            si.summaryOnly = true;
            const auto fa = dkim::verifyAll(fi);
            const auto sa = dkim::verifyAll(si);
            QCOMPARE(sa.size(), 3);
            QCOMPARE(sa.size(), fa.size());
            for (qsizetype i = 0; i < fa.size(); ++i) {
                const auto& f = fa[i];
                const auto& s = sa[i];
                QCOMPARE(compact(s.toJson()), compact(f.toJson()));
                QByteArray text;
                s.writeJson(text);
                QCOMPARE(text, compact(f.toJson()));
                QCOMPARE(s.status, f.status);
                QCOMPARE(s.reason, f.reason);
                QCOMPARE(s.finding, f.finding);
                QCOMPARE(s.transit, f.transit);
                QCOMPARE(s.fieldIndex, f.fieldIndex);
                QCOMPARE(s.bodyChecked, f.bodyChecked);
                QCOMPARE(s.bodyHashOk, f.bodyHashOk);
                QCOMPARE(s.signatureOk, f.signatureOk);
                QCOMPARE(s.computedBh, f.computedBh);
                QCOMPARE(s.canonicalHeader, f.canonicalHeader);
                QCOMPARE(s.step.title, f.step.title);
                QCOMPARE(s.step.detail, f.step.detail);
                QCOMPARE(factsText(s.step), factsText(f.step));
                QVERIFY(s.step.children.empty());
                QVERIFY(s.sources.isEmpty());
                QVERIFY(!f.step.children.empty());
            }
        }
    }
}

void TestDkimSummary::base64FastPath_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("padded ==") << QByteArray("aGk=");
    QTest::newRow("padded =") << QByteArray("aGk9");
    QTest::newRow("two pads") << QByteArray("aA==");
    QTest::newRow("unpadded 2 mod 4") << QByteArray("aA");
    QTest::newRow("unpadded 3 mod 4") << QByteArray("aGk");
    QTest::newRow("1 mod 4") << QByteArray("aGk9a");
    QTest::newRow("FWS everywhere (RFC 6376 3.5)") << QByteArray(" aG\r\n\tk9\r\n aGk= ");
    QTest::newRow("FWS between pads") << QByteArray("aA= =");
    QTest::newRow("three pads") << QByteArray("a===");
    QTest::newRow("pad in the middle") << QByteArray("aA==aGk9");
    QTest::newRow("pad then FWS then alpha") << QByteArray("aGk= \r\n a");
    QTest::newRow("pad without a multiple of four") << QByteArray("aGk9a=");
    QTest::newRow("bad character") << QByteArray("aG*9");
    QTest::newRow("url alphabet") << QByteArray("aG-_");
    QTest::newRow("8-bit byte") << QByteArray("aG\xc3\xa9");
    QTest::newRow("NUL") << QByteArray("aG\0k", 4);
    QTest::newRow("non-zero leftover bits") << QByteArray("aGl=");
    QTest::newRow("only FWS") << QByteArray(" \t\r\n");
    QTest::newRow("only pads") << QByteArray("====");
    QByteArray big;
    QRandomGenerator rng(8);
    for (int i = 0; i < 4000; ++i)
        big.append(char(rng.bounded(256)));
    QTest::newRow("4000 random bytes encoded") << big.toBase64();
    QByteArray folded = big.toBase64();
    for (qsizetype i = 70; i < folded.size(); i += 73)
        folded.insert(i, "\r\n ");
    QTest::newRow("4000 random bytes folded") << folded;
}

void TestDkimSummary::base64FastPath()
{
    QFETCH(QByteArray, text);
    const crypto::Base64Result want = referenceBase64(text);
    const crypto::Base64Result got = crypto::decodeBase64(text);
    QCOMPARE(got.ok, want.ok);
    QCOMPARE(got.bytes, want.bytes);
    QCOMPARE(got.error.isEmpty(), got.ok);
    QCOMPARE(crypto::stripWhitespace(text),
        QByteArray(text).replace(' ', "").replace('\t', "").replace('\r', "").replace('\n', ""));
}

void TestDkimSummary::headerCanonicalization()
{
    // Random fields built from the bytes that matter (WSP, CR, LF, colon, upper case) against
    // the reference; then a whole header block against the parts it claims.
    QRandomGenerator rng(6376);
    const QByteArray alphabet = QByteArrayLiteral("aZ: \t\r\n\r\nx;=\xe9");
    for (int n = 0; n < 3000; ++n) {
        QByteArray f;
        const int len = int(rng.bounded(40));
        for (int i = 0; i < len; ++i)
            f.append(alphabet[int(rng.bounded(int(alphabet.size())))]);
        QCOMPARE(dkim::canonHeaderRelaxed(f), referenceRelaxed(f));
        QCOMPARE(dkim::canonHeaderSimple(f), f.endsWith("\r\n") ? f : f + "\r\n");
    }
    const Message m = Message::parse(
        sampleMessage("body\r\n", "X-A:  one \r\n\ttwo\r\nx-a:three\r\nSubject: again\r\n"));
    const QList<QByteArray> names
        = { "From", "x-a", "X-A", "X-A", "subject", "Subject", "Subject", "To" };
    for (dkim::Canon c : { dkim::Canon::Simple, dkim::Canon::Relaxed }) {
        const auto sel = dkim::selectHeaders(m.headers(), names, -1);
        const QByteArray sig = "DKIM-Signature: v=1; b=\r\n";
        const dkim::HeaderBlock hb = dkim::buildHeaderBlock(m.headers(), sel, c, sig);
        QByteArray expect;
        QCOMPARE(hb.parts.size(), sel.size());
        for (qsizetype i = 0; i < sel.size(); ++i) {
            QCOMPARE(hb.parts[i].offset, expect.size());
            if (sel[i].fieldIndex >= 0)
                expect += dkim::canonHeader(c, m.headers()[sel[i].fieldIndex].raw);
            QCOMPARE(hb.parts[i].length, expect.size() - hb.parts[i].offset);
        }
        QCOMPARE(hb.signatureOffset, expect.size());
        expect += dkim::canonHeader(c, sig).chopped(2);
        QCOMPARE(hb.signatureLength, expect.size() - hb.signatureOffset);
        QCOMPARE(hb.bytes, expect);
    }
    QCOMPARE(dkim::splitHeaderList(" From :\r\n to:\tSUBJECT::"),
        QList<QByteArray>({ "From", "to", "SUBJECT", "", "" }));
    QCOMPARE(dkim::splitHeaderList(""), QList<QByteArray>({ "" }));
}

void TestDkimSummary::headerSelection()
{
    // The bottom-up scan (small h=) and the name index (large) against the reference, with
    // over-signing, case differences and the excluded signature field.
    QByteArray extra;
    for (int i = 0; i < 30; ++i)
        extra += (i % 3 ? "Received: hop " : "received: HOP ") + QByteArray::number(i) + "\r\n";
    const Message m = Message::parse(sampleMessage("b\r\n", extra));
    const QList<HeaderField>& h = m.headers();
    QList<QByteArray> small = { "from", "Received", "RECEIVED", "x-none", "Subject", "subject" };
    for (int exclude : { -1, 0, 3, int(h.size()) - 1 }) {
        const auto got = dkim::selectHeaders(h, small, exclude);
        const auto want = referenceSelect(h, small, exclude);
        QCOMPARE(got.size(), want.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].name, want[i].name);
            QCOMPARE(got[i].fieldIndex, want[i].fieldIndex);
        }
    }
    QList<QByteArray> large;
    for (int i = 0; i < 200; ++i)
        large.append(i % 2 ? "received" : "From");
    QVERIFY(large.size() * h.size() > 4096); // the index path
    const auto got = dkim::selectHeaders(h, large, 2);
    const auto want = referenceSelect(h, large, 2);
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < got.size(); ++i)
        QCOMPARE(got[i].fieldIndex, want[i].fieldIndex);
}

void TestDkimSummary::keyCacheIsBoundedLru()
{
    auto& cache = dkim::KeyCache::instance();
    cache.clear();
    const QByteArray hot = dkimKeyRecord(rsaKey(2048)) + "; n=hot";
    const auto first = cache.get(hot);
    QVERIFY(first->usable);
    // More distinct keys than the cache holds, the hot one used now and then: memory stays
    // bounded, the hot key stays parsed.
    for (int i = 0; i < dkim::KeyCache::kMaxEntries + 500; ++i) {
        cache.get("v=DKIM1; p=; n=" + QByteArray::number(i));
        if (i % 500 == 0) {
            const qint64 hits = cache.hits();
            QCOMPARE(cache.get(hot).get(), first.get());
            QCOMPARE(cache.hits(), hits + 1);
        }
        QVERIFY(cache.size() <= dkim::KeyCache::kMaxEntries);
    }
    QCOMPARE(cache.size(), dkim::KeyCache::kMaxEntries);
    // The oldest cold key went first.
    const qint64 hits = cache.hits();
    cache.get("v=DKIM1; p=; n=0");
    QCOMPARE(cache.hits(), hits);
    // Huge hostile records: bounded by bytes, not only by count.
    for (int i = 0; i < 40; ++i) {
        cache.get("v=DKIM1; p=; n=" + QByteArray(1024 * 1024, char('a' + i % 26))
            + QByteArray::number(i));
        QVERIFY(cache.bytes() <= dkim::KeyCache::kMaxBytes);
    }
    QVERIFY(cache.size() < 40);
    // Distinct Ed25519 keys, each verified once (which makes its 30 KB table): counted by
    // what they hold, so the cache keeps ~500 of them, not 4,096 (120 MB).
    cache.clear();
    for (int i = 0; i < 700; ++i) {
        QByteArray seed(32, '\0');
        seed[0] = char(i & 0xff);
        seed[1] = char(i >> 8);
        const auto priv = crypto::PrivateKey::fromEd25519Seed(seed);
        const auto record = cache.get(dkimKeyRecord(priv));
        QVERIFY(record->usable);
        const QByteArray hash(32, 'h');
        QVERIFY(record->key.verifyHash(crypto::DigestAlgorithm::Sha256, hash,
            priv.signHash(crypto::DigestAlgorithm::Sha256, hash)));
        QVERIFY(cache.bytes() <= dkim::KeyCache::kMaxBytes);
    }
    QVERIFY(cache.size() < 600);
    QVERIFY(qint64(cache.size()) * crypto::ed25519::VerifyKey::kPreparedBytes
        <= dkim::KeyCache::kMaxBytes);
    cache.clear();
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.bytes(), 0);
}

void TestDkimSummary::rsaVerifyContextsReused()
{
    // Each thread keeps prepared RSA verification contexts for its last few keys: a failed
    // verification must not spoil the next one, SHA-1 and SHA-256 with the same key are
    // separate, and more keys than the cache holds still verify.
    const QByteArray data = "header block";
    QList<crypto::PrivateKey> keys = { rsaKey(2048), rsaKey(1024), otherRsaKey() };
    for (int i = 0; i < 9; ++i)
        keys.append(crypto::PrivateKey::generateRsa(1024));
    for (int round = 0; round < 3; ++round) {
        for (const crypto::PrivateKey& k : keys) {
            const crypto::PublicKey pub = k.publicKey();
            for (auto alg : { crypto::DigestAlgorithm::Sha256, crypto::DigestAlgorithm::Sha1 }) {
                const QByteArray hash = crypto::Digest::hash(alg, data);
                const QByteArray sig = k.signHash(alg, hash);
                QVERIFY(pub.verifyHash(alg, hash, sig));
                QByteArray bad = sig;
                bad[5] = char(bad[5] ^ 1);
                QVERIFY(!pub.verifyHash(alg, hash, bad));
                QVERIFY(!pub.verifyHash(alg, crypto::Digest::hash(alg, "other"), sig));
                QVERIFY(pub.verifyHash(alg, hash, sig));
                const auto other = alg == crypto::DigestAlgorithm::Sha1
                    ? crypto::DigestAlgorithm::Sha256
                    : crypto::DigestAlgorithm::Sha1;
                QVERIFY(!pub.verifyHash(other, crypto::Digest::hash(other, data), sig));
            }
        }
    }
    // From another thread too (its own contexts).
    bool ok = false;
    std::thread t([&] {
        const QByteArray hash = crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, data);
        const QByteArray sig = keys[0].signHash(crypto::DigestAlgorithm::Sha256, hash);
        ok = keys[0].publicKey().verifyHash(crypto::DigestAlgorithm::Sha256, hash, sig);
    });
    t.join();
    QVERIFY(ok);
}

QTEST_GUILESS_MAIN(TestDkimSummary)
#include "tst_dkim_summary.moc"
