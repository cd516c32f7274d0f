#!/usr/bin/env bash
# Builds the benchmark images: the debootstrapped Debian 12 minbase rootfs plus real layers of real binaries (JDKs,
# shared libraries, /usr/share), about 1.2 GB and 2.1 GB uncompressed, exported with skopeo the two ways Bulwark
# reads them offline: a docker-archive (uncompressed layers) and an OCI layout with gzip layers (what registries
# store).
#
# Usage: bench/build-images.sh        prints the output directory on stdout (the only line on stdout)
# Output: ${BULWARK_FIXTURE_CACHE:-$HOME/.cache/bulwark-fixtures}/bench-<hash of this script>/
#   bench-1g.docker.tar  bench-1g.oci/ (tag 1g)     ~1.2 GB: base, JDK 25, /usr/lib/x86_64-linux-gnu, a RUN layer
#   bench-2g.docker.tar  bench-2g.oci/ (tag 2g)     ~2.1 GB: the 1g image plus JDK 17 and parts of /usr/share
#   sizes.tsv                                       image, layers, uncompressed bytes, gzip blob bytes
# Idempotent: an existing complete output is reused; a partial one is rebuilt.
# Needs root, podman, skopeo, jq, debootstrap (only if the rootfs is not cached yet).
set -euo pipefail

die() { echo "build-images.sh: $*" >&2; exit 1; }
for tool in podman skopeo jq sha256sum tar; do
  command -v "$tool" >/dev/null || die "missing tool '$tool' (apt-get install -y podman skopeo jq coreutils tar)"
done
[ "$(id -u)" = 0 ] || die "run as root (podman build and the rootfs need it)"

script=$(readlink -f "${BASH_SOURCE[0]}")
cache=${BULWARK_FIXTURE_CACHE:-$HOME/.cache/bulwark-fixtures}
hash=$(sha256sum "$script" | cut -c1-16)
out="$cache/bench-$hash"
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi

# The same minbase rootfs engine/src/test/fixtures/debian-image.sh caches; debootstrapped the same way if missing.
rootfs="$cache/rootfs-bookworm-minbase"
if [ ! -f "$rootfs/.complete" ]; then
  command -v debootstrap >/dev/null || die "missing tool 'debootstrap' (apt-get install -y debootstrap)"
  echo "build-images.sh: debootstrapping Debian bookworm minbase into $rootfs" >&2
  mkdir -p "$cache"
  rm -rf "$rootfs.tmp"
  debootstrap --variant=minbase bookworm "$rootfs.tmp" "${BULWARK_DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
    >"$cache/bench-debootstrap.log" 2>&1 || die "debootstrap failed, see $cache/bench-debootstrap.log"
  rm -rf "$rootfs"
  mv "$rootfs.tmp" "$rootfs"
  touch "$rootfs/.complete"
fi

# Real content from this machine: JDKs, shared libraries and data files that ship in real images.
jdk25=$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -1 || true)
jdk17=$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -1 || true)
libs=/usr/lib/x86_64-linux-gnu
share_parts=(gocode locale doc man vim icons perl)
[ -n "$jdk25" ] || die "no /usr/lib/jvm/temurin-25-jdk-* (the Temurin 25 JDK the build uses)"
[ -n "$jdk17" ] || die "no /usr/lib/jvm/java-17-openjdk-* (apt-get install -y openjdk-17-jdk-headless)"
[ -d "$libs" ] || die "no $libs"

# Earlier versions of this script left their own bench-<hash> directories (3.5 GB each); only this one is kept.
for old in "$cache"/bench-[0-9a-f]*; do
  [ -d "$old" ] && [ "$old" != "$out" ] && rm -rf "$old"
done
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d "$cache/bench-work.XXXXXX")
trap 'rm -rf "$work"' EXIT

base=localhost/bulwark-bench/debian-base:12
img1=localhost/bulwark-bench/app:1g
img2=localhost/bulwark-bench/app:2g

echo "build-images.sh: importing the rootfs as $base" >&2
tar -C "$rootfs" --exclude=./.complete -c . | podman import -q --change 'CMD ["/bin/bash"]' - "$base" >/dev/null

# The build context holds hard links (same filesystem) or copies of the real trees; never written to.
ctx="$work/ctx"
mkdir -p "$ctx/share"
link_tree() { cp -al "$1" "$2" 2>/dev/null || { rm -rf "$2"; cp -a "$1" "$2"; }; }
link_tree "$jdk25" "$ctx/jdk25"
link_tree "$jdk17" "$ctx/jdk17"
link_tree "$libs" "$ctx/libs"
for p in "${share_parts[@]}"; do
  [ -d "/usr/share/$p" ] && link_tree "/usr/share/$p" "$ctx/share/$p"
done

cat > "$work/Containerfile.1g" <<CF
FROM $base
COPY jdk25 /opt/java/jdk-25
COPY libs /usr/lib/x86_64-linux-gnu
RUN mkdir -p /etc/app && echo 'JAVA_HOME=/opt/java/jdk-25' > /etc/app/env && ln -s /opt/java/jdk-25/bin/java /usr/local/bin/java
ENV JAVA_HOME=/opt/java/jdk-25
CF
cat > "$work/Containerfile.2g" <<CF
FROM $img1
COPY jdk17 /usr/lib/jvm/java-17-openjdk-amd64
COPY share /usr/share
CF
echo "build-images.sh: podman build $img1" >&2
podman build -q --network=none -t "$img1" -f "$work/Containerfile.1g" "$ctx" >/dev/null
echo "build-images.sh: podman build $img2" >&2
podman build -q --network=none -t "$img2" -f "$work/Containerfile.2g" "$ctx" >/dev/null

printf 'image\tlayers\tuncompressed_bytes\tgzip_blob_bytes\n' > "$out/sizes.tsv"
for name in 1g 2g; do
  ref=localhost/bulwark-bench/app:$name
  echo "build-images.sh: exporting $ref (docker-archive, gzip OCI layout)" >&2
  skopeo copy -q "containers-storage:$ref" "docker-archive:$out/bench-$name.docker.tar:bulwark-bench/app:$name"
  skopeo copy -q --dest-compress-format gzip "containers-storage:$ref" "oci:$out/bench-$name.oci:$name"
  layers=$(skopeo inspect "oci:$out/bench-$name.oci:$name" | jq '.Layers | length')
  raw=$(tar -tvf "$out/bench-$name.docker.tar" | awk '$6 ~ /\.tar$/ || $6 ~ /layer/ {s += $3} END {print s}')
  gz=$(skopeo inspect --raw "oci:$out/bench-$name.oci:$name" | jq '[.layers[].size] | add')
  printf '%s\t%s\t%s\t%s\n' "$name" "$layers" "$raw" "$gz" >> "$out/sizes.tsv"
done
# The archives and layouts are the benchmark inputs; the images in containers-storage are no longer needed.
podman rmi -f "$img2" "$img1" "$base" >/dev/null 2>&1 || true
touch "$out/.complete"
echo "$out"
