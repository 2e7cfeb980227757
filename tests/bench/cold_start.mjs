// Page cold start in Chromium: from navigation to the first decision shown on
// the purchase page, served by the local demo server (reported, not asserted),
// on a first visit (fresh context, empty cache) and on a repeat visit (the
// same context again: the HTTP cache and the compiled-wasm cache warm, with
// the demo server's caching headers). Two reference pages from the same
// server put the figures in context: the floor of any page in a fresh
// renderer (static text, no script: its first paint), and the engine alone
// (createEngine plus one evaluate, no UI). The goals (docs/PERFORMANCE.md):
// first visit ≤ 1.25 × the engine alone; repeat visit ≤ the floor + 25 ms.
// A benchmark (figures, no timed assertion):
//   cd tests && node bench/cold_start.mjs [--rounds N]   (default 7; scripts/bench)
//   --smoke: one round, to show it still runs (scripts/test)
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { startBrowser } from "../browser/harness.mjs";

const args = process.argv.slice(2);
const ROUNDS = args.includes("--smoke") ? 1 : Number(args[args.indexOf("--rounds") + 1] || 7);
// The reference pages (tests/browser/reference) are served by the same demo server under /__ref/.
const env = await startBrowser({ mounts: [["/__ref/", fileURLToPath(new URL("../browser/reference/", import.meta.url))]], ownBrowser: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Opens `path` in a fresh context (a fresh renderer and cache) and returns
 * `measure(page)`; with `again`, also what it measures on a second visit in
 * the same context: [first, repeat].
 */
async function fresh(path, measure, again = false) {
  const context = await env.browser.newContext({ timezoneId: "Asia/Shanghai" });
  try {
    const page = await context.newPage();
    await page.goto(`${env.url}${path}`);
    const first = await measure(page);
    if (!again) return first;
    // The first visit's cache writes settle (a benchmark's pause; no test waits on it).
    await new Promise((r) => setTimeout(r, 1000));
    await page.goto(`${env.url}${path}`);
    return [first, await measure(page)];
  } finally {
    await context.close();
  }
}

try {
  const times = [];
  const repeats = [];
  const parts = [];
  const floor = [];
  const engineOnly = [];
  for (let k = 0; k < ROUNDS; k++) {
    const [first, repeat] = await fresh("purchase.html", async (page) => {
      await page.waitForSelector("body[data-ready=true]");
      const { ms, engine, start } = await page.evaluate(() => ({
        ms: performance.getEntriesByName("certpolicy:first-decision")[0].startTime,
        start: performance.getEntriesByName("certpolicy:engine-start")[0].startTime,
        engine: performance.getEntriesByName("certpolicy:create-engine")[0].duration,
      }));
      parts.push([start, engine]);
      assert.equal(await page.locator('[part~="verdict"]').isVisible(), true);
      return ms;
    }, true);
    times.push(first);
    repeats.push(repeat);
    floor.push(await fresh("__ref/floor.html", async (page) => {
      await page.waitForFunction(() => performance.getEntriesByType("paint").length > 0);
      return page.evaluate(() => performance.getEntriesByType("paint")[0].startTime);
    }));
    engineOnly.push(await fresh("__ref/engine-only.html", async (page) => {
      await page.waitForSelector("body[data-ready=true]");
      return page.evaluate(() => performance.getEntriesByName("certpolicy:first-decision")[0].startTime);
    }));
  }
  const firsts = parts.filter((_, k) => k % 2 === 0);  // the first visits' breakdowns
  const mid = firsts.sort((a, b) => a[0] + a[1] - b[0] - b[1])[ROUNDS >> 1];
  times.sort((a, b) => a - b);
  console.log(`# cold start breakdown (median run): modules ready at ${mid[0].toFixed(1)} ms, createEngine (fetch+compile+instantiate+policy) ${mid[1].toFixed(1)} ms`);
  console.log(`# cold start (navigation → first decision): median ${times[ROUNDS >> 1].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[ROUNDS - 1].toFixed(1)} ms over ${ROUNDS} fresh contexts`);
  console.log(`# reference, same origin and fresh contexts: static page without script, first paint ${median(floor).toFixed(1)} ms; ` +
    `engine alone (createEngine + one evaluate, no UI) ${median(engineOnly).toFixed(1)} ms (medians)`);
  console.log(`# repeat visit (same context, caches warm): median ${median(repeats).toFixed(1)} ms, min ${Math.min(...repeats).toFixed(1)} ms`);
  console.log(`# ratios: first visit / engine alone ${(times[ROUNDS >> 1] / median(engineOnly)).toFixed(2)} (goal ≤ 1.25); ` +
    `repeat visit − floor ${(median(repeats) - median(floor)).toFixed(1)} ms (goal ≤ 25 ms)`);
} finally {
  await env.close();
}
