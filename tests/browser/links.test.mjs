// A link between the purchase and booking pages carries one order: a time
// is read as the engine reads instants (China time without an offset), and
// anything else is refused beside its field in the page's words — never
// replaced by a made-up default, never a verdict on it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const verdict = (page) => page.locator('#refund [part~="verdict"]');

test("a link time with seconds is the time given: paid 2026-11-21 10:00:00, on 11-27 the refund window is closed", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?paid_at=2026-11-21T10:00:00&lang=en`,
    { clock: { fixed: "2026-11-27T10:00:00+08:00" } });
  assert.equal(await page.getByTestId("paid-at").inputValue(), "2026-11-21T10:00");
  assert.equal(await page.getByTestId("link-error-paid_at").isHidden(), true);
  assert.equal(await verdict(page).textContent(), "Not refundable");
  assert.equal(await page.locator('#refund [part~="deadline"]').textContent(), "2026-11-26 10:00 (China time)");
  assert.equal(await page.locator('#refund [part~="countdown"]').textContent(), "Closed");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the forms the engine prints are taken: an offset, Z, a space, seconds and a fraction; the field shows China time", async () => {
  const cases = [
    ["2026-11-21T10:00:00%2B08:00", "2026-11-21T10:00"],
    ["2026-11-21T02:00:30Z", "2026-11-21T10:00:30"],
    ["2026-11-21%2010:00:00%2B08:00", "2026-11-21T10:00"],
    ["2026-11-21%2010:00", "2026-11-21T10:00"],
    ["2026-11-21T10:00:00.250%2B08:00", "2026-11-21T10:00:00.25"],
    ["2026-11-20T21:00:00-05:00", "2026-11-21T10:00"],
    // A "+" typed into a link unescaped reaches the page as a space: read as the offset it was.
    ["2026-11-21T11:00:00+09:00", "2026-11-21T10:00"],
    ["2026-11-21T11:00+09:00", "2026-11-21T10:00"],
  ];
  for (const [given, shown] of cases) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?paid_at=${given}`, { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
    assert.equal(await page.getByTestId("paid-at").inputValue(), shown, given);
    assert.equal(await page.getByTestId("failure").isHidden(), true, given);
    assert.equal(await verdict(page).textContent(), "可以退款", given);
    assert.match(await page.locator('#refund [part~="deadline"]').textContent(), /^2026-11-26 10:00(:30|:00\.250)? \(北京时间\)$/, given);
    assert.deepEqual(problems(), [], given);
    await context.close();
  }
});

test("a link time the engine does not accept is refused beside its field, in the page's words; no verdict until it is filled in", async () => {
  const cases = [
    ["２０２６-11-21T10:00", "写法无法识别"],
    ["yesterday", "写法无法识别"],
    ["2026-02-30T10:00", "没有这一天"],
    ["2200-01-01T10:00", "年份超出支持的范围（1970–2199）"],
    ["2026-11-21T10:00%2B0800", "写法无法识别"],
    // Its "+" left unescaped (it arrives as a space): still refused, and echoed as it was written.
    ["2026-11-21T10:00+0800", "写法无法识别"],
  ];
  for (const [given, why] of cases) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?paid_at=${given}`, { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
    const text = decodeURIComponent(given.replace("%2B", "+"));  // a bare "+" is shown as the "+" it was
    const line = page.getByTestId("link-error-paid_at");
    assert.equal(await line.textContent(), `链接中的支付时间“${text}”无法使用：${why}${why === "写法无法识别" ? "（应如 2026-11-21T10:00）" : ""}。请重新填写。`);
    assert.equal(await page.getByTestId("paid-at").inputValue(), "", "no default in its place");
    assert.equal(await page.getByTestId("paid-at").getAttribute("aria-invalid"), "true");
    assert.equal(await page.getByTestId("paid-at").getAttribute("aria-describedby"), "paid_at_link");
    // The answer card says the same and decides nothing; the timeline is not shown.
    assert.equal(await page.getByTestId("failure").textContent(), await line.textContent());
    assert.equal(await page.locator("#result").isHidden(), true);
    assert.equal(await page.locator("#timeline_card").isHidden(), true);
    assert.equal(await page.getByTestId("announce").textContent(), await line.textContent());
    // Filled in by the person: the refusal goes, the answer comes.
    await page.getByTestId("paid-at").fill("2026-11-21T10:00");
    assert.equal(await line.isHidden(), true);
    assert.equal(await verdict(page).textContent(), "可以退款");
    assert.equal(await page.locator("#timeline_card").isHidden(), false);
    assert.deepEqual(problems(), [], given);
    await context.close();
  }
});

test("a booking named by the link without its exam time is asked for, never invented 14 days ahead", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?paid_at=2026-11-21T10:00&status=booked&lang=en`,
    { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.equal(await page.getByTestId("status").inputValue(), "booked");
  assert.equal(await page.getByTestId("exam-at").inputValue(), "");
  assert.equal(await page.getByTestId("link-error-exam_at").textContent(), "The link gives no “Exam time”: please fill it in.");
  assert.equal(await page.getByTestId("failure").textContent(), "The link gives no “Exam time”: please fill it in.");
  await page.getByTestId("exam-at").fill("2026-12-10T09:00");
  assert.equal(await page.getByTestId("failure").isHidden(), true);
  assert.equal(await verdict(page).textContent(), "Refundable once the booking is cancelled");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the purchase page opened without a link never invents an exam time either: choosing 'booked' asks for it", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html`);
  await page.getByTestId("status").selectOption("booked");
  assert.equal(await page.getByTestId("exam-at").inputValue(), "");
  assert.equal(await page.getByTestId("failure").textContent(), "请填写考试时间详情order.booking.exam_at · MISSING · order.booking.exam_at：缺少必填字段 (应为 rfc3339_instant)");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a link naming the 从业者 exam as an order's certification says why, and where to go instead", async () => {
  const { page, context, problems } = await openPage(env.browser,
    `${env.url}purchase.html?paid_at=2026-11-21T10:00&certification=practitioner`, { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.equal(await page.getByTestId("link-error-certification").textContent(),
    "链接中的认证科目“practitioner”无法使用：从业者认证不按考试订单办理（在线考试、无需预约，一经售出除平台技术原因外不予退款），请到“从业者考试”页面查看。请重新选择。");
  assert.equal(await page.getByTestId("certification").inputValue(), "");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a choice the link names that the page does not offer is refused beside it; the booking page's exam date and time too", async () => {
  const { page, context, problems } = await openPage(env.browser,
    `${env.url}booking.html?paid_at=2026-11-21T10:00&flow=x&exam_at=2026-13-45T99:99&lang=en`, { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.equal(await page.getByTestId("link-error-flow").textContent(), "The link’s “How it was bought”, “x”, cannot be used: it is not one of the choices. Please choose again.");
  assert.equal(await page.getByTestId("link-error-exam_at").textContent(), "The link’s “Exam time”, “2026-13-45T99:99”, cannot be used: that day does not exist. Please fill it in again.");
  assert.equal(await page.getByTestId("exam-date").inputValue(), "");
  assert.equal(await page.getByTestId("exam-time").inputValue(), "");
  assert.equal(await page.getByTestId("exam-date").getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByTestId("paid-at").inputValue(), "2026-11-21T10:00");
  assert.equal(await page.locator("#booking").isHidden(), true);
  // The language menu says the refusals again in the new language.
  await page.locator("#lang").selectOption("zh-Hant");
  assert.equal(await page.getByTestId("link-error-flow").textContent(), "連結中的購買方式“x”無法使用：不是可選的一項。請重新選擇。");
  await page.getByTestId("flow").selectOption("purchase_then_book");
  await page.getByTestId("exam-date").fill("2026-12-10");
  await page.getByTestId("exam-time").fill("09:00");
  assert.equal(await page.getByTestId("failure").isHidden(), true);
  assert.equal(await page.locator('#booking [part~="verdict"]').textContent(), "現在可以免費改期");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the links between the pages carry the exam time with its seconds", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}booking.html?paid_at=2026-11-21T10:00&exam_at=2026-12-10T09:00:30`,
    { clock: { fixed: "2026-11-22T10:00:00+08:00" } });
  assert.equal(await page.getByTestId("exam-time").inputValue(), "09:00:30");
  assert.equal(await page.locator('#booking [part~="value"][data-name="check-in-by"]').textContent(), "2026-12-10 08:30:30 (北京时间)");
  await page.getByTestId("to-purchase").click();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getByTestId("exam-at").inputValue(), "2026-12-10T09:00:30");
  assert.deepEqual(problems(), []);
  await context.close();
});
