// What a person typed as an amount in yuan: the fen it says, or what is wrong with it.

/**
 * What a person types as an amount in yuan → fen; "" → 0; null when it is
 * not an amount with at most two decimals. Accepted as people write it:
 * full-width digits and punctuation (１２００．５), a currency sign or word
 * before or after (¥1200, ￥1200, 1200元, CNY 1200), thousands separators in
 * their places (1,200 or 1 200). "12.345" and "1,20" are refused, never
 * guessed.
 *   yuanToFen("1,200") === 120000; yuanToFen("１２００") === 120000; yuanToFen("12.345") === null
 */
export function yuanToFen(text) {
  let s = amountText(text);
  if (s === "") return 0;
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[, ]/g, "");
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** The number an amount's text holds: NFKC, a Chinese full stop as the decimal point ("3580。00"), no currency sign or word. */
const amountText = (text) => String(text ?? "").normalize("NFKC").replace(/[。｡]/g, ".").trim()
  .replace(/^(?:¥|CNY|RMB)\s*/i, "").replace(/\s*(?:元|CNY|RMB)$/i, "").trim();

/**
 * What is wrong with an amount yuanToFen refuses, as the key of the pages' sentence: a minus sign, more than
 * ten digits of yuan, more than two decimals, or anything else (letters, "1e3").
 *   amountProblem("-100") === "amount.negative"; amountProblem("12.345") === "amount.decimals"
 */
export function amountProblem(text) {
  const s = amountText(text).replace(/[, ]/g, "");
  if (/^-\s*[\d.]+$/.test(s)) return "amount.negative";
  if (/^\d{11,}(\.\d*)?$/.test(s)) return "amount.too_large";
  if (/^\d+\.\d{3,}$/.test(s)) return "amount.decimals";
  return "amount.invalid";
}
