#pragma once

#include "core/common/Diagnostic.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/ProgramGenerator.h"
#include "core/program/ProgramRequest.h"
#include "core/program/ProgramRuleset.h"
#include "core/screening/ScreeningResult.h"
#include "db/ClinicService.h"

#include <memory>
#include <vector>

namespace backscreen::app {

/// Turns a screening into the client's home program: builds the program request from the screening result,
/// generates the default program with core::ProgramGenerator and stores it through the clinic service
/// (audited): as version 1 of a new program, or, when the client has a program already, as its next
/// version (older versions are kept). Editing the program is the program editor's job.
class HomeProgramStarter
{
public:
    /// Loads the exercise catalogue and the program ruleset from forms/; nullptr with the diagnostics when
    /// either has errors.
    static std::unique_ptr<HomeProgramStarter> loadDefault(std::vector<core::Diagnostic>& diagnostics);

    /// The program request a screening result means: triage, blocking, fired and cleared rule ids, the
    /// pattern values, the positive lower-crossed tests and the answers.
    static core::ProgramRequest requestFor(const core::ScreeningResult& result);

    /// Generates and stores the program. Throws core::ProgramBlockedError when the screening blocks a
    /// program, backscreen::Error when it cannot be stored.
    db::HomeProgramVersionRecord start(db::ClinicService& service,
                                       db::RecordId clientId,
                                       db::RecordId visitId,
                                       const core::ScreeningResult& result) const;

    const core::ExerciseCatalogue& catalogue() const { return m_catalogue; }

    const core::ProgramRuleset& ruleset() const { return m_ruleset; }

private:
    HomeProgramStarter(core::ExerciseCatalogue catalogue, core::ProgramRuleset ruleset);

    core::ExerciseCatalogue m_catalogue;
    core::ProgramRuleset m_ruleset;
};

} // namespace backscreen::app
