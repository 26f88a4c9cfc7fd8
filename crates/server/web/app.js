// dyad dashboard: vanilla JS over the /api routes; charts are plain SVG. All text from the
// server goes through textContent, never innerHTML.
"use strict";

const $ = (id) => document.getElementById(id);
const QUAD_COLORS = ["#7fb3e0", "#2f6fb0", "#f0a070", "#c0392b"];
let nextAfter = null;
// The place picked on the map: the events table lists only events located there.
let placeFilter = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function looksLikeCode(text) { return /^[A-Z0-9-]*[A-Z0-9][A-Z0-9-]*$/.test(text); }

function filterParams() {
  const params = new URLSearchParams();
  const actor = $("actor").value.trim(), other = $("other").value.trim();
  if (actor && other && looksLikeCode(actor) && looksLikeCode(other)) params.set("dyad", actor + "," + other);
  else if (actor) params.set("actor", actor);
  if ($("from").value) params.set("from", $("from").value);
  if ($("to").value) params.set("to", $("to").value);
  return params;
}

// Text with spans (relative byte offsets into UTF-8) wrapped in <mark class=role>.
function highlighted(text, highlights) {
  const bytes = new TextEncoder().encode(text), decode = (a, b) => new TextDecoder().decode(bytes.slice(a, b));
  const node = el("span", {}), sorted = [...highlights].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const h of sorted) {
    if (h.start < at || h.end > bytes.length) continue;
    node.append(decode(at, h.start), el("mark", { class: h.role, title: h.role }, decode(h.start, h.end)));
    at = h.end;
  }
  node.append(decode(at, bytes.length));
  return node;
}

function drawChart(rows) {
  const box = $("chart");
  box.textContent = "";
  if (!rows.length) { box.append(el("p", { class: "hint" }, "No day-dated events for this selection.")); return; }
  const W = 900, H = 260, L = 40, R = 40, T = 10, B = 30;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, "data-rows": rows.length });
  const maxCount = Math.max(1, ...rows.map((r) => r.events));
  // Bars at most 60 units wide, so that a few weeks do not fill the chart with one block.
  const step = Math.min((W - L - R) / rows.length, 75), bar = Math.max(1, step * 0.8);
  const y = (n) => H - B - (n / maxCount) * (H - T - B);
  const g = (v) => H - B - ((v + 10) / 20) * (H - T - B);
  root.append(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#999" }));
  root.append(svg("line", { x1: L, y1: g(0), x2: W - R, y2: g(0), stroke: "#ccc", "stroke-dasharray": "4 3" }));
  const label = (x, yy, text, anchor) => { const t = svg("text", { x, y: yy, "font-size": 11, "text-anchor": anchor || "start", fill: "#555" }); t.textContent = text; root.append(t); };
  label(L - 4, T + 10, String(maxCount), "end"); label(L - 4, H - B, "0", "end");
  label(W - R + 4, g(10) + 10, "+10"); label(W - R + 4, g(-10), "-10");
  const points = [];
  rows.forEach((r, i) => {
    const x = L + i * step;
    let base = 0;
    r.quad.forEach((n, q) => {
      if (!n) return;
      const rect = svg("rect", { x, y: y(base + n), width: bar, height: y(base) - y(base + n), fill: QUAD_COLORS[q], class: "bar" });
      const title = svg("title"); title.textContent = `${r.period}: ${n} events in quad class ${q + 1}`; rect.append(title);
      root.append(rect);
      base += n;
    });
    if (r.goldstein_mean != null) points.push(`${x + bar / 2},${g(r.goldstein_mean)}`);
    if (i === 0 || i === rows.length - 1 || rows.length <= 12) label(x, H - B + 14, r.period);
  });
  if (points.length) root.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: "#222", "stroke-width": 2, class: "goldstein" }));
  // A dot per week too: a single week has no line to draw.
  for (const p of points) { const [cx, cy] = p.split(","); root.append(svg("circle", { cx, cy, r: 3, fill: "#222" })); }
  box.append(root);
}

function eventRow(e) {
  const tr = el("tr", { "data-id": e.event_id },
    el("td", {}, e.date || ""), el("td", {}, e.source.code), el("td", {}, e.code),
    el("td", {}, e.target ? e.target.code : ""), el("td", {}, e.goldstein == null ? "" : e.goldstein),
    el("td", {}, el("a", { href: `#event=${e.event_id}` }, e.sentence_text ? "" : "(no sentence)"), e.sentence_text.length > 90 ? e.sentence_text.slice(0, 90) + "…" : e.sentence_text));
  tr.addEventListener("click", () => {
    document.querySelectorAll("#events tr.selected").forEach((r) => r.classList.remove("selected"));
    tr.classList.add("selected");
    showDetail(e.event_id);
  });
  return tr;
}

async function showDetail(id) {
  const box = $("detail");
  box.textContent = "loading…";
  try {
    const e = await api(`/api/events/${id}`);
    box.textContent = "";
    box.append(el("p", {}, el("b", {}, `${e.source.code} → ${e.code} → ${e.target ? e.target.code : "—"}`),
      ` ${e.date || "undated"}; ${e.mention_count} mention(s) from ${e.source_count} outlet(s)`));
    for (const m of e.mentions) {
      box.append(el("div", { class: "mention" },
        el("div", { class: "sentence" }, highlighted(m.sentence_text, m.highlights)),
        el("div", { class: "rule" }, `article ${m.article_id}, sentence ${m.sentence}; rule ${m.rule}${m.negated ? "; negated" : ""}`)));
    }
  } catch (error) { box.textContent = ""; box.append(el("p", { class: "error" }, error.message)); }
}

async function loadEvents(append) {
  const params = filterParams();
  if (placeFilter) params.set("bbox", placeFilter.bbox);
  params.set("limit", "50");
  if (append && nextAfter != null) params.set("after", nextAfter);
  const page = await api("/api/events?" + params);
  const body = $("events").tBodies[0];
  if (!append) body.textContent = "";
  page.events.forEach((e) => body.append(eventRow(e)));
  nextAfter = page.next_after;
  $("more").hidden = nextAfter == null;
}

// Equirectangular map of located events: x = lon + 180, y = 90 - lat in a 360 x 180 box.
async function loadMap() {
  const box = $("map");
  const { places } = await api("/api/places?" + filterParams() + "&limit=1000");
  box.textContent = "";
  const root = svg("svg", { viewBox: "0 0 360 180", "data-places": places.length, preserveAspectRatio: "xMidYMid meet" });
  for (let lon = -150; lon <= 150; lon += 30) root.append(svg("line", { x1: lon + 180, y1: 0, x2: lon + 180, y2: 180, class: "graticule" }));
  for (let lat = -60; lat <= 60; lat += 30) root.append(svg("line", { x1: 0, y1: 90 - lat, x2: 360, y2: 90 - lat, class: "graticule" }));
  if (typeof WORLD_LAND_PATH === "string") root.append(svg("path", { d: WORLD_LAND_PATH, class: "land" }));
  const most = Math.max(1, ...places.map((p) => p.events));
  // Largest last, so that small circles on top of big ones stay clickable.
  for (const p of [...places].reverse()) {
    const circle = svg("circle", { cx: p.lon + 180, cy: 90 - p.lat, r: 1 + 4 * Math.sqrt(p.events / most), class: "place", "data-name": p.name, "data-events": p.events });
    const title = svg("title"); title.textContent = `${p.name} (${p.country || "?"}): ${p.events} event(s), ${p.precision}`; circle.append(title);
    circle.addEventListener("click", () => pickPlace(p, circle));
    root.append(circle);
  }
  box.append(root);
  if (!places.length) box.append(el("p", { class: "hint" }, "No located events for this selection."));
}

async function pickPlace(place, circle) {
  document.querySelectorAll("#map circle.selected").forEach((c) => c.classList.remove("selected"));
  circle.classList.add("selected");
  // A tiny box around the point selects exactly the events located there.
  const e = 0.0001, lon = (v) => Math.max(-180, Math.min(180, v)), lat = (v) => Math.max(-90, Math.min(90, v));
  placeFilter = { name: place.name, bbox: [lon(place.lon - e), lat(place.lat - e), lon(place.lon + e), lat(place.lat + e)].map((v) => v.toFixed(4)).join(",") };
  const badge = $("place-filter");
  badge.textContent = `at ${place.name}`;
  badge.append(el("button", { onclick: clearPlace }, "clear"));
  badge.hidden = false;
  await loadEvents(false);
}

async function clearPlace() {
  placeFilter = null;
  $("place-filter").hidden = true;
  document.querySelectorAll("#map circle.selected").forEach((c) => c.classList.remove("selected"));
  await loadEvents(false);
}

async function loadPartners() {
  const list = $("partners");
  list.textContent = "";
  const actor = $("actor").value.trim();
  if (!actor) { list.append(el("li", { class: "hint" }, "Pick an actor.")); return; }
  const params = filterParams();
  params.delete("dyad"); params.set("actor", actor); params.set("group", "dyad");
  const { rows } = await api("/api/aggregate?" + params);
  const code = looksLikeCode(actor);
  const totals = new Map();
  for (const r of rows) {
    if (!r.target || (code && (!r.target.startsWith(actor) || r.source.startsWith(actor)))) continue;
    const t = totals.get(r.source) || { events: 0, sum: 0 };
    t.events += r.events; t.sum += r.goldstein_sum; totals.set(r.source, t);
  }
  const top = [...totals.entries()].sort((a, b) => b[1].events - a[1].events).slice(0, 10);
  if (!top.length) list.append(el("li", { class: "hint" }, "No events toward this actor."));
  for (const [source, t] of top) list.append(el("li", {}, `${source}: ${t.events} event(s), Goldstein mean ${(t.sum / t.events).toFixed(1)}`));
}

async function show() {
  $("status").textContent = "loading…";
  try {
    const params = filterParams();
    params.set("by", "week");
    const { rows } = await api("/api/aggregate?" + params);
    drawChart(rows);
    placeFilter = null;
    $("place-filter").hidden = true;
    await Promise.all([loadEvents(false), loadPartners(), loadMap()]);
    $("status").textContent = "";
  } catch (error) { $("status").textContent = error.message; }
}

async function codeText() {
  const box = $("code-result");
  box.textContent = "coding…";
  try {
    const body = { text: $("code-text").value };
    if ($("code-date").value) body.date = $("code-date").value;
    const coded = await api("/api/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    box.textContent = "";
    if (!coded.events.length) box.append(el("p", { class: "hint" }, "No events coded."));
    const bytes = new TextEncoder().encode(coded.text);
    for (const e of coded.events) {
      const s = coded.sentences[e.sentence] || { start: 0, end: bytes.length };
      const rel = (a, role) => a && a.end > a.start ? { role, start: a.start - s.start, end: a.end - s.start } : null;
      const marks = [rel(e.source, "source"), rel(e.target, "target"), rel(e.verb, "verb")].filter((h) => h && h.start >= 0 && h.end <= s.end - s.start);
      const sentence = new TextDecoder().decode(bytes.slice(s.start, s.end));
      box.append(el("div", { class: "mention coded-event" },
        el("div", {}, el("b", {}, `${e.source.code} → ${e.code} → ${e.target ? e.target.code : "—"}`), ` quad ${e.quad_class ?? "?"}, Goldstein ${e.goldstein ?? "?"}`),
        el("div", { class: "sentence" }, highlighted(sentence, marks)),
        el("div", { class: "rule" }, `rule ${e.rule}`)));
    }
    for (const d of coded.diagnostics) box.append(el("p", { class: "rule" }, d));
  } catch (error) { box.textContent = ""; box.append(el("p", { class: "error" }, error.message)); }
}

async function start() {
  $("show").addEventListener("click", show);
  $("more").addEventListener("click", () => loadEvents(true));
  $("code").addEventListener("click", codeText);
  try {
    const { actors } = await api("/api/actors?limit=50");
    for (const a of actors) $("actor-list").append(el("option", { value: a.code }, `${a.text} (${a.events})`));
    // Start on the most active actor whose country is known ("---GOV" is any government).
    const known = actors.find((a) => !a.code.startsWith("---")) || actors[0];
    if (known && !$("actor").value) $("actor").value = known.code;
  } catch (error) { $("status").textContent = error.message; }
  await show();
  // A link to one event (#event=ID) opens its detail.
  const linked = /^#event=(\d+)$/.exec(location.hash);
  if (linked) await showDetail(linked[1]);
}

start();
