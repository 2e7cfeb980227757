// What every certpolicy element shares: the shared engine, the `locale` and
// `now` inputs, its data as a property or a JSON attribute, one decision per
// change (and per second while it shows a live deadline), the
// `certpolicy-decision` event, the theme and its announcements.
import { sharedEngine } from "./engine.js";
import { localeOf } from "./format.js";
import { ElementBase, holdEarlyProperties, setEarlyProperties, readInput, loadFailure } from "./inputs.js";
import zhCN from "./strings/zh-CN.js";
import zhHant from "./strings/zh-Hant.js";
import en from "./strings/en.js";

const WORDS = { "zh-CN": zhCN, "zh-Hant": zhHant, en };

/** The theme: CSS custom properties, each with its default; every piece has a ::part(). */
export const STYLE = `
:host { display: block; font: var(--certpolicy-font, inherit); color: var(--certpolicy-ink, #1d2129); }
:host([hidden]) { display: none; }
[part~=verdict] { display: inline-block; padding: .2rem .6rem; border-radius: var(--certpolicy-radius, 999px); font-weight: 600; }
[part~=verdict][data-tone=ok] { background: var(--certpolicy-ok-bg, #e3f9e9); color: var(--certpolicy-ok, #006837); }
[part~=verdict][data-tone=bad] { background: var(--certpolicy-bad-bg, #fdecee); color: var(--certpolicy-bad, #b0202e); }
[part~=verdict][data-tone=warn] { background: var(--certpolicy-warn-bg, #fff1e9); color: var(--certpolicy-warn, #8f4308); }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .35rem 1rem; margin: .75rem 0; }
dt { color: var(--certpolicy-muted, #5b6270); }
dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.local { display: block; color: var(--certpolicy-muted, #5b6270); font-size: .85em; }
[part~=countdown] { color: var(--certpolicy-brand, #0052d9); font-variant-numeric: tabular-nums; font-weight: 600; }
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

/**
 * Make `target`'s children like `source`'s, keeping each node that has the same
 * tag (and data-key) at the same place: only what differs is written.
 *   patch(<p>"2 d 00:00:05"</p>, <p>"2 d 00:00:04"</p>) → the same <p>, its text changed
 */
function patch(target, source) {
  const wanted = [...source.childNodes];
  wanted.forEach((want, i) => {
    const have = target.childNodes[i];
    if (!have) target.append(want);
    else if (have.nodeName !== want.nodeName || have.dataset?.key !== want.dataset?.key) target.replaceChild(want, have);
    else if (want.nodeType !== Node.ELEMENT_NODE) { if (have.nodeValue !== want.nodeValue) have.nodeValue = want.nodeValue; }
    else {
      for (const { name } of [...have.attributes]) if (!want.hasAttribute(name)) have.removeAttribute(name);
      for (const { name, value } of want.attributes) if (have.getAttribute(name) !== value) have.setAttribute(name, value);
      patch(have, want);
    }
  });
  while (target.childNodes.length > wanted.length) target.lastChild.remove();
}

export class CertpolicyElement extends ElementBase {
  /** The request's data members this element takes (property and JSON attribute of the same name). */
  static inputs = [];
  /** Inputs whose attribute is plain text, not JSON (e.g. level="TCCA"). */
  static textInputs = [];
  static get observedAttributes() {
    return ["locale", "now", "quiet", ...this.inputs];
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this._data = {};
    this._now = null;
    this._timer = 0;
    this._said = "";
    this._body = null;
    this.result = null;
    holdEarlyProperties(this, [...this.constructor.inputs, "locale", "now", "quiet"]);
    for (const name of this.constructor.inputs) {
      Object.defineProperty(this, name, {
        get: () => this._data[name],
        set: (value) => { this._takeInput(name, value); this._update(); },
      });
    }
  }

  /** "zh-CN", "zh-Hant" or "en", from the attribute (or the page's <html lang>). */
  get locale() { return localeOf(this.getAttribute("locale") ?? document.documentElement.lang ?? "zh-CN"); }
  set locale(value) { this.setAttribute("locale", value); }
  /** Present: the element says nothing to assistive technology (the page announces the answer itself). */
  get quiet() { return this.hasAttribute("quiet"); }
  set quiet(value) { this.toggleAttribute("quiet", Boolean(value)); }
  /** A fixed "now" (a Date or an RFC 3339 instant) for previews; unset, the clock runs. */
  get now() { return this._now ?? this.getAttribute("now"); }
  set now(value) { this._now = value instanceof Date ? value.toISOString() : value; this._update(); }

  attributeChangedCallback(name, _old, value) {
    if (this.constructor.inputs.includes(name)) this._takeInput(name, value);
    this._update();
  }

  /** An input from its property or attribute: an object, or JSON text (readInput). */
  _takeInput(name, value) {
    const text = this.constructor.textInputs.includes(name);
    const read = readInput(value, text);
    if (read.error) this._attributeError = name;
    else {
      this._data[name] = read.value;
      if (!text) this._attributeError = null;
    }
  }

  connectedCallback() {
    setEarlyProperties(this);
    this._connected = true;
    this._update();
  }

  disconnectedCallback() {
    this._connected = false;
    clearInterval(this._timer);
    this._timer = 0;
  }

  /** A word of the element's locale, {name}s filled. */
  word(key, vars = {}) {
    return String(WORDS[this.locale][key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
  }

  /** The instant decided for: the fixed `now`, else the clock. */
  instant() {
    const now = this.now;
    return now ? String(now) : new Date().toISOString();
  }

  /** An input changed (property, attribute, locale, now): decide once more, and say so with an event. */
  _update() {
    this._fresh = true;
    if (!this._connected || this._pending) return;
    this._pending = true;
    queueMicrotask(() => {
      this._pending = false;
      this._decide();
    });
  }

  async _decide() {
    let engine;
    try {
      if (!this._engine && !this._body) this.shadowRoot.replaceChildren(this.box("p", "status", this.word("loading")));
      engine = this._engine ??= await sharedEngine();
    } catch (e) {
      this.result = loadFailure(this.word("load_failed"), e);
      this._show(this.result);
      return;
    }
    if (!this._connected) return;
    let result = this._attributeError
      ? { ok: false, error: { code: "INVALID_REQUEST", detail: "MALFORMED_JSON", path: this._attributeError, expected: "JSON",
        message: this.word("bad_attribute", { name: this._attributeError }) } }
      : null;
    // Whatever a page hands in, the element answers; it never throws from a timer.
    try {
      result ??= this.decide(engine);
      this.result = result;
      this._show(result);
    } catch {
      result = { ok: false, error: { code: "INTERNAL", detail: "INTERNAL", path: "", expected: "", message: this.word("internal") } };
      this.result = result;
      this._show(result);
    }
    // A live deadline re-decides every second; a fixed `now` never ticks.
    const live = result.ok && !this.now && this.ticks(result);
    if (live && !this._timer) this._timer = setInterval(() => this._decide(), 1000);
    if (!live && this._timer) { clearInterval(this._timer); this._timer = 0; }
  }

  _show(result) {
    if (!this._body) {
      // Built once: the live region must exist before what it says changes.
      this._body = this.box("div", "body");
      this._said = "";
      this._announce = this.box("div", "", "", { role: "status", class: "sr" });
      this.shadowRoot.replaceChildren(this._body, this._announce);
      adoptStyle(this.shadowRoot, this.constructor);
    }
    const next = document.createElement("div");
    next.append(...(result.ok ? this.render(result) : [this.box("p", "error", result.error.message)]));
    // A tick changes words and attributes in the nodes already shown, so the focus, a screen
    // reader's place and a selection stay; a point that moved is focused again by its key.
    const focused = this.shadowRoot.activeElement;
    patch(this._body, next);
    if (focused?.dataset.key && !focused.isConnected) this._body.querySelector(`[data-key="${focused.dataset.key}"]`)?.focus({ preventScroll: true });
    // An event answers every change of input, and a tick only when the answer changed;
    // the announcement is made only when the answer changed.
    const key = result.ok ? this.stateKey(result) : `error|${result.error.path}|${result.error.detail}`;
    const changed = key !== this._said;
    if (changed) {
      this._said = key;
      this._announce.textContent = this.quiet ? "" : result.ok ? this.summary(result) : result.error.message;
    }
    if (changed || this._fresh) this.dispatchEvent(new CustomEvent("certpolicy-decision", { detail: result, bubbles: true, composed: true }));
    this._fresh = false;
  }

  /** An element with `part` (and text, and attributes). */
  box(tag, part, text = "", attrs = {}) {
    const el = document.createElement(tag);
    if (part) el.setAttribute("part", part);
    if (text) el.textContent = text;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  }

  /** A <dl> of [label, value | Node] pairs, parts "facts", "label", "value <name>". */
  facts(rows) {
    const dl = this.box("dl", "facts");
    for (const [name, label, value] of rows) {
      const dt = this.box("dt", "label", label);
      const dd = this.box("dd", `value ${name}`);
      dd.dataset.name = name;
      if (value instanceof Node) dd.append(value);
      else dd.textContent = value ?? "—";
      dl.append(dt, dd);
    }
    return dl;
  }

  /** The engine's one next step (exam orders), or nothing. */
  nextStep(r) {
    if (!r.next_step) return [];
    const p = this.box("p", "next-step");
    p.dataset.code = r.next_step.code;
    p.append(this.box("strong", "", this.word("next_step")), ` ${r.next_step.message}`);
    return [p];
  }

  /** "Why": the engine's reasons, each sentence with its rule ID as a tooltip (developer detail, not in the sentence). */
  reasons(r) {
    const why = this.box("div", "why");
    const list = this.box("ul", "reasons");
    for (const reason of r.reasons) {
      const li = this.box("li", "reason", reason.message, { title: `${this.word("rule")} ${reason.rule}` });
      li.dataset.code = reason.code;
      li.dataset.rule = reason.rule;
      list.append(li);
    }
    why.append(this.box("strong", "why-title", this.word("why")), list);
    return why;
  }

  // Subclasses: decide(engine) → result; render(result) → Node[];
  // stateKey(result) → what, changed, is announced and sent as an event;
  // summary(result) → the sentence announced; ticks(result) → re-decide each second.
  stateKey(r) { return JSON.stringify(r); }
  summary() { return ""; }
  ticks() { return false; }
}
