#include "DocumentChecker.h"

#include "core/json/JsonPointer.h"

#include <algorithm>
#include <cmath>

namespace backscreen::core {

DocumentChecker::DocumentChecker(std::string source, ErrorCode unknownFieldCode, ErrorCode invalidFieldCode)
    : m_source(std::move(source))
    , m_unknownFieldCode(unknownFieldCode)
    , m_invalidFieldCode(invalidFieldCode)
{}

void DocumentChecker::report(ErrorCode code,
                             const std::string& pointer,
                             const std::string& subject,
                             const std::string& message)
{
    m_diagnostics.push_back(Diagnostic{code, Severity::Error, m_source, pointer, subject, message});
}

void DocumentChecker::checkKeys(const JsonValue& object,
                                const std::string& pointer,
                                const std::string& subject,
                                std::initializer_list<std::string_view> known)
{
    if (!object.isObject()) {
        return;
    }
    for (const auto& [key, value] : object.asObject()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            std::string expected;
            for (std::string_view name : known) {
                expected += expected.empty() ? std::string(name) : ", " + std::string(name);
            }
            report(m_unknownFieldCode,
                   JsonPointer::appendKey(pointer, key),
                   subject,
                   "unknown field \"" + key + "\"; expected one of " + expected);
        }
    }
}

std::string DocumentChecker::string(const JsonValue& object,
                                    std::string_view key,
                                    const std::string& pointer,
                                    const std::string& subject,
                                    bool required)
{
    const JsonValue* value = object.find(key);
    if (value == nullptr || value->isNull()) {
        if (required) {
            report(
                m_invalidFieldCode, pointer, subject, "missing field \"" + std::string(key) + "\"; expected a string");
        }
        return {};
    }
    if (!value->isString() || (required && value->asString().empty())) {
        report(m_invalidFieldCode, JsonPointer::appendKey(pointer, key), subject, "expected a non-empty string");
        return {};
    }
    return value->asString();
}

std::vector<std::string> DocumentChecker::stringArray(const JsonValue& object,
                                                      std::string_view key,
                                                      const std::string& pointer,
                                                      const std::string& subject,
                                                      bool required)
{
    std::vector<std::string> result;
    const JsonValue* value = object.find(key);
    if (value == nullptr || value->isNull()) {
        if (required) {
            report(m_invalidFieldCode,
                   pointer,
                   subject,
                   "missing field \"" + std::string(key) + "\"; expected an array of strings");
        }
        return result;
    }
    std::string where = JsonPointer::appendKey(pointer, key);
    if (!value->isArray()) {
        report(m_invalidFieldCode, where, subject, "expected an array of strings");
        return result;
    }
    for (std::size_t index = 0; index < value->size(); ++index) {
        const JsonValue& element = value->asArray()[index];
        if (!element.isString() || element.asString().empty()) {
            report(m_invalidFieldCode, JsonPointer::appendIndex(where, index), subject, "expected a non-empty string");
            continue;
        }
        result.push_back(element.asString());
    }
    return result;
}

std::optional<int> DocumentChecker::integer(const JsonValue& object,
                                            std::string_view key,
                                            const std::string& pointer,
                                            const std::string& subject,
                                            bool required)
{
    const JsonValue* value = object.find(key);
    if (value == nullptr || value->isNull()) {
        if (required) {
            report(m_invalidFieldCode,
                   pointer,
                   subject,
                   "missing field \"" + std::string(key) + "\"; expected a whole number");
        }
        return std::nullopt;
    }
    if (!value->isNumber() || value->asNumber() != std::floor(value->asNumber()) || value->asNumber() < 0
        || value->asNumber() > 100000) {
        report(m_invalidFieldCode,
               JsonPointer::appendKey(pointer, key),
               subject,
               "expected a whole number from 0 to 100000");
        return std::nullopt;
    }
    return static_cast<int>(value->asNumber());
}

bool DocumentChecker::boolean(const JsonValue& object,
                              std::string_view key,
                              const std::string& pointer,
                              const std::string& subject,
                              bool required)
{
    const JsonValue* value = object.find(key);
    if (value == nullptr || value->isNull()) {
        if (required) {
            report(m_invalidFieldCode,
                   pointer,
                   subject,
                   "missing field \"" + std::string(key) + "\"; expected true or false");
        }
        return false;
    }
    if (!value->isBool()) {
        report(m_invalidFieldCode, JsonPointer::appendKey(pointer, key), subject, "expected true or false");
        return false;
    }
    return value->asBool();
}

} // namespace backscreen::core
