#!/bin/sh
# Runs the cmocka test binaries given as arguments, then the CLI tests against
# $O/kg, then (plain build only) kg under valgrind.  A skipped check (cmocka's
# skip(), a CLI script's "skip NAME: why") is neither passed nor failed: each
# is listed and counted.  Appends "passed failed skipped" for this tree to
# $KG_TEST_TALLY when set (tests/all.sh sums the columns).
set -u
O=${O:-build}
# third-party leaks only; see the file
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
passed=0
failed=0
skipped=0
for t in "$@"; do
    out=$("$t" 2>&1)
    rc=$?
    printf '%s\n' "$out" | grep -E '^\[ *(PASSED|FAILED|SKIPPED|  OK|RUN) *\]|^\[==========\]' |
        grep -v '^\[ RUN' | grep -v '^\[       OK' | grep -v '^\[  SKIPPED \] [^ ]*$' || true
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    s=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    p=${p:-0}
    f=${f:-0}
    s=${s:-0}
    # cmocka names a skipped test when it runs it and again in its summary
    printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([^ ]*\)$/\1/p' |
        awk -v bin="$(basename "$t")" '!seen[$0]++ { print "skip " bin " " $0 ": skip() called" }'
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        # crashed or a sanitizer stopped it: show why and count it as a failure
        printf '%s\n' "$out" | tail -n 30
        f=1
    elif [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" | grep -E 'FAILED|error|Failure' | head -n 40
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
done

# Every CLI test script prints "ok NAME" or "FAIL NAME: why" per check, or
# "skip NAME: why" where this machine cannot stage it; all but the "ok" lines
# are shown.
summary=""
for script in tests/cli/*.sh; do
    name=$(basename "$script" .sh)
    out=$(O="$O" sh "$script" 2>&1)
    printf '%s\n' "$out" | grep -v '^ok ' || true
    sp=$(printf '%s\n' "$out" | grep -c '^ok ')
    sf=$(printf '%s\n' "$out" | grep -c '^FAIL ')
    ss=$(printf '%s\n' "$out" | grep -c '^skip ')
    if [ "$((sp + sf))" -eq 0 ]; then
        echo "FAIL $name: the script ran no check ($ss skipped)"
        sf=1
    fi
    passed=$((passed + sp))
    failed=$((failed + sf))
    skipped=$((skipped + ss))
    summary="$summary $name $sp/$((sp + sf))"
    [ "$ss" -gt 0 ] && summary="$summary+${ss}skip"
done

# valgrind once, on the plain build (the sanitizer build has its own checks);
# tests/valgrind.sh prints "ok NAME" or "FAIL NAME: why" per run.
if [ "$O" = build ]; then
    out=$(sh tests/valgrind.sh "$O/kg" 2>&1)
    printf '%s\n' "$out" | grep -v '^ok ' || true
    sp=$(printf '%s\n' "$out" | grep -c '^ok ')
    sf=$(printf '%s\n' "$out" | grep -c '^FAIL ')
    ss=$(printf '%s\n' "$out" | grep -c '^skip ')
    [ "$((sp + sf))" -eq 0 ] && echo "FAIL valgrind: tests/valgrind.sh ran no check" && sf=1
    passed=$((passed + sp))
    failed=$((failed + sf))
    skipped=$((skipped + ss))
    summary="$summary valgrind $sp/$((sp + sf))"
    [ "$ss" -gt 0 ] && summary="$summary+${ss}skip"
fi
echo "$O: $passed passed, $failed failed, $skipped skipped (cli:$summary)"
[ -n "${KG_TEST_TALLY:-}" ] && echo "$passed $failed $skipped" >>"$KG_TEST_TALLY"
[ "$failed" -eq 0 ]
