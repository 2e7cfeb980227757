// @vitest-environment jsdom
// A component test of <certpolicy-refund> in Vitest with jsdom and no
// configuration: the elements load the engine from the .wasm on disk; an
// element created (and given its order) before certpolicy/elements was
// imported keeps that order when it is upgraded; JSON text works as a property.
import { expect, test, vi } from "vitest";

const order = { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] };
const EXPECTED = "refund allowed until 2026-11-26T10:00:00+08:00 (120000 fen)";
const said = (r) => (r.ok ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)` : `error ${r.error.detail} ${r.error.cause ?? r.error.message}`);

/** The element's next decision (its certpolicy-decision event). */
const decision = (el) => new Promise((resolve) => el.addEventListener("certpolicy-decision", (e) => resolve(e.detail), { once: true }));

test("an element given its order before the elements were defined decides with it", async () => {
  const errors = vi.spyOn(console, "error");
  const early = document.createElement("certpolicy-refund");
  early.setAttribute("locale", "en");
  early.setAttribute("now", "2026-11-22T10:00:00+08:00");
  early.order = order;  // an own property of a not-yet-defined element
  const next = decision(early);
  document.body.append(early);
  await import("certpolicy/elements");
  expect(said(await next)).toBe(EXPECTED);
  expect(early.shadowRoot.querySelector("[part~=verdict]").dataset.state).toBe("open");
  expect(errors).not.toHaveBeenCalled();
});

test("an object input given as JSON text (what a server render passes)", async () => {
  await import("certpolicy/elements");
  const el = document.createElement("certpolicy-refund");
  el.setAttribute("locale", "en");
  el.setAttribute("now", "2026-11-22T10:00:00+08:00");
  el.order = JSON.stringify(order);
  const next = decision(el);
  document.body.append(el);
  expect(said(await next)).toBe(EXPECTED);
});
