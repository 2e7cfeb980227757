// certpolicy for Node (the "node" entry of "exports"; wasm/cjs.mjs also makes
// the "require" entry from it): the same engine, with the .wasm read from
// disk: by default the file beside this module, found by its path (a server
// bundler turns `new URL("…", import.meta.url)` into a public URL, never a
// path), or any file: URL given as `wasmUrl`. Where a server bundle moved this
// code away from its .wasm, the package's file is found as Node resolves
// `certpolicy/certpolicy_core.wasm` from the bundle's place (node_modules is
// still there: SvelteKit's adapter-node bundling a devDependency, say). It
// also works where a test environment (Vitest or Jest with jsdom or happy-dom)
// defines `window`.
import { readFile } from "node:fs/promises";
import { createEngineWith } from "./engine.js";

export { CertpolicyError } from "./engine.js";

// What to do when a server cannot read the .wasm: its bundler moved the package's code away from it.
const SERVER_FIX = "On a server, leave certpolicy unbundled and installed beside the server (Next.js: serverExternalPackages: [\"certpolicy\"]; " +
  "SvelteKit with adapter-node: certpolicy in dependencies, not devDependencies; Vite SSR: ssr.external: [\"certpolicy\"]) " +
  "or pass createEngine({ wasmBinary }) with the bytes of certpolicy/dist/certpolicy_core.wasm. See the package README, \"Servers\".";

const here = String(import.meta.url);
const beside = new URL(`${here.slice(0, here.lastIndexOf("/") + 1)}dist/certpolicy_core.wasm`);

// The package's .wasm as Node resolves it from this code's place, or null.
// Through process.getBuiltinModule, so that no bundler sees a require to rewrite.
function resolvedWasm() {
  try {
    const { createRequire } = process.getBuiltinModule("node:module");
    const { pathToFileURL } = process.getBuiltinModule("node:url");
    return pathToFileURL(createRequire(here).resolve("certpolicy/certpolicy_core.wasm"));
  } catch {
    return null;
  }
}

async function readWasm(url) {
  try {
    return await readFile(url);
  } catch (e) {
    const resolved = url.href === beside.href ? resolvedWasm() : null;
    const found = resolved?.href !== url.href ? resolved : null;
    if (found) {
      try {
        return await readFile(found);
      } catch {
        // Said below, with the first place's error.
      }
    }
    const also = found ? ` (nor ${found.href})` : "";
    throw new Error(`certpolicy: cannot read ${url.href}${also} (${e?.code ?? e?.message}). ${SERVER_FIX}`, { cause: e });
  }
}

const host = { readFile: readWasm, wasmFile: beside };

/** An engine of the embedded policy, patched by `options.policy`. */
export function createEngine(options = {}) {
  return createEngineWith(options, host);
}
