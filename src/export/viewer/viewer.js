// talkgraph's viewer: the graph embedded in this page (the "data" script, see
// src/export/html.rs), drawn by sigma.js on a graphology graph. No network: everything
// is in this file.
(function () {
  "use strict";
  const timings = { start: performance.now() };
  const D = JSON.parse(document.getElementById("data").textContent);
  timings.parsed = performance.now();
  // The colours of kinds and the grey of topics outside a community come with the
  // data, from the one palette of every format (src/export/palette.rs).
  const KIND_COLORS = Object.fromEntries(D.kinds.map((k, i) => [k, D.kind_colors[i]]));
  const NO_COMMUNITY = D.grey;
  const FADED = "#e6e8eb";
  const TOPIC_KINDS = new Set(["Technology", "Topic", "Organization", "PEP"]);
  const SPOKEN_KINDS = new Set(["Technology", "Topic", "Organization", "PEP", "Version"]);

  // Nodes and edges of the full data, by index.
  const nodes = D.nodes.map((n, i) => ({
    i, id: n[0], label: n[1], kind: D.kinds[n[2]], x: n[3], y: n[4],
    degree: n[5], weighted_degree: n[6], pagerank: n[7], betweenness: n[8],
    community: n[9], attrs: n[10],
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = D.edges.map((e) => ({
    s: e[0], t: e[1], rel: D.relations[e[2]], weight: e[3], places: e[4], lines: e[5],
  }));
  const incident = nodes.map(() => []);
  edges.forEach((e, k) => { incident[e.s].push(k); if (e.t !== e.s) incident[e.t].push(k); });

  // The three views, derived as src/graph/view.rs derives them.
  function viewOf(name) {
    if (name === "topics") {
      const keep = new Set();
      for (const e of edges) if (e.rel === "mentions" && TOPIC_KINDS.has(nodes[e.t].kind)) keep.add(e.t);
      return { keep, edges: edges.filter((e) => e.rel === "co_mentioned" && keep.has(e.s) && keep.has(e.t)) };
    }
    if (name === "speakers") {
      const keep = new Set();
      const derived = new Map();
      for (const talk of nodes) {
        if (talk.kind !== "Talk") continue;
        const out = incident[talk.i].map((k) => edges[k]).filter((e) => e.s === talk.i);
        const people = out.filter((e) => e.rel === "presented_by").map((e) => e.t);
        const topics = out.filter((e) => e.rel === "mentions" && SPOKEN_KINDS.has(nodes[e.t].kind));
        for (const p of people) {
          keep.add(p);
          for (const m of topics) {
            keep.add(m.t);
            const key = p + " " + m.t;
            let d = derived.get(key);
            if (!d) { d = { s: p, t: m.t, rel: "spoke_about", weight: 0, places: 0, lines: [] }; derived.set(key, d); }
            d.weight += 1;
            d.places += m.places;
            for (const l of m.lines) if (!d.lines.includes(l)) d.lines.push(l);
          }
        }
      }
      return { keep, edges: [...derived.values()] };
    }
    return { keep: null, edges };
  }

  const Graph = graphology.MultiGraph || graphology.Graph;
  const graph = new Graph({ type: "mixed", multi: true, allowSelfLoops: true });
  const state = {
    view: "full", hovered: null, hoodOfHovered: null, selected: null, ego: 0, egoSet: null,
    kinds: new Set(D.kinds), community: "all", minWeight: 1, sizeBy: "weighted_degree", colorBy: "community",
  };

  function colorOf(n) {
    if (state.colorBy === "kind") return KIND_COLORS[n.kind] || NO_COMMUNITY;
    if (n.community >= 0) return D.communities[n.community][1];
    return TOPIC_KINDS.has(n.kind) ? NO_COMMUNITY : KIND_COLORS[n.kind] || NO_COMMUNITY;
  }

  // Which nodes get a label however crowded the picture: the most central ones.
  function loadView(name) {
    state.view = name;
    const v = viewOf(name);
    graph.clear();
    const kept = v.keep ? nodes.filter((n) => v.keep.has(n.i)) : nodes;
    // Sizes and the forced labels (the dozen most central nodes) set as nodes are added.
    let max = 0;
    for (const n of kept) max = Math.max(max, n[state.sizeBy] || 0);
    const forced = new Set(kept.slice().sort((a, b) => b.pagerank - a.pagerank).slice(0, 12).map((n) => n.i));
    for (const n of kept) {
      graph.addNode(n.id, {
        x: n.x, y: n.y, label: n.label, size: sizeOf(n, max), color: colorOf(n), forceLabel: forced.has(n.i),
      });
    }
    let k = 0;
    for (const e of v.edges) {
      const s = nodes[e.s].id, t = nodes[e.t].id;
      if (v.keep && (!v.keep.has(e.s) || !v.keep.has(e.t))) continue;
      const attrs = { weight: e.weight, size: Math.min(0.5 + Math.sqrt(e.weight) * 0.5, 6), color: "#c9ced6" };
      if (e.rel === "co_mentioned") graph.addUndirectedEdgeWithKey("e" + k++, s, t, attrs);
      else graph.addDirectedEdgeWithKey("e" + k++, s, t, attrs);
    }
    document.getElementById("counts").textContent =
      graph.order.toLocaleString("en") + " nodes, " + graph.size.toLocaleString("en") + " edges" +
      (D.communities.length ? ", " + D.communities.length + " communities (modularity " + D.modularity + ")" : "");
  }

  function sizeOf(n, max) {
    const v = n[state.sizeBy] || 0;
    return 2.5 + 15 * Math.sqrt(max > 0 ? v / max : 0);
  }
  function resize() {
    let max = 0;
    graph.forEachNode((id) => { max = Math.max(max, byId.get(id)[state.sizeBy] || 0); });
    graph.updateEachNodeAttributes((id, a) => { a.size = sizeOf(byId.get(id), max); return a; });
  }

  function recolor() {
    graph.forEachNode((id) => graph.setNodeAttribute(id, "color", colorOf(byId.get(id))));
    legend();
  }

  // Filters: kinds, community, minimum weight, the neighbourhood of the selection.
  function visible(id) {
    const n = byId.get(id);
    if (!state.kinds.has(n.kind)) return false;
    if (state.community !== "all" && String(n.community) !== state.community) return false;
    if (state.egoSet && !state.egoSet.has(id)) return false;
    if (state.minWeight > 1 && id !== state.selected && !heavy.has(id)) return false;
    return true;
  }
  let heavy = new Set();
  function recomputeHeavy() {
    heavy = new Set();
    graph.forEachEdge((e, a, s, t) => { if (a.weight >= state.minWeight) { heavy.add(s); heavy.add(t); } });
  }
  function recomputeEgo() {
    state.egoSet = null;
    if (!state.selected || state.ego === 0 || !graph.hasNode(state.selected)) return;
    const seen = new Set([state.selected]);
    let frontier = [state.selected];
    for (let d = 0; d < state.ego; d++) {
      const next = [];
      for (const id of frontier) graph.forEachNeighbor(id, (m) => { if (!seen.has(m)) { seen.add(m); next.push(m); } });
      frontier = next;
    }
    state.egoSet = seen;
  }

  const container = document.getElementById("graph");
  loadView("full");
  timings.loaded = performance.now();
  // Whether any filter or highlight applies: when none does, the reducers hand sigma
  // the data as it is (no copy of 100,000 edges' attributes for the first frame).
  const plain = () => !state.hoodOfHovered && !state.egoSet && !state.selected && state.minWeight <= 1 &&
    state.community === "all" && state.kinds.size === D.kinds.length;
  const renderer = new Sigma(graph, container, {
    labelRenderedSizeThreshold: 9,
    labelDensity: 0.6,
    labelGridCellSize: 120,
    labelFont: "system-ui, Helvetica, Arial, sans-serif",
    labelSize: 13,
    labelWeight: "600",
    zIndex: true,
    hideEdgesOnMove: graph.size > 20000,
    nodeReducer(id, data) {
      if (plain()) return data;
      const res = { ...data };
      if (!visible(id)) { res.hidden = true; return res; }
      if (state.hoodOfHovered && !state.hoodOfHovered.has(id)) {
        res.color = FADED; res.label = ""; res.zIndex = 0; res.forceLabel = false;
      } else if (state.hoodOfHovered) {
        res.zIndex = 2; res.forceLabel = true;
      }
      if (id === state.selected) { res.highlighted = true; res.forceLabel = true; res.zIndex = 3; }
      return res;
    },
    edgeReducer(id, data) {
      if (plain()) return data;
      const res = { ...data };
      const [s, t] = graph.extremities(id);
      if (data.weight < state.minWeight || !visible(s) || !visible(t)) { res.hidden = true; return res; }
      if (state.hoodOfHovered) {
        if (s === state.hovered || t === state.hovered) { res.color = "#57606a"; res.zIndex = 1; } else res.hidden = true;
      }
      return res;
    },
  });

  timings.sigma = performance.now();
  renderer.on("enterNode", ({ node }) => {
    state.hovered = node;
    state.hoodOfHovered = new Set(graph.neighbors(node));
    state.hoodOfHovered.add(node);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("leaveNode", () => {
    state.hovered = null; state.hoodOfHovered = null;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickStage", () => select(null));

  // Details of the selected node.
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function link(n) {
    const a = el("a", n.label);
    a.title = n.id;
    a.addEventListener("click", () => select(n.id));
    return a;
  }
  function fmt(x, digits) { return typeof x === "number" ? (Number.isInteger(x) ? x.toLocaleString("en") : x.toFixed(digits)) : x; }

  function details(id) {
    const box = document.getElementById("details");
    const body = document.getElementById("details-body");
    body.replaceChildren();
    if (!id) { box.hidden = true; document.body.classList.remove("with-details"); return; }
    const n = byId.get(id);
    box.hidden = false;
    document.body.classList.add("with-details");
    body.append(el("h2", n.label), el("p", n.kind + " · " + n.id, "sub"));
    const table = el("table");
    const row = (k, v) => { if (v === undefined || v === null || v === "") return; const tr = el("tr"); tr.append(el("td", k), el("td", v)); table.append(tr); };
    row("degree", fmt(n.degree));
    row("weighted degree", fmt(n.weighted_degree));
    row("PageRank", fmt(n.pagerank, 6));
    row("betweenness", fmt(n.betweenness, 6));
    if (n.community >= 0) row("community", n.community + ": " + D.communities[n.community][0]);
    for (const [k, v] of Object.entries(n.attrs)) row(k, v);
    body.append(el("h3", "Attributes"), table);

    const inc = incident[n.i].map((k) => edges[k]);
    const talks = [];
    for (const e of inc) {
      const other = nodes[e.s === n.i ? e.t : e.s];
      if (other.kind === "Talk" && !talks.includes(other)) talks.push(other);
    }
    if (talks.length) {
      body.append(el("h3", (n.kind === "Talk" ? "Related talks" : "Talks") + " (" + talks.length + ")"));
      const ul = el("ul");
      for (const t of talks.slice(0, 100)) { const li = el("li"); li.append(link(t)); ul.append(li); }
      body.append(ul);
      if (talks.length > 100) body.append(el("p", "and " + (talks.length - 100) + " more", "more"));
    }

    const withLines = inc.filter((e) => e.lines.length);
    if (withLines.length) {
      body.append(el("h3", "Evidence"));
      const list = el("div", null, "evidence");
      for (const e of withLines.slice(0, 60)) {
        const other = nodes[e.s === n.i ? e.t : e.s];
        const item = el("div", null, "ev");
        const rel = el("div", null, "rel");
        rel.append(el("span", (e.s === n.i ? e.rel + " → " : "← " + e.rel + " · ")), link(other), el("span", " ×" + e.weight));
        item.append(rel);
        for (const l of e.lines) {
          const [f, line, text] = D.lines[l];
          item.append(el("div", D.files[f] + ":" + line, "place"));
          if (text) item.append(el("blockquote", text));
        }
        if (e.places > e.lines.length) item.append(el("div", (e.places - e.lines.length) + " more places", "more"));
        list.append(item);
      }
      body.append(list);
      if (withLines.length > 60) body.append(el("p", "and " + (withLines.length - 60) + " more relations", "more"));
    }
  }

  function select(id) {
    if (id && !graph.hasNode(id)) {
      // Selected from another view: show the full graph.
      document.querySelector('input[name=view][value=full]').checked = true;
      loadView("full"); recomputeHeavy();
    }
    state.selected = id;
    recomputeEgo();
    const wasOpen = document.body.classList.contains("with-details");
    details(id);
    // The panel takes its width from the picture, not a part of it.
    if (wasOpen !== document.body.classList.contains("with-details")) renderer.resize();
    if (id) {
      const d = renderer.getNodeDisplayData(id);
      if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.6) }, { duration: 300 });
    }
    renderer.refresh({ skipIndexation: true });
  }

  // Search with suggestions.
  const search = document.getElementById("search");
  const sugg = document.getElementById("suggestions");
  const lower = nodes.map((n) => [n.label.toLowerCase(), n.id.toLowerCase()]);
  let shown = [], active = 0;
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    const scored = [];
    for (let i = 0; i < nodes.length; i++) {
      const [l, id] = lower[i];
      let s = -1;
      if (l === q || id === q || id.endsWith(":" + q)) s = 3;
      else if (l.startsWith(q)) s = 2;
      else if (l.includes(q) || id.includes(q)) s = 1;
      if (s >= 0) scored.push([s, nodes[i]]);
    }
    scored.sort((a, b) => b[0] - a[0] || b[1].pagerank - a[1].pagerank || (a[1].id < b[1].id ? -1 : 1));
    return scored.slice(0, 12).map((x) => x[1]);
  }
  function showSuggestions() {
    shown = matches(search.value); active = 0;
    sugg.replaceChildren();
    shown.forEach((n, k) => {
      const li = el("li"); li.setAttribute("role", "option"); li.setAttribute("aria-selected", String(k === active));
      li.append(el("span", n.label), el("span", n.kind, "kind"));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(n); });
      sugg.append(li);
    });
    sugg.hidden = shown.length === 0;
  }
  function pick(n) { search.value = n.label; sugg.hidden = true; select(n.id); }
  search.addEventListener("input", showSuggestions);
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!shown.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      [...sugg.children].forEach((li, k) => li.setAttribute("aria-selected", String(k === active)));
    } else if (ev.key === "Enter") {
      const list = shown.length ? shown : matches(search.value);
      if (list.length) pick(list[active] || list[0]);
    } else if (ev.key === "Escape") sugg.hidden = true;
  });
  search.addEventListener("blur", () => { sugg.hidden = true; });

  // Controls.
  const kindsBox = document.getElementById("kinds");
  const present = new Set(nodes.map((n) => n.kind));
  for (const k of D.kinds.filter((k) => present.has(k))) {
    const label = el("label"); const box = el("input"); box.type = "checkbox"; box.checked = true; box.value = k;
    box.addEventListener("change", () => { box.checked ? state.kinds.add(k) : state.kinds.delete(k); renderer.refresh({ skipIndexation: true }); });
    label.append(box, document.createTextNode(" " + k)); kindsBox.append(label);
  }
  const community = document.getElementById("community");
  D.communities.forEach((c, k) => { const o = el("option", k + ": " + c[0] + " (" + c[2] + ")"); o.value = String(k); community.append(o); });
  community.addEventListener("change", () => { state.community = community.value; renderer.refresh({ skipIndexation: true }); });
  const minweight = document.getElementById("minweight");
  minweight.addEventListener("input", () => { state.minWeight = Math.max(1, Number(minweight.value) || 1); recomputeHeavy(); renderer.refresh({ skipIndexation: true }); });
  document.getElementById("sizeby").addEventListener("change", (ev) => { state.sizeBy = ev.target.value; resize(); renderer.refresh(); });
  document.getElementById("colorby").addEventListener("change", (ev) => { state.colorBy = ev.target.value; recolor(); renderer.refresh(); });
  document.getElementById("ego").addEventListener("change", (ev) => { state.ego = Number(ev.target.value); recomputeEgo(); renderer.refresh({ skipIndexation: true }); });
  for (const r of document.querySelectorAll("input[name=view]")) {
    r.addEventListener("change", () => {
      loadView(r.value); recomputeHeavy();
      if (state.selected && !graph.hasNode(state.selected)) { state.selected = null; details(null); renderer.resize(); }
      recomputeEgo(); renderer.refresh();
    });
  }
  document.getElementById("close").addEventListener("click", () => select(null));

  function legend() {
    const box = document.getElementById("legend");
    box.replaceChildren();
    const entry = (color, text) => { const d = el("div"); const s = el("span", null, "swatch"); s.style.background = color; d.append(s, el("span", text)); box.append(d); };
    if (state.colorBy === "community" && D.communities.length) {
      box.append(el("h2", "Communities of the topic map"));
      D.communities.slice(0, 9).forEach((c, k) => entry(c[1], k + ": " + c[0]));
      if (D.communities.length > 9) entry(NO_COMMUNITY, (D.communities.length - 9) + " smaller communities");
      box.append(el("h2", "Other nodes"));
      for (const k of D.kinds.filter((k) => present.has(k) && !TOPIC_KINDS.has(k))) entry(KIND_COLORS[k], k);
    } else {
      box.append(el("h2", "Kinds"));
      for (const k of D.kinds.filter((k) => present.has(k))) entry(KIND_COLORS[k], k);
    }
  }
  legend();
  recomputeHeavy();

  window.talkgraph = { graph, renderer, data: D, select, timings, search: (q) => { const m = matches(q); if (m.length) pick(m[0]); return m.length ? m[0].id : null; }, state };
  requestAnimationFrame(() => {
    window.talkgraph.firstFrameMs = performance.now();
    document.body.dataset.ready = "true";
  });
})();
