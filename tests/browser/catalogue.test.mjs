// The catalogue page in Chromium: level badges, status on a chosen date,
// lifecycle dates, filters (CAT-1 … CAT-3, CRT-4).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshotDir, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const row = (page, id) => page.locator(`.cert[data-id="${id}"]`);

test("CAT-2 on the page: statuses follow the chosen date", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}catalogue.html`);
  await page.getByTestId("date").fill("2024-09-18");
  assert.equal(await row(page, "cloud-architecture-engineer").getAttribute("data-status"), "on_sale");
  await page.getByTestId("date").fill("2024-09-19");
  assert.equal(await row(page, "cloud-architecture-engineer").getAttribute("data-status"), "sale_stopped");
  assert.equal(await row(page, "cloud-architecture-engineer").getByTestId("status").textContent(), "停售（已购可考）");
  assert.equal(await row(page, "cloud-architecture-engineer").getByTestId("level").textContent(), "TCCATCA");
  assert.match(await row(page, "cloud-architecture-engineer").getByTestId("dates").textContent(),
    /停售 2024-09-19 · 最后考试日 2024-12-30 · 停止服务 2024-12-31 · 接替认证：腾讯云计算工程师认证/);
  assert.equal(await row(page, "cloud-architect-professional").getAttribute("data-status"), "on_sale");
  await page.getByTestId("date").fill("2025-01-01");
  assert.equal(await row(page, "cloud-architecture-engineer").getAttribute("data-status"), "retired");
  assert.match(await page.getByTestId("platform").textContent(), /原考试平台/);
  await page.getByTestId("date").fill("2025-04-01");
  assert.match(await page.getByTestId("platform").textContent(), /Prometric 平台进行（自 2025-04-01 起）/);
  // The practitioner exam is not booked on Prometric: its guide has it taken online, any time, from its page.
  assert.match(await page.getByTestId("platform").textContent(), /从业者认证不在 Prometric 考试：购买后在认证详情页随时参加线上考试。$/);
  // Every "last exam day" rests on one reading of "service stops on X", said with the list.
  assert.match(await page.getByTestId("readings").textContent(), /^通知写“某日停止服务”的认证，此处统一理解为当天起不再考试.*较早者/);
  assert.equal(await row(page, "developer-tsf").getAttribute("data-status"), "retired");
  assert.match(await row(page, "developer-tsf").getByTestId("dates").textContent(), /未用考试次数可退费/);
  await page.screenshot({ path: `${screenshotDir}catalogue.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("filters and English names", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}catalogue.html?lang=en`);
  await page.getByTestId("date").fill("2026-11-26");
  assert.equal(await page.locator(".cert[data-id]").count(), 43);
  await page.getByTestId("kind").selectOption("developer");
  assert.equal(await page.locator(".cert[data-id]").count(), 15);
  await page.getByTestId("purchasable-only").check();
  assert.equal(await page.locator(".cert[data-id]").count(), 0);
  await page.getByTestId("kind").selectOption("professional");
  const purchasable = await page.locator(".cert strong").allTextContents();
  assert.ok(purchasable.includes("Tencent Cloud DevOps Professional"));
  assert.ok(!purchasable.includes("Tencent Cloud Development Professional"));
  assert.equal(await row(page, "database-professional").getByTestId("status").textContent(), "Beta (internal testing)");
  // 认证概述 lists the practitioner certification among the specialty ones: the specialty filter shows it.
  await page.getByTestId("purchasable-only").uncheck();
  await page.getByTestId("kind").selectOption("specialty");
  assert.ok((await page.locator(".cert strong").allTextContents()).includes("Tencent Cloud Practitioner"));
  await page.getByTestId("kind").selectOption("practitioner");
  assert.equal(await page.locator(".cert[data-id]").count(), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("CAT-2 on the page: a date the engine cannot judge is said beside it, and no status of the date before stays on screen", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}catalogue.html`);
  await page.getByTestId("date").fill("2025-02-01");
  assert.equal(await page.locator('.cert[data-id="cloud-computing-engineer"]').getAttribute("data-status"), "on_sale");
  await page.getByTestId("date").fill("2200-01-01");
  assert.equal(await page.getByTestId("date-error").textContent(), "查看日期超出支持的年份（1970–2199）");
  assert.equal(await page.getByTestId("date").getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByTestId("list").isHidden(), true);
  assert.equal(await page.getByTestId("platform").isHidden(), true);
  await page.getByTestId("date").fill("1969-12-31");
  assert.equal(await page.getByTestId("date-error").textContent(), "查看日期超出支持的年份（1970–2199）");
  await page.getByTestId("date").fill("2024-12-30");
  assert.equal(await page.getByTestId("date-error").textContent(), "");
  assert.equal(await page.getByTestId("list").isHidden(), false);
  assert.equal(await page.locator('.cert[data-id="cloud-architecture-engineer"]').getAttribute("data-status"), "sale_stopped");
  assert.deepEqual(problems(), []);
  await context.close();
});
