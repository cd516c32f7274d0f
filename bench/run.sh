#!/usr/bin/env bash
# Runs the performance benchmarks of issue 2 (item 11) and prints a results block (also written to
# bench/results/<time>.md). Not part of the test suite; takes several minutes.
#
# Usage: bench/run.sh [-n REPS] [--skip-registry] [--only cold|warm|memory|registry]...
#   -n REPS          repetitions of each alternating pair (default 5; the warm rescan runs 3*REPS times)
#
# Method, in short (details in docs/benchmarks.md): every comparison runs side by side in one run, alternating the
# order inside each pair, with the image files in the page cache (one untimed pass first), and reports medians and
# the ratio of medians. The machine is never quiet enough for absolute numbers; the ratios are the result.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
repo=$(dirname "$here")
reps=5
skip_registry=0
only=()
while [ $# -gt 0 ]; do
  case $1 in
    -n) reps=$2; shift 2 ;;
    --skip-registry) skip_registry=1; shift ;;
    --only) only+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
wanted() { [ ${#only[@]} -eq 0 ] && return 0; local o; for o in "${only[@]}"; do [ "$o" = "$1" ] && return 0; done; return 1; }

die() { echo "run.sh: $*" >&2; exit 1; }
for tool in gzip jq awk sort; do
  command -v "$tool" >/dev/null || die "missing tool '$tool' (apt-get install -y gzip jq gawk coreutils)"
done
[ -x /usr/bin/time ] || die "missing /usr/bin/time (apt-get install -y time)"
[ "${BASH_VERSINFO[0]}" -ge 5 ] || die "needs bash 5 (EPOCHREALTIME)"

images=$("$here/build-images.sh")
bulwark="$repo/bulwark"
"$bulwark" version >/dev/null || die "./bulwark does not run (see the message above)"

work=$(mktemp -d /tmp/bulwark-bench.XXXXXX)
registry_pid=
cleanup() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# ---- helpers -------------------------------------------------------------------------------------------------------
# now: microseconds since the epoch, without a fork.
now() { local t=${EPOCHREALTIME/./}; echo "$t"; }
# timed VAR CMD...: runs CMD (stdout and stderr to $work/last.log), appends its wall time in seconds to file VAR.
timed() {
  local file=$1; shift
  local t0 t1
  t0=$(now)
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; die "failed: $*"; }
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }' >> "$file"
}
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -g "$1" | head -1; }
maximum() { sort -g "$1" | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() { if le "$1" "$2"; then echo "MET"; else echo "NOT MET"; fi; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
series() { printf '%s' "$(tr '\n' ' ' < "$1")"; }

# Layer blob paths of an OCI layout (one image in index.json), in manifest order.
layer_blobs() {
  local dir=$1 manifest
  manifest=$(jq -r '.manifests[0].digest' "$dir/index.json")
  jq -r '.layers[].digest' "$dir/blobs/${manifest%%:*}/${manifest#*:}" | sed "s#^\([a-z0-9]*\):#$dir/blobs/\1/#"
}
# The floor: gzip -dc of every layer blob, one after the other (what one core can do) ...
floor_seq() { local b; for b in $(layer_blobs "$1"); do gzip -dc "$b" >/dev/null; done; }
# ... and all layers at once (as many cores as there are layers; bulwark also reads layers in parallel).
floor_par() { local b pids=(); for b in $(layer_blobs "$1"); do gzip -dc "$b" >/dev/null & pids+=($!); done; wait "${pids[@]}"; }
warm_page_cache() { cat "$@" >/dev/null; }

out=$work/results.md
{
  echo "### Results $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; load at start $(load)"
  echo "- bulwark $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- engine cli report 2>/dev/null || echo '+dirty'); $("$bulwark" version | head -1)"
  echo "- gzip: $(gzip --version | head -1); repetitions per pair: $reps"
  echo "- images (uncompressed / gzip blobs):" \
    "$(awk -F'\t' 'NR > 1 { printf "%s%s %d layers %.2f GB / %.2f GB", sep, $1, $2, $3 / 1e9, $4 / 1e9; sep = "; " }' "$images/sizes.tsv")"
  echo
} > "$out"

# ---- 1. cold scan against the gzip -dc floor ----------------------------------------------------------------------
if wanted cold; then
  echo "run.sh: cold scans ($reps pairs per image form)..." >&2
  {
    echo "#### Cold scan (no cache) vs. the decompression floor"
    echo
    echo "| image | bulwark median (min..max) | floor median | ratio | target <= 1.3x |"
    echo "|---|---|---|---|---|"
  } >> "$out"
  for name in 1g 2g; do
    oci="$images/bench-$name.oci"
    mapfile -t blobs < <(layer_blobs "$oci")
    warm_page_cache "${blobs[@]}" "$images/bench-$name.docker.tar"
    b=$work/cold-$name.bulwark; s=$work/cold-$name.seq; p=$work/cold-$name.par
    : > "$b"; : > "$s"; : > "$p"
    for i in $(seq "$reps"); do
      if [ $((i % 2)) = 1 ]; then
        timed "$s" floor_seq "$oci"; timed "$p" floor_par "$oci"
        timed "$b" "$bulwark" image "oci:$oci:$name" --no-cache -q -o "$work/cold.txt"
      else
        timed "$b" "$bulwark" image "oci:$oci:$name" --no-cache -q -o "$work/cold.txt"
        timed "$p" floor_par "$oci"; timed "$s" floor_seq "$oci"
      fi
    done
    mb=$(median "$b"); ms=$(median "$s"); mp=$(median "$p")
    r=$(ratio "$mb" "$ms")
    {
      echo "| $name gzip OCI layout | $mb s ($(minimum "$b")..$(maximum "$b")) | $ms s (\`gzip -dc\` of each layer in turn) | $r | $(verdict "$r" 1.3) |"
      echo "| $name gzip OCI layout | $mb s | $mp s (all layers' \`gzip -dc\` at once) | $(ratio "$mb" "$mp") | (for information) |"
    } >> "$out"
    echo "  $name: bulwark [$(series "$b")] seq floor [$(series "$s")] par floor [$(series "$p")]" >> "$work/raw.txt"

    # docker-archive: layers are stored uncompressed, so the floor is reading the file.
    tar=$images/bench-$name.docker.tar
    ba=$work/cold-$name.archive; ca=$work/cold-$name.cat
    : > "$ba"; : > "$ca"
    for i in $(seq "$reps"); do
      timed "$ca" cat "$tar"
      timed "$ba" "$bulwark" image --input "$tar" --no-cache -q -o "$work/cold.txt"
    done
    echo "| $name docker-archive | $(median "$ba") s | $(median "$ca") s (\`cat\` of the tar) | $(ratio "$(median "$ba")" "$(median "$ca")") | (no decompression; for information) |" >> "$out"
    echo "  $name archive: bulwark [$(series "$ba")] cat [$(series "$ca")]" >> "$work/raw.txt"
  done
  echo >> "$out"
fi

# ---- 2. warm rescan -----------------------------------------------------------------------------------------------
if wanted warm; then
  echo "run.sh: warm rescans..." >&2
  cache=$work/cache
  n=$((reps * 3))
  {
    echo "#### Warm rescan of the unchanged image (wall time including JVM start, $n runs)"
    echo
    echo "| what | median | min..max | target <= 0.5 s |"
    echo "|---|---|---|---|"
  } >> "$out"
  jdk=$(. "$repo/bin/find-jdk.sh" && echo "$JAVA_HOME")
  for name in 1g 2g; do
    "$bulwark" image "oci:$images/bench-$name.oci:$name" --cache-dir "$cache" -q -o "$work/warm.txt" # fill
    w=$work/warm-$name; : > "$w"
    for i in $(seq "$n"); do timed "$w" "$bulwark" image "oci:$images/bench-$name.oci:$name" --cache-dir "$cache" -q -o "$work/warm.txt"; done
    echo "| \`bulwark image oci:…$name\` (warm cache) | $(median "$w") s | $(minimum "$w")..$(maximum "$w") | $(verdict "$(median "$w")" 0.5) |" >> "$out"
    echo "  warm $name: [$(series "$w")]" >> "$work/raw.txt"
  done
  wa=$work/warm-archive; : > "$wa"
  "$bulwark" image --input "$images/bench-1g.docker.tar" --cache-dir "$cache" -q -o "$work/warm.txt"
  for i in $(seq "$n"); do timed "$wa" "$bulwark" image --input "$images/bench-1g.docker.tar" --cache-dir "$cache" -q -o "$work/warm.txt"; done
  echo "| \`bulwark image --input bench-1g.docker.tar\` (warm cache) | $(median "$wa") s | $(minimum "$wa")..$(maximum "$wa") | $(verdict "$(median "$wa")" 0.5) |" >> "$out"
  # Where the time goes: the same java command the launcher execs (captured from bash -x, so it stays in step
  # with ./bulwark) started directly, the launcher with no scan, and a bare JVM.
  read -r -a direct < <(bash -x "$bulwark" version 2>&1 >/dev/null | sed -n 's/^+ exec //p')
  unset 'direct[${#direct[@]}-1]' # drop "version"
  wd=$work/warm-direct; v=$work/version; jv=$work/jvm; : > "$wd"; : > "$v"; : > "$jv"
  for i in $(seq "$n"); do
    timed "$wd" "${direct[@]}" image "oci:$images/bench-1g.oci:1g" --cache-dir "$cache" -q -o "$work/warm.txt"
    timed "$v" "$bulwark" version
    timed "$jv" "$jdk/bin/java" -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -version
  done
  {
    echo "| the launcher's java command run directly, \`image oci:…1g\` (warm; no launcher script) | $(median "$wd") s | $(minimum "$wd")..$(maximum "$wd") | $(verdict "$(median "$wd")" 0.5) |"
    echo "| \`bulwark version\` (launcher + JVM + CLI start, no scan) | $(median "$v") s | $(minimum "$v")..$(maximum "$v") | |"
    echo "| \`java -version\` (bare JVM start, for reference) | $(median "$jv") s | $(minimum "$jv")..$(maximum "$jv") | |"
    echo
  } >> "$out"
  echo "  warm 1g, java run directly: [$(series "$wd")]" >> "$work/raw.txt"
fi

# ---- 3. 2 GB image with a 256 MB heap -----------------------------------------------------------------------------
if wanted memory; then
  echo "run.sh: 2 GB image with -Xmx256m..." >&2
  {
    echo "#### 2 GB image with \`BULWARK_JAVA_OPTS=-Xmx256m\` (no cache)"
    echo
    echo "| source | exit | wall | peak RSS | packages |"
    echo "|---|---|---|---|---|"
  } >> "$out"
  for form in oci archive; do
    if [ "$form" = oci ]; then args=("oci:$images/bench-2g.oci:2g"); else args=(--input "$images/bench-2g.docker.tar"); fi
    set +e
    BULWARK_JAVA_OPTS=-Xmx256m /usr/bin/time -v -o "$work/time.txt" \
      "$bulwark" image "${args[@]}" --no-cache -q -f json -o "$work/mem.json" 2>"$work/mem.err"
    rc=$?
    set -e
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$work/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.txt")
    pkgs=$( [ "$rc" = 0 ] && jq '.packages | length' "$work/mem.json" || echo "- ($(head -c 200 "$work/mem.err"))")
    echo "| 2g $form | $rc | $wall | $rss | $pkgs |" >> "$out"
  done
  echo >> "$out"
fi

# ---- 4. pull from a local registry against skopeo copy ------------------------------------------------------------
if wanted registry && [ "$skip_registry" = 0 ]; then
  # shellcheck source=bench/registry.sh
  . "$here/registry.sh"
  registry_bench
fi

[ -s "$work/raw.txt" ] && { echo "<details><summary>raw wall times (s)</summary>"; echo; echo '```'; cat "$work/raw.txt"; echo '```'; echo "</details>"; echo; } >> "$out"
echo "- load at end $(load)" >> "$out"
mkdir -p "$here/results"
dest="$here/results/$(date -u +%Y%m%dT%H%M%SZ).md"
cp "$out" "$dest"
cat "$out"
echo "run.sh: results written to $dest" >&2
