#include "FhirDocument.h"

#include "core/fhir/QuestionnaireParser.h"
#include "core/fhir/QuestionnaireValidator.h"
#include "core/json/JsonPointer.h"
#include "core/json/JsonReader.h"

#include <utility>

namespace backscreen::core {

namespace {

std::string resourceTypeOf(const JsonValue& resource)
{
    const JsonValue* type = resource.find("resourceType");
    return type != nullptr && type->isString() ? type->asString() : std::string();
}

void append(std::vector<Diagnostic>& to, std::vector<Diagnostic> from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

} // namespace

FhirDocument FhirDocument::loadFile(const std::filesystem::path& path)
{
    JsonReadResult read = JsonReader::parseFile(path);
    if (!read.ok()) {
        FhirDocument document;
        document.source = path.string();
        document.diagnostics = std::move(read.diagnostics);
        return document;
    }
    return load(*read.value, path.string());
}

FhirDocument FhirDocument::load(const JsonValue& json, const std::string& source)
{
    FhirDocument document;
    document.source = source;
    document.readable = true;
    document.json = json;
    std::string type = resourceTypeOf(json);

    std::vector<std::pair<const JsonValue*, std::string>> resources;
    if (type == "Bundle") {
        const JsonValue* entries = json.find("entry");
        if (entries != nullptr && !entries->isArray()) {
            document.diagnostics.push_back({ErrorCode::FhirElementType,
                                            Severity::Error,
                                            source,
                                            "/entry",
                                            {},
                                            "entry is not an array; expected the Bundle's entries"});
        }
        if (entries != nullptr && entries->isArray()) {
            for (std::size_t i = 0; i < entries->size(); ++i) {
                const JsonValue& entry = entries->asArray()[i];
                std::string pointer = JsonPointer::appendIndex("/entry", i);
                const JsonValue* resource = entry.find("resource");
                if (resource == nullptr) {
                    continue; // e.g. a delete request: nothing to check
                }
                std::string entryType = resourceTypeOf(*resource);
                std::string resourcePointer = JsonPointer::appendKey(pointer, "resource");
                if (entryType == "ValueSet") {
                    const JsonValue* fullUrl = entry.find("fullUrl");
                    if (auto valueSet = ValueSet::fromJson(*resource)) {
                        document.valueSets.add(
                            *valueSet, fullUrl != nullptr && fullUrl->isString() ? fullUrl->asString() : std::string());
                    }
                } else if (entryType == "Questionnaire" || entryType == "QuestionnaireResponse") {
                    resources.emplace_back(resource, resourcePointer);
                } else {
                    document.diagnostics.push_back(
                        {ErrorCode::FhirUnknownResource,
                         Severity::Warning,
                         source,
                         JsonPointer::appendKey(resourcePointer, "resourceType"),
                         {},
                         "a " + (entryType.empty() ? std::string("resource without resourceType") : entryType)
                             + " entry is not checked; expected Questionnaire, QuestionnaireResponse or ValueSet"});
                }
            }
        }
    } else if (type == "ValueSet") {
        if (auto valueSet = ValueSet::fromJson(json)) {
            document.valueSets.add(*valueSet);
        }
    } else if (type == "Questionnaire" || type == "QuestionnaireResponse") {
        resources.emplace_back(&json, std::string());
    } else {
        std::string found = !json.isObject() ? std::string("a JSON ") + jsonTypeName(json)
                            : type.empty()   ? std::string("a resource without resourceType")
                                             : "resourceType \"" + type + "\"";
        document.diagnostics.push_back(
            {ErrorCode::FhirWrongResourceType,
             Severity::Error,
             source,
             json.isObject() ? "/resourceType" : "",
             {},
             "the document is " + found + "; expected Questionnaire, QuestionnaireResponse, ValueSet or Bundle"});
    }

    for (const auto& [resource, pointer] : resources) {
        if (resourceTypeOf(*resource) == "Questionnaire") {
            QuestionnaireParseResult parsed =
                QuestionnaireParser::parse(*resource, source, pointer, &document.valueSets);
            append(document.diagnostics, std::move(parsed.diagnostics));
            append(document.diagnostics, QuestionnaireValidator::validate(parsed.questionnaire, source));
            document.questionnaires.push_back(std::move(parsed.questionnaire));
        } else {
            QuestionnaireResponseParseResult parsed = QuestionnaireResponse::parse(*resource, source, pointer);
            append(document.diagnostics, std::move(parsed.diagnostics));
            document.responses.push_back(std::move(parsed.response));
        }
    }
    return document;
}

} // namespace backscreen::core
