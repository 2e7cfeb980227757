// Money in integer fen (rule MNY-1).
//
//   percent_of(10001, 70) == 7001      (7000.7 rounds half up)
//   split_proportional(100, {1, 1, 1}) == {34, 33, 33}
//
// split_proportional(total, weights) gives each weight its floor share of
// `total`, then hands the leftover fen one each to the largest remainders
// (ties: the earlier entry). The parts always sum exactly to `total`.
#pragma once

#include <cstdint>
#include <vector>

namespace certpolicy {

using Fen = std::int64_t;

// Largest amount accepted anywhere (10^12 fen = 10 billion yuan): keeps every
// product below 2^63.
inline constexpr Fen kMaxFen = 1'000'000'000'000;

// amount * percent / 100, rounded half up to a whole fen. amount >= 0.
Fen percent_of(Fen amount, int percent);

// Parts proportional to `weights` summing to `total`. All inputs >= 0; when
// every weight is 0 the parts are all 0.
std::vector<Fen> split_proportional(Fen total, const std::vector<Fen>& weights);

}  // namespace certpolicy
