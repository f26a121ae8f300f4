#pragma once

#include "core/outcomes/OutcomeChange.h"
#include "core/outcomes/OutcomeScore.h"

namespace backscreen::core {

class OutcomeMeasures;

/// Classifies the change between a baseline and a follow-up score of one instrument with the thresholds of
/// forms/outcomes/measures.json, following outcome-measures.md §1 and §7a: exact arithmetic (tolerance 1e-9),
/// raw values, never the rounded ones.
class ChangeInterpreter
{
public:
    /// `measures` must outlive the interpreter.
    explicit ChangeInterpreter(const OutcomeMeasures& measures);

    /// NPRS (back and leg separately), ODI, RMDQ and PSFS (mean over the activities rated at both visits, and
    /// each such activity). Not comparable, with the reason, when the instruments, versions or qualifiers
    /// (NPRS recall) differ, a score is not scorable, or the instrument has no change rule (STarT Back, PGIC).
    OutcomeChange compare(const OutcomeScore& baseline, const OutcomeScore& followup) const;

    /// The PGIC is a change rating in itself (§7a): 1–2 important improvement, 3–5 no important change,
    /// 6–7 important worsening. Not comparable for another instrument or an unscorable rating.
    OutcomeChange interpretRating(const OutcomeScore& rating) const;

private:
    const OutcomeMeasures& m_measures;
};

} // namespace backscreen::core
