// Starts building the engine as soon as this module arrives: the page loads
// it with <script type="module" async>, so fetching, compiling and
// instantiating the WebAssembly overlap the first layout of the page instead
// of waiting for the page script (which runs only after parsing). The page
// script awaits the same promise through app.js's loadEngine().
// The published policy file (js/site.js) is fetched while the module compiles,
// and checked again while the page stays open (policy_loader.js): a changed
// file (a new version, a rollback) replaces the engine of the page and of
// its elements, and the page is told (onPolicyChange), as it is at the
// instant a dated change of the policy starts to apply.
import { createEngine } from "/pkg/index.js";
import { configure, replaceEngine } from "/pkg/elements/engine.js";
import { loadPolicyEngine, watchPolicy } from "./policy_loader.js";
import { SITE } from "./site.js";

performance.mark("certpolicy:engine-start");
/** { engine, state: { version, source, changes, notice } } (policy_loader.js), as first read. */
export const policyReady = loadPolicyEngine(createEngine, SITE);
let current = null;
/** The engine the pages hold: it always decides with the policy read last. */
export const liveEngine = new Proxy({}, {
  get(_, key) {
    const value = current.engine[key];
    return typeof value === "function" ? value.bind(current.engine) : value;
  },
});
export const engineReady = policyReady.then((p) => {
  current = p;
  return liveEngine;
});
/** The policy state in force now (null before the first read). */
export const policyState = () => current?.state ?? null;

const listeners = new Set();
/** Calls `listener(state)` when the policy changes: a re-read file, or a dated change starting to apply. */
export function onPolicyChange(listener) {
  listeners.add(listener);
}
const notify = () => { for (const listener of listeners) listener(current.state); };

// At the next instant a dated change starts to apply, the pages decide again
// (setTimeout holds at most 2^31 - 1 ms: a later one is looked at again then).
let switchTimer = 0;
function scheduleSwitch() {
  clearTimeout(switchTimer);
  const next = current.engine.nextPolicyChange(Date.now());
  if (!next) return;
  switchTimer = setTimeout(() => {
    notify();
    scheduleSwitch();
  }, Math.min(Math.max(next.getTime() - Date.now(), 0), 0x7fffffff));
}

// The package's elements on these pages decide with this engine (and its policy).
configure({ engine: policyReady.then((p) => p.engine) });
policyReady.then((p) => {
  scheduleSwitch();
  watchPolicy(createEngine, SITE, p.bytes, (next) => {
    current = next;
    replaceEngine(next.engine);
    scheduleSwitch();
    notify();
  });
});
engineReady.then(() => performance.measure("certpolicy:create-engine", "certpolicy:engine-start"), () => {});
