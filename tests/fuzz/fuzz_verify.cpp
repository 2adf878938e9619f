// The whole verification (SPF, DKIM with its forensics, ARC, DMARC, S/MIME, TLS evidence,
// Authentication-Results) on an arbitrary message, DNS answered by a small fixed zone; and
// the batch's streamed path (verify/BatchVerify.h) against it.
#include "dns/ZoneResolver.h"
#include "message/Message.h"
#include "report/Report.h"
#include "verify/BatchVerify.h"
#include "verify/Verifier.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace {

ms::dns::ResolverPtr fixedZone()
{
    static const QByteArray zone = QByteArrayLiteral(
        "example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all\"\n"
        "_spf.example.net. 300 IN TXT \"v=spf1 a mx ptr exists:%{i}.x.example.net ~all\"\n"
        "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject; adkim=s; rua=mailto:a@example.com\"\n"
        "sel._domainkey.example.com. 300 IN TXT \"v=DKIM1; k=rsa; "
        "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/"
        "zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/"
        "NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB\"\n"
        "brisbane._domainkey.example.com. 300 IN TXT \"v=DKIM1; k=ed25519; "
        "p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"\n"
        "example.com. 300 IN MX 10 mx.example.com.\n"
        "mx.example.com. 300 IN A 192.0.2.25\n");
    static const ms::dns::ResolverPtr r = ms::dns::ZoneResolver::fromText(zone);
    return r;
}

// Everything that does not depend on the input is made once: options, the zone and the
// Verifier. Checks run on this thread (no thread pool per input: libFuzzer wants one
// thread) and S/MIME leaves out the system CA store (hundreds of certificates per input,
// none of them relevant to fuzzed messages).
ms::VerifyOptions options()
{
    ms::VerifyOptions opt;
    opt.timeMode = ms::VerifyOptions::TimeMode::Fixed;
    opt.fixedTime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    opt.timeBudgetMs = 5000;
    opt.parallelChecks = false;
    opt.smimeUseSystemStore = false;
    return opt;
}

const ms::Verifier& verifier()
{
    static const ms::Verifier v(options(), fixedZone());
    return v;
}

// As a batch without --steps verifies: lean reports, which may take the streamed path, and
// every check but S/MIME (which walks the body's MIME tree: never streamed).
const ms::Verifier& leanVerifier()
{
    static const ms::Verifier v = [] {
        ms::VerifyOptions opt = options();
        opt.checks = ms::allCheckNames();
        opt.checks.removeAll(QStringLiteral("smime"));
        ms::Verifier lean(opt, fixedZone());
        lean.setLean(true);
        return lean;
    }();
    return v;
}

// A report's JSON line with the measured lookup times (the only part that may differ
// between two runs) set to zero.
QByteArray jsonLineWithoutTimings(ms::Report r)
{
    for (ms::dns::Answer& a : r.dns)
        a.elapsedUs = 0;
    return ms::toJsonLine(r);
}

const QByteArray& scratchFile()
{
    static const QByteArray path = [] {
        const QByteArray dir
            = qEnvironmentVariableIsEmpty("TMPDIR") ? QByteArray("/tmp") : qgetenv("TMPDIR");
        return dir + "/mailscope-fuzz-verify-" + QByteArray::number(qint64(getpid())) + ".eml";
    }();
    static const bool cleanup = [] {
        std::atexit([] { ::unlink(scratchFile().constData()); });
        return true;
    }();
    (void)cleanup;
    return path;
}

// The input is written to a file and read back as a batch reads it, in pieces of 16 to 4,096
// bytes (chosen by the input's size, so that the corpus keeps its meaning), so that inputs
// of any size take the streamed path. Wherever the body did stream, the JSON line must be
// the whole message's, byte for byte: a difference is a bug, reported as a crash.
void checkStreamed(const QByteArray& input)
{
    const QByteArray& path = scratchFile();
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    qsizetype done = 0;
    while (done < input.size()) {
        const ssize_t n = ::write(fd, input.constData() + done, size_t(input.size() - done));
        if (n <= 0)
            break;
        done += n;
    }
    ::close(fd);
    if (done != input.size())
        return;
    ms::BatchJob job;
    job.path = QString::fromLocal8Bit(path);
    job.name = QStringLiteral("fuzz.eml");
    const qint64 piece = qint64(16) << (input.size() % 9);
    const ms::BatchVerification streamed = ms::verifyBatchJob(leanVerifier(), job, nullptr, piece);
    if (!streamed.streamed)
        return;
    const ms::Report whole = leanVerifier().verify(ms::Message::parse(input), job.name);
    const QByteArray a = jsonLineWithoutTimings(streamed.report);
    const QByteArray b = jsonLineWithoutTimings(whole);
    if (a != b) {
        std::fprintf(stderr, "streamed (pieces of %lld bytes):\n%s\nwhole:\n%s\n", qlonglong(piece),
            a.constData(), b.constData());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const ms::Message m = ms::Message::parse(input);
    const ms::Report r = verifier().verify(m, QStringLiteral("fuzz.eml"));
    (void)ms::toText(r);
    (void)ms::toIndentedJson(r);
    checkStreamed(input);
    return 0;
}
