// A seeded generator of requests for the differential and robustness tests:
// valid requests of every type around their boundaries, the same with one
// field broken (wrong type, impossible date, missing, absurd number, unknown
// value), and raw texts that are not JSON at all.
export function rng(seed) {
  let x = seed >>> 0 || 1;
  const next = () => {  // xorshift32
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
  const int = (n) => next() % n;
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() / 4294967296 < p };
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

export function makeGenerator(seed) {
  const r = rng(seed);
  const offsets = ["+08:00", "Z", "+09:00", "-05:00", "+05:45", "-13:59", "+14:00"];
  const date = () => {
    const y = r.pick([2024, 2025, 2026, 2027, 2028, 1970, 2199]);
    const m = 1 + r.int(12);
    const d = r.chance(0.2) ? r.pick([28, 29, 30, 31]) : 1 + r.int(28);
    return `${y}-${pad(m)}-${pad(d)}`;
  };
  const validDate = () => {
    for (;;) {
      const s = date();
      const t = new Date(`${s}T00:00:00Z`);
      if (t.toISOString().slice(0, 10) === s) return s;
    }
  };
  const instant = () => {
    const frac = r.chance(0.1) ? `.${pad(r.int(1000), 3)}` : "";
    return `${validDate()}T${pad(r.int(24))}:${pad(r.int(60))}:${pad(r.int(60))}${frac}${r.pick(offsets)}`;
  };
  const near = (iso, hours) => new Date(Date.parse(iso) + hours * 3600e3 + r.pick([-1000, 0, 1000, 0])).toISOString();
  const bool = () => r.chance(0.5);

  const valid = {
    exam_order() {
      const paid = instant();
      const status = r.pick([null, "booked", "cancelled", "taken", "no_show"]);
      const flow = r.pick(["purchase_then_book", "book_then_purchase", undefined]);
      return {
        type: "exam_order", locale: r.pick(["zh-CN", "en", undefined]),
        now: r.chance(0.5) ? near(paid, 120) : instant(),
        order: {
          paid_at: paid, flow, refunded: bool(), platform_fault: r.chance(0.1),
          payments: r.chance(0.7) ? [{ method: "online", amount_fen: r.int(1e6) }, { method: r.pick(["voucher", "balance"]), amount_fen: r.int(1e5) }] : undefined,
          booking: status ? { status, exam_at: near(paid, r.pick([72, 240, 500])), exam_kind: r.pick(["theory", "lab", "interview", undefined]) } : null,
        },
      };
    },
    working_day: () => ({ type: "working_day", date: validDate() }),
    working_days() {
      const from = validDate();
      return { type: "working_days", from, to: r.chance(0.8) ? new Date(Date.parse(from) + r.int(60) * 86400e3).toISOString().slice(0, 10) : validDate() };
    },
    booking_form: () => ({
      type: "booking_form", exam_at: instant(), locale: r.pick(["zh-CN", "en"]),
      form: {
        id_type: r.pick(["cn_id_card", "hk_macao_permit", "taiwan_permit", "passport", ""]),
        id_number: r.pick(["11010519491231002X", "110105194912310021", "H12345678", "M1234567890", "12345678", "", "x"]),
        id_valid_until: r.pick([validDate(), ""]), surname: r.pick(["张", "Lü", "", "A1"]), given_name: r.pick(["三", "Xiao Ming", " "]),
        phone: r.pick(["13800138000", "+852 9123 4567", "123", ""]), email: r.pick(["a@example.com", "a@b", ""]), email_confirm: r.pick(["a@example.com", "A@EXAMPLE.COM", "b@example.com"]),
      },
    }),
    training: () => ({
      type: "training", now: instant(),
      enrolment: { class_start: validDate(), paid_fen: r.int(1e7), class_status: r.pick(["pending", "open", "not_opened"]), deferred: r.chance(0.2), deferral_used: r.chance(0.2) },
    }),
    certificate: () => ({ type: "certificate", now: instant(), passes: Array.from({ length: r.int(4) }, () => ({ published_on: validDate() })), level: r.pick([undefined, "TCA", "TCCP", "TCE"]) }),
    practitioner() {
      const paid = instant();
      const n = r.int(4);
      return {
        type: "practitioner", now: near(paid, 24 * 30), purchase: { paid_at: paid, platform_fault: r.chance(0.1) },
        attempts: Array.from({ length: n }, (_, k) => ({ taken_at: near(paid, 24 * (k + 1)), score: r.int(101) })),
      };
    },
    purchase: () => ({
      type: "purchase", now: instant(), product: r.pick(["exam", "practitioner", "online_course", "exam_codes"]),
      certification: r.pick(["cloud-computing-engineer", "developer-tsf", "practitioner", "ai-practitioner", undefined]),
      account: { kind: r.pick(["individual", "enterprise"]), real_name_verified: bool(), sub_account: r.chance(0.2) },
    }),
    contacts: () => ({
      type: "contacts",
      contacts: {
        phone: { state: r.pick(["verified", "pending", "unbound"]), value: "138****8000", security_value: r.pick(["138****8000", "139****0000", undefined]) },
        email: { state: r.pick(["verified", "pending", "unbound"]), value: "a***@example.com" },
      },
    }),
    exam_code: () => ({
      type: "exam_code", now: instant(), order: { paid_at: instant() },
      code: { state: r.pick(["unused", "bound", "examined", "void", "expired", "refunded"]) },
      action: r.pick(["bind", "unbind", "regenerate", "sit", "view_score"]),
    }),
    exam_code_order: () => ({
      type: "exam_code_order", now: instant(),
      order: {
        paid_at: instant(), refunded: r.chance(0.1),
        codes: Array.from({ length: r.int(20) }, () => {
          const state = r.pick(["unused", "bound", "examined", "void"]);
          return { state, passed: state === "examined" ? bool() : undefined, certification: r.pick(["a", "b", undefined]) };
        }),
      },
    }),
    certification: () => ({ type: "certification", now: instant(), id: r.pick(["cloud-architecture-engineer", "developer-tsf", "ai-engineer", "devops-professional"]) }),
    catalogue: () => ({ type: "catalogue", now: instant() }),
  };
  const types = Object.keys(valid);

  const breakers = [
    () => r.pick([42, -1, 1.5, true, null, "", [], {}, "x".repeat(300), 1e308, -0, "２０２６"]),
    () => r.pick(["2026-02-30T10:00:00+08:00", "2026-13-01T00:00:00Z", "2026-11-26T10:00:00", "2026-11-26T24:00:00Z", "1969-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "2026-11-26T10:00:00+25:00"]),
    () => r.pick(["2025-02-29", "2026-04-31", "26-01-01", "2026-1-1"]),
    () => r.pick([18446744073709551615n, 9007199254740993n, 1e13]),
    () => undefined,  // a missing field
  ];
  /** Replaces one random leaf of `obj` with a broken value. */
  function breakOne(obj) {
    const paths = [];
    const walk = (o, p) => {
      for (const [k, v] of Object.entries(o)) {
        if (v !== null && typeof v === "object") walk(v, [...p, k]);
        paths.push([...p, k]);
      }
    };
    walk(obj, []);
    const path = r.pick(paths);
    let target = obj;
    for (const k of path.slice(0, -1)) target = target[k];
    let v = r.pick(breakers)();
    if (typeof v === "bigint") v = Number(v);
    if (v === undefined) delete target[path.at(-1)];
    else target[path.at(-1)] = v;
    return obj;
  }

  const malformed = ["", "{", "[", "]", "{\"type\":", "nul", "{\"type\":\"exam_order\",}", "{'type':'x'}", "\u0000", "{\"a\":1} {}",
    "[".repeat(40) + "]".repeat(40), "{\"type\":\"working_day\",\"date\":\"\\ud800\"}", "NaN", "Infinity", "{\"type\":\"exam_order\"\n"];

  return {
    types,
    /** A JSON value: valid, boundary or broken. */
    request() {
      const type = r.pick(types);
      const req = valid[type]();
      if (r.chance(0.35)) breakOne(req);
      if (r.chance(0.03)) req.type = r.pick(["lottery", 7, null, "EXAM_ORDER"]);
      return req;
    },
    /** A text that is not a JSON request. */
    malformedText: () => r.pick(malformed),
    rng: r,
  };
}
