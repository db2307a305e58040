#!/usr/bin/env bash
# Generates every folder of ../shared/corpus, corpus-roa and corpus-wide into OUT/<set>/<folder>
# with the default runtime dependency (by version: no path that depends on OUT), so that two builds of the generator can be compared with `diff -r`
# (the byte-identity check of refactoring steps). Usage: generate-all.sh BINARY OUT [SET...]
set -uo pipefail
bin=$1; out=$2; shift 2
shared="$(cd "$(dirname "$0")/../../.." && pwd)/shared"
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(corpus corpus-roa corpus-wide)
rm -rf "$out"; mkdir -p "$out"
for set in "${sets[@]}"; do
  for dir in "$shared/$set"/*/; do
    name=$(basename "$dir")
    if ! "$bin" generate "$dir" "$out/$set/$name" >"$out/$set.$name.log" 2>&1; then
      echo "$set/$name: generation failed (see $out/$set.$name.log)"
    fi
  done
done
