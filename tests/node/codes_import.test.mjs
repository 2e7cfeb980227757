// web/js/codes_import.js: CSV and JSON exports, limits and clear errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importCodes, ImportError, MAX_CODES, parseCsv, sampleCodes, toInstant } from "../../web/js/codes_import.js";

const refused = (fn, key) => assert.throws(fn, (e) => e instanceof ImportError && e.key === key);

test("CSV with quotes, CRLF, any column order and the console's time format", () => {
  const csv = 'state,code,certification,order_paid_at,passed\r\nunused,"BN,1",cloud-computing-engineer,2024-08-29 17:54:01,\r\n' +
    'examined,APX,"ai ""engineer""",2024-08-29T09:54:01Z,是\r\n';
  const codes = importCodes(csv);
  assert.equal(codes.length, 2);
  assert.deepEqual(codes[0], { code: "BN,1", certification: "cloud-computing-engineer", state: "unused",
    order_paid_at: "2024-08-29T17:54:01+08:00", order: "2024-08-29T17:54:01+08:00", passed: undefined });
  assert.equal(codes[1].certification, 'ai "engineer"');
  assert.equal(codes[1].passed, true);
  assert.equal(codes[1].order_paid_at, "2024-08-29T09:54:01Z");
});

test("JSON: a list or { codes: [...] }; anything else is refused", () => {
  const list = [{ code: "A", state: "bound", order_paid_at: "2025-01-01 10:00" }];
  assert.equal(importCodes(JSON.stringify(list))[0].order_paid_at, "2025-01-01T10:00:00+08:00");
  assert.equal(importCodes(JSON.stringify({ codes: list })).length, 1);
  refused(() => importCodes('{"codes": {"code": "A"}}'), "import.not_list");
  refused(() => importCodes('{"codes": [1]}'), "import.not_object");
  refused(() => importCodes("[{"), "import.bad_json");
});

test("malformed CSV names the line", () => {
  refused(() => importCodes('code,state,order_paid_at\n"A,unused,2025-01-01 10:00\n'), "import.csv_unclosed");
  refused(() => importCodes('code,state,order_paid_at\nA"x,unused,2025-01-01 10:00\n'), "import.csv_quote");
  assert.throws(() => importCodes("code,state,order_paid_at\nA,unused\n"), (e) => e.key === "import.columns" && e.vars.line === 2);
  refused(() => importCodes("code,state\nA,unused\n"), "import.missing_column");
  refused(() => importCodes("code,state,order_paid_at\nA,unused,yesterday\n"), "import.bad_time");
  refused(() => importCodes("code,state,order_paid_at,passed\nA,examined,2025-01-01 10:00,maybe\n"), "import.bad_passed");
  refused(() => importCodes("code,state,order_paid_at\n,unused,2025-01-01 10:00\n"), "import.missing");
  refused(() => importCodes(""), "import.empty");
});

test("a million-line CSV is refused before parsing", () => {
  const big = "code,state,order_paid_at\n" + "A,unused,2025-01-01 10:00\n".repeat(1_000_000);
  refused(() => importCodes(big), "import.too_many");
  // Before parsing: an unclosed quote on line 2, which parsing would refuse
  // first, is never reached (no timing: the order of the checks is the fact).
  refused(() => importCodes(`code,state,order_paid_at\n"A,unused,2025-01-01 10:00\n${"A,unused,2025-01-01 10:00\n".repeat(1_000_000)}`), "import.too_many");
  refused(() => parseCsv("a\n".repeat(10), 5), "import.too_many");
  assert.equal(MAX_CODES, 200000);
});

test("times: RFC 3339 kept, China console format converted, junk refused", () => {
  assert.equal(toInstant("2024-08-29 17:54:01"), "2024-08-29T17:54:01+08:00");
  assert.equal(toInstant("2024-08-29T17:54"), "2024-08-29T17:54:00+08:00");
  assert.equal(toInstant("2024-08-29T17:54:01+09:00"), "2024-08-29T17:54:01+09:00");
  // A date alone, or the console's validity span, is the order's paid day at 00:00 China time.
  assert.equal(toInstant("2024-08-29"), "2024-08-29T00:00:00+08:00");
  assert.equal(toInstant("2024-08-29 至 2025-08-29"), "2024-08-29T00:00:00+08:00");
  assert.equal(toInstant("2024-08-29至2025-08-29"), "2024-08-29T00:00:00+08:00");
  assert.equal(toInstant("2024-08-29 至"), null);
  assert.equal(toInstant("29/08/2024"), null);
  assert.equal(toInstant(42), null);
});

test("the console's own export: Chinese headers, Chinese states, a BOM, extra columns ignored", () => {
  const csv = "\uFEFF考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间,操作\n" +
    "BN,腾讯云计算工程师认证,理论考试,2024,未使用,2024-08-29 至 2025-08-29,-,-,-,-,-,查看成绩 解绑 重新生成考试码\n" +
    "APX,腾讯云计算工程师认证,理论考试,2024,已綁定,2024-08-29 至 2025-08-29,张三,-,zhang,san,2024-09-01,解绑\n" +
    "EX1,腾讯云计算工程师认证,理论考试,2025,已考试,2024-08-29 至 2025-08-29,李四,-,li,si,2024-09-01,查看成绩\n";
  assert.deepEqual(importCodes(csv).map((c) => [c.code, c.certification, c.state, c.order_paid_at, c.order]), [
    ["BN", "腾讯云计算工程师认证", "unused", "2024-08-29T00:00:00+08:00", "2024"],
    ["APX", "腾讯云计算工程师认证", "bound", "2024-08-29T00:00:00+08:00", "2024"],
    ["EX1", "腾讯云计算工程师认证", "examined", "2024-08-29T00:00:00+08:00", "2025"],
  ]);
  assert.throws(() => importCodes("考试码,状态\nA,未使用\n"), (e) => e.key === "import.missing_column" && e.vars.field === "order_paid_at");
});

test("sample codes are deterministic", () => {
  assert.deepEqual(sampleCodes(50, 7), sampleCodes(50, 7));
  assert.equal(sampleCodes(100000).length, 100000);
});

test("over-long values are refused with their line and column, in CSV and JSON", () => {
  const long = "X".repeat(65);
  const csv = `code,state,order_paid_at,certification\nA,unused,2025-01-01 10:00,x\n${long},unused,2025-01-01 10:00,x\n`;
  assert.throws(() => importCodes(csv), (e) => e instanceof ImportError && e.key === "import.too_long" &&
    e.vars.line === 3 && e.vars.field === "code" && e.vars.max === 64);
  assert.throws(() => importCodes(JSON.stringify([{ code: "A", state: "unused", order_paid_at: "2025-01-01 10:00", order: "O".repeat(129) }])),
    (e) => e.key === "import.too_long" && e.vars.field === "order" && e.vars.line === 1);
  assert.throws(() => importCodes(`code,state,order_paid_at\n${"Y".repeat(60 << 20)},unused,2025-01-01 10:00\n`), ImportError);
  assert.equal(importCodes(`code,state,order_paid_at\n${"Z".repeat(64)},unused,2025-01-01 10:00\n`)[0].code.length, 64);
});
