// Published policy patches on the pages (docs/OPERATIONS.md): a valid patch
// decides; a broken, oversized or unreachable one never breaks a page: the
// embedded default decides and a discreet notice says so; one not yet in
// effect is announced in the footer.
// Every deciding page names the policy version in its footer.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { openPage, policySites, screenshotDir } from "./harness.mjs";

const sites = policySites();
before(sites.start);
after(sites.close);

/** A demo server whose /policy.json is `text` (null: the shipped {}). */
const siteWith = (text) => sites.withPolicy(text);

async function refundDeadline(env) {
  const { page, context, problems } = await openPage(env.browser, `${env.url}purchase.html?lang=en`, { locale: "en-US" });
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill("2026-11-21T10:00");
  await page.getByTestId("now").fill("2026-11-22T10:00");
  const deadline = page.locator('#refund [part~="deadline"]');
  await page.waitForFunction(() => document.getElementById("refund").shadowRoot.querySelector('[part~="deadline"]')?.textContent.includes("2026"));
  const out = {
    deadline: await deadline.textContent(),
    footer: await page.getByTestId("policy-footer").getAttribute("data-version"),
    notice: await page.getByTestId("policy-notice").count() ? await page.getByTestId("policy-notice").textContent() : null,
    reason: await page.getByTestId("policy-notice").count() ? await page.getByTestId("policy-notice").getAttribute("data-reason") : null,
  };
  return { out, page, context, problems };
}

const DEFAULT_DEADLINE = /^2026-11-26 10:00/;
const refund7d = { version: "test-refund-7d", exam_order: { refund_window: { hours: 168 } } };

test("a valid published patch decides: refund window 5 → 7 days on the purchase page", async () => {
  const env = await siteWith(JSON.stringify(refund7d));
  const { out, page, context, problems } = await refundDeadline(env);
  assert.match(out.deadline, /^2026-11-28 10:00/);
  assert.equal(out.footer, "test-refund-7d");
  assert.equal(out.notice, null);
  assert.equal(await page.getByTestId("policy-footer").textContent(), "Decisions use policy version test-refund-7d");
  await page.screenshot({ path: path.join(screenshotDir, "policy-published-en.png"), fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

const broken = [
  ["not JSON", "{ \"version\": ", "invalid", "The policy update is not valid and was not applied; decisions use policy version 2025-04-08."],
  ["a misspelled key", JSON.stringify({ version: "x", exam_order: { refund_windw: { hours: 1 } } }), "invalid", null],
  ["a senseless window", JSON.stringify({ version: "x", exam_order: { flows: { purchase_then_book: { change_window: { hours: 9000 } } } } }), "invalid", null],
  ["over 1 MiB", JSON.stringify({ version: "x", source: "y".repeat(1.5 * 1024 * 1024) }), "too_large", null],
];
for (const [name, text, reason, message] of broken) {
  test(`a published patch that is ${name} leaves the default deciding, with a notice`, async () => {
    const env = await siteWith(text);
    const { out, context, problems } = await refundDeadline(env);
    assert.match(out.deadline, DEFAULT_DEADLINE);
    assert.equal(out.footer, "2025-04-08");
    assert.equal(out.reason, reason);
    if (message) assert.equal(out.notice, message);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test("a published patch not yet in effect is announced, names the file's version, and governs only orders paid from its date", async () => {
  const env = await siteWith(JSON.stringify({ ...refund7d, effective_from: "2099-01-01T00:00:00+08:00" }));
  const { out, page, context, problems } = await refundDeadline(env);
  assert.match(out.deadline, DEFAULT_DEADLINE);
  assert.equal(out.footer, "test-refund-7d");
  assert.equal(out.reason, null);
  assert.deepEqual(await page.getByTestId("policy-change").allTextContents(),
    ["From 2099-01-01 00:00 China time, change test-refund-7d applies to orders paid from then."]);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a patch whose effective_from has passed applies", async () => {
  const env = await siteWith(JSON.stringify({ ...refund7d, effective_from: "2026-01-01T00:00:00+08:00" }));
  const { out, context } = await refundDeadline(env);
  assert.match(out.deadline, /^2026-11-28 10:00/);
  assert.equal(out.reason, null);
  await context.close();
});

test("an unreachable policy file leaves the default deciding, with a notice", async () => {
  const env = await siteWith(JSON.stringify(refund7d));
  const context = await env.browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await context.route("**/policy.json", (route) => route.abort("connectionrefused"));
  const page = await context.newPage();
  await page.goto(`${env.url}purchase.html`);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getByTestId("policy-footer").getAttribute("data-version"), "2025-04-08");
  assert.equal(await page.getByTestId("policy-notice").textContent(), "暂时无法获取策略更新；当前按策略版本 2025-04-08 决策。");
  await context.close();
});

test("the shipped {} policy: the default decides, no notice, on every deciding page", async () => {
  const env = await siteWith(null);
  for (const name of ["purchase", "booking", "certificates", "practitioner", "training", "console", "catalogue"]) {
    const { page, context, problems } = await openPage(env.browser, `${env.url}${name}.html`);
    await page.waitForSelector("[data-testid=policy-footer]");
    assert.equal(await page.getByTestId("policy-footer").getAttribute("data-version"), "2025-04-08", name);
    assert.equal(await page.getByTestId("policy-footer").textContent(), "决策所用策略版本：2025-04-08", name);
    assert.equal(await page.getByTestId("policy-notice").count(), 0, name);
    assert.deepEqual(problems(), [], name);
    await context.close();
  }
});
