// Jest with jsdom and nothing else configured: require("certpolicy") loads
// the CommonJS entry (the .wasm read from disk, TextEncoder/TextDecoder from
// Node where jsdom has none) and the decision is shown in the test's DOM.
const { createEngine } = require("certpolicy");

test("the engine decides an exam order inside jsdom", async () => {
  const errors = jest.spyOn(console, "error");
  const engine = await createEngine();
  const r = engine.evaluate({
    type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00",
    order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] },
  });
  document.body.innerHTML = '<p id="out"></p>';
  document.getElementById("out").textContent = r.ok
    ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)`
    : `error ${r.error.message}`;
  expect(document.getElementById("out").textContent).toBe("refund allowed until 2026-11-26T10:00:00+08:00 (120000 fen)");
  expect(errors).not.toHaveBeenCalled();
});

test("a camelCase field is named first, with the snake_case it means", async () => {
  const engine = await createEngine();
  const r = engine.evaluate({ type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00", order: { paidAt: "2026-11-21T10:00:00+08:00" } });
  expect(r.ok).toBe(false);
  expect(r.error.path).toBe("order.paidAt");
  expect(r.error.expected).toBe("paid_at");
});
