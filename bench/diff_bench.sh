#!/bin/sh
# diff_bench.sh - what the sentence cache buys `kg diff`.
#
#   sh bench/diff_bench.sh [KG] [RUNS]      (defaults: build/kg, 5)
#
# NEW is the sample article with one sentence changed.  Three costs, each the
# fastest of RUNS wall-clock runs (the minimum is the least disturbed by other
# load on the machine):
#   build both   `kg build OLD` and `kg build NEW`, no cache: what comparing
#                the two versions costs without kg diff
#   diff cold    `kg diff OLD NEW`, no cache
#   diff warm    `kg diff --cache DIR OLD NEW` where DIR already holds OLD's
#                sentences (as after processing the previous version): only
#                the changed sentence is parsed.  DIR is restored to that
#                state before every run, outside the timing.
# The target is diff warm < build both / 5; the last line says whether it holds.
set -eu
KG=${1:-build/kg}
RUNS=${2:-5}
SAMPLE=${SAMPLE:-samples/blinken-2024-01-05.txt}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

cp "$SAMPLE" "$T/old.txt"
sed 's/Secretary Blinken communicated to/Secretary Blinken did not communicate to/' \
    "$SAMPLE" >"$T/new.txt"
cmp -s "$T/old.txt" "$T/new.txt" && { echo "diff_bench: the edit did not apply" >&2; exit 2; }

now() { date +%s.%N; }
# best CMD...: the fastest of RUNS runs of CMD, in seconds; PREP, if set, runs
# before each one, untimed.
best() {
    min=""
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        [ -n "${PREP:-}" ] && eval "$PREP"
        s=$(now)
        "$@" >/dev/null 2>&1 || [ $? -eq 1 ] # diff's status 1 means "changes"
        e=$(now)
        t=$(echo "$e - $s" | bc)
        if [ -z "$min" ] || [ "$(echo "$t < $min" | bc)" -eq 1 ]; then min=$t; fi
        i=$((i + 1))
    done
    echo "$min"
}

both() {
    "$KG" build "$T/old.txt" -o "$T/b-old" -q && "$KG" build "$T/new.txt" -o "$T/b-new" -q
}

"$KG" diff --cache "$T/warm" "$T/old.txt" "$T/old.txt" >/dev/null 2>&1
entries=$(ls "$T/warm" | wc -l)
if [ "$entries" -eq 0 ]; then
    echo "diff_bench: --cache stored nothing (is the cache wired into extraction?)" >&2
    exit 2
fi

build_both=$(PREP= best both)
diff_cold=$(PREP= best "$KG" diff "$T/old.txt" "$T/new.txt")
diff_warm=$(PREP='rm -rf "$T/c" && cp -r "$T/warm" "$T/c"' best "$KG" diff --cache "$T/c" "$T/old.txt" "$T/new.txt")

ratio=$(echo "scale=3; $diff_warm / $build_both" | bc)
printf 'build both (no cache)     %6.3f s\n' "$build_both"
printf 'diff cold (no cache)      %6.3f s\n' "$diff_cold"
printf 'diff warm (%3d entries)   %6.3f s\n' "$entries" "$diff_warm"
printf 'diff warm / build both    %6.3f (target < 0.200): ' "$ratio"
if [ "$(echo "$ratio < 0.2" | bc)" -eq 1 ]; then echo ok; else echo "MISSED"; fi
