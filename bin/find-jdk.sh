# Sourced by ./bulwark and ./mvnw: points JAVA_HOME at a JDK of version 21 or newer.
# Order: $JAVA_HOME, the java on PATH, then the newest JDK under /usr/lib/jvm. Prints nothing on success.
bulwark_java_major() {
  # $1: a java executable; prints its feature version (17, 21, 25...) or nothing.
  # The JDK's release file answers without starting a JVM; ask the JVM only when there is none.
  local home release v
  home=$(dirname "$(dirname "$(readlink -f "$1")")")
  release="$home/release"
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
    if [ -n "$v" ]; then echo "$v"; return 0; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
bulwark_find_jdk() {
  local cand major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(bulwark_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(bulwark_java_major "$cand/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME="$cand"; return 0; fi
  fi
  local noglob=0
  case $- in *f*) noglob=1; set +f ;; esac
  for cand in /usr/lib/jvm/*; do
    [ -x "$cand/bin/javac" ] || continue
    major=$(bulwark_java_major "$cand/bin/java")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$cand"; best_major="$major"; fi
  done
  [ "$noglob" = 1 ] && set -f
  if [ "$best_major" -ge 21 ]; then export JAVA_HOME="$best"; return 0; fi
  echo "bulwark: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
  return 1
}
bulwark_find_jdk
