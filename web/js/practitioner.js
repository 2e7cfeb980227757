// Practitioner exam: the purchase and the attempts as the candidate enters
// them (each checked by the engine before it is added); the package's
// <certpolicy-practitioner> shows the meter, what happens next and the
// certificate once passed (PRA-1 … PRA-4, CRT-1).
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, t, tf } from "./locale.js";
import { chinaInputValue, chinaInstant } from "./inputs.js";
import { failureSentence, fieldFailure } from "./refusals.js";
import { answerFrom, refuse } from "./answer_card.js";
import { certificateEvents, setupIcsExport } from "./ics_export.js";
import { renderBeforePractitioner } from "./before_exam.js";
import "/pkg/elements/practitioner.js";

const $ = (id) => document.getElementById(id);
const attempts = [];  // { taken_at: "YYYY-MM-DDTHH:MM" (China), score }
let engine;

function renderAttemptList() {
  $("attempts").replaceChildren(...attempts.map((a, k) => {
    const row = document.createElement("div");
    row.className = "list-row attempt";
    row.dataset.testid = "attempt";
    const when = Object.assign(document.createElement("span"), { textContent: a.taken_at.replace("T", " "), id: `attempt-${k}-when` });
    const score = Object.assign(document.createElement("span"), { textContent: String(a.score), id: `attempt-${k}-score` });
    const remove = Object.assign(document.createElement("button"), { type: "button", textContent: t("cert.remove"), id: `attempt-${k}-remove` });
    // Named with the attempt it removes ("Remove 2026-03-02 10:00 55"), not one of many "Remove"s.
    remove.setAttribute("aria-labelledby", `${remove.id} ${when.id} ${score.id}`);
    remove.addEventListener("click", () => {
      attempts.splice(k, 1);
      update();
    });
    row.append(when, score, remove);
    return row;
  }));
}

/** What the candidate entered, as the engine's request reads it. */
const purchase = () => ({ paid_at: chinaInstant($("paid_at").value), platform_fault: $("platform_fault").checked });
const asRequested = (list) => list.map((a) => ({ taken_at: chinaInstant(a.taken_at), score: a.score }));

function update() {
  renderAttemptList();
  const el = $("practitioner");
  const now = chinaInstant($("now").value);
  if (!now) return refuse(fieldFailure("now"), [$("before_exam")]);  // an unfinished time is said, not replaced by the clock
  el.locale = getLocale();
  el.now = now;
  el.purchase = purchase();
  el.attempts = asRequested(attempts);
}

function icsEvents() {
  const last = $("practitioner").result;
  return last?.ok ? certificateEvents("practitioner", last.certificate) : [];
}

// The engine compiles while the page sets itself up; the elements decide as soon as it is ready.
const decided = answerFrom($("practitioner"));
$("practitioner").addEventListener("certpolicy-decision", (e) => {
  const r = e.detail;
  $("add").disabled = r.ok && !r.can_take;
  $("ics").hidden = !r.ok || !r.certificate.valid_until;  // nothing to put in a calendar before a pass
  renderBeforePractitioner($("before_exam"), r);
});
const now = new Date();
$("now").value = chinaInputValue(now);
$("paid_at").value = chinaInputValue(new Date(now.getTime() - 7 * 86400000));
$("new_taken_at").value = chinaInputValue(new Date(now.getTime() - 3600000));
setupLocale(update);
$("purchase").addEventListener("change", (e) => {
  if (!e.target.id.startsWith("new_")) update();
});
// Adds the typed attempt only when the engine takes it: a score outside
// 0…max or not whole, a time outside purchase…now, or an attempt the purchase
// no longer has (after a pass, or none left) is said, not added.
function addAttempt() {
  const error = $("score_error");
  const text = $("new_score").value.trim();
  const score = text === "" ? null : Number(text);
  const taken = $("new_taken_at").value;
  if (!engine) return;  // still loading
  let problem = taken ? null : ["pra.taken_missing", {}];
  let timeWrong = !taken;  // the typed time's own problem marks its field
  if (!problem) {
    const r = engine.evaluate({
      type: "practitioner", locale: getLocale(), now: chinaInstant($("now").value),
      purchase: purchase(),
      attempts: asRequested([...attempts, { taken_at: taken, score }]),
    });
    // The score's range is the policy's: read from what the engine expected ("integer 0..100").
    const max = /\.\.(\d+)$/.exec(r.ok ? "" : r.error.expected)?.[1];
    if (!r.ok && r.error.path.endsWith(".score")) problem = ["pra.score_invalid", { max: max ?? "" }];
    else if (!r.ok && r.error.path.startsWith("attempts") && !r.error.path.endsWith(".taken_at")) problem = ["pra.cannot_take", {}];
    else if (!r.ok) problem = failureSentence(r.error);  // the exam's time, the purchase time or now: said as the page says it
    timeWrong = !r.ok && r.error.path === `attempts[${attempts.length}].taken_at`;
  }
  error.textContent = typeof problem === "string" ? problem : problem ? tf(...problem) : "";
  $("new_score").setAttribute("aria-invalid", String(problem?.[0] === "pra.score_invalid"));
  // The time's own problems mark the time field (missing, or outside the purchase … now).
  $("new_taken_at").setAttribute("aria-invalid", String(timeWrong));
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
setupIcsExport($("ics"), "practitioner-certificate.ics", icsEvents, () => $("practitioner").now);
update();
engine = await loadEngine();
await decided;
document.body.dataset.ready = "true";
