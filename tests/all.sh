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
passed=$(awk '{p += $1} END {print p + 0}' "$tally")
failed=$(awk '{f += $2} END {print f + 0}' "$tally")
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed"
exit "$status"
