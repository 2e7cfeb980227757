// "My certificates": passes in, validity, status badge, days left and, from
// 90 days before expiry, the renewal advice (CRT-1 … CRT-4).
import {
  addReadback, announce, applyStrings, chinaInputValue, getLocale, loadEngine, renderReasons, setupIcsExport, setupLocale, showOutcome,
  t, tf,
} from "./app.js";

const $ = (id) => document.getElementById(id);
let last = null;

function addPassRow(value = "") {
  const row = document.createElement("div");
  row.className = "list-row";
  const input = Object.assign(document.createElement("input"), { type: "date", value, className: "pass" });
  input.dataset.testid = "pass-date";
  input.dataset.i18nAria = "cert.pass_date";  // its name for assistive technology
  input.setAttribute("aria-label", t("cert.pass_date"));
  const remove = Object.assign(document.createElement("button"), { type: "button", textContent: t("cert.remove") });
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
export function parsePasses(text) {
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

let engine;
function update() {
  const passes = [...document.querySelectorAll("#passes input.pass")].map((i) => i.value).filter(Boolean)
    .map((published_on) => ({ published_on }));
  const request = { type: "certificate", locale: getLocale(), now: `${$("today").value}T12:00:00+08:00`, passes };
  if ($("level").value) request.level = $("level").value;
  const r = engine.evaluate(request);
  last = r.ok ? r : null;
  if (!showOutcome(r)) {
    announce(`failure|${r.error.path}|${r.error.detail}`, $("failure").firstChild?.textContent ?? r.error.message);
    return;
  }
  const badge = $("badge");
  badge.textContent = t(`cert.status.${r.status}`);
  badge.className = `badge ${{ active: "ok", expiring: "warn", expired: "bad", none: "bad" }[r.status]}`;
  badge.dataset.status = r.status;
  $("level_badge").hidden = !r.level;
  $("level_badge").textContent = r.level ? `${r.level} · ${r.legacy_level}` : "";
  $("level_badge").className = "badge ok";
  $("valid_from").textContent = r.valid_from ?? "—";
  $("valid_until").textContent = r.valid_until ?? "—";
  $("days_left").textContent = r.days_left === null ? "—" : String(r.days_left);
  const renewal = $("renewal");
  renewal.hidden = !(r.status === "expiring" || r.status === "expired");
  renewal.textContent = r.status === "expired" ? t("renewal.expired") : tf("renewal.expiring", { date: r.renew_by });
  renderReasons($("reasons"), r.reasons);
  $("ics").hidden = !r.valid_until;  // nothing to put in a calendar without a certificate
  announce(`${r.status}|${r.valid_until}|${getLocale()}`, [badge.textContent, r.reasons[0]?.message].filter(Boolean).join(": "));
}

function icsEvents() {
  if (!last || !last.valid_until) return [];
  const days = Math.round((Date.parse(last.valid_until) - Date.parse(last.expiring_from)) / 86400000);
  return [
    { uid: `certificate-${last.valid_from}-expiry`, title: t("ics.cert_expiry"), date: last.valid_until, alarmDaysBefore: days },
    { uid: `certificate-${last.valid_from}-expiring`, title: t("ics.cert_expiring"), date: last.expiring_from },
  ];
}

engine = await loadEngine();
$("today").value = chinaInputValue(new Date()).slice(0, 10);
addPassRow();
setupLocale(update);
applyStrings();
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
document.body.dataset.ready = "true";
