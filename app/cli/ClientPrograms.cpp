#include "ClientPrograms.h"

#include "app/gui/LatestScreening.h"
#include "app/gui/StoredJson.h"
#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/program/ProgramGenerator.h"
#include "core/screening/ScreeningEngine.h"

#include <algorithm>

namespace backscreen::app {

namespace {

std::string clientText(db::RecordId clientId)
{
    return "client " + std::to_string(clientId);
}

[[noreturn]] void formsFailed(const std::vector<core::Diagnostic>& diagnostics)
{
    for (const core::Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == core::Severity::Error) {
            throw Error(diagnostic.code, diagnostic.toString());
        }
    }
    throw Error(ErrorCode::ProgramRulesInvalidField, "the program forms did not load");
}

} // namespace

ProgramForms ProgramForms::loadDefault()
{
    core::ExerciseCatalogueLoadResult catalogue = core::ExerciseCatalogue::loadDefault();
    if (!catalogue.ok()) {
        formsFailed(catalogue.diagnostics);
    }
    auto [ruleset, diagnostics] = core::ProgramRuleset::loadDefault(*catalogue.catalogue);
    if (!ruleset) {
        formsFailed(diagnostics);
    }
    return ProgramForms{std::move(*catalogue.catalogue), std::move(*ruleset)};
}

ClientPrograms::ClientPrograms(db::ClinicService& service,
                               const core::ExerciseCatalogue& catalogue,
                               const core::ProgramRuleset& ruleset)
    : m_service(service)
    , m_catalogue(catalogue)
    , m_ruleset(ruleset)
{}

LatestScreening ClientPrograms::latestScreening(db::RecordId clientId, std::optional<db::RecordId> visitId)
{
    return LatestScreening::read(m_service, clientId, visitId);
}

db::HomeProgramVersionRecord ClientPrograms::generate(db::RecordId clientId, std::optional<db::RecordId> visitId)
{
    LatestScreening screening = latestScreening(clientId, visitId);
    core::Program program = core::ProgramGenerator(m_catalogue, m_ruleset)
                                .generate(core::ProgramRequest::fromScreening(screening.result))
                                .program;
    std::vector<db::HomeProgramVersionRecord> existing = versions(clientId);
    db::HomeProgramVersionRecord record;
    record.clientId = clientId;
    record.visitId = screening.record.visitId;
    if (existing.empty()) {
        program.version = 1;
        record.contentJson = core::JsonWriter::write(program.toJson());
        return m_service.createHomeProgram(record);
    }
    const db::HomeProgramVersionRecord& current = existing.back();
    record.programId = current.programId;
    record.version = current.version;
    program.version = static_cast<int>(current.version + 1);
    record.contentJson = core::JsonWriter::write(program.toJson());
    return m_service.saveHomeProgram(record);
}

std::vector<db::HomeProgramVersionRecord> ClientPrograms::versions(db::RecordId clientId)
{
    return m_service.clientHistory(clientId).programVersions;
}

db::HomeProgramVersionRecord ClientPrograms::version(db::RecordId clientId, std::optional<std::int64_t> version)
{
    return ClientPrograms::version(m_service.clientHistory(clientId), version);
}

db::HomeProgramVersionRecord ClientPrograms::version(const db::ClientHistory& history,
                                                     std::optional<std::int64_t> version)
{
    const db::RecordId clientId = history.client.id;
    const std::vector<db::HomeProgramVersionRecord>& all = history.programVersions;
    if (all.empty()) {
        throw Error(ErrorCode::RecordNotFound,
                    clientText(clientId)
                        + ": no home program; expected one generated first ('backscreen-cli programs "
                          "generate --client "
                        + std::to_string(clientId) + "')");
    }
    const db::RecordId programId = all.back().programId;
    const db::HomeProgramVersionRecord* found = nullptr;
    for (const db::HomeProgramVersionRecord& record : all) {
        if (record.programId == programId && (!version || record.version == *version)) {
            found = &record;
        }
    }
    if (found == nullptr) {
        throw Error(ErrorCode::RecordNotFound,
                    clientText(clientId) + ": home program " + std::to_string(programId) + " has no version "
                        + std::to_string(*version) + "; expected 1 to " + std::to_string(all.back().version));
    }
    return *found;
}

core::Program ClientPrograms::programOf(const db::HomeProgramVersionRecord& record)
{
    return StoredJson::program(record);
}

db::HomeProgramVersionRecord
ClientPrograms::saveEdit(db::RecordId clientId, std::int64_t editedVersion, core::Program program)
{
    db::HomeProgramVersionRecord edited = version(clientId);
    // The version the user edited, which the db checks is still the newest.
    edited.version = editedVersion;
    return m_service.saveHomeProgram(StoredJson::editedVersion(edited, std::move(program)));
}

core::ProgramRequest ClientPrograms::requestFor(const db::HomeProgramVersionRecord& record)
{
    return core::ProgramRequest::fromScreening(
        LatestScreening::forVisitOrLatest(m_service.clientHistory(record.clientId), record.visitId).result);
}

} // namespace backscreen::app
