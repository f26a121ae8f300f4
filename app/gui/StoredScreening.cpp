#include "StoredScreening.h"

#include "core/json/JsonWriter.h"

#include <string>

namespace backscreen::app {

db::ScreeningRecord StoredScreening::toRecord(db::RecordId visitId, const core::ScreeningResult& result)
{
    db::ScreeningRecord record;
    record.visitId = visitId;
    record.triage = std::string(core::triageName(result.triage));
    record.programBlocked = result.programBlocked;
    core::JsonValue::Object versions;
    for (const core::RulesetStamp& stamp : result.rulesets) {
        versions.emplace_back(stamp.id, stamp.version);
    }
    record.rulesetVersions = core::JsonWriter::write(core::JsonValue(std::move(versions)));
    record.resultJson = core::JsonWriter::write(result.toJson());
    record.answersJson = core::JsonWriter::write(result.answers);
    return record;
}

} // namespace backscreen::app
