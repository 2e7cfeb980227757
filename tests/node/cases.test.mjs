// The case files through the built wasm package, and byte identity with the
// native CLI for every case.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { loadCases } from "./case_files.mjs";
import { jsonMismatch } from "./json_match.mjs";
import { haveCli, runCli } from "./native_cli.mjs";

const cases = loadCases();
const engines = new Map();
async function engineFor(policy) {
  if (!engines.has(policy)) engines.set(policy, await createEngine(policy ? { policy } : {}));
  return engines.get(policy);
}

for (const c of cases) {
  test(`${c.rule} ${c.name}`, async () => {
    const engine = await engineFor(c.policy);
    const actual = engine.evaluate(c.text);
    assert.equal(jsonMismatch(c.expect, actual), "", `${c.file} / ${c.name}\nrequest: ${c.text}`);
  });
}

test("case files: native CLI and wasm give identical bytes", { skip: !haveCli() && "native CLI not built" }, async () => {
  const byPolicy = new Map();
  for (const c of cases) {
    if (!byPolicy.has(c.policy)) byPolicy.set(c.policy, []);
    byPolicy.get(c.policy).push(c);
  }
  let compared = 0;
  for (const [policy, group] of byPolicy) {
    const engine = await engineFor(policy);
    // Well-formed requests in one batch; malformed texts one by one.
    const wellFormed = group.filter((c) => { try { JSON.parse(c.text); return true; } catch { return false; } });
    const batch = `[${wellFormed.map((c) => c.text).join(",")}]`;
    assert.equal(engine.evaluateJson(batch), runCli(batch, policy));
    for (const c of group) {
      const wasm = engine.evaluateJson(c.text);
      if (!wellFormed.includes(c) || c.text.trimStart().startsWith("[")) {
        assert.equal(wasm, runCli(c.text, policy), `${c.file} / ${c.name}`);
      }
      compared++;
    }
  }
  assert.equal(compared, cases.length);
});
