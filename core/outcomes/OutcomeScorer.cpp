#include "OutcomeScorer.h"

#include "core/json/JsonPointer.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/OutcomeMeasures.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace backscreen::core {

namespace {

// Exact-arithmetic tolerance of outcome-measures.md §1.
constexpr double epsilon = 1e-9;

const char* jsonTypeName(const JsonValue& value)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        return "null";
    case JsonValue::Type::Bool:
        return "a boolean";
    case JsonValue::Type::Number:
        return "a number";
    case JsonValue::Type::String:
        return "a string";
    case JsonValue::Type::Array:
        return "an array";
    case JsonValue::Type::Object:
        return "an object";
    }
    return "a value";
}

std::string joined(const std::vector<std::string>& values, const char* separator)
{
    std::string text;
    for (const std::string& value : values) {
        text += text.empty() ? value : separator + value;
    }
    return text;
}

std::string trimmed(const std::string& text)
{
    auto begin = std::find_if_not(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
    auto end = std::find_if_not(text.rbegin(), text.rend(), [](unsigned char c) { return std::isspace(c) != 0; });
    return begin >= end.base() ? std::string() : std::string(begin, end.base());
}

// The PSFS slot of "psfs_activity_<n>_label" / "_score", or 0 when the linkId has another shape.
int psfsSlot(std::string_view linkId)
{
    constexpr std::string_view prefix = "psfs_activity_";
    if (linkId.substr(0, prefix.size()) != prefix) {
        return 0;
    }
    std::string_view rest = linkId.substr(prefix.size());
    std::size_t underscore = rest.find('_');
    if (underscore == 0 || underscore == std::string_view::npos || underscore > 3) {
        return 0;
    }
    std::string_view suffix = rest.substr(underscore);
    if (suffix != "_label" && suffix != "_score") {
        return 0;
    }
    int slot = 0;
    for (char c : rest.substr(0, underscore)) {
        if (c < '0' || c > '9') {
            return 0;
        }
        slot = slot * 10 + (c - '0');
    }
    return slot;
}

class ScoringRun
{
public:
    ScoringRun(const OutcomeMeasures& measures, const InstrumentDefinition& instrument, std::string source)
        : m_measures(measures)
        , m_instrument(instrument)
        , m_source(std::move(source))
    {}

    OutcomeScoreResult run(const JsonValue& answers)
    {
        validate(answers);
        OutcomeScoreResult result;
        if (!hasErrors(m_diagnostics)) {
            result.score = score();
        }
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    const OutcomeMeasures& m_measures;
    const InstrumentDefinition& m_instrument;
    std::string m_source;
    std::vector<Diagnostic> m_diagnostics;
    std::map<std::string, JsonValue, std::less<>> m_values;

    void report(ErrorCode code, Severity severity, const std::string& linkId, std::string message)
    {
        m_diagnostics.push_back({code,
                                 severity,
                                 m_source,
                                 linkId.empty() ? std::string() : JsonPointer::appendKey("", linkId),
                                 linkId.empty() ? std::string() : "linkId \"" + linkId + "\"",
                                 std::move(message)});
    }

    void validate(const JsonValue& answers)
    {
        if (!answers.isObject()) {
            report(ErrorCode::OutcomeAnswerWrongType,
                   Severity::Error,
                   "",
                   std::string("the answers are ") + jsonTypeName(answers) + "; expected an object {linkId: value}");
            return;
        }
        std::map<std::string, std::string> otherInstruments; // id → first linkId seen
        std::vector<std::pair<int, std::string>> extraActivities;
        for (const auto& [linkId, value] : answers.asObject()) {
            if (value.isNull()) {
                continue;
            }
            const OutcomeInput* input = m_instrument.input(linkId);
            if (input == nullptr) {
                int slot = m_instrument.id == "psfs" ? psfsSlot(linkId) : 0;
                if (slot > 0) {
                    extraActivities.emplace_back(slot, linkId);
                } else if (const InstrumentDefinition* other = m_measures.findByLinkId(linkId)) {
                    otherInstruments.emplace(other->id, linkId);
                } else {
                    report(ErrorCode::OutcomeUnknownLinkId,
                           Severity::Error,
                           linkId,
                           "unknown linkId; expected an input of the " + m_instrument.shortTitle + " ("
                               + m_instrument.id + ")");
                }
                continue;
            }
            if (checkValue(*input, value)) {
                m_values.emplace(linkId, value);
            }
        }
        for (const auto& [otherId, linkId] : otherInstruments) {
            const InstrumentDefinition* other = m_measures.find(otherId);
            report(ErrorCode::OutcomeWrongQuestionnaire,
                   Severity::Error,
                   linkId,
                   "answers of the " + other->shortTitle + " (" + other->id + ") given; expected answers of the "
                       + m_instrument.shortTitle + " (" + m_instrument.id + ")");
        }
        if (!extraActivities.empty()) {
            checkActivityCount(extraActivities);
        }
        if (m_instrument.id == "psfs") {
            checkPsfsPairs();
        }
        if (m_instrument.id == "rmdq" && value("rmdq_total") != nullptr) {
            bool anyItem = std::any_of(m_values.begin(), m_values.end(), [](const auto& entry) {
                return entry.first.rfind("rmdq_item_", 0) == 0;
            });
            if (anyItem) {
                report(ErrorCode::OutcomeAnswerIgnored,
                       Severity::Warning,
                       "rmdq_total",
                       "paper total ignored; the items were answered and the items win (§7a)");
            }
        }
    }

    bool checkValue(const OutcomeInput& input, const JsonValue& value)
    {
        std::string shown = JsonWriter::write(value);
        switch (input.type) {
        case OutcomeInputType::Integer: {
            std::string expected =
                input.label + " must be an integer " + std::to_string(input.min) + "–" + std::to_string(input.max);
            if (!value.isNumber()) {
                report(ErrorCode::OutcomeAnswerWrongType,
                       Severity::Error,
                       input.linkId,
                       shown + " is " + jsonTypeName(value) + "; " + expected);
                return false;
            }
            double number = value.asNumber();
            if (number != std::trunc(number)) {
                report(ErrorCode::OutcomeAnswerWrongType,
                       Severity::Error,
                       input.linkId,
                       shown + " is not a whole number; " + expected);
                return false;
            }
            if (number < input.min || number > input.max) {
                report(ErrorCode::OutcomeAnswerOutOfRange,
                       Severity::Error,
                       input.linkId,
                       shown + " is out of range; " + input.label + " must be " + std::to_string(input.min) + "–"
                           + std::to_string(input.max));
                return false;
            }
            return true;
        }
        case OutcomeInputType::Boolean:
            if (!value.isBool()) {
                report(ErrorCode::OutcomeAnswerWrongType,
                       Severity::Error,
                       input.linkId,
                       shown + " is " + jsonTypeName(value) + "; " + input.label + " must be true or false");
                return false;
            }
            return true;
        case OutcomeInputType::Code: {
            std::string expected = input.values.empty() ? input.label + " must be a non-empty code"
                                                        : input.label + " must be one of " + joined(input.values, ", ");
            if (!value.isString()) {
                report(ErrorCode::OutcomeAnswerWrongType,
                       Severity::Error,
                       input.linkId,
                       shown + " is " + jsonTypeName(value) + "; " + expected);
                return false;
            }
            bool allowed = input.values.empty() ? !trimmed(value.asString()).empty()
                                                : std::find(input.values.begin(), input.values.end(), value.asString())
                                                      != input.values.end();
            if (!allowed) {
                report(ErrorCode::OutcomeAnswerOutOfRange,
                       Severity::Error,
                       input.linkId,
                       shown + " is not an allowed answer; " + expected);
                return false;
            }
            return true;
        }
        case OutcomeInputType::Text:
            if (!value.isString()) {
                report(ErrorCode::OutcomeAnswerWrongType,
                       Severity::Error,
                       input.linkId,
                       shown + " is " + jsonTypeName(value) + "; " + input.label + " must be a text");
                return false;
            }
            if (trimmed(value.asString()).empty()) {
                report(ErrorCode::OutcomeAnswerOutOfRange,
                       Severity::Error,
                       input.linkId,
                       "the text is empty; " + input.label + " must name the activity");
                return false;
            }
            return true;
        }
        return false;
    }

    void checkActivityCount(const std::vector<std::pair<int, std::string>>& extraActivities)
    {
        int maximum = static_cast<int>(m_instrument.parameter("maxActivities"));
        std::set<int> slots;
        for (const auto& [slot, linkId] : extraActivities) {
            slots.insert(slot);
        }
        for (const auto& entry : m_values) {
            if (int slot = psfsSlot(entry.first); slot > 0) {
                slots.insert(slot);
            }
        }
        const auto& [firstSlot, firstLinkId] = extraActivities.front();
        if (firstSlot > maximum) {
            report(ErrorCode::OutcomeTooManyActivities,
                   Severity::Error,
                   firstLinkId,
                   std::to_string(slots.size()) + " activities given; the PSFS takes at most " + std::to_string(maximum)
                       + " (psfs_activity_1 to psfs_activity_" + std::to_string(maximum) + ")");
        } else {
            // psfs_activity_0_… or a slot the catalogue lacks: not an activity number at all.
            report(ErrorCode::OutcomeUnknownLinkId,
                   Severity::Error,
                   firstLinkId,
                   "unknown linkId; expected an input of the " + m_instrument.shortTitle + " (" + m_instrument.id
                       + ")");
        }
    }

    void checkPsfsPairs()
    {
        std::map<std::string, int> slotByLabel;
        int maximum = static_cast<int>(m_instrument.parameter("maxActivities"));
        for (int slot = 1; slot <= maximum; ++slot) {
            std::string number = std::to_string(slot);
            const JsonValue* label = value("psfs_activity_" + number + "_label");
            const JsonValue* rating = value("psfs_activity_" + number + "_score");
            if (rating != nullptr && label == nullptr) {
                report(ErrorCode::OutcomeAnswersInconsistent,
                       Severity::Error,
                       "psfs_activity_" + number + "_score",
                       "rating without an activity name; expected psfs_activity_" + number + "_label");
            }
            if (label != nullptr) {
                std::string key = activityMatchKey(label->asString());
                auto [existing, inserted] = slotByLabel.emplace(key, slot);
                if (!inserted) {
                    report(ErrorCode::OutcomeAnswersInconsistent,
                           Severity::Error,
                           "psfs_activity_" + number + "_label",
                           "activity \"" + trimmed(label->asString()) + "\" also named in slot "
                               + std::to_string(existing->second) + "; expected each activity once");
                }
            }
        }
    }

    const JsonValue* value(std::string_view linkId) const
    {
        auto found = m_values.find(linkId);
        return found == m_values.end() ? nullptr : &found->second;
    }

    std::optional<int> integer(std::string_view linkId) const
    {
        const JsonValue* found = value(linkId);
        return found == nullptr ? std::nullopt : std::optional<int>(static_cast<int>(found->asNumber()));
    }

    std::string code(std::string_view linkId) const
    {
        const JsonValue* found = value(linkId);
        if (found != nullptr) {
            return found->asString();
        }
        const OutcomeInput* input = m_instrument.input(linkId);
        return input == nullptr ? std::string() : input->defaultValue;
    }

    OutcomeScore score() const
    {
        OutcomeScore result;
        result.instrument = m_instrument.id;
        result.version = m_instrument.version;
        if (!m_instrument.versionInput.empty()) {
            if (const JsonValue* version = value(m_instrument.versionInput)) {
                result.version = trimmed(version->asString());
            }
        }
        result.rulesetId = m_measures.rulesetId();
        result.rulesetVersion = m_measures.rulesetVersion();
        result.min = m_instrument.min;
        result.max = m_instrument.max;
        result.displayDecimals = m_instrument.displayDecimals;
        if (m_instrument.id == "nprs") {
            scoreNprs(result);
        } else if (m_instrument.id == "odi") {
            scoreOdi(result);
        } else if (m_instrument.id == "rmdq") {
            scoreRmdq(result);
        } else if (m_instrument.id == "psfs") {
            scorePsfs(result);
        } else if (m_instrument.id == "sbst") {
            scoreStartBack(result);
        } else if (m_instrument.id == "pgic") {
            scorePgic(result);
        }
        if (result.score && result.bandId.empty()) {
            assignEdgeBand(result);
        }
        return result;
    }

    static void setScore(OutcomeScore& result, double score)
    {
        result.scorable = true;
        result.score = score;
    }

    static void setUnscorable(OutcomeScore& result, std::string reason)
    {
        result.scorable = false;
        result.score.reset();
        result.reason = std::move(reason);
    }

    // Band edges are inclusive upper bounds compared with the §1 tolerance, so 20.0 is "minimal" and 20.1 is not.
    void assignEdgeBand(OutcomeScore& result) const
    {
        for (const ScoreBand& band : m_instrument.bands) {
            if (band.upper && *result.score <= *band.upper + epsilon) {
                result.bandId = band.id;
                result.bandLabel = band.label;
                return;
            }
        }
    }

    // §2: the score is back pain intensity; back and leg are kept as subscales, each with its own change.
    void scoreNprs(OutcomeScore& result) const
    {
        auto back = integer("nprs_back");
        auto leg = integer("nprs_leg");
        if (back) {
            result.subscales.emplace_back("back", *back);
        }
        if (leg) {
            result.subscales.emplace_back("leg", *leg);
        }
        result.qualifiers.emplace_back("recall", code("nprs_recall"));
        if (back) {
            setScore(result, *back);
        } else if (leg) {
            setUnscorable(result, "back pain not rated (nprs_back); the NPRS score is back pain intensity");
        } else {
            setUnscorable(result, "no pain rating given (nprs_back, nprs_leg)");
        }
    }

    // §3: 100 × sum / (5 × answered sections); at most the catalogue's number of sections may be missing.
    void scoreOdi(OutcomeScore& result) const
    {
        int answered = 0;
        int sum = 0;
        int sectionMax = 0;
        int sections = 0;
        for (const OutcomeInput& input : m_instrument.inputs) {
            if (input.linkId.rfind("odi_s", 0) != 0) {
                continue;
            }
            ++sections;
            sectionMax = input.max;
            if (auto section = integer(input.linkId)) {
                ++answered;
                sum += *section;
            }
        }
        int minimum = static_cast<int>(m_instrument.parameter("minAnsweredSections"));
        int missing = sections - answered;
        if (answered < minimum) {
            setUnscorable(result,
                          std::to_string(missing) + " of " + std::to_string(sections)
                              + " sections unanswered; the ODI is scored with at most "
                              + std::to_string(sections - minimum) + " unanswered");
            return;
        }
        setScore(result, (100.0 * sum) / (static_cast<double>(sectionMax) * answered));
        if (missing > 0) {
            result.notes.push_back(std::to_string(missing) + (missing == 1 ? " section" : " sections")
                                   + " unanswered: scored out of " + std::to_string(sectionMax * answered));
        }
    }

    // §4 and §7a: ticked items count; unanswered items are not ticked; items win over a paper total.
    void scoreRmdq(OutcomeScore& result) const
    {
        int ticked = 0;
        bool anyItem = false;
        for (const OutcomeInput& input : m_instrument.inputs) {
            if (input.type != OutcomeInputType::Boolean) {
                continue;
            }
            if (const JsonValue* item = value(input.linkId)) {
                anyItem = true;
                ticked += item->asBool() ? 1 : 0;
            }
        }
        auto total = integer("rmdq_total");
        if (anyItem) {
            setScore(result, ticked);
            if (total) {
                result.notes.push_back("rmdq_total " + std::to_string(*total)
                                       + " ignored: the items were answered and the items win");
            }
        } else if (total) {
            setScore(result, *total);
            result.notes.push_back("scored from the paper total (rmdq_total)");
        } else {
            setUnscorable(result, "blank form: no item answered and no paper total (rmdq_total)");
        }
    }

    // §5 and §7a: mean of the rated activities; named but unrated activities are kept and left out of the mean.
    void scorePsfs(OutcomeScore& result) const
    {
        int maximum = static_cast<int>(m_instrument.parameter("maxActivities"));
        int rated = 0;
        double sum = 0.0;
        for (int slot = 1; slot <= maximum; ++slot) {
            std::string number = std::to_string(slot);
            const JsonValue* label = value("psfs_activity_" + number + "_label");
            if (label == nullptr) {
                continue;
            }
            OutcomeActivity activity{slot, trimmed(label->asString()), std::nullopt};
            if (auto rating = integer("psfs_activity_" + number + "_score")) {
                activity.rating = *rating;
                sum += *rating;
                ++rated;
            }
            result.activities.push_back(std::move(activity));
        }
        if (rated == 0) {
            setUnscorable(result, "no activity rated");
            return;
        }
        setScore(result, sum / rated);
    }

    // §6, Hill et al. 2008: items 1–8 agree = 1; item 9 very much or extremely = 1; psychosocial = items 5–9;
    // psychosocial ≥ 4 → high; otherwise total ≥ 4 → medium; otherwise low. The cut-offs are the published
    // algorithm and stay here with it.
    void scoreStartBack(OutcomeScore& result) const
    {
        std::vector<std::string> unanswered;
        int total = 0;
        int psychosocial = 0;
        for (int item = 1; item <= 9; ++item) {
            std::string linkId = std::string("sbst_item_0") + std::to_string(item);
            const JsonValue* answer = value(linkId);
            if (answer == nullptr) {
                unanswered.push_back(linkId);
                continue;
            }
            const std::string& text = answer->asString();
            int point = item < 9 ? (text == "agree" ? 1 : 0) : (text == "very_much" || text == "extremely" ? 1 : 0);
            total += point;
            psychosocial += item >= 5 ? point : 0;
        }
        if (!unanswered.empty()) {
            setUnscorable(result, "all nine items are required; unanswered: " + joined(unanswered, ", "));
            return;
        }
        setScore(result, total);
        result.subscales.emplace_back("psychosocial", psychosocial);
        const char* group = psychosocial >= 4 ? "SBST_HIGH" : (total >= 4 ? "SBST_MEDIUM" : "SBST_LOW");
        const ScoreBand* band = m_instrument.band(group);
        result.bandId = group;
        result.bandLabel = band == nullptr ? std::string() : band->label;
    }

    void scorePgic(OutcomeScore& result) const
    {
        if (auto rating = integer("pgic")) {
            setScore(result, *rating);
        } else {
            setUnscorable(result, "no rating given (pgic)");
        }
    }
};

} // namespace

OutcomeScorer::OutcomeScorer(const OutcomeMeasures& measures)
    : m_measures(measures)
{}

OutcomeScoreResult
OutcomeScorer::score(std::string_view instrumentId, const JsonValue& answers, const std::string& source) const
{
    const InstrumentDefinition* instrument = m_measures.find(instrumentId);
    if (instrument == nullptr) {
        std::vector<std::string> ids;
        for (const InstrumentDefinition& known : m_measures.instruments()) {
            ids.push_back(known.id);
        }
        OutcomeScoreResult result;
        result.diagnostics.push_back({ErrorCode::OutcomeUnknownInstrument,
                                      Severity::Error,
                                      source,
                                      "",
                                      "instrument \"" + std::string(instrumentId) + "\"",
                                      "unknown instrument; expected one of " + joined(ids, ", ")});
        return result;
    }
    return ScoringRun(m_measures, *instrument, source).run(answers);
}

} // namespace backscreen::core
