// The one engine every certpolicy element of a page shares: created on the
// first element's need, or given by the page (configure) before that; a page
// that reads a new policy (a published file changed, or rolled back) hands
// the new engine in with replaceEngine, and every element decides again.
import { createEngine } from "../index.js";

let options = {};
let shared = null;
const listeners = new Set();

/**
 * Sets how the shared engine is made, or hands one in; call before the
 * first element connects (later calls do not replace an engine in use:
 * replaceEngine does).
 *   configure({ policy: patch, wasmUrl: "/assets/certpolicy_core.wasm" })
 *   configure({ engine: await createEngine() })
 */
export function configure(next = {}) {
  if (next.engine) shared = Promise.resolve(next.engine);
  else options = { ...options, ...next };
}

/** The shared engine (a promise; it rejects when the engine cannot load). */
export function sharedEngine() {
  shared ??= createEngine(options);
  return shared;
}

/**
 * Replaces the shared engine (an engine, or a promise of one): every
 * connected element decides again with it.
 *   replaceEngine(await createEngine({ publishedPolicy: bytes }))
 */
export function replaceEngine(engine) {
  shared = Promise.resolve(engine);
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after each replaceEngine; returns the function that stops it. */
export function onEngineReplaced(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
