#!/bin/sh
# CLI tests of the diagrams (kg build -f dot,svg,png): isolated entities left
# out of a several-document picture, --keep-isolated, --min-count, --types,
# --focus/--depth, --layout, their errors (exit 2, one line, nothing
# written), the legend and tooltips, and the size of a five-article picture.
# The five articles in diagram-articles/ are ours (invented people and
# companies), written to give every edge look: negated, modal, reported
# speech, a relation said twice, and entities without a relation.  The same
# files draw docs/img/five-articles.svg.
# Prints "ok NAME" or "FAIL NAME: why" per check.
set -u
O=${O:-build}
ROOT=$PWD
KG="$ROOT/$O/kg"
ARTICLES="$ROOT/tests/cli/diagram-articles"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else fail "$name" "$(cat "$T/out" "$T/err" | head -c 400)"; fi
}
# py SVG JSON CODE: runs CODE with svg (the parsed SVG root), nodes and
# edges (the SVG's node ids and "a->b" edges, the legend's left out), w and h
# (its size in points) and g, links (the JSON) defined.
py() {
    python3 - "$1" "$2" "$3" <<'EOF'
import json, sys, xml.etree.ElementTree as ET
S = '{http://www.w3.org/2000/svg}'
svg = ET.parse(sys.argv[1]).getroot()
w = float(svg.get('width').rstrip('pt'))
h = float(svg.get('height').rstrip('pt'))
def items(cls):
    out = []
    for e in svg.iter(S + 'g'):
        if e.get('class') == cls:
            t = e.find(S + 'title').text
            if not t.startswith('kg legend'):
                out.append((t, e))
    return out
nodes = {t for t, _ in items('node')}
edges = [t for t, _ in items('edge')]
edge_elems = [e for _, e in items('edge')]
g = json.load(open(sys.argv[2]))
links = g.get('links', g.get('edges'))
exec(sys.argv[3])
EOF
}
one_line_error() { # NAME WANT COMMAND...: exit 2, one line on stderr holding WANT
    name=$1
    want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -ne 2 ]; then
        fail "$name" "exit $rc, not 2: $(head -c 300 "$T/err")"
    elif [ "$(wc -l <"$T/err")" -ne 1 ]; then
        fail "$name" "not one line: $(head -c 300 "$T/err")"
    elif ! grep -qF -- "$want" "$T/err"; then
        fail "$name" "no '$want' in: $(cat "$T/err")"
    else
        ok "$name"
    fi
}

"$KG" build -q -f json,dot,svg,png -o "$T/five" "$ARTICLES"/*.txt 2>"$T/build.err" ||
    fail build_five "$(cat "$T/build.err")"
check five_svg_is_well_formed_and_labelled py "$T/five.svg" "$T/five.json" "
texts = [t.text for t in svg.iter(S + 'text')]
assert 'Legend' in texts and 'Maria Lindqvist' in texts, texts"
# isolated entities are left out of a picture of several documents
check five_svg_draws_the_connected_nodes py "$T/five.svg" "$T/five.json" "
joined = {l['source'] for l in links} | {l['target'] for l in links}
assert len(g['nodes']) > len(joined), 'the fixture has isolated entities'
assert nodes == joined, (nodes ^ joined)
assert len(edges) == len(links), (len(edges), len(links))"
check five_svg_caption_says_what_was_left_out grep -q "Not drawn: 10 entities without a relation" "$T/five.svg"
# the size: a screen's shape, labels at 12 pt readable at 100%
check five_svg_aspect_within_bounds py "$T/five.svg" "$T/five.json" "
assert 0.5 <= w / h <= 2.0, (w, h)
assert w <= 1600 and h <= 1600, (w, h)
assert w * h < 1500 * 1200, (w, h)"
check five_png_is_a_png python3 -c "
import sys; d = open(sys.argv[1], 'rb').read(); assert d[:8] == b'\x89PNG\r\n\x1a\n'" "$T/five.png"
check five_dot_parses_with_dot dot -Tsvg -o /dev/null "$T/five.dot"
check edges_have_evidence_tooltips py "$T/five.svg" "$T/five.json" "
X = '{http://www.w3.org/1999/xlink}title'
tips = [a.get(X) for e in edge_elems for a in e.iter(S + 'a')]
assert len(tips) == len(edges) and all(t and '\u2192' in t and '\u201c' in t for t in tips), tips
assert any('not meet' in t and 'lisbon' in t for t in tips), tips"
check nodes_have_tooltips grep -q 'xlink:title="Maria Lindqvist (person)&#10;' "$T/five.svg"
check legend_shows_every_look_present grep -c -e ">negated: " -e ">modal: may" -e ">only reported speech<" \
    -e ">×N: N sentences" "$T/five.svg"
[ "$(cat "$T/out")" = 4 ] || fail legend_has_four_edge_keys "$(cat "$T/out")"

# --keep-isolated draws them all
"$KG" build -q -f svg --keep-isolated -o "$T/keep" "$ARTICLES"/*.txt
check keep_isolated_draws_every_node py "$T/keep.svg" "$T/five.json" "
assert nodes == {n['id'] for n in g['nodes']}, nodes ^ {n['id'] for n in g['nodes']}"
# one document: as before, isolated entities drawn
"$KG" build -q -f svg,json -o "$T/one" "$ARTICLES/oslo.txt"
check one_document_keeps_isolated_nodes py "$T/one.svg" "$T/one.json" "
assert nodes == {n['id'] for n in g['nodes']}"

# --min-count
"$KG" build -q -f svg --min-count 2 -o "$T/min2" "$ARTICLES"/*.txt
check min_count_keeps_edges_said_often_enough py "$T/min2.svg" "$T/five.json" "
want = {l['source'] + '->' + l['target'] for l in links if l['count'] >= 2}
assert want and set(edges) == want, (edges, want)
assert nodes == {x for e in want for x in e.split('->')}, nodes"

# --types
"$KG" build -q -f svg --types Person,country -o "$T/types" "$ARTICLES"/*.txt
check types_keep_only_those_types py "$T/types.svg" "$T/five.json" "
kind = {n['id']: n['type'] for n in g['nodes']}
assert nodes and {kind[n] for n in nodes} == {'person', 'country'}, nodes"

# --focus and --depth: neighbours either way
"$KG" build -q -f svg,dot --focus tomas-ferreira -o "$T/focus" "$ARTICLES"/*.txt
check focus_keeps_the_neighbours py "$T/focus.svg" "$T/five.json" "
near = {'tomas-ferreira'} | {l['target'] for l in links if l['source'] == 'tomas-ferreira'} \
     | {l['source'] for l in links if l['target'] == 'tomas-ferreira'}
assert nodes == near, nodes ^ near
assert any(l['target'] == 'tomas-ferreira' for l in links), 'an edge into the focus'"
"$KG" build -q -f svg --focus tomas-ferreira --depth 2 -o "$T/focus2" "$ARTICLES"/*.txt
check depth_two_reaches_further py "$T/focus2.svg" "$T/five.json" "
one = {'tomas-ferreira'} | {l['target'] for l in links if l['source'] == 'tomas-ferreira'} \
    | {l['source'] for l in links if l['target'] == 'tomas-ferreira'}
two = one | {l['target'] for l in links if l['source'] in one} | {l['source'] for l in links if l['target'] in one}
assert nodes == two, nodes ^ two"
one_line_error focus_on_unknown_id_is_an_error '"nobody-here"' \
    "$KG" build -q -f json,svg --focus nobody-here -o "$T/nofocus" "$ARTICLES"/*.txt
check focus_error_writes_nothing test ! -e "$T/nofocus.svg" -a ! -e "$T/nofocus.json"

# --layout
for engine in sfdp neato; do
    "$KG" build -q -f svg,dot --layout $engine -o "$T/$engine" "$ARTICLES"/*.txt 2>"$T/$engine.err" ||
        fail "layout_$engine" "$(cat "$T/$engine.err")"
    check "layout_${engine}_draws_the_same_nodes" py "$T/$engine.svg" "$T/five.json" "
joined = {l['source'] for l in links} | {l['target'] for l in links}
assert nodes == joined and 0.4 <= w / h <= 2.5, (w, h)"
    check "layout_${engine}_is_in_the_dot" grep -q "layout=$engine" "$T/$engine.dot"
done

# the errors: exit 2, one line, before any document is read
one_line_error min_count_zero "--min-count wants a positive number" \
    "$KG" build -q -f svg --min-count 0 -o "$T/e" "$ARTICLES"/*.txt
one_line_error min_count_word "--min-count wants a positive number of sentences, not 'many'" \
    "$KG" build -q -f svg --min-count many -o "$T/e" "$ARTICLES"/*.txt
one_line_error types_unknown "--types: unknown type 'people'" \
    "$KG" build -q -f svg --types person,people -o "$T/e" "$ARTICLES"/*.txt
one_line_error types_empty "--types wants a list of types" \
    "$KG" build -q -f svg --types , -o "$T/e" "$ARTICLES"/*.txt
one_line_error depth_negative "--depth wants a number" \
    "$KG" build -q -f svg --focus a --depth -1 -o "$T/e" "$ARTICLES"/*.txt
one_line_error depth_without_focus "--depth needs --focus" \
    "$KG" build -q -f svg --depth 2 -o "$T/e" "$ARTICLES"/*.txt
one_line_error layout_unknown "--layout: unknown Graphviz engine 'spring'" \
    "$KG" build -q -f svg --layout spring -o "$T/e" "$ARTICLES"/*.txt
one_line_error diagram_option_without_a_diagram "--types changes only the diagrams" \
    "$KG" build -q -f json --types person -o "$T/e" "$ARTICLES"/*.txt
check option_errors_write_nothing test ! -e "$T/e.svg" -a ! -e "$T/e.json"

# the other formats keep the whole graph under the diagram options
"$KG" build -q -f json,svg --types country --min-count 3 -o "$T/whole" "$ARTICLES"/*.txt
check json_is_whole_under_diagram_options cmp "$T/whole.json" "$T/five.json"

# hostile text in an article: the SVG stays well-formed, tooltips and all
printf 'Maria Lindqvist met Tomas Ferreira in Oslo \001 and said "a\\N & <b>".\n' >"$T/h1.txt"
printf 'Tomas Ferreira met Maria Lindqvist in Lisbon.\n\nTomas Ferreira visited \033Norway.\n' >"$T/h2.txt"
"$KG" build -q -f svg,json -o "$T/hostile" "$T/h1.txt" "$T/h2.txt" 2>"$T/hostile.err"
check hostile_text_svg_is_well_formed py "$T/hostile.svg" "$T/hostile.json" "
assert edges, 'no edge drawn'"
