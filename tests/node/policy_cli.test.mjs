// `certpolicy policy check` and `policy diff` on the fixtures of tests/policy/
// (test-only patches): exact expected output and exit status.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cliPath, haveCli } from "./native_cli.mjs";
import { repoRoot } from "./case_files.mjs";

const skip = haveCli() ? false : "native CLI not built";
const dir = path.join(repoRoot, "tests/policy");

function run(...args) {
  const r = spawnSync(cliPath, ["policy", ...args], { cwd: dir, maxBuffer: 1 << 26 });
  return { status: r.status, out: r.stdout.toString() };
}
const expected = (name) => readFileSync(path.join(dir, "expected", name), "utf8");

const cases = [
  ["check of an empty patch: the default policy", ["check", "noop.json"], 0, "check-noop.txt"],
  ["check of a test-only 2027 calendar", ["check", "calendar-2027-test.json"], 0, "check-calendar-2027-test.txt"],
  ["check --json of a patch that applies later", ["check", "future-refund-7d.json", "--json"], 0, "check-future-refund-7d.json"],
  ["check of a misspelled key names it and exits 1", ["check", "misspelled.json"], 1, "check-misspelled.txt"],
  ["diff of a no-op patch over a year reports no change", ["diff", "noop.json", "noop.json", "--from", "2026-01-01", "--to", "2027-01-01"], 0, "diff-noop.txt"],
  ["diff: refund window 5 → 7 days", ["diff", "noop.json", "refund-7d.json", "--from", "2026-11-20", "--to", "2026-11-23"], 0, "diff-refund-7d.txt"],
  ["diff --json: refund window 5 → 7 days", ["diff", "noop.json", "refund-7d.json", "--from", "2026-11-20", "--to", "2026-11-23", "--json"], 0, "diff-refund-7d.json"],
  ["diff: a new lifecycle date", ["diff", "noop.json", "lifecycle.json", "--from", "2026-11-25", "--to", "2026-12-05"], 0, "diff-lifecycle.txt"],
  ["diff: a 2027 calendar", ["diff", "noop.json", "calendar-2027-test.json", "--from", "2026-12-28", "--to", "2027-01-12"], 0, "diff-calendar-2027-test.txt"],
];

for (const [name, args, status, file] of cases) {
  test(`policy ${name}`, { skip }, () => {
    const r = run(...args);
    assert.equal(r.status, status);
    assert.equal(r.out, expected(file));
  });
}

test("policy diff --json counts agree with the corpus and name the rules", { skip }, () => {
  const d = JSON.parse(run("diff", "noop.json", "refund-7d.json", "--from", "2026-11-20", "--to", "2026-11-23", "--json").out);
  assert.equal(d.old_version, "2025-04-08");
  assert.equal(d.new_version, "test-refund-7d");
  assert.equal(Object.values(d.requests.by_type).reduce((a, b) => a + b, 0), d.requests.total);
  assert.equal(Object.values(d.changed.by_type).reduce((a, b) => a + b, 0), d.changed.total);
  assert.equal(d.kinds.reduce((a, k) => a + k.count, 0), d.changed.total);
  assert.deepEqual(Object.keys(d.changed.by_type), ["exam_order", "exam_code_order"].filter((t) => t in d.changed.by_type));
  assert.ok(d.changed.by_rule["EXO-4"] > 0);
});

test("policy commands refuse bad arguments and unreadable files", { skip }, () => {
  assert.equal(run("check").status, 2);
  assert.equal(run("diff", "noop.json").status, 2);
  assert.equal(run("diff", "noop.json", "noop.json", "--from", "2026-02-30").status, 2);
  assert.equal(run("diff", "noop.json", "noop.json", "--from", "2026-02-01", "--to", "2026-01-01").status, 2);
  const r = run("check", "no-such-file.json");
  assert.equal(r.status, 2);
  assert.equal(JSON.parse(r.out).error.detail, "UNREADABLE");
  assert.equal(run("diff", "noop.json", "misspelled.json").status, 1);
});
