#!/bin/sh
# Regenerates the peer golden files <name>.json from cases.tsv (name TAB arguments), one run of the numpy peer
# per line; the peer prints a timing line first, then the JSON summary, which is what is kept.
set -eu
PEER=${PEER:-/work/shared/peers/dtao_numpy.py}
cd "$(dirname "$0")"
grep -v '^#' cases.tsv | while IFS='	' read -r name args; do
  # shellcheck disable=SC2086 # the arguments are meant to split
  python3 "$PEER" --json $args | tail -n +2 > "$name.json"
done
