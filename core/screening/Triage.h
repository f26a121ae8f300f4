#pragma once

#include <optional>
#include <string_view>

namespace backscreen::core {

/// The session triage and the red-flag tiers (clinical README, "Urgency tiers and triage"). Declared in
/// rank order, lowest first, so `<` compares urgency: EMERGENCY > URGENT > SOON > INCOMPLETE > MONITOR >
/// NONE. A red-flag rule's tier is one of Monitor, Soon, Urgent, Emergency.
enum class Triage
{
    None,
    Monitor,
    Incomplete,
    Soon,
    Urgent,
    Emergency,
};

/// "NONE", "MONITOR", "INCOMPLETE", "SOON", "URGENT", "EMERGENCY".
std::string_view triageName(Triage triage);
/// The inverse of triageName; nullopt for any other text.
std::optional<Triage> parseTriage(std::string_view name);
/// Whether a rule may carry this tier (the four red-flag tiers; NONE and INCOMPLETE are session values).
bool isRuleTier(Triage triage);
/// SOON and above: a referral need, which blocks the program and suppresses the pattern screens.
bool isReferralTier(Triage triage);
/// What the clinician does (the Action column of the clinical README's triage table).
std::string_view triageAction(Triage triage);

} // namespace backscreen::core
