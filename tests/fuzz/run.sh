#!/bin/sh
# Runs each libFuzzer target given for SECONDS with inputs up to MAX_LEN bytes.
#   sh tests/fuzz/run.sh SECONDS MAX_LEN build/fuzz/fuzz_reader ...
# Each target starts from build/fuzz/corpus/TARGET (kept between runs, so
# campaigns add up) plus its seeds in tests/fuzz/corpus/TARGET, which it only
# reads.  A crash leaves build/fuzz/crash-TARGET-* and fails the run; copy the
# input into tests/fuzz/corpus/TARGET/ (a bug in this code) or
# tests/fuzz/regressions/ (a bug found for another module) once understood.
# Prints one line per target with its executions, then "N passed, N failed".
set -u
[ $# -ge 3 ] || { echo "usage: $0 SECONDS MAX_LEN TARGET..." >&2; exit 2; }
secs=$1
max_len=$2
shift 2
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
# the same third-party suppressions as make test: Graphviz's font stack (SVG)
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/../.." && pwd)/tests/lsan.supp:print_suppressions=0"
dir=$(dirname "$1")
passed=0
failed=0
for bin in "$@"; do
    t=$(basename "$bin")
    mkdir -p "$dir/corpus/$t"
    log="$dir/$t.log"
    "$bin" -max_total_time="$secs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -dict=tests/fuzz/kg.dict -artifact_prefix="$dir/crash-$t-" -print_final_stats=1 \
        "$dir/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        echo "ok $t: ${execs:-?} executions in ${secs}s"
        passed=$((passed + 1))
    else
        echo "FAIL $t: exit $rc after ${execs:-?} executions; log $log"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)|^ +#[0-9]+ ' "$log" | head -n 30
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
