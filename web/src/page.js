// page.js - the interactive graph page that `kg build -f html` writes.
//
// kg puts the graph, in graphology's serialization (kg's --json-style
// graphology), into <script type="application/json" id="kg-graph">; this
// script reads it, lays it out, and draws it with sigma.js.  Everything the
// page shows comes from that one element: nothing is fetched.
//
// The layout is deterministic, so that the same graph always looks the same:
// nodes start on a golden-angle spiral in the order kg wrote them (kg sorts
// its graphs) and ForceAtlas2 runs a number of iterations that depends only
// on the graph's size.
//
// Text from the articles is only ever put into the page as text nodes
// (textContent), never parsed as HTML.
//
// window.kgPage is a read-only handle for tests and for a person at the
// console: counts, the current selection, select(kind, id), a node's screen
// position.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { EdgeArrowProgram } from "sigma/rendering";
import { EdgeCurvedArrowProgram, indexParallelEdgesIndex, DEFAULT_EDGE_CURVATURE } from "@sigma/edge-curve";

// The colours of kg's other drawings (export/dot.c, docs/formats.md): the
// Okabe-Ito palette, which colour-blind readers tell apart.  A type the page
// does not know takes the next of OTHER_COLOURS.
const TYPE_COLOURS = {
  person: "#56B4E9",
  organization: "#E69F00",
  country: "#009E73",
  location: "#F0E442",
};
const OTHER_COLOURS = ["#999999", "#CC79A7", "#0072B2"];
const DIM_NODE = "#dddddd";
const DIM_EDGE = "#eeeeee";
const EDGE_COLOUR = "#9aa3ad";
const NEGATED_COLOUR = "#D55E00";
const MAX_RESULTS = 8;

// ------------------------------------------------------------------ the data

function readGraph() {
  const el = document.getElementById("kg-graph");
  if (!el) throw new Error("kg: the page has no #kg-graph data");
  const data = JSON.parse(el.textContent);
  return { data, graph: Graph.from(data) };
}

function typeColours(graph) {
  const colours = {};
  let other = 0;
  const types = [];
  graph.forEachNode((_n, a) => {
    const t = a.entity_type || "unknown";
    if (colours[t]) return;
    colours[t] = TYPE_COLOURS[t] || OTHER_COLOURS[other++ % OTHER_COLOURS.length];
    types.push(t);
  });
  const known = Object.keys(TYPE_COLOURS);
  const rank = (t) => (known.includes(t) ? known.indexOf(t) : known.length);
  types.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { colours, types };
}

// Sizes, colours, drawn labels, parallel-edge curvature and the layout.
function prepare(graph, colours) {
  let maxMentions = 1;
  graph.forEachNode((_n, a) => (maxMentions = Math.max(maxMentions, a.mentions || 0)));
  // sizes are screen pixels: a big graph gets smaller discs, or it is all disc
  const scale = Math.min(1, Math.sqrt(300 / Math.max(1, graph.order)));
  const golden = Math.PI * (3 - Math.sqrt(5));
  let i = 0;
  graph.forEachNode((node, a) => {
    const r = Math.sqrt(i + 0.5);
    graph.mergeNodeAttributes(node, {
      x: r * Math.cos(i * golden),
      y: r * Math.sin(i * golden),
      size: 1.5 + (2.5 + 14 * Math.sqrt((a.mentions || 0) / maxMentions)) * scale,
      color: colours[a.entity_type || "unknown"],
    });
    i++;
  });
  graph.forEachEdge((edge, a) => {
    graph.mergeEdgeAttributes(edge, {
      label: (a.negated ? "not " : "") + (a.relation || ""),
      size: 1.5 + Math.log2(Math.max(1, a.count || 1)),
      color: a.negated ? NEGATED_COLOUR : EDGE_COLOUR,
    });
  });
  // Parallel edges (two relations between the same pair) are curved apart.
  indexParallelEdgesIndex(graph, {
    edgeIndexAttribute: "parallelIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
  graph.forEachEdge((edge, a) => {
    if (typeof a.parallelIndex !== "number") {
      graph.setEdgeAttribute(edge, "type", "arrow");
      return;
    }
    // sigma's parallel-edges example: the bend grows with the bundle's size
    const amplitude = 3.5;
    const maxIndex = Math.max(1, Math.abs(a.parallelMaxIndex || 1));
    const max = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
    graph.mergeEdgeAttributes(edge, { type: "curved", curvature: (max * a.parallelIndex) / maxIndex });
  });
  if (graph.order > 1) {
    const iterations = Math.max(50, Math.min(400, Math.round(40000 / graph.order)));
    forceAtlas2.assign(graph, {
      iterations,
      // stronger gravity than inferred keeps small components near the
      // main one instead of at the edge of the picture
      settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 20 },
      getEdgeWeight: "count",
    });
  }
  return maxMentions;
}

// ------------------------------------------------------------------ helpers

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// Lower case without diacritics, so that "sisi" finds "Sīsī".
function fold(s) {
  return String(s || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// ------------------------------------------------------------------ the page

function main() {
  const { data, graph } = readGraph();
  const { colours, types } = typeColours(graph);
  const maxMentions = prepare(graph, colours);
  // The mentions slider starts at the graph's fewest, so that by default it
  // hides nothing (a hand-written graph may have nodes without mentions).
  let leastMentions = maxMentions;
  graph.forEachNode((_n, a) => (leastMentions = Math.min(leastMentions, a.mentions || 0)));
  let maxCount = 1;
  graph.forEachEdge((_e, a) => (maxCount = Math.max(maxCount, a.count || 1)));
  const docDates = {};
  for (const d of (data.attributes && data.attributes.documents) || []) docDates[d.id] = d.date;

  const state = {
    types: new Set(types),
    minMentions: leastMentions,
    minCount: 1,
    showIsolated: false,
    selected: null, // {kind: "node"|"edge", id}
    hits: new Set(), // nodes the search box matches
  };
  let visibleNodes = new Set();
  let visibleEdges = new Set();
  let focusNodes = null; // the selection's neighbourhood, drawn in full colour
  let focusEdges = null;

  // -- the layout of the page
  const app = document.getElementById("kg-app") || document.body.appendChild(el("div", { id: "kg-app" }));
  const search = el("input", {
    id: "kg-search",
    type: "search",
    placeholder: "Find an entity by name or alias",
    autocomplete: "off",
    "aria-label": "Find an entity",
  });
  const results = el("ul", { id: "kg-results", class: "results" });
  const typeList = el("ul", { id: "kg-types", class: "types" });
  const mentionsRange = el("input", {
    id: "kg-min-mentions",
    type: "range",
    min: String(leastMentions),
    max: String(maxMentions),
    value: String(leastMentions),
    step: "1",
  });
  const mentionsValue = el("output", { for: "kg-min-mentions", text: String(leastMentions) });
  const countRange = el("input", {
    id: "kg-min-count",
    type: "range",
    min: "1",
    max: String(maxCount),
    value: "1",
    step: "1",
  });
  const countValue = el("output", { for: "kg-min-count", text: "1" });
  if (maxMentions <= leastMentions) mentionsRange.disabled = true;
  if (maxCount <= 1) countRange.disabled = true;
  const isolated = el("input", { id: "kg-isolated", type: "checkbox" });
  const status = el("p", { id: "kg-status", class: "status", "aria-live": "polite" });
  const details = el("section", { id: "kg-details", class: "details", "aria-live": "polite" });
  const stage = el("div", { id: "kg-stage", class: "stage" });

  for (const t of types) {
    let n = 0;
    graph.forEachNode((_k, a) => (n += (a.entity_type || "unknown") === t ? 1 : 0));
    const box = el("input", { type: "checkbox", value: t, "data-type": t });
    box.checked = true;
    box.addEventListener("change", () => {
      if (box.checked) state.types.add(t);
      else state.types.delete(t);
      update();
    });
    typeList.append(
      el(
        "li",
        null,
        el(
          "label",
          null,
          box,
          el("span", { class: "swatch", style: `background:${colours[t]}` }),
          el("span", { class: "type-name", text: t }),
          el("span", { class: "n", text: String(n) })
        )
      )
    );
  }

  const docs = (data.attributes && data.attributes.documents) || [];
  app.append(
    el(
      "aside",
      { class: "controls" },
      el("h1", { text: "Knowledge graph" }),
      el(
        "p",
        { class: "docs" },
        docs.length === 1
          ? `${docs[0].id}${docs[0].date ? " · " + docs[0].date : ""}`
          : plural(docs.length, "document", "documents")
      ),
      el("div", { class: "search" }, search, results),
      el("h2", { text: "Entity types" }),
      typeList,
      el("h2", { text: "Filters" }),
      el("label", { class: "range" }, "Mentions at least ", mentionsValue, mentionsRange),
      el("label", { class: "range" }, "Relation count at least ", countValue, countRange),
      el("label", { class: "check" }, isolated, "Show entities without relations"),
      status
    ),
    stage,
    details
  );

  const renderer = new Sigma(graph, stage, {
    enableEdgeEvents: true,
    renderEdgeLabels: true,
    defaultEdgeType: "arrow",
    edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram },
    labelRenderedSizeThreshold: 0,
    labelDensity: 0.8,
    labelFont: "system-ui, sans-serif",
    edgeLabelFont: "system-ui, sans-serif",
    edgeLabelSize: 12,
    zIndex: true,
    nodeReducer(node, attrs) {
      const res = { ...attrs };
      const sel = state.selected;
      const forced = sel && ((sel.kind === "node" && sel.id === node) || (sel.kind === "edge" && graph.hasExtremity(sel.id, node)));
      if (!visibleNodes.has(node) && !forced) {
        res.hidden = true;
        return res;
      }
      if (focusNodes && !focusNodes.has(node)) {
        res.color = DIM_NODE;
        res.label = null;
        res.zIndex = 0;
      } else if (focusNodes) {
        res.zIndex = 1;
        res.forceLabel = true;
      }
      // the selection and what the search box matches stand out, in colour
      if ((sel && sel.kind === "node" && sel.id === node) || state.hits.has(node)) {
        res.color = attrs.color;
        res.label = attrs.label;
        res.forceLabel = true;
        res.highlighted = true;
        res.zIndex = 2;
      }
      return res;
    },
    edgeReducer(edge, attrs) {
      const res = { ...attrs };
      const sel = state.selected;
      if (!visibleEdges.has(edge) && !(sel && sel.kind === "edge" && sel.id === edge)) {
        res.hidden = true;
        return res;
      }
      if (focusEdges && focusEdges.has(edge)) {
        res.forceLabel = true;
        res.zIndex = 1;
        if (sel.kind === "edge") res.size = attrs.size + 2;
      } else {
        res.label = null;
        if (focusEdges) res.color = DIM_EDGE;
      }
      return res;
    },
  });

  // -- which nodes and edges the filters let through
  function passes(node) {
    const a = graph.getNodeAttributes(node);
    return state.types.has(a.entity_type || "unknown") && (a.mentions || 0) >= state.minMentions;
  }

  function computeVisible() {
    const nodes = new Set();
    const edges = new Set();
    graph.forEachEdge((edge, a, s, t) => {
      if ((a.count || 1) >= state.minCount && passes(s) && passes(t)) {
        edges.add(edge);
        nodes.add(s);
        nodes.add(t);
      }
    });
    if (state.showIsolated) graph.forEachNode((n) => passes(n) && nodes.add(n));
    visibleNodes = nodes;
    visibleEdges = edges;
  }

  function computeFocus() {
    const sel = state.selected;
    focusNodes = focusEdges = null;
    if (!sel) return;
    focusNodes = new Set();
    focusEdges = new Set();
    if (sel.kind === "node") {
      focusNodes.add(sel.id);
      graph.forEachEdge(sel.id, (edge, _a, s, t) => {
        if (!visibleEdges.has(edge)) return;
        focusEdges.add(edge);
        focusNodes.add(s);
        focusNodes.add(t);
      });
    } else {
      focusEdges.add(sel.id);
      focusNodes.add(graph.source(sel.id));
      focusNodes.add(graph.target(sel.id));
    }
  }

  function drawn() {
    let nodes = 0;
    let edges = 0;
    graph.forEachNode((n) => {
      const d = renderer.getNodeDisplayData(n);
      if (d && !d.hidden) nodes++;
    });
    graph.forEachEdge((e) => {
      const d = renderer.getEdgeDisplayData(e);
      if (d && !d.hidden) edges++;
    });
    return { nodes, edges };
  }

  function update() {
    computeVisible();
    computeFocus();
    renderer.refresh();
    const d = drawn();
    status.textContent =
      `Showing ${d.nodes} of ${plural(graph.order, "entity", "entities")} and ` +
      `${d.edges} of ${plural(graph.size, "relation", "relations")}.`;
  }

  // -- the side panel
  function nodeLink(node) {
    const a = graph.getNodeAttributes(node);
    return el("button", { class: "link", type: "button", onclick: () => select("node", node, true) },
      el("span", { class: "swatch", style: `background:${colours[a.entity_type || "unknown"]}` }),
      a.label || node);
  }

  function field(name, ...value) {
    return el("div", { class: "field" }, el("dt", { text: name }), el("dd", null, ...value));
  }

  function list(items, empty) {
    if (!items || items.length === 0) return el("span", { class: "none", text: empty });
    return el("ul", { class: "plain" }, ...items.map((s) => el("li", { text: s })));
  }

  function showNode(node) {
    const a = graph.getNodeAttributes(node);
    const t = a.entity_type || "unknown";
    const relations = [];
    // "stop in → Egypt" for an edge out of the node, "prompt ← Netanyahu" into it
    graph.forEachEdge(node, (edge, ea, s, tg) => {
      const out = s === node;
      relations.push(
        el("li", { class: "rel" },
          el("button", { class: "link relation", type: "button", onclick: () => select("edge", edge, false) },
            `${ea.label} ${out ? "→" : "←"}`),
          nodeLink(out ? tg : s),
          ea.count > 1 ? el("span", { class: "n", text: `×${ea.count}` }) : null,
          visibleEdges.has(edge) ? null : el("span", { class: "none", text: "(filtered out)" }))
      );
    });
    const docsHeld = (a.documents || []).map((d) =>
      el("li", null, `${d.id}${docDates[d.id] ? " (" + docDates[d.id] + ")" : ""}`,
        el("span", { class: "n", text: ` · ${plural(d.mentions, "mention", "mentions")}` })));
    panel(
      el("h2", { class: "title" }, el("span", { class: "swatch", style: `background:${colours[t]}` }), a.label || node),
      visibleNodes.has(node) ? null : el("p", { class: "note", text: "Hidden by the current filters; shown while selected." }),
      el("dl", null,
        field("Type", t),
        field("Mentions", String(a.mentions || 0)),
        field("Roles", list(a.roles, "none")),
        field("Aliases", list(a.aliases, "none")),
        field("Documents", docsHeld.length ? el("ul", { class: "plain" }, ...docsHeld) : el("span", { class: "none", text: "none" }))),
      el("h3", { text: `Relations (${relations.length})` }),
      relations.length ? el("ul", { class: "plain relations" }, ...relations) : el("p", { class: "none", text: "none" })
    );
  }

  function panel(...children) {
    details.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
  }

  function yesNo(v) {
    return el("span", { class: v ? "flag on" : "flag", text: v ? "yes" : "no" });
  }

  function showEdge(edge) {
    const a = graph.getEdgeAttributes(edge);
    const evidence = (a.evidence || []).map((ev) =>
      el("li", null,
        el("blockquote", { class: "sentence", text: ev.text || "" }),
        el("p", { class: "source", text: [ev.doc, ev.date].filter(Boolean).join(" · ") })));
    panel(
      el("h2", { class: "title" }, a.relation || "(relation)"),
      el("p", { class: "ends" }, nodeLink(graph.source(edge)), " → ", nodeLink(graph.target(edge))),
      el("dl", null,
        field("Relation", a.relation || ""),
        field("Count", String(a.count || 1)),
        field("Confidence", typeof a.confidence === "number" ? a.confidence.toFixed(2) : "–"),
        field("Negated", yesNo(a.negated)),
        field("Modal", yesNo(a.modal)),
        field("Reported", yesNo(a.attributed))),
      el("h3", { text: `Evidence (${(a.evidence || []).length})` }),
      evidence.length ? el("ol", { class: "evidence" }, ...evidence) : el("p", { class: "none", text: "none" })
    );
  }

  function showNothing() {
    panel(
      el("h2", { class: "title", text: "Details" }),
      el("p", { class: "hint", text: "Click an entity or a relation to see where it comes from." }),
      el("h3", { text: "Legend" }),
      el("ul", { class: "plain legend" },
        ...types.map((t) => el("li", null, el("span", { class: "swatch", style: `background:${colours[t]}` }), t)),
        el("li", null, el("span", { class: "swatch line", style: `background:${EDGE_COLOUR}` }), "relation"),
        el("li", null, el("span", { class: "swatch line", style: `background:${NEGATED_COLOUR}` }), "negated relation")),
      el("p", { class: "hint", text: "Node size follows the number of mentions." })
    );
  }

  // The camera works in sigma's framed coordinates; the display data holds
  // them only after the next render, so they come from the graph's own.
  function centre(node) {
    const a = graph.getNodeAttributes(node);
    const p = renderer.viewportToFramedGraph(renderer.graphToViewport({ x: a.x, y: a.y }));
    const camera = renderer.getCamera();
    camera.animate({ x: p.x, y: p.y, ratio: Math.min(camera.getState().ratio, 0.8) }, { duration: 300 });
  }

  // Selects a node or an edge (null: nothing); true when it exists.
  function select(kind, id, recentre) {
    if (kind === null || id === null || id === undefined) {
      state.selected = null;
    } else if (kind === "node" && graph.hasNode(id)) {
      state.selected = { kind, id };
    } else if (kind === "edge" && graph.hasEdge(id)) {
      state.selected = { kind, id };
    } else {
      return false;
    }
    update();
    if (!state.selected) showNothing();
    else if (kind === "node") showNode(id);
    else showEdge(id);
    if (state.selected && kind === "node" && recentre) centre(id);
    return true;
  }

  // -- search
  let matches = [];
  function rank(node, q) {
    const a = graph.getNodeAttributes(node);
    let best = Infinity;
    for (const name of [a.label || node, ...(a.aliases || [])]) {
      const f = fold(name);
      if (f === q) best = Math.min(best, 0);
      else if (f.startsWith(q)) best = Math.min(best, 1);
      else if (f.includes(" " + q)) best = Math.min(best, 2);
      else if (f.includes(q)) best = Math.min(best, 3);
    }
    return best;
  }

  function runSearch() {
    const q = fold(search.value.trim());
    matches = [];
    if (q) {
      graph.forEachNode((node, a) => {
        const r = rank(node, q);
        if (r !== Infinity) matches.push({ node, r, m: a.mentions || 0, label: a.label || node });
      });
      matches.sort((x, y) => x.r - y.r || y.m - x.m || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
    }
    state.hits = new Set(matches.map((m) => m.node));
    results.replaceChildren(
      ...matches.slice(0, MAX_RESULTS).map((m) =>
        el("li", null, el("button", { type: "button", class: "link", onclick: () => select("node", m.node, true) },
          el("span", { class: "swatch", style: `background:${colours[graph.getNodeAttribute(m.node, "entity_type") || "unknown"]}` }),
          m.label)))
    );
    if (q && matches.length === 0) results.append(el("li", { class: "none", text: "no entity matches" }));
    update();
  }

  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && matches.length > 0) select("node", matches[0].node, true);
    if (e.key === "Escape") {
      search.value = "";
      runSearch();
    }
  });

  mentionsRange.addEventListener("input", () => {
    state.minMentions = Number(mentionsRange.value);
    mentionsValue.textContent = mentionsRange.value;
    update();
  });
  countRange.addEventListener("input", () => {
    state.minCount = Number(countRange.value);
    countValue.textContent = countRange.value;
    update();
  });
  isolated.addEventListener("change", () => {
    state.showIsolated = isolated.checked;
    update();
  });

  renderer.on("clickNode", ({ node }) => select("node", node, false));
  renderer.on("clickEdge", ({ edge }) => select("edge", edge, false));
  renderer.on("clickStage", () => select(null, null, false));
  renderer.on("enterNode", () => stage.classList.add("pointer"));
  renderer.on("leaveNode", () => stage.classList.remove("pointer"));
  renderer.on("enterEdge", () => stage.classList.add("pointer"));
  renderer.on("leaveEdge", () => stage.classList.remove("pointer"));

  document.title = `kg: ${plural(graph.order, "entity", "entities")}, ${plural(graph.size, "relation", "relations")}`;
  update();
  showNothing();

  const page = {
    counts() {
      const d = drawn();
      return {
        nodes: graph.order,
        edges: graph.size,
        visibleNodes: visibleNodes.size,
        visibleEdges: visibleEdges.size,
        drawnNodes: d.nodes,
        drawnEdges: d.edges,
      };
    },
    selection() {
      return state.selected ? { ...state.selected } : null;
    },
    select(kind, id) {
      return select(kind, id, kind === "node");
    },
    // Graph coordinates after the layout, for checking that it is deterministic.
    position(id) {
      if (!graph.hasNode(id)) return null;
      const a = graph.getNodeAttributes(id);
      return { x: a.x, y: a.y };
    },
    // Where a node is drawn, in page (CSS) pixels, for a real mouse click.
    screenPosition(id) {
      if (!graph.hasNode(id)) return null;
      const a = graph.getNodeAttributes(id);
      const p = renderer.graphToViewport({ x: a.x, y: a.y });
      const r = stage.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    cameraMoving() {
      return renderer.getCamera().isAnimated();
    },
  };
  Object.freeze(page);
  Object.defineProperty(window, "kgPage", { value: page, writable: false, enumerable: true, configurable: false });
}

try {
  main();
} catch (e) {
  const msg = document.createElement("p");
  msg.className = "kg-error";
  msg.textContent = `This graph could not be drawn: ${e && e.message ? e.message : e}`;
  document.body.prepend(msg);
  throw e;
}
