#!/bin/sh
# make test: the plain build, then the ASan/UBSan build, each with unit and CLI
# tests; ends with one summary line over both.
set -u
tally=$(mktemp)
trap 'rm -f "$tally"' EXIT
export KG_TEST_TALLY="$tally"
status=0
make --no-print-directory unit || status=1
make --no-print-directory san || status=1
# CI (CI=true) also runs each libFuzzer target for 60 s under ASan/UBSan;
# locally KG_FUZZ=1 asks for it (one after another: about 8 minutes).
if [ "${CI:-}" = true ] || [ -n "${KG_FUZZ:-}" ]; then
    fuzz_log=$(mktemp)
    make --no-print-directory fuzz-ci >"$fuzz_log" 2>&1 || status=1
    grep -E '^(ok|FAIL) |^fuzz:' "$fuzz_log" || tail -n 20 "$fuzz_log"
    fp=$(grep -c '^ok ' "$fuzz_log")
    ff=$(grep -c '^FAIL ' "$fuzz_log")
    [ "$status" -ne 0 ] && [ "$((fp + ff))" -eq 0 ] && ff=1
    echo "$fp $ff" >>"$tally"
    rm -f "$fuzz_log"
fi
passed=$(awk '{p += $1} END {print p + 0}' "$tally")
failed=$(awk '{f += $2} END {print f + 0}' "$tally")
skipped=$(awk '{s += $3} END {print s + 0}' "$tally")
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
# skips on a line of their own: the last line stays "N passed, N failed"
echo "$skipped skipped (the \"skip\" lines above)"
echo "$passed passed, $failed failed"
exit "$status"
