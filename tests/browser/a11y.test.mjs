// axe-core on every page, in every locale, in the default and the result
// states (blocked, expired, with errors, 300 codes loaded): no serious or
// critical violation. The counts per page are printed. Each page's desktop
// screenshot (1280×900) is taken here, in the state SHOWN names.
import { after, before, describe as suite, test } from "node:test";
import assert from "node:assert/strict";
import { DESKTOP, LOCALES, PAGES, openPage, shoot, startBrowser } from "./harness.mjs";
import { axe, describe } from "./a11y.mjs";
import { SHOWN, STATES } from "./states.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

// The browser suite's longest file: two pages at a time, each page's locales at once (a page mostly waits on
// Chromium, so this shortens the wall time, not the work; every state is still checked in every locale).
// The check itself: a violation planted in the page and one in an element's shadow root are found.
test("axe finds a planted violation, in the page and in an element's shadow root", async () => {
  const { page, context } = await openPage(env.browser, `${env.url}purchase.html?lang=en`, { viewport: DESKTOP });
  await page.evaluate(() => {
    const faint = Object.assign(document.createElement("p"), { textContent: "faint" });
    faint.style.cssText = "color: #eee; background: #fff";
    document.querySelector("main").append(faint);
    document.querySelector("certpolicy-refund").shadowRoot.append(document.createElement("button"));
  });
  const { counts, violations } = await axe(page);
  assert.deepEqual(violations.map((v) => v.id).sort(), ["button-name", "color-contrast"]);
  assert.deepEqual(counts, { critical: 1, serious: 1, moderate: 0, minor: 0 });
  await context.close();
});

suite("axe on every page", { concurrency: 2 }, () => {
  for (const name of PAGES) {
    test(`axe: ${name} in ${LOCALES.join(", ")}, every state: no serious or critical violation`, async (t) => {
      const perLocale = await Promise.all(LOCALES.map(async (locale) => {
        const lines = [];
        const failures = [];
        const { page, context, problems } = await openPage(env.browser, `${env.url}${name}.html?lang=${locale}`, { viewport: DESKTOP, timezoneId: "America/Los_Angeles" });
        for (const [state, apply] of STATES[name]) {
          await apply(page);
          if (state === (SHOWN[name] ?? "default")) await shoot(page, name, locale, "desktop");
          const { counts, violations } = await axe(page);
          lines.push(`${name} ${locale} ${state}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}`);
          const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          if (bad.length) failures.push(`${locale} ${state}:\n${describe(bad)}`);
        }
        assert.deepEqual(problems(), [], locale);
        await context.close();
        return { lines, failures };
      }));
      for (const { lines } of perLocale) for (const line of lines) t.diagnostic(line);
      assert.deepEqual(perLocale.flatMap((x) => x.failures), []);
    });
  }
});
