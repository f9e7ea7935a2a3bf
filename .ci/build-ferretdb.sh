#!/usr/bin/env bash
# Builds FerretDB v1 (MongoDB wire protocol on SQLite) for the tests, once per machine.
# `go install ...@v1.24.2` cannot be used: the module proxy refuses the version-list lookup it
# makes, and a build from the module zip lacks build/version/version.txt (the binary panics).
# So: download the module, copy it, write the version file, build.
set -euo pipefail
VERSION=v1.24.2
DEST="${XDG_CACHE_HOME:-$HOME/.cache}/penny/ferretdb-$VERSION"
if [ -x "$DEST/ferretdb" ]; then
  echo "$DEST/ferretdb"
  exit 0
fi
command -v go >/dev/null || { echo "build-ferretdb: Go is needed to build FerretDB for the tests" >&2; exit 1; }
export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
dir=$(cd "$work" && go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$dir" ] || { echo "build-ferretdb: go mod download gave no module directory" >&2; exit 1; }
cp -r "$dir" "$work/src"
chmod -R u+w "$work/src"
echo "$VERSION" > "$work/src/build/version/version.txt"
mkdir -p "$DEST"
(cd "$work/src" && go build -o "$DEST/ferretdb.tmp" ./cmd/ferretdb)
mv "$DEST/ferretdb.tmp" "$DEST/ferretdb"
echo "$DEST/ferretdb"
