// What every decision carries: the codes and rule IDs that produced it
// (rendered into sentences only at the JSON boundary, see messages.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace certpolicy {

struct Reason {
  std::string_view code;  // stable UPPER_SNAKE identifier
  std::string_view rule;  // rule ID in docs/RULES.md, e.g. "EXO-4"
};

// A short, allocation-free list of reasons (a decision names a handful; an
// exam order at most about twenty). Only the reasons added are ever written,
// read or copied: a decision holds several lists (booking, refund, the
// order's), and zero-filling and copying whole arrays made the exam-order
// fast path three times slower (docs/DESIGN.md).
class Reasons {
 public:
  static constexpr size_t kCapacity = 24;
  Reasons() {}  // NOLINT: the items are written before they are read
  Reasons(const Reasons& other) : n_(other.n_) { std::copy_n(other.items_, n_, items_); }
  Reasons& operator=(const Reasons& other) {
    n_ = other.n_;
    std::copy_n(other.items_, n_, items_);
    return *this;
  }
  void add(std::string_view code, std::string_view rule) {
    if (n_ < kCapacity) items_[n_++] = Reason{code, rule};
  }
  void append(const Reasons& other) {
    for (const Reason& r : other) add(r.code, r.rule);
  }
  const Reason* begin() const { return items_; }
  const Reason* end() const { return items_ + n_; }
  size_t size() const { return n_; }

 private:
  union {
    Reason items_[kCapacity];  // the first n_ are set
  };
  size_t n_ = 0;
};

}  // namespace certpolicy
