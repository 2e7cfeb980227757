// The console's model and views (web/js/console_model.js, console_views.js,
// console_index.js) with the built package: orders keyed by 订单号, one
// refund per order (COD-4) run from the page and decided by the engine,
// only admin actions, statistics that say unknown, what a file gets wrong
// said, and an action re-deciding only what it changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { ImportError, readExport } from "../../web/js/codes_import.js";
import { sampleExport } from "../../web/js/codes_sample.js";
import { ADMIN_ACTIONS, ConsoleModel, REQUEST_BYTES } from "../../web/js/console_model.js";
import { codesView, exportCsv, ordersView, peopleView, certStatsView, csvCell } from "../../web/js/console_views.js";
import { ListIndex, sortIds } from "../../web/js/console_index.js";

const engine = await createEngine();
const NOW = "2026-11-26T12:00:00+08:00";
const HEADER = "考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间\n";
const row = (code, order, state, validity, name = "-", un = "-") =>
  `${code},腾讯云计算工程师认证,理论考试,${order},${state},${validity},${name},${un},-,-,${name === "-" ? "-" : "2026-02-01 10:00:00"}\n`;
const V26 = "2026-01-10 至 2027-01-10";
const FILE = HEADER + row("BN001", "A-2026", "未使用", V26) + row("BN002", "A-2026", "已绑定", V26, "张三", "100001") +
  row("BN003", "A-2026", "已考试", V26, "李四", "100002") + row("BN004", "A-2026", "未使用", V26) +
  row("OLD01", "B-2025", "未使用", "2025-11-20 至 2026-11-20") + row("OLD02", "B-2025", "已绑定", "2025-11-20 至 2026-11-20", "王五", "100003");

/** The engine as the model uses it, each request's JSON size noted (the engine refuses one over 1 MiB). */
function watched() {
  const sizes = [];
  return {
    sizes,
    catalogue: (now) => engine.catalogue(now),
    evaluateMany: (requests) => {
      for (const r of requests) sizes.push(Buffer.byteLength(JSON.stringify(r)));
      return engine.evaluateMany(requests);
    },
  };
}

async function model(text = FILE, now = NOW, locale = "zh-CN", options = {}) {
  const m = new ConsoleModel(options.engine ?? engine, { now, locale, ...options });
  m.load(await readExport(new Blob([text])));
  return m;
}
const byCode = (m, code) => m.rows.find((r) => r.code === code);
const order = (m, key) => ordersView(m, { text: key }).rows.find((o) => o.key === key);

test("orders are keyed by 订单号, with their codes counted by state, validity and reminders from the engine", async () => {
  const m = await model();
  const a = order(m, "A-2026");
  assert.deepEqual([a.total, a.unused, a.used, a.refunded, a.bound, a.valid_until, a.expired], [4, 2, 2, 0, 1, "2027-01-10", false]);
  assert.deepEqual(a.reminders, ["2026-10-12", "2026-11-11", "2026-12-11", "2026-12-26"]);
  // COD-3: the 2025-11-20 order expired after 2026-11-20; its codes with it.
  const b = order(m, "B-2025");
  assert.deepEqual([b.expired, b.expired_codes, b.refund.allowed], [true, 2, false]);
  assert.equal(ordersView(m, {}).total, 2);
});

test("search by 考试码, 订单号, 姓名 and UN; filter by 认证科目, 订单号 and 状态", async () => {
  const m = await model();
  const codes = (q) => codesView(m, q).rows.map((r) => r.code);
  assert.deepEqual(codes({ text: "bn00" }), ["BN001", "BN002", "BN003", "BN004"]);
  assert.deepEqual(codes({ text: "b-2025" }), ["OLD01", "OLD02"]);
  assert.deepEqual(codes({ text: "张三" }), ["BN002"]);
  assert.deepEqual(codes({ text: "100003" }), ["OLD02"]);
  assert.deepEqual(codes({ order: "A-2026", state: "unused" }), ["BN001", "BN004"]);
  assert.deepEqual(codes({ state: "expired" }), ["OLD01", "OLD02"]);
  assert.deepEqual(codes({ cert: "Cloud Computing" }).length, 6, "a certification by its name in any language");
  assert.deepEqual(codes({ cert: "数据库" }), []);
  assert.deepEqual(codes({ sort: "code", dir: -1 }), ["OLD02", "OLD01", "BN004", "BN003", "BN002", "BN001"]);
  // By state, in the engine's order of state names: bound first.
  assert.deepEqual(codes({ sort: "state" }).slice(0, 2), ["BN002", "BN003"]);
  // By name (pinyin, then the name as written); codes without a name last, in file order.
  assert.deepEqual(codes({ sort: "name" }), ["BN002", "BN003", "OLD02", "BN001", "BN004", "OLD01"]);
  // The search texts the worker makes after an import's answer find the same rows as those made on first need.
  const fresh = await model();
  fresh.prepareSearch();
  assert.deepEqual(codesView(fresh, { text: "张三" }).rows.map((r) => r.code), ["BN002"]);
});

test("only the admin's actions, each where the engine allows it: 查看成绩, 解绑, 重新生成考试码 — never 绑定 or 参加考试", async () => {
  const m = await model();
  const actions = (code) => codesView(m, { text: code.toLowerCase() }).rows[0].actions;
  assert.deepEqual(actions("BN001"), ["regenerate"]);
  assert.deepEqual(actions("BN002"), ["unbind"]);
  assert.deepEqual(actions("BN003"), ["view_score"]);
  assert.deepEqual(actions("OLD02"), []);
  for (const r of m.rows) for (const a of m.adminActions(r)) assert.ok(ADMIN_ACTIONS.includes(a));
  assert.deepEqual(m.act(byCode(m, "BN001").id, "bind"), { ok: false, changed: [] });
});

test("COD-4 from the page: refused while a code is bound, refunded once unbound, then refused again (the refunded codes marked)", async () => {
  const m = await model();
  const before = m.refund("A-2026");
  assert.equal(before.ok, false);
  assert.deepEqual(before.answer.reasons.map((r) => r.code), ["CODE_ORDER_VALID", "BOUND_CODES_BLOCK_REFUND", "READING_BOUND_CODES_BLOCK_REFUND", "CODE_STATISTICS_RESULTS_UNKNOWN"]);
  assert.equal(m.act(byCode(m, "BN002").id, "unbind").ok, true);
  assert.deepEqual([order(m, "A-2026").refund.allowed, order(m, "A-2026").refund.refundable_codes], [true, 3]);
  const done = m.refund("A-2026");
  assert.equal(done.ok, true);
  assert.deepEqual(done.changed.map((id) => m.rows[id].code), ["BN001", "BN002", "BN004"]);
  assert.deepEqual(["BN001", "BN002", "BN004", "BN003"].map((c) => byCode(m, c).state), ["refunded", "refunded", "refunded", "examined"]);
  const after = order(m, "A-2026");
  assert.deepEqual([after.refund.allowed, after.refunded, after.unused], [false, 3, 0]);
  assert.equal(after.reasons[1].code, "CODES_ALREADY_REFUNDED");
  assert.match(after.reasons[1].message, /每笔订单仅支持退款一次/);
  const again = m.refund("A-2026");
  assert.deepEqual([again.ok, again.changed.length], [false, 0]);
  // An expired order refunds nothing (COD-3).
  assert.equal(m.refund("B-2025").ok, false);
});

test("an order that already has a 已退款 code is not offered a refund (the file's own refunded codes)", async () => {
  const m = await model(HEADER + row("R1", "C-1", "已退款", V26) + row("R2", "C-1", "未使用", V26) + row("R3", "C-1", "未使用", V26));
  const c = order(m, "C-1");
  assert.deepEqual([c.refund.allowed, c.refund.refundable_codes, c.refunded], [false, 0, 1]);
  assert.equal(c.reasons[1].code, "CODES_ALREADY_REFUNDED");
  assert.equal(ordersView(m, { status: "refundable" }).total, 0);
  assert.equal(ordersView(m, { status: "refunded" }).total, 1);
});

test("an action re-decides only its code, its order and its certification: other orders keep their answers", async () => {
  const text = sampleExport({ codes: 3000, orders: 6, certifications: ["腾讯云计算工程师认证", "腾讯云数据库工程师认证"] });
  const m = await model(text);
  const answers = new Map(m.orderList.map((o) => [o.key, o.answer]));
  const target = m.rows.find((r) => r.state === "unused" && r.o === m.orderList[2]);
  const r = m.act(target.id, "regenerate");
  assert.equal(r.ok, true);
  assert.equal(m.rows[target.id].state, "void");
  assert.deepEqual(r.changed, [target.id, r.added]);
  assert.equal(m.rows[r.added].code, `${target.code}-R1`);
  assert.equal(m.rows[r.added].state, "unused");
  for (const o of m.orderList) {
    // A replacement: the order's codes counted as before (one unused code for another).
    if (o === target.o) assert.deepEqual(o.answer.codes, answers.get(o.key).codes);
    else assert.equal(o.answer, answers.get(o.key), `order ${o.key} was not decided again`);
  }
  // The new code is in the kept sort order at its place.
  const sorted = codesView(m, { sort: "code", text: target.code.toLowerCase() }).rows.map((x) => x.code);
  assert.deepEqual(sorted, [target.code, `${target.code}-R1`]);
});

test("重新生成考试码 replaces a code, it is not a purchase: the order's total, the purchased codes and the refund count it once", async () => {
  let text = HEADER;
  for (let k = 1; k <= 3; k++) text += row(`B00${k}`, "2026112001", "未使用", V26);
  for (let k = 1; k <= 11; k++) text += row(`C0${String(k).padStart(2, "0")}`, "2026112002", k % 2 ? "未使用" : "已绑定", V26, k % 2 ? "-" : `人${k}`, `${k}`);
  const m = await model(text);
  assert.equal(m.summary().codes, 14);
  assert.equal(order(m, "2026112001").total, 3);
  const id = (code) => byCode(m, code).id;
  assert.equal(m.act(id("B001"), "regenerate").ok, true);
  assert.equal(m.act(id("B002"), "regenerate").ok, true);
  assert.equal(m.act(id("B001-R1"), "regenerate").ok, true);
  assert.deepEqual(m.rows.slice(14).map((r) => [r.code, r.state]), [["B001-R1", "void"], ["B002-R2", "unused"], ["B001-R1-R3", "unused"]]);
  assert.equal(m.summary().codes, 14, "概览's 已采购考试码");
  const o = order(m, "2026112001");
  assert.deepEqual([o.total, o.unused, o.void, o.refund.refundable_codes], [3, 3, 3, 3]);
  assert.deepEqual(ordersView(m, { sort: "total", dir: -1 }).rows.map((x) => [x.key, x.total]), [["2026112002", 11], ["2026112001", 3]]);
  assert.equal(m.totals.registered, 5);
  const refunded = m.refund("2026112001");
  assert.deepEqual(refunded.changed.map((k) => m.rows[k].code), ["B003", "B002-R2", "B001-R1-R3"]);
  assert.deepEqual([order(m, "2026112001").total, order(m, "2026112001").refunded], [3, 3]);
});

test("a void code is never a purchase, voided in the file or on this page: the same counts either way", async () => {
  // The admin console's own export after B001 was regenerated there: B001 void, its real replacement BX01.
  let exported = HEADER + row("B001", "2026112001", "已作废", V26) + row("BX01", "2026112001", "未使用", V26);
  for (const k of [2, 3]) exported += row(`B00${k}`, "2026112001", "未使用", V26);
  const fromFile = await model(exported);
  // The same order before the regeneration, regenerated on this page.
  let before = HEADER;
  for (const k of [1, 2, 3]) before += row(`B00${k}`, "2026112001", "未使用", V26);
  const here = await model(before);
  assert.equal(here.act(byCode(here, "B001").id, "regenerate").ok, true);
  for (const [name, m] of [["file", fromFile], ["page", here]]) {
    const o = order(m, "2026112001");
    assert.deepEqual([m.summary().codes, o.total, o.unused, o.void, o.refund.refundable_codes, m.summary().byState.void], [3, 3, 3, 1, 3, 1], name);
  }
});

test("解绑 frees the code: the candidate is no longer on it — row, search, sort, statistics, export", async () => {
  // BN002's candidate has an exam booked (考试时间): it goes with the binding.
  const [header, ...lines] = FILE.trimEnd().split("\n");
  const m = await model([`${header},考试时间`, ...lines.map((l) => `${l},${l.startsWith("BN002,") ? "2026-12-01 09:00:00" : "-"}`)].join("\n"));
  assert.equal(codesView(m, { text: "bn002" }).rows[0].exam_at, "2026-12-01 09:00:00");
  const bn002 = byCode(m, "BN002");
  const before = codesView(m, { sort: "name" }).rows.map((r) => r.code);
  assert.deepEqual(before.slice(0, 3), ["BN002", "BN003", "OLD02"]);
  assert.equal(m.act(bn002.id, "unbind").ok, true);
  const shown = codesView(m, { text: "bn002" }).rows[0];
  assert.deepEqual([shown.state, shown.name, shown.un, shown.surname_pinyin, shown.given_pinyin, shown.registered_at, shown.exam_at, shown.score, shown.passed],
    ["unused", "", "", "", "", "", "", null, null]);
  assert.deepEqual(codesView(m, { text: "张三" }).rows, []);
  assert.deepEqual(codesView(m, { text: "100001" }).rows, []);
  assert.deepEqual(codesView(m, { sort: "name" }).rows.map((r) => r.code), ["BN003", "OLD02", "BN001", "BN002", "BN004", "OLD01"]);
  assert.deepEqual(peopleView(m, {}).rows.map((r) => r.code), ["BN003", "OLD02"]);
  assert.equal(m.totals.registered, 2);
  const words = (k) => ({ "state.unused": "未使用", "state.refunded": "已退款" })[k] ?? k;
  const line = exportCsv(m, "codes", { text: "bn002" }, words).split("\r\n")[1];
  assert.equal(line, `BN002,腾讯云计算工程师认证,理论考试,A-2026,未使用,${V26},-,-,-,-,-,-,-,-`);
  m.refund("A-2026");
  assert.equal(exportCsv(m, "codes", { text: "bn002" }, words).split("\r\n")[1], `BN002,腾讯云计算工程师认证,理论考试,A-2026,已退款,${V26},-,-,-,-,-,-,-,-`);
});

test("statistics say unknown where the file has no result, and count what it has", async () => {
  const m = await model();
  assert.deepEqual([m.totals.registered, m.totals.attended, m.totals.passed, m.totals.results_unknown, m.totals.pass_rate], [3, 1, 0, 1, null]);
  const withResults = await model(sampleExport({ codes: 400, orders: 2, results: true }));
  const p = peopleView(withResults, {});
  assert.ok(p.stats.pass_rate > 0 && p.stats.results_unknown === 0, JSON.stringify(p.stats));
  const failed = peopleView(withResults, { passed: "no" });
  assert.deepEqual([failed.stats.passed, failed.stats.pass_rate], [0, 0]);
  assert.ok(failed.rows.every((r) => r.passed === false));
  const august = peopleView(withResults, { from: "2026-01-01", to: "2026-01-31" });
  assert.ok(august.rows.length > 0 && august.rows.every((r) => r.exam_at.startsWith("2026-01")));
  assert.deepEqual(certStatsView(m, {}).rows.map((c) => [c.name, c.registered, c.pass_rate]), [["腾讯云计算工程师认证", 3, null]]);
});

test("what a file gets wrong is said: duplicates, an order paid on two days, a validity end the rules do not give", async () => {
  const twice = row("BN001", "A-2026", "未使用", V26);
  const m = await model(HEADER + twice + twice + row("BN009", "A-2026", "未使用", "2026-01-12 至 2027-01-12") +
    row("BN010", "D-1", "未使用", "2026-01-10 至 2027-03-01"));
  const keys = m.warnings.map((w) => w.key);
  assert.deepEqual(keys, ["import.warn.duplicate", "import.warn.paid_conflict", "import.warn.validity_end"]);
  assert.deepEqual(m.warnings[1].vars, { source: "csv", order: "A-2026", first: "2026-01-10", at: 2, second: "2026-01-12", other: 4, used: "2026-01-10" });
  assert.deepEqual(m.warnings[2].vars, { source: "csv", order: "D-1", at: 5, file: "2027-03-01", rule: "2027-01-10", earlier: "2027-01-10" });
  assert.equal(m.rows.length, 3);
  assert.equal(order(m, "A-2026").valid_until, "2027-01-10", "decided on the earlier paid day");
  await assert.rejects(model(HEADER + twice + twice.replace("未使用", "已绑定")), (e) => e instanceof ImportError && e.key === "import.duplicate_conflict" &&
    e.vars.code === "BN001" && e.vars.at === 3 && e.vars.other === 2);
});

test("a new date decides everything again; the engine's range is the date's", async () => {
  const m = await model();
  m.redecide({ now: "2027-01-11T12:00:00+08:00" });
  assert.equal(order(m, "A-2026").expired, true);
  assert.deepEqual(codesView(m, { text: "bn002" }).rows[0].actions, []);
  m.redecide({ locale: "en" });
  assert.match(order(m, "A-2026").reasons[0].message, /^The order expired/);
});

test("a date before an order's payment is refused, naming the order paid last and its day; the data and its decisions stay", async () => {
  // A-2026 paid 2026-01-10, B-2025 2025-11-20.
  await assert.rejects(model(FILE, "2026-01-09T23:59:59+08:00"), (e) => e instanceof ImportError &&
    e.key === "console.date.before_payment" && e.vars.order === "A-2026" && e.vars.date === "2026-01-10");
  await assert.rejects(model(FILE, "2025-11-19T12:00:00+08:00"), (e) => e.key === "console.date.before_payment" && e.vars.order === "A-2026");
  const m = await model(FILE, "2026-01-10T00:00:00+08:00");  // the instant of the payment itself
  assert.equal(order(m, "A-2026").valid_until, "2027-01-10");
  assert.throws(() => m.redecide({ now: "2026-01-09T23:59:59+08:00" }), (e) => e.key === "console.date.before_payment" && e.vars.date === "2026-01-10");
  assert.equal(m.now, "2026-01-10T00:00:00+08:00", "the date refused is not taken");
  assert.equal(order(m, "A-2026").valid_until, "2027-01-10", "the decisions stay");
  // A payment time on the day itself counts by the day's end, as the page asks.
  const timed = "考试码,考试科目,订单号,状态,订单支付时间\nT1,腾讯云计算工程师认证,P-1,未使用,2026-03-05 20:00:00\n";
  assert.equal(order(await model(timed, "2026-03-05T23:59:59+08:00"), "P-1").valid_until, "2027-03-05");
  await assert.rejects(model(timed, "2026-03-05T12:00:00+08:00"), (e) => e.key === "console.date.before_payment" && e.vars.date === "2026-03-05");
});

test("200 000 codes in 200 000 orders and 200 000 certifications are decided (identical orders asked once)", async () => {
  let text = HEADER;
  for (let k = 0; k < 200_000; k++) text += `C${k},认证${k},理论考试,O${k},${k % 3 ? "未使用" : "已考试"},2026-0${1 + (k % 9)}-10 至 2027-0${1 + (k % 9)}-10,-,-,-,-,-\n`;
  const e = watched();
  const m = await model(text, NOW, "zh-CN", { engine: e });
  // No request near the engine's 1 MiB: the statistics are packed by size.
  assert.ok(Math.max(...e.sizes) <= REQUEST_BYTES, `largest request ${Math.max(...e.sizes)} B`);
  assert.equal(m.orderList.length, 200_000);
  assert.equal(m.certStats.size, 200_000);
  assert.ok(m.answers.size < 2000, `${m.answers.size} distinct requests`);
  assert.equal(ordersView(m, { page: 3999 }).rows.length, 50);
  assert.equal(certStatsView(m, { page: 10 }).rows.length, 50);
  const r = m.act(m.rows[1].id, "regenerate");
  assert.equal(r.ok, true);
});

test("statistics requests are packed up to the byte limit: the same statistics whatever the limit, every request within it", async () => {
  let text = HEADER.replace("报名时间", "报名时间,是否通过");
  const states = [["未使用", "-"], ["已绑定", "-"], ["已考试", "通过"], ["已考试", "未通过"], ["已考试", "-"], ["已作废", "-"]];
  for (let k = 0; k < 3000; k++) {
    const [state, passed] = states[k % states.length];
    text += `C${k},认证${k % 500},理论考试,O${k % 7},${state},${V26},-,-,-,-,-,${passed}\n`;
  }
  const small = watched();
  const packed = await model(text, NOW, "zh-CN", { engine: small, requestBytes: 8 * 1024 });
  const whole = await model(text);
  assert.ok(Math.max(...small.sizes) <= 8 * 1024 + 1024, `largest request ${Math.max(...small.sizes)} B`);
  assert.ok(small.sizes.length > whole.answers.size, "the small limit made more requests");
  const stats = (m) => [...m.certStats.values()].sort((a, b) => (a.certification < b.certification ? -1 : 1));
  assert.equal(packed.certStats.size, 500);
  assert.deepEqual(stats(packed), stats(whole));
  assert.deepEqual(packed.totals, whole.totals);
});

test("export: what a view shows, as CSV the importer reads back; formula-like cells neutralised", async () => {
  const m = await model();
  const text = exportCsv(m, "codes", { order: "A-2026" }, (k) => ({ "state.unused": "未使用", "state.bound": "已绑定", "state.examined": "已考试" })[k] ?? k);
  assert.ok(text.startsWith("\ufeff考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间\r\n"));
  const back = await readExport(new Blob([text]));
  assert.deepEqual(back.rows.map((r) => [r.code, r.state, r.name]), [["BN001", "unused", ""], ["BN002", "bound", "张三"], ["BN003", "examined", "李四"], ["BN004", "unused", ""]]);
  assert.equal(csvCell("=1+1"), "'=1+1");
  assert.equal(csvCell("-"), "-");
  assert.equal(csvCell('a,"b"'), '"a,""b"""');
});

test("sort orders: ties in id order, blanks last both ways; an added row goes to its place", () => {
  const values = ["b", "", "a", "b", "a", ""];
  assert.deepEqual([...sortIds(6, (k) => values[k])], [2, 4, 0, 3, 1, 5]);
  const index = new ListIndex(() => values.length, { v: { value: (k) => values[k], fixed: true } });
  assert.deepEqual([...index.query(() => true, "v", -1)], [0, 3, 2, 4, 1, 5]);
  index.order("v");
  values.push("ab");
  index.insert(6);
  assert.deepEqual([...index.query(() => true, "v", 1)], [2, 4, 6, 0, 3, 1, 5]);
  assert.deepEqual([...index.query((k) => k % 2 === 0, "v", 1)], [2, 4, 6, 0]);
});

test("export: a code this page only noted (重新生成考试码) is marked in every locale, and importing the file leaves it out with a warning", async () => {
  const { STRINGS, format } = await import("../../web/js/console_strings.js");
  for (const locale of ["zh-CN", "zh-Hant", "en"]) {
    const m = await model(FILE, NOW, locale);
    const fresh = m.act(byCode(m, "BN001").id, "regenerate").added;
    m.act(fresh, "regenerate");
    const words = (key, vars) => format(STRINGS[locale], key, vars);
    const text = exportCsv(m, "codes", { order: "A-2026", sort: "code" }, words);
    const mark = STRINGS[locale]["console.placeholder_mark"];
    const codes = text.split("\r\n").slice(1, -1).map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0].replace(/^"|"$/g, ""));
    assert.deepEqual(codes, ["BN001", `BN001-R1${mark}`, `BN001-R1-R2${mark}`, "BN002", "BN003", "BN004"], locale);
    const back = await readExport(new Blob([text]));
    assert.deepEqual(back.rows.map((r) => r.code), ["BN001", "BN002", "BN003", "BN004"], locale);
    assert.deepEqual(back.warnings.map((w) => [w.key, w.vars.line, w.vars.code]),
      [["import.warn.placeholder", 3, "BN001-R1"], ["import.warn.placeholder", 4, "BN001-R1-R2"]], locale);
  }
});

test("export of 数据统计: the columns it shows (姓名, UN, 认证科目, 考试类型, 报名时间, 考试时间, 考试成绩, 是否通过)", async () => {
  const m = await model();
  const words = (k) => ({ "col.name": "姓名", "col.un": "UN", "col.certification": "认证科目", "col.exam_type": "考试类型", "col.registered_at": "报名时间",
    "col.exam_at": "考试时间", "col.score": "考试成绩", "col.passed_q": "是否通过", "console.unknown": "未知", "console.passed.unknown": "结果未知" })[k] ?? k;
  const lines = exportCsv(m, "people", {}, words).split("\r\n");
  assert.equal(lines[0], "\ufeff姓名,UN,认证科目,考试类型,报名时间,考试时间,考试成绩,是否通过");
  assert.deepEqual(lines.slice(1, -1), [
    "张三,100001,腾讯云计算工程师认证,理论考试,2026-02-01 10:00:00,-,-,-",
    "李四,100002,腾讯云计算工程师认证,理论考试,2026-02-01 10:00:00,-,未知,结果未知",
    "王五,100003,腾讯云计算工程师认证,理论考试,2026-02-01 10:00:00,-,-,-",
  ]);
});

test("English says one thing in the singular: 1 point, 1 unused code; other counts and Chinese as before", async () => {
  const { STRINGS, format } = await import("../../web/js/console_strings.js");
  const en = (key, vars) => format(STRINGS.en, key, vars);
  assert.equal(en("console.warnings", { n: 1 }), "1 point in the file needs attention");
  assert.equal(en("console.warnings", { n: 2 }), "2 points in the file need attention");
  assert.equal(en("console.refund.yes", { n: 1 }), "1 unused code refundable");
  assert.equal(en("console.refund.yes", { n: 3 }), "3 unused codes refundable");
  assert.equal(en("console.imported", { n: 1, orders: 1, seconds: "0.1" }), "Imported 1 code (orders: 1) in 0.1 s.");
  assert.equal(en("console.exported", { n: 1 }), "Exported 1 row.");
  assert.equal(en("import.warn.more", { n: 1 }), "1 more of the same kind is not listed.");
  assert.match(en("confirm.refund", { order: "A", n: 1 }), /Its 1 unused code is refunded\./);
  assert.match(en("console.refunded", { order: "A", n: 1 }), /1 unused code is marked refunded/);
  assert.equal(en("console.imported_warnings", { n: 1 }), "1 point in the file needs attention (below).");
  assert.equal(format(STRINGS["zh-CN"], "console.warnings", { n: 1 }), "文件中有 1 处需要注意");
  // Every .one string is the singular of a string that exists, with the same placeholders.
  for (const key of Object.keys(STRINGS.en).filter((k) => k.endsWith(".one"))) assert.ok(STRINGS.en[key.slice(0, -4)], key);
});

test("an export made before placeholders were marked: a code \"<a voided code>-R<n>\" is imported as the file says, and said", async () => {
  const m = await model(FILE.replace("BN001,腾讯云计算工程师认证,理论考试,A-2026,未使用", "BN001,腾讯云计算工程师认证,理论考试,A-2026,已作废") +
    row("BN001-R1", "A-2026", "未使用", V26) + row("BN004-R2", "A-2026", "未使用", V26));
  assert.deepEqual(m.warnings.map((w) => [w.key, w.vars]), [["import.warn.unmarked_placeholder", { source: "csv", code: "BN001-R1", at: 8, from: "BN001" }]],
    "BN004 is not void: its -R2 is taken as a real code");
  assert.equal(m.rows.length, 8);
});

test("a JSON export's duplicates and conflicts name its items: every place a warning names carries source json", async () => {
  const item = (code, order, validity) => ({ code, order, state: "未使用", validity });
  const text = JSON.stringify([item("BN001", "A-2026", V26), item("BN001", "A-2026", V26), item("BN009", "A-2026", "2026-01-12 至 2027-01-12")]);
  const m = new ConsoleModel(engine, { now: NOW });
  m.load(await readExport(new Blob([text]), { json: true }));
  assert.deepEqual(m.warnings.map((w) => [w.key, w.vars.source]), [["import.warn.duplicate", "json"], ["import.warn.paid_conflict", "json"]]);
});

test("COD-4: 暂不可退款 — the filter and the refund column — is an order held up only by a bound code; one with nothing to refund, its refund spent, or expired is 不可退款", async () => {
  const m = await model(FILE + row("E1", "C-ALL", "已考试", V26, "赵六", "100004") + row("R1", "D-SPENT", "已退款", V26) +
    row("R2", "D-SPENT", "已绑定", V26, "钱七", "100005") + row("R3", "D-SPENT", "未使用", V26));
  const blocked = ordersView(m, { status: "blocked" }).rows.map((o) => o.key);
  assert.deepEqual(blocked, ["A-2026"], "A-2026: a bound code to unbind first");
  const word = (key) => { const o = order(m, key); return [o.blocked, o.refund.allowed]; };
  assert.deepEqual(word("A-2026"), [true, false]);
  assert.deepEqual(word("C-ALL"), [false, false], "every code examined: nothing to refund");
  assert.deepEqual(word("D-SPENT"), [false, false], "its one refund spent, though a code is bound");
  assert.deepEqual(word("B-2025"), [false, false], "expired, though a code is bound");
});
