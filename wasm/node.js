// certpolicy for Node (the "node" entry of "exports"; wasm/cjs.mjs also makes
// the "require" entry from it): the same engine, with the .wasm read from
// disk: by default the file beside this module, found by its path (a server
// bundler turns `new URL("…", import.meta.url)` into a public URL, never a
// path), or any file: URL given as `wasmUrl`. It also works where a test
// environment (Vitest or Jest with jsdom or happy-dom) defines `window`.
import { readFile } from "node:fs/promises";
import { createEngineWith } from "./engine.js";

export { CertpolicyError } from "./engine.js";

// What to do when a server cannot read the .wasm: its bundler moved the package's code away from it.
const SERVER_FIX = "On a server, leave certpolicy unbundled (Next.js: serverExternalPackages: [\"certpolicy\"]; " +
  "Vite or SvelteKit: ssr.external: [\"certpolicy\"]) or pass createEngine({ wasmBinary }) with the bytes of " +
  "certpolicy/dist/certpolicy_core.wasm. See the package README, \"Servers\".";

async function readWasm(url) {
  try {
    return await readFile(url);
  } catch (e) {
    throw new Error(`certpolicy: cannot read ${url.href} (${e?.code ?? e?.message}). ${SERVER_FIX}`, { cause: e });
  }
}

const here = String(import.meta.url);
const host = { readFile: readWasm, wasmFile: new URL(`${here.slice(0, here.lastIndexOf("/") + 1)}dist/certpolicy_core.wasm`) };

/** An engine of the embedded policy, patched by `options.policy`. */
export function createEngine(options = {}) {
  return createEngineWith(options, host);
}
