// The elements fixture page: the package's elements, from the demo server's /pkg/.
import { ELEMENTS } from "/pkg/elements/index.js";

window.decisions = [];
document.addEventListener("certpolicy-decision", (e) => window.decisions.push({ id: e.target.id, ok: e.detail.ok }));
await Promise.all(Object.keys(ELEMENTS).map((name) => customElements.whenDefined(name)));
document.body.dataset.ready = "true";
