// Offline class page: the enrolment as the candidate enters it (the amount
// as people type it); the package's <certpolicy-training> shows the refund
// tier, deferral and the working-day calendar (TRN, CAL).
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, t, tf } from "./locale.js";
import { amountProblem, yuanToFen } from "./amounts.js";
import { chinaInputValue } from "./inputs.js";
import { fieldFailure, inputFailure } from "./refusals.js";
import { answerFrom, refuse } from "./answer_card.js";
import { setupIcsExport } from "./ics_export.js";
import { betweenReadings, noticesToCome } from "/pkg/elements/caveats.js";
import "/pkg/elements/training.js";

const $ = (id) => document.getElementById(id);

function initialValues() {
  const today = chinaInputValue(new Date()).slice(0, 10);
  $("today").value = today;
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + 21);
  $("class_start").value = start.toISOString().slice(0, 10);
}

function update() {
  // A date left empty (or half typed) is asked for by its label, never said as the engine's "now" or a format.
  if (!$("class_start").value) return refuse(fieldFailure("enrolment.class_start"));
  if (!$("today").value) return refuse(fieldFailure("today"));
  const paid = yuanToFen($("paid").value);
  const empty = $("paid").value.trim() === "";
  $("paid").setAttribute("aria-invalid", String(paid === null || paid === 0 || empty));
  // Said under the field, as what is wrong with it: empty, negative, too large, too many decimals, not a number.
  // Nothing paid, nothing to refund: "full refund ¥0.00" would read as good news.
  const problem = empty ? "amount.missing" : paid === null ? amountProblem($("paid").value) : paid === 0 ? "amount.zero" : null;
  $("paid_error").textContent = problem ? t(problem) : "";
  if (paid === null || paid === 0) return refuse(inputFailure(t(problem)));
  // An amount left empty is asked for, never decided as ¥0 ("refunds in full, CNY 0.00").
  if (empty) return refuse(fieldFailure("enrolment.paid_fen"));
  const el = $("training");
  el.locale = getLocale();
  el.now = `${$("today").value}T12:00:00+08:00`;
  el.enrolment = {
    class_start: $("class_start").value,
    paid_fen: paid,
    class_status: $("class_status").value,
    deferred: $("deferred").checked,
    deferral_used: $("deferral_used").checked,
  };
}

/**
 * The dates the card shows: each date to apply by on the safe reading's day (working days counted
 * without today, `*_act_by`), the last day counting today said in its description where they differ;
 * the tier dates only when the tiers decided the answer and the deferral only while it is possible
 * (as the card says); each with the calendar's caveat
 * when a year has no published holiday schedule (CAL-2).
 */
function icsEvents() {
  const el = $("training");
  const r = el.result;
  if (!r?.ok) return [];
  const caveat = [el.unverified(r), el.uncited(r), el.estimated(r)].filter(Boolean).join("\n");
  const say = (...lines) => lines.filter(Boolean).join("\n") || undefined;
  // On the day between the readings the date to apply by has passed and today is the last day counting today:
  // the event is today's, said with its condition (as the card says it), never a day already gone.
  const applyBy = (key, title, actBy, until, extra) => {
    if (!(actBy ?? until) || (until && r.today > until)) return null;
    const today = betweenReadings(r.today, actBy, until);
    // Today's event has no alarm (it would fire at a midnight already past); its title carries the condition.
    return { uid: `class-${r.class_start}-${key}`, title: today ? `${title}${t("ics.if_today_title")}` : title, date: today ? until : actBy ?? until,
      ...(today ? {} : { alarmDaysBefore: 1 }),
      description: say(extra, today ? t("ics.if_today") : actBy && until && actBy !== until && tf("ics.counting_today", { date: until })) };
  };
  // The last day to apply for each refund tier of the policy in force, in its own words.
  const tiers = el.tiered(r) ? r.refund_tiers.map((tier, k) => tier.percent > 0 && applyBy(k === 0 ? "full" : k === 1 ? "partial" : `tier-${k}`,
    tier.percent === 100 ? t("ics.full_refund") : tf("ics.partial_refund", { percent: tier.percent }), tier.act_by, tier.last_day)) : [];
  return [
    ...tiers,
    r.deferral.allowed && applyBy("deferral", t("ics.deferral"), r.deferral.act_by, r.deferral.deadline, `${t("ics.deferral")} — ${r.apply_to}`),
    // A class that did not open has no opening decision still to come (TRN-5), as the card says.
    noticesToCome(r) && { uid: `class-${r.class_start}-decision`, title: t("ics.class_decision"), date: r.class_decision_on },
    { uid: `class-${r.class_start}-start`, title: t("ics.class_start"), date: r.class_start },
  ].filter(Boolean).map((e) => ({ ...e, description: say(e.description, caveat) }));
}

// The engine compiles while the page sets itself up; the elements decide as soon as it is ready.
const decided = answerFrom($("training"));
initialValues();
setupLocale(update);
$("enrolment").addEventListener("input", update);
$("enrolment").addEventListener("change", update);
setupIcsExport($("ics"), "offline-class.ics", icsEvents, () => $("training").now);
update();
await loadEngine();  // the status line and the policy footer
await decided;
document.body.dataset.ready = "true";
