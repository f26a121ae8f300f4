#pragma once

#include "core/screening/ScreeningResult.h"
#include "db/ClinicService.h"

#include <optional>
#include <string>

namespace backscreen::core {
class ScreeningEngine;
}

namespace backscreen::app {

/// A client's latest stored screening read back for the program: the stored result re-screened with the
/// clearances recorded on it afterwards (overrides of kind "clearance"), so a SOON or URGENT rule cleared
/// after the screening no longer blocks the program while an uncleared one, or an unfinished (INCOMPLETE)
/// screen, still does. The CLI's `programs` and `handout --client` and the desktop app's program editor
/// decide with this one reader.
struct LatestScreening
{
    db::ScreeningRecord record;
    core::ScreeningResult result;

    /// The latest screening of the client, or the latest at `visitId` (which must be the client's). Reads
    /// the client's history through the service (audited). Re-screening with later clearances uses `engine`,
    /// or loads the default rules from forms/ when it is null (the CLI, which has no engine of its own).
    /// Throws backscreen::Error: RecordNotFound when there is none, RecordInvalid when the stored result does
    /// not read back, ScreeningRulesetMissing when the rules must be loaded and do not load.
    static LatestScreening read(db::ClinicService& service,
                                db::RecordId clientId,
                                std::optional<db::RecordId> visitId = {},
                                const core::ScreeningEngine* engine = nullptr);

    /// The same from a history already read.
    static LatestScreening of(const db::ClientHistory& history,
                              std::optional<db::RecordId> visitId = {},
                              const core::ScreeningEngine* engine = nullptr);

    /// The screening of `visitId` when that visit has one, else the client's latest: what a program made at
    /// a visit is generated or edited against. `engine` as for read(); throws as of() when the client has
    /// no screening at all.
    static LatestScreening forVisitOrLatest(const db::ClientHistory& history,
                                            std::optional<db::RecordId> visitId,
                                            const core::ScreeningEngine* engine = nullptr);

    /// Why the client's stored home program must not be printed now: empty when the latest screening lets
    /// a program be given (or the client has no screening), else "the latest screening (screening N, DATE)
    /// blocks the home program: REASON". `engine` as for read().
    static std::string
    handoutRefusal(db::ClinicService& service, db::RecordId clientId, const core::ScreeningEngine* engine = nullptr);

    /// The same from a history already read (no further audited read).
    static std::string handoutRefusal(const db::ClientHistory& history, const core::ScreeningEngine* engine = nullptr);

    /// Throws backscreen::Error (HandoutBlocked) "client N: not printed: REFUSAL; expected …" when
    /// handoutRefusal is not empty.
    static void requireHandoutAllowed(db::ClinicService& service, db::RecordId clientId);

    /// The same from a history already read (no further audited read).
    static void requireHandoutAllowed(const db::ClientHistory& history);
};

} // namespace backscreen::app
