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
    const selected = await page.evaluate(() => window.talkgraph.state.selected);
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
  }
  const shot = opt("--screenshot");
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
