// Decides how the CLI spreads independent work over the machine's cores: a
// batch of items is worked on by every core at once, and the results come
// back in the batch's order, so that whatever is made from them (a diff's
// first example of each kind, its counts) is the same on 1 core or 8.
//
//   std::vector<std::string> requests = …;
//   std::vector<Outcome> outcomes = on_cores(requests, [&](const std::string& r) { return decide(r); });
//   // outcomes[i] is decide(requests[i]), whatever thread made it.
//
// `work` must be safe to call from several threads at once (the engines are:
// Engine::evaluate_into is const and keeps its scratch space per thread), and
// must not throw: an exception in a thread ends the program (as an uncaught
// one in the CLI's main does).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <type_traits>
#include <vector>

namespace certpolicy::cli {

// The threads a batch is worked on by: one per core, 1 to 8.
inline std::size_t core_count() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8); }

// work(items[i]) for every i, on every core; result i at index i. Items are
// handed out in runs of `run` so that the threads seldom meet on the counter.
template <class Item, class Work>
auto on_cores(const std::vector<Item>& items, Work&& work, std::size_t run = 64) {
  using Result = decltype(work(items.front()));
  // std::vector<bool> packs its values into shared words: threads writing
  // neighbours would race.
  static_assert(!std::is_same_v<Result, bool>, "on_cores: return a struct or an int, not bool");
  run = std::max<std::size_t>(run, 1);
  std::vector<Result> results(items.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t begin; (begin = next.fetch_add(run)) < items.size();) {
      const std::size_t end = std::min(begin + run, items.size());
      for (std::size_t i = begin; i < end; ++i) results[i] = work(items[i]);
    }
  };
  const std::size_t threads = std::min(core_count(), (items.size() + run - 1) / run);
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(worker);
  worker();  // this thread is one of them
  for (std::thread& h : helpers) h.join();
  return results;
}

}  // namespace certpolicy::cli
