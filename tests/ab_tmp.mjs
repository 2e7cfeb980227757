import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { CHROMIUM_ARGS } from "/work/main/tests/browser/harness.mjs";
const port = 8768;
const server = spawn(process.execPath, ["/work/main/scripts/serve.mjs", "--port", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((r) => server.stdout.once("data", r));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const pages = process.argv.slice(2);
const res = Object.fromEntries(pages.map((p) => [p, []]));
for (let round = 0; round < 15; round++) for (const p of pages) {
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/${p}`);
  await page.waitForSelector("body[data-ready=true]");
  res[p].push(await page.evaluate(() => [performance.getEntriesByName("certpolicy:first-decision")[0].startTime, performance.getEntriesByName("certpolicy:engine-start")[0]?.startTime ?? -1]));
  await context.close();
}
for (const p of pages) { const xs = res[p].sort((a, b) => a[0] - b[0]); console.log(p.padEnd(18), "median", xs[7][0].toFixed(1), "engine-start", xs[7][1].toFixed(1), "q1", xs[3][0].toFixed(1), "q3", xs[11][0].toFixed(1)); }
await browser.close(); server.kill();
