// Benchmark of the operator's commands (issue 27), figures only, no
// assertion: `policy diff` over a year with the complete corpus, and the
// replay of exported requests (--requests FILE.ndjson) at two sizes, with
// the peak resident memory of each run (memory is flat when the larger
// replay's peak is the smaller one's).
//   cd tests && node bench/policy_ops_bench.mjs [--quick | --smoke] [--json]
// --smoke (scripts/test, so that it cannot rot): a month's diff and 1 000 replayed requests.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliPath } from "../node/native_cli.mjs";
import { repoRoot } from "../node/case_files.mjs";

const quick = process.argv.includes("--quick");
const smoke = process.argv.includes("--smoke");
const asJson = process.argv.includes("--json");
const ops = path.join(repoRoot, "tests/policy/ops");
const results = {};

/**
 * Runs the CLI under /usr/bin/time: wall and CPU seconds (user + system: the
 * figure to compare on a machine shared with other work), peak RSS in MiB,
 * exit status.
 */
function timed(args) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", cliPath, ...args], { cwd: ops, maxBuffer: 1 << 28 });
  const [wall, kib, user, sys] = r.stderr.toString().trim().split("\n").pop().split(" ").map(Number);
  return { wall_s: wall, cpu_s: Math.round((user + sys) * 100) / 100, peak_rss_mib: Math.round(kib / 102.4) / 10, status: r.status };
}

/** `n` exported requests, one per line: exam orders, enrolments and code orders paid either side of 2027-01-01. */
async function writeRequests(file, n) {
  const out = createWriteStream(file);
  const base = Date.parse("2026-12-20T10:00:00+08:00");
  for (let k = 0; k < n; k++) {
    const paid = new Date(base + (k % 600) * 3_600_000 + (k % 7) * 60_000);
    const now = new Date(paid.getTime() + ((k % 9) * 13 + 1) * 3_600_000);
    const iso = (d) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + "+08:00";
    let request;
    if (k % 3 === 0) request = { type: "exam_order", now: iso(now), order: { paid_at: iso(paid) } };
    else if (k % 3 === 1) request = { type: "training", now: iso(now), enrolment: { class_start: "2027-01-12", paid_fen: 358000, paid_at: iso(paid) } };
    else request = { type: "exam_code_order", now: iso(now), order: { paid_at: iso(paid), codes: [{ state: "unused" }] } };
    const line = JSON.stringify({ ref: `REF-${k}`, request }) + "\n";
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const from = "2026-12-28";
const to = smoke ? "2027-01-28" : "2027-12-28";
results.diff_year = { args: `calendar-2027.json combined.json --from ${from} --to ${to}`,
  ...timed(["policy", "diff", "calendar-2027.json", "combined.json", "--from", from, "--to", to]) };

const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-replay-"));
try {
  for (const n of smoke ? [1_000] : quick ? [10_000, 100_000] : [100_000, 1_000_000]) {
    const file = path.join(dir, `requests-${n}.ndjson`);
    await writeRequests(file, n);
    results[`replay_${n}`] = { requests: n, ...timed(["policy", "diff", "calendar-2027.json", "combined.json", "--requests", file, "--json"]) };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (asJson) console.log(JSON.stringify(results));
else for (const [name, r] of Object.entries(results)) console.log(`${name}: ${r.wall_s} s wall, ${r.cpu_s} s CPU, peak RSS ${r.peak_rss_mib} MiB, exit ${r.status}`);
