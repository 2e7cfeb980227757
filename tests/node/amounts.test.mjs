// What a person types as an amount on the purchase and training pages: read as
// they write it, or refused with what is wrong with it (web/js/amounts.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { amountProblem, yuanToFen } from "../../web/js/amounts.js";

test("amounts are read as people write them, a Chinese full stop included", () => {
  for (const [typed, fen] of [["3580", 358000], ["3580.5", 358050], ["3,580.00", 358000], ["３５８０", 358000], ["¥3580", 358000],
    ["3580 元", 358000], ["3580。50", 358050], ["3580｡5", 358050], ["", 0], ["0", 0]]) {
    assert.equal(yuanToFen(typed), fen, typed);
  }
});

test("a refused amount is said by what is wrong with it", () => {
  for (const [typed, key] of [["-100", "amount.negative"], ["- 5", "amount.negative"], ["99999999999999", "amount.too_large"],
    ["12.345", "amount.decimals"], ["3580。123", "amount.decimals"], ["abc", "amount.invalid"], ["1e3", "amount.invalid"],
    ["1,20", "amount.invalid"], ["1.2.3", "amount.invalid"]]) {
    assert.equal(yuanToFen(typed), null, typed);
    assert.equal(amountProblem(typed), key, typed);
  }
});
