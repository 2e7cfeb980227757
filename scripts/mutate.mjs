// Mutation testing of the rules and the calendar: are there tests that would
// notice a wrong rule? Source-level mutants (one operator or constant changed
// at a time) are sampled with a seed, each one is built incrementally in a
// native Release tree of its own (only the mutated file recompiles) and
// judged by the native test binaries (certpolicy_rules_tests, then
// certpolicy_tests); a mutant the tests fail on, crash on or that runs past
// the timeout (a loop) is killed. The score and every survivor (file:line,
// the change) are printed at the end. docs/RELIABILITY.md records the last
// score and the survivors judged equivalent.
//
//   scripts/mutate [--seed N] [--count N] [--jobs 1|2] [--timeout SECONDS]
//                  [--all-tests] [--match REGEX] [--list] [PATH…]
//   (default PATH: core/rules core/calendar; --match keeps the mutants whose
//   listing line matches, e.g. --match 'money.cc:15:11', before sampling)
//
// Operators (on the .cc files; headers are left alone, a change there would
// rebuild most of the core): < <= > >= swapped with their boundary twins,
// == ↔ !=, && ↔ ||, + ↔ -, * ↔ /, % → /, += ↔ -=, an integer constant ±1,
// true ↔ false, a `!` removed, an `if` condition negated, an early return
// (inside an if/else/loop/case) removed. Binary operators are recognised by
// the project's layout (spaces around them), so template brackets and
// pointer stars are never taken for operators.
//
// The mutants are made in a copy of the sources (build/mutate/src, synced
// from the working tree at the start), never in the working tree itself; the
// copy's file is restored after each mutant, also on Ctrl-C. The same seed,
// count and sources give the same mutants. --list prints the sample only.
// A mutant whose object code is byte for byte the original's is reported as
// "same object code" (the compiler proved it equivalent) and not run.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(ROOT, "build/mutate");
const SRC = path.join(WORK, "src");
const BUILD = path.join(WORK, "build");
const JUDGES = ["tests/certpolicy_rules_tests", "tests/certpolicy_tests"];
// Left out of the judging unless --all-tests: tests of the JSON layer alone
// (they call no rule) and the batch memory-limit test (a minute of memory
// traffic per run, no rule decides it). Leaving a test out can only lower
// the score, never raise it.
const NOT_JUDGING = "-Bytes.*:JsonDoc.*:RawScan.*:EngineErrors.BatchOverItsMemoryLimitsIsRefusedNotAborted";
// What the native tests need from the working tree (tests/CMakeLists.txt).
const COPIED = ["CMakeLists.txt", "core", "tests/CMakeLists.txt", "tests/native", "tests/cases", "tests/bench", "tests/fuzz"];

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const o = { seed: 26, count: 120, jobs: 2, timeout: 0, list: false, allTests: false, match: null, paths: [] };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const value = () => {
      const v = Number(argv[++k]);
      if (!Number.isInteger(v) || v < 0) usage(`${a} needs a whole number`);
      return v;
    };
    if (a === "--seed") o.seed = value();
    else if (a === "--count") o.count = value();
    else if (a === "--jobs") o.jobs = Math.min(2, Math.max(1, value()));
    else if (a === "--timeout") o.timeout = value();
    else if (a === "--list") o.list = true;
    else if (a === "--all-tests") o.allTests = true;
    else if (a === "--match") o.match = new RegExp(argv[++k] ?? usage("--match needs a pattern"));
    else if (a.startsWith("-")) usage(`unknown option ${a}`);
    else o.paths.push(a.replace(/\/+$/, ""));
  }
  if (o.paths.length === 0) o.paths = ["core/rules", "core/calendar"];
  return o;
}

function usage(why) {
  process.stderr.write(`mutate: ${why}\nusage: scripts/mutate [--seed N] [--count N] [--jobs 1|2] [--timeout S] [--all-tests] [--match REGEX] [--list] [PATH…]\n`);
  process.exit(2);
}

// ---------------------------------------------------------------- lexer

// The tokens of a C++ file that can be mutated: identifiers, numbers and
// operators, with their offsets. Comments, string and character literals and
// preprocessor lines are skipped (never mutated).
const OPERATORS = [
  "<<=", ">>=", "<=>", "->*", "...", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=", "-=", "*=",
  "/=", "%=", "&=", "|=", "^=", "->", "::",
];

function lex(src) {
  const tokens = [];
  let k = 0;
  let lineStart = true;  // only whitespace since the last newline
  while (k < src.length) {
    const c = src[k];
    if (c === "\n") { lineStart = true; k++; continue; }
    if (c === " " || c === "\t" || c === "\r") { k++; continue; }
    if (lineStart && c === "#") {  // a preprocessor line (with its continuations)
      while (k < src.length && !(src[k] === "\n" && src[k - 1] !== "\\")) k++;
      continue;
    }
    lineStart = false;
    if (src.startsWith("//", k)) { while (k < src.length && src[k] !== "\n") k++; continue; }
    if (src.startsWith("/*", k)) { const e = src.indexOf("*/", k + 2); k = e < 0 ? src.length : e + 2; continue; }
    const raw = /^(?:u8|[uUL])?R"([^(\s]*)\(/.exec(src.slice(k, k + 24));
    if (raw) {
      const close = src.indexOf(`)${raw[1]}"`, k + raw[0].length);
      k = close < 0 ? src.length : close + raw[1].length + 2;
      continue;
    }
    const quoted = /^(?:u8|[uUL])?(["'])/.exec(src.slice(k, k + 3));
    if (quoted && !/[A-Za-z0-9_]/.test(src[k - 1] ?? "")) {
      let j = k + quoted[0].length;
      while (j < src.length && src[j] !== quoted[1]) j += src[j] === "\\" ? 2 : 1;
      k = j + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[k + 1] ?? ""))) {
      const m = /^(?:0[xX][0-9A-Fa-f']+|[0-9][0-9']*(?:\.[0-9']*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)[A-Za-z_0-9]*/.exec(src.slice(k));
      tokens.push({ kind: "number", text: m[0], start: k, end: k + m[0].length });
      k += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(src.slice(k));
      tokens.push({ kind: "ident", text: m[0], start: k, end: k + m[0].length });
      k += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, k)) ?? c;
    tokens.push({ kind: "op", text: op, start: k, end: k + op.length });
    k += op.length;
  }
  return tokens;
}

// ---------------------------------------------------------------- mutants

// Binary operators are recognised by the project's layout (clang-format):
// spaces on both sides; template brackets and pointer stars have none.
const SWAPS = {
  "<": ["<="], "<=": ["<"], ">": [">="], ">=": [">"], "==": ["!="], "!=": ["=="], "&&": ["||"], "||": ["&&"],
  "+": ["-"], "-": ["+"], "*": ["/"], "/": ["*"], "%": ["/"], "+=": ["-="], "-=": ["+="],
};
const CONTROL = new Set(["if", "for", "while", "switch"]);

function matching(tokens, at) {  // index of the bracket closing tokens[at]
  const open = tokens[at].text, close = { "(": ")", "{": "}", "[": "]" }[open];
  for (let depth = 0, k = at; k < tokens.length; k++) {
    if (tokens[k].text === open) depth++;
    else if (tokens[k].text === close && --depth === 0) return k;
  }
  return -1;
}

function opening(tokens, at) {  // index of the bracket opening tokens[at]
  const close = tokens[at].text, open = { ")": "(", "}": "{", "]": "[" }[close];
  for (let depth = 0, k = at; k >= 0; k--) {
    if (tokens[k].text === close) depth++;
    else if (tokens[k].text === open && --depth === 0) return k;
  }
  return -1;
}

function integerValue(text) {
  const digits = text.replace(/'/g, "").replace(/[uUlL]+$/, "");
  if (/^0[xX][0-9A-Fa-f]+$/.test(digits)) return { value: BigInt(digits), hex: true, suffix: text.match(/[uUlL]*$/)[0] };
  if (/^(0|[1-9][0-9]*)$/.test(digits)) return { value: BigInt(digits), hex: false, suffix: text.match(/[uUlL]*$/)[0] };
  return null;  // floating point, octal, user-defined literal: left alone
}

// Every mutant of one file: { file, start, end, from, to, kind }.
function mutantsOf(file, src) {
  const tokens = lex(src);
  const out = [];
  const add = (start, end, to, kind) => out.push({ file, start, end, from: src.slice(start, end), to, kind });
  // Which blocks are control blocks (an if/else/for/while/switch body): a
  // return inside one, or after `if (…)` without braces, is an early return.
  const control = new Set();
  tokens.forEach((t, k) => {
    if (t.text !== "{") return;
    const prev = tokens[k - 1];
    if (prev?.text === "else" || prev?.text === "do") control.add(k);
    if (prev?.text === ")") {
      const o = opening(tokens, k - 1);
      if (o > 0 && CONTROL.has(tokens[o - 1].text)) control.add(k);
    }
  });
  const blocks = [];  // the open braces around the current token
  tokens.forEach((t, k) => {
    if (t.text === "{") blocks.push(k);
    if (t.text === "}") blocks.pop();
    const spaced = src[t.start - 1] === " " && src[t.end] === " ";
    if (t.kind === "op" && SWAPS[t.text] && spaced) {
      for (const to of SWAPS[t.text]) add(t.start, t.end, to, "operator");
    }
    if (t.kind === "op" && t.text === "!" && tokens[k + 1]) {
      const next = tokens[k + 1];  // shown with its operand: `!x` → `x`
      add(t.start, next.end, src.slice(t.end, next.end), "negation removed");
    }
    if (t.kind === "ident" && (t.text === "true" || t.text === "false")) {
      add(t.start, t.end, t.text === "true" ? "false" : "true", "boolean");
    }
    if (t.kind === "number") {
      const n = integerValue(t.text);
      if (n) {
        const show = (v) => (n.hex ? `0x${v.toString(16).toUpperCase()}` : v.toString()) + n.suffix;
        add(t.start, t.end, show(n.value + 1n), "constant +1");
        if (n.value > 0n) add(t.start, t.end, show(n.value - 1n), "constant -1");
      }
    }
    if (t.text === "if" && tokens[k + 1]?.text === "(") {
      const close = matching(tokens, k + 1);
      if (close > 0) {
        const from = tokens[k + 1].start, to = tokens[close].end;
        add(from, to, `(!${src.slice(from, to)})`, "condition negated");
      }
    }
    if (t.text === "return") {
      const prev = tokens[k - 1];
      const braceless = prev?.text === "else" ||
        (prev?.text === ")" && CONTROL.has(tokens[opening(tokens, k - 1) - 1]?.text));
      const inControl = blocks.length > 0 && control.has(blocks.at(-1));
      const afterLabel = prev?.text === ":";  // case …: return …;
      if (braceless || inControl || afterLabel) {
        let end = k;
        while (end < tokens.length && tokens[end].text !== ";") end++;
        if (end < tokens.length) add(t.start, tokens[end].end, ";", "early return removed");
      }
    }
  });
  return out;
}

// A seeded generator (mulberry32) and a Fisher–Yates shuffle.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(all, count, seed) {
  const rnd = random(seed);
  const a = all.slice();
  for (let k = a.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [a[k], a[j]] = [a[j], a[k]];
  }
  // Grouped by file: consecutive mutants of one file rebuild only that file.
  return a.slice(0, count).sort((x, y) => x.file.localeCompare(y.file) || x.start - y.start || x.to.localeCompare(y.to));
}

// A mutant's text for a listing: whitespace collapsed, long texts cut.
function shown(text) {
  const t = text.replace(/\s+/g, " ");
  return t.length > 70 ? `${t.slice(0, 67)}…` : t;
}

function lineOf(src, offset) {
  return src.slice(0, offset).split("\n").length;
}

// "line:column" of an offset (both from 1).
function placeOf(src, offset) {
  return `${lineOf(src, offset)}:${offset - src.lastIndexOf("\n", offset - 1)}`;
}

// ---------------------------------------------------------------- files

function walk(rel, out = []) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return out;
  if (statSync(abs).isDirectory()) {
    for (const e of readdirSync(abs).sort()) walk(path.join(rel, e), out);
  } else {
    out.push(rel);
  }
  return out;
}

// The copy follows the working tree; a file is rewritten only when its
// content differs (so Ninja rebuilds only what changed).
function syncCopy() {
  const wanted = new Set(COPIED.flatMap((p) => walk(p)));
  for (const rel of wanted) {
    const from = readFileSync(path.join(ROOT, rel));
    const to = path.join(SRC, rel);
    if (existsSync(to) && readFileSync(to).equals(from)) continue;
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, from);
  }
  const stale = (rel) => {
    const abs = path.join(SRC, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) for (const e of readdirSync(abs)) stale(path.join(rel, e));
    else if (!wanted.has(rel)) rmSync(abs);
  };
  COPIED.forEach(stale);
}

const hash = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
const objectOf = (rel) => {
  // CMake's object path for a source of certpolicy_rules (core/CMakeLists.txt).
  const inCore = path.relative("core", rel);
  return path.join(BUILD, "core/CMakeFiles/certpolicy_rules.dir", `${inCore}.o`);
};

// ---------------------------------------------------------------- running

let child = null;  // the build or test process running now (its own group)
let mutated = null;  // { abs, original } while a mutant is in the copy

function restore() {
  if (mutated) {
    writeFileSync(mutated.abs, mutated.original);
    mutated = null;
  }
}

function stopChild() {
  if (child) {
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone already */ }
  }
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    stopChild();
    restore();
    process.stderr.write(`\nmutate: stopped by ${sig}; ${path.relative(ROOT, SRC)} restored\n`);
    process.exit(130);
  });
}
process.on("exit", restore);

// Runs a command in its own process group; resolves { code, timedOut, ms, out }.
function run(cmd, args, { timeoutMs = 0, cwd = ROOT, quiet = true } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = "";
    child = spawn(cmd, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (d) => {
      out += d;
      if (out.length > 1 << 20) out = out.slice(-(1 << 19));
      if (!quiet) process.stderr.write(d);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; stopChild(); }, timeoutMs) : null;
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      child = null;
      resolve({ code: code ?? 128, signal, timedOut, ms: Date.now() - started, out });
    });
  });
}

function build(jobs, quiet = true) {
  return run("cmake", ["--build", BUILD, "-j", String(jobs), "--target", "certpolicy_rules_tests", "certpolicy_tests"],
    { timeoutMs: 15 * 60 * 1000, quiet });
}

// The judges in turn (quickest first), stopping at the first failure.
async function judge(timeoutMs, allTests) {
  const args = ["--gtest_fail_fast", "--gtest_brief=1", ...(allTests ? [] : [`--gtest_filter=${NOT_JUDGING}`])];
  const deadline = Date.now() + timeoutMs;
  for (const bin of JUDGES) {
    const left = deadline - Date.now();
    if (left <= 0) return { killed: true, how: "timeout" };
    const r = await run(path.join(BUILD, bin), args, { timeoutMs: left, cwd: BUILD });
    if (r.timedOut) return { killed: true, how: "timeout" };
    if (r.code !== 0) {
      const failed = /\[  FAILED  \] (\S+)/.exec(r.out)?.[1];
      return { killed: true, how: r.signal ? `crash (${r.signal})` : `${path.basename(bin)}: ${failed ?? `exit ${r.code}`}` };
    }
  }
  return { killed: false };
}

const rel = (abs) => path.relative(ROOT, abs);
const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const files = o.paths.flatMap((p) => walk(p)).filter((f) => f.endsWith(".cc"));
  if (files.length === 0) usage(`no .cc file under ${o.paths.join(" ")}`);
  const sources = new Map(files.map((f) => [f, readFileSync(path.join(ROOT, f), "utf8")]));
  const describe = (m) => {
    const src = sources.get(m.file);
    return `${m.file}:${placeOf(src, m.start)}  ${m.kind}: \`${shown(m.from)}\` → \`${shown(m.to) || "(removed)"}\``;
  };
  const all = files.flatMap((f) => mutantsOf(f, sources.get(f))).filter((m) => !o.match || o.match.test(describe(m)));
  const chosen = sample(all, o.count, o.seed);
  process.stderr.write(`mutate: ${all.length} mutants in ${files.length} files; sample of ${chosen.length} (seed ${o.seed})\n`);
  if (o.list) {
    for (const m of chosen) process.stdout.write(`${describe(m)}\n`);
    return;
  }

  mkdirSync(WORK, { recursive: true });
  syncCopy();
  if (!existsSync(path.join(BUILD, "build.ninja"))) {
    const c = await run("cmake", ["-S", SRC, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"], { quiet: false });
    if (c.code !== 0) throw new Error("cmake configure failed");
  }
  process.stderr.write("mutate: building the original (build/mutate)\n");
  const b = await build(o.jobs, false);
  if (b.code !== 0) throw new Error("the original does not build");
  const t0 = Date.now();
  const base = await judge(60 * 60 * 1000, o.allTests);
  const baseMs = Date.now() - t0;
  if (base.killed) throw new Error(`the original fails its tests (${base.how}); fix that first`);
  const timeoutMs = o.timeout > 0 ? o.timeout * 1000 : Math.max(30_000, 10 * baseMs);
  process.stderr.write(`mutate: the tests take ${fmt(baseMs)} on the original; a mutant's limit is ${fmt(timeoutMs)}\n`);
  const originalObject = new Map(files.map((f) => [f, existsSync(objectOf(f)) ? hash(objectOf(f)) : null]));

  const results = [];
  const started = Date.now();
  for (const [n, m] of chosen.entries()) {
    const abs = path.join(SRC, m.file);
    const original = sources.get(m.file);
    mutated = { abs, original };
    writeFileSync(abs, original.slice(0, m.start) + m.to + original.slice(m.end));
    let verdict;
    const bb = await build(o.jobs);
    if (bb.code !== 0) verdict = { status: "stillborn", how: bb.timedOut ? "build timeout" : "does not compile" };
    else if (originalObject.get(m.file) && hash(objectOf(m.file)) === originalObject.get(m.file)) {
      verdict = { status: "survived", how: "same object code" };
    } else {
      const j = await judge(timeoutMs, o.allTests);
      verdict = j.killed ? { status: "killed", how: j.how } : { status: "survived", how: "all tests pass" };
    }
    restore();
    results.push({ ...m, line: placeOf(original, m.start), ...verdict });
    process.stderr.write(`[${n + 1}/${chosen.length}] ${verdict.status.padEnd(9)} ${describe(m)}  (${verdict.how})\n`);
  }
  // The copy's objects back to the original code.
  await build(o.jobs);

  const count = (s) => results.filter((r) => r.status === s).length;
  const killed = count("killed"), survived = count("survived"), stillborn = count("stillborn");
  const viable = killed + survived;
  const sameObject = results.filter((r) => r.how === "same object code").length;
  const survivors = results.filter((r) => r.status === "survived");
  const lines = [
    "",
    `mutation score: ${killed} of ${viable} viable mutants killed (${((100 * killed) / Math.max(1, viable)).toFixed(1)} %)` +
      ` — seed ${o.seed}, ${chosen.length} sampled of ${all.length}, ${stillborn} did not compile, ${fmt(Date.now() - started)}`,
    `  (${sameObject} of the survivors compile to the original's object code: equivalent)`,
    "survivors:",
    ...survivors.map((r) => `  ${r.file}:${r.line}  ${r.kind}: \`${shown(r.from)}\` → \`${shown(r.to) || "(removed)"}\`  [${r.how}]`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  writeFileSync(path.join(WORK, "last-run.json"), JSON.stringify({
    seed: o.seed, sampled: chosen.length, candidates: all.length, paths: o.paths, killed, survived, stillborn,
    results: results.map(({ file, line, kind, from, to, status, how }) => ({ file, line, kind, from, to, status, how })),
  }, null, 1));
  process.stderr.write(`mutate: details in ${rel(path.join(WORK, "last-run.json"))}\n`);
}

main().catch((e) => {
  stopChild();
  restore();
  process.stderr.write(`mutate: ${e.message}\n`);
  process.exit(1);
});
