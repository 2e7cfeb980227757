// The engine alone: how soon a page could show a decision if it did nothing else.
import { createEngine } from "/pkg/index.js";

const engine = await createEngine();
const now = Date.now();
const r = engine.evaluate({
  type: "exam_order",
  now: new Date(now).toISOString(),
  order: { paid_at: new Date(now - 3600 * 1000).toISOString() },
});
document.getElementById("out").textContent = r.reasons[0].message;
performance.mark("certpolicy:first-decision");
document.body.dataset.ready = "true";
