#!/bin/sh
# CLI tests of the exports other tools load as they are: GEXF read by
# networkx's read_gexf (Gephi's format; networkx 3 reads GEXF 1.3), and the
# two CSV tables for neo4j-admin read by Python's csv module, both checked
# against the node-link JSON of the same run ("nodes" and "edges", or
# "links" as kg wrote it before).  Prints "ok NAME", "FAIL NAME:
# why" or "skip NAME: why" (no networkx here; a kg that does not yet write
# the CSV tables).
set -u
O=${O:-build}
ROOT=$PWD
KG="$ROOT/$O/kg"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "skip $1: $2"; }
py() { # NAME SCRIPT ARGS...: passes when the script runs without error
    name=$1 script=$2
    shift 2
    if python3 -c "$script" "$@" >"$T/py.out" 2>&1; then ok "$name"; else
        fail "$name" "$(tail -n 4 "$T/py.out" | tr '\n' ' ' | head -c 400)"; fi
}

# -- GEXF: the same nodes and edges as the JSON, and what Gephi draws
if python3 -c "import networkx" 2>/dev/null; then
    HAVE_NX=1
else
    HAVE_NX=0
fi

# Compares FILE.gexf with FILE.json: counts, labels, weights, types, time.
GEXF_CHECK='
import json, sys, networkx as nx
base = sys.argv[1]
G = nx.read_gexf(base + ".gexf")
j = json.load(open(base + ".json"))
links = j["edges"] if "edges" in j else j["links"]  # the key was "links" before networkx 3.6
assert G.is_directed()
assert G.number_of_nodes() == len(j["nodes"]), (G.number_of_nodes(), len(j["nodes"]))
assert G.number_of_edges() == len(links), (G.number_of_edges(), len(links))
dates = {d["id"]: d["date"] for d in j["graph"]["documents"] if d["date"]}
for n in j["nodes"]:
    a = G.nodes[n["id"]]
    assert a["label"] == n["label"] and a["type"] == n["type"], (a, n)
    assert a["mentions"] == n["mentions"], (a, n)
    assert "color" in a["viz"] and a["viz"]["size"] > 10, a
    ds = sorted(dates[d["id"]] for d in n["documents"] if d["id"] in dates)
    if ds:
        assert (a["start"], a["end"]) == (ds[0], ds[-1]), (a, ds)
    else:
        assert "start" not in a, a
edges = [d for _, _, d in G.edges(data=True)]
got = sorted((d["relation"], d["label"], d["weight"], d["negated"]) for d in edges)
want = sorted((l["relation"], l["relation"], float(l["count"]), l["negated"]) for l in links)
assert got == want, (got, want)
ev = sorted(d.get("evidence", "") for d in edges)
assert ev == sorted(l["evidence"][0]["text"] if l["evidence"] else "" for l in links), ev
'

"$KG" build -q "$ROOT"/samples/*.txt -o "$T/g" -f json,gexf 2>"$T/build.err"
if [ $? -ne 0 ]; then
    fail build_json_gexf "$(head -c 300 "$T/build.err")"
elif [ "$HAVE_NX" -eq 0 ]; then
    skip networkx_reads_gexf_of_samples "python3 has no networkx"
else
    py networkx_reads_gexf_of_samples "$GEXF_CHECK" "$T/g"
    py gexf_of_dated_samples_is_dynamic "
import sys, xml.etree.ElementTree as ET
g = ET.parse(sys.argv[1]).getroot().find('{http://gexf.net/1.3}graph')
assert g.get('mode') == 'dynamic' and g.get('timeformat') == 'date', g.attrib
" "$T/g.gexf"
fi

# Three dated articles: a multigraph across a timeline of three days.
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
"$KG" build -q "$T/cairo.txt" "$T/doha.txt" "$T/jerusalem.txt" -o "$T/t" -f json,gexf 2>"$T/build.err"
if [ $? -ne 0 ]; then
    fail build_three_dated "$(head -c 300 "$T/build.err")"
elif [ "$HAVE_NX" -eq 0 ]; then
    skip networkx_reads_gexf_of_three_days "python3 has no networkx"
else
    py networkx_reads_gexf_of_three_days "$GEXF_CHECK" "$T/t"
    py gexf_timeline_spans_the_articles "
import sys, networkx as nx
G = nx.read_gexf(sys.argv[1])
b = G.nodes['antony-blinken']
assert (b['start'], b['end']) == ('2024-02-05', '2024-02-07'), b
" "$T/t.gexf"
fi

# A hand-written graph whose text XML cannot hold raw: the file stays
# well-formed, and what can be kept (a newline, a tab) is.
python3 -c "
import json, sys
g = {'directed': True, 'multigraph': False,
     'graph': {'schema_version': 2, 'documents': [{'id': 'd,1', 'date': '2024-03-01'}]},
     'nodes': [{'id': 'a', 'label': 'Smith, \"Jo\"\nnext\ttab\u001b[2J\uffff&#1;<b>', 'type': 'person',
                'aliases': ['semi;colon', 'back\\\\slash \"q\"'], 'roles': [], 'mentions': 2,
                'documents': [{'id': 'd,1', 'mentions': 2}]},
               {'id': 'b', 'label': 'B', 'type': 'organization', 'aliases': [], 'roles': [],
                'mentions': 1, 'documents': [{'id': 'd,1', 'mentions': 1}]}],
     'links': [{'source': 'a', 'target': 'b', 'relation': 'meet\u0002 with', 'negated': False,
                'modal': False, 'attributed': False, 'count': 1, 'confidence': 0.5,
                'evidence': [{'doc': 'd,1', 'date': '2024-03-01', 'sentence': 0, 'start': 0,
                              'end': 9, 'cp_start': 0, 'cp_end': 9, 'text': 'Line one,\nline \"two\"'}]}],
     'claims': []}
json.dump(g, open(sys.argv[1], 'w'))" "$T/hostile.json"
"$KG" merge -q "$T/hostile.json" -o "$T/h" -f json,gexf 2>"$T/merge.err"
if [ $? -ne 0 ]; then
    fail merge_hostile_gexf "$(head -c 300 "$T/merge.err")"
else
    py hostile_gexf_is_well_formed "
import sys, xml.dom.minidom
xml.dom.minidom.parse(sys.argv[1])" "$T/h.gexf"
    if [ "$HAVE_NX" -eq 0 ]; then
        skip networkx_reads_hostile_gexf "python3 has no networkx"
    else
        py networkx_reads_hostile_gexf "
import sys, networkx as nx
G = nx.read_gexf(sys.argv[1])
a = G.nodes['a']
assert a['label'] == 'Smith, \"Jo\"\nnext\ttab\ufffd[2J\ufffd&#1;<b>', repr(a['label'])
assert a['aliases'] == '[\"back\\\\\\\\slash \\\\\"q\\\\\"\", \"semi;colon\"]', a['aliases']
assert a['documents'] == '[\"d,1\"]', a['documents']
(u, v, e), = G.edges(data=True)
assert e['label'] == 'meet\ufffd with' and e['evidence'] == 'Line one,\nline \"two\"', e
assert e['start'] == '2024-03-01', e
" "$T/h.gexf"
    fi
fi

# -- CSV: PREFIX.nodes.csv and PREFIX.edges.csv, as neo4j-admin reads them
CSV_CHECK='
import csv, io, json, sys
base = sys.argv[1]
j = json.load(open(base + ".json"))
links = j["edges"] if "edges" in j else j["links"]  # the key was "links" before networkx 3.6
def clean(s, sep=False): # what docs/formats.md says becomes of text in a field
    out = ""
    for c in s:
        o = ord(c)
        if c in "\t\n\r\v\f":
            out += " "
        elif o < 32 or 127 <= o <= 159:
            pass
        elif o in (0xFFFE, 0xFFFF):
            out += "\ufffd"
        else:
            out += "," if sep and c == ";" else c
    return out
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        data = f.read()
    assert "\r\n" in data and "\n" not in data.replace("\r\n", ""), "records end in CRLF only"
    assert not any(ord(c) < 32 and c not in "\r\n" for c in data), "a control character"
    return list(csv.reader(io.StringIO(data, newline="")))
nodes, edges = rows(base + ".nodes.csv"), rows(base + ".edges.csv")
assert ",".join(nodes[0]) == "id:ID,name,:LABEL,mentions:long,aliases:string[],roles:string[],documents:string[]", nodes[0]
assert ",".join(edges[0]) == ":START_ID,:END_ID,:TYPE,relation,count:long,negated:boolean,modal:boolean,attributed:boolean,confidence:double,evidence,document,sentence:long,date:date", edges[0]
assert len(nodes) - 1 == len(j["nodes"]) and len(edges) - 1 == len(links), (len(nodes), len(edges))
assert all(len(r) == 7 for r in nodes) and all(len(r) == 13 for r in edges)
ids = [r[0] for r in nodes[1:]]
assert ids == [n["id"] for n in j["nodes"]] and len(set(ids)) == len(ids)
def array(items):
    return ";".join(clean(x, True) for x in items)
for r, n in zip(nodes[1:], j["nodes"]):
    assert r[1] == clean(n["label"]) and r[2] == n["type"].capitalize(), (r, n)
    assert int(r[3]) == n["mentions"] and r[4] == array(n["aliases"]), (r, n)
    assert r[5] == array(n["roles"]) and r[6] == array(d["id"] for d in n["documents"]), (r, n)
for r, l in zip(edges[1:], links):
    assert (r[0], r[1], r[3]) == (l["source"], l["target"], clean(l["relation"])), (r, l)
    assert int(r[4]) == l["count"] and float(r[8]) == l["confidence"], (r, l)
    ev = l["evidence"][0] if l["evidence"] else None
    assert r[9:12] == ([clean(ev["text"]), clean(ev["doc"]), str(ev["sentence"])] if ev else ["", "", ""]), r
    assert r[2].replace("_", "").isalnum() and r[2] == r[2].upper(), r[2]
    assert r[5] == ("true" if l["negated"] else "false") and r[2].startswith("NOT_") == l["negated"], r
'
"$KG" build -q "$T/cairo.txt" "$T/doha.txt" "$T/jerusalem.txt" -o "$T/c" -f json,csv \
    >"$T/csv.out" 2>"$T/csv.err"
csv_rc=$?
if [ "$csv_rc" -ne 0 ] || [ ! -f "$T/c.nodes.csv" ] || [ ! -f "$T/c.edges.csv" ]; then
    skip csv_tables_read_back "kg build -f csv does not yet write PREFIX.nodes.csv and PREFIX.edges.csv (exit $csv_rc: $(head -c 200 "$T/csv.err"))"
else
    py csv_tables_read_back "$CSV_CHECK" "$T/c"
    "$KG" merge -q "$T/hostile.json" -o "$T/hc" -f json,csv 2>"$T/csv.err"
    if [ $? -ne 0 ]; then
        fail csv_of_hostile_graph "$(head -c 300 "$T/csv.err")"
    else
        py csv_of_hostile_graph "$CSV_CHECK" "$T/hc"
    fi
fi
