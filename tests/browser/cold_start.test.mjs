// Page cold start in Chromium: from navigation to the first decision shown on
// the purchase page, served by the local demo server (reported, not asserted).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startBrowser } from "./harness.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

test("purchase page: navigation to first decision", async () => {
  const times = [];
  for (let k = 0; k < 7; k++) {
    const context = await env.browser.newContext({ timezoneId: "Asia/Shanghai" });  // a fresh cache each time
    const page = await context.newPage();
    await page.goto(`${env.url}purchase.html`);
    await page.waitForSelector("body[data-ready=true]");
    const ms = await page.evaluate(() => performance.getEntriesByName("certpolicy:first-decision")[0].startTime);
    assert.equal(await page.getByTestId("verdict").isVisible(), true);
    times.push(ms);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`# cold start (navigation → first decision): median ${times[3].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[6].toFixed(1)} ms over 7 fresh contexts`);
});
