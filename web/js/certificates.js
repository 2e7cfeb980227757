// "My certificates": the passes' dates in (typed or from a file), the level
// and the day; the package's <certpolicy-certificate> shows the validity,
// status, days left and the renewal advice (CRT-1 … CRT-4).
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, t } from "./locale.js";
import { chinaInputValue } from "./inputs.js";
import { answerFrom } from "./answer_card.js";
import { addReadback } from "./readback.js";
import { setupIcsExport } from "./ics_export.js";
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

/** A JSON array ([{published_on}] or ["YYYY-MM-DD"]) or one date per line. */
function parsePasses(text) {
  const trimmed = text.trim();
  let items;
  if (trimmed.startsWith("[")) {
    const parsed = JSON.parse(trimmed);
    if (!Array.isArray(parsed)) throw new Error("not a list");
    items = parsed.map((p) => (typeof p === "string" ? p : p?.published_on));
  } else {
    items = trimmed.split(/\r?\n/).map((l) => l.split(",")[0].trim()).filter(Boolean);
  }
  if (items.length > 64 || items.some((d) => typeof d !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(d))) {
    throw new Error("bad dates");
  }
  return items;
}

function update() {
  const el = $("certificate");
  el.locale = getLocale();
  el.now = `${$("today").value}T12:00:00+08:00`;
  el.level = $("level").value || undefined;
  el.passes = [...document.querySelectorAll("#passes input.pass")].map((i) => i.value).filter(Boolean);
  // Each Remove is named with the date it removes ("Remove 2025-01-10"), not one of many "Remove"s.
  for (const row of document.querySelectorAll("#passes .list-row")) {
    row.querySelector(".remove-pass").setAttribute("aria-label", `${t("cert.remove")} ${row.querySelector("input.pass").value}`.trim());
  }
}

function icsEvents() {
  const last = $("certificate").result;
  if (!last?.ok || !last.valid_until) return [];
  const days = Math.round((Date.parse(last.valid_until) - Date.parse(last.expiring_from)) / 86400000);
  return [
    { uid: `certificate-${last.valid_from}-expiry`, title: t("ics.cert_expiry"), date: last.valid_until, alarmDaysBefore: days },
    { uid: `certificate-${last.valid_from}-expiring`, title: t("ics.cert_expiring"), date: last.expiring_from },
  ];
}

// The engine compiles while the page sets itself up; the elements decide as soon as it is ready.
const decided = answerFrom($("certificate"));
// Nothing to put in a calendar without a certificate.
$("certificate").addEventListener("certpolicy-decision", (e) => { $("ics").hidden = !e.detail.ok || !e.detail.valid_until; });
$("today").value = chinaInputValue(new Date()).slice(0, 10);
addPassRow();
setupLocale(update);
$("passes_form").addEventListener("input", update);
$("passes_form").addEventListener("change", update);
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
  } catch {
    $("load_error").textContent = t("cert.load.error");
  }
});
setupIcsExport($("ics"), "certificate.ics", icsEvents);
update();
await loadEngine();  // the status line and the policy footer
await decided;
document.body.dataset.ready = "true";
