// The enterprise console with many codes in Chromium, with files in the
// console's own export format: import to the table shown, with the longest
// main-thread task (a long-task PerformanceObserver); 解绑, 重新生成 and 退款
// to the row updated; sort and text filter to the table redrawn; a file of
// 1 000 000 codes imported or refused. Figures only: nothing is judged here.
//   cd tests && node bench/console_bench.mjs [--codes N] [--web DIR]
//     --codes N   codes in 50 orders (default 200 000; scripts/bench)
//     --web DIR   serve the pages from DIR instead of web/ (the "before" of a change:
//                 `git archive main web | tar -x -C /tmp/before`, then --web /tmp/before/web)
//   --smoke: 1 000 codes, no million, to show it still runs (scripts/test)
import assert from "node:assert/strict";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openPage, startBrowser } from "../browser/harness.mjs";
import { writeExport } from "../browser/export_files.mjs";
import { sampleExport } from "../../web/js/codes_sample.js";

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const smoke = args.includes("--smoke");
const N = smoke ? 1000 : Number(arg("--codes", 200_000));
const web = arg("--web", null);
const REFUND_CODES = Math.min(1000, N / 10);

const dir = await mkdtemp(path.join(tmpdir(), "certpolicy-console-bench-"));
const env = await startBrowser({ mounts: web ? [["/", web]] : [], ownBrowser: true });
try {
  // 50 orders; the last one holds only unused codes, so that it can be refunded.
  const body = sampleExport({ codes: N - REFUND_CODES, orders: 49, certifications: ["腾讯云计算工程师认证", "腾讯云数据库工程师认证"] });
  const extra = Array.from({ length: REFUND_CODES }, (_, k) => `RF${String(k + 1).padStart(6, "0")},腾讯云计算工程师认证,理论考试,REFUND-1,未使用,2026-06-01 至 2027-06-01,-,-,-,-,-`);
  const file = await writeExport(dir, `export-${N}.csv`, `${body}${extra.join("\r\n")}\r\n`);

  // The real clock: the figures are the page's own times and the wall's.
  const { page, context, problems } = await openPage(env.browser, `${env.url}console.html`, { clock: null });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
  });
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  const longest = () => page.evaluate(() => { const l = window.__longTasks.splice(0); return l.length ? Math.max(...l) : 0; });
  const tabbed = await page.getByTestId("tab-codes").count() > 0;  // the console before issue 28 had no tabs
  await page.getByTestId("today").fill("2026-11-26");

  async function importFile(name) {
    const loads = Number(await page.evaluate(() => document.body.dataset.loads ?? 0));
    await longest();
    const t0 = performance.now();
    await page.getByTestId("file").setInputFiles(name);
    await page.waitForFunction((n) => Number(document.body.dataset.loads ?? 0) > n, loads, { timeout: 0 });
    return { wall: performance.now() - t0, task: await longest() };
  }

  /**
   * ms from `start(argument)` (run in the page) until `done(argument)` holds,
   * watched by a MutationObserver; and the longest task meanwhile. The two are
   * written into the evaluated expression (the page's CSP forbids eval in it).
   */
  async function timed(start, done, argument = null) {
    await longest();
    const ms = await page.evaluate(`new Promise((resolve) => {
      const start = ${start}, done = ${done}, argument = ${JSON.stringify(argument)};
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (!done(argument)) return;
        observer.disconnect();
        resolve(performance.now() - t0);
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      start(argument);
    })`);
    return { ms, task: await longest() };
  }

  const load = await importFile(file);
  assert.equal(await page.getByTestId("import-error").isHidden(), true);
  const pageMs = await page.evaluate(() => document.body.dataset.loadMs);
  const phases = await page.evaluate(() => document.body.dataset.phases);
  if (tabbed) await page.getByTestId("tab-codes").click();
  await page.waitForSelector("#codes tbody tr[data-code]");
  console.log(`# ${N} codes: load ${load.wall.toFixed(0)} ms to the table shown (the page's own: ${pageMs} ms), longest main-thread task ${load.task.toFixed(0)} ms${phases ? ` (worker, ms: ${phases})` : ""}`);

  // An action: opened by its button, timed from the dialog's own button to the row changed.
  async function action(name) {
    const code = await page.locator(`#codes button[data-action=${name}]`).first().evaluate((b) => b.closest("tr").dataset.code);
    await page.locator(`#codes tr[data-code="${code}"] button[data-action=${name}]`).click();
    return timed(() => document.querySelector("[data-testid=confirm-ok]").click(),
      ([code, name]) => !document.querySelector(`#codes tr[data-code="${code}"] button[data-action=${name}]`), [code, name]);
  }
  const unbind = await action("unbind");
  const regenerate = await action("regenerate");
  let refund = null;
  if (tabbed) {
    await page.getByTestId("tab-orders").click();
    await page.getByTestId("orders-search").fill("REFUND-1");
    await page.waitForSelector('#orders tr[data-order="REFUND-1"] button[data-action=refund]');
    await page.locator('#orders tr[data-order="REFUND-1"] button[data-action=refund]').click();
    refund = await timed(() => document.querySelector("[data-testid=confirm-ok]").click(),
      () => !document.querySelector('#orders tr[data-order="REFUND-1"] button[data-action=refund]'));
    await page.getByTestId("tab-codes").click();
    await page.waitForSelector("#codes tbody tr[data-code]");
  }
  const figure = (f) => (f ? `${f.ms.toFixed(0)} ms (longest task ${f.task.toFixed(0)} ms)` : "— (no refund action)");
  console.log(`# ${N} codes: 解绑 ${figure(unbind)}, 重新生成 ${figure(regenerate)}, 退款 ${figure(refund)} to the row updated`);

  // Sorted by code, then the other way (the console before issue 28 began sorted by code, so its first click reverses).
  const sortButton = '#codes button.sort[data-key="code"]';
  const sortOnce = async () => {
    const was = await page.locator(sortButton).getAttribute("data-sorted");
    return timed(([b]) => document.querySelector(b).click(), ([b, was]) => (document.querySelector(b).dataset.sorted ?? "") !== (was ?? ""), [sortButton, was]);
  };
  const sortAsc = await sortOnce();
  const sortDesc = await sortOnce();
  // A text filter (the console before issue 28 waited 120 ms after the last key before filtering).
  const prefix = `TC${String(Math.floor(N / 20)).padStart(7, "0").slice(0, 6)}`;
  const filter = await timed((prefix) => {
    const input = document.querySelector("[data-testid=filter]");
    input.value = prefix;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, (prefix) => [...document.querySelectorAll("#codes tbody tr[data-code]")].every((tr) => tr.dataset.code.startsWith(prefix)) &&
    document.querySelector("[data-testid=page-info]").textContent.includes("10"), prefix);
  console.log(`# ${N} codes: sort by code ${figure(sortAsc)}, reversed ${figure(sortDesc)}; text filter ${figure(filter)} to the table redrawn`);

  // A fresh page, the same file, and the sort by code clicked as soon as the table shows: the
  // worker makes the order by code just after the import's answer, so this click may wait for it.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.getByTestId("today").fill("2026-11-26");
  const again = await importFile(file);
  if (tabbed) await page.getByTestId("tab-codes").click();
  await page.waitForSelector("#codes tbody tr[data-code]");
  const sortAtOnce = await sortOnce();
  console.log(`# ${N} codes: on a fresh page, load ${again.wall.toFixed(0)} ms to the table shown, then sort by code at once ${figure(sortAtOnce)}`);

  if (!smoke) {
    // A million codes: the export itself (over the size limit), and with short lines (within it).
    const million = await writeExport(dir, "million.csv", { codes: 1_000_000, orders: 50 });
    const big = await importFile(million);
    const why = await page.getByTestId("import-error").textContent();
    const short = await writeExport(dir, "million-short.csv", `考试码,订单号,状态,考试码有效期\n${"A,O,未使用,2026-01-01 至 2027-01-01\n".repeat(1_000_000)}`);
    const small = await importFile(short);
    const why2 = await page.getByTestId("import-error").textContent();
    const mb = async (file) => ((await stat(file)).size / 2 ** 20).toFixed(0);
    console.log(`# 1000000 codes: the export (${await mb(million)} MB) refused in ${big.wall.toFixed(0)} ms ` +
      `(longest task ${big.task.toFixed(0)} ms: ${why}); with short lines (${await mb(short)} MB) refused in ${small.wall.toFixed(0)} ms (longest task ${small.task.toFixed(0)} ms: ${why2})`);
  }
  assert.deepEqual(problems(), []);
  await context.close();
} finally {
  await env.close();
  await rm(dir, { recursive: true, force: true });
}
