#!/bin/sh
# CLI tests: run $O/kg as a user would and check facts in what it writes.
# Prints "ok NAME" or "FAIL NAME: why" per check.
set -u
O=${O:-build}
KG="$PWD/$O/kg"
SAMPLE="$PWD/samples/blinken-2024-01-05.txt"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else fail "$name" "$(head -c 300 "$T/err")"; fi
}
json() { python3 -c "import json,sys; g=json.load(open(sys.argv[1])); $2" "$1"; }

check version "$KG" --version
check help "$KG" --help

# -- the sample, end to end
if "$KG" build "$SAMPLE" -o "$T/s" --format json,dot,svg >"$T/build.out" 2>"$T/build.err"; then
    ok build_sample
else
    fail build_sample "$(cat "$T/build.err")"
fi
check build_prints_summary grep -q "actors, .* countries" "$T/build.out"
check build_says_where grep -q "wrote $T/s.svg" "$T/build.out"
check json_is_valid json "$T/s.json" "assert g['nodes'] and g['edges']"
check blinken_aliases json "$T/s.json" "
n=[x for x in g['nodes'] if 'Secretary Blinken' in x['aliases']]
assert len(n)==1 and 'Blinken' in n[0]['aliases'] and n[0]['type']=='person', n"
check netanyahu_one_node json "$T/s.json" "
n=[x for x in g['nodes'] if 'Netanyahu' in x['label']]
assert len(n)==1 and 'Mr. Netanyahu' in n[0]['aliases'], n"
check countries_have_iso json "$T/s.json" "
n={x['label']:x for x in g['nodes']}
assert n['Israel']['type']=='country' and n['Israel']['iso2']=='IL' and n['Israel']['iso3']=='ISR'
assert n['Saudi Arabia']['iso2']=='SA'"
check date_header_kept json "$T/s.json" "assert g['graph']['documents'][0]['date']=='2024-01-05'"
check links_have_evidence json "$T/s.json" "
for l in g['edges']: assert l['evidence'] and l['evidence'][0]['text'] and l['count']>=1
ids={x['id'] for x in g['nodes']}
assert all(l['source'] in ids and l['target'] in ids for l in g['edges'])"
check netanyahu_vows_hamas json "$T/s.json" "
assert any(l['source']=='benjamin-netanyahu' and l['target']=='hamas' and 'eliminate' in l['relation'] for l in g['edges'])"
check dot_accepted_by_dot dot -Tsvg "$T/s.dot" -o "$T/check.svg"
check svg_is_svg grep -q "<svg" "$T/s.svg"
check svg_names_actors grep -q "Netanyahu" "$T/s.svg"
"$KG" build "$SAMPLE" -o "$T/again" --format json >/dev/null 2>&1
check output_is_deterministic cmp "$T/s.json" "$T/again.json"
check stdin_input sh -c "'$KG' build - -o '$T/in' <'$SAMPLE' && test -s '$T/in.json'"

# -- bad input: one error line naming the file, non-zero exit, no output
bad() { # NAME FILE EXPECTED-MESSAGE
    rm -f "$T/bad.json"
    "$KG" build "$2" -o "$T/bad" >"$T/bad.out" 2>"$T/bad.err"
    rc=$?
    lines=$(wc -l <"$T/bad.err")
    if [ "$rc" -eq 0 ]; then fail "$1" "exit status 0"
    elif [ "$lines" -ne 1 ]; then fail "$1" "expected one error line, got $lines: $(cat "$T/bad.err")"
    elif ! grep -q "^kg: $2.*$3" "$T/bad.err"; then fail "$1" "message: $(cat "$T/bad.err")"
    elif [ -e "$T/bad.json" ]; then fail "$1" "partial output written"
    else ok "$1"; fi
}
bad missing_file "$T/nope.txt" "cannot open"
: >"$T/empty.txt"
bad empty_file "$T/empty.txt" "empty"
printf 'abc\000def\001\002' >"$T/binary.bin"
bad binary_file "$T/binary.bin" "binary"
printf ' date 2024-01-05  \n' >"$T/header.txt"
bad header_only "$T/header.txt" "empty"

# an existing output survives a failed run
cp "$T/s.json" "$T/keep.json"
"$KG" build "$T/nope.txt" -o "$T/keep" >/dev/null 2>&1
check failed_run_keeps_old_output cmp "$T/s.json" "$T/keep.json"

"$KG" build "$SAMPLE" --format nonsense -o "$T/x" >/dev/null 2>"$T/fmt.err"
if [ $? -ne 0 ] && grep -q "unknown format" "$T/fmt.err"; then ok bad_format; else fail bad_format "accepted"; fi

# -- entities and triples
"$KG" entities "$SAMPLE" --format tsv >"$T/ents.tsv" 2>"$T/ents.err"
check entities_tsv grep -q "^antony-j-blinken	person	Secretary Blinken	" "$T/ents.tsv"
"$KG" entities "$SAMPLE" >"$T/ents.jsonl"
check entities_offsets python3 -c "
import json,sys
text=open(sys.argv[1],encoding='utf-8').read()
raw=open(sys.argv[1],'rb').read()
for line in open(sys.argv[2]):
    m=json.loads(line)
    assert raw[m['start']:m['end']].decode()==m['text'], m
    assert text[m['cp_start']:m['cp_end']]==m['text'], m
" "$SAMPLE" "$T/ents.jsonl"
"$KG" triples "$SAMPLE" --format jsonl >"$T/tr.jsonl"
check triples_jsonl python3 -c "
import json,sys
ts=[json.loads(l) for l in open(sys.argv[1])]
assert any(t['relation']=='communicate to' and t['object_entity']=='benjamin-netanyahu' for t in ts)
assert all(0<=t['confidence']<=1 for t in ts)" "$T/tr.jsonl"
printf 'The meeting is being hosted by Blair.\nGermany and France did not attend the summit.\n' >"$T/sent.txt"
"$KG" triples "$T/sent.txt" --sentences --format carb >"$T/carb.tsv"
check carb_passive grep -q "	is being hosted by	The meeting	Blair" "$T/carb.tsv"
check carb_negation grep -q "	did not attend	France	the summit" "$T/carb.tsv"
"$KG" triples "$T/sent.txt" --sentences --format jsonl >"$T/sent.jsonl"
check jsonl_passive_active_reading python3 -c "
import json,sys
ts=[json.loads(l) for l in open(sys.argv[1])]
assert any(t['relation']=='host' and t['subject']=='Blair' and t['object']=='The meeting' for t in ts), ts
assert any(t['relation']=='attend' and t['negated'] and t['subject']=='France' for t in ts), ts" "$T/sent.jsonl"

# kg.h is the one header an embedder includes: it names every public header
missing=""
for h in "$PWD"/include/kg/*.h; do
    grep -q "#include \"kg/$(basename "$h")\"" "$PWD/include/kg.h" || missing="$missing $(basename "$h")"
done
if [ -z "$missing" ]; then ok kg_h_includes_every_public_header; else
    fail kg_h_includes_every_public_header "missing:$missing"; fi
