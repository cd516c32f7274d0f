#!/usr/bin/env bash
# Issue 3 targets as a user meets them: `./bulwark fs DIR --scanners none -f json` (every cataloger, the JSON report,
# through the launcher and its startup cache), wall time from the command's start and, from --debug, when the
# inventory was complete in ms since the JVM started, on the 1,558-package node_modules
# of bench/npm-node-modules.sh and the 202-jar Spring Boot fat jar of bench/java-fatjar.sh (both cached fixtures).
# With OTHER (another checkout, e.g. the commit before a change) the two run alternately, so the ratio is measured
# side by side on this noisy machine. Usage: bench/fs-cli.sh [-n RUNS] [OTHER]
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
repo=$(dirname "$here")
runs=5
[ "${1:-}" = -n ] && { runs=$2; shift 2; }
other=${1:-}
npm_dir=$(BENCH_FIXTURE_ONLY=1 "$here/npm-node-modules.sh")
jar_dir=$(BENCH_FIXTURE_ONLY=1 "$here/java-fatjar.sh")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checkouts=("$repo" ${other:+"$other"})
for c in "${checkouts[@]}"; do "$c/bulwark" version >/dev/null; done # builds and records the startup cache if needed
# page cache warm for both sides alike (the image benchmarks read gigabytes and push the tree out of it)
find "$npm_dir/node_modules" -name package.json -exec cat {} + >/dev/null
cat "$npm_dir/package-lock.json" "$jar_dir/app.jar" >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  for fixture in npm fatjar; do
    dir=$npm_dir; [ $fixture = fatjar ] && dir=$jar_dir
    for k in "${!checkouts[@]}"; do
      start=$(date +%s%N)
      "${checkouts[$k]}/bulwark" fs "$dir" --scanners none -q -f json -o "$work/$fixture.$k.json" --debug \
        2> "$work/debug"
      echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/$fixture.$k.ms"
      # --debug tells when the inventory was complete, in ms since the JVM started (older checkouts do not)
      sed -n 's/^bulwark: debug: inventory .* at \([0-9]*\) ms$/\1/p' "$work/debug" >> "$work/$fixture.$k.inv"
    done
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
for fixture in npm fatjar; do
  for k in "${!checkouts[@]}"; do
    name=this; [ "$k" = 1 ] && name=other
    echo "$fixture $name: median $(median "$work/$fixture.$k.ms") ms [$(tr '\n' ' ' < "$work/$fixture.$k.ms")]" \
      "$(jq -r '.packages | length' "$work/$fixture.$k.json") packages"
    if [ -s "$work/$fixture.$k.inv" ]; then
      echo "  catalogued after JVM start: median $(median "$work/$fixture.$k.inv") ms" \
        "[$(tr '\n' ' ' < "$work/$fixture.$k.inv")]"
    fi
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
