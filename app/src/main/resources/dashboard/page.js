// What the finding and resource pages share: filling their fields through CsText (text.js), and
// loading their data from the token-guarded API with the token the dashboard keeps in
// sessionStorage, asking for it on a 401. Loaded after text.js, before the page's own script.
"use strict";

const CsPage = (() => {
  let token = sessionStorage.getItem("cs-token") || "";

  /** The element with that id shows value (text only, made visible, cut at max), or a dash. */
  function fill(id, value, max) {
    const node = document.getElementById(id);
    if (value == null || value === "") node.textContent = "—";
    else CsText.put(node, value, max);
  }

  /** A table cell holding value as fill() does (empty for null). */
  function cell(value, max) {
    const td = document.createElement("td");
    if (value != null) CsText.put(td, value, max);
    return td;
  }

  function status(...nodes) {
    document.getElementById("status").replaceChildren(...nodes.map(n =>
      typeof n === "string" ? document.createTextNode(n) : n));
  }

  /**
   * GETs apiPath with the token and hands the JSON to render; a 401 shows the token form (which
   * loads again), a 404 says notFound (a string or a node), anything else the status.
   */
  function start(apiPath, render, notFound) {
    async function load() {
      const headers = token ? { Authorization: "Bearer " + token } : {};
      const response = await fetch(apiPath, { headers });
      if (response.status === 401) {
        document.getElementById("token-form").hidden = false;
        status("a token is required");
      } else if (response.status === 404) {
        status(...[].concat(notFound));
      } else if (!response.ok) {
        status("the API answered " + response.status);
      } else {
        render(await response.json());
        status("as of " + new Date().toISOString());
      }
    }
    document.getElementById("token-form").addEventListener("submit", event => {
      event.preventDefault();
      token = document.getElementById("f-token").value;
      sessionStorage.setItem("cs-token", token);
      document.getElementById("token-form").hidden = true;
      load().catch(e => status("error: " + e.message));
    });
    load().catch(e => status("error: " + e.message));
  }

  return { fill, cell, status, start };
})();
