#pragma once

#include "core/json/JsonValue.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backscreen::core {

/// One PSFS activity: the slot it was entered in (1–5), the client's words and the rating when given.
struct OutcomeActivity
{
    int slot = 0;
    std::string label;
    std::optional<double> rating;
};

/// How PSFS activities are matched within a response and across visits: the words without surrounding spaces,
/// ASCII letters in lower case.
std::string activityMatchKey(const std::string& label);

/// The score of one completed outcome measure at one visit: what the db layer stores (with the raw answers) and
/// what the app and CLI show. Values are raw; round only for display (formatDisplayNumber).
struct OutcomeScore
{
    /// Instrument id: nprs, odi, rmdq, psfs, sbst or pgic.
    std::string instrument;
    /// Instrument version: the answered form version (`odi_version`, `sbst_form_version`,
    /// `pgic_scale_version`) or the catalogue's default. Scores of different versions are not compared.
    std::string version;
    /// "outcomes" and the clinical document version the scoring encodes ("1.2").
    std::string rulesetId;
    std::string rulesetVersion;
    bool scorable = false;
    /// Present exactly when scorable.
    std::optional<double> score;
    double min = 0.0;
    double max = 0.0;
    /// Places used for display (ODI and PSFS 1, the others 0).
    int displayDecimals = 0;
    /// Subscales in a fixed order: NPRS `back`, `leg`; STarT Back `psychosocial`.
    std::vector<std::pair<std::string, double>> subscales;
    /// Band id (`ODI_B3`, `SBST_HIGH`, `PGIC_2`) and its label, when the instrument has bands.
    std::string bandId;
    std::string bandLabel;
    /// Why the response is not scorable (empty when scorable).
    std::string reason;
    /// Context that must match for two scores to be compared: NPRS `recall`.
    std::vector<std::pair<std::string, std::string>> qualifiers;
    /// PSFS activities in slot order, rated or not.
    std::vector<OutcomeActivity> activities;
    /// Remarks that do not stop scoring, e.g. an RMDQ paper total ignored because items were given.
    std::vector<std::string> notes;

    std::optional<double> subscale(std::string_view key) const;
    std::string qualifier(std::string_view key) const;

    /// `{"instrument", "version", "rulesetId", "rulesetVersion", "scorable", "score", "scoreText", "min", "max",
    /// "subscales", "band", "bandLabel", "reason", "qualifiers", "activities", "notes"}`; absent values are null.
    JsonValue toJson() const;
    /// Reads what toJson wrote (e.g. back from storage); nullopt when a member is missing or has the wrong type.
    static std::optional<OutcomeScore> fromJson(const JsonValue& json);
};

} // namespace backscreen::core
