#include "OutcomeMeasures.h"

#include "core/common/DataLocator.h"
#include "core/json/JsonPointer.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/ScoringAlgorithm.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace backscreen::core {

/// Reads measures.json member by member, collecting every problem with its JSON pointer.
class OutcomeMeasuresLoader
{
public:
    explicit OutcomeMeasuresLoader(std::string source)
        : m_source(std::move(source))
    {}

    OutcomeMeasuresLoadResult load(const JsonValue& document)
    {
        OutcomeMeasures measures;
        if (!document.isObject()) {
            error(ErrorCode::OutcomeMeasuresInvalid, "", "", "the document is not a JSON object; expected an object");
            return finish(std::move(measures));
        }
        const JsonValue* schema = document.find("schemaVersion");
        if (schema == nullptr || !schema->isNumber() || schema->asNumber() != OutcomeMeasures::schemaVersion) {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  "/schemaVersion",
                  "",
                  "schemaVersion is " + (schema == nullptr ? std::string("missing") : JsonWriter::write(*schema))
                      + "; expected " + std::to_string(OutcomeMeasures::schemaVersion));
            return finish(std::move(measures));
        }
        measures.m_rulesetId = text(document, "", "id");
        if (!measures.m_rulesetId.empty() && measures.m_rulesetId != "outcomes") {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  "/id",
                  "",
                  "id is \"" + measures.m_rulesetId + "\"; expected \"outcomes\"");
        }
        measures.m_rulesetVersion = text(document, "", "version");
        readReferences(document, measures);
        readInstruments(document, measures);
        return finish(std::move(measures));
    }

private:
    std::string m_source;
    std::vector<Diagnostic> m_diagnostics;
    std::set<std::string> m_referenceIds;

    OutcomeMeasuresLoadResult finish(OutcomeMeasures measures)
    {
        OutcomeMeasuresLoadResult result;
        result.diagnostics = std::move(m_diagnostics);
        if (!hasErrors(result.diagnostics)) {
            result.measures = std::move(measures);
        }
        return result;
    }

    void error(ErrorCode code, std::string pointer, std::string subject, std::string message)
    {
        m_diagnostics.push_back(
            {code, Severity::Error, m_source, std::move(pointer), std::move(subject), std::move(message)});
    }

    const JsonValue* member(const JsonValue& object, const std::string& pointer, const char* key, JsonValue::Type type)
    {
        const JsonValue* value = object.find(key);
        static const char* typeNames[] = {"null", "a boolean", "a number", "a string", "an array", "an object"};
        if (value == nullptr || value->type() != type) {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(pointer, key),
                  "",
                  std::string(value == nullptr ? "missing member" : "wrong type") + " \"" + key + "\"; expected "
                      + typeNames[static_cast<int>(type)]);
            return nullptr;
        }
        return value;
    }

    std::string text(const JsonValue& object, const std::string& pointer, const char* key)
    {
        const JsonValue* value = member(object, pointer, key, JsonValue::Type::String);
        return value == nullptr ? std::string() : value->asString();
    }

    double number(const JsonValue& object, const std::string& pointer, const char* key)
    {
        const JsonValue* value = member(object, pointer, key, JsonValue::Type::Number);
        return value == nullptr ? 0.0 : value->asNumber();
    }

    std::optional<double> optionalNumber(const JsonValue& object, const std::string& pointer, const char* key)
    {
        if (object.find(key) == nullptr) {
            return std::nullopt;
        }
        return number(object, pointer, key);
    }

    int integer(const JsonValue& object, const std::string& pointer, const char* key)
    {
        double value = number(object, pointer, key);
        if (value != std::trunc(value) || std::fabs(value) > 1e6) {
            // Built by appending: GCC 12 at -O3 warns falsely (-Wrestrict, bug 105329) on "literal" + string.
            std::string message = "\"";
            message.append(key).append("\" is not an integer; expected a whole number");
            error(ErrorCode::OutcomeMeasuresInvalid, JsonPointer::appendKey(pointer, key), "", std::move(message));
            return 0;
        }
        return static_cast<int>(value);
    }

    std::vector<std::string> strings(const JsonValue& object, const std::string& pointer, const char* key)
    {
        std::vector<std::string> result;
        const JsonValue* array = member(object, pointer, key, JsonValue::Type::Array);
        if (array == nullptr) {
            return result;
        }
        std::string arrayPointer = JsonPointer::appendKey(pointer, key);
        for (std::size_t i = 0; i < array->asArray().size(); ++i) {
            const JsonValue& element = array->asArray()[i];
            if (!element.isString()) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendIndex(arrayPointer, i),
                      "",
                      "element is not a string; expected a string");
                continue;
            }
            result.push_back(element.asString());
        }
        return result;
    }

    std::vector<std::string>
    referenceList(const JsonValue& object, const std::string& pointer, const std::string& subject)
    {
        std::vector<std::string> ids = strings(object, pointer, "references");
        std::string arrayPointer = JsonPointer::appendKey(pointer, "references");
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (m_referenceIds.count(ids[i]) == 0) {
                error(ErrorCode::OutcomeReferenceUnresolved,
                      JsonPointer::appendIndex(arrayPointer, i),
                      subject,
                      "unknown reference \"" + ids[i] + "\"; expected the id of an entry in /references");
            }
        }
        return ids;
    }

    void readReferences(const JsonValue& document, OutcomeMeasures& measures)
    {
        const JsonValue* references = member(document, "", "references", JsonValue::Type::Array);
        if (references == nullptr) {
            return;
        }
        for (std::size_t i = 0; i < references->asArray().size(); ++i) {
            const JsonValue& entry = references->asArray()[i];
            std::string pointer = JsonPointer::appendIndex("/references", i);
            if (!entry.isObject()) {
                error(ErrorCode::OutcomeMeasuresInvalid, pointer, "", "reference is not an object; expected an object");
                continue;
            }
            OutcomeReference reference{text(entry, pointer, "id"),
                                       text(entry, pointer, "short"),
                                       text(entry, pointer, "citation"),
                                       text(entry, pointer, "url")};
            if (!reference.id.empty() && !m_referenceIds.insert(reference.id).second) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(pointer, "id"),
                      "reference \"" + reference.id + "\"",
                      "duplicate reference id; expected each id once");
            }
            measures.m_references.push_back(std::move(reference));
        }
    }

    void readInstruments(const JsonValue& document, OutcomeMeasures& measures)
    {
        const JsonValue* instruments = member(document, "", "instruments", JsonValue::Type::Array);
        if (instruments == nullptr) {
            return;
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < instruments->asArray().size(); ++i) {
            const JsonValue& entry = instruments->asArray()[i];
            std::string pointer = JsonPointer::appendIndex("/instruments", i);
            if (!entry.isObject()) {
                error(
                    ErrorCode::OutcomeMeasuresInvalid, pointer, "", "instrument is not an object; expected an object");
                continue;
            }
            InstrumentDefinition instrument = readInstrument(entry, pointer);
            if (!instrument.id.empty() && !seen.insert(instrument.id).second) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(pointer, "id"),
                      "instrument \"" + instrument.id + "\"",
                      "duplicate instrument id; expected each id once");
            }
            measures.m_instruments.push_back(std::move(instrument));
        }
        for (const ScoringAlgorithm& algorithm : scoringAlgorithms()) {
            if (seen.count(algorithm.instrument) == 0) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      "/instruments",
                      "instrument \"" + algorithm.instrument + "\"",
                      "instrument missing; expected an entry for every scored instrument");
            }
        }
    }

    InstrumentDefinition readInstrument(const JsonValue& entry, const std::string& pointer)
    {
        InstrumentDefinition instrument;
        instrument.id = text(entry, pointer, "id");
        std::string subject = "instrument \"" + instrument.id + "\"";
        const ScoringAlgorithm* algorithm = findScoringAlgorithm(instrument.id);
        if (algorithm == nullptr && !instrument.id.empty()) {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(pointer, "id"),
                  subject,
                  "no scoring algorithm for this instrument; expected one of nprs, odi, rmdq, psfs, sbst, pgic");
        }
        instrument.title = text(entry, pointer, "title");
        instrument.shortTitle = text(entry, pointer, "shortTitle");
        instrument.version = text(entry, pointer, "version");
        if (const JsonValue* versionInput = entry.find("versionInput"); versionInput != nullptr) {
            instrument.versionInput = text(entry, pointer, "versionInput");
        }
        instrument.questionnaire = text(entry, pointer, "questionnaire");
        instrument.min = number(entry, pointer, "min");
        instrument.max = number(entry, pointer, "max");
        if (std::fabs(instrument.min) > 1000.0 || std::fabs(instrument.max) > 1000.0) {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(pointer, "max"),
                  subject,
                  "min or max out of range; expected values from -1000 to 1000");
        } else if (instrument.min >= instrument.max) {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(pointer, "max"),
                  subject,
                  "max is not above min; expected min < max");
        }
        std::string better = text(entry, pointer, "betterIs");
        if (better != "lower" && better != "higher") {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(pointer, "betterIs"),
                  subject,
                  "betterIs is \"" + better + "\"; expected \"lower\" or \"higher\"");
        }
        instrument.lowerIsBetter = better != "higher";
        instrument.displayDecimals = integer(entry, pointer, "displayDecimals");
        if (instrument.displayDecimals < 0 || instrument.displayDecimals > 3) {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(pointer, "displayDecimals"),
                  subject,
                  "displayDecimals out of range; expected 0 to 3");
        }
        instrument.unit = text(entry, pointer, "unit");
        instrument.references = referenceList(entry, pointer, subject);
        readInputs(entry, pointer, subject, algorithm, instrument);
        readParameters(entry, pointer, subject, algorithm, instrument);
        readBands(entry, pointer, subject, algorithm, instrument);
        readChange(entry, pointer, subject, algorithm, instrument);
        if (const JsonValue* licence = member(entry, pointer, "licence", JsonValue::Type::Object); licence != nullptr) {
            std::string licencePointer = JsonPointer::appendKey(pointer, "licence");
            instrument.licence = text(*licence, licencePointer, "status");
            if (const JsonValue* ship = member(*licence, licencePointer, "shipItemText", JsonValue::Type::Bool)) {
                instrument.shipItemText = ship->asBool();
            }
            if (licence->find("references") != nullptr) {
                instrument.licenceReferences = referenceList(*licence, licencePointer, subject);
            }
        }
        if (!instrument.versionInput.empty() && instrument.input(instrument.versionInput) == nullptr) {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(pointer, "versionInput"),
                  subject,
                  "versionInput \"" + instrument.versionInput + "\" is not an input; expected one of the inputs");
        }
        return instrument;
    }

    void readInputs(const JsonValue& entry,
                    const std::string& pointer,
                    const std::string& subject,
                    const ScoringAlgorithm* algorithm,
                    InstrumentDefinition& instrument)
    {
        const JsonValue* inputs = member(entry, pointer, "inputs", JsonValue::Type::Array);
        if (inputs == nullptr) {
            return;
        }
        std::string inputsPointer = JsonPointer::appendKey(pointer, "inputs");
        for (std::size_t i = 0; i < inputs->asArray().size(); ++i) {
            const JsonValue& element = inputs->asArray()[i];
            std::string inputPointer = JsonPointer::appendIndex(inputsPointer, i);
            if (!element.isObject()) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      inputPointer,
                      subject,
                      "input is not an object; expected an object");
                continue;
            }
            OutcomeInput input;
            input.linkId = text(element, inputPointer, "linkId");
            input.label = text(element, inputPointer, "label");
            std::string type = text(element, inputPointer, "type");
            if (type == "integer") {
                input.type = OutcomeInputType::Integer;
                input.min = integer(element, inputPointer, "min");
                input.max = integer(element, inputPointer, "max");
            } else if (type == "boolean") {
                input.type = OutcomeInputType::Boolean;
            } else if (type == "code") {
                input.type = OutcomeInputType::Code;
                if (element.find("values") != nullptr) {
                    input.values = strings(element, inputPointer, "values");
                }
            } else if (type == "text") {
                input.type = OutcomeInputType::Text;
            } else {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(inputPointer, "type"),
                      "linkId \"" + input.linkId + "\"",
                      "unknown input type \"" + type + "\"; expected integer, boolean, code or text");
            }
            if (element.find("default") != nullptr) {
                input.defaultValue = text(element, inputPointer, "default");
            }
            if (element.find("topic") != nullptr) {
                input.topic = text(element, inputPointer, "topic");
            }
            if (algorithm != nullptr) {
                auto expected = std::find_if(algorithm->inputs.begin(), algorithm->inputs.end(), [&](const auto& pair) {
                    return pair.first == input.linkId;
                });
                if (expected == algorithm->inputs.end()) {
                    error(ErrorCode::OutcomeMeasuresInvalid,
                          JsonPointer::appendKey(inputPointer, "linkId"),
                          "linkId \"" + input.linkId + "\"",
                          "the " + instrument.id + " scoring does not read this input; expected an input of §0.1");
                } else if (expected->second != input.type) {
                    error(ErrorCode::OutcomeMeasuresInvalid,
                          JsonPointer::appendKey(inputPointer, "type"),
                          "linkId \"" + input.linkId + "\"",
                          "type is " + type + "; expected " + outcomeInputTypeName(expected->second));
                }
            }
            if (instrument.input(input.linkId) != nullptr) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(inputPointer, "linkId"),
                      "linkId \"" + input.linkId + "\"",
                      "duplicate input; expected each linkId once");
            }
            instrument.inputs.push_back(std::move(input));
        }
        if (algorithm != nullptr) {
            for (const auto& [linkId, type] : algorithm->inputs) {
                if (instrument.input(linkId) == nullptr) {
                    error(ErrorCode::OutcomeMeasuresInvalid,
                          inputsPointer,
                          "linkId \"" + linkId + "\"",
                          "input missing; the " + instrument.id + " scoring reads it");
                }
            }
        }
    }

    void readParameters(const JsonValue& entry,
                        const std::string& pointer,
                        const std::string& subject,
                        const ScoringAlgorithm* algorithm,
                        InstrumentDefinition& instrument)
    {
        const JsonValue* parameters = member(entry, pointer, "parameters", JsonValue::Type::Object);
        if (parameters == nullptr) {
            return;
        }
        std::string parametersPointer = JsonPointer::appendKey(pointer, "parameters");
        for (const auto& [name, value] : parameters->asObject()) {
            if (!value.isNumber()) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(parametersPointer, name),
                      subject,
                      "parameter \"" + name + "\" is not a number; expected a number");
                continue;
            }
            if (value.asNumber() < 0.0 || value.asNumber() > 1000.0) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(parametersPointer, name),
                      subject,
                      "parameter \"" + name + "\" out of range; expected 0 to 1000");
                continue;
            }
            instrument.parameters[name] = value.asNumber();
        }
        if (algorithm != nullptr) {
            for (const std::string& name : algorithm->parameters) {
                if (instrument.parameters.find(name) == instrument.parameters.end()) {
                    error(ErrorCode::OutcomeMeasuresInvalid,
                          parametersPointer,
                          subject,
                          "parameter \"" + name + "\" missing; the " + instrument.id + " scoring reads it");
                }
            }
        }
    }

    void readBands(const JsonValue& entry,
                   const std::string& pointer,
                   const std::string& subject,
                   const ScoringAlgorithm* algorithm,
                   InstrumentDefinition& instrument)
    {
        const JsonValue* bands = member(entry, pointer, "bands", JsonValue::Type::Array);
        if (bands == nullptr) {
            return;
        }
        std::string bandsPointer = JsonPointer::appendKey(pointer, "bands");
        for (std::size_t i = 0; i < bands->asArray().size(); ++i) {
            const JsonValue& element = bands->asArray()[i];
            std::string bandPointer = JsonPointer::appendIndex(bandsPointer, i);
            if (!element.isObject()) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      bandPointer,
                      subject,
                      "band is not an object; expected an object");
                continue;
            }
            ScoreBand band;
            band.id = text(element, bandPointer, "id");
            band.label = text(element, bandPointer, "label");
            band.upper = optionalNumber(element, bandPointer, "upper");
            band.references = referenceList(element, bandPointer, "band \"" + band.id + "\"");
            if (band.upper && !instrument.bands.empty() && instrument.bands.back().upper
                && *band.upper <= *instrument.bands.back().upper) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(bandPointer, "upper"),
                      "band \"" + band.id + "\"",
                      "upper edge not above the previous band's; expected ascending edges");
            }
            instrument.bands.push_back(std::move(band));
        }
        if (algorithm == nullptr) {
            return;
        }
        if (algorithm->edgeBands) {
            bool allEdges = std::all_of(
                instrument.bands.begin(), instrument.bands.end(), [](const ScoreBand& band) { return band.upper; });
            if (instrument.bands.empty() || !allEdges || *instrument.bands.back().upper != instrument.max) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      bandsPointer,
                      subject,
                      "bands do not cover the range; expected every band with an upper edge, the last at max");
            }
        }
        for (const std::string& id : algorithm->ruleBands) {
            if (instrument.band(id) == nullptr) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      bandsPointer,
                      "band \"" + id + "\"",
                      "band missing; the " + instrument.id + " scoring assigns it");
            }
        }
    }

    void readChange(const JsonValue& entry,
                    const std::string& pointer,
                    const std::string& subject,
                    const ScoringAlgorithm* algorithm,
                    InstrumentDefinition& instrument)
    {
        const JsonValue* change = member(entry, pointer, "change", JsonValue::Type::Object);
        if (change == nullptr) {
            return;
        }
        std::string changePointer = JsonPointer::appendKey(pointer, "change");
        ChangeRule& rule = instrument.change;
        std::string kind = text(*change, changePointer, "kind");
        rule.references = referenceList(*change, changePointer, subject);
        if (kind == "none") {
            rule.kind = ChangeRuleKind::None;
            rule.reason = text(*change, changePointer, "reason");
        } else if (kind == "rating") {
            rule.kind = ChangeRuleKind::Rating;
            readRatingCategories(*change, changePointer, subject, instrument);
        } else if (kind == "threshold") {
            rule.kind = ChangeRuleKind::Threshold;
            rule.thresholdName = text(*change, changePointer, "thresholdName");
            rule.absolute = number(*change, changePointer, "absolute");
            if (rule.absolute <= 0.0) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(changePointer, "absolute"),
                      subject,
                      "absolute threshold not positive; expected a number above 0");
            }
            rule.relative = optionalNumber(*change, changePointer, "relative");
            if (rule.relative && (*rule.relative <= 0.0 || *rule.relative >= 1.0)) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(changePointer, "relative"),
                      subject,
                      "relative threshold out of range; expected a fraction between 0 and 1 (0.30 for 30 %)");
            }
            rule.perActivityAbsolute = optionalNumber(*change, changePointer, "perActivityAbsolute");
            readComponents(*change, changePointer, subject, algorithm, rule);
        } else {
            error(ErrorCode::OutcomeMeasuresInvalid,
                  JsonPointer::appendKey(changePointer, "kind"),
                  subject,
                  "unknown change kind \"" + kind + "\"; expected threshold, rating or none");
        }
    }

    void readComponents(const JsonValue& change,
                        const std::string& changePointer,
                        const std::string& subject,
                        const ScoringAlgorithm* algorithm,
                        ChangeRule& rule)
    {
        const JsonValue* components = member(change, changePointer, "components", JsonValue::Type::Array);
        if (components == nullptr) {
            return;
        }
        std::string componentsPointer = JsonPointer::appendKey(changePointer, "components");
        for (std::size_t i = 0; i < components->asArray().size(); ++i) {
            const JsonValue& element = components->asArray()[i];
            std::string componentPointer = JsonPointer::appendIndex(componentsPointer, i);
            if (!element.isObject()) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      componentPointer,
                      subject,
                      "component is not an object; expected an object");
                continue;
            }
            ChangeComponentDefinition component{text(element, componentPointer, "key"),
                                                text(element, componentPointer, "label")};
            bool known = component.key == "score"
                         || (algorithm != nullptr
                             && std::find(algorithm->subscales.begin(), algorithm->subscales.end(), component.key)
                                    != algorithm->subscales.end());
            if (!known) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(componentPointer, "key"),
                      subject,
                      "unknown component \"" + component.key + "\"; expected \"score\" or a subscale key");
            }
            rule.components.push_back(std::move(component));
        }
        if (rule.components.empty()) {
            error(
                ErrorCode::OutcomeMeasuresInvalid, componentsPointer, subject, "no components; expected at least one");
        }
    }

    void readRatingCategories(const JsonValue& change,
                              const std::string& changePointer,
                              const std::string& subject,
                              InstrumentDefinition& instrument)
    {
        const JsonValue* categories = member(change, changePointer, "categories", JsonValue::Type::Array);
        if (categories == nullptr) {
            return;
        }
        std::string categoriesPointer = JsonPointer::appendKey(changePointer, "categories");
        std::set<int> covered;
        for (std::size_t i = 0; i < categories->asArray().size(); ++i) {
            const JsonValue& element = categories->asArray()[i];
            std::string categoryPointer = JsonPointer::appendIndex(categoriesPointer, i);
            if (!element.isObject()) {
                error(ErrorCode::OutcomeMeasuresInvalid, categoryPointer, subject, "category is not an object");
                continue;
            }
            RatingCategory category;
            std::string name = text(element, categoryPointer, "category");
            if (auto parsed = parseChangeCategory(name)) {
                category.category = *parsed;
            } else {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      JsonPointer::appendKey(categoryPointer, "category"),
                      subject,
                      "unknown change category \"" + name + "\"; expected a category of §1");
            }
            if (const JsonValue* values = member(element, categoryPointer, "values", JsonValue::Type::Array)) {
                for (const JsonValue& value : values->asArray()) {
                    if (!value.isNumber() || value.asNumber() != std::trunc(value.asNumber())
                        || !covered.insert(static_cast<int>(value.asNumber())).second) {
                        error(ErrorCode::OutcomeMeasuresInvalid,
                              JsonPointer::appendKey(categoryPointer, "values"),
                              subject,
                              "rating values must be distinct integers; expected each rating once");
                        break;
                    }
                    category.values.push_back(static_cast<int>(value.asNumber()));
                }
            }
            instrument.change.categories.push_back(std::move(category));
        }
        for (int rating = static_cast<int>(instrument.min); rating <= static_cast<int>(instrument.max); ++rating) {
            if (covered.count(rating) == 0) {
                error(ErrorCode::OutcomeMeasuresInvalid,
                      categoriesPointer,
                      subject,
                      "rating " + std::to_string(rating) + " has no category; expected every rating from min to max");
            }
        }
    }
};

OutcomeMeasuresLoadResult OutcomeMeasures::load(const JsonValue& document, const std::string& source)
{
    return OutcomeMeasuresLoader(source).load(document);
}

OutcomeMeasuresLoadResult OutcomeMeasures::loadFile(const std::filesystem::path& path)
{
    JsonReadResult read = JsonReader::parseFile(path);
    if (!read.ok()) {
        OutcomeMeasuresLoadResult result;
        result.diagnostics = std::move(read.diagnostics);
        return result;
    }
    return load(*read.value, path.string());
}

OutcomeMeasuresLoadResult OutcomeMeasures::loadDefault()
{
    return loadFile(formsDirectory() / "outcomes" / "measures.json");
}

const InstrumentDefinition* OutcomeMeasures::find(std::string_view instrumentId) const
{
    auto found = std::find_if(m_instruments.begin(), m_instruments.end(), [&](const InstrumentDefinition& instrument) {
        return instrument.id == instrumentId;
    });
    return found == m_instruments.end() ? nullptr : &*found;
}

const InstrumentDefinition* OutcomeMeasures::findByQuestionnaire(std::string_view canonical) const
{
    std::string_view url = canonical.substr(0, canonical.find('|'));
    auto found = std::find_if(m_instruments.begin(), m_instruments.end(), [&](const InstrumentDefinition& instrument) {
        return instrument.questionnaire == url;
    });
    return found == m_instruments.end() ? nullptr : &*found;
}

const InstrumentDefinition* OutcomeMeasures::findByLinkId(std::string_view linkId) const
{
    auto found = std::find_if(m_instruments.begin(), m_instruments.end(), [&](const InstrumentDefinition& instrument) {
        return instrument.input(linkId) != nullptr;
    });
    return found == m_instruments.end() ? nullptr : &*found;
}

const OutcomeReference* OutcomeMeasures::reference(std::string_view referenceId) const
{
    auto found = std::find_if(m_references.begin(), m_references.end(), [&](const OutcomeReference& reference) {
        return reference.id == referenceId;
    });
    return found == m_references.end() ? nullptr : &*found;
}

std::string OutcomeMeasures::citeShort(const std::vector<std::string>& referenceIds) const
{
    std::string text;
    for (const std::string& id : referenceIds) {
        if (const OutcomeReference* found = reference(id)) {
            text += text.empty() ? found->shortName : ", " + found->shortName;
        }
    }
    return text;
}

} // namespace backscreen::core
