// Starts building the engine as soon as this module arrives: the page loads
// it with <script type="module" async>, so fetching, compiling and
// instantiating the WebAssembly overlap the first layout of the page instead
// of waiting for the page script (which runs only after parsing). The page
// script awaits the same promise through app.js's loadEngine().
import { createEngine } from "/pkg/index.js";

performance.mark("certpolicy:engine-start");
export const engineReady = createEngine();
engineReady.then(() => performance.measure("certpolicy:create-engine", "certpolicy:engine-start"), () => {});
