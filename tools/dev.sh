#!/usr/bin/env bash
# The README's two commands. On a fresh Debian 12 machine (root, or a user with sudo):
#   tools/dev.sh run [SAMPLE-DIR [GUI OPTIONS]]
#                               install what is missing, build, open the GUI on a bundled
#                               sample (offline: DNS answered from the sample's zone file)
#   tools/dev.sh test           install what is missing, build, run every test
# Other verbs used by CI: asan (the suite under ASan+UBSan, then the multi-threaded tests
# ten times more), fuzz-smoke (every libFuzzer target for MAILSCOPE_FUZZ_SECONDS, default
# 60, from the same clang build), package.
#   tools/dev.sh fuzz-long [GOAL]   every target (or MAILSCOPE_FUZZ_TARGETS) until GOAL
#                                   clean executions of its current code (default
#                                   10,000,000, counted over runs in the target's ledger,
#                                   tests/fuzz/ledger/<target>.tsv, which is committed;
#                                   MAILSCOPE_FUZZ_SECONDS caps each run) from the fuzz-long
#                                   build; as each target ends, its kept inputs are replayed
#                                   under ASan+UBSan and its ledger line is written
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
jobs=${MAILSCOPE_JOBS:-$(nproc)}
# ccache (when installed) may share objects between checkouts: paths relative to here.
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1

# Build, test and run dependencies, all Debian 12 packages.
deps_build=(cmake ninja-build g++ pkg-config ccache git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqscintilla2-qt6-dev libgl-dev libxkbcommon-dev
    libssl-dev libldns-dev libpsl-dev publicsuffix)
deps_test=(nsd ldnsutils openssl python3 python3-yaml xvfb xauth xfonts-base fonts-noto-cjk
    desktop-file-utils appstream clang-format strace
    libbenchmark-dev)
# The asan preset: clang with ASan+UBSan; it also builds the libFuzzer targets.
deps_fuzz=(clang libclang-rt-14-dev)
deps_package=(dpkg-dev debootstrap desktop-file-utils appstream file fakeroot)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing: ${missing[*]}"
        if [ ! -f /var/lib/apt/periodic/mailscope-updated ] || [ -n "${CI:-}" ]; then
            as_root apt-get update -qq
            as_root mkdir -p /var/lib/apt/periodic && as_root touch /var/lib/apt/periodic/mailscope-updated
        fi
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

build() { # PRESET [TARGET...]: everything, or only the targets named
    local preset=$1
    shift
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs" ${1:+--target "$@"}
}

verb=${1:-}
case "$verb" in
run)
    # The same (debug) build as `test`, so the two commands share one build folder.
    install_missing "${deps_build[@]}"
    build debug
    sample=${2:-resources/samples/mailing-list}
    shift $(( $# > 1 ? 2 : 1 ))
    eml=$(ls "$sample"/*.eml | head -n 1)
    zones=()
    for z in "$sample"/*.zone; do zones+=(--zone "$z"); done
    exec build/debug/app/mailscope "$eml" "${zones[@]}" "$@"
    ;;
test)
    install_missing "${deps_build[@]}" "${deps_test[@]}"
    build debug
    ctest --preset debug -j "$jobs"
    ;;
asan)
    # One clang build with ASan+UBSan for the whole suite and the fuzz targets.
    install_missing "${deps_build[@]}" "${deps_test[@]}" "${deps_fuzz[@]}"
    build asan
    ctest --preset asan -j "$jobs"
    # The multi-threaded tests (label "threads") ten times more each: races show under ASan
    # only when the threads interleave badly.
    ctest --preset asan -j "$jobs" -L threads --repeat until-fail:10
    ;;
fuzz-smoke | fuzz-long)
    install_missing "${deps_build[@]}" "${deps_fuzz[@]}"
    if [ "$verb" = fuzz-smoke ]; then
        # The smoke run uses the ASan+UBSan build CI makes anyway.
        preset=asan
        limit=(-max_total_time="${MAILSCOPE_FUZZ_SECONDS:-60}")
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_odr_violation=0"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    else
        # The long run uses its own -O2 build without ASan (UBSan checks trap, LeakSanitizer
        # stays on): 1.5-5x the executions per second. What ASan would add is checked after
        # the run, by replaying every input the run kept under the ASan+UBSan build.
        # -entropic=0: with ~100k instrumented edges, libFuzzer's entropic schedule spent 60 %
        # of fuzz_verify's time updating feature frequencies (5x fewer executions).
        preset=fuzz-long
        goal=${2:-10000000}
        limit=(-entropic=0)
        # A cap on each target's time (MAILSCOPE_FUZZ_SECONDS) still ends in the summary and
        # the ASan replay, unlike stopping the run by hand.
        if [ -n "${MAILSCOPE_FUZZ_SECONDS:-}" ]; then
            limit+=(-max_total_time="$MAILSCOPE_FUZZ_SECONDS")
        fi
    fi
    export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp"
    # Targets picked by name are the only ones built (both builds): a long run of one target
    # on one core need not wait for the whole suite twice.
    picked=()
    for t in ${MAILSCOPE_FUZZ_TARGETS:-}; do picked+=("fuzz_$t"); done
    build "$preset" "${picked[@]}"
    out="build/$preset/fuzz"
    # Long runs add up: each one that ends clean (the ASan replay included) appends its
    # executions to tests/fuzz/ledger/<target>.tsv under a hash of the target's machine
    # code, so a later run continues the count, and any change to what the target links
    # restarts it. The ledgers are committed: a run on another machine adds to them when it
    # builds the very same code (same sources, compiler and checkout path).
    ledgers=tests/fuzz/ledger
    # Through a temporary file, not /dev/stdout: objcopy deletes its output when it fails (a
    # missing binary), and as root that removed the /dev/stdout link; the next call then
    # wrote a regular file there, and every fingerprint after it was the hash of nothing.
    fingerprint() {
        local tmp sum=unknown
        tmp=$(mktemp) || { echo unknown; return; }
        if objcopy -O binary --only-section=.text "$1" "$tmp" 2>/dev/null; then
            sum=$(sha256sum "$tmp" | cut -c1-16)
        fi
        rm -f "$tmp"
        echo "$sum"
    }
    counted() { # LEDGER FINGERPRINT -> clean executions of that code so far
        if [ -e "$1" ]; then
            awk -F'\t' -v fp="$2" '$3 == fp && $5 == "clean" { n += $4 } END { print n + 0 }' "$1"
        else
            echo 0
        fi
    }
    # The commit a ledger line names: "-dirty" for edited sources, but not for the ledgers
    # themselves, which every long run appends to.
    source_commit() {
        local c
        c=$(git rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
        if [ -n "$(git status --porcelain --untracked-files=no -- . ':(exclude)tests/fuzz/ledger' 2>/dev/null)" ]; then
            c="$c-dirty"
        fi
        echo "$c"
    }
    # A long run's kept inputs are replayed under ASan+UBSan as soon as its target ends, so
    # that build comes first.
    if [ "$verb" = fuzz-long ]; then
        install_missing "${deps_test[@]}"
        build asan "${picked[@]}"
    fi
    # Every input a long run kept, once more under ASan+UBSan (-runs=0: no mutation), then the
    # target's ledger line: written when the target ends, so stopping the wrapper later loses
    # nothing already finished.
    replay_and_count() {
        local f=$1 name work fp executions a
        name=$(basename "$f")
        work="$out/$name"
        local asan_env=(ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_odr_violation=0"
            UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
        # An input the long run failed on, once more for a diagnostic: the long run's UBSan
        # checks trap without a message, and it has no ASan.
        for a in "$work"/artifacts/*; do
            [ -f "$a" ] && [[ "$(basename "$a")" != asan-* ]] || continue
            echo "== $name: $(basename "$a") under ASan+UBSan" >>"$work/log"
            env "${asan_env[@]}" "build/asan/tests/fuzz/$name" -runs=1 -rss_limit_mb=2048 \
                -timeout=60 "$a" >>"$work/log" 2>&1 || true
        done
        echo "== $name: replaying $(find "$work/corpus" -type f | wc -l) kept inputs under ASan+UBSan"
        if ! env "${asan_env[@]}" "build/asan/tests/fuzz/$name" -runs=0 -rss_limit_mb=2048 \
            -timeout=60 -artifact_prefix="$work/artifacts/asan-" "$work/corpus" 2>"$work/asan-log"; then
            touch "$work/failed"
            tail -n 60 "$work/asan-log" >>"$work/log"
        fi
        fp=$(fingerprint "$f")
        executions=$(awk '/^stat::number_of_executed_units/ { n = $2 } END { print n }' "$work/log")
        mkdir -p "$ledgers"
        [ -e "$ledgers/$name.tsv" ] || printf 'date\tcommit\tcode\texecutions\tresult\n' >"$ledgers/$name.tsv"
        local result=clean
        if [ -e "$work/failed" ]; then
            result=failed
        elif [ -e "$work/stopped" ]; then
            result=stopped
        fi
        printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$(source_commit)" "$fp" \
            "${executions:-0}" "$result" >>"$ledgers/$name.tsv"
    }
    # One target per core at a time: the smoke run takes (targets / jobs) minutes.
    fuzz_one() {
        local f=$1 name target max_len work
        name=$(basename "$f")
        target=${name#fuzz_}
        # Inputs a little larger than the seeds: the parsers' limits are exercised by the
        # hostile tests; here volume matters (fuzz_verify runs every check per input).
        case "$target" in
        verify) max_len=16384 ;;
        message | cms | zone | transcript) max_len=65536 ;;
        *) max_len=8192 ;;
        esac
        work="$out/$name"
        rm -rf "$work/artifacts" "$work/failed" "$work/stopped" "$work/reached" "$work/log"
        mkdir -p "$work/corpus" "$work/artifacts"
        local runs=()
        if [ "$verb" = fuzz-long ]; then
            local left=$((goal - $(counted "$ledgers/$name.tsv" "$(fingerprint "$f")")))
            if [ "$left" -le 0 ]; then
                touch "$work/reached"
                return 0
            fi
            runs=(-runs="$left")
        fi
        # New inputs go to the build folder, the committed seeds are only read.
        if ! "$f" "${limit[@]}" "${runs[@]}" -max_len="$max_len" -rss_limit_mb=2048 -timeout=60 \
            -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
            "$work/corpus" "tests/fuzz/corpus/$target" 2>"$work/log"; then
            # A fuzzer stopped by a signal ends without its exit-time leak check: its run is
            # recorded as stopped, not counted.
            if grep -q "run interrupted; exiting" "$work/log"; then
                touch "$work/stopped"
            else
                touch "$work/failed"
            fi
        fi
        if [ "$verb" = fuzz-long ]; then
            replay_and_count "$f"
        fi
    }
    # MAILSCOPE_FUZZ_TARGETS="taglist dmarc" picks targets and their order (default: all).
    targets=()
    if [ -n "${MAILSCOPE_FUZZ_TARGETS:-}" ]; then
        for t in $MAILSCOPE_FUZZ_TARGETS; do
            f="build/$preset/tests/fuzz/fuzz_$t"
            [ -x "$f" ] || { echo "no fuzz target $t ($f)" >&2; exit 1; }
            targets+=("$f")
        done
    else
        for f in "build/$preset/tests/fuzz"/fuzz_*; do
            [ -x "$f" ] && targets+=("$f")
        done
    fi
    running=0
    for f in "${targets[@]}"; do
        echo "== $(basename "$f") (${limit[*]})"
        fuzz_one "$f" &
        running=$((running + 1))
        if [ "$running" -ge "$jobs" ]; then
            wait -n || true
            running=$((running - 1))
        fi
    done
    wait || true
    failed=()
    for f in "${targets[@]}"; do
        name=$(basename "$f")
        work="$out/$name"
        echo "== $name"
        if [ -e "$work/log" ]; then
            # libFuzzer prints its stats again after a report at exit (a leak): show them once.
            { grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$work/log" || true; } \
                | awk '!seen[$0]++' | sed "s/^/   /"
        fi
        if [ -e "$work/failed" ]; then
            failed+=("$name")
            tail -n 60 "$work/log"
        elif [ -e "$work/stopped" ]; then
            echo "   stopped by a signal: not counted"
        fi
        if [ "$verb" = fuzz-long ]; then
            fp=$(fingerprint "$f")
            echo "   clean executions of this code (${fp}) so far: $(counted "$ledgers/$name.tsv" "$fp") of $goal"
        fi
    done
    if [ ${#targets[@]} -eq 0 ]; then
        echo "no fuzz targets were built or selected (build/$preset/tests/fuzz)" >&2
        exit 1
    fi
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzzing found problems in: ${failed[*]} (inputs in $out/*/artifacts)" >&2
        exit 1
    fi
    ;;
package)
    # The debug build is packaged: the test proves the Depends, not the optimisation level,
    # and CI then builds once instead of twice.
    install_missing "${deps_build[@]}" "${deps_test[@]}" "${deps_package[@]}"
    build debug
    ctest --preset package
    ;;
*)
    echo "usage: tools/dev.sh run [SAMPLE-DIR [GUI OPTIONS]] | test | asan | fuzz-smoke | fuzz-long [RUNS] | package" >&2
    exit 2
    ;;
esac
