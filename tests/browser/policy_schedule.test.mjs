// A published policy file on open pages (docs/OPERATIONS.md): a dated change
// switches an open page at its instant, a rollback reaches an open page, and
// the footer announces a change only once the whole file was validated. The
// pages' clock is Playwright's fake one, paused and moved by the test only;
// every wait is on a condition.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { policySites } from "./harness.mjs";

const sites = policySites();
before(sites.start);
after(sites.close);

/** A demo server whose /policy.json is the file `write(text)` last wrote. */
async function site(text) {
  const env = await sites.withPolicy(text);
  return { env, write: env.write };
}

/** A page opened on a fake clock paused at `at`; console errors and page errors are collected. */
async function openPaused(env, url, at, { locale = "en-US" } = {}) {
  const context = await env.browser.newContext({ timezoneId: "Asia/Shanghai", locale, viewport: { width: 1200, height: 900 } });
  await context.clock.install({ time: at });
  await context.clock.pauseAt(at);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return { page, context, problems: () => problems };
}

const deadlineText = (page) => page.locator('#refund [part~="deadline"]').textContent();
const waitDeadline = (page, prefix) => page.waitForFunction(
  (p) => document.getElementById("refund").shadowRoot.querySelector('[part~="deadline"]')?.textContent.startsWith(p), prefix);
const footerChanges = (page) => page.getByTestId("policy-change").evaluateAll((els) => els.map((e) => e.textContent));

test("a dated change switches an open page at its instant (a paused clock moved by the test)", async () => {
  // Decisions from 2027-01-01 00:00 China time: a refund window of 7 days, for every order.
  const { env } = await site(JSON.stringify({
    version: "ops-switch",
    changes: [{ id: "refund-7d", effective_from: "2027-01-01T00:00:00+08:00", applies_to: "decisions",
      patch: { exam_order: { refund_window: { hours: 168 } } } }],
  }));
  const { page, context, problems } = await openPaused(env, `${env.url}purchase.html?lang=en`, "2026-12-31T23:59:50+08:00");
  // The page's clock: paid 26 hours before it opened, refund window 5 days.
  assert.equal(await page.getByTestId("paid-at").inputValue(), "2026-12-30T21:59");
  await waitDeadline(page, "2027-01-04 21:59");
  assert.deepEqual(await footerChanges(page),
    ["From 2027-01-01 00:00 China time, change refund-7d applies to every decision."]);
  assert.equal(await page.getByTestId("policy-footer").getAttribute("data-version"), "ops-switch");

  // 9.9 s later: still before the instant.
  await context.clock.runFor(9_900);
  assert.match(await deadlineText(page), /^2027-01-04 21:59/);
  // Past it: the open page decides with the change, and the footer no longer announces it.
  await context.clock.runFor(200);
  await waitDeadline(page, "2027-01-06 21:59");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=policy-change]").length === 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a rollback reaches an open page: on the re-check interval and when the page is shown again", async () => {
  const refund7d = JSON.stringify({ version: "test-refund-7d", exam_order: { refund_window: { hours: 168 } } });
  const { env, write } = await site(refund7d);
  const { page, context, problems } = await openPaused(env, `${env.url}purchase.html?lang=en`, "2026-11-22T10:00:00+08:00");
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill("2026-11-21T10:00");
  await page.getByTestId("now").fill("2026-11-22T10:00");
  await waitDeadline(page, "2026-11-28 10:00");
  assert.equal(await page.getByTestId("policy-footer").getAttribute("data-version"), "test-refund-7d");

  // The operator rolls back to the shipped {}: the page reads the file again within its interval (300 s).
  write("{}");
  await context.clock.runFor(300_000);
  await waitDeadline(page, "2026-11-26 10:00");
  await page.waitForFunction(() => document.querySelector("[data-testid=policy-footer]").dataset.version === "2025-04-08");
  assert.equal(await page.getByTestId("policy-notice").count(), 0);

  // And forward again: a page shown again (another tab brought back) reads it at once.
  write(refund7d);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await waitDeadline(page, "2026-11-28 10:00");
  assert.equal(await page.getByTestId("policy-footer").getAttribute("data-version"), "test-refund-7d");
  assert.deepEqual(problems(), []);
  await context.close();
});

// The case: a file whose future change was invalid was announced
// ("applies from …") and silently fell back on the day.
const refused = [
  ["a future change with a misspelled key", { version: "bad-1", changes: [{ id: "refund-3d", effective_from: "2027-01-01T00:00:00+08:00", patch: { exam_order: { refund_windw: { hours: 72 } } } }] }],
  ["a future change dated 01/01/2027", { version: "bad-2", changes: [{ id: "refund-3d", effective_from: "01/01/2027", patch: { exam_order: { refund_window: { hours: 72 } } } }] }],
  ["a future change dated without a time", { version: "bad-3", effective_from: "2027-01-01", exam_order: { refund_window: { hours: 72 } } }],
];
for (const [name, file] of refused) {
  test(`the footer announces nothing of a file with ${name}: it is refused whole, the default decides`, async () => {
    const { env } = await site(JSON.stringify(file));
    const { page, context, problems } = await openPaused(env, `${env.url}purchase.html?lang=en`, "2026-12-31T12:00:00+08:00");
    assert.equal(await page.getByTestId("policy-change").count(), 0);
    assert.equal(await page.getByTestId("policy-footer").getAttribute("data-version"), "2025-04-08");
    assert.equal(await page.getByTestId("policy-notice").getAttribute("data-reason"), "invalid");
    assert.equal(await page.getByTestId("policy-notice").textContent(),
      "The policy update is not valid and was not applied; decisions use policy version 2025-04-08.");
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test("a valid future change is announced with its instant in China time, in every locale (never \"(UTCZ)\")", async () => {
  const { env } = await site(JSON.stringify({
    version: "ops-1",
    changes: [{ id: "refund-3d", effective_from: "2026-12-31T16:00:00Z", patch: { exam_order: { refund_window: { hours: 72 } } } }],
  }));
  const want = {
    en: "From 2027-01-01 00:00 China time, change refund-3d applies to orders paid from then.",
    "zh-CN": "自 2027-01-01 00:00（北京时间）起支付的订单适用策略变更 refund-3d。",
    "zh-Hant": "自 2027-01-01 00:00（北京時間）起支付的訂單適用策略變更 refund-3d。",
  };
  for (const [lang, text] of Object.entries(want)) {
    const { page, context, problems } = await openPaused(env, `${env.url}purchase.html?lang=${lang}`, "2026-12-20T12:00:00+08:00");
    assert.deepEqual(await footerChanges(page), [text], lang);
    assert.equal(await page.getByTestId("policy-footer").getAttribute("data-version"), "ops-1");
    assert.equal(await page.getByTestId("policy-notice").count(), 0);
    assert.deepEqual(problems(), [], lang);
    await context.close();
  }
});

test("the training element says the policy's own tiers: a second tier at 50 % is 50 % in the facts, the legend and the days", async () => {
  const { env } = await site(JSON.stringify({
    version: "tiers-50",
    training: { refund_tiers: [{ more_than_working_days: 10, percent: 100 }, { more_than_working_days: 5, percent: 50 }] },
  }));
  const { page, context, problems } = await openPaused(env, `${env.url}training.html?lang=en`, "2026-09-01T12:00:00+08:00");
  await page.getByTestId("today").fill("2026-09-01");
  await page.getByTestId("class-start").fill("2026-10-12");
  await page.getByTestId("paid").fill("3580");
  const shadow = (sel) => page.locator("#training").evaluate((el, s) => [...el.shadowRoot.querySelectorAll(s)].map((n) => n.textContent), sel);
  await page.waitForFunction(() => document.getElementById("training").shadowRoot.querySelector('dd[data-name="partial-until"]')?.textContent.includes("2026-09-28"));
  const labels = await shadow("dt");
  assert.ok(labels.includes("50% refund: last day to apply"), labels.join(" | "));
  assert.ok(!labels.some((l) => l.includes("70")), labels.join(" | "));
  assert.deepEqual((await shadow("[part~=legend] li")).slice(0, 3), ["Full refund", "50% refund", "No refund"]);
  const day = await page.locator("#training").evaluate((el) => el.shadowRoot.querySelector('[data-date="2026-09-21"]').dataset.sentence);
  assert.match(day, /50% refund/);
  assert.doesNotMatch(day, /70/);
  assert.deepEqual(problems(), []);
  await context.close();
});
