// Opens talkgraph's graph.html in Debian's Chromium (headless, through puppeteer-core:
// no browser is downloaded) from disk, with every request other than the file itself
// blocked and counted, and checks what a user would:
//
//   node viewer_check.mjs GRAPH_HTML [--nodes N] [--search Q --expect-id ID]
//        [--evidence-from NOTES_ROOT] [--screenshot PNG] [--max-first-frame-ms MS]
//
// - no console error, no page error, no request;
// - the graphology instance holds N nodes (the graph's count, given by the caller);
// - searching Q (typed in the search box, Enter) selects ID, and the details panel
//   shows the evidence of that node: a `file:line` and, below it, the text of that
//   very line, read here from the note file (paths are resolved from NOTES_ROOT);
// - then (with --search) every control: hovering highlights neighbours; the details
//   show attributes, talks and evidence; the camera keeps the selection in the
//   picture beside the panel (the rightmost node too); the neighbourhood 1, 2 and 3
//   deep; the filters by kind, community and minimum weight; size by PageRank; the
//   topics, speakers and full views; labels on the most important nodes only;
// - the first frame (performance.now() at the first animation frame after sigma is
//   built, from navigation start) is under MS when given;
// - a screenshot at 1600x1000 when asked.
//
// Prints one JSON line of figures; exits 1 with the reasons on failure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const args = process.argv.slice(2);
const file = path.resolve(args[0]);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const failures = [];
const fail = (why) => failures.push(why);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Where the selected node is drawn, and whether it is inside the picture (sigma's
// container), which the details panel must not cover.
async function selectedInView(page) {
  return page.evaluate(() => {
    const t = window.talkgraph;
    const p = t.renderer.graphToViewport(t.graph.getNodeAttributes(t.state.selected));
    const { width, height } = t.renderer.getDimensions();
    const graph = document.getElementById("graph").getBoundingClientRect();
    const details = document.getElementById("details").getBoundingClientRect();
    return p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height && graph.right <= details.left + 1;
  });
}

// The nodes and edges sigma draws now (not hidden by a filter), with what the checks
// need. The graph's keys are node numbers: places in the data's columns.
async function drawn(page) {
  return page.evaluate(() => {
    const t = window.talkgraph;
    const D = t.data;
    const nodes = t.graph
      .nodes()
      .filter((k) => !t.renderer.getNodeDisplayData(k).hidden)
      .map((k) => ({ k, kind: D.kinds[D.nodes.kind[+k]], community: D.nodes.community[+k], size: t.renderer.getNodeDisplayData(k).size }));
    const edges = t.graph
      .edges()
      .filter((e) => !t.renderer.getEdgeDisplayData(e).hidden)
      .map((e) => t.graph.getEdgeAttribute(e, "weight") || 1);
    return { order: t.graph.order, size: t.graph.size, nodes, edges, labels: t.renderer.getNodeDisplayedLabels().size };
  });
}

// Each control of the side panel, on the node selected by the search: the details,
// the camera, the neighbourhood 1 to 3 deep, the filters by kind, community and
// minimum weight, the size by a measure, the three views and the labels.
async function checkControls(page) {
  const all = await drawn(page);
  const info = { order: all.order };
  // Details: attributes, the talks that mention the node, its evidence.
  const heads = await page.$$eval("#details h3", (h) => h.map((x) => x.textContent));
  info.details = heads;
  if (!heads.includes("Attributes") || !heads.some((h) => /^(Related t|T)alks \(\d+\)$/.test(h)) || !heads.includes("Evidence")) {
    fail(`the details show ${JSON.stringify(heads)}, not attributes, talks and evidence`);
  }
  const rows = await page.$$eval("#details table td:first-child", (l) => l.map((x) => x.textContent));
  if (!rows.includes("PageRank") || !rows.includes("degree")) fail(`the attributes show ${rows.join(", ")}`);
  // The camera keeps the selection in the picture, beside the panel; also for the
  // node drawn farthest right, which the panel would cover.
  if (!(await selectedInView(page))) fail("the selected node is outside the picture once the details open");
  const selectedId = await page.evaluate(() => window.talkgraph.selected());
  const far = await page.evaluate(() => {
    const D = window.talkgraph.data;
    let best = 0;
    D.nodes.x.forEach((x, i) => { if (x > D.nodes.x[best]) best = i; });
    return D.nodes.id[best];
  });
  await page.evaluate((id) => window.talkgraph.select(id), far);
  await sleep(600);
  if (!(await selectedInView(page))) fail(`selecting ${far}, the rightmost node, leaves it outside the picture`);
  await page.evaluate((id) => window.talkgraph.select(id), selectedId);
  await sleep(600);

  // Neighbourhood of the selection, depth 1 to 3.
  const neighbours = await page.evaluate(() => window.talkgraph.graph.neighbors(window.talkgraph.state.selected).length);
  const ego = [];
  for (const depth of ["1", "2", "3"]) {
    await page.select("#ego", depth);
    ego.push((await drawn(page)).nodes.length);
  }
  info.ego = ego;
  if (ego[0] !== neighbours + 1) fail(`depth 1 shows ${ego[0]} nodes, the selection has ${neighbours} neighbours`);
  if (!(ego[0] <= ego[1] && ego[1] <= ego[2] && ego[1] > ego[0])) fail(`depths 1, 2, 3 show ${ego.join(", ")} nodes`);
  await page.select("#ego", "0");
  if ((await drawn(page)).nodes.length !== all.order) fail("the neighbourhood switched off hides nodes");

  // Filter by kind: no talk drawn with talks unticked.
  await page.click('#kinds input[value="Talk"]');
  const noTalks = await drawn(page);
  if (noTalks.nodes.some((n) => n.kind === "Talk") || noTalks.nodes.length === 0) fail("unticking Talk leaves talks drawn, or nothing");
  await page.click('#kinds input[value="Talk"]');
  // Filter by community: its members only.
  await page.select("#community", "0");
  const one = await drawn(page);
  info.community0 = one.nodes.length;
  if (one.nodes.length === 0 || one.nodes.some((n) => n.community !== 0)) fail("community 0 shows other nodes, or none");
  await page.select("#community", "all");
  // Minimum weight: the heaviest edges only.
  const heaviest = Math.max(...all.edges);
  if (heaviest < 2) fail("no edge weighs 2 or more: the sample cannot test the minimum weight");
  const setWeight = (w) =>
    page.evaluate((w) => {
      const box = document.getElementById("minweight");
      box.value = String(w);
      box.dispatchEvent(new Event("input"));
    }, w);
  await setWeight(heaviest);
  const heavy = await drawn(page);
  info.heavyEdges = heavy.edges.length;
  if (heavy.edges.length === 0 || heavy.edges.some((w) => w < heaviest) || heavy.nodes.length >= all.order) {
    fail(`minimum weight ${heaviest} draws ${heavy.edges.length} edges and ${heavy.nodes.length} nodes`);
  }
  await setWeight(1);
  if ((await drawn(page)).edges.length !== all.size) fail("minimum weight 1 hides edges");
  // Size by PageRank: the largest node is the one of highest PageRank.
  await page.select("#sizeby", "pagerank");
  const top = await page.evaluate(() => {
    const D = window.talkgraph.data;
    let best = 0;
    D.nodes.pagerank.forEach((p, i) => { if (p > D.nodes.pagerank[best]) best = i; });
    return String(best);
  });
  const sized = await drawn(page);
  const largest = sized.nodes.reduce((a, b) => (b.size > a.size ? b : a));
  if (largest.k !== top) fail(`sized by PageRank, the largest node is ${largest.k}, not ${top}`);
  await page.select("#sizeby", "weighted_degree");
  // Views: topics (technologies, organisations, PEPs), speakers (with people), full.
  await page.click('input[name=view][value="topics"]');
  const topics = await drawn(page);
  if (topics.order === 0 || topics.order >= all.order || topics.nodes.some((n) => !["Technology", "Organization", "PEP"].includes(n.kind))) {
    fail(`the topics view has ${topics.order} nodes of kinds ${[...new Set(topics.nodes.map((n) => n.kind))]}`);
  }
  await page.click('input[name=view][value="speakers"]');
  const speakers = await drawn(page);
  if (!speakers.nodes.some((n) => n.kind === "Person") || speakers.size === 0 || speakers.nodes.some((n) => n.kind === "Talk")) {
    fail(`the speakers view has ${speakers.order} nodes and ${speakers.size} edges`);
  }
  await page.click('input[name=view][value="full"]');
  const back = await drawn(page);
  if (back.order !== all.order) fail(`back to the full view: ${back.order} nodes, not ${all.order}`);
  info.views = { full: back.order, topics: topics.order, speakers: speakers.order };
  // Labels: the most important nodes only, the selection (reselected) among them.
  await page.evaluate((id) => window.talkgraph.select(id), selectedId);
  await sleep(600);
  const labelled = (await drawn(page)).labels;
  info.labels = labelled;
  if (!(labelled > 0 && labelled < all.order / 2)) fail(`${labelled} of ${all.order} nodes are labelled`);
  figures.controls = info;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "talkgraph-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
  ],
});
const figures = { file: path.basename(file), bytes: fs.statSync(file).size };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  const consoleErrors = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  const url = pathToFileURL(file).href;
  const blocked = [];
  await page.setRequestInterception(true);
  page.on("request", (r) => {
    if (r.url() === url) r.continue();
    else {
      blocked.push(r.url());
      r.abort();
    }
  });
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForFunction(() => document.body.dataset.ready === "true", { timeout: 120000 });
  const info = await page.evaluate(() => ({
    order: window.talkgraph.graph.order,
    size: window.talkgraph.graph.size,
    firstFrameMs: window.talkgraph.firstFrameMs,
    timings: window.talkgraph.timings,
    canvases: document.querySelectorAll("#graph canvas").length,
  }));
  Object.assign(figures, info);
  const want = opt("--nodes");
  if (want !== undefined && info.order !== Number(want)) fail(`graphology holds ${info.order} nodes, the graph has ${want}`);
  if (info.canvases === 0) fail("sigma drew no canvas");
  const limit = opt("--max-first-frame-ms");
  if (limit !== undefined && !(info.firstFrameMs < Number(limit))) fail(`first frame at ${info.firstFrameMs} ms, over ${limit} ms`);

  const q = opt("--search");
  if (q !== undefined) {
    await page.click("#search");
    await page.type("#search", q);
    await page.waitForSelector("#suggestions li", { visible: true, timeout: 5000 });
    figures.suggestions = await page.$$eval("#suggestions li", (l) => l.length);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#details:not([hidden])", { timeout: 5000 });
    const selected = await page.evaluate(() => window.talkgraph.selected());
    if (selected !== opt("--expect-id")) fail(`searching "${q}" selected ${selected}, not ${opt("--expect-id")}`);
    const shown = await page.$$eval("#details .ev", (evs) =>
      evs.flatMap((ev) => {
        const out = [];
        const kids = [...ev.children];
        kids.forEach((k, i) => {
          if (k.className === "place" && kids[i + 1] && kids[i + 1].tagName === "BLOCKQUOTE") {
            out.push([k.textContent, kids[i + 1].textContent]);
          }
        });
        return out;
      }),
    );
    figures.evidenceShown = shown.length;
    const root = opt("--evidence-from");
    if (shown.length === 0) fail("the details show no evidence line with its text");
    else if (root !== undefined) {
      // Every line shown is the text of that line of that file.
      for (const [place, text] of shown) {
        const at = place.lastIndexOf(":");
        const [f, line] = [place.slice(0, at), Number(place.slice(at + 1))];
        const lines = fs.readFileSync(path.resolve(root, f), "utf8").split("\n");
        const real = (lines[line - 1] || "").replace(/\r$/, "").trim();
        if (!real.startsWith(text.slice(0, 200))) fail(`${place} shows "${text}", the file says "${real}"`);
      }
      figures.firstEvidence = shown[0];
    }
    // Hovering the selected node highlights its neighbours.
    await new Promise((r) => setTimeout(r, 500));
    const at = await page.evaluate(() => {
      const t = window.talkgraph;
      const a = t.graph.getNodeAttributes(t.state.selected);
      const p = t.renderer.graphToViewport({ x: a.x, y: a.y });
      const box = document.getElementById("graph").getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(at.x, at.y);
    await new Promise((r) => setTimeout(r, 300));
    figures.hoverNeighbours = await page.evaluate(() => {
      const s = window.talkgraph.state;
      return s.hoodOfHovered ? s.hoodOfHovered.size - 1 : 0;
    });
    if (figures.hoverNeighbours === 0) fail("hovering the selected node highlights no neighbour");
    await page.mouse.move(100, 980);
    await new Promise((r) => setTimeout(r, 300));
    await checkControls(page);
  }
  const shot = opt("--screenshot");
  if (shot !== undefined && q !== undefined) {
    // The picture of the README: the searched node selected again, its details open.
    await page.evaluate((id) => window.talkgraph.select(id), opt("--expect-id"));
    await new Promise((r) => setTimeout(r, 600));
    figures.selectedVisible = await selectedInView(page);
  }
  if (shot !== undefined) {
    await new Promise((r) => setTimeout(r, 500));
    await page.screenshot({ path: shot });
  }
  if (consoleErrors.length) fail(`console errors: ${consoleErrors.join(" | ")}`);
  if (blocked.length) fail(`${blocked.length} requests were made: ${blocked.slice(0, 5).join(", ")}`);
  figures.requests = blocked.length;
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(figures));
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
