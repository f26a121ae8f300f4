#include "HomeProgramStarter.h"

#include "core/json/JsonWriter.h"

namespace backscreen::app {

std::unique_ptr<HomeProgramStarter> HomeProgramStarter::loadDefault(std::vector<core::Diagnostic>& diagnostics)
{
    core::ExerciseCatalogueLoadResult catalogue = core::ExerciseCatalogue::loadDefault();
    diagnostics.insert(diagnostics.end(), catalogue.diagnostics.begin(), catalogue.diagnostics.end());
    if (!catalogue.ok()) {
        return nullptr;
    }
    auto [ruleset, rulesetDiagnostics] = core::ProgramRuleset::loadDefault(*catalogue.catalogue);
    diagnostics.insert(diagnostics.end(), rulesetDiagnostics.begin(), rulesetDiagnostics.end());
    if (!ruleset) {
        return nullptr;
    }
    return std::unique_ptr<HomeProgramStarter>(
        new HomeProgramStarter(std::move(*catalogue.catalogue), std::move(*ruleset)));
}

HomeProgramStarter::HomeProgramStarter(core::ExerciseCatalogue catalogue, core::ProgramRuleset ruleset)
    : m_catalogue(std::move(catalogue))
    , m_ruleset(std::move(ruleset))
{}

core::ProgramRequest HomeProgramStarter::requestFor(const core::ScreeningResult& result)
{
    return core::ProgramRequest::fromScreening(result);
}

db::HomeProgramVersionRecord HomeProgramStarter::start(db::ClinicService& service,
                                                       db::RecordId clientId,
                                                       db::RecordId visitId,
                                                       const core::ScreeningResult& result) const
{
    const core::ProgramGenerator generator(m_catalogue, m_ruleset);
    const core::GeneratedProgram generated = generator.generate(requestFor(result));
    db::HomeProgramVersionRecord record;
    record.clientId = clientId;
    record.visitId = visitId;
    record.contentJson = core::JsonWriter::write(generated.program.toJson());
    const db::ClientHistory history = service.clientHistory(clientId);
    if (history.programVersions.empty()) {
        return service.createHomeProgram(record);
    }
    // Versions are listed by program, then version: the last one is the newest of the newest program.
    const db::HomeProgramVersionRecord& latest = history.programVersions.back();
    record.programId = latest.programId;
    record.version = latest.version;
    return service.saveHomeProgram(record);
}

} // namespace backscreen::app
