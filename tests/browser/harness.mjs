// Starts the demo server (with its CSP) and Debian's Chromium for a suite.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const screenshotDir = fileURLToPath(new URL("../../build/screenshots/", import.meta.url));

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic",
];

/** The demo server (with its CSP) on a free port, `mounts` in front of the demo's own files: { url, close }. */
async function serveSite({ mounts = [] } = {}) {
  const { server, url } = await startServer({ port: 0, mounts });
  return { url, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * The demo server and Chromium for a suite: { url, browser, close }. A file that
 * needs several sites (each with its own policy.json) starts one browser and a
 * server per site (`policySites`): a browser costs a process tree, a server almost nothing.
 * Under `with_chromium.mjs` (scripts/test) the files connect to the one Chromium
 * it started; `ownBrowser` launches one anyway: a file that gives the page large
 * files by path (a connected browser gets each file uploaded to it), and the
 * benchmarks (their figures time the browser alone).
 */
export async function startBrowser({ mounts = [], ownBrowser = false } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  const site = await serveSite({ mounts });
  const shared = process.env.CERTPOLICY_CHROMIUM_WS;
  let browser;
  try {
    browser = shared && !ownBrowser
      ? await chromium.connect(shared)
      : await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    await site.close(); // (an open server would keep the file's process, and the suite, alive)
    throw error;
  }
  return {
    url: site.url,
    browser,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

/**
 * One Chromium for a file whose tests each need a site of their own: the demo
 * with its own /policy.json. `before(sites.start)`, `after(sites.close)`;
 * `await sites.withPolicy(text)` → { browser, url, write(text) } (`text` null:
 * no file, the demo's shipped {}; `write` replaces the file later).
 */
export function policySites() {
  let shared;
  const servers = [];
  return {
    async start() { shared = await startBrowser(); },
    async withPolicy(text) {
      const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-site-"));
      const write = (t) => writeFileSync(path.join(dir, "policy.json"), t);
      if (text !== null) write(text);
      const site = await serveSite({ mounts: [["/", dir]] });
      servers.push(site);
      return { browser: shared.browser, url: site.url, write };
    },
    async close() {
      for (const site of servers) await site.close();
      await shared?.close();
    },
  };
}

/**
 * The instant every page test runs at unless it names its own: the browser's
 * Date is fixed there, so a page shows the same day, countdown and calendar
 * year on any machine and on any date (its timers still run: a tick re-decides
 * the same answer; axe and the console's import use timers).
 */
export const TEST_NOW = "2026-12-04T10:00:00+08:00";

/** How long any wait may last before it counts as a hang. */
export const WAIT_LIMIT_MS = 10 * 60_000;

/**
 * Opens a page and records console errors, page errors and CSP violations;
 * `problems()` returns them (a test asserts it is empty).
 *
 * `clock`: `{ fixed: instant }` (default: TEST_NOW) → Date fixed there, timers
 * running; an instant → the page's clock is paused there, and time (Date and
 * timers) moves only when the test moves it (`page.clock.runFor(ms)`): for a
 * test about the passing of time; `null` → the real clock.
 *
 * A page with a fixed clock is reused: `context.close()` hands it back, and the
 * next test asking for the same zone, locale and instant navigates it to its own
 * URL (cookies, permissions and storage cleared first; the new document starts
 * from nothing). A fresh context costs a renderer process, ~3.7 CPU s where a
 * navigation costs ~0.6, and the suite opens a few hundred pages. A test that
 * does more with its context or page than a visit does (routes, init scripts,
 * the clock, listeners, its own viewport or media) gets a page no one reuses.
 */
export async function openPage(browser, url, { timezoneId = "Asia/Shanghai", locale = "zh-CN", viewport = { width: 1200, height: 900 }, clock = { fixed: TEST_NOW } } = {}) {
  const key = clock?.fixed && Object.keys(clock).length === 1 ? JSON.stringify([timezoneId, locale, clock.fixed]) : null;
  let kept = key ? idle(browser, key).pop() : undefined;
  if (kept) {
    await kept.context.clearCookies();
    await kept.context.clearPermissions();
    await kept.page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
    const size = kept.page.viewportSize();
    if (size.width !== viewport.width || size.height !== viewport.height) await kept.page.setViewportSize(viewport);
  } else {
    kept = { context: await browser.newContext({ timezoneId, locale, viewport }) };
    // Waits are on conditions; how long one may take is not a test's business, so
    // the limit only catches a hang (Playwright's 30 s would fail a busy machine).
    kept.context.setDefaultTimeout(WAIT_LIMIT_MS);
    if (typeof clock === "string") {
      // Both calls before the page exists: the page replays them and starts paused at
      // exactly `clock`, however long the calls took.
      await kept.context.clock.install({ time: clock });
      await kept.context.clock.pauseAt(clock);
    } else if (clock?.fixed) {
      await kept.context.clock.setFixedTime(clock.fixed);
    }
    kept.page = await kept.context.newPage();
  }
  const { page, context } = kept;
  const problems = [];
  const onConsole = (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); };
  const onError = (e) => problems.push(`pageerror: ${e.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  const lease = { reusable: key !== null };
  const close = async () => {
    page.off("console", onConsole);
    page.off("pageerror", onError);
    if (lease.reusable && !page.isClosed()) idle(browser, key).push(kept);
    else await context.close();
  };
  return { page: guarded(page, lease, PAGE_CHANGES), context: guarded(context, lease, null, close), problems: () => problems };
}

// The pages handed back, by browser, then by zone, locale and instant.
const IDLE = new WeakMap();
function idle(browser, key) {
  if (!IDLE.has(browser)) IDLE.set(browser, new Map());
  const byKey = IDLE.get(browser);
  if (!byKey.has(key)) byKey.set(key, []);
  return byKey.get(key);
}

// What a test may do to a page that a later visit would inherit.
const PAGE_CHANGES = new Set([
  "on", "once", "addListener", "prependListener", "route", "routeFromHAR", "routeWebSocket", "setViewportSize",
  "emulateMedia", "exposeFunction", "exposeBinding", "addInitScript", "clock", "context", "setExtraHTTPHeaders",
  "close", "setDefaultTimeout", "setDefaultNavigationTimeout", "addLocatorHandler", "requestGC",
]);

/**
 * `target` as the test sees it: everything works as on the object itself;
 * touching a name in `changes` (every name but close, when `changes` is null)
 * makes the page one no later test reuses; `close` (for the context) hands it back.
 */
function guarded(target, lease, changes, close) {
  return new Proxy(target, {
    get(object, name) {
      if (close && name === "close") return close;
      if (typeof name === "string" && (changes === null || changes.has(name))) lease.reusable = false;
      const value = Reflect.get(object, name, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

/** A download's text (UTF-8), read through its stream: a connected browser's download has no local path. */
export async function downloadedText(download) {
  return Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
}

/** The pages a candidate or an admin opens, and the locales they are shown in. */
export const PAGES = ["index", "purchase", "booking", "certificates", "practitioner", "training", "console", "catalogue"];
export const LOCALES = ["zh-CN", "en", "zh-Hant"];
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A screenshot of every page for a person to look at, taken by the tests that
 * already open each page in each locale (axe at DESKTOP, the phone layout at
 * PHONE): build/screenshots/<page>-<locale>-<desktop|phone>.png.
 */
export async function shoot(page, name, locale, size) {
  const file = `${screenshotDir}${name}-${locale}-${size}.png`;
  await page.screenshot({ path: file, fullPage: true });
  assert.ok(statSync(file).size > 5000, file);
}
