#!/bin/sh
# bench.sh KG - throughput of `kg build` on a corpus, reproducibly.
#
# The corpus is ../shared/corpus/bbc (2,225 BBC articles) when present, else
# samples/.  The 98 files that DUPLICATES.txt names second in a pair are left
# out (2,127 documents): they are byte-for-byte copies of an article already in
# the set, so they would add parse time without adding anything to the graph
# or the measurement.  Files are taken in byte order of their paths, so every
# run reads the same documents in the same order.
#
# Prints, one record a line, as "RECORD key=value ..." (values never contain
# spaces, strings are quoted):
#   bench    format version, date
#   machine  CPU model, cores, kernel, compiler, kg version, the model file
#   load     the 1-minute load average before the first run (other work on
#            the machine slows wall times; cpu_s and the stage times do not)
#   corpus   directory, documents, skipped duplicates, MB
#   command  the kg command line of each run (file list abbreviated)
#   run      one per -j value (BENCH_JOBS, default: every core): documents,
#            sentences, MB, wall seconds, CPU seconds, sentences/s, sentences
#            per CPU second, MB/s, peak RSS
#   stage    CPU seconds per stage for that run: read, split, entities, parse
#            (UD tokens, tags and trees), triples (read off the trees), graph,
#            export; load is the model and word lists; sentences parsed
#   same     whether each run's graph is byte for byte the first run's
#            (kg build promises the same output for every -j)
#   scale    peak memory and time at 1/4, 1/2 and all of the corpus (every
#            4th, every 2nd and every document, so each part has the mix of
#            the whole), at the first -j value
#
# Environment: BENCH_CORPUS (a directory of .txt files), BENCH_JOBS ("1 2"),
# BENCH_SCALE=0 to skip the 1/4 and 1/2 points, BENCH_LIMIT=N to take only
# the first N documents (for a quick look; not comparable).
set -eu

KG=${1:?usage: bench.sh KG}
case $KG in /*) ;; *) KG=$PWD/$KG ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus=${BENCH_CORPUS:-$root/../shared/corpus/bbc}
[ -d "$corpus" ] || corpus=$root/samples
corpus=$(cd "$corpus" && pwd)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
jobs=${BENCH_JOBS:-$cores}

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# -- the document list
find "$corpus" -type f -name '*.txt' ! -name DUPLICATES.txt | LC_ALL=C sort >"$T/all"
: >"$T/dups"
if [ -f "$corpus/DUPLICATES.txt" ]; then
    # lines are "bbc/tech/131.txt bbc/tech/179.txt": drop the second, resolved
    # against the corpus directory's parent (the paths start with its name)
    parent=$(dirname "$corpus")
    awk -v p="$parent" 'NF == 2 { print p "/" $2 }' "$corpus/DUPLICATES.txt" | LC_ALL=C sort -u >"$T/dups"
fi
LC_ALL=C comm -23 "$T/all" "$T/dups" >"$T/docs"
nskip=$(($(wc -l <"$T/all") - $(wc -l <"$T/docs")))
if [ -n "${BENCH_LIMIT:-}" ]; then
    head -n "$BENCH_LIMIT" "$T/docs" >"$T/d"
    mv "$T/d" "$T/docs"
fi
ndocs=$(wc -l <"$T/docs")
[ "$ndocs" -gt 0 ] || { echo "bench: no .txt files in $corpus" >&2; exit 2; }
awk 'NR % 4 == 1' "$T/docs" >"$T/quarter"
awk 'NR % 2 == 1' "$T/docs" >"$T/half"
mb=$(xargs cat <"$T/docs" | wc -c | awk '{printf "%.2f", $1 / 1e6}')

# -- the machine
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
cc_version=$(${CC:-cc} --version 2>/dev/null | head -n 1)
model=$root/models/en-ud.kgm
model_sum=$(sha256sum "$model" 2>/dev/null | cut -c1-16)
echo "bench version=1 date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine cpu=\"${cpu:-unknown}\" cores=$cores kernel=\"$(uname -sr)\" compiler=\"$cc_version\" kg=\"$("$KG" --version)\" model=${model_sum:-unknown}"
echo "load avg1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"
echo "corpus dir=$corpus documents=$ndocs skipped_duplicates=$nskip mb=$mb"

stat_of() { # FILE NAME: the value of "stat NAME VALUE"
    awk -v k="$2" '$1 == "stat" && $2 == k { print $3 }' "$1"
}

# run LIST J: builds the graph of the files in LIST on J threads; the stats
# land in $T/stats
run() {
    n=$(wc -l <"$1")
    j=$2
    echo "command $KG build -q --stats -j $j -o $T/graph FILE... ($n files)"
    # one process for the whole list (xargs might split it), one path a line
    if ! (IFS='
'
        set -f
        # shellcheck disable=SC2046
        set -- $(cat "$1")
        "$KG" build -q --stats -j "$j" -o "$T/graph" "$@") 2>"$T/stats"; then
        grep -v '^stat ' "$T/stats" >&2
        echo "bench: kg build failed" >&2
        exit 2
    fi
}

first=""
for j in $jobs; do
    run "$T/docs" "$j"
    s=$T/stats
    wall=$(stat_of "$s" wall_s)
    cpu_s=$(stat_of "$s" cpu_s)
    sent=$(stat_of "$s" sentences)
    bytes=$(stat_of "$s" bytes)
    rss=$(stat_of "$s" peak_rss_kb)
    awk -v j="$j" -v d="$(stat_of "$s" documents)" -v n="$sent" -v b="$bytes" -v w="$wall" \
        -v c="$cpu_s" -v r="$rss" -v f="$(stat_of "$s" failed)" 'BEGIN {
        printf "run jobs=%d documents=%d failed=%d sentences=%d mb=%.2f wall_s=%.1f cpu_s=%.1f", j, d, f, n, b / 1e6, w, c
        printf " sentences_per_s=%.1f sentences_per_s_per_job=%.1f sentences_per_cpu_s=%.1f", n / w, n / w / j, n / c
        printf " mb_per_s=%.4f peak_rss_mb=%.0f\n", b / 1e6 / w, r / 1024 }'
    printf 'stage jobs=%s' "$j"
    for k in load read split entities parse triples graph export; do
        printf ' %s_s=%s' "$k" "$(stat_of "$s" "${k}_s")"
    done
    printf ' candidates=%s parsed=%s too_long=%s\n' "$(stat_of "$s" candidates)" \
        "$(stat_of "$s" parsed)" "$(stat_of "$s" too_long)"
    if [ -z "$first" ]; then
        first=$j
        cp "$s" "$T/stats_all"
        cp "$T/graph.json" "$T/first.json"
    elif cmp -s "$T/graph.json" "$T/first.json"; then
        echo "same jobs=$j as_jobs=$first identical=yes"
    else
        echo "same jobs=$j as_jobs=$first identical=no"
        echo "bench: -j $j wrote another graph than -j $first" >&2
        exit 1
    fi
done

scale_line() { # NAME STATS-FILE
    awk -v k="$1" -v j="$first" '$1 == "stat" { v[$2] = $3 } END {
        printf "scale fraction=%s jobs=%d documents=%d sentences=%d mb=%.2f wall_s=%.1f cpu_s=%.1f peak_rss_mb=%.0f nodes=%d edges=%d\n",
            k, j, v["documents"], v["sentences"], v["bytes"] / 1e6, v["wall_s"], v["cpu_s"], v["peak_rss_kb"] / 1024, v["nodes"], v["edges"] }' "$2"
}
if [ "${BENCH_SCALE:-1}" != 0 ]; then
    run "$T/quarter" "$first"
    cp "$T/stats" "$T/stats_quarter"
    run "$T/half" "$first"
    cp "$T/stats" "$T/stats_half"
    scale_line 1/4 "$T/stats_quarter"
    scale_line 1/2 "$T/stats_half"
fi
scale_line 1/1 "$T/stats_all"
