// A finding's page: /findings/<id> is a shell; this script reads /api/findings/<id> with the token
// the dashboard keeps in sessionStorage (or asks for it). Every value from AWS goes in through
// CsText (text.js: text only, invisible characters made visible, long values cut in the middle),
// never innerHTML, and no inline script or style is used (the CSP forbids both).
"use strict";

const findingId = location.pathname.split("/").pop();
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

function cause(entry) {
  const parts = [entry.triggerKind];
  const a = entry.actor;
  if (a) {
    parts.push((a.certainty === "PROBABLE" ? "probably by " : "by ") + (a.principalArn || a.principalType)
      + (a.sourceIpAddress ? " from " + a.sourceIpAddress : ""));
    parts.push((a.eventSource || "") + " " + (a.eventName || "") + " at " + a.eventTime
      + (a.userAgent ? " (" + a.userAgent + ")" : ""));
  } else if (entry.triggerEventId) {
    parts.push("event " + entry.triggerEventId);
  }
  return parts.join(" · ");
}

function status(entry) {
  return (entry.previousStatus || "—") + " → " + (entry.newStatus || "closed");
}

function render(page) {
  const last = page.history[0];
  const current = page.current;
  document.title = last.controlId + " · " + CsText.visible(page.resource.name || page.resource.id, CsText.NAME_LIMIT)
    + " · Compliance Streams";
  text("title", last.controlId + " " + last.title);
  text("current-status", current ? current.status : "CLOSED (" + last.reason + ")", 1000);
  text("reason", current ? current.reason : last.reason, 1000);
  text("severity", last.severity);
  text("suppressed", current ? (current.suppressed ? "yes" : "no") : last.suppressed ? "yes" : "no");
  text("remediation", current ? current.remediation : null, Infinity);
  text("first-seen", current ? current.firstSeenAt : null);
  text("last-changed", current ? current.lastChangedAt : last.evaluatedAt);
  text("finding-id", page.findingId);
  const r = page.resource;
  // The name links to the resource's page: every practice's finding for it.
  const name = document.getElementById("resource-name");
  name.replaceChildren(CsText.link(CsText.resourcePath(r.key), r.name || r.id));
  if (r.name) name.append(document.createTextNode(" ("), CsText.node(r.id), document.createTextNode(")"));
  text("resource-type", r.type);
  text("resource-arn", r.arn, 200);
  text("resource-account", r.accountId);
  text("resource-region", r.region);
  const tags = document.getElementById("resource-tags");
  const entries = Object.entries(r.tags || {});
  tags.replaceChildren(...entries.flatMap(([k, v], i) => [...(i ? [document.createTextNode(", ")] : []),
    CsText.node(k), document.createTextNode("="), CsText.node(v)]));
  if (!entries.length) tags.textContent = "—";
  text("resource-snapshot", r.lastSnapshotAt);
  text("history-note", "(newest first; the last " + page.historyLimit + " changes are kept)");
  const body = document.querySelector("#history tbody");
  body.replaceChildren(...page.history.map(e => {
    const row = document.createElement("tr");
    row.className = "change " + e.changeKind;
    row.append(cell(e.evaluatedAt), cell(e.changeKind), cell(status(e)), cell(e.reason, 1000), cell(cause(e), 400));
    return row;
  }));
  document.getElementById("finding").hidden = false;
  text("status", "as of " + new Date().toISOString());
}

async function load() {
  const headers = token ? { Authorization: "Bearer " + token } : {};
  const response = await fetch("/api/findings/" + encodeURIComponent(findingId), { headers });
  if (response.status === 401) {
    document.getElementById("token-form").hidden = false;
    text("status", "a token is required");
    return;
  }
  if (response.status === 404) {
    text("status", "no such finding (it may be older than the history kept, or the id is wrong)");
    return;
  }
  if (!response.ok) {
    text("status", "the API answered " + response.status);
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

load().catch(e => text("status", "error: " + e.message));
