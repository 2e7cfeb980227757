// The choices an exam order's form offers on the purchase and booking pages, written once: which part of a
// certification a booking is for (理论 / 上机 / 面试: its results lag, EXO-8, terms 3.8) and what happened on
// Tencent Cloud's side (EXO-9). The engine reads the same names (booking.exam_kind, order.platform_fault) and
// refuses any other.
const CHOICES = {
  exam_kind: ["theory", "lab", "interview"],
  platform_fault: ["", "exam_time_changed", "centre_unavailable"],  // "": none
};
// Each choice's string key (exam_kind.lab, fault.none …).
const KEY = { exam_kind: (v) => `exam_kind.${v}`, platform_fault: (v) => `fault.${v || "none"}` };

/** Fills the select `select` (id exam_kind or platform_fault) with its choices, worded when the page applies its strings. */
export function fillChoices(select) {
  select.replaceChildren(...CHOICES[select.id].map((value) => {
    const option = document.createElement("option");
    option.value = value;
    option.dataset.i18n = KEY[select.id](value);
    return option;
  }));
}
