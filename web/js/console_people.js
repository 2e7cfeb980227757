// What 数据统计 shows of a candidate: its columns and each cell's text, the
// same in the console's table (console_tables.js) and in its export
// (console_views.js). No DOM.

/** 数据统计's columns (the table's headers and its export's). */
export const PERSON_COLUMNS = ["col.name", "col.un", "col.certification", "col.exam_type", "col.registered_at", "col.exam_at", "col.score", "col.passed_q"];

/** A candidate's cells in 数据统计 (PERSON_COLUMNS), as the table shows and the export writes them; `t` gives the page's words. */
export function personCells(row, t) {
  const examined = row.state === "examined";
  const passed = row.passed === null ? (examined ? t("console.passed.unknown") : "-") : t(row.passed ? "console.passed.yes" : "console.passed.no");
  const score = row.score === null ? (examined ? t("console.unknown") : "-") : row.score;
  const text = (v) => (v === null || v === undefined || v === "" ? "-" : String(v));
  return [row.name, row.un, row.certification, row.exam_type, row.registered_at, row.exam_at, score, passed].map(text);
}
