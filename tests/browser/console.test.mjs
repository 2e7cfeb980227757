// The enterprise console in Chromium: only allowed actions are offered, the
// order panel, statistics, clear import errors, and 100 000 codes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openPage, screenshotDir, startBrowser } from "./harness.mjs";

let env;
let dir;
before(async () => {
  env = await startBrowser();
  dir = await mkdtemp(path.join(tmpdir(), "certpolicy-console-"));
});
after(async () => { await env?.close(); });

const CSV = [
  "code,certification,state,order_paid_at,passed",
  "BN001,cloud-computing-engineer,unused,2026-01-10 10:00:00,",
  "BN002,cloud-computing-engineer,bound,2026-01-10 10:00:00,",
  "BN003,cloud-computing-engineer,examined,2026-01-10 10:00:00,true",
  "BN004,cloud-computing-engineer,examined,2026-01-10 10:00:00,false",
  "BN005,database-engineer,examined,2026-01-10 10:00:00,false",
  "BN006,database-engineer,void,2026-01-10 10:00:00,",
  "OLD01,ai-engineer,unused,2025-11-20 16:45:00,",
  "OLD02,ai-engineer,bound,2025-11-20 16:45:00,",
].join("\n");

async function importFile(page, name, text) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const loads = Number(await page.evaluate(() => document.body.dataset.loads ?? 0));
  await page.getByTestId("file").setInputFiles(file);
  await page.waitForFunction((n) => Number(document.body.dataset.loads ?? 0) > n, loads);
}

const actionsOf = (page, code) => page.locator(`tr[data-code="${code}"] td[data-testid=actions] button`)
  .evaluateAll((bs) => bs.map((b) => b.dataset.action));

test("COD-1..3 on the page: each code offers only the actions allowed now", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}console.html`);
  await page.getByTestId("today").fill("2026-11-26");
  await importFile(page, "codes.csv", CSV);
  assert.deepEqual(await actionsOf(page, "BN001"), ["bind", "regenerate"]);
  assert.deepEqual(await actionsOf(page, "BN002"), ["sit", "unbind"]);
  assert.deepEqual(await actionsOf(page, "BN003"), ["view_score"]);
  assert.deepEqual(await actionsOf(page, "BN006"), []);
  // The 2025-11-20 order expired after 2026-11-20: its codes are expired.
  assert.deepEqual(await actionsOf(page, "OLD01"), []);
  assert.equal(await page.locator('tr[data-code="OLD02"] td').nth(4).textContent(), "已过期");
  // Unbinding makes the code unused; the order refund is no longer blocked.
  await page.getByTestId("order-pick").selectOption({ index: 1 });
  assert.equal(await page.getByTestId("order-valid").textContent(), "2027-01-10");
  assert.equal(await page.getByTestId("order-refund").getAttribute("data-allowed"), "false");
  assert.equal(await page.getByTestId("order-blocking").textContent(), "1");
  // Unbind asks first; cancelling changes nothing and gives the focus back to the button.
  await page.locator('tr[data-code="BN002"] button[data-action=unbind]').click();
  assert.equal(await page.getByTestId("confirm").evaluate((d) => d.open), true);
  assert.match(await page.getByTestId("confirm-text").textContent(), /^确定解绑考试码 BN002？/);
  await page.keyboard.press("Escape");
  assert.equal(await page.getByTestId("confirm").evaluate((d) => d.open), false);
  assert.deepEqual(await actionsOf(page, "BN002"), ["sit", "unbind"]);
  assert.equal(await page.evaluate(() => `${document.activeElement.closest("tr")?.dataset.code} ${document.activeElement.dataset.action}`), "BN002 unbind");
  await page.locator('tr[data-code="BN002"] button[data-action=unbind]').click();
  await page.getByTestId("confirm-ok").click();
  assert.deepEqual(await actionsOf(page, "BN002"), ["bind", "regenerate"]);
  // The focus stays on the row, on its first action now.
  assert.equal(await page.evaluate(() => `${document.activeElement.closest("tr")?.dataset.code} ${document.activeElement.dataset.action}`), "BN002 bind");
  await page.getByTestId("order-pick").selectOption({ index: 1 });
  assert.equal(await page.getByTestId("order-refund").getAttribute("data-allowed"), "true");
  assert.equal(await page.getByTestId("order-refund").textContent(), "可退款 2 个未使用考试码");
  // Regenerating voids the code and adds a new unused one.
  await page.locator('tr[data-code="BN001"] button[data-action=regenerate]').click();
  assert.match(await page.getByTestId("confirm-text").textContent(), /^确定重新生成考试码 BN001？原考试码将作废/);
  await page.getByTestId("confirm-ok").press("Enter");
  assert.deepEqual(await actionsOf(page, "BN001"), []);
  assert.equal(await page.evaluate(() => document.activeElement.id), "codes", "no action left on the row: the table holds the focus");
  assert.deepEqual(await actionsOf(page, "BN001-R1"), ["bind", "regenerate"]);
  // Statistics per certification (COD-5).
  const stats = await page.getByTestId("stats").locator("tr").evaluateAll((trs) => trs.map((tr) => tr.textContent));
  assert.ok(stats.includes("腾讯云计算工程师认证22150.0%"), stats.join(" | "));
  assert.ok(stats.includes("腾讯云数据库工程师认证1100.0%"), stats.join(" | "));
  assert.ok(stats.includes("腾讯云人工智能工程师认证100—"), stats.join(" | "));
  await page.screenshot({ path: `${screenshotDir}console.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("bad imports give clear errors and never freeze the page", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}console.html?lang=en`);
  const cases = [
    ["unclosed.csv", 'code,state,order_paid_at\n"A,unused,2025-01-01 10:00\n', "CSV line 2: a quote is never closed."],
    ["columns.csv", "code,state,order_paid_at\nA,unused\n", "CSV line 2 has 2 fields; the header has 3."],
    ["state.csv", "code,state,order_paid_at\nA,lost,2025-01-01 10:00\n", /^Item 1: code\.state: not an accepted value/],
    ["notlist.json", '{"codes": {"code": "A"}}', 'The JSON holds no list of codes (an array, or {"codes": [...]}).'],
    ["broken.json", '[{"code": "A",', /^Malformed JSON/],
  ];
  for (const [name, text, expected] of cases) {
    await importFile(page, name, text);
    const message = await page.getByTestId("import-error").textContent();
    if (expected instanceof RegExp) assert.match(message, expected, name);
    else assert.equal(message, expected, name);
  }
  const million = "code,state,order_paid_at\n" + "A,unused,2025-01-01 10:00\n".repeat(1_000_000);
  const t0 = Date.now();
  await importFile(page, "million.csv", million);
  assert.equal(await page.getByTestId("import-error").textContent(), "Too many codes: at most 200000 per import.");
  console.log(`# million-line CSV refused after ${Date.now() - t0} ms`);
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("200 000 codes in 200 000 distinct orders import; a refused file leaves the previous state", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}console.html?lang=en`);
  await page.getByTestId("today").fill("2026-11-26");
  const lines = ["code,certification,state,order_paid_at,order"];
  const base = Date.UTC(2026, 0, 1);
  for (let k = 0; k < 200_000; k++) {
    const paid = new Date(base + k * 60_000).toISOString().replace(".000Z", "Z");
    lines.push(`C${k},cloud-computing-engineer,${k % 3 === 0 ? "examined" : "unused"},${paid},O${k}`);
  }
  const t0 = Date.now();
  await importFile(page, "distinct.csv", lines.join("\n"));
  console.log(`# 200000 codes in 200000 orders imported in ${Date.now() - t0} ms`);
  assert.equal(await page.getByTestId("import-error").isHidden(), true, await page.getByTestId("import-error").textContent());
  assert.equal(await page.locator("#order_pick option").count(), 200_000);
  assert.match(await page.getByTestId("page-info").textContent(), /200000/);
  const stats = await page.locator("#stats").innerText();
  const info = await page.getByTestId("page-info").textContent();

  // Refused files of every kind: the statistics, the list and the orders stay.
  const refused = [
    ["state.csv", "code,state,order_paid_at\nA,lost,2025-01-01 10:00\n"],
    ["long.csv", `code,state,order_paid_at\n${"X".repeat(100_000)},unused,2025-01-01 10:00\n`],
    ["broken.json", '[{"code": "A",'],
  ];
  for (const [name, text] of refused) {
    await importFile(page, name, text);
    assert.equal(await page.getByTestId("import-error").isVisible(), true, name);
    assert.equal(await page.locator("#stats").innerText(), stats, name);
    assert.equal(await page.getByTestId("page-info").textContent(), info, name);
    assert.equal(await page.locator("#order_pick option").count(), 200_000, name);
  }
  assert.match(await page.getByTestId("import-error").textContent(), /^Malformed JSON/);
  await importFile(page, "long2.csv", `code,state,order_paid_at\n${"X".repeat(65)},unused,2025-01-01 10:00\n`);
  assert.equal(await page.getByTestId("import-error").textContent(), "Line 2: exam code (code) is too long (at most 64 characters).");
  assert.equal(await page.getByTestId("filter").getAttribute("maxlength"), "64");
  assert.deepEqual(problems(), []);
  await context.close();
});
