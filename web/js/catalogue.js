// Catalogue page: every certification with its level badge (current and
// legacy name), its status on a chosen date, and its lifecycle timeline
// (CAT-1 … CAT-3, CRT-4). Statuses come from the engine; the timeline only
// draws the lifecycle dates the engine returns.
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, localName, t, tf } from "./locale.js";
import { chinaInputValue } from "./inputs.js";
import { fieldSentence } from "./refusals.js";

const $ = (id) => document.getElementById(id);
// The span the timelines draw: from half a year before the earliest lifecycle
// date to a year after the latest (or the chosen date, if outside).
const DAY = 86400000;
let span = { from: 0, to: 1 };

function setSpan(entries, date) {
  const dates = entries.flatMap((c) => Object.values(c.lifecycle)).filter(Boolean).concat(date)
    .map((d) => Date.parse(`${d}T00:00:00Z`));
  span = { from: Math.min(...dates) - 183 * DAY, to: Math.max(...dates) + 365 * DAY };
}

const pos = (date) => {
  const x = (Date.parse(`${date}T00:00:00Z`) - span.from) / (span.to - span.from);
  return `${(Math.min(1, Math.max(0, x)) * 100).toFixed(2)}%`;
};

function segment(cls, from, to) {
  const seg = document.createElement("div");
  seg.className = `seg ${cls}`;
  // CSSOM, not a style attribute: allowed under the page's CSP.
  seg.style.setProperty("left", from ? pos(from) : "0%");
  seg.style.setProperty("right", to ? `calc(100% - ${pos(to)})` : "0%");
  return seg;
}

function timeline(c, date) {
  const bar = document.createElement("div");
  bar.className = "timeline";
  const l = c.lifecycle;
  const saleEnd = l.sale_stops_on ?? l.retired_from;
  bar.append(segment("sale", l.on_sale_from, saleEnd));
  if (l.sale_stops_on && l.retired_from && l.sale_stops_on < l.retired_from) bar.append(segment("exams", l.sale_stops_on, l.retired_from));
  if (l.retired_from) bar.append(segment("retired", l.retired_from, null));
  const first = new Date(span.from).getUTCFullYear() + 1;
  for (let y = first; y <= new Date(span.to).getUTCFullYear(); y++) {
    const grid = document.createElement("div");
    grid.className = "year";
    grid.style.setProperty("left", pos(`${y}-01-01`));
    bar.append(grid);
  }
  const marker = document.createElement("div");
  marker.className = "marker";
  marker.style.setProperty("left", pos(date));
  bar.append(marker);
  bar.setAttribute("aria-hidden", "true");  // the dates line beside it says the same in words
  return bar;
}

function render(engine) {
  const date = $("date").value;
  const result = engine.evaluate({ type: "catalogue", locale: getLocale(), now: `${date}T12:00:00+08:00` });
  // A date the engine refuses (none, or outside its years) is said beside it, and no status is left on
  // screen from the date before.
  $("date_error").textContent = result.ok ? "" : fieldSentence(result.error.detail, "cat.date");
  $("date").setAttribute("aria-invalid", String(!result.ok));
  for (const el of [$("list"), $("platform"), $("readings"), $("legend")]) el.hidden = !result.ok;
  if (!result.ok) return;
  const entries = result.certifications;
  setSpan(entries, date);
  const names = new Map(entries.map((c) => [c.id, c.name]));
  const nameOf = (id) => (names.has(id) ? localName(names.get(id)) : id);
  const kind = $("kind").value;
  const shown = entries.filter((c) => kindShown(c, kind) && (!$("purchasable_only").checked || c.purchasable));
  $("list").replaceChildren(...groups(shown).flatMap(({ track, level, entries: rows }, k, all) => {
    const out = [];
    if (k === 0 || all[k - 1].track !== track) {
      out.push(Object.assign(document.createElement("h2"), { className: "track", textContent: t(`cat.track.${track}`) }));
    }
    const heading = document.createElement("h3");
    heading.className = "level-group";
    heading.textContent = level ? `${level}（${rows[0].legacy_level}）`.replace("（", getLocale() === "en" ? " (" : "（").replace("）", getLocale() === "en" ? ")" : "）") : t("cat.level.none");
    out.push(heading, axis(date), ...rows.map((c) => row(c, date, nameOf)));
    return out;
  }));
  // Where that day's exams are sat: Prometric or the previous platform, and the kinds sat online from their page.
  const booked = entries.find((c) => c.platform !== "online");
  const online = [...new Set(entries.filter((c) => c.platform === "online").map((c) => t(`cat.kind.${c.kind}`)))];
  $("platform").textContent = [
    booked && tf(`cat.platform.${booked.platform}`, { date: result.prometric_from }),
    online.length > 0 && tf("cat.platform.online", { kinds: online.join(getLocale() === "en" ? ", " : "、") }),
  ].filter(Boolean).join(" ");
  // The readings the dates above rest on (a notice's "service stops on X"), said with them.
  $("readings").textContent = result.reasons.filter((r) => r.code.startsWith("READING_")).map((r) => r.message).join(" ");
}

// The practitioner certification is one of the specialty certifications (认证概述: 专项认证 · 从业者认证), and has an
// option of its own too.
const kindShown = (c, kind) => !kind || c.kind === kind || (kind === "specialty" && c.kind === "practitioner");

const TRACKS = ["cloud", "database", "big_data", "ai", "specialty", "developer"];
const LEVELS = ["TCCA", "TCCP", "TCCE", ""];

/** The entries by track (catalogue order of tracks), then level (associate → expert, then none). */
function groups(entries) {
  const out = [];
  for (const track of TRACKS) {
    for (const level of LEVELS) {
      const list = entries.filter((c) => c.track === track && (c.level ?? "") === level);
      if (list.length) out.push({ track, level, entries: list });
    }
  }
  return out;
}

/** The date axis above a group's timelines: a tick and label at each 1 January of the span, and the chosen date. */
function axis(date) {
  const row = document.createElement("div");
  row.className = "cert axis";
  row.setAttribute("aria-hidden", "true");
  const line = document.createElement("div");
  line.className = "axis-line";
  const first = new Date(span.from).getUTCFullYear() + 1;
  const last = new Date(span.to).getUTCFullYear();
  for (let y = first; y <= last; y++) {
    const tick = document.createElement("span");
    tick.className = "tick";
    tick.textContent = String(y);
    tick.style.setProperty("left", pos(`${y}-01-01`));
    line.append(tick);
  }
  const marker = document.createElement("span");
  marker.className = "tick chosen";
  marker.style.setProperty("left", pos(date));
  line.append(marker);
  row.append(document.createElement("div"), document.createElement("div"), document.createElement("div"), line);
  return row;
}

function row(c, date, nameOf) {
  {
    const row = document.createElement("div");
    row.className = "cert";
    row.dataset.id = c.id;
    row.dataset.status = c.status;
    const name = document.createElement("div");
    name.className = "name";
    const title = document.createElement("strong");
    title.textContent = localName(c.name);
    const other = document.createElement("small");
    other.textContent = localName(c.name, true);
    name.append(title, other);
    const notes = [];
    if (c.successor) notes.push(tf("cat.successor", { name: nameOf(c.successor) }));
    if (c.renamed_from) notes.push(tf("cat.renamed_from", { name: nameOf(c.renamed_from) }));
    if (c.unused_attempt_refund) notes.push(t("cat.refund"));
    const l = c.lifecycle;
    const dates = [
      l.on_sale_from && tf("cat.on_sale_from", { date: l.on_sale_from }),
      l.sale_stops_on && tf("cat.sale_stops_on", { date: l.sale_stops_on }),
      l.exams_until && tf("cat.exams_until", { date: l.exams_until }),
      l.retired_from && tf("cat.retired_from", { date: l.retired_from }),
    ].filter(Boolean);
    const small = document.createElement("div");
    small.className = "dates";
    small.dataset.testid = "dates";
    small.textContent = [...dates, ...notes].join(" · ");
    name.append(small);

    const level = document.createElement("div");
    if (c.level) {
      const badge = document.createElement("span");
      badge.className = "level";
      badge.dataset.testid = "level";
      badge.textContent = c.level;
      const legacy = document.createElement("small");
      legacy.textContent = c.legacy_level;
      badge.append(legacy);
      level.append(badge);
    }
    const status = document.createElement("div");
    const badge = document.createElement("span");
    badge.className = `badge status-${c.status}`;
    badge.dataset.testid = "status";
    badge.textContent = t(`cat.status.${c.status}`);
    status.append(badge);
    if (c.status === "sale_stopped" && c.exam_until) {
      status.append(Object.assign(document.createElement("div"), { className: "dates", textContent: tf("cat.sit_until", { date: c.exam_until }) }));
    }
    row.append(name, level, status, timeline(c, date));
    return row;
  }
}

const engine = await loadEngine();
$("date").value = chinaInputValue(new Date()).slice(0, 10);
const update = () => render(engine);
setupLocale(update);
for (const id of ["date", "kind", "purchasable_only"]) $(id).addEventListener("change", update);
$("date").addEventListener("input", update);
update();
document.body.dataset.ready = "true";
