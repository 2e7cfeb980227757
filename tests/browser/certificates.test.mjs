// "My certificates" and "Practitioner exam" in Chromium (CRT, PRA), and the
// .ics exports of every page checked against RFC 5545.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkIcs } from "../node/ics_check.mjs";
import { downloadedText, openPage, screenshotDir, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function downloadIcs(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ics").click()]);
  return { name: download.suggestedFilename(), text: await downloadedText(download) };
}

test("CRT-2 in English: one day is said \"1 day\", left or since expiry, more are \"days\"", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}certificates.html?lang=en`);
  await page.getByTestId("pass-date").first().fill("2025-01-10");
  for (const [today, part, said] of [["2027-01-08", "days-left", "2 days"], ["2027-01-09", "days-left", "1 day"],
    ["2027-01-10", "days-left", "0 days"], ["2027-01-11", "days-expired", "1 day"]]) {
    await page.getByTestId("today").fill(today);
    assert.equal(await page.locator(`#certificate [part~="${part}"]`).textContent(), said, today);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test("CRT-1: a pass published after today is said in plain words, its JSON path only in the details", async () => {
  for (const [locale, sentence] of [["zh-CN", "成绩发布日期晚于今天，请检查"], ["en", "“Result publication date” is after today: check it"]]) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}certificates.html?lang=${locale}`);
    await page.getByTestId("pass-date").first().fill("2026-10-13");
    await page.getByTestId("today").fill("2026-10-12");
    const failure = page.locator("#failure");
    await failure.locator("details").waitFor();
    assert.equal(await failure.evaluate((el) => el.firstChild.textContent), sentence, locale);
    assert.match(await failure.locator("details code").textContent(), /^passes\[0\]\.published_on · INCONSISTENT · /);
    assert.equal(await page.locator("#result").isHidden(), true);
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("each Remove button is named with the pass or attempt it removes", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}certificates.html?lang=en`);
  await page.getByTestId("pass-date").first().fill("2025-01-10");
  await page.getByTestId("add-pass").click();
  await page.getByTestId("pass-date").nth(1).fill("2026-10-01");
  assert.equal(await page.getByRole("button", { name: "Remove 2025-01-10" }).count(), 1);
  assert.equal(await page.getByRole("button", { name: "Remove 2026-10-01" }).count(), 1);
  await context.close();
  const pra = await openPage(env.browser, `${env.url}practitioner.html?lang=en`);
  await pra.page.getByTestId("paid-at").fill("2026-03-01T09:00");
  await pra.page.getByTestId("new-taken-at").fill("2026-03-02T10:00");
  await pra.page.getByTestId("new-score").fill("55");
  await pra.page.getByTestId("new-score").press("Enter");
  assert.equal(await pra.page.getByRole("button", { name: "Remove 2026-03-02 10:00 55" }).count(), 1);
  assert.deepEqual([...problems(), ...pra.problems()], []);
  await pra.context.close();
});

test("CRT-1/2 on the page: status, days left, renewal advice from 90 days before", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}certificates.html`);
  await page.getByTestId("pass-date").first().fill("2025-01-10");
  await page.getByTestId("today").fill("2026-10-11");
  assert.equal(await page.locator('#certificate [part~="verdict"]').getAttribute("data-status"), "active");
  assert.equal(await page.locator('[part~="valid-until"]').textContent(), "2027-01-10");
  assert.equal(await page.locator('#certificate [part~="days-left"]').textContent(), "91 天");
  assert.equal(await page.locator('#certificate [part~="renewal"]').isHidden(), true);
  await page.getByTestId("today").fill("2026-10-12");
  assert.equal(await page.locator('#certificate [part~="verdict"]').getAttribute("data-status"), "expiring");
  assert.equal(await page.locator('#certificate [part~="verdict"]').textContent(), "即将到期");
  assert.equal(await page.locator('#certificate [part~="renewal"]').textContent(), "如需连续持证，请在 2027-01-07 前（含当日）重新报名参加考试并通过。");
  assert.equal(await page.locator('#certificate [part~="renew-by"]').textContent(), "2027-01-07");
  // CRT-2: on the last day to sit it the advice stands; the day after no date is left to advise.
  await page.getByTestId("today").fill("2027-01-07");
  assert.match(await page.locator('#certificate [part~="renewal"]').textContent(), /2027-01-07/);
  await page.getByTestId("today").fill("2027-01-08");
  assert.equal(await page.locator('#certificate [part~="renewal"]').textContent(), "现在考试的成绩可能在证书到期后才发布，证书可能中断；通过后获得新证书。");
  assert.equal(await page.locator('#certificate [part~="renew-by"]').textContent(), "—");
  assert.doesNotMatch(await page.locator("#certificate").evaluate((el) => el.shadowRoot.textContent), /2027-01-07/, "no past date to act by anywhere on the card");
  await page.getByTestId("today").fill("2026-10-12");
  await page.getByTestId("level").selectOption("TCP");
  assert.equal(await page.locator('#certificate [part~="level"]').textContent(), "TCCP · TCP");
  await page.screenshot({ path: `${screenshotDir}certificates.png`, fullPage: true });
  // A newer pass restarts the two years.
  await page.getByTestId("add-pass").click();
  await page.getByTestId("pass-date").nth(1).fill("2026-10-01");
  assert.equal(await page.locator('[part~="valid-until"]').textContent(), "2028-10-01");
  assert.equal(await page.locator('#certificate [part~="verdict"]').getAttribute("data-status"), "active");
  await page.getByTestId("today").fill("2028-10-02");
  assert.equal(await page.locator('#certificate [part~="verdict"]').getAttribute("data-status"), "expired");
  // Expired: the days since, never a negative "days left".
  assert.equal(await page.locator('#certificate [part~="days-left"]:visible').count(), 0);
  assert.equal(await page.locator('#certificate [part~="days-expired"]').textContent(), "1 天");
  assert.match(await page.locator('#certificate [part~="facts"]').textContent(), /已过期1 天/);
  assert.doesNotMatch(await page.locator('#certificate [part~="facts"]').textContent(), /剩余天数/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("CRT on the page: passes loaded from a file; bad files are refused", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}certificates.html?lang=en`);
  const dir = await mkdtemp(path.join(tmpdir(), "certpolicy-"));
  const good = path.join(dir, "passes.json");
  await writeFile(good, JSON.stringify([{ published_on: "2024-02-29" }, "2023-05-01"]));
  await page.getByTestId("today").fill("2026-02-28");
  await page.getByTestId("load").setInputFiles(good);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=pass-date]").length === 2);
  assert.equal(await page.locator('[part~="valid-until"]').textContent(), "2026-02-28");
  assert.equal(await page.locator('#certificate [part~="verdict"]').textContent(), "Expiring soon");
  const bad = path.join(dir, "bad.txt");
  await writeFile(bad, "not a date\n");
  await page.getByTestId("load").setInputFiles(bad);
  await page.waitForFunction(() => document.querySelector("[data-testid=load-error]").textContent !== "");
  assert.match(await page.getByTestId("load-error").textContent(), /entry 1, “not a date”, is not a real date/);
  assert.equal(await page.getByTestId("pass-date").count(), 2);
  // A date the calendar does not have (2025 is no leap year) is named by its line, and nothing is loaded:
  // dropped, the older pass would decide, and the card would say "expired".
  await writeFile(bad, "2023-03-01\n2025-02-29\n");
  await page.getByTestId("load").setInputFiles(bad);
  await page.waitForFunction(() => /2025-02-29/.test(document.querySelector("[data-testid=load-error]").textContent));
  assert.equal(await page.getByTestId("load-error").textContent(),
    "Not loaded: entry 2, “2025-02-29”, is not a real date written YYYY-MM-DD; nothing was loaded from the file.");
  assert.equal(await page.getByTestId("pass-date").count(), 2);
  assert.equal(await page.locator('[part~="valid-until"]').textContent(), "2026-02-28");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("CRT-1: a pass date half typed is asked to be finished, never left out (an older pass would say expired); today left empty is asked for by its label", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}certificates.html`);
  await page.getByTestId("today").fill("2025-06-06");
  await page.getByTestId("pass-date").first().fill("2023-03-01");
  await page.locator('#certificate [part~="verdict"]').waitFor();
  assert.equal(await page.locator('[part~="valid-until"]').textContent(), "2025-03-01");
  await page.getByTestId("add-pass").click();
  const second = page.getByTestId("pass-date").nth(1);
  await second.focus();
  await page.keyboard.type("2");  // one part begun, the others empty
  await page.locator("#failure").waitFor();
  assert.equal(await page.locator("#failure").textContent(), "第 2 条通过记录的日期没有填写完整，请补全或删除这一条");
  assert.equal(await second.getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#result").isHidden(), true, "no verdict from the older pass alone");
  await second.fill("2025-02-28");
  await page.locator("#result").waitFor();
  assert.equal(await page.locator('[part~="valid-until"]').textContent(), "2027-02-28");
  assert.equal(await second.getAttribute("aria-invalid"), "false");
  await page.getByTestId("today").fill("");
  await page.locator("#failure").waitFor();
  assert.equal(await page.locator("#failure").textContent(), "请填写今天");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("certificate .ics: expiry with a reminder 90 days before", async () => {
  const { page, context } = await openPage(env.browser, `${env.url}certificates.html`);
  await page.getByTestId("pass-date").first().fill("2025-01-10");
  await page.getByTestId("today").fill("2026-01-01");
  const { name, text } = await downloadIcs(page);
  assert.equal(name, "certificate.ics");
  const lines = checkIcs(text);
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20270110"));
  assert.ok(lines.includes("TRIGGER:-P90D"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20261012"));
  // The one date to act by (CRT-2, renew_by: three days before the expiry, for the results) is in it too.
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20270107"));
  assert.ok(lines.some((l) => l.startsWith("SUMMARY:续证考试最晚日期")));
  // Inside the window (its reminder, 90 days before expiry, has rung): the last day to sit the renewal rings two
  // weeks before it, not only the expiry, after that day.
  await page.getByTestId("pass-date").first().fill("2025-01-20");
  await page.getByTestId("today").fill("2026-12-01");
  const late = checkIcs((await downloadIcs(page)).text);
  const at = late.findIndex((l) => l.startsWith("SUMMARY:续证考试最晚日期"));
  const event = late.slice(late.lastIndexOf("BEGIN:VEVENT", at), late.indexOf("END:VEVENT", at)).join("\n");
  assert.match(event, /DTSTART;VALUE=DATE:20270117/);
  assert.match(event, /TRIGGER:-P14D/);
  await context.close();
});

test("PRA-2 on the page: the 3-slot meter and what happens next", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}practitioner.html`);
  await page.getByTestId("paid-at").fill("2026-03-01T09:00");
  await page.getByTestId("now").fill("2026-03-10T10:00:00");
  const slots = page.locator('#practitioner [part~="slot"]');
  assert.deepEqual(await slots.evaluateAll((s) => s.map((x) => x.dataset.state)), ["unused", "unused", "unused"]);
  assert.equal(await page.locator('#practitioner [part~="next"]').textContent(), "现在可以参加考试（还剩 3 次）。");
  for (const [when, score] of [["2026-03-02T10:00", "55"], ["2026-03-05T10:00", "69"]]) {
    await page.getByTestId("new-taken-at").fill(when);
    await page.getByTestId("new-score").fill(score);
    await page.getByTestId("add-attempt").click();
  }
  assert.deepEqual(await slots.evaluateAll((s) => s.map((x) => x.dataset.state)), ["failed", "failed", "unused"]);
  assert.equal(await page.locator('#practitioner [part~="next"]').textContent(), "现在可以参加考试（还剩 1 次）。");
  assert.match(await page.locator('[part~="reasons"]').textContent(), /请勿重复购买/);
  await page.getByTestId("new-taken-at").fill("2026-03-08T10:00");
  await page.getByTestId("new-score").fill("70");
  await page.getByTestId("add-attempt").click();
  assert.deepEqual(await slots.evaluateAll((s) => s.map((x) => x.dataset.state)), ["failed", "failed", "passed"]);
  assert.equal(await page.locator('#practitioner [part~="next"]').getAttribute("data-state"), "passed");
  assert.equal(await page.locator('[part~="valid-until"]').textContent(), "2028-03-08");
  assert.equal(await page.getByTestId("add-attempt").isDisabled(), true);
  // It looks so: not the pointer of a button that acts.
  assert.equal(await page.getByTestId("add-attempt").evaluate((b) => getComputedStyle(b).cursor), "not-allowed");
  // "Now" moved before an attempt: the attempt's time is named, not "something contradicts the rest".
  await page.getByTestId("now").fill("2026-03-07T10:00:00");
  await page.locator("#failure").waitFor();
  assert.equal(await page.locator("#failure").evaluate((el) => el.firstChild.textContent), "考试时间应在支付时间之后、当前时间之前，请检查");
  await page.getByTestId("now").fill("2026-03-10T10:00:00");
  await page.locator("#result").waitFor();
  await page.screenshot({ path: `${screenshotDir}practitioner.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("PRA-3: a pass whose certificate has since expired is not said as valid; PRA-5: the year's reading is said with its date", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}practitioner.html`);
  await page.getByTestId("paid-at").fill("2024-05-01T10:00");
  await page.getByTestId("now").fill("2024-05-10T10:00:00");
  assert.match(await page.locator('[part~="reasons"]').textContent(), /若按认证考试订单的有效期计，请在 2025-05-01 前（含当日）用完考试机会/);
  await page.getByTestId("new-taken-at").fill("2024-05-02T10:00");
  await page.getByTestId("new-score").fill("80");
  await page.getByTestId("add-attempt").click();
  await page.getByTestId("now").fill("2026-05-03T10:00:00");
  await page.locator('#practitioner [part~="next"][data-state="passed"]').waitFor();
  assert.equal(await page.locator('#practitioner [part~="next"]').textContent(), "已通过，但证书已于 2026-05-02 到期；重新购买并通过考试即可重新获得证书。");
  assert.doesNotMatch(await page.locator('[part~="reasons"]').textContent(), /无需再考|用完考试机会/);
  // Attempts left past the year's reading: said with the check to make first, and no "do not buy again".
  await page.getByTestId("paid-at").fill("2024-05-01T10:00");
  await page.locator('[data-testid="attempt"] button').click();
  await page.getByTestId("now").fill("2025-05-02T00:00:00");
  await page.locator('#practitioner [part~="next"][data-state="can_take"]').waitFor();
  assert.equal(await page.locator('#practitioner [part~="next"]').textContent(), "还剩 3 次，但若按认证考试订单的有效期计，购买已于 2025-05-01 到期：考试前请先向腾讯云确认。");
  assert.doesNotMatch(await page.locator('[part~="reasons"]').textContent(), /请勿重复购买/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("PRA-2 three fails: must buy again", async () => {
  const { page, context } = await openPage(env.browser, `${env.url}practitioner.html?lang=en`);
  await page.getByTestId("paid-at").fill("2026-03-01T09:00");
  await page.getByTestId("now").fill("2026-03-10T10:00:00");
  for (const day of ["02", "03", "04"]) {
    await page.getByTestId("new-taken-at").fill(`2026-03-${day}T10:00`);
    await page.getByTestId("new-score").fill("10");
    await page.getByTestId("add-attempt").click();
  }
  assert.equal(await page.locator('#practitioner [part~="next"]').textContent(), "All 3 attempts are used: buy the exam again to continue.");
  await context.close();
});

test("purchase and booking .ics: refund deadline, change deadline and exam as UTC instants", async () => {
  const purchase = await openPage(env.browser, `${env.url}purchase.html`);
  await purchase.page.getByTestId("simulate").check();
  await purchase.page.getByTestId("paid-at").fill("2026-11-21T10:00");
  await purchase.page.getByTestId("now").fill("2026-11-22T10:00:00");
  const p = await downloadIcs(purchase.page);
  assert.equal(p.name, "exam-order.ics");
  const pl = checkIcs(p.text);
  assert.ok(pl.includes("DTSTART:20261126T020000Z"));
  assert.ok(pl.includes("DTSTART;VALUE=DATE:20271121"));
  await purchase.context.close();

  const booking = await openPage(env.browser, `${env.url}booking.html`);
  await booking.page.getByTestId("simulate").check();
  await booking.page.getByTestId("exam-date").fill("2026-12-10");
  await booking.page.getByTestId("exam-time").fill("09:00");
  await booking.page.getByTestId("paid-at").fill("2026-11-20T10:00");
  const b = await downloadIcs(booking.page);
  const bl = checkIcs(b.text);
  assert.ok(bl.includes("DTSTART:20261207T010000Z"), "change deadline 2026-12-07 09:00 China");
  assert.ok(bl.includes("DTSTART:20261210T003000Z"), "check-in 08:30 China");
  assert.ok(bl.includes("DTEND:20261210T023000Z"), "ends 10:30 China");
  assert.ok(bl.includes("SUMMARY:腾讯云认证：改期/取消截止"));
  assert.ok(bl.some((l) => l.startsWith("DESCRIPTION:") && l.includes("2026-12-10 08:30")), "the check-in time as the card writes it");
  // EXO-5: booked before buying, the deadline is a change deadline only, as on the card.
  await booking.page.getByTestId("flow").selectOption("book_then_purchase");
  await booking.page.getByTestId("exam-date").fill("2026-12-30");  // its 10-day change deadline still ahead
  const only = checkIcs((await downloadIcs(booking.page)).text);
  assert.ok(only.includes("SUMMARY:腾讯云认证：改期截止（不能取消）"), only.filter((l) => l.startsWith("SUMMARY")).join());
  await booking.context.close();
});

/** The purchase page with an order paid 2026-11-21 10:00, decided at `now`, booked for `examAt`. */
async function bookedOrder(now, examAt) {
  const opened = await openPage(env.browser, `${env.url}purchase.html`);
  const { page } = opened;
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill("2026-11-21T10:00");
  await page.getByTestId("now").fill(now);
  await page.getByTestId("status").selectOption("booked");
  await page.getByTestId("exam-at").fill(examAt);
  return opened;
}

test("the exam order's .ics: with a booking that locks before the refund window ends, the refund's event says to cancel first and rings before that", async () => {
  // Cancellable until 11-23 09:00; the window ends 11-26 10:00.
  const { page, context, problems } = await bookedOrder("2026-11-21T12:00:00", "2026-11-26T09:00");
  const refundEvent = (lines) => {
    const at = lines.indexOf("SUMMARY:腾讯云认证：要退款，须在此前取消预约");
    assert.ok(at > 0, lines.filter((l) => l.startsWith("SUMMARY")).join());
    return lines.slice(lines.lastIndexOf("BEGIN:VEVENT", at), lines.indexOf("END:VEVENT", at) + 1).join("\n");
  };
  const event = refundEvent(checkIcs((await downloadIcs(page)).text));
  // The event is the moment the booking locks, not the window's end (11-26 10:00), and rings a day before it.
  assert.match(event, /DTSTART:20261123T010000Z/);
  assert.match(event, /DESCRIPTION:有预约时不能退款：须先在 2026-11-23 09:00/);
  assert.match(event, /再在 2026-11-26 10:00（北京时间）前申请退款/);
  assert.ok(!event.includes("无理由退款截止"), "not named the window's end");
  // Its alarm is the change deadline's, at the same moment (one alarm, a day before), not a second one.
  assert.doesNotMatch(event, /BEGIN:VALARM/);
  const lines = checkIcs((await downloadIcs(page)).text);
  const change = lines.slice(lines.indexOf("SUMMARY:腾讯云认证：改期/取消截止"));
  assert.match(change.slice(0, change.indexOf("END:VEVENT")).join("\n"), /TRIGGER:-PT1440M/);
  // Booked for 11-25 09:00, the booking locks at 11-22 09:00: a day before it (11-21 09:00) has passed by 12:00,
  // so it rings an hour before instead.
  await page.getByTestId("exam-at").fill("2026-11-25T09:00");
  await page.waitForFunction(() => document.getElementById("refund").result?.refund?.act_by === "2026-11-22T09:00:00+08:00");
  const soonEvent = refundEvent(checkIcs((await downloadIcs(page)).text));
  assert.match(soonEvent, /DTSTART:20261122T010000Z/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the exam order's .ics: late for check-in but before the start, the exam stays with the card's \"go now\"; no alarm that has rung", async () => {
  // Check-in closed at 08:30; the exam starts at 09:00 (EXO-6: check_in_late).
  const { page, context, problems } = await bookedOrder("2026-11-25T08:41:00", "2026-11-25T09:00");
  const bookingState = (state) => page.waitForFunction((s) => document.getElementById("refund").result?.booking?.state === s, state);
  await bookingState("check_in_late");
  const lines = checkIcs((await downloadIcs(page)).text);
  const start = lines.indexOf("SUMMARY:腾讯云认证考试");
  assert.ok(start > 0, lines.filter((l) => l.startsWith("SUMMARY")).join());
  const from = lines.lastIndexOf("BEGIN:VEVENT", start);
  const event = lines.slice(from, lines.indexOf("END:VEVENT", start) + 1).join("\n");
  assert.match(event, /DTSTART:20261125T003000Z/);
  assert.match(event, /DTEND:20261125T023000Z/);
  assert.match(event, /请立即赶往考场/);
  assert.doesNotMatch(event, /BEGIN:VALARM/, "its alarm, two hours before check-in, has rung");
  // The attempt is committed to this session: the results are an event, the order's own last day is not.
  assert.deepEqual(lines.filter((l) => l.startsWith("SUMMARY:")), ["SUMMARY:腾讯云认证考试", "SUMMARY:腾讯云认证：可查询考试结果"]);
  assert.ok(lines.includes("DTSTART:20261125T030000Z"), "results from 11:00 China time");
  assert.ok(lines.some((l) => l.startsWith("DESCRIPTION:按服务条款，最晚于 2026-11-28 00:00（北京时间）起可查询")), "the terms' later time beside it");
  // At the start itself the card still says go now; a second after, the exam has begun and is not an event to attend.
  await page.getByTestId("now").fill("2026-11-25T09:00:01");
  await bookingState("check_in_closed");
  const underway = checkIcs((await downloadIcs(page)).text);
  assert.deepEqual(underway.filter((l) => l.startsWith("SUMMARY")), ["SUMMARY:腾讯云认证：可查询考试结果"]);
  // The order's last evening: its last day is an event (all day), without the alarm 15 days back.
  await page.getByTestId("status").selectOption("none");
  await page.getByTestId("now").fill("2027-11-21T20:00:00");
  await page.waitForFunction(() => document.getElementById("refund").result?.booking?.can_book === true);
  const last = checkIcs((await downloadIcs(page)).text);
  const expiry = last.slice(last.indexOf("SUMMARY:腾讯云认证：订单有效期最后一天"));
  assert.ok(last.includes("SUMMARY:腾讯云认证：订单有效期最后一天"));
  assert.doesNotMatch(expiry.slice(0, expiry.indexOf("END:VEVENT")).join("\n"), /BEGIN:VALARM/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the exam order's .ics: a refund that would return ¥0.00 (vouchers only) is no event; with a booking to cancel first, the event says so", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill("2026-12-07T10:00");
  await page.getByTestId("now").fill("2026-12-07T12:00:00");
  await page.getByTestId("pay-online").fill("0");
  await page.getByTestId("pay-voucher").fill("1200");
  await page.waitForFunction(() => document.getElementById("refund").result?.refund?.amount_fen === 0);
  const summaries = (lines) => lines.filter((l) => l.startsWith("SUMMARY:"));
  assert.ok(!summaries(checkIcs((await downloadIcs(page)).text)).includes("SUMMARY:腾讯云认证：无理由退款截止"));
  // Paid in money, booked beyond the window's end (the booking locks after it): the refund event says to cancel first.
  await page.getByTestId("pay-online").fill("1200");
  await page.getByTestId("pay-voucher").fill("0");
  await page.getByTestId("status").selectOption("booked");
  await page.getByTestId("exam-at").fill("2026-12-20T09:00");
  await page.waitForFunction(() => document.getElementById("refund").result?.refund?.state === "cancel_booking_first");
  const lines = checkIcs((await downloadIcs(page)).text);
  const at = lines.indexOf("SUMMARY:腾讯云认证：无理由退款截止");
  assert.ok(at > 0, summaries(lines).join());
  const event = lines.slice(lines.lastIndexOf("BEGIN:VEVENT", at), lines.indexOf("END:VEVENT", at) + 1).join("\n");
  assert.match(event, /DESCRIPTION:有预约时不能退款：须先取消预约，再在 2026-12-12 10:00（北京时间）前申请退款。/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the exam order's .ics holds only what the card says: no refund deadline once refunded; an exam that cannot be sat is to be moved, not attended", async () => {
  const { page, context, problems } = await bookedOrder("2026-11-22T10:00:00", "2027-12-10T09:00");  // after the order's last day, 2027-11-21
  const summaries = (text) => checkIcs(text).filter((l) => l.startsWith("SUMMARY:")).map((l) => l.slice(8));
  const { text } = await downloadIcs(page);
  const lines = checkIcs(text);
  assert.deepEqual(summaries(text), ["腾讯云认证：无理由退款截止", "腾讯云认证：须在此前把考试改约到可考日期",
    "腾讯云认证：订单有效期最后一天"]);
  assert.ok(lines.includes("DTSTART:20271121T155959Z"), "move by the order's last moment, 2027-11-21 23:59:59 China");
  // Refunded: nothing is ahead on the order.
  await page.getByTestId("refunded").check();
  assert.deepEqual(summaries((await downloadIcs(page)).text), []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the exam order's .ics exported again after the exam is moved names the same events, so it replaces them in the calendar", async () => {
  const { page, context, problems } = await bookedOrder("2026-11-22T10:00:00", "2026-12-10T09:00");
  const events = async () => {
    const lines = checkIcs((await downloadIcs(page)).text);
    const byTitle = {};
    for (let at = lines.indexOf("BEGIN:VEVENT"); at >= 0; at = lines.indexOf("BEGIN:VEVENT", at + 1)) {
      const event = lines.slice(at, lines.indexOf("END:VEVENT", at));
      const value = (name) => event.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
      byTitle[value("SUMMARY")] = { uid: value("UID"), start: value("DTSTART"), sequence: Number(value("SEQUENCE")) };
    }
    return byTitle;
  };
  const before = await events();
  await page.getByTestId("exam-at").fill("2026-12-17T14:00");
  await page.waitForFunction(() => document.getElementById("refund").result?.booking?.check_in_by === "2026-12-17T13:30:00+08:00");
  const after = await events();
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  for (const title of ["腾讯云认证考试", "腾讯云认证：改期/取消截止", "腾讯云认证：可查询考试结果"]) {
    assert.equal(after[title].uid, before[title].uid, title);
    assert.notEqual(after[title].start, before[title].start, title);
    assert.ok(after[title].sequence >= before[title].sequence, title);
  }
  assert.equal(after["腾讯云认证考试"].start, "20261217T053000Z", "check-in 13:30 China");
  assert.match(after["腾讯云认证考试"].uid, /^order-2026-11-21T10:00:00\+08:00-check_in_by@certpolicy$/);
  assert.deepEqual(problems(), []);
  await context.close();
});
