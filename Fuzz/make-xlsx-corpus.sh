#!/usr/bin/env bash
# Builds the workbook fuzz seed corpus in DIR: `netra init`'s template, the shipped dataset
# and small generated ones written into it (Tests/tools/xlsx_from_csv.py), deflated and
# stored, and the LibreOffice- and openpyxl-made workbooks of the test fixtures.
# Usage (from the repository root): Fuzz/make-xlsx-corpus.sh NETRA_BINARY DIR
set -euo pipefail
netra=$1
out=$2
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$netra" init "$tmp/init" --region 32.75 >/dev/null
template=$tmp/init/dataset.xlsx
cp "$template" "$out/template.xlsx"
python3 Tests/tools/xlsx_from_csv.py "$template" "$tmp/init/csv" "$out/template-stored.xlsx" "method = 0"
build() {  # CSV folder, name
  python3 Tests/tools/xlsx_from_csv.py "$template" "$1" "$out/$2.xlsx"
  python3 Tests/tools/xlsx_from_csv.py "$template" "$1" "$out/$2-stored.xlsx" "method = 0"
}
build datasets/bekasi-2024 bekasi
for spec in 10:1 40:1; do
  n=${spec%:*} seed=${spec#*:}
  "$netra" generate --events "$n" --seed "$seed" --out "$tmp/g$n" >/dev/null
  build "$tmp/g$n" "generated-$n"
done
w=Tests/NetraWorkbookTests/Fixtures/Workbooks
for f in "$w"/libreoffice/*.xlsx "$w"/openpyxl/*.xlsx "$w"/bad/*.xlsx; do
  cp "$f" "$out/$(basename "$(dirname "$f")")-$(basename "$f")"
done
echo "workbook seed corpus: $(ls "$out" | wc -l) files, $(du -sh "$out" | cut -f1) in $out"
