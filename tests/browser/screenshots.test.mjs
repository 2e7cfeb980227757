// Screenshots of every page at 1280×900 and 390×844 in zh-CN, en and zh-Hant
// (build/screenshots/<page>-<locale>-<desktop|phone>.png), for a person to
// look at; the console with 300 codes loaded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { DESKTOP, LOCALES, PAGES, PHONE, openPage, screenshotDir, startBrowser } from "./harness.mjs";
import { STATES } from "./states.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

test(`screenshots: ${PAGES.length} pages × ${LOCALES.length} locales × desktop and phone`, async (t) => {
  let n = 0;
  for (const name of PAGES) {
    for (const locale of LOCALES) {
      for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
        const { page, context, problems } = await openPage(env.browser, `${env.url}${name}.html?lang=${locale}`, { viewport, timezoneId: "America/Los_Angeles" });
        if (name === "console") await STATES.console[1][1](page);
        const file = `${screenshotDir}${name}-${locale}-${size}.png`;
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(statSync(file).size > 5000, file);
        assert.deepEqual(problems(), []);
        await context.close();
        n += 1;
      }
    }
  }
  t.diagnostic(`${n} screenshots in ${screenshotDir}`);
});
