// What a candidate types carelessly: amounts as people write them are read
// as meant, an amount that is not one is said in place of the verdict (never
// a verdict from a value the person did not mean), Enter never reloads a
// page, and an impossible score is not added.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function purchase(locale = "en") {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?lang=${locale}`);
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill("2026-11-21T10:00");
  await page.getByTestId("now").fill("2026-11-22T10:00");
  return { page, context, problems };
}

test("amounts typed as people write them are read as meant", async () => {
  const { page, context, problems } = await purchase();
  // Shown in English as the engine's English sentences write money: CNY.
  for (const [typed, shown] of [["1,200", "CNY 1200.00"], ["¥1200", "CNY 1200.00"], ["￥1,200.50", "CNY 1200.50"], ["１２００", "CNY 1200.00"],
    ["1200元", "CNY 1200.00"], ["CNY 99.9", "CNY 99.90"], ["1 200", "CNY 1200.00"]]) {
    await page.getByTestId("pay-online").fill(typed);
    assert.equal(await page.locator('[part~="amount"]').textContent(), shown, typed);
    assert.equal(await page.locator('[part~="verdict"]').isVisible(), true, typed);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test("an amount that is not one replaces the verdict with one clear error, saying what is wrong with it", async () => {
  const { page, context } = await purchase();
  for (const [typed, said] of [["12.345", "Enter an amount with at most two decimals (fen)"], ["1,20", "Enter an amount in yuan, such as 3580 or 3580.50"],
    ["12,34,567", "Enter an amount in yuan, such as 3580 or 3580.50"], ["abc", "Enter an amount in yuan, such as 3580 or 3580.50"],
    ["1.2.3", "Enter an amount in yuan, such as 3580 or 3580.50"], ["1e3", "Enter an amount in yuan, such as 3580 or 3580.50"],
    ["-5", "An amount paid cannot be negative"], ["99999999999999", "The amount is too large: enter it in yuan"]]) {
    await page.getByTestId("pay-online").fill(typed);
    assert.equal(await page.locator("#result").isHidden(), true, `${typed}: no verdict`);
    assert.equal(await page.locator("#failure").textContent(), said, typed);
    assert.equal(await page.getByTestId("pay-online").getAttribute("aria-invalid"), "true", typed);
  }
  await page.getByTestId("pay-online").fill("1200");
  assert.equal(await page.locator("#result").isVisible(), true);
  await context.close();
});

test("the training page asks for an empty date by its label (it said 当前时间无效 for 今天)", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}training.html?lang=zh-CN`);
  await page.getByTestId("today").fill("");
  assert.equal(await page.locator("#result").isHidden(), true);
  assert.match(await page.locator("#failure").evaluate((el) => el.firstChild.textContent), /^请填写今天$/);
  await page.getByTestId("today").fill("2026-12-07");
  await page.getByTestId("class-start").fill("");
  assert.match(await page.locator("#failure").evaluate((el) => el.firstChild.textContent), /^请填写开课日期$/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the training page says a bad amount instead of deciding with ¥0", async () => {
  const { page, context } = await openPage(env.browser, `${env.url}training.html?lang=zh-CN`);
  await page.getByTestId("paid").fill("12.345");
  assert.equal(await page.locator("#result").isHidden(), true);
  assert.equal(await page.locator("#failure").textContent(), "金额最多两位小数（到分）");
  await page.getByTestId("paid").fill("-100");
  assert.equal(await page.locator("#paid_error").textContent(), "支付金额不能为负数");
  await page.getByTestId("paid").fill("３,５８０");
  assert.equal(await page.locator("#result").isVisible(), true);
  // Typed with a Chinese full stop as the decimal point.
  await page.getByTestId("paid").fill("3580。50");
  assert.equal(await page.locator("#result").isVisible(), true);
  // Left empty, the amount is asked for: never "refunds in full, CNY 0.00".
  await page.getByTestId("paid").fill("");
  assert.equal(await page.locator("#result").isHidden(), true);
  assert.match(await page.locator("#failure").evaluate((el) => el.firstChild.textContent), /^请填写/);
  assert.equal(await page.locator("#paid_error").textContent(), "请填写实缴金额");  // said under the field too
  // Zero: nothing to refund, never "full refund ¥0.00" in green.
  await page.getByTestId("paid").fill("0");
  assert.equal(await page.locator("#result").isHidden(), true);
  assert.equal(await page.locator("#failure").textContent(), "实缴金额为 0：没有可退的款项，请填写实际缴费金额");
  assert.equal(await page.getByTestId("paid").getAttribute("aria-invalid"), "true");
  await context.close();
});

test("EXO-10: with no amount typed the purchase page says no amount, never \"¥0.00 comes back\"", async () => {
  const { page, context, problems } = await purchase("en");
  for (const id of ["pay-online", "pay-balance", "pay-voucher"]) await page.getByTestId(id).fill("");
  await page.getByTestId("pay-online").dispatchEvent("input");
  await page.locator("#result").waitFor();
  await page.waitForFunction(() => document.querySelector("#refund").result?.ok && document.querySelector("#refund").result.refund.amount_fen === null);
  assert.doesNotMatch(await page.locator("#refund").evaluate((el) => el.shadowRoot.textContent), /0\.00/);
  await page.getByTestId("pay-online").fill("1200");
  await page.getByTestId("pay-online").dispatchEvent("input");
  await page.waitForFunction(() => document.querySelector("#refund").result?.refund.amount_fen === 120000);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("Enter in a field never reloads the practitioner or training page", async () => {
  for (const [path, field, value] of [["practitioner.html", "new-score", "55"], ["training.html", "paid", "1000"]]) {
    const { page, context } = await openPage(env.browser, `${env.url}${path}`);
    // A submit that the page does not prevent would navigate: the listener on the
    // window runs after the page's own (bubbling), when the key press dispatches it.
    await page.evaluate(() => {
      window.__marker = 1;
      window.addEventListener("submit", (e) => { window.__submit = e.defaultPrevented ? "prevented" : "navigates"; });
    });
    await page.getByTestId(field).fill(value);
    await page.getByTestId(field).press("Enter");
    assert.notEqual(await page.evaluate(() => window.__submit), "navigates", `${path}: Enter submits the form and reloads the page`);
    assert.equal(await page.evaluate(() => window.__marker), 1, `${path}: the page was reloaded`);
    await context.close();
  }
});

test("Enter adds a valid practitioner score; an impossible one is said and not added", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}practitioner.html?lang=en`);
  const rows = () => page.locator("[data-testid=attempts] > *").count();
  const before = await rows();
  for (const bad of ["150", "-1", "7.5", ""]) {
    await page.getByTestId("new-score").fill(bad);
    await page.getByTestId("add-attempt").click();
    assert.equal(await rows(), before, `${bad}: not added`);
    assert.equal(await page.getByTestId("score-error").textContent(), "Score must be a whole number 0–100", bad);
  }
  await page.getByTestId("new-score").fill("65");
  await page.getByTestId("new-score").press("Enter");
  assert.equal(await rows(), before + 1);
  assert.equal(await page.getByTestId("score-error").textContent(), "");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("PRA: Enter adds no attempt the purchase no longer has (after a pass, after the last one), and says why", async () => {
  for (const scores of [["70"], ["50", "50", "50"]]) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}practitioner.html?lang=en`);
    const rows = () => page.locator("[data-testid=attempts] > *").count();
    const before = await rows();
    for (const score of scores) {
      await page.getByTestId("new-score").fill(score);
      await page.getByTestId("new-score").press("Enter");
    }
    assert.equal(await rows(), before + scores.length, `${scores}: recorded`);
    await page.waitForFunction(() => document.querySelector("[data-testid=add-attempt]").disabled);
    // The button is off; Enter in the field is the way round it that must not add either.
    await page.getByTestId("new-score").fill("80");
    await page.getByTestId("new-score").press("Enter");
    assert.equal(await rows(), before + scores.length, `${scores}: nothing added after`);
    assert.equal(await page.getByTestId("score-error").textContent(), "This purchase has no further exam (passed, or no attempts left): not added");
    assert.equal(await page.getByTestId("add-attempt").isDisabled(), true, "the button stays off");
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("PRA: an attempt refused for the purchase time is said as that, not as \"no further exam\"", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}practitioner.html?lang=en`);
  await page.getByTestId("paid-at").fill("2099-01-01T10:00");  // after now
  await page.getByTestId("new-score").fill("80");
  await page.getByTestId("new-score").press("Enter");
  assert.equal(await page.getByTestId("score-error").textContent(), "“Paid at” is later than now: check it");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a refused field is said in plain words of the page's language; the engine's detail is folded away", async () => {
  for (const [locale, sentence] of [["zh-CN", "请填写支付时间"], ["en", "Fill in “Paid at”"]]) {
    const { page, context, problems } = await purchase(locale);
    await page.getByTestId("paid-at").fill("");
    await page.getByTestId("paid-at").dispatchEvent("input");
    const failure = page.locator("#failure");
    assert.equal(await failure.evaluate((el) => el.firstChild.textContent), sentence, locale);
    assert.doesNotMatch(await failure.evaluate((el) => el.firstChild.textContent), /order\.paid_at|rfc3339|MISSING/);
    assert.match(await failure.locator("details code").textContent(), /^order\.paid_at · MISSING · /);
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("EXO-2, EXO-5: an order booked before buying with no booking, or a cancelled one, is said as such, never promised a refund; the practitioner exam is not offered as an order", async () => {
  const cases = [
    ["zh-CN", "none", "先预约后购买的订单在购买前已有预约，且预约只能改期、不能取消：请在“预约状态”中选择已预约、已参加考试或缺考；已退款的订单请勾选“该订单已退款过”", "order.booking"],
    ["en", "cancelled", "An order booked before buying has its booking, which can be moved but never cancelled: in “Booking”, choose booked, exam taken or missed; for an order already refunded, tick “This order was already refunded”", "order.booking.status"],
  ];
  for (const [locale, status, sentence, path] of cases) {
    const { page, context, problems } = await purchase(locale);
    // The 从业者 exam is its own page: the order's picker does not offer it.
    assert.equal(await page.locator('#certification option[value="practitioner"]').count(), 0);
    assert.ok(await page.locator('#certification option[value="cloud-computing-engineer"]').count() > 0);
    await page.getByTestId("flow").selectOption("book_then_purchase");
    await page.getByTestId("status").selectOption(status);
    // (A cancelled booking's time is not asked for: it decides nothing.)
    assert.equal(await page.getByTestId("exam-at").isVisible(), false);
    const failure = page.locator("#failure");
    await failure.locator("details").waitFor();
    assert.equal(await failure.evaluate((el) => el.firstChild.textContent), sentence, locale);
    assert.match(await failure.locator("details code").textContent(), new RegExp(`^${path.replaceAll(".", "\\.")} · INCONSISTENT · `));
    assert.equal(await page.locator("#result").isHidden(), true, "no verdict beside the refusal");
    // Its booking given: decided, and the refund is not promised.
    await page.getByTestId("status").selectOption("booked");
    await page.getByTestId("exam-at").fill("2026-12-10T09:00");
    await page.locator("#result").waitFor();
    assert.equal(await page.locator('[part~="verdict"]').getAttribute("data-tone"), "bad");
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("EXO-1: a payment time later than now, or an exam before the payment, is said as such, never decided", async () => {
  const cases = [
    ["zh-CN", "paid-at", "2026-11-22T10:01", "支付时间晚于现在，请检查", "order.paid_at"],
    ["en", "paid-at", "2026-11-22T10:01", "“Paid at” is later than now: check it", "order.paid_at"],
    ["en", "exam-at", "2026-11-21T09:59", "“Exam time” is before the payment time: check it", "order.booking.exam_at"],
  ];
  for (const [locale, field, value, sentence, path] of cases) {
    const { page, context, problems } = await purchase(locale);
    if (field === "exam-at") await page.getByTestId("status").selectOption("booked");
    await page.getByTestId(field).fill(value);
    await page.getByTestId(field).dispatchEvent("input");
    const failure = page.locator("#failure");
    await failure.locator("details").waitFor();
    assert.equal(await failure.evaluate((el) => el.firstChild.textContent), sentence, `${locale} ${field}`);
    assert.match(await failure.locator("details code").textContent(), new RegExp(`^${path.replaceAll(".", "\\.")} · INCONSISTENT · `));
    assert.equal(await page.locator("#result").isHidden(), true, "no verdict beside the refusal");
    // The same time as now (or as the payment) is decided.
    await page.getByTestId(field).fill(field === "paid-at" ? "2026-11-22T10:00" : "2026-11-21T10:00");
    await page.getByTestId(field).dispatchEvent("input");
    await page.locator("#result").waitFor();
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("rule IDs are developer detail on each reason (data-rule), never in its sentence or its accessible name", async () => {
  const { page, context } = await purchase("en");
  const first = page.locator('[part~="reasons"] li').first();
  assert.doesNotMatch(await first.textContent(), /EXO-\d/);
  assert.match(await first.getAttribute("data-rule"), /^EXO-\d+$/);
  assert.equal(await first.getAttribute("title"), null);
  // What a screen reader hears for the items: their sentences, no rule.
  assert.equal(await page.getByRole("listitem", { name: /Rule|EXO-/ }).count(), 0);
  await context.close();
});

test("the purchase and booking pages show the engine's one next step", async () => {
  const { page, context } = await purchase("en");
  assert.equal(await page.locator('[part~="next-step"]').getAttribute("data-code"), "NEXT_BOOK_OR_REFUND");
  assert.match(await page.locator('[part~="next-step"]').textContent(), /^Next step: Book an exam on a day up to 2027-11-21; if you want your money back instead, request the refund before booking and by 2026-11-26 10:00/);
  await page.getByTestId("now").fill("2026-11-27T10:00");
  assert.equal(await page.locator('[part~="next-step"]').getAttribute("data-code"), "NEXT_BOOK");
  await context.close();
  const booking = await openPage(env.browser, `${env.url}booking.html?lang=en`);
  assert.notEqual(await booking.page.locator('[part~="next-step"]').getAttribute("data-code"), null);
  assert.deepEqual(booking.problems(), []);
  await booking.context.close();
});

test("a year of five digits in the payment time is said invalid, not missing", async () => {
  const { page, context, problems } = await purchase();
  await page.getByTestId("paid-at").evaluate((input) => {
    input.value = "20266-11-21T10:00";  // the browser's field accepts a five-digit year as typed
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  assert.equal(await page.getByTestId("paid-at").inputValue(), "20266-11-21T10:00");
  await page.waitForFunction(() => !document.getElementById("failure").hidden);
  const said = await page.getByTestId("failure").textContent();
  assert.match(said, /^“Paid at” is not a valid date or time/);
  assert.doesNotMatch(said, /Fill in/);
  assert.deepEqual(problems(), []);
  await context.close();
});
