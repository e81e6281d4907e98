// graph_page.mjs - the page of `kg build -f html` in a real browser.
//
//   node tests/browser/graph_page.mjs KG [--screenshot PNG]
//
// Builds the page for samples/*.txt with the kg binary KG, opens it from
// file:// in headless Chromium (/usr/bin/chromium, driven by playwright-core
// from web/node_modules) and checks what a person would see: no console
// error and no failed request, nothing fetched but the page itself, as many
// nodes drawn as the page's data says are visible, a real mouse click on a
// node, an edge's evidence in the side panel, the filters, the search box,
// and the same layout on every load.  Prints "ok NAME" or "FAIL NAME: why"
// per check (tests/cli/html_page.sh runs it) and exits non-zero on a failure.
// With --screenshot it also writes a picture with a node selected
// (docs/img/graph-page.png).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(root, "web", "package.json"));
const { chromium } = require("playwright-core");

const args = process.argv.slice(2);
const kg = args[0];
const shotAt = args.indexOf("--screenshot");
const screenshot = shotAt >= 0 ? resolve(args[shotAt + 1]) : null;
if (!kg) {
  console.error("usage: node tests/browser/graph_page.mjs KG [--screenshot PNG]");
  process.exit(2);
}

let failures = 0;
function check(name, cond, why) {
  if (cond) console.log(`ok ${name}`);
  else {
    failures++;
    console.log(`FAIL ${name}: ${typeof why === "function" ? why() : why}`);
  }
  return cond;
}

// -- the page, and what its data says
const tmp = mkdtempSync(join(tmpdir(), "kg-page-"));
const samples = readdirSync(join(root, "samples"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join(root, "samples", f));
const build = (out) => execFileSync(kg, ["build", ...samples, "-f", "html", "-o", out, "-q"], { stdio: "pipe" });
build(join(tmp, "page"));
build(join(tmp, "again"));
const html = readFileSync(join(tmp, "page.html"), "utf8");
check("page_same_bytes_twice", html === readFileSync(join(tmp, "again.html"), "utf8"), "two builds differ");
const m = /<script type="application\/json" id="kg-graph">([\s\S]*?)<\/script>/.exec(html);
if (!check("page_has_data", m, "no kg-graph script")) process.exit(1);
const data = JSON.parse(m[1]);
const hasEdge = new Set();
for (const e of data.edges) hasEdge.add(e.source).add(e.target);
const nodeType = Object.fromEntries(data.nodes.map((n) => [n.key, n.attributes.entity_type]));
const expectedVisible = data.nodes.filter((n) => hasEdge.has(n.key)).length;
// the page would be untestable on a graph without these
if (!check("sample_has_isolated_nodes_and_edges", expectedVisible < data.nodes.length && data.edges.length > 0,
  `${data.nodes.length} nodes, ${expectedVisible} with edges, ${data.edges.length} edges`))
  process.exit(1);

// -- the browser
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  // WebGL without a GPU: SwiftShader
  args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox"],
});
const url = pathToFileURL(join(tmp, "page.html")).href;
const problems = [];
const fetched = [];

async function open() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  page.on("console", (msg) => msg.type() === "error" && problems.push(`console: ${msg.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("request", (r) => fetched.push(r.url()));
  await page.goto(url);
  await page.waitForFunction(() => window.kgPage !== undefined, null, { timeout: 20000 });
  return page;
}

// The camera at rest and drawn there: sigma renders a frame after the camera
// moves, and converts coordinates with the last frame's matrix.
async function cameraStill(page) {
  await page.waitForFunction(() => !window.kgPage.cameraMoving(), null, { timeout: 10000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const details = (page) => page.locator("#kg-details").innerText();

try {
  const page = await open();
  const counts = await page.evaluate(() => window.kgPage.counts());
  check("page_counts_match_data", counts.nodes === data.nodes.length && counts.edges === data.edges.length,
    () => JSON.stringify(counts));
  check("drawn_nodes_are_the_visible_ones", counts.drawnNodes === expectedVisible,
    `drew ${counts.drawnNodes} nodes, the data has ${expectedVisible} with a relation`);
  check("drawn_edges_are_all_edges", counts.drawnEdges === data.edges.length,
    `drew ${counts.drawnEdges} of ${data.edges.length} edges`);
  check("kgPage_is_read_only", await page.evaluate(() => {
    try { window.kgPage = null; } catch (_) { /* strict code would throw */ }
    return window.kgPage !== null && Object.isFrozen(window.kgPage);
  }), "window.kgPage could be replaced or changed");

  // a real mouse click on the most mentioned node, where sigma draws it
  const big = data.nodes.filter((n) => hasEdge.has(n.key))
    .sort((a, b) => b.attributes.mentions - a.attributes.mentions)[0];
  const at = await page.evaluate((id) => window.kgPage.screenPosition(id), big.key);
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y);
  const sel = await page.evaluate(() => window.kgPage.selection());
  check("mouse_click_selects_node", sel && sel.kind === "node" && sel.id === big.key,
    () => `clicked ${big.key} at ${JSON.stringify(at)}, selection ${JSON.stringify(sel)}`);
  let text = await details(page);
  check("node_panel_shows_type_and_mentions",
    text.includes(big.attributes.label) && text.includes(big.attributes.entity_type) &&
      text.includes(String(big.attributes.mentions)) &&
      (big.attributes.aliases || []).every((a) => text.includes(a)) &&
      (big.attributes.roles || []).every((r) => text.includes(r)) &&
      big.attributes.documents.every((d) => text.includes(d.id)),
    () => `panel: ${text.slice(0, 300)}`);

  // an edge with evidence: its sentence, document and date in the panel
  const edge = data.edges.find((e) => e.attributes.evidence.length > 0);
  await page.evaluate((id) => window.kgPage.select("edge", id), edge.key);
  text = await details(page);
  const ev = edge.attributes.evidence[0];
  check("edge_panel_shows_evidence",
    text.includes(ev.text) && text.includes(ev.doc) && text.includes(ev.date) && text.includes(edge.attributes.relation),
    () => `panel: ${text.slice(0, 300)}`);
  check("edge_panel_shows_flags", /Negated\s*(yes|no)/.test(text) && /Modal\s*(yes|no)/.test(text) &&
    /Reported\s*(yes|no)/.test(text) && /Count\s*\d/.test(text), () => `panel: ${text.slice(0, 300)}`);
  await page.evaluate(() => window.kgPage.select(null, null));

  // the filters: isolated nodes on request, a type off
  await page.locator("#kg-isolated").check();
  let c = await page.evaluate(() => window.kgPage.counts());
  check("isolated_checkbox_shows_every_node", c.drawnNodes === data.nodes.length,
    `drew ${c.drawnNodes} of ${data.nodes.length}`);
  await page.locator("#kg-isolated").uncheck();
  const off = "country";
  await page.locator(`#kg-types input[data-type="${off}"]`).uncheck();
  const kept = new Set();
  for (const e of data.edges)
    if (nodeType[e.source] !== off && nodeType[e.target] !== off) kept.add(e.source).add(e.target);
  c = await page.evaluate(() => window.kgPage.counts());
  check("type_filter_hides_a_type", c.drawnNodes === kept.size, `drew ${c.drawnNodes}, expected ${kept.size}`);
  await page.locator(`#kg-types input[data-type="${off}"]`).check();
  const most = Math.max(...data.nodes.map((n) => n.attributes.mentions));
  await page.locator("#kg-min-mentions").fill(String(most));
  const strong = new Set();
  for (const e of data.edges) {
    const ms = (k) => data.nodes.find((n) => n.key === k).attributes.mentions;
    if (ms(e.source) >= most && ms(e.target) >= most) strong.add(e.source).add(e.target);
  }
  c = await page.evaluate(() => window.kgPage.counts());
  check("mentions_slider_filters", c.drawnNodes === strong.size, `drew ${c.drawnNodes}, expected ${strong.size}`);
  await page.locator("#kg-min-mentions").fill(await page.locator("#kg-min-mentions").getAttribute("min"));
  c = await page.evaluate(() => window.kgPage.counts());
  check("filters_restore", c.drawnNodes === expectedVisible, `drew ${c.drawnNodes}`);

  // the search box, typed into: a label, then an alias only one node has
  const names = (n) => [n.attributes.label, ...(n.attributes.aliases || [])].map((s) => s.toLowerCase());
  const owners = {};
  for (const n of data.nodes) for (const s of new Set(names(n))) (owners[s] = owners[s] || []).push(n.key);
  const target = data.nodes.find((n) => !hasEdge.has(n.key) && owners[n.attributes.label.toLowerCase()].length === 1) ||
    data.nodes.find((n) => owners[n.attributes.label.toLowerCase()].length === 1);
  await page.locator("#kg-search").fill("");
  await page.locator("#kg-search").pressSequentially(target.attributes.label);
  await page.locator("#kg-search").press("Enter");
  const found = await page.evaluate(() => window.kgPage.selection());
  check("search_finds_node_by_name", found && found.id === target.key,
    () => `searched "${target.attributes.label}", selection ${JSON.stringify(found)}`);
  check("search_result_listed", (await page.locator("#kg-results").innerText()).includes(target.attributes.label),
    "the result list does not name it");
  const d = await page.evaluate((id) => window.kgPage.screenPosition(id), target.key);
  await cameraStill(page);
  const centred = await page.evaluate((id) => window.kgPage.screenPosition(id), target.key);
  const box = await page.locator("#kg-stage").boundingBox();
  check("search_centres_node",
    Math.abs(centred.x - (box.x + box.width / 2)) < 2 && Math.abs(centred.y - (box.y + box.height / 2)) < 2,
    () => `${target.key} at ${JSON.stringify(centred)} (was ${JSON.stringify(d)}), stage ${JSON.stringify(box)}`);
  c = await page.evaluate(() => window.kgPage.counts());
  check("searched_hidden_node_is_drawn",
    hasEdge.has(target.key) || c.drawnNodes === expectedVisible + 1, `drew ${c.drawnNodes}`);
  const aliasOwner = data.nodes.find((n) => (n.attributes.aliases || []).some(
    (a) => owners[a.toLowerCase()].length === 1 && a.toLowerCase() !== n.attributes.label.toLowerCase()));
  if (check("sample_has_unique_alias", aliasOwner, "no alias that one node alone has")) {
    const alias = aliasOwner.attributes.aliases.find(
      (a) => owners[a.toLowerCase()].length === 1 && a.toLowerCase() !== aliasOwner.attributes.label.toLowerCase());
    await page.locator("#kg-search").fill("");
    await page.locator("#kg-search").pressSequentially(alias.toLowerCase());
    await page.locator("#kg-search").press("Enter");
    const byAlias = await page.evaluate(() => window.kgPage.selection());
    check("search_finds_node_by_alias", byAlias && byAlias.id === aliasOwner.key,
      () => `searched "${alias}", selection ${JSON.stringify(byAlias)}`);
  }

  // the same layout on a second load
  const again = await open();
  const same = await page.evaluate((ids) => ids.map((id) => window.kgPage.position(id)), data.nodes.map((n) => n.key));
  const same2 = await again.evaluate((ids) => ids.map((id) => window.kgPage.position(id)), data.nodes.map((n) => n.key));
  check("layout_is_deterministic", JSON.stringify(same) === JSON.stringify(same2), "positions differ between loads");
  await again.close();

  // the whole graph as it first opens, the most mentioned node clicked
  if (screenshot) {
    const fresh = await open();
    const p = await fresh.evaluate((id) => window.kgPage.screenPosition(id), big.key);
    await fresh.mouse.click(p.x, p.y);
    await cameraStill(fresh);
    await fresh.screenshot({ path: screenshot });
    check("screenshot_written", (await fresh.evaluate(() => window.kgPage.selection())).id === big.key,
      "the click did not select the node");
    await fresh.close();
  }
  check("no_console_error_or_failed_request", problems.length === 0, () => problems.join("; "));
  const foreign = fetched.filter((u) => u !== url);
  check("nothing_fetched_but_the_page", foreign.length === 0, () => foreign.slice(0, 3).join(", "));
} catch (e) {
  check("browser_run", false, e && e.message ? e.message.split("\n")[0] : String(e));
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
