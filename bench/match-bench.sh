#!/usr/bin/env bash
# Issue 4 item 6, the matching half: 10,000 packages matched against the loaded database (target < 100 ms).
# Builds the database (all of ../shared/data/osv plus tracker-format Debian data from the changelog facts) and a
# 10,000-package inventory from that data, then times VulnerabilityMatcher in fresh JVMs (the first, cold, match and
# BENCH_ROUNDS warm rounds), BENCH_RUNS times. With OTHER (another checkout of Bulwark, e.g. the commit before a change)
# the two builds run alternately on the same inventory and their findings are compared byte for byte.
# With BENCH_CLI=1 it also times `bulwark fs` on the same packages laid out as a root filesystem (dpkg status and
# lockfiles), through the launcher (AOT cache) and plain java, and with --scanners none for the part matching adds.
# Not part of the suite. BENCH_WORK=DIR keeps the data between runs. BENCH_JAVA_OPTS=-Dbench.nomemo=true makes every
# round parse the database's entries afresh (by default rounds after the first reuse the open database's memo).
# Usage: bench/match-bench.sh [OTHER]
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
repo=$(dirname "$here")
other=${1:-}
shared="$repo/../shared"
[ -d "$shared/data" ] || { echo "$(basename "$0"): no test data at $shared/data" >&2; exit 1; }
runs=${BENCH_RUNS:-5}
rounds=${BENCH_ROUNDS:-20}
work=${BENCH_WORK:-$(mktemp -d /tmp/bulwark-match-bench.XXXXXX)}
mkdir -p "$work"
. "$repo/bin/find-jdk.sh"
java="$JAVA_HOME/bin/java"

build() { # $1 checkout -> its engine classpath in $work/cp-<n>
  (cd "$1" && ./mvnw -q -B -o -pl engine test-compile dependency:build-classpath \
      -Dmdep.outputFile="$work/cp.$2" >/dev/null)
  echo "$1/engine/target/classes:$1/engine/target/test-classes:$(cat "$work/cp.$2")" > "$work/classpath.$2"
}
build "$repo" this
[ -n "$other" ] && build "$other" other

# The probe is compiled once per build, so each timed JVM starts like an application (no source launcher).
for n in this ${other:+other}; do
  mkdir -p "$work/probe.$n"
  "$JAVA_HOME/bin/javac" -d "$work/probe.$n" -cp "$(cat "$work/classpath.$n")" "$here/MatchBench.java" \
    "$here/MatchBenchData.java"
done
if [ ! -f "$work/data/inventory-realistic.tsv" ]; then
  "$java" -cp "$work/probe.this:$(cat "$work/classpath.this")" MatchBench prepare "$shared/data/osv" \
    "$shared/data/debian-bookworm" "$work/data"
fi
uptime
# Two inventories of the same 10,000 names: hit-heavy (versions picked inside the advisories' ranges: ~14,600
# findings) and realistic (most packages at their newest fix, as a maintained image carries them).
for i in $(seq 1 "$runs"); do
  for inv in inventory inventory-realistic; do
    for n in this ${other:+other}; do
      echo "== run $i, $inv, $n ($(cut -d' ' -f1-3 /proc/loadavg))"
      "$java" -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -cp "$work/probe.$n:$(cat "$work/classpath.$n")" MatchBench \
        match "$work/data/db/advisories.db" "$work/data/$inv.tsv" "$rounds" "$work/findings.$inv.$n.txt"
    done
  done
done
if [ -n "$other" ]; then
  for inv in inventory inventory-realistic; do
    if cmp -s "$work/findings.$inv.this.txt" "$work/findings.$inv.other.txt"; then
      echo "findings identical ($inv): $(wc -l < "$work/findings.$inv.this.txt") lines"
    else
      echo "FINDINGS DIFFER: diff $work/findings.$inv.this.txt $work/findings.$inv.other.txt" >&2; exit 1
    fi
  done
fi

if [ "${BENCH_CLI:-}" = 1 ]; then
  # What a user sees: `bulwark fs` on the same packages laid out as dpkg status and lockfiles, through the launcher
  # (with the AOT cache its `bulwark train` run records) and through plain java with the launcher's other options.
  mapfile -t opts < "$repo/bin/jvm.options"
  opts+=(-Dbulwark.tty=false)
  [ "$bulwark_major" -ge 23 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
  for n in this ${other:+other}; do
    checkout=$repo; [ $n = other ] && checkout=$other
    "$checkout/bulwark" version >/dev/null # builds the jar and records the AOT cache when missing
  done
  for i in $(seq 1 "$runs"); do
    for n in this ${other:+other}; do
      checkout=$repo; [ $n = other ] && checkout=$other
      for mode in aot noaot none; do
        start=$(date +%s%N)
        case $mode in
          aot) "$checkout/bulwark" fs "$work/data/rootfs" --db-dir "$work/data/db" -q -f json -o "$work/cli.$n.json" ;;
          noaot) "$java" "${opts[@]}" -jar "$checkout/cli/target/bulwark.jar" fs "$work/data/rootfs" \
              --db-dir "$work/data/db" -q -f json -o "$work/cli.$n.json" ;;
          none) "$checkout/bulwark" fs "$work/data/rootfs" --scanners none -q -f json -o "$work/cli-none.$n.json" ;;
        esac
        end=$(date +%s%N)
        echo "CLI $n $mode run $i: $(( (end - start) / 1000000 )) ms (load $(cut -d' ' -f1 /proc/loadavg))"
      done
    done
  done
  for n in this ${other:+other}; do
    echo "CLI $n: $(jq -r '"\(.summary.packages) packages, \(.summary.vulnerabilities) findings"' "$work/cli.$n.json")"
  done
  if [ -n "$other" ]; then
    # the reports differ only in their creation time
    if cmp -s <(jq 'del(.createdAt)' "$work/cli.this.json") <(jq 'del(.createdAt)' "$work/cli.other.json"); then
      echo "CLI reports identical (createdAt aside)"
    else
      echo "CLI REPORTS DIFFER: $work/cli.this.json $work/cli.other.json" >&2; exit 1
    fi
  fi
fi
echo "work directory: $work"
