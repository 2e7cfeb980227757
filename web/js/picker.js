// The certification picker of the purchase and booking pages: every entry of
// the engine's catalogue (engine.catalogue(now)) sold as an exam order (not the
// 从业者 exam: its own page, which the engine refuses in an order), grouped by track, each with
// its status on the China date the page decides for; the chosen catalogue id
// goes to the request as `order.certification`. The statuses and names are
// the engine's; the picker only lists them.
import { getLocale, localName, t } from "./locale.js";

const TRACKS = ["cloud", "database", "big_data", "ai", "specialty", "developer"];

/**
 * Fills `select` (keeping its first, "not given" option and the choice) with
 * the catalogue on `instant`'s China date; rebuilt only when the date or the
 * language changed. Returns the catalogue's ids.
 *   fillPicker(select, engine, "2026-11-22T10:00:00+08:00")
 */
export function fillPicker(select, engine, instant) {
  const entries = engine.catalogue(instant).filter((c) => c.kind !== "practitioner");
  const key = `${getLocale()}|${entries.map((c) => `${c.id}:${c.status}`).join(",")}`;
  if (select.dataset.filled === key) return entries.map((c) => c.id);
  const chosen = select.value;
  const groups = TRACKS.map((track) => {
    const group = document.createElement("optgroup");
    group.label = t(`cat.track.${track}`);
    for (const c of entries.filter((e) => e.track === track)) {
      const option = document.createElement("option");
      option.value = c.id;
      option.dataset.status = c.status;
      const level = c.level ? `${c.level} · ` : "";
      // The status in brackets after the name; a status with its own bracket ("停售（已购可考）") is joined with a
      // comma instead, so brackets never nest.
      const zh = getLocale() !== "en";
      const status = t(`cat.status.${c.status}`).replace(/\s*[（(]([^（）()]*)[）)]/, zh ? "，$1" : ", $1");
      option.textContent = `${level}${localName(c.name)}${zh ? `（${status}）` : ` (${status})`}`;
      group.append(option);
    }
    return group;
  }).filter((g) => g.children.length);
  select.replaceChildren(select.options[0], ...groups);
  select.value = chosen;
  select.dataset.filled = key;
  return entries.map((c) => c.id);
}
