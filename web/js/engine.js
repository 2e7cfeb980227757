// Starts building the engine as soon as this module is evaluated: each page
// script imports it first, so fetching, compiling and instantiating the
// WebAssembly (whose fetch the page's head has already started) overlap the
// page's own set-up. The page script awaits the same promise through
// load_engine.js. The .wasm is named by its URL on the site: a page's one module
// (scripts/bundle_pages.mjs) is not next to the package.
// The published policy file (js/site.js) is fetched while the module compiles,
// and checked again while the page stays open (policy_loader.js): a changed
// file (a new version, a rollback) replaces the engine of the page and of
// its elements, and the page is told (onPolicyChange), as it is at the
// instant a dated change of the policy starts to apply.
// Bundled, this is a module of its own (scripts/bundle_pages.mjs) that each
// deciding page's head starts at once (`<script type="module" async>`), so the
// engine is built while the page's larger module is still arriving and being
// parsed; the page modules import it, and the elements' shared engine through
// it (the re-export below), so a page holds one of each.
import { createEngine } from "/pkg/index.js";
import { configure, replaceEngine } from "/pkg/elements/engine.js";
import { loadPolicyEngine, watchPolicy } from "./policy_loader.js";
import { SITE } from "./site.js";

export { configure, onEngineReplaced, replaceEngine, sharedEngine } from "/pkg/elements/engine.js";

performance.mark("certpolicy:engine-start");
/** Where the site serves the engine's WebAssembly (the page heads preload the same URL). */
const WASM_URL = "/pkg/dist/certpolicy_core.wasm";
const create = (options) => createEngine({ wasmUrl: WASM_URL, ...options });
/** { engine, state: { version, source, changes, notice } } (policy_loader.js), as first read. */
const policyReady = loadPolicyEngine(create, SITE);
let current = null;
/** The engine the pages hold: it always decides with the policy read last. */
const liveEngine = new Proxy({}, {
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
  watchPolicy(create, SITE, p.bytes, (next) => {
    current = next;
    replaceEngine(next.engine);
    scheduleSwitch();
    notify();
  });
});
engineReady.then(() => performance.measure("certpolicy:create-engine", "certpolicy:engine-start"), () => {});
