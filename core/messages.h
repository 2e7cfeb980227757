// User-facing sentences in zh-CN and en (core/data/messages.json).
//
// A template names fields of the decision it explains, so the numbers in a
// sentence are always the ones the decision returned:
//   "可在 {refund.deadline} 前（含该时刻）申请无理由退款。"
//   "{refund.amount_fen|yuan} goes back to each payment method in proportion."
// An instant renders as "2026-11-30 10:00 China time (UTC+08:00)", an amount
// with |yuan as "¥128.00".
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace certpolicy {

enum class Locale { kZhCN = 0, kEn = 1 };

class Messages {
 public:
  // The embedded catalogue, parsed once.
  static const Messages& get();

  std::string reason(std::string_view code, Locale locale, const nlohmann::json& fields) const;
  // "order.paid_at: no such date (expected rfc3339_instant)"
  std::string field_error(std::string_view detail, std::string_view path, std::string_view expected,
                          Locale locale) const;
  std::string word(std::string_view key, Locale locale) const;

  // Every code of a section, for tests that check both locales exist.
  const nlohmann::json& catalogue() const { return doc_; }

 private:
  Messages();
  std::string render(std::string_view section, std::string_view code, Locale locale,
                     const nlohmann::json& fields) const;
  nlohmann::json doc_;
  // "section/code" → template per locale, built once from doc_.
  std::unordered_map<std::string, std::array<std::string, 2>> templates_;
};

const std::string& messages_text();

}  // namespace certpolicy
