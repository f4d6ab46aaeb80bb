// A resource's page: /resources/<key in lower-case hex> is a shell (text.js explains the path);
// this script reads /api/resource?key= with the token the dashboard keeps (page.js). AWS values
// go in through CsText (text.js); no inline script or style.
"use strict";

const resourceKey = CsText.resourceKey(location.pathname.split("/").pop());
const text = CsPage.fill;
const cell = CsPage.cell;

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
}

if (resourceKey == null) {
  CsPage.status("not a resource page address");
} else {
  CsPage.start("/api/resource?key=" + encodeURIComponent(resourceKey), render,
    ["no such resource (deleted, or never seen): ", CsText.node(resourceKey, 200)]);
}
