#!/usr/bin/env bash
# Builds a real Rust binary offline with cargo (Debian's cargo, or any on the PATH) from a workspace of path
# crates (no crates.io), then embeds its dependency list the way cargo-auditable does, since cargo-auditable is not
# packaged by Debian: the cargo-auditable JSON (cargo-auditable.schema.json: packages with name, version, source,
# kind, dependencies as indices, root) built from `cargo metadata`, zlib-compressed, in a section named .dep-v0
# without SHF_ALLOC (objcopy --add-section), as rust-secure-code/cargo-auditable PARSING.md describes.
# Usage: rust-binaries.sh OUT_DIR. Writes:
#   app                the binary with .dep-v0;  app.plain  the same binary without it
#   Cargo.lock         cargo's lockfile for the workspace;  metadata.json  `cargo metadata --offline`
#   dep-v0.json        the embedded JSON, as `objcopy --dump-section` reads it back out and zlib inflates it
set -euo pipefail
out=$1
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_HOME=$work/cargo-home CARGO_TARGET_DIR=$work/target CARGO_NET_OFFLINE=true
ws=$work/ws
mkdir -p "$ws/app/src" "$ws/helper/src" "$ws/leaf/src" "$ws/codegen/src"
cat > "$ws/Cargo.toml" <<'EOF'
[workspace]
members = ["app", "helper", "leaf", "codegen"]
EOF
cat > "$ws/app/Cargo.toml" <<'EOF'
[package]
name = "bulwark-app"
version = "0.3.1"
edition = "2018"
build = "build.rs"

[dependencies]
helper = { path = "../helper" }

[build-dependencies]
codegen = { path = "../codegen" }
EOF
echo 'fn main() { println!("cargo:rustc-env=GREETING={}", codegen::greeting()); }' > "$ws/app/build.rs"
echo 'fn main() { println!("{} {}", env!("GREETING"), helper::add(2, 3)); }' > "$ws/app/src/main.rs"
printf '[package]\nname = "helper"\nversion = "1.4.0"\nedition = "2018"\n\n[dependencies]\nleaf = { path = "../leaf" }\n' > "$ws/helper/Cargo.toml"
echo 'pub fn add(a: u32, b: u32) -> u32 { leaf::id(a) + b }' > "$ws/helper/src/lib.rs"
printf '[package]\nname = "leaf"\nversion = "0.9.2"\nedition = "2018"\n' > "$ws/leaf/Cargo.toml"
echo 'pub fn id(a: u32) -> u32 { a }' > "$ws/leaf/src/lib.rs"
printf '[package]\nname = "codegen"\nversion = "2.0.0"\nedition = "2018"\n' > "$ws/codegen/Cargo.toml"
echo 'pub fn greeting() -> &'"'"'static str { "hello" }' > "$ws/codegen/src/lib.rs"
cd "$ws"
cargo build --offline --release -p bulwark-app 2>"$out/cargo-build.log"
cargo metadata --offline --format-version 1 > "$out/metadata.json"
cp Cargo.lock "$out/Cargo.lock"
python3 - "$out/metadata.json" "$work/dep-v0.z" <<'PY'
import json, sys, zlib
meta = json.load(open(sys.argv[1]))
pkgs = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = next(i for i, p in pkgs.items() if p["name"] == "bulwark-app")
# walk from the root: runtime edges keep "runtime"; anything reached only through build edges is "build"
kinds, order = {root: "runtime"}, [root]
for i in order:
    for d in nodes[i]["deps"]:
        build_only = all(k["kind"] == "build" for k in d["dep_kinds"])
        kind = "build" if build_only or kinds[i] == "build" else "runtime"
        if d["pkg"] not in kinds:
            kinds[d["pkg"]] = kind; order.append(d["pkg"])
        elif kind == "runtime":
            kinds[d["pkg"]] = "runtime"
order.sort(key=lambda i: (pkgs[i]["name"], pkgs[i]["version"]))
index = {i: n for n, i in enumerate(order)}
out = []
for i in order:
    e = {"name": pkgs[i]["name"], "version": pkgs[i]["version"], "source": "local"}
    if kinds[i] == "build": e["kind"] = "build"
    deps = sorted(index[d["pkg"]] for d in nodes[i]["deps"])
    if deps: e["dependencies"] = deps
    if i == root: e["root"] = True
    out.append(e)
open(sys.argv[2], "wb").write(zlib.compress(json.dumps({"packages": out}, separators=(",", ":")).encode()))
PY
cp "$CARGO_TARGET_DIR/release/bulwark-app" "$out/app.plain"
objcopy --add-section .dep-v0="$work/dep-v0.z" "$out/app.plain" "$out/app"
objcopy --dump-section .dep-v0="$work/dumped.z" "$out/app"
python3 -c 'import sys, zlib; sys.stdout.write(zlib.decompress(open(sys.argv[1], "rb").read()).decode())' \
  "$work/dumped.z" > "$out/dep-v0.json"
touch "$out/.complete"
