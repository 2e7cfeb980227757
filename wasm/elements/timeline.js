// <certpolicy-timeline>: the dated moments of one exam order as the engine's
// answer gives them (paid, refund window end, the booking's deadlines, both
// results times, the order's reminders and last day, the certification's last
// exam day, and the certificate a pass would give) on one axis in time order,
// with a "now" marker; past, next and later points (the engine's states) differ
// in shape and words; each point's sentence is its name and shows on focus;
// one Tab stop for the whole axis, the arrow keys (Home, End) moving between
// points; vertical when narrow (EXO-2 … EXO-9, CAT-2, CRT-1).
//   <certpolicy-timeline order='{"paid_at":"…","booking":{"status":"booked","exam_at":"…"}}'></certpolicy-timeline>
import { CertpolicyElement, attrs, text } from "./base.js";
import { chinaTime, toChina } from "./format.js";

export class CertpolicyTimeline extends CertpolicyElement {
  static properties = { order: "json" };
  static style = `
[part~=axis] { list-style: none; margin: 0; padding: 1rem 0 0; display: flex; flex-wrap: wrap; row-gap: 1.4rem; position: relative; }
/* Each point draws its own stretch of the line, so a row that wraps keeps its line; a point is never narrower
   than its longest word (words broke mid-word: "Certificat e", 2026-12-07). */
[part~=point] { flex: 1 0 5.6em; min-width: 5.6em; position: relative; padding: .8rem .2rem 0; text-align: center; font-size: .8em; overflow-wrap: break-word; }
[part~=point]::after { content: ""; position: absolute; left: 0; right: 0; top: -1px; height: 2px; background: var(--certpolicy-line, #dfe3ea); }
[part~=point]::before { content: ""; position: absolute; top: -.4rem; left: 50%; width: .8rem; height: .8rem; margin-left: -.4rem; border-radius: 50%;
  box-sizing: border-box; background: #fff; border: 2px solid var(--certpolicy-brand, #0052d9); z-index: 1; }
[part~=point][data-state=past] { color: var(--certpolicy-muted, #5b6270); }
[part~=point][data-state=past]::before { background: var(--certpolicy-muted, #5b6270); border-color: var(--certpolicy-muted, #5b6270); }
[part~=point][data-state=next]::before { background: var(--certpolicy-brand, #0052d9); }
[part~=point][data-state=now] { color: var(--certpolicy-bad, #b0202e); flex: 0 0 5rem; }
[part~=point][data-state=now]::before { width: 2px; margin-left: -1px; height: 1.6rem; top: -.8rem; border: 0; border-radius: 0; background: var(--certpolicy-bad, #b0202e); }
[part~=point] b, [part~=point] time, [part~=point] small { display: block; }
[part~=point]:focus-visible { outline: 2px solid var(--certpolicy-brand, #0052d9); }
[part~=detail] { min-height: 1.4em; margin: .6rem 0 0; color: var(--certpolicy-muted, #5b6270); }
@container (max-width: 560px) {
  [part~=axis] { flex-direction: column; flex-wrap: nowrap; row-gap: 0; padding: 0 0 0 1.4rem; }
  [part~=axis]::before { content: ""; position: absolute; left: .5rem; top: 0; bottom: 0; width: 2px; background: var(--certpolicy-line, #dfe3ea); }
  [part~=point] { text-align: left; padding: .35rem 0; flex: none; min-width: 0; }
  [part~=point]::after { content: none; }
  [part~=point]::before { top: .55rem; left: -1.3rem; margin-left: 0; }
  [part~=point][data-state=now] { flex: none; }
  [part~=point][data-state=now]::before { top: .9rem; left: -1.5rem; width: 1.2rem; height: 2px; }
}
:host { container-type: inline-size; }`;

  decide() { return this.ask("exam_order", { order: this.order ?? {} }); }

  /**
   * The answer's own timeline — its points, their order and their past, next
   * and future states are the engine's — with a "now" marker before the first
   * point not past; reminders keyed by their rank (reminder-0 …).
   */
  points(r) {
    let reminders = 0;
    // A booking this order's flow never lets be cancelled (EXO-5): its deadline is named so.
    const changeOnly = r.booking.change_only;
    const list = r.timeline.map((p) => ({
      key: p.key === "reminder" ? `reminder-${reminders++}` : p.key,
      // A lab or interview exam's one results time is the service terms' (3.8), named so.
      word: p.key === "change_deadline" && changeOnly ? "change_only_deadline"
        : p.key === "results_at" && r.booking.results_by === r.booking.results_at ? "results_by" : p.key,
      at: p.date ?? p.at,
      shown: p.date ?? chinaTime(toChina(p.at)), state: p.state,
    }));
    const now = Date.parse(this.instant());
    const ahead = list.findIndex((p) => p.state !== "past");
    list.splice(ahead < 0 ? list.length : ahead, 0,
      { key: "now", word: "now", at: new Date(now - (now % 60000)).toISOString(), shown: chinaTime(toChina(now)).slice(0, 16), state: "now" });
    for (const p of list) {
      p.label = this.word(`tl.${p.word}`);
      p.sentence = p.state === "now" ? `${p.label}: ${p.shown}`
        : this.word("tl.sentence", { label: p.label, when: p.shown, state: this.word(`tl.state.${p.state}`) });
    }
    return list;
  }

  build(body) {
    this.$ = { axis: this.box("ol", "axis"), detail: this.box("p", "detail") };
    body.append(this.$.axis, this.$.detail);
    // The pointed-at (or focused) point's sentence, under the axis.
    const show = (e) => {
      const li = e.composedPath().find((n) => n.dataset?.sentence);
      if (li) text(this.$.detail, li.dataset.sentence);
    };
    this.shadowRoot.addEventListener("focusin", (e) => {
      show(e);
      const li = e.composedPath().find((n) => n.dataset?.key);
      if (!li) return;
      this.roving = li.dataset.key;  // the point moved to stays the Tab stop while it is shown
      this.stop(li);
    });
    this.shadowRoot.addEventListener("mouseover", show);
    // One Tab stop (a timeline of seventeen points was seventeen Tab presses); the arrows move along it.
    this.$.axis.addEventListener("keydown", (e) => {
      const items = [...this.$.axis.children];
      const at = items.indexOf(e.composedPath().find((n) => n.parentNode === this.$.axis));
      const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
      if (to === undefined || at < 0 || !items[to]) return;
      e.preventDefault();
      items[to].focus();
    });
    // The pointer leaving the points: the focused point's sentence again, else the next one's (it stayed on the
    // last point pointed at until the next answer, which with a fixed time never came).
    this.shadowRoot.addEventListener("mouseout", (e) => {
      if (e.relatedTarget?.closest?.("[part~=point]")) return;
      const focused = this.shadowRoot.activeElement?.dataset?.sentence;
      text(this.$.detail, focused ?? this.$.axis.dataset.fallback ?? "");
    });
  }

  /** Makes `li` the axis's one Tab stop. */
  stop(li) {
    for (const item of this.$.axis.children) attrs(item, { tabindex: item === li ? "0" : "-1" });
  }

  update(r) {
    const $ = this.$;
    attrs($.axis, { "aria-label": this.word("tl.title") });
    const points = this.points(r);
    const point = () => {
      const li = this.box("li", "point", "", { tabindex: "-1" });
      li.append(this.box("b"), this.box("time"), this.box("small"));
      return li;
    };
    this.list($.axis, points, (p) => p.key, point, (li, p) => {
      attrs(li, { part: `point ${p.state}`, "aria-label": p.sentence, "data-key": p.key, "data-state": p.state, "data-sentence": p.sentence });
      const [b, time, small] = li.children;
      text(b, p.label);
      attrs(text(time, p.shown), { datetime: p.at });
      attrs(text(small, p.state === "now" ? "" : this.word(`tl.state.${p.state}`)), { hidden: p.state === "now" });
    });
    // The pointed-at (or focused) point's sentence, else the next one's, in words under the axis.
    const pointed = this.shadowRoot.querySelector("[part~=point]:hover") ?? this.shadowRoot.activeElement;
    const fallback = points.find((p) => p.state === "next") ?? points.find((p) => p.state === "now");
    $.axis.dataset.fallback = fallback.sentence;
    // The Tab stop: the point last moved to while it is still shown, else the next one.
    const items = [...$.axis.children];
    this.stop(items.find((li) => li.dataset.key === this.roving) ?? items.find((li) => li.dataset.key === fallback.key));
    const shown = points.find((p) => p.key === pointed?.dataset.key) ?? fallback;
    text($.detail, shown.sentence);
  }

  stateKey(r) {
    return `${this.points(r).map((p) => `${p.key}:${p.state}`).join(",")}|${this.locale}`;
  }
  summary(r) {
    return this.points(r).find((p) => p.state === "next")?.sentence ?? "";
  }
  ticks() { return true; }
}

CertpolicyTimeline.define("certpolicy-timeline");
