#!/usr/bin/env bash
# Builds real Go binaries offline with the Go toolchain (Debian's golang-go), from small modules served by a
# file-system GOPROXY, so the build list has module dependencies with go.sum hashes, a replacement by another module
# version and a replacement by a local directory.
# Usage: go-binaries.sh OUT_DIR. Writes:
#   app               the binary (internal linking, with a Go build ID note)
#   app-nobuildid     the same built with -ldflags=-buildid= (no Go build ID note)
#   app.version-m     `go version -m app` (the real tool's answer)
#   go.mod            the project's go.mod after `go mod tidy`; go.mod.json is `go mod edit -json` of it
set -euo pipefail
out=$1
mkdir -p "$out"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export GOPATH=$work/gopath GOCACHE=$work/gocache GOPROXY=file://$work/proxy GOSUMDB=off GOFLAGS=-mod=mod \
  GOTOOLCHAIN=local CGO_ENABLED=0 GO111MODULE=on
# publish MODULE VERSION DIR: lays out one module version as the GOPROXY protocol describes (list, info, mod, zip).
publish() {
  local mod=$1 ver=$2 dir=$3 p="$work/proxy/$1/@v"
  mkdir -p "$p"
  echo "$ver" >> "$p/list"
  echo "{\"Version\":\"$ver\",\"Time\":\"2023-01-01T00:00:00Z\"}" > "$p/$ver.info"
  cp "$dir/go.mod" "$p/$ver.mod"
  (cd "$dir" && python3 - "$p/$ver.zip" "$mod@$ver" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for root, _, files in os.walk("."):
        for f in sorted(files):
            full = os.path.join(root, f)
            z.write(full, sys.argv[2] + "/" + os.path.normpath(full))
PY
  )
}
src=$work/src
mkdir -p "$src/color" "$src/greet" "$src/textfork" "$src/app/local/color"
printf 'module example.com/color\n\ngo 1.19\n' > "$src/color/go.mod"
printf 'package color\n\nfunc Red(s string) string { return "\\033[31m" + s + "\\033[0m" }\n' > "$src/color/color.go"
printf 'module example.com/greet\n\ngo 1.19\n\nrequire example.com/color v0.4.0\n' > "$src/greet/go.mod"
printf 'package greet\n\nimport "example.com/color"\n\nfunc Hello() string { return color.Red("hello") }\n' > "$src/greet/greet.go"
printf 'module golang.org/x/text\n\ngo 1.19\n' > "$src/textfork/go.mod"
printf 'package text\n\nconst Fork = "fork"\n' > "$src/textfork/text.go"
publish example.com/color v0.4.0 "$src/color"
publish example.com/greet v1.2.3 "$src/greet"
publish example.com/textfork v0.3.8-fork "$src/textfork"
publish golang.org/x/text v0.3.7 "$src/textfork"
printf 'module example.com/color\n\ngo 1.19\n' > "$src/app/local/color/go.mod"
printf 'package color\n\nfunc Red(s string) string { return "local " + s }\n' > "$src/app/local/color/color.go"
cat > "$src/app/go.mod" <<'EOF'
module example.com/bulwark/app

go 1.19

require (
	example.com/greet v1.2.3
	golang.org/x/text v0.3.7
)

replace golang.org/x/text v0.3.7 => example.com/textfork v0.3.8-fork

replace example.com/color => ./local/color
EOF
cat > "$src/app/main.go" <<'EOF'
package main

import (
	"fmt"

	"example.com/greet"
	"golang.org/x/text"
)

func main() { fmt.Println(greet.Hello(), text.Fork) }
EOF
cd "$src/app"
go mod tidy
go build -trimpath -o "$out/app" .
go build -trimpath -ldflags=-buildid= -o "$out/app-nobuildid" .
go version -m "$out/app" > "$out/app.version-m"
cp go.mod "$out/go.mod"
go mod edit -json > "$out/go.mod.json"
touch "$out/.complete"
