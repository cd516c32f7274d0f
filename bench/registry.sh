# Sourced by bench/run.sh: pull from a local registry, bulwark against skopeo copy. Uses run.sh's helpers and
# variables ($images, $work, $reps, $bulwark, $out, timed, median, ...).
#
# The registry is the Distribution registry (Debian package docker-registry) on 127.0.0.1, plain HTTP, filesystem
# storage in the work directory; the 1g and 2g images are pushed from their gzip OCI layouts, so the registry holds
# exactly the blobs the floor measurements read.

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

start_registry() {
  command -v docker-registry >/dev/null || die "missing tool 'docker-registry' (apt-get install -y docker-registry)"
  command -v skopeo >/dev/null || die "missing tool 'skopeo' (apt-get install -y skopeo)"
  local port i
  port=$(free_port)
  mkdir -p "$work/registry"
  cat > "$work/registry/config.yml" <<YML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/registry/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YML
  docker-registry serve "$work/registry/config.yml" >"$work/registry/log" 2>&1 &
  registry_pid=$!
  for i in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then registry="localhost:$port"; return 0; fi
    kill -0 "$registry_pid" 2>/dev/null || { cat "$work/registry/log" >&2; die "docker-registry did not start"; }
    sleep 0.1
  done
  die "docker-registry did not listen on 127.0.0.1:$port within 10 s"
}

# skopeo's destination: an OCI layout keeps the registry's gzip blobs as they are (no recompression) and checks
# every blob digest, which is what bulwark does with the same bytes before it decompresses them.
skopeo_pull() { rm -rf "$work/pulled"; skopeo copy -q --src-tls-verify=false "docker://$1" "oci:$work/pulled:x"; }
skopeo_pull_dir() { rm -rf "$work/pulled-dir"; skopeo copy -q --src-tls-verify=false "docker://$1" "dir:$work/pulled-dir"; }

# Pull only: the engine's registry source reads every layer blob to the end, verified (ParallelPull, 4 at a time,
# largest first), through a small probe compiled against the CLI jar; no decompression, no scan, nothing written.
# It runs twice: with the exact JVM options the launcher gives `bulwark image` (captured from bash -x, so the
# startup cache `bulwark train` records is used, as in a real pull), and in a bare JVM without any startup cache.
# The probe is a jar because the AOT cache refuses directories on the class path.
compile_pull_only() {
  local jdk a skip=0
  jdk=$(. "$repo/bin/find-jdk.sh" && echo "$JAVA_HOME")
  mkdir -p "$work/probe"
  "$jdk/bin/javac" -d "$work/probe" -cp "$repo/cli/target/bulwark.jar" "$here/PullOnly.java"
  "$jdk/bin/jar" cf "$work/pull-only.jar" -C "$work/probe" .
  pull_only_cmd=("$jdk/bin/java" -XX:+UseSerialGC -XX:-UsePerfData -cp "$repo/cli/target/bulwark.jar:$work/pull-only.jar" PullOnly)
  local launcher=()
  read -r -a launcher < <(bash -x "$bulwark" version 2>&1 >/dev/null | sed -n 's/^+ exec //p')
  pull_only_launcher=()
  for a in "${launcher[@]}"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    case $a in -jar) skip=1 ;; version) ;; *) pull_only_launcher+=("$a") ;; esac
  done
  pull_only_launcher+=(-cp "$repo/cli/target/bulwark.jar:$work/pull-only.jar" PullOnly)
}

registry_bench() {
  local name ref b s sd po pb cs oci probe
  echo "run.sh: local registry pulls..." >&2
  {
    echo "#### Pull from a local registry (127.0.0.1, plain HTTP) vs. \`skopeo copy\`"
    echo
  } >> "$out"
  start_registry
  probe=$("$bulwark" image "$registry/bulwark-bench/absent:0" --no-cache -q 2>&1 || true)
  if printf '%s' "$probe" | grep -q 'not available in this build'; then
    echo "Skipped: this build of bulwark has no registry source yet." >> "$out"
    echo >> "$out"
    return 0
  fi
  {
    echo "| image | \`skopeo copy docker:// oci:\` | bulwark pull only, launcher JVM (ratio) | target <= 1.1x | pull only, bare JVM, no startup cache (ratio) | bulwark pull+scan (ratio) | cold scan of the OCI layout, same run | \`skopeo copy … dir:\` |"
    echo "|---|---|---|---|---|---|---|---|"
  } >> "$out"
  compile_pull_only
  for name in 1g 2g; do
    ref="$registry/bulwark-bench/app:$name"
    oci="$images/bench-$name.oci"
    skopeo copy -q --dest-tls-verify=false "oci:$oci:$name" "docker://$ref"
    b=$work/reg-$name.bulwark; s=$work/reg-$name.skopeo; sd=$work/reg-$name.dir
    po=$work/reg-$name.pull; pb=$work/reg-$name.pullbare; cs=$work/reg-$name.cold
    : > "$b"; : > "$s"; : > "$sd"; : > "$po"; : > "$pb"; : > "$cs"
    # One untimed pull each so the registry's files are in the page cache.
    skopeo_pull "$ref"; "$bulwark" image "$ref" --no-cache -q -o "$work/reg.txt"
    for i in $(seq "$reps"); do
      if [ $((i % 2)) = 1 ]; then
        timed "$s" skopeo_pull "$ref"; timed "$po" "${pull_only_launcher[@]}" "$ref"
        timed "$pb" "${pull_only_cmd[@]}" "$ref"; timed "$sd" skopeo_pull_dir "$ref"
        timed "$b" "$bulwark" image "$ref" --no-cache -q -o "$work/reg.txt"
        timed "$cs" "$bulwark" image "oci:$oci:$name" --no-cache -q -o "$work/reg.txt"
      else
        timed "$cs" "$bulwark" image "oci:$oci:$name" --no-cache -q -o "$work/reg.txt"
        timed "$b" "$bulwark" image "$ref" --no-cache -q -o "$work/reg.txt"
        timed "$sd" skopeo_pull_dir "$ref"; timed "$pb" "${pull_only_cmd[@]}" "$ref"
        timed "$po" "${pull_only_launcher[@]}" "$ref"; timed "$s" skopeo_pull "$ref"
      fi
    done
    local ms r
    ms=$(median "$s"); r=$(ratio "$(median "$po")" "$ms")
    rel() { echo "$(median "$1") s ($(ratio "$(median "$1")" "$ms"))"; }
    echo "| $name | $ms s | $(rel "$po") | $(verdict "$r" 1.1) | $(rel "$pb") | $(rel "$b") | $(median "$cs") s | $(median "$sd") s |" >> "$out"
    {
      echo "  registry $name: skopeo oci [$(series "$s")] skopeo dir [$(series "$sd")]"
      echo "    pull-only launcher [$(series "$po")] pull-only bare [$(series "$pb")] pull+scan [$(series "$b")] cold scan oci [$(series "$cs")]"
    } >> "$work/raw.txt"
  done
  echo >> "$out"
}
