// How the elements write China time (wasm/elements/format.js): the same text
// as the engine's sentences, a day's last moment included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chinaTime } from "../../wasm/elements/format.js";

test("chinaTime writes instants as the engine's sentences do", () => {
  const cases = [
    ["2026-11-26T10:00:00+08:00", "2026-11-26 10:00"],
    ["2026-11-26T10:00:30+08:00", "2026-11-26 10:00:30"],
    ["2027-03-01T23:59:59.999+08:00", "2027-03-01 24:00"],
    ["2027-03-01T23:59:59+08:00", "2027-03-01 23:59:59"],
    ["2024-02-29T23:59:59.999+08:00", "2024-02-29 24:00"],
    [null, "—"],
  ];
  for (const [iso, shown] of cases) assert.equal(chinaTime(iso), shown, iso);
});
