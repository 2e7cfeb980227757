// The enterprise console's data and every decision about it: the imported
// codes, their orders keyed by 订单号, each code's state and admin actions
// (COD-1 … COD-3), each order's validity, reminders and refund (COD-3,
// COD-4) and the statistics (COD-5), all decided by the engine. An action
// re-decides only what it changes: its code, its order, its certification's
// statistics. No DOM: it runs in the console's worker and in Node tests.
//   const model = new ConsoleModel(engine, { now, locale });
//   model.load(await readExport(file));     // → { codes, orders, warnings, … }
//   model.act(id, "unbind");                // → { ok, changed: [ids], added }
//
// The engine is asked about counts, not rows: an order is one exam_code_order
// of its codes counted by state and result (`count`), orders alike in paid day
// and counts share one request, and the statistics per certification are
// asked of the codes counted by certification, state and result — so 200 000
// codes in 200 000 orders or certifications are a few hundred requests
// (docs/DESIGN.md, the console).
import { ImportError } from "./codes_import.js";
import { ListIndex } from "./console_index.js";

/** What an admin does to one code (考试码管理's 操作 column); 退款 is per order. Never 绑定 or 参加考试: the candidate's. */
export const ADMIN_ACTIONS = ["view_score", "unbind", "regenerate"];
/** Requests per evaluateMany call: a batch stays well under the engine's limits and progress moves. */
const BATCH = 2000;
/**
 * The most a statistics request may hold, in bytes of JSON (the engine
 * refuses a request over 1 MiB). An entry is counted at its longest:
 * `{"state":"examined","count":1000000,"certification":"…","passed":false},`.
 */
export const REQUEST_BYTES = 256 * 1024;
const entryBytes = (certification) => 72 + certification.length * 3;
/** Warnings kept per kind (the rest are counted). */
const WARNINGS_PER_KIND = 20;
/** Exam types offered as filter suggestions. */
const MAX_SUGGESTIONS = 200;

/** An instant's China day: "2026-03-05T20:00:00Z" → "2026-03-06". */
const chinaDay = (instant) => new Date(Date.parse(instant) + 8 * 3600000).toISOString().slice(0, 10);

/** The engine's answers, or an ImportError naming the first refusal (a defect: the model only asks what it read). */
function evaluateAll(engine, requests, onProgress = () => {}) {
  const out = [];
  for (let k = 0; k < requests.length; k += BATCH) {
    const answers = engine.evaluateMany(requests.slice(k, k + BATCH));
    for (const a of answers) {
      if (!a.ok) throw new ImportError("import.engine", { message: `${a.error.path}: ${a.error.message}` });
      out.push(a);
    }
    onProgress(Math.min(requests.length, k + BATCH), requests.length);
  }
  return out;
}

/** A list searched as it is while short, with a Set beside it once longer. */
const SMALL = 8;
/** True the first time `value` joins the list `o[field]`. */
function joins(o, field, value) {
  const list = o[field];
  if (list.length <= SMALL) {
    if (list.includes(value)) return false;
  } else {
    o.sets ??= {};
    const set = (o.sets[field] ??= new Set(list));
    if (set.has(value)) return false;
    set.add(value);
  }
  list.push(value);
  return true;
}

/** "state\u0001passed" of a code: what the engine counts it by. */
const groupOf = (r) => `${r.state}\u0001${r.passed ?? ""}`;
const bump = (counts, key, by) => {
  const n = (counts[key] ?? 0) + by;
  if (n === 0) delete counts[key];
  else counts[key] = n;
};

/** exam_code_order's `codes` for counts by group (and certification, when given), in one order of keys. */
function codesOf(counts, certification = "") {
  return Object.keys(counts).sort().map((key) => {
    const [state, passed] = key.split("\u0001");
    const code = { state, count: counts[key] };
    if (certification) code.certification = certification;
    if (passed !== "") code.passed = passed === "true";
    return code;
  });
}

/** A code's candidate fields, empty: what an unbound or a new code holds. */
const NOBODY = { name: "", un: "", surname_pinyin: "", given_pinyin: "", registered_at: "", exam_at: "", score: null, passed: undefined };

export class ConsoleModel {
  constructor(engine, { now, locale, requestBytes = REQUEST_BYTES }) {
    this.engine = engine;
    this.requestBytes = requestBytes;
    this.now = now;
    this.locale = locale;
    // Catalogue names (any locale) → id; the id's names.
    this.catalogue = new Map();
    this.certIds = new Map();
    for (const c of engine.catalogue(now)) {
      this.catalogue.set(c.id, c.name);
      for (const n of [c.name.zh, c.name.zh_hant, c.name.en]) this.certIds.set(n, c.id);
    }
    this.clear();
  }

  clear() {
    this.rows = [];
    this.orders = new Map();
    this.orderList = [];
    this.certs = new Map();        // id or name → { key, name (as in the file), search }
    this.certsByKey = new Map();   // engine key → the same
    this.certCounts = new Map();   // cert key → { group → count } (COD-5 input)
    this.totalCounts = {};         // group → count over every code
    this.answers = new Map();      // request text → answer (cleared when now or locale change)
    this.codeAnswers = new Map();  // "state|paid_at" → { state, actions, reasons }
    this.certStats = new Map();    // cert key → by_certification entry
    this.statsVersion = 0;
    this.totals = null;
    this.byState = {};             // effective state → codes, over every order's answer
    this.refundable = 0;           // orders whose refund is allowed now
    this.examTypes = new Set();
    this.warnings = [];
    this.states = null;            // the engine's state names, from its first answer
    this.hasResults = false;
    this.hasExamAt = false;
    this.regenerated = 0;          // codes this page regenerated (each replaced by one placeholder)
    this.voided = 0;               // void codes, in the file or voided here: each was replaced, none is a purchase
    this.codeIndex = null;
  }

  // ---- import ----------------------------------------------------------

  /**
   * Takes the rows read from a file (readExport), says what is inconsistent
   * in them (duplicates, an order paid on two days, a validity end the rules
   * do not give) and decides everything. `onProgress(phase, done, total)`.
   */
  load({ rows, warnings = [], source = "csv" }, onProgress = () => {}) {
    this.clear();
    const notes = new Map();
    // Every place named (`at`, `other`) is a line of a CSV file or an item of a JSON one: `source` says which.
    const warn = (key, vars) => {
      const list = notes.get(key) ?? [];
      notes.set(key, list);
      list.push({ source, ...vars });
    };
    for (const w of warnings) warn(w.key, w.vars);
    let t = performance.now();
    const byCode = new Map();
    for (const row of rows) {
      const first = byCode.get(row.code);
      if (first) {
        // The same code twice: one code when every value agrees, refused when they differ.
        if (sameRow(first, row)) {
          warn("import.warn.duplicate", { code: row.code, at: row.line, other: first.line });
          continue;
        }
        throw new ImportError("import.duplicate_conflict", { code: row.code, at: row.line, other: first.line, source });
      }
      byCode.set(row.code, row);
      this.addRow(row);
    }
    // An export made before the console marked its placeholders: "<a voided code>-R<n>"
    // is said (a real code may look like it, so it is imported as the file says).
    for (const row of this.rows) {
      const from = /^(.+)-R\d+$/.exec(row.code)?.[1];
      if (from && byCode.get(from)?.state === "void") warn("import.warn.unmarked_placeholder", { code: row.code, at: row.line, from });
    }
    // One order, one paid day: an order whose rows give two is decided on the
    // earlier (its deadlines come first), and said.
    for (const o of this.orderList) {
      if (o.days.length < 2) continue;
      const [a, b] = o.days.map((d, k) => [d, o.dayLines[k]]).sort((x, y) => (x[0] < y[0] ? -1 : 1));
      warn("import.warn.paid_conflict", { order: o.key, first: a[0], at: a[1], second: b[0], other: b[1], used: a[0] });
    }
    this.timings = { rows: performance.now() - t };
    this.decidable(this.now);
    this.decideAll(onProgress);
    t = performance.now();
    for (const o of this.orderList) {
      if (o.days.length > 1) continue;  // said above: its ends differ with its starts
      o.ends.forEach((to, k) => {
        const line = o.endLines[k];
        const rule = o.answer.order.valid_until;
        if (to !== rule) warn("import.warn.validity_end", { order: o.key, at: line, file: to, rule, earlier: to < rule ? to : rule });
      });
    }
    for (const [key, list] of notes) {
      for (const vars of list.slice(0, WARNINGS_PER_KIND)) this.warnings.push({ key, vars });
      if (list.length > WARNINGS_PER_KIND) this.warnings.push({ key: "import.warn.more", vars: { n: list.length - WARNINGS_PER_KIND } });
    }
    this.codeIndex = this.makeCodeIndex();
    this.timings.warnings = performance.now() - t;
    return this.summary();
  }

  addRow(row) {
    row.id = this.rows.length;
    this.rows.push(row);
    let o = this.orders.get(row.order);
    if (!o) {
      o = { key: row.order, id: this.orderList.length, ids: [], paid_at: row.paid_at, days: [], dayLines: [], ends: [], endLines: [], certs: [], types: [], counts: {}, answer: null };
      this.orders.set(row.order, o);
      this.orderList.push(o);
    }
    o.ids.push(row.id);
    if (joins(o, "days", row.valid_from)) o.dayLines.push(row.line);
    if (row.paid_at < o.paid_at) o.paid_at = row.paid_at;
    if (row.valid_to && joins(o, "ends", row.valid_to)) o.endLines.push(row.line);
    row.cert = this.certKey(row.certification ?? "");
    joins(o, "certs", row.cert);
    if (row.exam_type && joins(o, "types", row.exam_type) && this.examTypes.size < MAX_SUGGESTIONS) this.examTypes.add(row.exam_type);
    row.o = o;
    row.search = null;   // searchText(row), made on first need (prepareSearch)
    row.nameKey = null;  // nameKey(row), likewise
    if (row.passed !== undefined) this.hasResults = true;
    if (row.exam_at) this.hasExamAt = true;
    this.count(row, 1);
  }

  /**
   * Every row's search text and name key, made once (after an import's answer,
   * in the worker's spare time; a query that comes first makes what it needs).
   */
  prepareSearch() {
    for (const row of this.rows) {
      searchText(row);
      nameKey(row);
    }
  }

  /** A certification's key for the engine: its catalogue id, or "~n" for a name the catalogue does not have. */
  certKey(name) {
    const id = name ? this.certIds.get(name) ?? name : "";
    let c = this.certs.get(id);
    if (!c) {
      const key = !id || this.catalogue.has(id) ? id : `~${this.certs.size}`;
      const names = this.catalogue.get(id);
      c = { key, name, search: [name, names?.zh, names?.zh_hant, names?.en].filter(Boolean).join("\n").toLowerCase() };
      this.certs.set(id, c);
      this.certsByKey.set(key, c);
    }
    return c.key;
  }

  /** The certification's name in `locale` (the catalogue's), or as the file wrote it. */
  certName(key, locale = this.locale) {
    const names = this.catalogue.get(key);
    if (!names) return this.certsByKey.get(key)?.name ?? "";
    return locale === "en" ? names.en : locale === "zh-Hant" ? names.zh_hant ?? names.zh : names.zh;
  }

  /**
   * Counts code `row` in (by 1) or out (by −1) of its order's, its
   * certification's and the whole file's counts. A void code is counted
   * apart, whether it was voided in the file or on this page: 作废 comes only
   * from 重新生成考试码, so another code replaced it and that one is the
   * purchase (原考试码作废).
   */
  count(row, by) {
    if (row.state === "void") {
      row.o.voided = (row.o.voided ?? 0) + by;
      this.voided += by;
      return;
    }
    const group = groupOf(row);
    bump(row.o.counts, group, by);
    bump(this.totalCounts, group, by);
    let c = this.certCounts.get(row.cert);
    if (!c) this.certCounts.set(row.cert, (c = {}));
    bump(c, group, by);
  }

  // ---- deciding ---------------------------------------------------------

  request(type, fields) {
    return { type, locale: this.locale, now: this.now, ...fields };
  }

  /**
   * An order's exam_code_order: its codes counted by state and result. The
   * certification is left out (the statistics per certification are asked
   * separately), so orders alike in day and counts are one request.
   */
  orderRequest(o) {
    return this.request("exam_code_order", { order: { paid_at: o.paid_at, codes: codesOf(o.counts) } });
  }

  /** Answers for `requests`, each identical request asked once. */
  decideRequests(requests, onProgress) {
    const texts = requests.map((r) => JSON.stringify(r));
    const missing = [...new Set(texts.filter((t) => !this.answers.has(t)))];
    const answers = evaluateAll(this.engine, missing.map((t) => JSON.parse(t)), onProgress);
    missing.forEach((t, k) => this.answers.set(t, answers[k]));
    return texts.map((t) => this.answers.get(t));
  }

  /** Orders' answers, the orders alike in paid day and counts asked once. */
  decideOrders(orders, onProgress) {
    const signature = (o) => `${o.paid_at}|${Object.keys(o.counts).sort().map((k) => `${k}=${o.counts[k]}`).join(",")}`;
    const first = new Map();
    for (const o of orders) {
      const s = signature(o);
      if (!first.has(s)) first.set(s, o);
    }
    const alike = [...first.values()];
    const answers = this.decideRequests(alike.map((o) => this.orderRequest(o)), onProgress);
    const bySignature = new Map(alike.map((o, k) => [signature(o), answers[k]]));
    for (const o of orders) this.setAnswer(o, bySignature.get(signature(o)));
  }

  /** An order's new answer, kept in the page's totals (codes by state, refundable orders). */
  setAnswer(o, answer) {
    if (o.answer) {
      for (const [s, n] of Object.entries(o.answer.codes)) this.byState[s] -= n;
      this.refundable -= o.answer.refund.allowed;
    }
    o.answer = answer;
    for (const [s, n] of Object.entries(answer.codes)) this.byState[s] = (this.byState[s] ?? 0) + n;
    this.refundable += answer.refund.allowed;
  }

  /** Each code's decision per distinct (state, paid_at), each order's, and the statistics. */
  decideAll(onProgress = () => {}) {
    this.answers.clear();
    this.codeAnswers.clear();
    this.byState = {};
    this.refundable = 0;
    for (const o of this.orderList) o.answer = null;
    const t0 = performance.now();
    this.decideOrders(this.orderList, (d, n) => onProgress("orders", d, n));
    this.states ??= Object.keys(this.orderList[0]?.answer.codes ?? {});
    const t1 = performance.now();
    const pairs = new Set();
    for (const r of this.rows) pairs.add(`${r.state}|${r.o.paid_at}`);
    this.decideCodes([...pairs], onProgress);
    const t2 = performance.now();
    this.decideStats(null, onProgress);
    // Where an import's time goes (the benchmark prints it).
    Object.assign(this.timings ??= {}, { orders: t1 - t0, codes: t2 - t1, stats: performance.now() - t2 });
  }

  /**
   * A code's decision per distinct (state, paid_at): its effective state, the
   * actions allowed now, and as reasons the order's expiry (if any) and the
   * sentence of each admin action it allows.
   */
  decideCodes(keys, onProgress = () => {}) {
    const missing = keys.filter((k) => !this.codeAnswers.has(k));
    const requests = missing.flatMap((key) => {
      const [state, paid_at] = key.split("|");
      return ADMIN_ACTIONS.map((action) => this.request("exam_code", { order: { paid_at }, code: { state }, action }));
    });
    const answers = evaluateAll(this.engine, requests, (d, n) => onProgress("codes", d, n));
    missing.forEach((key, k) => {
      const mine = answers.slice(k * ADMIN_ACTIONS.length, (k + 1) * ADMIN_ACTIONS.length);
      const reasons = mine[0].reasons.filter((r) => r.code !== "CODE_ACTION_ALLOWED" && r.code !== "CODE_ACTION_NOT_ALLOWED");
      for (const a of mine) if (a.allowed) reasons.push(...a.reasons.filter((r) => r.code === "CODE_ACTION_ALLOWED"));
      this.codeAnswers.set(key, { state: mine[0].state, actions: mine[0].actions, reasons });
    });
  }

  /** COD-5 over a set of codes (its `stats`), asked as an order of those codes counted (its refund part unused). */
  statsRequest(codes) {
    return this.request("exam_code_order", { order: { paid_at: this.now, codes } });
  }

  /** COD-5 over every code: the totals, and per certification (all of them, or only `certs`). */
  decideStats(certs = null, onProgress = () => {}) {
    this.totals = this.decideRequests([this.statsRequest(codesOf(this.totalCounts))])[0].stats;
    const keys = certs ?? [...this.certCounts.keys()];
    // Certifications packed into requests of at most requestBytes each.
    const requests = [];
    let codes = [];
    let bytes = 0;
    for (const cert of keys) {
      const counts = this.certCounts.get(cert) ?? {};
      const mine = codesOf(counts, cert || "~none");
      if (mine.length === 0) {
        this.certStats.delete(cert);
        continue;
      }
      const size = mine.length * entryBytes(cert || "~none");
      if (codes.length && bytes + size > this.requestBytes) {
        requests.push(this.statsRequest(codes));
        codes = [];
        bytes = 0;
      }
      for (const c of mine) codes.push(c);
      bytes += size;
    }
    if (codes.length) requests.push(this.statsRequest(codes));
    for (const answer of this.decideRequests(requests, (d, n) => onProgress("stats", d, n))) {
      for (const s of answer.stats.by_certification) {
        const key = s.certification === "~none" ? "" : s.certification;
        this.certStats.set(key, { ...s, certification: key });
      }
    }
    this.statsVersion += 1;
  }

  /** COD-5 totals over the codes `ids` (a filtered view). */
  statsOf(ids) {
    const counts = {};
    for (const id of ids) if (this.rows[id].state !== "void") bump(counts, groupOf(this.rows[id]), 1);  // as count()
    return this.decideRequests([this.statsRequest(codesOf(counts))])[0].stats;
  }

  /**
   * Refuses a date before an order's payment (ImportError "console.date.before_payment", naming the order paid
   * last and its China day): nothing about an order can be decided as of a moment before it was paid, and the
   * engine refuses such a request (UP_TO_NOW).
   */
  decidable(now) {
    const at = Date.parse(now);
    let last = null;
    for (const o of this.orderList) if (Date.parse(o.paid_at) > Math.max(at, last ? Date.parse(last.paid_at) : at)) last = o;
    if (last) throw new ImportError("console.date.before_payment", { order: last.key, date: chinaDay(last.paid_at) });
  }

  /** A new date or language: every decision again (the data stays; a date before a payment is refused first). */
  redecide({ now = this.now, locale = this.locale }, onProgress) {
    this.decidable(now);
    this.now = now;
    this.locale = locale;
    if (this.rows.length) this.decideAll(onProgress);
  }

  /** The engine's answer for a code (its effective state, the actions allowed now, the reasons). */
  codeAnswer(row) {
    return this.codeAnswers.get(`${row.state}|${row.o.paid_at}`);
  }

  /** The admin actions a code allows now, in the engine's order. */
  adminActions(row) {
    return this.codeAnswer(row).actions.filter((a) => ADMIN_ACTIONS.includes(a));
  }

  effectiveState(row) {
    return this.codeAnswer(row).state;
  }

  // ---- actions ------------------------------------------------------------

  /**
   * An admin action on code `id`, decided by the engine at the click; its
   * code, its order and its certification's statistics are decided again,
   * nothing else. → { ok, changed: [ids], added: id|null, answer }
   */
  act(id, action) {
    const row = this.rows[id];
    if (!row || !ADMIN_ACTIONS.includes(action)) return { ok: false, changed: [] };
    const [answer] = evaluateAll(this.engine, [this.request("exam_code", { order: { paid_at: row.o.paid_at }, code: { state: row.state }, action })]);
    if (!answer.allowed) return { ok: false, answer, changed: [] };
    if (answer.next_state === row.state && !answer.creates) return { ok: true, answer, changed: [], added: null };
    const changed = [id];
    let added = null;
    if (answer.next_state !== row.state) this.setState(row, answer.next_state);
    // 解绑: the code is free again; the candidate who held it is no longer on it.
    if (action === "unbind") {
      Object.assign(row, NOBODY, { search: null, nameKey: null });
      this.codeIndex.update(id);
    }
    if (answer.creates) {
      this.regenerated += 1;
      const fresh = { ...row, ...NOBODY, code: `${row.code}-R${this.regenerated}`, regenerated_from: row.code, line: null };
      fresh.state = answer.creates;
      // The voided code (counted apart by setState) and its replacement are one purchased code.
      this.addRow(fresh);
      this.codeIndex.insert(fresh.id);
      added = fresh.id;
      changed.push(added);
    }
    this.afterChange(row.o, [row.cert]);
    return { ok: true, answer, changed, added };
  }

  setState(row, state) {
    this.count(row, -1);
    row.state = state;
    this.count(row, 1);
  }

  /** Re-decides order `o`, its codes and the statistics of `certs` (after an action). */
  afterChange(o, certs) {
    this.decideOrders([o]);
    const pairs = new Set(o.ids.map((id) => `${this.rows[id].state}|${o.paid_at}`));
    this.decideCodes([...pairs]);
    this.decideStats(certs);
  }

  /**
   * 退款 for order `key` (COD-4): the engine decides at the click; when it
   * allows the refund, the order's unused codes become refunded (as many as
   * the engine said), and the order is decided again — its one refund spent.
   * → { ok, answer, changed: [ids], after }
   */
  refund(key) {
    const o = this.orders.get(key);
    if (!o) return { ok: false, changed: [] };
    const [answer] = this.decideRequests([this.orderRequest(o)]);
    if (!answer.refund.allowed) return { ok: false, answer, changed: [] };
    const changed = o.ids.filter((id) => this.effectiveState(this.rows[id]) === "unused");
    if (changed.length !== answer.refund.refundable_codes) {
      throw new ImportError("import.engine", { message: `refund of ${answer.refund.refundable_codes} codes, ${changed.length} unused` });
    }
    for (const id of changed) this.setState(this.rows[id], "refunded");
    this.afterChange(o, o.certs);
    return { ok: true, answer, changed, after: o.answer };
  }

  // ---- what the page shows ---------------------------------------------------

  summary() {
    return {
      // rows: the codes the file (and this page) hold; codes: the purchased ones (a void code was replaced).
      rows: this.rows.length, codes: this.rows.length - this.voided, orders: this.orderList.length, certifications: this.certStats.size,
      // The engine never sees a void code (count): their number is the page's own.
      byState: Object.fromEntries((this.states ?? []).map((s) => [s, s === "void" ? this.voided : this.byState[s] ?? 0])), totals: this.totals,
      hasResults: this.hasResults, hasExamAt: this.hasExamAt, refundable: this.refundable,
      examTypes: [...this.examTypes], warnings: this.warnings, states: this.states,
    };
  }

  makeCodeIndex() {
    const rows = this.rows;
    return new ListIndex(() => rows.length, {
      code: { value: (id) => rows[id].code, fixed: true },
      certification: { value: (id) => rows[id].certification ?? "", fixed: true },
      exam_type: { value: (id) => rows[id].exam_type ?? "", fixed: true },
      order: { value: (id) => rows[id].order, fixed: true },
      validity: { value: (id) => rows[id].valid_from, fixed: true },
      name: { value: (id) => nameKey(rows[id]), fixed: true },
      un: { value: (id) => rows[id].un ?? "", fixed: true },
      registered_at: { value: (id) => rows[id].registered_at ?? "", fixed: true },
      exam_at: { value: (id) => rows[id].exam_at ?? "", fixed: true },
      score: { value: (id) => rows[id].score, fixed: true },
      passed: { value: (id) => (rows[id].passed === undefined ? "" : rows[id].passed ? 1 : 0), fixed: false },
      state: { value: (id) => this.states.indexOf(this.effectiveState(rows[id])), fixed: false },
    });
  }
}

/** What a text filter searches in a row (lower case): code, order, name, UN, pinyin. Made once. */
export function searchText(row) {
  if (row.search !== null) return row.search;
  let search = `${row.code}\n${row.order}`;
  for (const f of [row.name, row.un, row.surname_pinyin, row.given_pinyin]) if (f) search += `\n${f}`;
  if (row.surname_pinyin && row.given_pinyin) search += `\n${row.surname_pinyin}${row.given_pinyin}`;
  return (row.search = search.toLowerCase());
}

/** A row's key in a sort by name: pinyin, then the name (lower case); "" without a name. Made once. */
export function nameKey(row) {
  if (row.nameKey !== null) return row.nameKey;
  return (row.nameKey = row.name ? `${row.surname_pinyin ?? ""} ${row.given_pinyin ?? ""} ${row.name}`.toLowerCase() : "");
}

/** Two rows of the same code that say the same thing (their line aside). */
function sameRow(a, b) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (["line", "id", "o", "cert", "search", "nameKey"].includes(key)) continue;
    if (a[key] !== b[key]) return false;
  }
  return true;
}
