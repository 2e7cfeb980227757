// Reading an exam-code export (CSV or JSON) for the enterprise console.
// Pure functions: no DOM, so Node tests import this module directly.
//
// CSV (RFC 4180, header row required, any column order; a leading BOM is
// dropped):
//   code,certification,state,order_paid_at,passed[,order]
// or the console's own Chinese headers (HEADER_NAMES): 考试码,认证科目,状态,
// 订单支付时间,是否通过,订单号, with Chinese state words (未使用, 已绑定 …).
// JSON: [{ code, certification, state, order_paid_at, passed?, order? }]
//   or { codes: [...] }.
// order_paid_at: RFC 3339, or "YYYY-MM-DD HH:MM:SS" in China time (the
// console's own export format).

export const MAX_CODES = 200_000;
export const MAX_BYTES = 64 * 1024 * 1024;

export class ImportError extends Error {
  constructor(key, vars = {}) {
    super(key);
    this.key = key;   // an i18n key of the page
    this.vars = vars;
  }
}

const REQUIRED = ["code", "state", "order_paid_at"];

/**
 * Column headers as the Tencent Cloud console exports them (Simplified and
 * Traditional), to the field each one fills.
 */
export const HEADER_NAMES = {
  code: ["考试码", "考試碼", "兑换码"],
  certification: ["考试科目", "考試科目", "认证科目", "認證科目", "认证", "認證", "认证名称", "認證名稱", "科目"],
  state: ["状态", "狀態", "考试码状态", "考試碼狀態", "记录状态", "記錄狀態"],
  // 考试码有效期 "2024-08-29 至 2025-08-29" starts on the order's paid date.
  order_paid_at: ["订单支付时间", "訂單支付時間", "支付时间", "支付時間", "购买时间", "購買時間", "考试码有效期", "考試碼有效期"],
  passed: ["是否通过", "是否通過", "考试结果", "考試結果"],
  order: ["订单号", "訂單號", "订单", "訂單", "订单编号", "訂單編號"],
};
const HEADER_FIELD = new Map(Object.entries(HEADER_NAMES).flatMap(([field, names]) => names.map((n) => [n, field])));

/** State words of a Chinese export, to the engine's state names. */
export const STATE_NAMES = {
  未使用: "unused", 已绑定: "bound", 已綁定: "bound", 已考试: "examined", 已考試: "examined", 已作废: "void", 已作廢: "void",
  已过期: "expired", 已過期: "expired", 已退款: "refunded",
};
// The longest value a column may hold (a code is 10–20 characters in the
// console's exports; a 60 MB "code" froze the page before).
const MAX_LENGTH = { code: 64, certification: 64, state: 16, order_paid_at: 40, order: 128, passed: 8 };

function text(item, key, line) {
  const s = String(item[key]).trim();
  if (s.length > MAX_LENGTH[key]) throw new ImportError("import.too_long", { line, field: key, max: MAX_LENGTH[key] });
  return s;
}

/** Splits CSV text into rows of fields; throws ImportError on bad quoting. */
export function parseCsv(text, maxRows = MAX_CODES + 1) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let fieldStartLine = 1;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"') {
        if (text[k + 1] === '"') {
          field += '"';
          k++;
        } else {
          quoted = false;
          const next = text[k + 1];
          if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
            throw new ImportError("import.csv_quote", { line });
          }
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== "") throw new ImportError("import.csv_quote", { line });
      quoted = true;
      fieldStartLine = line;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[k + 1] === "\n") k++;
      row.push(field);
      field = "";
      if (!(row.length === 1 && row[0] === "")) rows.push({ fields: row, line });
      if (rows.length > maxRows) throw new ImportError("import.too_many", { max: MAX_CODES });
      row = [];
      line++;
    } else {
      field += c;
    }
  }
  if (quoted) throw new ImportError("import.csv_unclosed", { line: fieldStartLine });
  row.push(field);
  if (!(row.length === 1 && row[0] === "")) rows.push({ fields: row, line });
  if (rows.length > maxRows) throw new ImportError("import.too_many", { max: MAX_CODES });
  return rows;
}

/**
 * "2024-08-29 17:54:01" (China) or RFC 3339 → RFC 3339; a date alone, or the
 * console's validity span "2024-08-29 至 2025-08-29", → its first day at
 * 00:00 China time; null when none of these.
 */
export function toInstant(value) {
  const s = String(value ?? "").trim();
  const day = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:至|到|~|～)\s*\d{4}-\d{2}-\d{2})?$/.exec(s);
  if (day) return `${day[1]}T00:00:00+08:00`;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s)) return s.replace(" ", "T");
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(s);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ":00"}+08:00` : null;
}

function toPassed(value, line) {
  if (value === undefined || value === null || value === "") return undefined;
  if (value === true || value === false) return value;
  const s = String(value).trim().toLowerCase();
  if (["true", "1", "yes", "是", "通过", "通過"].includes(s)) return true;
  if (["false", "0", "no", "否", "未通过", "未通過"].includes(s)) return false;
  throw new ImportError("import.bad_passed", { line });
}

function normalise(item, line) {
  if (item === null || typeof item !== "object" || Array.isArray(item)) throw new ImportError("import.not_object", { line });
  for (const key of REQUIRED) {
    if (item[key] === undefined || item[key] === null || String(item[key]).trim() === "") {
      throw new ImportError("import.missing", { line, field: key });
    }
  }
  for (const key of Object.keys(MAX_LENGTH)) if (item[key] !== undefined && item[key] !== null) text(item, key, line);
  const paid = toInstant(item.order_paid_at);
  if (!paid) throw new ImportError("import.bad_time", { line, value: String(item.order_paid_at).slice(0, 40) });
  return {
    code: text(item, "code", line),
    certification: item.certification ? text(item, "certification", line) : "",
    state: STATE_NAMES[text(item, "state", line)] ?? text(item, "state", line),
    order_paid_at: paid,
    order: item.order ? text(item, "order", line) : paid,
    passed: toPassed(item.passed, line),
  };
}

/** Text of a .csv or .json export → normalised codes; throws ImportError. */
export function importCodes(text, { json = undefined } = {}) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);  // Excel's BOM
  if (text.length > MAX_BYTES) throw new ImportError("import.too_large", { max: MAX_BYTES >> 20 });
  const trimmed = text.trimStart();
  const isJson = json ?? (trimmed.startsWith("[") || trimmed.startsWith("{"));
  if (isJson) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ImportError("import.bad_json", { detail: String(e.message).slice(0, 80) });
    }
    const list = Array.isArray(doc) ? doc : doc?.codes;
    if (!Array.isArray(list)) throw new ImportError("import.not_list");
    if (list.length > MAX_CODES) throw new ImportError("import.too_many", { max: MAX_CODES });
    return list.map((item, k) => normalise(item, k + 1));
  }
  // Refuse a huge CSV before splitting it: count the lines first.
  let lines = 0;
  for (let k = text.indexOf("\n"); k !== -1; k = text.indexOf("\n", k + 1)) {
    if (++lines > MAX_CODES + 1) throw new ImportError("import.too_many", { max: MAX_CODES });
  }
  const rows = parseCsv(text);
  if (rows.length === 0) throw new ImportError("import.empty");
  const header = rows[0].fields.map((h) => {
    const name = h.trim();
    return HEADER_FIELD.get(name) ?? name.toLowerCase();
  });
  for (const key of REQUIRED) {
    if (!header.includes(key)) throw new ImportError("import.missing_column", { field: key });
  }
  return rows.slice(1).map(({ fields, line }) => {
    if (fields.length !== header.length) {
      throw new ImportError("import.columns", { line, got: fields.length, want: header.length });
    }
    const item = {};
    header.forEach((h, k) => { item[h] = fields[k]; });
    return normalise(item, line);
  });
}

/** Deterministic sample codes (for the demo and the 100 000-code measurements). */
export function sampleCodes(n, seed = 1) {
  const certs = ["cloud-computing-engineer", "cloud-architect-professional", "database-engineer", "big-data-engineer", "ai-engineer"];
  const states = ["unused", "unused", "bound", "examined", "examined", "void"];
  const orders = ["2025-12-01T10:00:00+08:00", "2026-03-15T09:30:00+08:00", "2026-06-30T14:00:00+08:00", "2025-11-20T16:45:00+08:00"];
  let x = seed >>> 0 || 1;
  const next = () => {  // xorshift32
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
  const codes = [];
  for (let k = 0; k < n; k++) {
    const state = states[next() % states.length];
    const order = orders[next() % orders.length];
    codes.push({
      code: `TC${String(k + 1).padStart(7, "0")}`,
      certification: certs[next() % certs.length],
      state,
      order_paid_at: order,
      order,
      passed: state === "examined" ? next() % 10 < 6 : undefined,
    });
  }
  return codes;
}
