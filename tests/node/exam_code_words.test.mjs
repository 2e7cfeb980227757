// COD-2's sentences say a code's state and the action in the reader's words
// ({state|word}, {action|word} in core/policy/data/messages.json): for every
// state × action × locale, no engine name (examined, view_score …) is left
// in a Chinese sentence, and the English one uses the English words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";

const engine = await createEngine();
const STATES = ["unused", "bound", "examined", "void", "expired", "refunded"];
const ACTIONS = ["bind", "unbind", "regenerate", "sit", "view_score"];
const ZH = { unused: "未使用", bound: "已绑定", examined: "已考试", void: "已作废", expired: "已过期", refunded: "已退款" };

test("COD-2 sentences name the state and the action in words, in every locale", () => {
  for (const locale of ["zh-CN", "zh-Hant", "en"]) {
    for (const state of STATES) {
      for (const action of ACTIONS) {
        const r = engine.evaluate({ type: "exam_code", locale, now: "2026-11-26T12:00:00+08:00", order: { paid_at: "2026-01-10T00:00:00+08:00" }, code: { state }, action });
        assert.equal(r.ok, true, JSON.stringify(r.error));
        const sentence = r.reasons.find((x) => x.code === "CODE_ACTION_ALLOWED" || x.code === "CODE_ACTION_NOT_ALLOWED").message;
        const where = `${locale} ${state} ${action}: ${sentence}`;
        if (locale === "en") assert.doesNotMatch(sentence, /view_score|[\u4e00-\u9fff]/, where);
        else assert.doesNotMatch(sentence, /[a-z_]{3,}/, where);
        if (locale === "zh-CN") assert.ok(sentence.includes(ZH[state]), where);
      }
    }
  }
});
