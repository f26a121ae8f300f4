#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"
#include "core/outcomes/OutcomeScore.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

class OutcomeMeasures;
struct InstrumentDefinition;

struct OutcomeScoreResult
{
    /// Present when the answers were valid, scorable or not (see OutcomeScore::scorable and reason). Absent when
    /// any answer was invalid: out of range, of the wrong type, an unknown linkId or another instrument's.
    std::optional<OutcomeScore> score;
    /// Errors (then no score) and warnings (e.g. an RMDQ paper total ignored because items were given).
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return score.has_value(); }
};

/// Scores one completed outcome measure from a flat answers object `{linkId: value}` (outcome-measures.md §0.1;
/// a JSON null counts as unanswered). The published algorithms are here; figures that are conventions or
/// thresholds come from the catalogue (forms/outcomes/measures.json). Every invalid answer is reported, none is
/// clamped or dropped.
class OutcomeScorer
{
public:
    /// `measures` must outlive the scorer.
    explicit OutcomeScorer(const OutcomeMeasures& measures);

    /// `instrumentId` is nprs, odi, rmdq, psfs, sbst or pgic; an unknown id is an OutcomeUnknownInstrument
    /// error. `source` names the answers in diagnostics (a file path, "<stdin>").
    OutcomeScoreResult score(std::string_view instrumentId, const JsonValue& answers, const std::string& source) const;

private:
    const OutcomeMeasures& m_measures;
};

} // namespace backscreen::core
