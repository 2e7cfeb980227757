// At 390×844, in every locale: nothing scrolls sideways, the header is one
// line with a Menu button that opens the links, and the answer (verdict and
// deadline) is above the fold, in every state of the page. Each page's phone
// screenshot is taken here, in the state SHOWN names.
import { after, before, describe as suite, test } from "node:test";
import assert from "node:assert/strict";
import { LOCALES, PAGES, PHONE, openPage, shoot, startBrowser } from "./harness.mjs";
import { SHOWN, STATES } from "./states.mjs";

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

// The part of each page's element that carries its answer, and the one with its deadline ("a|b": whichever the
// answer shows; a booked exam that must be moved shows the moment to move it by in place of the change deadline).
const ANSWER = {
  purchase: ["verdict", "deadline"], booking: ["verdict", "change-deadline|move-by"], certificates: ["verdict", "valid-until"],
  practitioner: ["meter", "next"], training: ["verdict", "full-until"],
};

// Two pages at a time, each page's locales at once (a page mostly waits on Chromium).
suite("every page on a phone", { concurrency: 2 }, () => {
  for (const name of PAGES) {
    test(`phone: ${name} fits 390 px in every locale and state; header one line; answer above the fold`, async (t) => {
      await Promise.all(LOCALES.map(async (locale) => {
        const { page, context, problems } = await openPage(env.browser, `${env.url}${name}.html?lang=${locale}`, { viewport: PHONE });
        for (const [state, apply] of STATES[name]) {
          await apply(page);
          await page.evaluate(() => window.scrollTo(0, 0));
          if (state === (SHOWN[name] ?? "default")) await shoot(page, name, locale, "phone");
          const where = `${name} ${locale} ${state}`;
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= PHONE.width, `${where}: the page is ${width} px wide`);
          const header = await page.locator("#top").boundingBox();
          assert.ok(header.height <= 64, `${where}: the header is ${header.height} px high`);
          const errorState = state.startsWith("errors");
          if (ANSWER[name] && !errorState) {
            for (const id of ANSWER[name]) {
              const box = await page.locator(id.split("|").map((p) => `[part~="${p}"]:visible`).join(", ")).first().boundingBox();
              assert.ok(box, `${where}: ${id} is shown`);
              assert.ok(box.y + box.height <= PHONE.height, `${where}: ${id} ends at ${Math.round(box.y + box.height)} px, below the fold`);
            }
          }
          if (ANSWER[name] && errorState) {
            const box = await page.getByTestId("failure").boundingBox();
            const inline = await page.locator(".error:not(:empty)").first().boundingBox();
            assert.ok(box || inline, `${where}: the error is shown`);
            if (box) assert.ok(box.y + box.height <= PHONE.height, `${where}: the error is below the fold`);
          }
        }
        // The links fold behind Menu; it opens and closes them, and says so.
        const menu = page.locator("#menu");
        assert.equal(await menu.isVisible(), true);
        assert.equal(await page.locator("#site-menu nav").isVisible(), false);
        await menu.click();
        assert.equal(await menu.getAttribute("aria-expanded"), "true");
        assert.equal(await page.locator("#site-menu nav a").count(), 8);
        assert.equal(await page.locator("#site-menu nav a").first().isVisible(), true);
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width);
        await menu.click();
        assert.equal(await page.locator("#site-menu nav").isVisible(), false);
        // Escape closes it from inside (a link focused), focus back on the button.
        await menu.click();
        await page.locator("#site-menu nav a").first().focus();
        await page.keyboard.press("Escape");
        assert.equal(await menu.getAttribute("aria-expanded"), "false");
        assert.equal(await page.locator("#site-menu nav").isVisible(), false);
        assert.equal(await page.evaluate(() => document.activeElement?.id), "menu");
        t.diagnostic(`${name} ${locale}: ${STATES[name].length} states fit`);
        assert.deepEqual(problems(), []);
        await context.close();
      }));
    });
  }
});
