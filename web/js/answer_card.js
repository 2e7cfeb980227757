// What the page's answer card shows: a deciding element's decision revealed,
// or a refusal in its place (#failure, in the page's words, the engine's
// details folded away); each change said once.
import { announce } from "./announce.js";
import { t } from "./locale.js";
import { failureSentence } from "./refusals.js";

/**
 * Shows an engine answer: a failure in #failure (in plain words, details
 * folded away), or reveals #result.
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
    if (!r.ok) return refuse(r, alsoHide);
    showOutcome(r);
    for (const other of alsoHide) other.hidden = false;
    announce(el.stateKey(r), el.summary(r));
    if (!performance.getEntriesByName("certpolicy:first-decision").length) performance.mark("certpolicy:first-decision");
  });
  return el.updateComplete;
}
