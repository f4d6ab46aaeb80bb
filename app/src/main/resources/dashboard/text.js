// Names that cannot deceive, written once for every page (overview, finding, resource).
//
// AWS values (names, tags, ARNs, reasons) are put in the page as text only, never as markup, and
// through this script, which makes two tricks visible:
//  - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and other
//    invisible format characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD, U+180E, the tag
//    characters U+E0000–U+E007F, C0/C1 controls) are shown as ⟨U+202E⟩ in their own style, so
//    "\u202Egpj.exe" cannot pass for "exe.jpg";
//  - a value longer than its limit (80 characters unless told) loses its middle, not its end (a
//    name's end tells names apart), and the whole value, made visible the same way, is the title
//    (shown on hover).
// No inline style or script: the marks are spans with a class (the CSP allows no inline style).
"use strict";

const CsText = (() => {
  const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u{E0000}-\u{E007F}]/u;
  const NAME_LIMIT = 80;

  function codePoint(ch) {
    return "⟨U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") + "⟩";
  }

  /** The value's characters (code points, so a cut never splits an emoji's surrogate pair). */
  function chars(value) {
    return Array.from(value == null ? "" : String(value));
  }

  /** [head, tail] when the value is longer than max (tail null otherwise). */
  function cut(list, max) {
    if (list.length <= max) return [list, null];
    const keep = Math.max(2, max - 1);
    const head = Math.ceil(keep / 2);
    return [list.slice(0, head), list.slice(list.length - (keep - head))];
  }

  /** The value as plain text with the invisible characters spelled out (for titles, document.title). */
  function visible(value, max) {
    const [head, tail] = cut(chars(value), max == null ? Infinity : max);
    const spell = list => list.map(ch => INVISIBLE.test(ch) ? codePoint(ch) : ch).join("");
    return tail == null ? spell(head) : spell(head) + "…" + spell(tail);
  }

  function append(node, list) {
    let run = "";
    list.forEach(ch => {
      if (!INVISIBLE.test(ch)) {
        run += ch;
        return;
      }
      if (run) node.appendChild(document.createTextNode(run));
      run = "";
      const mark = document.createElement("span");
      mark.className = "cs-invisible";
      mark.textContent = codePoint(ch);
      node.appendChild(mark);
    });
    if (run) node.appendChild(document.createTextNode(run));
  }

  /**
   * Replaces node's content with the value, made visible and shortened to max characters (80 by
   * default; Infinity for none); a shortened value's whole text is the node's title.
   */
  function put(node, value, max) {
    node.replaceChildren();
    node.removeAttribute("title");
    const list = chars(value);
    const [head, tail] = cut(list, max == null ? NAME_LIMIT : max);
    append(node, head);
    if (tail != null) {
      const mark = document.createElement("span");
      mark.className = "cs-cut";
      mark.textContent = "…";
      node.appendChild(mark);
      append(node, tail);
      node.title = visible(value);
      node.classList.add("cs-shortened");
    }
    return node;
  }

  /** A new element (span unless told) holding the value as put() does. */
  function node(value, max, tag) {
    return put(document.createElement(tag || "span"), value, max);
  }

  /**
   * A resource page's path: /resources/<the key's UTF-8 bytes as lower-case hex>. A key holds '/',
   * ':' and upper case, which the server's canonical-path rule refuses; hex keeps one URL per key.
   */
  function resourcePath(key) {
    return "/resources/" + Array.from(new TextEncoder().encode(key), b => b.toString(16).padStart(2, "0")).join("");
  }

  /** The resource key of a /resources/<hex> path segment, or null. */
  function resourceKey(segment) {
    if (!/^(?:[0-9a-f]{2})+$/.test(segment)) return null;
    const bytes = new Uint8Array(segment.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(segment.substr(2 * i, 2), 16);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (e) {
      return null;
    }
  }

  /** A link (textContent only) to href holding value as put() does. */
  function link(href, value, max) {
    const a = document.createElement("a");
    a.href = href;
    return put(a, value, max);
  }

  return { put, node, link, visible, resourcePath, resourceKey, NAME_LIMIT };
})();
