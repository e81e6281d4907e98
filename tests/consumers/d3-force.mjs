// Runs a d3-force simulation over a kg node-link file, as a d3 page would.
// usage: node d3-force.mjs FILE NODES EDGES
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { forceSimulation, forceLink, forceManyBody, forceCenter } from 'd3-force';

const [file, nodes, edges] = process.argv.slice(2);
const json = JSON.parse(readFileSync(file, 'utf8'));
const ns = json.nodes.map((n) => ({ ...n }));
// kg writes the links as "edges" (networkx 3.6's key); d3 takes any array
const ls = json.edges.map((l) => ({ ...l }));
const simulation = forceSimulation(ns)
  .force('link', forceLink(ls).id((d) => d.id))
  .force('charge', forceManyBody())
  .force('center', forceCenter(0, 0))
  .stop();
for (let i = 0; i < 300; i++) simulation.tick();

assert.equal(simulation.nodes().length, Number(nodes), 'node count');
assert.equal(ls.length, Number(edges), 'link count');
// forceLink replaced every id by its node object: no link points nowhere
for (const l of ls) {
  assert.equal(typeof l.source, 'object', `${l.relation}: source`);
  assert.equal(typeof l.target, 'object', `${l.relation}: target`);
}
for (const n of ns) assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y), n.id);
console.log(`d3-force: ${ns.length} nodes, ${ls.length} links, 300 ticks`);
