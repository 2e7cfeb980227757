// What a candidate expects of the pages beyond the verdict: one timeline per
// order, announcements of changes only, Traditional Chinese, links between
// the pages of one order, a calendar with no month cap that the keyboard can
// walk, console confirmations and real exports, a grouped catalogue.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PHONE, TEST_NOW, openPage, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function simulatePurchase(page, { paid, now, status = "none", exam }) {
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill(paid);
  await page.getByTestId("status").selectOption(status);
  if (exam) await page.getByTestId("exam-at").fill(exam);
  await page.getByTestId("now").fill(now);
}
const points = (page) => page.locator("#timeline li").evaluateAll((lis) => lis.map((li) => ({
  key: li.dataset.key ?? "now", state: li.dataset.state, at: li.querySelector("time").dateTime,
})));

test("the home page links every page, and every header links every page", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}index.html`);
  const hrefs = await page.getByTestId("home-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, ["purchase.html", "booking.html", "certificates.html", "practitioner.html", "training.html", "console.html", "catalogue.html"]);
  for (const a of await page.getByTestId("home-link").all()) assert.ok((await a.textContent()).length > 10);
  assert.equal(await page.locator("#site-menu nav a").count(), 8);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("timeline (purchase): every dated moment in time order, a now marker, past/next/future, the sentence on focus", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  await simulatePurchase(page, { paid: "2026-11-21T10:00", now: "2026-11-24T10:00:00", status: "booked", exam: "2026-12-10T09:00" });
  const list = await points(page);
  // The points, their order and their states are the answer's own timeline; "now" goes before the first not past.
  assert.deepEqual(list.map((p) => p.key), ["paid", "now", "refund_deadline", "change_deadline", "check_in_by", "ends_at", "results_at",
    "results_by", "reminder-0", "reminder-1", "reminder-2", "reminder-3", "valid_until", "certificate_renew_from", "certificate_renew_by",
    "certificate_valid_until"]);
  // The booked exam can still be cancelled: the refund deadline is the next moment to act by (cancel, then refund).
  assert.deepEqual(list.map((p) => p.state), ["past", "now", "next", ...Array(13).fill("future")]);
  const ms = list.map((p) => Date.parse(p.at.length === 10 ? `${p.at}T00:00:00+08:00` : p.at));
  for (let k = 1; k < ms.length; k++) assert.ok(ms[k] >= ms[k - 1], `${list[k].key} after ${list[k - 1].key}`);
  assert.equal(list.find((p) => p.key === "refund_deadline").at, "2026-11-26T10:00:00+08:00");
  assert.equal(list.find((p) => p.key === "change_deadline").at, "2026-12-07T09:00:00+08:00");
  // Both results times (guide: 30 minutes after the end; terms: three days), and the certificate a pass would give.
  assert.equal(list.find((p) => p.key === "results_by").at, "2026-12-13T00:00:00+08:00");
  assert.equal(list.find((p) => p.key === "certificate_valid_until").at, "2028-12-10");
  assert.equal(list.find((p) => p.key === "certificate_renew_by").at, "2028-12-07");
  // The next moment is described under the axis; focus describes another. The pointer is parked away first: a
  // point under it (where the last click left it; a re-layout moves points under a still pointer) is described.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.querySelector('#timeline').shadowRoot.querySelector('[part~="detail"]').textContent.startsWith("无理由退款截止"));
  assert.match(await page.locator('#timeline [part~="detail"]').textContent(), /^无理由退款截止：2026-11-26 10:00（下一个）。/);
  await page.locator('#timeline li[data-key="change_deadline"]').focus();
  await page.waitForFunction(() => document.querySelector('#timeline').shadowRoot.querySelector('[part~="detail"]').textContent.startsWith("改期/取消截止"));
  assert.match(await page.locator('#timeline [part~="detail"]').textContent(), /^改期\/取消截止：2026-12-07 09:00（未到）。/);
  assert.match(await page.locator('#timeline li[data-key="change_deadline"]').getAttribute("aria-label"), /^改期\/取消截止：2026-12-07 09:00/);
  // One second past the refund deadline, the refund point is past and the change deadline next.
  await page.getByTestId("now").fill("2026-11-26T10:00:01");
  const after = await points(page);
  assert.deepEqual(after.slice(0, 4).map((p) => `${p.key}:${p.state}`), ["paid:past", "refund_deadline:past", "now:now", "change_deadline:next"]);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("timeline: vertical on a phone; an exam after the order's validity has no exam times on it", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}booking.html`, { viewport: PHONE });
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill("2026-11-21T10:00");
  await page.getByTestId("exam-date").fill("2026-12-10");
  await page.getByTestId("now").fill("2026-11-24T10:00:00");
  const boxes = await page.locator("#timeline li").evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y })));
  assert.ok(boxes.length >= 10);
  for (let k = 1; k < boxes.length; k++) {
    assert.equal(boxes[k].x, boxes[0].x, "one column");
    assert.ok(boxes[k].y > boxes[k - 1].y, "top to bottom");
  }
  await page.getByTestId("exam-date").fill("2027-12-10");  // after valid_until 2027-11-21
  const keys = (await points(page)).map((p) => p.key);
  // The exam cannot be sat on the order: no exam times, and the moment to move it by (the order's last day).
  assert.deepEqual(keys, ["paid", "now", "refund_deadline", "reminder-0", "reminder-1", "reminder-2", "reminder-3", "move_by", "valid_until"]);
  assert.match(await page.locator('[part~="reasons"]').textContent(), /晚于订单有效期/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("announcements: a change of the answer is said once; the ticking countdown is not", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?lang=en`, { clock: TEST_NOW });
  assert.equal(await page.locator('[part~="countdown"]').getAttribute("role"), "timer");
  assert.equal(await page.locator("[aria-live]:has(#countdown)").count(), 0, "no live region around the countdown");
  const region = page.getByTestId("announce");
  assert.equal(await region.getAttribute("role"), "status");
  assert.match(await region.textContent(), /^Refundable\. Refund window ends: \d{4}-\d{2}-\d{2} \d{2}:\d{2}\. Refund amount: CNY 1200\.00\. Book an exam/);
  await page.evaluate(() => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(document.getElementById("announce").textContent))
      .observe(document.getElementById("announce"), { childList: true, characterData: true, subtree: true });
  });
  const before = await page.locator('[part~="countdown"]').textContent();
  // The page's clock is paused; two seconds pass only when the test says so.
  await page.clock.runFor(2200);
  await page.waitForFunction((b) => document.getElementById("refund").shadowRoot.querySelector("[part~=countdown]").textContent !== b, before);
  assert.deepEqual(await page.evaluate(() => window.__said), [], "nothing was said while it ticked");
  await page.getByTestId("refunded").check();
  const said = await page.evaluate(() => window.__said);
  assert.equal(said.length, 1);
  assert.match(said[0], /^Already refunded\./);
  // A refunded order is void: neither its window's end nor its validity is shown or said.
  for (const part of ["deadline", "valid-until"]) assert.equal(await page.locator(`#refund [part~="value"][data-name="${part}"]:visible`).count(), 0, part);
  assert.doesNotMatch(said[0], /valid until|Refund window closes/i);
  assert.equal(await page.locator("#refund").evaluate((el) => el.result.reasons.some((r) => r.code === "ORDER_VALID")), false);
  // In the countdown's place a word: plain text, neither a timer nor drawn in the brand colour as a link is.
  const clock = page.locator('#refund [part~="countdown"]');
  assert.equal(await clock.textContent(), "—");
  assert.equal(await clock.getAttribute("role"), null);
  const colour = () => clock.evaluate((el) => getComputedStyle(el).color);
  assert.equal(await colour(), await page.locator('#refund [part~="value"][data-name="amount"]').evaluate((el) => getComputedStyle(el).color));
  await page.clock.runFor(1200);
  assert.equal((await page.evaluate(() => window.__said)).length, 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a link's ?lang is read as a language tag: zh-TW and zh-HK are Traditional Chinese, en-US English", async () => {
  for (const [tag, lang] of [["zh-TW", "zh-Hant"], ["zh-hk", "zh-Hant"], ["zh-Hant-TW", "zh-Hant"], ["en-US", "en"], ["zh-CN", "zh-CN"], ["zh-Hans-HK", "zh-CN"], ["fr", "zh-CN"]]) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?lang=${tag}`);
    await page.waitForFunction(() => document.getElementById("refund").result);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, tag);
    assert.equal(await page.locator("#lang").inputValue(), lang, tag);
    assert.deepEqual(problems(), [], tag);
    await context.close();
  }
});

test("zh-Hant: the language menu turns the page and the engine's sentences to Traditional Chinese", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  await simulatePurchase(page, { paid: "2026-11-21T10:00", now: "2026-11-22T10:00:00" });
  await page.locator("#lang").selectOption("zh-Hant");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-Hant");
  assert.match(page.url(), /lang=zh-Hant/);
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "可以退款");
  assert.equal(await page.locator('#site-menu a[href="purchase.html"]').textContent(), "購買與退款");
  assert.match(await page.locator('[part~="reasons"]').textContent(), /訂單有效期至 2027-11-21（含當日）。/);
  assert.match(await page.locator('[part~="reasons"]').textContent(), /可在 2026-11-26 10:00（北京時間）前（含該時刻）申請無理由退款。/);
  assert.equal(await page.evaluate(() => localStorage.getItem("certpolicy.lang")), "zh-Hant");
  await page.goto(`${env.url}catalogue.html`);  // remembered
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator('.cert[data-id="cloud-computing-engineer"] strong').textContent(), "騰訊雲計算工程師認證");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a browser that blocks storage (cookies off): the page decides and the language menu still works", async () => {
  const context = await env.browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" });
  await context.clock.setFixedTime(TEST_NOW);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(`${env.url}purchase.html`);
  await page.waitForSelector("body[data-ready=true]");
  await simulatePurchase(page, { paid: "2026-11-21T10:00", now: "2026-11-22T10:00:00" });
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "可以退款");
  await page.locator("#lang").selectOption("en");
  assert.match(page.url(), /lang=en/);
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "Refundable");
  assert.deepEqual(errors, []);
  await context.close();
});

test("purchase and booking link to each other for the same order", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?lang=en`);
  await page.getByTestId("paid-at").fill("2026-11-21T10:00");
  await page.getByTestId("flow").selectOption("book_then_purchase");
  await page.getByTestId("status").selectOption("booked");
  await page.getByTestId("exam-at").fill("2026-12-10T14:30");
  await page.getByTestId("to-booking").click();
  await page.waitForSelector("body[data-ready=true]");
  assert.match(page.url(), /booking\.html\?.*lang=en/);
  assert.equal(await page.getByTestId("paid-at").inputValue(), "2026-11-21T10:00");
  assert.equal(await page.getByTestId("flow").inputValue(), "book_then_purchase");
  assert.equal(await page.getByTestId("exam-date").inputValue(), "2026-12-10");
  assert.equal(await page.getByTestId("exam-time").inputValue(), "14:30");
  await page.getByTestId("exam-time").fill("09:00");
  await page.getByTestId("to-purchase").click();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getByTestId("status").inputValue(), "booked");
  assert.equal(await page.getByTestId("exam-at").inputValue(), "2026-12-10T09:00");
  assert.equal(await page.getByTestId("flow").inputValue(), "book_then_purchase");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("dates cannot be misread: every date input is said back with the month in words", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?lang=en`, { locale: "en-US", timezoneId: "America/Los_Angeles" });
  await page.getByTestId("paid-at").fill("2026-02-12T18:00");
  assert.equal(await page.getByTestId("readback-paid_at").textContent(), "Thu, Feb 12, 2026, 18:00 (China time)");
  await page.locator("#lang").selectOption("zh-CN");
  assert.equal(await page.getByTestId("readback-paid_at").textContent(), "2026年2月12日周四 18:00（北京时间）");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("TRN on the calendar: a class on 2027-06-14 shows its start, bands and deferral deadline; the keyboard walks the days", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html?lang=en`);
  await page.getByTestId("today").fill("2026-12-03");
  await page.getByTestId("class-start").fill("2027-06-14");
  const cell = (d) => page.locator(`#training td[data-date="${d}"]`);
  assert.match(await cell("2027-06-14").getAttribute("part"), /class-start/);
  // Each date to apply by is the safe reading's, the last day counting today beside it: "2027-05-27 (2027-05-28 counting today)".
  const dates = async (part) => (await page.locator(`#training [part~="${part}"]`).textContent()).match(/\d{4}-\d{2}-\d{2}/g);
  const [full, fullLast] = await dates("full-until");
  const [partial, partialLast] = await dates("partial-until");
  assert.ok(fullLast > full && partialLast > partial, `${full} ${fullLast} ${partial} ${partialLast}`);
  assert.match(await cell(full).getAttribute("part"), /band-100/);
  assert.doesNotMatch(await cell(full).getAttribute("part"), /disputed/);
  assert.match(await cell(fullLast).getAttribute("part"), /band-100.*disputed/);
  assert.match(await cell(partial).getAttribute("part"), /band-70/);
  assert.match(await cell(partialLast).getAttribute("part"), /band-70.*disputed/);
  const [deferral] = await dates("deferral");
  assert.match(await cell(deferral).getAttribute("part"), /deferral-deadline/);
  assert.match(await cell("2026-12-03").getAttribute("part"), /today/);
  assert.equal(await page.locator('#training [part~="gap"]').count(), 1);
  // Bands are said in words, not by colour alone; English throughout.
  assert.match(await cell(partial).getAttribute("aria-label"), /70% refund/);
  assert.match(await cell("2027-06-14").getAttribute("aria-label"), /^Mon, Jun 14, 2027 · Class start/);
  for (const label of await page.locator("#training td[data-date]").evaluateAll((tds) => tds.map((td) => td.getAttribute("aria-label")))) {
    assert.doesNotMatch(label, /[\u4e00-\u9fff]/, label);
  }
  // One tab stop; arrows move by a day and a week; the day is described.
  assert.equal(await page.locator("#training td[tabindex='0']").count(), 1);
  await page.locator("#training td[tabindex='0']").focus();
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.dataset.date), "2027-06-14");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.dataset.date), "2027-06-06");
  assert.match(await page.locator('#training [part~="detail"]').textContent(), /^Sun, Jun 6, 2027 · /);
  // Holidays and makeup days are marked in the page's language.
  await page.getByTestId("today").fill("2026-09-20");
  await page.getByTestId("class-start").fill("2026-10-20");
  const marks = await page.locator("#training td[part~=\"holiday\"]").evaluateAll((tds) => tds.map((td) => td.dataset.mark));
  assert.ok(marks.length >= 7);
  assert.ok(marks.every((m) => m === "off"), marks.join());
  await page.locator("#lang").selectOption("zh-CN");
  assert.equal(await page.locator("#training td[part~=\"holiday\"]").first().getAttribute("data-mark"), "休");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("console: the empty state's hint; an export with the console's Chinese headers; names, not ids", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}console.html`);
  assert.equal(await page.getByTestId("empty").isVisible(), true);
  assert.match(await page.getByTestId("empty").textContent(), /^尚未导入考试码。选择从考试码管理导出的文件/);
  const dir = await mkdtemp(path.join(tmpdir(), "certpolicy-console-"));
  const file = path.join(dir, "考试码导出.csv");
  await writeFile(file, "\uFEFF考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间,操作\n" +
    "BN101,腾讯云计算工程师认证,理论考试,2024,未使用,2026-08-29 至 2027-08-29,-,-,-,-,-,重新生成考试码\n" +
    "BN102,cloud-computing-engineer,理论考试,2024,已绑定,2026-08-29 至 2027-08-29,张三,-,zhang,san,2026-09-01,解绑\n");
  await page.getByTestId("today").fill("2026-11-26");
  await page.getByTestId("file").setInputFiles(file);
  await page.waitForFunction(() => Number(document.body.dataset.loads ?? 0) > 0);
  assert.equal(await page.getByTestId("import-error").isVisible(), false);
  assert.equal(await page.getByTestId("empty").isVisible(), false);
  await page.getByTestId("tab-codes").click();
  await page.waitForSelector('#codes tr[data-code="BN102"]');
  const cells = (code) => page.locator(`#codes tr[data-code="${code}"] td`).allTextContents();
  // 考试码, 考试科目 (the catalogue's name, also for an id), 考试类型, 订单号, 状态, 考试码有效期, 姓名.
  assert.deepEqual((await cells("BN101")).slice(0, 7), ["BN101", "腾讯云计算工程师认证", "理论考试", "2024", "未使用", "2026-08-29 至 2027-08-29", "-"]);
  assert.deepEqual((await cells("BN102")).slice(0, 7), ["BN102", "腾讯云计算工程师认证", "理论考试", "2024", "已绑定", "2026-08-29 至 2027-08-29", "张三"]);
  await page.getByTestId("tab-orders").click();
  await page.waitForSelector('#orders tr[data-order="2024"]');
  assert.equal((await page.locator('#orders tr[data-order="2024"] td').allTextContents())[9], "2027-08-29");
  await page.getByTestId("tab-codes").click();
  await page.locator("#lang").selectOption("en");
  await page.waitForFunction(() => document.querySelector('#codes tr[data-code="BN101"] td:nth-child(2)')?.textContent === "Tencent Cloud Computing Engineer");
  await page.locator('#codes button.sort[data-key="code"]').click();
  await page.waitForSelector('#codes th[aria-sort] button[data-key="code"]');
  // The header cell carries aria-sort, not its button.
  assert.equal(await page.locator("#codes th[aria-sort]").count(), 1);
  assert.equal(await page.locator("button[aria-sort]").count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("catalogue: rows grouped by track, then level, under a date axis", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}catalogue.html?lang=en`);
  await page.getByTestId("date").fill("2026-11-26");
  assert.deepEqual(await page.locator("h2.track").allTextContents(),
    ["Cloud computing", "Databases", "Big data", "Artificial intelligence", "Specialty", "Developer"]);
  const levels = await page.locator("#list > h2.track, #list > h3.level-group").allTextContents();
  assert.deepEqual(levels.slice(0, 4), ["Cloud computing", "TCCA (TCA)", "TCCP (TCP)", "TCCE (TCE)"]);
  const ticks = await page.locator(".axis-line").first().locator(".tick:not(.chosen)").allTextContents();
  assert.ok(ticks.length >= 3 && ticks.every((y, k) => k === 0 || Number(y) === Number(ticks[k - 1]) + 1), ticks.join());
  assert.ok(ticks.includes("2026"));
  // Every row of a group has its track and level.
  const rows = await page.locator("#list > .cert[data-id]").count();
  assert.equal(rows, 43);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("keyboard only: Tab reaches the menu, the answer's actions, every form field and the timeline, in that order", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  const seen = [];
  for (let k = 0; k < 40; k++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => {
      let el = document.activeElement;  // into the elements' shadow roots
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el.id || el.dataset.key || el.tagName;
    }));
  }
  const at = (id) => seen.indexOf(id);
  for (const id of ["lang", "ics", "to_booking", "paid_at", "flow", "certification", "pay_online", "booking_status", "refunded", "platform_fault",
    "simulate", "refund_deadline"]) {
    assert.ok(at(id) >= 0, `${id} reached: ${seen.join(" ")}`);
  }
  // The timeline is one Tab stop, its next point (the arrows move along it).
  assert.equal(at("paid"), -1, seen.join(" "));
  assert.ok(at("lang") < at("ics") && at("ics") < at("paid_at") && at("paid_at") < at("refund_deadline"), seen.join(" "));
  assert.ok(at("flow") < at("certification") && at("certification") < at("pay_online"), seen.join(" "));
  assert.deepEqual(problems(), []);
  await context.close();
});

test("no contradictions: no running countdown beside 'not refundable', no 'closed' beside 'refundable'", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?lang=en`);
  // Inside the window, but booked for an exam under 72 h away: blocked, and the booking is locked.
  await simulatePurchase(page, { paid: "2026-11-21T10:00", now: "2026-11-24T10:00:00", status: "booked", exam: "2026-11-25T09:00" });
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "Not refundable (the booking can no longer be cancelled)");
  assert.equal(await page.locator('[part~="countdown"]').textContent(), "—");
  // Booked before buying, the booking never could be cancelled (EXO-5): not "no longer".
  await page.getByTestId("flow").selectOption("book_then_purchase");
  await page.waitForFunction(() => document.getElementById("refund").result?.booking?.change_only === true);
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "Not refundable (booked before buying: the booking cannot be cancelled)");
  await page.getByTestId("flow").selectOption("purchase_then_book");
  await page.waitForFunction(() => document.getElementById("refund").result?.booking?.change_only === false);
  assert.doesNotMatch(await page.getByTestId("answer").textContent(), /cancel the booking first/);
  // A platform fault after the window: refundable, and not said to be closed.
  await page.getByTestId("status").selectOption("none");
  await page.getByTestId("platform-fault").selectOption("exam_time_changed");
  await page.getByTestId("now").fill("2026-12-20T10:00:00");
  assert.equal(await page.locator('[part~="verdict"]').textContent(), "Refundable (platform cause)");
  assert.equal(await page.locator('[part~="countdown"]').textContent(), "Not bound to the refund window");
  assert.doesNotMatch(await page.getByTestId("answer").textContent(), /closed/i);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a focused timeline point keeps the focus while the page re-decides every second, past a minute", async () => {
  // A faked clock two seconds before the minute turns: the "now" point's minute changes meanwhile.
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`, { clock: "2026-12-04T10:59:58+08:00" });
  await page.locator('#timeline li[data-key="refund_deadline"]').focus();
  await page.clock.runFor(4000);
  assert.match(await page.locator('#timeline [part~="point"][part~="now"] time').textContent(), /11:00$/);
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.dataset.key), "refund_deadline");
  assert.deepEqual(problems(), []);
  await context.close();
});
