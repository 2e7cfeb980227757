// The "before your exam" block: what to bring and do, shown while the answer
// says an exam is ahead, its dates the answer's own; and the refund card's
// destination (the payer's Tencent Cloud account).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const items = (page) => page.locator("#before_exam li").evaluateAll((lis) => lis.map((li) => [li.dataset.key, li.textContent]));

test("purchase, not booked yet: ID, remote client, contacts with the reminders still to come, the name, one attempt", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?paid_at=2026-11-21T10:00`,
    { clock: { fixed: "2027-09-01T10:00:00+08:00" } });
  const list = await items(page);
  assert.deepEqual(list.map(([k]) => k), ["id", "remote", "contacts", "name", "one_attempt"]);
  assert.match(list[0][1], /证件原件.*中国大陆居民身份证、港澳居民来往内地通行证或台湾居民来往大陆通行证.*没有证件不得入场，且不可退款/);
  assert.match(list[1][1], /考试前一天.*安装考试客户端并完成系统测试/);
  // On the order's last day only a session later today can be booked: the client is installed at once.
  await page.getByTestId("simulate").check();
  await page.getByTestId("now").fill("2027-11-21T12:00:00");
  await page.waitForFunction(() => /今天是最后可考日/.test(document.querySelector('#before_exam li[data-key="remote"]')?.textContent ?? ""));
  await page.getByTestId("now").fill("2027-11-20T12:00:00");
  await page.waitForFunction(() => /考试前一天/.test(document.querySelector('#before_exam li[data-key="remote"]')?.textContent ?? ""));
  // The order's reminders are 2027-08-23, -09-22, -10-22, -11-06: the first is past on 2027-09-01.
  assert.equal(list[2][1], "请在腾讯云绑定并验证联系手机和联系邮箱，以便收到预约通知和订单到期提醒（2027-09-22、2027-10-22、2027-11-06）。");
  assert.match(list[3][1], /保存后不能自行修改/);
  assert.match(list[4][1], /一次报名只含一次考试机会，不支持免费补考/);
  assert.equal(await page.locator("#before_exam h2").textContent(), "考前须知");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("purchase, booked: the remote item gives the check-in time; after the exam, or for a taken exam, the block is gone", async () => {
  const { page, context, problems } = await openPage(env.browser,
    `${env.url}purchase.html?paid_at=2026-11-21T10:00&status=booked&exam_at=2026-12-10T14:00&lang=en`, { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  const list = await items(page);
  assert.deepEqual(list.map(([k]) => k), ["id", "remote", "contacts", "one_attempt"], "no name item once booked");
  assert.match(list[1][1], /log in to the client by 2026-12-10 13:30 \(China time\)\.$/);
  // A new exam time moves it.
  await page.getByTestId("exam-at").fill("2026-12-11T09:00");
  assert.match((await items(page))[1][1], /by 2026-12-11 08:30 \(China time\)\.$/);
  // On the exam's own day "the day before" cannot be followed: install the client now.
  await page.getByTestId("simulate").check();
  await page.getByTestId("now").fill("2026-12-11T07:00:00");
  await page.waitForFunction(() => /the exam is today/.test(document.querySelector('#before_exam li[data-key="remote"]')?.textContent ?? ""));
  assert.match((await items(page))[1][1], /^For a remote online exam: the exam is today, .* by 2026-12-11 08:30 \(China time\)\.$/);
  await page.getByTestId("now").fill("2026-12-10T23:59:59");
  await page.waitForFunction(() => /the day before the exam/.test(document.querySelector('#before_exam li[data-key="remote"]')?.textContent ?? ""));
  await page.getByTestId("simulate").uncheck();
  await page.getByTestId("status").selectOption("taken");
  assert.equal(await page.getByTestId("before-exam").isHidden(), true);
  await page.getByTestId("status").selectOption("booked");
  await page.getByTestId("simulate").check();
  await page.getByTestId("now").fill("2026-12-11T08:31:00");  // past the check-in time, before the start: go now
  await page.waitForFunction(() => document.querySelectorAll("#before_exam li").length === 2);
  assert.deepEqual((await items(page)).map(([k]) => k), ["id", "one_attempt"]);
  await page.getByTestId("now").fill("2026-12-11T09:00:01");  // started: late under either reading
  await page.waitForFunction(() => document.getElementById("before_exam").hidden);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("purchase, a session whose time Tencent Cloud changed: the block while it can still be sat, gone once it started", async () => {
  const { page, context, problems } = await openPage(env.browser,
    `${env.url}purchase.html?paid_at=2026-11-21T10:00&status=booked&exam_at=2026-12-10T14:00&lang=en`, { clock: { fixed: "2026-12-09T10:00:00+08:00" } });
  await page.getByTestId("platform-fault").selectOption("exam_time_changed");
  await page.waitForFunction(() => document.getElementById("refund").result?.refund.state === "platform_fault");
  assert.equal(await page.getByTestId("before-exam").isHidden(), false);
  const list = await items(page);
  // Beside the refund or the nearest session, "not attending forfeits the fee" is not said.
  assert.deepEqual(list.map(([k]) => k), ["id", "remote", "contacts"]);
  assert.match(list[1][1], /by 2026-12-10 13:30 \(China time\)\.$/);
  await page.getByTestId("simulate").check();
  await page.getByTestId("now").fill("2026-12-10T14:00:01");  // started: that session can no longer be entered
  await page.waitForFunction(() => document.getElementById("before_exam").hidden);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("booking page: the block in every language; a refused link hides it with the answer", async () => {
  for (const [lang, title] of [["zh-CN", "考前须知"], ["zh-Hant", "考前須知"], ["en", "Before your exam"]]) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}booking.html?paid_at=2026-11-21T10:00&exam_at=2026-12-10T09:00&lang=${lang}`,
      { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
    assert.equal(await page.locator("#before_exam h2").textContent(), title);
    assert.equal((await items(page)).length, 4);
    for (const [, text] of await items(page)) assert.ok(text.length > 20, text);
    assert.deepEqual(problems(), []);
    await context.close();
  }
  const { page, context } = await openPage(env.browser, `${env.url}booking.html?paid_at=x&exam_at=2026-12-10T09:00`);
  assert.equal(await page.getByTestId("before-exam").isHidden(), true);
  await context.close();
});

test("practitioner: Chrome and the face data while an attempt can be taken; gone once passed", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}practitioner.html`);
  const list = await items(page);
  // The exam's length is the answer's (exam_minutes, 90 in the default policy).
  assert.deepEqual(list.map(([k]) => k), ["chrome", "duration", "face"]);
  assert.equal(list[0][1], "请使用 Chrome 浏览器作答。");
  assert.equal(list[1][1], "考试时长 90 分钟。");
  assert.equal(list.at(-1)[1], "考试环节会收集和使用人脸信息，认证结束后按时删除。");
  await page.getByTestId("new-score").fill("80");
  await page.getByTestId("add-attempt").click();
  assert.equal(await page.getByTestId("before-exam").isHidden(), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("refund card: the money goes back to the payer's Tencent Cloud account, not 'each payment method'", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?paid_at=2026-11-21T10:00&lang=en`,
    { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.equal(await page.locator('#refund [part~="value"][data-name="destination"]').textContent(),
    "the payer's Tencent Cloud account (by payment method, in proportion)");
  await page.getByTestId("refunded").check();
  assert.equal(await page.locator('#refund [part~="value"][data-name="destination"]:visible').count(), 0, "nothing goes back: no destination");
  assert.deepEqual(problems(), []);
  await context.close();
});
