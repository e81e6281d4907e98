#!/bin/sh
# scale_bench.sh KG - inputs of legal size whose cost used to grow with their
# square (issue 16), timed, so that `make bench` shows the cost is linear.
#
#   people  one document of PEOPLE_N (100,000) short sentences naming twice as
#           many different people, built with `kg build` (whole pipeline,
#           UD parse included: a 9-word sentence parses in ~0.2 ms,
#           so the parse does not hide the entity stage; its own CPU time is
#           the entities_s stage printed beside it), and listed with
#           `kg entities` (no parser at all)
#   shared  SHARED_N (200,000) JSON Lines documents each naming one shared
#           person, `kg build --jsonl` (the graph stage: graph_s)
#   merge   a GRAPH_N (100,000) node graph (a ring, chords and a hub per 1,000
#           nodes), `kg merge` of it: loading, merging, analytics, writing
# Smaller sizes (each at 1/4 and 1/2 too, BENCH_SCALE=0 to skip) show the
# growth: linear cost doubles with the input.
#
# Inputs are made at run time by bench/scale_gen.py (deterministic; nothing
# large is committed).  Prints the machine, then one "scale" record a line:
#   scale case=NAME n=N wall_s=... cpu_s=... peak_rss_mb=... command="..."
set -eu

KG=${1:?usage: scale_bench.sh KG}
case $KG in /*) ;; *) KG=$PWD/$KG ;; esac
here=$(cd "$(dirname "$0")" && pwd)
PEOPLE_N=${PEOPLE_N:-100000}
SHARED_N=${SHARED_N:-200000}
GRAPH_N=${GRAPH_N:-100000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "scale-bench version=1 date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine arch=$(uname -m) cpu=\"${cpu:-unknown}\" cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1) kernel=\"$(uname -sr)\" kg=\"$("$KG" --version)\""
echo "load avg1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"

# timed CASE N STAGES COMMAND...: runs COMMAND under /usr/bin/time (GNU) or
# the shell's clock, prints a scale record, and the 'stat' lines named in
# STAGES (a space-separated list, from kg build --stats) when there are any
timed() {
    name=$1 n=$2 stages=$3
    shift 3
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e %U %S %M" -o "$T/time" "$@" >"$T/out" 2>"$T/err" || {
            cat "$T/err" >&2
            echo "scale-bench: $name failed" >&2
            exit 2
        }
        read -r wall user sys rss <"$T/time"
    else
        t0=$(date +%s.%N)
        "$@" >"$T/out" 2>"$T/err" || { cat "$T/err" >&2; exit 2; }
        wall=$(echo "$(date +%s.%N) - $t0" | bc)
        user=0 sys=0 rss=0
    fi
    extra=""
    for k in $stages; do
        extra="$extra ${k}=$(awk -v k="$k" '$1 == "stat" && $2 == k { print $3 }' "$T/err")"
    done
    awk -v c="$name" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v x="$extra" \
        -v cmd="$*" 'BEGIN { printf "scale case=%s n=%d wall_s=%.2f cpu_s=%.2f peak_rss_mb=%.0f%s command=\"%s\"\n",
        c, n, w, u + s, r / 1024, x, cmd }'
}

sizes() { # N: N/4 N/2 N, or N alone
    if [ "${BENCH_SCALE:-1}" = 0 ]; then echo "$1"; else echo "$(($1 / 4)) $(($1 / 2)) $1"; fi
}

for n in $(sizes "$PEOPLE_N"); do
    python3 "$here/scale_gen.py" people "$n" "$T/people.txt"
    timed people-entities "$n" "" "$KG" entities "$T/people.txt"
    timed people-build "$n" "entities_s parse_s graph_s nodes" \
        "$KG" build -q --stats "$T/people.txt" -o "$T/people"
done
for n in $(sizes "$SHARED_N"); do
    python3 "$here/scale_gen.py" shared "$n" "$T/shared.jsonl"
    timed shared-build "$n" "entities_s graph_s documents nodes" \
        "$KG" build -q --stats --jsonl "$T/shared.jsonl" -o "$T/shared"
done
for n in $(sizes "$GRAPH_N"); do
    python3 "$here/scale_gen.py" graph "$n" "$T/graph.json"
    timed merge "$n" "" "$KG" merge "$T/graph.json" -o "$T/merged"
    grep '^betweenness' "$T/out" | sed 's/^/note /' || true
done
