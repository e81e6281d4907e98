// Checks a kg --json-style jgf file against JSON Graph Format v2's rules
// (no JGF reader is packaged for Node, so the rules are written out here).
// usage: node jgf.mjs FILE NODES EDGES
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const [file, nodes, edges] = process.argv.slice(2);
const json = JSON.parse(readFileSync(file, 'utf8'));
assert.deepEqual(Object.keys(json), ['graph'], 'one graph at the top');
const g = json.graph;
assert.equal(g.directed, true);
assert.equal(typeof g.nodes, 'object', 'nodes is an object keyed by id');
assert.ok(!Array.isArray(g.nodes));
assert.ok(Array.isArray(g.edges));
for (const [id, n] of Object.entries(g.nodes)) {
  assert.equal(typeof n.label, 'string', id);
  assert.equal(typeof n.metadata, 'object', id);
}
for (const e of g.edges) {
  assert.ok(e.source in g.nodes, `source ${e.source}`);
  assert.ok(e.target in g.nodes, `target ${e.target}`);
  assert.equal(typeof e.relation, 'string');
  assert.equal(typeof e.metadata, 'object');
}
assert.equal(Object.keys(g.nodes).length, Number(nodes), 'node count');
assert.equal(g.edges.length, Number(edges), 'edge count');
console.log(`jgf: ${Object.keys(g.nodes).length} nodes, ${g.edges.length} edges`);
