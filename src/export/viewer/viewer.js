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
  // Coloured by community, the nodes outside the topic map are greys, one per kind in
  // the kinds' order: the palette gives kinds and communities the same nine colours,
  // so a talk in the palette's blue would read as a member of community 0.
  const OTHER_GREYS = ["#424a53", "#6e7781", "#8c959f", "#afb8c1"];
  let others = null;
  const otherGrey = (kind) => {
    if (!others) others = D.kinds.filter((k) => !TOPIC_KINDS.has(k));
    return OTHER_GREYS[Math.min(Math.max(others.indexOf(kind), 0), OTHER_GREYS.length - 1)];
  };
  const FADED = "#e6e8eb";
  const EDGE = "#c9ced6";
  const TOPIC_KINDS = new Set(["Technology", "Topic", "Organization", "PEP"]);
  const SPOKEN_KINDS = new Set(["Technology", "Topic", "Organization", "PEP", "Version"]);

  // Nodes by index, from the columns of the data. In the graphology graph a node's
  // key is its index (as sigma and graphology index by key, a short numeric key costs
  // less than the id); `keyOf` and `nodeOf` convert.
  const N = D.nodes;
  const nodes = N.id.map((id, i) => ({
    i, id, label: N.label[i], kind: D.kinds[N.kind[i]], x: N.x[i], y: N.y[i],
    degree: N.degree[i], weighted_degree: N.weighted_degree[i], pagerank: N.pagerank[i],
    betweenness: N.betweenness[i], community: N.community[i],
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // The keys, made once: graphology turns every key it is given into a string, and a
  // string made once keeps its hash for every lookup of the 100,000 edges.
  const keys = nodes.map((n) => String(n.i));
  const nodeOf = (key) => nodes[+key];
  const keyOf = (id) => { const n = byId.get(id); return n ? keys[n.i] : null; };
  // Edges: source, target, relation and weight, four numbers each in `E`; as objects
  // (`edges()`) and by node (`incident`) when first needed (another view, the
  // details), not for the first frame, which draws `E` as it is.
  const E = D.edges;
  let edgeList = null;
  function edges() {
    if (!edgeList) {
      edgeList = new Array(E.length / 4);
      for (let k = 0, o = 0; o < E.length; k++, o += 4) {
        edgeList[k] = { k, s: E[o], t: E[o + 1], rel: D.relations[E[o + 2]], weight: E[o + 3] };
      }
    }
    return edgeList;
  }
  let incidentList = null;
  function incident(i) {
    if (!incidentList) {
      incidentList = nodes.map(() => []);
      edges().forEach((e, k) => { incidentList[e.s].push(k); if (e.t !== e.s) incidentList[e.t].push(k); });
    }
    return incidentList[i];
  }
  // What only the details panel shows (nodes' other attributes, the places of each
  // edge and the text of their lines) is a second script, after this one, parsed the
  // first time it is needed: neither the parser nor JSON.parse spends time on it
  // before the first frame.
  let more = null;
  function detailsData() {
    if (more) return more;
    const script = document.getElementById("details-data");
    if (!script) return { attrs: new Map(), files: [], lines: [], places: [] }; // still loading
    more = JSON.parse(script.textContent);
    more.attrs = new Map(more.attrs);
    return more;
  }
  // The places of edge `e` as [how many places in all, [indices in `lines`]].
  function placesOf(e) {
    if (e.lines) return [e.places, e.lines];
    const p = detailsData().places[e.k];
    return p ? [p[0], p.slice(1)] : [0, []];
  }

  // The three views, derived as src/graph/view.rs derives them.
  function viewOf(name) {
    if (name === "topics") {
      const keep = new Set();
      for (const e of edges()) if (e.rel === "mentions" && TOPIC_KINDS.has(nodes[e.t].kind)) keep.add(e.t);
      return { keep, edges: edges().filter((e) => e.rel === "co_mentioned" && keep.has(e.s) && keep.has(e.t)) };
    }
    if (name === "speakers") {
      const keep = new Set();
      const derived = new Map();
      for (const talk of nodes) {
        if (talk.kind !== "Talk") continue;
        const out = incident(talk.i).map((k) => edges()[k]).filter((e) => e.s === talk.i);
        const people = out.filter((e) => e.rel === "presented_by").map((e) => e.t);
        const topics = out.filter((e) => e.rel === "mentions" && SPOKEN_KINDS.has(nodes[e.t].kind));
        for (const p of people) {
          keep.add(p);
          for (const m of topics) {
            keep.add(m.t);
            const key = p + " " + m.t;
            let d = derived.get(key);
            if (!d) { d = { k: -1, s: p, t: m.t, rel: "spoke_about", weight: 0, places: 0, lines: [] }; derived.set(key, d); }
            const [count, lines] = placesOf(m);
            d.weight += 1;
            d.places += count;
            for (const l of lines) if (!d.lines.includes(l)) d.lines.push(l);
          }
        }
      }
      return { keep, edges: [...derived.values()] };
    }
    return { keep: null, edges: null };
  }

  // One undirected simple graph: sigma draws no arrows here, neighbourhoods ignore
  // direction, and two relations between the same nodes make one line (the heavier).
  const graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: true });
  const state = {
    view: "full", hovered: null, hoodOfHovered: null, selected: null, ego: 0, egoSet: null,
    kinds: new Set(D.kinds), community: "all", minWeight: 1, sizeBy: "weighted_degree", colorBy: "community",
  };

  function colorOf(n) {
    if (state.colorBy === "kind") return KIND_COLORS[n.kind] || NO_COMMUNITY;
    if (n.community >= 0) return D.communities[n.community][1];
    return TOPIC_KINDS.has(n.kind) ? NO_COMMUNITY : otherGrey(n.kind);
  }
  // An edge's width: sigma's default (0.5) for weight 1, so most edges carry no
  // attribute at all.
  const widthOf = (w) => Math.min(0.5 * Math.sqrt(w), 6);

  function loadView(name) {
    state.view = name;
    const v = viewOf(name);
    graph.clear();
    const kept = v.keep ? nodes.filter((n) => v.keep.has(n.i)) : nodes;
    // Sizes, and labels forced on the dozen most central nodes, set as nodes are added.
    let max = 0;
    for (const n of kept) max = Math.max(max, n[state.sizeBy] || 0);
    const forced = new Set(kept.slice().sort((a, b) => b.pagerank - a.pagerank).slice(0, 12).map((n) => n.i));
    for (const n of kept) {
      const a = { x: n.x, y: n.y, label: n.label, size: sizeOf(n, max), color: colorOf(n) };
      if (forced.has(n.i)) a.forceLabel = true;
      graph.addNode(keys[n.i], a);
    }
    let count = 0;
    const line = (s, t, w) => {
      count++;
      try {
        if (w > 1) graph.addEdgeWithKey(count, s, t, { weight: w, size: widthOf(w) });
        else graph.addEdgeWithKey(count, s, t);
      } catch (err) {
        // A second relation between the same nodes (rare): one line, the heavier.
        if (!graph.hasEdge(s, t)) throw err;
        const there = graph.edge(s, t);
        if (w > (graph.getEdgeAttribute(there, "weight") || 1)) graph.replaceEdgeAttributes(there, { weight: w, size: widthOf(w) });
      }
    };
    if (v.edges) {
      for (const e of v.edges) if (v.keep.has(e.s) && v.keep.has(e.t)) line(keys[e.s], keys[e.t], e.weight);
    } else {
      for (let o = 0; o < E.length; o += 4) line(keys[E[o]], keys[E[o + 1]], E[o + 3]);
    }
    document.getElementById("counts").textContent =
      graph.order.toLocaleString("en") + " nodes, " + count.toLocaleString("en") + " edges" +
      (D.communities.length ? ", " + D.communities.length + " communities (modularity " + D.modularity + ")" : "");
  }

  function sizeOf(n, max) {
    const v = n[state.sizeBy] || 0;
    return 2.5 + 15 * Math.sqrt(max > 0 ? v / max : 0);
  }
  function resize() {
    let max = 0;
    graph.forEachNode((key) => { max = Math.max(max, nodeOf(key)[state.sizeBy] || 0); });
    graph.updateEachNodeAttributes((key, a) => { a.size = sizeOf(nodeOf(key), max); return a; });
  }

  function recolor() {
    graph.updateEachNodeAttributes((key, a) => { a.color = colorOf(nodeOf(key)); return a; });
    legend();
  }

  // Filters: kinds, community, minimum weight, the neighbourhood of the selection.
  function visible(key) {
    const n = nodeOf(key);
    if (!state.kinds.has(n.kind)) return false;
    if (state.community !== "all" && String(n.community) !== state.community) return false;
    if (state.egoSet && !state.egoSet.has(key)) return false;
    if (state.minWeight > 1 && key !== state.selected && !heavy.has(key)) return false;
    return true;
  }
  let heavy = new Set();
  function recomputeHeavy() {
    heavy = new Set();
    if (state.minWeight <= 1) return;
    graph.forEachEdge((e, a, s, t) => { if ((a.weight || 1) >= state.minWeight) { heavy.add(s); heavy.add(t); } });
  }
  function recomputeEgo() {
    state.egoSet = null;
    if (!state.selected || state.ego === 0 || !graph.hasNode(state.selected)) return;
    const seen = new Set([state.selected]);
    let frontier = [state.selected];
    for (let d = 0; d < state.ego; d++) {
      const next = [];
      for (const key of frontier) graph.forEachNeighbor(key, (m) => { if (!seen.has(m)) { seen.add(m); next.push(m); } });
      frontier = next;
    }
    state.egoSet = seen;
  }

  const container = document.getElementById("graph");
  loadView("full");
  timings.loaded = performance.now();
  // The reducers (filters and highlights) change nothing while none applies; sigma
  // hands them a copy of each node's and edge's attributes, which they may change.
  const plain = () => !state.hoodOfHovered && !state.egoSet && !state.selected && state.minWeight <= 1 &&
    state.community === "all" && state.kinds.size === D.kinds.length;
  function nodeReducer(key, data) {
    if (plain()) return data;
    if (!visible(key)) { data.hidden = true; return data; }
    if (state.hoodOfHovered && !state.hoodOfHovered.has(key)) {
      data.color = FADED; data.label = ""; data.zIndex = 0; data.forceLabel = false;
    } else if (state.hoodOfHovered) {
      data.zIndex = 2; data.forceLabel = true;
    }
    if (key === state.selected) { data.highlighted = true; data.forceLabel = true; data.zIndex = 3; }
    return data;
  }
  function edgeReducer(key, data) {
    if (plain()) return data;
    const [s, t] = graph.extremities(key);
    if ((data.weight || 1) < state.minWeight || !visible(s) || !visible(t)) { data.hidden = true; return data; }
    if (state.hoodOfHovered) {
      if (s === state.hovered || t === state.hovered) { data.color = "#57606a"; data.zIndex = 1; } else data.hidden = true;
    }
    return data;
  }
  const renderer = new Sigma(graph, container, {
    labelRenderedSizeThreshold: 9,
    labelDensity: 0.6,
    labelGridCellSize: 120,
    labelFont: "system-ui, Helvetica, Arial, sans-serif",
    labelSize: 13,
    labelWeight: "600",
    defaultEdgeColor: EDGE,
    zIndex: true,
    hideEdgesOnMove: graph.size > 20000,
    nodeReducer,
    edgeReducer,
  });
  timings.sigma = performance.now();
  // Redraws after a change of state (sigma reads the graph and the reducers again).
  const redraw = () => renderer.refresh();
  renderer.on("enterNode", ({ node }) => {
    state.hovered = node;
    state.hoodOfHovered = new Set(graph.neighbors(node));
    state.hoodOfHovered.add(node);
    redraw();
  });
  renderer.on("leaveNode", () => {
    state.hovered = null; state.hoodOfHovered = null;
    redraw();
  });
  renderer.on("clickNode", ({ node }) => select(nodeOf(node).id));
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

  function details(n) {
    const box = document.getElementById("details");
    const body = document.getElementById("details-body");
    body.replaceChildren();
    if (!n) { box.hidden = true; document.body.classList.remove("with-details"); return; }
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
    for (const [k, v] of Object.entries(detailsData().attrs.get(n.i) || {})) row(k, v);
    body.append(el("h3", "Attributes"), table);

    const inc = incident(n.i).map((k) => edges()[k]);
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

    const { files, lines } = detailsData();
    const withLines = inc.map((e) => [e, placesOf(e)]).filter(([, p]) => p[1].length);
    if (withLines.length) {
      body.append(el("h3", "Evidence"));
      const list = el("div", null, "evidence");
      for (const [e, [count, refs]] of withLines.slice(0, 60)) {
        const other = nodes[e.s === n.i ? e.t : e.s];
        const item = el("div", null, "ev");
        const rel = el("div", null, "rel");
        rel.append(el("span", (e.s === n.i ? e.rel + " → " : "← " + e.rel + " · ")), link(other), el("span", " ×" + e.weight));
        item.append(rel);
        for (const l of refs) {
          const [f, line, text] = lines[l];
          item.append(el("div", files[f] + ":" + line, "place"));
          if (text) item.append(el("blockquote", text));
        }
        if (count > refs.length) item.append(el("div", (count - refs.length) + " more places", "more"));
        list.append(item);
      }
      body.append(list);
      if (withLines.length > 60) body.append(el("p", "and " + (withLines.length - 60) + " more relations", "more"));
    }
  }

  // Selects the node of id `id` (null: none), opens its details and brings it to
  // the middle of what stays visible of the picture.
  function select(id) {
    const key = id === null ? null : keyOf(id);
    if (key !== null && !graph.hasNode(key)) {
      // Selected from another view: show the full graph.
      document.querySelector('input[name=view][value=full]').checked = true;
      loadView("full"); recomputeHeavy();
      redraw();
    }
    state.selected = key;
    recomputeEgo();
    const wasOpen = document.body.classList.contains("with-details");
    details(key === null ? null : nodeOf(key));
    // The panel takes its width from the picture, not a part of it: sigma's canvas
    // shrinks with its container, then the camera centres on the node.
    if (wasOpen !== document.body.classList.contains("with-details")) renderer.resize();
    redraw();
    if (key !== null) {
      const d = renderer.getNodeDisplayData(key);
      if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.6) }, { duration: 300 });
    }
  }

  // Search with suggestions.
  const search = document.getElementById("search");
  const sugg = document.getElementById("suggestions");
  let lower = null;
  let shown = [], active = 0;
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    if (!lower) lower = nodes.map((n) => [n.label.toLowerCase(), n.id.toLowerCase()]);
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
    box.addEventListener("change", () => { box.checked ? state.kinds.add(k) : state.kinds.delete(k); redraw(); });
    label.append(box, document.createTextNode(" " + k)); kindsBox.append(label);
  }
  const community = document.getElementById("community");
  D.communities.forEach((c, k) => { const o = el("option", k + ": " + c[0] + " (" + c[2] + ")"); o.value = String(k); community.append(o); });
  community.addEventListener("change", () => { state.community = community.value; redraw(); });
  const minweight = document.getElementById("minweight");
  minweight.addEventListener("input", () => { state.minWeight = Math.max(1, Number(minweight.value) || 1); recomputeHeavy(); redraw(); });
  document.getElementById("sizeby").addEventListener("change", (ev) => { state.sizeBy = ev.target.value; resize(); redraw(); });
  document.getElementById("colorby").addEventListener("change", (ev) => { state.colorBy = ev.target.value; recolor(); redraw(); });
  document.getElementById("ego").addEventListener("change", (ev) => { state.ego = Number(ev.target.value); recomputeEgo(); redraw(); });
  for (const r of document.querySelectorAll("input[name=view]")) {
    r.addEventListener("change", () => {
      loadView(r.value); recomputeHeavy();
      if (state.selected && !graph.hasNode(state.selected)) { state.selected = null; details(null); renderer.resize(); }
      recomputeEgo(); redraw();
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
      for (const k of D.kinds.filter((k) => present.has(k) && !TOPIC_KINDS.has(k))) entry(otherGrey(k), k);
    } else {
      box.append(el("h2", "Kinds"));
      for (const k of D.kinds.filter((k) => present.has(k))) entry(KIND_COLORS[k], k);
    }
  }
  legend();
  recomputeHeavy();

  // For tests and the console: the graph's keys are node numbers; `keyOf(id)` gives
  // a node's key, `selected()` the id of the selection; `topicKinds` the kinds of the
  // topics view.
  window.talkgraph = {
    graph, renderer, data: D, select, timings, state, keyOf, topicKinds: TOPIC_KINDS,
    selected: () => (state.selected === null ? null : nodeOf(state.selected).id),
    search: (q) => { const m = matches(q); if (m.length) pick(m[0]); return m.length ? m[0].id : null; },
  };
  requestAnimationFrame(() => {
    window.talkgraph.firstFrameMs = performance.now();
    document.body.dataset.ready = "true";
  });
})();
