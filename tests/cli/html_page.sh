#!/bin/sh
# CLI tests of kg build -f html: one self-contained page that holds the same
# graph as the JSON, fetches nothing and is the same bytes every time; then,
# where Chromium and web/node_modules are installed, the page in a real
# browser (tests/browser/graph_page.mjs: drawing, clicks, filters, search).
# Prints "ok NAME", "FAIL NAME: why" or "skip NAME: why" per check.
set -u
O=${O:-build}
ROOT=$PWD
KG="$ROOT/$O/kg"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else fail "$name" "$(cat "$T/out" "$T/err" | head -c 400)"; fi
}
# Node and edge counts of a graphology JSON file, or of a page's data script.
counts() {
    python3 -c "
import json, re, sys
text = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<script type=\"application/json\" id=\"kg-graph\">(.*?)</script>', text, re.S)
g = json.loads(m.group(1) if m else text)
print(len(g['nodes']), len(g['edges']))" "$1" 2>/dev/null
}

if "$KG" build "$ROOT"/samples/*.txt -f html -o "$T/p" >"$T/build.out" 2>&1; then
    ok html_build
else
    fail html_build "$(head -c 400 "$T/build.out")"
fi
check html_says_what_it_wrote grep -q "^wrote $T/p.html" "$T/build.out"
check html_is_a_page sh -c "head -n 1 '$T/p.html' | grep -qx '<!DOCTYPE html>' &&
    tail -n 1 '$T/p.html' | grep -qx '</html>'"
check html_holds_graph_data grep -q '<script type="application/json" id="kg-graph">' "$T/p.html"
check html_inlines_its_script_and_style sh -c "grep -q '^<style>' '$T/p.html' &&
    [ \$(grep -c '^<script' '$T/p.html') -eq 2 ] && [ \$(wc -c <'$T/p.html') -gt 50000 ]"
if grep -Eiq "(src|href)[[:space:]]*=[[:space:]]*[\"']?(https?:)?//" "$T/p.html"; then
    fail html_fetches_nothing "$(grep -Eio "(src|href)[[:space:]]*=[[:space:]]*[\"']?(https?:)?//.{0,40}" "$T/p.html" | head -n 3)"
elif grep -Eiq '<link|<script[^>]* src' "$T/p.html"; then
    fail html_fetches_nothing "the page links a file"
else
    ok html_fetches_nothing
fi
"$KG" build "$ROOT"/samples/*.txt -f html -o "$T/q" -q 2>/dev/null
check html_same_bytes_twice cmp "$T/p.html" "$T/q.html"

# the page carries the graph that --json-style graphology writes
"$KG" build "$ROOT"/samples/*.txt -f json,html --json-style graphology -o "$T/both" -q 2>"$T/both.err" ||
    fail html_with_json "$(cat "$T/both.err")"
check html_with_json_writes_both test -s "$T/both.json" -a -s "$T/both.html"
if [ "$(counts "$T/both.json")" = "$(counts "$T/both.html")" ] && [ -n "$(counts "$T/both.json")" ]; then
    ok html_data_is_the_json
else
    fail html_data_is_the_json "json $(counts "$T/both.json"), page $(counts "$T/both.html")"
fi

# a place that cannot be written: a one-line error naming it, no page
if "$KG" build "$ROOT"/samples/*.txt -f html -o "$T/missing/p" >"$T/bad.out" 2>&1; then
    fail html_unwritable_path "exit 0"
else
    check html_unwritable_path_names_it grep -q "^kg: $T/missing/p.html: cannot write" "$T/bad.out"
fi

# -- the page in a browser (the sanitizer tree leaves it to the plain one)
case "$O" in
*san*)
    echo "skip html_page: the browser test runs for the plain build"
    ;;
*)
    if [ ! -x /usr/bin/chromium ] || [ ! -d "$ROOT/web/node_modules/playwright-core" ] ||
        ! command -v node >/dev/null 2>&1; then
        echo "skip html_page: chromium not installed"
    else
        node "$ROOT/tests/browser/graph_page.mjs" "$KG" >"$T/browser.out" 2>&1
        rc=$?
        grep -E '^(ok|FAIL|skip) ' "$T/browser.out"
        if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$T/browser.out"; then
            fail html_page "the browser test stopped: $(tail -c 400 "$T/browser.out")"
        fi
    fi
    ;;
esac
