#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/Questionnaire.h"
#include "core/json/JsonValue.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

class OutcomeMeasures;
struct OutcomeFormsLoadResult;

/// One form of an outcome measure, loaded (core/fhir) and checked against its instrument (OutcomeQuestionnaire).
struct OutcomeForm
{
    std::string instrument;
    /// Where it was read from, for messages.
    std::string source;
    bool clinicSupplied = false;
    Questionnaire questionnaire;
};

/// The Questionnaires outcome responses are read against: the shipped form of every instrument
/// (forms/outcomes/*.json) and any clinic-supplied form of a licensed instrument. Every form is loaded with
/// QuestionnaireLoader (so it is valid FHIR) and checked with OutcomeQuestionnaire (so its linkIds and types are
/// those scoring reads); a form failing either is refused with the diagnostics and not added.
class OutcomeForms
{
public:
    /// Every *.json under formsDirectory()/outcomes except measures.json; nothing when any fails.
    static OutcomeFormsLoadResult loadShipped(const OutcomeMeasures& measures);
    static OutcomeFormsLoadResult loadShipped(const OutcomeMeasures& measures, const std::filesystem::path& folder);

    /// Adds a clinic-supplied form; its diagnostics (errors mean it was not added).
    std::vector<Diagnostic>
    addClinicForm(const JsonValue& questionnaire, const std::string& source, const OutcomeMeasures& measures);
    std::vector<Diagnostic> addClinicFormFile(const std::filesystem::path& path, const OutcomeMeasures& measures);

    /// The form whose url is the canonical's ("url" or "url|version"); a clinic form reusing a shipped url
    /// wins over the shipped one (the latest added wins). nullptr when none.
    const OutcomeForm* find(std::string_view canonical) const;
    /// The shipped form of an instrument, or nullptr.
    const OutcomeForm* shipped(std::string_view instrument) const;

    const std::vector<OutcomeForm>& forms() const { return m_forms; }

private:
    std::vector<Diagnostic> add(const JsonValue& questionnaire,
                                const std::string& source,
                                const OutcomeMeasures& measures,
                                bool clinicSupplied);

    std::vector<OutcomeForm> m_forms;
};

struct OutcomeFormsLoadResult
{
    /// Present only when every shipped form loaded and matched its instrument.
    std::optional<OutcomeForms> forms;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return forms.has_value(); }
};

} // namespace backscreen::core
