import { createEngine } from "certpolicy";
const engine = await createEngine();
const req = { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 30000 }, { method: "voucher", amount_fen: 5000 }], booking: { exam_at: "2026-12-10T09:00:00+08:00", status: "booked" } } };
const reqEn = { ...req, locale: "en" };
const text = JSON.stringify(req);
const ans = engine.evaluateJson(text);
const ansEn = engine.evaluateJson(JSON.stringify(reqEn));
console.log("answer chars", ans.length, "en", ansEn.length);
function t(name, fn, n = 200000) {
  for (let i = 0; i < 20000; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(name, ((performance.now() - t0) * 1000 / n).toFixed(2), "µs");
}
t("stringify", () => JSON.stringify(req));
t("parse answer", () => JSON.parse(ans));
t("parse answer en", () => JSON.parse(ansEn));
t("evaluateJson (stringified)", () => engine.evaluateJson(text));
t("evaluate", () => engine.evaluate(req));
t("evaluate en", () => engine.evaluate(reqEn));
