// Sample exam-code exports in the console's own format (考试码管理's columns,
// BOM, CRLF), deterministic for a seed: the page's "generate sample data"
// and the tests' and benchmark's files are the same kind of file an admin
// exports. No DOM.
//   sampleExport({ codes: 1000, orders: 4, certifications: ["腾讯云计算工程师认证"] }) → CSV text

export const EXPORT_HEADER = ["考试码", "考试科目", "考试类型", "订单号", "状态", "考试码有效期", "姓名", "UN", "姓拼音", "名拼音", "报名时间"];
/** 数据统计's columns, added with `results: true`. */
const RESULT_HEADER = ["考试时间", "考试成绩", "是否通过"];

const SURNAMES = [["张", "zhang"], ["王", "wang"], ["李", "li"], ["赵", "zhao"], ["陈", "chen"], ["刘", "liu"], ["杨", "yang"], ["黄", "huang"]];
const GIVEN = [["伟", "wei"], ["芳", "fang"], ["娜", "na"], ["敏", "min"], ["静", "jing"], ["磊", "lei"], ["洋", "yang"], ["婷", "ting"], ["强", "qiang"]];
const STATE_WORDS = ["未使用", "未使用", "已绑定", "已考试", "已考试", "已作废"];
const TYPES = ["理论考试", "理论考试", "理论考试", "实验考试"];

const pad = (n, w) => String(n).padStart(w, "0");
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * `codes` rows in `orders` orders (each order one certification, its codes
 * contiguous), certifications taken from `certifications` in turn, or
 * `distinctCertifications: true` for a new name on every row. Orders are paid
 * on days from `firstPaid` on, one every `orderDays` days. `results` adds the
 * exam time, score and pass columns.
 */
export function sampleExport({
  codes, orders = Math.max(1, Math.ceil(codes / 4000)), certifications = ["腾讯云计算工程师认证"], distinctCertifications = false,
  seed = 1, firstPaid = "2025-12-01", orderDays = 3, results = false,
} = {}) {
  let x = seed >>> 0 || 1;
  const next = () => {  // xorshift32
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
  const header = results ? [...EXPORT_HEADER, ...RESULT_HEADER] : EXPORT_HEADER;
  const lines = [`\ufeff${header.join(",")}`];
  const start = Date.parse(`${firstPaid}T00:00:00Z`);
  const perOrder = Math.ceil(codes / orders);
  for (let k = 0; k < codes; k++) {
    const o = Math.floor(k / perOrder);
    const paidMs = start + o * orderDays * 86_400_000;
    const paid = day(paidMs);
    const to = `${Number(paid.slice(0, 4)) + 1}${paid.slice(4)}`.replace(/-02-29$/, "-02-28");
    const cert = distinctCertifications ? `认证科目${pad(k + 1, 6)}` : certifications[o % certifications.length];
    const state = STATE_WORDS[next() % STATE_WORDS.length];
    const person = state === "已绑定" || state === "已考试";
    const [sur, surPy] = SURNAMES[next() % SURNAMES.length];
    const [given, givenPy] = GIVEN[next() % GIVEN.length];
    const registered = `${day(paidMs + (1 + (next() % 20)) * 86_400_000)} ${pad(8 + (next() % 10), 2)}:${pad(next() % 60, 2)}:00`;
    const row = [
      `TC${pad(k + 1, 7)}`, cert, TYPES[o % TYPES.length], `2025${pad(o + 1, 8)}`, state, `${paid} 至 ${to}`,
      person ? `${sur}${given}` : "-", person ? String(100000000 + (next() % 900000000)) : "-",
      person ? surPy : "-", person ? givenPy : "-", person ? registered : "-",
    ];
    if (results) {
      const examined = state === "已考试";
      const score = next() % 101;
      row.push(examined ? `${day(paidMs + 30 * 86_400_000)} 09:00:00` : "-", examined ? String(score) : "-", examined ? (score >= 60 ? "通过" : "未通过") : "-");
    }
    lines.push(row.join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
