// What a deciding page says of the policy in force outside any answer: the
// footer (its version, each dated change still to come, a published file that
// could not be used) and each flow's validity where the page names the flow.
import { chinaInputValue } from "./inputs.js";
import { getLocale, t, tf } from "./locale.js";

/**
 * Draws the footer and the policy's words for the policy in force now, and
 * returns the function that draws them again (a new language, a new policy).
 * `policyState` is js/engine.js's; `engine` gives the policy's document.
 */
export function showPolicy(policyState, engine) {
  const draw = () => {
    const state = policyState();
    if (!state) return;
    renderPolicyFooter(state);
    renderPolicyWords(engine.policyDocument(Date.now()));
  };
  draw();
  return draw;
}

/** An instant in China time, in words of the page's locale: "2027-01-01 00:00 China time" / "2027-01-01 00:00（北京时间）". */
function chinaWhen(date) {
  const text = chinaInputValue(date).replace("T", " ");
  return getLocale() === "en" ? `${text} ${t("china_time")}` : `${text}（${t("china_time")}）`;
}

/** A policy period ({ months: 12 }, { years: 2 }, { days: 10 }) in words: "12 months" / "12 个月". */
function periodWords(period) {
  for (const unit of ["years", "months", "days"]) {
    const n = period?.[unit];
    if (Number.isInteger(n)) return tf(`period.${n === 1 ? unit.slice(0, -1) : unit}`, { n });
  }
  return "";
}

/** Words the policy in force (its document `doc`) decides, on the page outside any answer: each flow's validity. */
function renderPolicyWords(doc) {
  for (const el of document.querySelectorAll('[data-i18n^="flow."]')) {
    const validity = doc?.exam_order?.flows?.[el.dataset.i18n.slice(5)]?.validity;
    el.textContent = validity ? tf("flow.with_validity", { flow: t(el.dataset.i18n), validity: periodWords(validity) }) : t(el.dataset.i18n);
  }
}

/**
 * The footer every deciding page shows: the policy version it decides with;
 * each dated change of the file still to come, when and for what it applies
 * (announced only once the whole file was validated); and, when a published
 * file could not be used, a discreet note why.
 */
function renderPolicyFooter(state) {
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
