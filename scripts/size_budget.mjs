// Size budget of the package: gzip of the .wasm plus its JS glue and the
// ES module wrapper must stay within the budget (default 170 KB; docs/PERFORMANCE.md, "Size", says why).
//   node scripts/size_budget.mjs [--budget-kb 170] [--json]
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const arg = (name, fallback) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] : fallback;
};
const budget = Number(arg("--budget-kb", 170)) * 1024;
const root = fileURLToPath(new URL("../wasm/", import.meta.url));
// What a browser loads: the .wasm, the glue, the browser entry and the engine wrapper.
const files = ["dist/certpolicy_core.wasm", "dist/certpolicy_core.mjs", "index.js", "engine.js"];
const rows = files.map((f) => {
  const bytes = readFileSync(root + f);
  return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = rows.reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip }), { raw: 0, gzip: 0 });
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ files: rows, total, budget }, null, 2));
} else {
  for (const r of rows) console.log(`${r.file.padEnd(28)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(8)} B gzip`);
  console.log(`${"total".padEnd(28)} ${String(total.raw).padStart(8)} B raw ${String(total.gzip).padStart(8)} B gzip (budget ${budget} B)`);
}
if (total.gzip > budget) {
  console.error(`size budget exceeded: ${total.gzip} B gzip > ${budget} B`);
  process.exit(1);
}
