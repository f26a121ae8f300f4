#include "Dosage.h"

#include "core/common/Error.h"
#include "core/json/JsonPointer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace backscreen::core {

namespace {

std::string rangeText(const DosageRange& range)
{
    if (range.isRange()) {
        return std::to_string(range.low) + " to " + std::to_string(range.high);
    }
    return std::to_string(range.low);
}

bool isOne(const DosageRange& range)
{
    return !range.isRange() && range.low == 1;
}

std::string counted(const DosageRange& range, const std::string& singular, const std::string& plural)
{
    return rangeText(range) + " " + (isOne(range) ? singular : plural);
}

std::string secondsText(const DosageRange& seconds)
{
    // Whole minutes read better than "60 seconds" on a handout.
    if (!seconds.isRange() && seconds.low >= 60 && seconds.low % 60 == 0) {
        int minutes = seconds.low / 60;
        return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
    }
    return counted(seconds, "second", "seconds");
}

std::string timesText(const DosageRange& times)
{
    if (!times.isRange()) {
        if (times.low == 1) {
            return "once";
        }
        if (times.low == 2) {
            return "twice";
        }
        return std::to_string(times.low) + " times";
    }
    if (times.low == 1 && times.high == 2) {
        return "once or twice";
    }
    return rangeText(times) + " times";
}

std::string frequencyText(const Dosage& dosage)
{
    std::string text;
    if (dosage.everyHours) {
        text = "every " + counted(*dosage.everyHours, "hour", "hours");
    } else if (dosage.timesPerDay) {
        text = timesText(*dosage.timesPerDay) + " a day";
    }
    switch (dosage.timing) {
    case DosageTiming::Scheduled:
        break;
    case DosageTiming::WhileSymptomatic:
        text += text.empty() ? "while you have symptoms" : " while you have symptoms";
        break;
    case DosageTiming::AfterProlongedSitting:
        text += text.empty() ? "after each long spell of sitting" : " and after each long spell of sitting";
        break;
    }
    return text;
}

std::string daysText(const DosageRange& days)
{
    if (!days.isRange() && days.low == 7) {
        return "every day";
    }
    return counted(days, "day a week", "days a week");
}

} // namespace

std::string dosageInWords(const Dosage& dosage)
{
    std::vector<std::string> parts;
    const std::string side = dosage.perSide ? " on each side" : "";
    if (dosage.mode == DosageMode::Hold) {
        parts.push_back("Hold " + (dosage.holdSeconds ? secondsText(*dosage.holdSeconds) : std::string("still")));
        DosageRange holds = dosage.holds.value_or(DosageRange::single(1));
        parts.push_back(timesText(holds) + side);
        if (!isOne(dosage.sets)) {
            parts.push_back("in " + counted(dosage.sets, "set", "sets"));
        }
        if (dosage.restSeconds && !isOne(holds)) {
            parts.push_back("resting " + secondsText(*dosage.restSeconds) + " between holds");
        }
    } else {
        DosageRange repetitions = dosage.repetitions.value_or(DosageRange::single(1));
        std::string repetitionText = counted(repetitions, "repetition", "repetitions");
        if (isOne(dosage.sets)) {
            parts.push_back(repetitionText + side);
        } else {
            parts.push_back(counted(dosage.sets, "set", "sets") + " of " + repetitionText + side);
        }
        if (dosage.pauseSeconds) {
            parts.push_back("holding each for " + secondsText(*dosage.pauseSeconds));
        }
        if (dosage.restSeconds && !isOne(dosage.sets)) {
            parts.push_back("resting " + secondsText(*dosage.restSeconds) + " between sets");
        }
    }
    if (std::string frequency = frequencyText(dosage); !frequency.empty()) {
        parts.push_back(frequency);
    }
    if (dosage.daysPerWeek) {
        parts.push_back(daysText(*dosage.daysPerWeek));
    }
    if (dosage.nonConsecutiveDays) {
        parts.push_back("with a rest day in between");
    }
    std::string sentence;
    for (const std::string& part : parts) {
        sentence += sentence.empty() ? part : ", " + part;
    }
    return sentence;
}

const char* dosageModeName(DosageMode mode)
{
    return mode == DosageMode::Hold ? "hold" : "reps";
}

const char* dosageTimingName(DosageTiming timing)
{
    switch (timing) {
    case DosageTiming::WhileSymptomatic:
        return "while_symptomatic";
    case DosageTiming::AfterProlongedSitting:
        return "after_prolonged_sitting";
    case DosageTiming::Scheduled:
        break;
    }
    return "scheduled";
}

namespace {

JsonValue rangeToJson(const DosageRange& range)
{
    if (range.isRange()) {
        return JsonValue(JsonValue::Array{JsonValue(range.low), JsonValue(range.high)});
    }
    return JsonValue(range.low);
}

[[noreturn]] void invalid(const std::string& pointer, const std::string& what)
{
    throw Error(ErrorCode::ProgramInvalid, "program at " + pointer + ": " + what);
}

int wholeNumber(const JsonValue& value, const std::string& pointer)
{
    if (!value.isNumber() || value.asNumber() != std::floor(value.asNumber()) || value.asNumber() < 0
        || value.asNumber() > 100000) {
        invalid(pointer, "expected a whole number from 0 to 100000");
    }
    return static_cast<int>(value.asNumber());
}

std::optional<DosageRange> rangeFromJson(const JsonValue& object, const char* key, const std::string& pointer)
{
    const JsonValue* value = object.find(key);
    if (value == nullptr || value->isNull()) {
        return std::nullopt;
    }
    std::string where = JsonPointer::appendKey(pointer, key);
    if (value->isArray()) {
        if (value->size() != 2) {
            invalid(where, "a range must be [low, high]");
        }
        DosageRange range{wholeNumber(value->asArray()[0], JsonPointer::appendIndex(where, 0)),
                          wholeNumber(value->asArray()[1], JsonPointer::appendIndex(where, 1))};
        if (range.low > range.high) {
            invalid(where, "range low is above high; expected [low, high]");
        }
        return range;
    }
    return DosageRange::single(wholeNumber(*value, where));
}

} // namespace

JsonValue dosageToJson(const Dosage& dosage)
{
    JsonValue::Object members;
    members.emplace_back("mode", dosageModeName(dosage.mode));
    members.emplace_back("sets", rangeToJson(dosage.sets));
    auto optional = [&members](const char* key, const std::optional<DosageRange>& range) {
        if (range) {
            members.emplace_back(key, rangeToJson(*range));
        }
    };
    optional("holds", dosage.holds);
    optional("holdSeconds", dosage.holdSeconds);
    optional("repetitions", dosage.repetitions);
    optional("pauseSeconds", dosage.pauseSeconds);
    optional("restSeconds", dosage.restSeconds);
    optional("timesPerDay", dosage.timesPerDay);
    optional("everyHours", dosage.everyHours);
    if (dosage.timing != DosageTiming::Scheduled) {
        members.emplace_back("timing", dosageTimingName(dosage.timing));
    }
    optional("daysPerWeek", dosage.daysPerWeek);
    if (dosage.nonConsecutiveDays) {
        members.emplace_back("nonConsecutiveDays", true);
    }
    members.emplace_back("perSide", dosage.perSide);
    return JsonValue(std::move(members));
}

Dosage dosageFromJson(const JsonValue& value, const std::string& pointer)
{
    if (!value.isObject()) {
        invalid(pointer, "expected a dosage object");
    }
    static const std::vector<std::string> known = {"mode",
                                                   "sets",
                                                   "holds",
                                                   "holdSeconds",
                                                   "repetitions",
                                                   "pauseSeconds",
                                                   "restSeconds",
                                                   "timesPerDay",
                                                   "everyHours",
                                                   "timing",
                                                   "daysPerWeek",
                                                   "nonConsecutiveDays",
                                                   "perSide"};
    for (const auto& [key, member] : value.asObject()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            invalid(JsonPointer::appendKey(pointer, key), "unknown dosage field \"" + key + "\"");
        }
    }
    Dosage dosage;
    const JsonValue* mode = value.find("mode");
    if (mode == nullptr || !mode->isString() || (mode->asString() != "hold" && mode->asString() != "reps")) {
        invalid(JsonPointer::appendKey(pointer, "mode"), "expected \"hold\" or \"reps\"");
    }
    dosage.mode = mode->asString() == "hold" ? DosageMode::Hold : DosageMode::Repetitions;
    dosage.sets = rangeFromJson(value, "sets", pointer).value_or(DosageRange::single(1));
    dosage.holds = rangeFromJson(value, "holds", pointer);
    dosage.holdSeconds = rangeFromJson(value, "holdSeconds", pointer);
    dosage.repetitions = rangeFromJson(value, "repetitions", pointer);
    dosage.pauseSeconds = rangeFromJson(value, "pauseSeconds", pointer);
    dosage.restSeconds = rangeFromJson(value, "restSeconds", pointer);
    dosage.timesPerDay = rangeFromJson(value, "timesPerDay", pointer);
    dosage.everyHours = rangeFromJson(value, "everyHours", pointer);
    dosage.daysPerWeek = rangeFromJson(value, "daysPerWeek", pointer);
    if (const JsonValue* timing = value.find("timing"); timing != nullptr) {
        std::string text = timing->isString() ? timing->asString() : std::string();
        if (text == "while_symptomatic") {
            dosage.timing = DosageTiming::WhileSymptomatic;
        } else if (text == "after_prolonged_sitting") {
            dosage.timing = DosageTiming::AfterProlongedSitting;
        } else if (text != "scheduled") {
            invalid(JsonPointer::appendKey(pointer, "timing"),
                    "expected \"scheduled\", \"while_symptomatic\" or \"after_prolonged_sitting\"");
        }
    }
    if (const JsonValue* nonConsecutive = value.find("nonConsecutiveDays"); nonConsecutive != nullptr) {
        if (!nonConsecutive->isBool()) {
            invalid(JsonPointer::appendKey(pointer, "nonConsecutiveDays"), "expected true or false");
        }
        dosage.nonConsecutiveDays = nonConsecutive->asBool();
    }
    if (const JsonValue* perSide = value.find("perSide"); perSide != nullptr) {
        if (!perSide->isBool()) {
            invalid(JsonPointer::appendKey(pointer, "perSide"), "expected true or false");
        }
        dosage.perSide = perSide->asBool();
    }
    return dosage;
}

} // namespace backscreen::core
