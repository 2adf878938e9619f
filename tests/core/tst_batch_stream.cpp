// A batch streams a large message's body into its body hashes instead of holding it
// (verify/BatchVerify.h). That must never change a byte of the result: each row verifies a
// message file both ways and compares the JSON lines, and pins which path was taken, so a
// row cannot pass because the streamed path silently fell back to the whole one.
#include "common/ArcSigner.h"
#include "common/DkimSigner.h"
#include "common/TestKeys.h"
#include "common/TestUtil.h"
#include "dkim/BodyDigests.h"
#include "dkim/Canon.h"
#include "message/CrlfStream.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/BatchVerify.h"
#include "verify/Verifier.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ms;

namespace {

constexpr qsizetype kPiece = 64 * 1024; // BatchVerify.cpp's read size

// Text lines of 60 to 99 characters, some with trailing or inner whitespace runs (what
// relaxed canonicalization changes), about `size` bytes, CRLF endings.
QByteArray largeBody(qsizetype size, quint32 seed = 7)
{
    QRandomGenerator rng(seed);
    QByteArray b;
    b.reserve(size + 128);
    while (b.size() < size) {
        const int len = 60 + int(rng.bounded(40));
        for (int i = 0; i < len; ++i)
            b.append(char('a' + rng.bounded(26)));
        if (rng.bounded(5) == 0)
            b.append(" \t ");
        if (rng.bounded(7) == 0)
            b.insert(b.size() - 10, "   ");
        b.append("\r\n");
        if (rng.bounded(20) == 0)
            b.append("\r\n"); // paragraphs
    }
    return b;
}

QByteArray toLf(QByteArray m)
{
    return m.replace("\r\n", "\n");
}

QByteArray signedMessage(const QByteArray& body, const mstest::DkimSignOptions& o = {},
    const ms::crypto::PrivateKey* key = nullptr)
{
    return mstest::dkimSign(mstest::sampleMessage(body), key ? *key : mstest::rsaKey(2048), o);
}

mstest::DkimSignOptions opts(QByteArray canon, QByteArray alg = "rsa-sha256", qint64 l = -1)
{
    mstest::DkimSignOptions o;
    o.canon = canon;
    o.algorithm = alg;
    o.bodyLength = l;
    if (alg.startsWith("ed25519"))
        o.selector = "ed";
    return o;
}

} // namespace

class TestBatchStream : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<dns::ZoneResolver> m_zone;
    mstest::ArcKey m_arcKey;
    QTemporaryDir m_dir;
    int m_files = 0;

    Verifier verifier(const QStringList& checks) const
    {
        VerifyOptions o;
        o.timeMode = VerifyOptions::TimeMode::Fixed;
        o.fixedTime = QDateTime(QDate(2026, 6, 1), QTime(10, 0), QTimeZone::utc());
        o.checks = checks;
        Verifier v(o, m_zone);
        v.setLean(true); // batch output without steps
        return v;
    }

    QString writeFile(const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("m%1.eml").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_arcKey = mstest::ArcKey::rsa("example.net", "arc");
        auto records = mstest::dkimTestKeyRecords();
        records.append({ "arc._domainkey.example.net", mstest::dkimKeyRecord(m_arcKey.key) });
        m_zone = mstest::dkimZone(records);
    }

    // The body's CRLF view made in pieces equals Message::parse's, for every way of cutting
    // the input (a CR at the end of one piece and its LF at the start of the next).
    void crlfStreamMatchesParse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("CRLF") << QByteArray("one\r\ntwo\r\n\r\nthree\r\n");
        QTest::newRow("LF (RFC 5322 2.1 line endings converted)")
            << QByteArray("one\ntwo\n\nthree\n");
        QTest::newRow("mixed") << QByteArray("one\r\ntwo\nthree\r\n\nfour\n");
        QTest::newRow("bare CR kept (RFC 5322 2.3)") << QByteArray("a\rb\r\r\nc\r\n");
        QTest::newRow("no final line ending") << QByteArray("one\r\ntwo");
        QTest::newRow("ends with a bare CR") << QByteArray("one\r\ntwo\r");
        QTest::newRow("ends with LF after CR-less text") << QByteArray("x\n");
        QTest::newRow("only line endings") << QByteArray("\n\r\n\n");
        QTest::newRow("NUL bytes") << QByteArray("a\0b\nc\0\r\n", 9);
        QByteArray noise;
        QRandomGenerator rng(11);
        for (int i = 0; i < 3000; ++i)
            noise.append("ab\r\n \0"[rng.bounded(6)]);
        QTest::newRow("random CR, LF, SP, NUL") << noise;
        // Long CRLF lines (what the 16-byte scan passes over) with a bare LF at every offset
        // of a block, as the first byte and right after a CR at a block's last byte.
        QByteArray lines;
        for (int k = 0; k < 40; ++k) {
            lines.append(QByteArray(20 + k, char('A' + k % 26)));
            lines.append(k % 3 == 0 ? "\n" : "\r\n");
        }
        QTest::newRow("bare LF at every block offset") << lines;
        QTest::newRow("bare LF first, then long lines") << QByteArray("\n" + lines);
        QTest::newRow("CR then bare LF on a block edge")
            << QByteArray(QByteArray(15, 'x') + "\r" + QByteArray(16, 'y') + "\n\n" + lines);
    }
    void crlfStreamMatchesParse()
    {
        QFETCH(QByteArray, body);
        const QByteArray head = "From: a@example.com\r\nSubject: s\r\n\r\n";
        const Message whole = Message::parse(head + body);
        QVERIFY(whole.hasBody());
        const QByteArray expected = whole.body().toByteArray();
        const auto restore = qScopeGuard([] { BodyCrlfStream::setAvx2Allowed(true); });
        for (const bool avx2 : { true, false }) { // AVX2 where the CPU has it, and SSE2
            BodyCrlfStream::setAvx2Allowed(avx2);
            for (const qsizetype step : { qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(7),
                     qsizetype(64), body.size() + 1 }) {
                QByteArray out;
                BodyCrlfStream s([&out](QByteArrayView v) { out.append(v); });
                for (qsizetype i = 0; i < body.size(); i += step)
                    s.feed(QByteArrayView(body).sliced(i, qMin(step, body.size() - i)));
                s.finish();
                QVERIFY2(out == expected,
                    qPrintable(QStringLiteral("pieces of %1, %2")
                                   .arg(step)
                                   .arg(avx2 ? QStringLiteral("AVX2") : QStringLiteral("SSE2"))));
            }
        }
    }

    // BodyHasher in pieces gives hashCanonicalBody's hashes and sizes (RFC 6376 3.4.3, 3.4.4,
    // 3.5 l=).
    void bodyHasherInPieces_data()
    {
        QTest::addColumn<int>("canon");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("3.4.3 simple") << int(dkim::Canon::Simple) << qint64(-1);
        QTest::newRow("3.4.4 relaxed") << int(dkim::Canon::Relaxed) << qint64(-1);
        QTest::newRow("3.5 l= inside a piece") << int(dkim::Canon::Relaxed) << qint64(1000);
        QTest::newRow("3.5 l= across pieces") << int(dkim::Canon::Simple) << qint64(70000);
    }
    void bodyHasherInPieces()
    {
        QFETCH(int, canon);
        QFETCH(qint64, limit);
        const auto c = dkim::Canon(canon);
        const QByteArray body = largeBody(200000) + "\r\n\r\n \r\n"; // trailing empty lines
        QList<dkim::BodyHashRequest> whole { { crypto::DigestAlgorithm::Sha256, limit, {} },
            { crypto::DigestAlgorithm::Sha1, -1, {} } };
        const dkim::BodyHashRun expected = dkim::hashCanonicalBody(c, body, whole);
        QList<dkim::BodyHashRequest> pieces = whole;
        for (auto& r : pieces)
            r.hash.clear();
        dkim::BodyHasher h(c, pieces);
        for (qsizetype i = 0; i < body.size(); i += 4099)
            h.feed(QByteArrayView(body).sliced(i, qMin<qsizetype>(4099, body.size() - i)));
        const dkim::BodyHashRun got = h.finish(pieces);
        QCOMPARE(pieces[0].hash, whole[0].hash);
        QCOMPARE(pieces[1].hash, whole[1].hash);
        QVERIFY(!pieces[0].hash.isEmpty());
        QCOMPARE(got.canonicalSize, expected.canonicalSize);
        QCOMPARE(got.canonicalLines, expected.canonicalLines);
        QCOMPARE(got.ignoredTrailingLines, expected.ignoredTrailingLines);
        QCOMPARE(got.ignoredTrailingOffset, expected.ignoredTrailingOffset);
    }

    // The batch's streamed verification against the whole message's, file by file.
    void streamedReportIsTheWholeReport_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QStringList>("checks");
        QTest::addColumn<bool>("streamed");
        // Streamed, then read whole with the body hashes kept (BodyDigests::setBodyHeld).
        QTest::addColumn<bool>("reused");

        const QStringList dkimOnly { QStringLiteral("dkim") };
        const QStringList noBodyChecks { QStringLiteral("spf"), QStringLiteral("dkim"),
            QStringLiteral("dmarc"), QStringLiteral("tls"), QStringLiteral("authres") };
        const QByteArray body = largeBody(300000);

        QTest::newRow("3.4.4 relaxed, rsa-sha256")
            << signedMessage(body, opts("relaxed/relaxed")) << dkimOnly << true << false;
        QTest::newRow("3.4.3 simple, ed25519-sha256 (RFC 8463)")
            << signedMessage(body, opts("simple/simple", "ed25519-sha256"), &mstest::ed25519Key())
            << dkimOnly << true << false;
        const QStringList withArc { QStringLiteral("dkim"), QStringLiteral("arc") };
        const QByteArray sealed
            = mstest::arcSeal(signedMessage(body, opts("relaxed/relaxed")), m_arcKey);
        QTest::newRow("RFC 8617 4.1.2: ARC-Message-Signature body hash")
            << sealed << withArc << true << false;
        {
            mstest::SealOptions second;
            second.amsCanon = "simple/simple";
            QTest::newRow("RFC 8617: two ARC sets, both canonicalizations")
                << mstest::arcSeal(sealed, m_arcKey, second) << withArc << true << false;
        }
        {
            // A list changed the body after the intermediary sealed it and signed it anew:
            // DKIM passes, the AMS fails, and nothing in the result needs the body's bytes.
            QByteArray changed = mstest::arcSeal(mstest::sampleMessage(body), m_arcKey);
            changed.append("-- \r\nlist footer\r\n");
            changed = mstest::dkimSign(changed, mstest::rsaKey(2048), opts("relaxed/relaxed"));
            QTest::newRow("RFC 8617: AMS body hash fails, DKIM passes")
                << changed << withArc << true << false;
        }
        QTest::newRow("SPF, DKIM, DMARC, TLS, authres")
            << signedMessage(body, opts("relaxed/relaxed")) << noBodyChecks << true << false;
        QTest::newRow("RFC 5322 2.1: LF line endings")
            << toLf(signedMessage(body, opts("relaxed/simple"))) << dkimOnly << true << false;
        {
            QByteArray m = signedMessage(body, opts("simple/simple"));
            const qsizetype bodyAt = m.indexOf("\r\n\r\n") + 4;
            m = m.first(bodyAt) + toLf(m.sliced(bodyAt));
            QTest::newRow("mixed: CRLF header, LF body") << m << dkimOnly << true << false;
        }
        {
            QByteArray b = body;
            b.insert(1000, "bare\rCR ");
            QTest::newRow("RFC 5322 2.3: bare CR in the body")
                << signedMessage(b, opts("simple/simple")) << dkimOnly << true << false;
        }
        {
            QByteArray m = signedMessage(body, opts("simple/simple"));
            m.chop(2);
            QTest::newRow("3.4.3: last line without CRLF") << m << dkimOnly << true << false;
        }
        QTest::newRow("3.5: l= shorter than the body")
            << signedMessage(body, opts("relaxed/relaxed", "rsa-sha256", 5000)) << dkimOnly << true
            << false;
        {
            QByteArray m = signedMessage(body, opts("relaxed/relaxed"));
            m = mstest::dkimSign(m, mstest::ed25519Key(), opts("simple/simple", "ed25519-sha256"));
            QTest::newRow("two signatures, both canonicalizations")
                << m << dkimOnly << true << false;
        }
        QTest::newRow("mbox \"From \" line first")
            << "From alice@example.com Mon Jun  1 10:00:00 2026\n"
                + signedMessage(body, opts("relaxed/relaxed"))
            << dkimOnly << true << false;
        QTest::newRow("no DKIM-Signature (the body is not read)")
            << mstest::sampleMessage(body) << noBodyChecks << true << false;
        {
            // The header block reaches past the first read.
            QByteArray extra;
            for (int i = 0; i < 1200; ++i)
                extra += "X-Trace-" + QByteArray::number(i) + ": " + QByteArray(60, 'x') + "\r\n";
            const QByteArray m = mstest::dkimSign(
                mstest::sampleMessage(body, extra), mstest::rsaKey(2048), opts("relaxed/relaxed"));
            QTest::newRow("header block longer than one read") << m << dkimOnly << true << false;
        }
        for (const bool lf : { false, true }) {
            // A line ending split between two reads. b= and bh= have a fixed length, so the
            // header block's length does not depend on the body: the first body line is
            // padded to put its CR at the end of the first read and its LF at the start of
            // the second (a LF file: the LF that gains a CR starts the second).
            auto make = [&](qsizetype pad) {
                const QByteArray m
                    = signedMessage(QByteArray(pad, 'p') + "\r\n" + body, opts("simple/simple"));
                return lf ? toLf(m) : m;
            };
            const QByteArray probe = make(0);
            const qsizetype header = probe.indexOf(lf ? "\n\n" : "\r\n\r\n") + (lf ? 2 : 4);
            const QByteArray m = make(kPiece - header - (lf ? 0 : 1));
            QCOMPARE(m.mid(kPiece - (lf ? 0 : 1), lf ? 1 : 2), lf ? QByteArray("\n") : "\r\n");
            QTest::newRow(lf ? "LF starting the second read" : "CRLF split between two reads")
                << m << dkimOnly << true << false;
        }

        // Verified whole, and the result still the same.
        {
            QByteArray m = signedMessage(body, opts("relaxed/relaxed"));
            m[m.size() - 100] = 'Z';
            QTest::newRow("3.7: body modified (explained from the body's bytes)")
                << m << dkimOnly << false << true;
        }
        {
            QByteArray m = signedMessage(body, opts("simple/simple", "rsa-sha256", 5000));
            const qsizetype bodyAt = m.indexOf("\r\n\r\n") + 4;
            m.truncate(bodyAt + 3000);
            m = m + largeBody(200000, 9).replace('a', 'b');
            QTest::newRow("3.5: body changed within l=") << m << dkimOnly << false << true;
        }
        {
            // Blank lines stay empty, so the header block still ends at one.
            QByteArray m;
            for (const QByteArray& line : signedMessage(body, opts("relaxed/relaxed")).split('\n'))
                m += (line.isEmpty() || line == "\r" ? line : "  " + line) + '\n';
            m.chop(1);
            QTest::newRow("every line indented (pasted)") << m << dkimOnly << false << false;
        }
        {
            QByteArray m = mstest::sampleMessage(body);
            for (int i = 0; i < 17; ++i)
                m = mstest::dkimSign(
                    m, mstest::rsaKey(2048), opts("relaxed/relaxed", "rsa-sha256", 1000 + i));
            QTest::newRow("17 different body hashes") << m << dkimOnly << false << false;
        }
        {
            // One signature passes, one fails, and (sealed before the footer) the ARC set's
            // AMS fails too: ARC canonicalizes the held body itself.
            const QByteArray base = signedMessage(body, opts("relaxed/relaxed"));
            const QByteArray footer = "-- \r\nlist footer\r\n";
            const auto resign = [](const QByteArray& m) {
                return mstest::dkimSign(
                    m, mstest::ed25519Key(), opts("simple/simple", "ed25519-sha256"));
            };
            QTest::newRow("3.7: one of two signatures fails, footer appended")
                << resign(base + footer) << dkimOnly << false << true;
            QTest::newRow("RFC 8617: AMS body hash fails and one DKIM signature, footer appended")
                << resign(mstest::arcSeal(base, m_arcKey) + footer) << withArc << false << true;
        }
        QTest::newRow("smaller than one read")
            << signedMessage(largeBody(10000), opts("relaxed/relaxed")) << dkimOnly << false
            << false;
        QTest::newRow("RFC 8551: S/MIME walks the body's MIME parts")
            << signedMessage(body, opts("relaxed/relaxed"))
            << QStringList { QStringLiteral("dkim"), QStringLiteral("smime") } << false << false;
        {
            QByteArray headerOnly;
            for (int i = 0; i < 1500; ++i)
                headerOnly
                    += "X-Trace-" + QByteArray::number(i) + ": " + QByteArray(60, 'x') + "\r\n";
            QTest::newRow("header fields only, no blank line")
                << headerOnly << dkimOnly << false << false;
        }
    }
    void streamedReportIsTheWholeReport()
    {
        QFETCH(QByteArray, file);
        QFETCH(QStringList, checks);
        QFETCH(bool, streamed);
        QFETCH(bool, reused);
        const QString path = writeFile(file);
        QVERIFY(!path.isEmpty());
        const Verifier v = verifier(checks);
        const BatchJob job { path, path, -1, -1, {} };
        const BatchVerification got = verifyBatchJob(v, job);
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        QCOMPARE(got.streamed, streamed);
        QCOMPARE(got.hashesReused, reused);
        // Streamed only when every body hash matched, so these signatures verify.
        if (streamed) {
            for (const DkimSignatureOutcome& d : got.report.outcomes.dkim)
                QCOMPARE(d.status, Status::Pass);
        }
        const Report whole = v.verify(Message::parse(file), path);
        if (QByteArray(QTest::currentDataTag()).contains("AMS body hash fails")) {
            QVERIFY(whole.outcomes.arc);
            QCOMPARE(whole.outcomes.arc->status, Status::Fail);
        } else if (checks.contains(QStringLiteral("arc"))) {
            QVERIFY(whole.outcomes.arc);
            QCOMPARE(whole.outcomes.arc->status, Status::Pass);
        }
        QCOMPARE(mstest::withoutTimings(toJsonLine(got.report)),
            mstest::withoutTimings(toJsonLine(whole)));
        // The subject and sender the GUI's batch rows show come from the header block.
        QCOMPARE(got.message.first("Subject") ? got.message.first("Subject")->decoded() : QString(),
            Message::parse(file).first("Subject") ? Message::parse(file).first("Subject")->decoded()
                                                  : QString());
        QCOMPARE(QFileInfo(path).size(), qint64(file.size())); // the input is not modified
    }

    // Messages of an mbox are streamed from their range of the file.
    void mboxMessagesStreamed()
    {
        const QByteArray a = signedMessage(largeBody(150000, 1), opts("relaxed/relaxed"));
        const QByteArray b = signedMessage(largeBody(150000, 2), opts("simple/simple"));
        const QByteArray sepA = "From alice@example.com Mon Jun  1 10:00:00 2026\n";
        const QByteArray sepB = "From bob@example.com Mon Jun  1 10:01:00 2026\n";
        const QByteArray mbox = sepA + a + "\n" + sepB + b;
        const QString path = writeFile(mbox);
        const Verifier v = verifier({ QStringLiteral("dkim") });
        const QList<QPair<qint64, QByteArray>> ranges { { 0, sepA + a + "\n" },
            { sepA.size() + a.size() + 1, sepB + b } };
        for (const auto& [offset, bytes] : ranges) {
            const BatchJob job { path, path, offset, bytes.size(), {} };
            const BatchVerification got = verifyBatchJob(v, job);
            QVERIFY(got.streamed);
            QCOMPARE(got.report.outcomes.dkim.size(), 1);
            QCOMPARE(got.report.outcomes.dkim.first().status, Status::Pass);
            QCOMPARE(mstest::withoutTimings(toJsonLine(got.report)),
                mstest::withoutTimings(toJsonLine(v.verify(Message::parse(bytes), path))));
        }
        // A range that no longer fits the file (it shrank since it was listed) is read
        // whole, which says so: a short one, and a long one the streamed path started on.
        for (const BatchJob& gone : { BatchJob { path, path, mbox.size() - 10, 1000, {} },
                 BatchJob { path, path, 0, mbox.size() + 100000, {} } }) {
            const BatchVerification got = verifyBatchJob(v, gone);
            QVERIFY(!got.streamed);
            QCOMPARE(got.error, QStringLiteral("the file changed while it was read"));
        }
    }

    // A cancel (the GUI batch view's) stops the reading of a large body: the report says
    // the checks did not run, as the whole path's does.
    void cancelStopsStreaming()
    {
        const QString path = writeFile(signedMessage(largeBody(2000000), opts("relaxed/relaxed")));
        const Verifier v = verifier({ QStringLiteral("dkim") });
        const std::atomic_bool stop { true };
        const BatchJob job { path, path, -1, -1, {} };
        const BatchVerification got = verifyBatchJob(v, job, &stop);
        QVERIFY(got.error.isEmpty());
        QVERIFY(got.report.cancelled);
        QVERIFY(!got.streamed); // stopped before the body was read to its end
        QVERIFY(got.report.outcomes.dkim.isEmpty());
        QCOMPARE(got.message.first("Subject")->decoded(), QStringLiteral("Quarterly report"));
        const std::atomic_bool go { false };
        const BatchVerification done = verifyBatchJob(v, job, &go);
        QVERIFY(!done.report.cancelled);
        QVERIFY(done.streamed);
    }

    // A device named as a message gives bytes forever: the header search stops at its bound
    // and the whole path refuses it.
    void devicesAreNotStreamed()
    {
        if (!QFileInfo::exists(QStringLiteral("/dev/zero")))
            QSKIP("no /dev/zero here");
        const Verifier v = verifier({ QStringLiteral("dkim") });
        const BatchVerification got = verifyBatchJob(
            v, BatchJob { QStringLiteral("/dev/zero"), QStringLiteral("zero"), -1, -1, {} });
        QVERIFY(!got.streamed);
        QCOMPARE(got.error, QStringLiteral("not a regular file"));
    }
};

QTEST_GUILESS_MAIN(TestBatchStream)
#include "tst_batch_stream.moc"
