#include "ProgramRuleset.h"

#include "core/common/DataLocator.h"
#include "core/json/JsonPointer.h"
#include "core/json/JsonReader.h"
#include "core/jsonlogic/JsonLogicCompiler.h"
#include "core/jsonlogic/JsonLogicError.h"
#include "core/program/DocumentChecker.h"
#include "core/program/ExerciseCatalogue.h"

#include <algorithm>
#include <set>

namespace backscreen::core {

const std::vector<std::string>& ProgramRuleset::dataKeys(ProgramRulePhase phase)
{
    static const std::vector<std::string> select = {"triage",
                                                    "programBlocked",
                                                    "sij",
                                                    "sij_provisional",
                                                    "radicular",
                                                    "radicular_provisional",
                                                    "lcs",
                                                    "lcs_provisional",
                                                    "LCS-T01",
                                                    "LCS-T02",
                                                    "LCS-T04",
                                                    "LCS-T05",
                                                    "LCS-T06",
                                                    "flexion_related",
                                                    "lcs_s05",
                                                    "lcs_s06",
                                                    "lcs_t02_leg_symptoms",
                                                    "lcs_x01",
                                                    "fired",
                                                    "answers"};
    static const std::vector<std::string> complete = [] {
        std::vector<std::string> keys = select;
        keys.insert(keys.end(), {"selected", "selected_count", "selected_activation_count"});
        return keys;
    }();
    return phase == ProgramRulePhase::Select ? select : complete;
}

class ProgramRulesetReader
{
public:
    ProgramRulesetReader(const std::filesystem::path& file, const ExerciseCatalogue& catalogue)
        : m_checker(file.string(), ErrorCode::ProgramRulesInvalidField, ErrorCode::ProgramRulesInvalidField)
        , m_catalogue(catalogue)
    {}

    std::pair<std::optional<ProgramRuleset>, std::vector<Diagnostic>> read(const JsonValue& root)
    {
        ProgramRuleset ruleset;
        if (!root.isObject()) {
            m_checker.report(ErrorCode::ProgramRulesInvalidField, "", "", "expected a JSON object at the top level");
            return finish(std::move(ruleset));
        }
        std::optional<int> schema = m_checker.integer(root, "schemaVersion", "", "", true);
        if (schema && *schema != ProgramRuleset::schemaVersion) {
            m_checker.report(ErrorCode::ProgramRulesUnsupportedSchema,
                             "/schemaVersion",
                             "",
                             "schemaVersion " + std::to_string(*schema) + " is not supported; expected "
                                 + std::to_string(ProgramRuleset::schemaVersion));
            return finish(std::move(ruleset));
        }
        m_checker.checkKeys(
            root,
            "",
            "",
            {"id", "version", "schemaVersion", "title", "source", "references", "safetyNet", "limits", "rules"});
        ruleset.m_id = m_checker.string(root, "id", "", "");
        ruleset.m_version = m_checker.string(root, "version", "", "");
        m_checker.string(root, "title", "", "", false);
        m_checker.string(root, "source", "", "", false);
        if (const JsonValue* references = root.find("references"); references != nullptr && references->isObject()) {
            for (const auto& [key, value] : references->asObject()) {
                std::string pointer = JsonPointer::appendKey("/references", key);
                m_checker.checkKeys(value, pointer, "reference \"" + key + "\"", {"citation"});
                ruleset.m_references[key] = m_checker.string(value, "citation", pointer, "reference \"" + key + "\"");
            }
        } else {
            m_checker.report(
                ErrorCode::ProgramRulesInvalidField, "", "", "missing field \"references\"; expected an object");
        }
        if (const JsonValue* safety = root.find("safetyNet"); safety != nullptr && safety->isObject()) {
            m_checker.checkKeys(*safety, "/safetyNet", "", {"reference", "stopAndCall", "emergency", "sameDayDoctor"});
            checkReference(
                ruleset, m_checker.string(*safety, "reference", "/safetyNet", ""), "/safetyNet/reference", "");
            ruleset.m_safetyNet.stopAndCall = m_checker.stringArray(*safety, "stopAndCall", "/safetyNet", "");
            ruleset.m_safetyNet.emergency = m_checker.stringArray(*safety, "emergency", "/safetyNet", "");
            ruleset.m_safetyNet.sameDayDoctor = m_checker.stringArray(*safety, "sameDayDoctor", "/safetyNet", "");
        } else {
            m_checker.report(
                ErrorCode::ProgramRulesInvalidField, "", "", "missing field \"safetyNet\"; expected an object");
        }
        if (const JsonValue* limits = root.find("limits"); limits != nullptr && limits->isObject()) {
            m_checker.checkKeys(*limits, "/limits", "", {"maxExercises", "minActivationExercises", "reference"});
            ruleset.m_maxExercises = m_checker.integer(*limits, "maxExercises", "/limits", "", true).value_or(6);
            ruleset.m_minActivationExercises =
                m_checker.integer(*limits, "minActivationExercises", "/limits", "", true).value_or(1);
            checkReference(ruleset, m_checker.string(*limits, "reference", "/limits", ""), "/limits/reference", "");
            if (ruleset.m_maxExercises < 1 || ruleset.m_minActivationExercises > ruleset.m_maxExercises) {
                m_checker.report(ErrorCode::ProgramRulesInvalidField,
                                 "/limits",
                                 "",
                                 "expected 1 <= minActivationExercises <= maxExercises");
            }
        } else {
            m_checker.report(
                ErrorCode::ProgramRulesInvalidField, "", "", "missing field \"limits\"; expected an object");
        }
        const JsonValue* rules = root.find("rules");
        if (rules == nullptr || !rules->isArray() || rules->size() == 0) {
            m_checker.report(
                ErrorCode::ProgramRulesInvalidField, "", "", "missing field \"rules\"; expected a non-empty array");
            return finish(std::move(ruleset));
        }
        std::set<std::string> seen;
        for (std::size_t index = 0; index < rules->size(); ++index) {
            std::string pointer = JsonPointer::appendIndex("/rules", index);
            ProgramRule rule = readRule(rules->asArray()[index], pointer, ruleset);
            if (!rule.id.empty() && !seen.insert(rule.id).second) {
                m_checker.report(ErrorCode::ProgramRulesDuplicateId,
                                 JsonPointer::appendKey(pointer, "id"),
                                 "rule \"" + rule.id + "\"",
                                 "duplicate rule id; ids are never reused");
                continue;
            }
            ruleset.m_rules.push_back(std::move(rule));
        }
        return finish(std::move(ruleset));
    }

private:
    DocumentChecker m_checker;
    const ExerciseCatalogue& m_catalogue;

    std::pair<std::optional<ProgramRuleset>, std::vector<Diagnostic>> finish(ProgramRuleset ruleset)
    {
        std::vector<Diagnostic> diagnostics = std::move(m_checker.diagnostics());
        if (hasErrors(diagnostics)) {
            return {std::nullopt, std::move(diagnostics)};
        }
        return {std::move(ruleset), std::move(diagnostics)};
    }

    void checkReference(const ProgramRuleset& ruleset,
                        const std::string& reference,
                        const std::string& pointer,
                        const std::string& subject)
    {
        if (!reference.empty() && ruleset.m_references.count(reference) == 0) {
            m_checker.report(ErrorCode::ProgramRulesUnknownReference,
                             pointer,
                             subject,
                             "unknown reference \"" + reference + "\"; expected an id from /references");
        }
    }

    void checkExercise(const std::string& exerciseId, const std::string& pointer, const std::string& subject)
    {
        if (m_catalogue.find(exerciseId) == nullptr) {
            m_checker.report(ErrorCode::ProgramRulesUnknownExercise,
                             pointer,
                             subject,
                             "exercise \"" + exerciseId + "\" is not in the catalogue");
        }
    }

    // Every {"var": ...} must read a key the generator provides; a misspelt key would silently read null.
    void checkVariables(const JsonValue& logic,
                        const std::string& pointer,
                        const std::string& subject,
                        ProgramRulePhase phase)
    {
        if (logic.isArray()) {
            for (std::size_t index = 0; index < logic.size(); ++index) {
                checkVariables(logic.asArray()[index], JsonPointer::appendIndex(pointer, index), subject, phase);
            }
            return;
        }
        if (!logic.isObject()) {
            return;
        }
        if (logic.size() != 1) {
            m_checker.report(ErrorCode::ProgramRulesInvalidLogic,
                             pointer,
                             subject,
                             "a JsonLogic operation has exactly one key; expected {\"operator\": arguments}");
            return;
        }
        const auto& [operation, arguments] = logic.asObject().front();
        std::string where = JsonPointer::appendKey(pointer, operation);
        if (operation == "var") {
            const JsonValue& name = arguments.isArray() && arguments.size() > 0 ? arguments.asArray()[0] : arguments;
            if (!name.isString()) {
                m_checker.report(
                    ErrorCode::ProgramRulesInvalidLogic, where, subject, "expected a variable name string");
                return;
            }
            std::string key = name.asString().substr(0, name.asString().find('.'));
            const std::vector<std::string>& keys = ProgramRuleset::dataKeys(phase);
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                m_checker.report(ErrorCode::ProgramRulesInvalidLogic,
                                 where,
                                 subject,
                                 "unknown data key \"" + key + "\"; expected one of the keys in docs/handout.md");
            }
            return;
        }
        checkVariables(arguments, where, subject, phase);
    }

    ProgramRule readRule(const JsonValue& value, const std::string& pointer, const ProgramRuleset& ruleset)
    {
        ProgramRule rule;
        if (!value.isObject()) {
            m_checker.report(ErrorCode::ProgramRulesInvalidField, pointer, "", "expected a rule object");
            return rule;
        }
        rule.id = m_checker.string(value, "id", pointer, "");
        std::string subject = "rule \"" + rule.id + "\"";
        m_checker.checkKeys(value,
                            pointer,
                            subject,
                            {"id",
                             "title",
                             "phase",
                             "logic",
                             "blocks",
                             "exercises",
                             "modify",
                             "notes",
                             "precautions",
                             "furtherAssessment",
                             "finding",
                             "reference",
                             "rationale"});
        rule.title = m_checker.string(value, "title", pointer, subject);
        std::string phase = m_checker.string(value, "phase", pointer, subject, false);
        if (phase == "complete") {
            rule.phase = ProgramRulePhase::Complete;
        } else if (!phase.empty() && phase != "select") {
            m_checker.report(ErrorCode::ProgramRulesInvalidField,
                             JsonPointer::appendKey(pointer, "phase"),
                             subject,
                             "unknown phase \"" + phase + "\"; expected select or complete");
        }
        if (const JsonValue* logic = value.find("logic"); logic != nullptr) {
            rule.logic = *logic;
            std::string logicPointer = JsonPointer::appendKey(pointer, "logic");
            try {
                rule.compiled = JsonLogicCompiler::compile(*logic);
            } catch (const JsonLogicError& error) {
                m_checker.report(
                    ErrorCode::ProgramRulesInvalidLogic, logicPointer + error.pointer(), subject, error.what());
            }
            checkVariables(*logic, logicPointer, subject, rule.phase);
        } else {
            m_checker.report(ErrorCode::ProgramRulesInvalidField, pointer, subject, "missing field \"logic\"");
        }
        rule.blocks = m_checker.boolean(value, "blocks", pointer, subject, false);
        rule.finding = m_checker.string(value, "finding", pointer, subject);
        rule.reference = m_checker.string(value, "reference", pointer, subject);
        checkReference(ruleset, rule.reference, JsonPointer::appendKey(pointer, "reference"), subject);
        rule.rationale = m_checker.string(value, "rationale", pointer, subject);
        rule.notes = m_checker.stringArray(value, "notes", pointer, subject, false);
        rule.precautions = m_checker.stringArray(value, "precautions", pointer, subject, false);
        rule.furtherAssessment = m_checker.stringArray(value, "furtherAssessment", pointer, subject, false);
        if (const JsonValue* exercises = value.find("exercises"); exercises != nullptr) {
            std::string where = JsonPointer::appendKey(pointer, "exercises");
            if (!exercises->isArray()) {
                m_checker.report(ErrorCode::ProgramRulesInvalidField, where, subject, "expected an array");
            } else {
                for (std::size_t index = 0; index < exercises->size(); ++index) {
                    std::string itemPointer = JsonPointer::appendIndex(where, index);
                    const JsonValue& item = exercises->asArray()[index];
                    m_checker.checkKeys(item, itemPointer, subject, {"id", "priority"});
                    ProgramRuleExercise exercise{
                        m_checker.string(item, "id", itemPointer, subject),
                        m_checker.integer(item, "priority", itemPointer, subject, true).value_or(0)};
                    checkExercise(exercise.exerciseId, JsonPointer::appendKey(itemPointer, "id"), subject);
                    rule.exercises.push_back(exercise);
                }
            }
        }
        if (const JsonValue* modify = value.find("modify"); modify != nullptr) {
            std::string where = JsonPointer::appendKey(pointer, "modify");
            if (!modify->isArray()) {
                m_checker.report(ErrorCode::ProgramRulesInvalidField, where, subject, "expected an array");
            } else {
                for (std::size_t index = 0; index < modify->size(); ++index) {
                    std::string itemPointer = JsonPointer::appendIndex(where, index);
                    const JsonValue& item = modify->asArray()[index];
                    m_checker.checkKeys(
                        item, itemPointer, subject, {"exerciseIds", "tag", "nerveFriendly", "note", "precaution"});
                    ProgramRuleModification modification;
                    modification.exerciseIds = m_checker.stringArray(item, "exerciseIds", itemPointer, subject, false);
                    for (std::size_t position = 0; position < modification.exerciseIds.size(); ++position) {
                        checkExercise(
                            modification.exerciseIds[position],
                            JsonPointer::appendIndex(JsonPointer::appendKey(itemPointer, "exerciseIds"), position),
                            subject);
                    }
                    modification.tag = m_checker.string(item, "tag", itemPointer, subject, false);
                    if (modification.tag.empty() == modification.exerciseIds.empty()) {
                        m_checker.report(ErrorCode::ProgramRulesInvalidField,
                                         itemPointer,
                                         subject,
                                         "expected exactly one of \"exerciseIds\" and \"tag\"");
                    }
                    if (!modification.tag.empty()) {
                        checkTag(modification.tag, JsonPointer::appendKey(itemPointer, "tag"), subject);
                    }
                    modification.nerveFriendly = m_checker.boolean(item, "nerveFriendly", itemPointer, subject, false);
                    modification.note = m_checker.string(item, "note", itemPointer, subject, false);
                    modification.precaution = m_checker.string(item, "precaution", itemPointer, subject, false);
                    rule.modifications.push_back(std::move(modification));
                }
            }
        }
        if (rule.blocks
            && (!rule.exercises.empty() || !rule.modifications.empty() || rule.phase != ProgramRulePhase::Select)) {
            m_checker.report(ErrorCode::ProgramRulesInvalidField,
                             pointer,
                             subject,
                             "a blocking rule only blocks; expected no exercises, modifications or phase");
        }
        return rule;
    }

    void checkTag(const std::string& tag, const std::string& pointer, const std::string& subject)
    {
        const auto& exercises = m_catalogue.exercises();
        if (std::none_of(
                exercises.begin(), exercises.end(), [&](const Exercise& exercise) { return exercise.hasTag(tag); })) {
            m_checker.report(ErrorCode::ProgramRulesUnknownExercise,
                             pointer,
                             subject,
                             "no catalogue exercise has the tag \"" + tag + "\"");
        }
    }
};

std::pair<std::optional<ProgramRuleset>, std::vector<Diagnostic>>
ProgramRuleset::load(const std::filesystem::path& file, const ExerciseCatalogue& catalogue)
{
    JsonReadResult read = JsonReader::parseFile(file);
    if (!read.ok()) {
        return {std::nullopt, std::move(read.diagnostics)};
    }
    return ProgramRulesetReader(file, catalogue).read(*read.value);
}

std::pair<std::optional<ProgramRuleset>, std::vector<Diagnostic>>
ProgramRuleset::loadDefault(const ExerciseCatalogue& catalogue)
{
    return load(formsDirectory() / "program" / "program-rules.json", catalogue);
}

} // namespace backscreen::core
