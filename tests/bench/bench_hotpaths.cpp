// Micro-benchmarks of the paths a batch DKIM run spends its time in (issue 8): header and
// body canonicalization, the body hash, key-record parsing, and one whole message through
// the Verifier with DNS from a zone. Inputs are generated here; the signed messages come
// from the test signer and are checked to verify as "pass" before timing, so a benchmark
// never times an early error path.
#include "bench/MailText.h"
#include "common/DkimSigner.h"
#include "crypto/Digest.h"
#include "crypto/Ed25519.h"
#include "crypto/Keys.h"
#include "dkim/Canon.h"
#include "dkim/Forensics.h"
#include "dkim/KeyRecord.h"
#include "message/Message.h"
#include "verify/BatchInputs.h"
#include "verify/Verifier.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
// The prefix-search benchmark copies low-level SHA-256 states, as the search does.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>

using namespace ms;

namespace {

QByteArray makeBody(qsizetype size)
{
    return msbench::mailLikeBody(size, 42, true);
}

// One of each header shape: short, folded, long with runs of whitespace.
const QList<QByteArray>& headerFields()
{
    static const QList<QByteArray> f = {
        "From: Alice Example <alice@example.com>\r\n",
        "To: bob@example.org,\r\n  carol@example.net,\r\n\tdave@example.net\r\n",
        "Subject:   Quarterly   report \t for   the   mail   team  \r\n",
        "Date: Sat, 28 Nov 2026 10:00:00 +0000\r\n",
        "Message-ID: <20261128100000.12345@mail.example.com>\r\n",
        "Content-Type: multipart/mixed;\r\n boundary=\"----=_Part_0_123456789.1700000000\"\r\n",
    };
    return f;
}

crypto::PrivateKey& rsaKey()
{
    static crypto::PrivateKey k = crypto::PrivateKey::generateRsa(2048);
    return k;
}

crypto::PrivateKey& edKey()
{
    static crypto::PrivateKey k = crypto::PrivateKey::generateEd25519();
    return k;
}

void BM_CanonHeader(benchmark::State& state)
{
    const auto c = state.range(0) ? dkim::Canon::Relaxed : dkim::Canon::Simple;
    const auto& fields = headerFields();
    qint64 bytes = 0;
    for (const QByteArray& f : fields)
        bytes += f.size();
    for (auto _ : state) {
        for (const QByteArray& f : fields)
            benchmark::DoNotOptimize(dkim::canonHeader(c, f));
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetItemsProcessed(state.iterations() * fields.size());
    state.SetLabel(c == dkim::Canon::Relaxed ? "relaxed" : "simple");
}
BENCHMARK(BM_CanonHeader)->Arg(0)->Arg(1);

// The streaming canonicalizer as the verifier uses it: the body fed in 64 KiB chunks.
void BM_CanonBody(benchmark::State& state)
{
    const auto c = state.range(0) ? dkim::Canon::Relaxed : dkim::Canon::Simple;
    const QByteArray body = makeBody(state.range(1));
    for (auto _ : state) {
        dkim::BodyCanonicalizer bc(c);
        for (qsizetype i = 0; i < body.size(); i += 65536)
            bc.feed(QByteArrayView(body).sliced(i, std::min<qsizetype>(65536, body.size() - i)));
        bc.finish();
        benchmark::DoNotOptimize(bc.output().size());
    }
    state.SetBytesProcessed(state.iterations() * body.size());
    state.SetLabel(c == dkim::Canon::Relaxed ? "relaxed" : "simple");
}
BENCHMARK(BM_CanonBody)
    ->ArgsProduct({ { 0, 1 }, { 1 << 10, 200 << 10, 5 << 20 } })
    ->Unit(benchmark::kMicrosecond);

// SHA-256 over a canonical body: the floor under any body-hash check.
void BM_BodyHashSha256(benchmark::State& state)
{
    const QByteArray body = dkim::canonBody(dkim::Canon::Relaxed, makeBody(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, body));
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(BM_BodyHashSha256)
    ->Arg(1 << 10)
    ->Arg(200 << 10)
    ->Arg(5 << 20)
    ->Unit(benchmark::kMicrosecond);

// Canonicalize + hash, what one bh= costs end to end.
void BM_BodyCanonAndHash(benchmark::State& state)
{
    const QByteArray body = makeBody(state.range(0));
    for (auto _ : state) {
        const QByteArray canon = dkim::canonBody(dkim::Canon::Relaxed, body);
        benchmark::DoNotOptimize(crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, canon));
    }
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(BM_BodyCanonAndHash)
    ->Arg(1 << 10)
    ->Arg(200 << 10)
    ->Arg(5 << 20)
    ->Unit(benchmark::kMicrosecond);

// Parsing a key record (tag list, base64, DER decode into an EVP_PKEY), uncached.
void BM_KeyRecordParse(benchmark::State& state)
{
    const QByteArray text = mstest::dkimKeyRecord(state.range(0) ? edKey() : rsaKey());
    for (auto _ : state) {
        const dkim::KeyRecordPtr k = dkim::parseKeyRecord(text);
        if (!k->usable)
            state.SkipWithError("key record not usable");
        benchmark::DoNotOptimize(k.get());
    }
    state.SetLabel(state.range(0) ? "ed25519" : "rsa2048");
}
BENCHMARK(BM_KeyRecordParse)->Arg(0)->Arg(1);

// The same record through the process-wide cache (what a batch pays after the first hit).
void BM_KeyCacheHit(benchmark::State& state)
{
    const QByteArray text = mstest::dkimKeyRecord(rsaKey());
    dkim::KeyCache::instance().get(text);
    for (auto _ : state)
        benchmark::DoNotOptimize(dkim::KeyCache::instance().get(text).get());
}
BENCHMARK(BM_KeyCacheHit);

// One signature check of a DKIM header hash with a parsed key, as dkim::check makes it, and
// OpenSSL's with a prepared context (what PublicKey did before). Modes: 0 RSA-2048 as DKIM verifies
// it (crypto/Rsa.h's IFMA public operation where the CPU has it), 1 Ed25519 by crypto/Ed25519.h, 2
// Ed25519 by OpenSSL, 3 RSA-2048 by OpenSSL (EVP_PKEY_verify_recover, what PublicKey did before
// crypto/Rsa.h).
void BM_SignatureVerify(benchmark::State& state)
{
    const int mode = int(state.range(0));
    const bool rsa = mode == 0 || mode == 3;
    crypto::PrivateKey& priv = rsa ? rsaKey() : edKey();
    const crypto::PublicKey pub = priv.publicKey();
    const QByteArray hash = crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, "header block");
    const QByteArray sig = priv.signHash(crypto::DigestAlgorithm::Sha256, hash);
    if (!pub.verifyHash(crypto::DigestAlgorithm::Sha256, hash, sig)) {
        state.SkipWithError("the signature does not verify");
        return;
    }
    const auto* s = reinterpret_cast<const unsigned char*>(sig.constData());
    const auto* h = reinterpret_cast<const unsigned char*>(hash.constData());
    if (mode < 2) {
        for (auto _ : state)
            benchmark::DoNotOptimize(pub.verifyHash(crypto::DigestAlgorithm::Sha256, hash, sig));
    } else if (mode == 2) {
        const QByteArray raw = pub.ed25519Raw();
        EVP_PKEY* key = EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(raw.constData()), 32);
        EVP_MD_CTX* c = EVP_MD_CTX_new();
        EVP_DigestVerifyInit(c, nullptr, nullptr, nullptr, key);
        for (auto _ : state)
            benchmark::DoNotOptimize(EVP_DigestVerify(c, s, 64, h, size_t(hash.size())));
        EVP_MD_CTX_free(c);
        EVP_PKEY_free(key);
    } else {
        const QByteArray spki = pub.subjectPublicKeyInfo();
        const auto* p = reinterpret_cast<const unsigned char*>(spki.constData());
        EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, long(spki.size()));
        EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(key, nullptr);
        EVP_PKEY_verify_recover_init(c);
        EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING);
        EVP_PKEY_CTX_set_signature_md(c, EVP_sha256());
        unsigned char out[EVP_MAX_MD_SIZE];
        for (auto _ : state) {
            size_t len = sizeof out;
            benchmark::DoNotOptimize(EVP_PKEY_verify_recover(c, out, &len, s, size_t(sig.size())));
        }
        EVP_PKEY_CTX_free(c);
        EVP_PKEY_free(key);
    }
    static const char* labels[]
        = { "rsa2048 (DKIM's path)", "ed25519 own", "ed25519 OpenSSL", "rsa2048 OpenSSL" };
    state.SetLabel(labels[mode]);
}
BENCHMARK(BM_SignatureVerify)->Arg(0)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMicrosecond);

// Decoding an Ed25519 key and building its table of multiples (once per key and process).
void BM_Ed25519KeySetUp(benchmark::State& state)
{
    const QByteArray raw = edKey().publicKey().ed25519Raw();
    const QByteArray hash(32, 'h');
    const QByteArray sig(64, '\0'); // R = 0...: refused after the set-up, by the comparison
    for (auto _ : state) {
        crypto::ed25519::VerifyKey key(raw);
        benchmark::DoNotOptimize(key.verify(hash, sig));
    }
}
BENCHMARK(BM_Ed25519KeySetUp)->Unit(benchmark::kMicrosecond);

// A signed message and a resolver holding its keys, built once per (size, algorithm set).
struct SignedCase {
    QByteArray bytes;
    std::shared_ptr<dns::ZoneResolver> zone;
};

const SignedCase& signedCase(qsizetype bodySize, bool withEd25519)
{
    static std::map<std::pair<qsizetype, bool>, SignedCase> cases;
    auto it = cases.find({ bodySize, withEd25519 });
    if (it != cases.end())
        return it->second;
    QByteArray msg = mstest::sampleMessage(makeBody(bodySize));
    mstest::DkimSignOptions o;
    o.timestamp = 1764000000;
    msg = mstest::dkimSign(msg, rsaKey(), o);
    QList<QPair<QByteArray, QByteArray>> txt
        = { { "sel._domainkey.example.com", mstest::dkimKeyRecord(rsaKey()) } };
    if (withEd25519) {
        mstest::DkimSignOptions e = o;
        e.algorithm = "ed25519-sha256";
        e.selector = "ed";
        msg = mstest::dkimSign(msg, edKey(), e);
        txt.append({ "ed._domainkey.example.com", mstest::dkimKeyRecord(edKey()) });
    }
    SignedCase c { msg, mstest::dkimZone(txt) };
    return cases.emplace(std::make_pair(bodySize, withEd25519), std::move(c)).first->second;
}

VerifyOptions dkimOnly()
{
    VerifyOptions o;
    o.checks = { QStringLiteral("dkim") };
    o.timeMode = VerifyOptions::TimeMode::Fixed;
    o.fixedTime = QDateTime::fromSecsSinceEpoch(1764000600, Qt::UTC);
    o.parallelChecks = false; // as in batch mode: one message per thread
    return o;
}

// Parse + the DKIM check over a zone, as `mailscope-cli verify --checks dkim` does per
// message (minus file reading and output).
void BM_VerifyMessageDkim(benchmark::State& state)
{
    const SignedCase& c = signedCase(state.range(0), state.range(1) != 0);
    const Verifier verifier(dkimOnly(), c.zone);
    {
        const Report r = verifier.verify(Message::parse(c.bytes), QStringLiteral("bench.eml"));
        const CheckResult* dkim = nullptr;
        for (const CheckResult& cr : r.checks)
            if (cr.name == QLatin1String("dkim"))
                dkim = &cr;
        if (!dkim || dkim->status != Status::Pass) {
            state.SkipWithError("the generated message does not verify as pass");
            return;
        }
    }
    for (auto _ : state) {
        const Report r = verifier.verify(Message::parse(c.bytes), QStringLiteral("bench.eml"));
        benchmark::DoNotOptimize(r.checks.size());
    }
    state.SetBytesProcessed(state.iterations() * c.bytes.size());
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(state.range(1) ? "rsa2048+ed25519" : "rsa2048");
}
BENCHMARK(BM_VerifyMessageDkim)
    ->ArgsProduct({ { 2 << 10, 200 << 10, 5 << 20 }, { 0, 1 } })
    ->Unit(benchmark::kMicrosecond);

// Message parsing alone (header split, MIME tree), part of every verify.
void BM_MessageParse(benchmark::State& state)
{
    const SignedCase& c = signedCase(state.range(0), false);
    for (auto _ : state)
        benchmark::DoNotOptimize(Message::parse(c.bytes).headers().size());
    state.SetBytesProcessed(state.iterations() * c.bytes.size());
}
BENCHMARK(BM_MessageParse)
    ->Arg(2 << 10)
    ->Arg(200 << 10)
    ->Arg(5 << 20)
    ->Unit(benchmark::kMicrosecond);

// Issue 3 prefix search cost at 1 KiB, 64 KiB, 1 MB and 25 MB: one body hash, the same pass
// copying the digest state at every line boundary, and the whole forensic prefix search (no
// match, so every chosen boundary is finalized). The search must take at most 1.5x the time
// of BM_PrefixBodyHash at the same size (compare CPU times of one run). Counters: boundaries
// examined of all, likely ones examined, lines walked, and the search's counted cost
// relative to one body hash (at most 1.5 by construction).
const QByteArray& prefixCanonical(qsizetype size)
{
    static std::map<qsizetype, QByteArray> bodies;
    auto it = bodies.find(size);
    if (it == bodies.end())
        it = bodies.emplace(size, dkim::canonBody(dkim::Canon::Relaxed, makeBody(size))).first;
    return it->second;
}

void BM_PrefixBodyHash(benchmark::State& state)
{
    const QByteArray& body = prefixCanonical(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(crypto::Digest::hash(crypto::DigestAlgorithm::Sha256, body));
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(BM_PrefixBodyHash)
    ->Arg(1 << 10)
    ->Arg(64 << 10)
    ->Arg(1 << 20)
    ->Arg(25 << 20)
    ->Unit(benchmark::kMicrosecond);

void BM_PrefixHashWithSnapshots(benchmark::State& state)
{
    const QByteArray& body = prefixCanonical(state.range(0));
    for (auto _ : state) {
        SHA256_CTX ctx, snap;
        SHA256_Init(&ctx);
        qsizetype pos = 0;
        for (;;) {
            const qsizetype nl = body.indexOf("\r\n", pos);
            if (nl < 0)
                break;
            SHA256_Update(&ctx, body.constData() + pos, size_t(nl + 2 - pos));
            pos = nl + 2;
            snap = ctx; // the state copy the search finishes at chosen boundaries
            benchmark::DoNotOptimize(snap);
        }
        unsigned char out[SHA256_DIGEST_LENGTH];
        SHA256_Final(out, &ctx);
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(BM_PrefixHashWithSnapshots)
    ->Arg(1 << 10)
    ->Arg(64 << 10)
    ->Arg(1 << 20)
    ->Arg(25 << 20)
    ->Unit(benchmark::kMicrosecond);

void BM_PrefixSearch(benchmark::State& state)
{
    const QByteArray& body = prefixCanonical(state.range(0));
    dkim::BodyCanonicalizer c(dkim::Canon::Relaxed);
    c.feed(body);
    c.finish();
    const QByteArray none(32, '\0');
    dkim::PrefixSearch r;
    for (auto _ : state) {
        r = dkim::searchPrefix(crypto::DigestAlgorithm::Sha256, c.output(), c.lines(), none);
        benchmark::DoNotOptimize(r.matchLength);
    }
    state.SetBytesProcessed(state.iterations() * body.size());
    state.counters["examined"] = r.candidates;
    state.counters["boundaries"] = r.boundaries;
    state.counters["costVsHash"] = double(r.searchEighths) / double(r.bodyEighths);
    state.counters["likely"] = r.likely;
    state.counters["walked"] = double(r.linesWalked);
}
BENCHMARK(BM_PrefixSearch)
    ->Arg(1 << 10)
    ->Arg(64 << 10)
    ->Arg(1 << 20)
    ->Arg(25 << 20)
    ->Unit(benchmark::kMicrosecond);

// Canonicalize and hash in one streaming pass without keeping the canonical body (what a
// batch run does per body canonicalization), against BM_BodyCanonAndHash above.
void BM_BodyHashStreaming(benchmark::State& state)
{
    const auto c = state.range(1) ? dkim::Canon::Relaxed : dkim::Canon::Simple;
    const QByteArray body = makeBody(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(dkim::hashCanonicalBody(c, crypto::DigestAlgorithm::Sha256, body));
    state.SetBytesProcessed(state.iterations() * body.size());
    state.SetLabel(c == dkim::Canon::Relaxed ? "relaxed" : "simple");
}
BENCHMARK(BM_BodyHashStreaming)
    ->ArgsProduct({ { 200 << 10, 5 << 20, 25 << 20 }, { 0, 1 } })
    ->Unit(benchmark::kMicrosecond);

// The same over an attachment's base64 lines (most of the bytes of large mail), where the
// canonicalization scan meets a line end every 78 bytes and nothing else.
void BM_BodyHashStreamingBase64(benchmark::State& state)
{
    const auto c = state.range(1) ? dkim::Canon::Relaxed : dkim::Canon::Simple;
    const QByteArray body = msbench::base64Body(state.range(0), 7);
    for (auto _ : state)
        benchmark::DoNotOptimize(dkim::hashCanonicalBody(c, crypto::DigestAlgorithm::Sha256, body));
    state.SetBytesProcessed(state.iterations() * body.size());
    state.SetLabel(c == dkim::Canon::Relaxed ? "relaxed" : "simple");
}
BENCHMARK(BM_BodyHashStreamingBase64)
    ->ArgsProduct({ { 5 << 20 }, { 0, 1 } })
    ->Unit(benchmark::kMicrosecond);

// Listing a folder of N messages into batch jobs: serial work before any worker starts.
void BM_CollectBatchJobs(benchmark::State& state)
{
    QTemporaryDir dir;
    for (int i = 0; i < state.range(0); ++i) {
        QFile f(dir.filePath(QStringLiteral("%1.eml").arg(i, 6, 10, QLatin1Char('0'))));
        if (!f.open(QIODevice::WriteOnly)) {
            state.SkipWithError("cannot write the folder");
            return;
        }
    }
    for (auto _ : state) {
        QList<BatchJob> jobs;
        QList<BatchInputError> errors;
        collectBatchJobs({ dir.path() }, &jobs, &errors);
        benchmark::DoNotOptimize(jobs.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CollectBatchJobs)->Arg(2000)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv); // translate() and the thread pool expect one
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
