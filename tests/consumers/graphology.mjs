// Loads a kg --json-style graphology file with graphology (what sigma.js draws).
// usage: node graphology.mjs FILE NODES EDGES
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import Graph from 'graphology';

const [file, nodes, edges] = process.argv.slice(2);
const json = JSON.parse(readFileSync(file, 'utf8'));
const graph = Graph.from(json);

assert.equal(graph.type, 'directed');
assert.equal(graph.multi, true);
assert.equal(graph.order, Number(nodes), 'node count');
assert.equal(graph.size, Number(edges), 'edge count');
graph.forEachNode((key, attrs) => assert.equal(typeof attrs.entity_type, 'string', key));
graph.forEachEdge((key, attrs) => assert.equal(typeof attrs.relation, 'string', key));
// the same through import into an existing graph, and back out unchanged
const again = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
again.import(json);
assert.equal(again.order, graph.order);
assert.equal(again.size, graph.size);
assert.deepEqual(graph.export().nodes, json.nodes);
console.log(`graphology: ${graph.order} nodes, ${graph.size} edges`);
