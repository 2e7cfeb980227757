// Every benchmark once, at a tiny size, so that none rots between the runs of
// scripts/bench: each must finish and print its figures. No figure is judged
// here (speed is measured by scripts/bench, never asserted by a test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const tests = fileURLToPath(new URL("../", import.meta.url));
const coreBench = fileURLToPath(new URL("../../build/native/tests/core_bench", import.meta.url));
const run = (args, cwd = tests) => execFileSync(args[0], args.slice(1), { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 });

test("bench: the core's Google Benchmark runs", { skip: !existsSync(coreBench) && "core_bench not built (libbenchmark-dev)" }, () => {
  const out = run([coreBench, "--benchmark_min_time=0.001"]);
  assert.match(out, /BM_\w+/);
});

test("bench: the package in Node (module_bench --smoke) runs and its peers agree", () => {
  const out = run([process.execPath, "--expose-gc", "bench/module_bench.mjs", "--smoke"]);
  assert.match(out, /^createEngine: cold [\d.]+ ms/m);
  assert.match(out, /^evaluate exam_order\s+median [\d.]+ µs/m);
  assert.match(out, /^EXO-4\+EXO-5 per decision/m);
});

test("bench: the A/B harness (variants_bench, this build against itself) runs", () => {
  const out = run([process.execPath, "--expose-gc", "bench/variants_bench.mjs", "a=../wasm", "b=../wasm", "--rounds", "1"]);
  assert.match(out, /\bb\b.*[\d.]+/);
});

test("bench: the purchase page's cold start in Chromium (cold_start --smoke) runs", () => {
  const out = run([process.execPath, "bench/cold_start.mjs", "--smoke"]);
  assert.match(out, /^# cold start \(navigation → first decision\): median [\d.]+ ms/m);
  assert.match(out, /^# ratios: first visit \/ engine alone [\d.]+/m);
});

test("bench: the purchase page on a throttled phone (phone_bench --smoke) runs", () => {
  const out = run([process.execPath, "bench/phone_bench.mjs", "--smoke"]);
  assert.match(out, /^# static page first paint \d+ ms .* purchase page, first decision \d+ ms \([\d.]+ KB transferred\)$/m);
  assert.match(out, /^# phone ratios: purchase \/ static page [\d.]+/m);
});

test("bench: the console with many codes (console_bench --smoke) runs", () => {
  const out = run([process.execPath, "bench/console_bench.mjs", "--smoke"]);
  assert.match(out, /^# 1000 codes: load \d+ ms/m);
});

test("bench: the policy operations (policy_ops_bench --smoke) run: a month's diff and a replay", () => {
  const out = run([process.execPath, "bench/policy_ops_bench.mjs", "--smoke"]);
  assert.match(out, /^diff_year: [\d.]+ s wall, [\d.]+ s CPU, peak RSS [\d.]+ MiB, exit [01]$/m);
  assert.match(out, /^replay_1000: [\d.]+ s wall, [\d.]+ s CPU, peak RSS [\d.]+ MiB, exit [01]$/m);
});
