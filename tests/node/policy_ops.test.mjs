// Issue 27, policy operations: every case of the issue through the native
// CLI, with its exact output and exit status (tests/policy/ops/ holds the
// files, tests/policy/expected/ops-*.txt the outputs). Before → after is in
// each case's name; docs/OPERATIONS.md explains each output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cliPath, haveCli } from "./native_cli.mjs";
import { repoRoot } from "./case_files.mjs";

const skip = haveCli() ? false : "native CLI not built";
const dir = path.join(repoRoot, "tests/policy/ops");
const expectedDir = path.join(repoRoot, "tests/policy/expected");
// Requests that do not say when they are decided are decided at this moment (`--now`, `--at`).
const NOW = "2026-12-28T12:00:00+08:00";

/** The CLI in tests/policy/ops/, `stdin` a file there. */
export function run(args, stdin) {
  const r = spawnSync(cliPath, args, { cwd: dir, maxBuffer: 1 << 26, input: stdin ? readFileSync(path.join(dir, stdin)) : "" });
  return { status: r.status, out: r.stdout.toString() };
}

// [name (the case: before → now), arguments, stdin file, exit status, expected output file]
export const CASES = [
  // A dated change withdraws what is live.
  ["one effective_from for a calendar and a window: refused, with how to split it (was: the calendar withheld until 2027-01-01)",
    ["policy", "check", "combined-one-date.json"], null, 1, "ops-check-combined-one-date.txt"],
  ["the calendar at once and the window dated, in one file of changes",
    ["policy", "check", "combined.json"], null, 0, "ops-check-combined.txt"],
  ["diff calendar → calendar + dated window: only orders paid from 2027-01-01 change, no class refund (was: every exam order, the class 70 % → 100 %)",
    ["policy", "diff", "calendar-2027.json", "combined.json", "--from", "2026-12-28", "--to", "2027-01-12"], null, 0, "ops-diff-calendar-to-combined.txt"],
  ["a class on 2027-01-12 decided on 2026-12-28: 70 % with the combined file too (was: 100 %)",
    ["eval", "--policy", "combined.json"], "training-2027-01-12.json", 0, "ops-eval-training-combined.txt"],
  // The diff and eval ignored effective_from; changes applied retroactively.
  ["diff of a window dated 2027-01-01: changes only for orders paid from then (was: every order, decided on any day)",
    ["policy", "diff", "../noop.json", "refund-3d-2027.json", "--from", "2026-12-30", "--to", "2027-01-02"], null, 0, "ops-diff-refund-dated.txt"],
  ["an order paid 2026-12-30 keeps its 5 days on 2027-01-02; one paid 2027-01-02 has 3 (was: \"Not refundable\" on 01-02)",
    ["eval", "--policy", "refund-3d-2027.json"], "requests-retroactive.json", 0, "ops-eval-retroactive.txt"],
  // Announced before validated: refused whole, where it is wrong.
  ["a future change with refund_windw: refused at its line (was: announced, then silently not applied)",
    ["policy", "check", "future-misspelled.json"], null, 1, "ops-check-future-misspelled.txt"],
  ["effective_from \"2027-01-01\": refused (was: announced by the page)",
    ["policy", "check", "future-date-only.json"], null, 1, "ops-check-future-date-only.txt"],
  ["effective_from \"01/01/2027\": refused (was: announced by the page)",
    ["policy", "check", "future-slashes.json"], null, 1, "ops-check-future-slashes.txt"],
  // The diff could not see some fields; changes under no rule.
  ["vouchers made refundable: seen, EXO-10 (was: no decision changes)",
    ["policy", "diff", "../noop.json", "vouchers-refundable.json", "--from", "2026-12-01", "--to", "2026-12-02"], null, 0, "ops-diff-vouchers.txt"],
  ["the Macao prefix dropped: seen, BKG-1 (was: no decision changes)",
    ["policy", "diff", "../noop.json", "no-macao.json", "--from", "2026-12-01", "--to", "2026-12-02"], null, 0, "ops-diff-no-macao.txt"],
  ["lab results 14 → 30 days: seen, EXO-8 (was: no decision changes)",
    ["policy", "diff", "../noop.json", "lab-results-30d.json", "--from", "2026-12-01", "--to", "2026-12-02"], null, 0, "ops-diff-lab-results.txt"],
  ["a reminder change: counted under EXO-3 (was: under no rule)",
    ["policy", "diff", "../noop.json", "reminders.json", "--from", "2026-12-01", "--to", "2026-12-02"], null, 0, "ops-diff-reminders.txt"],
  ["a 2027 calendar: every changed class decision under a rule (was: training 2380 changed, 1401 attributed)",
    ["policy", "diff", "../noop.json", "calendar-2027.json", "--from", "2026-12-28", "--to", "2027-01-12"], null, 0, "ops-diff-calendar.txt"],
  ["a key no decision reads: named as such (was: \"no decision changes\" only)",
    ["policy", "diff", "../noop.json", "seat-hold.json", "--from", "2026-12-01", "--to", "2026-12-02"], null, 0, "ops-diff-seat-hold.txt"],
  // policy check passed what ships wrong.
  ["no version: refused (was: valid, the footer naming the built-in version)", ["policy", "check", "no-version.json"], null, 1, "ops-check-no-version.txt"],
  ["the built-in version reused: refused (was: valid)", ["policy", "check", "builtin-version.json"], null, 1, "ops-check-builtin-version.txt"],
  ["a key given twice: refused at the second (was: the last kept in silence)", ["policy", "check", "duplicate-key.json"], null, 1, "ops-check-duplicate-key.txt"],
  ["a one-entry catalogue list: refused, 42 entries named as dropped (was: valid)", ["policy", "check", "one-entry-catalogue.json"], null, 1, "ops-check-one-entry-catalogue.txt"],
  ["catalogue entries changed by id: valid, the keys listed", ["policy", "check", "catalogue-by-id.json"], null, 0, "ops-check-catalogue-by-id.txt"],
  ["a dropped training tier: a warning (was: silent)", ["policy", "check", "dropped-tier.json"], null, 0, "ops-check-dropped-tier.txt"],
  ["a dropped training tier with --strict: refused", ["policy", "check", "dropped-tier.json", "--strict"], null, 1, "ops-check-dropped-tier.txt"],
  ["a partial 2026 that would wipe its holidays: refused (was: valid, still verified)", ["policy", "check", "partial-2026.json"], null, 1, "ops-check-partial-2026.txt"],
  ["a notice naming another year: refused (was: valid)", ["policy", "check", "notice-other-year.json"], null, 1, "ops-check-notice-other-year.txt"],
  ["a make-up day on a weekday: refused (was: valid)", ["policy", "check", "makeup-weekday.json"], null, 1, "ops-check-makeup-weekday.txt"],
  ["a year without its notice: a warning", ["policy", "check", "uncited-2027.json"], null, 0, "ops-check-uncited-2027.txt"],
  ["an empty file: refused, as the page refuses it (was: valid for the CLI)", ["policy", "check", "empty.json"], null, 1, "ops-check-empty.txt"],
  ["a raw Latin-1 byte: refused at it, as the page refuses it (was: applied by the page)", ["policy", "check", "latin1.json"], null, 1, "ops-check-latin1.txt"],
  ["a syntax error: its line and column, \"the policy file is not valid JSON\" (was: neither, and \"the request\")", ["policy", "check", "syntax-error.json"], null, 1, "ops-check-syntax-error.txt"],
  // Sentences the policy could not change.
  ["a patched mobile prefix is said (was: \"starting with 1\")", ["eval", "--policy", "mobile-9.json"], "booking-phone.json", 0, "ops-eval-mobile-9.txt"],
  ["CAL-2: data without a cited notice and no data said apart (was: \"Monday to Friday is assumed\" for both)",
    ["eval", "--policy", "uncited-2027.json", "--now", NOW], "working-days-2027-2029.json", 0, "ops-eval-uncited.txt"],
  ["a second training tier at 50 %: the sentence says 50 % and its last day", ["eval", "--policy", "tier-50.json"], "training-tier.json", 0, "ops-eval-tier-50.txt"],
  // policy test, replay.
  ["policy test: a pinned case that the change breaks fails, exit 4", ["policy", "test", "refund-3d-2027.json", "cases-refund-3d.json"], null, 4, "ops-test-refund-3d.txt"],
  ["replay of exported requests: each changed one with its line and reference", ["policy", "diff", "calendar-2027.json", "combined.json", "--requests", "exported.ndjson", "--at", NOW], null, 0, "ops-replay.txt"],
  ["replay with an allow-list the change is outside: exit 4", ["policy", "diff", "calendar-2027.json", "combined.json", "--requests", "exported.ndjson", "--at", NOW, "--allow-rules", "CAL-1,CAL-2,CAL-3,TRN-3"], null, 4, "ops-replay-not-allowed.txt"],
  ["replay as NDJSON", ["policy", "diff", "calendar-2027.json", "combined.json", "--requests", "exported.ndjson", "--at", NOW, "--json"], null, 0, "ops-replay.ndjson"],
];

for (const [name, args, stdin, status, file] of CASES) {
  test(`issue 27: ${name}`, { skip }, () => {
    const r = run(args, stdin);
    assert.equal(r.out, readFileSync(path.join(expectedDir, file), "utf8"));
    assert.equal(r.status, status);
  });
}

test("issue 27: the default range of a diff is a year from today's China date (was: 1 January of this year)", { skip }, () => {
  const r = run(["policy", "diff", "../noop.json", "../noop.json"]);
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const [y, m, d] = today.split("-").map(Number);
  const end = new Date(Date.UTC(y + 1, m - 1, Math.min(d, new Date(Date.UTC(y + 1, m, 0)).getUTCDate()))).toISOString().slice(0, 10);
  assert.equal(r.out.split("\n")[0], `policy diff 2025-04-08 -> 2025-04-08, ${today} .. ${end} (exclusive)`);
  assert.equal(r.status, 0);
});

test("issue 27: a diff's allow-lists give CI its exit status", { skip }, () => {
  const args = ["policy", "diff", "../noop.json", "reminders.json", "--from", "2026-12-01", "--to", "2026-12-02"];
  assert.equal(run([...args, "--allow-rules", "EXO-3"]).status, 0);
  assert.equal(run([...args, "--allow-rules", "EXO-4"]).status, 4);
  assert.equal(run([...args, "--allow-types", "exam_order"]).status, 0);
  assert.equal(run([...args, "--allow-types", "training"]).status, 4);
  assert.equal(run([...args, "--allow-rules", ""]).status, 4);
  assert.equal(run(["policy", "diff", "../noop.json", "seat-hold.json", "--from", "2026-12-01", "--to", "2026-12-02", "--allow-rules", ""]).status, 0);
  const json = JSON.parse(run([...args, "--allow-rules", "EXO-4", "--json"]).out);
  assert.equal(json.changed.not_allowed, json.changed.total);
  assert.deepEqual(json.changed.unattributed_fields, []);
});
