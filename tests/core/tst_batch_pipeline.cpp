// The batch pipeline's shortcuts must not change a byte of what users see: the Received
// chain parsed on first use (also when parallel checks ask for it at once), the envelope
// guess that parses only the hops it needs, lean (summary-only) reports, DMARC evaluations
// shared through the batch memo, and the direct JSON line writer (trace/JsonText.h)
// against QJsonDocument.
#include "common/TestUtil.h"
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "trace/JsonText.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace ms;

namespace {

struct Sample {
    QString name;
    QByteArray eml;
    QString zone;
    QDateTime time;
};

QList<Sample> samples()
{
    QList<Sample> out;
    const QDir root(mstest::samplesDir());
    for (const QString& d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString base = root.filePath(d) + QLatin1Char('/') + d;
        Sample s;
        s.name = d;
        s.eml = mstest::readFile(base + QStringLiteral(".eml"));
        s.zone = base + QStringLiteral(".zone");
        s.time = mstest::sampleTime(base);
        if (!s.eml.isEmpty())
            out.append(s);
    }
    return out;
}

// Messages whose Received chains are interesting: every bundled sample plus hand-made ones.
QList<QByteArray> receivedMessages()
{
    QList<QByteArray> out;
    for (const Sample& s : samples())
        out.append(s.eml);
    out.append(
        "Received: from localhost (localhost [127.0.0.1]) by mx.example.org with LMTP;\r\n"
        " Mon, 21 Sep 2026 14:13:20 +0000\r\n"
        "Received: from relay.example.org (relay.example.org [10.0.0.5])\r\n"
        "\tby mx.example.org (Postfix) with ESMTP id 1; Mon, 21 Sep 2026 14:13:19 +0000\r\n"
        "Received: from mail.sender.example (mail.sender.example [192.0.2.7])\r\n"
        "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n"
        "\tby relay.example.org (Postfix) with ESMTPS id 2 for <a@example.org>;\r\n"
        "\tMon, 21 Sep 2026 14:13:18 +0000\r\n"
        "Received: from [198.51.100.9] (helo=laptop) by mail.sender.example with esmtpsa\r\n"
        " (Exim 4.96) (envelope-from <b@sender.example>) id 3; Mon, 21 Sep 2026 14:13:17 +0000\r\n"
        "From: b@sender.example\r\nSubject: chain\r\n\r\nbody\r\n");
    out.append("Received-SPF: pass (x) client-ip=203.0.113.4; helo=h.example;\r\n"
               " envelope-from=\"s@example.net\"\r\n"
               "Received: garbage ((( unclosed\r\n"
               "From: s@example.net\r\n\r\nbody\r\n");
    return out;
}

bool sameHops(const QList<ReceivedHop>& a, const QList<ReceivedHop>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const ReceivedHop& x = a[i];
        const ReceivedHop& y = b[i];
        if (x.fieldIndex != y.fieldIndex || x.fromHelo != y.fromHelo || x.fromRdns != y.fromRdns
            || x.fromIp != y.fromIp || x.by != y.by || x.with != y.with || x.id != y.id
            || x.forAddr != y.forAddr || x.date != y.date || x.tlsVersion != y.tlsVersion
            || x.tlsCipher != y.tlsCipher || x.format != y.format || x.spans != y.spans
            || x.spanNames != y.spanNames)
            return false;
    }
    return true;
}

bool sameValue(const EnvelopeValue& a, const EnvelopeValue& b)
{
    return a.value == b.value && a.reason == b.reason && a.spans == b.spans
        && a.overridden == b.overridden;
}

bool sameEnvelope(const Envelope& a, const Envelope& b)
{
    return sameValue(a.clientIp, b.clientIp) && sameValue(a.helo, b.helo)
        && sameValue(a.mailFrom, b.mailFrom);
}

QString firstDifference(const QByteArray& a, const QByteArray& b)
{
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    return QStringLiteral("differ at %1: ...%2... vs ...%3...")
        .arg(i)
        .arg(QString::fromUtf8(a.mid(std::max<qsizetype>(0, i - 60), 120)),
            QString::fromUtf8(b.mid(std::max<qsizetype>(0, i - 60), 120)));
}

QString stepDump(const Step& s)
{
    Report r;
    r.root = s;
    return toText(r);
}

VerifyOptions optionsAt(const QDateTime& t)
{
    VerifyOptions o;
    o.timeMode = VerifyOptions::TimeMode::Fixed;
    o.fixedTime = t;
    return o;
}

} // namespace

class tst_BatchPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lazyReceivedChainIsStable()
    {
        // hops() parses on first use: asked once, twice, after parseStep() or after the
        // envelope guess, the chain is the same, and so is the parse step that lists it.
        for (const QByteArray& bytes : receivedMessages()) {
            const Message a = Message::parse(bytes);
            const QList<ReceivedHop> first = a.hops();
            QVERIFY(sameHops(first, a.hops()));
            const Message b = Message::parse(bytes);
            const Envelope envB = b.guessEnvelope(); // before the chain exists
            QVERIFY(sameHops(first, b.hops()));
            QVERIFY(sameEnvelope(envB, a.guessEnvelope())); // after it exists
            const Message c = Message::parse(bytes);
            QCOMPARE(stepDump(c.parseStep()), stepDump(a.parseStep()));
            // The parse step lists the hops, so it must have read the whole chain.
            QVERIFY(sameHops(first, c.hops()));
            int fields = 0;
            for (const HeaderField& f : a.headers())
                fields += f.nameIs("Received") ? 1 : 0;
            QCOMPARE(first.size(), fields);
        }
    }

    void lazyReceivedChainUnderParallelChecks()
    {
        // Checks of one message run on several threads and may all ask for the chain first:
        // each gets the complete chain, the same one a single-threaded parse gives.
        const QList<QByteArray> messages = receivedMessages();
        for (int round = 0; round < 20; ++round) {
            for (const QByteArray& bytes : messages) {
                const QList<ReceivedHop> expected = Message::parse(bytes).hops();
                const Message shared = Message::parse(bytes);
                QList<QFuture<bool>> futures;
                for (int t = 0; t < 6; ++t) {
                    futures.append(QtConcurrent::run([&shared, &expected, t] {
                        if (t % 2)
                            (void)shared.guessEnvelope();
                        return sameHops(shared.hops(), expected);
                    }));
                }
                for (QFuture<bool>& f : futures)
                    QVERIFY(f.result());
            }
        }
    }

    void leanJsonLinesIdenticalForEverySample()
    {
        // Batch JSON lines come from lean verifiers (no parse step, no viewer-only sub-steps,
        // no sources); the line must be the full verifier's, byte for byte.
        const QList<Sample> all = samples();
        QVERIFY2(all.size() >= 5, "bundled samples not found");
        for (const Sample& s : all) {
            const auto resolver = dns::ZoneResolver::fromFiles({ s.zone });
            VerifyOptions o = optionsAt(s.time);
            o.parallelChecks = false;
            const Verifier full(o, resolver);
            Verifier lean(o, resolver);
            lean.setLean(true);
            const Message m = Message::parse(s.eml);
            const Report a = full.verify(m, s.name);
            const Report b = lean.verify(m, s.name);
            QCOMPARE(mstest::withoutTimings(toJsonLine(b)), mstest::withoutTimings(toJsonLine(a)));
            QCOMPARE(b.checks.size(), a.checks.size());
            // Lean checks may leave `json` for their text (CheckResult::jsonText): the value
            // is the same.
            for (qsizetype i = 0; i < a.checks.size(); ++i)
                QCOMPARE(b.checks[i].jsonValue(), a.checks[i].jsonValue());
            // Parallel checks give the same line too.
            VerifyOptions po = optionsAt(s.time);
            po.parallelChecks = true;
            Verifier leanParallel(po, resolver);
            leanParallel.setLean(true);
            QCOMPARE(mstest::withoutTimings(toJsonLine(leanParallel.verify(m, s.name))),
                mstest::withoutTimings(toJsonLine(a)));
        }
    }

    void batchMemoLeavesEveryLineAsItWas()
    {
        // A batch over fixed DNS shares DMARC evaluations between messages with the same
        // author and SPF/DKIM results (verify/BatchMemo.h). Each line, DNS transcript
        // included, must be the one a verifier without the memo writes: for every sample
        // asked again and again, and for a copy whose body changed after signing (DKIM
        // fails, so DMARC's inputs differ and the memo must not answer with the original's
        // result), in turns and from two threads at once.
        int reused = 0, differentDmarc = 0;
        for (const Sample& s : samples()) {
            const auto resolver = dns::ZoneResolver::fromFiles({ s.zone });
            VerifyOptions o = optionsAt(s.time);
            o.parallelChecks = false;
            const Verifier full(o, resolver);
            Verifier memo(o, resolver);
            memo.setLean(true);
            memo.setBatchMemo(true);
            QByteArray changed = s.eml;
            changed
                += changed.contains("\r\n") ? "\r\nadded in transit\r\n" : "\nadded in transit\n";
            const Message m[2] = { Message::parse(s.eml), Message::parse(changed) };
            const Report expected[2] = { full.verify(m[0], s.name), full.verify(m[1], s.name) };
            const QByteArray lines[2] = { mstest::withoutTimings(toJsonLine(expected[0])),
                mstest::withoutTimings(toJsonLine(expected[1])) };
            const CheckResult* dmarc[2] = { expected[0].check(QStringLiteral("dmarc")),
                expected[1].check(QStringLiteral("dmarc")) };
            if (dmarc[0] && dmarc[1] && dmarc[0]->jsonText != dmarc[1]->jsonText)
                ++differentDmarc;
            for (int turn = 0; turn < 6; ++turn) {
                const int i = turn % 2;
                const QByteArray line
                    = mstest::withoutTimings(toJsonLine(memo.verify(m[i], s.name)));
                QVERIFY2(line == lines[i],
                    qPrintable(s.name + QStringLiteral(" turn %1: ").arg(turn)
                        + firstDifference(line, lines[i])));
            }
            QList<QFuture<bool>> futures;
            for (int t = 0; t < 2; ++t) {
                futures.append(QtConcurrent::run([&, t] {
                    for (int turn = 0; turn < 20; ++turn) {
                        const int i = (turn + t) % 2;
                        if (mstest::withoutTimings(toJsonLine(memo.verify(m[i], s.name)))
                            != lines[i])
                            return false;
                    }
                    return true;
                }));
            }
            for (QFuture<bool>& f : futures)
                QVERIFY2(f.result(), qPrintable(s.name));
            reused += int(memo.batchMemo()->hits());
        }
        QVERIFY(reused > 0); // the memo answered, so the comparisons above tested it
        QVERIFY(differentDmarc > 0); // and some changed copy needed its own evaluation
    }

    void batchMemoIsBounded()
    {
        BatchMemo memo;
        const auto value = std::make_shared<const int>(1);
        memo.insert("first", value, 100);
        memo.insert("first", std::make_shared<const int>(2), 100);
        QCOMPARE(*std::static_pointer_cast<const int>(memo.find("first")), 1); // first stays
        QCOMPARE(memo.hits(), qint64(1));
        QVERIFY(!memo.find("other"));
        memo.insert("huge", value, BatchMemo::kMaxBytes); // larger than the whole memo
        QVERIFY(!memo.find("huge"));
        for (int i = 0; i < BatchMemo::kMaxEntries + 10; ++i)
            memo.insert("k" + QByteArray::number(i), value, 100);
        QVERIFY(memo.size() <= BatchMemo::kMaxEntries);
        QVERIFY(memo.find("k" + QByteArray::number(BatchMemo::kMaxEntries + 9)));
        for (int i = 0; i < 8; ++i)
            memo.insert("big" + QByteArray::number(i), value, BatchMemo::kMaxBytes / 3);
        QVERIFY(memo.bytes() <= BatchMemo::kMaxBytes);
    }

    void reportJsonIsQJsonDocumentForEverySample()
    {
        // The report's JSON writers write directly; each must be what QJsonDocument writes
        // for toJson(): same keys, same order, same escapes, same numbers, same layout.
        const auto same = [](const QByteArray& got, const QByteArray& expected) {
            QVERIFY2(got == expected, qPrintable(firstDifference(got, expected)));
        };
        for (const Sample& s : samples()) {
            const auto resolver = dns::ZoneResolver::fromFiles({ s.zone });
            for (const bool leanRun : { false, true }) {
                Verifier v(optionsAt(s.time), resolver);
                v.setLean(leanRun);
                const Report r = v.verify(Message::parse(s.eml), s.name);
                const QJsonDocument line(toJson(r, JsonParts::WithoutSteps));
                same(toJsonLine(r), line.toJson(QJsonDocument::Compact));
                const QJsonDocument all(toJson(r));
                same(toJsonText(r), all.toJson(QJsonDocument::Compact));
                same(toIndentedJson(r), all.toJson(QJsonDocument::Indented));
            }
        }
    }

    void indentedMatchesQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("compact");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("nested empties") << QByteArray("{\"a\":{},\"b\":[],\"c\":[{},[]]}");
        QTest::newRow("scalars") << QByteArray("[1,-2.5,true,false,null,\"x\"]");
        QTest::newRow("brackets and escapes in strings")
            << QByteArray("{\"\\\"\":\"\\u0001\\n\",\"k{[\":\"a,b:c}]\\\"\\\\\"}");
        QTest::newRow("deep") << QByteArray("{\"a\":{\"b\":{\"c\":[[[\"d\"]]]}}}");
    }

    void indentedMatchesQJsonDocument()
    {
        QFETCH(QByteArray, compact);
        const QJsonDocument doc = QJsonDocument::fromJson(compact);
        QVERIFY(!doc.isNull());
        QCOMPARE(doc.toJson(QJsonDocument::Compact), compact); // the row is canonical
        QCOMPARE(json::indented(compact), doc.toJson(QJsonDocument::Indented));
    }

    void writeStringMatchesQJsonDocument_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("ascii") << QStringLiteral("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEF");
        QTest::newRow("quotes and backslashes")
            << QStringLiteral("\"v=DKIM1; p=abc\" \"def\\\\ghi\" / slash");
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        controls += QChar(0x7f);
        QTest::newRow("control characters") << controls;
        QTest::newRow("non-ASCII")
            << QStringLiteral("caf\u00e9 \u65e5\u672c \u00ff\u0100\u07ff\u0800\uffff");
        QTest::newRow("surrogate pair") << QStringLiteral("smile \U0001F600 end");
        QTest::newRow("lone high surrogate") << (QStringLiteral("ab") + QChar(0xd800) + u'c');
        QTest::newRow("lone low surrogate at end")
            << (QStringLiteral("abcdefghij") + QChar(0xdc00));
        QTest::newRow("reversed pair") << (QString(QChar(0xdc00)) + QChar(0xd800) + u'x');
        // The block paths (eight UTF-16 units, sixteen Latin-1 bytes at a time): one character
        // that needs care at every position of strings around the block sizes.
        for (const int len : { 7, 8, 9, 15, 16, 17, 31, 32, 33 }) {
            for (int pos = 0; pos < len; ++pos) {
                for (const QChar bad : { QChar(u'"'), QChar(u'\\'), QChar(u'\n'), QChar(0x1f),
                         QChar(0x7f), QChar(0x80), QChar(0xe9), QChar(0x8000), QChar(0xffff) }) {
                    QString t(len, u'a');
                    t[pos] = bad;
                    QTest::addRow("len %d pos %d U+%04x", len, pos, bad.unicode()) << t;
                }
            }
        }
    }

    void writeStringMatchesQJsonDocument()
    {
        QFETCH(QString, text);
        const QJsonArray arr { text };
        const QByteArray expected = QJsonDocument(arr).toJson(QJsonDocument::Compact);
        QByteArray out = "[";
        json::writeString(out, text);
        out += ']';
        QCOMPARE(out, expected);
        // Appending to a buffer that already holds text keeps it.
        QByteArray prefixed = "xyz";
        json::writeString(prefixed, text);
        QCOMPARE(prefixed, QByteArray("xyz") + expected.mid(1, expected.size() - 2));
        // The Latin-1 writer (DNS names, record texts) gives the same text for what Latin-1
        // can hold.
        if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() <= 0xff; })) {
            const QByteArray latin1 = text.toLatin1();
            QByteArray l1 = "xyz";
            json::writeString(l1, QLatin1StringView(latin1));
            QCOMPARE(l1, prefixed);
        }
    }

    void writeValueMatchesQJsonDocument()
    {
        const QJsonObject o { { QStringLiteral("zeta"), 1 }, { QStringLiteral("alpha"), -7.0 },
            { QStringLiteral("ratio"), 0.1 }, { QStringLiteral("big"), 1e300 },
            { QStringLiteral("huge int"), 9.1e15 }, { QStringLiteral("t"), true },
            { QStringLiteral("f"), false }, { QStringLiteral("n"), QJsonValue() },
            { QStringLiteral("\u00e9key"), QStringLiteral("v\u00e9") },
            { QStringLiteral("Upper"), QJsonArray { 1, QStringLiteral("x"), QJsonObject {} } },
            { QStringLiteral("nested"),
                QJsonObject {
                    { QStringLiteral("b"), QJsonArray {} }, { QStringLiteral("a"), 2 } } } };
        QByteArray out;
        json::writeValue(out, o);
        QCOMPARE(out, QJsonDocument(o).toJson(QJsonDocument::Compact));
        for (const qint64 i : { qint64(0), qint64(-1), qint64(42), qint64(-9000000000000000),
                 std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max() }) {
            QByteArray b;
            json::writeInteger(b, i);
            QCOMPARE(b, QByteArray::number(i));
        }
    }

    void isoTimeUtcMatchesQt_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::newRow("utc") << QDateTime(QDate(2026, 11, 29), QTime(5, 24, 19), Qt::UTC);
        QTest::newRow("milliseconds dropped")
            << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        QTest::newRow("offset converted")
            << QDateTime(QDate(2026, 12, 31), QTime(23, 30), QTimeZone(3600 * 9));
        QTest::newRow("negative offset crosses the year")
            << QDateTime(QDate(2025, 12, 31), QTime(20, 0), QTimeZone(-3600 * 5));
        QTest::newRow("epoch") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        QTest::newRow("year 999") << QDateTime(QDate(999, 5, 6), QTime(7, 8, 9), Qt::UTC);
        QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("invalid") << QDateTime();
    }

    void isoTimeUtcMatchesQt()
    {
        QFETCH(QDateTime, time);
        const QString expected = time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
        QCOMPARE(json::isoTimeUtc(time), expected);
    }
};

QTEST_GUILESS_MAIN(tst_BatchPipeline)
#include "tst_batch_pipeline.moc"
