// The dashboard: reads the query API and polls the recent deltas. Every value from AWS is put in
// the page with textContent (never innerHTML), so a resource named "<script>" stays text.
// The server's Content-Security-Policy allows no inline script or style: no handlers in markup,
// and styles are set through the CSSOM (node.style), which the policy allows, never as attributes.
"use strict";

const state = { after: 0, selected: null, token: sessionStorage.getItem("cs-token") || "" };

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

async function api(path) {
  const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
  const response = await fetch(path, { headers });
  if (response.status === 401) {
    document.getElementById("token-label").hidden = false;
    throw new Error("a token is required");
  }
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}

function filters() {
  const params = new URLSearchParams();
  const account = document.getElementById("f-account").value.trim();
  const region = document.getElementById("f-region").value.trim();
  const severity = document.getElementById("f-severity").value;
  if (account) params.set("account", account);
  if (region) params.set("region", region);
  if (severity) params.set("severity", severity);
  return params;
}

async function loadPractices() {
  const [catalogue, findings] = await Promise.all([api("/api/practices"), api("/api/findings?" + filters())]);
  const counts = new Map(catalogue.map(p => [p.number, { ...p, pass: 0, fail: 0, suppressed: 0 }]));
  findings.forEach(f => {
    const c = counts.get(f.practice);
    if (!c || f.status === "NOT_APPLICABLE") return;
    if (f.suppressed) c.suppressed++; else if (f.status === "PASS") c.pass++; else if (f.status === "FAIL") c.fail++;
  });
  const body = document.querySelector("#practices tbody");
  body.replaceChildren();
  [...counts.values()].forEach(p => {
    const total = Math.max(1, p.pass + p.fail + p.suppressed);
    const bar = el("div", { class: "bar" },
      el("span", { class: "pass", style: { width: (100 * p.pass / total) + "%" } }),
      el("span", { class: "fail sev-" + p.severity, style: { width: (100 * p.fail / total) + "%" } }),
      el("span", { class: "suppressed", style: { width: (100 * p.suppressed / total) + "%" } }));
    const row = el("tr", { class: "practice", "data-practice": String(p.number) },
      el("td", {}, String(p.number)), el("td", {}, p.control), el("td", {}, p.title), el("td", {}, p.severity),
      el("td", { class: "num pass-count" }, String(p.pass)), el("td", { class: "num fail-count" }, String(p.fail)),
      el("td", { class: "num" }, String(p.suppressed)), el("td", {}, bar));
    row.addEventListener("click", () => { state.selected = p; loadDetail(); });
    body.appendChild(row);
  });
  if (state.selected) loadDetail();
}

async function loadDetail() {
  const p = state.selected;
  const params = filters();
  params.set("practice", p.number);
  params.set("status", "FAIL");
  const failing = await api("/api/findings?" + params);
  document.getElementById("detail").hidden = false;
  document.getElementById("detail-title").textContent = p.number + " " + p.control + " — " + p.title;
  document.getElementById("detail-remediation").textContent = failing.length ? failing[0].remediation : "Nothing fails.";
  const body = document.querySelector("#failing tbody");
  body.replaceChildren(...failing.map(f => el("tr", {},
    el("td", {}, f.accountId), el("td", {}, f.region),
    el("td", {}, f.resourceArn || f.resourceId), el("td", {}, f.reason), el("td", {}, f.suppressed ? "yes" : ""))));
}

async function pollDeltas() {
  const items = await api("/api/deltas?after=" + state.after);
  const list = document.getElementById("deltas");
  items.forEach(d => {
    state.after = Math.max(state.after, d.seq);
    const kind = d.changeKind === "NEW" ? "NEW-" + d.newStatus : d.changeKind;
    const item = el("li", { class: kind },
      el("span", { class: "kind" }, d.changeKind + " " + (d.previousStatus || "–") + "→" + (d.newStatus || "closed")),
      el("span", {}, "#" + d.practice + " " + d.controlId + " " + d.accountId + " " + d.region + " "
        + (d.resourceArn || d.resourceId) + ": " + d.reason));
    list.insertBefore(item, list.firstChild);
  });
  while (list.children.length > 100) list.removeChild(list.lastChild);
  if (items.length) loadPractices();
}

async function tick() {
  try {
    await pollDeltas();
    document.getElementById("status").textContent = "live · updated " + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById("status").textContent = e.message;
  }
}

document.getElementById("f-token").value = state.token;
// Enter in a filter field would submit the form (a navigation the policy's form-action refuses):
// the change listener below already applies the filters.
document.getElementById("filters").addEventListener("submit", e => e.preventDefault());
document.getElementById("filters").addEventListener("change", () => {
  state.token = document.getElementById("f-token").value;
  sessionStorage.setItem("cs-token", state.token);
  loadPractices().catch(e => document.getElementById("status").textContent = e.message);
});
loadPractices().catch(e => document.getElementById("status").textContent = e.message);
setInterval(tick, 1500);
tick();
