#!/bin/sh
# Issue 3 benchmark: a Spring Boot fat jar with more than 150 nested jars, built by Maven from bench/java-fatjar/,
# catalogued by one cold DirectoryScanner scan (Java cataloger only) in a fresh JVM. Target: under 1 s.
# Needs: maven (apt), network to Maven Central on the first run (kept in the fixture cache after).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cache=${BULWARK_FIXTURE_CACHE:-$HOME/.cache/bulwark-fixtures}
inputs=$(cat "$here/java-fatjar/pom.xml" "$here/java-fatjar/src/main/java/demo/App.java" | sha256sum | cut -c1-16)
fixture="$cache/java-bench-fatjar-$inputs"
if [ ! -f "$fixture/scan/app.jar" ]; then
  work=$(mktemp -d)
  cp -r "$here/java-fatjar/." "$work/"
  (cd "$work" && mvn -B -q -Dmaven.repo.local="$cache/java-maven-repository" package -DskipTests) >&2
  mkdir -p "$fixture.tmp/scan"
  cp "$work"/target/fatjar-bench-*.jar "$fixture.tmp/scan/app.jar"
  rm -rf "$work" "$fixture"
  mv "$fixture.tmp" "$fixture"
fi
[ "${BENCH_FIXTURE_ONLY:-}" = 1 ] && { echo "$fixture/scan"; exit 0; } # for bench/fs-cli.sh
echo "fat jar: $(unzip -l "$fixture/scan/app.jar" | grep -c 'BOOT-INF/lib/.*\.jar') nested jars, $(du -h "$fixture/scan/app.jar" | cut -f1)"
cd "$root"
./mvnw -q -B -o -pl engine test-compile
cp_file=$(mktemp)
./mvnw -q -B -o -pl engine dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
. "$root/bin/find-jdk.sh"
java="$JAVA_HOME/bin/java"
for run in 1 2 3; do
  # the launcher's JVM options, without its startup cache (bench/fs-cli.sh measures `bulwark fs` with it)
  # shellcheck disable=SC2046
  "$java" -Xmx256m $(cat bin/jvm.options) \
    -cp "engine/target/classes:engine/target/test-classes:$(cat "$cp_file")" \
    dev.bulwark.engine.ecosystem.java.FatJarBench "$fixture/scan"
done
rm -f "$cp_file"
