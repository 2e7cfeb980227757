// Sorted and filtered lists of row ids for the console's tables, fast at
// 200 000 rows: an order per sort key, built once by ranking the key's
// distinct values (a counting sort, ties in file order) and kept while the
// key's values cannot change; a filter walks that order. No DOM.
//   const index = new ListIndex(() => rows.length, { code: { value: (id) => rows[id].code, fixed: true } });
//   index.query((id) => rows[id].state === "bound", "code", -1) → Int32Array of ids, descending by code

const isBlank = (v) => v === "" || v === null || v === undefined;

/** Ids 0 … n−1 (or `ids`) sorted by `value(id)` (strings or numbers; "" and null last), ties by id. */
export function sortIds(n, value, ids = null) {
  const count = ids ? ids.length : n;
  // Already in order (an export sorted by code, rows grouped by order): nothing to sort.
  let inOrder = true;
  for (let k = 1; k < count && inOrder; k++) {
    const a = value(ids ? ids[k - 1] : k - 1);
    const b = value(ids ? ids[k] : k);
    inOrder = isBlank(b) || (!isBlank(a) && a <= b);
  }
  if (inOrder) return ids ? Int32Array.from(ids) : Int32Array.from({ length: count }, (_, k) => k);
  const values = new Array(count);
  const distinct = new Set();
  for (let k = 0; k < count; k++) {
    const v = value(ids ? ids[k] : k);
    values[k] = v;
    distinct.add(v);
  }
  const sorted = [...distinct].sort((a, b) => {
    if (isBlank(a) || isBlank(b)) return isBlank(a) - isBlank(b);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const rank = new Map(sorted.map((v, r) => [v, r]));
  // Counting sort by rank: stable, so equal values keep their id order.
  const start = new Int32Array(sorted.length + 1);
  const ranks = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    ranks[k] = rank.get(values[k]);
    start[ranks[k] + 1] += 1;
  }
  for (let r = 0; r < sorted.length; r++) start[r + 1] += start[r];
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) out[start[ranks[k]]++] = ids ? ids[k] : k;
  return out;
}

/**
 * A list of rows 0 … size()−1 and its sort keys. `fixed` keys (values that
 * never change, such as a code's text) keep their order once built; the
 * others are sorted on each query. A row added later goes into each kept
 * order at its place (insert).
 */
export class ListIndex {
  constructor(size, keys) {
    this.size = size;
    this.keys = keys;
    this.orders = new Map();  // key → Int32Array of ids, ascending
  }

  /** The ids in `key`'s ascending order (null key: id order). */
  order(key) {
    const n = this.size();
    if (!key) return null;
    const spec = this.keys[key];
    if (!spec) throw new Error(`no sort key ${key}`);
    if (!spec.fixed) return sortIds(n, spec.value);
    let order = this.orders.get(key);
    if (!order || order.length !== n) {
      order = sortIds(n, spec.value);
      this.orders.set(key, order);
    }
    return order;
  }

  /** Builds the kept orders not built yet (after an import, while the reader reads the first page). */
  prepare(keys = Object.keys(this.keys)) {
    for (const key of keys) if (this.keys[key].fixed) this.order(key);
  }

  /** Row `id` (just added, or taken out by update) into every kept order, at its place. */
  insert(id) {
    for (const [key, order] of this.orders) {
      const value = this.keys[key].value;
      const v = value(id);
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const w = value(order[mid]);
        const before = isBlank(w) ? isBlank(v) && order[mid] < id : isBlank(v) || w < v || (w === v && order[mid] < id);
        if (before) lo = mid + 1;
        else hi = mid;
      }
      const grown = new Int32Array(order.length + 1);
      grown.set(order.subarray(0, lo));
      grown[lo] = id;
      grown.set(order.subarray(lo), lo + 1);
      this.orders.set(key, grown);
    }
  }

  /** Row `id`, whose values changed (解绑 clears its candidate), moved to its place in every kept order. */
  update(id) {
    for (const [key, order] of this.orders) {
      const at = order.indexOf(id);
      if (at < 0) continue;
      const shrunk = new Int32Array(order.length - 1);
      shrunk.set(order.subarray(0, at));
      shrunk.set(order.subarray(at + 1), at);
      this.orders.set(key, shrunk);
    }
    this.insert(id);
  }

  /** The ids that `keep(id)`, in `key`'s order (`dir` −1: descending; ties stay in id order). */
  query(keep, key, dir = 1) {
    const n = this.size();
    const order = this.order(key);
    const out = new Int32Array(n);
    let m = 0;
    if (!order) {
      for (let id = 0; id < n; id++) if (keep(id)) out[m++] = id;
      return out.subarray(0, m);
    }
    if (dir > 0) {
      for (let k = 0; k < n; k++) if (keep(order[k])) out[m++] = order[k];
      return out.subarray(0, m);
    }
    // Descending by value, ties still in id order, blanks still last: walk the
    // runs of equal values backwards, then the blank run.
    const value = this.keys[key].value;
    let blanks = n;
    while (blanks > 0 && isBlank(value(order[blanks - 1]))) blanks -= 1;
    let end = blanks;
    while (end > 0) {
      let begin = end - 1;
      const v = value(order[begin]);
      while (begin > 0 && value(order[begin - 1]) === v) begin -= 1;
      for (let k = begin; k < end; k++) if (keep(order[k])) out[m++] = order[k];
      end = begin;
    }
    for (let k = blanks; k < n; k++) if (keep(order[k])) out[m++] = order[k];
    return out.subarray(0, m);
  }
}
