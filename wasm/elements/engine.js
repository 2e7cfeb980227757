// The one engine every certpolicy element of a page shares: created on the
// first element's need, or given by the page (configure) before that; a page
// that reads a new policy (a published file changed, or rolled back) hands
// the new engine in with replaceEngine, and every element decides again.
// The state lives on the global object, under one registered symbol, so that
// two copies of this module on a page (a bundle beside the package's own file,
// or an old cached bundle beside a new page) still share one engine: the one
// configure() or replaceEngine() gave, never a second default one.
import { createEngine } from "../index.js";

const state = (globalThis[Symbol.for("certpolicy.elements.sharedEngine.v1")] ??= { options: {}, shared: null, listeners: new Set() });
const { listeners } = state;

/**
 * Sets how the shared engine is made, or hands one in; call before the
 * first element connects (later calls do not replace an engine in use:
 * replaceEngine does).
 *   configure({ policy: patch, wasmUrl: "/assets/certpolicy_core.wasm" })
 *   configure({ engine: await createEngine() })
 */
export function configure(next = {}) {
  if (next.engine) state.shared = Promise.resolve(next.engine);
  else state.options = { ...state.options, ...next };
}

/** The shared engine (a promise; it rejects when the engine cannot load). */
export function sharedEngine() {
  state.shared ??= createEngine(state.options);
  return state.shared;
}

/**
 * Replaces the shared engine (an engine, or a promise of one): every
 * connected element decides again with it.
 *   replaceEngine(await createEngine({ publishedPolicy: bytes }))
 */
export function replaceEngine(engine) {
  state.shared = Promise.resolve(engine);
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after each replaceEngine; returns the function that stops it. */
export function onEngineReplaced(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
