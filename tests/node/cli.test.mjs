// The native CLI reads boundedly and fails as a program should: JSON errors
// and documented exit statuses for unreadable policy files, exit 3 when the
// answer cannot be written, TOO_LARGE at once for an endless stdin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, chmodSync, openSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliPath, haveCli } from "./native_cli.mjs";

const skip = haveCli() ? false : "native CLI not built";
const request = JSON.stringify({ type: "working_day", date: "2026-11-26" });

function run(args, input = request, options = {}) {
  const r = spawnSync(cliPath, args, { input, maxBuffer: 1 << 28, ...options });
  return { status: r.status, out: r.stdout ? r.stdout.toString() : "", err: r.stderr ? r.stderr.toString() : "" };
}

test("a --policy naming a directory is a JSON error and exit 2, not an abort", { skip }, () => {
  const r = run(["eval", "--policy", tmpdir()]);
  assert.equal(r.status, 2);
  const e = JSON.parse(r.out);
  assert.equal(e.ok, false);
  assert.equal(e.error.code, "INVALID_POLICY");
  assert.equal(e.error.detail, "UNREADABLE");
  assert.match(e.error.message, /not a regular file/);
});

test("a missing --policy file is a JSON error and exit 2", { skip }, () => {
  const r = run(["eval", "--policy", path.join(tmpdir(), "no-such-certpolicy-file.json")]);
  assert.equal(r.status, 2);
  assert.equal(JSON.parse(r.out).error.detail, "UNREADABLE");
});

test("an unreadable --policy file is a JSON error and exit 2", { skip: skip || (process.getuid?.() === 0 ? "root reads any file" : false) }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-"));
  const file = path.join(dir, "p.json");
  writeFileSync(file, "{}");
  chmodSync(file, 0);
  const r = run(["eval", "--policy", file]);
  assert.equal(r.status, 2);
  assert.equal(JSON.parse(r.out).error.detail, "UNREADABLE");
});

test("an invalid policy file is INVALID_POLICY and exit 1", { skip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-"));
  const file = path.join(dir, "p.json");
  writeFileSync(file, JSON.stringify({ exam_order: { refund_windw: { hours: 1 } } }));
  const r = run(["eval", "--policy", file]);
  assert.equal(r.status, 1);
  const e = JSON.parse(r.out).error;
  assert.deepEqual([e.detail, e.path, e.expected], ["UNKNOWN_FIELD", "exam_order.refund_windw", "refund_window"]);
});

test("a policy file over 1 MiB is refused as TOO_LARGE without reading it whole", { skip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-"));
  const file = path.join(dir, "p.json");
  writeFileSync(file, " ".repeat(8 << 20));
  const r = run(["eval", "--policy", file]);
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.out).error.detail, "TOO_LARGE");
});

test("an answer that cannot be written exits 3", { skip: skip || (existsSync("/dev/full") ? false : "no /dev/full") }, () => {
  const fd = openSync("/dev/full", "w");
  try {
    const r = spawnSync(cliPath, ["eval"], { input: request, stdio: ["pipe", fd, "pipe"] });
    assert.equal(r.status, 3);
    assert.match(r.stderr.toString(), /cannot write/);
  } finally {
    closeSync(fd);
  }
});

test("an endless stdin is answered TOO_LARGE after the limit plus one byte", { skip }, async () => {
  // 64 MiB + 1 is read, then the answer comes at once: the writer is never
  // waited for to finish (it would write forever).
  const child = spawn(cliPath, ["eval"], { stdio: ["pipe", "pipe", "ignore"] });
  const chunk = Buffer.alloc(1 << 20, 0x20);
  chunk[0] = 0x5b;  // "[": a batch, limit 64 MiB
  let written = 0;
  let stop = false;
  child.stdin.on("error", () => {});
  const pump = () => {
    while (!stop && child.stdin.write(written === 0 ? chunk : chunk.fill(0x20, 0, 1))) written += chunk.length;
    if (!stop) {
      written += chunk.length;
      child.stdin.once("drain", pump);
    }
  };
  pump();
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const status = await new Promise((resolve) => child.on("close", resolve));
  stop = true;
  assert.equal(status, 0);
  const e = JSON.parse(out).error;
  assert.equal(e.detail, "TOO_LARGE");
  assert.ok(written < 80 << 20, `the CLI took ${written} bytes before answering`);
});

test("a NUL byte after the request is malformed JSON", { skip }, () => {
  const r = run(["eval"], Buffer.concat([Buffer.from(request), Buffer.from([0]), Buffer.from("garbage")]));
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.out).error.detail, "MALFORMED_JSON");
});
