#!/bin/sh
# Scale tests: `kg build -j`, --jsonl streaming, limits, the progress line,
# and the map/reduce recipe of docs/scale.md (GNU parallel, then kg merge).
# Prints "ok NAME", "FAIL NAME: why" or "skip NAME: why" per check.
set -u
O=${O:-build}
KG="$PWD/$O/kg"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else fail "$name" "$(head -c 300 "$T/err")"; fi
}
status_is() { # NAME EXPECTED ACTUAL
    if [ "$3" -eq "$2" ]; then ok "$1"; else fail "$1" "exit status $3, expected $2"; fi
}

# -- a small corpus: entities shared across articles, so that merging has
# nodes and edges to unite; one article without any relation
C=$T/corpus
mkdir -p "$C"
cat >"$C/a-summit.txt" <<'EOF'
date 2024-03-01
German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.
Scholz said Germany would support France in the talks with the European Union.
Macron thanked him for his visit. The two leaders rejected a proposal from Hungary.
EOF
cat >"$C/b-trade.txt" <<'EOF'
date 2024-03-02
The European Union criticised China over its trade policy.
Chinese Foreign Minister Wang Yi rejected the criticism and accused the European Union of protectionism.
Emmanuel Macron said France wanted closer ties with China.
EOF
cat >"$C/c-visit.txt" <<'EOF'
date 2024-03-03
Olaf Scholz visited Poland on Sunday, where he met Polish Prime Minister Donald Tusk.
Tusk said Poland and Germany would work together. He also criticised Russia.
Russia condemned the meeting.
EOF
cat >"$C/d-aid.txt" <<'EOF'
The United Nations asked Germany and France for more aid to Ukraine.
Ukrainian President Volodymyr Zelensky thanked Germany. Zelensky met Scholz in Berlin last week.
EOF
cat >"$C/e-plain.txt" <<'EOF'
date 2024-03-05
It rained all day. Nobody said anything about the weather, and the markets were quiet.
EOF

# -- the same graph, byte for byte, on any number of threads
"$KG" build -q -j1 "$C"/*.txt -o "$T/j1" 2>"$T/j1.err"
status_is build_j1 0 $?
check build_j1_has_edges python3 -c "
import json,sys; g=json.load(open(sys.argv[1]))
assert len(g['graph']['documents'])==5 and len(g['edges'])>=10, (len(g['edges']))" "$T/j1.json"
for j in 2 4; do
    "$KG" build -q -j$j "$C"/*.txt -o "$T/j$j" 2>/dev/null
    check "build_j${j}_same_as_j1" cmp "$T/j1.json" "$T/j$j.json"
done
# more documents than threads times the window, in a different order
for _ in 1 2 3 4 5 6 7 8 9; do for f in "$C"/*.txt; do echo "$f"; done; done | head -n 41 >"$T/many"
# shellcheck disable=SC2046
"$KG" build -q -j1 $(cat "$T/many") -o "$T/m1" 2>/dev/null
# shellcheck disable=SC2046
"$KG" build -q -j3 $(cat "$T/many") -o "$T/m3" 2>/dev/null
check build_window_same_as_j1 cmp "$T/m1.json" "$T/m3.json"

# -- -j above the online cores starts no more workers than cores (the rest
# only contended: -j 256 on 2 cores was 8x slower than -j1), same output
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
for _ in 1 2 3 4 5 6 7 8; do cat "$T/many"; done >"$T/many8"
# shellcheck disable=SC2046
"$KG" build -q --stats -j 256 $(cat "$T/many8") -o "$T/m256" 2>"$T/m256.err"
status_is build_j256 0 $?
workers=$(awk '$1 == "stat" && $2 == "workers" { print $3 }' "$T/m256.err")
if [ -n "$workers" ] && [ "$workers" -ge 1 ] && [ "$workers" -le "$cores" ]; then
    ok jobs_capped_at_cores
else
    fail jobs_capped_at_cores "workers=$workers with $cores cores"
fi
check build_j256_same_as_j1 cmp "$T/m1.json" "$T/m256.json"

# -- options
"$KG" build -q -j 0 "$C/a-summit.txt" -o "$T/x" 2>"$T/j0.err"
status_is jobs_zero_refused 2 $?
check jobs_zero_message grep -q "\-j wants a number" "$T/j0.err"
check usage_names_exit_status sh -c "'$KG' build --help | grep -q 'some documents failed'"

# -- --jsonl: records carry the same texts and ids, so the graph is the same
python3 - "$C" "$T/corpus.jsonl" <<'EOF'
import json, os, sys
d, out = sys.argv[1], sys.argv[2]
with open(out, "w") as f:
    for name in sorted(os.listdir(d)):
        text = open(os.path.join(d, name), encoding="utf-8").read()
        f.write(json.dumps({"id": name[:-4], "text": text}) + "\n")
        if name.startswith("b"):
            f.write("\n")  # a blank line holds no document
EOF
"$KG" build -q --jsonl "$T/corpus.jsonl" -o "$T/jl" 2>"$T/jl.err"
status_is jsonl_build 0 $?
check jsonl_same_as_files cmp "$T/j1.json" "$T/jl.json"
"$KG" build -q -j2 --jsonl -o "$T/jin" <"$T/corpus.jsonl" 2>/dev/null
check jsonl_stdin_same cmp "$T/j1.json" "$T/jin.json"
printf '{"id":"x1","date":"2024-02-29","text":"Olaf Scholz met Emmanuel Macron in Paris."}\n' >"$T/dated.jsonl"
"$KG" build -q --jsonl "$T/dated.jsonl" -o "$T/dated" 2>/dev/null
check jsonl_date_and_id python3 -c "
import json,sys; g=json.load(open(sys.argv[1]))
assert g['graph']['documents'][0]['id']=='x1' and g['graph']['documents'][0]['date']=='2024-02-29', g['graph']['documents']
assert any(e['doc']=='x1' and e['date']=='2024-02-29' for l in g['edges'] for e in l['evidence'])" "$T/dated.json"

printf '{"text":"Olaf Scholz met Emmanuel Macron."}\n{"text":"Donald Tusk met Olaf Scholz."}\n' >"$T/noid.jsonl"
"$KG" build -q --jsonl "$T/noid.jsonl" -o "$T/noid" 2>/dev/null
check jsonl_default_ids python3 -c "
import json,sys; g=json.load(open(sys.argv[1]))
assert [d['id'] for d in g['graph']['documents']]==['noid-1','noid-2'], g['graph']['documents']" "$T/noid.json"
"$KG" build -q --jsonl -o "$T/noid-in" <"$T/noid.jsonl" 2>/dev/null
check jsonl_default_ids_stdin python3 -c "
import json,sys; g=json.load(open(sys.argv[1]))
assert [d['id'] for d in g['graph']['documents']]==['stdin-1','stdin-2'], g['graph']['documents']" "$T/noid-in.json"

# bad records: each reported in one line naming FILE:LINE:COLUMN, the rest built
{
    sed -n 1p "$T/corpus.jsonl"
    printf '{"id": "broken", "text": "unterminated\n'
    printf '{"id": "notext"}\n'
    printf '{"id": "baddate", "date": "March 3", "text": "Olaf Scholz met Donald Tusk."}\n'
    printf '[1, 2]\n'
    sed -n 2p "$T/corpus.jsonl"
} >"$T/bad.jsonl"
"$KG" build -q --jsonl "$T/bad.jsonl" -o "$T/bad" 2>"$T/bad.err"
status_is jsonl_some_failed_exit_1 1 $?
check jsonl_errors_one_line_each test "$(wc -l <"$T/bad.err")" -eq 4
check jsonl_error_names_line_column grep -q "^kg: $T/bad.jsonl:2:[0-9][0-9]*: invalid JSON" "$T/bad.err"
check jsonl_error_missing_text grep -q "^kg: $T/bad.jsonl:3:1: \"text\" must be a string" "$T/bad.err"
check jsonl_error_bad_date grep -q "^kg: $T/bad.jsonl:4: date 'March 3'" "$T/bad.err"
check jsonl_others_built python3 -c "
import json,sys; g=json.load(open(sys.argv[1]))
assert [d['id'] for d in g['graph']['documents']]==['a-summit','b-trade'], g['graph']['documents']" "$T/bad.json"
rm -f "$T/stop.json"
"$KG" build -q --jsonl --no-keep-going "$T/bad.jsonl" -o "$T/stop" 2>"$T/stop.err"
status_is jsonl_no_keep_going_exit_2 2 $?
check jsonl_no_keep_going_writes_nothing test ! -e "$T/stop.json"
check jsonl_no_keep_going_one_line test "$(wc -l <"$T/stop.err")" -eq 1
printf 'not json\n' | "$KG" build -q --jsonl -o "$T/none" 2>"$T/none.err"
status_is jsonl_nothing_built_exit_2 2 $?
: | "$KG" build -q --jsonl -o "$T/empty" 2>/dev/null
status_is jsonl_empty_input_ok 0 $?

# -- limits
"$KG" build -q --max-bytes 200 "$C/a-summit.txt" -o "$T/big" 2>"$T/big.err"
status_is max_bytes_refuses 2 $?
check max_bytes_message grep -q "a-summit.txt: larger than 200 bytes" "$T/big.err"
"$KG" build -q -k --max-bytes 200 "$C/a-summit.txt" "$C/e-plain.txt" -o "$T/big" 2>/dev/null
status_is max_bytes_keep_going_exit_1 1 $?
"$KG" build -q --jsonl --max-bytes 200 "$T/corpus.jsonl" -o "$T/bigj" 2>"$T/bigj.err"
status_is max_bytes_jsonl_exit_1 1 $?
check max_bytes_jsonl_message grep -q "corpus.jsonl:1: larger than 200 bytes" "$T/bigj.err"
"$KG" build -q --max-parse-words 5 "$C/a-summit.txt" -o "$T/short" 2>/dev/null
status_is parse_limit_accepted 0 $?
"$KG" build -q --max-parse-words 0 "$C/a-summit.txt" -o "$T/x" 2>/dev/null
status_is parse_limit_zero_refused 2 $?

# -- the progress line: on a terminal only, never with -q
"$KG" build -j2 "$C"/*.txt -o "$T/p" >/dev/null 2>"$T/pipe.err"
check progress_never_on_a_pipe sh -c "! grep -q 'documents' '$T/pipe.err'"
if command -v script >/dev/null 2>&1; then
    script -qec "'$KG' build -j2 '$C/a-summit.txt' '$C/b-trade.txt' -o '$T/p'" /dev/null >"$T/tty.out" 2>&1
    check progress_on_a_terminal grep -q "[12] of 2 documents, [0-9.]* sentences/s" "$T/tty.out"
    script -qec "'$KG' build -q -j2 '$C/a-summit.txt' -o '$T/p'" /dev/null >"$T/ttyq.out" 2>&1
    check progress_quiet sh -c "! grep -q 'documents' '$T/ttyq.out'"
else
    echo "skip progress_on_a_terminal: no script(1)"
fi

# -- map/reduce (docs/scale.md): one graph per article with GNU parallel, then
# kg merge; the result must be the graph of a single kg build of all files
if ! command -v parallel >/dev/null 2>&1; then
    fail map_with_parallel "GNU parallel is not installed (sh tools/deps.sh)"
elif ! "$KG" merge --help >/dev/null 2>&1; then
    echo "skip merge_equals_build: this kg has no 'merge' command"
else
    mkdir -p "$T/map"
    (cd "$C" && printf '%s\n' ./*.txt | parallel --will-cite -j2 "'$KG'" build -q -j1 {} -o "'$T/map'/{/.}") \
        2>"$T/map.err"
    status_is map_with_parallel 0 $?
    # shellcheck disable=SC2046
    "$KG" merge -q $(ls "$T"/map/*.json) -o "$T/merged" 2>"$T/merge.err"
    status_is reduce_with_merge 0 $?
    check merge_same_nodes_and_edges python3 -c "
import json,sys
a,b=(json.load(open(p)) for p in sys.argv[1:3])
key=lambda g: (sorted(n['id'] for n in g['nodes']),
               sorted((l['source'],l['relation'],l['target'],l['negated']) for l in g['edges']))
assert key(a)==key(b), 'merged graph differs from the single build'" "$T/merged.json" "$T/j1.json"
    check merge_byte_identical cmp "$T/merged.json" "$T/j1.json"

    # the several-hosts recipe, with the kg-map and kg-reduce scripts taken
    # from docs/scale.md and a stand-in for ssh that runs the command here
    doc=$PWD/docs/scale.md
    mkdir -p "$T/bin"
    ln -s "$KG" "$T/bin/kg"
    for s in kg-map kg-reduce; do
        awk -v s="\`$s\`" 'index($0, s) == 1 { want = 1; next }
            want && /^```sh$/ { inside = 1; next }
            inside && /^```$/ { exit }
            inside { print }' "$doc" >"$T/bin/$s"
        chmod +x "$T/bin/$s"
    done
    cat >"$T/bin/fakessh" <<'END'
#!/bin/sh
# ssh stand-in: drops options and the host name, runs the command here.
# sshd gives the remote command the user's login shell in SHELL, and
# parallel's remote worker runs the job with $SHELL: without it (env -i, CI)
# the job would silently not run.
SHELL=${SHELL:-/bin/sh}
export SHELL
while [ $# -gt 0 ]; do case $1 in -*) shift ;; *) break ;; esac; done
shift
[ "${1:-}" = "--" ] && shift
exec sh -c "$*"
END
    chmod +x "$T/bin/fakessh"
    check docs_have_map_scripts grep -q "kg merge" "$T/bin/kg-reduce"
    PATH="$T/bin:$PATH" parallel --will-cite --pipe -N 2 --ssh "$T/bin/fakessh" -S 1/alpha,1/beta \
        kg-map <"$T/corpus.jsonl" >"$T/graphs.tsv" 2>"$T/ssh.err"
    status_is map_over_sshlogin 0 $?
    if [ "$(wc -l <"$T/graphs.tsv")" -eq 3 ]; then ok map_one_line_per_job; else
        fail map_one_line_per_job "$(wc -l <"$T/graphs.tsv") lines; stderr: $(head -c 300 "$T/ssh.err")"
    fi
    PATH="$T/bin:$PATH" kg-reduce <"$T/graphs.tsv" | cut -f 2- >"$T/reduced.json"
    check reduce_same_nodes_and_edges python3 -c "
import json,sys
a,b=(json.load(open(p)) for p in sys.argv[1:3])
key=lambda g: (sorted(n['id'] for n in g['nodes']),
               sorted((l['source'],l['relation'],l['target'],l['negated'],l['count']) for l in g['edges']),
               sorted(d['id'] for d in g['graph']['documents']))
assert key(a)==key(b), 'reduced graph differs from the single build'" "$T/reduced.json" "$T/j1.json"
fi

# -- analytics of a large graph: the cheaper methods are used, and said
python3 "$PWD/bench/scale_gen.py" graph 12000 "$T/big.json"
"$KG" merge -f json -o "$T/bigm" "$T/big.json" >"$T/bigm.out" 2>"$T/bigm.err"
status_is large_merge 0 $?
check large_merge_says_betweenness_estimated grep -q '^betweenness: estimated from 1000 of 12000 nodes' "$T/bigm.out"
check large_merge_says_leiden grep -q '^communities: Leiden' "$T/bigm.out"
"$KG" stats --format json "$T/bigm.json" >"$T/bigs.json" 2>/dev/null
check large_stats_names_method python3 -c "
import json,sys
s=json.load(open(sys.argv[1]))
assert s['community_method']=='leiden' and s['betweenness_sources']==1000, s.get('community_method')" "$T/bigs.json"
