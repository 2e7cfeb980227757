// "My certificates": the passes' dates in (typed or from a file), the level
// and the day; the package's <certpolicy-certificate> shows the validity,
// status, days left and the renewal advice (CRT-1 … CRT-4).
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, t, tf } from "./locale.js";
import { chinaInputValue } from "./inputs.js";
import { answerFrom, refuse } from "./answer_card.js";
import { fieldFailure, inputFailure } from "./refusals.js";
import { addReadback } from "./readback.js";
import { certificateEvents, setupIcsExport } from "./ics_export.js";
import "/pkg/elements/certificate.js";

const $ = (id) => document.getElementById(id);

function addPassRow(value = "") {
  const row = document.createElement("div");
  row.className = "list-row";
  const input = Object.assign(document.createElement("input"), { type: "date", value, className: "pass" });
  input.dataset.testid = "pass-date";
  input.dataset.i18nAria = "cert.pass_date";  // its name for assistive technology
  input.setAttribute("aria-label", t("cert.pass_date"));
  const remove = Object.assign(document.createElement("button"), { type: "button", textContent: t("cert.remove"), className: "remove-pass" });
  remove.dataset.i18n = "cert.remove";
  remove.addEventListener("click", () => {
    row.remove();
    update();
  });
  const box = document.createElement("div");
  box.className = "pass-date";
  box.append(input);
  row.append(box, remove);
  $("passes").append(row);
  addReadback(input);
}

/** An error carrying the sentence the page shows for it. */
const said = (sentence) => Object.assign(new Error(sentence), { sentence });

/** A date the calendar has, written YYYY-MM-DD ("2025-02-29" is not one). */
const realDate = (d) => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/**
 * A JSON array ([{published_on}] or ["YYYY-MM-DD"]) or one date per line (text after a comma ignored).
 * Throws the sentence to show: a file it cannot read, or the first entry that is not a real date, by its place.
 */
function parsePasses(text) {
  const trimmed = text.trim();
  let items;  // [place (the entry, from 1; blank lines are no entry), date]
  if (trimmed.startsWith("[")) {
    let parsed;
    try { parsed = JSON.parse(trimmed); } catch { parsed = null; }
    if (!Array.isArray(parsed)) throw said(t("cert.load.error"));
    items = parsed.map((p, k) => [k + 1, typeof p === "string" ? p : p?.published_on]);
  } else {
    items = text.split(/\r?\n/).map((l) => l.split(",")[0].trim()).filter(Boolean).map((d, k) => [k + 1, d]);
  }
  if (items.length > 64) throw said(t("cert.load.error"));
  const bad = items.find(([, d]) => !realDate(d));
  if (bad) throw said(tf("cert.load.bad_date", { place: bad[0], value: String(bad[1] ?? "").slice(0, 40) }));
  return items.map(([, d]) => d);
}

function update() {
  const el = $("certificate");
  const inputs = [...document.querySelectorAll("#passes input.pass")];
  // Each Remove is named with the date it removes ("Remove 2025-01-10"), not one of many "Remove"s.
  for (const row of document.querySelectorAll("#passes .list-row")) {
    row.querySelector(".remove-pass").setAttribute("aria-label", `${t("cert.remove")} ${row.querySelector("input.pass").value}`.trim());
  }
  // A date half typed is asked to be finished, never left out: an older pass would then decide ("expired").
  for (const input of inputs) input.setAttribute("aria-invalid", String(input.validity.badInput));
  const unfinished = inputs.findIndex((i) => i.validity.badInput);
  if (!$("today").value) return refuse(fieldFailure("today"));
  if (unfinished >= 0) return refuse(inputFailure(tf("cert.pass_unfinished", { n: unfinished + 1 })));
  el.locale = getLocale();
  el.now = `${$("today").value}T12:00:00+08:00`;
  el.level = $("level").value || undefined;
  el.passes = inputs.map((i) => i.value).filter(Boolean);
}

function icsEvents() {
  const last = $("certificate").result;
  return last?.ok ? certificateEvents("certificate", last) : [];
}

// The engine compiles while the page sets itself up; the elements decide as soon as it is ready.
const decided = answerFrom($("certificate"));
// Nothing to put in a calendar without a certificate.
$("certificate").addEventListener("certpolicy-decision", (e) => { $("ics").hidden = !e.detail.ok || !e.detail.valid_until; });
$("today").value = chinaInputValue(new Date()).slice(0, 10);
addPassRow();
setupLocale(update);
// The events of one task (a pass date left, then today cleared) decide once, on what the form holds at its end:
// deciding at the first would let that decision (the element's, a microtask later) replace the refusal of the last.
let queued = false;
const updateSoon = () => {
  if (queued) return;
  queued = true;
  queueMicrotask(() => { queued = false; update(); });
};
$("passes_form").addEventListener("input", updateSoon);
$("passes_form").addEventListener("change", updateSoon);
// A date input half typed keeps its value "" and sends no input event: its keys and leaving it are what tell.
for (const type of ["keyup", "focusout"]) $("passes").addEventListener(type, (e) => { if (e.target.matches("input.pass")) updateSoon(); });
$("add").addEventListener("click", () => {
  addPassRow();
  update();
});
$("load").addEventListener("change", async () => {
  const file = $("load").files[0];
  $("load_error").textContent = "";
  if (!file) return;
  try {
    if (file.size > 64 * 1024) throw new Error("too large");
    const dates = parsePasses(await file.text());
    $("passes").replaceChildren();
    for (const d of dates) addPassRow(d);
    update();
  } catch (error) {
    $("load_error").textContent = error.sentence ?? t("cert.load.error");
  }
});
setupIcsExport($("ics"), "certificate.ics", icsEvents, () => $("certificate").now);
update();
await loadEngine();  // the status line and the policy footer
await decided;
document.body.dataset.ready = "true";
