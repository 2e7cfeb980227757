// The one engine every certpolicy element of a page shares: created on the
// first element's need, or given by the page (configure) before that.
import { createEngine } from "../index.js";

let options = {};
let shared = null;

/**
 * Sets how the shared engine is made, or hands one in; call before the
 * first element connects (later calls do not replace an engine in use).
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
