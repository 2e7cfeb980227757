// Which part of a certification a booking is for (理论 / 上机 / 面试): its results come after different lags
// (EXO-8, terms 3.8). One list for the purchase and booking pages' field; the engine reads the same names
// (booking.exam_kind) and refuses any other.
const EXAM_KINDS = ["theory", "lab", "interview"];

/** Fills `select` with the parts, each worded by its string key (exam_kind.theory …) when the page applies its strings. */
export function fillExamKinds(select) {
  select.replaceChildren(...EXAM_KINDS.map((kind) => {
    const option = document.createElement("option");
    option.value = kind;
    option.dataset.i18n = `exam_kind.${kind}`;
    return option;
  }));
}
