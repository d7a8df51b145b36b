#!/usr/bin/env bash
# Builds the fuzz seed corpus in DIR: the committed hand-written seeds (Fuzz/seeds/), the
# shipped dataset in each of the three input forms, and small generated datasets.
# Usage (from the repository root): Fuzz/make-corpus.sh NETRA_BINARY DIR
set -euo pipefail
netra=$1
out=$2
mkdir -p "$out"
cp Fuzz/seeds/* "$out"/

# The forms of a fuzz input; NUL separates the files (see Fuzz/Sources/netra-fuzz/NetraFuzz.swift).
events()  { cp "$1/events.csv" "$out/$2-events.csv"; }
je()      { { cat "$1/jurisdictions.csv"; printf '\0'; cat "$1/elections.csv"; } > "$out/$2-je.bin"; }
all()     { { cat "$1/jurisdictions.csv"; printf '\0'; cat "$1/elections.csv"; printf '\0'; cat "$1/events.csv"; } > "$out/$2-all.bin"; }

events datasets/bekasi-2024 bekasi; je datasets/bekasi-2024 bekasi; all datasets/bekasi-2024 bekasi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for spec in 10:1 20:2 50:3 100:4; do
  n=${spec%:*} seed=${spec#*:}
  "$netra" generate --events "$n" --seed "$seed" --out "$tmp/g$n" >/dev/null
  events "$tmp/g$n" "generated-$n"; all "$tmp/g$n" "generated-$n"
done
# Generated datasets share their jurisdictions and elections: one copy is enough.
je "$tmp/g10" generated

# A field just over the 65,536-byte limit (libFuzzer seldom grows an input that far itself).
{ printf 'id,date,precision,kind,jurisdiction,title,source\nx,2024-01-02,day,pledge,kota-bekasi,'
  head -c 65537 /dev/zero | tr '\0' x; printf ',S\n'; } > "$out/events-huge-field.csv"

echo "seed corpus: $(ls "$out" | wc -l) files, $(du -sh "$out" | cut -f1) in $out"
