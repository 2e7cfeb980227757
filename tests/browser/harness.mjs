// Starts the demo server (with its CSP) and Debian's Chromium for a suite.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const screenshotDir = fileURLToPath(new URL("../../build/screenshots/", import.meta.url));

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic",
];

export async function startBrowser({ mounts = [] } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  const { server, url } = await startServer({ port: 0, mounts });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * Opens a page and records console errors, page errors and CSP violations;
 * `problems()` returns them (a test asserts it is empty).
 */
export async function openPage(browser, url, { timezoneId = "Asia/Shanghai", locale = "zh-CN", viewport = { width: 1200, height: 900 }, clock } = {}) {
  const context = await browser.newContext({ timezoneId, locale, viewport });
  // A fake clock from `clock` (an instant) on, moved only by the test (context.clock.runFor).
  if (clock) await context.clock.install({ time: clock });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return { page, context, problems: () => problems };
}

/** The pages a candidate or an admin opens, and the locales they are shown in. */
export const PAGES = ["index", "purchase", "booking", "certificates", "practitioner", "training", "console", "catalogue"];
export const LOCALES = ["zh-CN", "en", "zh-Hant"];
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
