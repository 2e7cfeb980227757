// The enterprise console with many codes in Chromium: load, text filter, state
// filter and sort, as the page measures them (figures, no timed assertion).
//   cd tests && node bench/console_bench.mjs [--codes N]   (default 100 000; scripts/bench)
//   --smoke: 1 000 codes, to show it still runs (scripts/test)
import assert from "node:assert/strict";
import { openPage, startBrowser } from "../browser/harness.mjs";

const args = process.argv.slice(2);
const N = args.includes("--smoke") ? 1000 : Number(args[args.indexOf("--codes") + 1] || 100_000);
const env = await startBrowser();
try {
  // The real clock: the page times itself with performance.now().
  const { page, context, problems } = await openPage(env.browser, `${env.url}console.html`, { clock: null });
  await page.getByTestId("today").fill("2026-11-26");
  await page.getByTestId("sample-n").fill(String(N));
  const loads = Number(await page.evaluate(() => document.body.dataset.loads ?? 0));
  const t0 = performance.now();
  await page.getByTestId("sample").click();
  await page.waitForFunction((n) => Number(document.body.dataset.loads ?? 0) > n, loads, { timeout: 0 });
  const wall = performance.now() - t0;
  // The sample's codes are TC0000001…: a prefix of six digits matches ten of them.
  const prefix = `TC${String(N / 10 - 1).padStart(6, "0")}`;
  assert.equal(await page.getByTestId("page-info").textContent(), `第 1–100 条，共 ${N} 条`);
  assert.equal(await page.locator("#codes tbody tr").count(), 100);
  const loadMs = await page.evaluate(() => document.body.dataset.loadMs);
  await page.getByTestId("filter").fill(prefix);
  await page.waitForFunction(() => document.querySelector("[data-testid=page-info]").textContent.includes("共 10 条"), null, { timeout: 0 });
  const filterMs = await page.evaluate(() => document.body.dataset.filterMs);
  await page.getByTestId("filter").fill("");
  await page.getByTestId("state-filter").selectOption("bound");
  const bound = await page.getByTestId("page-info").textContent();
  const stateFilterMs = await page.evaluate(() => document.body.dataset.filterMs);
  await page.locator('button.sort[data-key="effective"]').click();
  const sortMs = await page.evaluate(() => document.body.dataset.filterMs);
  console.log(`# ${N} codes: load ${loadMs} ms (click to table ${wall.toFixed(0)} ms), text filter ${filterMs} ms, ` +
    `state filter ${stateFilterMs} ms (${bound}), sort ${sortMs} ms`);
  assert.deepEqual(problems(), []);
  await context.close();
} finally {
  await env.close();
}
