// Consumer check: Mermaid's own parser reads talkgraph's flowchart as we meant it.
//
// Usage: node tests/consumers/mermaid_check.mjs DIR   (after `npm install` in tests/consumers)
//
// Parses DIR/graph.mmd with mermaid (headless, on a jsdom window: parsing needs no
// layout) and compares it with DIR/nodes.csv and DIR/edges.csv (Gephi CSV, written
// without --csv-safe): vertex nN is row N of nodes.csv, with its label (Mermaid entity
// codes decoded; newlines and tabs are written as spaces), shape and class per kind;
// every edge with its ends, relation and arrow (open for co_mentioned). Prints what
// differs and exits 1 on any mismatch.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

// RFC 4180, as the csv crate writes it.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// What Mermaid shows for an entity code: it swaps `#name;`/`#123;` for placeholders
// before parsing and turns them into HTML entities in the SVG.
const NAMED = { quot: '"', lt: '<', gt: '>', amp: '&' };
function decode(s) {
  return s
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (m, name) => NAMED[name] ?? m);
}

const SHAPES = {
  Event: 'hexagon', Talk: 'square', Person: 'stadium', Technology: 'round',
  Topic: 'lean_left', Organization: 'subroutine', PEP: 'lean_right', Version: 'circle',
};

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node mermaid_check.mjs DIR');
  process.exit(2);
}
const text = readFileSync(join(dir, 'graph.mmd'), 'utf8');
const nodes = parseCsv(readFileSync(join(dir, 'nodes.csv'), 'utf8'));
const edges = parseCsv(readFileSync(join(dir, 'edges.csv'), 'utf8'));
const problems = [];

await mermaid.parse(text); // throws on a syntax error
const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
const vertices = [...diagram.db.getVertices().values()];
const index = new Map(nodes.map((n, i) => [n.Id, `n${i}`]));

if (vertices.length !== nodes.length) problems.push(`${vertices.length} vertices, nodes.csv has ${nodes.length}`);
vertices.forEach((v) => {
  const row = nodes[Number(v.id.slice(1))];
  if (!row) { problems.push(`vertex ${v.id} has no row in nodes.csv`); return; }
  const want = row.Label.replace(/[\r\n\t]/g, ' ');
  if (decode(v.text) !== want) problems.push(`${v.id}: label ${JSON.stringify(decode(v.text))}, want ${JSON.stringify(want)}`);
  if (v.type !== SHAPES[row.kind]) problems.push(`${v.id} (${row.kind}): shape ${v.type}, want ${SHAPES[row.kind]}`);
  const cls = row.kind === 'PEP' ? 'pep' : row.kind.toLowerCase();
  if (!(v.classes ?? []).includes(cls)) problems.push(`${v.id}: classes ${v.classes}, want ${cls}`);
});

const got = diagram.db.getEdges();
if (got.length !== edges.length) problems.push(`${got.length} edges, edges.csv has ${edges.length}`);
const key = (s, t, label, arrow) => `${s} ${t} ${label} ${arrow}`;
const want = new Map();
for (const e of edges) {
  const label = Number(e.Weight) > 1 ? `${e.Label} ${e.Weight}` : e.Label;
  const k = key(index.get(e.Source), index.get(e.Target), label, e.Type === 'Undirected' ? 'arrow_open' : 'arrow_point');
  want.set(k, (want.get(k) ?? 0) + 1);
}
for (const e of got) {
  const k = key(e.start, e.end, e.text, e.type);
  const n = want.get(k) ?? 0;
  if (n === 0) problems.push(`edge not in edges.csv: ${k}`);
  else want.set(k, n - 1);
}
for (const [k, n] of want) if (n > 0) problems.push(`edge of edges.csv not parsed: ${k}`);

for (const p of problems.slice(0, 30)) console.error(p);
if (problems.length) {
  console.error(`${problems.length} mismatch(es) in ${dir}`);
  process.exit(1);
}
console.log(`ok ${dir}: mermaid parsed ${vertices.length} vertices and ${got.length} edges, as in the CSVs`);
