#!/usr/bin/env bash
# Build the .deb, install it into a fresh Debian 12 root (debootstrap, inside the build
# folder, chroot) and there run mailscope-cli --version, mailscope-cli verify on an
# installed sample offline, and the GUI on the offscreen platform until it has loaded a
# sample and quit by itself. Proves the package's Depends are complete.
set -euo pipefail
build=$1
src=$2
root=$build/package-root
mirror=${MAILSCOPE_DEBIAN_MIRROR:-http://deb.debian.org/debian}

[ "$(id -u)" -eq 0 ] || { echo "package test: needs root (debootstrap, chroot)"; exit 1; }

echo "== cpack"
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/mailscope_*.deb | head -n 1)
echo "package: $deb"
dpkg-deb -f "$deb" Depends

# A pristine minbase root, kept as a tarball so reruns start clean without downloading.
base=$build/package-root-base.tar
if [ ! -f "$base" ]; then
    echo "== debootstrap bookworm (minbase)"
    rm -rf "$root"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$build/debootstrap.log" 2>&1 \
        || { tail -20 "$build/debootstrap.log"; exit 1; }
    tar -C "$root" -cf "$base" .
fi
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    umount "$root/dev" 2>/dev/null || true
}
trap cleanup EXIT
cleanup
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xf "$base"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/mailscope.deb"

echo "== apt-get install ./mailscope.deb (only what its Depends pull in)"
chroot "$root" apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/mailscope.deb >/dev/null

echo "== mailscope-cli --version"
chroot "$root" mailscope-cli --version

sample_dir=/usr/share/mailscope/samples
sample=$(chroot "$root" sh -c "ls -d $sample_dir/*/ | head -n 1")
eml=$(chroot "$root" sh -c "ls $sample*.eml | head -n 1")
zones=$(chroot "$root" sh -c "for z in $sample*.zone; do printf -- '--zone %s ' \"\$z\"; done")
echo "== mailscope-cli verify $eml $zones"
set +e
# shellcheck disable=SC2086
chroot "$root" mailscope-cli verify --offline $zones --format json "$eml" >"$build/package-verify.json"
rc=$?
set -e
echo "exit code $rc"
grep -q '"schema": *"mailscope-report/2"' "$build/package-verify.json" \
    || { echo "no report from the installed CLI"; cat "$build/package-verify.json"; exit 1; }
[ "$rc" -le 1 ] || { echo "verify failed to run (exit $rc)"; exit 1; }

echo "== mailscope (offscreen) loads the sample and quits by itself"
# shellcheck disable=SC2086
chroot "$root" env QT_QPA_PLATFORM=offscreen timeout 120 mailscope --quit-after-load $zones "$eml"

echo "== desktop integration files"
for f in /usr/share/applications/org.mailscope.Mailscope.desktop \
         /usr/share/metainfo/org.mailscope.Mailscope.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/mailscope.svg \
         /usr/share/icons/hicolor/48x48/apps/mailscope.png \
         /usr/share/man/man1/mailscope-cli.1.gz; do
    [ -e "$root$f" ] || [ -e "$root${f%.gz}" ] || { echo "missing in package: $f"; exit 1; }
done
echo "package test passed"
