#!/bin/sh
# parse_bench.sh KG [GOLD.conllu] - how fast kg parse tags and parses, on one core.
#
#   make bench-parse      (also the second half of make bench)
#
# GOLD defaults to ../shared/ud/en_ewt-ud-dev.conllu (2,001 sentences, 25,147
# words).  kg parse runs on one thread; each run is pinned to one core with
# taskset where it exists.  BENCH_RUNS runs (default 5) of each of
#   gold tokens  `kg parse --input conllu --stats GOLD`: tagging and parsing
#                alone, on the gold words
#   raw text     `kg parse --stats TEXT`, TEXT being GOLD's `# text =` lines
#                a paragraph a line: sentence splitting and tokenizing too
# and the median of each figure over the runs (the median is the least moved
# by other load on the machine, and by a first run's cold caches).  Times are
# CPU seconds of the parsing thread, as kg parse --stats reports them.
#
# Prints one record a line, as "RECORD key=value ..." like bench/bench.sh:
#   bench-parse  format version, date
#   machine      CPU model, cores, kernel, compiler, kg version
#   load         the 1-minute load average before the first run
#   model        the model's name
#   corpus       file, sentences, words
#   command      the kg command line of each kind of run
#   run          one per run: input, tokens, tokenize_s, tag_s, parse_s
#   speed        per input, medians: tag, parse and tag+parse tokens per CPU
#                second (raw text: also tokenize and all three together),
#                model load seconds
set -eu

KG=${1:?usage: parse_bench.sh KG [GOLD.conllu]}
case $KG in /*) ;; *) KG=$PWD/$KG ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
gold=${2:-$root/../shared/ud/en_ewt-ud-dev.conllu}
runs=${BENCH_RUNS:-5}
[ -f "$gold" ] || { echo "bench-parse: no treebank at $gold" >&2; exit 2; }
pin=""
command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null && pin="taskset -c 0"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# the raw text, as bench/eval_parser.sh makes it
python3 "$here/ud_raw_text.py" "$gold" "$T/raw.txt"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
cc_version=$(${CC:-cc} --version 2>/dev/null | head -n 1)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
echo "bench-parse version=1 date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine cpu=\"${cpu:-unknown}\" cores=$cores kernel=\"$(uname -sr)\" compiler=\"$cc_version\" kg=\"$("$KG" --version)\" pinned=\"${pin:-no}\""
echo "load avg1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"

stat_of() { # FILE KEY: the value of KEY=VALUE in kg parse's --stats line
    sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$1"
}

# One untimed run first: it names the model and the corpus, and warms the
# file cache.
if ! "$KG" parse --stats --input conllu "$gold" >/dev/null 2>"$T/stats"; then
    cat "$T/stats" >&2
    echo "bench-parse: kg parse failed" >&2
    exit 2
fi
echo "model name=\"$(sed -n 's/.*model="\([^"]*\)".*/\1/p' "$T/stats")\""
echo "corpus file=$gold sentences=$(stat_of "$T/stats" sentences) words=$(stat_of "$T/stats" tokens)"

# bench INPUT ARGS...: runs kg parse ARGS $runs times; "run" records to
# stdout, "tokens tokenize_s tag_s parse_s load_s" lines to $T/INPUT
bench() {
    input=$1
    shift
    echo "command $pin $KG parse --stats $* >/dev/null"
    : >"$T/$input"
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        if ! $pin "$KG" parse --stats "$@" >/dev/null 2>"$T/stats"; then
            cat "$T/stats" >&2
            echo "bench-parse: kg parse failed" >&2
            exit 2
        fi
        s=$T/stats
        echo "$(stat_of "$s" tokens) $(stat_of "$s" tokenize_s) $(stat_of "$s" tag_s) $(stat_of "$s" parse_s) $(stat_of "$s" load_s)" >>"$T/$input"
        tail -n 1 "$T/$input" | awk -v input="$input" -v k="$i" '{
            printf "run input=%s k=%d tokens=%d tokenize_s=%s tag_s=%s parse_s=%s load_s=%s\n", input, k, $1, $2, $3, $4, $5 }'
    done
}

# speed INPUT: medians over $T/INPUT's runs
speed() {
    awk -v input="$1" '
    function median(a, n,   i, j, t) {
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function rate(t, s) { return s > 0 ? t / s : 0 }
    { n++; tok[n] = rate($1, $2); tag[n] = rate($1, $3); par[n] = rate($1, $4)
      tp[n] = rate($1, $3 + $4); all[n] = rate($1, $2 + $3 + $4); load[n] = $5 }
    END {
        printf "speed input=%s runs=%d tag_tokens_per_s=%.0f parse_tokens_per_s=%.0f tag_parse_tokens_per_s=%.0f",
            input, n, median(tag, n), median(par, n), median(tp, n)
        if (input == "raw-text")
            printf " tokenize_tokens_per_s=%.0f all_tokens_per_s=%.0f", median(tok, n), median(all, n)
        printf " load_s=%.3f\n", median(load, n)
    }' "$T/$1"
}

bench gold-tokens --input conllu "$gold"
bench raw-text "$T/raw.txt"
speed gold-tokens
speed raw-text
