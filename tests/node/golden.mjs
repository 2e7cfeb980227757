// Golden answers: a fingerprint of every byte the engine answers for the case
// files and the 12 000-request differential corpus, recorded from one build
// and checked against another (a refactor that must not change an answer,
// such as moving the core's files, keeps every fingerprint).
//   node node/golden.mjs --record    writes tests/golden/answers.json from the built package
//   node node/golden.mjs             compares, naming the first case or corpus slice that differs
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createEngine } from "certpolicy";
import { loadCases } from "./case_files.mjs";
import { makeGenerator } from "./generator.mjs";

export const GOLDEN = fileURLToPath(new URL("../golden/answers.json", import.meta.url));
const SLICE = 500;
const sha = (text) => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** { cases: { "file#name": hash }, corpus: { count, slices: [hash per 500 answers] } } of the built package. */
export async function fingerprints() {
  const engines = new Map();
  const engineFor = async (policy) => {
    if (!engines.has(policy)) engines.set(policy, await createEngine(policy ? { policy } : {}));
    return engines.get(policy);
  };
  const cases = {};
  for (const c of loadCases()) cases[`${c.file}#${c.name}`] = sha((await engineFor(c.policy)).evaluateJson(c.text));
  const gen = makeGenerator(20261126);
  const texts = Array.from({ length: 12000 }, () => JSON.stringify(gen.request()));
  const engine = await engineFor("");
  const slices = [];
  for (let k = 0; k < texts.length; k += SLICE) slices.push(sha(engine.evaluateJson(`[${texts.slice(k, k + SLICE).join(",")}]`)));
  return { cases, corpus: { count: texts.length, slices } };
}

/** The differences between two fingerprint sets, as lines naming what differs. */
export function differences(want, got) {
  const out = [];
  for (const key of new Set([...Object.keys(want.cases), ...Object.keys(got.cases)])) {
    if (want.cases[key] !== got.cases[key]) out.push(`case ${key}: ${want.cases[key] ?? "absent"} → ${got.cases[key] ?? "absent"}`);
  }
  want.corpus.slices.forEach((h, k) => {
    if (got.corpus.slices[k] !== h) out.push(`corpus requests ${k * SLICE}–${k * SLICE + SLICE - 1}`);
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const got = await fingerprints();
  if (process.argv.includes("--record")) {
    writeFileSync(GOLDEN, `${JSON.stringify(got, null, 1)}\n`);
    console.log(`recorded ${Object.keys(got.cases).length} case answers and ${got.corpus.count} corpus answers`);
  } else {
    const diff = differences(JSON.parse(readFileSync(GOLDEN, "utf8")), got);
    console.log(diff.length ? diff.join("\n") : "every answer is byte-identical to the recording");
    process.exitCode = diff.length ? 1 : 0;
  }
}
