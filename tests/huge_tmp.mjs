import { createEngine } from "certpolicy";
const engine = await createEngine();
const which = process.argv[2];
let text;
if (which === "ones") text = "[" + "1,".repeat(60_000_000) + "1]";   // 120 MB, 60M values
else {
  const r = JSON.stringify({ type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 30000 }], booking: { exam_at: "2026-12-10T09:00:00+08:00", status: "booked" } } });
  text = "[" + Array(Number(which)).fill(r).join(",") + "]";
}
console.log("text MB", (text.length / 1e6).toFixed(0));
const t0 = performance.now();
try {
  const out = engine.evaluateJson(text);
  console.log("answer chars", out.length, out.slice(0, 200));
} catch (e) { console.log("threw", e.message.slice(0, 200)); }
console.log("ms", (performance.now() - t0).toFixed(0));
try { console.log("after:", engine.evaluate({ type: "working_day", date: "2026-10-10" }).ok); } catch (e) { console.log("dead:", e.message.slice(0, 100)); }
