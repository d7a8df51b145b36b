#!/usr/bin/env bash
# Makes libreoffice/*.xlsx from csv/ (a copy of datasets/bekasi-2024 when it was made) with
# LibreOffice Calc (Debian: libreoffice-calc-nogui), as a user's "Save as .xlsx" would: UTF-8,
# comma-separated, numbers and ISO dates recognised (dates become date cells). And
# bad/events.xlsx: the same with one impossible date (2022-09-31, left as text by Calc) in B3.
# Run from this folder; the files it made are committed, so tests do not need LibreOffice.
set -euo pipefail
cd "$(dirname "$0")"
filter="CSV:44,34,76,1,,0,false,true"
libreoffice --headless --infilter="$filter" --convert-to xlsx --outdir libreoffice csv/*.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/^nas-2022-09-22-skb,2022-09-22,/nas-2022-09-22-skb,2022-09-31,/' csv/events.csv > "$tmp/events.csv"
libreoffice --headless --infilter="$filter" --convert-to xlsx --outdir bad "$tmp/events.csv"
