// The overview. Every value from AWS goes in through CsText (text.js): as text, never innerHTML,
// with invisible and bidirectional characters made visible and long values cut in the middle.
// The server's Content-Security-Policy allows no inline script or style: no handlers in markup,
// and styles are set through the CSSOM (node.style) or classes, never as attributes.
//
// Filters live in the URL's query string (/?account=…&severity=HIGH), so a filtered view can be
// linked and reloaded; they apply to every panel, the changes list included.
//
// Polling is cheap: each cycle asks /api/deltas?after=n; only when something changed does it ask
// /api/posture (counts of the filtered findings, computed by the server) and, for the open
// practice, its failing findings. The page never downloads every finding.
"use strict";

const FILTERS = ["account", "region", "severity", "practice", "status"];
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];
const KEEP_DELTAS = 500;

const state = {
  after: 0, selected: null, catalogue: [], deltas: [], token: sessionStorage.getItem("cs-token") || "",
  bytes: 0, trendShown: true, remediationShown: true, lastTrend: 0
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === "class") node.className = v;
    else if (k === "style") Object.assign(node.style, v);
    else node.setAttribute(k, v);
  });
  children.forEach(c => node.appendChild(typeof c === "string" ? document.createTextNode(c) : c));
  return node;
}

/** GET path as JSON; counts the body's bytes (the cost of an update); null on 404 when allowed. */
async function api(path, allow404) {
  const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
  const response = await fetch(path, { headers });
  const body = await response.text();
  state.bytes += new TextEncoder().encode(body).length;
  if (response.status === 401) {
    document.getElementById("token-label").hidden = false;
    throw new Error("a token is required");
  }
  if (response.status === 404 && allow404) return null;
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return JSON.parse(body);
}

/** The filters as set in the form (and mirrored in the URL). */
function filters() {
  const params = new URLSearchParams();
  FILTERS.forEach(name => {
    const value = document.getElementById("f-" + name).value.trim();
    if (value) params.set(name, value);
  });
  return params;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  FILTERS.forEach(name => { document.getElementById("f-" + name).value = params.get(name) || ""; });
  document.getElementById("f-new-pass").checked = params.get("newpass") === "1";
}

function writeUrl() {
  const params = filters();
  if (document.getElementById("f-new-pass").checked) params.set("newpass", "1");
  const query = params.toString();
  history.replaceState(null, "", query ? "/?" + query : "/");
}

function share(c) {
  const evaluated = c.pass + c.fail + c.error;
  return evaluated ? (100 * c.pass / evaluated).toFixed(1) + " %" : "–";
}

function num(value, cls) {
  return el("td", { class: "num" + (cls ? " " + cls : "") }, String(value));
}

function setFilter(name, value) {
  document.getElementById("f-" + name).value = value;
  applyFilters();
}

function countsRow(name, label, c) {
  const row = el("tr", { class: "filterable", ["data-" + name]: label },
    el("td", {}, CsText.node(label)), num(share(c), "share"), num(c.pass), num(c.fail, "fail-count"),
    num(c.suppressed), num(c.error));
  row.addEventListener("click", () => setFilter(name, label));
  return row;
}

async function loadPosture() {
  const posture = await api("/api/posture?" + filters());
  const total = posture.total;
  document.getElementById("headline-share").textContent = posture.passingShare == null ? "–"
    : (100 * posture.passingShare).toFixed(1) + " % passing";
  document.getElementById("headline-share-note").textContent = " " + total.pass + " of "
    + (total.pass + total.fail + total.error) + " evaluated findings pass";
  SEVERITIES.forEach(s => {
    document.getElementById("failing-" + s).textContent = String(posture.failingBySeverity[s] || 0);
  });
  document.getElementById("total-suppressed").textContent = String(total.suppressed);
  document.getElementById("total-error").textContent = String(total.error);
  document.getElementById("total-not-applicable").textContent = String(total.notApplicable);
  document.querySelector("#accounts tbody").replaceChildren(
    ...posture.accounts.map(a => countsRow("account", a.accountId, a)));
  document.querySelector("#regions tbody").replaceChildren(
    ...posture.regions.map(r => countsRow("region", r.region, r)));

  const counts = new Map(posture.practices.map(p => [p.practice, p]));
  const body = document.querySelector("#practices tbody");
  body.replaceChildren(...state.catalogue.map(p => {
    const c = counts.get(p.number) || { pass: 0, fail: 0, suppressed: 0, error: 0 };
    const total = Math.max(1, c.pass + c.fail + c.suppressed + c.error);
    const bar = el("div", { class: "bar" },
      el("span", { class: "pass", style: { width: (100 * c.pass / total) + "%" } }),
      el("span", { class: "fail sev-" + p.severity, style: { width: (100 * c.fail / total) + "%" } }),
      el("span", { class: "error", style: { width: (100 * c.error / total) + "%" } }),
      el("span", { class: "suppressed", style: { width: (100 * c.suppressed / total) + "%" } }));
    const row = el("tr", { class: "practice" + (state.selected && state.selected.number === p.number ? " selected" : ""),
      "data-practice": String(p.number) },
      el("td", {}, String(p.number)), el("td", {}, p.control), el("td", {}, p.title), el("td", {}, p.severity),
      num(c.pass, "pass-count"), num(c.fail, "fail-count"), num(c.suppressed, "suppressed-count"),
      num(c.error, "error-count"), el("td", {}, bar));
    row.addEventListener("click", () => { state.selected = p; loadDetail().catch(showError); });
    return row;
  }));
}

async function loadDetail() {
  const p = state.selected;
  if (!p) {
    document.getElementById("detail").hidden = true;
    return;
  }
  const params = filters();
  params.set("practice", p.number);
  if (!params.get("status")) params.set("status", "FAIL");
  const failing = await api("/api/findings?" + params);
  document.getElementById("detail").hidden = false;
  document.getElementById("detail-title").textContent = p.number + " " + p.control + " — " + p.title
    + " (" + params.get("status") + ": " + failing.length + ")";
  document.getElementById("detail-remediation").textContent = failing.length ? failing[0].remediation : "Nothing matches.";
  document.querySelector("#failing tbody").replaceChildren(...failing.map(f => el("tr", { class: "finding" },
    el("td", {}, CsText.node(f.accountId)), el("td", {}, CsText.node(f.region)),
    el("td", {}, CsText.link(CsText.resourcePath(f.resourceKey), f.resourceName ? f.resourceName + " (" + f.resourceId + ")" : f.resourceArn || f.resourceId)),
    el("td", {}, CsText.node(f.reason, 240)), el("td", {}, f.suppressed ? "yes" : ""),
    el("td", {}, el("a", { href: "/findings/" + f.findingId, class: "finding-link" }, "finding")))));
}

/** Whether a change passes the filters and the NEW PASS toggle. */
function shown(d, params, newPass) {
  if (!newPass && d.changeKind === "NEW" && d.newStatus === "PASS") return false;
  return (!params.get("account") || d.accountId === params.get("account"))
    && (!params.get("region") || d.region === params.get("region"))
    && (!params.get("severity") || d.severity === params.get("severity"))
    && (!params.get("practice") || String(d.practice) === params.get("practice"))
    && (!params.get("status") || d.newStatus === params.get("status"));
}

function time(iso) {
  return iso ? new Date(iso).toISOString().substring(11, 19) : "";
}

function deltaItem(d) {
  const kind = d.changeKind === "NEW" ? "NEW-" + d.newStatus : d.changeKind;
  const resource = d.resourceKey
    ? CsText.link(CsText.resourcePath(d.resourceKey), d.resourceName || d.resourceId)
    : CsText.node(d.resourceName || d.resourceId);
  resource.classList.add("resource");
  return el("li", { class: kind, "data-seq": String(d.seq) },
    el("time", { datetime: d.evaluatedAt || "" }, time(d.evaluatedAt)),
    el("span", { class: "sev sev-" + d.severity }, d.severity),
    el("a", { class: "kind", href: "/findings/" + d.findingId },
      d.changeKind + " " + (d.previousStatus || "–") + "→" + (d.newStatus || "closed")),
    el("span", {}, "#" + d.practice + " " + d.controlId + " "), CsText.node(d.accountId), el("span", {}, "/"),
    CsText.node(d.region), el("span", {}, " "), resource, el("span", {}, ": "), CsText.node(d.reason, 160));
}

function renderDeltas() {
  const params = filters();
  const newPass = document.getElementById("f-new-pass").checked;
  const filtered = state.deltas.filter(d => shown(d, params, true));
  const visible = filtered.filter(d => shown(d, params, newPass));
  document.getElementById("deltas").replaceChildren(...visible.slice(-100).reverse().map(deltaItem));
  const notes = [];
  if (state.deltas.length > filtered.length) notes.push((state.deltas.length - filtered.length) + " hidden by the filters");
  if (filtered.length > visible.length) notes.push((filtered.length - visible.length) + " NEW PASS hidden");
  document.getElementById("deltas-hidden").textContent = notes.join(", ");
}

async function pollDeltas() {
  const items = await api("/api/deltas?after=" + state.after);
  items.forEach(d => { state.after = Math.max(state.after, d.seq); });
  state.deltas.push(...items);
  if (state.deltas.length > KEEP_DELTAS) state.deltas.splice(0, state.deltas.length - KEEP_DELTAS);
  if (items.length) renderDeltas();
  return items;
}

// ---- posture over time and time to remediate (hidden while the server answers 404) ----

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text != null) node.textContent = text;
  return node;
}

async function loadTrend() {
  if (!state.trendShown) return;
  const trend = await api("/api/posture/trend?hours=24", true);
  state.lastTrend = Date.now();
  const section = document.getElementById("trend-section");
  if (trend == null) {
    state.trendShown = false;
    section.hidden = true;
    return;
  }
  section.hidden = false;
  document.getElementById("trend-note").textContent = "(last 24 h, " + trend.bucket + " buckets, "
    + trend.points.length + " points)";
  const w = 900, h = 200, left = 40, bottom = 20, top = 10;
  const points = trend.points;
  const max = Math.max(1, ...points.map(p => Math.max(...SEVERITIES.map(s => p.failing[s] || 0))));
  const times = points.map(p => Date.parse(p.at));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const x = t => left + (t1 > t0 ? (w - left - 10) * (t - t0) / (t1 - t0) : (w - left - 10) / 2);
  const y = v => top + (h - top - bottom) * (1 - v / max);
  const chart = svg("svg", { viewBox: "0 0 " + w + " " + h, class: "chart", role: "img",
    "aria-label": "failing findings by severity over time" });
  chart.appendChild(svg("line", { x1: left, y1: y(0), x2: w - 10, y2: y(0), class: "axis" }));
  chart.appendChild(svg("line", { x1: left, y1: top, x2: left, y2: y(0), class: "axis" }));
  chart.appendChild(svg("text", { x: left - 4, y: y(max) + 4, class: "tick end" }, String(max)));
  chart.appendChild(svg("text", { x: left - 4, y: y(0), class: "tick end" }, "0"));
  if (points.length) {
    chart.appendChild(svg("text", { x: left, y: h - 4, class: "tick" }, time(points[0].at)));
    chart.appendChild(svg("text", { x: w - 10, y: h - 4, class: "tick end" }, time(points[points.length - 1].at)));
  }
  // A point is the count at the end of its bucket: a step line, flat until the next bucket.
  const steps = values => values.map((v, i) => (i ? x(times[i]).toFixed(1) + "," + y(values[i - 1]).toFixed(1) + " " : "")
    + x(times[i]).toFixed(1) + "," + y(v).toFixed(1)).join(" ");
  const legend = document.getElementById("trend-legend");
  legend.replaceChildren();
  SEVERITIES.forEach(s => {
    const values = points.map(p => p.failing[s] || 0);
    if (!values.some(v => v > 0)) return;
    const line = svg("polyline", { class: "series sev-" + s, "data-severity": s,
      points: steps(values) });
    chart.appendChild(line);
    legend.appendChild(el("span", { class: "sev sev-" + s, "data-severity": s },
      s + " " + values[values.length - 1]));
  });
  document.getElementById("trend").replaceChildren(chart);
}

function duration(seconds) {
  if (seconds == null) return "";
  if (seconds < 120) return Math.round(seconds) + " s";
  if (seconds < 7200) return Math.round(seconds / 60) + " min";
  if (seconds < 172800) return (seconds / 3600).toFixed(1) + " h";
  return (seconds / 86400).toFixed(1) + " d";
}

async function loadRemediation() {
  if (!state.remediationShown) return;
  const r = await api("/api/remediation?" + filters(), true);
  const section = document.getElementById("remediation-section");
  if (r == null) {
    state.remediationShown = false;
    section.hidden = true;
    return;
  }
  section.hidden = false;
  document.querySelector("#remediation tbody").replaceChildren(...r.practices.map(p => el("tr", {},
    el("td", {}, p.controlId), el("td", {}, p.title), el("td", {}, p.severity), num(p.remediated),
    num(duration(p.medianSeconds), "median"), num(duration(p.p90Seconds), "p90"))));
  document.querySelector("#oldest-open tbody").replaceChildren(...r.oldestOpen.map(o => el("tr", {},
    el("td", {}, el("a", { href: "/findings/" + o.findingId }, duration(o.failingSeconds))),
    el("td", {}, o.failingSince || ""), el("td", {}, o.controlId), el("td", {}, o.severity),
    el("td", {}, CsText.link(CsText.resourcePath(o.resourceKey), o.resourceName || o.resourceId)))));
}

// ---- the cycle ----

function showError(e) {
  document.getElementById("status").textContent = e.message;
}

/** An optional panel that failed hides itself and says why; the rest of the page goes on. */
function optional(load, section) {
  return load().catch(e => {
    document.getElementById(section).hidden = true;
    showError(new Error(section.replace("-section", "") + ": " + e.message));
  });
}

async function refresh() {
  await Promise.all([loadPosture(), loadDetail()]);
}

async function tick() {
  state.bytes = 0;
  try {
    const items = await pollDeltas();
    const tasks = [];
    if (items.length) tasks.push(loadPosture(), optional(loadTrend, "trend-section"));
    // The open practice's failing findings, only when a change touched that practice.
    if (state.selected && items.some(d => d.practice === state.selected.number)) tasks.push(loadDetail());
    if (items.some(d => d.changeKind !== "NEW" || d.newStatus === "FAIL")) tasks.push(optional(loadRemediation, "remediation-section"));
    if (!items.length && Date.now() - state.lastTrend > 60000) tasks.push(optional(loadTrend, "trend-section"));
    await Promise.all(tasks);
    const status = document.getElementById("status");
    status.textContent = "live · updated " + new Date().toLocaleTimeString()
      + (items.length ? " · " + items.length + " changes, " + state.bytes + " bytes" : "");
    if (items.length) status.setAttribute("data-update-bytes", String(state.bytes));
  } catch (e) {
    showError(e);
  }
}

function applyFilters() {
  writeUrl();
  const practice = document.getElementById("f-practice").value;
  if (practice) state.selected = state.catalogue.find(p => String(p.number) === practice) || null;
  renderDeltas();
  refresh().catch(showError);
  // The remediation panel follows the filters too; the trend counts the whole application.
  optional(loadRemediation, "remediation-section").catch(showError);
}

async function start() {
  if (!state.catalogue.length) {
    const catalogue = await api("/api/practices");
    const select = document.getElementById("f-practice");
    catalogue.forEach(p => select.appendChild(el("option", { value: String(p.number) }, p.number + " " + p.control)));
    state.catalogue = catalogue;
    readUrl();
    const practice = select.value;
    if (practice) state.selected = catalogue.find(p => String(p.number) === practice) || null;
  }
  await Promise.all([refresh(), optional(loadTrend, "trend-section"), optional(loadRemediation, "remediation-section")]);
  if (!state.timer) {
    state.timer = setInterval(tick, 1500);
    tick();
  }
}

document.getElementById("f-token").value = state.token;
// Enter in a filter field would submit the form (a navigation the policy's form-action refuses):
// the change listener below already applies the filters.
document.getElementById("filters").addEventListener("submit", e => e.preventDefault());
document.getElementById("filters").addEventListener("change", e => {
  if (e.target.id === "f-token") {
    state.token = e.target.value;
    sessionStorage.setItem("cs-token", state.token);
    start().catch(showError);
    return;
  }
  applyFilters();
});
document.getElementById("f-clear").addEventListener("click", () => {
  FILTERS.forEach(name => { document.getElementById("f-" + name).value = ""; });
  state.selected = null;
  applyFilters();
});
document.getElementById("f-new-pass").addEventListener("change", () => { writeUrl(); renderDeltas(); });
start().catch(showError);
