// Reads an exam-code export as it streams in: its encoding, its CSV (or
// JSON) records, every bound (file size, rows, field lengths) checked as the
// bytes arrive, and each row normalised with a refusal that names the line
// and the column as the file names it; a placeholder code the console's own
// export marked is left out, with a warning. No DOM: the console's worker and the
// Node tests import it.
//
// The export of 考试码管理 (BOM, CRLF; the 操作 column may be left in):
//   考试码,考试科目,考试类型,订单号,状态,考试码有效期,姓名,UN,姓拼音,名拼音,报名时间
//   BN,腾讯云架构高级工程认证,理论考试,2024,未使用,2024-08-29 至 2025-08-29,-,-,-,-,-
// plus, when the file has them, 考试时间, 考试成绩 and 是否通过 (数据统计's columns),
// or 订单支付时间 in place of 考试码有效期. JSON: the same fields by their keys
// (COLUMNS), as a list or { codes: [...] }.
//   const { rows, warnings, encoding } = await readExport(file, { onProgress });

import { LOCALES, STRINGS } from "./console_strings.js";

export const MAX_CODES = 200_000;
const MAX_BYTES = 64 * 1024 * 1024;

export class ImportError extends Error {
  constructor(key, vars = {}) {
    super(key);
    this.key = key;  // an i18n key of the page
    this.vars = vars;
  }
}

/**
 * Every column the console reads: the header names it is exported under
 * (Simplified, Traditional, and the JSON key last) and its longest value.
 * One of `validity` and `paid_at` gives the order's paid day.
 */
export const COLUMNS = {
  code: { names: ["考试码", "考試碼", "兑换码", "兌換碼", "code"], max: 64, required: true },
  certification: { names: ["考试科目", "考試科目", "认证科目", "認證科目", "认证科目名称", "認證科目名稱", "certification"], max: 64 },
  exam_type: { names: ["考试类型", "考試類型", "exam_type"], max: 32 },
  order: { names: ["订单号", "訂單號", "订单编号", "訂單編號", "order"], max: 64, required: true },
  state: { names: ["状态", "狀態", "考试码状态", "考試碼狀態", "state"], max: 16, required: true },
  validity: { names: ["考试码有效期", "考試碼有效期", "validity"], max: 40 },
  paid_at: { names: ["订单支付时间", "訂單支付時間", "支付时间", "支付時間", "order_paid_at"], max: 40 },
  name: { names: ["姓名", "name"], max: 64 },
  un: { names: ["UN", "un"], max: 64 },
  surname_pinyin: { names: ["姓拼音", "surname_pinyin"], max: 64 },
  given_pinyin: { names: ["名拼音", "given_pinyin"], max: 64 },
  registered_at: { names: ["报名时间", "報名時間", "registered_at"], max: 40 },
  exam_at: { names: ["考试时间", "考試時間", "exam_at"], max: 40 },
  score: { names: ["考试成绩", "考試成績", "score"], max: 16 },
  passed: { names: ["是否通过", "是否通過", "passed"], max: 8 },
  // The export's own 操作 column ("查看成绩 解绑 重新生成考试码"): read past, never used.
  actions: { names: ["操作"], max: 128, ignored: true },
};
/** The columns of 考试码管理's export, as its header writes them (what a missing column's message lists). */
export const EXPORT_HEADER = ["code", "certification", "exam_type", "order", "state", "validity", "name", "un", "surname_pinyin", "given_pinyin", "registered_at"]
  .map((f) => COLUMNS[f].names[0]).join(", ");
const HEADER_FIELD = new Map(Object.entries(COLUMNS).flatMap(([field, c]) => c.names.map((n) => [n, field])));
/** The longest field any column may hold: a longer one is refused the moment it is read. */
const MAX_FIELD = Math.max(...Object.values(COLUMNS).map((c) => c.max));

/**
 * How the console's export marks a code it only noted on its page (重新生成考试码:
 * the real new code is the admin console's), in each locale. A marked row is
 * not imported: a made-up code is never read as a real one.
 */
const PLACEHOLDER_MARKS = [...new Set(LOCALES.map((l) => STRINGS[l]["console.placeholder_mark"].trim()))];
/** The code a placeholder mark is on ("B001-R1（暂记，非真实考试码）" → "B001-R1"), else null. */
export function placeholderCode(value) {
  const v = value.trim();
  const mark = PLACEHOLDER_MARKS.find((m) => v.endsWith(m));
  return mark ? v.slice(0, -mark.length).trim() : null;
}

/** The export's state words (and the engine's names), to the engine's state names. */
const STATE_NAMES = {
  未使用: "unused", 已绑定: "bound", 已綁定: "bound", 已考试: "examined", 已考試: "examined", 已作废: "void", 已作廢: "void",
  已过期: "expired", 已過期: "expired", 已退款: "refunded",
  unused: "unused", bound: "bound", examined: "examined", void: "void", expired: "expired", refunded: "refunded",
};
/** The state words as the export writes them (what a refused state's message lists). */
const STATE_WORDS = "未使用 / 已绑定 / 已考试 / 已作废 / 已过期 / 已退款";
const PASSED_WORDS = new Map([
  ...["是", "通过", "通過", "true", "yes", "1", "passed"].map((w) => [w, true]),
  ...["否", "未通过", "未通過", "不通过", "不通過", "false", "no", "0", "not passed"].map((w) => [w, false]),
]);

/**
 * Characters that change how text around them is shown (bidi controls) or
 * are not shown at all: in a value they are written out as ⟨U+202E⟩, so a
 * name cannot reverse the sentence it is put in.
 */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const HIDDEN_TEST = new RegExp(HIDDEN.source);
export const visible = (s) => s.replace(HIDDEN, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);

/**
 * CSV records as text arrives in pieces (RFC 4180: quotes, doubled quotes,
 * CRLF or LF, a quoted field across lines). `onRecord(fields, line)` gets each
 * record with the line it starts on; a field longer than MAX_FIELD, a quote in
 * the middle of a field, text after a closing quote and an unclosed quote are
 * refused with their line.
 */
export class CsvReader {
  constructor(onRecord, delimiter = ",") {
    this.onRecord = onRecord;
    this.delimiter = delimiter;
    this.special = new RegExp(`[${delimiter === "\t" ? "\\t" : delimiter}\\r\\n"]`, "g");
    this.fields = [];
    this.field = "";
    this.quoted = false;    // inside a quoted field
    this.closed = false;    // just after a quoted field's closing quote
    this.quoteAtEnd = false;  // a quote ended the last piece: closing, or the first of a doubled one
    this.skipLf = false;    // a CR ended the last piece: a LF first in the next one belongs to it
    this.line = 1;
    this.recordLine = 1;
    this.fieldLine = 1;
  }

  grow(text, line) {
    this.field += text;
    if (this.field.length > MAX_FIELD) throw new ImportError("import.field_too_long", { line, index: this.fields.length, max: MAX_FIELD });
  }

  endField() {
    this.fields.push(this.field);
    this.field = "";
    this.closed = false;
  }

  endRecord() {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    if (!(fields.length === 1 && fields[0] === "")) this.onRecord(fields, this.recordLine);
  }

  push(text) {
    const n = text.length;
    let k = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (text.charCodeAt(0) === 10) k = 1;
    }
    if (this.quoteAtEnd && n > 0) {
      this.quoteAtEnd = false;
      if (text[k] === '"') {
        this.grow('"', this.line);
        k += 1;
      } else {
        this.quoted = false;
        this.closed = true;
      }
    }
    while (k < n) {
      // At a record's start, a whole line without a quote is split at once (most lines are).
      if (!this.quoted && !this.closed && this.field === "" && this.fields.length === 0) {
        const end = text.indexOf("\n", k);
        if (end >= 0) {
          const line = text.slice(k, end > k && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
          if (!line.includes('"') && !line.includes("\r")) {
            const fields = line.split(this.delimiter);
            for (let f = 0; f < fields.length; f++) {
              if (fields[f].length > MAX_FIELD) throw new ImportError("import.field_too_long", { line: this.line, index: f, max: MAX_FIELD });
            }
            if (!(fields.length === 1 && fields[0] === "")) this.onRecord(fields, this.line);
            this.line += 1;
            this.recordLine = this.line;
            k = end + 1;
            continue;
          }
        }
      }
      if (this.quoted) {
        const q = text.indexOf('"', k);
        const piece = text.slice(k, q < 0 ? n : q);
        this.grow(piece, this.fieldLine);
        for (let at = piece.indexOf("\n"); at >= 0; at = piece.indexOf("\n", at + 1)) this.line += 1;
        if (q < 0) return;
        if (q + 1 === n) {
          this.quoteAtEnd = true;
          return;
        }
        if (text[q + 1] === '"') {
          this.grow('"', this.fieldLine);
          k = q + 2;
        } else {
          this.quoted = false;
          this.closed = true;
          k = q + 1;
        }
        continue;
      }
      const c = text[k];
      if (c === this.delimiter) {
        this.endField();
        k += 1;
      } else if (c === "\n" || c === "\r") {
        this.endRecord();
        this.line += 1;
        this.recordLine = this.line;
        k += 1;
        if (c === "\r") {
          if (k === n) this.skipLf = true;
          else if (text[k] === "\n") k += 1;
        }
      } else if (this.closed) {
        throw new ImportError("import.csv_quote", { line: this.line });
      } else if (c === '"') {
        if (this.field !== "") throw new ImportError("import.csv_quote", { line: this.line });
        this.quoted = true;
        this.fieldLine = this.line;
        k += 1;
      } else {
        this.special.lastIndex = k;
        const m = this.special.exec(text);
        const end = m ? m.index : n;
        this.grow(text.slice(k, end), this.line);
        k = end;
      }
    }
  }

  end() {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
      this.closed = true;
    }
    if (this.quoted) throw new ImportError("import.csv_unclosed", { line: this.fieldLine });
    if (this.field !== "" || this.fields.length) this.endRecord();
  }
}

const pad2 = (n) => (n < 10 ? `0${n}` : String(n));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
/** Whether year `y`, month `mo` (1–12) and day `d` name a day of the calendar (leap years counted). */
const dayExists = (y, mo, d) => mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : DAYS_IN_MONTH[mo - 1]);

/** "2024-08-29", "2024/8/29" → "2024-08-29" when the day exists (leap years counted), else null. */
function toDate(s) {
  const m = DATE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!dayExists(y, mo, d)) return null;
  return `${m[1]}-${pad2(mo)}-${pad2(d)}`;
}

const DATE_TIME = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Whether s[from..to) are all ASCII digits. */
const digits = (s, from, to) => {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
};
/** The number the two ASCII digits at s[k], s[k + 1] write. */
const num2 = (s, k) => (s.charCodeAt(k) - 48) * 10 + s.charCodeAt(k + 1) - 48;

/** "2024-08-29 17:54:01", "2024/8/29 17:54", a date alone → "2024-08-29 17:54:01" (China time), else null. */
export function toDateTime(s) {
  // The export's own form ("2024-08-29 17:54:01", one per row) is checked in
  // place and kept as it is: no regular expression, no new string.
  if (s.length === 19 && s[4] === "-" && s[7] === "-" && s[10] === " " && s[13] === ":" && s[16] === ":" &&
      digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10) && digits(s, 11, 13) && digits(s, 14, 16) && digits(s, 17, 19)) {
    const dayOk = dayExists(num2(s, 0) * 100 + num2(s, 2), num2(s, 5), num2(s, 8));
    return dayOk && num2(s, 11) <= 23 && num2(s, 14) <= 59 && num2(s, 17) <= 59 ? s : null;
  }
  const m = DATE_TIME.exec(s);
  const date = m && toDate(m[1]);
  if (!date) return null;
  if (m[2] === undefined) return date;
  const h = Number(m[2]);
  const mi = Number(m[3]);
  const se = Number(m[4] ?? 0);
  if (h > 23 || mi > 59 || se > 59) return null;
  return `${date} ${pad2(h)}:${pad2(mi)}:${pad2(se)}`;
}

const VALIDITY = /^(\S+)\s*(?:至|到|~|～|-{1,2}|—)\s*(\S+)$/;

/** 考试码有效期 "2024-08-29 至 2025-08-29" → { from, to }; null when it is not one. */
export function toValidity(s) {
  const m = VALIDITY.exec(s);
  const from = m ? toDate(m[1]) : toDate(s);
  const to = m ? toDate(m[2]) : null;
  if (!from || (m && (!to || to < from))) return null;
  return { from, to };
}

/** A paid time as RFC 3339: the China-time forms above, or RFC 3339 with its offset; else null. */
export function toInstant(s) {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s)) return s;
  const local = toDateTime(s);
  if (!local) return null;
  return `${local.slice(0, 10)}T${local.length > 10 ? local.slice(11) : "00:00:00"}+08:00`;
}

// "-" is how the export writes an empty cell.
const blank = (s) => s === "" || s === "-" || s === "—";

/** A row as the console keeps it: every column's field, in one shape. */
function emptyRow(line) {
  return {
    line, code: "", certification: "", exam_type: "", order: "", state: "", validity: "", paid_at: "", valid_from: "", valid_to: null,
    name: "", un: "", surname_pinyin: "", given_pinyin: "", registered_at: "", exam_at: "", score: null, passed: undefined,
  };
}

/**
 * Turns records into rows. `names[k]` is the k-th column's name as the file
 * writes it (what an error says); `fields[k]` the field it fills.
 * `add(values, line, hidden)`: `hidden` false when the text the record came
 * from has no hidden character (each value is then not searched for one).
 */
function makeRows(names, fields, source) {
  const rows = [];
  const warnings = [];
  const at = Object.fromEntries(fields.map((f, k) => [f, k]).filter(([f]) => f));
  for (const field of ["code", "order", "state"]) {
    if (at[field] === undefined) throw new ImportError("import.missing_column", { column: COLUMNS[field].names[0], columns: EXPORT_HEADER });
  }
  if (at.validity === undefined && at.paid_at === undefined) throw new ImportError("import.missing_column", { column: COLUMNS.validity.names[0], columns: EXPORT_HEADER });
  const bad = (key, line, k, value, vars = {}) => new ImportError(key, { line, column: names[k], value: visible(value).slice(0, 40), source, ...vars });
  // The columns read, and the longest value each may hold.
  const read = fields.map((f, k) => [f, k]).filter(([f]) => f && !COLUMNS[f].ignored).map(([f, k]) => [f, k, COLUMNS[f].max]);
  // Validity texts repeat (one per order): each is read once.
  const validities = new Map();
  // Values that repeat from row to row (an order's number, its certification,
  // its exam type) are kept once: the copy each row's text gave is dropped at
  // once instead of living as long as the rows (half the import's time was the
  // garbage collector moving them).
  const shared = new Map();
  const keepsOnce = read.map(([f]) => f === "order" || f === "certification" || f === "exam_type");

  function add(values, line, hidden = true) {
    if (rows.length >= MAX_CODES) throw new ImportError("import.too_many", { max: MAX_CODES, line });
    if (values.length !== names.length) throw new ImportError("import.columns", { line, got: values.length, want: names.length, source });
    const placeholder = placeholderCode(values[at.code]);
    if (placeholder !== null) {
      warnings.push({ key: "import.warn.placeholder", vars: { line, code: visible(placeholder).slice(0, COLUMNS.code.max), source } });
      return;
    }
    const row = emptyRow(line);
    for (let r = 0; r < read.length; r++) {
      const [field, k, max] = read[r];
      let value = values[k];
      if (value.length && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32)) value = value.trim();
      if (value.length > max) throw bad("import.too_long", line, k, value, { max });
      if (value === "" || value === "-" || value === "—") continue;
      if (hidden) {
        const shown = visible(value);
        if (shown !== value) warnings.push({ key: "import.warn.hidden", vars: { line, column: names[k], value: shown.slice(0, 60), source } });
        value = shown;
      }
      if (keepsOnce[r]) {
        const kept = shared.get(value);
        if (kept === undefined) shared.set(value, value);
        else value = kept;
      }
      row[field] = value;
    }
    for (const field of ["code", "order", "state"]) if (!row[field]) throw bad("import.empty_value", line, at[field], "");
    row.state = STATE_NAMES[row.state] ?? STATE_NAMES[row.state.toLowerCase()] ?? (() => { throw bad("import.bad_state", line, at.state, row.state, { accepted: STATE_WORDS }); })();
    if (at.validity !== undefined && row.validity) {
      let v = validities.get(row.validity);
      if (v === undefined) {
        v = toValidity(row.validity);
        if (v) Object.assign(v, { text: row.validity, paid_at: `${v.from}T00:00:00+08:00` });
        validities.set(row.validity, v);
      }
      if (!v) throw bad("import.bad_validity", line, at.validity, row.validity);
      row.validity = v.text;
      row.valid_from = v.from;
      row.valid_to = v.to;
      row.paid_at = v.paid_at;
    } else if (at.paid_at !== undefined && row.paid_at) {
      const paid = toInstant(row.paid_at);
      if (!paid) throw bad("import.bad_time", line, at.paid_at, row.paid_at);
      row.paid_at = paid;
      row.valid_from = paid.slice(0, 10);
    } else {
      throw bad("import.empty_value", line, at.validity ?? at.paid_at, "");
    }
    if (row.registered_at && !(row.registered_at = toDateTime(row.registered_at) ?? "")) throw bad("import.bad_time", line, at.registered_at, values[at.registered_at].trim());
    if (row.exam_at && !(row.exam_at = toDateTime(row.exam_at) ?? "")) throw bad("import.bad_time", line, at.exam_at, values[at.exam_at].trim());
    if (row.score !== null) {
      if (!/^\d{1,4}(\.\d{1,2})?$/.test(row.score)) throw bad("import.bad_score", line, at.score, row.score);
      row.score = Number(row.score);
    }
    if (row.passed !== undefined) {
      const p = PASSED_WORDS.get(row.passed.toLowerCase());
      if (p === undefined) throw bad("import.bad_passed", line, at.passed, row.passed, { accepted: "通过 / 未通过" });
      // COD-5: only an examined code has a result.
      if (p && row.state !== "examined") throw bad("import.passed_not_examined", line, at.passed, row.passed);
      row.passed = p;
    }
    rows.push(row);
  }
  return { rows, warnings, add, names };
}

/** The fields of a header row; unknown columns are warned about and read past, a column twice is refused. */
function headerFields(names) {
  const fields = names.map((n) => HEADER_FIELD.get(n) ?? HEADER_FIELD.get(n.toLowerCase()) ?? null);
  const seen = new Map();
  fields.forEach((f, k) => {
    if (!f) return;
    if (seen.has(f)) throw new ImportError("import.column_twice", { column: names[k], other: names[seen.get(f)] });
    seen.set(f, k);
  });
  const unknown = names.filter((n, k) => !fields[k] && n !== "");
  return { fields, unknown };
}

/** Rows from CSV text arriving in pieces: push(text) … end() → { rows, warnings }. */
function csvRows() {
  let table = null;
  let reader = null;
  const headerWarnings = [];
  let hidden = true;
  let before = false;
  const onRecord = (values, line) => {
    if (table) return table.add(values, line, hidden);
    const names = values.map((v, k) => (k === 0 ? v.replace(/^\ufeff/, "") : v).trim());
    const { fields, unknown } = headerFields(names);
    for (const column of unknown) headerWarnings.push({ key: "import.warn.unknown_column", vars: { column: visible(column).slice(0, 40) } });
    table = makeRows(names, fields, "csv");
  };
  return {
    push(text) {
      if (!reader) {
        // A tab-separated export (Excel's "Unicode text") has a tab and no comma in its header.
        const head = text.slice(0, text.search(/[\r\n]/) >>> 0);
        reader = new CsvReader(onRecord, head.includes("\t") && !head.includes(",") ? "\t" : ",");
      }
      // A record may begin in the piece before: it is searched when either piece has a hidden character.
      const now = HIDDEN_TEST.test(text);
      hidden = before || now;
      before = now;
      try {
        reader.push(text);
      } catch (e) {
        throw named(e);
      }
    },
    end() {
      try {
        reader?.end();
      } catch (e) {
        throw named(e);
      }
      if (!table) throw new ImportError("import.empty");
      if (table.rows.length === 0) throw new ImportError("import.no_rows");
      return { rows: table.rows, warnings: [...headerWarnings, ...table.warnings] };
    },
    get rows() {
      return table?.rows.length ?? 0;
    },
  };
  // A field refused by the reader, named by its column once the header is known.
  function named(e) {
    if (e.key === "import.field_too_long") {
      const column = table ? table.names?.[e.vars.index] : undefined;
      return new ImportError("import.field_too_long", { ...e.vars, column: column ?? String(e.vars.index + 1) });
    }
    return e;
  }
}

/** Rows from a JSON export (a list, or { codes: [...] }) → { rows, warnings }. */
function jsonRows(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportError("import.bad_json", { detail: String(e.message).slice(0, 80) });
  }
  const list = Array.isArray(doc) ? doc : doc?.codes;
  if (!Array.isArray(list)) throw new ImportError("import.not_list");
  if (list.length > MAX_CODES) throw new ImportError("import.too_many", { max: MAX_CODES, line: MAX_CODES + 1, source: "json" });
  if (list.length === 0) throw new ImportError("import.no_rows");
  const keys = Object.keys(COLUMNS).filter((f) => !COLUMNS[f].ignored);
  const names = keys.map((f) => COLUMNS[f].names.at(-1));
  const table = makeRows(names, keys, "json");
  list.forEach((item, k) => {
    // A JSON file's place is its item ("item 3"), never a line: `source` says so (console.js words it).
    if (item === null || typeof item !== "object" || Array.isArray(item)) throw new ImportError("import.not_object", { line: k + 1, source: "json" });
    for (const key of Object.keys(item)) {
      if (!names.includes(key)) throw new ImportError("import.unknown_key", { line: k + 1, column: visible(key).slice(0, 40), source: "json" });
    }
    table.add(names.map((n) => {
      const v = item[n];
      if (v === undefined || v === null) return "";
      if (typeof v === "boolean" || typeof v === "number") return String(v);
      if (typeof v !== "string") throw new ImportError("import.not_text", { line: k + 1, column: n, source: "json" });
      return v;
    }), k + 1);
  });
  return { rows: table.rows, warnings: table.warnings };
}

/** What a file without a byte-order mark is read as when it is not UTF-8. */
const FALLBACK = "gb18030";

function bomOf(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

// Thrown by readAs when a byte sequence is not of the encoding it reads.
class NotThisEncoding extends Error {}

/**
 * Reads an export (a Blob or File) as it streams in → { rows, warnings,
 * encoding }. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as
 * they are; a file that is not UTF-8 is read again as GB18030 (a superset of
 * GBK, what Excel on a Chinese Windows saves), and a warning says so; a file
 * that is neither is refused. `onProgress({ bytes, total, rows })` after each
 * piece.
 */
export async function readExport(blob, { onProgress = () => {}, json = undefined } = {}) {
  if (blob.size > MAX_BYTES) throw new ImportError("import.too_large", { size: Math.ceil(blob.size / 2 ** 20), max: MAX_BYTES >> 20 });
  if (blob.size === 0) throw new ImportError("import.empty");
  const bom = bomOf(new Uint8Array(await blob.slice(0, 4).arrayBuffer()));
  try {
    return await readAs(blob, bom ?? "utf-8", json, onProgress);
  } catch (e) {
    if (!(e instanceof NotThisEncoding)) throw e;
    if (bom) throw new ImportError("import.encoding");
  }
  try {
    const out = await readAs(blob, FALLBACK, json, onProgress);
    out.warnings.unshift({ key: "import.warn.encoding", vars: { encoding: "GB18030 (GBK)" } });
    return out;
  } catch (e) {
    if (e instanceof NotThisEncoding) throw new ImportError("import.encoding");
    throw e;
  }
}

async function readAs(blob, encoding, json, onProgress) {
  // fatal: a byte sequence that is not this encoding throws.
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (value) => {
    try {
      return value ? decoder.decode(value, { stream: true }) : decoder.decode();
    } catch {
      throw new NotThisEncoding();
    }
  };
  const reader = blob.stream().getReader();
  let bytes = 0;
  let sink = null;
  let text = null;  // JSON is parsed whole (at most MAX_BYTES)
  let lead = "";    // white space before the first character, which tells CSV from JSON
  const take = (piece) => {
    if (!sink && text === null) {
      lead += piece;
      const start = lead.trimStart();
      if (start === "") return;
      piece = lead;
      if (json ?? (start.startsWith("[") || start.startsWith("{"))) text = "";
      else sink = csvRows();
    }
    if (text !== null) text += piece;
    else sink.push(piece);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      take(decode(value));
      onProgress({ bytes, total: blob.size, rows: sink?.rows ?? 0 });
    }
    take(decode(null));
    // `source` says what a row's `line` counts: a line of the CSV, an item of the JSON list.
    if (text !== null) return { ...jsonRows(text), encoding, source: "json" };
    if (!sink) throw new ImportError("import.empty");
    return { ...sink.end(), encoding, source: "csv" };
  } finally {
    reader.cancel().catch(() => {});
  }
}
