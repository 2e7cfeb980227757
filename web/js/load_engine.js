// When a deciding page has its engine: the one js/engine.js started building
// (the page script imports it first), awaited with progress and failure said
// in #status, the policy footer shown, and the page drawn again whenever the
// policy in force changes. A page that decides nothing (the home page) does
// not import this, so it never loads the engine.
import { redrawPage, redrawPolicyToo } from "./app.js";
import { engineReady, onPolicyChange, policyState } from "./engine.js";
import { t } from "./locale.js";
import { showPolicy } from "./policy_footer.js";

/** Awaits the engine, showing progress and failure in #status; then the policy footer and words. */
export async function loadEngine() {
  const status = document.getElementById("status");
  if (status) status.textContent = t("loading");
  try {
    const engine = await engineReady;
    if (status) status.hidden = true;
    redrawPolicyToo(showPolicy(policyState, engine));
    // A re-read file (a new version, a rollback), or a dated change starting
    // to apply: the footer, the words and the page's own decisions again.
    onPolicyChange(redrawPage);
    return engine;
  } catch (e) {
    if (status) {
      status.textContent = t("load.failed") + (e?.message ?? e);
      status.className = "error-box";
    }
    throw e;
  }
}
