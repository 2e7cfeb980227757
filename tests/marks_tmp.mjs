import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { CHROMIUM_ARGS } from "/work/main/tests/browser/harness.mjs";
const port = 8766;
const server = spawn(process.execPath, ["/work/main/scripts/serve.mjs", "--port", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((r) => server.stdout.once("data", r));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const rows = [];
for (let round = 0; round < 11; round++) {
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/${process.argv[2]}`);
  await page.waitForSelector("body[data-ready=true]");
  rows.push(await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((e) => [e.name.replace("certpolicy:", ""), e.startTime]))));
  await context.close();
}
const keys = Object.keys(rows[0]);
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const out = []; let prev = 0;
for (const k of keys) { const v = med(rows.map((r) => r[k])); out.push(`${k} ${v.toFixed(1)}`); }
const d = (a, b) => med(rows.map((r) => r[b] - r[a])).toFixed(1);
console.log(out.join(" | "));
console.log("create", d("engine-start", "create"), "eval1", d("create", "eval1"), "eval2", d("eval1", "eval2"));
await browser.close(); server.kill();
