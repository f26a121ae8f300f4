#pragma once

#include "core/json/JsonValue.h"

#include <optional>
#include <string>

namespace backscreen::core {

/// A whole number or an inclusive range of them ("5 to 7 days a week"); low == high for a single value.
struct DosageRange
{
    int low = 0;
    int high = 0;

    static DosageRange single(int value) { return {value, value}; }

    bool isRange() const { return high != low; }

    bool operator==(const DosageRange& other) const = default;
};

enum class DosageMode
{
    /// Static holds: hold N seconds, M times (stretches, bracing).
    Hold,
    /// Repetitions, optionally with a short pause at the top (bridges, press-ups).
    Repetitions,
};

/// When the exercise is done, for the few that are tied to a situation rather than a time of day.
enum class DosageTiming
{
    Scheduled,
    WhileSymptomatic,
    AfterProlongedSitting,
};

/// How much of an exercise, as the catalogue's default dose table gives it (exercises.md §1) and as the
/// therapist edits it. Absent fields are simply not said in the plain-words wording.
struct Dosage
{
    DosageMode mode = DosageMode::Hold;
    DosageRange sets = DosageRange::single(1);
    /// Hold mode: holds per set, and their length.
    std::optional<DosageRange> holds;
    std::optional<DosageRange> holdSeconds;
    /// Repetition mode: repetitions per set, and the pause at the top of each.
    std::optional<DosageRange> repetitions;
    std::optional<DosageRange> pauseSeconds;
    /// Rest between holds (hold mode) or between sets (repetition mode).
    std::optional<DosageRange> restSeconds;
    std::optional<DosageRange> timesPerDay;
    std::optional<DosageRange> everyHours;
    DosageTiming timing = DosageTiming::Scheduled;
    std::optional<DosageRange> daysPerWeek;
    /// Never on two days in a row (resistance work, exercises.md [X3]).
    bool nonConsecutiveDays = false;
    /// Done on each side (or leg) in turn.
    bool perSide = false;

    bool operator==(const Dosage& other) const = default;
};

/// The dose in plain words for the client, e.g. "Hold 30 seconds, once on each side, once a day, 5 to 7
/// days a week" or "2 sets of 10 repetitions, holding each for 3 seconds, resting 1 minute between sets,
/// once a day, 3 days a week". One sentence without a final full stop.
std::string dosageInWords(const Dosage& dosage);

/// The stored form of a dosage (in saved programs): numbers, or [low, high] arrays for ranges.
JsonValue dosageToJson(const Dosage& dosage);

/// Reads dosageToJson's form; throws backscreen::Error (ProgramInvalid) naming `pointer` and the field.
Dosage dosageFromJson(const JsonValue& value, const std::string& pointer);

const char* dosageModeName(DosageMode mode);
const char* dosageTimingName(DosageTiming timing);

} // namespace backscreen::core
