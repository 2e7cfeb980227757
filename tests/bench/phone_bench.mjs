// The first decision on a phone: the purchase page under Lighthouse's mobile
// throttling, applied through the DevTools protocol (4× CPU slowdown; 150 ms
// round trip, 1.6 Mbps down / 750 Kbps up, as Lighthouse's DevTools throttling
// sets them: latency 150 × 3.75 = 562.5 ms per request, throughput × 0.9), a
// fresh context per visit (empty cache), 390×844, medians of the rounds, with
// the two references measured in the same run: a static page's first paint
// (tests/browser/reference/floor.html) and the engine alone
// (reference/engine-only.html). Also the bytes each visit transferred (the
// encoded bodies and headers the network saw before the page was ready).
// A benchmark (figures, no assertion; docs/PERFORMANCE.md records them):
//   cd tests && node bench/phone_bench.mjs [--rounds N] [--page purchase]   (default 5; scripts/bench)
//   --smoke: one round, to show it still runs (the browser suite's bench smoke test)
import { fileURLToPath } from "node:url";
import { startBrowser } from "../browser/harness.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROUNDS = args.includes("--smoke") ? 1 : Number(arg("--rounds", 5));
const PAGE = arg("--page", "purchase");

/** Lighthouse's mobile defaults (constants.throttling.mobileSlow4G, DevTools-applied values). */
export const PHONE_THROTTLING = {
  cpu: 4,
  latencyMs: 150 * 3.75,
  downloadBytesPerSecond: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadBytesPerSecond: (750 * 1024 * 0.9) / 8,
  viewport: { width: 390, height: 844 },
};

const env = await startBrowser({ mounts: [["/__ref/", fileURLToPath(new URL("../browser/reference/", import.meta.url))]], ownBrowser: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Opens `path` throttled in a fresh context; resolves with [ms from `measure`, bytes transferred until then]. */
async function visit(path, measure) {
  const context = await env.browser.newContext({ timezoneId: "Asia/Shanghai", viewport: PHONE_THROTTLING.viewport, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: PHONE_THROTTLING.latencyMs,
      downloadThroughput: PHONE_THROTTLING.downloadBytesPerSecond, uploadThroughput: PHONE_THROTTLING.uploadBytesPerSecond,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE_THROTTLING.cpu });
    await page.goto(`${env.url}${path}`, { waitUntil: "commit" });
    const ms = await measure(page);
    return [ms, bytes];
  } finally {
    await context.close();
  }
}

const firstPaint = async (page) => {
  await page.waitForFunction(() => performance.getEntriesByType("paint").length > 0, null, { timeout: 0 });
  return page.evaluate(() => performance.getEntriesByType("paint")[0].startTime);
};
const firstDecision = async (page) => {
  await page.waitForSelector("body[data-ready=true]", { timeout: 0 });
  return page.evaluate(() => performance.getEntriesByName("certpolicy:first-decision")[0].startTime);
};

try {
  const runs = { floor: [], engine: [], page: [] };
  // Interleaved, so a machine that slows down mid-run weighs on all three alike.
  for (let k = 0; k < ROUNDS; k++) {
    runs.floor.push(await visit("__ref/floor.html", firstPaint));
    runs.engine.push(await visit("__ref/engine-only.html", firstDecision));
    runs.page.push(await visit(`${PAGE}.html`, firstDecision));
  }
  const ms = (r) => median(r.map((x) => x[0]));
  const kb = (r) => median(r.map((x) => x[1])) / 1024;
  const [floor, engine, page] = [ms(runs.floor), ms(runs.engine), ms(runs.page)];
  const t = PHONE_THROTTLING;
  console.log(`# phone (${t.cpu}× CPU, ${t.latencyMs} ms request latency, ${(t.downloadBytesPerSecond * 8 / 1024 / 1024).toFixed(2)} Mbps down, ` +
    `${(t.uploadBytesPerSecond * 8 / 1024).toFixed(0)} Kbps up, ${t.viewport.width}×${t.viewport.height}, fresh context each), medians of ${ROUNDS}:`);
  console.log(`# static page first paint ${floor.toFixed(0)} ms (${kb(runs.floor).toFixed(1)} KB); engine alone, first decision ${engine.toFixed(0)} ms ` +
    `(${kb(runs.engine).toFixed(1)} KB); ${PAGE} page, first decision ${page.toFixed(0)} ms (${kb(runs.page).toFixed(1)} KB transferred)`);
  console.log(`# phone ratios: ${PAGE} / static page ${(page / floor).toFixed(2)} (goal ≤ 2); ${PAGE} / engine alone ${(page / engine).toFixed(2)}; ` +
    `engine alone / static page ${(engine / floor).toFixed(2)}`);
} finally {
  await env.close();
}
