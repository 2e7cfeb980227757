// What a screen reader is told is what the screen shows: the verdict, the
// deadlines, the amount, the next step and the caveats, said again when any
// of it changes (a new exam time moves the check-in). The calendar caveat of
// a year without a published holiday schedule goes into the announcement and
// the .ics, not only onto the screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { downloadedText, openPage, startBrowser } from "./harness.mjs";
import { checkIcs, parseIcs } from "../node/ics_check.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const announced = (page) => page.getByTestId("announce").textContent();
const part = (page, host, name) => page.locator(`#${host} [part~="${name}"]`).first().textContent();

test("booking page: a new exam time is said with its own check-in, never the old one", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}booking.html?paid_at=2026-11-21T10:00&exam_at=2026-12-10T09:00`,
    { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.match(await announced(page), /最晚签到：2026-12-10 08:30。/);
  await page.getByTestId("exam-time").fill("14:00");
  const said = await announced(page);
  assert.match(said, /改期\/取消截止：2026-12-07 14:00。最晚签到：2026-12-10 13:30。可查成绩（报名指引）：2026-12-10 16:00。可查成绩（服务条款）：2026-12-13 00:00。/);
  // The readings the card states are said too, with their safe date.
  assert.match(said, /为稳妥起见，请在 2026-12-07 14:00（北京时间）之前完成。/);
  assert.doesNotMatch(said, /08:30/);
  // The same words as the card.
  assert.ok(said.startsWith(`${await part(page, "booking", "verdict")}。`));
  assert.match(said, new RegExp((await part(page, "booking", "next-step")).replace("下一步：", "").trim().replace(/[()（）]/g, ".")));
  assert.deepEqual(problems(), []);
  await context.close();
});

test("purchase page: a booked exam's new time is said with its new check-in (the verdict and refund deadline unchanged)", async () => {
  const { page, context, problems } = await openPage(env.browser,
    `${env.url}purchase.html?paid_at=2026-11-21T10:00&status=booked&exam_at=2026-12-10T09:00`, { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.match(await announced(page), /2026-12-10 08:30（北京时间）前/);
  await page.getByTestId("exam-at").fill("2026-12-10T14:00");
  assert.match(await announced(page), /2026-12-10 13:30（北京时间）前/);
  assert.doesNotMatch(await announced(page), /08:30/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("purchase page: the announcement holds the verdict, the deadline and the amount the card shows, in each language", async () => {
  for (const [lang, expected] of [
    ["zh-CN", /^可以退款。无理由退款截止：2026-11-26 10:00。预计退回：¥300\.00。/],
    ["zh-Hant", /^可以退款。無理由退款截止：2026-11-26 10:00。預計退回：¥300\.00。/],
    ["en", /^Refundable\. Refund window ends: 2026-11-26 10:00\. Refund amount: CNY 300\.00\. /],
  ]) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?paid_at=2026-11-21T10:00&lang=${lang}`,
      { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
    await page.getByTestId("pay-online").fill("300");
    await page.getByTestId("pay-voucher").fill("50");
    assert.match(await announced(page), expected, lang);
    assert.equal(await part(page, "refund", "amount"), lang === "en" ? "CNY 300.00" : "¥300.00");
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("training in 2027: the unpublished holiday schedule and its estimate are said on screen, in the announcement and in every .ics event", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await page.getByTestId("today").fill("2026-12-20");
  await page.getByTestId("class-start").fill("2027-02-22");
  const caveat = "2027 年的国务院节假日安排尚未公布：该年凡可能放假的日子（法定节假日及往年通常与之连休的日子，如春节腊月廿八至正月初七）都算作休息日，周末一律不算调休上班日，因此该年的工作日按最少计算，申请截止日期偏早，退款比例偏低；安排公布后，日期可能推后，比例可能提高。";
  assert.equal(await part(page, "training", "estimated-banner"), caveat);
  assert.ok((await announced(page)).endsWith(caveat));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ics").click()]);
  const text = await downloadedText(download);
  checkIcs(text);
  const events = parseIcs(text);
  assert.equal(events.length, 5);
  for (const event of events) assert.ok(String(event.getFirstPropertyValue("description")).endsWith(caveat), event.getFirstPropertyValue("summary"));
  // A class within the published years: no caveat anywhere.
  await page.getByTestId("class-start").fill("2026-12-28");
  assert.equal(await page.locator('#training [part~="estimated-banner"]:visible, #training [part~="unverified-banner"]:visible').count(), 0);
  assert.doesNotMatch(await announced(page), /尚未公布/);
  const [second] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ics").click()]);
  assert.doesNotMatch(await downloadedText(second), /\u5c1a\u672a\u516c\u5e03/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("training in 2027, in English: the caveat names the year", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html?lang=en`);
  await page.getByTestId("today").fill("2026-12-20");
  await page.getByTestId("class-start").fill("2027-02-22");
  const said = await announced(page);
  assert.match(said, /The State Council holiday schedule for 2027 is not published yet: .*the Spring Festival from the 28th day of the last lunar month to the seventh day of the new year.*its working days are counted as few as they can be/);
  // The date to apply by for a full refund is the estimate's (CAL-4), not Monday to Friday's 2027-02-04.
  assert.match(said, /Full refund: last day to apply: 2027-01-26 \(2027-01-27 counting today\)/);
  assert.deepEqual(problems(), []);
  await context.close();
});
