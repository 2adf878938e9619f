#!/bin/sh
# Screenshots of the real Mailscope window under Xvfb, in English and Japanese.
#
#   tools/screenshots.sh BINARY [OUTDIR] [SAMPLE]
#
# BINARY  the built `mailscope` executable (this script builds nothing)
# OUTDIR  where the PNGs go (default: ./screenshots)
# SAMPLE  a sample name under resources/samples (default: mailing-list)
#
# For each language the app opens the sample offline (its zone file, its fixed time),
# waits for the verification, then grabs its own window for each main view
# (--screenshot): <lang>-main.png (tree, message with the failing step highlighted, DNS
# log), <lang>-hex-envelope.png, <lang>-dns-whatif.png, <lang>-canonical.png. A dark-palette
# shot is added too, and HiDPI shots at QT_SCALE_FACTOR=2 (<lang>-hidpi-*.png, twice the
# pixels: check that badges, icons and text stay sharp and unclipped). Afterwards the whole X screen is also captured with ImageMagick's
# `import` as a cross-check that the window really mapped (<lang>-screen.png).
set -eu

bin=${1:?usage: tools/screenshots.sh BINARY [OUTDIR] [SAMPLE]}
out=${2:-screenshots}
sample=${3:-mailing-list}
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/resources/samples/$sample"
eml="$dir/$sample.eml"
zone="$dir/$sample.zone"

[ -x "$bin" ] || { echo "screenshots.sh: $bin is not executable" >&2; exit 2; }
[ -f "$eml" ] || { echo "screenshots.sh: no sample $eml" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run missing (apt install xvfb)" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)

# A private settings directory so the user's own settings neither leak in nor change.
cfg=$(mktemp -d)
trap 'rm -rf "$cfg"' EXIT
export XDG_CONFIG_HOME="$cfg"
unset QT_QPA_PLATFORM

shoot() { # lang prefix extra-args...  (SCREEN overrides the Xvfb screen size)
    lang=$1; prefix=$2; shift 2
    LANG=C.UTF-8 xvfb-run -a -s "-screen 0 ${SCREEN:-1440x900}x24" \
        "$bin" "$eml" --zone "$zone" --lang "$lang" \
        --screenshot "$out" --screenshot-prefix "$prefix" "$@"
}

for lang in en ja; do
    shoot "$lang" "$lang-"
    echo "screenshots.sh: $lang done"
done
export QT_SCALE_FACTOR=2
SCREEN=2880x1800
for lang in en ja; do
    shoot "$lang" "$lang-hidpi-"
done
unset QT_SCALE_FACTOR SCREEN
# Last: --dark is saved in the (private) settings and would carry over to later shots.
shoot en "en-dark-" --dark

# Cross-check with the X server's view of the screen: the window maps, fonts render.
if command -v import >/dev/null; then
    for lang in en ja; do
        LANG=C.UTF-8 xvfb-run -a -s "-screen 0 1440x900x24" sh -c '
            "$0" "$1" --zone "$2" --lang "$3" & pid=$!
            sleep 6
            import -window root "$4"
            kill $pid' "$bin" "$eml" "$zone" "$lang" "$out/$lang-screen.png" || true
    done
fi
ls -1 "$out"/*.png
