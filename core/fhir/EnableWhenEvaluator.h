#pragma once

#include "core/fhir/FhirValue.h"
#include "core/fhir/Questionnaire.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

class QuestionnaireResponse;

/// Answers by item index (Questionnaire::items()); an empty vector means unanswered.
using ItemAnswers = std::vector<std::vector<FhirValue>>;

/// Decides which items are enabled, following R4: an item is enabled when its parent is enabled and its
/// enableWhen conditions hold (all of them, or any with enableBehavior "any"); a disabled question counts as
/// unanswered for the conditions of others. Operators: "exists" compares whether there is an answer with
/// answerBoolean; "=" and the orderings hold when at least one answer compares so; "!=" holds when no answer
/// is equal (so also when unanswered). Codings match on system and code, or on the code alone when one side
/// has no system.
///
/// Built for the app, which calls it on every keystroke: the constructor precomputes an evaluation order
/// (each item after its parent and the questions it depends on) and, for every item, the items that depend
/// on it. setAnswers() then revisits only those dependants, in that order, and stops where nothing changes.
/// The evaluator keeps a reference to the Questionnaire, which must outlive it. A Questionnaire with a
/// dependency cycle (an error QuestionnaireValidator reports) is still evaluated, deterministically: the edge
/// that closes the cycle reads the value it had before.
class EnableWhenEvaluator
{
public:
    explicit EnableWhenEvaluator(const Questionnaire& questionnaire);

    /// Replaces every answer (`answers` has one entry per item, or is empty for none) and recomputes all.
    void setAllAnswers(ItemAnswers answers);

    /// Sets the answers of one item (empty = unanswered) and recomputes only what depends on it. Returns the
    /// indices of the items whose enabled state changed, in evaluation order; valid until the next call.
    const std::vector<std::size_t>& setAnswers(std::size_t index, std::vector<FhirValue> values);

    /// The same by linkId; an unknown linkId changes nothing and returns an empty list.
    const std::vector<std::size_t>& setAnswers(std::string_view linkId, std::vector<FhirValue> values);

    bool isEnabled(std::size_t index) const { return m_enabled[index] != 0; }

    /// False for an unknown linkId.
    bool isEnabled(std::string_view linkId) const;

    const std::vector<FhirValue>& answers(std::size_t index) const { return m_answers[index]; }

    /// The linkIds of all enabled items, in document order.
    std::vector<std::string> enabledLinkIds() const;

    /// Whether one condition holds for the given answers of its question (empty = unanswered or disabled).
    static bool conditionHolds(const EnableWhenCondition& condition, const std::vector<FhirValue>& answers);

    /// Collects the answers of a response by item: every answer given to a linkId anywhere in the response
    /// (repeated groups contribute all their answers). linkIds the Questionnaire lacks are ignored here; the
    /// response validator reports them.
    static ItemAnswers collectAnswers(const Questionnaire& questionnaire, const QuestionnaireResponse& response);

private:
    bool computeEnabled(std::size_t index) const;
    void push(std::size_t index);

    const Questionnaire& m_questionnaire;
    std::vector<std::size_t> m_order;
    std::vector<std::size_t> m_position;
    /// For each item: the items whose enableWhen names it, and its children (both later in m_order).
    std::vector<std::vector<std::size_t>> m_dependants;
    ItemAnswers m_answers;
    std::vector<char> m_enabled;
    std::vector<char> m_queued;
    std::vector<std::size_t> m_heap;
    std::vector<std::size_t> m_changed;
};

} // namespace backscreen::core
