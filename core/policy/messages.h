// User-facing sentences in zh-CN, zh-Hant and en (core/policy/data/messages.json).
//
// A template names fields of the decision it explains, so the numbers in a
// sentence are always the ones the decision returned:
//   "可在 {refund.deadline} 前（含该时刻）申请无理由退款。"
//   "{refund.amount_fen|yuan} goes back to each payment method in proportion."
// An instant renders as "2026-11-30 10:00 China time (UTC+08:00)", an amount
// with |yuan as "¥128.00", a name with |local in the sentence's language
// ("{order.certification.name|local}" reads its .zh, .zh_hant or .en), a
// value with |word in the words of the "words" section ("{state|word}":
// "examined" → "已考试").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json/fields.h"
#include "json/json_doc.h"
#include "json/json_in.h"

namespace certpolicy {

// zh-Hant: Traditional Chinese for Hong Kong, Macao and Taiwan candidates.
enum class Locale { kZhCN = 0, kEn = 1, kZhHant = 2 };
inline constexpr int kLocaleCount = 3;
inline constexpr Locale kLocales[kLocaleCount] = {Locale::kZhCN, Locale::kEn, Locale::kZhHant};

class Messages {
 public:
  // The embedded catalogue, parsed once.
  static const Messages& get();

  // The sentence for a reason code, its placeholders filled from `fields`.
  std::string reason(std::string_view code, Locale locale, const Fields& fields) const;
  // The same as a JSON string (quoted, escaped), rendered straight into `out`.
  void write_reason_json(TextOut& out, std::string_view code, Locale locale, const Fields& fields) const;
  // "order.paid_at: no such date (expected rfc3339_instant)";
  // "order.platformFault: not a field the engine knows (did you mean platform_fault?)"
  std::string field_error(const FieldIssue& issue, Locale locale) const;
  // A word of the "words" section (the key itself when there is none).
  std::string_view word(std::string_view key, Locale locale) const;
  // zh-CN text in Traditional characters (the pairs of "zh_hant_chars"):
  //   traditional("腾讯云计算工程师认证") == "騰訊雲計算工程師認證"
  std::string traditional(std::string_view zh_cn) const;

 private:
  // A template and where its placeholders are ("可在 {refund.deadline} 前…"):
  // for each, the offsets of its '{', of its '|' (or '}' when it has no
  // filter) and of its '}'. Found once at load: finding them while
  // rendering made `evaluate` 2 % slower (docs/DESIGN.md).
  struct Form {
    std::string text;
    std::vector<std::uint32_t> marks;
  };
  // One code's template per Locale.
  using Templates = std::array<Form, kLocaleCount>;
  // One section's codes in an open-addressing table (a power of two of
  // slots, at most half full): a lookup is a hash, a mask and usually one
  // inline compare, where std::unordered_map divides and calls.
  class Section {
   public:
    void add(std::string_view code, Templates t) { entries_.emplace_back(code, std::move(t)); }
    void seal();  // after the last add
    const Templates* find(std::string_view code) const;

   private:
    std::vector<std::pair<std::string_view, Templates>> entries_;
    std::vector<std::uint32_t> slots_;  // entry index + 1; 0 is empty
    std::uint32_t mask_ = 0;
  };
  Messages();
  // Appends the sentence to `out`, as it is or escaped for a JSON string.
  void render(TextOut& out, bool json, const Section& section, std::string_view code, Locale locale,
              const Fields& fields) const;
  JsonDoc doc_;                  // the catalogue; codes are views of its keys
  std::string_view hant_chars_;  // a view of doc_'s "zh_hant_chars"
  Section reasons_, errors_, words_;
  // The words every instant and amount needs, looked up once.
  struct Units {
    std::string_view china_time, yuan_prefix, utc_open, utc_close;
  };
  std::array<Units, kLocaleCount> units_;
};

const std::string& messages_text();

}  // namespace certpolicy
