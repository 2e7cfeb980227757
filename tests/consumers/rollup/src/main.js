// A consumer of the packed certpolicy tarball: one real decision shown in the DOM.
import { createEngine } from "certpolicy";
// Rollup copies no asset: @rollup/plugin-url (rollup.config.js) emits the .wasm and gives its URL.
import wasmUrl from "certpolicy/certpolicy_core.wasm";

createEngine({ wasmUrl }).then((engine) => {
  const r = engine.evaluate({
    type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00",
    order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] },
  });
  document.getElementById("out").textContent = r.ok
    ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)`
    : `error ${r.error.message}`;
}, (e) => {
  document.getElementById("out").textContent = `failed: ${e.message}`;
}).finally(() => { document.body.dataset.ready = "true"; });
