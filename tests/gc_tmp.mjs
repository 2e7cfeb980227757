import { createEngine } from "certpolicy";
const engine = await createEngine();
const req = { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 30000 }, { method: "voucher", amount_fen: 5000 }], booking: { exam_at: "2026-12-10T09:00:00+08:00", status: "booked" } } };
const text = JSON.stringify(req);
const ans = engine.evaluateJson(text);
const N = 200000;
function med(fn) { const ts = new Float64Array(N); for (let i = 0; i < 20000; i++) fn(); for (let i = 0; i < N; i++) { const t0 = performance.now(); fn(); ts[i] = performance.now() - t0; } ts.sort(); return (ts[N >> 1] * 1000).toFixed(2); }
console.log("median evaluate", med(() => engine.evaluate(req)));
console.log("median evaluateJson", med(() => engine.evaluateJson(text)));
console.log("median parse", med(() => JSON.parse(ans)));
console.log("median stringify", med(() => JSON.stringify(req)));
console.log("median parse(evaluateJson(stringify))", med(() => JSON.parse(engine.evaluateJson(JSON.stringify(req)))));
