// A resource's page: /resources/<key in lower-case hex> is a shell (text.js explains the path);
// this script reads /api/resource?key= with the token the dashboard keeps in sessionStorage (or
// asks for it). AWS values go in through CsText (text.js); no inline script or style.
"use strict";

const resourceKey = CsText.resourceKey(location.pathname.split("/").pop());
let token = sessionStorage.getItem("cs-token") || "";

function text(id, value, max) {
  const node = document.getElementById(id);
  if (value == null || value === "") node.textContent = "—";
  else CsText.put(node, value, max);
}

function cell(value, max) {
  const td = document.createElement("td");
  if (value != null) CsText.put(td, value, max);
  return td;
}

// Failing first, then errors, then the rest; by practice number within each.
const ORDER = { FAIL: 0, ERROR: 1, PASS: 2, NOT_APPLICABLE: 3 };

function render(r) {
  // A resource key is account/region/type/id (the id may hold '/'); an account's key is its id.
  const parts = r.resourceKey.split("/");
  const resourceId = parts.length >= 4 ? parts.slice(3).join("/") : r.resourceKey;
  document.title = CsText.visible(r.resourceName || resourceId, CsText.NAME_LIMIT) + " · Compliance Streams";
  text("title", r.resourceName || resourceId);
  text("resource-name", r.resourceName ? r.resourceName : null);
  text("resource-key", r.resourceKey, 200);
  text("resource-type", r.resourceType);
  text("resource-account", parts.length >= 4 ? parts[0] : r.resourceKey);
  text("resource-region", parts.length >= 4 ? parts[1] : "global");
  const tags = document.getElementById("resource-tags");
  const entries = Object.entries(r.tags || {}).sort(([a], [b]) => a.localeCompare(b));
  tags.replaceChildren(...entries.map(([k, v]) => {
    const li = document.createElement("li");
    li.className = "tag";
    li.append(CsText.node(k), document.createTextNode(" = "), CsText.node(v));
    return li;
  }));
  if (!entries.length) tags.textContent = "none";
  text("resource-snapshot", r.lastSnapshotAt);
  text("resource-evaluated", r.evaluatedAt);
  const findings = [...r.findings].sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || a.practice - b.practice);
  document.getElementById("findings-note").textContent = "(" + findings.length + ", failing first)";
  document.querySelector("#findings tbody").replaceChildren(...findings.map(f => {
    const row = document.createElement("tr");
    row.className = "finding status-" + f.status;
    const status = document.createElement("td");
    const link = document.createElement("a");
    link.href = "/findings/" + f.findingId;
    link.textContent = f.status;
    status.appendChild(link);
    row.append(cell(String(f.practice)), cell(f.controlId), cell(f.title), cell(f.severity), status,
      cell(f.suppressed ? "yes" : ""), cell(f.reason, 240), cell(f.lastChangedAt));
    return row;
  }));
  document.getElementById("resource").hidden = false;
  document.getElementById("status").textContent = "as of " + new Date().toISOString();
}

async function load() {
  if (resourceKey == null) {
    document.getElementById("status").textContent = "not a resource page address";
    return;
  }
  const headers = token ? { Authorization: "Bearer " + token } : {};
  const response = await fetch("/api/resource?key=" + encodeURIComponent(resourceKey), { headers });
  const status = document.getElementById("status");
  if (response.status === 401) {
    document.getElementById("token-form").hidden = false;
    status.textContent = "a token is required";
    return;
  }
  if (response.status === 404) {
    status.replaceChildren(document.createTextNode("no such resource (deleted, or never seen): "),
      CsText.node(resourceKey, 200));
    return;
  }
  if (!response.ok) {
    status.textContent = "the API answered " + response.status;
    return;
  }
  render(await response.json());
}

document.getElementById("token-form").addEventListener("submit", event => {
  event.preventDefault();
  token = document.getElementById("f-token").value;
  sessionStorage.setItem("cs-token", token);
  document.getElementById("token-form").hidden = true;
  load();
});

load().catch(e => { document.getElementById("status").textContent = "error: " + e.message; });
