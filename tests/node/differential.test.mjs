// Differential test: 10 000+ generated requests (valid, boundary and broken,
// every request type, fixed seed); the native CLI and the wasm package must
// return byte-identical JSON for each.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { makeGenerator } from "./generator.mjs";
import { haveCli, runCli } from "./native_cli.mjs";

const COUNT = 12000;

test(`native CLI and wasm agree byte for byte on ${COUNT} generated requests`, { skip: !haveCli() && "native CLI not built" }, async () => {
  const engine = await createEngine();
  const gen = makeGenerator(20261126);
  const requests = Array.from({ length: COUNT }, () => gen.request());
  const texts = requests.map((r) => JSON.stringify(r));
  const batch = `[${texts.join(",")}]`;
  const wasm = engine.evaluateJson(batch);
  const native = runCli(batch);
  if (wasm !== native) {
    // Name the first request that differs.
    const a = JSON.parse(wasm);
    const b = JSON.parse(native);
    const k = a.findIndex((x, i) => JSON.stringify(x) !== JSON.stringify(b[i]));
    assert.fail(`request ${k} differs: ${texts[k]}\nwasm:   ${JSON.stringify(a[k])}\nnative: ${JSON.stringify(b[k])}`);
  }
  const results = JSON.parse(wasm);
  assert.equal(results.length, COUNT);
  const ok = results.filter((r) => r.ok).length;
  const types = new Set(requests.map((r) => r.type));
  assert.ok(ok > COUNT * 0.4 && ok < COUNT * 0.95, `a mix of decisions and refusals (${ok} ok of ${COUNT})`);
  assert.ok(types.size >= 13, `every request type (${types.size})`);
  // Each element of the batch is exactly what evaluate gives alone.
  for (let k = 0; k < COUNT; k += 997) assert.equal(JSON.stringify(results[k]), engine.evaluateJson(texts[k]));
  console.log(`# differential: ${COUNT} requests, ${ok} decided, ${COUNT - ok} refused, identical bytes`);
});

test("native CLI and wasm agree on raw texts that are not JSON", { skip: !haveCli() && "native CLI not built" }, async () => {
  const engine = await createEngine();
  const gen = makeGenerator(7);
  const seen = new Set();
  for (let k = 0; k < 200; k++) {
    const text = gen.malformedText();
    if (seen.has(text)) continue;
    seen.add(text);
    assert.equal(engine.evaluateJson(text), runCli(text), JSON.stringify(text));
  }
});
