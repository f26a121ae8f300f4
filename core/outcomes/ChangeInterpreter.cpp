#include "ChangeInterpreter.h"

#include "core/json/JsonWriter.h"
#include "core/outcomes/DisplayNumber.h"
#include "core/outcomes/OutcomeMeasures.h"

#include <algorithm>
#include <cmath>

namespace backscreen::core {

namespace {

// Exact-arithmetic tolerance of outcome-measures.md §1: a 3-point change from 10 meets 30 %.
constexpr double epsilon = 1e-9;

OutcomeChange notComparable(const OutcomeScore& score, std::string reason)
{
    OutcomeChange change;
    change.instrument = score.instrument;
    change.version = score.version;
    change.comparable = false;
    change.reason = std::move(reason);
    return change;
}

std::string points(const std::string& amount)
{
    return amount + (amount == "1" ? " point" : " points");
}

class Classifier
{
public:
    Classifier(const OutcomeMeasures& measures, const InstrumentDefinition& instrument)
        : m_measures(measures)
        , m_instrument(instrument)
    {}

    ComponentChange classify(const std::string& key,
                             const std::string& label,
                             double baseline,
                             double followup,
                             double absolute,
                             bool useRelative) const
    {
        const ChangeRule& rule = m_instrument.change;
        ComponentChange change;
        change.key = key;
        change.label = label;
        change.comparable = true;
        change.baseline = baseline;
        change.followup = followup;
        change.delta = m_instrument.lowerIsBetter ? baseline - followup : followup - baseline;
        change.thresholds.name = rule.thresholdName;
        change.thresholds.absolute = absolute;
        change.thresholds.references = rule.references;
        change.thresholds.citation = m_measures.citeShort(rule.references);
        if (useRelative && rule.relative) {
            change.thresholds.relative = rule.relative;
        }
        double delta = change.delta;
        bool absoluteOk = delta >= absolute - epsilon;
        if (change.thresholds.relative) {
            // §1: lower is better; a baseline of 0 has no relative criterion and never divides.
            bool relativeOk = false;
            if (baseline != 0.0) {
                change.relativeChange = delta / baseline;
                relativeOk = *change.relativeChange >= *change.thresholds.relative - epsilon;
            }
            if (absoluteOk && (relativeOk || baseline == 0.0)) {
                change.category = ChangeCategory::ImportantImprovement;
            } else if (delta > epsilon && (absoluteOk || relativeOk)) {
                change.category = ChangeCategory::PossibleImprovement;
            } else if (-delta >= absolute - epsilon) {
                change.category = ChangeCategory::ImportantWorsening;
            } else {
                change.category = ChangeCategory::NoImportantChange;
            }
        } else if (absoluteOk) {
            change.category = ChangeCategory::ImportantImprovement;
        } else if (-delta >= absolute - epsilon) {
            change.category = ChangeCategory::ImportantWorsening;
        } else {
            change.category = ChangeCategory::NoImportantChange;
        }
        addFlags(change);
        change.summary = summary(change);
        return change;
    }

private:
    const OutcomeMeasures& m_measures;
    const InstrumentDefinition& m_instrument;

    void addFlags(ComponentChange& change) const
    {
        auto floor = m_instrument.parameters.find("floorBelow");
        if (floor != m_instrument.parameters.end() && change.baseline < floor->second) {
            change.flags.push_back("floor_effect");
        }
        auto ceiling = m_instrument.parameters.find("ceilingAbove");
        if (ceiling != m_instrument.parameters.end() && change.baseline > ceiling->second) {
            change.flags.push_back("ceiling_effect");
        }
    }

    std::string summary(const ComponentChange& change) const
    {
        int decimals = m_instrument.displayDecimals;
        std::string from = formatDisplayNumber(change.baseline, decimals);
        std::string to = formatDisplayNumber(change.followup, decimals);
        std::string amount = formatDisplayNumber(std::fabs(change.delta), decimals);
        std::string text;
        if (change.delta > epsilon) {
            text = change.label + " improved by " + points(amount) + " (from " + from + " to " + to + ")";
        } else if (change.delta < -epsilon) {
            text = change.label + " worsened by " + points(amount) + " (from " + from + " to " + to + ")";
        } else {
            text = change.label + " did not change (from " + from + " to " + to + ")";
        }
        text += std::string(": ") + changeCategoryPhrase(*change.category) + " (" + change.thresholds.name + " "
                + points(JsonWriter::formatNumber(change.thresholds.absolute));
        if (change.thresholds.relative) {
            if (change.baseline == 0.0) {
                text += "; no relative criterion from a baseline of 0";
            } else {
                text += " and "
                        + JsonWriter::formatNumber(roundHalfAwayFromZero(*change.thresholds.relative * 100.0, 3))
                        + " %";
            }
        }
        text += ", " + change.thresholds.citation + ")";
        for (const std::string& flag : change.flags) {
            if (flag == "floor_effect") {
                text += "; floor effect: from a baseline below "
                        + JsonWriter::formatNumber(m_instrument.parameter("floorBelow")) + " the "
                        + m_instrument.shortTitle + " cannot reliably show improvement";
            } else if (flag == "ceiling_effect") {
                text += "; ceiling effect: from a baseline above "
                        + JsonWriter::formatNumber(m_instrument.parameter("ceilingAbove")) + " the "
                        + m_instrument.shortTitle + " cannot reliably show worsening";
            }
        }
        return text;
    }
};

std::string qualifierMismatch(const OutcomeScore& baseline, const OutcomeScore& followup)
{
    for (const auto& [key, value] : baseline.qualifiers) {
        std::string other = followup.qualifier(key);
        if (other != value) {
            std::string name = key == "recall" ? "recall periods" : key;
            return "different " + name + " (" + value + " and " + other + "); such scores are not compared";
        }
    }
    for (const auto& [key, value] : followup.qualifiers) {
        if (baseline.qualifier(key).empty() && !value.empty()) {
            return "different " + key + " (none and " + value + "); such scores are not compared";
        }
    }
    return {};
}

ComponentChange notComparableComponent(const std::string& key, const std::string& label, std::string reason)
{
    ComponentChange component;
    component.key = key;
    component.label = label;
    component.comparable = false;
    component.reason = std::move(reason);
    return component;
}

std::string lowerFirst(std::string text)
{
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

} // namespace

ChangeInterpreter::ChangeInterpreter(const OutcomeMeasures& measures)
    : m_measures(measures)
{}

OutcomeChange ChangeInterpreter::compare(const OutcomeScore& baseline, const OutcomeScore& followup) const
{
    if (baseline.instrument != followup.instrument) {
        return notComparable(followup,
                             "baseline is " + baseline.instrument + " and follow-up is " + followup.instrument
                                 + "; expected the same instrument");
    }
    const InstrumentDefinition* instrument = m_measures.find(followup.instrument);
    if (instrument == nullptr) {
        return notComparable(followup, "unknown instrument \"" + followup.instrument + "\"");
    }
    if (instrument->change.kind == ChangeRuleKind::None) {
        return notComparable(followup, instrument->change.reason);
    }
    if (instrument->change.kind == ChangeRuleKind::Rating) {
        return notComparable(followup,
                             "the " + instrument->shortTitle
                                 + " is a change rating in itself; each follow-up rating is read on its own");
    }
    if (!baseline.scorable) {
        return notComparable(followup, "baseline not scorable: " + baseline.reason);
    }
    if (!followup.scorable) {
        return notComparable(followup, "follow-up not scorable: " + followup.reason);
    }
    if (baseline.version != followup.version) {
        return notComparable(followup,
                             "different instrument versions (" + baseline.version + " and " + followup.version
                                 + "); such scores are not compared");
    }
    if (std::string mismatch = qualifierMismatch(baseline, followup); !mismatch.empty()) {
        return notComparable(followup, mismatch);
    }
    OutcomeChange change;
    change.instrument = followup.instrument;
    change.version = followup.version;
    Classifier classifier(m_measures, *instrument);
    const ChangeRule& rule = instrument->change;
    if (instrument->id == "psfs") {
        // §7a: only activities rated at both visits are compared; the mean is recomputed over them.
        double baselineSum = 0.0;
        double followupSum = 0.0;
        std::vector<ComponentChange> activities;
        for (const OutcomeActivity& later : followup.activities) {
            auto earlier = std::find_if(baseline.activities.begin(), baseline.activities.end(), [&](const auto& a) {
                return activityMatchKey(a.label) == activityMatchKey(later.label);
            });
            if (!later.rating || earlier == baseline.activities.end() || !earlier->rating) {
                continue;
            }
            baselineSum += *earlier->rating;
            followupSum += *later.rating;
            activities.push_back(classifier.classify("activity",
                                                     "Activity \"" + later.label + "\"",
                                                     *earlier->rating,
                                                     *later.rating,
                                                     rule.perActivityAbsolute.value_or(rule.absolute),
                                                     false));
        }
        const ChangeComponentDefinition& mean = rule.components.front();
        if (activities.empty()) {
            change.comparable = false;
            change.reason = "not comparable: no activity rated at both visits";
            change.components.push_back(notComparableComponent(mean.key, mean.label, change.reason));
            return change;
        }
        auto count = static_cast<double>(activities.size());
        change.comparable = true;
        change.components.push_back(
            classifier.classify(mean.key, mean.label, baselineSum / count, followupSum / count, rule.absolute, false));
        change.components.insert(change.components.end(), activities.begin(), activities.end());
        return change;
    }
    for (const ChangeComponentDefinition& component : rule.components) {
        std::optional<double> before = component.key == "score" ? baseline.score : baseline.subscale(component.key);
        std::optional<double> after = component.key == "score" ? followup.score : followup.subscale(component.key);
        if (!before || !after) {
            change.components.push_back(notComparableComponent(
                component.key, component.label, lowerFirst(component.label) + " not rated at both visits"));
            continue;
        }
        change.components.push_back(
            classifier.classify(component.key, component.label, *before, *after, rule.absolute, true));
    }
    change.comparable = std::any_of(
        change.components.begin(), change.components.end(), [](const auto& component) { return component.comparable; });
    if (!change.comparable && !change.components.empty()) {
        change.reason = change.components.front().reason;
    }
    return change;
}

OutcomeChange ChangeInterpreter::interpretRating(const OutcomeScore& rating) const
{
    const InstrumentDefinition* instrument = m_measures.find(rating.instrument);
    if (instrument == nullptr || instrument->change.kind != ChangeRuleKind::Rating) {
        return notComparable(rating,
                             "the " + rating.instrument + " is not a change rating; compare two visits instead");
    }
    if (!rating.scorable) {
        return notComparable(rating, "rating not scorable: " + rating.reason);
    }
    double raw = *rating.score;
    if (raw != std::trunc(raw) || raw < instrument->min || raw > instrument->max) {
        return notComparable(rating,
                             "rating " + JsonWriter::formatNumber(raw) + " is not a whole number from "
                                 + JsonWriter::formatNumber(instrument->min) + " to "
                                 + JsonWriter::formatNumber(instrument->max));
    }
    int value = static_cast<int>(raw);
    OutcomeChange change;
    change.instrument = rating.instrument;
    change.version = rating.version;
    change.comparable = true;
    ComponentChange component;
    component.key = "score";
    component.label = instrument->title;
    component.comparable = true;
    component.followup = value;
    component.thresholds.name = "rating";
    component.thresholds.references = instrument->change.references;
    component.thresholds.citation = m_measures.citeShort(instrument->change.references);
    for (const RatingCategory& category : instrument->change.categories) {
        if (std::find(category.values.begin(), category.values.end(), value) == category.values.end()) {
            continue;
        }
        component.category = category.category;
        std::string values;
        for (std::size_t i = 0; i < category.values.size(); ++i) {
            values +=
                (i == 0 ? "" : (i + 1 == category.values.size() ? " and " : ", ")) + std::to_string(category.values[i]);
        }
        component.summary = instrument->title + ": " + std::to_string(value)
                            + (rating.bandLabel.empty() ? std::string() : " (" + rating.bandLabel + ")") + ": "
                            + changeCategoryPhrase(category.category) + " (ratings " + values + ", "
                            + component.thresholds.citation + ")";
    }
    change.components.push_back(std::move(component));
    return change;
}

} // namespace backscreen::core
