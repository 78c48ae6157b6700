// Neo4j's own Cypher front end (the parser and semantic analysis behind Neo4j's editor
// support, @neo4j-cypher/language-support) reads our graph.cypher:
// - lintCypherQuery reports nothing at all: no syntax error, no semantic error, no
//   warning (such as a cartesian product);
// - Neo4j's lexer splits it into the string literals we meant: decoding them with the
//   escapes of the Cypher manual (\t \b \n \r \f \' \" \\ \uXXXX \UXXXXXXXX) gives one
//   `id` per node, unique, each `from`/`to` one of them, and (with --expected) every
//   name exactly as the graph's label, and as many nodes and relationships.
//
// Neo4j itself cannot be installed here; check_cypher_run.py runs the script in FalkorDB.
//
// usage: node check_cypher.mjs graph.cypher [--expected expected.json]
// needs: npm ci --prefix tests/consumers

import { readFileSync } from 'node:fs';
import { highlightSyntax, lintCypherQuery } from '@neo4j-cypher/language-support';

function fail(msg) {
  console.error(`check_cypher.mjs: FAILED: ${msg}`);
  process.exit(1);
}

function decode(literal) {
  const quote = literal[0];
  if ((quote !== "'" && quote !== '"') || literal[literal.length - 1] !== quote) fail(`not a string literal: ${literal}`);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', "'": "'", '"': '"', '\\': '\\' };
    if (e in simple) out += simple[e];
    else if (e === 'u') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (e === 'U') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
      i += 8;
    } else fail(`unknown escape \\${e} in ${literal}`);
  }
  return out;
}

const args = process.argv.slice(2);
const file = args[0];
const expIdx = args.indexOf('--expected');
const expected = expIdx >= 0 ? JSON.parse(readFileSync(args[expIdx + 1], 'utf8')) : null;
const text = readFileSync(file, 'utf8');

const { diagnostics } = lintCypherQuery(text, {});
if (diagnostics.length > 0) {
  fail(diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('\n'));
}

const tokens = highlightSyntax(text).filter((t) => !['none', 'comment'].includes(t.tokenType));
const names = new Map();
const ends = [];
let current = null;
let rels = 0;
for (let i = 0; i + 2 < tokens.length; i++) {
  const [k, colon, v] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (k.tokenType !== 'property' || colon.token !== ':' || v.tokenType !== 'stringLiteral') continue;
  const value = decode(v.token);
  if (k.token === 'id') {
    if (names.has(value)) fail(`node id ${value} written twice`);
    current = value;
    names.set(value, null);
  } else if (k.token === 'name' && current !== null) {
    names.set(current, value);
  } else if (k.token === 'from') {
    rels++;
    ends.push(value);
  } else if (k.token === 'to') {
    ends.push(value);
  }
}
for (const e of ends) if (!names.has(e)) fail(`relationship end ${e} is no node of the script`);
if (expected) {
  if (names.size !== expected.nodes.length) fail(`${names.size} nodes, graph has ${expected.nodes.length}`);
  if (rels !== expected.edges) fail(`${rels} relationships, graph has ${expected.edges}`);
  for (const n of expected.nodes) {
    if (names.get(n.id) !== n.label) fail(`${n.id}: name ${JSON.stringify(names.get(n.id))}, label ${JSON.stringify(n.label)}`);
  }
}
console.log(`check_cypher.mjs: ok: Neo4j's parser accepts ${file} with no diagnostic; ${names.size} nodes, ${rels} relationships`);
