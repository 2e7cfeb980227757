// certpolicy — the ES module frontend developers import (browsers, workers,
// bundlers: the "default" and "browser" entry). The .wasm is fetched from
// next to the package (import.meta.url) unless `wasmUrl`, `wasmBinary` or
// `wasmModule` says otherwise. Node gets node.js through "exports".
//
//   import { createEngine } from "certpolicy";
//   const engine = await createEngine();                 // embedded default policy
//   engine.evaluate({ type: "exam_order", now, order }); // → { ok: true, ... }
import { createEngineWith } from "./engine.js";

export { CertpolicyError } from "./engine.js";

/** An engine of the embedded policy, patched by `options.policy`. */
export function createEngine(options = {}) {
  return createEngineWith(options, null);
}
