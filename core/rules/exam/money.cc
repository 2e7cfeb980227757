// Money in whole fen: percentages rounded half up, and a total split in
// proportion with the leftover fen to the largest remainders (MNY-1).
#include "rules/exam/money.h"

#include <algorithm>
#include <numeric>

namespace certpolicy {

Fen percent_of(Fen amount, int percent) { return (amount * percent + 50) / 100; }

std::vector<Fen> split_proportional(Fen total, const std::vector<Fen>& weights) {
  std::vector<Fen> parts(weights.size(), 0);
  Fen sum = std::accumulate(weights.begin(), weights.end(), Fen{0});
  if (sum <= 0 || total <= 0) return parts;
  // total and weights are bounded by kMaxFen (10^12) and at most a few
  // methods, but total*weight can reach 10^24: use 128-bit where available.
  std::vector<std::pair<Fen, size_t>> remainders;
  remainders.reserve(weights.size());
  Fen given = 0;
  for (size_t k = 0; k < weights.size(); ++k) {
    __int128 p = static_cast<__int128>(total) * weights[k];
    parts[k] = static_cast<Fen>(p / sum);
    remainders.emplace_back(static_cast<Fen>(p % sum), k);
    given += parts[k];
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < total && k < remainders.size(); ++k, ++given) {
    ++parts[remainders[k].second];
  }
  return parts;
}

}  // namespace certpolicy
