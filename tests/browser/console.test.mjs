// The enterprise console in Chromium, as an admin uses it, with files in the
// console's own export format: orders and people shown and searchable, only
// the admin's actions, the confirmation's Cancel with the mouse and the
// keyboard, one refund per order, statistics that say unknown, errors in the
// admin's words with line and column, and files of every documented size
// (1 000 and 200 000 codes, 200 000 orders, 200 000 certifications) — the
// page never frozen: the suite prints the longest main-thread task of each
// import (a figure, never a pass/fail).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DESKTOP, PHONE, downloadedText, openPage, shoot, startBrowser } from "./harness.mjs";
import { writeExport, writeSized } from "./export_files.mjs";
import { sampleExport } from "../../web/js/codes_sample.js";
import { axe, describe } from "./a11y.mjs";

let env;
let dir;
before(async () => {
  // Its own Chromium: it gives the page files of up to 132 MB by path, which a
  // shared (connected) browser would get uploaded.
  env = await startBrowser({ ownBrowser: true });
  dir = await mkdtemp(path.join(tmpdir(), "certpolicy-console-"));
});
after(async () => { await env?.close(); });

const HEADER = "\ufeff考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间\r\n";
const row = (code, order, state, validity, name = "-", un = "-") =>
  `${code},腾讯云计算工程师认证,理论考试,${order},${state},${validity},${name},${un},${name === "-" ? "-" : "zhang"},${name === "-" ? "-" : "san"},${name === "-" ? "-" : "2026-02-01 10:00:00"}\r\n`;
const V26 = "2026-01-10 至 2027-01-10";
const FILE = HEADER + row("BN001", "A-2026", "未使用", V26) + row("BN002", "A-2026", "已绑定", V26, "张三", "100001") +
  row("BN003", "A-2026", "已考试", V26, "李四", "100002") + row("BN004", "A-2026", "未使用", V26) +
  row("OLD01", "B-2025", "未使用", "2025-11-20 至 2026-11-20") + row("OLD02", "B-2025", "已绑定", "2025-11-20 至 2026-11-20", "王五", "100003");

/** Records the page's long tasks (a main-thread task over 50 ms) from the start. */
async function watchLongTasks(context) {
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
  });
}
const longest = (page) => page.evaluate(() => { const l = window.__longTasks.splice(0); return l.length ? Math.max(...l) : 0; });

async function importFile(page, name, content, options) {
  await chooseFile(page, await writeExport(dir, name, content, options));
}

/** `file` chosen in the page, once the page has read it (or refused it). */
async function chooseFile(page, file) {
  const loads = Number(await page.evaluate(() => document.body.dataset.loads ?? 0));
  await page.getByTestId("file").setInputFiles(file);
  await page.waitForFunction((n) => Number(document.body.dataset.loads ?? 0) > n, loads);
}

async function open(url = "console.html", options = {}) {
  const opened = await openPage(env.browser, `${env.url}${url}`, options);
  return opened;
}

/** The console on 2026-11-26 with the export `content` imported as `name`. */
async function openWith(name, content) {
  const opened = await open();
  await opened.page.getByTestId("today").fill("2026-11-26");
  await importFile(opened.page, name, content);
  return opened;
}

const tab = async (page, name) => {
  const views = Number(await page.evaluate(() => document.body.dataset.views ?? 0));
  await page.getByTestId(`tab-${name}`).click();
  // A tab whose table is not drawn for the data shown asks the worker (its panel is aria-busy
  // meanwhile); wait for its answer when it does, never for the rows an older answer left.
  await page.waitForFunction(([n, name]) => Number(document.body.dataset.views ?? 0) > n ||
    (document.querySelector(`#panel_${name} tbody tr`) !== null && !document.getElementById(`panel_${name}`).hasAttribute("aria-busy")), [views, name]);
};
/** Does `change` (a filter typed, chosen or a sort clicked) and waits for the table's answer. */
async function redrawn(page, change) {
  const views = Number(await page.evaluate(() => document.body.dataset.views ?? 0));
  await change();
  await page.waitForFunction((n) => Number(document.body.dataset.views ?? 0) > n, views);
}
const filter = (page, testid, text) => redrawn(page, () => page.getByTestId(testid).fill(text));
const actionsOf = (page, code) => page.locator(`#codes tr[data-code="${code}"] td[data-testid=actions] button[data-action]`)
  .evaluateAll((bs) => bs.map((b) => b.dataset.action));
const cells = (page, code) => page.locator(`#codes tr[data-code="${code}"] td`).allTextContents();
const status = (page) => page.getByTestId("status").textContent();
const dialogOpen = (page) => page.getByTestId("confirm").evaluate((d) => d.open);
async function acted(page, click) {
  const n = Number(await page.evaluate(() => document.body.dataset.actions ?? 0));
  await click();
  await page.waitForFunction((k) => Number(document.body.dataset.actions ?? 0) > k, n);
}

test("codes with their order, person and every export column; search by 考试码, 订单号, 姓名, UN; only the admin's actions", async () => {
  const { page, context, problems } = await openWith("orders.csv", FILE);
  assert.match(await status(page), /^已导入 6 个考试码，2 个订单，用时 [\d.]+ 秒。$/);
  assert.equal(await page.getByTestId("bought").textContent(), "6");
  await tab(page, "codes");
  assert.deepEqual(await cells(page, "BN002").then((c) => c.slice(0, 11)),
    ["BN002", "腾讯云计算工程师认证", "理论考试", "A-2026", "已绑定", V26, "张三", "100001", "zhang", "san", "2026-02-01 10:00:00"]);
  assert.deepEqual(await actionsOf(page, "BN001"), ["regenerate"]);
  assert.deepEqual(await actionsOf(page, "BN002"), ["unbind"]);
  assert.deepEqual(await actionsOf(page, "BN003"), ["view_score"]);
  assert.deepEqual(await actionsOf(page, "OLD01"), []);
  assert.equal((await cells(page, "OLD02"))[4], "已过期（文件中为已绑定）");
  assert.equal(await page.locator("button[data-action=bind], button[data-action=sit]").count(), 0, "no candidate action");
  const shown = () => page.locator("#codes tbody tr[data-code]").evaluateAll((trs) => trs.map((tr) => tr.dataset.code));
  for (const [text, codes] of [["A-2026", ["BN001", "BN002", "BN003", "BN004"]], ["张三", ["BN002"]], ["100003", ["OLD02"]], ["old0", ["OLD01", "OLD02"]]]) {
    await filter(page, "filter", text);
    assert.deepEqual(await shown(), codes, text);
  }
  await filter(page, "filter", "");
  // 查看成绩 on a code the file has no result for: said as unknown.
  await page.locator('#codes tr[data-code="BN003"] button[data-action=view_score]').click();
  assert.equal(await status(page), "考试码 BN003 的成绩：结果未知。");
  assert.equal(await page.locator('#codes tr[data-code="BN003"] + tr.details').isVisible(), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the confirmation's Cancel cancels — clicked, Enter, Space — and only its own button acts; the dialog says whom it affects", async () => {
  const { page, context, problems } = await openWith("cancel.csv", FILE);
  await tab(page, "codes");
  const unbind = page.locator('#codes tr[data-code="BN002"] button[data-action=unbind]');
  const cancelWays = [
    ["click", () => page.getByTestId("confirm-cancel").click()],
    ["Enter", () => page.keyboard.press("Enter")],
    ["Space", () => page.keyboard.press(" ")],
    ["Tab to the action, Shift+Tab back to Cancel, Space", async () => {
      await page.keyboard.press("Tab");
      await page.keyboard.press("Shift+Tab");
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "confirm-cancel");
      await page.keyboard.press(" ");
    }],
    ["Escape", () => page.keyboard.press("Escape")],
  ];
  for (const [how, cancel] of cancelWays) {
    await unbind.click();
    assert.equal(await dialogOpen(page), true, how);
    assert.equal(await page.getByTestId("confirm-text").textContent(), "确定解绑考试码 BN002？解绑后考生 张三（UN 100001） 将无法使用它进行认证考试，考试码变为未使用。");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "confirm-cancel", "the safe answer has the focus");
    await cancel();
    await page.waitForFunction(() => !document.getElementById("confirm").open);
    assert.deepEqual(await actionsOf(page, "BN002"), ["unbind"], how);
    assert.equal(await status(page), "已取消：未对 BN002 执行解绑。", how);
    assert.equal(await page.evaluate(() => `${document.activeElement.closest("tr")?.dataset.code} ${document.activeElement.dataset.action}`), "BN002 unbind", how);
  }
  await unbind.click();
  await acted(page, () => page.getByTestId("confirm-ok").click());
  assert.equal((await cells(page, "BN002"))[4], "未使用");
  // 解绑: the code is free again, the candidate is no longer on it (姓名, UN, 姓拼音, 名拼音, 报名时间).
  assert.deepEqual((await cells(page, "BN002")).slice(6, 11), ["-", "-", "-", "-", "-"]);
  assert.deepEqual(await actionsOf(page, "BN002"), ["regenerate"]);
  assert.equal(await status(page), "已解绑考试码 BN002（张三（UN 100001）），现为未使用。");
  assert.equal(await page.evaluate(() => `${document.activeElement.closest("tr")?.dataset.code} ${document.activeElement.dataset.action}`), "BN002 regenerate");
  await filter(page, "filter", "张三");
  assert.equal(await page.getByTestId("page-info").textContent(), "第 0–0 条，共 0 条");
  await filter(page, "filter", "");
  // Regenerate with the keyboard: Tab to the action's own button, Enter.
  await page.locator('#codes tr[data-code="BN001"] button[data-action=regenerate]').click();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "confirm-ok");
  await acted(page, () => page.keyboard.press("Enter"));
  assert.equal((await cells(page, "BN001"))[4], "已作废");
  assert.deepEqual(await actionsOf(page, "BN001-R1"), ["regenerate"]);
  assert.equal(await page.evaluate(() => document.activeElement.id), "codes", "no action left on the row: the table holds the focus");
  assert.equal(await status(page), "已重新生成：BN001 已作废；新考试码在本页暂记为 BN001-R1，以管理后台生成的为准。导出时该行标为暂记，再次导入时不导入。");
  // A replacement, not a purchase: 已采购考试码 stays 6.
  assert.equal(await page.getByTestId("bought").textContent(), "6");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("one refund per order (COD-4): refused while bound, the engine's 退款 at the click, the refunded codes marked, never twice", async () => {
  const { page, context, problems } = await openWith("refund.csv", FILE + row("R1", "C-1", "已退款", V26) + row("R2", "C-1", "未使用", V26));
  await tab(page, "orders");
  const refund = (key) => page.locator(`#orders tr[data-order="${key}"] [data-testid=order-refund]`);
  const refundButton = (key) => page.locator(`#orders tr[data-order="${key}"] button[data-action=refund]`);
  assert.equal(await refund("A-2026").getAttribute("data-allowed"), "false");
  assert.equal(await refundButton("A-2026").count(), 0);
  // Held up only by a bound code (unbind it first): "not yet", not "no".
  assert.equal(await refund("A-2026").textContent(), "暂不可退款");
  // An order with a 已退款 code: its one refund is spent, whatever else it holds.
  assert.equal(await refund("C-1").getAttribute("data-allowed"), "false");
  assert.equal(await refund("C-1").textContent(), "不可退款");
  await page.locator('#orders tr[data-order="C-1"] [data-details]').click();
  assert.match(await page.locator('#orders tr[data-order="C-1"] + tr.details').textContent(), /本订单已有 1 个考试码退款；每笔订单仅支持退款一次/);
  // 查看考试码 → the order's codes; unbind the bound one.
  await page.locator('#orders tr[data-order="A-2026"] button[data-action=view_codes]').click();
  await page.waitForFunction(() => document.querySelectorAll("#codes tbody tr[data-code]").length === 4);
  await page.locator('#codes tr[data-code="BN002"] button[data-action=unbind]').click();
  await acted(page, () => page.getByTestId("confirm-ok").click());
  await tab(page, "orders");
  assert.equal(await refund("A-2026").textContent(), "可退款 3 个未使用考试码");
  await refundButton("A-2026").click();
  assert.equal(await page.getByTestId("confirm-text").textContent(),
    "确定为订单 A-2026 申请退款？将退款 3 个未使用的考试码。每笔订单仅允许退款一次，退款后不能再次申请。");
  await page.getByTestId("confirm-cancel").click();
  assert.equal(await refund("A-2026").getAttribute("data-allowed"), "true");
  await refundButton("A-2026").click();
  await acted(page, () => page.getByTestId("confirm-ok").click());
  assert.equal(await status(page), "订单 A-2026 已退款：3 个未使用的考试码标记为已退款，该订单不能再次退款。");
  assert.equal(await refund("A-2026").getAttribute("data-allowed"), "false");
  assert.equal(await refundButton("A-2026").count(), 0);
  const counts = await page.locator('#orders tr[data-order="A-2026"] td').allTextContents();
  assert.deepEqual(counts.slice(5, 9), ["4", "0", "1", "3"]);
  await tab(page, "codes");
  assert.deepEqual(await page.locator("#codes tbody tr[data-code] td[data-state]").evaluateAll((tds) => tds.map((td) => td.dataset.state)),
    ["refunded", "refunded", "examined", "refunded"]);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("statistics: registered and attended counted, pass data said unknown when the file has none; 数据统计's filters", async () => {
  const { page, context, problems } = await openWith("noresults.csv", FILE);
  assert.deepEqual(await Promise.all(["registered", "attended", "passed", "pass-rate"].map((id) => page.getByTestId(id).textContent())), ["3", "1", "未知", "未知"]);
  const certRow = await page.locator("#cert_stats tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(certRow, ["腾讯云计算工程师认证", "3", "1", "未知", "未知"]);
  await tab(page, "people");
  assert.equal(await page.getByTestId("results-note").textContent(), "导入的文件没有考试结果（是否通过），通过人数和通过率未知。");
  assert.equal(await page.getByTestId("people-passed").isDisabled(), true);
  assert.equal(await page.getByTestId("exam-from").isDisabled(), true);
  assert.equal(await page.getByTestId("people-passed").evaluate((s) => s.getAttribute("aria-describedby")), "results_note");
  // A file with 数据统计's columns: results counted, and every filter works.
  await importFile(page, "results.csv", { codes: 600, orders: 3, results: true, certifications: ["腾讯云计算工程师认证", "腾讯云数据库工程师认证"] });
  await tab(page, "people");
  const summary = async () => Promise.all(["sum-registered", "sum-attended", "sum-passed", "sum-rate"].map((id) => page.getByTestId(id).textContent()));
  const all = await summary();
  assert.match(all[3], /^\d+\.\d%$/);
  await redrawn(page, () => page.getByTestId("people-passed").selectOption("no"));
  const failed = await summary();
  assert.equal(failed[2], "0");
  assert.equal(failed[3], "0.0%");
  assert.ok((await page.locator("#people tbody tr td:last-child").allTextContents()).every((t) => t === "未通过"));
  await redrawn(page, () => page.getByTestId("people-passed").selectOption(""));
  await filter(page, "people-type", "实验");
  assert.ok((await page.locator("#people tbody tr td:nth-child(4)").allTextContents()).every((t) => t === "实验考试"));
  await filter(page, "people-type", "");
  await filter(page, "exam-from", "2026-01-01");
  assert.ok((await page.locator("#people tbody tr td:nth-child(6)").allTextContents()).every((t) => t >= "2026-01-01"));
  assert.deepEqual(problems(), []);
  await context.close();
});

test("errors in the admin's words with the line and the column as exported; a refused file leaves the previous data", async () => {
  const { page, context, problems } = await openWith("good.csv", FILE);
  const cases = [
    ["state.csv", HEADER + row("A", "O", "丢失", V26), "第 2 行「状态」列的“丢失”不是考试码状态（应为 未使用 / 已绑定 / 已考试 / 已作废 / 已过期 / 已退款 之一）。"],
    ["validity.csv", HEADER + row("A", "O", "未使用", V26) + row("B", "O", "未使用", "2026-13-01 至 2027-01-01"), "第 3 行「考试码有效期」列的“2026-13-01 至 2027-01-01”不是有效期（应如 2024-08-29 至 2025-08-29）。"],
    ["unclosed.csv", `${HEADER}"A,O,未使用,${V26},-,-,-,-,-\r\n`, "第 2 行的引号没有闭合。"],
    // An unclosed quote with the rest of the file after it: refused at the 129th character, not after reading it all.
    ["unclosed-long.csv", `${HEADER}"A,O,未使用,${V26},-,-,-,-,-\r\n${row("B", "O", "未使用", V26).repeat(100_000)}`, "第 2 行「考试码」列超过 128 个字符；若这一行有未闭合的引号，请检查。"],
    ["columns.csv", `${HEADER}A,O,未使用\r\n`, "第 2 行有 3 列，表头有 11 列。"],
    ["twice.csv", HEADER + row("A", "O", "未使用", V26) + row("A", "O", "已绑定", V26, "张三", "1"), "考试码 A 在第 2 行和第 3 行内容不同，无法判断哪一处正确，未导入。"],
    ["broken.json", '[{"code": "A",', /^JSON 格式错误：/],
  ];
  for (const [name, text, expected] of cases) {
    await importFile(page, name, text);
    const message = await page.getByTestId("import-error").textContent();
    if (expected instanceof RegExp) assert.match(message, expected, name);
    else assert.equal(message, expected, name);
    assert.equal(await status(page), `未导入：${message}`, name);
    assert.equal(await page.getByTestId("bought").textContent(), "6", `${name}: the previous data stays`);
  }
  // The million: refused at once by its size (the export of a million codes is ~130 MB; its
  // size is what is refused, so the file is that size without its rows being written), or
  // (short lines) by its row count as it streams in.
  await chooseFile(page, await writeSized(dir, "million.csv", 132_213_384));
  assert.equal(await page.getByTestId("import-error").textContent(), "文件过大（127 MB，上限 64 MB），未读取。");
  await importFile(page, "million-short.csv", `考试码,订单号,状态,考试码有效期\n${"A,O,未使用,2026-01-01 至 2027-01-01\n".repeat(1_000_000)}`);
  assert.equal(await page.getByTestId("import-error").textContent(), "考试码过多：单次最多导入 200000 个，文件读到第 200002 行时已超过。");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("what a file gets wrong is said: GBK decoded and said, bidi controls shown visibly (also in the dialog), duplicates and two paid days", async () => {
  const { page, context, problems } = await open();
  await page.getByTestId("today").fill("2026-11-26");
  const text = HEADER + row("G1", "O-1", "未使用", V26) + row("G2", "O-1", "已绑定", V26, "张三", "1") + row("G2", "O-1", "已绑定", V26, "张三", "1") +
    row("G3", "O-1", "未使用", "2026-01-12 至 2027-01-12");
  await importFile(page, "gbk.csv", text, { encoding: "gbk" });
  assert.match(await status(page), /^已导入 3 个考试码，1 个订单，用时 [\d.]+ 秒。 文件中有 3 处需要注意，见下方。 文件按 GB18030 编码读取。$/);
  const warnings = await page.locator("[data-testid=warnings] li").allTextContents();
  assert.deepEqual(warnings, [
    "文件不是 UTF-8 编码，已按 GB18030 (GBK) 读取，请核对中文是否显示正确。",
    "考试码 G2 在第 3 行和第 4 行重复出现，内容相同，按一个计。",
    "订单 O-1 的考试码有效期起始日不一致（第 2 行为 2026-01-10，第 5 行为 2026-01-12）：按较早的 2026-01-10 判定。",
  ]);
  await tab(page, "codes");
  assert.equal((await cells(page, "G2"))[6], "张三");
  await importFile(page, "bidi.csv", HEADER + row("B1", "O-2", "已绑定", V26, "\u202E三张 \u202Dok", "7"));
  await tab(page, "codes");
  assert.equal((await cells(page, "B1"))[6], "⟨U+202E⟩三张 ⟨U+202D⟩ok");
  await page.locator('#codes tr[data-code="B1"] button[data-action=unbind]').click();
  assert.match(await page.getByTestId("confirm-text").textContent(), /考生 ⟨U\+202E⟩三张 ⟨U\+202D⟩ok（UN 7） 将无法使用它进行认证考试/);
  await page.getByTestId("confirm-cancel").click();
  assert.match((await page.locator("[data-testid=warnings] li").allTextContents())[0], /^第 2 行「姓名」列含有不可见的控制字符/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a cleared or out-of-range date is refused beside its field, and no decision of another date stays on screen", async () => {
  const { page, context, problems } = await openWith("dates.csv", FILE);
  assert.equal(await page.locator("#views").isVisible(), true);
  const refusedWith = async (value, message) => {
    await page.getByTestId("today").fill(value);
    await page.waitForFunction(() => document.getElementById("today").getAttribute("aria-invalid") === "true");
    assert.equal(await page.getByTestId("today-error").textContent(), message);
    assert.equal(await page.locator("#views").isVisible(), false);
    assert.match(await status(page), /在填写有效日期之前，不显示任何判定。$/);
  };
  await refusedWith("", "请填写判定日期。");
  await page.getByTestId("today").fill("2027-01-11");
  await page.waitForFunction(() => document.getElementById("today").getAttribute("aria-invalid") === null && !document.getElementById("views").hidden);
  assert.equal(await status(page), "已按 2027-01-11 重新判定。");
  await refusedWith("1969-12-31", "判定日期超出规则引擎支持的年份（1970–2199 年）。");
  // A day before an order's payment: nothing about that order can be decided as of it (the engine refuses it).
  await refusedWith("2026-01-09", "订单 A-2026 的支付日期是 2026-01-10，晚于判定日期：请把判定日期改为 2026-01-10 或之后。");
  await page.getByTestId("today").fill("2026-01-10");
  await page.waitForFunction(() => document.getElementById("today").getAttribute("aria-invalid") === null && !document.getElementById("views").hidden);
  assert.equal(await status(page), "已按 2026-01-10 重新判定。");
  await page.getByTestId("today").fill("2027-01-11");
  await page.waitForFunction(() => !document.getElementById("views").hidden);
  await tab(page, "codes");
  assert.deepEqual(await actionsOf(page, "BN001"), [], "2027-01-11: the order expired after 2027-01-10");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a file chosen while the date is empty is imported once the date is filled in, and the status says so each time", async () => {
  const { page, context, problems } = await open();
  await page.getByTestId("today").fill("");
  await page.waitForFunction(() => document.getElementById("today").getAttribute("aria-invalid") === "true");
  await page.getByTestId("file").setInputFiles(await writeExport(dir, "waiting.csv", FILE));
  await page.waitForFunction(() => /选择的文件/.test(document.getElementById("console_status").textContent));
  assert.equal(await status(page), "请填写判定日期。在填写有效日期之前，不显示任何判定。 选择的文件将在填写有效日期后导入。");
  await page.getByTestId("today").fill("2026-11-26");
  await page.waitForFunction(() => Number(document.body.dataset.loads ?? 0) > 0);
  assert.match(await status(page), /^已导入 6 个考试码，2 个订单，用时 [\d.]+ 秒。$/);
  assert.equal(await page.getByTestId("bought").textContent(), "6");
  assert.equal(await page.locator("#views").isVisible(), true);
  // A file paid after the date shown waits for a later date in the same way, said beside the date.
  const early = await open();
  await early.page.getByTestId("today").fill("2025-12-01");
  await early.page.getByTestId("file").setInputFiles(await writeExport(dir, "later.csv", FILE.replaceAll("A-2026", "C-2026")));
  await early.page.waitForFunction(() => document.getElementById("today").getAttribute("aria-invalid") === "true");
  assert.equal(await early.page.getByTestId("today-error").textContent(), "订单 C-2026 的支付日期是 2026-01-10，晚于判定日期：请把判定日期改为 2026-01-10 或之后。");
  assert.equal(await early.page.getByTestId("import-error").isHidden(), true, "not a fault of the file");
  const loads = Number(await early.page.evaluate(() => document.body.dataset.loads ?? 0));
  await early.page.getByTestId("today").fill("2026-01-10");
  await early.page.waitForFunction((n) => Number(document.body.dataset.loads ?? 0) > n, loads);
  assert.match(await status(early.page), /^已导入 6 个考试码，2 个订单，用时 [\d.]+ 秒。$/);
  assert.equal(await early.page.locator("#views").isVisible(), true);
  assert.deepEqual(early.problems(), []);
  await early.context.close();
  // Nothing chosen meanwhile: the date is said, no refusal stays.
  const fresh = await open();
  await fresh.page.getByTestId("today").fill("");
  await fresh.page.waitForFunction(() => document.getElementById("today").getAttribute("aria-invalid") === "true");
  await fresh.page.getByTestId("today").fill("2026-11-27");
  await fresh.page.waitForFunction(() => document.getElementById("today").getAttribute("aria-invalid") === null);
  assert.equal(await status(fresh.page), "判定日期为 2026-11-27。");
  assert.deepEqual(problems(), []);
  assert.deepEqual(fresh.problems(), []);
  await fresh.context.close();
  await context.close();
});

/** Imports a generated file and prints the import's figures (no figure is judged). */
/** The purchased codes of a generated export: its codes less the void ones (each was replaced). */
const purchased = (spec) => spec.codes - (sampleExport(spec).match(/,已作废,/g) ?? []).length;

async function importMeasured(page, name, content, label) {
  await longest(page);
  const t0 = Date.now();
  await importFile(page, name, content);
  const wall = Date.now() - t0;
  const task = await longest(page);
  console.log(`# ${label}: imported in ${wall} ms (page: ${await page.evaluate(() => document.body.dataset.loadMs)} ms), longest main-thread task ${task.toFixed(0)} ms`);
  assert.equal(await page.getByTestId("import-error").isHidden(), true, await page.getByTestId("import-error").textContent());
}

test("1 000 and 200 000 codes in 50 orders: imported, paged, acted on, sorted and filtered", async () => {
  const { page, context, problems } = await open("console.html", {});
  await watchLongTasks(context);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.getByTestId("today").fill("2026-11-26");
  for (const n of [1000, 200_000]) {
    const spec = { codes: n, orders: 50, certifications: ["腾讯云计算工程师认证", "腾讯云数据库工程师认证"] };
    await importMeasured(page, `export-${n}.csv`, spec, `${n} codes in 50 orders`);
    assert.equal(await page.getByTestId("bought").textContent(), String(purchased(spec)), "a void code was replaced: not a purchase");
    assert.equal(await page.getByTestId("orders-n").textContent(), "50");
    await tab(page, "codes");
    assert.equal(await page.getByTestId("page-info").textContent(), `第 1–50 条，共 ${n} 条`);
    const bound = page.locator("#codes button[data-action=unbind]").first();
    const code = await bound.evaluate((b) => b.closest("tr").dataset.code);
    await bound.click();
    await acted(page, () => page.getByTestId("confirm-ok").click());
    assert.equal(await page.locator(`#codes tr[data-code="${code}"] td[data-state]`).getAttribute("data-state"), "unused");
    await filter(page, "filter", "TC000000");
    assert.equal(await page.getByTestId("page-info").textContent(), "第 1–9 条，共 9 条");
    await filter(page, "filter", "");
    await redrawn(page, () => page.locator('#codes button.sort[data-key="code"]').click());
    await redrawn(page, () => page.locator('#codes button.sort[data-key="code"]').click());
    assert.equal(await page.locator("#codes tbody tr[data-code]").first().getAttribute("data-code"), `TC${String(n).padStart(7, "0")}`);
    await tab(page, "overview");
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test("200 000 codes in 200 000 orders, and in 200 000 certifications: imported and paged; a refused file leaves them", async () => {
  const { page, context, problems } = await open();
  await watchLongTasks(context);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.getByTestId("today").fill("2026-11-26");
  await importMeasured(page, "orders-200k.csv", { codes: 200_000, orders: 200_000, orderDays: 0 }, "200000 codes in 200000 orders");
  assert.equal(await page.getByTestId("orders-n").textContent(), "200000");
  await tab(page, "orders");
  assert.equal(await page.getByTestId("orders-page-info").textContent(), "第 1–50 条，共 200000 条");
  await filter(page, "orders-search", "202500199999");
  assert.deepEqual(await page.locator("#orders tbody tr[data-order]").evaluateAll((trs) => trs.map((tr) => tr.dataset.order)), ["202500199999"]);
  const certs = { codes: 200_000, orders: 50, distinctCertifications: true };
  await importMeasured(page, "certs-200k.csv", certs, "200000 codes in 200000 certifications");
  await tab(page, "overview");
  assert.match(await page.getByTestId("certs-page-info").textContent(), /^第 1–50 条，共 \d+ 条$/);
  await importFile(page, "bad.csv", HEADER + row("A", "O", "丢失", V26));
  assert.equal(await page.getByTestId("import-error").isVisible(), true);
  assert.equal(await page.getByTestId("bought").textContent(), String(purchased(certs)), "the previous data stays");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("export: the list as shown (filtered, in its order) as CSV the console reads back", async () => {
  const { page, context, problems } = await openWith("export.csv", FILE);
  await tab(page, "codes");
  await filter(page, "filter", "A-2026");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  const text = await downloadedText(download);
  const lines = text.split("\r\n");
  assert.equal(lines[0], "\ufeff考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间");
  assert.deepEqual(lines.slice(1, -1).map((l) => l.split(",")[0]), ["BN001", "BN002", "BN003", "BN004"]);
  assert.equal(download.suggestedFilename(), "考试码-2026-11-26.csv");
  assert.equal(await status(page), "已导出 4 行。");
  // A regenerated code is only noted here: the export marks it, and importing the file leaves it out and says so.
  await page.locator('#codes tr[data-code="BN001"] button[data-action=regenerate]').click();
  await acted(page, () => page.getByTestId("confirm-ok").click());
  const [again] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  const marked = await downloadedText(again);
  assert.match(marked, /\r\nBN001-R1（暂记，非真实考试码）,腾讯云计算工程师认证,理论考试,A-2026,未使用,/);
  await importFile(page, "marked.csv", marked);
  assert.match(await status(page), /^已导入 4 个考试码，1 个订单，用时 [\d.]+ 秒。 文件中有 1 处需要注意，见下方。$/);
  assert.deepEqual(await page.locator("[data-testid=warnings] li").allTextContents(),
    ["第 3 行的考试码 BN001-R1 是本页重新生成考试码时暂记的占位码，不是真实考试码，未导入；新考试码以管理后台生成的为准。"]);
  // 数据统计 exports the columns it shows.
  await tab(page, "people");
  const [people] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  const shown = (await downloadedText(people)).split("\r\n");
  assert.equal(shown[0], "\ufeff姓名,UN,认证科目,考试类型,报名时间,考试时间,考试成绩,是否通过");
  assert.equal(shown[1], "张三,100001,腾讯云计算工程师认证,理论考试,2026-02-01 10:00:00,-,-,-");
  assert.deepEqual(problems(), []);
  await context.close();
});

/** An export like the tester's: an order of unused codes (refundable), one with bound and examined codes, one of a single unused code. */
const ORDERS_FILE = HEADER + ["B001", "B002", "B003"].map((c) => row(c, "2026112001", "未使用", V26)).join("") +
  row("C01", "2026112002", "已绑定", V26, "张三", "100001") + row("C02", "2026112002", "已考试", V26, "李四", "100002") + row("C03", "2026112002", "未使用", V26) +
  row("D01", "2026112003", "未使用", V26);

/** Every row button of `table` (not in a details row) with its name, its row's code or order, and whether it is wholly inside the table's box and the window. */
const rowButtons = (page, table) => page.locator(`#${table} tbody tr:not(.details) button`).evaluateAll((buttons) => buttons.map((b) => {
  const box = b.closest(".table-scroll").getBoundingClientRect();
  const r = b.getBoundingClientRect();
  const tr = b.closest("tr");
  return { text: b.textContent, name: b.getAttribute("aria-label"), of: tr.dataset.code ?? tr.dataset.order,
    inside: r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.right <= document.documentElement.clientWidth };
}));
const scrolls = (page, panel) => page.locator(`#panel_${panel} .table-scroll`).evaluate((box) => box.scrollWidth - box.clientWidth);

test("every action is visible without sideways scrolling at 1280×900, and reachable on a 390 px phone, in every locale; axe finds nothing", async () => {
  // (A 1920 px screen too: the console's box grows to 1 526 px and shows the 考试类型 and pinyin columns.)
  for (const [size, viewport] of [["desktop", DESKTOP], ["wide", { width: 1920, height: 1000 }], ["phone", PHONE]]) {
    for (const locale of ["zh-CN", "zh-Hant", "en"]) {
      const { page, context, problems } = await open(`console.html?lang=${locale}`, { viewport });
      await page.getByTestId("today").fill("2026-11-26");
      await importFile(page, `layout-${locale}.csv`, ORDERS_FILE);
      const pinyin = page.locator("#codes thead th", { hasText: /^(姓拼音|Surname \(pinyin\))$/ });
      await tab(page, "codes");
      assert.equal(await pinyin.isVisible(), size === "wide", `${size} ${locale}: the pinyin columns in the row, else in its details`);
      for (const [panel, table, first] of [["orders", "orders", "td.order-no"], ["codes", "codes", "td.code"]]) {
        await tab(page, panel);
        const buttons = await rowButtons(page, table);
        assert.ok(buttons.length >= (panel === "orders" ? 8 : 11), `${size} ${locale} ${panel}: ${buttons.length} buttons`);
        assert.deepEqual(buttons.filter((b) => !b.inside).map((b) => b.text), [], `${size} ${locale} ${panel}: buttons cut off`);
        assert.ok(await scrolls(page, panel) <= 0, `${size} ${locale} ${panel} scrolls sideways by ${await scrolls(page, panel)} px`);
        // 详情 opens below its row; the row's first column stays in view.
        await page.locator(`#${table} [data-details]`).first().click();
        const firstCell = await page.locator(`#${table} tbody tr:not(.details)`).first().locator(first).evaluate((td) => {
          const box = td.closest(".table-scroll");
          return { left: td.getBoundingClientRect().left - box.getBoundingClientRect().left, scrolled: box.scrollLeft };
        });
        assert.deepEqual(firstCell.scrolled, 0, `${size} ${locale} ${panel}`);
        assert.ok(firstCell.left >= 0, `${size} ${locale} ${panel}`);
        await shoot(page, `console-${panel}-fit`, locale, size);
      }
      if (size !== "phone") {
        await tab(page, "people");
        assert.ok(await scrolls(page, "people") <= 0, `${locale} people`);
        await tab(page, "overview");
        assert.ok(await scrolls(page, "overview") <= 0, `${locale} overview`);
      } else {
        await tab(page, "overview");
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${size} ${locale}: the page scrolls sideways`);
      const { violations } = await axe(page);
      assert.deepEqual(violations, [], `${size} ${locale}: ${describe(violations)}`);
      // Also WCAG 2.2's target size (not among the suite's tags), on the overview and on the codes' buttons.
      for (const panel of ["overview", "codes"]) {
        await tab(page, panel);
        const small = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "rule", values: ["target-size"] } })
          .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))));
        assert.deepEqual(small, [], `${size} ${locale} ${panel}: target-size`);
      }
      assert.deepEqual(problems(), []);
      await context.close();
    }
  }
});

test("each row's buttons say which code or order they act on (every locale); English counts one code in the singular", async () => {
  for (const locale of ["zh-CN", "zh-Hant", "en"]) {
    const { page, context, problems } = await open(`console.html?lang=${locale}`, { viewport: DESKTOP });
    await page.getByTestId("today").fill("2026-11-26");
    await importFile(page, `names-${locale}.csv`, ORDERS_FILE);
    for (const table of ["orders", "codes"]) {
      await tab(page, table);
      const buttons = await rowButtons(page, table);
      for (const b of buttons) {
        assert.ok(b.name.startsWith(b.text) && b.name.includes(b.of), `${locale}: "${b.name}" for ${b.text} of ${b.of}`);
        assert.doesNotMatch(b.name, /[{}$]|\bCOD-|\.\w+\./, b.name);
      }
      assert.equal(new Set(buttons.map((b) => b.name)).size, buttons.length, `${locale} ${table}: every name differs`);
    }
    const names = {
      "zh-CN": ["解绑：考试码 C01", "详情：考试码 B001", "退款：订单 2026112001", "查看考试码：订单 2026112003"],
      en: ["Unbind: code C01", "Details: code B001", "Refund: order 2026112001", "View codes: order 2026112003"],
    }[locale] ?? [];
    for (const name of names) {
      if (/订单|order/.test(name)) await tab(page, "orders");
      else await tab(page, "codes");
      assert.equal(await page.getByRole("button", { name, exact: true }).count(), 1, name);
    }
    if (locale === "en") {
      await tab(page, "orders");
      assert.equal(await page.locator('#orders tr[data-order="2026112003"] [data-testid=order-refund]').textContent(), "1 unused code refundable");
      assert.equal(await page.locator('#orders tr[data-order="2026112001"] [data-testid=order-refund]').textContent(), "3 unused codes refundable");
    }
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("screenshots of the console with orders at 1280×900 and 390×844 (orders, codes with a row's details open)", async () => {
  for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    const { page, context, problems } = await open("console.html", { viewport });
    await page.getByTestId("today").fill("2026-11-26");
    await importFile(page, "shots.csv", { codes: 300, orders: 3, certifications: ["腾讯云计算工程师认证", "腾讯云数据库工程师认证"] });
    await shoot(page, "console-overview", "zh-CN", size);
    await tab(page, "orders");
    await page.locator("#orders [data-details]").first().click();
    await shoot(page, "console-orders", "zh-CN", size);
    await tab(page, "codes");
    await page.locator("#codes [data-details]").nth(1).click();
    await shoot(page, "console-codes", "zh-CN", size);
    if (size === "phone") {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  }
});
