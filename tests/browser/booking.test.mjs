// The booking page in Chromium: deadlines for a chosen exam time, and the
// ProScheduler form checked field by field, under the production CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshotDir, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function exam(page, { date, time, paid, now, flow = "purchase_then_book" }) {
  await page.getByTestId("simulate").check();
  await page.getByTestId("exam-date").fill(date);
  await page.getByTestId("exam-time").fill(time);
  await page.getByTestId("flow").selectOption(flow);
  await page.getByTestId("paid-at").fill(paid);
  await page.getByTestId("now").fill(now);
}

test("EXO-5..8 on the page: every deadline for the chosen exam time", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}booking.html`);
  await exam(page, { date: "2026-12-10", time: "09:00", paid: "2026-11-20T10:00", now: "2026-12-07T09:00:00" });
  assert.equal(await page.locator('#booking [part~="verdict"]').getAttribute("data-tone"), "ok");
  assert.equal(await page.locator('#booking [part~="change-deadline"]').textContent(), "2026-12-07 09:00 (北京时间)");
  assert.equal(await page.locator('#booking [part~="check-in-by"]').textContent(), "2026-12-10 08:30 (北京时间)");
  assert.equal(await page.locator('#booking [part~="starts-at"]').textContent(), "2026-12-10 09:00 (北京时间)");
  assert.equal(await page.locator('#booking [part~="ends-at"]').textContent(), "2026-12-10 10:30 (北京时间)");
  assert.equal(await page.locator('#booking [part~="results-at"]').textContent(), "2026-12-10 11:00 (北京时间)");
  assert.equal(await page.locator('#booking [part~="valid-until"]').textContent(), "2027-11-20");
  assert.equal(await page.locator('#booking [part~="reminders"]').textContent(), "2027-08-22, 2027-09-21, 2027-10-21, 2027-11-05");

  const summary = () => page.locator("#booking").evaluate((el) => el.summary(el.result));
  assert.match(await summary(), /改期\/取消截止：2026-12-07 09:00/);
  await page.getByTestId("now").fill("2026-12-07T09:00:01");
  // Past, the change deadline is no longer said as if it were to come.
  await page.waitForFunction(() => document.getElementById("booking").result?.booking.state === "locked");
  assert.doesNotMatch(await summary(), /改期\/取消截止/);
  assert.match(await summary(), /最晚签到：2026-12-10 08:30/);
  // The badge is the engine's (booking.state "locked", booking.tone "warn": the exam can still be sat).
  assert.equal(await page.locator('#booking [part~="verdict"]').getAttribute("data-tone"), "warn");
  assert.equal(await page.locator('#booking [part~="verdict"]').getAttribute("data-state"), "locked");
  assert.equal(await page.locator('#booking [part~="verdict"]').textContent(), "现在不能改期或取消");

  const label = () => page.locator('#booking dt[data-name="change-deadline"]').textContent();
  assert.equal(await label(), "改期/取消截止");
  await page.getByTestId("flow").selectOption("book_then_purchase");
  assert.equal(await page.locator('#booking [part~="change-deadline"]').textContent(), "2026-11-30 09:00 (北京时间)");
  // EXO-5: a booking made before purchase is changed, never cancelled: named so, and said as never cancellable.
  assert.equal(await label(), "改期截止（不能取消）");
  const reasons = await page.locator("#booking").evaluate((el) => el.result.reasons.map((x) => x.code));
  assert.ok(reasons.includes("CHANGE_ONLY_WINDOW_CLOSED") && !reasons.includes("CHANGE_WINDOW_CLOSED"), reasons.join());
  assert.equal(await page.locator('#booking [part~="valid-until"]').textContent(), "2027-05-20");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("BKG-1..3 on the page: errors appear field by field as the candidate types", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}booking.html`);
  await exam(page, { date: "2026-12-10", time: "09:00", paid: "2026-11-20T10:00", now: "2026-12-01T09:00:00" });
  // Untouched fields show nothing yet, and the form is asked to be filled in, not "correct the marked fields".
  assert.equal(await page.getByTestId("error-surname").textContent(), "");
  assert.equal(await page.getByTestId("form-state").textContent(), "请填写预约信息");
  await page.getByTestId("id_number").fill("110105194912310021");
  assert.equal(await page.getByTestId("error-id_number").textContent(), "身份证号码校验位不正确，请逐位核对。");
  assert.equal(await page.getByTestId("form-state").textContent(), "请修正标出的项目");
  assert.equal(await page.getByTestId("id_number").getAttribute("aria-invalid"), "true");
  await page.getByTestId("id_number").fill("11010519491231002X");
  assert.equal(await page.getByTestId("error-id_number").textContent(), "");
  await page.getByTestId("id_valid_until").fill("2026-12-09");
  assert.equal(await page.getByTestId("error-id_valid_until").textContent(), "证件须在考试当天（2026-12-10）有效，该证件届时已过期。");
  await page.getByTestId("id_valid_until").fill("2026-12-10");
  await page.getByTestId("surname").fill("张");
  await page.getByTestId("given_name").fill("三");
  await page.getByTestId("phone").fill("1380013800");
  assert.match(await page.getByTestId("error-phone").textContent(), /11 位/);
  await page.getByTestId("phone").fill("13800138000");
  await page.getByTestId("email").fill("candidate@example.com");
  await page.getByTestId("email_confirm").fill("candidate@example.cn");
  assert.equal(await page.getByTestId("error-email_confirm").textContent(), "两次输入的电子邮箱不一致。");
  assert.equal(await page.getByTestId("form-state").getAttribute("data-valid"), "false");
  await page.getByTestId("email_confirm").fill("Candidate@Example.com");
  assert.equal(await page.getByTestId("form-state").getAttribute("data-valid"), "true");
  await page.screenshot({ path: `${screenshotDir}booking.png`, fullPage: true });

  await page.locator("#lang").selectOption("en");
  await page.getByTestId("id_type").selectOption("hk_macao_permit");
  assert.equal(await page.getByTestId("error-id_number").textContent(), "A Hong Kong/Macao travel permit number is H or M followed by 8 or 10 digits.");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the home page loads under the CSP without errors", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}index.html`).catch(async () => {
    throw new Error("home page did not become ready");
  });
  assert.equal(await page.locator("a[href='booking.html']").count() >= 1, true);
  await page.screenshot({ path: `${screenshotDir}home.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("booking page: the purchase page's platform cause comes by the link, so both pages tell one story (EXO-9); a lab exam's one results time is the terms'", async () => {
  let { page, context, problems } = await openPage(env.browser,
    `${env.url}purchase.html?paid_at=2026-03-01T10:00&status=booked&exam_at=2026-03-10T09:00&platform_fault=exam_time_changed`, { clock: { fixed: "2026-03-10T09:10:00+08:00" } });
  const href = await page.getByTestId("to-booking").getAttribute("href");
  assert.match(href, /platform_fault=exam_time_changed/);
  assert.deepEqual(problems(), []);
  await context.close();
  ({ page, context, problems } = await openPage(env.browser, `${env.url}${href}`, { clock: { fixed: "2026-03-10T09:10:00+08:00" } }));
  await page.waitForFunction(() => document.getElementById("booking").result?.ok);
  assert.equal(await page.getByTestId("platform-fault").inputValue(), "exam_time_changed");
  assert.equal(await page.locator('#booking [part~="verdict"]').getAttribute("data-state"), "platform_changed");
  assert.doesNotMatch(await page.locator("#booking").evaluate((el) => el.shadowRoot.textContent), /费用不退/);
  // A lab exam: its one results time is named as the service terms', not the guide.
  await page.getByTestId("platform-fault").selectOption({ index: 0 });
  await page.getByTestId("exam-kind").selectOption("lab");
  await page.waitForFunction(() => document.getElementById("booking").result?.booking.results_at === "2026-03-24T00:00:00+08:00");
  assert.equal(await page.locator('#booking dt[data-name="results-at"]').textContent(), "可查成绩（服务条款）");
  assert.deepEqual(problems(), []);
  await context.close();
});
