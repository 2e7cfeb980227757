// Practitioner exam: three attempts as a meter, score entry, what happens
// next, and the certificate once passed (PRA-1 … PRA-4, CRT-1).
import {
  announce, applyStrings, chinaInputValue, chinaInstant, getLocale, loadEngine, renderReasons, setupIcsExport, setupLocale,
  showOutcome, t, tf,
} from "./app.js";

const $ = (id) => document.getElementById(id);
const attempts = [];  // { taken_at: "YYYY-MM-DDTHH:MM" (China), score }
let last = null;
let engine;

function renderAttemptList() {
  $("attempts").replaceChildren(...attempts.map((a, k) => {
    const row = document.createElement("div");
    row.className = "list-row attempt";
    row.dataset.testid = "attempt";
    const when = Object.assign(document.createElement("span"), { textContent: a.taken_at.replace("T", " ") });
    const score = Object.assign(document.createElement("span"), { textContent: String(a.score) });
    const remove = Object.assign(document.createElement("button"), { type: "button", textContent: t("cert.remove") });
    remove.addEventListener("click", () => {
      attempts.splice(k, 1);
      update();
    });
    row.append(when, score, remove);
    return row;
  }));
}

function renderMeter(r) {
  const slots = [];
  const sorted = [...attempts].sort((a, b) => (a.taken_at < b.taken_at ? -1 : 1));
  for (let k = 0; k < r.attempts_total; k++) {
    const slot = document.createElement("div");
    const a = sorted[k];
    const state = !a ? "unused" : a.score >= r.pass_score ? "passed" : "failed";
    slot.className = `slot ${state}`;
    slot.dataset.state = state;
    slot.textContent = tf(`pra.slot.${state}`, { score: a?.score ?? "" });
    slots.push(slot);
  }
  $("meter").replaceChildren(...slots);
}

function update() {
  renderAttemptList();
  const r = engine.evaluate({
    type: "practitioner",
    locale: getLocale(),
    now: chinaInstant($("now").value),
    purchase: { paid_at: chinaInstant($("paid_at").value), platform_fault: $("platform_fault").checked },
    attempts: attempts.map((a) => ({ taken_at: chinaInstant(a.taken_at), score: a.score })),
  });
  last = r.ok ? r : null;
  if (!showOutcome(r)) return;
  renderMeter(r);
  $("next").dataset.state = r.passed ? "passed" : r.must_repurchase ? "repurchase" : "can_take";
  $("next").textContent = r.passed ? tf("pra.passed", { until: r.certificate.valid_until })
    : r.must_repurchase ? t("pra.must_repurchase") : tf("pra.can_take", { left: r.attempts_left });
  $("valid_until").textContent = r.certificate.valid_until ?? "—";
  $("add").disabled = !r.can_take;
  $("ics").hidden = !r.certificate.valid_until;  // nothing to put in a calendar before a pass
  renderReasons($("reasons"), r.reasons);
  announce(`${r.attempts_left}|${r.passed}|${r.must_repurchase}|${getLocale()}`, $("next").textContent);
}

function icsEvents() {
  const c = last?.certificate;
  if (!c?.valid_until) return [];
  const days = Math.round((Date.parse(c.valid_until) - Date.parse(c.expiring_from)) / 86400000);
  return [{ uid: `practitioner-${c.valid_from}-expiry`, title: t("ics.cert_expiry"), date: c.valid_until, alarmDaysBefore: days }];
}

engine = await loadEngine();
const now = new Date();
$("now").value = chinaInputValue(now);
$("paid_at").value = chinaInputValue(new Date(now.getTime() - 7 * 86400000));
$("new_taken_at").value = chinaInputValue(new Date(now.getTime() - 3600000));
setupLocale(update);
applyStrings();
$("purchase").addEventListener("change", (e) => {
  if (!e.target.id.startsWith("new_")) update();
});
// Adds the typed attempt only when the engine takes it: a score outside
// 0…max or not whole, or a time outside purchase…now, is said, not added.
function addAttempt() {
  const error = $("score_error");
  const text = $("new_score").value.trim();
  const score = text === "" ? null : Number(text);
  const taken = $("new_taken_at").value;
  let problem = taken ? null : ["pra.taken_missing", {}];
  if (!problem) {
    const r = engine.evaluate({
      type: "practitioner", locale: getLocale(), now: chinaInstant($("now").value),
      purchase: { paid_at: chinaInstant($("paid_at").value), platform_fault: $("platform_fault").checked },
      attempts: [...attempts.map((a) => ({ taken_at: chinaInstant(a.taken_at), score: a.score })), { taken_at: chinaInstant(taken), score }],
    });
    // The score's range is the policy's: read from what the engine expected ("integer 0..100").
    const max = /\.\.(\d+)$/.exec(r.ok ? "" : r.error.expected)?.[1];
    if (!r.ok && r.error.path.endsWith(".score")) problem = ["pra.score_invalid", { max: max ?? "" }];
    else if (!r.ok && r.error.path.endsWith(".taken_at")) problem = ["pra.taken_invalid", {}];
  }
  error.textContent = problem ? tf(...problem) : "";
  $("new_score").setAttribute("aria-invalid", String(problem?.[0] === "pra.score_invalid"));
  if (problem) return;
  attempts.push({ taken_at: taken, score });
  $("new_score").value = "";
  update();
}
$("add").addEventListener("click", addAttempt);
// Enter in the score or time field adds the attempt (the form never reloads: app.js).
$("purchase").addEventListener("submit", () => {
  if (document.activeElement?.id?.startsWith("new_")) addAttempt();
});
setupIcsExport($("ics"), "practitioner-certificate.ics", icsEvents);
update();
document.body.dataset.ready = "true";
