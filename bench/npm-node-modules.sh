#!/usr/bin/env bash
# Issue 3 benchmark: a node_modules tree of 1,500+ packages, made by a real npm install (cached), catalogued by the
# npm cataloger through DirectoryScanner in a fresh JVM. Goal: the first scan done under 1 s after the JVM's launch
# (its uptime, which counts the creation of the VM).
# Needs node 20 + npm and the npm registry (first run only). Usage: bench/npm-node-modules.sh [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${BULWARK_FIXTURE_CACHE:-$HOME/.cache/bulwark-fixtures}
manifest='{"name":"bench","version":"1.0.0","private":true,
 "dependencies":{"react-scripts":"5.0.1","express":"4.21.2","@nestjs/cli":"10.4.5","aws-sdk":"2.1691.0",
  "@angular/cli":"17.3.8"},
 "devDependencies":{"typescript":"4.9.5","eslint":"8.57.0"}}'
dir=$cache/npm-bench-$(printf '%s' "$manifest" | sha256sum | cut -c1-16)
if [ ! -e "$dir/.complete" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  printf '%s\n' "$manifest" > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error) >&2
  touch "$dir/.complete"
fi
[ "${BENCH_FIXTURE_ONLY:-}" = 1 ] && { echo "$dir"; exit 0; } # for bench/fs-cli.sh
echo "node_modules: $(find "$dir/node_modules" -name package.json -path '*/node_modules/*' | wc -l) package.json files"
cd "$root"
./mvnw -q -B -o -pl engine test-compile
./mvnw -q -B -o -pl engine dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.classpath)"
. bin/find-jdk.sh # the same JDK (>= 21) the build uses
java=$JAVA_HOME/bin/java
start=$(date +%s%N)
# the launcher's JVM options (./bulwark), without its startup cache: this measures the cataloger, not the CLI
# (bench/fs-cli.sh measures `bulwark fs` itself, every cataloger, with the cache)
mapfile -t jvm_options < bin/jvm.options
"$java" -Xmx256m "${jvm_options[@]}" -cp "$cp" dev.bulwark.engine.ecosystem.npm.NpmCatalogBench \
  "$dir" "${1:-5}"
echo "whole JVM (start, scan x${1:-5}, exit): $(( ($(date +%s%N) - start) / 1000000 )) ms"
