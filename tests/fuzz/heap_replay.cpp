// heapcheck_<target>: replays inputs through a fuzz target's LLVMFuzzerTestOneInput and
// proves that nothing the target reaches keeps state across inputs (a cache, a static
// QHash, a resolver that remembers every name). libFuzzer's "rss:" cannot tell: under
// ASan it counts the quarantine (256 MB of freed blocks by default), the allocator's
// free lists and the fuzzer's own corpus, so fuzz_verify shows 700-900 MB while the live
// heap is a few hundred KB. Here ASan's malloc/free hooks count the live bytes instead.
//
//   heapcheck_<target> PASSES FILE-OR-DIR...
//
// Passes 0 and 1 replay the inputs unchanged (lazy statics get built); every later pass
// appends "\n<pass>" to each input, so every pass feeds inputs no earlier pass has seen,
// as a long fuzz or batch run does. Live heap after the last pass more than kSlack
// above the live heap after pass 2 = state that grows with the number of distinct inputs:
// exit 1. The largest live-heap peak of a single input is printed as well.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sanitizer/allocator_interface.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// Well-behaved targets show +0 after pass 2; a little slack for allocator-internal noise.
constexpr long long kSlack = 4096;

std::atomic<long long> g_live { 0 };
std::atomic<long long> g_peak { 0 };

void onMalloc(const volatile void*, size_t n)
{
    const long long v = g_live += static_cast<long long>(n);
    long long p = g_peak.load();
    while (v > p && !g_peak.compare_exchange_weak(p, v)) { }
}

void onFree(const volatile void* ptr)
{
    if (ptr)
        g_live
            -= static_cast<long long>(__sanitizer_get_allocated_size(const_cast<const void*>(ptr)));
}

void addInputs(const QString& path, QList<QPair<QString, QByteArray>>& out)
{
    const QFileInfo fi(path);
    if (fi.isDir()) {
        const QStringList names = QDir(path).entryList(QDir::Files, QDir::Name);
        for (const QString& n : names)
            addInputs(fi.filePath() + QLatin1Char('/') + n, out);
        return;
    }
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        out.append({ path, f.readAll() });
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s PASSES FILE-OR-DIR...\n", argv[0]);
        return 2;
    }
    const int passes = std::atoi(argv[1]);
    if (passes < 4) {
        std::fprintf(stderr, "at least 4 passes (2 to warm up, 2 to compare)\n");
        return 2;
    }
    QList<QPair<QString, QByteArray>> inputs;
    for (int i = 2; i < argc; ++i)
        addInputs(QString::fromLocal8Bit(argv[i]), inputs);
    if (inputs.isEmpty()) {
        std::fprintf(stderr, "no inputs\n");
        return 2;
    }

    __sanitizer_install_malloc_and_free_hooks(onMalloc, onFree);
    long long worst = 0;
    qsizetype worstIndex = 0;
    long long afterWarmup = 0;
    for (int p = 0; p < passes; ++p) {
        for (qsizetype i = 0; i < inputs.size(); ++i) {
            QByteArray in = inputs[i].second;
            if (p >= 2)
                in += '\n' + QByteArray::number(p);
            const long long base = g_live.load();
            g_peak = base;
            LLVMFuzzerTestOneInput(
                reinterpret_cast<const uint8_t*>(in.constData()), size_t(in.size()));
            if (g_peak.load() - base > worst) {
                worst = g_peak.load() - base;
                worstIndex = i;
            }
        }
        std::printf("pass %d: live heap %lld bytes\n", p, g_live.load());
        if (p == 2)
            afterWarmup = g_live.load();
    }
    std::printf("largest single-input peak: %lld bytes (%s, %lld bytes)\n", worst,
        qPrintable(inputs[worstIndex].first),
        static_cast<long long>(inputs[worstIndex].second.size()));
    const long long growth = g_live.load() - afterWarmup;
    if (growth > kSlack) {
        std::printf("FAIL: live heap grew by %lld bytes over %d passes of %lld new inputs each: "
                    "state kept across inputs\n",
            growth, passes - 3, static_cast<long long>(inputs.size()));
        return 1;
    }
    std::printf(
        "OK: live heap after the last pass within %lld bytes of pass 2 (%+lld)\n", kSlack, growth);
    return 0;
}
