// The native CLI reads boundedly and fails as a program should: JSON errors
// and documented exit statuses for unreadable policy files (a FIFO too, even
// one swapped in at the last moment), exit 3 when the answer cannot be
// written (a full disk, a reader gone), TOO_LARGE at once for an endless stdin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, chmodSync, openSync, closeSync, lstatSync } from "node:fs";
import { fileURLToPath } from "node:url";
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

// A FIFO as the policy file is refused at once, whether it is named as one
// or swapped in between a look at the path and the next: the CLI opens the
// path (non-blocking, so a FIFO with no writer cannot stall the open) and
// then checks what it opened. The swap is made to happen every time by a
// test double (fixtures/swap_to_fifo.c, LD_PRELOAD): right after the CLI's
// first look at the path, a FIFO replaces the file. A CLI that checked the
// path and then opened it would block on the FIFO forever (it did: 18 of
// 400 runs with a real swapper beside it).
test("a --policy naming a FIFO is a JSON error and exit 2, not a hang", { skip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-"));
  const fifo = path.join(dir, "p.json");
  const made = spawnSync("mkfifo", [fifo]);
  if (made.status !== 0) return;
  const r = run(["eval", "--policy", fifo], request, { timeout: 60_000 });
  assert.equal(r.status, 2);
  const e = JSON.parse(r.out).error;
  assert.equal(e.detail, "UNREADABLE");
  assert.match(e.message, /not a regular file/);
});

const cc = spawnSync("cc", ["--version"]).status === 0;
test("a policy file swapped for a FIFO after the CLI looked at it: the CLI reads what it opened", { skip: skip || (cc ? false : "no C compiler for the test double") }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-"));
  const shim = path.join(dir, "swap_to_fifo.so");
  const source = fileURLToPath(new URL("./fixtures/swap_to_fifo.c", import.meta.url));
  const built = spawnSync("cc", ["-shared", "-fPIC", "-O1", "-o", shim, source, "-ldl"]);
  assert.equal(built.status, 0, built.stderr?.toString());
  const file = path.join(dir, "p.json");
  const fifo = path.join(dir, "fifo");
  writeFileSync(file, JSON.stringify({ version: "swapped-test" }));
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  // The timeout only ends a hang (a CLI blocked on the FIFO); it is not a speed limit.
  const r = run(["version", "--policy", file], "", {
    timeout: 60_000,
    env: { ...process.env, LD_PRELOAD: shim, SWAP_PATH: file, SWAP_FIFO: fifo },
  });
  assert.ok(lstatSync(file).isFIFO(), "the double swapped the FIFO in");
  assert.equal(r.status, 0, `status ${r.status} (null: the CLI hung on the FIFO) ${r.err}`);
  assert.equal(r.out, "policy swapped-test\n");
});

// A reader that goes away before the answer is written (`| head -c 1`, a
// closed socket) is a write failure like a full disk: exit 3 and a line on
// stderr, never death by SIGPIPE (status 141 in a shell).
test("a reader that exits early gets exit 3, not SIGPIPE", { skip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-"));
  const file = path.join(dir, "batch.json");
  // 200 catalogue answers, about 4.8 MB: far more than a pipe holds, so the
  // CLI writes after `true` has exited (or blocks until it has), every time.
  writeFileSync(file, JSON.stringify(Array(200).fill({ type: "catalogue", now: "2026-11-26T10:00:00+08:00" })));
  const r = spawnSync("bash", ["-c", '"$0" eval < "$1" | true; echo "${PIPESTATUS[0]}"', cliPath, file], { timeout: 60_000 });
  assert.equal(r.stdout.toString().trim(), "3", r.stderr.toString());
  assert.match(r.stderr.toString(), /cannot write the answer/);
});

test("a request over the limit is refused in the locale it names", { skip }, () => {
  const pad = "x".repeat(1 << 20);
  const cases = [
    [{ type: "working_day", pad }, /^请求过大/],
    [{ locale: "en", type: "working_day", pad }, /^the request is too large/],
    [{ locale: "zh-Hant", type: "working_day", pad }, /^請求過大/],
  ];
  for (const [req, says] of cases) {
    const r = run(["eval"], JSON.stringify(req));
    assert.equal(r.status, 0);
    const e = JSON.parse(r.out).error;
    assert.equal(e.detail, "TOO_LARGE");
    assert.match(e.message, says);
    // Inside a batch: that element alone, in its own locale.
    const batch = JSON.parse(run(["eval"], JSON.stringify([{ type: "working_day", date: "2026-11-26" }, req])).out);
    assert.equal(batch[0].ok, true);
    assert.deepEqual(batch[1].error, e);
  }
});
