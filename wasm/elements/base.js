// What every certpolicy element shares: inputs declared once (name → kind),
// the shared engine asked once per change (and per second while a deadline is
// live, at the instant a dated change of the policy starts to apply, and when
// the page replaces the engine), a skeleton built once and written in place
// (only the words and attributes that changed), `updateComplete`, the
// `certpolicy-decision` event, the theme and its announcements.
import { onEngineReplaced, sharedEngine } from "./engine.js";
import { chinaTime, labelled, localeOf, viewerTime, yuan } from "./format.js";
import { ElementBase, holdEarlyProperties, loadFailure, readInput, setEarlyProperties } from "./inputs.js";
import zhCN from "./strings/zh-CN.js";
import zhHant from "./strings/zh-Hant.js";
import en from "./strings/en.js";

const WORDS = { "zh-CN": zhCN, "zh-Hant": zhHant, en };

/** The theme: CSS custom properties, each with its default; every piece has a ::part(). */
export const STYLE = `
:host { display: block; font: var(--certpolicy-font, inherit); color: var(--certpolicy-ink, #1d2129); }
:host([hidden]), [hidden] { display: none !important; }
[part~=verdict] { display: inline-block; padding: .2rem .6rem; border-radius: var(--certpolicy-radius, 999px); font-weight: 600; }
[part~=verdict][data-tone=ok] { background: var(--certpolicy-ok-bg, #e3f9e9); color: var(--certpolicy-ok, #006837); }
[part~=verdict][data-tone=bad] { background: var(--certpolicy-bad-bg, #fdecee); color: var(--certpolicy-bad, #b0202e); }
[part~=verdict][data-tone=warn] { background: var(--certpolicy-warn-bg, #fff1e9); color: var(--certpolicy-warn, #8f4308); }
dl { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: .35rem 1rem; margin: .75rem 0; }
dt { color: var(--certpolicy-muted, #5b6270); }
dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.local { display: block; color: var(--certpolicy-muted, #5b6270); font-size: .85em; }
[part~=countdown] { font-variant-numeric: tabular-nums; }
[part~=countdown][data-counting] { color: var(--certpolicy-brand, #0052d9); font-weight: 600; }
[part~=next-step] { margin: .5rem 0; padding: .4rem .6rem; border-left: 3px solid var(--certpolicy-brand, #0052d9); background: var(--certpolicy-note-bg, #f5f7fa); }
[part~=why-title] { display: block; margin-top: .75rem; }
[part~=reasons] { margin: .25rem 0; padding-left: 1.2rem; }
[part~=reason] { margin: .2rem 0; }
[part~=error] { color: var(--certpolicy-bad, #b0202e); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

// One constructed sheet per element class: a page's strict CSP (style-src
// without 'unsafe-inline') blocks <style> elements, not adopted sheets.
const SHEETS = new Map();
function adoptStyle(root, type) {
  const css = STYLE + (type.style ?? "");
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    if (!SHEETS.has(type)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      SHEETS.set(type, sheet);
    }
    root.adoptedStyleSheets = [SHEETS.get(type)];
  } else {
    const style = document.createElement("style");
    style.textContent = css;
    root.prepend(style);
  }
}

/** How an attribute is read, by the input's kind: a JSON object (a parse error is said), plain text, or presence. */
const READ = {
  json: (value) => (value === null ? undefined : JSON.parse(value)),
  text: (value) => value ?? undefined,
  boolean: (value) => value !== null,
};

/** Sets `node`'s text only when it differs (a selection or a screen reader's place in it stays). */
export function text(node, value) {
  const s = String(value ?? "");
  if (node.textContent !== s) node.textContent = s;
  return node;
}

/** Sets (or, for null/undefined/false, removes) attributes whose value differs; `data-x` sets dataset. */
export function attrs(node, values) {
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
    } else {
      const s = value === true ? "" : String(value);
      if (node.getAttribute(name) !== s) node.setAttribute(name, s);
    }
  }
  return node;
}

/**
 * The indices of `order` (old positions, -1 for new items) that stay where
 * they are when the others move: the heaviest increasing run, O(n²) for the
 * few dozen items an element lists. A node holding the focus, the pointer or
 * the selection weighs more than all others together, so it is never moved.
 *   kept([0, 2, 1, 3], [1, 1, 9, 1]) → {0, 1, 3} (old 2, the heavy one, stays; old 1 moves)
 */
function kept(order, weight) {
  const n = order.length;
  const best = new Array(n).fill(0);
  const from = new Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (order[i] < 0) continue;
    best[i] = weight[i];
    for (let j = 0; j < i; j++) {
      if (order[j] >= 0 && order[j] < order[i] && best[j] + weight[i] > best[i]) { best[i] = best[j] + weight[i]; from[i] = j; }
    }
  }
  const stay = new Set();
  let at = best.reduce((top, b, i) => (b > (best[top] ?? 0) ? i : top), -1);
  for (; at >= 0; at = from[at]) stay.add(at);
  return stay;
}

export class CertpolicyElement extends ElementBase {
  /** The inputs, declared once: name → "json" (object; a JSON attribute too), "text" or "boolean". */
  static properties = {};
  /** Inputs every element has. */
  static shared = { locale: "text", now: "text", quiet: "boolean" };

  static get observedAttributes() {
    return Object.keys({ ...CertpolicyElement.shared, ...this.properties });
  }

  /** Defines the element under `name` (once: a name already taken is left alone) with an accessor per input. */
  static define(name) {
    for (const input of Object.keys(this.properties)) {
      if (Object.hasOwn(this.prototype, input)) continue;
      Object.defineProperty(this.prototype, input, {
        configurable: true,
        get() { return this._data[input]; },
        set(value) {
          this._takeInput(input, value);
          this.requestUpdate();
        },
      });
    }
    if (typeof customElements !== "undefined" && !customElements.get(name)) customElements.define(name, this);
    return this;
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this._data = {};
    this._now = null;
    this._timer = 0;
    this._said = "";
    this._view = null;
    this._waiting = [];
    this.result = null;
    // A value a page or a framework set before the element was defined is an own property that hides the
    // accessor: it is held here and set through the accessor when the element connects, after the
    // attributes a server rendered were read (the standard upgrade pattern; inputs.js).
    holdEarlyProperties(this, Object.keys({ ...CertpolicyElement.shared, ...this.constructor.properties }));
  }

  /** "zh-CN", "zh-Hant" or "en", from the attribute (or the page's <html lang>). */
  get locale() { return localeOf(this.getAttribute("locale") ?? document.documentElement.lang ?? "zh-CN"); }
  set locale(value) { this.setAttribute("locale", value); }
  /** Present: the element says nothing to assistive technology (the page announces the answer itself). */
  get quiet() { return this.hasAttribute("quiet"); }
  set quiet(value) { this.toggleAttribute("quiet", Boolean(value)); }
  /** A fixed "now" (a Date or an RFC 3339 instant) for previews; unset, the clock runs. */
  get now() { return this._now ?? this.getAttribute("now"); }
  set now(value) { this._now = value instanceof Date ? value.toISOString() : value; this.requestUpdate(); }

  attributeChangedCallback(name, _old, value) {
    const kind = this.constructor.properties[name];
    if (kind) {
      try {
        this._data[name] = READ[kind](value);
        this._attributeError = null;
      } catch {
        this._attributeError = name;
      }
    }
    this.requestUpdate();
  }

  /** An input set as a property: a JSON input takes an object or JSON text (readInput: what a server render or a framework that passes strings gives). */
  _takeInput(name, value) {
    const json = this.constructor.properties[name] === "json";
    const read = readInput(value, !json);
    if (read.error) this._attributeError = name;
    else {
      this._data[name] = read.value;
      this._attributeError = null;
    }
  }

  connectedCallback() {
    setEarlyProperties(this);
    this._connected = true;
    // A new policy (the page read a changed file): decide again with it.
    this._unsubscribe ??= onEngineReplaced(() => {
      this._engine = null;
      this.requestUpdate();
    });
    this.requestUpdate();
  }

  disconnectedCallback() {
    this._connected = false;
    clearInterval(this._timer);
    clearTimeout(this._switch);
    this._timer = 0;
    this._unsubscribe?.();
    this._unsubscribe = null;
  }

  /**
   * On the page's clock, decides again at the next instant a dated change of
   * the policy starts to apply (a page left open across it switches then).
   */
  _scheduleSwitch(engine) {
    clearTimeout(this._switch);
    const next = this.now ? null : engine.nextPolicyChange?.(Date.now());
    if (!next) return;
    // setTimeout holds at most 2^31 - 1 ms (24.8 days): a later change is looked at again then.
    const wait = Math.min(Math.max(next.getTime() - Date.now(), 0), 0x7fffffff);
    this._switch = setTimeout(() => this.requestUpdate(), wait);
  }

  /**
   * Resolves with the answer once the element has decided for every input given so far
   * (at once when it has and nothing is pending).
   *   await el.updateComplete; el.result.ok
   */
  get updateComplete() {
    if (this.result && !this._fresh) return Promise.resolve(this.result);
    return new Promise((resolve) => this._waiting.push(resolve));
  }

  /** A word of the element's locale, {name}s filled; `key.one` when `vars.n` is 1 and the locale has it ("1 day"). */
  /** An amount of fen as this element's locale writes money, the engine's sentences beside it alike ("CNY 3580.00" in English). */
  money(fen) { return yuan(fen, this.word("yuan_prefix")); }

  word(key, vars = {}) {
    const words = WORDS[this.locale];
    const form = vars.n === 1 && words[`${key}.one`] !== undefined ? `${key}.one` : key;
    return String(words[form] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
  }

  /** The instant decided for: the fixed `now`, else the clock. */
  instant() {
    const now = this.now;
    return now ? String(now) : new Date().toISOString();
  }

  /** The engine's answer to a request of `type` with the element's locale and instant: ask("certificate", { passes }). */
  ask(type, inputs) {
    return this._engine.evaluate({ type, locale: this.locale, now: this.instant(), ...inputs });
  }

  /** An input changed (property, attribute, locale, now): decide once more, and say so with an event. */
  requestUpdate() {
    this._fresh = true;
    if (!this._connected || this._pending) return;
    this._pending = true;
    queueMicrotask(() => {
      this._pending = false;
      this._decide();
    });
  }

  async _decide() {
    try {
      if (!this._engine && !this._view) this._status ??= this.shadowRoot.appendChild(this.box("p", "status", this.word("loading")));
      this._engine ??= await sharedEngine();
    } catch (e) {
      this._answer(loadFailure(this.word("load_failed"), e));
      return;
    }
    if (!this._connected) return;
    let result = this._attributeError
      ? { ok: false, error: { code: "INVALID_REQUEST", detail: "MALFORMED_JSON", path: this._attributeError, expected: "JSON",
        message: this.word("bad_attribute", { name: this._attributeError }) } }
      : null;
    // Whatever a page hands in, the element answers; it never throws from a timer.
    try {
      result ??= this.decide();
      this._answer(result);
    } catch {
      result = { ok: false, error: { code: "INTERNAL", detail: "INTERNAL", path: "", expected: "", message: this.word("internal") } };
      this._answer(result);
    }
    this._scheduleSwitch(this._engine);
    // A live deadline re-decides every second; a fixed `now` never ticks.
    const live = result.ok && !this.now && this.ticks(result);
    if (live && !this._timer) this._timer = setInterval(() => this._decide(), 1000);
    if (!live && this._timer) { clearInterval(this._timer); this._timer = 0; }
  }

  /** Shows an answer in the skeleton (built on the first), sends the event, keeps its promise. */
  _answer(result) {
    this.result = result;
    if (!this._view) {
      // Built once: the live region must exist before what it says changes.
      this._view = this.box("div", "body");
      this._error = this.box("p", "error", "", { hidden: "" });
      this._announce = this.box("div", "", "", { role: "status", class: "sr" });
      this.build(this._view);
      this._status?.remove();
      this.shadowRoot.append(this._error, this._view, this._announce);
      adoptStyle(this.shadowRoot, this.constructor);
    }
    attrs(this._view, { hidden: !result.ok });
    attrs(this._error, { hidden: result.ok });
    if (result.ok) this.update(result);
    else text(this._error, result.error.message);
    // An event answers every change of input, and a tick only when the answer changed;
    // the announcement is made only when the answer changed.
    const key = result.ok ? this.stateKey(result) : `error|${result.error.path}|${result.error.detail}`;
    const changed = key !== this._said;
    if (changed) {
      this._said = key;
      text(this._announce, this.quiet ? "" : result.ok ? this.summary(result) : result.error.message);
    }
    const fresh = this._fresh;
    this._fresh = false;
    if (changed || fresh) this.dispatchEvent(new CustomEvent("certpolicy-decision", { detail: result, bubbles: true, composed: true }));
    if (!this._fresh) for (const resolve of this._waiting.splice(0)) resolve(result);
  }

  /** An element with `part` (and text, and attributes). */
  box(tag, part, words = "", values = {}) {
    const el = document.createElement(tag);
    if (part) el.setAttribute("part", part);
    if (words) el.textContent = words;
    return attrs(el, values);
  }

  /**
   * Makes `parent`'s children the nodes of `items`, by key: a node is made once per key
   * (`make(item)`), written in place (`write(node, item)`), removed when its key goes;
   * when the order changes, the fewest nodes move and never the one holding the focus,
   * the pointer or a selection.
   */
  list(parent, items, keyOf, make, write) {
    const old = parent._keyed ?? new Map();
    const nodes = items.map((item) => old.get(keyOf(item)) ?? make(item));
    const next = new Map(nodes.map((node, k) => [keyOf(items[k]), node]));
    for (const [key, node] of old) if (next.get(key) !== node) node.remove();
    parent._keyed = next;
    nodes.forEach((node, k) => write(node, items[k]));
    const present = [...parent.children];
    if (nodes.length === present.length && nodes.every((node, k) => present[k] === node)) return;
    const at = new Map(present.map((node, k) => [node, k]));
    const held = this.held();
    const heavy = nodes.length + 1;
    const stay = kept(nodes.map((node) => at.get(node) ?? -1), nodes.map((node) => (held.some((h) => node.contains(h)) ? heavy : 1)));
    // From the end: each node that moves goes before the one after it.
    for (let k = nodes.length - 1; k >= 0; k--) {
      if (stay.has(k)) continue;
      parent.insertBefore(nodes[k], nodes[k + 1] ?? null);
    }
  }

  /** The nodes a person is on: the focused one, the pointed-at ones, the selection's ends. */
  held() {
    const root = this.shadowRoot;
    const selection = root.getSelection?.();
    return [root.activeElement, ...root.querySelectorAll(":hover"), selection?.anchorNode, selection?.focusNode].filter(Boolean);
  }

  /**
   * A <dl> (parts "facts", "label", "value <name>") with a row per name, built once; `write(dl, rows)` fills
   * it: [name, label, value] per row shown, other rows hidden; a value is a text, a node kept in its <dd>, or
   * a function writing the <dd>.
   */
  facts(names) {
    const dl = this.box("dl", "facts");
    for (const name of names) {
      const dd = this.box("dd", `value ${name}`, "", { "data-name": name });
      dl.append(this.box("dt", "label", "", { "data-name": name }), dd);
    }
    return dl;
  }

  writeFacts(dl, rows) {
    const shown = new Map(rows.filter(Boolean).map(([name, label, value]) => [name, [label, value]]));
    for (const cell of dl.children) {
      const row = shown.get(cell.dataset.name);
      attrs(cell, { hidden: !row });
      // A hidden row keeps no stale words, and keeps its nodes (a time's viewer-time line): built once.
      if (!row) for (const n of cell.childNodes) n.nodeType === Node.TEXT_NODE ? (n.nodeValue = "") : text(n, "");
      else if (cell.localName === "dt") text(cell, row[0]);
      else if (typeof row[1] === "function") row[1](cell);
      else if (row[1] instanceof Node) { if (cell.firstChild !== row[1]) cell.replaceChildren(row[1]); }
      else text(cell, row[1] ?? "—");
    }
  }

  /**
   * Writes an instant into `dd`: China time, with the viewer's own time under it when that zone is not at +08:00.
   *   2026-11-26 10:00 (China time) / your time: Nov 25, 2026, 21:00 (Eastern Time)
   */
  when(iso) {
    return (dd) => {
      if (!dd.firstChild) dd.append(document.createTextNode(""), this.box("span", "local-time", "", { class: "local" }));
      const china = iso ? `${chinaTime(iso)} (${this.word("china_time")})` : "—";
      if (dd.firstChild.nodeValue !== china) dd.firstChild.nodeValue = china;
      const local = viewerTime(iso, this.locale);
      text(attrs(dd.lastChild, { hidden: !local }), local ? labelled(this.word("your_time"), local, this.locale) : "");
    };
  }

  /** The engine's one next step (exam orders), built once: its node, and `writeNextStep(p, r)`. */
  nextStep() {
    const p = this.box("p", "next-step", "", { hidden: "" });
    p.append(this.box("strong", "", ""), document.createTextNode(""));
    return p;
  }

  writeNextStep(p, r) {
    attrs(p, { hidden: !r.next_step, "data-code": r.next_step?.code });
    text(p.firstChild, this.word("next_step"));
    if (p.lastChild.nodeValue !== ` ${r.next_step?.message ?? ""}`) p.lastChild.nodeValue = ` ${r.next_step?.message ?? ""}`;
  }

  /** "Why": the engine's reasons, each sentence with its rule ID as a tooltip (developer detail, not in the sentence). */
  reasons() {
    const why = this.box("div", "why");
    why.append(this.box("strong", "why-title"), this.box("ul", "reasons"));
    return why;
  }

  writeReasons(why, reasons) {
    text(why.firstChild, this.word("why"));
    this.ruleList(why.lastChild, reasons, "reason");
  }

  /**
   * A list of the engine's reasons as <li part=`part`>, keyed by rank, each with its code and rule as data
   * (developer detail: a `title` would make "Rule EXO-4" the item's accessible name, read before its sentence).
   */
  ruleList(ul, reasons, part) {
    this.list(ul, reasons.map((x, k) => ({ ...x, k })), (x) => x.k, () => this.box("li", part), (li, x) =>
      attrs(text(li, x.message), { "data-code": x.code, "data-rule": x.rule }));
  }

  // Subclasses: decide() → result (usually this.ask(type, inputs)); build(body) → the skeleton, once;
  // update(result) → writes what changed into it; stateKey(result) → what, changed, is announced and
  // sent as an event; summary(result) → the sentence announced; ticks(result) → re-decide each second.
  stateKey(r) { return JSON.stringify(r); }
  summary() { return ""; }
  ticks() { return false; }
}
