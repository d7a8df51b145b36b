#!/usr/bin/env bash
# The guard on speed (make perf-check): counts the instructions of `netra report` on a
# generated 5k dataset and of `netra validate` on a generated 50k one under callgrind, with
# deterministic hashing, and compares them with bench/budget.txt. Instruction counts do not
# drift with the machine's load as wall time does (run to run they move by hundredths of a
# percent), so more than 3 % over the budget fails.
#
#   tools/perf-check.sh NETRA            check against bench/budget.txt
#   PERF_CHECK_RECORD=1 tools/perf-check.sh NETRA
#                                        write the counts as the new budget (a change that
#                                        costs instructions on purpose says why in its commit)
set -euo pipefail
netra=${1:?usage: tools/perf-check.sh PATH-TO-RELEASE-NETRA}
cd "$(dirname "$0")/.."
budget=bench/budget.txt
tolerance_percent=3
work=$(mktemp -d "${TMPDIR:-/tmp}/netra-perf-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Counted on a copy without debug information: the same instructions, and valgrind 3.19
# cannot read the DWARF 5 that the server's packages bring into the release binary
# ("unhandled dwarf2 abbrev form code 0x25 … Giving up").
objcopy --strip-debug "$netra" "$work/netra"
netra="$work/netra"

"$netra" generate --events 5000 --seed 1 --out "$work/d5k" >/dev/null
"$netra" generate --events 50000 --seed 1 --out "$work/d50k" >/dev/null

# Instructions of one run of netra under callgrind (every thread's), printed alone.
count() {
  local log="$work/callgrind.log"
  if ! SWIFT_DETERMINISTIC_HASHING=1 SWIFT_BACKTRACE=enable=no \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$log" "$netra" "$@" >/dev/null 2>"$work/stderr"; then
    echo "perf-check: netra $* failed under callgrind" >&2; cat "$work/stderr" >&2; exit 1
  fi
  local n
  n=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\).*/\1/p' "$log" | tail -1)
  [ -n "$n" ] || { echo "perf-check: callgrind gave no count for: netra $*" >&2; cat "$log" "$work/stderr" >&2; exit 1; }
  echo "$n"
}

declare -A measured
measured[report-5k]=$(count report --dataset "$work/d5k" --out "$work/out" --quiet)
measured[validate-50k]=$(count validate --dataset "$work/d50k")

if [ "${PERF_CHECK_RECORD:-}" = 1 ]; then
  {
    echo "# Instructions (callgrind, SWIFT_DETERMINISTIC_HASHING=1) of a release netra: make perf-check"
    echo "# fails when a run takes more than $tolerance_percent % over these. Recorded by PERF_CHECK_RECORD=1 make perf-check."
    for k in report-5k validate-50k; do echo "$k ${measured[$k]}"; done
  } > "$budget"
  echo "perf-check: recorded $budget"
  cat "$budget"
  exit 0
fi

[ -f "$budget" ] || { echo "perf-check: no $budget; record one with PERF_CHECK_RECORD=1 make perf-check" >&2; exit 1; }
failed=0
printf '%-14s %16s %16s %9s\n' run budget measured change
for k in report-5k validate-50k; do
  b=$(awk -v k="$k" '$1 == k { print $2 }' "$budget")
  [ -n "$b" ] || { echo "perf-check: $budget has no line for $k" >&2; exit 1; }
  m=${measured[$k]}
  change=$(awk -v m="$m" -v b="$b" 'BEGIN { printf "%+.2f %%", (m - b) * 100 / b }')
  printf '%-14s %16s %16s %9s\n' "$k" "$b" "$m" "$change"
  if awk -v m="$m" -v b="$b" -v t="$tolerance_percent" 'BEGIN { exit !(m > b * (1 + t / 100)) }'; then
    echo "perf-check: $k takes ${change} instructions against $budget (over the $tolerance_percent % allowed)" >&2
    failed=1
  fi
done
exit $failed
