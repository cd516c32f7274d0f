#!/usr/bin/env bash
# Issue 4 item 6, the advisory database half: import of ../shared/data/osv (target < 10 s), database size per
# 10,000 advisories, and 10,000 package lookups against the opened file (target < 100 ms). Not part of the suite.
# Usage: bench/advisory-bench.sh   (needs jq; builds the engine first)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
repo=$(dirname "$here")
shared="$repo/../shared"
[ -d "$shared/data" ] || { echo "$(basename "$0"): no test data at $shared/data" >&2; exit 1; }
osv="$shared/data/osv"
command -v jq >/dev/null || { echo "advisory-bench.sh: missing tool 'jq' (apt-get install -y jq)" >&2; exit 1; }
work=$(mktemp -d /tmp/bulwark-advisory-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && ./mvnw -q -B -o -pl engine compile dependency:build-classpath -Dmdep.outputFile="$work/cp" >/dev/null)
# the package keys the advisories name, as (ecosystem, name) pairs: real lookups that hit
find "$osv" -name '*.json' -print0 | xargs -0 jq -r '.affected[]?.package | [.ecosystem, .name] | @tsv' \
  | sort -u > "$work/keys.tsv"
. "$repo/bin/find-jdk.sh" # the same JDK (>= 21) the build uses
"$JAVA_HOME/bin/java" -Dbench.keys="$work/keys.tsv" -cp "$repo/engine/target/classes:$(cat "$work/cp")" \
  "$here/AdvisoryBench.java" "$osv" "$work/advisories.db"
