#include "Program.h"

#include "core/common/Error.h"
#include "core/json/JsonPointer.h"
#include "core/json/JsonWriter.h"

#include <algorithm>
#include <cmath>

namespace backscreen::core {

std::size_t Program::indexOf(const std::string& exerciseId) const
{
    auto found = std::find_if(exercises.begin(), exercises.end(), [&](const ProgramExercise& exercise) {
        return exercise.exerciseId == exerciseId;
    });
    return static_cast<std::size_t>(found - exercises.begin());
}

namespace {

[[noreturn]] void rejectEdit(const std::string& message)
{
    throw Error(ErrorCode::ProgramEditRejected, "program: " + message);
}

} // namespace

void Program::addExercise(ProgramExercise exercise, std::size_t position)
{
    if (exercise.exerciseId.empty()) {
        rejectEdit("an exercise needs an id");
    }
    if (contains(exercise.exerciseId)) {
        rejectEdit("exercise \"" + exercise.exerciseId + "\" is already in the program; change its dosage instead");
    }
    position = std::min(position, exercises.size());
    exercises.insert(exercises.begin() + static_cast<std::ptrdiff_t>(position), std::move(exercise));
}

void Program::removeExercise(const std::string& exerciseId)
{
    std::size_t index = indexOf(exerciseId);
    if (index == exercises.size()) {
        rejectEdit("exercise \"" + exerciseId + "\" is not in the program");
    }
    exercises.erase(exercises.begin() + static_cast<std::ptrdiff_t>(index));
}

void Program::moveExercise(const std::string& exerciseId, std::size_t newIndex)
{
    std::size_t index = indexOf(exerciseId);
    if (index == exercises.size()) {
        rejectEdit("exercise \"" + exerciseId + "\" is not in the program");
    }
    if (newIndex >= exercises.size()) {
        rejectEdit("position " + std::to_string(newIndex + 1) + " is past the end; expected 1 to "
                   + std::to_string(exercises.size()));
    }
    ProgramExercise moving = std::move(exercises[index]);
    exercises.erase(exercises.begin() + static_cast<std::ptrdiff_t>(index));
    exercises.insert(exercises.begin() + static_cast<std::ptrdiff_t>(newIndex), std::move(moving));
}

void Program::setDosage(const std::string& exerciseId, const Dosage& dosage)
{
    std::size_t index = indexOf(exerciseId);
    if (index == exercises.size()) {
        rejectEdit("exercise \"" + exerciseId + "\" is not in the program");
    }
    exercises[index].dosage = dosage;
}

void Program::setNote(const std::string& exerciseId, const std::string& note)
{
    std::size_t index = indexOf(exerciseId);
    if (index == exercises.size()) {
        rejectEdit("exercise \"" + exerciseId + "\" is not in the program");
    }
    exercises[index].note = note;
}

void Program::addNote(const std::string& note)
{
    if (std::find(notes.begin(), notes.end(), note) == notes.end()) {
        notes.push_back(note);
    }
}

void Program::addPrecaution(const std::string& precaution)
{
    if (std::find(precautions.begin(), precautions.end(), precaution) == precautions.end()) {
        precautions.push_back(precaution);
    }
}

namespace {

JsonValue stringsToJson(const std::vector<std::string>& strings)
{
    JsonValue::Array array;
    for (const std::string& text : strings) {
        array.emplace_back(text);
    }
    return JsonValue(std::move(array));
}

[[noreturn]] void invalid(const std::string& source, const std::string& pointer, const std::string& what)
{
    throw Error(ErrorCode::ProgramInvalid, source + ": program at " + (pointer.empty() ? "/" : pointer) + ": " + what);
}

const JsonValue& member(const JsonValue& object,
                        const char* key,
                        JsonValue::Type type,
                        const std::string& source,
                        const std::string& pointer)
{
    const JsonValue* value = object.find(key);
    if (value == nullptr) {
        invalid(source, pointer, std::string("missing field \"") + key + "\"");
    }
    if (value->type() != type) {
        invalid(source, JsonPointer::appendKey(pointer, key), "wrong type");
    }
    return *value;
}

std::vector<std::string>
stringsFromJson(const JsonValue& object, const char* key, const std::string& source, const std::string& pointer)
{
    std::vector<std::string> strings;
    const JsonValue& array = member(object, key, JsonValue::Type::Array, source, pointer);
    for (std::size_t index = 0; index < array.size(); ++index) {
        if (!array.asArray()[index].isString()) {
            invalid(source, JsonPointer::appendIndex(JsonPointer::appendKey(pointer, key), index), "expected a string");
        }
        strings.push_back(array.asArray()[index].asString());
    }
    return strings;
}

void checkKeys(const JsonValue& object,
               std::initializer_list<const char*> known,
               const std::string& source,
               const std::string& pointer)
{
    for (const auto& [key, value] : object.asObject()) {
        if (std::none_of(known.begin(), known.end(), [&](const char* name) { return key == name; })) {
            invalid(source, JsonPointer::appendKey(pointer, key), "unknown field \"" + key + "\"");
        }
    }
}

} // namespace

JsonValue Program::toJson() const
{
    JsonValue::Array exerciseArray;
    for (const ProgramExercise& exercise : exercises) {
        JsonValue::Array reasons;
        for (const ProgramReason& reason : exercise.reasons) {
            reasons.emplace_back(JsonValue::Object{{"ruleId", reason.ruleId}, {"finding", reason.finding}});
        }
        exerciseArray.emplace_back(JsonValue::Object{{"exerciseId", exercise.exerciseId},
                                                     {"dosage", dosageToJson(exercise.dosage)},
                                                     {"note", exercise.note},
                                                     {"nerveFriendly", exercise.nerveFriendly},
                                                     {"reasons", JsonValue(std::move(reasons))}});
    }
    return JsonValue(JsonValue::Object{{"formatVersion", formatVersion},
                                       {"version", version},
                                       {"rulesetId", rulesetId},
                                       {"rulesetVersion", rulesetVersion},
                                       {"catalogueVersion", catalogueVersion},
                                       {"exercises", JsonValue(std::move(exerciseArray))},
                                       {"notes", stringsToJson(notes)},
                                       {"precautions", stringsToJson(precautions)},
                                       {"furtherAssessment", stringsToJson(furtherAssessment)}});
}

Program Program::fromJson(const JsonValue& value, const std::string& source)
{
    if (!value.isObject()) {
        invalid(source, "", "expected a program object");
    }
    checkKeys(value,
              {"formatVersion",
               "version",
               "rulesetId",
               "rulesetVersion",
               "catalogueVersion",
               "exercises",
               "notes",
               "precautions",
               "furtherAssessment"},
              source,
              "");
    const JsonValue& format = member(value, "formatVersion", JsonValue::Type::Number, source, "");
    if (format.asNumber() != formatVersion) {
        invalid(source,
                "/formatVersion",
                "format version " + JsonWriter::write(format) + " is not supported; expected "
                    + std::to_string(formatVersion));
    }
    Program program;
    const JsonValue& version = member(value, "version", JsonValue::Type::Number, source, "");
    if (version.asNumber() < 0 || version.asNumber() != std::floor(version.asNumber()) || version.asNumber() > 1e6) {
        invalid(source, "/version", "expected a whole number from 0");
    }
    program.version = static_cast<int>(version.asNumber());
    program.rulesetId = member(value, "rulesetId", JsonValue::Type::String, source, "").asString();
    program.rulesetVersion = member(value, "rulesetVersion", JsonValue::Type::String, source, "").asString();
    program.catalogueVersion = member(value, "catalogueVersion", JsonValue::Type::String, source, "").asString();
    program.notes = stringsFromJson(value, "notes", source, "");
    program.precautions = stringsFromJson(value, "precautions", source, "");
    program.furtherAssessment = stringsFromJson(value, "furtherAssessment", source, "");
    const JsonValue& exercises = member(value, "exercises", JsonValue::Type::Array, source, "");
    for (std::size_t index = 0; index < exercises.size(); ++index) {
        std::string pointer = JsonPointer::appendIndex("/exercises", index);
        const JsonValue& item = exercises.asArray()[index];
        if (!item.isObject()) {
            invalid(source, pointer, "expected an exercise object");
        }
        checkKeys(item, {"exerciseId", "dosage", "note", "nerveFriendly", "reasons"}, source, pointer);
        ProgramExercise exercise;
        exercise.exerciseId = member(item, "exerciseId", JsonValue::Type::String, source, pointer).asString();
        if (program.contains(exercise.exerciseId)) {
            invalid(source,
                    JsonPointer::appendKey(pointer, "exerciseId"),
                    "exercise \"" + exercise.exerciseId + "\" is listed twice");
        }
        try {
            exercise.dosage = dosageFromJson(member(item, "dosage", JsonValue::Type::Object, source, pointer),
                                             JsonPointer::appendKey(pointer, "dosage"));
        } catch (const Error& error) {
            throw Error(error.code(), source + ": " + error.what());
        }
        exercise.note = member(item, "note", JsonValue::Type::String, source, pointer).asString();
        exercise.nerveFriendly = member(item, "nerveFriendly", JsonValue::Type::Bool, source, pointer).asBool();
        const JsonValue& reasons = member(item, "reasons", JsonValue::Type::Array, source, pointer);
        for (std::size_t position = 0; position < reasons.size(); ++position) {
            std::string reasonPointer = JsonPointer::appendIndex(JsonPointer::appendKey(pointer, "reasons"), position);
            const JsonValue& reason = reasons.asArray()[position];
            if (!reason.isObject()) {
                invalid(source, reasonPointer, "expected a reason object");
            }
            checkKeys(reason, {"ruleId", "finding"}, source, reasonPointer);
            exercise.reasons.push_back(
                ProgramReason{member(reason, "ruleId", JsonValue::Type::String, source, reasonPointer).asString(),
                              member(reason, "finding", JsonValue::Type::String, source, reasonPointer).asString()});
        }
        program.exercises.push_back(std::move(exercise));
    }
    return program;
}

} // namespace backscreen::core
