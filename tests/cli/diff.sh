#!/bin/sh
# CLI tests of `kg diff`: versions of the sample article made at test time,
# each checked for its exit status and for the change it must report.
# Prints "ok NAME" or "FAIL NAME: why" per check, or "skip NAME: why" where
# this machine lacks a tool the check needs (tests/run.sh counts and lists
# skips).
set -u
O=${O:-build}
KG="$PWD/$O/kg"
SAMPLE="$PWD/samples/blinken-2024-01-05.txt"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# -- versions of the sample
cp "$SAMPLE" "$T/old.txt"
cp "$SAMPLE" "$T/same.txt"
edit() { # NAME PYTHON-EXPRESSION-ON-t: writes $T/NAME.txt from the sample
    python3 - "$SAMPLE" "$T/$1.txt" "$2" <<'EOF'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
new = eval(sys.argv[3], {"t": t, "re": __import__("re")})
assert new != t, "the edit changed nothing"
open(sys.argv[2], "w", encoding="utf-8").write(new)
EOF
}
MILLER=' Matthew Miller, a spokesperson for the State Department, acknowledged the challenging nature of these conversations, stating that “there are obviously tough issues facing the region and difficult choices ahead.”'
edit added "t.replace('presents a complex obstacle to overcome.', 'presents a complex obstacle to overcome. President Biden criticized Hamas in a speech.')"
edit removed "t.replace('''$MILLER''', '')"
edit negated "t.replace('Secretary Blinken communicated to', 'Secretary Blinken did not communicate to')"
edit modal "t.replace('Secretary Blinken communicated to', 'Secretary Blinken may communicate to')"
edit shortened "t.replace('Secretary of State Antony J. Blinken', 'Secretary of State Blinken')"
edit replaced "t.replace('Matthew Miller, a spokesperson', 'John Kirby, a spokesperson')"
edit role "t.replace('Prime Minister Benjamin Netanyahu', 'former Prime Minister Benjamin Netanyahu').replace('However, Prime Minister Netanyahu', 'However, former Prime Minister Netanyahu')"
edit whitespace "re.sub(r'\\. ', '.\\n', re.sub(r' ', '  ', t)).replace('\\n\\n', '\\n \\n\\n') + '\\n\\n'"

# The version pairs share one parse cache, which makes the suite several
# times faster; cache_reused below checks that a cached run says exactly what
# an uncached one does.
CACHE="--cache=$T/shared"

# djson NAME OLD NEW STATUS PYTHON: runs kg diff --format json, checks the
# exit status, then PYTHON with d = the JSON and helpers ent(id), rels(...).
djson() {
    name=$1 old=$2 new=$3 want=$4 check=$5
    "$KG" diff $CACHE --format json "$old" "$new" >"$T/$name.json" 2>"$T/$name.err"
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name" "exit status $rc, expected $want: $(head -c 300 "$T/$name.err")"
        return
    fi
    if python3 - "$T/$name.json" "$check" >"$T/$name.py" 2>&1 <<'EOF'; then ok "$name"; else fail "$name" "$(tail -n 3 "$T/$name.py" | tr '\n' ' ')"; fi
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
def ent(id):
    m = [e for e in d["entities"] if e["id"] == id or (e["old"] or {}).get("id") == id]
    assert len(m) == 1, (id, [e["id"] for e in d["entities"]])
    return m[0]
def rels(status=None, relation=None, source=None, target=None):
    return [r for r in d["relations"]
            if (status is None or r["status"] == status)
            and (relation is None or r["relation"] == relation)
            and (source is None or r["source"] == source)
            and (target is None or r["target"] == target)]
def statuses(kind):
    return sorted(x["status"] for x in d[kind] if x["status"] != "unchanged")
exec(sys.argv[2])
EOF
}

djson identical "$T/old.txt" "$T/same.txt" 0 "
assert d['changed'] is False and d['entities'] == [] and d['relations'] == []"
if "$KG" diff $CACHE "$T/old.txt" "$T/same.txt" >"$T/id.out" 2>"$T/id.err" && [ ! -s "$T/id.out" ]; then
    ok identical_prints_nothing
else
    fail identical_prints_nothing "$(head -c 200 "$T/id.out" "$T/id.err")"
fi
djson same_file "$T/old.txt" "$T/old.txt" 0 "assert d['changed'] is False"

djson whitespace_only "$T/old.txt" "$T/whitespace.txt" 0 "
assert d['changed'] is False, d['summary']
assert d['relations'] == [] and statuses('entities') == []"

djson sentence_added "$T/old.txt" "$T/added.txt" 1 "
r = rels('added', 'criticize', 'biden', 'hamas')
assert len(r) == 1, d['relations']
assert 'President Biden criticized Hamas' in r[0]['evidence']['new'][0]['text']
assert r[0]['evidence']['old'] == [] and r[0]['old'] is None
assert statuses('entities') == []
assert ent('hamas')['old']['mentions'] + 1 == ent('hamas')['new']['mentions']
assert 'mentions' in ent('hamas')['notes']"

djson sentence_removed "$T/old.txt" "$T/removed.txt" 1 "
assert ent('matthew-miller')['status'] == 'removed'
assert 'Matthew Miller, a spokesperson' in ent('matthew-miller')['evidence']['old'][0]['text']
r = rels('removed', source='matthew-miller', target='state-department')
assert len(r) == 1 and r[0]['new'] is None
assert not rels('added')"

djson negated "$T/old.txt" "$T/negated.txt" 1 "
r = rels('changed', 'communicate to', 'antony-j-blinken', 'benjamin-netanyahu')
assert len(r) == 1, d['relations']
r = r[0]
assert r['changes'] == ['negation'], r['changes']
assert r['old']['negated'] is False and r['new']['negated'] is True
assert 'did not communicate' in r['evidence']['new'][0]['text']
assert 'communicated to' in r['evidence']['old'][0]['text']
assert d['summary']['relations']['changed'] == 1 and not rels('added') and not rels('removed')"

djson modal "$T/old.txt" "$T/modal.txt" 1 "
r = rels('changed', 'communicate to')
assert len(r) == 1 and r[0]['changes'] == ['modality'], d['relations']
assert r[0]['new']['modal'] is True and r[0]['new']['negated'] is False"

djson name_shortened "$T/old.txt" "$T/shortened.txt" 0 "
e = ent('antony-j-blinken')
assert e['status'] == 'unchanged' and e['match'] in ('alias', 'name'), e
assert e['notes'][0] == 'label' and e['old']['label'] == 'Antony J. Blinken'
assert e['new']['label'] == 'Blinken', e['new']
assert d['changed'] is False and d['relations'] == []"

djson actor_replaced "$T/old.txt" "$T/replaced.txt" 1 "
assert ent('matthew-miller')['status'] == 'removed'
assert ent('john-kirby')['status'] == 'added'
assert 'John Kirby, a spokesperson' in ent('john-kirby')['evidence']['new'][0]['text']
assert len(rels('removed', source='matthew-miller')) == 1
assert len(rels('added', source='john-kirby')) == 1
assert statuses('entities') == ['added', 'removed']"

djson role_changed "$T/old.txt" "$T/role.txt" 1 "
e = ent('benjamin-netanyahu')
assert e['status'] == 'changed' and e['changes'] == ['roles'], e
assert 'former Prime Minister' in e['roles_added'], e['roles_added']
assert 'Prime Minister' in e['roles_removed'], e['roles_removed']
assert any('former Prime Minister' in s['text'] for s in e['evidence']['new'])
assert statuses('entities') == ['changed']"

# -- the readable summary
"$KG" diff $CACHE "$T/old.txt" "$T/negated.txt" >"$T/neg.txt" 2>"$T/neg.err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q '^~ Antony J. Blinken -\[not communicate to\]-> Benjamin Netanyahu: was "communicate to"$' "$T/neg.txt" &&
    grep -q '^    new \[3\] During a private meeting' "$T/neg.txt" && ! grep -q "$(printf '\033')" "$T/neg.txt"; then
    ok text_summary
else
    fail text_summary "status $rc: $(head -c 300 "$T/neg.txt")"
fi
"$KG" diff $CACHE --color always "$T/old.txt" "$T/replaced.txt" >"$T/col.txt" 2>/dev/null
if grep -q "$(printf '\033')\[32m+ person John Kirby" "$T/col.txt"; then ok text_color_always; else fail text_color_always "no ANSI green"; fi
if "$KG" diff $CACHE --color sometimes "$T/old.txt" "$T/same.txt" >/dev/null 2>&1; [ $? -eq 2 ]; then
    ok bad_color_value
else
    fail bad_color_value "accepted"
fi
if command -v script >/dev/null 2>&1; then
    # a terminal gets colours unless NO_COLOR is set
    script -qec "'$KG' diff $CACHE '$T/old.txt' '$T/replaced.txt'" /dev/null >"$T/tty.txt" 2>/dev/null
    NO_COLOR=1 script -qec "'$KG' diff $CACHE '$T/old.txt' '$T/replaced.txt'" /dev/null >"$T/notty.txt" 2>/dev/null
    if grep -q "$(printf '\033')\[32m" "$T/tty.txt" && ! grep -q "$(printf '\033')\[3" "$T/notty.txt"; then
        ok text_color_on_terminal_and_no_color
    else
        fail text_color_on_terminal_and_no_color "$(head -c 200 "$T/tty.txt")"
    fi
else
    echo "skip text_color_on_terminal_and_no_color: no script(1) to make a terminal"
fi

# -- files, drawings, input kinds
rm -f "$T/out.json"
"$KG" diff $CACHE -f json -o "$T/out.json" "$T/old.txt" "$T/role.txt" >"$T/o.out" 2>/dev/null
rc=$?
if [ "$rc" -eq 1 ] && [ ! -s "$T/o.out" ] && python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$T/out.json" &&
    [ -z "$(ls "$T" | grep 'out.json.tmp')" ]; then
    ok output_file
else
    fail output_file "status $rc"
fi
"$KG" diff $CACHE -f json "$T/old.txt" "$T/role.txt" >"$T/again.json" 2>/dev/null
if cmp -s "$T/out.json" "$T/again.json"; then ok json_deterministic; else fail json_deterministic "two runs differ"; fi

"$KG" diff $CACHE -f dot -o "$T/u.dot" "$T/old.txt" "$T/negated.txt" 2>/dev/null
if dot -Tsvg "$T/u.dot" -o "$T/u-check.svg" 2>"$T/dot.err" && grep -q '#E69F00' "$T/u.dot" &&
    grep -q 'was communicate to' "$T/u.dot"; then
    ok dot_union_graph
else
    fail dot_union_graph "$(head -c 200 "$T/dot.err")"
fi
"$KG" diff $CACHE -f svg -o "$T/u.svg" "$T/old.txt" "$T/replaced.txt" 2>/dev/null
if grep -q '<svg' "$T/u.svg" && grep -q 'John Kirby' "$T/u.svg"; then ok svg_union_graph; else fail svg_union_graph "no svg"; fi

"$KG" diff $CACHE -f json "$T/old.txt" - <"$T/negated.txt" >"$T/stdin.json" 2>"$T/stdin.err"
if [ $? -eq 1 ] && grep -q '"negation"' "$T/stdin.json"; then ok stdin_side; else fail stdin_side "$(head -c 200 "$T/stdin.err")"; fi

# a graph JSON written by kg on one side
if ! "$KG" build "$T/old.txt" -o "$T/oldgraph" -q >/dev/null 2>"$T/gb.err"; then
    fail json_side "kg build of the old version failed: $(head -c 300 "$T/gb.err")"
else
    "$KG" diff $CACHE -f json "$T/oldgraph.json" "$T/negated.txt" >"$T/g.json" 2>"$T/g.err"
    rc=$?
    if [ "$rc" -eq 1 ] && python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
r=[r for r in d['relations'] if r['status']!='unchanged']
assert len(r)==1 and r[0]['changes']==['negation'], r" "$T/g.json" 2>"$T/g.py"; then
        ok json_side
    else
        fail json_side "status $rc: $(cat "$T/g.err" "$T/g.py" 2>/dev/null | head -c 300)"
    fi
fi

# -- trouble is status 2 with one message
trouble() { # NAME EXPECTED-MESSAGE ARGS...
    name=$1 msg=$2
    shift 2
    "$KG" diff "$@" >"$T/t.out" 2>"$T/t.err" </dev/null
    rc=$?
    if [ "$rc" -ne 2 ]; then fail "$name" "exit status $rc"
    elif ! grep -q "^kg: .*$msg" "$T/t.err"; then fail "$name" "message: $(cat "$T/t.err")"
    else ok "$name"; fi
}
trouble missing_file "cannot open" "$T/old.txt" "$T/nope.txt"
trouble one_file "two files" "$T/old.txt"
trouble bad_format "unknown format" -f png "$T/old.txt" "$T/same.txt"
trouble both_stdin "standard input" - -

# -- the sentence cache
"$KG" diff --cache "$T/cache/sub" "$T/old.txt" "$T/negated.txt" >/dev/null 2>"$T/c.err"
rc=$?
if [ "$rc" -eq 1 ] && [ -d "$T/cache/sub" ]; then ok cache_dir_created; else fail cache_dir_created "status $rc: $(head -c 200 "$T/c.err")"; fi
# A second run over the same pair finds every parse: it writes no entry (an
# entry is written only on a miss) and says what an uncached run says.
n1=$(ls "$T/cache/sub" 2>/dev/null | wc -l)
touch "$T/cache.mark"
"$KG" diff --cache "$T/cache/sub" -f json "$T/old.txt" "$T/negated.txt" >"$T/c2.json" 2>/dev/null
rc=$?
"$KG" diff -f json "$T/old.txt" "$T/negated.txt" >"$T/c3.json" 2>/dev/null
n2=$(ls "$T/cache/sub" 2>/dev/null | wc -l)
rewritten=$(find "$T/cache/sub" -type f -newer "$T/cache.mark" | wc -l)
if [ "$rc" -eq 1 ] && [ "$n1" -gt 10 ] && [ "$n1" -eq "$n2" ] && [ "$rewritten" -eq 0 ] &&
    cmp -s "$T/c2.json" "$T/c3.json"; then
    ok cache_reused
else
    fail cache_reused "status $rc, entries $n1 then $n2, $rewritten rewritten, or output differs from an uncached run"
fi
# a corrupt entry is ignored and rebuilt
f=$(ls "$T/cache/sub" 2>/dev/null | head -n 1)
if [ -n "$f" ]; then
    printf 'garbage' >"$T/cache/sub/$f"
    "$KG" diff --cache "$T/cache/sub" -f json "$T/old.txt" "$T/negated.txt" >"$T/c4.json" 2>/dev/null
fi
if [ -n "$f" ] && cmp -s "$T/c4.json" "$T/c3.json" && ! grep -q garbage "$T/cache/sub/$f"; then
    ok cache_corrupt_entry_rebuilt
else
    fail cache_corrupt_entry_rebuilt "no entry, output differs or entry not rebuilt"
fi
