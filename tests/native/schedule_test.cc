// Dated changes (policy/schedule.h): the policy a request's moments pick,
// every combination validated before anything is used, what a published
// file may not do, and refusals in the file's own terms.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/review.h"
#include "engine.h"

namespace certpolicy {
namespace {

using nlohmann::json;

Instant at(const char* text) { return *parse_instant(text).value; }

std::shared_ptr<const Schedule> read(const std::string& text, PolicyMode mode = PolicyMode::kPublished) {
  PolicyFailure failure;
  auto s = Schedule::read(text, mode, failure);
  EXPECT_TRUE(s) << failure.issue.path << " " << failure.issue.detail << " " << failure.issue.expected;
  return s;
}

PolicyFailure refusal(const std::string& text, PolicyMode mode = PolicyMode::kPublished) {
  PolicyFailure failure;
  EXPECT_FALSE(Schedule::read(text, mode, failure)) << text;
  return failure;
}

const char* kCalendarAndRefund = R"({
  "version": "ops-1",
  "calendar": {"years": {"2027": {"notice": "TEST ONLY 2027",
    "holidays": ["2027-01-01", "2027-01-11", "2027-05-01", "2027-10-01", "2027-10-02", "2027-10-03"], "makeup_workdays": []}}},
  "changes": [
    {"id": "refund-3d", "effective_from": "2027-01-01T00:00:00+08:00", "patch": {"exam_order": {"refund_window": {"hours": 72}}}},
    {"id": "results", "effective_from": "2027-02-01T00:00:00+08:00", "applies_to": "decisions",
     "patch": {"exam_order": {"results": {"lab": {"after_exam_day": {"days": 20}}}}}}
  ]
})";

// The issue's first case: a dated refund change beside a live calendar
// withdraws nothing (the calendar is undated, in force at once).
TEST(Schedule, ADatedChangeLeavesWhatIsLiveInForce) {
  auto s = read(kCalendarAndRefund);
  const Policy& before = s->at(at("2026-12-28T12:00:00+08:00"), at("2026-12-28T12:00:00+08:00"));
  EXPECT_TRUE(before.calendar.verified(2027));
  EXPECT_EQ(before.exam_order.refund_window, std::chrono::hours(120));
  EXPECT_EQ(s->version(), "ops-1");
  EXPECT_EQ(s->changes().size(), 3u);
  EXPECT_FALSE(s->changes()[0].effective_from);  // the top level, at once
}

// Terms at purchase govern an order: the refund window is picked by paid_at,
// not by the moment of the decision (EXO-4 by the order's terms).
TEST(Schedule, OrdersPaidFromTheDatePickTheNewTerms) {
  auto s = read(kCalendarAndRefund);
  const Instant paid_before = at("2026-12-30T10:00:00+08:00"), paid_after = at("2027-01-02T10:00:00+08:00");
  EXPECT_EQ(s->at(at("2027-01-02T12:00:00+08:00"), paid_before).exam_order.refund_window, std::chrono::hours(120));
  EXPECT_EQ(s->at(at("2027-01-02T12:00:00+08:00"), paid_after).exam_order.refund_window, std::chrono::hours(72));
  // The instant itself is in force; a millisecond before is not.
  EXPECT_EQ(s->at(at("2027-01-01T00:00:00+08:00"), at("2027-01-01T00:00:00+08:00")).exam_order.refund_window, std::chrono::hours(72));
  EXPECT_EQ(s->at(at("2027-01-01T00:00:00+08:00"), at("2026-12-31T23:59:59.999+08:00")).exam_order.refund_window, std::chrono::hours(120));
}

// A change that governs decisions applies to every order from its instant.
TEST(Schedule, DecisionsFromTheDatePickTheNewFacts) {
  auto s = read(kCalendarAndRefund);
  const Instant paid = at("2026-10-01T10:00:00+08:00");
  EXPECT_EQ(s->at(at("2027-01-31T23:59:59.999+08:00"), paid).exam_order.lab_results_days, 14);
  EXPECT_EQ(s->at(at("2027-02-01T00:00:00+08:00"), paid).exam_order.lab_results_days, 20);
  EXPECT_EQ(*s->next_change_after(at("2026-12-01T00:00:00+08:00")), at("2027-01-01T00:00:00+08:00"));
  EXPECT_EQ(*s->next_change_after(at("2027-01-01T00:00:00+08:00")), at("2027-02-01T00:00:00+08:00"));
  EXPECT_FALSE(s->next_change_after(at("2027-02-01T00:00:00+08:00")));
}

TEST(Schedule, AChangeGovernsBySectionUnlessItSays) {
  auto s = read(kCalendarAndRefund);
  EXPECT_EQ(s->changes()[1].governs, Governs::kOrdersPaid);  // exam_order: terms
  EXPECT_EQ(s->changes()[2].governs, Governs::kDecisions);   // said
  auto facts = read(R"({"version": "x", "changes": [{"id": "stop", "effective_from": "2027-03-01T00:00:00+08:00",
    "patch": {"catalogue": {"certifications": {"ai-expert": {"sale_stops_on": "2027-03-01", "exams_until": "2027-06-30"}}}}}]})");
  EXPECT_EQ(facts->changes()[0].governs, Governs::kDecisions);
  // Terms and facts together: the file must say which, or split the change.
  PolicyFailure f = refusal(R"({"version": "x", "changes": [{"id": "both", "effective_from": "2027-01-01T00:00:00+08:00",
    "patch": {"exam_order": {"refund_window": {"hours": 72}}, "calendar": {"source": "y"}}}]})");
  EXPECT_EQ(f.issue.path, "changes[0].applies_to");
  EXPECT_EQ(f.issue.detail, "MISSING");
  // The calendar never follows the order's date.
  f = refusal(R"({"version": "x", "changes": [{"id": "c", "effective_from": "2027-01-01T00:00:00+08:00",
    "applies_to": "orders_paid", "patch": {"calendar": {"source": "y"}}}]})");
  EXPECT_EQ(f.issue.path, "changes[0].applies_to");
  EXPECT_EQ(f.issue.detail, "INCONSISTENT");
}

// The old single-patch form with effective_from: one dated change; mixing
// the calendar with a window there is the issue's first case, refused.
TEST(Schedule, TheTopLevelEffectiveFromIsOneDatedChange) {
  auto s = read(R"({"version": "future", "effective_from": "2027-01-01T00:00:00+08:00", "exam_order": {"refund_window": {"hours": 168}}})");
  ASSERT_EQ(s->changes().size(), 1u);
  EXPECT_EQ(s->changes()[0].id, "future");
  EXPECT_EQ(s->changes()[0].governs, Governs::kOrdersPaid);
  PolicyFailure f = refusal(R"({"version": "x", "effective_from": "2027-01-01T00:00:00+08:00",
    "calendar": {"source": "y"}, "exam_order": {"refund_window": {"hours": 72}}})");
  EXPECT_EQ(f.issue.path, "effective_from");
}

// Nothing is used before every combination is valid: a change that is only
// wrong together with another is refused at once, with both named.
TEST(Schedule, EveryCombinationIsValidatedWhenTheFileIsRead) {
  PolicyFailure f = refusal(R"({"version": "x", "changes": [
    {"id": "short-validity", "effective_from": "2027-01-01T00:00:00+08:00", "applies_to": "decisions",
     "patch": {"exam_order": {"flows": {"book_then_purchase": {"validity": {"months": 4}}}}}},
    {"id": "long-window", "effective_from": "2027-02-01T00:00:00+08:00",
     "patch": {"exam_order": {"flows": {"book_then_purchase": {"change_window": {"days": 130}}}}}}]})");
  EXPECT_EQ(f.issue.detail, "INCONSISTENT");
  EXPECT_EQ(f.issue.path, "changes[1].patch.exam_order.flows.book_then_purchase.change_window");
  EXPECT_EQ(f.in_force, (std::vector<std::string>{"short-validity", "long-window"}));
  EXPECT_EQ(f.spot.line, 5);
  // A unit is part of a window's value: a merge adds a second unit unless the first is removed.
  f = refusal(R"({"version": "x", "exam_order": {"flows": {"book_then_purchase": {"validity": {"days": 200}}}}})");
  EXPECT_EQ(f.issue.path, "exam_order.flows.book_then_purchase.validity");
  EXPECT_EQ(f.issue.expected, "exactly one unit");
}

TEST(Schedule, ARefusalIsInTheFilesOwnTerms) {
  PolicyFailure f = refusal("{\n \"version\": \"x\",\n \"changes\": [{\"id\": \"a\", \"effective_from\": \"2027-01-01T00:00:00+08:00\",\n"
                            "   \"patch\": {\"exam_order\": {\"refund_windw\": {\"hours\": 1}}}}]\n}");
  EXPECT_EQ(f.issue.detail, "UNKNOWN_FIELD");
  EXPECT_EQ(f.issue.path, "changes[0].patch.exam_order.refund_windw");
  EXPECT_EQ(f.issue.expected, "refund_window");
  EXPECT_EQ(f.spot.line, 4);
  // Dates that are not RFC 3339 instants are refused, never guessed.
  for (const char* from : {"2027-01-01", "01/01/2027", "2027-01-01T00:00:00"}) {
    f = refusal(std::string(R"({"version": "x", "changes": [{"id": "a", "effective_from": ")") + from +
                R"(", "patch": {"exam_order": {"refund_window": {"hours": 72}}}}]})");
    EXPECT_EQ(f.issue.path, "changes[0].effective_from") << from;
  }
  f = refusal(R"({"version": "x", "changes": [{"id": "a", "efective_from": "2027-01-01T00:00:00+08:00", "patch": {"source": "y"}}]})");
  EXPECT_EQ(f.issue.path, "changes[0].efective_from");
  EXPECT_EQ(f.issue.expected, "effective_from");
}

TEST(Schedule, APublishedFileNamesItsOwnVersion) {
  EXPECT_EQ(refusal(R"({"exam_order": {"refund_window": {"hours": 72}}})").issue.path, "version");
  EXPECT_EQ(refusal(R"({"version": "2025-04-08", "exam_order": {"refund_window": {"hours": 72}}})").issue.detail, "INCONSISTENT");
  EXPECT_EQ(read("{}")->version(), "2025-04-08");  // {}: the built-in policy as it is
  EXPECT_EQ(refusal("").issue.detail, "MISSING");
  EXPECT_EQ(refusal(" \n").issue.detail, "MISSING");
  // A patch given to createEngine may keep the built-in version.
  EXPECT_EQ(read(R"({"exam_order": {"refund_window": {"hours": 72}}})", PolicyMode::kPatch)->version(), "2025-04-08");
}

TEST(Schedule, CatalogueEntriesArePatchedById) {
  auto s = read(R"({"version": "x", "catalogue": {"certifications": {
    "ai-expert": {"sale_stops_on": "2027-03-01", "exams_until": "2027-06-30"},
    "new-cert": {"name": {"zh": "新认证", "en": "New"}, "track": "ai", "kind": "professional", "level": "TCCP"}}}})");
  const Catalogue& c = s->first().catalogue;
  EXPECT_EQ(c.certifications.size(), 44u);
  EXPECT_EQ(format_date(*c.find("ai-expert")->sale_stops_on), "2027-03-01");
  EXPECT_EQ(c.find("ai-expert")->name_en, "Tencent Cloud AI Expert");
  EXPECT_EQ(c.find("new-cert")->level, "TCCP");
  // An entry is never removed (orders name it): stop its sale instead.
  EXPECT_EQ(refusal(R"({"version": "x", "catalogue": {"certifications": {"ai-expert": null}}})").issue.path,
            "catalogue.certifications.ai-expert");
  // A list replaces the catalogue whole: a published one may not drop entries.
  PolicyFailure f = refusal(R"({"version": "x", "catalogue": {"certifications": [{"id": "ai-expert",
    "name": {"zh": "腾讯云人工智能专家认证", "en": "Tencent Cloud AI Expert"}, "track": "ai", "kind": "professional", "level": "TCCE"}]}})");
  EXPECT_EQ(f.issue.path, "catalogue.certifications");
  EXPECT_NE(f.issue.expected.find("it drops 42"), std::string::npos) << f.issue.expected;
  // An entry's error is named by its id.
  f = refusal(R"({"version": "x", "catalogue": {"certifications": {"ai-expert": {"sale_stops_on": "2027-13-01"}}}})");
  EXPECT_EQ(f.issue.path, "catalogue.certifications.ai-expert.sale_stops_on");
  EXPECT_EQ(f.issue.detail, "IMPOSSIBLE_DATE");
}

TEST(Schedule, APublishedCalendarYearIsGivenWhole) {
  // The issue's case: two lists of 2026 replaced by one date, the notice kept:
  // National Day would become a working day of a "verified" year.
  PolicyFailure f = refusal(R"({"version": "x", "calendar": {"years": {"2026": {"holidays": ["2026-10-01"]}}}})");
  EXPECT_EQ(f.issue.path, "calendar.years.2026");
  // A verified year lists the days off the law fixes.
  f = refusal(R"({"version": "x", "calendar": {"years": {"2027": {"notice": "TEST ONLY 2027", "holidays": ["2027-01-01"], "makeup_workdays": []}}}})");
  EXPECT_EQ(f.issue.path, "calendar.years.2027.holidays");
  EXPECT_NE(f.issue.expected.find("2027-05-01 is missing"), std::string::npos) << f.issue.expected;
  // Without its notice a year may be partial (it is unverified, and warned).
  auto s = read(R"({"version": "x", "calendar": {"years": {"2027": {"holidays": ["2027-01-01"], "makeup_workdays": []}}}})");
  const Review r = review(*s);
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].code, "YEAR_UNCITED");
  // The year's data replaces the built-in estimate (CAL-4), which the file should remove.
  EXPECT_EQ(r.warnings[1].code, "ESTIMATE_SUPERSEDED");
  EXPECT_EQ(r.warnings[1].path, "calendar.estimates.2027");
  s = read(R"({"version": "x", "calendar": {"estimates": {"2027": null}, "years": {"2027": {"holidays": ["2027-01-01"], "makeup_workdays": []}}}})");
  ASSERT_EQ(review(*s).warnings.size(), 1u);
}

// CAL-4: removing an estimate without giving the year its data is allowed and
// warned (its days count Monday to Friday again: later dates to apply by); an
// estimate lists the law's fixed days off like a cited year.
TEST(Schedule, AnEstimateRemovedWithoutDataIsWarnedAndHoldsTheLawsDays) {
  auto s = read(R"({"version": "x", "calendar": {"estimates": {"2027": null}}})");
  Review r = review(*s);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "ESTIMATE_REMOVED");
  EXPECT_EQ(r.warnings[0].path, "calendar.estimates.2027");
  s = read(R"({"version": "x", "calendar": {"estimates": null}})");
  r = review(*s);
  ASSERT_EQ(r.warnings.size(), 2u);  // 2027's and 2028's
  EXPECT_EQ(r.warnings[0].code, "ESTIMATE_REMOVED");
  EXPECT_EQ(r.warnings[1].path, "calendar.estimates.2028");
  // A removed year whose estimate is still there counts by the estimate, and says so.
  s = read(R"({"version": "x", "changes": [
    {"id": "y2027", "patch": {"calendar": {"years": {"2027": {"holidays": ["2027-01-01"], "makeup_workdays": []}}}}},
    {"id": "back", "effective_from": "2027-03-01T00:00:00+08:00", "patch": {"calendar": {"years": {"2027": null}}}}]})");
  r = review(*s);
  const auto removed = std::find_if(r.warnings.begin(), r.warnings.end(), [](const PolicyWarning& w) { return w.code == "YEAR_REMOVED"; });
  ASSERT_NE(removed, r.warnings.end());
  EXPECT_NE(removed->message.find("by its estimate (calendar.estimates.2027)"), std::string::npos) << removed->message;
  PolicyFailure f = refusal(R"({"version": "x", "calendar": {"estimates": {"2027": {"basis": "t", "days_off": ["2027-01-01"], "may_be_off": []}}}})");
  EXPECT_EQ(f.issue.path, "calendar.estimates.2027.days_off");
  EXPECT_NE(f.issue.expected.find("2027-05-01 is missing"), std::string::npos) << f.issue.expected;
}

// POL-7, POL-8: in every file (and every createEngine patch).
TEST(Schedule, ANoticeNamesItsYearAndAMakeupDayIsAWeekendDay) {
  PolicyFailure f = refusal(R"({"version": "x", "calendar": {"years": {"2027": {
    "notice": "国务院办公厅关于2026年部分节假日安排的通知", "holidays": ["2027-01-01"], "makeup_workdays": []}}}})", PolicyMode::kPatch);
  EXPECT_EQ(f.issue.path, "calendar.years.2027.notice");
  f = refusal(R"({"version": "x", "calendar": {"years": {"2027": {
    "notice": "TEST ONLY 2027", "holidays": ["2027-01-01"], "makeup_workdays": ["2027-01-09", "2027-01-06"]}}}})", PolicyMode::kPatch);
  EXPECT_EQ(f.issue.path, "calendar.years.2027.makeup_workdays[1]");
  EXPECT_NE(f.issue.expected.find("2027-01-06 is a weekday"), std::string::npos);
}

TEST(Schedule, WarningsSayWhatIsAllowedButLikelyWrong) {
  auto s = read(R"({"version": "x", "training": {"refund_tiers": [{"more_than_working_days": 10, "percent": 100}]},
    "booking_form": {"seat_hold": {"minutes": 15}}, "practitioner": {"attempts": 3}})");
  std::vector<std::string> codes;
  for (const auto& w : review(*s).warnings) codes.push_back(w.code + " " + w.path);
  EXPECT_EQ(codes, (std::vector<std::string>{"DECIDES_NOTHING booking_form.seat_hold.minutes", "TIER_DROPPED training.refund_tiers"}));
  auto nothing = read(R"({"version": "x", "changes": [{"id": "same", "effective_from": "2027-01-01T00:00:00+08:00",
    "patch": {"exam_order": {"refund_window": {"hours": 120}}}}]})");
  ASSERT_EQ(review(*nothing).warnings.size(), 1u);
  EXPECT_EQ(review(*nothing).warnings[0].code, "CHANGES_NOTHING");
}

TEST(Schedule, TouchedKeysAreListedBeforeAndAfter) {
  auto s = read(kCalendarAndRefund);
  const Review r = review(*s);
  const auto& refund = r.touched[1];
  ASSERT_EQ(refund.size(), 1u);
  EXPECT_EQ(refund[0].path, "exam_order.refund_window.hours");
  EXPECT_EQ(refund[0].before, 120);
  EXPECT_EQ(refund[0].after, 72);
}

// The engine picks the policy of each request's moments, and a request that
// gives no `now` on a dated policy is decided at the host's clock.
TEST(Schedule, TheEngineDecidesEachRequestAtItsMoments) {
  std::string error;
  auto engine = Engine::publish(kCalendarAndRefund, error);
  ASSERT_TRUE(engine) << error;
  auto deadline = [&](const char* paid, const char* now) {
    json r = json::parse(engine->evaluate(std::string(R"({"type":"exam_order","now":")") + now + R"(","order":{"paid_at":")" + paid + R"("}})"));
    return r["refund"]["deadline"].get<std::string>();
  };
  EXPECT_EQ(deadline("2026-12-30T10:00:00+08:00", "2026-12-31T10:00:00+08:00"), "2027-01-04T10:00:00+08:00");
  EXPECT_EQ(deadline("2026-12-30T10:00:00+08:00", "2027-01-02T10:00:00+08:00"), "2027-01-04T10:00:00+08:00");
  EXPECT_EQ(deadline("2027-01-02T10:00:00+08:00", "2027-01-02T12:00:00+08:00"), "2027-01-05T10:00:00+08:00");
  json day = json::parse(engine->evaluate(R"({"type":"working_day","date":"2027-01-11"})"));
  EXPECT_EQ(day["error"]["path"], "now");  // no moment at all: said, not guessed
  day = json::parse(engine->evaluate(R"({"type":"working_day","date":"2027-01-11"})", at("2026-12-28T12:00:00+08:00")));
  EXPECT_EQ(day["kind"], "holiday");
  day = json::parse(engine->evaluate(R"({"type":"working_day","now":"2026-12-28T12:00:00+08:00","date":"2027-01-11"})"));
  EXPECT_EQ(day["kind"], "holiday");
  EXPECT_EQ(json::parse(engine->evaluate(R"({"type":"working_day","now":"yesterday","date":"2027-01-11"})"))["error"]["path"], "now");
}

}  // namespace
}  // namespace certpolicy
