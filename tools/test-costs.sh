#!/usr/bin/env bash
# What each test suite costs: every suite run alone (`swift test --skip-build --filter`), after
# one `swift build --build-tests`, its wall and user CPU (the process and its children: the
# netra runs, Chromium, LibreOffice) printed as a table sorted by CPU. docs/DEVELOPING.md
# keeps a run of it. Each run carries some 0.35 s of the test binary's start.
#
#   tools/test-costs.sh                    the fast set (NETRA_TEST_FAST=1, as make test-fast)
#   NETRA_TEST_FAST= tools/test-costs.sh   every suite, the slow ones too
#   tools/test-costs.sh Serve              only the suites whose name matches (grep -E)
set -euo pipefail
cd "$(dirname "$0")/.."
export NETRA_TEST_FAST=${NETRA_TEST_FAST-1}
swift build --build-tests >/dev/null 2>&1
# A first run of nothing, so that no suite pays for the first start (some 5 s).
swift test --skip-build --filter '^$' >/dev/null 2>&1 || true
rows=$(mktemp) times=$(mktemp) log=$(mktemp)
trap 'rm -f "$rows" "$times" "$log"' EXIT
swift test list --skip-build 2>/dev/null | cut -d/ -f1 | sort -u | grep -E -- "${1:-.}" | while read -r suite; do
    status=ok
    /usr/bin/time -f '%e %U' -o "$times" swift test --skip-build --filter "^${suite//./\\.}/" >"$log" 2>&1 || status=FAILED
    read -r wall user < <(tail -n 1 "$times")
    printf '%s\t%s\t%s\t%s\n' "$user" "$wall" "$suite" "$status" >>"$rows"
done
sort -rn "$rows" | awk -F'\t' '{ printf "%8.1f s user %8.1f s wall  %s%s\n", $1, $2, $3, ($4 == "ok" ? "" : "  " $4); u += $1; w += $2 }
    END { printf "%8.1f s user %8.1f s wall  all %d suites, one at a time\n", u, w, NR }'
