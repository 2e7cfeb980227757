// MNY-1: percentages round half up; splits sum exactly.
#include <gtest/gtest.h>

#include <numeric>

#include "rules/exam/money.h"

namespace certpolicy {
namespace {

TEST(MNY_1, PercentRoundsHalfUpToAFen) {
  struct {
    Fen amount;
    int percent;
    Fen expected;
  } cases[] = {
      {100000, 70, 70000}, {10001, 70, 7001},  // 7000.7
      {15, 70, 11},                            // 10.5 → 11
      {5, 70, 4},                              // 3.5 → 4
      {1, 70, 1},                              // 0.7 → 1
      {1, 30, 0},                              // 0.3 → 0
      {0, 70, 0},          {99999, 100, 99999}, {kMaxFen, 70, 700'000'000'000},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(percent_of(c.amount, c.percent), c.expected) << c.amount << " x " << c.percent << "%";
  }
}

TEST(MNY_1, SplitIsProportionalAndExact) {
  struct {
    Fen total;
    std::vector<Fen> weights;
    std::vector<Fen> parts;
  } cases[] = {
      {100, {1, 1, 1}, {34, 33, 33}},
      {70, {50, 50}, {35, 35}},
      {7001, {6000, 4001}, {4200, 2801}},  // 4200.18 / 2800.82
      {700, {0, 1000}, {0, 700}},
      {0, {100, 200}, {0, 0}},
      {100, {0, 0}, {0, 0}},
      {100, {0}, {0}},  // weights that add up to 0 fen: nothing to split by
      {1, {1, 1}, {1, 0}},  // ties: the earlier method
      {kMaxFen, {kMaxFen, kMaxFen}, {kMaxFen / 2, kMaxFen / 2}},
  };
  for (const auto& c : cases) {
    auto parts = split_proportional(c.total, c.weights);
    EXPECT_EQ(parts, c.parts) << c.total;
    Fen weight_sum = std::accumulate(c.weights.begin(), c.weights.end(), Fen{0});
    if (weight_sum > 0) EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), Fen{0}), c.total);
  }
}

}  // namespace
}  // namespace certpolicy
