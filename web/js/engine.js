// Starts building the engine as soon as this module is evaluated: each page
// script imports it first, so fetching, compiling and instantiating the
// WebAssembly (whose fetch the page's head has already started) overlap the
// page's own set-up. The page script awaits the same promise through app.js's
// loadEngine(). The .wasm is named by its URL on the site: a page's one module
// (scripts/bundle_pages.mjs) is not next to the package.
// The published policy patch (js/site.js) is fetched while the module compiles.
// The package's elements on the page share this engine.
import { createEngine } from "/pkg/index.js";
import { configure } from "/pkg/elements/engine.js";
import { loadPolicyEngine } from "./policy_loader.js";
import { SITE } from "./site.js";

performance.mark("certpolicy:engine-start");
/** { engine, state: { version, source, notice } } (policy_loader.js). */
/** Where the site serves the engine's WebAssembly (the page heads preload the same URL). */
const WASM_URL = "/pkg/dist/certpolicy_core.wasm";
export const policyReady = loadPolicyEngine((options) => createEngine({ wasmUrl: WASM_URL, ...options }), SITE, Date.now());
export const engineReady = policyReady.then((p) => p.engine);
// The package's elements on these pages decide with this engine (and its policy).
configure({ engine: engineReady });
engineReady.then(() => performance.measure("certpolicy:create-engine", "certpolicy:engine-start"), () => {});
