// Shared by the pages: locale, strings, the engine (loaded on a page's first
// need), China-time inputs and formatting. Everything policy-related is decided by the engine.
import { LOCALES, STRINGS } from "./i18n.js";
import { CHINA_OFFSET_MIN, INTL, pad } from "/pkg/elements/format.js";

// The policy state in force (js/engine.js's), once a deciding page has loaded the engine.
let policyState = () => null;

function currentLocale() {
  const q = new URLSearchParams(location.search).get("lang");
  if (LOCALES.includes(q)) return q;
  const saved = localStorage.getItem("certpolicy.lang");
  return LOCALES.includes(saved) ? saved : "zh-CN";
}

// No form of these pages submits anywhere: Enter in a field must never
// reload the page and lose what was typed.
document.addEventListener("submit", (e) => e.preventDefault());

let locale = currentLocale();
export const getLocale = () => locale;
export const t = (key) => STRINGS[locale][key] ?? STRINGS["zh-CN"][key] ?? key;
/** t() with {name} placeholders filled from `vars`. */
export const tf = (key, vars) => t(key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));

/** Fills [data-i18n] text and [data-i18n-aria] labels; sets <html lang>; rewrites the date read-backs. */
export function applyStrings(root = document) {
  document.documentElement.lang = locale;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  document.title = t(document.body.dataset.titleKey || "app.title");
  for (const input of root.querySelectorAll('input[type="date"], input[type="datetime-local"]')) addReadback(input);
}

/**
 * A date or China-time input's value said back in words that cannot be
 * misread, whatever order the browser's own control shows (12/02/2026 is
 * 2 December to some and 12 February to others):
 *   "2026-12-02T20:38" → "2026年12月2日 星期三 20:38（北京时间）" / "Wed, Dec 2, 2026, 20:38 (China time)"
 */
export function readback(value) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value ?? "");
  if (!m) return "";
  const day = new Date(`${m[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return "";
  const date = new Intl.DateTimeFormat(intlLocale(), {
    timeZone: "UTC", weekday: "short", year: "numeric", month: locale === "en" ? "short" : "long", day: "numeric",
  }).format(day);
  if (!m[2]) return date;
  return locale === "en" ? `${date}, ${m[2]} (${t("china_time")})` : `${date} ${m[2]}（${t("china_time")}）`;
}

/** Adds (once) and fills the read-back line under a date input. */
export function addReadback(input) {
  let line = input.nextElementSibling?.classList.contains("readback") ? input.nextElementSibling : null;
  if (!line) {
    line = document.createElement("span");
    line.className = "readback";
    line.dataset.testid = `readback-${input.id || input.name || "date"}`;
    input.after(line);
    input.addEventListener("input", () => { line.textContent = readback(input.value); });
    input.addEventListener("change", () => { line.textContent = readback(input.value); });
  }
  line.textContent = readback(input.value);
}

export const PAGES = [
  ["index.html", "nav.home"], ["purchase.html", "nav.purchase"], ["booking.html", "nav.booking"],
  ["certificates.html", "nav.certificates"], ["practitioner.html", "nav.practitioner"],
  ["training.html", "nav.training"], ["console.html", "nav.console"], ["catalogue.html", "nav.catalogue"],
];

/**
 * The shared header: title, one link per page and the language menu. On a
 * narrow screen the links and the menu fold behind one "Menu" button, so the
 * header stays one line.
 */
function renderHeader() {
  const top = document.getElementById("top");
  if (!top) return;
  const here = location.pathname.split("/").pop() || "index.html";
  const h1 = document.createElement("h1");
  const home = document.createElement("a");
  home.href = "index.html";
  home.dataset.i18n = "app.title";
  h1.append(home);
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.id = "menu";
  toggle.className = "menu-toggle";
  toggle.dataset.i18n = "nav.menu";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "site-menu");
  const menu = document.createElement("div");
  menu.id = "site-menu";
  menu.className = "site-menu";
  const nav = document.createElement("nav");
  nav.dataset.i18nAria = "nav.label";
  for (const [href, key] of PAGES) {
    const a = document.createElement("a");
    a.href = href;
    a.dataset.i18n = key;
    if (href === here) a.setAttribute("aria-current", "page");
    nav.append(a);
  }
  const lang = document.createElement("label");
  lang.className = "lang";
  const langName = document.createElement("span");
  langName.className = "visually-hidden";
  langName.dataset.i18n = "lang.label";
  const select = document.createElement("select");
  select.id = "lang";
  select.dataset.testid = "lang";
  for (const l of LOCALES) {
    const option = document.createElement("option");
    option.value = l;
    option.lang = l;
    option.textContent = STRINGS[l]["lang.name"];
    select.append(option);
  }
  lang.append(langName, select);
  menu.append(nav, lang);
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("open", open);
  });
  top.replaceChildren(h1, toggle, menu);
}

// The page's own re-render (setupLocale's onChange): run again when the policy changes.
let pageUpdate = () => {};

/** Wires the language menu; `onChange` re-renders the page. */
export function setupLocale(onChange) {
  pageUpdate = onChange;
  renderHeader();
  const select = document.getElementById("lang");
  if (select) select.value = locale;
  applyStrings();
  select?.addEventListener("change", () => {
    locale = LOCALES.includes(select.value) ? select.value : "zh-CN";
    localStorage.setItem("certpolicy.lang", locale);
    const url = new URL(location.href);
    url.searchParams.set("lang", locale);
    history.replaceState(null, "", url);
    applyStrings();
    renderPolicyFooter();
    renderPolicyWords();
    lastAnnounced = "";
    onChange();
  });
}

let lastAnnounced = "";
/**
 * Says `sentence` to assistive technology when the answer's state changed
 * (`state` is a key of what matters: verdict, deadline, next step), never
 * on a re-render that changed nothing (the countdown re-renders every second).
 */
export function announce(state, sentence) {
  let region = document.getElementById("announce");
  if (!region) {
    region = document.createElement("div");
    region.id = "announce";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.dataset.testid = "announce";
    document.body.append(region);
  }
  if (state === lastAnnounced) return;
  lastAnnounced = state;
  region.textContent = sentence;
}

/** An instant in China time, in words of the page's locale: "2027-01-01 00:00 China time" / "2027-01-01 00:00（北京时间）". */
function chinaWhen(date) {
  const text = chinaInputValue(date).replace("T", " ");
  return locale === "en" ? `${text} ${t("china_time")}` : `${text}（${t("china_time")}）`;
}

/** A policy period ({ months: 12 }, { years: 2 }, { days: 10 }) in words: "12 months" / "12 个月". */
function periodWords(period) {
  for (const unit of ["years", "months", "days"]) {
    const n = period?.[unit];
    if (Number.isInteger(n)) return tf(`period.${n === 1 ? unit.slice(0, -1) : unit}`, { n });
  }
  return "";
}

/** Words the policy in force decides, on the page outside any answer: each flow's validity. */
function renderPolicyWords() {
  const state = policyState();
  if (!state) return;
  const doc = liveDocument();
  for (const el of document.querySelectorAll('[data-i18n^="flow."]')) {
    const validity = doc?.exam_order?.flows?.[el.dataset.i18n.slice(5)]?.validity;
    el.textContent = validity ? tf("flow.with_validity", { flow: t(el.dataset.i18n), validity: periodWords(validity) }) : t(el.dataset.i18n);
  }
}
let liveDocument = () => null;

/**
 * The footer every deciding page shows: the policy version it decides with;
 * each dated change of the file still to come, when and for what it applies
 * (announced only once the whole file was validated); and, when a published
 * file could not be used, a discreet note why.
 */
function renderPolicyFooter(state = policyState()) {
  if (!state) return;
  let footer = document.getElementById("policy-footer");
  if (!footer) {
    footer = document.createElement("footer");
    footer.id = "policy-footer";
    footer.className = "policy-footer";
    footer.dataset.testid = "policy-footer";
    document.body.append(footer);
  }
  footer.dataset.version = state.version;
  footer.dataset.source = state.source;
  const line = document.createElement("p");
  line.textContent = tf("policy.version", { version: state.version });
  footer.replaceChildren(line);
  for (const change of state.changes) {
    if (!change.effectiveFrom || change.effectiveFrom.getTime() <= Date.now()) continue;
    const p = document.createElement("p");
    p.className = "policy-change";
    p.dataset.testid = "policy-change";
    p.dataset.id = change.id;
    p.dataset.appliesTo = change.appliesTo;
    p.textContent = tf(`policy.change.${change.appliesTo}`, { id: change.id, from: chinaWhen(change.effectiveFrom) });
    footer.append(p);
  }
  if (state.notice) {
    const note = document.createElement("p");
    note.className = "policy-notice";
    note.dataset.testid = "policy-notice";
    note.dataset.reason = state.notice.reason;
    note.textContent = tf(`policy.notice.${state.notice.reason}`, { version: state.version });
    // Developer detail (the field and its place in the file) as a tooltip, not in the sentence.
    if (state.notice.detail) note.title = state.notice.detail;
    footer.append(note);
  }
}

/**
 * Loads the engine, showing progress and failure in #status. A deciding page's head
 * starts js/engine.js itself (async); this awaits that same module, and a page that
 * decides nothing (the home page) never loads it.
 */
export async function loadEngine() {
  const status = document.getElementById("status");
  if (status) status.textContent = t("loading");
  try {
    const live = await import("./engine.js");
    const engine = await live.engineReady;
    policyState = live.policyState;
    if (status) status.hidden = true;
    liveDocument = () => engine.policyDocument(Date.now());
    renderPolicyFooter();
    renderPolicyWords();
    // A re-read file (a new version, a rollback), or a dated change starting
    // to apply: the footer, the words and the page's own decisions again.
    live.onPolicyChange(() => {
      renderPolicyFooter();
      renderPolicyWords();
      lastAnnounced = "";
      pageUpdate();
    });
    return engine;
  } catch (e) {
    if (status) {
      status.textContent = t("load.failed") + (e?.message ?? e);
      status.className = "error-box";
    }
    throw e;
  }
}

/** A Date as the value of <input type="datetime-local"> in China time. */
export function chinaInputValue(date) {
  const d = new Date(date.getTime() + CHINA_OFFSET_MIN * 60000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-11-26T10:00" (China time, from an input; seconds and milliseconds kept) → RFC 3339 with +08:00, or null. */
export function chinaInstant(value) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value || "")) return null;
  return `${value.length === 16 ? value + ":00" : value}+08:00`;
}

/** The Intl locale of the page's locale. */
const intlLocale = () => INTL[locale];

/**
 * What a person types as an amount in yuan → fen; "" → 0; null when it is
 * not an amount with at most two decimals. Accepted as people write it:
 * full-width digits and punctuation (１２００．５), a currency sign or word
 * before or after (¥1200, ￥1200, 1200元, CNY 1200), thousands separators in
 * their places (1,200 or 1 200). "12.345" and "1,20" are refused, never
 * guessed.
 *   yuanToFen("1,200") === 120000; yuanToFen("１２００") === 120000; yuanToFen("12.345") === null
 */
export function yuanToFen(text) {
  let s = String(text ?? "").normalize("NFKC").trim();
  s = s.replace(/^(?:¥|CNY|RMB)\s*/i, "").replace(/\s*(?:元|CNY|RMB)$/i, "").trim();
  if (s === "") return 0;
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[, ]/g, "");
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** An input-level failure shown in place of the verdict (never a verdict from a value the person did not mean). */
export function inputFailure(message) {
  return { ok: false, error: { code: "INVALID_REQUEST", detail: "BAD_FORMAT", path: "", expected: "", message } };
}

/** A field the page itself found empty or not a time, said as the engine's refusals are ("请填写当前时间"). */
export function fieldFailure(path) {
  return { ok: false, error: { code: "INVALID_REQUEST", detail: "MISSING", path, expected: "", message: tf("error.missing", { field: t(path) }) } };
}

// The request fields the pages fill, by the i18n key of their label.
const FIELD_LABELS = {
  now: "now", "order.paid_at": "paid_at", "purchase.paid_at": "paid_at", "order.booking.exam_at": "exam_at",
  exam_at: "exam_at", "enrolment.class_start": "class_start", "enrolment.paid_fen": "paid",
};
const DETAIL_SENTENCES = { MISSING: "error.missing", BAD_FORMAT: "error.invalid", IMPOSSIBLE_DATE: "error.invalid",
  IMPOSSIBLE_TIME: "error.invalid", YEAR_OUT_OF_RANGE: "error.year", MISSING_OFFSET: "error.invalid" };

/**
 * A refused request in plain words of the page's language ("请填写支付时间"),
 * with the engine's own message, path and code in a details element.
 */
function failureSentence(error) {
  const field = FIELD_LABELS[error.path] ?? FIELD_LABELS[String(error.path).replace(/\[\d+\]/g, "")];
  if (error.code !== "INVALID_REQUEST" || !field) return error.message;
  return fieldSentence(error.detail, field);
}

/** Why the engine refused a field, in the page's words, naming the field by its label's key: "请填写查看日期". */
export const fieldSentence = (detail, key) => tf(DETAIL_SENTENCES[detail] ?? "error.check", { field: fieldLabel(key) });

/** A field's label without its trailing note, to name it in a sentence: "支付时间（北京时间）" → "支付时间". */
export const fieldLabel = (key) => t(key).replace(/[（(][^）)]*[）)]\s*$/, "").trim();

/**
 * Shows an engine answer: a failure in #failure (in plain words, details
 * folded away), or reveals #result. Returns true when the answer is a decision.
 */
function showOutcome(r) {
  const failure = document.getElementById("failure");
  failure.hidden = r.ok;
  document.getElementById("result").hidden = !r.ok;
  if (!r.ok) {
    const sentence = failureSentence(r.error);
    if (sentence === r.error.message) {
      failure.textContent = sentence;
    } else {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = t("details");
      const code = document.createElement("code");
      code.textContent = `${r.error.path} · ${r.error.detail} · ${r.error.message}`;
      details.append(summary, code);
      failure.replaceChildren(document.createTextNode(sentence), details);
    }
  }
  return r.ok;
}

/**
 * A refusal in place of the answer (#failure, in the page's words), with
 * `alsoHide` (what only makes sense beside an answer) hidden; said once.
 */
export function refuse(r, alsoHide = []) {
  showOutcome(r);
  for (const el of alsoHide) el.hidden = true;
  announce(`failure|${r.error.path}|${r.error.detail}`, document.getElementById("failure").firstChild?.textContent ?? r.error.message);
}

/**
 * Puts a deciding element of the package in the page's answer card: its
 * refusals become the page's (see refuse), its decisions reveal #result and
 * `alsoHide`; the page says each change once (the element is quiet). The
 * first decision on screen is marked for the cold-start figures. Resolves
 * when the element has decided once.
 */
export function answerFrom(el, alsoHide = []) {
  el.quiet = true;
  el.addEventListener("certpolicy-decision", (e) => {
    const r = e.detail;
    if (!showOutcome(r)) return refuse(r, alsoHide);
    for (const other of alsoHide) other.hidden = false;
    announce(el.stateKey(r), el.summary(r));
    if (!performance.getEntriesByName("certpolicy:first-decision").length) performance.mark("certpolicy:first-decision");
  });
  return el.updateComplete;
}

/**
 * Wires an "export to calendar" button: `events()` lists what the page shows
 * now. The calendar writer is loaded on the first click, not with the page.
 */
export function setupIcsExport(button, filename, events) {
  button.addEventListener("click", async () => {
    const list = events().filter(Boolean);  // what is shown at the click
    const { buildCalendar, download } = await import("./ics.js");
    download(filename, buildCalendar(list));
  });
}

/** A catalogue name ({ zh, zh_hant, en }) in the page's locale; `other` gives the other script's name. */
export function localName(name, other = false) {
  if (!name) return "";
  const own = locale === "en" ? name.en : locale === "zh-Hant" ? name.zh_hant ?? name.zh : name.zh;
  return other ? (locale === "en" ? name.zh : name.en) : own;
}
