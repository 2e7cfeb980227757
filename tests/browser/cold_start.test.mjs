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
  const parts = [];
  for (let k = 0; k < 7; k++) {
    const context = await env.browser.newContext({ timezoneId: "Asia/Shanghai" });  // a fresh cache each time
    const page = await context.newPage();
    await page.goto(`${env.url}purchase.html`);
    await page.waitForSelector("body[data-ready=true]");
    const { ms, engine, start } = await page.evaluate(() => ({
      ms: performance.getEntriesByName("certpolicy:first-decision")[0].startTime,
      start: performance.getEntriesByName("certpolicy:engine-start")[0].startTime,
      engine: performance.getEntriesByName("certpolicy:create-engine")[0].duration,
    }));
    parts.push([start, engine]);
    assert.equal(await page.getByTestId("verdict").isVisible(), true);
    times.push(ms);
    await context.close();
  }
  const mid = parts.sort((a, b) => a[0] + a[1] - b[0] - b[1])[3];
  times.sort((a, b) => a - b);
  console.log(`# cold start breakdown (median run): modules ready at ${mid[0].toFixed(1)} ms, createEngine (fetch+compile+instantiate+policy) ${mid[1].toFixed(1)} ms`);
  console.log(`# cold start (navigation → first decision): median ${times[3].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[6].toFixed(1)} ms over 7 fresh contexts`);
});
