// What every decision carries: the codes and rule IDs that produced it
// (rendered into sentences only at the JSON boundary, see messages.h).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace certpolicy {

struct Reason {
  std::string_view code;  // stable UPPER_SNAKE identifier
  std::string_view rule;  // rule ID in docs/RULES.md, e.g. "EXO-4"
};

// A short, allocation-free list of reasons (a decision names a handful).
class Reasons {
 public:
  static constexpr size_t kCapacity = 24;
  void add(std::string_view code, std::string_view rule) {
    if (n_ < kCapacity) items_[n_++] = Reason{code, rule};
  }
  void append(const Reasons& other) {
    for (const Reason& r : other) add(r.code, r.rule);
  }
  const Reason* begin() const { return items_.data(); }
  const Reason* end() const { return items_.data() + n_; }
  size_t size() const { return n_; }

 private:
  std::array<Reason, kCapacity> items_{};
  size_t n_ = 0;
};

}  // namespace certpolicy
