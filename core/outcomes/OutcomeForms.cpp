#include "OutcomeForms.h"

#include "core/common/DataLocator.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/json/JsonReader.h"
#include "core/outcomes/OutcomeMeasures.h"
#include "core/outcomes/OutcomeQuestionnaire.h"

#include <algorithm>

namespace backscreen::core {

OutcomeFormsLoadResult OutcomeForms::loadShipped(const OutcomeMeasures& measures)
{
    return loadShipped(measures, formsDirectory() / "outcomes");
}

OutcomeFormsLoadResult OutcomeForms::loadShipped(const OutcomeMeasures& measures, const std::filesystem::path& folder)
{
    OutcomeFormsLoadResult result;
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "measures.json") {
            files.push_back(entry.path());
        }
    }
    // Directory order is unspecified; sorted, the forms and their messages come out the same everywhere.
    std::sort(files.begin(), files.end());
    if (error || files.empty()) {
        result.diagnostics.push_back({ErrorCode::OutcomeQuestionnaireMismatch,
                                      Severity::Error,
                                      folder.string(),
                                      "",
                                      "",
                                      "no outcome-measure forms found; expected one Questionnaire per instrument"});
        return result;
    }
    OutcomeForms forms;
    for (const auto& file : files) {
        JsonReadResult read = JsonReader::parseFile(file);
        if (!read.ok()) {
            result.diagnostics.insert(result.diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
            continue;
        }
        auto diagnostics = forms.add(*read.value, file.string(), measures, false);
        result.diagnostics.insert(result.diagnostics.end(), diagnostics.begin(), diagnostics.end());
    }
    for (const InstrumentDefinition& instrument : measures.instruments()) {
        if (forms.shipped(instrument.id) == nullptr) {
            result.diagnostics.push_back(
                {ErrorCode::OutcomeQuestionnaireMismatch,
                 Severity::Error,
                 folder.string(),
                 "",
                 "instrument \"" + instrument.id + "\"",
                 "no shipped form; expected a Questionnaire with url " + instrument.questionnaire});
        }
    }
    if (!hasErrors(result.diagnostics)) {
        result.forms = std::move(forms);
    }
    return result;
}

std::vector<Diagnostic>
OutcomeForms::addClinicForm(const JsonValue& questionnaire, const std::string& source, const OutcomeMeasures& measures)
{
    return add(questionnaire, source, measures, true);
}

std::vector<Diagnostic> OutcomeForms::addClinicFormFile(const std::filesystem::path& path,
                                                        const OutcomeMeasures& measures)
{
    JsonReadResult read = JsonReader::parseFile(path);
    if (!read.ok()) {
        return read.diagnostics;
    }
    return add(*read.value, path.string(), measures, true);
}

std::vector<Diagnostic> OutcomeForms::add(const JsonValue& questionnaire,
                                          const std::string& source,
                                          const OutcomeMeasures& measures,
                                          bool clinicSupplied)
{
    // The outcome check first: its messages (a missing linkId, a wrong type) say what scoring needs, which
    // matters more to a clinic building its form than FHIR structure.
    OutcomeQuestionnaireCheck check = OutcomeQuestionnaire::check(questionnaire, measures, source);
    if (!check.ok()) {
        return check.diagnostics;
    }
    QuestionnaireLoadResult loaded = QuestionnaireLoader::load(questionnaire, source);
    std::vector<Diagnostic> diagnostics = std::move(check.diagnostics);
    diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (!loaded.ok()) {
        return diagnostics;
    }
    m_forms.push_back({check.instrument, source, clinicSupplied, std::move(*loaded.questionnaire)});
    return diagnostics;
}

const OutcomeForm* OutcomeForms::find(std::string_view canonical) const
{
    std::string_view url = canonical.substr(0, canonical.find('|'));
    if (url.empty()) {
        return nullptr;
    }
    for (auto form = m_forms.rbegin(); form != m_forms.rend(); ++form) {
        if (form->questionnaire.url == url) {
            return &*form;
        }
    }
    return nullptr;
}

const OutcomeForm* OutcomeForms::shipped(std::string_view instrument) const
{
    for (const OutcomeForm& form : m_forms) {
        if (!form.clinicSupplied && form.instrument == instrument) {
            return &form;
        }
    }
    return nullptr;
}

} // namespace backscreen::core
