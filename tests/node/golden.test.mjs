// Every answer of the case files and the differential corpus is byte-identical
// to tests/golden/answers.json (recorded before the core's files were moved
// into folders). An answer changed on purpose: `node node/golden.mjs --record`,
// and say why in the commit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { GOLDEN, differences, fingerprints } from "./golden.mjs";

test("golden answers: case files and the 12 000-request corpus answer the recorded bytes", async () => {
  const want = JSON.parse(readFileSync(GOLDEN, "utf8"));
  const got = await fingerprints();
  assert.equal(got.corpus.count, 12000);
  assert.ok(Object.keys(got.cases).length >= 400);
  assert.deepEqual(differences(want, got), []);
});

test("golden answers: the check names what differs", () => {
  const want = { cases: { "a.json#x": "1", "a.json#y": "2" }, corpus: { count: 1000, slices: ["p", "q"] } };
  const got = { cases: { "a.json#x": "1", "a.json#z": "3" }, corpus: { count: 1000, slices: ["p", "r"] } };
  assert.deepEqual(differences(want, got), ["case a.json#y: 2 → absent", "case a.json#z: absent → 3", "corpus requests 500–999"]);
});
