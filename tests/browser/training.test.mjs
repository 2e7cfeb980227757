// The offline class page in Chromium: tiers, bands on the month calendar,
// holidays and makeup days, the unpublished-year banner, the .ics export.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { downloadedText, openPage, screenshotDir, startBrowser } from "./harness.mjs";
import { parseIcs } from "../node/ics_check.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function enrol(page, { start, today, paid = "3580.00", status = "open" }) {
  await page.getByTestId("class-start").fill(start);
  await page.getByTestId("today").fill(today);
  await page.getByTestId("paid").fill(paid);
  await page.getByTestId("class-status").selectOption(status);
}

const cell = (page, date) => page.locator(`#training td[data-date="${date}"]`);

test("TRN-3 across National Day 2026: tiers, bands, makeup days", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2026-10-12", today: "2026-09-20" });
  assert.equal(await page.locator('#training [part~="verdict"]').getAttribute("data-percent"), "100");
  assert.equal(await page.locator('#training [part~="amount"]').textContent(), "¥3580.00");
  // 100 % holds today only when today counts (CAL-3): the badge is not green, and the engine says to apply today.
  assert.equal(await page.locator('#training [part~="verdict"]').getAttribute("data-tone"), "warn");
  // Both counts, and each date to apply by is the safe (earlier) reading's, the other beside it; today is the full
  // tier's last day counting today (its date to apply by, 09-19, gone): today, with that condition.
  assert.equal(await page.locator('#training [part~="working-days"]').textContent(), "11 个（含今天）；不含今天为 10 个");
  assert.equal(await page.locator('#training [part~="full-until"]').textContent(), "今天（2026-09-20），仅在含今天计算时：请今天申请");
  assert.equal(await page.locator('#training [part~="partial-until"]').textContent(), "2026-09-27（按含今天计算为 2026-09-28）");
  assert.match(await page.locator('#training [part~="deferral"]').textContent(), /^2026-09-28（按含今天计算为 2026-09-29） · 可以延期/);
  assert.match(await page.locator('#training [part~="caveats"]').textContent(), /工作日含今天计算（今天如为工作日）：共 11 个；不含今天为 10 个/);
  // The calendar: kinds from the engine, bands from the tier dates; the days that hold only when today counts are marked.
  assert.equal(await cell(page, "2026-09-20").getAttribute("data-kind"), "makeup_workday");
  assert.match(await cell(page, "2026-09-20").getAttribute("part"), /band-100.*disputed/);
  assert.match(await cell(page, "2026-09-21").getAttribute("part"), /band-70/);
  assert.doesNotMatch(await cell(page, "2026-09-21").getAttribute("part"), /disputed/);
  assert.match(await cell(page, "2026-09-28").getAttribute("part"), /band-70.*deferral-deadline.*disputed/);
  assert.match(await cell(page, "2026-09-29").getAttribute("part"), /band-0.*disputed/);
  assert.doesNotMatch(await cell(page, "2026-09-29").getAttribute("part"), /deferral-deadline/);
  assert.match(await cell(page, "2026-09-29").getAttribute("aria-label"), /仅按含今天计算时适用：稳妥起见请提前一天申请/);
  // Today's own cell (a disputed day too) never says "a day earlier", which would be yesterday.
  assert.match(await cell(page, "2026-09-20").getAttribute("aria-label"), /仅按含今天计算时适用：请今天申请/);
  assert.doesNotMatch(await cell(page, "2026-09-20").getAttribute("aria-label"), /提前一天/);
  assert.deepEqual(await page.locator('#training [part~="legend"] li').evaluateAll((l) => l.map((li) => li.dataset.key)),
    ["100", "70", "0", "disputed", "start", "defer"]);
  assert.equal(await cell(page, "2026-10-01").getAttribute("data-kind"), "holiday");
  assert.equal(await cell(page, "2026-10-10").getAttribute("data-kind"), "makeup_workday");
  assert.match(await cell(page, "2026-10-12").getAttribute("part"), /class-start/);
  assert.equal(await page.locator('#training [part~="unverified-banner"]').isHidden(), true);
  await page.screenshot({ path: `${screenshotDir}training.png`, fullPage: true });

  await page.getByTestId("today").fill("2026-09-21");
  assert.equal(await page.locator('#training [part~="verdict"]').getAttribute("data-percent"), "70");
  assert.equal(await page.locator('#training [part~="amount"]').textContent(), "¥2506.00");
  await page.getByTestId("today").fill("2026-09-30");
  assert.equal(await page.locator('#training [part~="verdict"]').getAttribute("data-percent"), "0");
  assert.equal(await page.locator('#training [part~="amount"]').textContent(), "¥0.00");
  assert.match(await page.locator('#training [part~="deferral"]').textContent(), /不能延期/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("TRN-5 class not opened, in English", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html?lang=en`);
  await enrol(page, { start: "2026-03-02", today: "2026-02-25", status: "not_opened" });
  assert.equal(await page.locator('#training [part~="verdict"]').textContent(), "Refund share 100%");
  // No tier decided this answer: no tier dates, no bands; the deferral's deadline is not stated, and the reading is said.
  assert.match(await page.locator('#training [part~="deferral"]').textContent(), /^no deadline stated · Deferral possible \(does not use the deferral right\)/);
  assert.equal(await page.locator('#training [part~="full-until"]:visible').count(), 0);
  // No opening decision or opening e-mail is still to come for a class that did not open.
  assert.equal(await page.locator('#training [part~="notice-on"]:visible, #training [part~="decision-on"]:visible').count(), 0);
  assert.equal(await page.locator('#training [part~="band-100"]').count(), 0);
  assert.match(await page.locator('#training [part~="caveats"]').textContent(), /if you may want your money back, choose the refund/);
  assert.match(await page.locator('#training [part~="reasons"]').textContent(), /The class did not open/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("TRN-2: 'did not open' chosen before the notice day keeps the full refund but not green, and says how to see a class that goes ahead", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2026-12-28", today: "2026-12-17", status: "not_opened" });
  const verdict = page.locator('#training [part~="verdict"]');
  assert.equal(await verdict.getAttribute("data-percent"), "100");
  assert.equal(await verdict.getAttribute("data-tone"), "warn");
  assert.match(await page.locator('#training [part~="reasons"]').textContent(), /是否开班一般在 2026-12-18 才通知。若您还没有收到未开班的通知，请把开班状态选为“待确认”/);
  // On the notice day the status is taken as told: green, and nothing more is said.
  await page.getByTestId("today").fill("2026-12-18");
  await page.locator('#training [part~="verdict"][data-tone="ok"]').waitFor();
  assert.doesNotMatch(await page.locator('#training [part~="reasons"]').textContent(), /是否开班一般在/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("TRN-4/TRN-5 readings: a refund after the candidate's own deferral, or with the right used but the enrolment not marked deferred, is conditional and orange", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2026-12-28", today: "2026-12-18", status: "not_opened" });
  const verdict = page.locator('#training [part~="verdict"]');
  await page.locator('#training [part~="verdict"][data-tone="ok"]').waitFor();
  await page.getByTestId("deferred").check();
  await page.getByTestId("deferral-used").check();
  await page.locator('#training [part~="verdict"][data-tone="warn"]').waitFor();
  assert.equal(await verdict.textContent(), "如培训办公室确认：退款比例 100%");
  assert.match(await page.locator('#training').evaluate((el) => el.shadowRoot.textContent), /申请前请先向培训办公室确认/);
  // Only the right ticked, the class pending and far enough ahead: the tier's share, on the reading it was not deferred.
  await page.getByTestId("deferred").uncheck();
  await page.getByTestId("class-status").selectOption("pending");
  await page.getByTestId("today").fill("2026-12-01");
  await page.locator('#training [part~="verdict"][data-percent="100"][data-tone="warn"]').waitFor();
  assert.equal(await verdict.textContent(), "如这次报名未改期：退款比例 100%");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("CAL-2 banner for a class in a year without published data", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2029-01-18", today: "2028-12-20" });
  assert.equal(await page.locator('#training [part~="unverified-banner"]').isVisible(), true);
  assert.match(await cell(page, "2029-01-04").getAttribute("part"), /unverified/);
  assert.match(await page.locator('#training [part~="reasons"]').textContent(), /尚无国务院节假日安排数据/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("on the day the readings differ, the headline and the deferral row say the share and the day hold only if today counts, as the reasons do", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2026-12-28", today: "2026-12-11" });
  assert.equal(await page.locator('#training [part~="verdict"]').textContent(), "仅在今天计入时退款 100%：请今天申请");
  // The full tier's row says today with the same condition, not its date to apply by (12-10, gone).
  assert.equal(await page.locator('#training [part~="full-until"]').textContent(), "今天（2026-12-11），仅在含今天计算时：请今天申请");
  // And so does what a screen reader is told.
  assert.match(await page.locator("#training").evaluate((el) => el.summary(el.result)), /^仅在今天计入时退款 100%：请今天申请/);
  await enrol(page, { start: "2026-12-28", today: "2026-12-21" });
  assert.match(await page.locator('#training [part~="facts"]').textContent(), /今天（2026-12-21），仅在含今天计算时：请今天申请 · 可以延期/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("CAL-4: a refusal counted by the estimate is said as one that may not stand, with the advice to apply today", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2027-02-16", today: "2027-02-02" });
  const why = await page.locator('#training [part~="reasons"]').textContent();
  assert.match(why, /按估计的节假日安排，延期申请的最后一天是 2027-01-29；正式安排公布后可能仍可延期，请今天就申请。/);
  assert.match(why, /请今天就发邮件申请，不要等待/);
  assert.doesNotMatch(why, /现在已不能延期/);
  // The card's deferral row tells the same story, not a flat "不能延期".
  assert.match(await page.locator('#training [part~="facts"]').textContent(), /按估计的节假日安排已不能延期：仍请今天就申请/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("CAL-4 banner for a class in 2027, counted by its estimate: 元旦 off, said as 'may be off'", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2027-01-18", today: "2026-12-20" });
  assert.equal(await page.locator('#training [part~="estimated-banner"]').isVisible(), true);
  assert.equal(await page.locator('#training [part~="unverified-banner"]').isVisible(), false);
  const newYear = cell(page, "2027-01-01");
  assert.match(await newYear.getAttribute("part"), /holiday/);
  assert.match(await newYear.getAttribute("part"), /unverified/);
  assert.match(await newYear.getAttribute("data-sentence"), /是法定节假日放假日/);  // the law's day
  assert.match(await cell(page, "2027-01-02").getAttribute("data-sentence"), /可能放假/);  // joined to it by the notices
  // A day's name is its own sentence and three words of its year's caveat, not the banner's paragraph again.
  assert.match(await cell(page, "2027-01-04").getAttribute("aria-label"), /该年安排未确认$/);
  assert.doesNotMatch(await cell(page, "2027-01-04").getAttribute("aria-label"), /尚未公布/);
  assert.match(await cell(page, "2027-01-04").getAttribute("part"), /unverified/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the .ics export holds the tier boundaries as all-day events", async () => {
  const { page, context } = await openPage(env.browser, `${env.url}training.html`);
  await enrol(page, { start: "2026-12-14", today: "2026-11-27" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ics").click()]);
  assert.equal(download.suggestedFilename(), "offline-class.ics");
  const text = await downloadedText(download);
  assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  // Each date to apply by is the safe reading's (working days counted without today), the other in its description.
  const events = parseIcs(text).map((e) => ({ date: e.getFirstPropertyValue("dtstart").toString(), summary: e.getFirstPropertyValue("summary"),
    description: String(e.getFirstPropertyValue("description") ?? "") }));
  const on = (date) => events.filter((e) => e.date === date).map((e) => e.summary);
  // Today (11-27) is the full tier's last day counting today, its date to apply by (11-26) gone: the event is
  // today's, with its condition, as the card says it; no event on a day already gone.
  assert.deepEqual(on("2026-11-26"), []);
  assert.deepEqual(on("2026-11-27"), ["线下培训：全额退款最后一天（仅在今天计入时）"]);
  assert.match(events.find((e) => e.date === "2026-11-27").description, /仅在今天计入工作日时有效：请今天申请。/);
  assert.deepEqual(on("2026-12-03"), ["线下培训：70% 退款最后一天"]);
  assert.match(events.find((e) => e.date === "2026-12-03").description, /按含今天计算的最后一天：2026-12-04/);
  assert.deepEqual(on("2026-12-06"), ["线下培训：延期申请最后一天"]);
  assert.deepEqual(on("2026-12-04"), ["线下培训：开班确认通知"]);
  assert.deepEqual(on("2026-12-14"), ["线下培训开课"]);
  assert.deepEqual(on("2026-12-07"), []);
  assert.match(text, /END:VCALENDAR\r\n$/);
  await context.close();
});

test("the answer links to the form that asks: Enter on it, then Tab, reaches the first field (the answer is first on a phone and to the keyboard)", async () => {
  for (const [file, first] of [["training.html", "class_start"], ["purchase.html", "paid_at"]]) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}${file}`, { viewport: { width: 390, height: 844 } });
    const link = page.getByTestId("to-form");
    assert.equal(await link.textContent(), "修改填写内容", file);
    await link.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({ id: document.activeElement.id, inForm: !!document.activeElement.closest("main > .answer ~ section form") }));
    assert.ok(focused.inForm, `${file}: ${JSON.stringify(focused)}`);
    assert.equal(focused.id, first, file);
    assert.deepEqual(problems(), []);
    await context.close();
  }
});
