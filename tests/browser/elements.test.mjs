// certpolicy/elements in Chromium, from the package files the demo server
// ships: property and JSON attribute, locale switch, the decision event, a
// fixed `now`, one shared engine, theming hooks, the timeline's order and now
// marker, narrow layout, refused input, keyboard and axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { TEST_NOW, openPage, startBrowser } from "./harness.mjs";
import { axe, describe } from "./a11y.mjs";

let env;
const fixture = fileURLToPath(new URL("elements/", import.meta.url));
before(async () => { env = await startBrowser({ mounts: [["/elements/", fixture]] }); });
after(async () => { await env?.close(); });

/** The text of `part` inside element `id` (the first match), once the element has decided. */
const partText = (page, id, part) => page.locator(`#${id}`).evaluate((el, p) =>
  el.shadowRoot.querySelector(p.split(" ").map((token) => `[part~="${token}"]`).join(""))?.textContent ?? null, part);
const decided = (page, id) => page.waitForFunction((i) => document.getElementById(i).result !== null, id);

async function open(options) {
  const opened = await openPage(env.browser, `${env.url}elements/index.html`, options);
  for (const id of ["refund", "booking", "timeline", "certificate", "practitioner", "training"]) await decided(opened.page, id);
  return opened;
}

test("elements: attribute input decides; a property replaces it; each change sends certpolicy-decision", async () => {
  const { page, context, problems } = await open();
  assert.equal(await partText(page, "refund", "verdict"), "Refundable");
  assert.match(await partText(page, "refund", "value deadline"), /^2026-11-26 10:00 \(China time\)/);
  // English money as the engine's English sentences write it (CNY), one notation on the card.
  assert.equal(await partText(page, "refund", "value amount"), "CNY 1000.00");
  assert.equal(await partText(page, "refund", "breakdown"), "Online payment CNY 1000.00");
  assert.equal(await partText(page, "refund", "countdown"), "2 d 00:00:00");
  assert.match(await partText(page, "refund", "next-step"), /^Next step: Book an exam/);
  const events = await page.evaluate(() => window.decisions.filter((d) => d.id === "refund").length);
  assert.equal(events, 1);
  // A property: the order, refunded once already.
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById("refund");
    el.addEventListener("certpolicy-decision", (e) => resolve({ ok: e.detail.ok, allowed: e.detail.refund.allowed }), { once: true });
    el.order = { paid_at: "2026-11-21T10:00:00+08:00", refunded: true };
  }));
  assert.deepEqual(detail, { ok: true, allowed: false });
  // The verdict is the engine's refund.state ("refunded"), never a bare "not refundable".
  assert.equal(await partText(page, "refund", "verdict"), "Already refunded");
  assert.equal(await page.locator("#refund").evaluate((el) => el.shadowRoot.querySelector('[part~="verdict"]').dataset.state), "refunded");
  assert.equal(await partText(page, "refund", "countdown"), "—");
  // A new input is always answered with an event, even when the answer is the same; it is not said again.
  const said = await page.locator("#refund").evaluate((el) => el.shadowRoot.querySelector("[role=status]").textContent);
  await page.evaluate(() => { document.getElementById("refund").order = { paid_at: "2026-11-21T10:00:00+08:00", refunded: true }; });
  await page.waitForFunction(() => window.decisions.filter((d) => d.id === "refund").length === 3);
  assert.equal(await page.locator("#refund").evaluate((el) => el.shadowRoot.querySelector("[role=status]").textContent), said);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: with a booking to cancel first that locks before the window ends, the countdown runs to the cancel deadline", async () => {
  const { page, context, problems } = await open();
  // The fixture decides at 2026-11-24 10:00; the window ends 11-26 10:00; the exam at 11-28 09:00 can be cancelled until 11-25 09:00.
  await page.evaluate(() => { document.getElementById("refund").order = { paid_at: "2026-11-21T10:00:00+08:00", booking: { status: "booked", exam_at: "2026-11-28T09:00:00+08:00" } }; });
  await page.waitForFunction(() => document.getElementById("refund").result?.refund.state === "cancel_booking_first");
  assert.match(await partText(page, "refund", "value cancel-by"), /^2026-11-25 09:00 \(China time\)/);
  assert.match(await partText(page, "refund", "value deadline"), /^2026-11-26 10:00 \(China time\)/);
  assert.equal(await partText(page, "refund", "countdown"), "23:00:00");
  assert.match(await page.locator("#refund").evaluate((el) => el.summary(el.result)), /Cancel the booking by \(for a refund\): 2026-11-25 09:00/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: locale attribute switches the element's words and the engine's sentences (zh-CN, zh-Hant, en)", async () => {
  const { page, context, problems } = await open();
  await page.locator("#refund").evaluate((el) => el.setAttribute("locale", "zh-Hant"));
  await page.waitForFunction(() => document.getElementById("refund").shadowRoot.textContent.includes("可以退款"));
  assert.match(await partText(page, "refund", "next-step"), /^下一步： 請預約考試/);
  assert.match(await partText(page, "refund", "value deadline"), /^2026-11-26 10:00 \(北京時間\)/);
  await page.locator("#refund").evaluate((el) => { el.locale = "zh-CN"; });
  await page.waitForFunction(() => document.getElementById("refund").shadowRoot.textContent.includes("北京时间"));
  assert.match(await partText(page, "refund", "next-step"), /^下一步： 请预约考试/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: a fixed now does not tick; without it the countdown runs", async () => {
  // The page's clock is paused: it moves only by runFor, so "ticked" and "did not
  // tick" are facts of the test, not of the machine's speed.
  const { page, context, problems } = await open({ clock: TEST_NOW });
  const fixed = await partText(page, "refund", "countdown");
  await page.clock.runFor(1300);
  assert.equal(await partText(page, "refund", "countdown"), fixed);
  await page.locator("#refund").evaluate((el) => {
    el.removeAttribute("now");
    el.order = { paid_at: new Date(Date.now() - 3600e3).toISOString() };
  });
  await page.waitForFunction(() => document.getElementById("refund").shadowRoot.querySelector('[part~="countdown"]').textContent === "4 d 23:00:00");
  const events = await page.evaluate(() => window.decisions.length);
  await page.clock.runFor(1300);
  await page.waitForFunction(() => document.getElementById("refund").shadowRoot.querySelector('[part~="countdown"]').textContent === "4 d 22:59:59");
  assert.equal(await page.evaluate(() => window.decisions.length), events, "a tick that changes nothing else sends no event");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: one engine for the page (the .wasm is fetched once for six elements)", async () => {
  // The real clock: a faked one replaces `performance`, whose resource entries this counts.
  const { page, context, problems } = await open({ clock: null });
  const fetched = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).length);
  assert.equal(fetched, 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: theming by CSS custom properties and ::part()", async () => {
  const { page, context, problems } = await open();
  const style = await page.locator("#refund").evaluate((el) => {
    const s = getComputedStyle(el.shadowRoot.querySelector('[part~="verdict"]'));
    return { color: s.color, weight: s.fontWeight };
  });
  assert.deepEqual(style, { color: "rgb(0, 80, 40)", weight: "800" });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: the timeline in time order with now; vertical when narrow; points reachable by keyboard", async () => {
  const { page, context, problems } = await open();
  const points = () => page.locator("#timeline").evaluate((el) => [...el.shadowRoot.querySelectorAll('[part~="point"]')]
    .map((li) => ({ key: li.dataset.key, state: li.dataset.state, x: li.getBoundingClientRect().x, y: li.getBoundingClientRect().y, tab: li.tabIndex })));
  const list = await points();
  assert.deepEqual(list.map((p) => `${p.key}:${p.state}`), ["paid:past", "now:now", "refund_deadline:next", "change_deadline:future",
    "check_in_by:future", "ends_at:future", "results_at:future", "results_by:future", "reminder-0:future", "reminder-1:future", "reminder-2:future",
    "reminder-3:future", "valid_until:future", "certificate_renew_from:future", "certificate_renew_by:future", "certificate_valid_until:future"]);
  // One Tab stop, the next point; the arrows move along the axis and the point moved to becomes the stop.
  assert.deepEqual(list.filter((p) => p.tab === 0).map((p) => p.key), ["refund_deadline"]);
  // Left to right in a row; a row that does not fit wraps below (reading order is time order).
  assert.ok(list.every((p, k) => k === 0 || (p.y === list[k - 1].y ? p.x > list[k - 1].x : p.y > list[k - 1].y)), "left to right, rows top to bottom, when wide");
  // The next point is said under the axis; a focused point says itself there.
  assert.match(await partText(page, "timeline", "detail"), /^Refund window ends: 2026-11-26 10:00 \(next\)\.$/);
  await page.locator("#timeline").evaluate((el) => el.shadowRoot.querySelector('[data-key="refund_deadline"]').focus());
  await page.keyboard.press("Home");
  assert.match(await partText(page, "timeline", "detail"), /^Paid: 2026-11-21 10:00 \(passed\)\.$/);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator("#timeline").evaluate((el) => el.shadowRoot.activeElement.dataset.key), "refund_deadline");
  await page.keyboard.press("End");
  assert.equal(await page.locator("#timeline").evaluate((el) => el.shadowRoot.activeElement.dataset.key), "certificate_valid_until");
  assert.deepEqual((await points()).filter((p) => p.tab === 0).map((p) => p.key), ["certificate_valid_until"]);
  await page.keyboard.press("Home");
  assert.match(await partText(page, "timeline", "detail"), /^Paid: 2026-11-21 10:00 \(passed\)\.$/);
  // A pointed-at point says itself; once the pointer leaves the points, the focused one is said again.
  await page.locator("#timeline").evaluate((el) => el.shadowRoot.querySelector('[data-key="valid_until"]').scrollIntoView());
  const box = await page.locator("#timeline").evaluate((el) => { const r = el.shadowRoot.querySelector('[data-key="valid_until"]').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => document.getElementById("timeline").shadowRoot.querySelector('[part~="detail"]').textContent.startsWith("Order valid until"));
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getElementById("timeline").shadowRoot.querySelector('[part~="detail"]').textContent.startsWith("Paid"));
  await page.locator("#timeline").evaluate((el) => { el.style.width = "320px"; });
  const narrow = await points();
  assert.ok(narrow.every((p, k) => k === 0 || (p.y > narrow[k - 1].y && p.x === narrow[0].x)), "top to bottom when narrow");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: certificate, practitioner and training show their answers", async () => {
  const { page, context, problems } = await open();
  assert.equal(await partText(page, "certificate", "verdict"), "Expiring soon");
  assert.equal(await partText(page, "certificate", "value valid-until"), "2027-01-10");
  const slots = await page.locator("#practitioner").evaluate((el) => [...el.shadowRoot.querySelectorAll('[part~="slot"]')].map((s) => s.textContent));
  assert.deepEqual(slots, ["Failed 55", "Unused", "Unused"]);
  assert.equal(await partText(page, "practitioner", "left"), "2 of 3 left");
  // PRA: after a pass nothing is "left" to take; the count says on which attempt it was passed.
  await page.locator("#practitioner").evaluate((el) => {
    el.attempts = [...el.attempts, { taken_at: "2026-10-12T10:00:00+08:00", score: 80 }];
  });
  await page.waitForFunction(() => document.querySelector("#practitioner").result?.passed === true);
  assert.equal(await partText(page, "practitioner", "left"), "Passed on attempt 2 of 3");
  assert.equal(await partText(page, "training", "verdict"), "Refund share 100%");
  const bands = await page.locator("#training").evaluate((el) => [...el.shadowRoot.querySelectorAll("td[data-band]")].map((td) => td.dataset.band));
  assert.ok(bands.includes("100") && bands.includes("70") && bands.includes("0"));
  const start = await page.locator("#training").evaluate((el) => el.shadowRoot.querySelector('td[part~="class-start"]').dataset.date);
  assert.equal(start, "2026-09-30");
  // The calendar is one tab stop that the arrow keys walk; the day is said under it.
  await page.locator("#training").evaluate((el) => el.shadowRoot.querySelector('td[tabindex="0"]').focus());
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.locator("#training").evaluate((el) => el.shadowRoot.activeElement.dataset.date), "2026-09-29");
  assert.match(await partText(page, "training", "detail"), /^Tue, Sep 29, 2026 · /);
  assert.equal(await page.locator("#training").evaluate((el) => el.shadowRoot.querySelectorAll('td[tabindex="0"]').length), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: refused input is said in the element's language, with the field, and sent as a failure", async () => {
  const { page, context, problems } = await open();
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById("refund");
    el.addEventListener("certpolicy-decision", (e) => resolve({ ok: e.detail.ok, path: e.detail.error?.path }), { once: true });
    el.order = { paid_at: "2026-11-21T10:00:00+08:00", platformFault: true };
  }));
  assert.deepEqual(detail, { ok: false, path: "order.platformFault" });
  assert.match(await partText(page, "refund", "error"), /platformFault.*platform_fault/);
  await page.locator("#booking").evaluate((el) => el.setAttribute("order", "{not json"));
  await page.waitForFunction(() => document.getElementById("booking").result?.ok === false);
  assert.equal(await page.locator("#booking").evaluate((el) => el.result.error.path), "order");
  assert.equal(await partText(page, "booking", "error"), "The order attribute is not valid JSON.");
  // And it keeps working.
  await page.locator("#booking").evaluate((el) => { el.order = { paid_at: "2026-11-21T10:00:00+08:00", booking: { status: "booked", exam_at: "2026-12-10T09:00:00+08:00" } }; });
  await page.waitForFunction(() => document.getElementById("booking").result?.ok === true);
  assert.match(await partText(page, "booking", "value change-deadline"), /^2026-12-07 09:00/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: EXO-9 the booking badge tells the platform's choice, not the changed session's closed windows", async () => {
  const { page, context, problems } = await open();
  const order = { paid_at: "2026-11-21T10:00:00+08:00", booking: { status: "booked", exam_at: "2026-11-26T09:00:00+08:00" } };
  const verdict = page.locator('#booking [part~="verdict"]');
  await page.locator("#booking").evaluate((el, o) => { el.order = o; }, order);
  await page.waitForFunction(() => document.getElementById("booking").result?.booking.state === "locked");
  assert.equal(await verdict.textContent(), "Can no longer be changed or cancelled");
  await page.locator("#booking").evaluate((el, o) => { el.order = { ...o, platform_fault: "exam_time_changed" }; }, order);
  await page.waitForFunction(() => document.getElementById("booking").result?.booking.state === "platform_changed");
  assert.equal(await verdict.textContent(), "The exam time was changed by Tencent Cloud: a refund or the nearest session, your choice");
  assert.equal(await verdict.getAttribute("data-tone"), "warn");
  assert.match(await partText(page, "booking", "next-step"), /a refund, or a seat in the nearest session/);
  // Paid by vouchers only, a refund returns nothing: the badge says the one choice left, as the next step does.
  await page.locator("#booking").evaluate((el, o) => { el.order = { ...o, platform_fault: "exam_time_changed", payments: [{ method: "voucher", amount_fen: 30000 }] }; }, order);
  await page.waitForFunction(() => document.getElementById("booking").result?.next_step?.code === "NEXT_TAKE_NEAREST_SESSION");
  assert.equal(await verdict.textContent(), "The exam time was changed by Tencent Cloud: take the nearest session");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: a property set before the element was defined is kept; JSON text as a property; it wins over a server's attribute", async () => {
  const { page, context, problems } = await open();
  const seen = await page.evaluate(async () => {
    const { CertpolicyRefund } = await import("/pkg/elements/index.js");
    // What a framework does with a lazily defined element: render it, with the attribute a
    // server wrote for an object and the object as a property, then define it.
    const el = document.createElement("certpolicy-refund-late");
    el.setAttribute("locale", "en");
    el.setAttribute("now", "2026-11-22T10:00:00+08:00");
    el.setAttribute("order", "[object Object]");
    el.order = { paid_at: "2026-11-21T10:00:00+08:00", refunded: true };
    document.body.append(el);
    const first = new Promise((resolve) => el.addEventListener("certpolicy-decision", (e) => resolve(e.detail), { once: true }));
    customElements.define("certpolicy-refund-late", class extends CertpolicyRefund {});
    const a = await first;
    const second = new Promise((resolve) => el.addEventListener("certpolicy-decision", (e) => resolve(e.detail), { once: true }));
    el.order = JSON.stringify({ paid_at: "2026-11-21T10:00:00+08:00" });
    const b = await second;
    // No own property is left to hide the class's accessor (the value went through it).
    return { own: Object.hasOwn(el, "order"), a: [a.ok, a.refund?.state], b: [b.ok, b.refund?.state] };
  });
  assert.deepEqual(seen, { own: false, a: [true, "refunded"], b: [true, "open"] });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: axe finds no serious or critical violation, in every locale", async (t) => {
  const { page, context, problems } = await open();
  for (const locale of ["en", "zh-CN", "zh-Hant"]) {
    // Each element answers a locale change with a decision event: wait for all of them.
    await page.evaluate((l) => {
      const els = [...document.querySelectorAll("main [id]")];
      window.relocalised = new Set();
      for (const el of els) el.addEventListener("certpolicy-decision", () => window.relocalised.add(el.id), { once: true });
      for (const el of els) el.setAttribute("locale", l);
    }, locale);
    await page.waitForFunction(() => window.relocalised.size === document.querySelectorAll("main [id]").length);
    const { counts, violations } = await axe(page);
    t.diagnostic(`elements ${locale}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}`);
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => v.id), [], describe(bad) + JSON.stringify(bad.map((v) => v.nodes.map((n) => n.failureSummary))));
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

// The clock is faked from two seconds before a minute turns, so the "now" point's
// minute changes while a point has the focus (a real clock did that in about one
// run in thirty). Paid on 11-29 11:00, the refund deadline (EXO-4) is that minute:
// the focused point then goes behind "now" — "now" moves, the focused node never does.
// Nothing in the elements re-finds or restores focus: the node is kept by construction.
const FOCUS_CASES = [  // point, paid at, its state after
  ["refund_deadline", "2026-12-04T09:59:00+08:00", "next"], ["paid", "2026-12-04T09:59:00+08:00", "past"],
  ["refund_deadline", "2026-11-29T11:00:00+08:00", "past"],
];
for (const [key, paid, state] of FOCUS_CASES) {
  test(`elements: a focused timeline point (${key}, ${state} after) is the very node, focused, while the element follows the clock past a minute`, async () => {
    const { page, context, problems } = await open({ clock: "2026-12-04T10:59:58+08:00" });
    await page.locator("#timeline").evaluate((el, p) => { el.removeAttribute("now"); el.order = { paid_at: p }; }, paid);
    await page.waitForFunction(() => document.getElementById("timeline").shadowRoot.querySelector('[part~=point][data-state=now] time')?.textContent.endsWith("10:59"));
    await page.locator("#timeline").evaluate((el, k) => {
      const li = el.shadowRoot.querySelector(`[data-key="${k}"]`);
      window.focusedPoint = li;
      li.focus();
    }, key);
    await page.clock.runFor(4000);
    assert.match(await partText(page, "timeline", "point now"), /11:00$/);
    const after = await page.locator("#timeline").evaluate((el) => {
      const li = el.shadowRoot.activeElement;
      return { same: li === window.focusedPoint, key: li?.dataset.key, state: li?.dataset.state,
        detail: el.shadowRoot.querySelector("[part~=detail]").textContent === li?.dataset.sentence };
    });
    assert.deepEqual(after, { same: true, key, state, detail: true });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test("elements: a selection in a ticking card stays across ticks (the words around it are written in place)", async () => {
  const { page, context, problems } = await open({ clock: TEST_NOW });
  await page.locator("#refund").evaluate((el) => { el.removeAttribute("now"); el.order = { paid_at: "2026-12-03T10:00:00+08:00" }; });
  await page.waitForFunction(() => document.getElementById("refund").shadowRoot.querySelector('[part~="countdown"]').textContent === "4 d 00:00:00");
  const selected = await page.locator("#refund").evaluate((el) => {
    const dd = el.shadowRoot.querySelector('[part~="value"][part~="deadline"]');
    window.selectedNode = dd.firstChild;
    getSelection().setBaseAndExtent(dd.firstChild, 0, dd.firstChild, dd.firstChild.length);
    return getSelection().toString();
  });
  assert.match(selected, /^2026-12-08 10:00/);
  await page.clock.runFor(3000);
  await page.waitForFunction(() => document.getElementById("refund").shadowRoot.querySelector('[part~="countdown"]').textContent === "3 d 23:59:57");
  const kept = await page.evaluate(() => ({ text: getSelection().toString(), same: getSelection().anchorNode === window.selectedNode }));
  assert.deepEqual(kept, { text: selected, same: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: built once: a new answer writes into the same nodes; updateComplete resolves with it", async () => {
  const { page, context, problems } = await open();
  const same = await page.evaluate(async () => {
    const el = document.getElementById("refund");
    const before = [...el.shadowRoot.querySelectorAll("[part]")];
    el.order = { paid_at: "2026-11-21T10:00:00+08:00", refunded: true };
    const r = await el.updateComplete;
    const after = [...el.shadowRoot.querySelectorAll("[part]")];
    const parts = (nodes) => [...new Set(nodes.map((n) => n.getAttribute("part")))].sort();
    return { state: r.refund.state, result: r === el.result, removed: parts(before.filter((n) => !n.isConnected)),
      added: parts(after.filter((n) => !before.includes(n))), verdict: before.includes(el.shadowRoot.querySelector('[part~="verdict"]')) };
  });
  // Only list items come and go (the payment split's line; the reasons after the first ones); the card's nodes stay.
  assert.deepEqual(same, { state: "refunded", result: true, removed: ["method", "reason"], added: [], verdict: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: a property set before the element is defined is kept (the upgrade pattern)", async () => {
  const { page, context, problems } = await open();
  const state = await page.evaluate(async () => {
    const { CertpolicyRefund } = await import("/pkg/elements/refund.js");
    const el = document.createElement("certpolicy-late-refund");
    el.setAttribute("locale", "en");
    el.setAttribute("now", "2026-11-24T10:00:00+08:00");
    el.order = { paid_at: "2026-11-21T10:00:00+08:00", refunded: true };
    document.body.append(el);
    class Late extends CertpolicyRefund {}
    Late.define("certpolicy-late-refund");
    const r = await el.updateComplete;
    return r.refund.state;
  });
  assert.equal(state, "refunded");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: a pointed-at timeline point's words stay under the axis while the clock runs; the next one's come back after", async () => {
  const { page, context, problems } = await open({ clock: "2026-12-04T10:59:58+08:00" });
  await page.locator("#timeline").evaluate((el) => { el.removeAttribute("now"); el.order = { paid_at: "2026-12-04T09:59:00+08:00" }; });
  await page.waitForFunction(() => document.getElementById("timeline").shadowRoot.querySelector('[data-key="paid"]'));
  const sentence = (k) => page.locator(`#timeline [data-key="${k}"]`).getAttribute("data-sentence");
  await page.locator('#timeline [data-key="paid"]').hover();
  await page.locator("#timeline").evaluate((el) => { window.hoveredPoint = el.shadowRoot.querySelector('[data-key="paid"]'); });
  await page.clock.runFor(4000);
  assert.equal(await partText(page, "timeline", "detail"), await sentence("paid"));
  assert.equal(await page.evaluate(() => window.hoveredPoint.isConnected && window.hoveredPoint.matches(":hover")), true, "the very node, still under the pointer");
  await page.mouse.move(0, 0);
  await page.clock.runFor(1500);
  assert.equal(await partText(page, "timeline", "detail"), await sentence("refund_deadline"));
  assert.deepEqual(problems(), []);
  await context.close();
});

test("elements: hostile inputs (a throwing Proxy, wrong types) get an answer; the element keeps working", async () => {
  const { page, context, problems } = await open();
  const answers = await page.evaluate(async () => {
    // Each input is answered with a decision event: wait for it, not for a time.
    const set = (el, name, value) => {
      const answered = new Promise((r) => el.addEventListener("certpolicy-decision", r, { once: true }));
      el[name] = value;
      return answered;
    };
    const refund = document.getElementById("refund");
    await set(refund, "order", new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } }));
    const a = refund.result.ok;
    const cert = document.getElementById("certificate");
    await set(cert, "passes", "2025-01-10");
    const b = cert.result.error?.path;
    await set(cert, "passes", [42]);
    const c = cert.result.error?.path;
    await set(cert, "passes", ["2025-01-10"]);
    return [a, b, c, cert.result.ok];
  });
  assert.equal(answers[0], false);
  assert.equal(answers[1], "passes");
  assert.equal(answers[2], "passes[0]");
  assert.equal(answers[3], true);
  assert.deepEqual(problems(), []);
  await context.close();
});
