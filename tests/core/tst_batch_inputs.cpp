// Which files of a folder become batch jobs (core/verify/BatchInputs): messages, mbox
// files and Maildirs are taken; zone files, READMEs and the like next to them are left out
// and counted, not reported as failing messages.

#include "common/TestUtil.h"
#include "verify/BatchInputs.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ms;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const QByteArray kMessage = "From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n";

QStringList namesOf(const QList<BatchJob>& jobs, const QString& root)
{
    QStringList out;
    for (const BatchJob& j : jobs)
        out << QDir(root).relativeFilePath(j.path)
                + (j.offset >= 0 ? QStringLiteral("#") : QString());
    return out;
}

} // namespace

class TestBatchInputs : public QObject
{
    Q_OBJECT

private slots:
    void messageStart_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("message");
        QTest::newRow("RFC 5322 2.2 header field") << QByteArray("Received: from x\r\n") << true;
        QTest::newRow("RFC 5322 3.6.8 field name with digits and dashes")
            << QByteArray("X-Spam-Score2: 1\n") << true;
        QTest::newRow("RFC 5322 4.5.8 obs WSP before the colon")
            << QByteArray("Subject  : old\r\n") << true;
        QTest::newRow("RFC 4155 mbox From line")
            << QByteArray("From a@b Sat Jun  1 12:00:00 2024\n") << true;
        QTest::newRow("UTF-8 byte order mark then a field") << QByteArray("\xEF\xBB\xBF"
                                                                          "From: a@b\r\n")
                                                            << true;
        QTest::newRow("leading blank lines then a field")
            << QByteArray("\r\n\r\nDKIM-Signature: v=1\r\n") << true;
        QTest::newRow("indented pasted header") << QByteArray("    From: a@b\n") << true;
        QTest::newRow("zone file ($ORIGIN)") << QByteArray("$ORIGIN example.com.\n") << false;
        QTest::newRow("zone file (record)")
            << QByteArray("sel._domainkey.example.com. 300 IN TXT \"v=DKIM1\"\n") << false;
        QTest::newRow("markdown README") << QByteArray("# Good sample\n\nThis: is\n") << false;
        QTest::newRow("JSON") << QByteArray("{\"a\": 1}\n") << false;
        QTest::newRow("quoted name") << QByteArray("\"key\": 1\n") << false;
        QTest::newRow("text with a colon later") << QByteArray("hello world: yes\n") << false;
        QTest::newRow("RFC 5322 3.6.8 colon first (empty name)") << QByteArray(": x\n") << false;
        QTest::newRow("name never ends within the head") << QByteArray(600, 'a') << false;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02:", 4) << false;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void messageStart()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, message);
        QCOMPARE(looksLikeMessageStart(head), message);
    }

    void directoryEntries_data()
    {
        // name, content, taken as a job ('j'; 'J': one that fails when read), an mbox split
        // into messages ('m') or left out ('s').
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<char>("expect");
        const QByteArray mbox = "From a@b Sat Jun  1 12:00:00 2024\n" + kMessage + "\n"
            + "From c@d Sat Jun  1 12:00:01 2024\n" + kMessage;
        QTest::newRow("sample .eml") << QStringLiteral("good.eml") << kMessage << 'j';
        QTest::newRow(".EML upper case") << QStringLiteral("OLD.EML") << kMessage << 'j';
        QTest::newRow(".msg") << QStringLiteral("x.msg") << kMessage << 'j';
        QTest::newRow(".eml that is garbage: still a job (its report says why)")
            << QStringLiteral("junk.eml") << QByteArray("\x01\x02garbage") << 'j';
        QTest::newRow("empty .eml: a job, reading it says it is empty")
            << QStringLiteral("empty.eml") << QByteArray() << 'J';
        QTest::newRow("sample .zone") << QStringLiteral("good.zone")
                                      << QByteArray("$ORIGIN example.com.\n@ TXT \"x\"\n") << 's';
        QTest::newRow("sample README.md")
            << QStringLiteral("README.md") << QByteArray("# Good\n\nSubject: not a mail\n") << 's';
        QTest::newRow("sample .json")
            << QStringLiteral("good.json") << QByteArray("{\"verdict\": \"pass\"}\n") << 's';
        QTest::newRow(".txt holding a message: other extensions need an mbox")
            << QStringLiteral("mail.txt") << kMessage << 's';
        QTest::newRow("no extension, a message (MH folder)")
            << QStringLiteral("17") << kMessage << 'j';
        QTest::newRow("no extension, README")
            << QStringLiteral("README") << QByteArray("Read me first.\n") << 's';
        QTest::newRow("no extension, empty") << QStringLiteral("LOCK") << QByteArray() << 's';
        QTest::newRow("Maildir-style name outside a Maildir")
            << QStringLiteral("1717243190.M1P2.host:2,S") << kMessage << 'j';
        QTest::newRow("RFC 4155 mbox without extension") << QStringLiteral("Inbox") << mbox << 'm';
        QTest::newRow("RFC 4155 mbox as .mbox") << QStringLiteral("archive.mbox") << mbox << 'm';
        QTest::newRow(".eml in a folder is one message, even if it starts like an mbox")
            << QStringLiteral("two.eml") << mbox << 'j';
    }

    void directoryEntries()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(char, expect);
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(name), content));
        // A message beside it, so the folder is never "without messages".
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("zz-anchor.eml")), kMessage));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        QStringList skipped;
        collectBatchJobs({ tmp.path() }, &jobs, &errors, &skipped);
        const QString path = tmp.filePath(name);
        const auto count = [&](const QString& p) {
            return std::count_if(
                jobs.cbegin(), jobs.cend(), [&](const BatchJob& j) { return j.path == p; });
        };
        QCOMPARE(count(tmp.filePath(QStringLiteral("zz-anchor.eml"))), 1);
        switch (expect) {
        case 'J': {
            QCOMPARE(count(path), 1);
            QByteArray bytes;
            QString error;
            QVERIFY(!readBatchJob({ path, path, -1, -1, {} }, &bytes, &error));
            QVERIFY2(error.contains(QLatin1String("empty file")), qPrintable(error));
            break;
        }
        case 'j':
            QCOMPARE(count(path), 1);
            QVERIFY(skipped.isEmpty());
            QVERIFY(errors.isEmpty());
            break;
        case 'm':
            QCOMPARE(count(path), 2);
            QCOMPARE(jobs.first().name, path + QStringLiteral("#1"));
            QVERIFY(jobs.first().offset >= 0);
            QVERIFY(skipped.isEmpty());
            break;
        case 's':
            QCOMPARE(count(path), 0);
            QCOMPARE(skipped, QStringList { path });
            QVERIFY(errors.isEmpty());
            break;
        }
    }

    void sampleFolderGivesOneMessage()
    {
        // A bundled sample folder: the .eml is the only job; the zone, JSON and READMEs
        // are counted as left out.
        const QString dir = mstest::samplesDir() + QStringLiteral("/good");
        if (!QFileInfo::exists(dir))
            QSKIP("the bundled samples are not in this checkout");
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        QStringList skipped;
        collectBatchJobs({ dir }, &jobs, &errors, &skipped);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(jobs.first().path.endsWith(QLatin1String("/good.eml")));
        QVERIFY(errors.isEmpty());
        QVERIFY(skipped.size() >= 2);
        for (const QString& s : skipped)
            QVERIFY2(!s.endsWith(QLatin1String(".eml")), qPrintable(s));
    }

    void orderAndNames()
    {
        // Names sorted as QDir::Name sorts them, subfolders after the files, hidden entries
        // and Maildir tmp/ never read, paths built as "dir/name" (one trailing slash of
        // the argument dropped).
        QTemporaryDir tmp;
        const QDir root(tmp.path());
        QVERIFY(root.mkpath(QStringLiteral("sub/deeper")));
        QVERIFY(root.mkpath(QStringLiteral("box/cur")));
        QVERIFY(root.mkpath(QStringLiteral("box/new")));
        QVERIFY(root.mkpath(QStringLiteral("box/tmp")));
        for (const char* n : { "b.eml", "B.eml", "a.eml", "sub/x.eml", "sub/deeper/y.eml",
                 ".hidden.eml", "box/cur/2:2,S", "box/new/1", "box/tmp/partial", "notes.txt" })
            QVERIFY(writeFile(root.filePath(QLatin1String(n)), kMessage));
        QVERIFY(QFile::link(
            root.filePath(QStringLiteral("sub")), root.filePath(QStringLiteral("zlink"))));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        QStringList skipped;
        collectBatchJobs({ tmp.path() + QLatin1Char('/') }, &jobs, &errors, &skipped);
        QCOMPARE(namesOf(jobs, tmp.path()),
            (QStringList { QStringLiteral("B.eml"), QStringLiteral("a.eml"),
                QStringLiteral("b.eml"), QStringLiteral("box/new/1"),
                QStringLiteral("box/cur/2:2,S"), QStringLiteral("sub/x.eml"),
                QStringLiteral("sub/deeper/y.eml") }));
        QCOMPARE(jobs.first().path, tmp.path() + QStringLiteral("/B.eml"));
        QCOMPARE(jobs.first().name, jobs.first().path);
        QVERIFY(errors.isEmpty());
        QCOMPARE(skipped, QStringList { tmp.path() + QStringLiteral("/notes.txt") });
    }

    void onlyOtherFiles()
    {
        // A folder with no message says so, and how many files it left out.
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("a.zone")), "$ORIGIN x.\n"));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        QStringList skipped;
        collectBatchJobs({ tmp.path() }, &jobs, &errors, &skipped);
        QVERIFY(jobs.isEmpty());
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().message.contains(QLatin1String("no messages")));
        QVERIFY(errors.first().message.contains(QLatin1String("1 other file")));
        QCOMPARE(skipped.size(), 1);
    }

    void namedFilesAreAlwaysTaken()
    {
        // A file named on the command line is the user's choice: taken whatever its name.
        QTemporaryDir tmp;
        const QString zone = tmp.filePath(QStringLiteral("good.zone"));
        QVERIFY(writeFile(zone, "$ORIGIN x.\n"));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        QStringList skipped;
        collectBatchJobs({ zone }, &jobs, &errors, &skipped);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(skipped.isEmpty());
        // ... and a named mbox is split, whatever its name.
        const QString two = tmp.filePath(QStringLiteral("two.eml"));
        QVERIFY(writeFile(two,
            "From a@b Sat Jun  1 12:00:00 2024\n" + kMessage
                + "\nFrom c@d Sat Jun  1 12:00:01 2024\n" + kMessage));
        jobs.clear();
        collectBatchJobs({ two }, &jobs, &errors, &skipped);
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(jobs[1].name, two + QStringLiteral("#2"));
    }

    void folderReplacedBetweenBatches()
    {
        // A folder renamed away and replaced by a new one of the same name: the next batch
        // reads the new folder's file, not the old one through a kept descriptor.
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("inbox"));
        QVERIFY(QDir().mkdir(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/a.eml"), "From: old@example.com\r\n\r\nx\r\n"));
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs({ dir }, &jobs, &errors);
        QCOMPARE(jobs.size(), 1);
        QByteArray bytes;
        QString error;
        QVERIFY(readBatchJob(jobs.first(), &bytes, &error));
        QVERIFY(bytes.contains("old@"));
        QVERIFY(QDir().rename(dir, tmp.filePath(QStringLiteral("inbox-old"))));
        QVERIFY(QDir().mkdir(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/a.eml"), "From: new@example.com\r\n\r\nx\r\n"));
        jobs.clear();
        collectBatchJobs({ dir }, &jobs, &errors);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(readBatchJob(jobs.first(), &bytes, &error));
        QVERIFY2(bytes.contains("new@"), bytes.constData());
    }

    // File names that are not UTF-8 (Latin-1, Shift_JIS from old archives): shown with
    // U+FFFD, still opened by their bytes, in a plain folder (by extension and by content,
    // an mbox split), a Maildir and a subfolder with such a name.
    void namesThatAreNotUtf8_data()
    {
        QTest::addColumn<QByteArray>("relative"); // under the folder given
        QTest::addColumn<int>("messages");
        QTest::newRow("Latin-1 .eml") << QByteArray("caf\xe9.eml") << 1;
        QTest::newRow("Shift_JIS .eml") << QByteArray("\x83\x81\x81[\x83\x8b.eml") << 1;
        QTest::newRow("no extension, by content") << QByteArray("\xff\xfe") << 1;
        QTest::newRow("mbox of two") << QByteArray("arch\xe9ve.mbox") << 2;
        QTest::newRow("Maildir cur/") << QByteArray("cur/1700000000.M1\xe9.host:2,S") << 1;
        QTest::newRow("subfolder") << QByteArray("sub\xe9/m.eml") << 1;
    }

    void namesThatAreNotUtf8()
    {
        QFETCH(QByteArray, relative);
        QFETCH(int, messages);
        QTemporaryDir tmp;
        const QByteArray root = QFile::encodeName(tmp.path());
        const QByteArray file = root + '/' + relative;
        const qsizetype slash = file.lastIndexOf('/');
        QCOMPARE(::mkdir(file.left(slash).constData(), 0700) == 0 || errno == EEXIST, true);
        // QTemporaryDir cannot remove names it cannot decode: this test removes its own bytes,
        // or every run leaves a folder behind in /tmp.
        const auto removeRaw = qScopeGuard([&] {
            ::unlink(file.constData());
            if (slash > root.size())
                ::rmdir(file.left(slash).constData());
        });
        const QByteArray content = messages == 2
            ? QByteArray("From a@example.com Mon Jan  1 00:00:00 2024\n") + kMessage
                + "\nFrom b@example.com Mon Jan  1 00:00:01 2024\n" + kMessage
            : kMessage;
        {
            const int fd = ::open(file.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
            QVERIFY(fd >= 0);
            QCOMPARE(
                ::write(fd, content.constData(), size_t(content.size())), ssize_t(content.size()));
            ::close(fd);
        }
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs({ tmp.path() }, &jobs, &errors);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().message));
        QCOMPARE(jobs.size(), qsizetype(messages));
        for (const BatchJob& job : std::as_const(jobs)) {
            QVERIFY2(job.path.contains(QChar(QChar::ReplacementCharacter)), qPrintable(job.path));
            QCOMPARE(batchJobFile(job), file);
            QByteArray bytes;
            QString error;
            QVERIFY2(readBatchJob(job, &bytes, &error), qPrintable(error));
            QVERIFY(bytes.contains("Subject:") || bytes.contains("From:"));
        }
        // The shown path alone (a job made before the bytes were kept) does not open it.
        QByteArray bytes;
        QString error;
        QVERIFY(
            !readBatchJob({ jobs.first().path, jobs.first().name, -1, -1, {} }, &bytes, &error));
    }

    void readExactBytes()
    {
        // One read of exactly the file (or the mbox range); a shrunken mbox is reported.
        QTemporaryDir tmp;
        const QByteArray big = kMessage + QByteArray(300000, 'x') + "\r\n";
        const QString path = tmp.filePath(QStringLiteral("big.eml"));
        QVERIFY(writeFile(path, big));
        QByteArray bytes;
        QString error;
        QVERIFY(readBatchJob({ path, path, -1, -1, {} }, &bytes, &error));
        QCOMPARE(bytes, big);
        const QString small = tmp.filePath(QStringLiteral("small.eml"));
        QVERIFY(writeFile(small, kMessage));
        QVERIFY(readBatchJob({ small, small, -1, -1, {} }, &bytes, &error));
        QCOMPARE(bytes, kMessage);
        const QByteArray exact(64 * 1024, 'y'); // exactly one read block
        QVERIFY(writeFile(small, exact));
        QVERIFY(readBatchJob({ small, small, -1, -1, {} }, &bytes, &error));
        QCOMPARE(bytes, exact);
        QVERIFY(readBatchJob({ path, path, 5, 10, {} }, &bytes, &error));
        QCOMPARE(bytes, big.mid(5, 10));
        QVERIFY(!readBatchJob({ path, path, big.size() - 5, 10, {} }, &bytes, &error));
        QVERIFY(error.contains(QLatin1String("changed")));
        QVERIFY(!readBatchJob({ tmp.filePath(QStringLiteral("gone.eml")),
                                  tmp.filePath(QStringLiteral("gone.eml")), -1, -1, {} },
            &bytes, &error));
        QVERIFY(error.contains(QLatin1String("cannot read")));
        const QString fifo = tmp.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(!readBatchJob({ fifo, fifo, -1, -1, {} }, &bytes, &error));
        QVERIFY(error.contains(QLatin1String("not a regular file")));
    }
};

QTEST_GUILESS_MAIN(TestBatchInputs)
#include "tst_batch_inputs.moc"
