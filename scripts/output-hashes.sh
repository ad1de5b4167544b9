#!/usr/bin/env bash
# Prints a sha256 for every output of the shipped talk, its workshop profile,
# the German example and every fit fixture, built with every format under a
# fixed SOURCE_DATE_EPOCH. Run it before and after a refactor and diff the two
# lists: a line that changes is an output that changed.
#   bash scripts/output-hashes.sh > before.txt
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1767225600
formats=md,html,pdf,handout,runsheet,script,notebook,pptx,png
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() { # name, then build arguments
  local name=$1; shift
  node lib/cli.js build --force -f "$formats" -o "$work/$name" "$@" >/dev/null 2>"$work/$name.log" || {
    echo "build $name failed:" >&2; cat "$work/$name.log" >&2; exit 1; }
}

build talk outline.yaml
build workshop outline.yaml --profile workshop
build de examples/de.yaml
for fixture in test/fixtures/fit/*.yaml; do
  build "fit-$(basename "$fixture" .yaml)" "$fixture"
done
(cd "$work" && find . -type f ! -name '*.log' -not -path '*/.versus/*' | LC_ALL=C sort | xargs sha256sum)
