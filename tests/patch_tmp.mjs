import { createEngine } from "certpolicy";
const big = `{"x":[${"1,".repeat(30_000_000)}1]}`;  // 60 MB, 30M values
console.log("patch MB", (big.length / 1e6).toFixed(0));
const t0 = performance.now();
try { await createEngine({ policy: big }); console.log("created?!"); } catch (e) { console.log("rejected:", e.code, e.detail, e.message.slice(0, 120)); }
console.log("ms", (performance.now() - t0).toFixed(0));
const e = await createEngine();
console.log("after:", e.evaluate({ type: "working_day", date: "2026-10-10" }).ok);
