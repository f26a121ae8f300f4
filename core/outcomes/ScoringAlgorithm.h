#pragma once

#include "core/outcomes/InstrumentDefinition.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backscreen::core {

/// What the scoring code of one instrument expects from forms/outcomes/measures.json. The loader checks the
/// data against it, so the data and the published algorithms in code cannot drift apart unnoticed.
struct ScoringAlgorithm
{
    std::string instrument;
    /// Every linkId the algorithm reads, with its type, in form order.
    std::vector<std::pair<std::string, OutcomeInputType>> inputs;
    std::vector<std::string> subscales;
    std::vector<std::string> parameters;
    /// Band ids the code assigns by rule (STarT Back); empty when bands are chosen by their upper edges.
    std::vector<std::string> ruleBands;
    /// Whether bands with upper edges are required (ODI, PGIC).
    bool edgeBands = false;
};

/// The six instruments of outcome-measures.md: nprs, odi, rmdq, psfs, sbst, pgic.
const std::vector<ScoringAlgorithm>& scoringAlgorithms();

/// The algorithm for an instrument id, or nullptr.
const ScoringAlgorithm* findScoringAlgorithm(std::string_view instrument);

const char* outcomeInputTypeName(OutcomeInputType type);

} // namespace backscreen::core
