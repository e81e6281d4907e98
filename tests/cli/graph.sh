#!/bin/sh
# CLI tests of graphs as files: reading kg's JSON back (kg merge, kg stats),
# merging in any order and grouping, the JSON styles, and the tools that read
# our exports as they are: Graphviz's dot, igraph's GraphML reader,
# Cytoscape.js, graphology and d3-force (Node, tests/consumers/).
# Prints "ok NAME" or "FAIL NAME: why" per check.
set -u
O=${O:-build}
ROOT=$PWD
KG="$ROOT/$O/kg"
SAMPLE="$ROOT/samples/blinken-2024-01-05.txt"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else fail "$name" "$(cat "$T/out" "$T/err" | head -c 400)"; fi
}
json() { python3 -c "import json,sys; g=json.load(open(sys.argv[1])); $2" "$1"; }
count() { # FILE: "NODES LINKS" of a node-link file
    python3 -c "import json,sys; g=json.load(open(sys.argv[1])); print(len(g['nodes']), len(g['edges']))" "$1"
}

# -- three short articles, one graph each
cat >"$T/cairo.txt" <<'EOF'
date 2024-02-05
Secretary of State Antony Blinken met Egyptian President Abdel Fattah el-Sisi in Cairo on Monday. Blinken urged Egypt to keep the Rafah crossing open.
EOF
cat >"$T/doha.txt" <<'EOF'
date 2024-02-06
Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met Antony Blinken in Doha. Secretary Blinken thanked Qatar for its mediation with Hamas. Hamas rejected the proposal.
EOF
cat >"$T/jerusalem.txt" <<'EOF'
date 2024-02-07
Israeli Prime Minister Benjamin Netanyahu rejected the proposal from Hamas. Antony Blinken visited Israel. Mr. Blinken met Netanyahu in Jerusalem and supported Egypt.
EOF
for a in cairo doha jerusalem; do
    "$KG" build "$T/$a.txt" -o "$T/$a" -q 2>>"$T/build.err" || fail "build_$a" "$(cat "$T/build.err")"
done
check articles_share_an_actor json "$T/doha.json" "
assert any(n['id']=='antony-blinken' for n in g['nodes'])"

# -- round trip: build -> JSON -> merge of that one file -> the same bytes
"$KG" build "$SAMPLE" -o "$T/s" --format json,dot,graphml -q 2>"$T/s.err" || fail build_sample "$(cat "$T/s.err")"
"$KG" merge "$T/s.json" -o "$T/s1" -q
check merge_of_one_file_is_byte_identical cmp "$T/s.json" "$T/s1.json"
"$KG" merge "$T/cairo.json" -o "$T/c1" -q
check merge_of_one_article_is_byte_identical cmp "$T/cairo.json" "$T/c1.json"

# -- merging: every order of the three, and groupings through files
"$KG" merge "$T/cairo.json" "$T/doha.json" "$T/jerusalem.json" -o "$T/all" >"$T/merge.out" 2>&1 ||
    fail merge_three "$(cat "$T/merge.out")"
check merge_says_what_it_wrote grep -q "^merged 3 files: 3 documents," "$T/merge.out"

# -- across documents a surname alone joins the one full name it fits
printf 'Robert Peston reported the deal on Monday.\n' >"$T/p1.txt"
printf 'The deal was reported by Mr Peston. Mr Peston told the BBC that Shell was angry.\n' >"$T/p2.txt"
printf 'Jane Peston spoke in Leeds.\n' >"$T/p3.txt"
"$KG" build -q "$T/p1.txt" "$T/p2.txt" -o "$T/p12"
check surname_joins_full_name_across_documents json "$T/p12.json" "
p = [n for n in g['nodes'] if n['type'] == 'person']
assert [n['id'] for n in p] == ['robert-peston'], p
assert p[0]['mentions'] == 3 and 'Mr Peston' in p[0]['aliases'], p[0]
assert {l['source'] for l in g['edges']} == {'robert-peston'}, g['edges']"
"$KG" build -q "$T/p1.txt" -o "$T/p1" && "$KG" build -q "$T/p2.txt" -o "$T/p2"
"$KG" merge -q "$T/p1.json" "$T/p2.json" -o "$T/pm"
check surname_joins_full_name_in_merge json "$T/pm.json" "
assert [n['id'] for n in g['nodes'] if n['type'] == 'person'] == ['robert-peston']"
"$KG" build -q "$T/p1.txt" "$T/p2.txt" "$T/p3.txt" -o "$T/p123"
check surname_of_two_people_stays_apart json "$T/p123.json" "
ids = sorted(n['id'] for n in g['nodes'] if n['type'] == 'person')
assert ids == ['jane-peston', 'peston', 'robert-peston'], ids"
orders_ok=true
for o in "cairo jerusalem doha" "doha cairo jerusalem" "doha jerusalem cairo" \
    "jerusalem cairo doha" "jerusalem doha cairo"; do
    set -- $o
    "$KG" merge "$T/$1.json" "$T/$2.json" "$T/$3.json" -o "$T/order" -q
    cmp -s "$T/all.json" "$T/order.json" || { orders_ok=false; fail merge_is_commutative "order $o differs"; }
done
$orders_ok && ok merge_is_commutative
"$KG" merge "$T/cairo.json" "$T/doha.json" -o "$T/cd" -q
"$KG" merge "$T/cd.json" "$T/jerusalem.json" -o "$T/cd_j" -q
check merge_is_associative_left cmp "$T/all.json" "$T/cd_j.json"
"$KG" merge "$T/doha.json" "$T/jerusalem.json" -o "$T/dj" -q
"$KG" merge "$T/dj.json" "$T/cairo.json" -o "$T/dj_c" -q
check merge_is_associative_right cmp "$T/all.json" "$T/dj_c.json"
"$KG" merge "$T/cd.json" "$T/dj.json" -o "$T/cd_dj" -q
check merge_of_overlapping_files_is_idempotent cmp "$T/all.json" "$T/cd_dj.json"
# A file holding cairo and jerusalem, merged with doha (whose id sorts between
# them): aliases and roles are ordered by content, so even this grouping gives
# the same bytes.
"$KG" merge "$T/cairo.json" "$T/jerusalem.json" -o "$T/cj" -q
"$KG" merge "$T/cj.json" "$T/doha.json" -o "$T/cj_d" -q
check merge_interleaved_grouping_is_byte_identical cmp "$T/all.json" "$T/cj_d.json"
"$KG" build "$T/cairo.txt" "$T/doha.txt" "$T/jerusalem.txt" -o "$T/built" -q
check merge_equals_building_all_at_once cmp "$T/all.json" "$T/built.json"
check merge_keeps_every_document json "$T/all.json" "
assert [d['id'] for d in g['graph']['documents']]==['cairo','doha','jerusalem']
b=[n for n in g['nodes'] if n['id']=='antony-blinken'][0]
assert [d['id'] for d in b['documents']]==['cairo','doha','jerusalem'], b
assert 'Secretary Blinken' in b['aliases'] and 'Mr. Blinken' in b['aliases']
assert all('metrics' in n for n in g['nodes'])"

# -- merge: bad input names the place, writes nothing
merge_bad() { # NAME FILE EXPECTED-MESSAGE
    rm -f "$T/bad.json"
    "$KG" merge "$T/cairo.json" "$2" -o "$T/bad" >"$T/bad.out" 2>"$T/bad.err"
    rc=$?
    if [ "$rc" -eq 0 ]; then fail "$1" "exit status 0"
    elif [ "$(wc -l <"$T/bad.err")" -ne 1 ]; then fail "$1" "not one line: $(cat "$T/bad.err")"
    elif ! grep -qF "kg: $2$3" "$T/bad.err"; then fail "$1" "message: $(cat "$T/bad.err")"
    elif [ -e "$T/bad.json" ]; then fail "$1" "output written"
    else ok "$1"; fi
}
printf '{\n  "graph": {"schema_version": 1},\n  "nodes": [\n    {"id": "a",}\n  ]\n}\n' >"$T/syntax.json"
merge_bad merge_reports_line_and_column "$T/syntax.json" ":4:16: string or '}' expected near '}'"
sed 's/"target": "egypt"/"target": "atlantis"/' "$T/cairo.json" >"$T/dangling.json"
merge_bad merge_reports_dangling_link "$T/dangling.json" ": edges[0].target: no node with id \"atlantis\""
sed 's/"schema_version": [0-9]*/"schema_version": 7/' "$T/cairo.json" >"$T/v7.json"
merge_bad merge_reports_schema_version "$T/v7.json" ": graph.schema_version: version 7 is not supported"
sed '0,/"type": "person"/s//"type": 1/' "$T/cairo.json" >"$T/type.json"
merge_bad merge_reports_wrong_type "$T/type.json" ": nodes[0].type: expected a string, not an integer"
merge_bad merge_reports_missing_file "$T/nope.json" ": cannot open: No such file or directory"
"$KG" merge "$T/cairo.json" >/dev/null 2>"$T/noout.err"
if [ $? -ne 0 ] && grep -q "give the output with -o" "$T/noout.err"; then ok merge_needs_output; else fail merge_needs_output "$(cat "$T/noout.err")"; fi
"$KG" merge "$T/cairo.json" -o "$T/x" --json-style pretty >/dev/null 2>"$T/style.err"
if [ $? -ne 0 ] && grep -q "unknown JSON style 'pretty'" "$T/style.err"; then ok merge_bad_style; else fail merge_bad_style "$(cat "$T/style.err")"; fi

# -- stats
"$KG" stats "$T/s.json" >"$T/stats.txt" 2>"$T/stats.err" || fail stats_runs "$(cat "$T/stats.err")"
set -- $(count "$T/s.json")
check stats_counts grep -q ": 1 document, $1 nodes, $2 links" "$T/stats.txt"
check stats_ranks_actors grep -q "^top actors by PageRank:" "$T/stats.txt"
check stats_names_blinken_first_by_degree sh -c "grep -A1 '^top actors by degree' '$T/stats.txt' | grep -q 'Antony J. Blinken'"
check stats_lists_strongest_relations grep -q "^strongest relations" "$T/stats.txt"
"$KG" stats "$T/all.json" --format json --top 3 >"$T/stats.json" 2>"$T/stats.err"
check stats_json json "$T/stats.json" "
a=json.load(open('$T/all.json'))
assert g['nodes']==len(a['nodes']) and g['links']==len(a['edges']) and g['documents']==3
assert sum(g['types'].values())==g['nodes']
assert len(g['top_pagerank'])==3 and len(g['strongest_relations'])==3
assert g['top_degree'][0]['id']=='antony-blinken', g['top_degree']
assert g['components']['count']>=1 and sum(g['communities']['sizes'])==g['nodes']
r=g['strongest_relations']
assert all((x['count'],x['confidence'])>=(y['count'],y['confidence']) for x,y in zip(r,r[1:]))
assert {m['id'] for m in g['node_metrics']}=={n['id'] for n in a['nodes']}"
"$KG" stats "$T/syntax.json" >/dev/null 2>"$T/stats.err"
if [ $? -ne 0 ] && grep -q "syntax.json:4:16:" "$T/stats.err"; then ok stats_reports_bad_json; else fail stats_reports_bad_json "$(cat "$T/stats.err")"; fi

# -- styles: deterministic, and each what its tool reads
for style in cytoscape graphology jgf node-link; do
    "$KG" merge "$T/s.json" -o "$T/$style" --json-style "$style" -q 2>"$T/style.err" ||
        fail "style_$style" "$(cat "$T/style.err")"
    "$KG" merge "$T/s.json" -o "$T/$style-again" --json-style "$style" -q
    check "style_$(echo "$style" | tr - _)_is_deterministic" cmp "$T/$style.json" "$T/$style-again.json"
done
check style_node_link_is_the_default cmp "$T/s.json" "$T/node-link.json"

# -- Graphviz and igraph read the DOT and the GraphML
"$KG" merge "$T/cairo.json" "$T/doha.json" "$T/jerusalem.json" -o "$T/m" --format json,dot,graphml,svg -q
check dot_accepts_merged_dot dot -Tsvg "$T/m.dot" -o "$T/m-check.svg"
check dot_accepts_sample_dot dot -Tsvg "$T/s.dot" -o "$T/s-check.svg"
check graphml_is_well_formed python3 -c "
import sys, xml.etree.ElementTree as ET
ns={'g':'http://graphml.graphdrawing.org/xmlns'}
r=ET.parse(sys.argv[1]).getroot()
keys={k.get('id') for k in r.findall('g:key',ns)}
used={d.get('key') for d in r.iter('{http://graphml.graphdrawing.org/xmlns}data')}
assert used<=keys, used-keys
g=r.find('g:graph',ns)
ids={n.get('id') for n in g.findall('g:node',ns)}
assert all(e.get('source') in ids and e.get('target') in ids for e in g.findall('g:edge',ns))
" "$T/m.graphml"
cat >"$T/read_graphml.c" <<'EOF'
/* Reads a GraphML file with igraph and prints "vertices edges". */
#include <igraph.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    igraph_t g;
    FILE *f = argc > 1 ? fopen(argv[1], "r") : NULL;
    if (!f)
        return 2;
    igraph_set_attribute_table(&igraph_cattribute_table);
    if (igraph_read_graph_graphml(&g, f, 0) != IGRAPH_SUCCESS)
        return 1;
    printf("%ld %ld\n", (long)igraph_vcount(&g), (long)igraph_ecount(&g));
    igraph_destroy(&g);
    fclose(f);
    return 0;
}
EOF
if cc -o "$T/read_graphml" "$T/read_graphml.c" $(pkg-config --cflags --libs igraph) 2>"$T/cc.err"; then
    for f in m s; do
        got=$("$T/read_graphml" "$T/$f.graphml" 2>&1)
        want=$(count "$T/$f.json")
        if [ "$got" = "$want" ]; then ok "igraph_reads_graphml_$f"; else fail "igraph_reads_graphml_$f" "igraph read '$got', JSON has '$want'"; fi
    done
else
    fail igraph_reads_graphml "cannot compile the reader: $(head -c 300 "$T/cc.err")"
fi

check merged_graph_is_a_multigraph json "$T/m.json" "assert g['multigraph'] is True"

# -- two inputs of the same name in different folders stay two documents,
# each edge's evidence naming its own (as in bbc/business/001.txt and
# bbc/politics/001.txt); a name no other input shares stays bare
mkdir -p "$T/same/business" "$T/same/politics"
cp "$T/cairo.txt" "$T/same/business/001.txt"
cp "$T/doha.txt" "$T/same/politics/001.txt"
cp "$T/jerusalem.txt" "$T/same/jerusalem.txt"
(cd "$T/same" && "$KG" build -q business/001.txt ./politics/001.txt jerusalem.txt \
    --format json -o "$T/same/g") >"$T/out" 2>&1
check same_names_are_distinct_documents python3 -c "
import json, sys
g = json.load(open(sys.argv[1]))
ids = sorted(d['id'] for d in g['graph']['documents'])
assert ids == ['business/001', 'jerusalem', 'politics/001'], ids
src = {i: open(sys.argv[2] + '/' + i + ('.txt')).read() for i in ids}
seen = set()
for l in g['edges']:
    for e in l['evidence']:
        assert e['text'] in src[e['doc']], (e['doc'], e['text'])
        seen.add(e['doc'])
assert seen == set(ids), seen" "$T/same/g.json" "$T/same"

# -- the JavaScript tools, as a page would use them
C="$ROOT/tests/consumers"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    fail consumers "node not installed"
elif ! (cd "$C" && npm ci --no-audit --no-fund --loglevel=error) >"$T/npm.out" 2>&1; then
    fail consumers "npm ci failed: $(tail -c 400 "$T/npm.out")"
else
    set -- $(count "$T/s.json")
    check consumer_cytoscape node "$C/cytoscape.mjs" "$T/cytoscape.json" "$1" "$2"
    check consumer_graphology node "$C/graphology.mjs" "$T/graphology.json" "$1" "$2"
    check consumer_jgf node "$C/jgf.mjs" "$T/jgf.json" "$1" "$2"
    check consumer_d3_force node "$C/d3-force.mjs" "$T/s.json" "$1" "$2"
    # the merged graph has parallel edges: a multigraph for each tool
    "$KG" merge "$T/m.json" -o "$T/m-cy" --json-style cytoscape -q
    "$KG" merge "$T/m.json" -o "$T/m-gy" --json-style graphology -q
    set -- $(count "$T/m.json")
    check consumer_cytoscape_merged node "$C/cytoscape.mjs" "$T/m-cy.json" "$1" "$2"
    check consumer_graphology_merged node "$C/graphology.mjs" "$T/m-gy.json" "$1" "$2"
    check consumer_d3_force_merged node "$C/d3-force.mjs" "$T/m.json" "$1" "$2"
fi
