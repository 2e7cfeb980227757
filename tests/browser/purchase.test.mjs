// The purchase page in Chromium: refund verdict, deadline text, countdown,
// amount, zones and languages, under the production CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { TEST_NOW, openPage, screenshotDir, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function simulate(page, { paid, now, online = "1200.00", voucher = "0" }) {
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill(paid);
  await page.getByTestId("pay-online").fill(online);
  await page.getByTestId("pay-voucher").fill(voucher);
  await page.getByTestId("now").fill(now);
}

test("EXO-4 on the page: allowed at the exact deadline, refused one second later", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  await simulate(page, { paid: "2026-11-21T10:00", now: "2026-11-26T10:00:00", online: "300", voucher: "50" });
  const verdict = page.locator('[part~="verdict"]');
  assert.equal(await verdict.getAttribute("data-tone"), "ok");
  assert.equal(await verdict.textContent(), "可以退款");
  assert.equal(await page.locator('[part~="deadline"]').textContent(), "2026-11-26 10:00 (北京时间)");
  assert.equal(await page.locator('[part~="countdown"]').textContent(), "00:00:00");
  assert.equal(await page.locator('[part~="amount"]').textContent(), "¥300.00");
  assert.match(await page.locator('[part~="breakdown"]').textContent(), /在线支付 ¥300\.00/);
  assert.match(await page.locator('[part~="reasons"]').textContent(), /代金券\/折扣券不予退还/);
  await page.screenshot({ path: `${screenshotDir}purchase.png`, fullPage: true });

  await page.getByTestId("now").fill("2026-11-26T10:00:01");
  assert.equal(await verdict.getAttribute("data-tone"), "bad");
  assert.equal(await verdict.textContent(), "不可退款");
  assert.equal(await page.locator('[part~="countdown"]').textContent(), "已截止");
  assert.equal(await page.locator('[part~="amount"]').textContent(), "¥0.00");
  assert.match(await page.locator('[part~="reasons"]').textContent(), /无理由退款已于 2026-11-26 10:00（北京时间）截止/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("EXO-4 countdown and booking block on the page", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  await simulate(page, { paid: "2026-11-21T10:00", now: "2026-11-22T08:30:15" });
  assert.equal(await page.locator('[part~="countdown"]').textContent(), "4 天 01:29:45");
  await page.getByTestId("status").selectOption("booked");
  await page.getByTestId("exam-at").fill("2026-12-20T09:00");
  // The booking can still be cancelled: a refund after that (refund.state cancel_booking_first), not a plain "no".
  assert.equal(await page.locator('[part~="verdict"]').getAttribute("data-tone"), "warn");
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "取消预约后可以退款");
  assert.match(await page.locator('[part~="reasons"]').textContent(), /请先取消预约/);
  // Its amount is what comes back once the booking is cancelled, said so (the amount now, ¥0.00, told another story).
  assert.equal(await page.locator('[part~="amount"]').textContent(), "¥1200.00");
  assert.match(await page.locator("certpolicy-refund").evaluate((el) => el.shadowRoot.textContent), /取消预约后预计退回/);
  // Paid by voucher only: cancelling would bring nothing back, and the verdict says so (not warn but bad).
  await page.getByTestId("pay-online").fill("0");
  await page.getByTestId("pay-voucher").fill("1200");
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "取消预约后可以退款，但只退回 ¥0.00");
  assert.equal(await page.locator('[part~="verdict"]').getAttribute("data-tone"), "bad");
  await page.getByTestId("pay-online").fill("1200.00");
  await page.getByTestId("pay-voucher").fill("0");
  await page.getByTestId("status").selectOption("cancelled");
  // A cancelled booking's time decides nothing: the page no longer asks for it.
  assert.equal(await page.getByTestId("exam-at").isVisible(), false);
  // Refundable, on the reading that a cancelled booking no longer blocks it: the engine's tone is "warn", and the reading is said.
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "可以退款");
  assert.equal(await page.locator('[part~="verdict"]').getAttribute("data-tone"), "warn");
  assert.match(await page.locator('[part~="caveats"]').textContent(), /已取消的预约不再阻止退款/);
  await page.getByTestId("pay-online").fill("12.345");
  assert.equal(await page.getByTestId("pay-error").textContent(), "金额最多两位小数（到分）");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("TIM-1 on the page: the browser's own zone is shown when it differs", async () => {
  const ny = await openPage(env.browser, `${env.url}purchase.html?lang=en`, { timezoneId: "America/New_York", locale: "en-US" });
  await simulate(ny.page, { paid: "2026-11-21T10:00", now: "2026-11-22T10:00:00" });
  const deadline = ny.page.locator('[part~="deadline"]');
  // Unambiguous: the month as a word, a 24-hour clock and the zone named (never 11/25/2026 or 25/11/2026).
  assert.equal(await deadline.textContent(), "2026-11-26 10:00 (China time)your time: Nov 25, 2026, 21:00 (Eastern Time)");
  assert.equal(await ny.page.locator('[part~="local-time"]:visible').count(), 1);
  await ny.context.close();
  const sh = await openPage(env.browser, `${env.url}purchase.html`, { timezoneId: "Asia/Shanghai" });
  await simulate(sh.page, { paid: "2026-11-21T10:00", now: "2026-11-22T10:00:00" });
  assert.equal(await sh.page.locator('[part~="local-time"]:visible').count(), 0);
  await sh.context.close();
});

test("the live countdown ticks with the browser clock", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`, { clock: TEST_NOW });
  const first = await page.locator('[part~="countdown"]').textContent();
  await page.clock.runFor(1000);  // the browser's clock, paused at TEST_NOW, moves one second
  await page.waitForFunction((before) => document.getElementById("refund").shadowRoot.querySelector("[part~=countdown]").textContent !== before, first);
  assert.equal(await page.locator('[part~="verdict"]').getAttribute("data-tone"), "ok");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("switching to English re-renders the decision in English", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  await simulate(page, { paid: "2026-11-21T10:00", now: "2026-11-23T10:00:00" });
  await page.locator("#lang").selectOption("en");
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "Refundable");
  assert.match(await page.locator('[part~="reasons"]').textContent(), /A refund without reason can be requested until 2026-11-26 10:00 China time/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.match(page.url(), /lang=en/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("EXO-8 on the page: a lab exam's results come fourteen days after its day, and the booking page gets the part by the link", async () => {
  const { page, context, problems } = await openPage(env.browser,
    `${env.url}purchase.html?paid_at=2026-11-21T10:00&status=booked&exam_at=2026-12-10T09:00&exam_kind=lab&lang=en`, { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.equal(await page.getByTestId("exam-kind").inputValue(), "lab");
  const at = (key) => page.locator("#timeline").evaluate((el, k) => el.result.timeline.find((p) => p.key === k)?.at ?? null, key);
  assert.equal(await at("results_at"), "2026-12-24T00:00:00+08:00");
  assert.equal(await at("results_by"), null, "one results time for a lab exam");
  await page.getByTestId("exam-kind").selectOption("theory");
  assert.equal(await at("results_at"), "2026-12-10T11:00:00+08:00");
  await page.getByTestId("exam-kind").selectOption("interview");
  assert.equal(await at("results_at"), "2026-12-15T00:00:00+08:00");
  assert.match(await page.getByTestId("to-booking").getAttribute("href"), /exam_kind=interview/);
  // The booking page decides a booked exam (or one to book): a taken, missed or cancelled one is not sent there.
  for (const [status, shown] of [["taken", false], ["no_show", false], ["cancelled", false], ["none", true], ["booked", true]]) {
    await page.getByTestId("status").selectOption(status);
    assert.equal(await page.getByTestId("to-booking").isVisible(), shown, status);
  }
  // A part the page does not offer, in a link, is refused beside its field.
  const bad = await openPage(env.browser, `${env.url}purchase.html?paid_at=2026-11-21T10:00&status=booked&exam_at=2026-12-10T09:00&exam_kind=oral&lang=en`);
  assert.equal(await bad.page.getByTestId("link-error-exam_kind").isVisible(), true);
  // Nothing is shown chosen in its place (the first option would look chosen, and choosing it would fire nothing):
  // choosing the first part clears the refusal, and the page decides.
  assert.equal(await bad.page.getByTestId("exam-kind").inputValue(), "");
  assert.equal(await bad.page.locator("#result").isHidden(), true);
  await bad.page.getByTestId("exam-kind").selectOption("theory");
  assert.equal(await bad.page.getByTestId("link-error-exam_kind").isHidden(), true);
  await bad.page.locator("#result").waitFor();
  assert.equal(await bad.page.locator("#timeline").evaluate((el) => el.result.timeline.find((p) => p.key === "results_at")?.at), "2026-12-10T11:00:00+08:00");
  await bad.context.close();
  assert.deepEqual(problems(), []);
  await context.close();
});
