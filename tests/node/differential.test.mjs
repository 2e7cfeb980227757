// Differential test: 10 000+ generated requests (valid, boundary and broken,
// every request type, fixed seed); the native CLI and the wasm package must
// return byte-identical JSON for each.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { makeGenerator } from "./generator.mjs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliPath, haveCli, runCli } from "./native_cli.mjs";

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

// The wasm link reads number text with the host's Number() and formats with
// an integer-only snprintf (wasm/libc_numbers.cc); the native CLI with the
// platform's strtod and snprintf. A policy file shows both: a number that
// rounds past the largest double is refused as an overflow, one that rounds
// to it is read (and refused as not an integer), and a control character is
// named in hexadecimal. Each file is refused alike, message included.
test("native CLI and wasm read number texts and name control characters alike", { skip: !haveCli() && "native CLI not built" }, async () => {
  const request = JSON.stringify({ type: "exam_order", now: "2026-01-01T00:00:00+08:00", order: { paid_at: "2026-01-01T00:00:00+08:00" } });
  const midpoint = ((1n << 54n) - 1n) << 970n;
  const hours = (n) => `{"version": "v", "exam_order": {"refund_window": {"hours": ${n}}}}`;
  const files = [
    // DBL_MAX; below the midpoint to the next power of two (read as DBL_MAX); above it (infinite).
    hours("1.7976931348623157e308"), hours("1.7976931348623158e308"), hours("1.7976931348623159e308"),
    hours("-1.7976931348623159e308"), hours("1e309"), hours("17976931348623158e292"),
    hours("4.9e-324"), hours("1e-400"), hours("-0.0"), hours("120.0"), hours("1.20e2"), hours("0.1e1"),
    hours("9007199254740993.0"), hours("2.2250738585072011e-308"), hours("72E+0"),
    // The exact midpoint between the largest double and 2^1024, as an integer of 309 digits:
    // a tie, rounded to even (infinite, an overflow); one less is the largest double.
    hours(midpoint.toString()), hours((midpoint - 1n).toString()),
    ...[0x01, 0x09, 0x0a, 0x1f].map((c) => `{"version": "x${String.fromCharCode(c)}"}`),
  ];
  const engineOf = (text) => createEngine({ publishedPolicy: new TextEncoder().encode(text) }).then(() => null, (e) => e);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "certpolicy-")), "policy.json");
  // The CLI refuses the file with its error envelope on stdout (and exit status 1).
  const cli = (text) => {
    writeFileSync(file, text);
    return JSON.parse(spawnSync(cliPath, ["eval", "--policy", file], { input: request }).stdout.toString("utf8"));
  };
  let overflow = 0;
  for (const text of files) {
    const native = cli(text);
    assert.equal(native.ok, false, text);
    const e = await engineOf(text);
    assert.ok(e, `the package refuses ${JSON.stringify(text)} as the CLI does`);
    const { code, detail, path, expected, line, column, message } = e;
    assert.deepEqual({ code, detail, path, expected, line, column, message }, native.error, JSON.stringify(text));
    if (/number overflow/.test(message)) ++overflow;
  }
  assert.equal(overflow, 4, "the four texts that round past the largest double are refused as overflows");
});
