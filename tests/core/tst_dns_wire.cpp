// One DNS response read as the live resolver reads it (core/dns/WireAnswer.h): the header and
// question checks and the CNAME chain inside the answer section. The packets are the
// committed seeds of fuzz_dns_answer (first byte: the type asked for), so the fuzzer starts
// from responses whose readings these rows pin.
#include "dns/WireAnswer.h"

#include <QtTest>

using namespace ms::dns;

namespace {

constexpr Type kTypes[] = { Type::TXT, Type::A, Type::AAAA, Type::MX, Type::CNAME, Type::PTR,
    Type::NS, Type::ANY }; // fuzz_dns_answer's order

QByteArray seed(const QString& name)
{
    QFile f(QStringLiteral(MAILSCOPE_SOURCE_DIR "/tests/fuzz/corpus/dns_answer/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

quint16 idOf(const QByteArray& wire)
{
    return wire.size() < 2 ? 0 : quint16((uchar(wire[0]) << 8) | uchar(wire[1]));
}

} // namespace

class TstDnsWire : public QObject
{
    Q_OBJECT

private slots:
    void chain_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("chain"); // detail::Chain
        QTest::addColumn<QStringList>("finals"); // presentation of the records found
        QTest::addColumn<QStringList>("cnames"); // targets, in order
        QTest::addColumn<bool>("truncated");

        QTest::newRow("RFC 1035 3.3.14 TXT")
            << "txt-spf" << int(detail::Chain::Ended)
            << QStringList { "\"v=spf1 ip4:192.0.2.0/24 -all\"" } << QStringList {} << false;
        QTest::newRow("RFC 1035 3.3.14 TXT of two strings")
            << "txt-dkim-split" << int(detail::Chain::Ended)
            << QStringList { "\"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\" "
                             "\"wSx0bOjMTkMnOuHU1ThRs1jeZTmHCpx6Q2GdDPiA9Vv4Q5XhhxC2fa0AQAB\"" }
            << QStringList {} << false;
        QTest::newRow("RFC 1035 4.1.4 compressed owners")
            << "a-two" << int(detail::Chain::Ended) << QStringList { "192.0.2.1", "192.0.2.2" }
            << QStringList {} << false;
        QTest::newRow("RFC 6891 OPT in the additional section")
            << "aaaa" << int(detail::Chain::Ended) << QStringList { "2001:db8::1" }
            << QStringList {} << false;
        QTest::newRow("RFC 1035 4.1.4 compressed exchange")
            << "mx-compressed" << int(detail::Chain::Ended)
            << QStringList { "10 mail.example.com." } << QStringList {} << false;
        QTest::newRow("RFC 1034 3.6.2 CNAME chain in one answer")
            << "cname-chain" << int(detail::Chain::Ended)
            << QStringList { "\"v=DMARC1; p=reject\"" }
            << QStringList { "a.example.net", "b.example.org" } << false;
        QTest::newRow("CNAME loop") << "cname-loop" << int(detail::Chain::Loop) << QStringList {}
                                    << QStringList { "a.example.net", "example.com" } << false;
        QTest::newRow("RFC 1034 3.6.2 CNAME whose target the answer leaves out")
            << "cname-out-of-zone" << int(detail::Chain::Ended) << QStringList {}
            << QStringList { "elsewhere.example" } << false;
        QTest::newRow("RFC 2308 2.1 NXDOMAIN with the SOA")
            << "nxdomain-soa" << int(detail::Chain::Ended) << QStringList {} << QStringList {}
            << false;
        QTest::newRow("RFC 1035 4.1.1 TC bit")
            << "truncated" << int(detail::Chain::Ended) << QStringList {} << QStringList {} << true;
        QTest::newRow("other owners and classes are ignored")
            << "wrong-name-records" << int(detail::Chain::Ended) << QStringList {} << QStringList {}
            << false;
        QTest::newRow("RFC 1035 3.3.12 PTR")
            << "ptr" << int(detail::Chain::Ended) << QStringList { "host.example.net." }
            << QStringList {} << false;
        QTest::newRow("RFC 1035 3.3.11 NS")
            << "ns" << int(detail::Chain::Ended)
            << QStringList { "ns1.example.com.", "ns2.example.com." } << QStringList {} << false;
        QTest::newRow("ANY keeps every type")
            << "any-mixed" << int(detail::Chain::Ended)
            << QStringList { "192.0.2.9", "\"hello\"", "5 mx.example.com." } << QStringList {}
            << false;
        QTest::newRow("a CNAME asked for is the answer, not a link")
            << "cname-asked" << int(detail::Chain::Ended) << QStringList { "target.example.net." }
            << QStringList {} << false;
    }

    void chain()
    {
        QFETCH(QString, file);
        QFETCH(int, chain);
        QFETCH(QStringList, finals);
        QFETCH(QStringList, cnames);
        QFETCH(bool, truncated);
        const QByteArray data = seed(file);
        QVERIFY2(data.size() > 13, qPrintable(file));
        const Type type = kTypes[uchar(data[0]) % std::size(kTypes)];
        const QByteArray wire = data.mid(1);
        detail::Checked c = detail::checkResponse(wire, "example.com", type, idOf(wire));
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY(c.pkt);
        QCOMPARE(c.mismatch, false);
        QCOMPARE(c.truncated, truncated);

        Answer a;
        QByteArray cur = "example.com";
        QSet<QByteArray> seen { cur };
        QList<Record> got;
        bool progressed = false;
        QCOMPARE(
            int(detail::followChain(c.pkt.get(), type, &cur, &seen, &a, &got, &progressed)), chain);
        QStringList presented;
        for (const Record& r : got)
            presented << r.presentation;
        QCOMPARE(presented, finals);
        QStringList targets;
        for (const Record& r : a.records) {
            QCOMPARE(r.type, Type::CNAME);
            targets << QString::fromLatin1(r.target);
        }
        QCOMPARE(targets, cnames);
        // Each link moves on but one that loops or is one too many.
        QCOMPARE(progressed, cnames.size() > (chain == int(detail::Chain::Ended) ? 0 : 1));
    }

    // Responses that are not for our question: waited past (mismatch) or refused (error).
    void checks_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("idDelta");
        QTest::addColumn<bool>("mismatch");
        QTest::addColumn<QString>("errorHas");

        const QByteArray txt = seed("txt-spf").mid(1);
        QByteArray query = txt;
        query[2] = char(query[2] & 0x7f);
        QTest::newRow("RFC 5452 9.1 wrong ID") << txt << 1 << true << "wrong ID";
        QTest::newRow("RFC 1035 4.1.1 QR clear") << query << 0 << false << "QR bit";
        QTest::newRow("shorter than a header") << txt.left(11) << 0 << false << "shorter";
        QTest::newRow("cut inside the answer")
            << txt.left(txt.size() - 5) << 0 << false << "does not parse";
        QByteArray otherName = txt;
        otherName.replace("\x07"
                          "example",
            "\x07"
            "exbmple");
        QTest::newRow("RFC 5452 9.1 another name")
            << otherName << 0 << true << "different question";
        const QByteArray noQuestionOk = QByteArray::fromHex("123481800000000000000000");
        QTest::newRow("RFC 1035 4.1.1 no question in a NOERROR answer")
            << noQuestionOk << 0 << true << "0 questions";
    }

    void checks()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, idDelta);
        QFETCH(bool, mismatch);
        QFETCH(QString, errorHas);
        const detail::Checked c
            = detail::checkResponse(wire, "example.com", Type::TXT, quint16(idOf(wire) + idDelta));
        QCOMPARE(c.mismatch, mismatch);
        QVERIFY2(c.error.contains(errorHas), qPrintable(c.error));
        QVERIFY(!c.pkt);
    }
};

QTEST_GUILESS_MAIN(TstDnsWire)
#include "tst_dns_wire.moc"
