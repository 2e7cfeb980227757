import { startBrowser } from "./browser/harness.mjs";
const env = await startBrowser();
for (let k = 0; k < 4; k++) {
  const context = await env.browser.newContext({ timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const trace = k === 3;
  if (trace) await env.browser.startTracing(page, { path: "/tmp/trace.json", categories: ["devtools.timeline", "blink.user_timing", "v8.execute", "loading"] });
  await page.goto(`${env.url}purchase.html`);
  await page.waitForSelector("body[data-ready=true]");
  const r = await page.evaluate(() => performance.getEntries().filter((e) => e.entryType !== "resource").map(e => `${e.entryType} ${e.name.slice(-40)} ${e.startTime.toFixed(1)} +${e.duration.toFixed(1)}`));
  if (trace) { await env.browser.stopTracing(); console.log(r.join("\n")); }
  await context.close();
}
await env.close();
