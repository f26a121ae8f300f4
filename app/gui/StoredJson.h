#pragma once

#include "core/json/JsonValue.h"
#include "core/program/Program.h"
#include "db/Records.h"

#include <string>

namespace backscreen::app {

/// Reads back the JSON the clinic service stored (screening results, clearance snapshots, program
/// versions), so the CLI and the desktop app report a damaged record in the same words.
class StoredJson
{
public:
    /// Throws backscreen::Error (RecordInvalid) "WHAT: the stored JSON does not parse: …".
    static core::JsonValue parse(const std::string& text, const std::string& what);

    /// The program of a stored version, its `version` set to the stored number. Throws backscreen::Error
    /// (RecordInvalid) when the stored content does not read back.
    static core::Program program(const db::HomeProgramVersionRecord& record);

    /// The version to store for `program` edited from `edited`: same program, client and visit, numbered
    /// `edited`'s version (the db refuses the save when another version was stored meanwhile), the content
    /// numbered one higher. The inverse of program().
    static db::HomeProgramVersionRecord editedVersion(const db::HomeProgramVersionRecord& edited,
                                                      core::Program program);
};

} // namespace backscreen::app
