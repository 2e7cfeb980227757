// One order's dated moments on one axis, in time order, with a "now" marker:
// past, next and later points look different; each point's sentence shows on
// focus (and is its accessible name). Horizontal on a wide screen, vertical
// on a phone (CSS). Renders what it is given; the dates come from the engine.
import { formatChina, t, tf } from "./app.js";

const CHINA = "+08:00";

/**
 * When a point counts as reached: an instant is itself; a civil date that
 * ends something ("valid until 2027-11-30", inclusive) is that day's last
 * moment; one that starts something (a reminder) is its first.
 *   reachedAt({ date: "2027-11-30", ends: true }) → 2027-11-30T23:59:59.999+08:00
 */
function reachedAt(p) {
  if (p.at) return new Date(p.at).getTime();
  return new Date(`${p.date}T${p.ends ? "23:59:59.999" : "00:00:00"}${CHINA}`).getTime();
}

/**
 * Draws `points` ({ key, label, at | date, ends?, sentence? }) into `ol`;
 * `now` is an instant. Points without a time are left out.
 */
export function renderTimeline(ol, points, now) {
  const nowMs = new Date(now).getTime();
  const list = points.filter((p) => p && (p.at || p.date)).map((p) => ({ ...p, ms: reachedAt(p) }));
  list.sort((a, b) => a.ms - b.ms);
  const next = list.find((p) => p.ms >= nowMs);
  const items = [];
  let nowPlaced = false;
  const nowItem = () => {
    const li = document.createElement("li");
    li.className = "tl-now";
    li.dataset.testid = "timeline-now";
    li.dataset.state = "now";
    li.tabIndex = 0;
    const label = document.createElement("span");
    label.className = "tl-label";
    label.textContent = t("tl.now");
    const when = document.createElement("time");
    when.dateTime = new Date(nowMs - (nowMs % 60000)).toISOString();  // to the minute, as shown
    when.textContent = formatChina(chinaIso(nowMs)).slice(0, 16);  // to the minute
    li.append(label, when);
    li.setAttribute("aria-label", `${t("tl.now")}: ${when.textContent}`);
    return li;
  };
  for (const p of list) {
    if (!nowPlaced && p.ms >= nowMs) {
      items.push(nowItem());
      nowPlaced = true;
    }
    const state = p.ms < nowMs ? "past" : p === next ? "next" : "future";
    const li = document.createElement("li");
    li.className = `tl-point tl-${state}`;
    li.dataset.key = p.key;
    li.dataset.state = state;
    li.dataset.testid = "timeline-point";
    li.tabIndex = 0;
    const label = document.createElement("span");
    label.className = "tl-label";
    label.textContent = p.label;
    const when = document.createElement("time");
    when.dateTime = p.at ?? p.date;
    when.textContent = p.at ? formatChina(p.at) : p.date;
    const mark = document.createElement("span");
    mark.className = "tl-state";
    mark.textContent = t(`tl.state.${state}`);
    li.append(label, when, mark);
    const sentence = [tf("tl.sentence", { label: p.label, when: when.textContent, state: t(`tl.state.${state}`) }), p.sentence]
      .filter(Boolean).join(" ");
    li.dataset.sentence = sentence;
    li.setAttribute("aria-label", sentence);
    items.push(li);
  }
  if (!nowPlaced) items.push(nowItem());
  // Re-rendered every second: the same points leave the list (and a focused point) alone.
  const shown = (lis) => lis.map((li) => li.outerHTML).join("");
  if (shown(items) !== shown([...ol.children])) ol.replaceChildren(...items);
  const detail = ol.nextElementSibling?.classList.contains("tl-detail") ? ol.nextElementSibling : null;
  if (detail && !ol.dataset.wired) {
    ol.dataset.wired = "true";
    const show = (e) => {
      const li = e.target.closest?.("li");
      if (li) detail.textContent = li.dataset.sentence ?? li.getAttribute("aria-label") ?? "";
    };
    ol.addEventListener("focusin", show);
    ol.addEventListener("mouseover", show);
  }
  if (detail && !ol.contains(document.activeElement)) {
    detail.textContent = (ol.querySelector(".tl-next") ?? ol.querySelector(".tl-now"))?.dataset.sentence ?? "";
  }
}

/** An epoch ms as "YYYY-MM-DDTHH:MM:SS+08:00". */
function chinaIso(ms) {
  const d = new Date(ms + 8 * 3600000).toISOString();
  return `${d.slice(0, 19)}${CHINA}`;
}

/**
 * The points of an exam order: paid, refund window end, the booking's
 * deadlines, the order's reminders and last day, and, when results have a
 * date, the certificate a pass would give (`certificate`: the engine's
 * certificate answer for a pass published that day, or null).
 */
export function orderPoints(r, paidAt, certificate) {
  const b = r.booking;
  const points = [
    { key: "paid", label: t("tl.paid"), at: paidAt },
    { key: "refund", label: t("tl.refund"), at: r.refund.deadline },
    { key: "change", label: t("tl.change"), at: b.change_deadline },
    { key: "check_in", label: t("tl.check_in"), at: b.check_in_by },
    { key: "ends", label: t("tl.ends"), at: b.ends_at },
    { key: "results", label: t("tl.results"), at: b.results_at },
    ...r.order.reminders.map((date, k) => ({ key: `reminder-${k}`, label: t("tl.reminder"), date })),
    { key: "valid_until", label: t("tl.valid_until"), date: r.order.valid_until, ends: true },
  ];
  if (certificate?.ok && certificate.valid_until) {
    points.push(
      { key: "cert_renew_from", label: t("tl.cert_renew_from"), date: certificate.expiring_from },
      { key: "cert_valid_until", label: t("tl.cert_valid_until"), date: certificate.valid_until, ends: true },
    );
  }
  return points;
}
