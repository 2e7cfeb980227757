// web/js/codes_import.js: the console's export read as it streams in — CSV
// in any piece sizes, the export's own columns and words, every bound, the
// encodings, and refusals that name the line and the column as exported.
import { test } from "node:test";
import assert from "node:assert/strict";
import { COLUMNS, CsvReader, ImportError, MAX_CODES, readExport, toDateTime, toInstant, toValidity, visible } from "../../web/js/codes_import.js";
import { EXPORT_HEADER, sampleExport } from "../../web/js/codes_sample.js";
import { gbk } from "../browser/export_files.mjs";

const HEADER = "\ufeff考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间,操作\r\n";
const ROW = "BN001,腾讯云计算工程师认证,理论考试,20240829,未使用,2024-08-29 至 2025-08-29,-,-,-,-,-,查看成绩 解绑 重新生成考试码\r\n";
const read = (text, options) => readExport(new Blob([text]), options);
const refused = async (text, key, vars = {}) => {
  await assert.rejects(read(text), (e) => {
    assert.ok(e instanceof ImportError, String(e));
    assert.equal(e.key, key, JSON.stringify(e.vars));
    for (const [k, v] of Object.entries(vars)) assert.equal(e.vars[k], v, `${key}.${k}`);
    return true;
  });
};

/** Records of `text` fed in pieces of `size` characters. */
function records(text, size) {
  const out = [];
  const reader = new CsvReader((fields, line) => out.push([line, ...fields]));
  for (let k = 0; k < text.length; k += size) reader.push(text.slice(k, k + size));
  reader.end();
  return out;
}

test("CSV: quotes, doubled quotes, a quoted line break, CRLF and LF — the same records in pieces of any size", () => {
  const text = 'a,b,c\r\n"x,1","say ""hi""",3\r\n"two\nlines",,"end"\nlast,"",\r\n';
  const whole = records(text, text.length);
  assert.deepEqual(whole, [[1, "a", "b", "c"], [2, "x,1", 'say "hi"', "3"], [3, "two\nlines", "", "end"], [5, "last", "", ""]]);
  for (const size of [1, 2, 3, 5, 7]) assert.deepEqual(records(text, size), whole, `pieces of ${size}`);
});

test("CSV: a quote inside a field, text after a closing quote and an unclosed quote are refused with their line", () => {
  assert.throws(() => records('a,b\nx"y,1\n', 100), (e) => e.key === "import.csv_quote" && e.vars.line === 2);
  assert.throws(() => records('a,b\n"x"y,1\n', 100), (e) => e.key === "import.csv_quote" && e.vars.line === 2);
  assert.throws(() => records('a,b\n1,2\n"open,3\n4,5\n', 100), (e) => e.key === "import.csv_unclosed" && e.vars.line === 3);
});

test("the console's own export: BOM, CRLF, its columns and words; '-' is empty; 操作 is read past", async () => {
  const text = HEADER + ROW +
    "BN002,腾讯云计算工程师认证,理论考试,20240829,已绑定,2024-08-29 至 2025-08-29,张三,100234,zhang,san,2024-09-01 10:25:00,解绑\r\n" +
    "BN003,腾讯云计算工程师认证,理论考试,20240901,已考试,2024/9/1 至 2025/9/1,李四,100235,li,si,2024/9/2 8:05,查看成绩\r\n";
  const { rows, warnings, encoding } = await read(text);
  assert.equal(encoding, "utf-8");
  assert.deepEqual(warnings, []);
  assert.deepEqual(rows.map((r) => [r.line, r.code, r.order, r.state, r.paid_at, r.valid_from, r.valid_to, r.name, r.un, r.registered_at]), [
    [2, "BN001", "20240829", "unused", "2024-08-29T00:00:00+08:00", "2024-08-29", "2025-08-29", "", "", ""],
    [3, "BN002", "20240829", "bound", "2024-08-29T00:00:00+08:00", "2024-08-29", "2025-08-29", "张三", "100234", "2024-09-01 10:25:00"],
    [4, "BN003", "20240901", "examined", "2024-09-01T00:00:00+08:00", "2024-09-01", "2025-09-01", "李四", "100235", "2024-09-02 08:05:00"],
  ]);
  assert.equal(rows[2].passed, undefined, "no result column: the result is unknown, not failed");
  assert.equal(rows[0].actions, undefined);
});

test("errors name the line and the column as the file names it (考试码有效期 is not a payment time)", async () => {
  await refused(HEADER + ROW.replace("未使用", "丢失"), "import.bad_state", { line: 2, column: "状态", value: "丢失" });
  await refused(HEADER + ROW.replace("2024-08-29 至 2025-08-29", "2024-02-30 至 2025-02-28"), "import.bad_validity", { line: 2, column: "考试码有效期" });
  await refused(HEADER + ROW + ROW.replace("BN001", "").replace("20240829", "X"), "import.empty_value", { line: 3, column: "考试码" });
  await refused(HEADER + ROW.replace("BN001", "B".repeat(65)), "import.too_long", { line: 2, column: "考试码", max: 64 });
  await refused(HEADER + ROW.replace(",-,查看", ",-,x,查看"), "import.columns", { line: 2, got: 13, want: 12 });
  await refused("考试码,状态,考试码有效期\r\nA,未使用,2024-08-29 至 2025-08-29\r\n", "import.missing_column", { column: "订单号" });
  await refused("考试码,订单号,状态,考試碼狀態,考试码有效期\r\n", "import.column_twice", { column: "考試碼狀態", other: "状态" });
  await refused(HEADER, "import.no_rows");
  await refused("  \r\n", "import.empty");
  // The legacy column: a payment time, said as one.
  await refused("code,order,state,order_paid_at\nA,O1,unused,yesterday\n", "import.bad_time", { line: 2, column: "order_paid_at", value: "yesterday" });
  // A result only on an examined code (COD-5).
  await refused("考试码,订单号,状态,考试码有效期,是否通过\nA,O1,已绑定,2024-08-29 至 2025-08-29,通过\n", "import.passed_not_examined", { line: 2, column: "是否通过" });
});

test("unknown columns are named and read past; English keys and a tab-separated file read the same", async () => {
  const { rows, warnings } = await read("code\torder\tstate\tvalidity\t备注\nA\tO1\tbound\t2025-01-01 至 2026-01-01\tvip\n");
  assert.deepEqual(rows.map((r) => [r.code, r.state]), [["A", "bound"]]);
  assert.deepEqual(warnings, [{ key: "import.warn.unknown_column", vars: { column: "备注" } }]);
});

test("every bound as the file streams in: rows, field length (an unclosed quote stops at once), file size", async () => {
  const line = "A,O1,未使用,2025-01-01 至 2026-01-01\n";
  const many = `考试码,订单号,状态,考试码有效期\n${line.repeat(1_000_000)}`;
  await refused(many, "import.too_many", { max: MAX_CODES, line: MAX_CODES + 2 });
  // 60 MB in one quoted field: refused at the 129th character, with its line and column.
  const open = `考试码,订单号,状态,考试码有效期\nA,"${"x".repeat(60 << 20)}`;
  await assert.rejects(read(open), (e) => e.key === "import.field_too_long" && e.vars.line === 2 && e.vars.column === "订单号");
  const big = { size: 65 << 20, slice: () => { throw new Error("read"); } };
  await assert.rejects(readExport(big), (e) => e.key === "import.too_large" && e.vars.size === 65);
  assert.equal(Math.max(...Object.values(COLUMNS).map((c) => c.max)), 128);
});

test("encodings: UTF-8 with or without BOM, UTF-16 with BOM, GBK read as GB18030 and said; anything else refused", async () => {
  const text = "考试码,订单号,状态,考试码有效期,姓名\r\nA,O1,已绑定,2025-01-01 至 2026-01-01,张三\r\n";
  const expect = (r) => assert.deepEqual(r.rows.map((x) => [x.code, x.state, x.name]), [["A", "bound", "张三"]]);
  expect(await read(text));
  expect(await read(`\ufeff${text}`));
  const le = new Uint8Array(2 + text.length * 2);
  le.set([0xff, 0xfe]);
  for (let k = 0; k < text.length; k++) le.set([text.charCodeAt(k) & 0xff, text.charCodeAt(k) >> 8], 2 + 2 * k);
  const utf16 = await readExport(new Blob([le]));
  expect(utf16);
  assert.equal(utf16.encoding, "utf-16le");
  const fromGbk = await readExport(new Blob([gbk(text)]));
  expect(fromGbk);
  assert.equal(fromGbk.encoding, "gb18030");
  assert.deepEqual(fromGbk.warnings[0], { key: "import.warn.encoding", vars: { encoding: "GB18030 (GBK)" } });
  // Bytes that are neither UTF-8 nor GB18030 (0x80 alone, 0xFF).
  await assert.rejects(readExport(new Blob([Uint8Array.from([0x41, 0x2c, 0x80, 0xff, 0x0a])])), (e) => e.key === "import.encoding");
});

test("hidden and bidi control characters are written out visibly and said", async () => {
  assert.equal(visible("a\u202Eb\u200Bc"), "a⟨U+202E⟩b⟨U+200B⟩c");
  const { rows, warnings } = await read("考试码,订单号,状态,考试码有效期,姓名\nA,O1,已绑定,2025-01-01 至 2026-01-01,\u202E三张\n");
  assert.equal(rows[0].name, "⟨U+202E⟩三张");
  assert.deepEqual(warnings, [{ key: "import.warn.hidden", vars: { line: 2, column: "姓名", value: "⟨U+202E⟩三张", source: "csv" } }]);
  // In a file with a byte order mark (the decoder drops it), in the first piece and in a later one.
  const late = `${"B,O1,未使用,2025-01-01 至 2026-01-01,-\n".repeat(5000)}C,O1,已绑定,2025-01-01 至 2026-01-01,\u202E四李\n`;
  const withBom = await read(`\ufeff考试码,订单号,状态,考试码有效期,姓名\nA,O1,已绑定,2025-01-01 至 2026-01-01,\u202E三张\n${late}`);
  assert.deepEqual(withBom.warnings.map((w) => [w.vars.line, w.vars.value]), [[2, "⟨U+202E⟩三张"], [5003, "⟨U+202E⟩四李"]]);
});

test("JSON: a list or { codes }, its keys the columns' keys; an unknown key refused", async () => {
  const list = [{ code: "A", order: "O1", state: "bound", order_paid_at: "2025-01-01 10:00", certification: "ai-engineer" }];
  const { rows } = await read(JSON.stringify({ codes: list }));
  assert.deepEqual([rows[0].code, rows[0].paid_at, rows[0].valid_from], ["A", "2025-01-01T10:00:00+08:00", "2025-01-01"]);
  await refused(JSON.stringify([{ ...list[0], stat: "x" }]), "import.unknown_key", { line: 1, column: "stat" });
  await refused('{"codes": {"code": "A"}}', "import.not_list");
  await refused("[{", "import.bad_json");
  await refused("[1]", "import.not_object", { line: 1 });
});

test("dates and times as the export writes them (and Excel rewrites them); impossible ones refused", () => {
  assert.deepEqual(toValidity("2024-08-29 至 2025-08-29"), { from: "2024-08-29", to: "2025-08-29" });
  assert.deepEqual(toValidity("2024/8/29至2025/8/29"), { from: "2024-08-29", to: "2025-08-29" });
  assert.equal(toValidity("2025-08-29 至 2024-08-29"), null);
  assert.equal(toValidity("2024-08-29 至"), null);
  assert.equal(toDateTime("2024-02-29 23:59:59"), "2024-02-29 23:59:59");
  assert.equal(toDateTime("2023-02-29"), null);
  assert.equal(toDateTime("2024-08-29 24:00"), null);
  // The export's own form (read in place, without the general pattern) at its edges.
  for (const [text, want] of [
    ["2024-02-29 00:00:00", "2024-02-29 00:00:00"], ["2023-02-29 10:00:00", null], ["2100-02-29 10:00:00", null],
    ["2000-02-29 10:00:00", "2000-02-29 10:00:00"], ["2024-04-31 10:00:00", null], ["2024-12-31 23:59:59", "2024-12-31 23:59:59"],
    ["2024-13-01 10:00:00", null], ["2024-00-10 10:00:00", null], ["2024-01-00 10:00:00", null],
    ["2024-08-29 24:00:00", null], ["2024-08-29 23:60:00", null], ["2024-08-29 23:59:60", null],
    ["2024-08-29 1a:00:00", null], ["2024-08-29T10:25:00", "2024-08-29 10:25:00"], ["2024/08/29 10:25:00", "2024-08-29 10:25:00"],
  ]) assert.equal(toDateTime(text), want, text);
  assert.equal(toInstant("2024-08-29T09:54:01Z"), "2024-08-29T09:54:01Z");
  assert.equal(toInstant("2024-08-29 17:54"), "2024-08-29T17:54:00+08:00");
});

test("the sample export is the console's format and reads back whole", async () => {
  const text = sampleExport({ codes: 500, orders: 3, certifications: ["腾讯云计算工程师认证", "腾讯云数据库工程师认证"], results: true });
  assert.equal(text.split("\r\n")[0], `\ufeff${[...EXPORT_HEADER, "考试时间", "考试成绩", "是否通过"].join(",")}`);
  const { rows, warnings } = await read(text);
  assert.equal(rows.length, 500);
  assert.deepEqual(warnings, []);
  assert.equal(new Set(rows.map((r) => r.order)).size, 3);
  assert.ok(rows.some((r) => r.passed === true) && rows.some((r) => r.passed === false));
  assert.deepEqual(sampleExport({ codes: 50, seed: 7 }), sampleExport({ codes: 50, seed: 7 }));
});

test("a JSON export's places are its items: every warning and refusal about one says source json (the console words it \"item n\", not a line)", async () => {
  const item = (code, name) => ({ code, order: "O1", state: "已绑定", validity: "2025-01-01 至 2026-01-01", name });
  const { warnings } = await readExport(new Blob([JSON.stringify([item("A", "张三"), item("B", "\u202E三张")])]), { json: true });
  assert.deepEqual(warnings.map((w) => [w.key, w.vars.line, w.vars.source]), [["import.warn.hidden", 2, "json"]]);
  await assert.rejects(readExport(new Blob([`[${JSON.stringify(item("A", "张三"))}, 5]`]), { json: true }),
    (e) => e.key === "import.not_object" && e.vars.line === 2 && e.vars.source === "json");
  await assert.rejects(readExport(new Blob(['[{"cod": "A"}]']), { json: true }), (e) => e.key === "import.unknown_key" && e.vars.source === "json");
});
