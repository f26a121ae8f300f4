#include "Triage.h"

#include <array>

namespace backscreen::core {

namespace {

constexpr std::array<std::string_view, 6> kNames = {"NONE", "MONITOR", "INCOMPLETE", "SOON", "URGENT", "EMERGENCY"};

} // namespace

std::string_view triageName(Triage triage)
{
    return kNames.at(static_cast<std::size_t>(triage));
}

std::optional<Triage> parseTriage(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) {
            return static_cast<Triage>(i);
        }
    }
    return std::nullopt;
}

bool isRuleTier(Triage triage)
{
    return triage != Triage::None && triage != Triage::Incomplete;
}

bool isReferralTier(Triage triage)
{
    return triage >= Triage::Soon;
}

std::string_view triageAction(Triage triage)
{
    switch (triage) {
    case Triage::Emergency:
        return "Stop. Send the person directly to an emergency department (or the local on-call "
               "spinal/acute-oncology/vascular route); call emergency services if they are collapsed, very "
               "unwell or cannot travel safely. Inform the GP. Give written safety-netting. Now: same day, "
               "within hours. Home program blocked.";
    case Triage::Urgent:
        return "Contact the GP or relevant specialist service the same or next working day (same day where "
               "the rule says so); the person is to be assessed (and imaged if the doctor decides) within 1 "
               "week. Home program blocked until clearance is documented.";
    case Triage::Soon:
        return "Routine referral letter to GP or specialist (e.g. rheumatology); seen within weeks (target 6 "
               "weeks or less). Home program blocked until clearance is documented.";
    case Triage::Incomplete:
        return "Ask the questions in the missing list before any treatment decision. If they cannot be "
               "answered, the clinician decides on referral using the tiers of the undecided rules and "
               "records why. Home program blocked; this cannot be cleared, only completed.";
    case Triage::Monitor:
        return "Record; give safety-net advice; re-ask at every visit; escalate if new features appear or "
               "there is no improvement by 4 weeks. Home program not blocked; caution shown and printed.";
    case Triage::None:
        break;
    }
    return "No red-flag rule fired and every rule was decided.";
}

} // namespace backscreen::core
