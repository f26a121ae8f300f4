#pragma once

#include "app/gui/LatestScreening.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/Program.h"
#include "core/program/ProgramRequest.h"
#include "core/program/ProgramRuleset.h"
#include "core/screening/ScreeningResult.h"
#include "db/ClinicService.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::app {

/// The exercise catalogue and program ruleset of forms/, loaded together.
struct ProgramForms
{
    core::ExerciseCatalogue catalogue;
    core::ProgramRuleset ruleset;

    /// Throws backscreen::Error with the code and text of the first error when either does not load.
    static ProgramForms loadDefault();
};

/// A client's home program as the CLI stores it through db::ClinicService: one program per client (the
/// newest one when there are several), every generation and edit saved as its next version. The content of
/// each version is Program::toJson with `version` equal to the stored version number.
class ClientPrograms
{
public:
    ClientPrograms(db::ClinicService& service,
                   const core::ExerciseCatalogue& catalogue,
                   const core::ProgramRuleset& ruleset);

    /// The client's latest stored screening, or the latest at `visitId` (which must be the client's).
    /// Throws backscreen::Error (RecordNotFound) when there is none.
    LatestScreening latestScreening(db::RecordId clientId, std::optional<db::RecordId> visitId = {});

    /// Generates the default program from the latest screening (ProgramBlockedError when the screening
    /// blocks one) and stores it: version 1 of a new program, or the next version of the client's program.
    db::HomeProgramVersionRecord generate(db::RecordId clientId, std::optional<db::RecordId> visitId = {});

    /// Every stored version of every program of the client, by program then version.
    std::vector<db::HomeProgramVersionRecord> versions(db::RecordId clientId);

    /// Version `version` (or the current one) of the client's program. Throws backscreen::Error
    /// (RecordNotFound) when the client has no program or no such version.
    db::HomeProgramVersionRecord version(db::RecordId clientId, std::optional<std::int64_t> version = {});

    /// The same from the client's history already read (no further audited read).
    static db::HomeProgramVersionRecord version(const db::ClientHistory& history,
                                                std::optional<std::int64_t> version = {});

    /// The stored program of a version, its `version` set to the stored number.
    static core::Program programOf(const db::HomeProgramVersionRecord& record);

    /// Saves `program` as the version after `editedVersion` of the client's program; a stale
    /// `editedVersion` is refused by the db (RecordStale) and nothing is written.
    db::HomeProgramVersionRecord saveEdit(db::RecordId clientId, std::int64_t editedVersion, core::Program program);

    /// The request an exercise the therapist adds is made for: the latest screening at the version's visit,
    /// else the client's latest screening. Throws backscreen::Error (RecordNotFound) when there is none.
    core::ProgramRequest requestFor(const db::HomeProgramVersionRecord& record);

private:
    db::ClinicService& m_service;
    const core::ExerciseCatalogue& m_catalogue;
    const core::ProgramRuleset& m_ruleset;
};

} // namespace backscreen::app
