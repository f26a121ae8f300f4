#include "ScoringAlgorithm.h"

#include <algorithm>

namespace backscreen::core {

namespace {

// "odi_s" + 3 + "" with two digits → "odi_s03"; PSFS activity numbers have one digit.
std::string numbered(const std::string& prefix, int number, bool twoDigits, const std::string& suffix = {})
{
    std::string text = prefix;
    if (twoDigits && number < 10) {
        text += '0';
    }
    text += std::to_string(number);
    text += suffix;
    return text;
}

std::vector<ScoringAlgorithm> buildAlgorithms()
{
    using T = OutcomeInputType;
    std::vector<ScoringAlgorithm> algorithms;

    algorithms.push_back({"nprs",
                          {{"nprs_back", T::Integer}, {"nprs_leg", T::Integer}, {"nprs_recall", T::Code}},
                          {"back", "leg"},
                          {},
                          {},
                          false});

    ScoringAlgorithm odi{"odi", {{"odi_version", T::Code}}, {}, {"minAnsweredSections"}, {}, true};
    for (int section = 1; section <= 10; ++section) {
        odi.inputs.emplace_back(numbered("odi_s", section, true), T::Integer);
    }
    algorithms.push_back(odi);

    ScoringAlgorithm rmdq{"rmdq", {}, {}, {"floorBelow", "ceilingAbove"}, {}, false};
    for (int item = 1; item <= 24; ++item) {
        rmdq.inputs.emplace_back(numbered("rmdq_item_", item, true), T::Boolean);
    }
    rmdq.inputs.emplace_back("rmdq_total", T::Integer);
    algorithms.push_back(rmdq);

    ScoringAlgorithm psfs{"psfs", {}, {}, {"maxActivities"}, {}, false};
    for (int activity = 1; activity <= 5; ++activity) {
        psfs.inputs.emplace_back(numbered("psfs_activity_", activity, false, "_label"), T::Text);
        psfs.inputs.emplace_back(numbered("psfs_activity_", activity, false, "_score"), T::Integer);
    }
    algorithms.push_back(psfs);

    ScoringAlgorithm sbst{"sbst",
                          {{"sbst_form_version", T::Code}},
                          {"psychosocial"},
                          {},
                          {"SBST_LOW", "SBST_MEDIUM", "SBST_HIGH"},
                          false};
    for (int item = 1; item <= 9; ++item) {
        sbst.inputs.emplace_back(numbered("sbst_item_", item, true), T::Code);
    }
    algorithms.push_back(sbst);

    algorithms.push_back({"pgic", {{"pgic", T::Integer}, {"pgic_scale_version", T::Code}}, {}, {}, {}, true});
    return algorithms;
}

} // namespace

const std::vector<ScoringAlgorithm>& scoringAlgorithms()
{
    static const std::vector<ScoringAlgorithm> algorithms = buildAlgorithms();
    return algorithms;
}

const ScoringAlgorithm* findScoringAlgorithm(std::string_view instrument)
{
    const auto& algorithms = scoringAlgorithms();
    auto found = std::find_if(algorithms.begin(), algorithms.end(), [&](const ScoringAlgorithm& algorithm) {
        return algorithm.instrument == instrument;
    });
    return found == algorithms.end() ? nullptr : &*found;
}

const char* outcomeInputTypeName(OutcomeInputType type)
{
    switch (type) {
    case OutcomeInputType::Integer:
        return "integer";
    case OutcomeInputType::Boolean:
        return "boolean";
    case OutcomeInputType::Code:
        return "code";
    case OutcomeInputType::Text:
        return "text";
    }
    return "integer";
}

} // namespace backscreen::core
