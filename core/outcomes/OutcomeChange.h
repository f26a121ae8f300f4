#pragma once

#include "core/json/JsonValue.h"
#include "core/outcomes/ChangeCategory.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

/// The thresholds a classification used and where they come from.
struct ChangeThresholds
{
    /// "MCID", "MDC" (as the source calls it) or "rating" for the PGIC.
    std::string name;
    /// Absolute change needed, in score points (improvement and worsening).
    double absolute = 0.0;
    /// Improvement also needs this fraction of the baseline (0.30); absent for the PSFS, not applied from a
    /// baseline of 0 and never to worsening (outcome-measures.md §1, §7a).
    std::optional<double> relative;
    std::vector<std::string> references;
    /// Short citation of the references: "Ostelo 2008".
    std::string citation;
};

/// The change of one part of a score: the score itself (`score`), a subscale (`back`, `leg`) or one PSFS
/// activity (`activity`).
struct ComponentChange
{
    std::string key;
    std::string label;
    bool comparable = false;
    /// Why not comparable (e.g. "leg pain not rated at both visits").
    std::string reason;
    double baseline = 0.0;
    double followup = 0.0;
    /// Positive = improvement, whichever direction is better for the instrument.
    double delta = 0.0;
    /// delta / baseline for instruments with a relative criterion and a baseline other than 0.
    std::optional<double> relativeChange;
    std::optional<ChangeCategory> category;
    ChangeThresholds thresholds;
    /// `floor_effect`, `ceiling_effect` (RMDQ, §7a).
    std::vector<std::string> flags;
    /// English sentence the CLI prints, e.g. "Back pain improved by 3 points (from 7 to 4): an important
    /// improvement (MCID 2 points and 30 %, Ostelo 2008)". The app builds its own translated text from the data.
    std::string summary;
};

/// Change between two scores of one instrument (or the reading of one PGIC rating).
struct OutcomeChange
{
    std::string instrument;
    std::string version;
    /// False when the scores cannot be compared at all; `reason` says why.
    bool comparable = false;
    std::string reason;
    std::vector<ComponentChange> components;

    /// `{"instrument", "version", "comparable", "reason", "components": [{"key", "label", "comparable", "reason",
    /// "baseline", "followup", "delta", "relativeChange", "category", "thresholds": {...}, "flags", "summary"}]}`.
    JsonValue toJson() const;
};

} // namespace backscreen::core
