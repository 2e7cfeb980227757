// CommonJS: require("certpolicy") is the package's CommonJS entry (dist/certpolicy.cjs);
// createEngine() is still asynchronous.
const { createEngine } = require("certpolicy");

createEngine().then((engine) => {
  const r = engine.evaluate({
    type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00",
    order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] },
  });
  console.log(`refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)`);
});
