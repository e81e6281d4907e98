#!/bin/sh
# CLI tests of the conventions every subcommand shares: -o - and -o NAME.EXT,
# the mode of output files, one-line option errors with a suggestion, format
# names in any case, CSV's two files, -o and -q wherever output is written,
# counts in the singular and plural, kg triples' TSV header and sentence
# indexes, kg stats --top and --all-communities, reading every JSON style
# back, and networkx loading the node-link file as it is.
# Prints "ok NAME", "FAIL NAME: why" or "skip NAME: why" per check.
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
py() { python3 -c "$@"; }
run() { # KG-ARGS...: $rc, $T/stdout, $T/stderr
    "$KG" "$@" >"$T/stdout" 2>"$T/stderr"
    rc=$?
}
# NAME STATUS EXPECTED-STDERR KG-ARGS...: exit STATUS, stderr exactly that
refused() {
    name=$1 want_rc=$2 want=$3
    shift 3
    run "$@"
    if [ "$rc" -ne "$want_rc" ]; then fail "$name" "exit status $rc: $(head -c 300 "$T/stderr")"
    elif [ "$(cat "$T/stderr")" != "$want" ]; then fail "$name" "stderr '$(cat "$T/stderr")', expected '$want'"
    else ok "$name"; fi
}
listing() { (cd "$1" && ls -A | tr '\n' ' '); }

mkdir "$T/a"
cp "$SAMPLE" "$T/a/s.txt"
"$KG" build -q "$T/a/s.txt" -o "$T/a/s" -f json 2>"$T/build.err" || fail build_sample "$(cat "$T/build.err")"

# -- -o -: the one format on standard output, and nothing else there
run build "$T/a/s.txt" -o -
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ] && cmp -s "$T/stdout" "$T/a/s.json"; then
    ok build_output_dash_is_stdout
else
    fail build_output_dash_is_stdout "exit status $rc: $(head -c 200 "$T/stderr")"
fi
run build -q "$T/a/s.txt" -o - -f DOT
if [ "$rc" -eq 0 ] && head -n 1 "$T/stdout" | grep -q '^digraph'; then ok build_dash_dot; else
    fail build_dash_dot "exit status $rc: $(head -c 200 "$T/stdout")"; fi
run merge "$T/a/s.json" -o -
if [ "$rc" -eq 0 ] && cmp -s "$T/stdout" "$T/a/s.json"; then ok merge_output_dash_is_stdout; else
    fail merge_output_dash_is_stdout "exit status $rc: $(head -c 200 "$T/stderr")"; fi
refused build_dash_with_two_formats 2 "kg: build: -o - writes one format to standard output, not 2: give a prefix such as out/graph
Try 'kg build --help'." build "$T/a/s.txt" -o - -f json,dot
refused merge_dash_with_csv 2 "kg: merge: -o - cannot take csv, which is two files (nodes and edges): give a prefix such as out/graph
Try 'kg merge --help'." merge "$T/a/s.json" -o - -f csv
run stats "$T/a/s.json" -o -
if [ "$rc" -eq 0 ] && grep -q '^top actors by PageRank:' "$T/stdout"; then ok stats_output_dash; else
    fail stats_output_dash "exit status $rc"; fi
printf 'Antony Blinken met Benjamin Netanyahu in Israel.\n' >"$T/old.txt"
printf 'Antony Blinken did not meet Benjamin Netanyahu in Israel.\n' >"$T/new.txt"
run diff "$T/old.txt" "$T/new.txt" -o - -f json
if [ "$rc" -eq 1 ] && py "import json,sys; json.load(open(sys.argv[1]))" "$T/stdout"; then
    ok diff_output_dash_is_stdout
else
    fail diff_output_dash_is_stdout "exit status $rc: $(head -c 200 "$T/stderr")"
fi

# -- -o NAME.EXT with one format of that extension is the file itself
mkdir "$T/b"
run build "$T/a/s.txt" -o "$T/b/g.json"
if [ "$rc" -eq 0 ] && [ "$(listing "$T/b")" = "g.json " ] && grep -qx "wrote $T/b/g.json" "$T/stdout"; then
    ok build_output_with_extension_is_the_file
else
    fail build_output_with_extension_is_the_file "exit status $rc; left $(listing "$T/b")"
fi
rm -f "$T/b"/*
run build -q "$T/a/s.txt" -o "$T/b/g.SVG" -f svg
if [ "$rc" -eq 0 ] && [ "$(listing "$T/b")" = "g.SVG " ]; then ok extension_in_any_case; else
    fail extension_in_any_case "exit status $rc; left $(listing "$T/b")"; fi
rm -f "$T/b"/*
run build -q "$T/a/s.txt" -o "$T/b/g.json" -f json,dot
if [ "$rc" -eq 0 ] && [ "$(listing "$T/b")" = "g.json.dot g.json.json " ]; then
    ok several_formats_keep_the_prefix
else
    fail several_formats_keep_the_prefix "exit status $rc; left $(listing "$T/b")"
fi
rm -f "$T/b"/*
run merge -q "$T/a/s.json" -o "$T/b/m.json"
if [ "$rc" -eq 0 ] && [ "$(listing "$T/b")" = "m.json " ] && cmp -s "$T/b/m.json" "$T/a/s.json"; then
    ok merge_output_with_extension_is_the_file
else
    fail merge_output_with_extension_is_the_file "exit status $rc; left $(listing "$T/b")"
fi
rm -f "$T/b"/*
run build -q "$T/a/s.txt" -o "$T/b/g.dot"
if [ "$rc" -eq 0 ] && [ "$(listing "$T/b")" = "g.dot.json " ]; then ok other_extension_is_a_prefix; else
    fail other_extension_is_a_prefix "exit status $rc; left $(listing "$T/b")"; fi

# -- output files: 0666 less the umask; a replaced file keeps its mode
mode() { stat -c %a "$1"; }
mkdir "$T/m"
(umask 027 && "$KG" build -q "$T/a/s.txt" -o "$T/m/x" -f json,dot)
if [ "$(mode "$T/m/x.json")" = 640 ] && [ "$(mode "$T/m/x.dot")" = 640 ]; then ok mode_follows_umask_027; else
    fail mode_follows_umask_027 "$(mode "$T/m/x.json") $(mode "$T/m/x.dot")"; fi
(umask 002 && "$KG" merge -q "$T/a/s.json" -o "$T/m/y")
if [ "$(mode "$T/m/y.json")" = 664 ]; then ok mode_follows_umask_002; else
    fail mode_follows_umask_002 "$(mode "$T/m/y.json")"; fi
chmod 600 "$T/m/y.json"
(umask 000 && "$KG" merge -q "$T/a/s.json" -o "$T/m/y")
if [ "$(mode "$T/m/y.json")" = 600 ]; then ok replaced_file_keeps_mode; else
    fail replaced_file_keeps_mode "$(mode "$T/m/y.json")"; fi
(umask 022 && "$KG" stats "$T/a/s.json" -o "$T/m/stats.txt" && "$KG" parse "$T/old.txt" -o "$T/m/p.conllu")
if [ "$(mode "$T/m/stats.txt")" = 644 ] && [ "$(mode "$T/m/p.conllu")" = 644 ]; then ok mode_of_single_outputs; else
    fail mode_of_single_outputs "$(mode "$T/m/stats.txt") $(mode "$T/m/p.conllu")"; fi
if [ "$(listing "$T/m")" = "p.conllu stats.txt x.dot x.json y.json " ]; then ok no_temporary_left; else
    fail no_temporary_left "$(listing "$T/m")"; fi

# -- option errors: one line, exit 2, the closest long option suggested
for c in build merge stats diff entities triples parse; do
    refused "${c}_unknown_option_suggests" 2 "kg: $c: unknown option '--fromat' (did you mean --format?)" \
        "$c" --fromat json "$T/a/s.txt"
done
refused unknown_option_far_from_any 2 "kg: build: unknown option '--bogus' (see 'kg build --help')" \
    build --bogus "$T/a/s.txt"
refused unknown_option_with_value 2 "kg: merge: unknown option '--outptu' (did you mean --output?)" \
    merge --outptu=x "$T/a/s.json"
refused unknown_short_option 2 "kg: stats: unknown option '-x' (see 'kg stats --help')" \
    stats -x "$T/a/s.json"
refused stats_suggests_all_communities 2 "kg: stats: unknown option '--all-comunities' (did you mean --all-communities?)" \
    stats --all-comunities "$T/a/s.json"
refused missing_value_long 2 "kg: build: option '--format' needs a value (see 'kg build --help')" \
    build "$T/a/s.txt" --format
refused missing_value_short 2 "kg: diff: option '-o' needs a value (see 'kg diff --help')" \
    diff "$T/old.txt" "$T/new.txt" -o
refused value_for_a_flag 2 "kg: build: option '--quiet' takes no value (see 'kg build --help')" \
    build --quiet=yes "$T/a/s.txt"
refused ambiguous_option 2 "kg: build: option '--js' is ambiguous (--jsonl, --json-style)" \
    build --js "$T/a/s.txt"
refused triples_suggests_sentences 2 "kg: triples: unknown option '--sentense' (did you mean --sentences?)" \
    triples --sentense "$T/a/s.txt"

# -- format names in any case; the unknown one lists every format the library has
run build -q "$T/a/s.txt" -o "$T/b/case" -f JSON,Svg,GraphML
if [ "$rc" -eq 0 ] && [ -s "$T/b/case.json" ] && [ -s "$T/b/case.svg" ] && [ -s "$T/b/case.graphml" ]; then
    ok format_names_any_case
else
    fail format_names_any_case "exit status $rc: $(head -c 200 "$T/stderr")"
fi
refused unknown_format_lists_all 2 "kg: build: unknown format 'xml' (json, dot, svg, png, graphml, gexf, csv, html)
Try 'kg build --help'." build "$T/a/s.txt" -f json,xml
run build -q "$T/a/s.txt" -o "$T/b/style" --json-style Cytoscape
if [ "$rc" -eq 0 ] && py "import json,sys; assert 'elements' in json.load(open(sys.argv[1]))" "$T/b/style.json"; then
    ok json_style_any_case
else
    fail json_style_any_case "exit status $rc: $(head -c 200 "$T/stderr")"
fi
run stats "$T/a/s.json" -f JSON
if [ "$rc" -eq 0 ] && py "import json,sys; json.load(open(sys.argv[1]))" "$T/stdout"; then ok stats_format_any_case; else
    fail stats_format_any_case "exit status $rc"; fi
run entities "$T/old.txt" -f TSV
if [ "$rc" -eq 0 ] && head -n 1 "$T/stdout" | grep -q '^entity	type	text'; then ok entities_format_any_case; else
    fail entities_format_any_case "exit status $rc"; fi

# -- csv: two files, staged with the other formats, checked against the inputs
mkdir "$T/c"
run build "$T/a/s.txt" -o "$T/c/g" -f json,csv
if [ "$rc" -eq 0 ] && [ "$(listing "$T/c")" = "g.edges.csv g.json g.nodes.csv " ] &&
    [ "$(grep -c '^wrote ' "$T/stdout")" -eq 3 ] && grep -qx "wrote $T/c/g.nodes.csv" "$T/stdout" &&
    grep -qx "wrote $T/c/g.edges.csv" "$T/stdout"; then
    ok csv_writes_two_files
else
    fail csv_writes_two_files "exit status $rc: $(head -c 200 "$T/stderr"); left $(listing "$T/c")"
fi
check csv_tables_match_the_graph py "
import csv, json, sys
g = json.load(open(sys.argv[1]))
nodes = list(csv.reader(open(sys.argv[2], newline='')))
edges = list(csv.reader(open(sys.argv[3], newline='')))
assert len(nodes) - 1 == len(g['nodes']), (len(nodes), len(g['nodes']))
assert len(edges) - 1 == len(g['edges']), (len(edges), len(g['edges']))" "$T/c/g.json" "$T/c/g.nodes.csv" "$T/c/g.edges.csv"
rm -f "$T/c"/*
run merge -q "$T/a/s.json" -o "$T/c/t.csv" -f csv
if [ "$rc" -eq 0 ] && [ "$(listing "$T/c")" = "t.edges.csv t.nodes.csv " ]; then ok csv_output_with_extension; else
    fail csv_output_with_extension "exit status $rc; left $(listing "$T/c")"; fi
cp "$T/a/s.json" "$T/c/in.edges.csv"
refused csv_edges_file_is_checked_against_inputs 2 "kg: $T/c/in.edges.csv: would write over the input $T/c/in.edges.csv" \
    merge -q "$T/c/in.edges.csv" -o "$T/c/in" -f csv
if cmp -s "$T/a/s.json" "$T/c/in.edges.csv" && [ ! -e "$T/c/in.nodes.csv" ]; then ok csv_refusal_writes_nothing; else
    fail csv_refusal_writes_nothing "left $(listing "$T/c")"; fi

# -- -o and -q wherever output is written
mkdir "$T/q"
for c in entities triples; do
    run "$c" "$T/old.txt" -o "$T/q/$c.out" -q
    "$KG" "$c" "$T/old.txt" >"$T/q/$c.want" 2>/dev/null
    if [ "$rc" -eq 0 ] && [ ! -s "$T/stdout" ] && [ ! -s "$T/stderr" ] && cmp -s "$T/q/$c.out" "$T/q/$c.want"; then
        ok "${c}_output_file"
    else
        fail "${c}_output_file" "exit status $rc: $(head -c 200 "$T/stderr")"
    fi
done
run stats "$T/a/s.json" -o "$T/q/stats.txt"
"$KG" stats "$T/a/s.json" >"$T/q/stats.want"
if [ "$rc" -eq 0 ] && [ ! -s "$T/stdout" ] && cmp -s "$T/q/stats.txt" "$T/q/stats.want"; then ok stats_output_file; else
    fail stats_output_file "exit status $rc"; fi
refused stats_output_is_input 2 "kg: $T/a/s.json: would write over the input $T/a/s.json" \
    stats "$T/a/s.json" -o "$T/a/s.json"
refused parse_output_is_input 2 "kg: $T/old.txt: would write over the input $T/old.txt" \
    parse "$T/old.txt" -o "$T/old.txt"
printf 'Antony Blinken met \377 Benjamin Netanyahu in Israel.\n' >"$T/bad.txt"
run triples -q "$T/bad.txt"
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ]; then ok quiet_hides_warnings; else
    fail quiet_hides_warnings "exit status $rc: $(cat "$T/stderr")"; fi
run triples "$T/bad.txt"
if [ "$rc" -eq 0 ] && grep -q "warning: 1 invalid UTF-8 byte replaced" "$T/stderr"; then ok warning_in_the_singular; else
    fail warning_in_the_singular "$(cat "$T/stderr")"; fi
run build -q "$T/a/s.txt" -o "$T/q/s"
if [ "$rc" -eq 0 ] && [ ! -s "$T/stdout" ] && [ ! -s "$T/stderr" ]; then ok build_quiet; else
    fail build_quiet "exit status $rc"; fi

# -- counts read "1 document", "2 documents", "1 country"
printf 'Antony Blinken visited Egypt.\n' >"$T/one.txt"
run build "$T/one.txt" -o "$T/q/one"
if [ "$rc" -eq 0 ] && grep -qx "1 document: 1 actor, 1 country, 0 other places, 1 relation" "$T/stdout"; then
    ok build_summary_singular
else
    fail build_summary_singular "$(cat "$T/stdout" "$T/stderr")"
fi
run merge "$T/q/one.json" "$T/a/s.json" -o "$T/q/two"
if [ "$rc" -eq 0 ] && grep -q "^merged 2 files: 2 documents, [0-9]* nodes, [0-9]* relations$" "$T/stdout"; then
    ok merge_summary_plural
else
    fail merge_summary_plural "$(cat "$T/stdout" "$T/stderr")"
fi
run merge "$T/q/one.json" -o "$T/q/one2"
if [ "$rc" -eq 0 ] && grep -qx "merged 1 file: 1 document, 2 nodes, 1 relation" "$T/stdout"; then
    ok merge_summary_singular
else
    fail merge_summary_singular "$(cat "$T/stdout" "$T/stderr")"
fi
run stats "$T/q/one.json"
if [ "$rc" -eq 0 ] && grep -q ": 1 document, 2 nodes, 1 link, 0 claims$" "$T/stdout" &&
    grep -qx "components: 1 (largest: 2 nodes)" "$T/stdout"; then
    ok stats_counts_singular
else
    fail stats_counts_singular "$(head -n 4 "$T/stdout")"
fi

# -- kg triples: a TSV header; --sentences gives each line's index
printf 'The meeting is being hosted by Blair.\n\nGermany and France did not attend the summit.\n' >"$T/sent.txt"
run triples "$T/sent.txt" --sentences
if [ "$rc" -eq 0 ] && [ "$(head -n 1 "$T/stdout")" = "sentence	confidence	subject	relation	object	subject_entity	object_entity" ] &&
    grep -q '^0	.*	The meeting	be hosted by	Blair	' "$T/stdout" &&
    grep -q '^2	.*	France	not attend	the summit	france	' "$T/stdout" &&
    [ "$(grep -c '^sentence	' "$T/stdout")" -eq 1 ]; then
    ok triples_tsv_header_and_line_indexes
else
    fail triples_tsv_header_and_line_indexes "$(head -c 400 "$T/stdout")"
fi
run triples "$T/sent.txt" --sentences -f jsonl
check triples_jsonl_line_indexes py "
import json, sys
ts = [json.loads(l) for l in open(sys.argv[1])]
assert {t['sentence'] for t in ts if t['subject'] == 'Blair' or t['object'] == 'Blair'} == {0}, ts
assert {t['sentence'] for t in ts if t['subject'] in ('Germany', 'France')} == {2}, ts" "$T/stdout"
run triples "$T/sent.txt" --sentences -f carb
if [ "$rc" -eq 0 ] && ! grep -q '^sentence' "$T/stdout"; then ok carb_has_no_header; else fail carb_has_no_header "$(head -n 1 "$T/stdout")"; fi
run triples "$SAMPLE"
check triples_document_sentences py "
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])][1:]
assert len({r[0] for r in rows}) > 3, rows" "$T/stdout"

# -- kg stats: --top in every list, communities included; single-node ones hidden
run stats "$T/a/s.json" --top 1
check stats_top_one_in_every_list py "
import re, sys
text = open(sys.argv[1]).read()
sections = text.split('\n\n')[1:]
assert len(sections) == 5, sections
for s in sections:
    items = [l for l in s.splitlines()[1:] if re.match(r' *[0-9]+\. ', l)]
    assert len(items) == 1, s
assert 'single-node communities not listed: --all-communities' in sections[-1], sections[-1]" "$T/stdout"
run stats "$T/a/s.json" --top 100
check stats_hides_single_node_communities py "
import re, sys
com = open(sys.argv[1]).read().split('\n\n')[-1]
assert not re.search(r'\. 1 node ', com), com" "$T/stdout"
run stats "$T/a/s.json" --top 100 --all-communities
check stats_all_communities_lists_them py "
import json, re, subprocess, sys
com = open(sys.argv[1]).read().split('\n\n')[-1]
listed = [l for l in com.splitlines()[1:] if re.match(r' *[0-9]+\. ', l)]
g = json.loads(subprocess.run([sys.argv[2], 'stats', '-f', 'json', sys.argv[3]], capture_output=True).stdout)
assert len(listed) == g['communities']['count'], (len(listed), g['communities'])
assert re.search(r'\. 1 node ', com), com" "$T/stdout" "$KG" "$T/a/s.json"
run stats "$T/a/s.json" -f json -n 2
check stats_json_top_communities py "
import json, sys
g = json.load(open(sys.argv[1]))
tc = g['top_communities']
assert len(tc) == 2 and tc[0]['size'] >= tc[1]['size'] > 1, tc
assert len(g['top_pagerank']) == 2 and len(g['strongest_relations']) == 2 and len(g['most_claims']) == 2
assert sum(g['communities']['sizes']) == g['nodes']" "$T/stdout"

# -- every JSON style kg writes is read back (claims are node-link's alone)
"$KG" stats -f json "$T/a/s.json" >"$T/s.stats"
for style in cytoscape graphology jgf; do
    "$KG" build -q "$T/a/s.txt" -o "$T/b/$style" --json-style "$style"
    run merge -q "$T/b/$style.json" -o "$T/b/$style-again" --json-style "$style"
    if [ "$rc" -eq 0 ] && cmp -s "$T/b/$style.json" "$T/b/$style-again.json"; then ok "merge_reads_${style}_byte_for_byte"; else
        fail "merge_reads_${style}_byte_for_byte" "exit status $rc: $(head -c 200 "$T/stderr")"; fi
    run stats -f json "$T/b/$style.json"
    check "stats_reads_$style" py "
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert b['claims'] == 0 and b['most_claims'] == []
for k in ('documents', 'nodes', 'links', 'types', 'components', 'communities', 'top_pagerank', 'strongest_relations', 'node_metrics'):
    assert a[k] == b[k], k" "$T/s.stats" "$T/stdout"
done
printf '{"elements": {"nodes": [{"data": {"id": "a"}}], "edges": []}}\n' >"$T/cy.json"
refused foreign_cytoscape_names_its_style 2 "kg: $T/cy.json: a Cytoscape.js file without kg's schema_version: kg reads the Cytoscape.js JSON that 'kg build --json-style cytoscape' writes, or node-link JSON" \
    stats "$T/cy.json"
py "
import json, sys
g = json.load(open(sys.argv[1]))
g['links'] = g.pop('edges')
json.dump(g, open(sys.argv[2], 'w'), indent=2)" "$T/a/s.json" "$T/links.json"
run merge -q "$T/links.json" -o "$T/b/from-links"
if [ "$rc" -eq 0 ] && cmp -s "$T/b/from-links.json" "$T/a/s.json"; then ok reads_links_as_edges; else
    fail reads_links_as_edges "exit status $rc: $(head -c 200 "$T/stderr")"; fi

# -- networkx reads the node-link file as it is
if ! py "import networkx" 2>/dev/null; then
    echo "skip networkx_reads_node_link: networkx is not installed"
else
    "$KG" build -q "$T/a/s.txt" "$T/one.txt" -o "$T/b/nx"
    check networkx_reads_node_link py "
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1]))
major, minor = (int(x) for x in nx.__version__.split('.')[:2])
if (major, minor) >= (3, 6):
    G = nx.node_link_graph(data)           # the default: edges='edges'
elif (major, minor) >= (3, 4):
    G = nx.node_link_graph(data, edges='edges')
else:
    G = nx.node_link_graph(data, link='edges')
assert G.is_directed() and G.is_multigraph() == data['multigraph']
assert G.number_of_nodes() == len(data['nodes']) and G.number_of_edges() == len(data['edges'])
n = {x['id']: x for x in data['nodes']}
for u, v, a in G.edges(data=True):
    assert u in n and v in n and a['relation'] and a['evidence'], (u, v, a)
assert G.nodes['antony-blinken']['type'] == 'person'" "$T/b/nx.json"
fi
