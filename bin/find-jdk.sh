# Sourced by ./bulwark and ./mvnw: points JAVA_HOME at a JDK of version 21 or newer.
# Order: $JAVA_HOME, the javac on PATH, then the newest JDK under /usr/lib/jvm. Prints nothing on success.
# Written with shell builtins where it can: on a busy machine every extra process costs start-up time.

bulwark_major_of() {
  # $1: a java executable; sets bulwark_major to its feature version (17, 21, 25...), or empty. The JDK's release
  # file answers without starting a JVM (or even a subshell); the JVM is asked only when there is none.
  local home=${1%/bin/java} line v
  bulwark_major=
  if [ -f "$home/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*)
          v=${line#JAVA_VERSION=\"}
          v=${v%%[!0-9]*}
          if [ -n "$v" ]; then bulwark_major=$v; return 0; fi ;;
      esac
    done < "$home/release"
  fi
  bulwark_major=$("$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
}

bulwark_java_major() {
  # $1: a java executable; prints its feature version.
  bulwark_major_of "$1"
  echo "$bulwark_major"
}

bulwark_find_jdk() {
  local cand best="" best_major=0 noglob=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    bulwark_major_of "$JAVA_HOME/bin/java"
    if [ -n "$bulwark_major" ] && [ "$bulwark_major" -ge 21 ]; then return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    cand=$(readlink -f "$(command -v javac)")
    cand=${cand%/bin/javac}
    bulwark_major_of "$cand/bin/java"
    if [ -n "$bulwark_major" ] && [ "$bulwark_major" -ge 21 ]; then export JAVA_HOME="$cand"; return 0; fi
  fi
  case $- in *f*) noglob=1; set +f ;; esac
  for cand in /usr/lib/jvm/*; do
    [ -x "$cand/bin/javac" ] || continue
    bulwark_major_of "$cand/bin/java"
    if [ -n "$bulwark_major" ] && [ "$bulwark_major" -gt "$best_major" ]; then
      best="$cand"; best_major="$bulwark_major"
    fi
  done
  [ "$noglob" = 1 ] && set -f
  if [ "$best_major" -ge 21 ]; then export JAVA_HOME="$best"; bulwark_major=$best_major; return 0; fi
  echo "bulwark: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
  return 1
}
bulwark_find_jdk
