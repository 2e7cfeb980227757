// Writes the fuzz seed corpus: every request of tests/cases, one file each.
//   node tests/fuzz/write_seeds.mjs DIR
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadCases } from "../node/case_files.mjs";

const dir = process.argv[2];
if (!dir) throw new Error("usage: write_seeds.mjs DIR");
mkdirSync(dir, { recursive: true });
const cases = loadCases();
cases.forEach((c, k) => writeFileSync(path.join(dir, `${String(k).padStart(4, "0")}-${c.rule}-${c.name}.json`), c.text));
console.log(`${cases.length} seeds in ${dir}`);
