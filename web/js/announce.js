// What is said to assistive technology: each change of what the page
// answers, once, in one role=status region (no region that re-renders is live).
let lastAnnounced = "";

/**
 * Says `sentence` when the answer's state changed (`state` is a key of what
 * matters: verdict, deadline, next step), never on a re-render that changed
 * nothing (the countdown re-renders every second).
 */
export function announce(state, sentence) {
  let region = document.getElementById("announce");
  if (!region) {
    region = document.createElement("div");
    region.id = "announce";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.dataset.testid = "announce";
    document.body.append(region);
  }
  if (state === lastAnnounced) return;
  lastAnnounced = state;
  region.textContent = sentence;
}

/** The next announcement is said even if its state is the last one's (a new language or policy says it anew). */
export function announceAgain() {
  lastAnnounced = "";
}
