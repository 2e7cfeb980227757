// certpolicy for Node (the "node" entry of "exports"): the same engine, with
// the .wasm read from disk: by default the file beside this module, found by
// its path (a server bundler turns `new URL("…", import.meta.url)` into a
// public URL, never a path), or any file: URL given as `wasmUrl`. It also
// works where a test environment (Vitest or Jest with jsdom or happy-dom)
// defines `window` and has no fetch for file: URLs.
import { readFile } from "node:fs/promises";
import { createEngineWith } from "./engine.js";

export { CertpolicyError } from "./engine.js";

const here = String(import.meta.url);
const host = { readFile, wasmFile: new URL(`${here.slice(0, here.lastIndexOf("/") + 1)}dist/certpolicy_core.wasm`) };

/** An engine of the embedded policy, patched by `options.policy`. */
export function createEngine(options = {}) {
  return createEngineWith(options, host);
}
