#!/usr/bin/env bash
# Issue 3 benchmark: what the language catalogers cost on the cold scan of the 1 GB image. Each JAR (bulwark CLI
# jars to compare, e.g. before and after a change) scans oci:…/bench-1g.oci with all catalogers and with the OS
# ones only (BULWARK_BENCH_CATALOGERS=os), the four runs alternating in order every repetition; prints each run and
# the medians of wall and CPU (user+sys) time, and checks that every jar gives the same JSON report.
# Usage: bench/catalogers-cost.sh [-n REPS] JAR...   (run bench/build-images.sh first)
set -euo pipefail
reps=5
if [ "${1:-}" = -n ]; then reps=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: $0 [-n REPS] JAR..." >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${BULWARK_FIXTURE_CACHE:-$HOME/.cache/bulwark-fixtures}
oci=$(ls -d "$cache"/bench-*/bench-1g.oci | head -1)
. "$root/bin/find-jdk.sh"
java=$JAVA_HOME/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$oci"/blobs/sha256/* > /dev/null # page cache warm
echo "image: $oci; load: $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # jar mode rep
  local out="$work/$(basename "$1" .jar)-$2.json" env=()
  [ "$2" = os ] && env=(BULWARK_BENCH_CATALOGERS=os)
  env "${env[@]}" BULWARK_CACHE_DIR="$work/cache" /usr/bin/time -f "%e %U %S" -o "$work/t" \
    "$java" -XX:+UseSerialGC -XX:-UsePerfData -Xss2m -jar "$1" image "oci:$oci:1g" --no-cache -q -f json -o "$out"
  read -r wall user sys < "$work/t"
  cpu=$(echo "$user + $sys" | bc)
  echo "$(basename "$1") $2 $wall $cpu" | tee -a "$work/times"
}
modes=(all os)
jars=("$@")
for rep in $(seq "$reps"); do
  order=()
  for j in "${jars[@]}"; do for m in "${modes[@]}"; do order+=("$j $m"); done; done
  if [ $((rep % 2)) = 0 ]; then # reverse every other repetition
    for ((i=${#order[@]}-1; i>=0; i--)); do run ${order[$i]}; done
  else
    for o in "${order[@]}"; do run $o; done
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for j in "${jars[@]}"; do
  b=$(basename "$j")
  for m in "${modes[@]}"; do
    w=$(awk -v b="$b" -v m="$m" '$1==b && $2==m {print $3}' "$work/times" | median)
    c=$(awk -v b="$b" -v m="$m" '$1==b && $2==m {print $4}' "$work/times" | median)
    echo "$b $m: wall median $w s, cpu median $c s"
    eval "w_$m=$w; c_$m=$c"
  done
  echo "$b all/os: wall $(echo "scale=3; $w_all / $w_os" | bc), cpu $(echo "scale=3; $c_all / $c_os" | bc)"
  jq -S 'del(.. | .scanTime?, .createdAt?, .timestamp?, .generatedAt?)' "$work/$(basename "$j" .jar)-all.json" \
    > "$work/$b.norm"
done
first=$(basename "${jars[0]}")
for j in "${jars[@]}"; do
  cmp -s "$work/$first.norm" "$work/$(basename "$j").norm" && echo "report of $(basename "$j"): same as $first" \
    || { echo "report of $(basename "$j") DIFFERS from $first"; diff "$work/$first.norm" "$work/$(basename "$j").norm" | head -20; }
done
