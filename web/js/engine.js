// Starts building the engine as soon as this module arrives: the page loads
// it with <script type="module" async>, so fetching, compiling and
// instantiating the WebAssembly overlap the first layout of the page instead
// of waiting for the page script (which runs only after parsing). The page
// script awaits the same promise through app.js's loadEngine().
// The published policy patch (js/site.js) is fetched while the module compiles.
// The package's elements on the page share this engine.
import { createEngine } from "/pkg/index.js";
import { configure } from "/pkg/elements/engine.js";
import { loadPolicyEngine } from "./policy_loader.js";
import { SITE } from "./site.js";

performance.mark("certpolicy:engine-start");
/** { engine, state: { version, source, notice } } (policy_loader.js). */
export const policyReady = loadPolicyEngine(createEngine, SITE, Date.now());
export const engineReady = policyReady.then((p) => p.engine);
// The package's elements on these pages decide with this engine (and its policy).
configure({ engine: engineReady });
engineReady.then(() => performance.measure("certpolicy:create-engine", "certpolicy:engine-start"), () => {});
