// Server-side rendering in Node ESM: the decision is in the HTML sent.
import { createEngine } from "certpolicy";

const engine = await createEngine();
const r = engine.evaluate({
  type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00",
  order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] },
});
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
process.stdout.write(`<p id="out">refund ${r.refund.allowed ? "allowed" : "refused"} until ${escape(r.refund.deadline)} (${r.refund.amount_fen} fen)</p>\n`);
