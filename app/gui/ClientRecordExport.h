#pragma once

#include "core/json/JsonValue.h"
#include "db/Records.h"

#include <cstddef>
#include <functional>
#include <string>

namespace backscreen::app {

/// A client's whole stored history as one JSON document, for File > Export client record…:
/// {"format": "backscreen-client-record", "formatVersion": 1, "exportedAt", "exportedBy", "client",
/// "visits", "questionnaireResponses", "screenings", "overrides", "homeProgramVersions", "outcomeScores"}.
/// Stored JSON payloads (responses, screening results, programs, scores) are embedded as JSON, not as text;
/// one that cannot be parsed is kept as its text under "...Text" so nothing is lost.
class ClientRecordExport
{
public:
    /// Told after each record how many of how many are done; returns false to cancel.
    using Progress = std::function<bool(std::size_t done, std::size_t total)>;

    /// The number of records toJson walks (the client and everything stored about it).
    static std::size_t recordCount(const db::ClientHistory& history);

    /// Cancelling throws Error(ExportFailed) "…: cancelled; nothing was written".
    static core::JsonValue toJson(const db::ClientHistory& history,
                                  const std::string& exportedAt,
                                  const std::string& exportedBy,
                                  const Progress& progress = {});
};

} // namespace backscreen::app
