// certpolicy for Node (the "node" entry of "exports"): the same engine, with
// the .wasm of a file: URL read from disk, so it also works where a test
// environment (Vitest or Jest with jsdom or happy-dom) defines `window` and
// has no fetch for file: URLs.
import { readFile } from "node:fs/promises";
import { createEngineWith } from "./engine.js";

export { CertpolicyError } from "./engine.js";

/** An engine of the embedded policy, patched by `options.policy`. */
export function createEngine(options = {}) {
  return createEngineWith(options, readFile);
}
