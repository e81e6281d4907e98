#!/bin/sh
# Runs KG (default build/kg) under valgrind's memcheck: the sample built to
# JSON, DOT and SVG (extraction with the parser, the graph, every exporter),
# `kg entities` on the sample and on odd text (no parser; invalid UTF-8 and
# emoji), `kg parse` (the UD tagger and parser) on the sample and on odd text,
# and a refused input (the error path).  Any invalid access, use of
# uninitialised memory, or definite or indirect leak fails the check; the
# leaks of Graphviz's font stack are suppressed (tests/valgrind.supp says
# which and why).  Prints "ok NAME" or "FAIL NAME: why" per run.
set -u
KG=${1:-build/kg}
SAMPLE=samples/blinken-2024-01-05.txt
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
VG="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --suppressions=$PWD/tests/valgrind.supp
    --num-callers=30 --log-file=$T/vg.log"
failed=0

# check NAME EXPECTED-STATUS KG-ARGS...: valgrind's own status 99 means it
# found errors; otherwise kg's status must be the expected one.
check() {
    name=$1 want=$2
    shift 2
    # shellcheck disable=SC2086
    $VG "$KG" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -eq 99 ]; then
        echo "FAIL $name: memcheck found errors:"
        grep -E '^==[0-9]+== (ERROR SUMMARY|[A-Z][a-z].*(lost|Invalid|uninitialised|depends))|^==[0-9]+== +(at|by) ' \
            "$T/vg.log" | head -n 40
        cp "$T/vg.log" "${TMPDIR:-/tmp}/kg-valgrind-$name.log" &&
            echo "  (full log: ${TMPDIR:-/tmp}/kg-valgrind-$name.log)"
        failed=$((failed + 1))
    elif [ "$rc" -ne "$want" ]; then
        echo "FAIL $name: exit status $rc, expected $want: $(head -c 300 "$T/err")"
        failed=$((failed + 1))
    else
        echo "ok $name"
    fi
}

check valgrind_build 0 build -q "$SAMPLE" -o "$T/s" --format json,dot,svg
check valgrind_entities 0 entities "$SAMPLE"
printf '\360\237\230\200 The envoy \377 met Benjamin Netanyahu in Israel. \342\200\234Talks,\342\200\235 he said.\n' >"$T/odd.txt"
check valgrind_entities_odd_text 0 entities "$T/odd.txt"
check valgrind_parse 0 parse "$SAMPLE" -o "$T/s.conllu"
check valgrind_parse_odd_text 0 parse "$T/odd.txt"
printf 'Benjamin Netanyahu\000 met Blinken.\n' >"$T/nul.txt"
check valgrind_refused_input 2 build -q "$T/nul.txt" -o "$T/nul"
[ "$failed" -eq 0 ]
