#!/usr/bin/env bash
# Runs the same job with several commands, alternating (A B A B …), and prints each run's
# wall time, user CPU and peak memory, then each command's medians and their ratio to the
# first command's. Wall time on a shared machine is noise: read the ratios of one alternating
# run, on a machine as quiet as it gets (docs/PERFORMANCE.md).
#
#   bench/side-by-side.sh [-n RUNS] [-d DATASET] NAME=COMMAND ...
#
# Each COMMAND is run by bash with $DATASET and $OUT set (a fresh, empty folder per run), e.g.
#   bench/side-by-side.sh -n 5 -d /work/bench-m1 \
#     old='/tmp/netra-8d546e5 report --dataset "$DATASET" --out "$OUT" --quiet' \
#     new='.build/release/netra report --dataset "$DATASET" --out "$OUT" --quiet' \
#     pandas='python3 bench/pandas_report.py --dataset "$DATASET" --out "$OUT"'
set -euo pipefail

runs=5
dataset=""
while getopts "n:d:" opt; do
    case "$opt" in
        n) runs="$OPTARG" ;;
        d) dataset="$OPTARG" ;;
        *) echo "usage: $0 [-n RUNS] [-d DATASET] NAME=COMMAND ..." >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ $# -lt 1 ] || [ -z "$dataset" ]; then
    echo "usage: $0 [-n RUNS] -d DATASET NAME=COMMAND ..." >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, Debian's package time)" >&2; exit 2; }

names=()
commands=()
for pair in "$@"; do
    names+=("${pair%%=*}")
    commands+=("${pair#*=}")
done

scratch=$(mktemp -d /tmp/netra-side-by-side-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
results="$scratch/results"
: > "$results"

export DATASET="$dataset"
for ((r = 1; r <= runs; r++)); do
    for k in "${!names[@]}"; do
        export OUT="$scratch/out-$k"
        rm -rf "$OUT"
        mkdir -p "$OUT"
        sync
        /usr/bin/time -o "$scratch/time" -f "%e %U %M" bash -c "${commands[$k]}" > /dev/null 2> "$scratch/stderr" || {
            echo "${names[$k]} failed on run $r:" >&2
            cat "$scratch/stderr" >&2
            exit 1
        }
        read -r wall user kib < "$scratch/time"
        printf '%s run %d: %s s wall, %s s user, %s KiB\n' "${names[$k]}" "$r" "$wall" "$user" "$kib"
        echo "${names[$k]} $wall $user $kib" >> "$results"
    done
done

# Medians per command, and ratios to the first command's.
python3 - "$results" "${names[@]}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = sys.argv[2:]
def medians(name):
    mine = [r for r in rows if r[0] == name]
    return tuple(statistics.median(float(r[i]) for r in mine) for i in (1, 2, 3))
base = medians(names[0])
print(f"\n{'command':<12} {'wall (s)':>9} {'user (s)':>9} {'peak (MiB)':>11} {'wall ratio':>11} {'user ratio':>11}")
for name in names:
    w, u, k = medians(name)
    print(f"{name:<12} {w:>9.2f} {u:>9.2f} {k / 1024:>11.0f} {w / base[0]:>11.3f} {u / base[1]:>11.3f}")
EOF
