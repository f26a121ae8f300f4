#include "ClientRecordExport.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"

namespace backscreen::app {

namespace {

using core::JsonValue;

JsonValue id(db::RecordId value)
{
    return JsonValue(static_cast<long long>(value));
}

/// Adds `name`: the stored JSON text parsed, or `nameText`: the text when it is not JSON.
void addPayload(JsonValue::Object& object, const std::string& name, const std::string& text)
{
    const core::JsonReadResult parsed = core::JsonReader::parse(text, name);
    if (parsed.ok()) {
        object.emplace_back(name, *parsed.value);
    } else {
        object.emplace_back(name + "Text", JsonValue(text));
    }
}

} // namespace

std::size_t ClientRecordExport::recordCount(const db::ClientHistory& history)
{
    return 1 + history.visits.size() + history.responses.size() + history.screenings.size() + history.overrides.size()
           + history.programVersions.size() + history.outcomeScores.size();
}

JsonValue ClientRecordExport::toJson(const db::ClientHistory& history,
                                     const std::string& exportedAt,
                                     const std::string& exportedBy,
                                     const Progress& progress)
{
    const std::size_t total = recordCount(history);
    std::size_t done = 0;
    auto step = [&] {
        ++done;
        if (progress && !progress(done, total)) {
            throw Error(ErrorCode::ExportFailed,
                        "export of client " + std::to_string(history.client.id) + ": cancelled; nothing was written");
        }
    };

    const db::ClientRecord& client = history.client;
    JsonValue::Object clientJson{
        {"id", id(client.id)},
        {"familyName", JsonValue(client.familyName)},
        {"givenName", JsonValue(client.givenName)},
        {"birthDate", JsonValue(client.birthDate)},
        {"contact", JsonValue(client.contact)},
        {"notes", JsonValue(client.notes)},
        {"archived", JsonValue(client.archived)},
        {"version", JsonValue(static_cast<long long>(client.version))},
        {"createdAt", JsonValue(client.createdAt)},
        {"updatedAt", JsonValue(client.updatedAt)},
    };
    step();

    JsonValue::Array visits;
    for (const db::VisitRecord& visit : history.visits) {
        visits.emplace_back(JsonValue::Object{
            {"id", id(visit.id)},
            {"visitDate", JsonValue(visit.visitDate)},
            {"kind", JsonValue(visit.kind)},
            {"notes", JsonValue(visit.notes)},
            {"createdAt", JsonValue(visit.createdAt)},
        });
        step();
    }
    JsonValue::Array responses;
    for (const db::QuestionnaireResponseRecord& response : history.responses) {
        JsonValue::Object object{
            {"id", id(response.id)},
            {"visitId", id(response.visitId)},
            {"questionnaire", JsonValue(response.questionnaireCanonical)},
            {"questionnaireVersion", JsonValue(response.questionnaireVersion)},
            {"savedAt", JsonValue(response.createdAt)},
        };
        addPayload(object, "response", response.responseJson);
        responses.emplace_back(std::move(object));
        step();
    }
    JsonValue::Array screenings;
    for (const db::ScreeningRecord& screening : history.screenings) {
        JsonValue::Object object{
            {"id", id(screening.id)},
            {"visitId", id(screening.visitId)},
            {"triage", JsonValue(screening.triage)},
            {"programBlocked", JsonValue(screening.programBlocked)},
            {"savedAt", JsonValue(screening.createdAt)},
        };
        addPayload(object, "result", screening.resultJson);
        screenings.emplace_back(std::move(object));
        step();
    }
    JsonValue::Array overrides;
    for (const db::OverrideRecord& entry : history.overrides) {
        JsonValue::Object object{
            {"id", id(entry.id)},
            {"screeningId", id(entry.screeningResultId)},
            {"ruleId", JsonValue(entry.ruleId)},
            {"kind", JsonValue(entry.kind)},
            {"reason", JsonValue(entry.reasonCode)},
            {"note", JsonValue(entry.reasonText)},
            {"reviewedBy", JsonValue(entry.reviewedBy)},
            {"reviewedOn", JsonValue(entry.reviewedOn)},
            {"savedAt", JsonValue(entry.createdAt)},
        };
        addPayload(object, "inputs", entry.inputSnapshotJson);
        overrides.emplace_back(std::move(object));
        step();
    }
    JsonValue::Array programs;
    for (const db::HomeProgramVersionRecord& version : history.programVersions) {
        JsonValue::Object object{
            {"programId", id(version.programId)},
            {"version", JsonValue(static_cast<long long>(version.version))},
            {"visitId", version.visitId ? id(*version.visitId) : JsonValue(nullptr)},
            {"savedAt", JsonValue(version.createdAt)},
        };
        addPayload(object, "content", version.contentJson);
        programs.emplace_back(std::move(object));
        step();
    }
    JsonValue::Array scores;
    for (const db::OutcomeScoreRecord& score : history.outcomeScores) {
        JsonValue::Object object{
            {"id", id(score.id)},
            {"visitId", id(score.visitId)},
            {"instrument", JsonValue(score.instrumentId)},
            {"instrumentVersion", JsonValue(score.instrumentVersion)},
            {"savedAt", JsonValue(score.createdAt)},
        };
        addPayload(object, "score", score.scoreJson);
        addPayload(object, "response", score.responseJson);
        scores.emplace_back(std::move(object));
        step();
    }
    return JsonValue(JsonValue::Object{
        {"format", JsonValue(std::string("backscreen-client-record"))},
        {"formatVersion", JsonValue(1LL)},
        {"exportedAt", JsonValue(exportedAt)},
        {"exportedBy", JsonValue(exportedBy)},
        {"client", JsonValue(std::move(clientJson))},
        {"visits", JsonValue(std::move(visits))},
        {"questionnaireResponses", JsonValue(std::move(responses))},
        {"screenings", JsonValue(std::move(screenings))},
        {"overrides", JsonValue(std::move(overrides))},
        {"homeProgramVersions", JsonValue(std::move(programs))},
        {"outcomeScores", JsonValue(std::move(scores))},
    });
}

} // namespace backscreen::app
