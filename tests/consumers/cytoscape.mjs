// Loads a kg --json-style cytoscape file into headless Cytoscape.js.
// usage: node cytoscape.mjs FILE NODES EDGES
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import cytoscape from 'cytoscape';

const [file, nodes, edges] = process.argv.slice(2);
const json = JSON.parse(readFileSync(file, 'utf8'));
const cy = cytoscape({ headless: true, styleEnabled: false, elements: json.elements, data: json.data });

assert.equal(cy.nodes().length, Number(nodes), 'node count');
assert.equal(cy.edges().length, Number(edges), 'edge count');
// every edge joins two nodes that exist (Cytoscape would refuse one that did not)
cy.edges().forEach((e) => assert.ok(e.source().isNode() && e.target().isNode(), e.id()));
cy.nodes().forEach((n) => assert.equal(typeof n.data('type'), 'string', n.id()));
// a layout runs over it
cy.layout({ name: 'cose', animate: false, randomize: false }).run();
cy.nodes().forEach((n) => assert.ok(Number.isFinite(n.position('x')), n.id()));
console.log(`cytoscape: ${cy.nodes().length} nodes, ${cy.edges().length} edges`);
