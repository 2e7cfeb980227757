// What a link between the purchase and booking pages carries for one order,
// read as the engine reads it: a time the engine accepts is taken (China time
// when it has no offset), anything else is refused beside its field in the
// page's words and the page decides nothing until the person fills it in —
// never a made-up default in its place.
import { getLocale, t, tf } from "./locale.js";
import { chinaInputValue } from "./inputs.js";
import { fieldLabel } from "./refusals.js";
import { engineReady } from "./engine.js";
import { pad } from "/pkg/elements/format.js";

const ORDER_FIELDS = ["paid_at", "exam_at", "flow", "status", "certification", "exam_kind", "platform_fault"];
const TIME_FIELDS = new Set(["paid_at", "exam_at"]);

// The i18n key of each field's label.
const LABELS = { paid_at: "paid_at", exam_at: "exam_at", flow: "flow", status: "booking.status", certification: "certification",
  exam_kind: "exam_kind", platform_fault: "platform_fault" };

/**
 * A link to another page for the same order: the order's fields (China-time
 * input values, the certification's catalogue id) and the page's language
 * travel in the query string.
 *   orderLink("booking.html", { paid_at: "2026-11-21T10:00", flow: "purchase_then_book" })
 *   → "booking.html?paid_at=2026-11-21T10%3A00&flow=purchase_then_book&lang=zh-CN"
 */
export function orderLink(page, fields) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v) q.set(k, v);
  q.set("lang", getLocale());
  return `${page}?${q}`;
}

/** A link's time with the "+" of its offset that form decoding turned into a space: "…T11:00 0900" → "…T11:00+0900". */
const withPlus = (text) => text.replace(/([Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, "$1+$2");

/**
 * A link's time as the engine reads instants: with its own offset as written,
 * else as China time (the pages write China-time values), seconds added when
 * only minutes are given (with or without an offset). A "+" left unescaped in
 * a link reaches the page as a space (the query string's form encoding), so a
 * space before a final hh:mm after the time is read as the "+" it was.
 *   "2026-11-21T10:00" → "2026-11-21T10:00:00+08:00"; "2026-11-21 10:00:00Z" as it is
 *   "2026-11-21T11:00 09:00" (from "…+09:00" typed into a link) → "2026-11-21T11:00:00+09:00"
 */
function linkInstant(given) {
  const text = withPlus(given).replace(/([Tt ]\d{2}:\d{2})(?=[zZ]$|[+-]\d{2}:\d{2}$|$)/, "$1:00");
  return /(?:[zZ]|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}+08:00`;
}

/**
 * An RFC 3339 instant (one the engine accepted) → its China time as an input
 * value: minutes, with seconds and milliseconds when they are not zero; null
 * when it is not written as RFC 3339.
 *   "2026-11-21T02:00:30Z" → "2026-11-21T10:00:30"; "2026-11-21 10:00:00+08:00" → "2026-11-21T10:00"
 */
function chinaWall(instant) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[zZ]|([+-])(\d{2}):(\d{2}))$/.exec(instant);
  if (!m) return null;
  const offsetMin = m[8] ? (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]),
    Number((m[7] ?? "").slice(0, 3).padEnd(3, "0"))) - offsetMin * 60000;
  const date = new Date(ms);
  const seconds = date.getUTCSeconds();  // China time's seconds: its offset is whole minutes
  const millis = date.getUTCMilliseconds();
  return chinaInputValue(date) + (seconds || millis ? `:${pad(seconds)}` : "") + (millis ? `.${String(millis).padStart(3, "0")}` : "");
}

/**
 * Reads the order fields of this page's link. Each time goes to the engine
 * (the same reader as every request's instants); each choice must be one of
 * the page's own options, listed or given by the engine (the catalogue's
 * ids); the engine is awaited only when the link needs it. Returns the values
 * to put in the fields, the refusals ({ field, text, detail }) to show beside
 * them, and whether the link carried any field of the order at all (then
 * nothing of the order is made up).
 *   await readLink({ flow: ["purchase_then_book", "book_then_purchase"], certification: (engine) => ids })
 */
export async function readLink(choices, search = location.search) {
  const q = new URLSearchParams(search);
  const values = {};
  const refused = [];
  const needsEngine = (f) => q.has(f) && (TIME_FIELDS.has(f) || typeof choices[f] === "function");
  const engine = ORDER_FIELDS.some(needsEngine) ? await engineReady : null;
  for (const field of ORDER_FIELDS) {
    const text = q.get(field);
    if (text === null) continue;
    const listed = typeof choices[field] === "function" ? choices[field](engine) : choices[field];
    if (TIME_FIELDS.has(field)) {
      const instant = linkInstant(text);
      const r = engine.evaluate({ type: "exam_order", now: instant, order: { paid_at: instant } });
      const wall = r.ok ? chinaWall(instant) : null;
      if (wall) values[field] = wall;
      else refused.push({ field, text: withPlus(text), detail: r.ok ? "BAD_FORMAT" : r.error.detail });  // said as written
    } else if (listed) {
      if (listed.includes(text)) values[field] = text;
      else refused.push({ field, text, detail: field === "certification" ? certificationRefusal(engine, text) : "UNKNOWN_VALUE" });
    }
  }
  return { values, refused, given: ORDER_FIELDS.some((f) => q.has(f)) };
}

/**
 * Why a certification the link names is not offered: the engine's relation where it refuses that certification
 * in an exam order (SOLD_AS_EXAM_ORDER: the 从业者 exam, its own page), else not a choice.
 */
function certificationRefusal(engine, id) {
  const now = new Date().toISOString();
  const r = engine.evaluate({ type: "exam_order", now, order: { paid_at: now, certification: id } });
  return !r.ok && r.error.relation ? r.error.relation : "UNKNOWN_VALUE";
}

/** Puts a link's China-time value in a date-time (or time) input, showing its seconds when it has them. */
export function setTimeInput(input, value) {
  input.value = value;
  if (/:\d{2}:\d{2}/.test(value)) input.step = /\.\d/.test(value) ? "0.001" : "1";
}

/**
 * A refused link value in the page's words, naming the field, what the link
 * said (cut to 40 characters) and why:
 *   "链接中的支付时间“2026-11-21T10:00+0800”无法使用：写法无法识别（应如 2026-11-21T10:00）。请重新填写。"
 */
function refusalSentence({ field, text, detail }) {
  const shown = [...text].length > 40 ? `${[...text].slice(0, 40).join("")}…` : text;
  const key = `link.reason.${detail}`;
  const label = fieldLabel(LABELS[field]);
  if (detail === "MISSING") return tf("link.missing", { field: label });
  return tf(TIME_FIELDS.has(field) ? "link.refused" : "link.refused_choice", { field: label, value: shown, reason: t(key) === key ? t("link.reason.other") : t(key) });
}

/**
 * Shows each refusal in its field's error line (`#<field>_link`), the field's
 * inputs marked invalid and described by it, until the person changes that
 * field. `inputs`: { field: [input, …] }. `first()` is the sentence of the
 * first refusal still shown (the page decides nothing while there is one);
 * `render()` writes them again (a new language).
 */
export function showRefusals(refused, inputs) {
  const pending = new Map(refused.map((r) => [r.field, r]));
  const render = () => {
    for (const [field, els] of Object.entries(inputs)) {
      const line = document.getElementById(`${field}_link`);
      const r = pending.get(field);
      line.textContent = r ? refusalSentence(r) : "";
      line.hidden = !r;
      for (const el of els) {
        el.setAttribute("aria-invalid", String(Boolean(r)));
        if (r) el.setAttribute("aria-describedby", line.id);
        else el.removeAttribute("aria-describedby");
      }
    }
  };
  for (const [field, els] of Object.entries(inputs)) {
    for (const el of els) {
      // A refused choice leaves its list with nothing chosen: its first option would look chosen, and choosing
      // that one would change nothing (no event), so the refusal would stay.
      if (pending.has(field) && el.tagName === "SELECT") el.selectedIndex = -1;
      for (const type of ["input", "change"]) {
        el.addEventListener(type, () => {
          if (pending.delete(field)) render();
        });
      }
    }
  }
  render();
  return { render, first: () => (pending.size ? refusalSentence(pending.values().next().value) : null) };
}
