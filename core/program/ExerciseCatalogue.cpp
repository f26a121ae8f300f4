#include "ExerciseCatalogue.h"

#include "core/common/DataLocator.h"
#include "core/json/JsonPointer.h"
#include "core/json/JsonReader.h"
#include "core/program/DocumentChecker.h"

#include <algorithm>
#include <regex>
#include <set>

namespace backscreen::core {

namespace {

std::string exerciseSubject(const std::string& id)
{
    return id.empty() ? std::string() : "exercise \"" + id + "\"";
}

} // namespace

/// Walks the catalogue document once, filling an ExerciseCatalogue and collecting diagnostics.
class ExerciseCatalogueReader
{
public:
    ExerciseCatalogueReader(const std::filesystem::path& file)
        : m_checker(file.string(), ErrorCode::CatalogueUnknownField, ErrorCode::CatalogueInvalidField)
        , m_folder(file.parent_path())
    {}

    ExerciseCatalogueLoadResult read(const JsonValue& root)
    {
        ExerciseCatalogue catalogue;
        if (!root.isObject()) {
            m_checker.report(ErrorCode::CatalogueInvalidField, "", "", "expected a JSON object at the top level");
            return finish(std::move(catalogue));
        }
        std::optional<int> schema = m_checker.integer(root, "schemaVersion", "", "", true);
        if (schema && *schema != ExerciseCatalogue::schemaVersion) {
            m_checker.report(ErrorCode::CatalogueUnsupportedSchema,
                             "/schemaVersion",
                             "",
                             "schemaVersion " + std::to_string(*schema) + " is not supported; expected "
                                 + std::to_string(ExerciseCatalogue::schemaVersion));
            return finish(std::move(catalogue));
        }
        m_checker.checkKeys(root,
                            "",
                            "",
                            {"id",
                             "version",
                             "schemaVersion",
                             "title",
                             "source",
                             "illustrationBase",
                             "generalRules",
                             "generatorInputs",
                             "generalActivationSet",
                             "references",
                             "exercises"});
        catalogue.m_id = m_checker.string(root, "id", "", "");
        catalogue.m_version = m_checker.string(root, "version", "", "");
        m_checker.string(root, "title", "", "", false);
        readReferences(root, catalogue);
        readGeneralRules(root, catalogue);
        readExercises(root, catalogue);
        checkCrossReferences(catalogue);
        return finish(std::move(catalogue));
    }

private:
    DocumentChecker m_checker;
    std::filesystem::path m_folder;
    // Where each exercise sits, so cross-reference diagnostics can point into it.
    std::vector<std::string> m_exercisePointers;

    ExerciseCatalogueLoadResult finish(ExerciseCatalogue catalogue)
    {
        ExerciseCatalogueLoadResult result;
        result.diagnostics = std::move(m_checker.diagnostics());
        if (!hasErrors(result.diagnostics)) {
            result.catalogue = std::move(catalogue);
        }
        return result;
    }

    void readReferences(const JsonValue& root, ExerciseCatalogue& catalogue)
    {
        const JsonValue* references = root.find("references");
        if (references == nullptr || !references->isObject()) {
            m_checker.report(
                ErrorCode::CatalogueInvalidField, "", "", "missing field \"references\"; expected an object");
            return;
        }
        for (const auto& [key, value] : references->asObject()) {
            std::string pointer = JsonPointer::appendKey("/references", key);
            m_checker.checkKeys(value, pointer, "reference \"" + key + "\"", {"citation", "url", "otherUrls"});
            catalogue.m_references[key] = m_checker.string(value, "citation", pointer, "reference \"" + key + "\"");
        }
    }

    void readGeneralRules(const JsonValue& root, ExerciseCatalogue& catalogue)
    {
        const JsonValue* rules = root.find("generalRules");
        if (rules == nullptr || !rules->isArray()) {
            m_checker.report(
                ErrorCode::CatalogueInvalidField, "", "", "missing field \"generalRules\"; expected an array");
            return;
        }
        for (std::size_t index = 0; index < rules->size(); ++index) {
            const JsonValue& rule = rules->asArray()[index];
            std::string pointer = JsonPointer::appendIndex("/generalRules", index);
            std::string id = m_checker.string(rule, "id", pointer, "");
            std::string subject = "rule \"" + id + "\"";
            for (const std::string& reference : m_checker.stringArray(rule, "references", pointer, subject, false)) {
                checkReference(catalogue, reference, JsonPointer::appendKey(pointer, "references"), subject);
            }
            if (id == "G8") {
                if (auto max = m_checker.integer(rule, "maxExercises", pointer, subject, true)) {
                    catalogue.m_maxExercises = *max;
                }
                if (auto min = m_checker.integer(rule, "minActivationExercises", pointer, subject, true)) {
                    catalogue.m_minActivationExercises = *min;
                }
            }
            std::string handoutText = m_checker.string(rule, "handoutText", pointer, subject, false);
            if (handoutText.empty()) {
                continue;
            }
            HandoutRule handoutRule{id, handoutText, {}};
            for (const std::string& name : m_checker.stringArray(rule, "appliesToCategories", pointer, subject)) {
                if (auto category = categoryFromName(name)) {
                    handoutRule.categories.push_back(*category);
                } else {
                    m_checker.report(ErrorCode::CatalogueInvalidField,
                                     JsonPointer::appendKey(pointer, "appliesToCategories"),
                                     subject,
                                     "unknown category \"" + name + "\"; expected stretch, mobility or activation");
                }
            }
            catalogue.m_handoutRules.push_back(std::move(handoutRule));
        }
    }

    static std::optional<ExerciseCategory> categoryFromName(const std::string& name)
    {
        if (name == "stretch") {
            return ExerciseCategory::Stretch;
        }
        if (name == "mobility") {
            return ExerciseCategory::Mobility;
        }
        if (name == "activation") {
            return ExerciseCategory::Activation;
        }
        return std::nullopt;
    }

    void checkReference(const ExerciseCatalogue& catalogue,
                        const std::string& reference,
                        const std::string& pointer,
                        const std::string& subject)
    {
        if (catalogue.m_references.count(reference) == 0) {
            m_checker.report(ErrorCode::CatalogueUnknownReference,
                             pointer,
                             subject,
                             "unknown reference \"" + reference + "\"; expected an id from /references");
        }
    }

    void readExercises(const JsonValue& root, ExerciseCatalogue& catalogue)
    {
        const JsonValue* exercises = root.find("exercises");
        if (exercises == nullptr || !exercises->isArray() || exercises->size() == 0) {
            m_checker.report(
                ErrorCode::CatalogueInvalidField, "", "", "missing field \"exercises\"; expected a non-empty array");
            return;
        }
        std::set<std::string> seen;
        for (std::size_t index = 0; index < exercises->size(); ++index) {
            std::string pointer = JsonPointer::appendIndex("/exercises", index);
            Exercise exercise = readExercise(exercises->asArray()[index], pointer, catalogue);
            if (!exercise.id.empty() && !seen.insert(exercise.id).second) {
                m_checker.report(ErrorCode::CatalogueDuplicateId,
                                 JsonPointer::appendKey(pointer, "id"),
                                 exerciseSubject(exercise.id),
                                 "duplicate exercise id; each exercise needs its own id");
                continue;
            }
            catalogue.m_exercises.push_back(std::move(exercise));
            m_exercisePointers.push_back(pointer);
        }
    }

    Exercise readExercise(const JsonValue& value, const std::string& pointer, const ExerciseCatalogue& catalogue)
    {
        Exercise exercise;
        if (!value.isObject()) {
            m_checker.report(ErrorCode::CatalogueInvalidField, pointer, "", "expected an exercise object");
            return exercise;
        }
        exercise.id = m_checker.string(value, "id", pointer, "");
        std::string subject = exerciseSubject(exercise.id);
        m_checker.checkKeys(value,
                            pointer,
                            subject,
                            {"id",
                             "name",
                             "category",
                             "target",
                             "indication",
                             "position",
                             "equipment",
                             "tags",
                             "perSide",
                             "startPosition",
                             "steps",
                             "nerveFriendlyForm",
                             "commonErrors",
                             "precautions",
                             "contraindications",
                             "dosage",
                             "evidence",
                             "regressions",
                             "progressions",
                             "regressionIds",
                             "progressionIds",
                             "alternativeIds",
                             "references",
                             "illustrations",
                             "illustrationBrief",
                             "levels"});
        exercise.name = m_checker.string(value, "name", pointer, subject);
        std::string category = m_checker.string(value, "category", pointer, subject);
        if (auto parsed = categoryFromName(category)) {
            exercise.category = *parsed;
        } else if (!category.empty()) {
            m_checker.report(ErrorCode::CatalogueInvalidField,
                             JsonPointer::appendKey(pointer, "category"),
                             subject,
                             "unknown category \"" + category + "\"; expected stretch, mobility or activation");
        }
        exercise.target = m_checker.string(value, "target", pointer, subject);
        exercise.startPosition = m_checker.string(value, "startPosition", pointer, subject);
        exercise.steps = m_checker.stringArray(value, "steps", pointer, subject);
        if (exercise.steps.empty()) {
            m_checker.report(ErrorCode::CatalogueInvalidField, pointer, subject, "no steps; expected at least one");
        }
        exercise.nerveFriendlyForm = m_checker.string(value, "nerveFriendlyForm", pointer, subject, false);
        exercise.commonErrors = m_checker.stringArray(value, "commonErrors", pointer, subject);
        exercise.precautions = m_checker.stringArray(value, "precautions", pointer, subject);
        exercise.contraindications = m_checker.stringArray(value, "contraindications", pointer, subject, false);
        exercise.tags = m_checker.stringArray(value, "tags", pointer, subject, false);
        m_checker.stringArray(value, "equipment", pointer, subject, false);
        m_checker.stringArray(value, "regressions", pointer, subject, false);
        m_checker.stringArray(value, "progressions", pointer, subject, false);
        m_checker.stringArray(value, "evidence", pointer, subject, false);
        exercise.regressionIds = m_checker.stringArray(value, "regressionIds", pointer, subject, false);
        exercise.progressionIds = m_checker.stringArray(value, "progressionIds", pointer, subject, false);
        exercise.alternativeIds = m_checker.stringArray(value, "alternativeIds", pointer, subject, false);
        exercise.references = m_checker.stringArray(value, "references", pointer, subject, false);
        for (std::size_t index = 0; index < exercise.references.size(); ++index) {
            checkReference(catalogue,
                           exercise.references[index],
                           JsonPointer::appendIndex(JsonPointer::appendKey(pointer, "references"), index),
                           subject);
        }
        checkCitationsInText(value, pointer, subject, catalogue);
        bool perSide = m_checker.boolean(value, "perSide", pointer, subject);
        if (const JsonValue* dosage = value.find("dosage"); dosage != nullptr && dosage->isObject()) {
            exercise.dosage = readDosage(*dosage, JsonPointer::appendKey(pointer, "dosage"), subject);
            exercise.dosageText = m_checker.string(*dosage, "text", JsonPointer::appendKey(pointer, "dosage"), subject);
        } else {
            m_checker.report(
                ErrorCode::CatalogueInvalidField, pointer, subject, "missing field \"dosage\"; expected an object");
        }
        exercise.dosage.perSide = perSide;
        readIllustrations(value, pointer, subject, exercise);
        if (const JsonValue* brief = value.find("illustrationBrief"); brief != nullptr && brief->isObject()) {
            exercise.callouts = m_checker.stringArray(
                *brief, "callouts", JsonPointer::appendKey(pointer, "illustrationBrief"), subject, false);
        }
        checkSubObjects(value, pointer, subject);
        return exercise;
    }

    // Reference ids cited inside the text ("[X5]", "[X5, X6]") must resolve as well as the list.
    void checkCitationsInText(const JsonValue& value,
                              const std::string& pointer,
                              const std::string& subject,
                              const ExerciseCatalogue& catalogue)
    {
        static const std::regex citation(R"(\[(X\d+(?:,\s*X\d+)*)\])");
        static const std::regex id(R"(X\d+)");
        for (const char* field : {"evidence", "progressions", "regressions"}) {
            const JsonValue* texts = value.find(field);
            if (texts == nullptr || !texts->isArray()) {
                continue;
            }
            for (std::size_t index = 0; index < texts->size(); ++index) {
                const JsonValue& text = texts->asArray()[index];
                if (!text.isString()) {
                    continue;
                }
                const std::string& body = text.asString();
                for (auto match = std::sregex_iterator(body.begin(), body.end(), citation);
                     match != std::sregex_iterator();
                     ++match) {
                    std::string group = (*match)[1].str();
                    for (auto one = std::sregex_iterator(group.begin(), group.end(), id); one != std::sregex_iterator();
                         ++one) {
                        checkReference(catalogue,
                                       one->str(),
                                       JsonPointer::appendIndex(JsonPointer::appendKey(pointer, field), index),
                                       subject);
                    }
                }
            }
        }
    }

    Dosage readDosage(const JsonValue& value, const std::string& pointer, const std::string& subject)
    {
        m_checker.checkKeys(value,
                            pointer,
                            subject,
                            {"mode",
                             "sets",
                             "holds",
                             "holdSeconds",
                             "reps",
                             "pauseSeconds",
                             "restSeconds",
                             "timesPerDay",
                             "everyHours",
                             "when",
                             "daysPerWeek",
                             "nonConsecutiveDays",
                             "ranges",
                             "basis",
                             "text",
                             "progressTo"});
        Dosage dosage;
        std::string mode = m_checker.string(value, "mode", pointer, subject);
        if (mode == "reps") {
            dosage.mode = DosageMode::Repetitions;
        } else if (mode != "hold" && !mode.empty()) {
            m_checker.report(ErrorCode::CatalogueInvalidField,
                             JsonPointer::appendKey(pointer, "mode"),
                             subject,
                             "unknown dosage mode \"" + mode + "\"; expected hold or reps");
        }
        const JsonValue* ranges = value.find("ranges");
        std::string rangesPointer = JsonPointer::appendKey(pointer, "ranges");
        m_checker.checkKeys(ranges == nullptr ? JsonValue() : *ranges,
                            rangesPointer,
                            subject,
                            {"sets",
                             "holds",
                             "holdSeconds",
                             "reps",
                             "pauseSeconds",
                             "restSeconds",
                             "timesPerDay",
                             "everyHours",
                             "daysPerWeek"});
        auto amount = [&](const char* key) -> std::optional<DosageRange> {
            std::optional<int> single = m_checker.integer(value, key, pointer, subject);
            if (ranges != nullptr && ranges->isObject()) {
                if (const JsonValue* range = ranges->find(key); range != nullptr) {
                    std::string where = JsonPointer::appendKey(rangesPointer, key);
                    if (!range->isArray() || range->size() != 2 || !range->asArray()[0].isNumber()
                        || !range->asArray()[1].isNumber()
                        || range->asArray()[0].asNumber() > range->asArray()[1].asNumber()) {
                        m_checker.report(ErrorCode::CatalogueInvalidField, where, subject, "expected [low, high]");
                        return single ? std::optional(DosageRange::single(*single)) : std::nullopt;
                    }
                    DosageRange parsed{static_cast<int>(range->asArray()[0].asNumber()),
                                       static_cast<int>(range->asArray()[1].asNumber())};
                    if (single && (*single < parsed.low || *single > parsed.high)) {
                        m_checker.report(ErrorCode::CatalogueInvalidField,
                                         where,
                                         subject,
                                         "range does not contain the value " + std::to_string(*single) + " given for \""
                                             + key + "\"");
                    }
                    return parsed;
                }
            }
            return single ? std::optional(DosageRange::single(*single)) : std::nullopt;
        };
        dosage.sets = amount("sets").value_or(DosageRange::single(1));
        dosage.holds = amount("holds");
        dosage.holdSeconds = amount("holdSeconds");
        dosage.repetitions = amount("reps");
        dosage.pauseSeconds = amount("pauseSeconds");
        dosage.restSeconds = amount("restSeconds");
        dosage.timesPerDay = amount("timesPerDay");
        dosage.everyHours = amount("everyHours");
        dosage.daysPerWeek = amount("daysPerWeek");
        dosage.nonConsecutiveDays = m_checker.boolean(value, "nonConsecutiveDays", pointer, subject, false);
        std::string when = m_checker.string(value, "when", pointer, subject, false);
        if (when == "while_symptomatic") {
            dosage.timing = DosageTiming::WhileSymptomatic;
        } else if (when == "after_prolonged_sitting") {
            dosage.timing = DosageTiming::AfterProlongedSitting;
        } else if (!when.empty()) {
            m_checker.report(ErrorCode::CatalogueInvalidField,
                             JsonPointer::appendKey(pointer, "when"),
                             subject,
                             "unknown timing \"" + when + "\"; expected while_symptomatic or after_prolonged_sitting");
        }
        if (dosage.mode == DosageMode::Hold && !dosage.holdSeconds) {
            m_checker.report(ErrorCode::CatalogueInvalidField, pointer, subject, "hold dosage without \"holdSeconds\"");
        }
        if (dosage.mode == DosageMode::Repetitions && !dosage.repetitions) {
            m_checker.report(ErrorCode::CatalogueInvalidField, pointer, subject, "reps dosage without \"reps\"");
        }
        return dosage;
    }

    std::filesystem::path
    illustration(const JsonValue& object, const char* key, const std::string& pointer, const std::string& subject)
    {
        std::string relative = m_checker.string(object, key, pointer, subject);
        if (relative.empty()) {
            return {};
        }
        std::filesystem::path path = m_folder / relative;
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) {
            m_checker.report(ErrorCode::CatalogueMissingIllustration,
                             JsonPointer::appendKey(pointer, key),
                             subject,
                             "illustration file \"" + relative + "\" does not exist; expected it under "
                                 + m_folder.string());
        }
        return path;
    }

    void readIllustrations(const JsonValue& value,
                           const std::string& pointer,
                           const std::string& subject,
                           Exercise& exercise)
    {
        const JsonValue* illustrations = value.find("illustrations");
        std::string where = JsonPointer::appendKey(pointer, "illustrations");
        if (illustrations == nullptr || !illustrations->isObject()) {
            m_checker.report(ErrorCode::CatalogueInvalidField,
                             pointer,
                             subject,
                             "missing field \"illustrations\"; expected an object");
            return;
        }
        m_checker.checkKeys(*illustrations, where, subject, {"start", "end", "extra"});
        exercise.startIllustration = illustration(*illustrations, "start", where, subject);
        exercise.endIllustration = illustration(*illustrations, "end", where, subject);
        if (const JsonValue* extra = illustrations->find("extra"); extra != nullptr && extra->isArray()) {
            for (std::size_t index = 0; index < extra->size(); ++index) {
                std::string extraPointer = JsonPointer::appendIndex(JsonPointer::appendKey(where, "extra"), index);
                m_checker.checkKeys(extra->asArray()[index], extraPointer, subject, {"role", "file"});
                illustration(extra->asArray()[index], "file", extraPointer, subject);
            }
        }
    }

    // Objects the handout does not read are still checked for unknown fields and missing files.
    void checkSubObjects(const JsonValue& value, const std::string& pointer, const std::string& subject)
    {
        if (const JsonValue* indication = value.find("indication")) {
            m_checker.checkKeys(*indication,
                                JsonPointer::appendKey(pointer, "indication"),
                                subject,
                                {"text", "findings", "condition", "anyProgram", "excludeWhen"});
        }
        if (const JsonValue* brief = value.find("illustrationBrief")) {
            m_checker.checkKeys(
                *brief, JsonPointer::appendKey(pointer, "illustrationBrief"), subject, {"start", "end", "callouts"});
        }
        if (const JsonValue* levels = value.find("levels"); levels != nullptr && levels->isArray()) {
            for (std::size_t index = 0; index < levels->size(); ++index) {
                std::string levelPointer = JsonPointer::appendIndex(JsonPointer::appendKey(pointer, "levels"), index);
                const JsonValue& level = levels->asArray()[index];
                m_checker.checkKeys(
                    level, levelPointer, subject, {"level", "text", "holdSeconds", "holdSecondsRange", "illustration"});
                if (level.find("illustration") != nullptr) {
                    illustration(level, "illustration", levelPointer, subject);
                }
            }
        }
    }

    void checkCrossReferences(const ExerciseCatalogue& catalogue)
    {
        for (std::size_t index = 0; index < catalogue.m_exercises.size(); ++index) {
            const Exercise& exercise = catalogue.m_exercises[index];
            const std::string& pointer = m_exercisePointers[index];
            auto check = [&](const std::vector<std::string>& ids, const char* field) {
                for (std::size_t position = 0; position < ids.size(); ++position) {
                    if (catalogue.find(ids[position]) == nullptr) {
                        m_checker.report(ErrorCode::CatalogueDanglingExerciseId,
                                         JsonPointer::appendIndex(JsonPointer::appendKey(pointer, field), position),
                                         exerciseSubject(exercise.id),
                                         "\"" + ids[position] + "\" names no exercise in the catalogue");
                    }
                }
            };
            check(exercise.regressionIds, "regressionIds");
            check(exercise.progressionIds, "progressionIds");
            check(exercise.alternativeIds, "alternativeIds");
        }
    }
};

ExerciseCatalogueLoadResult ExerciseCatalogue::load(const std::filesystem::path& file)
{
    JsonReadResult read = JsonReader::parseFile(file);
    if (!read.ok()) {
        return {std::nullopt, std::move(read.diagnostics)};
    }
    return ExerciseCatalogueReader(file).read(*read.value);
}

ExerciseCatalogueLoadResult ExerciseCatalogue::loadDefault()
{
    return load(formsDirectory() / "exercises" / "exercises.json");
}

const Exercise* ExerciseCatalogue::find(const std::string& exerciseId) const
{
    auto found = std::find_if(
        m_exercises.begin(), m_exercises.end(), [&](const Exercise& exercise) { return exercise.id == exerciseId; });
    return found == m_exercises.end() ? nullptr : &*found;
}

} // namespace backscreen::core
