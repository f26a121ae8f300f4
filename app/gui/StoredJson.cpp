#include "StoredJson.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

namespace backscreen::app {

core::JsonValue StoredJson::parse(const std::string& text, const std::string& what)
{
    core::JsonReadResult read = core::JsonReader::parse(text, what);
    if (!read.ok()) {
        throw Error(ErrorCode::RecordInvalid,
                    what + ": the stored JSON does not parse: "
                        + (read.diagnostics.empty() ? std::string("no value") : read.diagnostics.front().toString()));
    }
    return *read.value;
}

core::Program StoredJson::program(const db::HomeProgramVersionRecord& record)
{
    const std::string what =
        "home program " + std::to_string(record.programId) + " version " + std::to_string(record.version);
    core::Program program = core::Program::fromJson(parse(record.contentJson, what), what);
    program.version = static_cast<int>(record.version);
    return program;
}

db::HomeProgramVersionRecord StoredJson::editedVersion(const db::HomeProgramVersionRecord& edited,
                                                       core::Program program)
{
    db::HomeProgramVersionRecord next;
    next.programId = edited.programId;
    next.clientId = edited.clientId;
    next.visitId = edited.visitId;
    next.version = edited.version;
    program.version = static_cast<int>(edited.version + 1);
    next.contentJson = core::JsonWriter::write(program.toJson());
    return next;
}

} // namespace backscreen::app
